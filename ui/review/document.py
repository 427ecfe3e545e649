"""The agreement as the lawyer reads it: its text with every extracted obligation highlighted, and the PDF page.

PDF pages are rendered with pypdfium2 (already a core dependency, used to read PDFs) into a QImage, rather
than through QtPdf, which PySide6-Essentials does not ship (it is the separate PySide6_Pdf wheel, pinned to the
exact PySide6 version).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

from PySide6.QtCore import QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPixmap, QShowEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QScrollArea, QTextEdit, QWidget

from obligations.model import ReviewState

# Highlight colours per review state: (background, background when selected).
COLOURS: dict[str, tuple[str, str]] = {
    ReviewState.PROPOSED: ("#ffe9a8", "#ffc233"),  # amber: waiting for the lawyer
    ReviewState.CONFIRMED: ("#cdeccb", "#7fcf78"),  # green: drives reminders
    ReviewState.REJECTED: ("#e4e4e4", "#b9b9b9"),  # grey, struck through: ignored
}
_ASTRAL = "\U00010000"  # the first character beyond the BMP


@dataclass(frozen=True)
class Highlight:
    obligation_id: int
    start: int  # Python string offsets in the agreement text
    end: int
    state: str


def utf16_offsets(text: str) -> list[int] | None:
    """Qt counts positions in UTF-16 units; a character outside the BMP (rare CJK) takes two. None if all fit.

    `max` finds the highest character in C: a 200-page agreement is 150,000 characters, and a Python loop over
    them cost 25 ms on the GUI thread as each import ended."""
    if not text or max(text) < _ASTRAL:
        return None
    return [0, *accumulate(2 if ch >= _ASTRAL else 1 for ch in text)]


class DocumentView(QPlainTextEdit):
    """Read-only agreement text; clicking inside a highlight asks for that obligation."""

    spanClicked = Signal(int)  # obligation id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._text = ""
        self._offsets: list[int] | None = None
        self._highlights: list[Highlight] = []
        self._current: int | None = None
        self._press: QPoint | None = None

    @property
    def text(self) -> str:
        """The text shown, as Python counts it (the offsets of highlights and selections)."""
        return self._text

    def set_text(self, text: str) -> None:
        self._text = text
        self._offsets = utf16_offsets(text)
        self.setPlainText(text)

    def _qt(self, offset: int) -> int:
        offset = max(0, min(offset, len(self._text)))
        return self._offsets[offset] if self._offsets else offset

    def _py(self, position: int) -> int:
        if not self._offsets:
            return position
        return max(0, bisect.bisect_right(self._offsets, position) - 1)

    def set_highlights(self, highlights: list[Highlight], current: int | None) -> None:
        self._highlights = [h for h in highlights if 0 <= h.start < h.end <= len(self._text)]
        self._current = current
        selections = []
        for h in self._highlights:
            normal, strong = COLOURS.get(h.state, COLOURS[ReviewState.PROPOSED])
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(strong if h.obligation_id == current else normal))
            if h.state == ReviewState.REJECTED:
                fmt.setFontStrikeOut(True)
                fmt.setForeground(QColor("#6b6b6b"))
            if h.obligation_id == current:
                fmt.setFontUnderline(True)
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._qt(h.start))
            cursor.setPosition(self._qt(h.end), QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        self.setExtraSelections(selections)

    def reveal(self, start: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._qt(start))
        self.setTextCursor(cursor)
        self.centerCursor()

    def obligation_at(self, offset: int) -> int | None:
        """The obligation whose highlight covers `offset` (the shortest one, if highlights nest)."""
        hits = [h for h in self._highlights if h.start <= offset < h.end]
        return min(hits, key=lambda h: h.end - h.start).obligation_id if hits else None

    def selected_span(self) -> tuple[int, int, str] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start, end = self._py(cursor.selectionStart()), self._py(cursor.selectionEnd())
        text = self._text[start:end]
        return (start, end, text) if text.strip() else None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        moved = self._press is not None and (event.position().toPoint() - self._press).manhattanLength() > 3
        if event.button() == Qt.MouseButton.LeftButton and not moved and not self.textCursor().hasSelection():
            position = self.cursorForPosition(event.position().toPoint()).position()
            hit = self.obligation_at(self._py(position))
            if hit is not None:
                self.spanClicked.emit(hit)


def page_of(page_starts: list[int], offset: int) -> int:
    """The 0-based page holding character `offset`, given where each page's text starts."""
    if not page_starts:
        return 0
    return max(0, bisect.bisect_right(page_starts, offset) - 1)


class PdfPageView(QScrollArea):
    """One page of the stored original PDF, rendered at the screen's pixel ratio, the phrase outlined."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._label = QLabel(self)
        self._label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setWidget(self._label)
        self.setWidgetResizable(True)
        self._path: Path | None = None
        self._shown: tuple[Path, int, str] | None = None
        self._wanted: tuple[int, str | None] | None = None  # the page to show when the view comes in front

    def clear(self, message: str = "") -> None:
        self._path, self._shown, self._wanted = None, None, None
        self._label.setPixmap(QPixmap())
        self._label.setText(message)

    def set_document(self, path: Path | None, message: str) -> None:
        if path is None or not path.exists():
            self.clear(message)
        else:
            self._path, self._shown, self._wanted = path, None, None

    def show_page(self, index: int, phrase: str | None = None) -> bool:
        """Page `index` with `phrase` outlined: rendered now if the view is in front, else when it comes in front.

        Rendering costs ~15 ms a page, and the text tab is the one usually in front: each candidate chosen in
        review (and the first, as an import ends) would otherwise render a page nobody sees.
        """
        if self._path is None:
            return False
        self._wanted = (index, phrase)
        return self._render(index, phrase) if self.isVisible() else True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._wanted is not None:
            self._render(*self._wanted)

    def _render(self, index: int, phrase: str | None) -> bool:
        assert self._path is not None
        key = (self._path, index, phrase or "")
        if self._shown == key:
            return True
        ratio = self.devicePixelRatioF()
        image = render_page(self._path, index, phrase, scale=1.5 * ratio)
        if image is None:
            self.clear(self.tr("This page could not be shown."))
            return False
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        self._label.setText("")
        self._label.setPixmap(pixmap)
        self._shown = key
        marked = image.text("marked")  # "x,y" of the phrase on the page, in image pixels
        if marked:
            x, y = (int(v) / ratio for v in marked.split(","))
            self._label.adjustSize()
            self.ensureVisible(int(x), int(y), 40, max(60, self.viewport().height() // 3))
        return True


def render_page(path: Path, index: int, phrase: str | None, *, scale: float) -> QImage | None:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError:
        return None
    try:
        if not 0 <= index < len(pdf):
            return None
        page = pdf[index]
        bitmap = page.render(scale=scale, rev_byteorder=True, fill_color=(255, 255, 255, 255))
        image = QImage(
            bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888
        ).copy()
        if phrase:
            _outline(image, page, phrase.strip(), scale)
        return image
    finally:
        pdf.close()


def _outline(image: QImage, page: object, phrase: str, scale: float) -> None:
    """Mark the first place the phrase appears on the page (PDF units are bottom-up), and note where."""
    textpage = page.get_textpage()  # type: ignore[attr-defined]
    found = textpage.search(phrase[:60]).get_next() if phrase else None
    if not found:
        return
    index, count = found
    height = page.get_height()  # type: ignore[attr-defined]
    painter = QPainter(image)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Multiply)  # a marker pen: text stays legible
    for i in range(textpage.count_rects(index, count)):
        left, bottom, right, top = textpage.get_rect(i)
        box = QRectF(left * scale, (height - top) * scale, (right - left) * scale, (top - bottom) * scale)
        painter.fillRect(box.adjusted(-2, -2, 2, 2), QColor("#ffd45c"))
        if i == 0:
            image.setText("marked", f"{int(box.left())},{int(box.top())}")
    painter.end()
