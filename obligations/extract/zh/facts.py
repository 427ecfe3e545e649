"""Document facts: signing, effective and expiry dates and the term, as the text states them."""

from __future__ import annotations

import datetime as dt
import re

from obligations.extract.zh import vocab
from obligations.extract.zh.segment import Sentence
from obligations.extract.zh.temporal import Span
from obligations.model import DocumentFacts

_SIGN_VERB = re.compile(r"签署|签订|签约|签字")
_SIGNED_TITLE = re.compile(r"(?:签署|签订)了?[《“]")
_SIGNED_THEN_EFFECTIVE = re.compile(r"(?:签字|签署|签章|盖章|签订)[^。;\n]{0,40}?生效(?!条件)")
# "于2016年7月8日与保利协鑫（苏州）新能源有限公司签订了《…》": the counterparty between date and verb
_WITH_PARTY_SIGNED = re.compile(r" {0,2}[与和同][^,。;:\n]{1,36}?(?:签订|签署|签约)(?=了|《)")
SIGNATURE_REACH = 400  # how far from the end a signature block may start
_NOT_YET = ("拟", "将", "预计", "计划", "准备")  # "公司拟与广东一建签署《工程合同》": not signed yet
_TAKES_EFFECT = re.compile(r" {0,2}(?:起|开始)?(?:正式|即)?生效")
_RANGE_GAP = re.compile(r"[ ]{0,2}(?:零时|24时|二十四时)?[ ]{0,2}(?:起)?[ ,]{0,3}[-~至到][ ]{0,2}$")
TERM_REACH = 40  # how far after a term label its dates may stand ("租赁期限为十年，自2013年1月1日至2022年12月31日止")
_PERIOD_IN = re.compile(r"[0-9一二三四五六七八九十两]+ {0,2}(?:个)?(?:天|日|月|年)(?:内|后)")


def _date_after(spans: list[Span], pos: int, folded: str, reach: int = 8) -> Span | None:
    """The first complete date starting within `reach` characters after `pos`, only blanks and 为/自 between."""
    i = _bisect_starts(spans, pos)
    for s in spans[i : i + 4]:
        if s.kind == "date" and pos <= s.start <= pos + reach and s.date is not None:
            gap = folded[pos : s.start]
            if all(ch in " :为是自\n(" for ch in gap):
                return s
    return None


def _bisect_starts(spans: list[Span], pos: int) -> int:
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        if spans[mid].start < pos:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _labelled(folded: str, spans: list[Span], labels: tuple[str, ...]) -> dt.date | None:
    for label in labels:
        at = folded.find(label)
        while at >= 0:
            span = _date_after(spans, at + len(label), folded)
            if span is not None:
                return span.date
            at = folded.find(label, at + 1)
    return None


def signing_date(folded: str, spans: list[Span], sentences: list[Sentence]) -> dt.date | None:
    labelled = _labelled(folded, spans, vocab.SIGNING_LABELS)
    if labelled:
        return labelled
    dates = [s for s in spans if s.kind == "date" and s.date is not None]
    sentence_end = {sent.start: sent.end for sent in sentences}
    for s in dates:  # announcements: "2017年12月26日，公司与卖方签署了《…》"
        end = sentence_end.get(s.start)
        m = _SIGNED_TITLE.search(folded, s.end, end) if end is not None and folded[s.end : s.end + 1] == "," else None
        if m and not any(w in folded[max(s.end, m.start() - 6) : m.start()] for w in _NOT_YET):
            return s.date
    block = _signature_block_date(folded, dates)
    if block is not None:
        return block
    for s in dates:  # "于2017年3月29日签订了《…》" but not "于…签订的《…》" (an earlier contract)
        before = folded[max(0, s.start - 2) : s.start].strip(" ")
        m = _SIGN_VERB.search(folded, s.end, s.end + 4) or _WITH_PARTY_SIGNED.match(folded, s.end)
        if before.endswith(("于", "在")) and m and folded[m.end() : m.end() + 1] != "的":
            return s.date
    return None


def _signature_block_date(folded: str, dates: list[Span]) -> dt.date | None:
    """ "甲方（盖章）… 日期：2024年12月20日" in the last lines: the date the parties signed."""
    tail = max(0, len(folded) - SIGNATURE_REACH)
    if not any(w in folded[tail:] for w in ("盖章", "签字", "签章", "签名", "(章)")):
        return None
    for s in dates:
        if s.start >= tail and folded[max(tail, s.start - 4) : s.start].rstrip(" ").endswith(("日期:", "日期")):
            return s.date
    return None


def effective_date(folded: str, spans: list[Span], signing: dt.date | None) -> dt.date | None:
    labelled = _labelled(folded, spans, vocab.EFFECTIVE_LABELS)
    if labelled:
        return labelled
    for s in spans:
        if s.kind == "date" and s.date is not None and _TAKES_EFFECT.match(folded, s.end, s.end + 8):
            return s.date
    if signing is not None:
        for m in _SIGNED_THEN_EFFECTIVE.finditer(folded):
            if not _PERIOD_IN.search(m.group()):  # "签署后30天生效" is not the signing day
                return signing
    return None


Where = tuple[int, int]


def expiry_and_term(folded: str, spans: list[Span]) -> tuple[dt.date | None, Where | None]:
    """The end of a stated term: "合作期限：自2018年1月1日起至2022年12月31日止", "合同期限：2013年12月31日前"."""
    dates = [s for s in spans if s.kind == "date"]
    for label in vocab.CONTRACT_TERM_LABELS:
        at = folded.find(label)
        while at >= 0:
            found = _term_range(folded, dates, at, len(label))
            if found is not None:
                return found
            at = folded.find(label, at + 1)
    labelled = _labelled(folded, spans, vocab.EXPIRY_LABELS)
    return labelled, None


def _term_range(folded: str, dates: list[Span], at: int, label_len: int) -> tuple[dt.date, Where] | None:
    """A range "DATE至DATE" or a closing "DATE前/止" in the same sentence, TERM_REACH characters after a label."""
    pos = at + label_len
    stop = min((i for i in (folded.find("。", pos, pos + TERM_REACH), pos + TERM_REACH) if i >= 0), default=pos)
    i = _bisect_starts(dates, pos)
    while i < len(dates) and dates[i].start < stop:
        first = dates[i]
        nxt = dates[i + 1] if i + 1 < len(dates) else None
        if nxt is not None and nxt.date is not None and _RANGE_GAP.match(folded[first.end : nxt.start]):
            return nxt.date, (first.start, nxt.end)
        tail = folded[first.end : first.end + 4].lstrip(" ")
        gap = folded[pos : first.start].strip(" :为是\n")
        closing = (tail.startswith(("前", "止", "之前")) and gap in ("", "自")) or gap in ("至", "到")
        if first.date is not None and closing:
            return first.date, (at, first.end)
        i += 1
    return None


def document_facts(text: str, folded: str, spans: list[Span], sentences: list[Sentence]) -> DocumentFacts:
    signing = signing_date(folded, spans, sentences)
    expiry, where = expiry_and_term(folded, spans)
    term = " ".join(text[where[0] : where[1]].split()) if where else None  # as written, whitespace collapsed
    return DocumentFacts(
        signing_date=signing,
        effective_date=effective_date(folded, spans, signing),
        expiry_date=expiry,
        term=term,
    )
