"""English contract extraction: sentences -> temporal expressions -> obligations with due rules and dates.

Pipeline (each step its own module):

1. `segment`: sentences with offsets, page furniture, the section each sentence sits under;
2. `facts`: signing / effective / expiry dates and the term;
3. `expressions`: periods ("within thirty (30) days after receipt of invoice"), dates, schedules, events;
4. `merge`: one hit per limit (ranges, windows, coordinated amounts);
5. `rules`: direction, anchor and date of each hit; `roles`: party, action, kind.

Vocabularies live in `vocab.py` (and `numbers.py`, `dates.py`) as tables a developer can extend.
Only `re`, the standard library and dateutil are imported; every regex is linear.
"""

from __future__ import annotations

import bisect
import re

from obligations.extract.en import expressions as X
from obligations.extract.en import patterns as P
from obligations.extract.en.dates import DateList, find_dates
from obligations.extract.en.facts import Term, extract_facts
from obligations.extract.en.merge import merge_hits
from obligations.extract.en.roles import defined_parties, find_action, find_kind, find_party, party_regex
from obligations.extract.en.rules import decide, is_back_reference
from obligations.extract.en.segment import Sections, Sentence, page_furniture, split_sentences
from obligations.model import AnchorType, Direction, DocumentFacts, ExtractedObligation, Extraction, Kind

QUOTE_MAX = 300
_DEADLINE_CUES = ("within", "no later than", "not later than")
LEAD_CHARS = 150  # the words before a notice period that say what it is notice of

__all__ = ["extract_en"]


def extract_en(text: str) -> Extraction:
    dates = list(find_dates(text))
    facts, term = extract_facts(text, dates)
    term_at = term.amount_start if term else None
    furniture = page_furniture(text)
    sections = Sections(text)
    party_re = party_regex(defined_parties(text))
    obligations: list[ExtractedObligation] = []
    seen: set[tuple[int, int]] = set()
    next_date = 0  # sentences and dates both run left to right: walk them together
    for sentence in split_sentences(text):
        while next_date < len(dates) and dates[next_date][0].start() < sentence.start:
            next_date += 1
        first_date = next_date
        while next_date < len(dates) and dates[next_date][0].end() <= sentence.end:
            next_date += 1
        term_sentence = term_at is not None and sentence.start <= term_at < sentence.end
        own_dates = dates[first_date:next_date]
        for hit in _sentence_hits(text, sentence, term if term_sentence else None, own_dates):
            if (hit.start, hit.end) in seen or _in_furniture(hit.start, hit.end, furniture):
                continue
            if term_sentence and hit.source == "date" and hit.fixed_date == facts.effective_date:
                continue  # "shall commence on September 10, 2015 and continue for one year": the term's start
            if term_sentence and hit.cue == "anniversary":
                continue  # "for 3 years ... ending on the 3rd anniversary": the term's end, said twice
            seen.add((hit.start, hit.end))
            obligations.append(_obligation(text, sentence, hit, facts, term_at, sections, party_re))
    return Extraction(language="en", facts=facts, obligations=obligations)


def _in_furniture(start: int, end: int, furniture: list[tuple[int, int]]) -> bool:
    """Page headers ("Source: COMPANY, 8-K, 9/14/2015") are no contract text."""
    at = bisect.bisect_left(furniture, (end, end))  # furniture is ordered and never overlaps itself
    return at > 0 and furniture[at - 1][1] > start


def _sentence_hits(text: str, sentence: Sentence, term: Term | None, dates: DateList) -> list[X.Hit]:
    s, e = sentence.start, sentence.end
    low = sentence.text.lower()
    hits = X.find_dates_in(text, s, e, dates, low=low)
    service_level = P.has_hint(low, P.NON_DEADLINE_HINTS) and P.NON_DEADLINE_RE.search(text, s, e) is not None
    if P.has_hint(low, P.UNIT_HINTS):
        periods = X.find_periods(text, s, e)
        # in a service-level or recital sentence only a plain deadline counts ("respond within one hour")
        hits += [h for h in periods if h.cue.startswith(_DEADLINE_CUES)] if service_level else periods
    if not service_level:
        if "[" in low or "__" in low:
            hits += X.find_redacted_periods(text, s, e)
        if P.has_hint(low, P.RECURRING_HINTS):
            hits += X.find_recurring(text, s, e)
        if P.has_hint(low, P.EVENT_HINTS):
            hits += X.find_events(text, s, e)
    stated = [h for h in hits if h.source != "period" or h.cue or h.relation]
    if term is not None and not any(h.start <= term.amount_start < h.end for h in stated):
        # "The term of the Franchise shall be twenty (20) years": the term itself is dated (its expiry)
        hits.append(X.Hit(term.cue_start, term.amount_end, Direction.AFTER, AnchorType.EFFECTIVE, period=term.period,
                          cue="term", relation="term", amount_start=term.amount_start))  # fmt: skip
    if not hits:
        return []  # most sentences: nothing to merge
    merged = merge_hits(text, hits)
    return [h for h in merged if not is_back_reference(text, h)]


def _obligation(
    text: str,
    sentence: Sentence,
    hit: X.Hit,
    facts: DocumentFacts,
    term_at: int | None,
    sections: Sections,
    party_re: re.Pattern[str],
) -> ExtractedObligation:
    lead = text[max(sentence.start, hit.start - LEAD_CHARS) : hit.start]
    decision = decide(hit, sentence.text, lead, facts, term_at=term_at)
    quote_start, quote = _quote(text, sentence, hit.start, hit.end)
    party = find_party(party_re, text, sentence.start, hit.start, sentence.end)
    action = find_action(text, sentence.start, hit.start, sentence.end)
    kind = decision.kind_hint or find_kind(quote, f"{action or ''} {text[hit.start : hit.end]}")
    if hit.source == "date" and kind == Kind.OTHER and action is None:
        action = "date stated in the agreement"
    return ExtractedObligation(
        start=hit.start,
        end=hit.end,
        phrase=text[hit.start : hit.end],
        quote=quote,
        quote_start=quote_start,
        rule=decision.rule,
        kind=kind,
        clause=sections.at(hit.start),
        party=party,
        action=decision.action_hint or action,
        date=decision.date,
        confidence=max(0.05, min(1.0, decision.confidence)),
    )


def _quote(text: str, sentence: Sentence, start: int, end: int) -> tuple[int, str]:
    """The sentence holding the phrase, cut to QUOTE_MAX characters around it when longer."""
    q_start, q_end = sentence.start, sentence.end
    if q_end - q_start > QUOTE_MAX:
        spare = max(0, QUOTE_MAX - (end - start))
        q_start = max(sentence.start, start - spare // 2)
        q_end = min(sentence.end, max(end, q_start + QUOTE_MAX))
        q_start = max(sentence.start, min(q_start, q_end - QUOTE_MAX))
    return q_start, text[q_start:q_end]
