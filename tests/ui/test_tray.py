"""The tray, driven through a fake backend with a fake clock (QSystemTrayIcon does not exist offscreen)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from PySide6.QtCore import QObject, Signal

from obligations.model import AnchorType, Direction, DueRule
from obligations.services import review
from obligations.store import open_database
from obligations.store.tables import AuditEvent, Contract, Occurrence
from ui.context import AppContext, DataEvents
from ui.tray import DigestDialog, ReminderTray


class FakeTray(QObject):
    message_clicked = Signal()
    item_chosen = Signal(int)
    digest_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[tuple[str, str, bool]] = []
        self.tooltip = ""
        self.items: list[tuple[str, int]] = []

    def set_tooltip(self, text: str) -> None:
        self.tooltip = text

    def show_message(self, title: str, body: str, *, urgent: bool) -> None:
        self.messages.append((title, body, urgent))

    def set_items(self, items: list[tuple[str, int]]) -> None:
        self.items = items


class Clock:
    def __init__(self, day: dt.date) -> None:
        self.day = day

    def __call__(self) -> dt.date:
        return self.day


@pytest.fixture
def ctx(tmp_path: Path):
    db = open_database(f"sqlite:///{(tmp_path / 't.db').as_posix()}", actor="counsel")
    with db.transaction() as session:
        contract = Contract(title="Shanghai office lease")
        session.add(contract)
        session.flush()
        review.add_obligation(
            session,
            contract.id,
            DueRule(Direction.BY, AnchorType.ABSOLUTE, fixed_date=dt.date(2026, 3, 31)),
            party="Tenant",
            action="give notice of non-renewal",
            kind="notice",
            lead_times=[30, 7],
            today=dt.date(2026, 3, 1),
        )
    context = AppContext(db=db, events=DataEvents(), today=Clock(dt.date(2026, 3, 1)))
    yield context
    db.dispose()


def test_a_notification_when_an_item_enters_its_window_and_only_once(qtbot, ctx):
    backend = FakeTray()
    tray = ReminderTray(ctx, backend)
    ctx.today.day = dt.date(2026, 2, 20)  # before the 30-day window
    assert tray.check_now() == [] and backend.messages == []
    assert "nothing due" in backend.tooltip
    ctx.today.day = dt.date(2026, 3, 1)  # 30 days before: the window opens
    assert len(tray.check_now()) == 1
    title, body, urgent = backend.messages[-1]
    assert "deadlines" in title
    assert "give notice of non-renewal" in body and not urgent
    assert tray.check_now() == []  # same day, again: nothing new
    restarted = ReminderTray(ctx, FakeTray())  # the app restarts
    assert restarted.check_now() == []
    assert backend.items and "Shanghai office lease" in backend.items[0][0]


def test_overdue_is_urgent_and_repeats_each_day(qtbot, ctx):
    backend = FakeTray()
    tray = ReminderTray(ctx, backend)
    for day in (dt.date(2026, 4, 1), dt.date(2026, 4, 2)):
        ctx.today.day = day
        assert len(tray.check_now()) == 1
    assert [urgent for _, _, urgent in backend.messages] == [True, True]
    assert "1 overdue" in backend.tooltip


def test_clicking_the_notification_opens_the_item(qtbot, ctx):
    backend = FakeTray()
    tray = ReminderTray(ctx, backend)
    tray.check_now()
    with qtbot.waitSignal(tray.open_obligation) as opened:
        backend.message_clicked.emit()
    assert opened.args[0] > 0


def test_digest_actions_snooze_done_and_waive_are_audited(qtbot, ctx, tmp_path):
    dialog = DigestDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1
    dialog.snooze_for(3, reason="waiting for the landlord's reply")
    with ctx.db.reader() as session:
        occ = session.scalars(select(Occurrence)).one()
        assert occ.snoozed_until == dt.date(2026, 3, 4)
    assert dialog.model.rowCount() == 0  # snoozed: out of today's list

    ctx.today.day = dt.date(2026, 3, 5)
    dialog.refresh()
    evidence = tmp_path / "notice letter.pdf"
    evidence.write_bytes(b"%PDF-1.4 signed notice")
    dialog.mark_done("sent by courier, SF123", evidence)
    with ctx.db.reader() as session:
        occ = session.scalars(select(Occurrence)).one()
        assert (occ.status, occ.status_by, occ.note) == ("done", "counsel", "sent by courier, SF123")
        assert occ.evidence_name and occ.evidence_name.endswith("notice letter.pdf")
        changes = session.scalars(select(AuditEvent).where(AuditEvent.entity == "occurrence")).all()
        assert any((e.after or {}).get("status") == "done" and e.actor == "counsel" for e in changes)
        assert any("snoozed_until" in (e.after or {}) for e in changes)
    assert dialog.model.rowCount() == 0
