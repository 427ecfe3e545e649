"""The contract's facts at the top of the review screen; saving recomputes every date counted from them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QLineEdit, QPushButton, QWidget

from obligations.services.screens import ContractView
from ui.dialogs.fields import OptionalDateEdit, calendar_combo, select_data


class ContractFactsBox(QGroupBox):
    saveRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Contract"), parent)
        self.contract_title = QLineEdit(self)
        self.counterparty = QLineEdit(self)
        self.signing = OptionalDateEdit(self)
        self.effective = OptionalDateEdit(self)
        self.expiry = OptionalDateEdit(self)
        self.calendar = calendar_combo(self)
        self.save = QPushButton(self.tr("Save contract facts"), self)
        self.save.setToolTip(self.tr("Saving recomputes every due date counted from these dates"))
        self.save.clicked.connect(self.saveRequested)
        grid = QGridLayout(self)
        cells: list[tuple[str, QWidget]] = [
            (self.tr("&Title:"), self.contract_title),
            (self.tr("Counter&party:"), self.counterparty),
            (self.tr("Calendar:"), self.calendar),
            (self.tr("Signed:"), self.signing),
            (self.tr("Effective:"), self.effective),
            (self.tr("Expires:"), self.expiry),
        ]
        for i, (text, widget) in enumerate(cells):
            label = QLabel(text, self)
            label.setBuddy(widget)
            grid.addWidget(label, i // 3, (i % 3) * 2)
            grid.addWidget(widget, i // 3, (i % 3) * 2 + 1)
        grid.addWidget(self.save, 0, 6, 2, 1)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        self._version: int | None = None
        self._contract_id: int | None = None

    @property
    def contract_id(self) -> int | None:
        return self._contract_id

    @property
    def version(self) -> int | None:
        return self._version

    def set_contract(self, contract: ContractView) -> None:
        self._contract_id, self._version = contract.id, contract.version
        self.contract_title.setText(contract.title)
        self.counterparty.setText(contract.counterparty or "")
        self.signing.set_value(contract.signing_date)
        self.effective.set_value(contract.effective_date)
        self.expiry.set_value(contract.expiry_date)
        select_data(self.calendar, contract.calendar)

    def facts(self) -> dict[str, Any]:
        return {
            "title": self.contract_title.text().strip(),
            "counterparty": self.counterparty.text().strip() or None,
            "signing_date": self.signing.value(),
            "effective_date": self.effective.value(),
            "expiry_date": self.expiry.value(),
            "calendar": self.calendar.currentData(),
        }
