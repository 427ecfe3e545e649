"""The contracts list: one row per contract with its key dates and open/overdue counts.

Contracts number in the hundreds or low thousands, so the summaries are held whole (one grouped query) and
sorted by a QSortFilterProxyModel on SORT_ROLE, which gives raw dates and numbers.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

from obligations.services import views
from obligations.services.views import ContractSummary
from ui.context import AppContext
from ui.models.obligations_model import ID_ROLE, OVERDUE_COLOUR
from ui.widgets.labels import date_text

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

# The effective date is in the detail pane; the list keeps to what a lawyer scans for.
COLUMNS = ["title", "counterparty", "signing_date", "expiry_date", "open", "overdue", "proposed"]
NUMERIC = {"open", "overdue", "proposed"}


def _header(name: str) -> str:
    return {
        "title": QCoreApplication.translate("ContractsModel", "Contract"),
        "counterparty": QCoreApplication.translate("ContractsModel", "Counterparty"),
        "signing_date": QCoreApplication.translate("ContractsModel", "Signed"),
        "effective_date": QCoreApplication.translate("ContractsModel", "Effective"),
        "expiry_date": QCoreApplication.translate("ContractsModel", "Expires"),
        "open": QCoreApplication.translate("ContractsModel", "Open items"),
        "overdue": QCoreApplication.translate("ContractsModel", "Overdue"),
        "proposed": QCoreApplication.translate("ContractsModel", "To review"),
    }[name]


def _value(summary: ContractSummary, name: str) -> Any:
    return {
        "title": summary.title,
        "counterparty": summary.counterparty or "",
        "signing_date": summary.signing_date,
        "effective_date": summary.effective_date,
        "expiry_date": summary.expiry_date,
        "open": summary.open_count,
        "overdue": summary.overdue_count,
        "proposed": summary.proposed_count,
    }[name]


class ContractsModel(QAbstractTableModel):
    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._rows: list[ContractSummary] = []

    def refresh(self) -> None:
        with self._ctx.db.reader() as session:
            rows = views.contract_summaries(session, today=self._ctx.today())
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def summary(self, row: int) -> ContractSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, contract_id: int) -> int | None:
        return next((i for i, s in enumerate(self._rows) if s.contract_id == contract_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(COLUMNS):
            return _header(COLUMNS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        summary = self.summary(index.row()) if index.isValid() else None
        if summary is None:
            return None
        name = COLUMNS[index.column()]
        value = _value(summary, name)
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.ToolTipRole:
            if isinstance(value, dt.date):
                return date_text(value)
            if name in NUMERIC:
                return str(value) if value else ("" if role == Qt.ItemDataRole.DisplayRole else "0")
            return value
        if role == SORT_ROLE:
            if isinstance(value, dt.date) or value is None:
                return value.toordinal() if value else 0
            return value.lower() if isinstance(value, str) else value
        if role == ID_ROLE:
            return summary.contract_id
        if role == Qt.ItemDataRole.TextAlignmentRole and name in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and name == "overdue" and summary.overdue_count:
            return QBrush(OVERDUE_COLOUR)
        return None
