"""Calendar dates, recurring days and auto-renewals that are obligations ("2017年12月29日前", "每月5日前")."""

from __future__ import annotations

import dataclasses
import re

from obligations.extract.zh import vocab, vocab_roles
from obligations.extract.zh.dates import due_date
from obligations.extract.zh.document import Document, action_span, make_obligation
from obligations.extract.zh.parties import kind_of
from obligations.extract.zh.segment import Sentence, clause_bounds
from obligations.extract.zh.temporal import Span
from obligations.model import AnchorType, Direction, DueRule, ExtractedObligation, Kind, Period, Unit

_DATE_BY_AFTER = ("之前", "以前", "前", "为止", "止")
_TERM_END_WORDS = (*vocab.CONTRACT_TERM_LABELS, "届满", "到期", "终止")


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
    cut = max(zone.rfind(ch) for ch in ",;。)")  # an aside in brackets before the label is no label
    return zone[cut + 1 :]


def _deadline_cue(f: str, span: Span, sent: Sentence, previous: Span | None) -> tuple[int, str, bool] | None:
    """(end of the phrase, label zone, closes a term range) when the words around a date make it a deadline."""
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
        ranged = any(w in _label_zone(f, sent.start, previous.start) for w in vocab.TERM_WORDS)
    if zone.rstrip(" :为是").endswith(("时间", "日期")):  # "一次总付250万元，时间：2020年10月2日"
        zone = f[max(sent.start, span.start - 40) : span.start]
    label = any(w in zone for w in vocab.DATE_DUTY_LABELS) and not any(w in zone for w in vocab.DATE_NOT_DUTY)
    ends = any(after.startswith(w) or after[2:].startswith(w) for w in vocab.DATE_END_VERBS)
    # "计划于2018年6月30日竣工" / "预计于2018年1月1日将大厦交付", not "已于…完成" (past) nor "于…签订" (a fact)
    soon = f[span.end : min(clause[1], span.end + 14)]
    due_on = before.endswith(("于", "在")) and not before.endswith(("已于", "已在"))
    due_on = due_on and any(v in soon for v in vocab.DATE_DUE_VERBS)
    if by_after or ranged or label or ends or due_on or before.endswith(vocab.DATE_BY_BEFORE):
        return end, zone, ranged
    return None


def date_obligation(doc: Document, span: Span, sent: Sentence, previous: Span | None) -> ExtractedObligation | None:
    """A calendar date that is a deadline: "2017年12月29日前", "至2022年12月31日止", "交付期限为2017年12月31日"."""
    f = doc.folded
    cue = _deadline_cue(f, span, sent, previous)
    if cue is None:
        return None
    end, zone, ranged = cue
    clause = clause_bounds(f, sent, span.start)
    a0, a1 = action_span(doc, sent, clause, end)
    kind = kind_of(f[a0:a1], before=zone)
    after = f[span.end : span.end + 8]
    own_label = zone.rstrip(" :").rsplit(":", 1)[-1]  # "履行期限：承包人计划开始工作日期：" -> its own label
    is_term_end = ranged or "止" in f[span.end : end] or any(w in own_label + after for w in _TERM_END_WORDS)
    if is_term_end and kind in (Kind.OTHER, Kind.PERFORMANCE, Kind.RESPONSE):
        kind = Kind.EXPIRY
    rule = DueRule(direction=Direction.BY, anchor_type=AnchorType.ABSOLUTE, fixed_date=span.date)
    confidence = 0.85 if span.date is not None else 0.3
    return make_obligation(
        doc, sent, span.start, end, rule, kind=kind, date=span.date, confidence=confidence, core=span.start
    )


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
    return make_obligation(doc, sent, span.start, end, rule, kind=kind, date=None, confidence=0.7, core=span.start)


def settlement_only(doc: Document, span: Span, following: list[Span], sent: Sentence) -> bool:
    """ "按季度支付，…于每季度首月的10日前支付": the day that follows states the same duty more precisely."""
    if not doc.folded.startswith("按", span.start):
        return False
    return any(s.kind == "recurring_day" and s.start < sent.end for s in following)


_AUTO_RENEWAL = re.compile("|".join(vocab_roles.AUTO_RENEWAL))


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
        ob = make_obligation(
            doc, sent, m.start(), m.end(), rule, kind=Kind.RENEWAL, date=date, confidence=0.5, core=m.start()
        )
        out.append(dataclasses.replace(ob, action="书面通知对方不再续约（最后一日）"))
    return out
