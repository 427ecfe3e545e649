"""Split contract text into sentences (with offsets) and track the section each one sits under.

SEC filings glue a whole page into one line, pad words with runs of spaces, and repeat a page header
("Source: COMPANY, 8-K, 9/14/2015") every page; all of that must leave offsets into the original text intact.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# Words after which a period does not end a sentence.
ABBREVIATIONS: frozenset[str] = frozenset(
    {
        "inc", "corp", "co", "ltd", "llc", "l.l.c", "n.a", "no", "nos", "sec", "art", "para", "jan", "feb", "mar",
        "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr", "mrs", "ms", "dr", "st", "u.s", "e.g",
        "i.e", "etc", "vs", "v", "p", "pp", "seq", "cf", "approx", "dept", "ave", "blvd", "ste", "plc", "s.a",
        "a.m", "p.m", "ref", "fig", "min", "max", "incl", "ex", "exh", "mp3", "www",
    }
)  # fmt: skip

# A sentence ends at . ; ! ? followed by space (or at a blank line); ":" ends one only before a line break. Each
# alternative starts with its own character, so the regex engine skips straight to the next candidate (a first
# character class would be tried at every character); the same for the places a heading may start, below.
_STOP_FOLLOWS = r"""(?=[\s"')\]]{0,3}\s)"""
_END_RE = re.compile(
    "|".join([*(re.escape(mark) + _STOP_FOLLOWS for mark in ".!?;"), r":(?=[ \t]{0,40}\n)", r"\n[ \t]{0,80}\n"])
)
_CONTINUES_RE = re.compile(r"(?:[a-z,]|\b(?:the|a|an|of|to|and|or))[ \t]{0,80}$")
# ... and the text after the break goes on in lower case, maybe after a page number ("renew the\n\n4 Agreement, which")
_CONTINUED_RE = re.compile(r"[ \t\n]{0,80}(?:\d{1,3}[ \t]{1,40})?(?:[a-z]|[A-Z][a-z]{1,20},?[ \t]{1,9}[a-z])")
_LIST_MARK_RE = re.compile(r"\s{1,9}\(?(?:[a-z]|[ivx]{1,4})[.)]\s")  # "Schedule A. b. The Royalty": a new item
_HEADING_NUMBER_RE = re.compile(r"\d{1,2}(?:\.\d{1,2}){0,3}")
_WORD_BEFORE_RE = re.compile(r"([A-Za-z0-9.]{1,12})$")
# page furniture in SEC exhibits: not contract language
PAGE_HEADER_RE = re.compile(r"^[ \t]{0,40}Source:[^\n]{0,200}$|^[ \t]{0,40}Page\s+\d+\s+of\s+\d+[ \t]*$", re.MULTILINE)

# headings: "Section 4.1.", "4.1 Payment", "8. Term", "ARTICLE III", each at a line start or a sentence start
_ARTICLE_WORDS = r"(?:ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN|ELEVEN|TWELVE|THIRTEEN|FOURTEEN|FIFTEEN)"
# where a heading may start: a line or a sentence start
_HEADING_PLACE_RE = re.compile("|".join([r"\n", *(re.escape(mark) + r"[ \t]{1,2}" for mark in ".:;")]))
_HEADING_RE = re.compile(
    r"[ \t]{0,40}"
    r"(?:(?P<article>ARTICLE|Article)\s+(?P<art>[IVXLC]{1,6}|\d{1,3}|" + _ARTICLE_WORDS + r")\b"
    r"|(?:Section|SECTION|Clause|CLAUSE)\s+(?P<sec>\d{1,3}(?:\.\d{1,3}){0,3}(?:\([a-z0-9]{1,4}\))?)"
    r"|(?P<num>\d{1,2}(?:\.\d{1,2}){0,3})(?:\.|\s)(?=\s{0,6}[A-Z(])"
    r"|\((?P<sub>[a-z]|[ivx]{1,4})\)\s(?=\s{0,6}[A-Za-z])"
    r")",
    re.MULTILINE,
)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


def page_furniture(text: str) -> list[tuple[int, int]]:
    """Spans of page headers/footers to ignore, in order.

    Besides "Source: ..." and "Page 2 of 5", a short line holding a digit that comes back three times or more is
    a running header ("Ricoh Company, Ltd. / June 22, 2000 / Page 2"): all but its first occurrence are furniture.
    """
    spans = [(m.start(), m.end()) for m in PAGE_HEADER_RE.finditer(text)]
    seen: dict[str, int] = {}
    lines: list[tuple[str, int, int]] = []
    first = _SHORT_FIRST_LINE_RE.match(text)
    for m in [first, *_SHORT_LINE_RE.finditer(text)] if first else _SHORT_LINE_RE.finditer(text):
        key = " ".join(m.group(1).split())
        seen[key] = seen.get(key, 0) + 1
        lines.append((key, m.start(1), m.end(1)))
    firsts: set[str] = set()
    for key, start, end in lines:
        if seen[key] >= _REPEATS and any(ch.isdigit() for ch in key):
            if key in firsts:
                spans.append((start, end))
            firsts.add(key)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


# A short line (group 1 its text): the first one of the text, then every one after a line break. Starting each
# search at the break itself lets the regex engine skip from break to break; "^" was tried at every character.
_SHORT_FIRST_LINE_RE = re.compile(r"[ \t]{0,80}(\S[^\n]{0,60}?)[ \t]{0,80}$", re.MULTILINE)
_SHORT_LINE_RE = re.compile(r"\n[ \t]{0,80}(\S[^\n]{0,60}?)[ \t]{0,80}$", re.MULTILINE)
_REPEATS = 3


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` with offsets; whitespace at either edge trimmed."""
    sentences: list[Sentence] = []
    start = 0
    for match in _END_RE.finditer(text):
        mark, at, after = match.group(0), match.start(), match.end()
        if mark == ".":
            if text[at - 1 : at] in (".", "*", "[") or text[after : after + 1] == "]":
                continue  # an ellipsis or a redaction "[...***...]", not a full stop
            before = _WORD_BEFORE_RE.search(text, max(0, at - 12), at)
            word = before.group(1).lower() if before else ""
            heading = _HEADING_NUMBER_RE.fullmatch(word) is not None
            # "Inc.", "U.S.", "No." and heading numbers ("4.", "4.1.") do not end a sentence; "in 2019." does
            if (word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or heading) and not _LIST_MARK_RE.match(
                text, after
            ):
                continue
        elif mark[0] == "\n" and _CONTINUES_RE.search(text, max(0, at - 3), at) and _CONTINUED_RE.match(text, after):
            continue  # a page break inside a sentence ("not to renew the\n\n4 Agreement, which ...")
        _add(text, start, after if mark in ".!?;:" else at, sentences)
        start = after
    _add(text, start, len(text), sentences)
    return sentences


def _add(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end]))


class Sections:
    """Which section heading governs each offset: "Section 4.1(b)", "8", "Article III"."""

    def __init__(self, text: str) -> None:
        self._starts: list[int] = []
        self._labels: list[str] = []
        top = ""
        places = (0, *(m.end() for m in _HEADING_PLACE_RE.finditer(text)))
        for place in places:
            match = _HEADING_RE.match(text, place)
            if match is None:
                continue
            if match.group("art"):
                top = f"Article {match.group('art')}"
                label = top
            elif match.group("sec"):
                top = f"Section {match.group('sec')}"
                label = top
            elif match.group("num"):
                num = match.group("num")
                if len(num) <= 2 and int(num.split(".")[0]) > 60:
                    continue  # a quantity, not a heading
                top = num
                label = top
            else:
                if not top:
                    continue
                label = f"{top}({match.group('sub')})"
            self._starts.append(match.start())
            self._labels.append(label)

    def at(self, offset: int) -> str | None:
        index = bisect.bisect_right(self._starts, offset) - 1
        return self._labels[index] if index >= 0 else None
