"""English numbers as contracts write them: "30", "thirty (30)", "forty-five", "one (1)", "a", "half a".

`NUMBER` is a regex fragment (no groups, bounded repetition) that matches one written amount; `parse_number`
turns the matched text into a value. Parenthesised digits win over the words ("thirty (30)" -> 30), since
the digits are what the parties check.

>>> parse_number("thirty (30)")
30.0
>>> parse_number("forty-five")
45.0
>>> parse_number("One Hundred Twenty")
120.0
>>> parse_number("half a")
0.5
"""

from __future__ import annotations

import re

# word -> value; one entry per line so a reader can see what is covered
UNITS_WORDS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,  # a common misspelling in executed contracts
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALE_WORDS: dict[str, int] = {
    "hundred": 100,
}
# articles stand for one ("a period of one year" / "a month" / "an additional year")
ARTICLE_WORDS: dict[str, float] = {
    "a": 1,
    "an": 1,
    "another": 1,
    "half a": 0.5,  # "half a month"
    "one-half": 0.5,
    "one half": 0.5,
}


def one_of_words(words: list[str]) -> str:
    """A regex fragment for any of `words` (tried in the order given), behind a lookahead on their first letters.

    The regex engine tries a list of words one by one, with no quick check when the pattern ignores case; the
    lookahead lets it try the list only where one of the words can start. It matches exactly what the list does.
    """
    first_letters = "".join(sorted({word[0] for word in words}))
    return r"(?=[" + re.escape(first_letters) + r"])(?:" + "|".join(words) + r")"


_ALL_WORDS = sorted([*UNITS_WORDS, *TENS_WORDS, *SCALE_WORDS], key=len, reverse=True)
_WORD = one_of_words(_ALL_WORDS)
_WORDS = _WORD + r"(?:[ \t-]{1,3}(?:and[ \t]{1,3})?" + _WORD + r"){0,3}"
_DIGITS = r"\d{1,4}(?:\.\d{1,2})?"
_PAREN = r"\(\s{0,3}\d{1,4}(?:\.\d{1,2})?\s{0,3}\)"

# One written amount: words with optional "(30)", bare digits, or "(30)" alone.
_PAREN_WORDS = r"\(\s{0,3}" + _WORDS + r"\s{0,3}\)"  # "2 (two) years"
NUMBER = (
    r"(?:(?<![\w.,$])(?:" + _WORDS + r")(?:\s{0,40}" + _PAREN + r")?(?![\w])"
    r"|(?<![\w.,$/])" + _DIGITS + r"(?:\s{0,3}" + _PAREN_WORDS + r")?(?![\w]|[.,]\d)"
    r"|" + _PAREN + r")"
)
# "the third business day after": an ordinal counts like the number when a relation follows
ORDINAL_WORDS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "fifteenth": 15, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
ORDINAL = r"(?:" + one_of_words(list(ORDINAL_WORDS)) + r"|(?<![\w.,])\d{1,2}(?:st|nd|rd|th))"
# Articles count only when directly followed by a unit; kept apart so callers decide.
ARTICLE = r"(?:half\s{1,3}an?|one[- ]half|another|an|a)"

_PAREN_RE = re.compile(r"\(\s*(\d{1,4}(?:\.\d{1,2})?)\s*\)")
_TOKEN_RE = re.compile(r"[a-z]+|\d+(?:\.\d+)?")


def parse_number(text: str) -> float | None:
    """The value of a written amount (see module doctest); None when it is not a number."""
    lowered = " ".join(text.lower().split())
    if lowered in ORDINAL_WORDS:
        return float(ORDINAL_WORDS[lowered])
    if lowered[:-2].isdigit() and lowered[-2:] in ("st", "nd", "rd", "th"):
        return float(lowered[:-2])
    paren = _PAREN_RE.search(lowered)
    if paren:
        return float(paren.group(1))
    if lowered in ARTICLE_WORDS:
        return float(ARTICLE_WORDS[lowered])
    if lowered.startswith("half"):
        return 0.5
    total = 0
    current = 0
    seen = False
    for token in _TOKEN_RE.findall(lowered):
        if token[0].isdigit():
            return float(token)
        if token == "and":
            continue
        if token in UNITS_WORDS:
            current += UNITS_WORDS[token]
        elif token in TENS_WORDS:
            current += TENS_WORDS[token]
        elif token in SCALE_WORDS:
            current = max(current, 1) * SCALE_WORDS[token]
        else:
            return None
        seen = True
    total += current
    return float(total) if seen else None
