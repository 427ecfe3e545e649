"""The one summary after an import: per file, what was imported, what was there already, what failed and why."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from obligations.services.importing import FileResult, Outcome


class ImportSummary(QDialog):
    """One dialog for the whole batch: what was imported, what was there already, what failed and why."""

    def __init__(self, results: list[FileResult], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import finished"))
        imported = [r for r in results if r.outcome == Outcome.IMPORTED]
        found = sum(r.obligation_count for r in imported)
        # self.tr with a plain name as the count: pyside6-lupdate only sees that form as a plural message
        # (QCoreApplication.translate with a count, or a count that is an expression, loses "1 file/2 files").
        files = len(results)
        headline = self.tr("Imported %1 of %n file(s).", "", files).replace("%1", str(len(imported)))
        lines = [headline]
        if imported:
            lines.append(self.tr("%n obligation(s) found and waiting for your review.", "", found))
        problems = len(results) - len(imported)
        if problems:
            lines.append(self.tr("%n file(s) need your attention: see below.", "", problems))
        self.headline = QLabel("\n".join(lines), self)
        self.headline.setWordWrap(True)
        self.files = QTreeWidget(self)
        self.files.setRootIsDecorated(False)
        self.files.setHeaderLabels([self.tr("File"), self.tr("Result"), self.tr("Details")])
        for result in results:
            detail = result.message
            if result.outcome == Outcome.IMPORTED:
                count = result.obligation_count
                detail = self.tr("%n obligation(s) proposed for review", "", count)
            elif result.outcome == Outcome.DUPLICATE:
                detail = self.tr("already imported (contract %1); nothing changed").replace(
                    "%1", str(result.contract_id)
                )
            item = QTreeWidgetItem([result.path.name, self._outcome_text(result.outcome), detail])
            item.setToolTip(0, str(result.path))
            item.setToolTip(2, detail)
            self.files.addTopLevelItem(item)
        header = self.files.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.files)
        layout.addWidget(buttons)
        self.files.resizeColumnToContents(2)
        wanted = sum(self.files.columnWidth(c) for c in range(3)) + 48
        screen = self.screen().availableGeometry().width() if self.screen() else 1280
        self.resize(
            min(max(wanted, self.fontMetrics().horizontalAdvance("M") * 40), screen * 9 // 10), self.sizeHint().height()
        )
        self.results = results

    def _outcome_text(self, outcome: Outcome) -> str:
        return {
            Outcome.IMPORTED: self.tr("Imported"),
            Outcome.DUPLICATE: self.tr("Already imported"),
            Outcome.FAILED: self.tr("Not imported"),
            Outcome.CANCELLED: self.tr("Cancelled"),
        }[outcome]
