"""Form pieces shared by the review screen and the dialogs: optional dates, a due-rule editor, obligation fields."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from PySide6.QtCore import QDate, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QTextBrowser,
    QWidget,
)

from obligations.calendars import JURISDICTIONS
from obligations.errors import KnownError
from obligations.model import AnchorType, Direction, DueRule, Kind, Period, Recurrence, Unit
from ui.dialogs.labels import (
    anchor_label,
    direction_label,
    kind_label,
    prefers_chinese,
    recurrence_label,
    step_text,
    unit_label,
)

NO_DATE = QDate(1900, 1, 1)


class OptionalDateEdit(QDateEdit):
    """A date edit that can also say "no date": its minimum shows as "—" and means None."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText("—")
        self.set_value(None)

    def value(self) -> dt.date | None:
        date = self.date()
        return None if date == NO_DATE else dt.date(date.year(), date.month(), date.day())

    def set_value(self, day: dt.date | None) -> None:
        self.setDate(QDate(day.year, day.month, day.day) if day else NO_DATE)


def fill_combo(combo: QComboBox, items: list[tuple[str, str]]) -> None:
    """(value, label) pairs; the value is kept as item data."""
    combo.clear()
    for value, label in items:
        combo.addItem(label, value)


def select_data(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


def calendar_combo(parent: QWidget | None = None) -> QComboBox:
    combo = QComboBox(parent)
    zh = prefers_chinese()
    fill_combo(combo, [(code, f"{code} — {j.name_zh if zh else j.name}") for code, j in JURISDICTIONS.items()])
    return combo


def show_known_error(parent: QWidget, title: str, error: KnownError | str) -> QMessageBox:
    """The environment's (or another user's) fault: a plain message the user can act on.

    Opened window-modal without a nested event loop (`open`, not `exec`), so nothing waits on it.
    """
    box = QMessageBox(QMessageBox.Icon.Warning, title, str(error), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("knownError")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


class StepsView(QTextBrowser):
    """The steps from anchor to due date as a numbered list, wrapped and selectable (never elided)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self._texts: list[str] = []

    def set_steps(self, steps: list[Any]) -> None:
        self._texts = [step_text(step) for step in steps]
        items = "".join(f"<li>{html.escape(text)}</li>" for text in self._texts)
        self.setHtml(f"<ol style='margin-left: 0px'>{items}</ol>" if items else "")

    def texts(self) -> list[str]:
        return list(self._texts)

    def count(self) -> int:
        return len(self._texts)


class RuleEditor(QWidget):
    """Edits a DueRule: a period before/after a trigger (optionally recurring), or a fixed date."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.direction = QComboBox(self)
        fill_combo(self.direction, [(d.value, direction_label(d)) for d in Direction])
        self.amount = QDoubleSpinBox(self)
        self.amount.setDecimals(0)
        self.amount.setRange(0, 100000)
        self.amount.setSpecialValueText(self.tr("____ (blank)"))  # 0: the contract left the number blank
        self.unit = QComboBox(self)
        fill_combo(self.unit, [(u.value, unit_label(u)) for u in Unit])
        self.anchor_type = QComboBox(self)
        fill_combo(self.anchor_type, [(a.value, anchor_label(a)) for a in AnchorType])
        self.anchor_text = QLineEdit(self)
        self.anchor_text.setPlaceholderText(self.tr("the trigger as the contract names it, e.g. receipt of invoice"))
        self.recurrence = QComboBox(self)
        fill_combo(
            self.recurrence, [("", recurrence_label(None))] + [(r.value, recurrence_label(r)) for r in Recurrence]
        )
        self.fixed_date = OptionalDateEdit(self)
        self.include_start = QCheckBox(self.tr("The trigger day counts as day one"), self)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Period:"), self.amount)
        form.addRow(self.tr("Unit:"), self.unit)
        form.addRow(self.tr("Direction:"), self.direction)
        form.addRow(self.tr("Trigger:"), self.anchor_type)
        form.addRow(self.tr("Trigger label:"), self.anchor_text)
        form.addRow(self.tr("Recurrence:"), self.recurrence)
        form.addRow(self.tr("Fixed date:"), self.fixed_date)
        form.addRow("", self.include_start)
        for combo in (self.direction, self.unit, self.anchor_type, self.recurrence):
            combo.currentIndexChanged.connect(self._changed)
        self.amount.valueChanged.connect(self._changed)
        self.anchor_text.textEdited.connect(self._changed)
        self.fixed_date.dateChanged.connect(self._changed)
        self.include_start.toggled.connect(self._changed)
        self._update_enabled()

    def _changed(self) -> None:
        self._update_enabled()
        self.changed.emit()

    def _update_enabled(self) -> None:
        fixed = self.direction.currentData() == Direction.BY
        self.fixed_date.setEnabled(fixed)
        for widget in (self.amount, self.unit, self.anchor_type, self.anchor_text, self.recurrence):
            widget.setEnabled(not fixed)

    def set_rule(self, rule: DueRule) -> None:
        blockers = [QSignalBlocker(w) for w in self._inputs()]
        select_data(self.direction, rule.direction.value)
        # 0 shows the blank marker: a template blank ("____日内") waits for the lawyer's number
        self.amount.setValue(rule.period.value or 0 if rule.period else 0)
        select_data(self.unit, rule.period.unit.value if rule.period else Unit.DAY.value)
        select_data(self.anchor_type, rule.anchor_type.value)
        self.anchor_text.setText(rule.anchor_label or "")
        select_data(self.recurrence, rule.recurrence.value if rule.recurrence else "")
        self.fixed_date.set_value(rule.fixed_date)
        self.include_start.setChecked(rule.include_start_day)
        self._recurrence_day = rule.recurrence_day
        self._roll = rule.roll  # "自然日" and similar wording: kept, the form does not show it
        del blockers
        self._update_enabled()

    def _inputs(self) -> list[QWidget]:
        return [
            self.direction,
            self.amount,
            self.unit,
            self.anchor_type,
            self.anchor_text,
            self.recurrence,
            self.fixed_date,
            self.include_start,
        ]

    def rule(self) -> DueRule:
        direction = Direction(self.direction.currentData())
        if direction == Direction.BY:
            if self.fixed_date.value() is None:
                raise KnownError(self.tr("a rule 'by a fixed date' needs the date"))
            return DueRule(direction=direction, anchor_type=AnchorType.ABSOLUTE, fixed_date=self.fixed_date.value())
        recurrence = self.recurrence.currentData()
        return DueRule(
            direction=direction,
            anchor_type=AnchorType(self.anchor_type.currentData()),
            period=Period(self.amount.value() or None, Unit(self.unit.currentData())),
            recurrence=Recurrence(recurrence) if recurrence else None,
            recurrence_day=getattr(self, "_recurrence_day", None) if recurrence else None,
            anchor_label=self.anchor_text.text().strip() or None,
            include_start_day=self.include_start.isChecked(),
            roll=getattr(self, "_roll", None),
        )


def parse_lead_times(text: str) -> list[int]:
    """ "30, 7, 1" → [30, 7, 1] (days before the due date to remind)."""
    values = []
    for part in text.replace("，", ",").replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if not part.isdigit():
            raise ValueError(part)
        values.append(int(part))
    return sorted(set(values), reverse=True)


class ObligationFields(QWidget):
    """Who does what, its kind, owner and reminder lead times."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.party = QLineEdit(self)
        self.action = QLineEdit(self)
        self.kind = QComboBox(self)
        fill_combo(self.kind, [(k.value, kind_label(k)) for k in Kind])
        self.owner = QLineEdit(self)
        self.owner.setPlaceholderText(self.tr("who in our team handles it"))
        self.lead_times = QLineEdit(self)
        self.lead_times.setPlaceholderText(self.tr("days before, e.g. 30, 7, 1"))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Party:"), self.party)
        form.addRow(self.tr("Action:"), self.action)
        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow(self.tr("Owner:"), self.owner)
        form.addRow(self.tr("Remind (days before):"), self.lead_times)
        for edit in (self.party, self.action, self.owner, self.lead_times):
            edit.textEdited.connect(self.changed)
        self.kind.currentIndexChanged.connect(self.changed)

    def set_values(
        self, *, party: str | None, action: str | None, kind: str, owner: str | None, lead_times: list[int]
    ) -> None:
        blockers = [QSignalBlocker(w) for w in (self.party, self.action, self.kind, self.owner, self.lead_times)]
        self.party.setText(party or "")
        self.action.setText(action or "")
        select_data(self.kind, kind)
        self.owner.setText(owner or "")
        self.lead_times.setText(", ".join(str(n) for n in lead_times))
        del blockers

    def values(self) -> dict[str, Any]:
        return {
            "party": self.party.text().strip() or None,
            "action": self.action.text().strip() or None,
            "kind": self.kind.currentData(),
            "owner": self.owner.text().strip() or None,
            "lead_times": self._lead_times(),
        }

    def _lead_times(self) -> list[int]:
        try:
            return parse_lead_times(self.lead_times.text())
        except ValueError:
            raise KnownError(self.tr("lead times are whole numbers of days, separated by commas")) from None
