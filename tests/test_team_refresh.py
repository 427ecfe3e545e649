"""Team mode: a change made through another connection (a colleague) refreshes this app's views."""

from __future__ import annotations

import datetime as dt

from obligations.store import open_database
from obligations.store.tables import Contract
from ui.context import AppContext, DataEvents
from ui.refresh import ChangeWatcher


def test_another_users_write_triggers_a_refresh_and_our_own_does_not(qtbot, db_url):
    mine = open_database(db_url, actor="alice")
    colleague = open_database(db_url, actor="bob")
    ctx = AppContext(db=mine, events=DataEvents(), today=lambda: dt.date(2026, 3, 2))
    watcher = ChangeWatcher(ctx)
    refreshes: list[bool] = []
    ctx.events.changed.connect(lambda: refreshes.append(True))
    assert watcher.poll() is False

    with mine.transaction() as session:
        session.add(Contract(title="ours"))
    ctx.events.changed.emit()  # the app announces its own writes …
    assert watcher.poll() is False  # … so the poll does not announce them again

    with colleague.transaction() as session:
        session.add(Contract(title="theirs"))
    assert watcher.poll() is True
    assert len(refreshes) == 2
    mine.dispose()
    colleague.dispose()
