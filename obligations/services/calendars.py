"""The calendars the stored contracts use, opened once per process with the user's loaded schedule files."""

from __future__ import annotations

from obligations.calendars import BusinessCalendar, open_calendar
from obligations.calendars.files import loaded_stamp
from obligations.paths import calendars_dir

_open: dict[tuple[str, str], BusinessCalendar] = {}


def calendar_for(code: str) -> BusinessCalendar:
    """The calendar `code`; opened again when the user has loaded a schedule file since (new stamp)."""
    directory = calendars_dir()
    key = (code.upper(), loaded_stamp(directory, code.upper()))
    calendar = _open.get(key)
    if calendar is None:
        calendar = _open[key] = open_calendar(code, directory=directory)
    return calendar
