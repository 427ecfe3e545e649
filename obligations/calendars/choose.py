"""Which calendar a contract's periods are counted on, from its language and governing law."""

from __future__ import annotations

import re

# Checked in order, first match wins: Hong Kong before China, since "中华人民共和国香港特别行政区" contains both.
# One line per jurisdiction: the words a governing-law clause uses for it (matched case-insensitively).
GOVERNING_LAW_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("HK", ("hong kong", "香港", "hksar")),
    ("SG", ("singapore", "新加坡")),
    ("CN", ("people's republic of china", "prc", "中华人民共和国", "中国", "mainland china", "china")),
    ("GB", ("england", "english law", "wales", "united kingdom", "英格兰", "英国")),
    ("US", ("new york", "delaware", "california", "united states", "美国", "纽约")),
    ("DE", ("germany", "german law", "deutschland", "德国")),
    ("FR", ("france", "french law", "法国")),
    ("JP", ("japan", "日本")),
)
LANGUAGE_DEFAULTS = {"zh": "CN"}  # a Chinese-language contract is most likely performed in mainland China


def default_calendar_for(language: str, governing_law_hint: str | None, *, fallback: str = "CN") -> str:
    """The calendar code for a contract: its governing law if recognised, else its language, else `fallback`.

    >>> default_calendar_for("en", "This Agreement is governed by the laws of Hong Kong SAR.")
    'HK'
    >>> default_calendar_for("zh", None)
    'CN'
    """
    if governing_law_hint:
        hint = governing_law_hint.casefold()
        for code, words in GOVERNING_LAW_WORDS:
            if any(_mentions(hint, word) for word in words):
                return code
    return LANGUAGE_DEFAULTS.get(language, fallback)


def _mentions(text: str, word: str) -> bool:
    if not word.isascii():
        return word in text
    # Whole words only for Latin script: "prc" must not match "reciprocal"... nor "china" match "indochina".
    start = text.find(word)
    while start != -1:
        before = text[start - 1] if start else " "
        after = text[start + len(word)] if start + len(word) < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        start = text.find(word, start + 1)
    return False


# Where a contract names its law: "governed by the laws of …", "Governing Law", "适用中华人民共和国法律", "受…法律管辖".
_GOVERNING_CUE = re.compile(
    r"govern(?:ed|ing)\s+(?:by|law)|laws?\s+of\s+the|适用(?:的)?法律|适用中华|法律管辖|准据法", re.I
)


def governing_law_clause(text: str, *, width: int = 160) -> str | None:
    """The words around the first governing-law cue in `text`, to hand to `default_calendar_for`.

    >>> default_calendar_for("en", governing_law_clause("11. This Agreement is governed by the laws of Singapore."))
    'SG'
    """
    found = _GOVERNING_CUE.search(text)
    if found is None:
        return None
    return text[max(0, found.start() - 40) : found.end() + width]
