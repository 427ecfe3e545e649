"""Settings → calendar folder: tickler.ics follows every change, for Outlook to subscribe to."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from icalendar import Calendar

from PySide6.QtWidgets import QWidget

from obligations.model import AnchorType, Direction, DueRule
from obligations.services import review
from obligations.store import open_database
from obligations.store.tables import Contract
from ui.context import AppContext, DataEvents
from ui.ics_sync import IcsSync


def test_a_change_rewrites_the_subscribed_file(qtbot, tmp_path: Path):
    db = open_database(f"sqlite:///{(tmp_path / 't.db').as_posix()}")
    ctx = AppContext(db=db, events=DataEvents(), today=lambda: dt.date(2026, 3, 1))
    window = QWidget()
    qtbot.addWidget(window)
    folder = tmp_path / "outlook"
    sync = IcsSync(ctx, window, folder=lambda: str(folder))
    with db.transaction() as session:
        contract = Contract(title="Lease")
        session.add(contract)
        session.flush()
        review.add_obligation(
            session,
            contract.id,
            DueRule(Direction.BY, AnchorType.ABSOLUTE, fixed_date=dt.date(2026, 3, 31)),
            action="pay rent",
            today=dt.date(2026, 3, 1),
        )
    ctx.events.changed.emit()
    target = folder / "tickler.ics"
    qtbot.waitUntil(target.exists, timeout=10_000)
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert [e.decoded("dtstart") for e in events] == [dt.date(2026, 3, 31)]
    assert sync.target() == target
    db.dispose()
