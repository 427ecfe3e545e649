"""Offline OCR of scanned pages, and the reading order that turns detected lines back into paragraphs.

The engine is rapidocr (PP-OCR detection and recognition models as ONNX files that ship inside the
rapidocr wheel) on onnxruntime. It is an optional extra, `tickler[ocr]`: `ocr_available()` says whether it
can be used, and nothing here imports it before it is needed, so `tickler extract contract.txt` stays fast.

Nothing here touches the network: the engine is given the explicit paths of the model files in the
installed package, which skips rapidocr's download-if-missing code path entirely (it is only reached when
a model path is left empty). If a model file is missing the build fails with a message saying so.

The angle classifier is off: on contract pages it flipped long, correctly oriented lines into garbage, and
scans of contracts are upright (a whole page scanned upside down is for the scanner to fix, not us).
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path
from statistics import median
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PIL import Image

log = logging.getLogger(__name__)

Point = tuple[float, float]
Quad = tuple[Point, Point, Point, Point]  # clockwise from top-left, in page pixels
BBox = tuple[float, float, float, float]  # x0, y0, x1, y1

# The model files of the pinned rapidocr (3.10.x) inside its wheel: PP-OCRv6 small detection and
# recognition (Chinese, English, digits and punctuation in one model), and the v2 angle classifier that
# we do not run but name anyway so that no configuration change can send rapidocr looking for it online.
MODEL_FILES = {
    "Det": "PP-OCRv6_det_small.onnx",
    "Rec": "PP-OCRv6_rec_small.onnx",
    "Cls": "ch_ppocr_mobile_v2.0_cls_mobile.onnx",
}
# rapidocr shrinks a page whose long side exceeds this before detecting and cropping lines (its default).
# Measured on 300-dpi A4 simulated scans: 3600 (no shrinking) took 1.6-2.2x the CPU and was no more accurate
# (8-pt English: 96.8 % vs 99.96 % characters), so pages are read at ~170 dpi.
MAX_SIDE_LEN = 2000
# Lines the recogniser scores below this are dropped as noise (speckles, stamps, signatures).
MIN_LINE_SCORE = 0.5


class OcrUnavailableError(RuntimeError):
    """rapidocr or onnxruntime is not installed or cannot load (the `tickler[ocr]` extra is missing)."""


@dataclass(frozen=True, slots=True)
class OcrLine:
    """One recognised line, as the engine saw it; `text` sits at `OcrResult.text[start:end]`."""

    text: str
    score: float  # the recogniser's confidence, 0..1
    box: Quad
    start: int = 0
    end: int = 0

    @property
    def bbox(self) -> BBox:
        xs = [p[0] for p in self.box]
        ys = [p[1] for p in self.box]
        return (min(xs), min(ys), max(xs), max(ys))


@dataclass(frozen=True, slots=True)
class OcrResult:
    """The text of one page image in reading order, with every line's box to highlight it on the page."""

    text: str
    confidence: float  # mean line score, 0..1; 0.0 when no text was found
    lines: list[OcrLine]  # in reading order, with offsets into `text`
    width: int = 0
    height: int = 0

    def lines_in(self, start: int, end: int) -> list[OcrLine]:
        """The lines that hold any character of `text[start:end]`."""
        return [line for line in self.lines if line.start < end and start < line.end]

    def boxes_for(self, start: int, end: int) -> list[BBox]:
        """Rectangles on the page covering `text[start:end]`, one per line it touches.

        Within a line the characters are assumed evenly spread, which is close for Chinese (fixed width)
        and good enough to highlight a phrase in English.
        """
        boxes = []
        for line in self.lines_in(start, end):
            x0, y0, x1, y1 = line.bbox
            per_char = (x1 - x0) / max(1, line.end - line.start)
            left = x0 + per_char * max(0, start - line.start)
            right = x0 + per_char * (min(end, line.end) - line.start)
            boxes.append((left, y0, right, y1))
        return boxes


@cache
def ocr_available() -> bool:
    """True when the OCR extra is installed and loads (a broken onnxruntime DLL counts as missing)."""
    try:
        import onnxruntime  # noqa: F401
        import rapidocr  # noqa: F401
    except (ImportError, OSError) as exc:
        log.info("OCR unavailable: %s", exc)
        return False
    return True


_engine_lock = threading.Lock()
_engine: Any = None


def _get_engine() -> Any:
    """The rapidocr engine, built on first use and shared: building it loads ~30 MB of models."""
    global _engine
    with _engine_lock:
        if _engine is None:
            _engine = _build_engine()
        return _engine


def model_dir() -> Path:
    """Where the installed rapidocr keeps its bundled models (also inside a frozen app)."""
    import rapidocr

    return Path(rapidocr.__file__).resolve().parent / "models"


def _build_engine() -> Any:
    if not ocr_available():
        raise OcrUnavailableError("OCR needs the optional rapidocr and onnxruntime packages (tickler[ocr])")
    from rapidocr import RapidOCR

    models = model_dir()
    params: dict[str, Any] = {
        "Global.use_cls": False,  # see the module docstring
        "Global.log_level": "error",  # its "no text found" warnings would clutter the CLI's stderr
        "Global.max_side_len": MAX_SIDE_LEN,
        "Global.text_score": MIN_LINE_SCORE,
        "Global.model_root_dir": str(models),
    }
    for section, name in MODEL_FILES.items():
        path = models / name
        if not path.is_file():
            raise OcrUnavailableError(f"OCR model {name} is missing from {models}; reinstall tickler[ocr]")
        params[f"{section}.model_path"] = str(path)
    return RapidOCR(params=params)


_run_lock = threading.Lock()


def recognize_image(image: Image.Image) -> OcrResult:
    """OCR one page image. The first call also builds the engine (a second or two).

    Callable from any thread; pages are recognised one at a time, as one page already keeps every core busy
    and two at once would double the memory for no gain.
    """
    import numpy as np

    rgb = image.convert("RGB")
    engine = _get_engine()
    with _run_lock:
        # rapidocr converts a PIL image to BGR itself; an array would be taken as BGR already.
        output = engine(rgb)
    # A page with no text yields an empty output, and one whose detected boxes all fail recognition a
    # detection-only output without `txts`: both mean "no lines".
    texts = getattr(output, "txts", None)
    raw: list[OcrLine] = []
    if texts:
        for quad, text, score in zip(output.boxes, texts, output.scores, strict=True):
            points = np.asarray(quad, dtype=float).reshape(4, 2)
            box: Quad = tuple((float(x), float(y)) for x, y in points)  # type: ignore[assignment]
            raw.append(OcrLine(text=str(text), score=float(score), box=box))
    return assemble(raw, width=rgb.width, height=rgb.height)


# ---------------------------------------------------------------- reading order


def assemble(lines: Sequence[OcrLine], *, width: int = 0, height: int = 0) -> OcrResult:
    """Order detected lines into rows and paragraphs and join them into text with offsets.

    Rows: lines whose vertical extents overlap by half or more, left to right. Paragraphs: consecutive
    rows join unless the next row starts with a clause number (第X条, 1.2, （三）), sits after a larger
    vertical gap than the page's usual line pitch, is indented further than the row above, or the row
    above stopped short of the right margin by more than the next row's first word. A row of cells (three
    or more pieces, or pieces far apart: a table, a signature block) is a line of its own; cells far apart
    are joined by one space.
    """
    rows = _rows(lines)
    if not rows:
        return OcrResult(text="", confidence=0.0, lines=[], width=width, height=height)
    height_typ = median(_height(line) for row in rows for line in row)
    pitches = [_mid_y(b) - _mid_y(a) for a, b in pairwise(rows)]
    pitch_typ = median(pitches) if pitches else height_typ * 1.5
    right_edge = max(_row_box(row)[2] for row in rows)
    cell_gap = 1.5 * height_typ  # wider than any word space or detector split inside one line

    parts: list[str] = []
    placed: list[OcrLine] = []
    position = 0
    previous: list[OcrLine] | None = None
    previous_cells = False
    for row in rows:
        gaps = [b.bbox[0] - a.bbox[2] for a, b in pairwise(row)]
        # Body text comes out as one piece per line (two if the detector split it): three or more pieces,
        # or any wide gap, is a row of cells even when the cells are packed tight.
        cells = len(row) >= 3 or any(gap > cell_gap for gap in gaps)
        for index, line in enumerate(row):
            if index == 0 and previous is not None:
                new_paragraph = cells or previous_cells
                if new_paragraph or _starts_paragraph(previous, row, height_typ, pitch_typ, right_edge):
                    separator = "\n"
                else:
                    separator = _joiner(parts[-1], line.text)
            elif index > 0:
                separator = " " if gaps[index - 1] > cell_gap else _joiner(parts[-1], line.text)
            else:
                separator = ""
            position += len(separator)
            parts.append(separator)
            placed.append(OcrLine(line.text, line.score, line.box, position, position + len(line.text)))
            parts.append(line.text)
            position += len(line.text)
        previous, previous_cells = row, cells
    confidence = sum(line.score for line in placed) / len(placed)
    return OcrResult(text="".join(parts), confidence=confidence, lines=placed, width=width, height=height)


def _height(line: OcrLine) -> float:
    _, y0, _, y1 = line.bbox
    return max(1.0, y1 - y0)


def _mid_y(row: Sequence[OcrLine]) -> float:
    _, y0, _, y1 = _row_box(row)
    return (y0 + y1) / 2


def _row_box(row: Sequence[OcrLine]) -> BBox:
    boxes = [line.bbox for line in row]
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def _rows(lines: Sequence[OcrLine]) -> list[list[OcrLine]]:
    rows: list[list[OcrLine]] = []
    for line in sorted(lines, key=lambda ln: (ln.bbox[1] + ln.bbox[3]) / 2):
        _, y0, _, y1 = line.bbox
        if rows:
            # Compared with the last line added, not the whole row: a tall cell would otherwise make the
            # row swallow the next one.
            _, r0, _, r1 = rows[-1][-1].bbox
            overlap = min(y1, r1) - max(y0, r0)
            if overlap >= 0.5 * min(y1 - y0, r1 - r0):
                rows[-1].append(line)
                continue
        rows.append([line])
    return [sorted(row, key=lambda ln: ln.bbox[0]) for row in rows]


# A row that begins with one of these begins a clause, so a paragraph. One pattern per numbering style.
CLAUSE_STARTS = [
    r"第[一二三四五六七八九十百千零〇两\d]+[条章节款项部篇]",  # 第三条, 第十二章
    r"[（(][一二三四五六七八九十百\d]{1,3}[)）]",  # （三）, (3)
    r"[一二三四五六七八九十百]{1,3}[、.．]",  # 三、
    r"\d{1,3}(?:[.．]\d{1,3})+(?![\d%])",  # 1.2, 1.2.3 (not 1.5% or a decimal amount)
    r"\d{1,3}[、)）]",  # 1、, 1)
    r"\d{1,3}[.．](?=\s|[^\d\s])(?![\d%])",  # 1. Term, 1.协议目的
    r"(?:Article|ARTICLE|Section|SECTION|Clause|CLAUSE)\s+[\dIVXLC]+",  # Article 5, Section 12
    r"\((?:[a-z]|[ivx]{1,4})\)\s",  # (a) , (iv)
]
_CLAUSE_START = re.compile("|".join(f"(?:{pattern})" for pattern in CLAUSE_STARTS))


def starts_clause(text: str) -> bool:
    """Whether a row's text begins with a clause or list number.

    >>> [starts_clause(t) for t in ("第三条 付款", "1.2协议目的", "（三）违约", "30日内", "1.5% of")]
    [True, True, True, False, False]
    """
    return _CLAUSE_START.match(text.lstrip()) is not None


def _starts_paragraph(above: list[OcrLine], row: list[OcrLine], height: float, pitch: float, right_edge: float) -> bool:
    if starts_clause(row[0].text):
        return True
    if _mid_y(row) - _mid_y(above) > 1.3 * pitch:  # a blank line or paragraph spacing
        return True
    if row[0].bbox[0] > _row_box(above)[0] + 1.2 * height:  # first-line indent, centred heading
        return True
    # The row above ended early although the next word would have fitted: the writer broke the line.
    # Widths are estimated from the average character, so only trust it after a sentence or clause end,
    # or when the row above stopped far short (a heading): merging two paragraphs loses little, while
    # splitting one could cut "within thirty (30) days" in two.
    first = row[0]
    char_width = (first.bbox[2] - first.bbox[0]) / max(1, len(first.text))
    first_word = re.match(r"[^\s\u3000-\u9fff\uff00-\uffef]+|.", first.text)
    word_width = char_width * (len(first_word.group()) if first_word else 1)
    left, _, right, _ = _row_box(above)
    leftover = right_edge - right
    if leftover > 0.3 * (right_edge - left):
        return True
    return above[-1].text.rstrip().endswith(SENTENCE_ENDS) and leftover > word_width + 2 * char_width


# Characters that end a sentence, clause or heading, full- and half-width (OCR returns either).
SENTENCE_ENDS = tuple("。．.：:；;！!？?")


def is_cjk(char: str) -> bool:
    """Han, kana, hangul and full-width forms: scripts written without spaces between words."""
    code = ord(char)
    return (
        0x3000 <= code <= 0x30FF  # CJK punctuation, kana
        or 0x3400 <= code <= 0x9FFF  # Han (extension A and unified)
        or 0xAC00 <= code <= 0xD7AF  # hangul
        or 0xF900 <= code <= 0xFAFF  # compatibility ideographs
        or 0xFF00 <= code <= 0xFFEF  # full-width forms, （）：，
        or 0x20000 <= code <= 0x3FFFF  # Han extensions B…
    )


def _nearest_letter(text: str, *, from_end: bool) -> str:
    """The closest character to the join that says which script we are in (skipping digits, punctuation)."""
    chars = reversed(text) if from_end else iter(text)
    for char in chars:
        if char.isalpha() or is_cjk(char):
            return char
    return ""


def _joiner(before: str, after: str) -> str:
    """How to join two pieces of one paragraph: nothing if either side is Chinese, else one space.

    >>> _joiner("本协议有效期为", "30日"), _joiner("之日起,", "30日内"), _joiner("within", "30 days")
    ('', '', ' ')
    """
    if not before or not after or before.endswith((" ", "-", "/")) or after.startswith(" "):
        return ""
    left = _nearest_letter(before[-6:], from_end=True)
    right = _nearest_letter(after[:6], from_end=False)
    if (left and is_cjk(left)) or (right and is_cjk(right)) or is_cjk(before[-1]) or is_cjk(after[0]):
        return ""
    return " "
