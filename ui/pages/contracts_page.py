"""Contracts: the list with open/overdue counts, and one contract's agreements and what governs today."""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtCore import QItemSelection, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from obligations.services import views
from obligations.services.views import ContractDetail, row_state
from ui.context import AppContext
from ui.models.contracts_model import SORT_ROLE, ContractsModel
from ui.models.obligations_model import ID_ROLE, MUTED_COLOUR, OVERDUE_COLOUR
from ui.settings import SettingsStore
from ui.widgets.labels import date_text, kind_label, role_label, state_label
from ui.widgets.lazy import ReloadWhenShown

SPLITTER_KEY = "contracts/splitter"


class ContractDetailView(QWidget):
    """One contract: facts, agreements as a timeline, obligations with what governs today."""

    show_obligations = Signal(int)  # contract id: open the obligations list filtered to it

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.contract_id: int | None = None
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.facts = QFormLayout()
        self.facts.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.timeline = QTreeWidget(self)
        self.timeline.setObjectName("agreementTimeline")
        self.timeline.setRootIsDecorated(False)
        self.timeline.setWordWrap(True)
        self.timeline.setHeaderLabels(
            [self.tr("Effective"), self.tr("Agreement"), self.tr("Obligations"), self.tr("What it changed")]
        )
        self.timeline.header().setStretchLastSection(True)
        self.timeline.setToolTip(self.tr("Double-click an agreement to review its text and obligations"))
        self.timeline.itemActivated.connect(self._review_agreement)
        self.timeline.setMaximumHeight(self.fontMetrics().height() * 9)
        self.obligations = QTreeWidget(self)
        self.obligations.setObjectName("contractObligations")
        self.obligations.setRootIsDecorated(False)
        self.obligations.setAlternatingRowColors(True)
        self.obligations.setHeaderLabels(
            [
                self.tr("Party"),
                self.tr("Action"),
                self.tr("Kind"),
                self.tr("Next due"),
                self.tr("State"),
                self.tr("Governs today"),
            ]
        )
        self.obligations.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.obligations.header().setStretchLastSection(False)
        self.obligations.itemActivated.connect(
            lambda item, _col: self._ctx.events.open_obligation.emit(item.data(0, ID_ROLE))
        )
        self.add_supplement = QPushButton(self.tr("Add &supplementary agreement…"), self)
        self.add_supplement.setToolTip(self.tr("Record an amendment: new, replaced or ended obligations, new dates"))
        self.add_supplement.clicked.connect(self.open_supplement_dialog)
        self.list_button = QPushButton(self.tr("Show in &obligations list"), self)
        self.list_button.clicked.connect(lambda: self.contract_id and self.show_obligations.emit(self.contract_id))

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_supplement)
        buttons.addWidget(self.list_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.facts)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("Agreements (base agreement first, then supplements by date):"), self))
        layout.addWidget(self.timeline)
        layout.addWidget(QLabel(self.tr("Obligations:"), self))
        layout.addWidget(self.obligations, 1)
        self.show_contract(None)

    def show_contract(self, contract_id: int | None) -> None:
        self.contract_id = contract_id
        detail = None
        if contract_id is not None:
            with self._ctx.db.reader() as session:
                detail = views.contract_detail(session, contract_id, today=self._ctx.today())
        self._fill(detail)

    def _fill(self, detail: ContractDetail | None) -> None:
        while self.facts.rowCount():
            self.facts.removeRow(0)
        self.timeline.clear()
        self.obligations.clear()
        enabled = detail is not None
        for widget in (self.add_supplement, self.list_button, self.timeline, self.obligations):
            widget.setEnabled(enabled)
        if detail is None:
            self.title.setText(self.tr("Select a contract on the left to see its agreements and obligations."))
            return
        self.title.setText(detail.title)
        for label, value in (
            (self.tr("Counterparty:"), detail.counterparty or "—"),
            (self.tr("Signed:"), date_text(detail.signing_date) or "—"),
            (self.tr("Effective:"), date_text(detail.effective_date) or "—"),
            (self.tr("Expires:"), date_text(detail.expiry_date) or "—"),
            (self.tr("Term:"), detail.term or "—"),
            (self.tr("Working-day calendar:"), detail.calendar),
        ):
            field = QLabel(value, self)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts.addRow(label, field)
        if detail.termination_date:
            self.facts.addRow(self.tr("Terminated:"), QLabel(date_text(detail.termination_date), self))
        for agreement in detail.agreements:
            when = date_text(agreement.effective_date or agreement.signing_date) or self.tr("undated")
            changed = "; ".join(
                f"{self._fact_name(k).rstrip(':：')} {v[0] or '—'} → {v[1] or '—'}"
                for k, v in agreement.fact_changes.items()
            )
            item = QTreeWidgetItem(
                [when, f"{role_label(agreement.role)}: {agreement.title}", str(agreement.obligation_count), changed]
            )
            item.setData(0, ID_ROLE, agreement.agreement_id)
            item.setToolTip(1, agreement.original_name or agreement.title)
            item.setToolTip(3, changed)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.timeline.addTopLevelItem(item)
        for column in (0, 2):
            self.timeline.resizeColumnToContents(column)
        self.timeline.setColumnWidth(1, self.fontMetrics().horizontalAdvance("M") * 18)
        today = self._ctx.today()
        for ob in detail.obligations:
            state = row_state(ob.review_state, ob.next_due, ob.ends_on, 0, today)
            item = QTreeWidgetItem(
                [
                    ob.party or "",
                    ob.action or "",
                    kind_label(ob.kind),
                    date_text(ob.next_due),
                    state_label(state),
                    self.tr("yes") if ob.governs_today else "",
                ]
            )
            item.setData(0, ID_ROLE, ob.obligation_id)
            item.setToolTip(1, ob.action or "")
            if ob.ends_on:
                item.setToolTip(4, self.tr("Replaced or ended from %1").replace("%1", date_text(ob.ends_on)))
            if not ob.governs_today:
                for column in range(item.columnCount()):
                    item.setForeground(column, QBrush(MUTED_COLOUR))
            elif ob.next_due and ob.next_due < today:
                item.setForeground(3, QBrush(OVERDUE_COLOUR))
            self.obligations.addTopLevelItem(item)
        for column in (0, 2, 3, 4, 5):
            self.obligations.resizeColumnToContents(column)

    def _fact_name(self, fact: str) -> str:
        names = {
            "expiry_date": self.tr("Expires:"),
            "effective_date": self.tr("Effective:"),
            "signing_date": self.tr("Signed:"),
            "termination_date": self.tr("Terminated:"),
            "counterparty": self.tr("Counterparty:"),
            "term": self.tr("Term:"),
            "calendar": self.tr("Working-day calendar:"),
        }
        return names.get(fact, fact)

    def _review_agreement(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self._ctx.events.review_agreement.emit(item.data(0, ID_ROLE))

    def open_supplement_dialog(self) -> None:
        if self.contract_id is None:
            return
        dialog_class = _optional("ui.dialogs", "SupplementDialog")
        if dialog_class is None:
            return
        dialog: QDialog = dialog_class(self._ctx, self.contract_id, self)
        dialog.exec()  # the dialog writes and emits events.changed itself


def _optional(module: str, name: str) -> Any:
    """A class another part of the app provides, or None while it is not there yet."""
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


class ContractsPage(ReloadWhenShown, QWidget):
    show_obligations = Signal(int)

    def __init__(self, ctx: AppContext, settings: SettingsStore | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._settings = settings
        self.model = ContractsModel(ctx, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.table = QTableView(self)
        self.table.setObjectName("contractsTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(50)  # fit columns to 50 rows, not every contract: 1.7 s at 1M
        em = self.fontMetrics().horizontalAdvance("M")
        for column, width in ((0, 13), (1, 9)):  # titles and names: readable, not the longest one's width
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width * em)
        self.detail = ContractDetailView(ctx, self)
        self.detail.show_obligations.connect(self.show_obligations)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([600, 480])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        supplement = QAction(self.tr("Add supplementary agreement…"), self)
        supplement.setShortcut(QKeySequence("Ctrl+Shift+S"))
        supplement.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        supplement.triggered.connect(self.detail.open_supplement_dialog)
        self.addAction(supplement)
        ctx.events.changed.connect(self.request_reload)
        ctx.events.open_contract.connect(self.select_contract)
        if settings and (state := settings.ui_state(SPLITTER_KEY)) is not None:
            self.splitter.restoreState(state)
        self.request_reload()

    def reload(self) -> None:
        current = self.detail.contract_id
        self.model.refresh()
        if current is not None and not self.select_contract(current):
            self.detail.show_contract(None)

    def set_search_text(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)

    def select_contract(self, contract_id: int) -> bool:
        self.ensure_fresh()
        row = self.model.row_of(contract_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        self.detail.show_contract(contract_id)  # also when it was selected already: its data may have changed
        return True

    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.detail.show_contract(rows[0].data(ID_ROLE) if rows else None)

    def save_state(self) -> None:
        if self._settings:
            self._settings.save_ui_state(SPLITTER_KEY, self.splitter.saveState())
