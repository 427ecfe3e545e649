"""Periods that are time limits ("签订之日起30日内", "提前3个工作日", "有效期一年"): anchor, kind, date."""

from __future__ import annotations

from collections.abc import Sequence

from obligations.extract.zh import vocab, vocab_roles
from obligations.extract.zh.anchors import Anchor, Marking, anchor_for, marking, with_trigger
from obligations.extract.zh.dates import due_date, term_end
from obligations.extract.zh.document import Document, action_span, make_obligation
from obligations.extract.zh.parties import kind_of
from obligations.extract.zh.segment import Sentence, clause_bounds
from obligations.extract.zh.temporal import Span
from obligations.model import AnchorType, Direction, DueRule, ExtractedObligation, Kind, Period, Recurrence, Unit

_SERIES_RECURRENCE: dict[tuple[float, Unit], Recurrence] = {
    (1, Unit.DAY): Recurrence.DAILY,
    (1, Unit.WEEK): Recurrence.WEEKLY,
    (1, Unit.MONTH): Recurrence.MONTHLY,
    (3, Unit.MONTH): Recurrence.QUARTERLY,
    (12, Unit.MONTH): Recurrence.YEARLY,
    (1, Unit.YEAR): Recurrence.YEARLY,
}


def _term_start(doc: Document, sent: Sentence, spans_before: list[Span], spans_after: Sequence[Span]) -> Span | None:
    """A stated first day of the term in the same sentence: "自2018年1月1日零时起 ... 共计五年", or right after
    the term: "租赁期限为两年，自2026年1月1日起至2027年12月31日止"."""

    def opens(s: Span) -> bool:
        return doc.folded[max(sent.start, s.start - 3) : s.start].rstrip(" ").endswith(("自", "从"))

    for s in reversed(spans_before):
        if s.kind == "date" and s.date is not None and s.start >= sent.start and opens(s):
            return s
    for s in spans_after[:1]:  # only the very next expression, and only when it opens the term
        if s.kind == "date" and s.date is not None and s.end <= sent.end and opens(s):
            return s
    return None


def _term_anchor(doc: Document, sent: Sentence, mark: Marking, start: Span | None) -> tuple[Anchor, Kind]:
    assert mark.term is not None
    if mark.term in vocab.TERM_ANCHORS:
        kind, label, duty = vocab.TERM_ANCHORS[mark.term]
        return Anchor(kind, label), duty
    if start is not None:
        return Anchor(AnchorType.ABSOLUTE, doc.text[start.start : start.end].replace(" ", "")), Kind.EXPIRY
    whole = doc.folded[sent.start : sent.end]
    for word, kind in vocab.ANCHOR_KEYWORDS:
        if word in whole and kind in (AnchorType.SIGNING, AnchorType.EFFECTIVE):
            if kind is AnchorType.EFFECTIVE and not any(f in whole for f in vocab.EFFECTIVE_POINT_FORMS):
                continue
            return Anchor(kind, word), Kind.EXPIRY
    if "算起" in whole or "起算" in whole:
        return Anchor(AnchorType.EVENT, None), Kind.EXPIRY
    return Anchor(AnchorType.EFFECTIVE, "合同生效"), Kind.EXPIRY


def _period_anchor(
    doc: Document,
    span: Span,
    sent: Sentence,
    mark: Marking,
    spans_before: list[Span],
    first_day: Span | None,
    trigger: int,
) -> tuple[Anchor, Kind | None]:
    """The anchor of a marked period (and the kind, when the term noun already says it)."""
    f = doc.folded
    if mark.series:
        key = (span.value or 0, span.unit)
        return Anchor(AnchorType.RECURRING, "每" + doc.text[span.start : span.end], _SERIES_RECURRENCE.get(key)), None
    if mark.term:
        return _term_anchor(doc, sent, mark, first_day)
    clause = clause_bounds(f, sent, span.start)
    previous = f[clause_bounds(f, sent, clause[0] - 2)[0] : clause[0]] if clause[0] - 2 >= sent.start else ""
    rest = f[mark.phrase_end : clause[1]]
    anchor = anchor_for(
        f, clause_lo=clause[0], start=mark.phrase_start, direction=mark.direction, rest=rest, previous=previous
    )
    if anchor.type is AnchorType.EVENT and anchor.label:
        # "每月末提交清单，甲方于清单开出之日起三天内付款": the trigger is made anew each period, so the period
        # repeats with it; "中间交接后10日内" after a monthly payment clause is still a one-off event.
        for s in spans_before:
            made_each_period = anchor.label[:2] in f[s.end : trigger]
            if s.kind == "recurring_day" and s.start >= sent.start and made_each_period:
                anchor = Anchor(AnchorType.RECURRING, anchor.label, s.recurrence)
                break
    return anchor, None


def _period_kind(
    doc: Document, sent: Sentence, clause: tuple[int, int], trigger: int, mark: Marking, anchor: Anchor
) -> Kind:
    f = doc.folded
    a0, a1 = action_span(doc, sent, clause, mark.phrase_end)
    kind = kind_of(f[a0:a1], before=f[clause[0] : trigger])
    if mark.direction is Direction.BEFORE and kind is Kind.OTHER:
        kind = Kind.NOTICE  # 提前30日 with no other duty named: a notice period
    renewal = any(w in f[sent.start : sent.end] for w in vocab_roles.RENEWAL_CUES)
    if mark.direction is Direction.BEFORE and anchor.type is AnchorType.EXPIRY and renewal:
        kind = Kind.RENEWAL  # 期满前30日提出续租 / 未提出异议的自动续期: the non-renewal window
    return kind


_CONDITIONAL = ("如果", "如", "若", "倘若", "假如", "一旦")


def _period_confidence(
    doc: Document, sent: Sentence, clause: tuple[int, int], mark: Marking, anchor: Anchor, *, blank: bool
) -> float:
    """0.8 for a plain deadline; less for blanks, terms, bare 后 and periods inside a condition."""
    f = doc.folded
    if blank:
        return 0.3  # a template blank: the user must fill the number in
    confidence = 0.8
    if mark.term:
        confidence -= 0.15  # a term may be a definition rather than a duty
    if anchor.type is AnchorType.EVENT and not f[mark.phrase_end : clause[1]].strip(" ,"):
        confidence -= 0.1  # nothing named after the period
    if f[mark.phrase_end - 1 : mark.phrase_end] == "后":
        confidence -= 0.1  # "28天后，仍未…": often the start of a consequence, not a deadline
    openings = (f[sent.start : sent.start + 12].lstrip(" (0123456789.)、"), f[clause[0] : clause[0] + 4])
    if any(o.startswith(_CONDITIONAL) for o in openings):
        confidence -= 0.1  # "如在两个月内不能痊愈": a condition
    return confidence


def period_obligation(
    doc: Document,
    span: Span,
    sent: Sentence,
    spans_before: list[Span],
    spans_after: list[Span] = (),  # type: ignore[assignment]
) -> ExtractedObligation | None:
    f = doc.folded
    day = span.unit in (Unit.DAY, Unit.BUSINESS_DAY)
    mark = marking(f, span.start, span.end, sent.start, sent.end, unit_is_day=day, unit_is_year=span.unit is Unit.YEAR)
    if mark is None:
        return None
    if f[mark.phrase_end : mark.phrase_end + 1] == "每" and not mark.series:
        return None  # "3年内每半年支付": the bound of a series; the series itself is the obligation
    clause = clause_bounds(f, sent, span.start)
    start = mark.phrase_start
    if not (mark.series or mark.term):
        start = with_trigger(f, max([clause[0]] + [s.end for s in spans_before if s.end <= start]), start)
    assert span.unit is not None
    # A blank ("____日内") keeps its unit: Period(None, unit), the number left for the lawyer to fill in.
    period = Period(span.value, span.unit)
    first_day = _term_start(doc, sent, spans_before, spans_after) if mark.term else None
    anchor, kind = _period_anchor(doc, span, sent, mark, spans_before, first_day, start)
    kind = kind or _period_kind(doc, sent, clause, start, mark, anchor)
    # "自2026年1月1日起…两年": the term's own first day is the anchor, and it is day one of the term (so the app
    # dates it to 2027-12-31, as the text does).
    stated_start = first_day.date if first_day is not None and anchor.type is AnchorType.ABSOLUTE else None
    rule = DueRule(
        direction=mark.direction,
        anchor_type=anchor.type,
        period=period,
        fixed_date=stated_start,
        recurrence=anchor.recurrence,
        anchor_label=anchor.label,
        include_start_day=mark.inclusive or stated_start is not None,
    )
    date = due_date(rule, doc.facts, term=mark.term is not None)
    if first_day is not None and first_day.date is not None and period is not None:
        date = term_end(first_day.date, period)  # 自2018年1月1日起…共计五年
    confidence = _period_confidence(doc, sent, clause, mark, anchor, blank=span.value is None)
    return make_obligation(
        doc, sent, start, mark.phrase_end, rule, kind=kind, date=date, confidence=confidence, core=span.start
    )
