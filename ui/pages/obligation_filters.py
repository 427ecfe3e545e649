"""The filter bar above the obligations table. It only builds an ObligationFilter; the model runs the query."""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from obligations.services.views import FilterChoices, ObligationFilter, Status
from ui.widgets.labels import KINDS, kind_label, state_label

STATUS_ORDER = [
    Status.ACTIVE,
    Status.PROPOSED,
    Status.CONFIRMED,
    Status.OVERDUE,
    Status.DONE,
    Status.REJECTED,
    Status.SUPERSEDED,
]


class FilterBar(QWidget):
    changed = Signal(object)  # ObligationFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._updating = False
        self.status = QComboBox(self)
        for status in STATUS_ORDER:
            self.status.addItem(state_label(status), status)
        self.contract = self._combo(self.tr("All contracts"))
        self.contract.setMinimumContentsLength(14)
        self.party = self._combo(self.tr("All parties"))
        self.owner = self._combo(self.tr("All owners"))
        self.kind = self._combo(self.tr("All kinds"))
        for kind in KINDS:
            self.kind.addItem(kind_label(kind), kind)
        self.due = QSpinBox(self)
        self.due.setRange(0, 3650)
        self.due.setSingleStep(7)
        self.due.setSpecialValueText(self.tr("any time"))
        self.due.setSuffix(self.tr(" days"))
        self.due.setToolTip(self.tr("Show only obligations due within this many days (overdue ones included)"))
        self.clear = QPushButton(self.tr("Clear filters"), self)
        self.clear.setToolTip(self.tr("Show everything in force again (Ctrl+Shift+L)"))
        self.clear.clicked.connect(self.reset)

        # Two rows, so the window still fits a 1366-pixel screen at 125 % scaling.
        first, second = QHBoxLayout(), QHBoxLayout()
        status_label = QLabel(self.tr("&Show:"), self)
        status_label.setBuddy(self.status)
        due_label = QLabel(self.tr("&Due within:"), self)
        due_label.setBuddy(self.due)
        for widget in (status_label, self.status, self.contract, self.party):
            first.addWidget(widget)
        first.addStretch(1)
        for widget in (due_label, self.due, self.kind, self.owner):
            second.addWidget(widget)
        second.addStretch(1)
        second.addWidget(self.clear)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(first)
        layout.addLayout(second)
        chain = [self.status, self.contract, self.party, self.due, self.kind, self.owner, self.clear]
        for before, after in pairwise(chain):
            self.setTabOrder(before, after)  # reading order, row by row

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)  # typing "30" into the spin box is one query, not two
        self._debounce.timeout.connect(self._emit)
        for combo in (self.status, self.contract, self.party, self.owner, self.kind):
            combo.currentIndexChanged.connect(self._schedule)
        self.due.valueChanged.connect(self._schedule)

    def _combo(self, everything: str) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(everything, None)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(10)
        return combo

    def set_choices(self, choices: FilterChoices) -> None:
        """Refill the boxes with what the data holds, keeping what the user picked."""
        self._updating = True
        try:
            self._refill(self.contract, [(title, cid) for cid, title in choices.contracts])
            self._refill(self.party, [(p, p) for p in choices.parties])
            self._refill(self.owner, [(o, o) for o in choices.owners])
        finally:
            self._updating = False

    @staticmethod
    def _refill(combo: QComboBox, items: list[tuple[str, Any]]) -> None:
        current = combo.currentData()
        while combo.count() > 1:
            combo.removeItem(1)
        for text, value in items:
            combo.addItem(text, value)
            combo.setItemData(combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        found = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(found, 0))

    def set_text(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self._schedule()

    def set_contract(self, contract_id: int | None) -> None:
        found = self.contract.findData(contract_id)
        self.contract.setCurrentIndex(max(found, 0))

    def set_status(self, status: Status) -> None:
        self.status.setCurrentIndex(max(self.status.findData(status), 0))

    def reset(self) -> None:
        self._updating = True
        try:
            for combo in (self.status, self.contract, self.party, self.owner, self.kind):
                combo.setCurrentIndex(0)
            self.due.setValue(0)
        finally:
            self._updating = False
        self._emit()

    def current(self) -> ObligationFilter:
        return replace(
            ObligationFilter(),
            status=self.status.currentData() or Status.ACTIVE,
            contract_id=self.contract.currentData(),
            party=self.party.currentData(),
            owner=self.owner.currentData(),
            kind=self.kind.currentData(),
            due_within_days=self.due.value() or None,
            text=self._text,
        )

    def _schedule(self) -> None:
        if not self._updating:
            self._debounce.start()

    def _emit(self) -> None:
        self._debounce.stop()
        self.changed.emit(self.current())
