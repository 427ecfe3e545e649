"""The text lines of one PDF page, with the geometry `dewrap` needs, from pdfium's characters and their boxes.

pdfium's own text output is not trusted for line breaks: for some producers (Qt among them) it reports two
lines as one, joined by a space, when the first ends in punctuation. Lines are therefore rebuilt here from
the characters' boxes; pdfium's generated line breaks are honoured as well.

A box costs a ctypes call (~0.5 µs, plus Python around it): asked for every character, that took twice as long
as pdfium's own reading of the page. The text therefore comes in one call per page and boxes are asked only
where they decide something (`_probed_lines`); a line they leave in doubt is rebuilt character by character
(`_Exact`, the rules every line follows).
"""

from __future__ import annotations

import bisect
import ctypes
import itertools
import math
import operator
import re
import struct
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

from obligations.documents.dewrap import Line, is_cjk, is_ideograph

# Fonts map some ideographs to look-alike radicals (Noto CJK's ToUnicode gives ⼯ U+2F2F for 工); a search
# for "工作日" must still find the text. Kangxi radicals have compatibility mappings (NFKC); the CJK Radicals
# Supplement does not, so the simplified forms seen in contracts are listed (Unicode's
# EquivalentUnifiedIdeograph.txt).
_RADICALS = str.maketrans(
    {
        **{chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0x2F00, 0x2FD6)},
        **dict(
            zip(
                "⺌⺗⺘⺙⺝⺟⺠⺤⺦⺨⺮⻄⻅⻆⻈⻉⻋⻏⻐⻓⻔⻖⻗⻚⻛⻜⻝⻠⻢⻣⻤⻥⻦⻧⻨⻩⻪⻬⻮⻰⻳",
                "小心扌攵月母民爫丬犭竹西见角讠贝车阝钅长门阝雨页风飞食饣马骨鬼鱼鸟卤麦黄黾齐齿龙龟",
                strict=True,
            )
        ),
        "⼾": "户",  # NFKC gives the traditional 戶; the simplified glyph is the one Chinese fonts draw
        "⾭": "青",  # likewise (NFKC: 靑)
        "\u00a0": " ",  # no-break space: patterns written with " " must match
        "\u3000": " ",  # ideographic space
        "\x02": "-",  # pdfium's marker for a hyphen at a line break
        "\ufffe": "",
        "\ufeff": "",
        "\x00": "",
    }
)
Box = tuple[float, float, float, float]  # left, right, bottom, top as the page is displayed
HIDDEN: Box = (math.nan, math.nan, math.nan, math.nan)  # a character drawn outside the visible page (by identity)
TAB_GAP = 0.8  # of the line height: a gap this wide between two characters reads as a space
_NEW_LINE_SHIFT = 0.5  # of the line height: a character this far above or below the line starts a new one


def _direct(function: Any) -> Any:
    """The same C function, called without ctypes' conversion of each argument (pypdfium2 declares argtypes):
    ~0.2 µs a call instead of ~0.5 µs, which matters at tens of thousands of calls a document. The caller
    passes exactly what C takes: the handle pypdfium2 gives, Python ints for C ints, `byref` for a struct.

    These calls only look up what pdfium has already worked out (well under a microsecond), so they keep the
    GIL (PYFUNCTYPE): giving it up and taking it back costs more than the call, and would hand the interpreter
    to another thread (the window's) tens of thousands of times a document for nothing. (pdfium's functions are
    __stdcall on 32-bit Windows; x64, all Tickler ships for, has a single calling convention.)"""
    address = ctypes.cast(function, ctypes.c_void_p).value
    assert address, function
    return ctypes.PYFUNCTYPE(ctypes.c_int)(address)


_LOOSE_BOX = _direct(pdfium_c.FPDFText_GetLooseCharBox)  # (textpage, index, byref(FS_RECTF)) -> bool
_IS_GENERATED = _direct(pdfium_c.FPDFText_IsGenerated)  # (textpage, index) -> 1, 0 or -1
_COUNT_RECTS = _direct(pdfium_c.FPDFText_CountRects)  # (textpage, start, count) -> rectangles
_UNICODE = _direct(pdfium_c.FPDFText_GetUnicode)  # (textpage, index) -> code unit
_RECT_FIELDS = struct.Struct("4f").unpack_from  # an FS_RECTF's left, top, right, bottom (C floats, in this order)
assert [name for name, _ in pdfium_c.FS_RECTF._fields_] == ["left", "top", "right", "bottom"]


_TO_CLEAN = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_RADICALS)) + "]")


def clean(text: str) -> str:
    # Most lines hold nothing to map: searching for it costs a fifth of translating (~0.2 µs a line against 1-2)
    return text.translate(_RADICALS) if _TO_CLEAN.search(text) else text


@dataclass
class _Builder:
    """Characters of the line being built; x runs along the reading direction, y upwards."""

    chars: list[str] = field(default_factory=list)
    boxes: list[tuple[float, float, float, float] | None] = field(default_factory=list)  # left, right, bottom, top

    def real(self) -> list[tuple[float, float, float, float]]:
        return [box for ch, box in zip(self.chars, self.boxes, strict=True) if box is not None and not ch.isspace()]

    def line(self) -> Line | None:
        text = clean("".join(self.chars)).strip()
        real = self.real()
        if not text or not real:
            return Line(text) if text else None
        height = sorted(top - bottom for _, _, bottom, top in real)[len(real) // 2]
        return Line(
            text=text,
            left=min(box[0] for box in real),
            right=max(box[1] for box in real),
            baseline=sorted(bottom for _, _, bottom, _ in real)[len(real) // 2],
            height=height,
            first_word=self._first_word(),
        )

    def _first_word(self) -> float:
        """Width of what a line breaker cannot split at the line's start.

        It ends at a space or at the next ideograph: "(2)拥有" -> "(2)", "景):≥95%;" -> all of it, since
        line breaking keeps closing punctuation, numbers and symbols with the character before them.
        """
        start: float | None = None
        end = 0.0
        for ch, box in zip(self.chars, self.boxes, strict=True):
            if ch.isspace():
                if start is not None:
                    break
                continue
            if box is None:
                continue
            if start is None:
                start, end = box[0], box[1]
                continue
            if is_ideograph(ch):
                break
            end = max(end, box[1])
        return 0.0 if start is None else end - start


def _to_display(page: Any) -> Callable[[float, float, float, float], Box]:
    """Map a box in PDF user space to (left, right, bottom, top) as the page is displayed (/Rotate applied)."""
    rotation = page.get_rotation() % 360

    def convert(left: float, right: float, bottom: float, top: float) -> Box:
        if rotation == 90:
            return bottom, top, -right, -left
        if rotation == 180:
            return -right, -left, -top, -bottom
        if rotation == 270:
            return -top, -bottom, left, right
        return left, right, bottom, top

    return convert


class _Probe:
    """One character's box at a time, asked of pdfium (a ctypes call, ~0.5 µs)."""

    def __init__(self, page: Any, textpage: Any) -> None:
        self.textpage = textpage.raw  # the handle itself: pypdfium2's wrapper costs a property lookup a call
        self.convert = _to_display(page)
        self.rotated = page.get_rotation() % 360 != 0
        self.crop = page.get_bbox()  # left, bottom, right, top of the visible page
        self.crop_twice = tuple(2 * edge for edge in self.crop)
        self.rect = pdfium_c.FS_RECTF()
        self.rect_ref = ctypes.byref(self.rect)
        self.suspects: tuple[list[int], list[int]] | None = None  # see _suspect_words, asked when first needed

    def box(self, index: int) -> Box | None:
        """The character's loose box, None if pdfium has none, HIDDEN if it lies outside the visible page."""
        if not _LOOSE_BOX(self.textpage, index, self.rect_ref):
            return None
        left, top, right, bottom = _RECT_FIELDS(self.rect)  # one call for the four fields
        crop = self.crop_twice  # the centre's coordinates doubled: no division (exact either way)
        if not (crop[0] <= left + right <= crop[2] and crop[1] <= bottom + top <= crop[3]):
            return HIDDEN  # Qt repeats a line split by a page break there
        return self.convert(left, right, bottom, top) if self.rotated else (left, right, bottom, top)

    def outside(self, index: int) -> int:
        """Which sides of the visible page the character lies beyond: left 1, right 2, below 4, above 8."""
        if not _LOOSE_BOX(self.textpage, index, self.rect_ref):
            return 0
        rect = self.rect
        x, y = (rect.left + rect.right) / 2, (rect.bottom + rect.top) / 2
        crop = self.crop
        return int(x < crop[0]) | int(x > crop[2]) << 1 | int(y < crop[1]) << 2 | int(y > crop[3]) << 3

    def generated(self, index: int) -> bool:
        return bool(_IS_GENERATED(self.textpage, index) == 1)


class _Exact:
    """The page's lines rebuilt character by character, every decision taken on every character's own box."""

    def __init__(self, probe: _Probe) -> None:
        self.probe = probe
        self.lines: list[Line] = []
        self.current = _Builder()
        self.band: tuple[float, float] | None = None  # vertical extent of the current line
        self.pending_break = False

    def ends_at_next_box(self) -> bool:
        """Whether the line being built (if any) ends at the next character with a box, after a line break:
        then what follows owes it nothing, and may be read by probing."""
        return self.band is not None or not self.current.chars

    def end_line(self) -> None:
        """End the line being built, as the first character with a box after a line break would."""
        if self.current.chars:
            self.finish()

    def finish(self) -> None:
        line = self.current.line()
        if line is not None:
            self.lines.append(line)
        self.current, self.band = _Builder(), None

    def feed(self, start: int, end: int) -> None:
        """Characters start..end-1 of the text page, in pdfium's reading order."""
        textpage = self.probe.textpage
        high_surrogate: int | None = None
        for index in range(start, end):
            code = _UNICODE(textpage, index)
            if 0xD800 <= code <= 0xDBFF:
                high_surrogate = code
                continue
            if 0xDC00 <= code <= 0xDFFF:
                if high_surrogate is None:
                    continue
                code = 0x10000 + ((high_surrogate - 0xD800) << 10) + (code - 0xDC00)
            high_surrogate = None
            self._char(index, chr(code))

    def _char(self, index: int, ch: str) -> None:
        current = self.current
        # pdfium generates only spaces and line breaks: ask about those alone (a third of the calls saved)
        if (ch <= " " or ch.isspace()) and self.probe.generated(index):
            if ch in "\r\n":
                self.pending_break = True
            elif ch == " " and current.chars:
                current.chars.append(" ")
                current.boxes.append(None)
            return
        if ch in "\r\n":
            self.pending_break = True
            return
        box = None
        if not ch.isspace():
            box = self.probe.box(index)
            if box is HIDDEN:
                return
        if box is not None:
            if self.band is not None and (self.pending_break or _leaves_band(box, self.band)):
                self.finish()
                current = self.current
            self.pending_break = False
            if self.band is None:  # the first character sets the line's band; later ones are compared with it
                self.band = box[2], box[3]
            elif _tab_gap(current, ch, box, self.band):
                current.chars.append(" ")
                current.boxes.append(None)
        elif self.pending_break and current.chars:
            self.finish()
            current = self.current
            self.pending_break = False
        current.chars.append(ch)
        current.boxes.append(box)


# What pdfium puts on one line, without the spaces around it: its first word, then the rest (line breaks end it).
_PDFIUM_LINE = re.compile(r"[^\S\r\n]*(\S+)(?:[^\S\r\n]+\S+)*")
_WORD = re.compile(r"\S+")
# Characters the text alone does not settle: whitespace other than a space or a line break, and control
# characters (pdfium may have generated them: ask), its hyphen marker (0xFFFE in the text, 2 char by char) and
# lone surrogates.
# One character class, 4x faster to scan for than "[^\S \r\n]|[...]": the whitespace of Python's regular expressions
# but " \r\n" listed (tests/test_pdflines.py checks the list against \s on every code point), then the rest.
_OTHER_SPACE = "\t\x0b\x0c\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_UNSETTLED = re.compile(f"[{_OTHER_SPACE}\x00-\x09\x0b\x0c\x0e-\x1f\ufffe\ud800-\udfff]")
_FIRST_CJK = "\u2e80"  # below it no character is an ideograph (see dewrap.is_cjk)
_CJK = "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff"  # dewrap.is_cjk
_NOT_CJK = re.compile(f"[^{_CJK}]")
_PAIRS = re.compile(r"\S\S+")  # a word of two characters or more


def page_lines(page: Any, textpage: Any) -> list[Line]:
    """The page's lines in pdfium's reading order.

    The page's text comes from pdfium in one call, and boxes are asked only where they decide something (see
    `_probed_lines`): O(lines) calls rather than two or three per character. A pdfium line the probes leave in
    doubt is rebuilt character by character (`_Exact`), as is a page whose text does not map one to one onto
    pdfium's characters.
    """
    probe = _Probe(page, textpage)
    exact = _Exact(probe)
    count = max(pdfium_c.FPDFText_CountChars(probe.textpage), 0)
    text = textpage.get_text_range(errors="surrogatepass") if count else ""
    if len(text) != count:  # characters pdfium leaves out of its text (U+0000): no index to go by
        exact.feed(0, count)
        exact.finish()
        return exact.lines
    doubtful = _doubtful(probe, text)
    done = 0  # characters taken so far: what lies between (spaces, line breaks) decides nothing when probing
    for found in _PDFIUM_LINE.finditer(text):
        head, end = found.span(1)[0], found.end()
        if (
            exact.ends_at_next_box()
            and not (doubtful and bisect.bisect_left(doubtful, head) < bisect.bisect_left(doubtful, end))
            and _probed_lines(probe, text, head, end - 1, found.end(1), exact)
        ):
            exact.pending_break = False
        else:
            exact.feed(done, end)
        done = end
    exact.finish()
    return exact.lines


def _doubtful(probe: _Probe, text: str) -> list[int]:
    """Indexes of characters the fast path cannot take from the text (see _UNSETTLED), in order."""
    found = []
    for unsettled in _UNSETTLED.finditer(text):
        ch, index = unsettled.group(), unsettled.start()
        if ch == "\ufffe" or "\ud800" <= ch <= "\udfff" or probe.generated(index):
            found.append(index)
    return found


def _probed_lines(probe: _Probe, text: str, head: int, tail: int, word_end: int, exact: _Exact) -> bool:
    """Add the lines of what pdfium put on one line, text[head..tail] (its first word ending at `word_end`), to
    `exact`'s; False (adding none) to go character by character.

    Probed: the first and last character. Both of one height on one line (the usual case) make one line;
    otherwise pdfium joined lines (Qt: after punctuation, with a space), and each word's first character shows
    where the next line begins. A word is taken to lie on one line; where pdfium may have run two words
    together, `_hidden_gap` looks. Measured against `_Exact` on 513 corpus and test PDFs (29,406 lines) and on
    14 groff/ghostscript ones (justified with character spacing): the same lines and text everywhere; the
    geometry of 82 lines differs, by at most 0.6 pt in height or baseline where the probes agree but most
    characters do not (fonts whose boxes vary by glyph, mixed fonts), and in the right edge of 22 lines of
    byte-damaged test files.
    """
    first, last = probe.box(head), probe.box(tail)
    if first is None or last is None:
        return False
    if first is HIDDEN or last is HIDDEN:
        if first is HIDDEN and last is HIDDEN and probe.outside(head) & probe.outside(tail):
            exact.end_line()  # beyond one edge of the visible page at both ends: none of it shows
            return True
        return False
    if last[2] == first[2] and last[3] == first[3]:
        line = _probed_line(probe, text, head, tail, word_end, first, last)
        if line is None:
            return False
        exact.end_line()
        if line.text:
            exact.lines.append(line)
        return True
    if not _leaves_band(last, (first[2], first[3])):
        return False  # one line of mixed heights: its medians need every character
    lines = _split(probe, text, head, tail, first, last)
    if lines is None:
        return False
    exact.end_line()
    exact.lines.extend(line for line in lines if line.text)
    return True


def _split(probe: _Probe, text: str, head: int, tail: int, first: Box, last: Box) -> list[Line] | None:
    """The lines pdfium joined into text[head..tail]: a line ends where a word's first character leaves it."""
    words = [found.span() for found in _WORD.finditer(text, head, tail + 1)]
    lines: list[Line] = []
    begin, probes = 0, [first]
    for index in range(1, len(words) + 1):
        following: Box | None = None  # the first character of the next word, when it begins another line
        if index < len(words):
            following = probe.box(words[index][0])
            if following is None or following is HIDDEN:
                return None
            if not _leaves_band(following, (probes[0][2], probes[0][3])):
                probes.append(following)
                continue
        word_start, word_stop = words[index - 1]
        if following is None:
            end_box: Box | None = last
        elif word_stop - word_start == 1:
            end_box = probes[-1]
        else:
            end_box = probe.box(word_stop - 1)
        if end_box is None or end_box is HIDDEN or _leaves_band(end_box, (probes[0][2], probes[0][3])):
            return None
        line_head, first_word_end = words[begin]
        line = _probed_line(probe, text, line_head, word_stop - 1, first_word_end, probes[0], end_box, probes[1:])
        if line is None:
            return None
        lines.append(line)
        if following is not None:
            begin, probes = index, [following]
    return lines


def _probed_line(
    probe: _Probe,
    text: str,
    head: int,
    tail: int,
    word_end: int,
    first: Box,
    last: Box,
    between: Sequence[Box] = (),
) -> Line | None:
    """The line text[head..tail] from its probes: its first and last character, and any `between` in order.

    None if they leave a doubt: on the line's geometry they must agree with what every character would give.
    All of one height and bottom (then so are the medians), in reading order (then the first and last give the
    line's left and right edges).
    """
    end = word_end  # the first word: up to a space or the next ideograph (see _Builder._first_word)
    if max(text[head:word_end]) >= _FIRST_CJK:
        end = head + 1
        while end < word_end and not is_ideograph(text[end]):
            end += 1
    bottom, top = first[2], first[3]
    if end - 1 == head:
        end_box = first
    elif end - 1 == tail:
        end_box = last
    else:
        found = probe.box(end - 1)
        if found is None or found is HIDDEN or found[2] != bottom or found[3] != top or found[0] < first[0]:
            return None
        end_box = found
    previous = end_box[0]
    for box in between:
        if box[2] != bottom or box[3] != top or box[0] < previous:
            return None
        previous = box[0]
    if last[2] != bottom or last[3] != top or last[0] < previous:
        return None
    if _hidden_gap(probe, text, head, tail, top - bottom):
        return None
    # text, left, right, baseline, height, first word: positional, a third cheaper than by keyword
    text_of_line = clean(text[head : tail + 1]).strip()
    return Line(text_of_line, first[0], last[1], bottom, top - bottom, max(first[1], end_box[1]) - first[0])


def _hidden_gap(probe: _Probe, text: str, head: int, tail: int, height: float) -> bool:
    """Whether two characters of text[head..tail] with no space between stand a tab stop apart (`_tab_gap`),
    or one of them has no box or lies off the page: then only `_Exact` reads the line right.

    pdfium puts a space between two text objects wherever they stand apart (a fifth of a character's width
    will do), but not always inside one object: word or character spacing it does not follow leaves words
    run together (groff and ghostscript justify lines with character spacing: "TO COMWARE" read "TOCOMWARE").
    So a word whose characters are each their own text object, as Qt writes them, needs nothing more (pdfium's
    text rectangles tell, one call a word); any other has every pair of its characters' boxes compared.
    """
    suspects = probe.suspects
    if suspects is None:
        suspects = probe.suspects = _suspect_words(probe.textpage, text)
    starts, ends = suspects
    limit = TAB_GAP * height
    for position in range(bisect.bisect_left(starts, head), bisect.bisect_right(starts, tail)):
        right = math.inf
        for index in range(starts[position], ends[position]):
            box = probe.box(index)
            if box is None or box is HIDDEN:
                return True
            if box[0] - right > limit and not (is_cjk(text[index - 1]) and is_cjk(text[index])):
                return True
            right = box[1]
    return False


def _suspect_words(textpage: Any, text: str) -> tuple[list[int], list[int]]:
    """Where the page's words `_hidden_gap` must look into begin and end, in order: not each character its own
    text object, and not CJK characters only (no tab stop is read between them).

    Asked once a page, in one pass over its words (one rectangle count each), rather than line by line: the
    lines handed to `_hidden_gap` begin and end at word boundaries, so they hold the same words. The counts are
    asked through `map`, with no Python between calls: a page has a hundred words or more.
    """
    spans = [word.span() for word in _PAIRS.finditer(text)]
    lengths = [end - start for start, end in spans]
    counts = map(_COUNT_RECTS, itertools.repeat(textpage), [start for start, _ in spans], lengths)
    not_cjk = _NOT_CJK.search
    suspects = [span for span in itertools.compress(spans, map(operator.ne, counts, lengths)) if not_cjk(text, *span)]
    return [start for start, _ in suspects], [end for _, end in suspects]


def _tab_gap(current: _Builder, ch: str, box: tuple[float, float, float, float], band: tuple[float, float]) -> bool:
    """A wide gap with no space character: a tab stop ("1.<tab>Grant"), which pdfium reports as nothing.

    Not between two CJK characters: letter-spaced titles ("合 同 书") must still read "合同书".
    """
    if not current.chars or current.chars[-1].isspace() or current.boxes[-1] is None:
        return False
    if is_cjk(current.chars[-1]) and is_cjk(ch):
        return False
    return box[0] - current.boxes[-1][1] > TAB_GAP * (band[1] - band[0])


def _leaves_band(box: tuple[float, float, float, float], band: tuple[float, float]) -> bool:
    bottom, top = band
    height = max(top - bottom, 1e-6)
    return abs((box[2] + box[3]) / 2 - (bottom + top) / 2) > _NEW_LINE_SHIFT * height
