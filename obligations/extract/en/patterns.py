"""Compiled regexes built from the vocabularies (numbers.py, vocab.py). No logic here.

Every pattern is a chain of bounded pieces: no nested unbounded quantifiers, lookbehinds of fixed width, so
matching stays linear in the text length.
"""

from __future__ import annotations

import re

from obligations.extract.en import vocab
from obligations.extract.en.numbers import ARTICLE, NUMBER, ORDINAL
from obligations.model import Unit

_I = re.IGNORECASE

# a blank left in a template: "____", "[__]", "[•]", "[·]", "[***]" (SEC redaction)
BLANK = r"(?:_{2,40}|\[\s{0,3}[_·•*.\s]{0,10}\s{0,3}\])"

_UNIT_GROUPS = "|".join(f"(?P<u{i}>{frag})" for i, (frag, _, _) in enumerate(vocab.UNITS))
UNIT_BY_GROUP: dict[str, Unit] = {f"u{i}": unit for i, (_, unit, _) in enumerate(vocab.UNITS)}

# "thirty (30) days", "30-day", "a period of ninety (90) days" (the amount part), "[__] days", "half a month"
_DURATION = (
    r"(?:(?P<num>" + NUMBER + r")|(?P<art>(?<![\w])" + ARTICLE + r")|(?P<blank>" + BLANK + r")"
    r"|(?P<ord>(?<![\w])" + ORDINAL + r"))"
    r"[\s-]{0,40}(?:(?P<quarter>" + vocab.QUARTER_UNIT + r")|" + _UNIT_GROUPS + r")(?![\w])"
)
DURATION_RE = re.compile(_DURATION, _I)
# the search starts from the unit words (rare) and looks back for the amount: much faster than trying the
# number alternation at every character
UNIT_WORD_RE = re.compile(r"(?<![\w])(?:hours?|days?|weeks?|months?|years?|quarters?)(?![\w])", _I)
DURATION_ENDING_RE = re.compile(r"(?:" + _DURATION + r")$", _I)
DURATION_LOOK_BACK = 110  # "thirty (30)<padding>calendar days": the longest an amount runs before its unit
POSSESSIVE_RE = re.compile(r"'s|s'|'")

# what may sit just before the amount and says how it counts; matched against the text ending at the amount
LEFT_CUE_RE = re.compile(
    r"(?P<cue>\b(?:within|in|no\s{1,40}(?:later|more)\s{1,40}than|not\s{1,40}(?:later|more)\s{1,40}than"
    r"|not\s{1,40}less\s{1,40}than|no\s{1,40}less\s{1,40}than|at\s{1,40}least|a\s{1,40}minimum\s{1,40}of|minimum\s{1,40}of"
    r"|for|upon|on|with|giving|after|following|until|more\s{1,40}than|in\s{1,40}excess\s{1,40}of|exceeding|over"
    r"|on\s{1,40}or\s{1,40}before|expiration\s{1,40}of|end\s{1,40}of|lasts?|remains?\s{1,40}unpaid\s{1,40}for"
    r"|valid\s{1,40}for|continue\s{1,40}for|renew(?:ed|s|al)?\s{1,40}for|extend(?:ed|s)?\s{1,40}for"
    r"|periods?\s{1,40}of|terms?\s{1,40}of|every|each|additional|successive|further|another|least|up\s{1,40}to)"
    r"(?:\s{1,40}(?:a|an|the|such|an?\s{1,40}additional|additional|further|successive|consecutive|period|periods"
    r"|term|terms|of|one)){0,4}\s{1,40})$",
    _I,
)

_AFTER = "|".join(vocab.RELATIONS_AFTER)
_BEFORE = "|".join(vocab.RELATIONS_BEFORE)
# what follows the amount: a notice, or a relation word and the anchor it counts from
RIGHT_RE = re.compile(
    r"\s{0,40}(?:(?P<notice>(?:(?:prior|advance|previous|written|express|formal|days'?)\s{1,40}){0,3}"
    r"(?:notice|notification))"
    r"|(?P<thereafter>thereafter)"
    r"|(?P<before>" + _BEFORE + r")\b"
    r"|(?:(?:immediately|next)\s{1,40})?(?P<after>" + _AFTER + r")\b"
    r"|(?P<period>(?:[\w-]{1,20}\s{1,40}){0,3}(?:period|term|window|schedule)s?\b))?",
    _I,
)

# the words that close an anchor phrase
ANCHOR_STOP_RE = re.compile(vocab.ANCHOR_STOP, _I)
ANCHOR_TYPES = [(re.compile(r"\b(?:" + frag + r")\b", _I), kind) for frag, kind, _ in vocab.ANCHORS]

RECURRENCE_RES = [(re.compile(r"\b(?:" + frag + r")\b", _I), rec) for frag, rec, _ in vocab.RECURRENCES]
# a standalone recurring schedule: "monthly", "per month", "on a weekly basis", "on the 5th of each month"
RECURRING_RE = re.compile(
    r"\b(?:(?:on|by)\s{1,40}(?:or\s{1,40}before\s{1,40})?the\s{1,40}(?P<dom>[0-3]?\d)(?:st|nd|rd|th)?"
    r"(?:\s{1,40}(?:business\s{1,40})?day)?\s{1,40}of\s{1,40}(?:each|every)\s{1,40}(?:calendar\s{1,40})?month"
    r"|(?:as\s{1,40}of\s{1,40}the\s{1,40})?(?:close|end)\s{1,40}of\s{1,40}each\s{1,40}(?:calendar\s{1,40}|fiscal\s{1,40})?"
    r"(?:year|quarter|month)"
    r"|on\s{1,40}an?\s{1,40}(?:daily|weekly|monthly|quarterly|annual|yearly)\s{1,40}basis"
    r"|(?:per|each|every)\s{1,40}(?:calendar\s{1,40}|fiscal\s{1,40})?(?:month|quarter|year|week)"
    r"(?:\s{1,40}(?:during|for)\s{1,40}the\s{1,40}(?:term|renewal\s{1,40}period)(?:\s{1,40}of\s{1,40}this\s{1,40}agreement)?)?"
    r"|(?P<adverb>daily|weekly|monthly|quarterly|annually|yearly|semi-annually|bi-weekly)"
    r"(?P<noun>\s{1,40}" + vocab.RECURRING_NOUNS + r")?)\b",
    _I,
)
# "for the last 12 months", "during the preceding twelve months": a look-back window, not a deadline
LOOK_BACK_RE = re.compile(r"\b(?:last|past|preceding|previous|prior|trailing)\s{1,40}$", _I)
# "forty (40) hours per week", "24 hours a day": a rate of time, not a deadline
RATE_RE = re.compile(r"\s{0,9}(?:per|a|an|each|every)\s{1,40}(?:day|week|month|year|quarter)\b", _I)
RECURRING_ADVERB_NEXT_RE = re.compile(r"\s{0,9}[\w-]{1,20}")

# dated without an amount: "upon the signing of this Agreement", "on the Effective Date", "the following business
# day", "on completion of the Scope of Work"
EVENT_RE = re.compile(
    r"\b(?:(?P<sign>(?:upon|on|at)\s{1,40}(?:the\s{1,40})?(?:signing|execution|signature)\s{1,40}(?:of\s{1,40})?"
    r"(?:this|the)\s{1,40}(?:agreement|contract))"
    r"|(?P<dated>(?:upon|on)\s{1,40}the\s{1,40}(?:date\s{1,40}of\s{1,40}this\s{1,40}(?:agreement|contract)|date\s{1,40}hereof))"
    r"|(?P<eff>(?:upon|on)\s{1,40}the\s{1,40}effective\s{1,40}date)"
    r"|(?P<next>(?:on\s{1,40})?the\s{1,40}(?:following|next)\s{1,40}(?P<bd>business|working)\s{1,40}day)"
    r"|(?P<done>(?:upon|on)\s{1,40}(?:the\s{1,40})?(?:completion|acceptance|delivery)\s{1,40}of\s{1,40}(?:the\s{1,40})?"
    r"[\w ]{1,40}?)(?=[,.;]|\s(?:and|or)\s|$)"
    r"|(?P<duration>(?<=\s)for\s{1,40}the\s{1,40}(?:total\s{1,40}|entire\s{1,40}|full\s{1,40})?duration\s{1,40}of\s{1,40}"
    r"[\w'’ ]{3,60}?)(?=[,.;(]|$)"
    r"|(?P<anytime>at\s{1,40}any\s{1,40}time\s{1,40}prior\s{1,40}to\s{1,40}the\s{1,40}(?:end|expiration|expiry)\s{1,40}of\s{1,40}"
    r"the\s{1,40}(?:initial\s{1,40})?term)"
    r")",
    _I,
)

# words one of which each pattern needs: a plain substring test skips most sentences before any regex runs
RECURRING_HINTS = ("each", "every", "per ", "daily", "weekly", "monthly", "quarterly", "annual", "yearly", "basis")
EVENT_HINTS = ("sign", "execution", "hereof", "effective date", "following", "next", "completion", "acceptance",
               "delivery", "duration", "any time", "date of this")  # fmt: skip
NON_DEADLINE_HINTS = ("uptime", "availab", "latency", "response time", "per cent", "whereas", "since", " age",
                      " old", "experience")  # fmt: skip


UNIT_HINTS = ("hour", "day", "week", "month", "year", "quarter")


def has_hint(low: str, hints: tuple[str, ...]) -> bool:
    """Whether the lower-cased text holds one of the hint words."""
    for hint in hints:  # noqa: SIM110 - a plain loop is faster, and this runs for every sentence
        if hint in low:
            return True
    return False


# a clause that states a payment or a delivery (events without an amount count only there)
DUTY_RE = re.compile(r"\b(?:pa(?:y|ys|id|yable|yment)|remit|due|deliver|furnish|submit|issue)\b", _I)
# the agreement itself is the subject: "this Agreement is for the total duration of ..."
AGREEMENT_SUBJECT_RE = re.compile(
    r"\b(?:agreement|contract|term)\s{1,40}(?:is|shall\s{1,40}(?:be|remain|continue)|will)\b", _I
)
NON_DEADLINE_RE = re.compile(vocab.NON_DEADLINE_CUES, _I)
ADJECTIVE_NOUN_RE = re.compile(r"[\s-]{1,3}(?:[\w-]{1,20}\s{1,3})?" + vocab.ADJECTIVE_NOUNS + r"\b", _I)
TERMINATE_RE = re.compile(r"\bterminat", _I)
EXPIRY_CONTEXT_RE = re.compile(r"\b(?:non-?renew|renew|expir|end\s+of\s+the\s+(?:initial\s+|then)|current\s+term)", _I)
# "automatically renew", "renew automatically": the clause makes a non-renewal notice deadline
AUTO_RENEW_RE = re.compile(
    r"\b(?:automatic(?:ally)?\s{1,40}(?:be\s{1,40})?(?:renew|extend)|renew\w{0,4}\s{1,40}automatic)", _I
)
# a date with a leading cue: "by", "no later than 5:00PM", "on or before"
DATE_CUE_RE = re.compile(
    r"(?P<cue>\b(?:by|on\s{1,40}or\s{1,40}before|no\s{1,40}later\s{1,40}than|not\s{1,40}later\s{1,40}than|before|prior\s{1,40}to"
    r"|until|through|on|as\s{1,40}of|from|to|effective|dated|commencing|expir\w{1,5}\s{1,40}on)"
    r"(?:\s{1,40}[0-9]{1,2}(?::[0-9]{2})?\s{0,3}(?:[ap]\.?m\.?)?)?\s{1,40})$",
    _I,
)
