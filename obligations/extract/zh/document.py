"""The document being read and the assembly of one obligation: quote, clause, party, action, confidence."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass

from obligations.extract.zh.parties import PartyFinder, action_of
from obligations.extract.zh.segment import Sentence, clause_bounds, quote_bounds
from obligations.model import DocumentFacts, DueRule, ExtractedObligation, Kind


@dataclass
class Document:
    text: str
    folded: str
    sentences: list[Sentence]
    facts: DocumentFacts
    parties: PartyFinder

    def __post_init__(self) -> None:
        self._starts = [s.start for s in self.sentences]
        owners = self.parties.section_owners(self.folded)
        self._owner_starts = [pos for pos, _ in owners]
        self._owners: list[str | None] = [name for _, name in owners]

    def section_owner(self, pos: int) -> str | None:
        """The party whose duties the section around `pos` lists, when its heading names one."""
        i = bisect_right(self._owner_starts, pos) - 1
        return self._owners[i] if i >= 0 else None

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
        or doc.section_owner(sent.start)
    )


def action_span(doc: Document, sent: Sentence, clause: tuple[int, int], end: int) -> tuple[int, int]:
    """Where the duty is named: the rest of the clause, or the next clause when the period ends its own."""
    f = doc.folded
    stop = clause[1]
    if len(action_of(f[end:stop]) or "") < 2 and stop < sent.end:
        stop = clause_bounds(f, sent, stop + 1)[1]
    for _ in range(3):  # "乙方（即本公司，下同）应向甲方支付…": a comma inside brackets ends no clause
        if f.count("(", end, stop) <= f.count(")", end, stop) or stop >= sent.end:
            break
        stop = clause_bounds(f, sent, stop + 1)[1]
    return end, stop


_LABEL_TAIL = ("期限为", "期限", "日期为", "日期", "时间为", "时间", "为", ":", "：")


def _label_before(doc: Document, lo: int, start: int) -> str:
    """For "交付房屋期限为2017年12月31日" the duty is named before the date: "交付房屋"."""
    label = doc.text[max(lo, start - 20) : start].strip()
    for tail in _LABEL_TAIL:
        label = label.removesuffix(tail).rstrip()
    label = doc.parties.strip_leading(label)
    return label if any("\u4e00" <= ch <= "\u9fff" for ch in label) else ""  # "1." is a number, no duty


def _action(doc: Document, a0: int, a1: int, lo: int, start: int) -> str | None:
    """The duty in a few words: after the period without party and modal ("向甲方支付…"), else the label before."""
    raw = action_of(doc.text[a0:a1])
    if raw is None:
        return action_of(_label_before(doc, lo, start))
    return action_of(doc.parties.strip_leading(raw)) or raw


def make_obligation(
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
        # A term's end is no one's act: name it, rather than quote the dates around it ("自2026年1月1日起至").
        action="合同期限届满" if kind is Kind.EXPIRY else _action(doc, a0, a1, clause[0], start),
        date=date,
        confidence=round(min(1.0, max(0.0, confidence)), 3),
    )
