"""From a hit and its sentence to a due rule and a date: renewal terms, the agreement's own term, notice periods.

`date` is what the text alone fixes: an absolute date as written, or the anchor's date (signing, effective,
expiry from the document facts) moved by the period with plain calendar arithmetic; otherwise None.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from obligations.extract.en import patterns as P
from obligations.extract.en.dates import shift
from obligations.extract.en.expressions import Hit
from obligations.model import AnchorType, Direction, DocumentFacts, DueRule, Kind

_I = re.IGNORECASE
# cues that make an amount a further term: "renew for an additional 6 months", "successive One (1) Year periods"
_RENEWAL_CUES = ("additional", "successive", "further", "another", "renew", "extend", "periods of", "period of",
                 "terms of", "term of", "for")  # fmt: skip
_RENEW_RE = re.compile(r"\b(?:renew|extend|extension)", _I)
_EACH_RE = re.compile(r"\b(?:each|every|any)\b", _I)
_UNTIL_CUES = ("until", "through", "expir", "ending")
_BACK_REFERENCE_RE = re.compile(r"\b(?:the|this|such|that|said)\s{1,9}$", _I)


@dataclass(frozen=True, slots=True)
class Decision:
    rule: DueRule
    date: dt.date | None
    kind_hint: Kind | None
    action_hint: str | None
    confidence: float


def is_back_reference(text: str, hit: Hit) -> bool:
    """'After the 30 day free technical support period': names a period stated elsewhere, sets none."""
    if hit.source != "period" or hit.relation != "period":
        return False
    at = hit.amount_start
    return _BACK_REFERENCE_RE.search(text, max(0, at - 12), at) is not None and not hit.cue.startswith(
        ("within", "for", "no ", "not ", "at ")
    )


def decide(hit: Hit, sentence: str, lead: str, facts: DocumentFacts, *, term_at: int | None) -> Decision:
    """The rule and date of `hit`; `lead` is the part of the sentence just before it."""
    if term_at is not None and hit.source == "period" and hit.start <= term_at < hit.end:
        return _term(hit, facts)
    kind_hint: Kind | None = None
    action_hint: str | None = None
    if _is_renewal_term(hit, sentence):
        hit = replace(hit, direction=Direction.AFTER, anchor_type=AnchorType.EXPIRY,
                      anchor_label=hit.anchor_label or "end of the current term")  # fmt: skip
        kind_hint, action_hint = Kind.RENEWAL, "renewal term"
    elif hit.relation == "response":
        kind_hint = Kind.RESPONSE
    elif hit.relation == "notice":
        hit = _notice_anchor(hit, sentence, lead)
        kind_hint = Kind.NOTICE
    elif hit.source == "date" and hit.cue.startswith(_UNTIL_CUES):
        kind_hint, action_hint = Kind.EXPIRY, "term ends"
    if hit.anchor_type == AnchorType.EXPIRY and hit.direction == Direction.BEFORE and P.AUTO_RENEW_RE.search(sentence):
        kind_hint, action_hint = Kind.RENEWAL, "last day to give notice of non-renewal"
    return Decision(_rule(hit), _date(hit, facts), kind_hint, action_hint, hit.confidence)


def _term(hit: Hit, facts: DocumentFacts) -> Decision:
    """The agreement's own term: due at its stated end, else at the expiry the facts computed."""
    if hit.fixed_date is not None:  # "12 months beginning March 1, 2005 and ending February 28, 2006"
        return Decision(_rule(hit), hit.fixed_date, Kind.EXPIRY, "term of the agreement ends", hit.confidence)
    if not hit.anchor_label:  # "shall continue for One (1) Year": counted from the effective date
        hit = replace(hit, anchor_type=AnchorType.EFFECTIVE, anchor_label="Effective Date")
    hit = replace(hit, direction=Direction.AFTER)
    return Decision(_rule(hit), facts.expiry_date, Kind.EXPIRY, "term of the agreement ends", hit.confidence)


def _is_renewal_term(hit: Hit, sentence: str) -> bool:
    if hit.source != "period" or hit.relation not in ("", "period") or hit.period is None:
        return False
    if not _RENEW_RE.search(sentence):
        return False
    if hit.relation == "period":
        return True  # "renewed for one (1) or more one (1) month periods"
    return hit.cue.startswith(_RENEWAL_CUES) or hit.cue.endswith(("additional", "successive", "periods of"))


def _notice_anchor(hit: Hit, sentence: str, lead: str) -> Hit:
    """'upon thirty (30) days' notice': the notice runs up to a termination, an expiry, or some event."""
    if P.TERMINATE_RE.search(lead) or (P.TERMINATE_RE.search(sentence) and not P.EXPIRY_CONTEXT_RE.search(sentence)):
        return replace(hit, anchor_type=AnchorType.TERMINATION, anchor_label="termination")
    if P.EXPIRY_CONTEXT_RE.search(sentence):
        return replace(hit, anchor_type=AnchorType.EXPIRY, anchor_label="end of the term")
    if P.TERMINATE_RE.search(sentence):
        return replace(hit, anchor_type=AnchorType.TERMINATION, anchor_label="termination")
    return replace(hit, anchor_type=AnchorType.EVENT, anchor_label="the noticed action")


def _rule(hit: Hit) -> DueRule:
    return DueRule(
        direction=hit.direction,
        anchor_type=hit.anchor_type,
        period=hit.period,
        fixed_date=hit.fixed_date,
        recurrence=hit.recurrence,
        recurrence_day=hit.recurrence_day,
        anchor_label=hit.anchor_label,
    )


def _date(hit: Hit, facts: DocumentFacts) -> dt.date | None:
    if hit.fixed_date is not None:
        return hit.fixed_date
    if hit.anchor_label and _EACH_RE.search(hit.anchor_label):
        return None  # "the end of each Renewal Term": a new date every term, none fixed by the text
    base = {
        AnchorType.SIGNING: facts.signing_date,
        AnchorType.EFFECTIVE: facts.effective_date,
        AnchorType.EXPIRY: facts.expiry_date,
    }.get(hit.anchor_type)
    if base is None:
        return None
    if hit.blank:
        return None  # "within ____ days of the Effective Date": no date until the number is filled in
    if hit.period is None:
        return base
    return shift(base, hit.period.value, hit.period.unit, direction=hit.direction)
