"""Importing agreements from the GUI: pick or drop files, read them off the GUI thread, summarise per file.

Each file is read (with per-page progress for PDFs and scans) and stored on its own, so one bad file never
stops or half-stores another (obligations.services.importing). Afterwards the review screen opens on the
first new agreement.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QProgressDialog,
    QWidget,
)

from obligations.documents import DocumentError, load_document
from obligations.documents import base as documents_base
from obligations.errors import KnownError
from obligations.services.importing import FileResult, Outcome, already_imported, import_document
from obligations.services.screens import ReviewScreen, review_screen
from obligations.store import Database
from ui.context import AppContext
from ui.pages.import_summary import ImportSummary
from ui.tasks import Progress, Task, in_turns, run_task

SUFFIXES = (".pdf", ".docx", ".txt", ".png", ".jpg", ".jpeg", ".tif", ".tiff")
STEPS_PER_FILE = 1000  # progress bar resolution inside one file (its pages)
Cancelled: type[BaseException] = getattr(documents_base, "Cancelled", KeyboardInterrupt)

log = logging.getLogger(__name__)


def importable(paths: Sequence[Path]) -> list[Path]:
    """The dropped paths worth trying: files with a suffix we read (the reader explains the others)."""
    return [p for p in paths if p.suffix.lower() in SUFFIXES]


def import_with_progress(db: Database, paths: list[Path], progress: Progress, *, today: dt.date) -> list[FileResult]:
    """Runs on the worker thread: every file on its own; stops between files or pages when cancelled."""
    results: list[FileResult] = []
    total = len(paths) * STEPS_PER_FILE
    for index, path in enumerate(paths):
        if progress.cancelled():
            results.extend(
                FileResult(p, Outcome.CANCELLED, QCoreApplication.translate("Importer", "cancelled"))
                for p in paths[index:]
            )
            break
        reading = (
            QCoreApplication.translate("Importer", "Reading file %1 of %2: %3")
            .replace("%1", str(index + 1))
            .replace("%2", str(len(paths)))
        )
        reading = reading.replace("%3", path.name)
        progress.report(index * STEPS_PER_FILE, total, reading)

        def on_page(done: int, pages: int, index: int = index, reading: str = reading) -> None:
            page = (
                QCoreApplication.translate("Importer", "page %1 of %2")
                .replace("%1", str(done))
                .replace("%2", str(pages))
            )
            progress.report(
                index * STEPS_PER_FILE + done * (STEPS_PER_FILE - 1) // max(pages, 1), total, f"{reading}\n{page}"
            )

        seen = already_imported(db, path)
        if seen is not None:
            results.append(seen)
            continue
        try:
            document = load_document(path, progress=on_page, should_cancel=progress.cancelled)
            progress.report(
                index * STEPS_PER_FILE + STEPS_PER_FILE - 1,
                total,
                reading + "\n" + QCoreApplication.translate("Importer", "Finding obligations…"),
            )
            results.append(import_document(db, document, today=today))
        except Cancelled:
            results.extend(
                FileResult(p, Outcome.CANCELLED, QCoreApplication.translate("Importer", "cancelled"))
                for p in paths[index:]
            )
            break
        except (DocumentError, KnownError) as exc:
            results.append(FileResult(path, Outcome.FAILED, str(exc)))
    progress.report(total, total, "")
    return results


def first_review(db: Database, results: list[FileResult], *, today: dt.date) -> ReviewScreen | None:
    """The review screen of the first new agreement, read on the worker thread: the import's last step, so the
    window only shows it (a 200-page agreement took ~35 ms to read on the GUI thread)."""
    first = next((r.agreement_id for r in results if r.outcome == Outcome.IMPORTED and r.agreement_id), None)
    if first is None:
        return None
    try:
        with db.reader() as session:
            return review_screen(session, first, today=today)
    except Exception:  # the files are imported whatever this read meets: the review page reads it itself, and says
        log.warning("reading the review screen after an import failed", exc_info=True)
        return None


class Importer(QObject):
    """Owns the import flow for one window: file dialog, progress dialog, summary, events."""

    finished = Signal(list)  # list[FileResult], after the summary is shown

    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self._ctx = ctx
        self._window = window
        self.task: Task[tuple[list[FileResult], ReviewScreen | None]] | None = None
        self.summary: ImportSummary | None = None
        self.last_folder = ""

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self._window,
            QCoreApplication.translate("Importer", "Import agreements"),
            self.last_folder,
            QCoreApplication.translate(
                "Importer", "Agreements (*.pdf *.docx *.txt *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)"
            ),
        )
        if paths:
            self.last_folder = str(Path(paths[0]).parent)
            self.import_paths([Path(p) for p in paths])

    def busy(self) -> bool:
        return self.task is not None and not self.task.done

    def import_paths(self, paths: Sequence[Path]) -> Task[tuple[list[FileResult], ReviewScreen | None]] | None:
        paths = list(paths)
        if not paths or self.busy():
            return None
        dialog = QProgressDialog(
            QCoreApplication.translate("Importer", "Preparing…"),
            QCoreApplication.translate("Importer", "Cancel"),
            0,
            len(paths) * STEPS_PER_FILE,
            self._window,
        )
        dialog.setWindowTitle(QCoreApplication.translate("Importer", "Importing agreements"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)  # a single small text file imports without a flash of dialog
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(dialog.fontMetrics().horizontalAdvance("M") * 32)
        today = self._ctx.today()

        def progressed(done: int, total: int, label: str) -> None:
            dialog.setMaximum(total)
            dialog.setValue(done)
            if label:
                dialog.setLabelText(label)

        def finished(outcome: tuple[list[FileResult], ReviewScreen | None]) -> None:
            dialog.close()
            self._done(*outcome)

        def work(progress: Progress) -> tuple[list[FileResult], ReviewScreen | None]:
            results = import_with_progress(self._ctx.db, paths, progress, today=today)
            return results, first_review(self._ctx.db, results, today=today)

        def failed(exc: BaseException) -> None:
            dialog.close()
            from ui.tasks import report_failure

            report_failure(self._window, exc)

        self.task = run_task(
            self._window,
            work,
            on_success=finished,
            on_failure=failed,
            on_progress=progressed,
        )
        dialog.canceled.connect(self.task.cancel)
        return self.task

    def _done(self, results: list[FileResult], review: ReviewScreen | None) -> None:
        """The review page opens on the first new agreement now, in the same turn as the change is reported (the
        page the import left then never reloads for nobody); the summary on the next turn, after it has painted."""
        imported = [r for r in results if r.outcome == Outcome.IMPORTED]
        if imported:
            self._ctx.events.changed.emit()
            if review is not None:
                self._ctx.events.review_prepared.emit(review)
            elif imported[0].agreement_id is not None:
                self._ctx.events.review_agreement.emit(imported[0].agreement_id)
        in_turns(lambda: self._show_summary(results))

    def _show_summary(self, results: list[FileResult]) -> None:
        self.summary = ImportSummary(results, self._window)
        self.summary.open()
        self.finished.emit(results)
