"""The due-date calculator: the engine that dates obligations, with its steps, for any anchor and period."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QTime, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from obligations.errors import KnownError
from obligations.model import Direction, Unit
from obligations.services import screens
from ui.context import AppContext
from ui.dialogs.fields import StepsView, calendar_combo, fill_combo, select_data
from ui.dialogs.labels import direction_label, due_text, unit_label


class CalculatorDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.calculation: screens.Calculation | None = None
        self.setWindowTitle(self.tr("Due-date calculator"))
        self.resize(640, 520)
        today = ctx.today()
        self.anchor_date = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.anchor_date.setCalendarPopup(True)
        self.anchor_date.setDisplayFormat("yyyy-MM-dd")
        self.anchor_time = QTimeEdit(QTime(9, 0), self)
        self.anchor_time.setDisplayFormat("HH:mm")
        self.anchor_time.setToolTip(self.tr("Used for periods in hours, which run from the stated time"))
        anchor = QHBoxLayout()
        anchor.addWidget(self.anchor_date, 2)
        anchor.addWidget(self.anchor_time, 1)
        self.amount = QSpinBox(self)
        self.amount.setRange(0, 100000)
        self.amount.setValue(15)
        self.unit = QComboBox(self)
        fill_combo(self.unit, [(u.value, unit_label(u)) for u in Unit])
        self.direction = QComboBox(self)
        fill_combo(self.direction, [(d.value, direction_label(d)) for d in (Direction.AFTER, Direction.BEFORE)])
        self.calendar = calendar_combo(self)
        self.include_start = QCheckBox(self.tr("The anchor day counts as day one (含当日)"), self)

        self.due = QLabel(self)
        self.due.setObjectName("calcDue")
        font = self.due.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.due.setFont(font)
        self.strict = QLabel(self)
        self.provisional = QLabel(self)
        self.provisional.setWordWrap(True)
        self.provisional.setStyleSheet("color: #a05a00;")
        self.steps = StepsView(self)

        form = QFormLayout()
        anchor_label = QLabel(self.tr("&Anchor (date, time):"), self)
        anchor_label.setBuddy(self.anchor_date)
        form.addRow(anchor_label, anchor)
        form.addRow(self.tr("&Period:"), self.amount)
        form.addRow(self.tr("&Unit:"), self.unit)
        form.addRow(self.tr("&Direction:"), self.direction)
        form.addRow(self.tr("Ca&lendar:"), self.calendar)
        form.addRow("", self.include_start)
        result = QGroupBox(self.tr("Result"), self)
        result_form = QFormLayout(result)
        result_form.addRow(self.tr("Due:"), self.due)
        result_form.addRow(self.tr("Strict date:"), self.strict)
        result_form.addRow(self.provisional)
        result_form.addRow(self.tr("Steps:"), self.steps)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(result, 1)
        layout.addWidget(buttons)

        inputs = [self.anchor_date, self.anchor_time, self.amount, self.unit, self.direction, self.calendar]
        for first, second in zip(inputs, [*inputs[1:], self.include_start], strict=True):
            QWidget.setTabOrder(first, second)
        self.anchor_date.dateChanged.connect(self.compute)
        self.anchor_time.timeChanged.connect(self.compute)
        self.amount.valueChanged.connect(self.compute)
        for combo in (self.unit, self.direction, self.calendar):
            combo.currentIndexChanged.connect(self.compute)
        self.include_start.toggled.connect(self.compute)
        self.compute()

    def set_inputs(
        self,
        anchor: dt.date | dt.datetime,
        amount: int,
        unit: Unit,
        direction: Direction,
        calendar: str = "CN",
    ) -> None:
        """Fill the form (and compute), e.g. from an obligation's rule."""
        day = anchor.date() if isinstance(anchor, dt.datetime) else anchor
        self.anchor_date.setDate(QDate(day.year, day.month, day.day))
        if isinstance(anchor, dt.datetime):
            self.anchor_time.setTime(QTime(anchor.hour, anchor.minute))
        self.amount.setValue(amount)
        select_data(self.unit, unit.value)
        select_data(self.direction, direction.value)
        select_data(self.calendar, calendar)
        self.compute()

    @Slot()
    def compute(self) -> None:
        unit = Unit(self.unit.currentData())
        self.anchor_time.setEnabled(unit == Unit.HOUR)
        day: dt.date = self.anchor_date.date().toPython()  # type: ignore[assignment]
        anchor: dt.date | dt.datetime = day
        if unit == Unit.HOUR:
            anchor = dt.datetime.combine(day, self.anchor_time.time().toPython())  # type: ignore[arg-type]
        self.steps.clear()
        try:
            self.calculation = screens.calculate(
                anchor,
                amount=self.amount.value(),
                unit=unit,
                direction=Direction(self.direction.currentData()),
                calendar=self.calendar.currentData(),
                include_start_day=self.include_start.isChecked(),
            )
        except KnownError as exc:
            self.calculation = None
            self.due.setText("—")
            self.strict.setText("")
            self.provisional.setText(str(exc))
            return
        result = self.calculation
        self.due.setText(due_text(result.due_date, result.due_at))
        self.strict.setText(due_text(result.strict_date, result.strict_at))
        self.provisional.setText(
            self.tr("Provisional: a year consulted has no published holiday schedule yet; load it when it is out.")
            if result.provisional
            else ""
        )
        self.steps.set_steps(result.steps)
