"""Read-only table models for the dialogs: an obligation's due dates, and audit history rows."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from obligations.services.screens import HistoryRow, OccurrenceView
from ui.dialogs.labels import date_text, due_text, status_label

Index = QModelIndex | QPersistentModelIndex


class _Rows(QAbstractTableModel):
    COLUMNS = 0

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, number: int) -> Any:
        return self._rows[number] if 0 <= number < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headers(self) -> list[str]:
        return []

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            titles = self.headers()
            return titles[section] if 0 <= section < len(titles) else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class OccurrenceModel(_Rows):
    COLUMNS = 5

    def headers(self) -> list[str]:
        return [self.tr("Due"), self.tr("Strict date"), self.tr("Status"), self.tr("Snoozed until"), self.tr("Note")]

    def row_of(self, occurrence_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == occurrence_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        occ: OccurrenceView | None = self.row(index.row()) if index.isValid() else None
        if occ is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                due = due_text(occ.due_date, occ.due_at)
                return self.tr("%1 (provisional)").replace("%1", due) if occ.provisional else due
            if column == 1:
                return date_text(occ.strict_date)
            if column == 2:
                status = status_label(occ.status)
                return self.tr("%1 (no longer due)").replace("%1", status) if occ.obsolete else status
            if column == 3:
                return date_text(occ.snoozed_until) if occ.snoozed_until else ""
            return " · ".join(x for x in (occ.note, occ.evidence_name) if x)
        if role == Qt.ItemDataRole.ToolTipRole and occ.provisional:
            return self.tr("A year counted over has no published holiday schedule yet: check again when it is out")
        if role == Qt.ItemDataRole.ForegroundRole and occ.obsolete:
            return QColor("#8a8a8a")
        if role == Qt.ItemDataRole.FontRole and occ.obsolete:
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None


def _value(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


# Columns that follow from others (the steps follow the due date) or only link rows: noise in a history line.
DERIVED = frozenset(
    {"id", "explanation", "anchor_at", "key", "remind_from", "provisional", "contract_id", "agreement_id"}
    | {"obligation_id", "page_starts", "page_confidence", "sha256", "span_start", "span_end", "confidence"}
    | {"include_start_day", "lead_in_business_days", "quote", "phrase", "stored_name", "file_kind"}
)


def describe_change(row: HistoryRow) -> str:
    """ "expiry_date: 2026-12-31 → 2027-12-31; …" for an update; the main fields set for a creation."""
    if row.action == "update":
        keys = sorted(set(row.before or {}) | set(row.after or {}))
        keys = [k for k in keys if k not in DERIVED] or keys
        return "; ".join(f"{k}: {_value((row.before or {}).get(k))} → {_value((row.after or {}).get(k))}" for k in keys)
    values = row.after if row.action == "create" else row.before
    shown = {k: v for k, v in (values or {}).items() if v not in (None, "", [], {}, False) and k not in DERIVED}
    return "; ".join(f"{k}: {_value(v)}" for k, v in sorted(shown.items()))


class HistoryModel(_Rows):
    COLUMNS = 5

    def headers(self) -> list[str]:
        return [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Change"), self.tr("Reason")]

    def _what(self, row: HistoryRow) -> str:
        action = {"create": self.tr("created"), "update": self.tr("changed"), "delete": self.tr("deleted")}
        entity = {
            "contract": self.tr("contract"),
            "agreement": self.tr("agreement"),
            "obligation": self.tr("obligation"),
            "occurrence": self.tr("due date"),
            "trigger_event": self.tr("recorded event"),
        }
        return f"{entity.get(row.entity, row.entity)} #{row.entity_id} {action.get(row.action, row.action)}"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row: HistoryRow | None = self.row(index.row()) if index.isValid() else None
        if row is None or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == 0:
            stamp = row.at if row.at.tzinfo else row.at.replace(tzinfo=dt.UTC)  # SQLite hands back naive UTC
            return f"{stamp.astimezone():%Y-%m-%d %H:%M}"
        if column == 1:
            return row.actor
        if column == 2:
            return self._what(row)
        if column == 3:
            return describe_change(row)
        return row.reason or ""
