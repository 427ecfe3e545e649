"""From temporal expressions to obligations: party, action, kind, trigger, DueRule and date."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass

from obligations.extract.zh import vocab
from obligations.extract.zh.anchors import Anchor, Marking, anchor_for, marking, with_trigger
from obligations.extract.zh.dates import due_date, term_end
from obligations.extract.zh.parties import PartyFinder, action_of, kind_of
from obligations.extract.zh.segment import Sentence, clause_bounds, quote_bounds
from obligations.extract.zh.temporal import Span
from obligations.model import (
    AnchorType,
    Direction,
    DocumentFacts,
    DueRule,
    ExtractedObligation,
    Kind,
    Period,
    Recurrence,
    Unit,
)

# Term nouns whose period runs from something other than the contract's effective date.
_TERM_ANCHORS: dict[str, tuple[AnchorType, str, Kind]] = {
    "工期": (AnchorType.EVENT, "开工", Kind.PERFORMANCE),  # construction period runs from commencement
    "保修": (AnchorType.EVENT, "交付验收", Kind.RETENTION),
    "保修期限": (AnchorType.EVENT, "交付验收", Kind.RETENTION),
    "质保期限": (AnchorType.EVENT, "交付验收", Kind.RETENTION),
    "质量保证期": (AnchorType.EVENT, "交付验收", Kind.RETENTION),
    "宽限期": (AnchorType.EVENT, "应付款日", Kind.PAYMENT),
    "保修期": (AnchorType.EVENT, "交付验收", Kind.RETENTION),
    "质保": (AnchorType.EVENT, "交付验收", Kind.RETENTION),
    "质保期": (AnchorType.EVENT, "交付验收", Kind.RETENTION),
    "缺陷责任期": (AnchorType.EVENT, "竣工验收", Kind.RETENTION),
    "试用期": (AnchorType.EVENT, "入职", Kind.OTHER),
}
_SERIES_RECURRENCE: dict[tuple[float, Unit], Recurrence] = {
    (1, Unit.DAY): Recurrence.DAILY,
    (1, Unit.WEEK): Recurrence.WEEKLY,
    (1, Unit.MONTH): Recurrence.MONTHLY,
    (3, Unit.MONTH): Recurrence.QUARTERLY,
    (12, Unit.MONTH): Recurrence.YEARLY,
    (1, Unit.YEAR): Recurrence.YEARLY,
}
_DATE_BY_AFTER = ("之前", "以前", "前", "为止", "止")
_DATE_BY_BEFORE = ("截止到", "截止于", "不迟于", "不晚于", "最迟于", "最迟", "最晚")
_TERM_WORDS = ("期限", "期", "有效", "合同", "协议")  # not "土地使用年限自…至…": a land right, no duty
_TERM_END_WORDS = (*vocab.CONTRACT_TERM_LABELS, "届满", "到期", "终止")
_DATE_END_VERBS = ("全部终止", "终止", "届满", "到期", "结束")


@dataclass
class Document:
    text: str
    folded: str
    sentences: list[Sentence]
    facts: DocumentFacts
    parties: PartyFinder

    def __post_init__(self) -> None:
        self._starts = [s.start for s in self.sentences]

    def sentence_at(self, pos: int) -> Sentence | None:
        i = bisect_right(self._starts, pos) - 1
        if i >= 0 and self.sentences[i].start <= pos < self.sentences[i].end:
            return self.sentences[i]
        return None


_LEAD_SKIP = ("应由", "由", "则", "即由")


def _party(doc: Document, sent: Sentence, clause: tuple[int, int], start: int, after_end: int) -> str | None:
    f = doc.folded
    lead = after_end
    while lead < sent.end and f[lead] in " ,，\n":
        lead += 1
    for word in _LEAD_SKIP:  # "，由甲乙双方协商" / "，则华明销售可以"
        if f.startswith(word, lead):
            lead += len(word)
            break
    return (
        doc.parties.leading(f, lead, min(sent.end, lead + 12))
        or doc.parties.actor(f, clause[0], start)
        or doc.parties.actor(f, sent.start, clause[0])
        or doc.parties.actor(f, after_end, clause[1])
    )


def action_span(doc: Document, sent: Sentence, clause: tuple[int, int], end: int) -> tuple[int, int]:
    """Where the duty is named: the rest of the clause, or the next clause when the period ends its own."""
    stop = clause[1]
    if len(action_of(doc.folded[end:stop]) or "") < 2 and stop < sent.end:
        stop = clause_bounds(doc.folded, sent, stop + 1)[1]
    return end, stop


def _make(
    doc: Document,
    sent: Sentence,
    start: int,
    end: int,
    rule: DueRule,
    *,
    kind: Kind,
    date: dt.date | None,
    confidence: float,
    core: int,
) -> ExtractedObligation:
    """`core`: where the period or date itself starts, after any trigger joined to it (the actor may be there)."""
    clause = clause_bounds(doc.folded, sent, start)
    q0, q1 = quote_bounds(doc.folded, sent, start, end)
    a0, a1 = action_span(doc, sent, clause, end)
    return ExtractedObligation(
        start=start,
        end=end,
        phrase=doc.text[start:end],
        quote=doc.text[q0:q1],
        quote_start=q0,
        rule=rule,
        kind=kind,
        clause=sent.clause,
        party=_party(doc, sent, clause, core, end),
        action=action_of(doc.text[a0:a1]),
        date=date,
        confidence=round(min(1.0, max(0.0, confidence)), 3),
    )


def _term_start(doc: Document, sent: Sentence, spans_before: list[Span]) -> Span | None:
    """A stated first day of the term in the same sentence: "自2018年1月1日零时起 ... 共计五年"."""
    for s in reversed(spans_before):
        opens = doc.folded[max(sent.start, s.start - 3) : s.start].rstrip(" ").endswith(("自", "从"))
        if s.kind == "date" and s.date is not None and s.start >= sent.start and opens:
            return s
    return None


def _term_anchor(doc: Document, sent: Sentence, mark: Marking, start: Span | None) -> tuple[Anchor, Kind]:
    assert mark.term is not None
    if mark.term in _TERM_ANCHORS:
        kind, label, duty = _TERM_ANCHORS[mark.term]
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
    doc: Document, span: Span, sent: Sentence, mark: Marking, spans_before: list[Span], first_day: Span | None
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
    if anchor.type is AnchorType.EVENT:
        rec = next((s.recurrence for s in spans_before if s.kind == "recurring_day" and s.start >= sent.start), None)
        if rec is not None:  # 每月末提交清单, 清单开出之日起三天内付款: repeats with the list
            anchor = Anchor(AnchorType.RECURRING, anchor.label, rec)
    return anchor, None


def _period_kind(
    doc: Document, sent: Sentence, clause: tuple[int, int], trigger: int, mark: Marking, anchor: Anchor
) -> Kind:
    f = doc.folded
    a0, a1 = action_span(doc, sent, clause, mark.phrase_end)
    kind = kind_of(f[a0:a1], before=f[clause[0] : trigger])
    if mark.direction is Direction.BEFORE and kind is Kind.OTHER:
        kind = Kind.NOTICE  # 提前30日 with no other duty named: a notice period
    renewal = any(w in f[sent.start : sent.end] for w in vocab.RENEWAL_CUES)
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
    doc: Document, span: Span, sent: Sentence, spans_before: list[Span]
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
    # A blank ("____日内") keeps its unit in `span.unit`, but Period.value cannot be None yet, so the period is
    # dropped (amount null). Once model.Period allows value None (and serialize prints it), pass it through.
    period = Period(span.value, span.unit) if span.value is not None else None
    first_day = _term_start(doc, sent, spans_before) if mark.term else None
    anchor, kind = _period_anchor(doc, span, sent, mark, spans_before, first_day)
    kind = kind or _period_kind(doc, sent, clause, start, mark, anchor)
    rule = DueRule(
        direction=mark.direction,
        anchor_type=anchor.type,
        period=period,
        recurrence=anchor.recurrence,
        anchor_label=anchor.label,
        include_start_day=mark.inclusive,
    )
    date = due_date(rule, doc.facts, term=mark.term is not None)
    if first_day is not None and first_day.date is not None and period is not None:
        date = term_end(first_day.date, period)  # 自2018年1月1日起…共计五年
    confidence = _period_confidence(doc, sent, clause, mark, anchor, blank=period is None)
    return _make(doc, sent, start, mark.phrase_end, rule, kind=kind, date=date, confidence=confidence, core=span.start)


def _label_zone(f: str, lo: int, start: int) -> str:
    """The words just before a date, back to the previous comma or full stop (a colon stays in).

    A short heading line right above counts as part of it ("2、合作期限\n自2016年7月1日至…").
    """
    if f[lo - 1 : lo] == "\n":
        above = f.rfind("\n", max(0, lo - 24), lo - 1) + 1 if lo >= 2 else lo
        heading = f[max(above, lo - 24) : lo - 1]
        if heading.strip() and not any(ch in heading for ch in "。;,"):
            lo = max(above, lo - 24)
    zone = f[max(lo, start - 16) : start]
    cut = max(zone.rfind(ch) for ch in ",;。")
    return zone[cut + 1 :]


def _deadline_cue(f: str, span: Span, sent: Sentence, previous: Span | None) -> tuple[int, str] | None:
    """(end of the phrase, label zone) when the words around a date make it a deadline, else None."""
    clause = clause_bounds(f, sent, span.start)
    after = f[span.end : min(sent.end, span.end + 8)].lstrip(" ")
    if after.startswith(("起", "开始", "零时起", "至", "到", "-", "~")):
        return None  # the start of a term or range is no deadline
    by_after = next((w for w in _DATE_BY_AFTER if after.startswith(w)), None)
    end = f.index(by_after, span.end) + len(by_after) if by_after else span.end
    zone = _label_zone(f, sent.start, span.start)
    before = zone.rstrip(" \n")
    if before.endswith(("截至", "截止至", "截止")) and not by_after:
        return None  # "截至2015年12月31日的总资产": as of, not by
    gap = f[previous.end : span.start] if previous is not None and previous.kind == "date" else "_"
    ranged = len(gap) <= 4 and gap.strip(" -~至到") == "" and gap.strip(" ") != ""
    if ranged and previous is not None:  # the end of a stated term, not of any span of dates
        ranged = any(w in _label_zone(f, sent.start, previous.start) for w in _TERM_WORDS)
    if zone.rstrip(" :为是").endswith(("时间", "日期")):  # "一次总付250万元，时间：2020年10月2日"
        zone = f[max(sent.start, span.start - 40) : span.start]
    label = any(w in zone for w in vocab.DATE_DUTY_LABELS) and not any(w in zone for w in vocab.DATE_NOT_DUTY)
    ends = any(after.startswith(w) or after[2:].startswith(w) for w in _DATE_END_VERBS)
    # "计划于2018年6月30日竣工" / "预计于2018年1月1日将大厦交付", not "已于…完成" (past) nor "于…签订" (a fact)
    soon = f[span.end : min(clause[1], span.end + 14)]
    due_on = before.endswith(("于", "在")) and not before.endswith(("已于", "已在"))
    due_on = due_on and any(v in soon for v in vocab.DATE_DUE_VERBS)
    if by_after or ranged or label or ends or due_on or before.endswith(_DATE_BY_BEFORE):
        return end, zone
    return None


def date_obligation(doc: Document, span: Span, sent: Sentence, previous: Span | None) -> ExtractedObligation | None:
    """A calendar date that is a deadline: "2017年12月29日前", "至2022年12月31日止", "交付期限为2017年12月31日"."""
    f = doc.folded
    cue = _deadline_cue(f, span, sent, previous)
    if cue is None:
        return None
    end, zone = cue
    clause = clause_bounds(f, sent, span.start)
    a0, a1 = action_span(doc, sent, clause, end)
    kind = kind_of(f[a0:a1], before=zone)
    after = f[span.end : span.end + 8]
    is_term_end = "止" in f[span.end : end] or any(w in zone + after for w in _TERM_END_WORDS)
    if is_term_end and kind in (Kind.OTHER, Kind.PERFORMANCE, Kind.RESPONSE):
        kind = Kind.EXPIRY
    rule = DueRule(direction=Direction.BY, anchor_type=AnchorType.ABSOLUTE, fixed_date=span.date)
    confidence = 0.85 if span.date is not None else 0.3
    return _make(doc, sent, span.start, end, rule, kind=kind, date=span.date, confidence=confidence, core=span.start)


def recurring_obligation(doc: Document, span: Span, sent: Sentence) -> ExtractedObligation:
    f = doc.folded
    after = f[span.end : span.end + 4].lstrip(" ")
    end = span.end
    by_after = next((w for w in _DATE_BY_AFTER if after.startswith(w)), None)
    if by_after:
        end = f.index(by_after, span.end) + len(by_after)
    clause = clause_bounds(f, sent, span.start)
    kind = kind_of(f[end : clause[1]], before=f[clause[0] : span.start])
    if kind is Kind.OTHER:
        kind = kind_of(f[end : sent.end])
    rule = DueRule(
        direction=Direction.BY,
        anchor_type=AnchorType.RECURRING,
        recurrence=span.recurrence,
        recurrence_day=span.recurrence_day,
        anchor_label=doc.text[span.start : span.end].replace(" ", ""),
    )
    return _make(doc, sent, span.start, end, rule, kind=kind, date=None, confidence=0.7, core=span.start)


def _settlement_only(doc: Document, span: Span, following: list[Span], sent: Sentence) -> bool:
    """ "按季度支付，…于每季度首月的10日前支付": the day that follows states the same duty more precisely."""
    if not doc.folded.startswith("按", span.start):
        return False
    return any(s.kind == "recurring_day" and s.start < sent.end for s in following)


_AUTO_RENEWAL = re.compile("|".join(vocab.AUTO_RENEWAL))


def auto_renewals(doc: Document, found: list[ExtractedObligation]) -> list[ExtractedObligation]:
    """ "期满双方无异议的，本合同自动续期一年": the last day to give notice of non-renewal is the expiry itself.

    Only when the sentence states no notice window of its own ("期满前30日…" is already a renewal obligation).
    """
    windows = {s.start for ob in found if ob.kind is Kind.RENEWAL and (s := doc.sentence_at(ob.start)) is not None}
    out: list[ExtractedObligation] = []
    for m in _AUTO_RENEWAL.finditer(doc.folded):
        sent = doc.sentence_at(m.start())
        if sent is None or sent.start in windows:
            continue
        windows.add(sent.start)
        # zero days before the expiry: objecting on the last day of the term still stops the renewal
        rule = DueRule(Direction.BEFORE, AnchorType.EXPIRY, Period(0, Unit.DAY), anchor_label="期满")
        date = due_date(rule, doc.facts)
        ob = _make(doc, sent, m.start(), m.end(), rule, kind=Kind.RENEWAL, date=date, confidence=0.5, core=m.start())
        out.append(dataclasses.replace(ob, action="书面通知对方不再续约（最后一日）"))
    return out


def obligations(doc: Document, spans: list[Span]) -> list[ExtractedObligation]:
    out: list[ExtractedObligation] = []
    for i, span in enumerate(spans):
        sent = doc.sentence_at(span.start)
        if sent is None:
            continue
        ob: ExtractedObligation | None = None
        if span.kind == "period":
            ob = period_obligation(doc, span, sent, spans[max(0, i - 8) : i])
        elif span.kind == "date":
            ob = date_obligation(doc, span, sent, spans[i - 1] if i else None)
        elif span.kind == "recurring_day":
            if _settlement_only(doc, span, spans[i + 1 : i + 3], sent):
                continue
            ob = recurring_obligation(doc, span, sent)
        if ob is not None:
            out.append(ob)
    extra = auto_renewals(doc, out)
    return sorted([*out, *extra], key=lambda ob: ob.start) if extra else out
