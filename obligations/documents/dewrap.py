"""Undo the line wrapping of a laid-out page, so a clause reads as one line of text again.

A PDF has no paragraphs, only lines placed on a page. Extraction patterns must see "在收到通知后30日内"
whole, not broken after "30", so lines are joined back into paragraphs from their geometry:

- A line is *wrapped* when it reaches the page's right text margin: more exactly, when the first word of the
  next line would not have fitted into the space left on it (the rule word processors break lines by).
- A clearly larger vertical gap than the page's usual line pitch ends a paragraph, whatever the widths.
- A line ending a sentence, followed by a numbered item ("第五条", "(2)", "3.1", "Section 4"), is not joined:
  that is a list, not a wrapped sentence.
- Joined Chinese needs no space ("30日\n内" -> "30日内"); English gets one ("within\nthirty" -> "within
  thirty"); a hyphen before a lower-case word is kept and closed up ("non-\nexclusive" -> "non-exclusive").

Lines without geometry (OCR output) are never joined.
"""

from __future__ import annotations

import itertools
import math
import re
import statistics
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import cast

_ITEM_START = re.compile(
    r"""\s*(?:
        第[一二三四五六七八九十百零〇两\d]+[条章节款部]          # 第五条, 第二章
      | [（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]            # (2) （三）
      | [一二三四五六七八九十]{1,3}[、.．]                       # 三、
      | \d{1,3}(?:[.．]\d{1,3})+                                 # 3.1  3.1.2
      | \d{1,3}[、．)](?!\d) | \d{1,3}\.(?!\d)                   # 2、 2) 2.
      | [A-Za-z][.)]\s | [ivxIVX]{1,4}[.)]\s                     # a) b. iv.
      | [•●▪◦·■□①-⑳]                                             # bullets, circled numbers
      | (?:Article|ARTICLE|Section|SECTION|Schedule|SCHEDULE|Exhibit|EXHIBIT|Annex|ANNEX)\b
    )""",
    re.VERBOSE,
)
# A page number alone on the first or last line of a page: not contract text, and it would sit in the middle
# of a paragraph that runs over the page break.
_PAGE_NUMBER = re.compile(
    r"\s*(?:[-–—]\s*)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s*[-–—])?\s*"
    r"|\s*第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?\s*"
    r"|\s*(?:Page|PAGE|page)\s+\d{1,4}(?:\s+(?:of|OF)\s+\d{1,4})?\s*"
    r"|\s*\d{1,4}\s*/\s*\d{1,4}\s*"
)
_SENTENCE_END = tuple("。；;:：.!?！？")
MIN_LINES_FOR_MARGIN = 3  # a title page or a lone signature line says nothing about the text width
MARGIN_SHARE = 0.2  # of a page's lines end near its right margin
MARGIN_BAND = 3.0  # line heights: how far short of the margin ragged-right lines end
CENTRED = 4.0  # line heights in from the page's left text edge: a centred line, not running text
NEIGHBOURS = 3  # lines either side that show where a paragraph's lines end
OVERWIDE = 3.0  # line heights past the margin: a table row or heading, not running text
GAP_FACTOR = 1.5  # a gap this many times the usual line pitch separates paragraphs
TOLERANCE = 0.35  # of the line height: rounding, kerning, a trailing space the layout let hang


@dataclass(frozen=True, slots=True)
class Line:
    """One laid-out line. Coordinates in points, y growing upwards; all None for text without geometry."""

    text: str
    left: float | None = None
    right: float | None = None
    baseline: float | None = None
    height: float | None = None
    first_word: float | None = None  # width of the line's first word (for CJK: first character and its punctuation)


def is_cjk(ch: str) -> bool:
    """Characters written without spaces between words: CJK ideographs, kana, hangul, their punctuation."""
    code = ord(ch)
    return (
        0x2E80 <= code <= 0x9FFF  # radicals, CJK punctuation, kana, ideographs
        or 0xAC00 <= code <= 0xD7AF  # hangul
        or 0xF900 <= code <= 0xFAFF  # compatibility ideographs
        or 0xFE30 <= code <= 0xFE4F  # vertical forms
        or 0xFF00 <= code <= 0xFFEF  # full-width forms: ，（）：
        or 0x20000 <= code <= 0x3FFFF  # extension ideographs
    )


# is_cjk's ranges as one character class, to test a few characters in one search
_CJK_CHAR = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff]")


def is_ideograph(ch: str) -> bool:
    """A CJK character a line may break before (a letter, not punctuation)."""
    return is_cjk(ch) and unicodedata.category(ch) == "Lo"


def joiner(before: str, after: str) -> str:
    """What goes between two wrapped lines when they are joined back.

    No space if CJK stands on either side, looking past one quote or bracket ("如下:\n“用户" -> "如下:“用户").
    """
    if not before or not after:
        return ""
    if _CJK_CHAR.search(before[-2:] + after[:2]):  # as is_cjk on each of them, in one regex search
        return ""
    if before[-1] == "-" and len(before) > 1 and before[-2].isalpha() and after[0].islower():
        return ""
    return " "


def _margin(lines: Sequence[Line]) -> float | None:
    """The right edge of the page's running text: the rightmost edge shared by a fair share of its lines.

    Justified text puts most lines on it exactly, ragged text within a word or two of it; a few wider lines
    (a table, a signature block) must not move it. None for pages with too few lines to tell.
    """
    measured = [line for line in lines if line.right is not None and line.height and len(line.text.strip()) >= 2]
    if len(measured) < MIN_LINES_FOR_MARGIN:
        return None
    rights = sorted(line.right for line in measured if line.right is not None)
    band = MARGIN_BAND * statistics.median(line.height for line in measured if line.height)
    need = max(2, math.ceil(MARGIN_SHARE * len(rights)))
    for index in range(len(rights) - 1, -1, -1):
        if index + 1 - bisect_left(rights, rights[index] - band) >= need:
            return rights[index]
    return rights[-1]


def line_margins(lines: Sequence[Line]) -> list[float | None]:
    """The right margin each line is measured against: the page's, or a nearer one its neighbours show.

    One over-long line (other spacing, a heading) can set the page's margin a little right of where this
    paragraph's lines really end; the second-widest of the nearby lines, when it is close to the page
    margin, is the better measure. Far below it (a block of short lines), the page margin stands.
    """
    margin = _margin(lines)
    if margin is None:
        return [None] * len(lines)
    heights = [line.height for line in lines if line.height]
    band = MARGIN_BAND * statistics.median(heights)
    # each line's right edge if it counts (a line of two characters or more), decided once rather than per window
    rights = [line.right if line.right is not None and len(line.text.strip()) >= 2 else None for line in lines]
    complete = None not in rights  # the usual page: then each window is its slice as it stands
    result: list[float | None] = []
    for index in range(len(lines)):
        window = rights[max(0, index - NEIGHBOURS) : index + NEIGHBOURS + 1]
        present = cast("list[float]", window) if complete else [right for right in window if right is not None]
        near = sorted(present, reverse=True)
        local = near[1] if len(near) > 2 else near[0] if near else margin  # a lone wider neighbour is ignored
        result.append(min(local, margin) if local >= margin - band else margin)
    return result


def _pitch(lines: Sequence[Line]) -> float | None:
    steps = [
        a.baseline - b.baseline
        for a, b in itertools.pairwise(lines)
        if a.baseline is not None and b.baseline is not None and a.baseline > b.baseline
    ]
    return statistics.median(steps) if steps else None


def is_wrapped(
    line: Line,
    after: Line,
    *,
    margin: float | None,
    pitch: float | None,
    same_page: bool,
    left: float | None = None,
    after_left: float | None = None,
) -> bool:
    """Whether `after` continues the paragraph that `line` was wrapped out of.

    `margin` is the right text edge of `line`'s page, `pitch` the usual line step of `after`'s page; `left`
    and `after_left` the left text edges of their pages, if known.
    """
    if line.right is None or after.first_word is None or margin is None or not line.height:
        return False
    if not line.text.strip() or not after.text.strip():
        return False
    if not same_page and (_off_left_edge(line, left) or _off_left_edge(after, after_left)):
        return False  # over a page break, a centred line (a cover page's last, a title) continues nothing
    if same_page and pitch and line.baseline is not None and after.baseline is not None:
        step = line.baseline - after.baseline
        if step <= 0 or step > GAP_FACTOR * pitch:  # a jump back up (new column) or a paragraph gap
            return False
    if line.right > margin + OVERWIDE * line.height:
        return False
    if line.text.rstrip().endswith(_SENTENCE_END) and _ITEM_START.match(after.text):
        return False
    space = 0.0 if is_cjk(after.text.lstrip()[0]) else 0.3 * line.height
    return margin - line.right < after.first_word + space + TOLERANCE * line.height


def _off_left_edge(line: Line, left: float | None) -> bool:
    return (
        left is not None
        and line.left is not None
        and bool(line.height)
        and (line.left > left + CENTRED * (line.height or 0))
    )


def _left_edge(lines: Sequence[Line]) -> float | None:
    lefts = [line.left for line in lines if line.left is not None and len(line.text.strip()) >= 2]
    return min(lefts) if len(lefts) >= MIN_LINES_FOR_MARGIN else None


def strip_page_numbers(lines: Sequence[Line]) -> Sequence[Line]:
    """The page's lines without a page number standing alone at its top or bottom."""
    start, end = 0, len(lines)
    if end and _PAGE_NUMBER.fullmatch(lines[0].text):
        start = 1
    if end > start and _PAGE_NUMBER.fullmatch(lines[end - 1].text):
        end -= 1
    return lines[start:end]


def join_pages(pages: Iterable[Sequence[Line]]) -> tuple[str, list[int]]:
    """The text of all pages with wrapped lines joined, and the offset at which each page begins.

    A paragraph running over a page break is joined too; its page starts where its next page's text does.
    """
    joined = PageJoiner()
    for page in pages:
        joined.add(page)
    return joined.result()


class PageJoiner:
    """`join_pages`, one page at a time: a page is joined as soon as it has been read."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._page_starts: list[int] = []
        self._length = 0
        self._previous: Line | None = None  # the last line so far, with its page's margin and left edge
        self._previous_margin: float | None = None
        self._previous_left: float | None = None

    def add(self, page: Sequence[Line]) -> None:
        parts = self._parts
        length, previous = self._length, self._previous
        previous_margin, previous_left = self._previous_margin, self._previous_left
        lines = strip_page_numbers(page)
        margins, pitch, left = line_margins(lines), _pitch(lines), _left_edge(lines)
        page_start: int | None = None
        for index, line in enumerate(lines):
            text = line.text.strip()
            if previous is None:
                separator = ""
            elif is_wrapped(
                previous,
                line,
                margin=previous_margin,
                pitch=pitch,
                same_page=index > 0,
                left=previous_left,
                after_left=left,
            ):
                separator = joiner(previous.text.rstrip(), text)
            else:
                separator = "\n"
            parts.append(separator)
            length += len(separator)
            if page_start is None:
                page_start = length
            parts.append(text)
            length += len(text)
            previous, previous_margin, previous_left = line, margins[index], left
        if page_start is None:  # a blank page begins where the next text would
            parts.append("\n" if previous is not None else "")
            length += len(parts[-1])
            previous = None
            page_start = length
        self._page_starts.append(page_start)
        self._length, self._previous = length, previous
        self._previous_margin, self._previous_left = previous_margin, previous_left

    def result(self) -> tuple[str, list[int]]:
        return "".join(self._parts), self._page_starts or [0]
