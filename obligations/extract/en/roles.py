"""Who must act, what they must do, and what kind of duty it is, read from the sentence around a deadline.

Parties are the names the contract defines ("Licensee", (the "Company"), (COMWARE)) plus the role nouns of
`vocab.PARTY_ROLES`; the party of a deadline is the one that is the subject of the nearest modal verb
("Licensee shall", "COMWARE must") before it, else the one named after "by".
"""

from __future__ import annotations

import re

from obligations.extract.en import vocab
from obligations.model import Kind

_I = re.IGNORECASE
# ("Licensee"), (the "Company"), (hereinafter referred to as "Client"), (COMWARE)
_DEFINED_RE = re.compile(
    r"\(\s{0,3}(?:the\s{1,3}|hereinafter\s{1,3}(?:referred\s{1,3}to\s{1,3}as\s{1,3})?|each\s{1,3}a\s{1,3})?"
    r"[\"“]{1,2}(?P<q>[A-Z][A-Za-z0-9.&' -]{1,40}?)\s{0,2}[\"”]{1,2}"
    r"|\(\s{0,3}(?P<caps>[A-Z][A-Z0-9&]{1,15})\s{0,3}\)"
)
_MODAL = (
    r"(?:shall|will|must|may|should|agrees?\s{1,40}to|is\s{1,40}required\s{1,40}to|undertakes\s{1,40}to|fails?\s{1,40}to"
    r"|does\s{1,40}not|has\s{1,40}not|have\s{1,40}not|reserves)"
)
_MODAL_RE = re.compile(r"\b" + _MODAL + r"\b", _I)
_NEGATION = frozenset({"not", "hereby", "promptly", "immediately", "also", "then", "thereafter", "be", "at", "its"})
_KIND_RES = [(re.compile(r"\b(?:" + frag + r")\b", _I), kind) for frag, kind, _ in vocab.KIND_VERBS]
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'/-]*")


def defined_parties(text: str) -> list[str]:
    """Names the preamble defines for the parties, longest first."""
    names: set[str] = set()
    for m in _DEFINED_RE.finditer(text, 0, min(len(text), 6000)):
        name = m.group("q") or m.group("caps") or ""
        name = " ".join(name.split())
        if not name or name.lower() in vocab.NOT_PARTIES or len(name.split()) > 4:
            continue
        if name.split()[-1].lower() in vocab.NOT_PARTY_LAST_WORDS:
            continue
        if m.group("caps") and name in {"USA", "US", "UK", "EU", "PRC", "LLC", "INC", "II", "III", "IV"}:
            continue
        names.add(name)
    return sorted(names, key=len, reverse=True)


def party_regex(names: list[str]) -> re.Pattern[str]:
    escaped = [re.escape(n).replace(r"\ ", r"\s{1,40}") for n in names]
    alternatives = [*escaped, *vocab.PARTY_ROLES]
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b(?!\s{0,3}[\"”])", _I)


def find_party(party_re: re.Pattern[str], text: str, s_start: int, phrase_start: int, s_end: int) -> str | None:
    """The party bound by the deadline at `phrase_start` in the sentence text[s_start:s_end]."""
    best: str | None = None
    for m in party_re.finditer(text, s_start, phrase_start):
        if _OBJECT_RE.search(text, max(s_start, m.start() - 8), m.start()):
            continue  # "payments to PivX shall be made": PivX is not the one who pays
        after = text[m.end() : m.end() + 60]
        if _MODAL_RE.match(after.lstrip()) or after.lstrip().startswith(","):
            best = m.group(0)
    if best is None:
        best = _agent_after_by(party_re, text, s_start, s_end)
    if best is None:
        best = _named_subject(text, s_start, phrase_start)
    if best is None:
        first = party_re.search(text, s_start, s_end)
        best = first.group(0) if first else None
    if best is None:
        return None
    name = " ".join(best.split())
    return name[4:] if name[:4].lower() == "the " and name[4:].lower() != "parties" else name


_OBJECT_RE = re.compile(r"\b(?:to|from|of|with|for|against|upon|on)\s{1,3}$", re.IGNORECASE)


def _named_subject(text: str, s_start: int, phrase_start: int) -> str | None:
    """'Promoter shall ...' when the preamble defined nobody: a capitalised subject of a modal verb."""
    found = None
    for m in _SUBJECT_RE.finditer(text, s_start, phrase_start):
        at_clause_start = m.start() == s_start or text[m.start() - 2 : m.start()] in (", ", "; ", ": ", ") ")
        first, last = m.group("name").split()[0].lower(), m.group("name").split()[-1].lower()
        if at_clause_start and first not in _NOT_SUBJECTS and last.rstrip("s") not in vocab.NOT_PARTY_LAST_WORDS:
            found = m.group("name")
    return found


_SUBJECT_RE = re.compile(
    r"(?<![\w-])(?P<name>(?:[A-Z][\w&.-]{1,30}\s{1,3}){0,2}[A-Z][\w&.-]{1,30})\s{1,3}"
    r"(?:shall|will|must|agrees|undertakes|may)\b",
)
_NOT_SUBJECTS = frozenset({"this", "it", "such", "any", "no", "all", "these", "that", "there", "payment", "notice",
                           "agreement", "each", "either", "neither", "if", "in", "upon", "the", "which"})  # fmt: skip


def _agent_after_by(party_re: re.Pattern[str], text: str, s_start: int, s_end: int) -> str | None:
    """'payment will be made by COMWARE': the agent of a passive duty."""
    for m in re.finditer(r"\bby\s{1,40}(?:the\s{1,3})?", text[s_start:s_end], _I):
        hit = party_re.match(text, s_start + m.end(), s_end)
        if hit:
            return hit.group(0)
    return None


def find_action(text: str, s_start: int, phrase_start: int, s_end: int) -> str | None:
    """A short verb phrase: the words after the modal verb nearest before the deadline (else after it).

    Stops at the deadline itself; with coordinated verbs ("respond ... within 4 hours and resolve them within
    2 business days") it takes the verb after the last "and" before the deadline.
    """
    modal = None
    for m in _MODAL_RE.finditer(text, s_start, phrase_start):
        modal = m
    end = phrase_start
    if modal is None:
        modal = _MODAL_RE.search(text, phrase_start, s_end)
        end = s_end
    if modal is None:
        return None
    start = modal.end()
    if end == phrase_start:  # the modal governs the deadline from before: take the last coordinated verb
        for conj in _AND_VERB_RE.finditer(text, start, end):
            start = conj.end() - len(conj.group("verb"))
    words: list[str] = []
    for w in _WORD_RE.finditer(text, start, min(end, start + 120)):
        if any(ch in text[start : w.start()] for ch in ",;:("):
            break
        word = w.group(0)
        if not words and word.lower() in _NEGATION and word.lower() != "not":
            continue
        words.append(word)
        if len(words) >= 6:
            break
    while words and words[-1].lower() in _TRAILING_CUE_WORDS:
        words.pop()  # "respond to requests within": the cue of an earlier deadline
    return " ".join(words) or None


_TRAILING_CUE_WORDS = frozenset(
    {"within", "no", "not", "later", "than", "by", "on", "upon", "at", "least", "for", "a", "period", "of", "the", "in",
     "before", "after", "prior", "to", "and", "or"}
)  # fmt: skip
# "... and resolve them": a second verb under the same modal
_AND_VERB_RE = re.compile(
    r"\b(?:and|or)\s{1,40}(?:shall\s{1,40}|will\s{1,40})?(?P<verb>(?!the\b|a\b|an\b|its\b|their\b)[a-z]{3,20})\b"
)


def find_kind(sentence: str, action: str | None, *, hint: Kind | None = None) -> Kind:
    """The kind of duty: from the action's verb first, then from the sentence, else `hint` or OTHER."""
    for source in (action or "", sentence):
        for regex, kind in _KIND_RES:
            if regex.search(source):
                return kind
    return hint or Kind.OTHER
