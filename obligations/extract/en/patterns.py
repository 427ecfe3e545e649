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
BLANK = r"(?:(?<!_)_{2,40}|\[\s{0,3}[_·•*.…\s]{0,12}\s{0,3}\])"
# a redaction standing for the whole amount and unit: "no later than […***…] following the close of the quarter"
REDACTED_PERIOD_RE = re.compile(
    r"\b(?P<cue>within|(?:no|not)\s{1,40}later\s{1,40}than|(?:at\s{1,40}least|not\s{1,40}less\s{1,40}than|no\s{1,40}less"
    r"\s{1,40}than)|for(?:\s{1,40}a\s{1,40}(?:maximum|minimum|period)\s{1,40}of)?|up\s{1,40}to)\s{1,40}"
    r"(?P<blank>\[\s{0,3}[_·•*.…\s]{1,12}\s{0,3}\]|_{2,40})"
    r"(?=\s{0,40},?\s{0,40}(?:after|following|prior\s{1,40}to|before|of|from|in\s{1,40}advance\s{1,40}of)\b)",
    _I,
)

_UNIT_GROUPS = "|".join(f"(?P<u{i}>{frag})" for i, (frag, _, _) in enumerate(vocab.UNITS))
UNIT_BY_GROUP: dict[str, Unit] = {f"u{i}": unit for i, (_, unit, _) in enumerate(vocab.UNITS)}

# "thirty (30) days", "30-day", "a period of ninety (90) days" (the amount part), "[__] days", "half a month"
_DURATION = (
    r"(?:(?P<num>" + NUMBER + r")|(?P<art>(?<![\w])" + ARTICLE + r")|(?P<blank>" + BLANK + r")"
    r"|(?P<ord>(?<![\w])" + ORDINAL + r"))"
    r"(?:\s{1,3}or\s{1,3}(?:more|fewer|less))?"  # "30 or more days overdue"
    r"[\s-]{0,40}(?:(?P<quarter>" + vocab.QUARTER_UNIT + r")|" + _UNIT_GROUPS + r")(?![\w])"
)
DURATION_RE = re.compile(_DURATION, _I)
# the search starts from the unit words (rare) and looks back for the amount: much faster than trying the
# number alternation at every character
UNIT_WORD_RE = re.compile(r"(?<![\w])(?:hours?|days?|weeks?|months?|years?|quarters?)(?![\w])", _I)
# Every amount starts after no word character (each alternative has that lookbehind) or at a bracket or blank:
# said once in front, the look-back search skips the alternatives at every character inside a word.
_AMOUNT_START = r"(?:(?<![\w])|(?=[(\[_]))"
DURATION_ENDING_RE = re.compile(r"(?:" + _AMOUNT_START + _DURATION + r")$", _I)
DURATION_LOOK_BACK = 110  # "thirty (30)<padding>calendar days": the longest an amount runs before its unit
POSSESSIVE_RE = re.compile(r"'s|s'|'")

# what may sit just before the amount and says how it counts; matched against the text ending at the amount
LEFT_CUE_RE = re.compile(
    r"(?P<cue>\b(?:within|in|no\s{1,40}(?:later|more)\s{1,40}than|not\s{1,40}(?:later|more)\s{1,40}than"
    r"|not\s{1,40}less\s{1,40}than|no\s{1,40}less\s{1,40}than|at\s{1,40}least|a\s{1,40}minimum\s{1,40}of|minimum\s{1,40}of"
    r"|for|upon|on|with|giving|after|following|until|more\s{1,40}than|in\s{1,40}excess\s{1,40}of|exceeding|over"
    r"|on\s{1,40}or\s{1,40}before|expiration\s{1,40}of|end\s{1,40}of|lasts?|remains?\s{1,40}unpaid\s{1,40}for"
    r"|valid\s{1,40}for|continue\s{1,40}for|renew(?:ed|s|al)?\s{1,40}for|extend(?:ed|s)?\s{1,40}for"
    r"|periods?\s{1,40}of|terms?\s{1,40}of|every|each|additional|successive|further|another|least|up\s{1,40}to"
    r"|net)"
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
    r"|(?P<period>(?:[\w-]{1,20}\s{1,40}){0,3}(?:period|term|window|schedule)s?\b)"
    r"|(?P<response>(?:[\w-]{1,20}\s{1,40}){0,2}(?:response|turnaround|resolution|reply)\b)"
    r"|(?P<overdue>overdue|past\s{1,40}due|late|delinquent)\b)?",
    _I,
)

# the words that close an anchor phrase
ANCHOR_STOP_RE = re.compile(vocab.ANCHOR_STOP, _I)
ANCHOR_TYPES = [(re.compile(r"\b(?:" + frag + r")\b", _I), kind) for frag, kind, _ in vocab.ANCHORS]

RECURRENCE_RES = [(re.compile(r"\b(?:" + frag + r")\b", _I), rec) for frag, rec, _ in vocab.RECURRENCES]
_S = r"\s{1,40}"  # SEC filings pad words with runs of spaces and line breaks


def words(pattern: str) -> str:
    """A pattern written with plain spaces between words; each space may be a run of whitespace."""
    return pattern.replace(" ", _S)


_DOM = r"(?:[a-z]{3,12}\s{0,3}\(\s{0,3})?(?P<dom>[0-3]?\d)(?:st|nd|rd|th)?\)?"  # "5th", "fifteenth (15th)"
_MONTH_NAME = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_BY = r"(?:on|by|before|(?:not|no) later than)(?: or before)?"

# A standalone recurring schedule, one alternative per row: (pattern, reason). Named groups: dom (day of month),
# adverb and noun ("monthly reports").
RECURRING_FORMS: list[tuple[str, str]] = [
    (words("(?:" + _BY + " )?the " + _DOM + r"(?: (?:business )?day)? of (?:each|every) (?:calendar )?month"),
     "on the 5th of each month / not later than the fifteenth (15th) day of each month"),
    (words(_BY + r" the (?:last|first) (?:business )?day of (?:each|every) (?:calendar )?(?:month|quarter)"),
     "by the last day of each month"),
    (words(_BY + " " + _MONTH_NAME + r" [0-3]?\d(?:st|nd|rd|th)?(?: of (?:each|every) (?:calendar )?year|,? annually)"),
     "on or before March 31 of each year"),
    (words(r"(?:as of the )?(?:close|end) of each (?:calendar |fiscal )?(?:year|quarter|month)"),
     "as of the close of each year"),
    (words(r"on an? (?:daily|weekly|monthly|quarterly|annual|yearly) basis"), "on a weekly basis"),
    (words(r"(?:per|each|every) (?:calendar |fiscal )?(?:month|quarter|year|week)"
           r"(?: (?:during|for) the (?:term|renewal period)(?: of this agreement)?)?"),
     "per month (for the term of this Agreement)"),
    (words(r"(?P<adverb>daily|weekly|monthly|quarterly|annually|yearly|semi-annually|bi-weekly)"
           r"(?P<noun> " + vocab.RECURRING_NOUNS + ")?"),
     "monthly; monthly reports (before any other noun it is an adjective, skipped)"),
]  # fmt: skip
# The letters the forms above can start with, in a lookahead: the regex engine then tries the alternatives only at
# the words that can start one (same matches, a third less time). A form starting with another letter adds it
# here; tests/test_extract_speed.py checks the letters against the forms.
RECURRING_FIRST_LETTERS = "abcdemnopqstwy"
RECURRING_RE = re.compile(
    r"\b(?=[" + RECURRING_FIRST_LETTERS + r"])(?:" + "|".join(f for f, _ in RECURRING_FORMS) + r")\b", _I
)
# "for the last 12 months", "during the preceding twelve months": a look-back window, not a deadline
LOOK_BACK_RE = re.compile(r"\b(?:last|past|preceding|previous|prior|trailing)\s{1,40}$", _I)
# "forty (40) hours per week", "24 hours a day": a rate of time, not a deadline
RATE_RE = re.compile(r"\s{0,9}(?:per|a|an|each|every)\s{1,40}(?:day|week|month|year|quarter)\b", _I)
RECURRING_ADVERB_NEXT_RE = re.compile(r"\s{0,9}[\w-]{1,20}")

_ORDINAL_YEARS = r"(?P<nth>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|[1-9]\d?(?:st|nd|rd|th))"
_THIS_AGREEMENT = r"(?:(?:of )?(?:this|the) (?:agreement|contract)|hereof)"

# Dated without an amount, one alternative per row: (group name, pattern, reason). expressions.find_events says
# what each group means.
EVENT_FORMS: list[tuple[str, str, str]] = [
    ("sign", words(r"(?:upon|on|at|concurrent(?:ly)? with|simultaneously with) (?:the )?(?:signing|execution|signature)"
                   r"(?: " + _THIS_AGREEMENT
                   + r"|(?=\s{0,3}[,.;]))"),
     "upon the signing of this Agreement / upon execution hereof"),
    ("dated", words(r"(?:upon|on) the (?:date of this (?:agreement|contract)|date hereof)"),
     "on the date of this Agreement"),
    ("eff", words(r"(?:upon|on) the effective date"), "payable on the Effective Date"),
    ("anniv", words(r"(?:on|by|before|prior to|until|through) the " + _ORDINAL_YEARS + r" anniversary of "
                    r"(?P<anniv_of>(?:the )?(?:effective|commencement|closing) date|the date (?:of this agreement"
                    r"|hereof)|this agreement)"),
     "on the third anniversary of the Effective Date: N years after the anchor"),
    ("next", words(r"(?:on )?the (?:following|next) (?:business|working) day"), "processed the following business day"),
    ("done", words(r"(?:upon|on) (?:the )?(?:completion|acceptance|delivery) of (?:the )?") + r"[\w ]{1,40}?"
     r"(?=[,.;]|\s(?:and|or)\s|$)", "pay ... on completion of the Scope of Work"),
    ("duration", r"(?<=\s)" + words(r"for the (?:total |entire |full )?duration of ") + r"[\w'’ ]{3,60}?(?=[,.;(]|$)",
     "this Agreement is for the total duration of the Offering"),
    ("anytime", words(r"at any time prior to the (?:end|expiration|expiry) of the (?:initial )?term"),
     "at any time prior to the end of the Term"),
]  # fmt: skip
EVENT_FIRST_LETTERS = "abcfopstu"  # as RECURRING_FIRST_LETTERS, for EVENT_FORMS
EVENT_RE = re.compile(
    r"\b(?=[" + EVENT_FIRST_LETTERS + r"])(?:" + "|".join(f"(?P<{n}>{f})" for n, f, _ in EVENT_FORMS) + r")", _I
)

# words one of which each pattern needs: a plain substring test skips most sentences before any regex runs
RECURRING_HINTS = ("each", "every", "per ", "daily", "weekly", "monthly", "quarterly", "annual", "yearly", "basis")
EVENT_HINTS = ("sign", "execution", "hereof", "effective date", "following", "next", "completion", "acceptance",
               "delivery", "duration", "any time", "date of this", "anniversary")  # fmt: skip
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
NON_DEADLINE_FIRST = "%aelprsuwy"  # as RECURRING_FIRST_LETTERS, for vocab.NON_DEADLINE_CUES
NON_DEADLINE_RE = re.compile(r"(?=[" + NON_DEADLINE_FIRST + r"])" + vocab.NON_DEADLINE_CUES, _I)
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
