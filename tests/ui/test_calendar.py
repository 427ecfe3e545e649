"""The calendar screen and the obligation dialog: what is due shows on its day, and acting on it is recorded."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox

from obligations.model import AnchorType, Direction, DueRule, Period, Unit
from obligations.services import review, screens
from obligations.services.screens import DueState
from obligations.store import Database
from obligations.store.tables import Agreement, Contract, Occurrence, TriggerEvent
from ui.calendar import CalendarPage
from ui.calendar.model import AgendaModel
from ui.context import AppContext
from ui.dialogs import ObligationDialog
from ui.dialogs.models import HistoryModel, OccurrenceModel

TODAY = dt.date(2026, 3, 2)  # a Monday


def seed(db: Database) -> dict[str, int]:
    """Confirmed obligations in every state the calendar colours, plus a proposed one it must not show."""
    rules = {
        "overdue": DueRule(Direction.BY, AnchorType.ABSOLUTE, fixed_date=dt.date(2026, 2, 27)),
        "soon": DueRule(Direction.AFTER, AnchorType.EFFECTIVE, Period(15, Unit.DAY)),  # 03-01 + 15 = 03-16
        "later": DueRule(Direction.BY, AnchorType.ABSOLUTE, fixed_date=dt.date(2026, 6, 30)),
        "fault": DueRule(Direction.AFTER, AnchorType.EVENT, Period(24, Unit.HOUR), anchor_label="报告故障"),
        "proposed": DueRule(Direction.BY, AnchorType.ABSOLUTE, fixed_date=dt.date(2026, 3, 10)),
    }
    ids = {}
    with db.transaction() as session:
        contract = Contract(
            title="设备维护服务合同",
            signing_date=dt.date(2026, 2, 20),
            effective_date=dt.date(2026, 3, 1),
            expiry_date=dt.date(2026, 12, 31),
            calendar="CN",
        )
        session.add_all([contract, Agreement(contract=contract, title="设备维护服务合同", text="")])
        session.flush()
        for name, rule in rules.items():
            ob = review.add_obligation(
                session,
                contract.id,
                rule,
                confirmed=name != "proposed",
                today=TODAY,
                party="乙方",
                action=f"{name} 事项",
                kind="payment",
                quote=f"乙方应当……（{name}）",
                lead_times=[30, 7, 1] if name != "later" else [7],
            )
            ids[name] = ob.id
    return ids


@pytest.fixture
def page(qtbot: Any, ctx: AppContext) -> CalendarPage:
    widget = CalendarPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def occurrence(db: Database, obligation_id: int) -> Occurrence:
    with db.reader() as session:
        return session.scalars(select(Occurrence).where(Occurrence.obligation_id == obligation_id)).one()


def known_errors(widget: Any) -> list[str]:
    return [box.text() for box in widget.findChildren(QMessageBox, "knownError") if box.isVisible()]


def test_month_and_agenda_show_confirmed_items_by_state(page: CalendarPage, ctx: AppContext) -> None:
    ids = seed(ctx.db)
    ctx.events.changed.emit()
    on_16th = page.month.items_on(dt.date(2026, 3, 16))
    assert [(i.obligation_id, i.state) for i in on_16th] == [(ids["soon"], DueState.DUE_SOON)]
    assert page.month.items_on(dt.date(2026, 3, 10)) == []  # proposed: drives nothing, shows nothing
    agenda = [(i.obligation_id, i.state) for i in page.agenda_model.items()]
    assert agenda == [(ids["overdue"], DueState.OVERDUE), (ids["soon"], DueState.DUE_SOON)]
    page.days.setValue(120)  # 06-30 is 120 days away, beyond its 7-day lead time: upcoming
    assert (ids["later"], DueState.UPCOMING) in [(i.obligation_id, i.state) for i in page.agenda_model.items()]
    page.month.setSelectedDate(QDate(2026, 3, 16))
    assert page.day_model.rowCount() == 1
    assert "2026-03-16" in page.day_label.text()


def test_changing_month_redraws_the_grid_and_leaves_the_agenda_and_day(
    page: CalendarPage, ctx: AppContext, qtbot: Any
) -> None:
    ids = seed(ctx.db)
    ctx.events.changed.emit()
    page.month.setSelectedDate(QDate(2026, 3, 16))
    agenda_before, day_before = page.agenda_model.items(), page.day_model.items()
    with qtbot.assertNotEmitted(page.agenda_model.modelReset), qtbot.assertNotEmitted(page.day_model.modelReset):
        page.month.setCurrentPage(2026, 6)
    assert [i.obligation_id for i in page.month.items_on(dt.date(2026, 6, 30))] == [ids["later"]]
    assert page.agenda_model.items() == agenda_before and page.day_model.items() == day_before
    page.month.showPreviousMonth()  # May's grid ends mid-June: the 30th has left it
    assert page.month.monthShown() == 5 and page.month.items_on(dt.date(2026, 6, 30)) == []


def test_mark_done_from_the_agenda(page: CalendarPage, ctx: AppContext, qtbot: Any) -> None:
    ids = seed(ctx.db)
    ctx.events.changed.emit()
    row = [i.obligation_id for i in page.agenda_model.items()].index(ids["soon"])
    page.agenda_view.setFocus()
    page.agenda_view.setCurrentIndex(page.agenda_model.index(row, 0))
    qtbot.keyClick(page.agenda_view, Qt.Key.Key_Return)  # Enter opens it
    dialog = page.dialog
    assert isinstance(dialog, ObligationDialog) and dialog.isVisible()
    assert "soon" in dialog.quote.toPlainText()
    assert dialog.steps.count() >= 2  # anchor, count, due: shown as the engine gave them
    assert any("2026-03-16" in text for text in dialog.steps.texts())
    dialog.note.setText("已付款，见凭证")
    dialog.evidence.setText("voucher-0316.pdf")
    dialog.done_button.click()
    done = occurrence(ctx.db, ids["soon"])
    assert (done.status, done.note, done.evidence_name) == ("done", "已付款，见凭证", "voucher-0316.pdf")
    assert [i.state for i in page.month.items_on(dt.date(2026, 3, 16))] == [DueState.DONE]
    history = [
        dialog.history_model.data(dialog.history_model.index(r, 3)) for r in range(dialog.history_model.rowCount())
    ]
    assert any("status: open → done" in text for text in history)


def test_waive_needs_a_note_and_snooze_records_a_reason(page: CalendarPage, ctx: AppContext) -> None:
    ids = seed(ctx.db)
    dialog = page.open_item(ids["overdue"])
    dialog.waive_button.click()
    assert any("note is required" in text for text in known_errors(dialog))
    assert occurrence(ctx.db, ids["overdue"]).status == "open"
    dialog.snooze_choice.setCurrentIndex(1)  # 3 days
    dialog.snooze_reason.setText("对方请求延期")
    dialog.snooze_button.click()
    assert occurrence(ctx.db, ids["overdue"]).snoozed_until == TODAY + dt.timedelta(days=3)
    history = [dialog.history_model.row(r) for r in range(dialog.history_model.rowCount())]
    assert any(h.reason == "对方请求延期" for h in history)
    dialog.snooze_choice.setCurrentIndex(3)  # until a date
    dialog.snooze_until.set_value(dt.date(2026, 3, 20))
    dialog.snooze_button.click()
    assert occurrence(ctx.db, ids["overdue"]).snoozed_until == dt.date(2026, 3, 20)
    dialog.note.setText("合同已变更，无需履行")
    dialog.waive_button.click()
    assert occurrence(ctx.db, ids["overdue"]).status == "waived"
    assert page.agenda_model.rowCount() == 1  # the waived one no longer needs attention


def test_record_event_dates_an_event_obligation(page: CalendarPage, ctx: AppContext) -> None:
    ids = seed(ctx.db)
    dialog = page.open_item(ids["fault"])
    assert dialog.occurrence_model.rowCount() == 0
    assert dialog.event_box.isEnabled()
    dialog.event_at.setDateTime(dt.datetime(2026, 3, 3, 10, 0))
    dialog.event_note.setText("工单 #123")
    dialog.event_button.click()
    with ctx.db.reader() as session:
        assert session.scalars(select(TriggerEvent.occurred_at)).all() == [dt.datetime(2026, 3, 3, 10, 0)]
    occ = occurrence(ctx.db, ids["fault"])
    assert (occ.due_date, occ.due_at) == (dt.date(2026, 3, 4), dt.datetime(2026, 3, 4, 10, 0))  # + 24 hours
    assert dialog.occurrence_model.rowCount() == 1
    assert dialog.selected() is not None and dialog.selected().id == occ.id
    assert dialog.occurrence_model.data(dialog.occurrence_model.index(0, 0)) == "2026-03-04 10:00"
    assert [i.obligation_id for i in page.month.items_on(dt.date(2026, 3, 4))] == [ids["fault"]]


def test_event_box_is_off_for_dated_obligations(page: CalendarPage, ctx: AppContext) -> None:
    ids = seed(ctx.db)
    dialog = page.open_item(ids["later"])
    assert not dialog.event_box.isEnabled()


def test_double_click_on_a_day_with_one_item_opens_it(page: CalendarPage, ctx: AppContext) -> None:
    ids = seed(ctx.db)
    ctx.events.changed.emit()
    page.month.activated.emit(QDate(2026, 3, 16))
    assert page.dialog is not None and page.dialog.obligation_id == ids["soon"]


def test_models(qtmodeltester: Any, ctx: AppContext) -> None:
    ids = seed(ctx.db)
    with ctx.db.reader() as session:
        items = screens.agenda(session, TODAY, TODAY + dt.timedelta(days=365))
        detail = screens.obligation_detail(session, ids["soon"], today=TODAY)
    agenda = AgendaModel()
    agenda.set_items(items)
    qtmodeltester.check(agenda)
    occurrences = OccurrenceModel()
    occurrences.set_rows(detail.occurrences)
    qtmodeltester.check(occurrences)
    history = HistoryModel()
    history.set_rows(detail.history)
    qtmodeltester.check(history)
    assert history.rowCount() >= 2  # the obligation and its occurrence were created


def test_enter_in_the_note_marks_nothing_done(page: CalendarPage, ctx: AppContext, qtbot: Any) -> None:
    ids = seed(ctx.db)
    dialog = page.open_item(ids["soon"])
    dialog.note.setFocus()
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    assert occurrence(ctx.db, ids["soon"]).status == "open"


def test_a_busy_day_shows_three_and_lists_all(page: CalendarPage, ctx: AppContext) -> None:
    day = dt.date(2026, 3, 31)
    with ctx.db.transaction() as session:
        contract = Contract(title="月末合同", calendar="CN")
        session.add(contract)
        session.flush()
        for n in range(5):
            review.add_obligation(
                session,
                contract.id,
                DueRule(Direction.BY, AnchorType.ABSOLUTE, fixed_date=day),
                today=TODAY,
                action=f"月末事项 {n}",
            )
    ctx.events.changed.emit()
    assert (len(page.month.items_on(day)), page.month.count_on(day)) == (3, 5)  # drawn: two bars and "+3 more"
    page.month.setSelectedDate(QDate(2026, 3, 31))
    assert page.day_model.rowCount() == 5
    assert not page.agenda_note.isVisible()
    page.month.grab().save(str(Path(os.environ["TICKLER_HOME"]) / "busy.png"))  # paints without error


REPAINTS = """
import datetime as dt, sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from obligations.services.screens import DayCell, DueItem, DueState
from ui.calendar.month import DueCalendar
month = DueCalendar()
month.setCurrentPage(2026, 3)
item = DueItem(1, 1, 1, "合同", "甲方", "付款", "payment", dt.date(2026, 3, 16), None, "open", DueState.DUE_SOON, None)
month.set_cells({dt.date(2026, 3, d): DayCell([item] * 3, 5) for d in range(1, 32)}, dt.date(2026, 3, 2))
month.resize(700, 500)
for _ in range(400):  # ~400 void calls each: PySide6 6.12.0 on CPython 3.11 ran None out of references
    month.grab()
print("ok")
"""


def test_the_month_grid_survives_many_repaints(tmp_path: Path) -> None:
    """A binding whose void calls drop a reference to None (PySide6 6.12.0 on CPython 3.11) would abort here."""
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, "-c", REPAINTS], capture_output=True, text=True, env=env, timeout=240)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "ok" in run.stdout
