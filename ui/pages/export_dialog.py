"""File → Export: the monthly report for managers, with a month picker and filters, written off the GUI thread."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from obligations.export import Scope, export_month
from obligations.export.report import ExportResult
from obligations.services import views
from ui.context import AppContext
from ui.tasks import Progress, Task, run_task


class ExportDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.task: Task[ExportResult] | None = None
        self.result: ExportResult | None = None
        self.setWindowTitle(self.tr("Export the monthly report"))

        today = ctx.today()
        self.month = QDateEdit(QDate(today.year, today.month, 1), self)
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setCalendarPopup(True)
        self.language = QComboBox(self)
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        self.format = QComboBox(self)
        self.format.addItem(self.tr("Excel workbook (.xlsx)"), "xlsx")
        self.format.addItem(self.tr("CSV for other tools (.csv)"), "csv")
        with ctx.db.reader() as session:
            choices = views.filter_choices(session)
        self.contract = QComboBox(self)
        self.contract.addItem(self.tr("All contracts"), None)
        for contract_id, title in choices.contracts:
            self.contract.addItem(title, contract_id)
        self.owner = QComboBox(self)
        self.owner.addItem(self.tr("All owners"), None)
        for owner in choices.owners:
            self.owner.addItem(owner, owner)
        self.personal = QCheckBox(self.tr("Include personal data (ID, phone, e-mail and bank numbers unmasked)"), self)
        self.personal.setToolTip(self.tr("Masked by default (PIPL): turn on only for recipients entitled to see it"))

        form = QFormLayout()
        form.addRow(self.tr("&Month:"), self.month)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("&Contract:"), self.contract)
        form.addRow(self.tr("&Owner:"), self.owner)
        form.addRow(self.tr("&Format:"), self.format)
        form.addRow("", self.personal)
        self.status = QLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = buttons.addButton(self.tr("&Export…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.choose_file_and_export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def month_value(self) -> dt.date:
        chosen = self.month.date()
        return dt.date(chosen.year(), chosen.month(), 1)

    def scope(self) -> Scope:
        contract_id = self.contract.currentData()
        return Scope(
            contract_ids=frozenset({contract_id}) if contract_id is not None else None,
            owner=self.owner.currentData(),
        )

    def default_name(self) -> str:
        stem = "合同履约月报" if self.language.currentData() == "zh" else "contract-report"
        return f"{stem}-{self.month_value():%Y-%m}.{self.format.currentData()}"

    def choose_file_and_export(self) -> None:
        kind = self.format.currentData()
        pattern = self.tr("Excel workbook (*.xlsx)") if kind == "xlsx" else self.tr("CSV (*.csv)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report as"), self.default_name(), pattern)
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> Task[ExportResult]:
        """Write the report to `path` on a worker thread; the dialog closes when it is written."""
        db, month, today = self._ctx.db, self.month_value(), self._ctx.today()
        lang, fmt, scope = self.language.currentData(), self.format.currentData(), self.scope()
        personal = self.personal.isChecked()

        def work(_progress: Progress) -> ExportResult:
            return export_month(
                db, month, path, today=today, lang=lang, include_personal_data=personal, fmt=fmt, scope=scope
            )

        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Writing %1 …").replace("%1", path.name))
        self.task = run_task(self, work, on_success=self._written, on_failure=self._failed)
        return self.task

    def _written(self, result: ExportResult) -> None:
        self.result = result
        self.accept()
        box = QMessageBox(self.parentWidget())
        box.setWindowTitle(self.tr("Report written"))
        box.setText(self.tr("The report was written to %1.").replace("%1", str(result.path)))
        open_folder = box.addButton(self.tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Ok)
        box.open()
        open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path.parent))))

    def _failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.status.setText(str(exc))
