"""The review screen: the lawyer reads each extracted obligation against the text and confirms, edits or rejects it.

Keyboard: J/K (or Down/Up in the list) next/previous, C or Ctrl+Enter confirm, R or Delete reject, E edit,
Ctrl+S save edits, Ctrl+N add an obligation from the text selected in the document, O (or double-click) open it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from sqlalchemy.orm import Session

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from obligations.errors import KnownError
from obligations.model import AnchorType, Direction, ReviewState
from obligations.paths import documents_dir
from obligations.services import review, screens
from obligations.services.screens import AgreementView, ObligationView
from ui.context import AppContext
from ui.dialogs.fields import ObligationFields, RuleEditor, StepsView, show_known_error
from ui.dialogs.labels import date_text, due_text
from ui.dialogs.writes import write
from ui.review.document import DocumentView, Highlight, PdfPageView, page_of
from ui.review.facts import ContractFactsBox
from ui.review.model import CandidateModel
from ui.tasks import in_turns
from ui.widgets.lazy import ReloadWhenShown


class ReviewPage(ReloadWhenShown, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._agreement: AgreementView | None = None
        self._agreement_id: int | None = None
        self._dirty = False
        self._form_id: int | None = None  # whose values the form holds, loaded at which version
        self._form_version: int | None = None
        self._shown_id: int | None = None
        self._writing = False
        self._build()
        self._connect()
        ctx.events.review_agreement.connect(self.show_agreement)
        ctx.events.review_prepared.connect(self.show_prepared)
        ctx.events.changed.connect(self.request_reload)
        self.request_reload()

    # ---- layout -------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.agreements = QComboBox(self)
        self.agreements.setMinimumContentsLength(30)
        self.agreements.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        picker = QLabel(self.tr("&Agreement:"), self)
        picker.setBuddy(self.agreements)
        self.notice = QLabel(
            self.tr(
                "Only confirmed obligations drive reminders. Proposed ones (amber) are the extractor's reading "
                "of the text: check each against the clause, then confirm, edit or reject it."
            ),
            self,
        )
        self.notice.setWordWrap(True)
        self.notice.setObjectName("reviewNotice")
        self.notice.setStyleSheet("#reviewNotice { background: #fff4d6; border: 1px solid #e8c66a; padding: 4px; }")
        self.scan_warning = QLabel(self)
        self.scan_warning.setWordWrap(True)
        self.scan_warning.setObjectName("scanWarning")
        self.scan_warning.setStyleSheet(
            "#scanWarning { background: #fde2e1; border: 1px solid #e0a0a0; padding: 4px; }"
        )
        self.scan_warning.hide()
        self.facts = ContractFactsBox(self)

        self.document = DocumentView(self)
        self.pdf = PdfPageView(self)
        self.doc_tabs = QTabWidget(self)
        self.doc_tabs.addTab(self.document, self.tr("Text"))
        self.doc_tabs.addTab(self.pdf, self.tr("Original page"))

        self.model = CandidateModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(CandidateModel.ACTION, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)

        self.fields = ObligationFields(self)
        self.rule = RuleEditor(self)
        editor = QGroupBox(self.tr("Obligation"), self)
        editor_layout = QHBoxLayout(editor)
        editor_layout.addWidget(self.fields, 1)
        editor_layout.addWidget(self.rule, 1)

        self.due = QLabel(self)
        self.due.setWordWrap(True)
        self.due.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.steps = StepsView(self)
        self.steps.setMaximumHeight(110)
        due_box = QGroupBox(self.tr("Due date"), self)
        due_layout = QVBoxLayout(due_box)
        due_layout.addWidget(self.due)
        due_layout.addWidget(self.steps)

        self.confirm_button = QPushButton(self.tr("&Confirm (C)"), self)
        self.reject_button = QPushButton(self.tr("&Reject (R)"), self)
        self.save_button = QPushButton(self.tr("&Save edits (Ctrl+S)"), self)
        self.add_button = QPushButton(self.tr("&Add obligation from selection (Ctrl+N)"), self)
        self.add_button.setToolTip(
            self.tr("Select the clause in the text, then add the obligation the extractor missed")
        )
        buttons = QHBoxLayout()
        for button in (self.confirm_button, self.reject_button, self.save_button, self.add_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.table.setMinimumHeight(150)  # the candidate list is what the lawyer walks through: never squeeze it
        right_layout.addWidget(self.table, 1)
        right_layout.addWidget(editor)
        right_layout.addWidget(due_box)
        right_layout.addLayout(buttons)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.doc_tabs)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setSizes([450, 550])

        top = QHBoxLayout()
        top.addWidget(picker)
        top.addWidget(self.agreements, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.scan_warning)
        layout.addWidget(self.facts)
        layout.addWidget(self.splitter, 1)

        order: list[QWidget] = [
            self.agreements,
            self.facts.contract_title,
            self.facts.counterparty,
            self.facts.calendar,
            self.facts.signing,
        ]
        order += [self.facts.effective, self.facts.expiry, self.facts.save, self.table, self.fields.party]
        order += [self.fields.action, self.fields.kind, self.fields.owner, self.fields.lead_times]
        order += [self.rule.amount, self.rule.unit, self.rule.direction, self.rule.anchor_type, self.rule.anchor_text]
        order += [self.rule.recurrence, self.rule.fixed_date, self.rule.include_start, self.confirm_button]
        order += [self.reject_button, self.save_button, self.add_button, self.doc_tabs, self.document]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        self._update_buttons()

    def _connect(self) -> None:
        self.agreements.activated.connect(self._picked)
        self.facts.saveRequested.connect(self.save_facts)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.document.spanClicked.connect(self.select_obligation)
        self.fields.changed.connect(self._edited)
        self.rule.changed.connect(self._edited)
        self.confirm_button.clicked.connect(self.confirm)
        self.reject_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.save_edits)
        self.add_button.clicked.connect(self.add_from_selection)
        browse = (self.table, self.doc_tabs)  # single letters only where nothing is being typed
        self._shortcut(("J",), self.next, browse)
        self._shortcut(("K",), self.previous, browse)
        self._shortcut(("C",), self.confirm, browse)
        self._shortcut(("R", "Delete"), self.reject, browse)
        self._shortcut(("E",), self.edit, browse)
        self._shortcut(("O",), self.open_current, browse)
        self.table.doubleClicked.connect(lambda _index: self.open_current())
        self._shortcut(("Ctrl+Return", "Ctrl+Enter"), self.confirm, (self,))
        self._shortcut(("Ctrl+S",), self.save_edits, (self,))
        self._shortcut(("Ctrl+N",), self.add_from_selection, (self,))

    def _shortcut(self, keys: tuple[str, ...], slot: Callable[[], None], owners: tuple[QWidget, ...]) -> None:
        for owner in owners:
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), owner)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(slot)

    # ---- loading ------------------------------------------------------------------------------------------
    @Slot(int)
    def show_agreement(self, agreement_id: int) -> None:
        self._agreement_id = agreement_id
        self._dirty = False
        self._stale = False  # loaded now: a reload requested by the same change would show the same again
        self._reload_agreements()
        self._load(select=None)

    @Slot()
    def reload(self) -> None:
        if self._writing:
            return
        self._reload_agreements()
        if self._agreement_id is None and self.agreements.count():
            self._agreement_id = self.agreements.itemData(0)
        self._load(select=self.current_id())

    @Slot(object)
    def show_prepared(self, screen: screens.ReviewScreen) -> None:
        """An agreement read off the GUI thread (as an import ends): shown without asking the database again.

        In three steps (`in_turns`): the page, emptied, as the window switches to it; the obligations; the
        agreement's text and their highlights. All in one, the window stopped answering for ~45 ms as a 200-page
        import ended; in steps, ~30 ms (benchmarks/FINDINGS.md)."""
        self._agreement_id = screen.agreement.id
        self._dirty = False
        self._stale = False  # a reload requested by the same change would show what is shown now
        self._agreement = None
        self.model.set_rows([])
        self.document.set_text("")
        in_turns(lambda: self._show_screen(screen))

    def _show_screen(self, screen: screens.ReviewScreen) -> None:
        if self._agreement_id != screen.agreement.id or self._agreement is not None:
            return  # another agreement, or this one from the database, was shown meanwhile
        self._fill_agreements(screen.choices)
        self._show(screen.contract, screen.agreement, screen.obligations, select=None, text_next_turn=True)

    def _reload_agreements(self) -> None:
        with self.ctx.db.reader() as session:
            choices = screens.agreements_to_review(session, include=self._agreement_id)
        self._fill_agreements(choices)

    def _fill_agreements(self, choices: list[screens.AgreementChoice]) -> None:
        self.agreements.blockSignals(True)
        self.agreements.clear()
        for choice in choices:
            text = f"{choice.contract_title} — {choice.agreement_title}"
            if choice.agreement_title == choice.contract_title:
                text = choice.contract_title
            if choice.proposed:
                text += " " + self.tr("(%n to review)", "", choice.proposed)
            self.agreements.addItem(text, choice.agreement_id)
        if self._agreement_id is not None:
            self.agreements.setCurrentIndex(max(0, self.agreements.findData(self._agreement_id)))
        self.agreements.blockSignals(False)

    def _picked(self, index: int) -> None:
        agreement_id = self.agreements.itemData(index)
        if agreement_id is not None and agreement_id != self._agreement_id:
            self.show_agreement(agreement_id)

    def _load(self, select: int | None) -> None:
        if self._agreement_id is None:
            self.model.set_rows([])
            self.document.set_text("")
            self._update_buttons()
            return
        try:
            with self.ctx.db.reader() as session:
                contract, agreement, rows = screens.review_data(session, self._agreement_id, today=self.ctx.today())
        except KnownError as exc:  # deleted by someone else meanwhile
            self._agreement_id = None
            show_known_error(self, self.tr("Review"), exc)
            return
        self._show(contract, agreement, rows, select)

    def _show(
        self,
        contract: screens.ContractView,
        agreement: AgreementView,
        rows: list[ObligationView],
        select: int | None,
        *,
        text_next_turn: bool = False,
    ) -> None:
        self.facts.set_contract(contract)
        if self._agreement is None or self._agreement.id != agreement.id or self._agreement.text != agreement.text:
            self.document.set_text("" if text_next_turn else agreement.text)
            self._set_original(agreement)
            if text_next_turn:
                in_turns(lambda: self._show_text(agreement))
        self._agreement = agreement
        self._show_scan_warning(agreement)
        self.model.set_rows(rows)
        row = self.model.row_of(select) if select is not None else -1
        if row < 0:
            row = next((i for i, r in enumerate(rows) if r.review_state == ReviewState.PROPOSED), 0 if rows else -1)
        self._select_row(row)
        if row < 0:
            self._show_current(None)

    def _show_text(self, agreement: AgreementView) -> None:
        """The agreement's text, with the highlights and the current obligation shown in it, a turn after its
        table (`show_prepared`); nothing if another agreement, or this one's text, is showing by now."""
        if self._agreement is None or self._agreement.text != agreement.text or self.document.text == agreement.text:
            return
        self.document.set_text(agreement.text)
        self._shown_id = None  # so that the current obligation is scrolled to, now that its text is there
        self._show_current(self.current())

    def _show_scan_warning(self, agreement: AgreementView) -> None:
        doubtful = agreement.doubtful_pages()
        self.scan_warning.setVisible(bool(doubtful))
        if doubtful:
            pages = ", ".join(str(n) for n in doubtful)
            self.scan_warning.setText(
                self.tr(
                    "Scanned pages %1 were read with low OCR confidence: compare their text with the original "
                    "before confirming anything from them."
                ).replace("%1", pages)
            )

    def _set_original(self, agreement: AgreementView) -> None:
        if agreement.file_kind == "pdf" and agreement.stored_name:
            self.pdf.set_document(documents_dir() / agreement.stored_name, self.tr("The original file is missing."))
            self.doc_tabs.setTabEnabled(1, True)
        else:
            self.pdf.clear(self.tr("Only PDF originals are shown as pages."))
            self.doc_tabs.setTabEnabled(1, False)

    # ---- selection ----------------------------------------------------------------------------------------
    def current(self) -> ObligationView | None:
        return self.model.obligation(self.table.currentIndex().row())

    def current_id(self) -> int | None:
        view = self.current()
        return view.id if view else None

    def _select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.table.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)
            self._show_current(self.model.obligation(row))  # also when the row is already current (reload)

    @Slot(int)
    def select_obligation(self, obligation_id: int) -> None:
        self._select_row(self.model.row_of(obligation_id))

    @Slot()
    def next(self) -> None:
        self._select_row(min(self.table.currentIndex().row() + 1, self.model.rowCount() - 1))

    @Slot()
    def previous(self) -> None:
        self._select_row(max(self.table.currentIndex().row() - 1, 0))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_current(self.model.obligation(current.row()))

    def _show_current(self, view: ObligationView | None) -> None:
        """Show `view`; a form with unsaved edits of this same obligation is kept (a reload after someone else's
        write), and so is the version it was loaded from, so saving it is still checked against that."""
        keep = self._dirty and view is not None and view.id == self._form_id
        highlights = [
            Highlight(r.id, r.span_start, r.span_end, r.review_state)
            for r in self.model.rows()
            if r.span_start is not None and r.span_end is not None
        ]
        self.document.set_highlights(highlights, view.id if view else None)
        if view is not None and not keep:
            self._dirty = False
            self._form_id, self._form_version = view.id, view.version
            self.fields.set_values(
                party=view.party, action=view.action, kind=view.kind, owner=view.owner, lead_times=view.lead_times
            )
            self.rule.set_rule(view.rule)
        moved = view is not None and view.id != self._shown_id  # a reload leaves the reader's scroll alone
        self._shown_id = view.id if view else None
        if moved and view is not None and view.span_start is not None:
            self.document.reveal(view.span_start)
            if self._agreement is not None:
                self.pdf.show_page(page_of(self._agreement.page_starts, view.span_start), view.phrase)
        self._show_due(view)
        self._update_buttons()

    def _show_due(self, view: ObligationView | None) -> None:
        self.steps.clear()
        if view is None:
            self.due.setText("")
            return
        lines = []
        if view.next_due is None and view.rule.anchor_type == AnchorType.EVENT:
            lines.append(self.tr("No due date yet: it is dated when the triggering event is recorded (open it: O)."))
        elif view.next_due is None and not screens.is_dateable(view.rule):
            lines.append(self.tr("No due date: the rule is incomplete (a blank period or date). Complete it."))
        elif view.next_due is None:
            lines.append(self.tr("No due date in the next two years (or a contract date it counts from is missing)."))
        else:
            lines.append(self.tr("Due: %1").replace("%1", due_text(view.next_due, view.next_due_at)))
            if view.next_strict and view.next_strict != view.next_due:
                lines.append(self.tr("Strict date (before rolling): %1").replace("%1", date_text(view.next_strict)))
        if view.next_provisional:
            lines.append(self.tr("Provisional: the holiday schedule for a year counted over is not published yet."))
        if view.preview:
            lines.append(self.tr("Not scheduled: it drives no reminder until you confirm it."))
        if view.superseded:
            lines.append(
                self.tr("Replaced or ended from %1 by a supplementary agreement.").replace(
                    "%1", date_text(view.ends_on)
                )
            )
        self.due.setText("\n".join(lines))
        self.steps.set_steps(view.explanation)

    def _edited(self) -> None:
        self._dirty = True
        self._update_buttons()

    def _update_buttons(self) -> None:
        view = self.current()
        live = view is not None and not view.superseded
        self.confirm_button.setEnabled(live and (view.review_state != ReviewState.CONFIRMED or self._dirty))  # type: ignore[union-attr]
        self.reject_button.setEnabled(live and view.review_state != ReviewState.REJECTED)  # type: ignore[union-attr]
        self.save_button.setEnabled(live and self._dirty)
        self.add_button.setEnabled(self._agreement is not None)

    # ---- actions ------------------------------------------------------------------------------------------
    def _next_proposed_after(self, obligation_id: int) -> int | None:
        rows = self.model.rows()
        start = self.model.row_of(obligation_id)
        for view in rows[start + 1 :] + rows[:start]:
            if view.review_state == ReviewState.PROPOSED and not view.superseded:
                return view.id
        return obligation_id

    def _pending_edit(self, view: ObligationView, *, for_confirm: bool) -> dict[str, object] | None:
        """The edits in the form as service arguments (None if untouched); raises KnownError if incomplete."""
        rule = self.rule.rule() if self._dirty or for_confirm else view.rule
        if for_confirm and rule.direction != Direction.BY and (rule.period is None or not rule.period.value):
            raise KnownError(self.tr("Say how long the period is before confirming (the number is blank)."))
        if not self._dirty:
            return None
        return {"rule": rule, **self.fields.values()}

    @Slot()
    def confirm(self) -> None:
        view = self.current()
        if view is None or view.superseded:
            return
        try:
            edit = self._pending_edit(view, for_confirm=True)
        except KnownError as exc:
            show_known_error(self, self.tr("Confirm"), exc)
            return
        today, version = self.ctx.today(), self._form_version

        def work(session: Session) -> None:
            if edit is not None:
                review.edit_obligation(session, view.id, expected_version=version, today=today, **edit)  # type: ignore[arg-type]
            review.confirm(session, [view.id], today=today)

        self._after_write(self._next_proposed_after(view.id), self.tr("Confirm"), work)

    @Slot()
    def reject(self) -> None:
        view = self.current()
        if view is None or view.superseded or view.review_state == ReviewState.REJECTED:
            return
        today = self.ctx.today()
        self._after_write(
            self._next_proposed_after(view.id),
            self.tr("Reject"),
            lambda session: review.reject(session, [view.id], today=today),
        )

    @Slot()
    def open_current(self) -> None:
        """The obligation's own window (due dates, history, record its event), opened by the main window."""
        view = self.current()
        if view is not None:
            self.ctx.events.open_obligation.emit(view.id)

    @Slot()
    def edit(self) -> None:
        if self.current() is not None:
            self.fields.party.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.fields.party.selectAll()

    @Slot()
    def save_edits(self) -> None:
        view = self.current()
        if view is None or not self._dirty:
            return
        try:
            edit = self._pending_edit(view, for_confirm=False)
        except KnownError as exc:
            show_known_error(self, self.tr("Save edits"), exc)
            return
        today, version = self.ctx.today(), self._form_version
        self._after_write(
            view.id,
            self.tr("Save edits"),
            lambda s: review.edit_obligation(s, view.id, expected_version=version, today=today, **edit),  # type: ignore[arg-type]
        )

    @Slot()
    def add_from_selection(self) -> None:
        agreement = self._agreement
        span = self.document.selected_span()
        if agreement is None:
            return
        if span is None:
            show_known_error(
                self,
                self.tr("Add obligation"),
                self.tr("Select the clause in the document text first, then press Ctrl+N."),
            )
            return
        start, end, text = span
        rule, values = screens.draft_from_selection(text)
        today = self.ctx.today()
        new = write(
            self.ctx,
            self,
            self.tr("Add obligation"),
            lambda s: (
                review.add_obligation(
                    s,
                    agreement.contract_id,
                    rule,
                    agreement_id=agreement.id,
                    span=(start, end),
                    quote=text,
                    confirmed=False,
                    today=today,
                    **values,
                ).id
            ),
        )
        if new is not None:
            self.select_obligation(new)
            self.edit()

    @Slot()
    def save_facts(self) -> None:
        contract_id, version = self.facts.contract_id, self.facts.version
        facts = self.facts.facts()
        if contract_id is None:
            return
        if not facts["title"]:
            show_known_error(self, self.tr("Contract"), self.tr("The contract needs a title."))
            return
        today = self.ctx.today()
        self._after_write(
            self.current_id(),
            self.tr("Contract"),
            lambda s: review.edit_contract(s, contract_id, expected_version=version, today=today, **facts),
        )

    def _after_write(self, select: int | None, title: str, work: Callable[[Session], object]) -> None:
        """Write, then reload once onto the row the lawyer goes on with; on a refusal keep the form as typed."""
        self._writing = True  # our own `changed` broadcast: reload below, onto the row we want
        try:
            done = write(self.ctx, self, title, lambda session: (work(session), True)[1])
        finally:
            self._writing = False
        if done:
            self._dirty = False
            self._reload_agreements()
            self._load(select=select)
