"""Temporal expressions inside one sentence: periods with their cue and anchor, dates, schedules, events.

Each finder returns `Hit`s with offsets into the whole document. A hit says how the period counts
(direction, anchor) as far as the words around it tell; `rules.py` then fixes the due date from the facts.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from obligations.extract.en import patterns as P
from obligations.extract.en.dates import BLANK_DATE_RE, DateList
from obligations.extract.en.numbers import parse_number
from obligations.model import AnchorType, Direction, Period, Recurrence, Unit

LEFT_WINDOW = 90  # characters looked at before an amount for its cue
RIGHT_WINDOW = 220  # characters looked at after it for the anchor
ANCHOR_MAX = 110  # longest anchor phrase kept
DUTY_WINDOW = 90  # an event without an amount counts when a payment or delivery is named this close to it


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    direction: Direction
    anchor_type: AnchorType
    period: Period | None = None
    blank: bool = False  # a template blank stood where the amount goes
    anchor_label: str | None = None
    recurrence: Recurrence | None = None
    recurrence_day: int | None = None
    fixed_date: dt.date | None = None
    cue: str = ""  # the leading word(s): "within", "no later than", "for"
    relation: str = ""  # "notice", "after", "before", "thereafter", "period", "response", ""
    source: str = "period"  # period | date | recurring | event
    amount_start: int = -1  # where the amount itself starts (after the cue)
    confidence: float = 0.6


def _squash(text: str) -> str:
    return " ".join(text.split())


def classify_anchor(label: str) -> AnchorType:
    for regex, kind in P.ANCHOR_TYPES:
        if regex.search(label):
            return kind
    for regex, _ in P.RECURRENCE_RES:
        if regex.search(label):
            return AnchorType.RECURRING
    return AnchorType.EVENT


def recurrence_of(label: str) -> Recurrence | None:
    for regex, rec in P.RECURRENCE_RES:
        if regex.search(label):
            return rec
    return None


def _anchor_phrase(text: str, start: int, limit: int) -> tuple[int, str]:
    """The anchor noun phrase starting at `start`: up to a clause boundary, at most ANCHOR_MAX chars."""
    end = min(limit, start + ANCHOR_MAX)
    stop = P.ANCHOR_STOP_RE.search(text, start, end)
    if stop:
        end = stop.start()
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return end, text[start:end]


def durations(text: str, s_start: int, s_end: int) -> list[tuple[re.Match[str], int]]:
    """Each amount of time in text[s_start:s_end] with where it ends (after a possessive "days'")."""
    found: list[tuple[re.Match[str], int]] = []
    last_end = s_start
    for unit in P.UNIT_WORD_RE.finditer(text, s_start, s_end):
        m = P.DURATION_ENDING_RE.search(text, max(last_end, unit.start() - P.DURATION_LOOK_BACK), unit.end())
        if m is None:
            continue
        poss = P.POSSESSIVE_RE.match(text, m.end(), s_end)
        end = poss.end() if poss else m.end()
        found.append((m, end))
        last_end = end
    return found


def find_periods(text: str, s_start: int, s_end: int) -> list[Hit]:
    """Amounts of time ("within thirty (30) days after receipt of invoice") in text[s_start:s_end]."""
    hits: list[Hit] = []
    for m, m_end in durations(text, s_start, s_end):
        period, blank = period_of(m)
        if period is None and not blank:
            continue
        if blank and _BLANK_DATE_TAIL_RE.match(text, m_end):
            continue  # "the [·] day of [·], 2019": a blank date, found by find_dates_in
        if P.LOOK_BACK_RE.search(text, max(s_start, m.start() - 20), m.start()):
            continue  # "not covered for the last 12 months": a window behind us
        if P.RATE_RE.match(text, m_end, s_end):
            continue  # "open at least forty (40) hours per week"
        if m.group("ord") and not _counted_from(text, m_end, s_end):
            continue  # "the third business day after deposit" counts; "the 1st day of June" is a date
        if m.group("art") and _unit_just_before(text, m.start()):
            continue  # "24 hours a day": a rate, not an amount
        left = P.LEFT_CUE_RE.search(text, max(s_start, m.start() - LEFT_WINDOW), m.start())
        cue = _squash(left.group("cue")).lower() if left else ""
        start = left.start() if left else m.start()
        relation, end, label = _what_follows(text, m_end, s_end)
        # a bare amount ("seven days") states no deadline unless it shares the anchor of the next one (merge.py)
        if relation in ("", "period") and P.ADJECTIVE_NOUN_RE.match(text, m_end, s_end):
            continue  # "each One (1) Year contract": an adjective, not a deadline
        hit = _period_hit(start, end, period, blank, cue, relation, label, m.group("art") is not None)
        if relation == "period" and cue.split(" ", 1)[0] in ("each", "every") and period is not None:
            hit = _repeating(hit, period)
        hits.append(replace(hit, amount_start=m.start()))
    return hits


_BLANK_DATE_TAIL_RE = re.compile(r"(?<![sS])\s{1,3}of\s{1,3}(?:\[|_|[A-Z])")


def _what_follows(text: str, at: int, s_end: int) -> tuple[str, int, str | None]:
    """(relation, end of the phrase, anchor label) from the words after an amount ending at `at`."""
    right = P.RIGHT_RE.match(text, at, s_end)
    if right is None:
        return "", at, None
    if right.group("notice"):
        return "notice", right.end(), None
    if right.group("thereafter"):
        return "thereafter", right.end(), "thereafter"
    if right.group("after") or right.group("before"):
        a_start = right.end()
        while a_start < s_end and text[a_start].isspace():
            a_start += 1
        a_end, label = _anchor_phrase(text, a_start, s_end)
        if not label:
            return "", at, None
        return ("after" if right.group("after") else "before"), a_end, label
    if right.group("period"):
        return "period", right.end(), None
    if right.group("overdue"):
        return "after", right.end(), "due date"  # "30 or more days overdue": counted from the due date
    if right.group("response"):
        return "response", right.end(), None  # "1-business-day email response": a response time
    return "", at, None


def find_redacted_periods(text: str, s_start: int, s_end: int) -> list[Hit]:
    """A redaction or blank in place of amount and unit: reported with the amount unknown."""
    hits: list[Hit] = []
    for m in P.REDACTED_PERIOD_RE.finditer(text, s_start, s_end):
        right = P.RIGHT_RE.match(text, m.end(), s_end)
        if right is None or not (right.group("after") or right.group("before")):
            continue
        a_start = right.end()
        while a_start < s_end and text[a_start].isspace():
            a_start += 1
        a_end, label = _anchor_phrase(text, a_start, s_end)
        relation = "after" if right.group("after") else "before"
        cue = _squash(m.group("cue")).lower()
        hit = _period_hit(m.start(), max(a_end, right.end()), None, True, cue, relation, label or None, False)
        hits.append(replace(hit, amount_start=m.start("blank")))
    return hits


def _repeating(hit: Hit, period: Period) -> Hit:
    """'for each 30 day period': a period that repeats; the schedule is the nearest calendar one."""
    days = {Unit.DAY: 1, Unit.BUSINESS_DAY: 1.4, Unit.WEEK: 7, Unit.MONTH: 30, Unit.YEAR: 365}.get(period.unit)
    if days is None or period.value is None:
        return hit
    span = period.value * days
    recurrence = (
        Recurrence.WEEKLY if span <= 10 else Recurrence.MONTHLY if span <= 45 else
        Recurrence.QUARTERLY if span <= 120 else Recurrence.YEARLY
    )  # fmt: skip
    return replace(hit, anchor_type=AnchorType.RECURRING, recurrence=recurrence)


def _counted_from(text: str, at: int, limit: int) -> bool:
    right = P.RIGHT_RE.match(text, at, limit)
    return bool(right and right.group("after") and right.group("after").lower() != "of")


def _unit_just_before(text: str, at: int) -> bool:
    before = text[max(0, at - 12) : at].lower().split()
    return bool(before) and before[-1].rstrip("s") in {"hour", "day", "week", "month", "minute", "time"}


def period_of(m: re.Match[str]) -> tuple[Period | None, bool]:
    if m.group("blank"):  # "within ____ days": the unit is known, the number is for the lawyer to fill in
        unit = next((u for name, u in P.UNIT_BY_GROUP.items() if m.group(name)), None)
        if m.group("quarter"):
            unit = Unit.MONTH
        return (Period(None, unit) if unit is not None else None), True
    value = parse_number(m.group("num") or m.group("art") or m.group("ord") or "")
    if value is None or value <= 0:
        return None, False
    if m.group("quarter"):
        return Period(value * 3, Unit.MONTH), False
    for name, unit in P.UNIT_BY_GROUP.items():
        if m.group(name):
            return Period(value, unit), False
    return None, False


def _period_hit(
    start: int,
    end: int,
    period: Period | None,
    blank: bool,
    cue: str,
    relation: str,
    label: str | None,
    article: bool,
) -> Hit:
    confidence = 0.85 if relation in ("after", "before", "notice") else 0.7
    if blank:
        confidence = 0.2
    if article and not cue:
        confidence -= 0.2
    if relation == "notice":
        direction, anchor = Direction.BEFORE, AnchorType.TERMINATION
    elif relation == "before" or cue.startswith("prior"):
        direction, anchor = Direction.BEFORE, classify_anchor(label or "")
    else:
        direction, anchor = Direction.AFTER, classify_anchor(label or "") if label else AnchorType.EVENT
    recurrence = recurrence_of(label) if label and anchor == AnchorType.RECURRING else None
    return Hit(
        start=start,
        end=end,
        direction=direction,
        anchor_type=anchor,
        period=period,
        blank=blank,
        anchor_label=_squash(label) if label else None,
        recurrence=recurrence,
        cue=cue,
        relation=relation,
        confidence=confidence,
    )


def find_dates_in(text: str, s_start: int, s_end: int, dates: DateList, *, low: str | None = None) -> list[Hit]:
    """Hits for `dates`, the calendar dates inside text[s_start:s_end] (`low`: that text lower-cased, if known)."""
    """Calendar dates ("no later than April 15, 2000", "the 1st of March, 2003"), each a fixed deadline."""
    hits: list[Hit] = []
    for m, date in dates:
        start, end = m.start(), m.end()
        left = P.DATE_CUE_RE.search(text, max(s_start, start - 60), start)
        cue = _squash(left.group("cue")).lower() if left else ""
        if left and cue.split()[0] in ("by", "on", "no", "not", "before", "until"):
            start = left.start()
        if text[max(s_start, start - 4) : start].lower().endswith("the "):
            start -= 4  # "the 1st of March, 2003"
        hits.append(
            Hit(start, end, Direction.BY, AnchorType.ABSOLUTE, fixed_date=date, cue=cue, source="date",
                confidence=0.8 if cue else 0.7)
        )  # fmt: skip
    low = text[s_start:s_end].lower() if low is None else low
    blanks = BLANK_DATE_RE.finditer(text, s_start, s_end) if "day of" in low else ()
    for m in blanks:
        hits.append(Hit(m.start(), m.end(), Direction.BY, AnchorType.ABSOLUTE, blank=True, source="date",
                        confidence=0.2))  # fmt: skip
    return hits


def find_recurring(text: str, s_start: int, s_end: int) -> list[Hit]:
    """Schedules with no amount: "monthly", "per month", "on a weekly basis", "on the 5th of each month"."""
    hits: list[Hit] = []
    for m in P.RECURRING_RE.finditer(text, s_start, s_end):
        if _unit_just_before(text, m.start()):
            continue  # "hours per week": a rate
        if m.group("adverb") and not m.group("noun"):
            nxt = P.RECURRING_ADVERB_NEXT_RE.match(text, m.end(), s_end)
            if nxt and nxt.group(0).strip().isalpha() and nxt.group(0).strip().lower() not in _ADVERB_FOLLOWERS:
                continue  # "two monthly installments": an adjective on a noun, no schedule
        recurrence = recurrence_of(m.group(0)) or _ADVERB.get(m.group("adverb").lower() if m.group("adverb") else "")
        if recurrence is None:
            continue
        day = int(m.group("dom")) if m.group("dom") else None
        hits.append(
            Hit(m.start(), m.end(), Direction.BY, AnchorType.RECURRING, recurrence=recurrence, recurrence_day=day,
                anchor_label=None, source="recurring", confidence=0.55)
        )  # fmt: skip
    return hits


_ADVERB = {
    "daily": Recurrence.DAILY,
    "weekly": Recurrence.WEEKLY,
    "bi-weekly": Recurrence.WEEKLY,
    "monthly": Recurrence.MONTHLY,
    "quarterly": Recurrence.QUARTERLY,
    "annually": Recurrence.YEARLY,
    "yearly": Recurrence.YEARLY,
    "semi-annually": Recurrence.YEARLY,
}
# words that may follow an adverbial "monthly" without turning it into an adjective
_ADVERB_FOLLOWERS = frozenset({"for", "in", "on", "and", "or", "by", "during", "thereafter", "at", "to", "until"})


def find_events(text: str, s_start: int, s_end: int) -> list[Hit]:
    """Deadlines with no amount: "upon the signing of this Agreement", "the following business day"."""
    hits: list[Hit] = []
    for m in P.EVENT_RE.finditer(text, s_start, s_end):
        if m.group("sign"):
            hit = Hit(m.start(), m.end(), Direction.AFTER, AnchorType.SIGNING, anchor_label="signing of this Agreement")
        elif m.group("dated"):
            hit = Hit(m.start(), m.end(), Direction.AFTER, AnchorType.SIGNING, anchor_label="date of this Agreement")
        elif m.group("eff"):
            hit = Hit(m.start(), m.end(), Direction.AFTER, AnchorType.EFFECTIVE, anchor_label="Effective Date")
        elif m.group("anniv"):
            years = parse_number(m.group("nth")) or 1
            label = _squash(m.group("anniv_of"))
            hit = Hit(m.start(), m.end(), Direction.AFTER, classify_anchor(label), period=Period(years, Unit.YEAR),
                      anchor_label=label)  # fmt: skip
            hits.append(replace(hit, source="event", cue="anniversary", confidence=0.7))
            continue
        elif m.group("next"):
            hit = Hit(m.start(), m.end(), Direction.AFTER, AnchorType.EVENT, period=Period(1, Unit.BUSINESS_DAY))
        elif m.group("done"):
            label = _squash(m.group("done")).split(" ", 1)[1]
            hit = Hit(m.start(), m.end(), Direction.AFTER, AnchorType.EVENT, anchor_label=label)
        elif m.group("duration"):
            if not P.AGREEMENT_SUBJECT_RE.search(text, s_start, m.start()):
                continue
            label = "end of the " + _squash(m.group("duration")).split(" of ", 1)[1]
            hits.append(Hit(m.start(), m.end(), Direction.BY, AnchorType.EVENT, anchor_label=label, source="event",
                            confidence=0.5))  # fmt: skip
            continue
        else:
            hit = Hit(m.start(), m.end(), Direction.BY, AnchorType.EXPIRY, anchor_label="end of the Term")
        near = text[max(s_start, m.start() - DUTY_WINDOW) : min(s_end, m.end() + DUTY_WINDOW)]
        if not m.group("next") and not m.group("anytime") and not P.DUTY_RE.search(near):
            continue  # "upon the effective date ... shall have the right": a start, not a deadline
        hits.append(replace(hit, source="event", confidence=0.6))
    return hits
