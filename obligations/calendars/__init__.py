"""Working-day calendars per jurisdiction: holidays, make-up working days (调休), and how sure we are of them.

Nothing heavy is imported here: `holidays` and `chinesecalendar` load on the first date looked up.
"""

from obligations.calendars.calendar import (
    BusinessCalendar,
    UnknownCalendarError,
    data_stamp,
    open_calendar,
    provisional_pairs,
)
from obligations.calendars.choose import default_calendar_for, governing_law_clause
from obligations.calendars.files import ScheduleFile, ScheduleFileError, load_schedule_file, parse_schedule_file
from obligations.calendars.schedule import DataStatus, DayName, YearSchedule
from obligations.calendars.sources import JURISDICTIONS

__all__ = [
    "JURISDICTIONS",
    "BusinessCalendar",
    "DataStatus",
    "DayName",
    "ScheduleFile",
    "ScheduleFileError",
    "UnknownCalendarError",
    "YearSchedule",
    "data_stamp",
    "default_calendar_for",
    "governing_law_clause",
    "load_schedule_file",
    "open_calendar",
    "parse_schedule_file",
    "provisional_pairs",
]
