"""Which day it is, for deadlines. The clock is always passed in (tests drive a fake one across a month)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo


def today_at(now: dt.datetime, time_zone: str | None = None) -> dt.date:
    """The calendar day at instant `now` in `time_zone` (the contracts' place, e.g. "Asia/Shanghai").

    None means the computer's own zone. A counsel travelling to London keeps Beijing's day for Chinese
    contracts when the setting says so: at 00:30 in Shanghai it is already the next day there.

    >>> today_at(dt.datetime(2026, 3, 1, 16, 30, tzinfo=dt.UTC), "Asia/Shanghai")
    datetime.date(2026, 3, 2)
    >>> today_at(dt.datetime(2026, 3, 1, 16, 30, tzinfo=dt.UTC), "Europe/London")
    datetime.date(2026, 3, 1)
    """
    if now.tzinfo is None:
        raise ValueError("pass an aware datetime (datetime.now(UTC)), not a naive one")
    if time_zone is None:
        return now.astimezone().date()
    return now.astimezone(ZoneInfo(time_zone)).date()


def current_day() -> dt.date:
    """Today in the time zone chosen in Settings (the contracts' place), else this computer's."""
    from obligations.config import load_config

    return today_at(dt.datetime.now(dt.UTC), load_config().time_zone)
