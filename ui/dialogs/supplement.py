"""Entering a supplementary agreement (补充协议) by hand: what it adds, changes and ends, saved in one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from obligations.errors import KnownError
from obligations.model import AnchorType, Direction, DueRule
from obligations.services import amendments, screens
from obligations.services.amendments import NewObligation, Replacement, Supplement
from obligations.services.screens import ObligationView
from ui.context import AppContext
from ui.dialogs.fields import ObligationFields, OptionalDateEdit, RuleEditor, show_known_error
from ui.dialogs.labels import date_text, rule_summary
from ui.dialogs.models import HistoryModel
from ui.dialogs.writes import write

ADD, MODIFY, END, FACTS = range(4)


@dataclass(frozen=True)
class Change:
    """One line of the list: what it says, and what it becomes in the Supplement."""

    text: str
    kind: int
    payload: Any


class SupplementDialog(QDialog):
    def __init__(self, ctx: AppContext, contract_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.contract_id = contract_id
        self.changes: list[Change] = []
        self.saved_agreement_id: int | None = None
        self.resize(980, 760)
        with ctx.db.reader() as session:
            self.contract = screens.contract_view(session, contract_id)
            self.live: list[ObligationView] = screens.live_obligations(session, contract_id, today=ctx.today())
            history = screens.contract_history(session, contract_id)
        self.setWindowTitle(self.tr("Supplementary agreement — %1").replace("%1", self.contract.title))
        tabs = QTabWidget(self)
        tabs.addTab(self._build_agreement(), self.tr("&Supplementary agreement"))
        self.history_model = HistoryModel(self)
        self.history_model.set_rows(list(reversed(history)))
        self.history_view = QTableView(self)
        self.history_view.setModel(self.history_model)
        self.history_view.verticalHeader().hide()
        self.history_view.setWordWrap(False)
        header = self.history_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)  # the change itself; in full as tooltip
        tabs.addTab(self.history_view, self.tr("Contract &history"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(self.buttons)
        for button in (self.remove_button, self.add_change_button):
            button.setAutoDefault(False)

    # ---- layout -------------------------------------------------------------------------------------------
    def _build_agreement(self) -> QWidget:
        page = QWidget(self)
        self.title = QLineEdit(page)
        self.title.setPlaceholderText(self.tr("e.g. 补充协议（一）"))
        self.signing = OptionalDateEdit(page)
        self.effective = OptionalDateEdit(page)
        self.effective.set_value(self.ctx.today())
        self.text = QPlainTextEdit(page)
        self.text.setPlaceholderText(
            self.tr("Paste the supplementary agreement's text here (optional, kept for reference)")
        )
        self.text.setMaximumHeight(110)
        head = QFormLayout()
        head.addRow(self.tr("&Title:"), self.title)
        head.addRow(self.tr("Si&gned:"), self.signing)
        head.addRow(self.tr("&Effective from:"), self.effective)
        head.addRow(self.tr("Te&xt:"), self.text)

        self.change_list = QListWidget(page)
        self.remove_button = QPushButton(self.tr("Re&move change"), page)
        self.remove_button.clicked.connect(self.remove_change)
        changes = QGroupBox(self.tr("What it changes (saved together, all or nothing)"), page)
        changes_layout = QVBoxLayout(changes)
        changes_layout.addWidget(self.change_list)
        changes_layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)

        layout = QVBoxLayout(page)
        layout.addLayout(head)
        layout.addWidget(changes, 1)
        layout.addWidget(self._build_editor(page), 2)
        return page

    def _build_editor(self, page: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("New change"), page)
        self.change_kind = QComboBox(box)
        self.change_kind.addItems(
            [
                self.tr("Add an obligation"),
                self.tr("Change an obligation (from the effective date)"),
                self.tr("End an obligation"),
                self.tr("Change contract facts"),
            ]
        )
        self.target = QComboBox(box)
        for view in self.live:
            who = " ".join(x for x in (view.party, view.action) if x) or f"#{view.id}"
            self.target.addItem(f"#{view.id} {who} — {rule_summary(view.rule)}", view.id)
        self.target_label = QLabel(self.tr("&Obligation:"), box)
        self.target_label.setBuddy(self.target)
        self.fields = ObligationFields(box)
        self.rule = RuleEditor(box)
        obligation_page = QWidget(box)
        obligation_layout = QHBoxLayout(obligation_page)
        obligation_layout.setContentsMargins(0, 0, 0, 0)
        obligation_layout.addWidget(self.fields, 1)
        obligation_layout.addWidget(self.rule, 1)
        self.new_expiry = OptionalDateEdit(box)
        self.new_expiry.set_value(self.contract.expiry_date)
        self.new_term = QLineEdit(self.contract.term or "", box)
        facts_page = QWidget(box)
        facts_form = QFormLayout(facts_page)
        facts_form.addRow(self.tr("New e&xpiry date:"), self.new_expiry)
        facts_form.addRow(self.tr("New te&rm:"), self.new_term)
        self.stack = QStackedWidget(box)
        self.stack.addWidget(obligation_page)
        self.stack.addWidget(QWidget(box))  # ending needs nothing but the obligation
        self.stack.addWidget(facts_page)
        self.add_change_button = QPushButton(self.tr("A&dd to changes"), box)
        self.add_change_button.clicked.connect(self.add_change)
        top = QHBoxLayout()
        top.addWidget(self.change_kind)
        top.addWidget(self.target_label)
        top.addWidget(self.target, 1)
        layout = QVBoxLayout(box)
        layout.addLayout(top)
        layout.addWidget(self.stack)
        layout.addWidget(self.add_change_button, 0, Qt.AlignmentFlag.AlignRight)
        self.change_kind.currentIndexChanged.connect(self._kind_changed)
        self.target.currentIndexChanged.connect(lambda _i: self._load_target())
        self._kind_changed(ADD)
        return box

    def _kind_changed(self, kind: int) -> None:
        self.stack.setCurrentIndex({ADD: 0, MODIFY: 0, END: 1, FACTS: 2}[kind])
        needs_target = kind in (MODIFY, END)
        self.target.setVisible(needs_target)
        self.target_label.setVisible(needs_target)
        if kind == MODIFY:
            self._load_target()
        elif kind == ADD:
            self.fields.set_values(party=None, action=None, kind="other", owner=None, lead_times=[])
            self.rule.set_rule(DueRule(direction=Direction.AFTER, anchor_type=AnchorType.EFFECTIVE))

    def _target(self) -> ObligationView | None:
        chosen = self.target.currentData()
        return next((v for v in self.live if v.id == chosen), None)

    def _load_target(self) -> None:
        view = self._target()
        if view is not None and self.change_kind.currentIndex() == MODIFY:
            self.fields.set_values(
                party=view.party, action=view.action, kind=view.kind, owner=view.owner, lead_times=view.lead_times
            )
            self.rule.set_rule(view.rule)

    # ---- changes ------------------------------------------------------------------------------------------
    @Slot()
    def add_change(self) -> None:
        try:
            change = self._change()
        except KnownError as exc:
            show_known_error(self, self.tr("Supplementary agreement"), exc)
            return
        if change is not None:
            self.changes.append(change)
            self.change_list.addItem(change.text)

    def _change(self) -> Change | None:
        kind = self.change_kind.currentIndex()
        if kind == FACTS:
            facts: dict[str, Any] = {}
            if self.new_expiry.value() != self.contract.expiry_date:
                facts["expiry_date"] = self.new_expiry.value()
            if (self.new_term.text().strip() or None) != self.contract.term:
                facts["term"] = self.new_term.text().strip() or None
            if not facts:
                raise KnownError(self.tr("Nothing changed in the contract facts."))
            parts = []
            if "expiry_date" in facts:
                parts.append(self.tr("expires %1").replace("%1", date_text(facts["expiry_date"])))
            if "term" in facts:
                parts.append(self.tr("term %1").replace("%1", facts["term"] or "—"))
            return Change(self.tr("Contract facts → %1").replace("%1", "; ".join(parts)), FACTS, facts)
        if kind == ADD:
            rule, values = self.rule.rule(), self.fields.values()
            label = " ".join(x for x in (values["party"], values["action"]) if x)
            return Change(
                self.tr("Add: %1 — %2").replace("%1", label).replace("%2", rule_summary(rule)),
                ADD,
                NewObligation(rule, values),
            )
        view = self._target()
        if view is None:
            raise KnownError(self.tr("This contract has no confirmed obligation to change or end."))
        if kind == END:
            return Change(self.tr("End: #%1").replace("%1", str(view.id)), END, view.id)
        rule, values = self.rule.rule(), self.fields.values()
        before: dict[str, Any] = {"party": view.party, "action": view.action, "kind": view.kind}
        before.update(owner=view.owner, lead_times=view.lead_times)
        changed = {k: v for k, v in values.items() if v != before.get(k)}
        new_rule = rule if rule != view.rule else None
        if new_rule is None and not changed:
            raise KnownError(self.tr("Nothing changed in this obligation."))
        text = self.tr("Change #%1: %2 → %3").replace("%1", str(view.id))
        text = text.replace("%2", rule_summary(view.rule)).replace("%3", rule_summary(rule))
        return Change(text, MODIFY, Replacement(view.id, new_rule, changed))

    @Slot()
    def remove_change(self) -> None:
        row = self.change_list.currentRow()
        if 0 <= row < len(self.changes):
            del self.changes[row]
            self.change_list.takeItem(row)

    def supplement(self) -> Supplement:
        title = self.title.text().strip()
        effective = self.effective.value()
        if not title:
            raise KnownError(self.tr("Give the supplementary agreement a title."))
        if effective is None:
            raise KnownError(self.tr("Say from when the supplementary agreement takes effect."))
        if not self.changes:
            raise KnownError(self.tr("Add at least one change (an obligation added, changed or ended, or new facts)."))
        facts: dict[str, Any] = {}
        for change in self.changes:
            if change.kind == FACTS:
                facts.update(change.payload)
        return Supplement(
            title=title,
            effective_date=effective,
            signing_date=self.signing.value(),
            text=self.text.toPlainText(),
            add=[c.payload for c in self.changes if c.kind == ADD],
            replace=[c.payload for c in self.changes if c.kind == MODIFY],
            end=[c.payload for c in self.changes if c.kind == END],
            facts=facts,
        )

    @Slot()
    def save(self) -> None:
        try:
            supplement = self.supplement()
        except KnownError as exc:
            show_known_error(self, self.tr("Supplementary agreement"), exc)
            return
        today = self.ctx.today()
        agreement_id = write(
            self.ctx,
            self,
            self.tr("Supplementary agreement"),
            lambda s: amendments.add_supplement(s, self.contract_id, supplement, today=today).id,
        )
        if agreement_id is not None:
            self.saved_agreement_id = agreement_id
            self.accept()
