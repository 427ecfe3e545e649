"""Lead times: how long before a due date reminders start, in calendar or working days.

Each lead time L opens a window on the day L (working) days before the due date; today sits in the narrowest
window that has opened. The earliest opening is stored on each occurrence (`remind_from`, indexed), so "what is
due for a reminder" is an index range scan whatever the size of the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from obligations.calendars import BusinessCalendar
from obligations.config import Config, load_config

NOTICE_KINDS = frozenset({"notice", "renewal", "expiry"})  # a letter needs drafting and sign-off: warn earlier


def default_lead_times(kind: str, config: Config | None = None) -> list[int]:
    config = config or load_config()
    return list(config.notice_lead_days if kind in NOTICE_KINDS else config.default_lead_days)


def window_opens(due: dt.date, lead: int, *, calendar: BusinessCalendar | None = None) -> dt.date:
    """The day the `lead` window opens: `lead` days before `due`, or `lead` working days with a calendar.

    >>> window_opens(dt.date(2026, 3, 31), 7)
    datetime.date(2026, 3, 24)
    """
    if calendar is None:
        return due - dt.timedelta(days=lead)
    return calendar.add_working_days(due, -lead)


def remind_from(due: dt.date, leads: Sequence[int], *, calendar: BusinessCalendar | None = None) -> dt.date:
    """The first day any reminder is due: the widest window's opening (the due date itself without leads)."""
    return min([window_opens(due, lead, calendar=calendar) for lead in leads if lead > 0] + [due])


def current_window(
    today: dt.date, due: dt.date, leads: Sequence[int], *, calendar: BusinessCalendar | None = None
) -> int | None:
    """The narrowest lead window that has opened by `today` (None before any opens, and from the due date on).

    >>> current_window(dt.date(2026, 3, 26), dt.date(2026, 3, 31), [30, 7, 1])
    7
    >>> current_window(dt.date(2026, 2, 1), dt.date(2026, 3, 31), [30, 7, 1]) is None
    True
    """
    if today >= due:
        return None
    opened = [lead for lead in leads if lead > 0 and window_opens(due, lead, calendar=calendar) <= today]
    return min(opened) if opened else None
