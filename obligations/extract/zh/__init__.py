"""Chinese contract extraction: sentences -> temporal expressions -> obligations -> due rules and dates.

See docs/extraction.md ("Chinese") for the pipeline and how to extend the vocabularies in `vocab.py`.
"""

from __future__ import annotations

import dataclasses

from obligations.extract.zh.build import Document, obligations
from obligations.extract.zh.dates import due_date, term_end
from obligations.extract.zh.facts import document_facts
from obligations.extract.zh.numerals import fold
from obligations.extract.zh.parties import PartyFinder, document_aliases
from obligations.extract.zh.segment import sentences
from obligations.extract.zh.temporal import scan
from obligations.model import AnchorType, DocumentFacts, ExtractedObligation, Extraction, Kind

__all__ = ["extract_zh"]


def _with_term_expiry(facts: DocumentFacts, found: list[ExtractedObligation]) -> DocumentFacts:
    """No stated expiry: the effective (or signing) date plus the first stated term ("有效期一年")."""
    if facts.expiry_date is not None:
        return facts
    for ob in found:
        rule = ob.rule
        if ob.kind is not Kind.EXPIRY or rule.period is None:
            continue
        start = {AnchorType.EFFECTIVE: facts.effective_date, AnchorType.SIGNING: facts.signing_date}.get(
            rule.anchor_type
        )
        if rule.anchor_type is AnchorType.ABSOLUTE and ob.date is not None:  # 自1998年9月22日起…有效期10年
            return dataclasses.replace(facts, expiry_date=ob.date, term=facts.term or ob.phrase)
        if start is not None:
            end = term_end(start, rule.period)
            if end is not None:
                return dataclasses.replace(facts, expiry_date=end, term=facts.term or ob.phrase)
    return facts


def extract_zh(text: str) -> Extraction:
    folded = fold(text)
    spans = scan(folded)
    sents = sentences(folded, text)
    facts = document_facts(text, folded, spans, sents)
    doc = Document(text, folded, sents, facts, PartyFinder(document_aliases(folded)))
    found = obligations(doc, spans)
    full = _with_term_expiry(facts, found)
    if full is not facts:  # dates counted from the expiry can now be fixed
        found = [ob if ob.date is not None else dataclasses.replace(ob, date=due_date(ob.rule, full)) for ob in found]
    return Extraction(language="zh", facts=full, obligations=found)
