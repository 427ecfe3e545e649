"""Sentences, comma clauses and clause numbers of a Chinese contract.

Works on the folded text (numerals.fold) so offsets are those of the original. A sentence ends at 。；;！？!? or
a line break; a clause at a comma-like mark inside it. Each sentence carries the number of the clause it sits
under: its own line's number (第五条, 5.2, (三), ①) or, for an unnumbered line, the last number above it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

SENTENCE_END = "。;!?！？\n；"
CLAUSE_END = SENTENCE_END + ",:"  # not 、: it joins the items of one list ("以短信、邮件等形式通知")
_SENTENCE_END = re.compile(f"[{re.escape(SENTENCE_END)}]")
QUOTE_LIMIT = 300  # gold quotes are at most ~300 characters
SENTENCE_LIMIT = 400  # longer runs without a full stop are cut at commas, so all later work per span is bounded

# The number a line starts with, one form per alternative, most specific first.
_NUMBERING = re.compile(
    r"[ ]{0,4}(?:"
    r"(?P<article>第[0-9一二三四五六七八九十百零〇]{1,6}[条章节款])"  # 第五条 / 第十二章
    r"|(?P<dotted>[0-9]{1,2}(?:\.[0-9]{1,2}){1,3})(?![0-9])"  # 5.2 / 1.2.1
    r"|(?P<paren>\([0-9一二三四五六七八九十]{1,3}\))"  # (三) / (3), folded from （三）
    r"|(?P<enum>[0-9一二三四五六七八九十]{1,3})[、.)](?![0-9])"  # 五、 / 3. / 3)
    r"|(?P<circled>[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])"
    r"|(?P<letter>[a-zａ-ｚ][)）])"  # ａ）
    r")"
)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    clause: str | None


def _line_numbers(folded: str, text: str) -> tuple[list[int], list[str | None]]:
    """Start offset of every line and the clause number in force on it, as the original text writes it."""
    starts: list[int] = []
    numbers: list[str | None] = []
    current: str | None = None
    pos = 0
    for line in folded.split("\n"):
        m = _NUMBERING.match(line)
        if m:
            group = next(k for k, v in m.groupdict().items() if v)
            current = text[pos + m.start(group) : pos + m.end(group)]
        starts.append(pos)
        numbers.append(current)
        pos += len(line) + 1
    return starts, numbers


def sentences(folded: str, text: str | None = None) -> list[Sentence]:
    """Split into sentences (strip-trimmed, never empty), each with its clause number (from `text` if given)."""
    line_starts, line_numbers = _line_numbers(folded, folded if text is None else text)
    soft = _soft_breaks(folded)
    out: list[Sentence] = []
    start = 0
    n = len(folded)
    for m in [*_SENTENCE_END.finditer(folded), None]:
        if m is not None and m.start() in soft:
            continue
        i = m.start() if m is not None else n
        s, e = start, i + (1 if m is not None and folded[i] != "\n" else 0)
        while s < e and folded[s].isspace():
            s += 1
        while e > s and folded[e - 1].isspace():
            e -= 1
        for a, b in _pieces(folded, s, e):
            line = bisect_right(line_starts, a) - 1
            out.append(Sentence(a, b, line_numbers[line]))
        start = i + 1
    return out


# a line that holds only a number, of at most _NUMBER_LINE_MAX characters
_NUMBER_LINE = re.compile(r"^[ ]{0,4}[0-9_.一二三四五六七八九十百千两半]{1,8}[ ]{0,4}$", re.MULTILINE)
_NUMBER_LINE_MAX = 13


def _soft_breaks(folded: str) -> set[int]:
    """The line breaks around a line that holds only a number ("连续\n120\n天内", as web pages lose inline tags):
    they do not end a sentence. Found in one pass over the text rather than by a look around every line break."""
    soft: set[int] = set()
    for m in _NUMBER_LINE.finditer(folded):
        if m.end() - m.start() > _NUMBER_LINE_MAX or folded[m.end() : m.end() + 1] != "\n":
            continue  # the line after a break counts only when a break ends it too
        soft.add(m.end())
        if m.start() > 0:
            soft.add(m.start() - 1)
    return soft


def _pieces(folded: str, s: int, e: int) -> list[tuple[int, int]]:
    """[s, e) cut into pieces of at most SENTENCE_LIMIT characters, at the last comma before the limit if any."""
    out: list[tuple[int, int]] = []
    while e - s > SENTENCE_LIMIT:
        cut = max(folded.rfind(ch, s + 1, s + SENTENCE_LIMIT) for ch in CLAUSE_END)
        cut = cut + 1 if cut > s else s + SENTENCE_LIMIT
        out.append((s, cut))
        s = cut
    if e > s:
        out.append((s, e))
    return out


def _ends_clause(folded: str, i: int) -> bool:
    """A clause mark, but not the thousands comma of "30,000"."""
    ch = folded[i]
    if ch not in CLAUSE_END:
        return False
    return not (ch == "," and 0 < i < len(folded) - 1 and folded[i - 1].isdigit() and folded[i + 1].isdigit())


def clause_bounds(folded: str, sentence: Sentence, pos: int) -> tuple[int, int]:
    """The comma clause of `sentence` around offset `pos`."""
    s = pos
    while s > sentence.start and not _ends_clause(folded, s - 1):
        s -= 1
    # forward the regex engine finds the mark: a clause runs on after an expression about twice as far as before it
    for mark in _CLAUSE_MARK.finditer(folded, pos, sentence.end):
        if _ends_clause(folded, mark.start()):
            return s, mark.start()
    return s, max(pos, sentence.end)


_CLAUSE_MARK = re.compile(f"[{re.escape(CLAUSE_END)}]")


def quote_bounds(folded: str, sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    """The sentence, or a window of whole clauses around [start, end) when the sentence is too long."""
    if sentence.end - sentence.start <= QUOTE_LIMIT:
        return sentence.start, sentence.end
    s, e = clause_bounds(folded, sentence, start)
    e = max(e, clause_bounds(folded, sentence, max(start, end - 1))[1])
    while s > sentence.start and e - s < QUOTE_LIMIT // 2:
        s2, _ = clause_bounds(folded, sentence, s - 2) if s - 2 >= sentence.start else (s, s)
        if e - s2 > QUOTE_LIMIT:
            break
        s = s2
    if e - s > QUOTE_LIMIT:  # one enormous clause: a plain window
        s = max(sentence.start, start - 100)
        e = min(sentence.end, max(end, s + QUOTE_LIMIT))
        s = min(s, start)
    return s, e
