"""Document-level dates: when the contract was signed, when it takes effect, when it ends, and its term.

Read from the phrases contracts use ("entered into on", "effective as of", "shall commence on", "until",
"initial term of three (3) years"); the expiry is computed from effective date + term when only those are stated.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from obligations.extract.en.dates import DateList, dates_between, find_dates, shift
from obligations.extract.en.expressions import classify_anchor, period_of
from obligations.extract.en.numbers import parse_number
from obligations.extract.en.patterns import ANCHOR_STOP_RE, DURATION_RE, RIGHT_RE
from obligations.model import AnchorType, DocumentFacts, Period, Unit

_I = re.IGNORECASE
_GAP = r"[^.;]{0,60}?"  # a few words on the same sentence, never across one

# (regex ending just before a date, reason); each applies to the date right after it
HEAD_SIGNING_CUES: list[tuple[str, str]] = [
    (r"\b(?:was|were|is|been)\s{1,40}signed\s{1,40}(?:on|as\s{1,40}of)\s{1,40}(?:the\s{1,40})?$", "was signed on"),
    (
        r"\bexecuted\s{1,40}(?:and\s{1,40}delivered\s{1,40})?(?:this|on|as\s{1,40}of)\s{1,40}(?:the\s{1,40})?$",
        "is executed this 23rd day of December, 2003",
    ),
    (
        r"\b(?:made|entered)\s{1,40}(?:an|and)?\s{0,9}(?:entered\s{1,40})?(?:into\s{1,40})?(?:effect(?:ive)?\s{1,40})?"
        r"(?:(?:as\s{1,40}of|on|this|dated)\s{1,40}){0,2}(?:the\s{1,40})?$",
        "made and entered into on/as of",
    ),
    (r"\bdated\s{1,40}(?:as\s{1,40}of\s{1,40})?(?:this\s{1,40})?(?:the\s{1,40})?$", "dated as of"),
]
SIGNING_CUES: list[tuple[str, str]] = [
    (
        r"\bexecuted\s{1,40}" + _GAP + r"\b(?:on|as\s{1,40}of)\s{1,40}(?:the\s{1,40})?$",
        "IN WITNESS WHEREOF ... executed on",
    ),
    (
        r"(?<!effective\s)(?<!commencement\s)(?<!expiration\s)(?<!termination\s)(?<!renewal\s)\bdated?\s{0,3}:\s{0,40}$",
        "signature block 'Date:' (not 'Effective Date:')",
    ),
]
EFFECTIVE_CUES: list[tuple[str, str]] = [
    (r"\beffective\s{1,40}(?:as\s{1,40}of\s{1,40}|on\s{1,40}|from\s{1,40})?(?:the\s{1,40})?$", "effective (as of)"),
    (r"\beffective\s{1,40}date\b[^.;]{0,300}?$", "the Effective Date definition"),
    (r"\bcommence\w{0,3}\s{1,40}(?:on|upon|as\s{1,40}of|from)\s{1,40}(?:the\s{1,40})?$", "shall commence on"),
    (
        r"\bterm\b[^.;]{0,60}?\b(?:beginning|commencing|starting)\s{1,40}(?:on\s{1,40})?$",
        "the term is 12 months beginning March 1, 2005",
    ),
    (r"\bcommencement\s{1,40}date\b" + _GAP + r"$", "commencement date"),
]
EXPIRY_CUES: list[tuple[str, str]] = [
    (
        r"\b(?:effective|in\s{1,40}(?:full\s{1,40})?(?:force|effect)(?:\s{1,40}and\s{1,40}effect)?|continue\w{0,2})\s{1,40}until\s{1,40}$",
        "effective until",
    ),
    (
        r"\b(?:agreement|term|contract)\b[^.;]{0,80}?\b(?:terminat\w{0,3}\s{1,40}on|ending(?:\s{1,40}on)?|expir\w{0,3}\s{1,40}on|ends?\s{1,40}on)\s{1,40}(?:the\s{1,40})?$",
        "this Agreement expires on / the term ending on (not any period that ends)",
    ),
    (r"\b\d{4}\s{1,40}(?:through|to|until)\s{1,40}$", "a period 'April 15, 2000 through October 15, 2000'"),
]
# the agreement's own term: "shall continue for One (1) Year", "initial term of three (3) years"
# (regex ending just before the term's amount, reason)
TERM_CUES: list[tuple[str, str]] = [
    (
        r"(?:initial\s+)?term(?:\s+of\s+(?:this|the)\s+[A-Za-z]{3,15})?\s+(?:shall\s+be|is|will\s+be)(?:\s+for)?",
        "the term of the Franchise shall be twenty (20) years",
    ),
    (r"(?:initial\s+)?term\s+of(?:\s+this\s+agreement)?", "an initial term of three (3) years"),
    (
        r"(?:continue|remain\s+in\s+(?:full\s+)?(?:force|effect)(?:\s+and\s+effect)?)\s+(?:for|until)",
        "shall continue for One (1) Year / remain in full force and effect until one (1) year ...",
    ),
    (r"valid\s+for", "The Contract is valid for 5 years"),
    (r"(?:agreement\s+|initial\s+)?term\s?:", "a cover sheet's 'Agreement Term: 1 Year'"),
    (r"(?:is|be)\s+for\s+a\s+period\s+of", "The maintenance is for a period of one (1) year"),
    (r"for\s+an?\s+(?:initial\s+)?(?:term|period)\s+of", "for a term of five years"),
    (r"period\s+of", "a period of"),
]
# The letters the cues above start with (agreement, be, continue, for, initial, is, period, remain, term, valid); a
# cue starting with another letter adds it here (tests/test_extract_speed.py checks). The lookahead on them spares
# the alternatives, with their optional leading words, at every other word: half the search's time, same matches.
TERM_FIRST_LETTERS = "abcfiprtv"
TERM_RE = re.compile(
    r"\b(?=[" + TERM_FIRST_LETTERS + r"])(?:" + "|".join(c.replace("\\s+", "\\s{1,40}") for c, _ in TERM_CUES) + r")"
    r"\s{1,40}(?:(?:a|an)\s{1,40}(?:period\s{1,40}of\s{1,40})?)?(?=\S)",
    _I,
)
# the agreement (or what it provides) is the subject: "This Agreement shall continue for", "The maintenance is for"
TERM_SUBJECT_RE = re.compile(
    r"\b(?:term|agreement|contract|maintenance|license|licence|subscription|lease|franchise|engagement|services?)\b"
    r"|\b(?:commenc\w{0,4}|valid|effective)\b",
    _I,
)
_HEAD = 4000
# "but effective as of the Date of Commencement": a start defined elsewhere and not dated in the text
# ("effective(?<!\weffective)" is "\beffective" written so that the regex engine can skip to the word)
EFFECTIVE_ELSEWHERE_RE = re.compile(
    r"effective(?<!\weffective)\s{1,40}(?:as\s{1,40}of|on|from)\s{1,40}the\s{1,40}(?!(?i:date\s{1,40}(?:of\s{1,40}this|first|hereof|noted|written|set|last)))"
    r"(?:[A-Z][a-z]{1,15}\s{1,3}(?:of\s{1,3})?){1,4}",
)  # the preamble: signing cues count only here (or in a signature block)


def _cue_dates(
    text: str, dates: DateList, cues: list[tuple[str, str]], *, head: int | None = None
) -> list[tuple[int, dt.date]]:
    regexes = [re.compile(c, _I) for c, _ in cues]
    keywords = _keywords(cues)
    out: list[tuple[int, dt.date]] = []
    for match, date in dates:
        if head is not None and match.start() > head and not _is_signature_line(text, match.start()):
            continue
        window_start = max(0, match.start() - 400)
        window = text[window_start : match.start()].lower()
        if not any(k in window for k in keywords):
            continue  # no cue word at all: skip the regexes
        for regex in regexes:
            if regex.search(text, window_start, match.start()):
                out.append((match.start(), date))
                break
    return out


def _keywords(cues: list[tuple[str, str]]) -> tuple[str, ...]:
    """The literal words the cue regexes cannot match without (a cheap pre-check)."""
    words = ("made", "entered", "dated", "date", "executed", "signed", "effective", "commenc", "until", "expir",
             "terminat", "end", "through", "to")  # fmt: skip
    joined = " ".join(c for c, _ in cues).lower()
    return tuple(w for w in words if w in joined)


def _named_effective(text: str, dates: DateList) -> list[tuple[int, dt.date]]:
    """'... the 7th day of April, 2017 ("Effective Date")': the date the text names the Effective Date."""
    return [(m.start(), date) for m, date in dates if _NAMED_EFFECTIVE_RE.match(text, m.end())]


_NAMED_EFFECTIVE_RE = re.compile(
    r"\s{0,3},?\s{0,3}\(\s{0,3}(?:the\s{1,3}|hereinafter\s{1,3}|herein\s{1,3})?[\"“]{1,2}(?:effective|commencement)"
    r"\s{1,3}date[\"”]{1,2}",
    _I,
)


def _is_signature_line(text: str, at: int) -> bool:
    line_start = text.rfind("\n", 0, at) + 1
    return bool(re.search(r"\bdate[d]?\s{0,3}:", text[max(line_start, at - 60) : at], _I))


def _letter_date(text: str, dates: DateList) -> dt.date | None:
    """A letter agreement's date: a date alone on a line near the top."""
    for match, date in dates_between(dates, 0, 1500):
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if line.strip() == match.group(0).strip():
            return date
    return None


@dataclass(frozen=True, slots=True)
class Term:
    """Where the text states the agreement's own term: "shall continue for One (1) Year"."""

    cue_start: int
    amount_start: int
    amount_end: int
    period: Period
    words: str


def find_term(text: str) -> Term | None:
    """The agreement's initial term, if the text states one."""
    for m in TERM_RE.finditer(text):
        d = DURATION_RE.match(text, m.end())
        if d is None:
            continue
        period, _ = period_of(d)
        if period is None or period.unit not in (Unit.MONTH, Unit.YEAR, Unit.WEEK):
            continue
        if _counts_from_event(text, d.end()):
            continue  # "for a period of two (2) years subsequent to the termination of discussions"
        sentence_start = max(text.rfind(". ", 0, m.start()), m.start() - 300)
        if not TERM_SUBJECT_RE.search(text, sentence_start, m.end()):
            continue
        return Term(m.start(), d.start(), d.end(), period, " ".join(d.group(0).split()))
    return None


def _counts_from_event(text: str, at: int) -> bool:
    right = RIGHT_RE.match(text, at, min(len(text), at + 200))
    if right is None or not (right.group("after") or right.group("before")):
        return False
    if right.group("after") and right.group("after").lower().startswith(("commencing", "beginning", "starting")):
        return False  # "one (1) year commencing upon expiration of ...": still the term
    end = right.end() + 80
    stop = ANCHOR_STOP_RE.search(text, right.end(), end)
    label = text[right.end() : stop.start() if stop else end]
    return classify_anchor(label) not in (AnchorType.EFFECTIVE, AnchorType.SIGNING)


# "shall terminate on the third anniversary of the Effective Date"
_ANNIVERSARY_END_RE = re.compile(
    r"\b(?:terminat|expir|end|continue|remain)\w{0,3}\b[^.;]{0,40}?\b(?:on|until|through)\s{1,40}the\s{1,40}"
    r"(?P<nth>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|[1-9]\d?(?:st|nd|rd|th))\s{1,40}"
    r"anniversary\s{1,40}of\s{1,40}(?P<of>(?:the\s{1,40})?(?:effective|commencement)\s{1,40}date|the\s{1,40}date"
    r"\s{1,40}(?:of\s{1,40}this\s{1,40}agreement|hereof)|this\s{1,40}agreement)",
    _I,
)


# Every match holds this word, starts at most _ANNIVERSARY_REACH characters before it and is shorter than
# _ANNIVERSARY_SPAN (the widths of the regex's pieces; tests/test_extract_speed.py checks): around each occurrence
# of the word a search of that window finds the match holding it, as a search of the whole text would.
_ANNIVERSARY_WORD_RE = re.compile(r"anniversary", _I)
_ANNIVERSARY_REACH = 200
_ANNIVERSARY_SPAN = 480


def _anniversary_expiry(text: str, signing: dt.date | None, effective: dt.date | None) -> dt.date | None:
    for word in _ANNIVERSARY_WORD_RE.finditer(text):
        at = word.start()
        m = _ANNIVERSARY_END_RE.search(text, max(0, at - _ANNIVERSARY_REACH), at + _ANNIVERSARY_SPAN)
        if m is not None and m.start() <= at:  # one starting later holds a later word: its own window decides
            break
    else:
        return None
    years = parse_number(m.group("nth")) or 1
    of = m.group("of").lower()
    base = effective if ("effective" in of or "commencement" in of) else (signing or effective)
    return shift(base, years, Unit.YEAR) if base else None


def extract_facts(text: str, dates: DateList | None = None) -> tuple[DocumentFacts, Term | None]:
    """The facts, and where the term is stated (so the caller can tie that obligation to the expiry).

    `dates` is every date of the text (`find_dates`), when the caller already has them.
    """
    dates = list(find_dates(text)) if dates is None else dates
    signing = (
        _first(_cue_dates(text, dates, HEAD_SIGNING_CUES, head=_HEAD))
        or _letter_date(text, dates)
        or _first(_cue_dates(text, dates, SIGNING_CUES))
    )
    effective = _first(_cue_dates(text, dates, EFFECTIVE_CUES) + _named_effective(text, dates))
    if effective is None and signing is not None and not EFFECTIVE_ELSEWHERE_RE.search(text):
        effective = signing  # no other start is named: the agreement takes effect when signed
    expiry = _first(_cue_dates(text, dates, EXPIRY_CUES))
    term = find_term(text)
    if expiry is None:
        expiry = _anniversary_expiry(text, signing, effective)
    if expiry is None and effective is not None and term is not None and term.period.value is not None:
        expiry = shift(effective, term.period.value, term.period.unit)
    facts = DocumentFacts(signing_date=signing, effective_date=effective, expiry_date=expiry, term=term and term.words)
    return facts, term


def _first(items: list[tuple[int, dt.date]]) -> dt.date | None:
    return min(items)[1] if items else None
