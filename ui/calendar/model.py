"""Due items as a read-only table: the agenda for the next N days, and the items of one chosen day."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from obligations.services.screens import DueItem, DueState
from ui.dialogs.labels import due_text, kind_label, status_label

Index = QModelIndex | QPersistentModelIndex
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        ITEM_ROLE,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.ToolTipRole,
    }
)

# One colour per state, shared by the month grid, the agenda and the legend.
STATE_COLOURS: dict[str, str] = {
    DueState.UPCOMING: "#3b78c2",  # blue: nothing to do yet
    DueState.DUE_SOON: "#d98b00",  # amber: inside its lead time, reminders running
    DueState.OVERDUE: "#c93636",  # red
    DueState.DONE: "#2f8f4e",  # green
    DueState.WAIVED: "#8c8c8c",  # grey
}


class AgendaModel(QAbstractTableModel):
    DUE, STATE, CONTRACT, PARTY, ACTION, KIND = range(6)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[DueItem] = []

    def set_items(self, items: list[DueItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> DueItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def items(self) -> list[DueItem]:
        return list(self._items)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = [self.tr("Due"), self.tr("State"), self.tr("Contract"), self.tr("Party"), self.tr("Action")]
        titles.append(self.tr("Kind"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES:  # sizing and painting ask every cell for roles this model has nothing for
            return None
        item = self.item(index.row()) if index.isValid() else None
        if item is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == ITEM_ROLE:
            return item.occurrence_id
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATE:
            return QColor(STATE_COLOURS.get(item.state, "#000000"))
        if role == Qt.ItemDataRole.FontRole and column == self.STATE:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and item.snoozed_until:
            return self.tr("Snoozed until %1").replace("%1", item.snoozed_until.isoformat())
        return None

    def _display(self, item: DueItem, column: int) -> str:
        if column == self.DUE:
            return due_text(item.due_date, item.due_at)
        if column == self.STATE:
            state = status_label(item.state)
            return f"{state} ⏸" if item.snoozed_until else state
        if column == self.CONTRACT:
            return item.contract_title
        if column == self.PARTY:
            return item.party or ""
        if column == self.ACTION:
            return item.action or ""
        return kind_label(item.kind)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
