"""The obligations table's model: ordered ids only, rows fetched a page at a time into a bounded cache.

Filtering and sorting happen in SQL (obligations.services.views), so 50,000 rows cost one id list (a few
hundred KB) and scrolling costs one small query per page of rows actually shown. A row whose obligation
disappeared meanwhile shows a placeholder until the next refresh; data() never raises.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from obligations.services import views
from obligations.services.views import ObligationFilter, ObligationView, SortKey, Status
from ui.context import AppContext
from ui.widgets.labels import date_text, days_left_text, kind_label, state_label

Index = QModelIndex | QPersistentModelIndex

# Column order; each with the SQL sort key it sorts by and its header (translated when shown).
COLUMNS: list[tuple[str, SortKey, str]] = [
    ("contract", SortKey.CONTRACT, "Contract"),
    ("party", SortKey.PARTY, "Party"),
    ("action", SortKey.ACTION, "Action"),
    ("kind", SortKey.KIND, "Kind"),
    ("next_due", SortKey.NEXT_DUE, "Next due"),
    ("days_left", SortKey.NEXT_DUE, "Days left"),
    ("state", SortKey.STATE, "State"),
    ("owner", SortKey.OWNER, "Owner"),
]
COLUMN = {name: i for i, (name, _key, _header) in enumerate(COLUMNS)}
PLACEHOLDER = "…"
ID_ROLE = Qt.ItemDataRole.UserRole + 1
OVERDUE_COLOUR = QColor(178, 34, 34)  # firebrick: readable on white and on the selection highlight
SOON_COLOUR = QColor(176, 96, 0)  # dark amber: due within a week
MUTED_COLOUR = QColor(110, 110, 110)


def _header(text: str) -> str:
    return {
        "Contract": QCoreApplication.translate("ObligationsModel", "Contract"),
        "Party": QCoreApplication.translate("ObligationsModel", "Party"),
        "Action": QCoreApplication.translate("ObligationsModel", "Action"),
        "Kind": QCoreApplication.translate("ObligationsModel", "Kind"),
        "Next due": QCoreApplication.translate("ObligationsModel", "Next due"),
        "Days left": QCoreApplication.translate("ObligationsModel", "Days left"),
        "State": QCoreApplication.translate("ObligationsModel", "State"),
        "Owner": QCoreApplication.translate("ObligationsModel", "Owner"),
    }[text]


class ObligationsModel(QAbstractTableModel):
    PAGE_SIZE = 200
    MAX_PAGES = 8  # at most 1,600 rows held: a few screens up and down of what is visible

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._filter = ObligationFilter()
        self._sort = SortKey.NEXT_DUE
        self._descending = False
        self._ids: list[int] = []
        self._loaded = False
        self._pages: OrderedDict[int, dict[int, ObligationView]] = OrderedDict()
        self.page_loads = 0  # for tests and diagnostics: how many page queries ran

    # --- what the view asks -------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return _header(COLUMNS[section][2])
        elif orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.TextAlignmentRole,
        ):
            return None
        row = self.row_view(index.row())
        name = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if name == "days_left":
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if row is None:
            return PLACEHOLDER if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(row, name)
        text = self._text(row, name)
        if role == Qt.ItemDataRole.ToolTipRole:
            if name == "action" and row.phrase:
                return f"{text}\n{row.phrase}" if text else row.phrase
            return text or None
        return text

    def _days_left(self, row: ObligationView) -> int | None:
        return (row.next_due - self._ctx.today()).days if row.next_due else None

    def _text(self, row: ObligationView, name: str) -> str:
        if name == "contract":
            return row.contract_title
        if name == "party":
            return row.party or ""
        if name == "action":
            return row.action or row.phrase or ""
        if name == "kind":
            return kind_label(row.kind)
        if name == "next_due":
            return date_text(row.next_due)
        if name == "days_left":
            days = self._days_left(row)
            return "" if days is None or row.state in (Status.PROPOSED, Status.REJECTED) else days_left_text(days)
        if name == "state":
            return state_label(row.state)
        return row.owner or ""

    def _colour(self, row: ObligationView, name: str) -> QBrush | None:
        if row.state == Status.OVERDUE and name in ("next_due", "days_left", "state"):
            return QBrush(OVERDUE_COLOUR)
        days = self._days_left(row)
        if row.state == Status.CONFIRMED and days is not None and days < 7 and name in ("next_due", "days_left"):
            return QBrush(SOON_COLOUR)
        if row.state in (Status.REJECTED, Status.SUPERSEDED, Status.DONE):
            return QBrush(MUTED_COLOUR)
        return None

    # --- paging -------------------------------------------------------------------------------------------

    def row_view(self, row: int) -> ObligationView | None:
        """The row's data, loading its page if needed; None if the obligation is gone."""
        if not 0 <= row < len(self._ids):
            return None
        page_no = row // self.PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            page = self._load_page(page_no)
        else:
            self._pages.move_to_end(page_no)
        return page.get(self._ids[row])

    def _load_page(self, page_no: int) -> dict[int, ObligationView]:
        start = page_no * self.PAGE_SIZE
        ids = self._ids[start : start + self.PAGE_SIZE]
        with self._ctx.db.reader() as session:
            page = views.obligation_rows(session, ids, today=self._ctx.today())
        self.page_loads += 1
        self._pages[page_no] = page
        while len(self._pages) > self.MAX_PAGES:
            self._pages.popitem(last=False)  # least recently used
        return page

    def cached_row_count(self) -> int:
        return sum(len(page) for page in self._pages.values())

    # --- filter, sort, refresh ----------------------------------------------------------------------------

    @property
    def filter(self) -> ObligationFilter:
        return self._filter

    def set_filter(self, flt: ObligationFilter, *, force: bool = False) -> None:
        """Show what `flt` selects; `force` re-queries even when the filter is unchanged (the data changed)."""
        if force or flt != self._filter:
            self._filter = flt
            self.refresh()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self._sort = COLUMNS[column][1]
        self._descending = order == Qt.SortOrder.DescendingOrder
        if not self._loaded:
            return  # the view setting up its sort indicator: the first refresh() sorts this way
        self.layoutAboutToBeChanged.emit()
        old_ids = self._ids
        self._requery()
        self._remap_persistent(old_ids)
        self.layoutChanged.emit()

    def refresh(self) -> None:
        """Re-run the query (after a write or a filter change); the view keeps its sort."""
        self.beginResetModel()
        self._requery()
        self.endResetModel()

    def _requery(self) -> None:
        with self._ctx.db.reader() as session:
            self._ids = views.obligation_ids(
                session, self._filter, today=self._ctx.today(), sort=self._sort, descending=self._descending
            )
        self._loaded = True
        self._pages.clear()

    def _remap_persistent(self, old_ids: list[int]) -> None:
        """Keep the selection and current row on the same obligations after a re-sort."""
        old_list = self.persistentIndexList()
        if not old_list:
            return
        new_rows = {obligation_id: row for row, obligation_id in enumerate(self._ids)}
        new_list = []
        for index in old_list:
            row = index.row()
            moved = new_rows.get(old_ids[row]) if 0 <= row < len(old_ids) else None
            new_list.append(self.index(moved, index.column()) if moved is not None else QModelIndex())
        self.changePersistentIndexList(old_list, new_list)

    # --- ids ----------------------------------------------------------------------------------------------

    def obligation_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, obligation_id: int) -> int | None:
        try:
            return self._ids.index(obligation_id)
        except ValueError:
            return None
