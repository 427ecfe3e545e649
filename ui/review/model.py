"""The candidate obligations of one agreement, as a read-only table model (writes go through the page)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from obligations.model import ReviewState
from obligations.services.screens import ObligationView
from ui.dialogs.labels import due_text, kind_label, review_label, rule_summary
from ui.review.document import COLOURS

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        ID_ROLE,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
    }
)


class CandidateModel(QAbstractTableModel):
    STATE, PARTY, ACTION, KIND, RULE, DUE = range(6)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ObligationView] = []
        # Each cell's text, made once a load: sizing the columns to their contents asks every cell many times.
        self._texts: list[list[str]] = []

    def headers(self) -> list[str]:
        return [self.tr("State"), self.tr("Party"), self.tr("Action"), self.tr("Kind"), self.tr("When"), self.tr("Due")]

    def set_rows(self, rows: list[ObligationView]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._texts = [[self._display(view, column) for column in range(6)] for view in self._rows]
        self.endResetModel()

    def rows(self) -> list[ObligationView]:
        return list(self._rows)

    def obligation(self, row: int) -> ObligationView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, obligation_id: int) -> int:
        for row, view in enumerate(self._rows):
            if view.id == obligation_id:
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < 6:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES:  # sizing columns asks every cell for roles this model has nothing for
            return None
        view = self.obligation(index.row()) if index.isValid() else None
        if view is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[index.row()][column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.DUE and view.preview and view.next_due:
                return self.tr("What confirming would schedule: nothing is reminded until it is confirmed")
            return view.quote or view.phrase
        if role == ID_ROLE:
            return view.id
        if role == Qt.ItemDataRole.BackgroundRole and column == self.STATE:
            return QColor(COLOURS.get(view.review_state, COLOURS[ReviewState.PROPOSED])[0])
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATE:
            return QColor("#1f1f1f")  # the state cell's pale background needs dark text in a dark theme too
        if role == Qt.ItemDataRole.ForegroundRole and column == self.DUE and view.preview:
            return QColor("#8a8a8a")  # a preview, not a scheduled date
        if role == Qt.ItemDataRole.FontRole:
            struck = view.review_state == ReviewState.REJECTED or view.superseded
            preview = column == self.DUE and view.preview
            if struck or preview:
                font = QFont()
                font.setStrikeOut(struck)
                font.setItalic(preview)
                return font
        return None

    def _display(self, view: ObligationView, column: int) -> str:
        if column == self.STATE:
            state = review_label(view.review_state)
            return self.tr("%1, replaced").replace("%1", state) if view.superseded else state
        if column == self.PARTY:
            return view.party or ""
        if column == self.ACTION:
            return view.action or view.phrase or ""
        if column == self.KIND:
            return kind_label(view.kind)
        if column == self.RULE:
            return rule_summary(view.rule)
        if view.next_due is None:
            return self.tr("not dated yet") if view.review_state == ReviewState.CONFIRMED else ""
        return due_text(view.next_due, view.next_due_at)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
