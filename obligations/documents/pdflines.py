"""The text lines of one PDF page, with the geometry `dewrap` needs, read char by char from pdfium.

pdfium's own text output is not trusted for line breaks: for some producers (Qt among them) it reports two
lines as one, joined by a space, when the first ends in punctuation. Lines are therefore rebuilt here from
each character's box; pdfium's generated line breaks are honoured as well.
"""

from __future__ import annotations

import unicodedata
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
TAB_GAP = 0.8  # of the line height: a gap this wide between two characters reads as a space
_NEW_LINE_SHIFT = 0.5  # of the line height: a character this far above or below the line starts a new one


def clean(text: str) -> str:
    return text.translate(_RADICALS)


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


def _to_display(page: Any) -> Any:
    """Map a box in PDF user space to (left, right, bottom, top) as the page is displayed (/Rotate applied)."""
    rotation = page.get_rotation() % 360

    def convert(left: float, right: float, bottom: float, top: float) -> tuple[float, float, float, float]:
        if rotation == 90:
            return bottom, top, -right, -left
        if rotation == 180:
            return -right, -left, -top, -bottom
        if rotation == 270:
            return -top, -bottom, left, right
        return left, right, bottom, top

    return convert


def page_lines(page: Any, textpage: Any) -> list[Line]:
    """The page's lines in pdfium's reading order."""
    convert = _to_display(page)
    crop = page.get_bbox()  # left, bottom, right, top of the visible page
    count = pdfium_c.FPDFText_CountChars(textpage)
    rect = pdfium_c.FS_RECTF()
    lines: list[Line] = []
    current = _Builder()
    band: tuple[float, float] | None = None  # vertical extent of the current line
    pending_break = False
    high_surrogate: int | None = None

    def finish() -> None:
        nonlocal current, band
        line = current.line()
        if line is not None:
            lines.append(line)
        current, band = _Builder(), None

    for index in range(max(count, 0)):
        code = pdfium_c.FPDFText_GetUnicode(textpage, index)
        if 0xD800 <= code <= 0xDBFF:
            high_surrogate = code
            continue
        if 0xDC00 <= code <= 0xDFFF:
            if high_surrogate is None:
                continue
            code = 0x10000 + ((high_surrogate - 0xD800) << 10) + (code - 0xDC00)
        high_surrogate = None
        ch = chr(code)
        # pdfium generates only spaces and line breaks: ask about those alone (a third of the calls saved)
        if (code <= 0x20 or ch.isspace()) and pdfium_c.FPDFText_IsGenerated(textpage, index) == 1:
            if ch in "\r\n":
                pending_break = True
            elif ch == " " and current.chars:
                current.chars.append(" ")
                current.boxes.append(None)
            continue
        if ch in "\r\n":
            pending_break = True
            continue
        box = None
        if not ch.isspace() and pdfium_c.FPDFText_GetLooseCharBox(textpage, index, rect):
            x, y = (rect.left + rect.right) / 2, (rect.bottom + rect.top) / 2
            if not (crop[0] <= x <= crop[2] and crop[1] <= y <= crop[3]):
                continue  # drawn outside the visible page (Qt repeats a line split by a page break there)
            box = convert(rect.left, rect.right, rect.bottom, rect.top)
        if box is not None:
            if band is not None and (pending_break or _leaves_band(box, band)):
                finish()
            pending_break = False
            if band is None:  # the first character sets the line's band; later ones are compared with it
                band = box[2], box[3]
            elif _tab_gap(current, ch, box, band):
                current.chars.append(" ")
                current.boxes.append(None)
        elif pending_break and current.chars:
            finish()
            pending_break = False
        current.chars.append(ch)
        current.boxes.append(box)
    finish()
    return lines


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
