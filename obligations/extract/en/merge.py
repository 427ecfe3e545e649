"""Combine the hits of one sentence: drop those inside another, join ranges and coordinated amounts.

- a hit inside a longer one is part of it ("the initial one (1) year term" inside the anchor of a period);
- "April 15, 2000 through October 15, 2000 (6 Months from the Effective Date)" and "12 weeks from February 8,
  2018 to May 3, 2018" are one range: one obligation, due at the range's end;
- "for a thirty (30) day period, beginning thirty (30) days prior to the first anniversary" is one window;
- "(A) ..., 15 days and (B) ..., 30 days after notice": the bare amount takes the anchor of the next one.
"""

from __future__ import annotations

import re
from dataclasses import replace

from obligations.extract.en.expressions import Hit
from obligations.model import AnchorType, Direction

_I = re.IGNORECASE
# what may separate the two ends of one range, or a range and its length in brackets
_RANGE_GAP_RE = re.compile(r"[\s(),]{0,6}(?:through|thru|to|until|till|and\s{1,9}ending\s{1,9}on|-|–)?[\s(),]{0,6}", _I)
_WINDOW_GAP_RE = re.compile(r"[\s,]{1,6}(?:beginning|commencing|starting|ending)(?:\s{1,9}on)?\s{1,9}", _I)
_START_GAP_RE = re.compile(
    r"[\s,]{1,6}(?:beginning|commencing|starting|effective)(?:\s{1,9}(?:in|on|with|from|as\s{1,9}of))?\s{1,9}", _I
)
_COORD_GAP_RE = re.compile(r"\b(?:and|or)\b", _I)
COORD_MAX = 160  # characters between a bare amount and the anchored one it shares


def merge_hits(text: str, hits: list[Hit]) -> list[Hit]:
    if len(hits) < 2:  # the usual sentence: nothing to join, only the bare amount to drop
        return [h for h in hits if h.source != "period" or h.cue or h.relation]
    hits = _absorb_dates_in_anchor(hits)
    hits = _drop_contained(hits)
    hits = _join_adjacent(text, hits)
    return [h for h in _drop_contained(hits) if h.source != "period" or h.cue or h.relation]


def _absorb_dates_in_anchor(hits: list[Hit]) -> list[Hit]:
    """'12 weeks from February 8, 2018 to May 3, 2018': the period ends on the last date of its anchor."""
    out: list[Hit] = []
    dates = [h for h in hits if h.source == "date" and h.fixed_date is not None]
    for hit in hits:
        if hit.source == "period" and hit.relation == "after":
            inside = [d for d in dates if hit.start <= d.start and d.end <= hit.end]
            if inside:
                last = max(inside, key=lambda d: d.start)
                hit = replace(hit, direction=Direction.BY, anchor_type=AnchorType.ABSOLUTE, fixed_date=last.fixed_date)
        out.append(hit)
    return out


def _drop_contained(hits: list[Hit]) -> list[Hit]:
    ordered = sorted(hits, key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[Hit] = []
    for hit in ordered:
        if kept and kept[-1].start <= hit.start and hit.end <= kept[-1].end:
            continue
        if kept and hit.start < kept[-1].end:
            # partial overlap: keep the more informative one (a period over a bare date or schedule)
            if _rank(hit) > _rank(kept[-1]):
                kept[-1] = hit
            continue
        kept.append(hit)
    return kept


def _rank(hit: Hit) -> int:
    return {"period": 3, "event": 2, "date": 1, "recurring": 0}[hit.source] + (hit.period is not None)


def _join_adjacent(text: str, hits: list[Hit]) -> list[Hit]:
    out: list[Hit] = []
    for hit in hits:
        prev = out[-1] if out else None
        if prev is not None and _is_range(text, prev, hit):
            out[-1] = _range(prev, hit)
            continue
        if prev is not None and prev.source == "recurring" and hit.source == "date" and _starts(text, prev, hit):
            # "by the 5th day of each month beginning in April 1, 1999": the schedule and its first date
            label = f"first on {hit.fixed_date.isoformat()}" if hit.fixed_date else None
            out[-1] = replace(prev, end=hit.end, anchor_label=label)
            continue
        if prev is not None and _is_window(text, prev, hit):
            out[-1] = replace(hit, start=prev.start, period=prev.period or hit.period)
            continue
        out.append(hit)
    return _coordinate(text, out)


def _is_range(text: str, a: Hit, b: Hit) -> bool:
    if "date" not in (a.source, b.source) or a.source == "recurring" or b.source == "recurring":
        return False
    gap = _RANGE_GAP_RE.fullmatch(text, a.end, b.start)
    return gap is not None and b.start - a.end <= 40


def _range(a: Hit, b: Hit) -> Hit:
    """One hit for the whole range: the period's rule if a period is stated, else due on the last date."""
    period_hit = a if a.source == "period" else b if b.source == "period" else None
    if period_hit is not None:
        return replace(period_hit, start=a.start, end=b.end)
    return replace(b, start=a.start, end=b.end, cue=a.cue or b.cue)


def _starts(text: str, a: Hit, b: Hit) -> bool:
    return _START_GAP_RE.fullmatch(text, a.end, b.start) is not None


def _is_window(text: str, a: Hit, b: Hit) -> bool:
    return (
        a.source == b.source == "period"
        and a.relation in ("period", "")
        and b.relation in ("before", "after")
        and _WINDOW_GAP_RE.fullmatch(text, a.end, b.start) is not None
    )


def _coordinate(text: str, hits: list[Hit]) -> list[Hit]:
    """A bare amount coordinated with an anchored one shares its anchor: '15 days and ... 30 days after notice'."""
    out = list(hits)
    for i, hit in enumerate(out):
        if hit.source != "period" or hit.cue or hit.relation:
            continue
        nxt = out[i + 1] if i + 1 < len(out) else None
        if nxt is None or nxt.source != "period" or nxt.relation not in ("after", "before"):
            continue
        if nxt.start - hit.end > COORD_MAX or not _COORD_GAP_RE.search(text, hit.end, nxt.start):
            continue
        out[i] = replace(
            hit,
            relation="coordinated",
            direction=nxt.direction,
            anchor_type=nxt.anchor_type,
            anchor_label=nxt.anchor_label,
            recurrence=nxt.recurrence,
            confidence=nxt.confidence - 0.1,
        )
    return out
