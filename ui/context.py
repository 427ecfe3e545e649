"""What every page and dialog of the app is given: built once in ui/app.py (the composition root)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from obligations.store import Database


class DataEvents(QObject):
    """Broadcast after any write, so every view refreshes what it shows (no view polls storage)."""

    changed = Signal()  # something in the database changed (import, review, done, supplement …)
    open_obligation = Signal(int)  # show this obligation (from a notification, the calendar, a search hit)
    open_contract = Signal(int)
    review_agreement = Signal(int)  # open the review screen on this agreement
    review_prepared = Signal(object)  # open the review screen on a ReviewScreen already read (after an import)


@dataclass
class AppContext:
    db: Database
    events: DataEvents
    today: Callable[[], dt.date] = field(default=dt.date.today)  # tests pass a fake clock
