"""What is due for a reminder on a given day. Pure over the database: "today" is an argument, never a clock.

An open occurrence of a confirmed obligation is due for a reminder when
  - it is overdue (every day until done or waived), or
  - it is due today, or
  - today falls inside one of its lead windows (e.g. 30/7/1 days before the due date),
and it is not snoozed past today.
"""

from __future__ import annotations

import datetime as dt
import json
from enum import StrEnum
from functools import lru_cache
from typing import Any, NamedTuple

from sqlalchemy import Date, Select, Text, bindparam, or_, select, type_coerce
from sqlalchemy.orm import Session

from obligations.calendars import BusinessCalendar
from obligations.model import OccurrenceStatus
from obligations.reminders.leads import current_window
from obligations.services.calendars import calendar_for
from obligations.services.queries import live_occurrences
from obligations.store.tables import Contract, Obligation, Occurrence


class ReminderState(StrEnum):
    UPCOMING = "upcoming"  # inside a lead window
    DUE_TODAY = "due_today"
    OVERDUE = "overdue"


class Reminder(NamedTuple):
    """One reminder. A named tuple, not a frozen dataclass: the tray builds thousands every few minutes, and a
    tuple is made in a sixth of the time (7 → 1 ms for 6,000)."""

    occurrence_id: int
    obligation_id: int
    contract_id: int
    contract_title: str
    counterparty: str | None
    party: str | None
    action: str | None
    kind: str
    phrase: str | None
    owner: str | None
    due_date: dt.date
    due_at: dt.datetime | None
    days_left: int  # negative when overdue
    lead_window: int | None  # the lead time (days) whose window today is in; None when due or overdue
    state: ReminderState
    provisional: bool

    @property
    def window_key(self) -> str:
        """Which notification this is: entering a lead window happens once, overdue repeats daily."""
        if self.state == ReminderState.UPCOMING:
            return f"lead:{self.lead_window}"
        return str(self.state)


def _candidates() -> Select[Any]:
    """Open occurrences of confirmed obligations whose first reminder day has come and that are not snoozed past
    today: one range scan of a covering index (ix_occurrence_reminders), then the obligation and contract by key.

    Plain columns, not ORM objects: the tray asks this every few minutes over up to a million rows. Built once
    with `today` as a bound parameter, so each call skips constructing and compiling the statement. The lead
    times come back as their JSON text, decoded once per distinct list (a department uses a handful).
    """
    return (
        select(
            Occurrence.id,
            Occurrence.due_date,
            Occurrence.due_at,
            Occurrence.provisional,
            Obligation.id,
            Obligation.party,
            Obligation.action,
            Obligation.kind,
            Obligation.phrase,
            Obligation.owner,
            type_coerce(Obligation.lead_times, Text),
            Obligation.lead_in_business_days,
            Contract.id,
            Contract.title,
            Contract.counterparty,
            Contract.calendar,
        )
        .join(Obligation, Occurrence.obligation_id == Obligation.id)
        .join(Contract, Obligation.contract_id == Contract.id)
        .where(
            Occurrence.status == OccurrenceStatus.OPEN,
            Occurrence.remind_from <= bindparam("today", type_=Date),
            or_(Occurrence.snoozed_until.is_(None), Occurrence.snoozed_until <= bindparam("today", type_=Date)),
            *live_occurrences(),
        )
        .order_by(Occurrence.due_date, Occurrence.id)
    )


_CANDIDATES = _candidates()


@lru_cache(maxsize=256)
def _decoded(raw: str) -> tuple[int, ...]:
    return tuple(json.loads(raw) or ())


def _lead_tuple(raw: Any) -> tuple[int, ...]:
    """The lead times from the column's JSON text (SQLite: decoded once per distinct list, a department uses a
    handful), or as the driver already decoded them (PostgreSQL)."""
    if raw is None:
        return ()
    return _decoded(raw) if isinstance(raw, str) else tuple(raw)


@lru_cache(maxsize=4096)
def _window_without_calendar(leads: tuple[int, ...], days_left: int) -> int | None:
    """current_window in calendar days, by days left: the `lead` window has opened when lead >= days left.
    Cached: thousands of reminders share a few dozen (leads, days left) pairs."""
    return min((lead for lead in leads if lead >= days_left), default=None)


def due_reminders(session: Session, today: dt.date) -> list[Reminder]:
    """Everything that deserves a reminder on `today`: overdue and due first (soonest due date first)."""
    reminders = []
    calendars: dict[str, BusinessCalendar] = {}  # opened once per call: calendar_for reads the schedule folder
    # Core execution on the session's connection: the same SQL and rows as session.execute, without the ORM's
    # per-row result machinery; `all()` is one fetchall from the driver, not a fetchone per row.
    rows = session.connection().execute(_CANDIDATES, {"today": today}).all()
    for (
        occurrence_id, due, due_at, provisional,
        obligation_id, party, action, kind, phrase, owner, raw_leads, in_business_days,
        contract_id, title, counterparty, calendar_code,
    ) in rows:  # fmt: skip
        days_left = (due - today).days
        window = None
        if days_left < 0:
            state = ReminderState.OVERDUE
        elif days_left == 0:
            state = ReminderState.DUE_TODAY
        else:
            leads = _lead_tuple(raw_leads)
            if in_business_days:
                calendar = calendars.get(calendar_code) or calendars.setdefault(
                    calendar_code, calendar_for(calendar_code)
                )
                window = current_window(today, due, leads, calendar=calendar)
            else:
                window = _window_without_calendar(leads, days_left)
            if window is None:
                continue
            state = ReminderState.UPCOMING
        reminders.append(
            Reminder(
                occurrence_id, obligation_id, contract_id, title, counterparty, party, action, kind, phrase,
                owner, due, due_at, days_left, window, state, provisional,
            )
        )  # fmt: skip
    return reminders
