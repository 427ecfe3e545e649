"""What is due for a reminder on a given day. Pure over the database: "today" is an argument, never a clock.

An open occurrence of a confirmed obligation is due for a reminder when
  - it is overdue (every day until done or waived), or
  - it is due today, or
  - today falls inside one of its lead windows (e.g. 30/7/1 days before the due date),
and it is not snoozed past today.

Two steps, because the tray asks every ten minutes over up to a million occurrences and shows a handful:
`due_now` answers which occurrences are due and why (keys, dates, state: an index range scan), and `describe`
adds what a person reads (party, action, contract…) for the reminders actually shown or sent.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
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


class Due(NamedTuple):
    """One occurrence due for a reminder today, and why: what `due_now` answers. A named tuple, not a frozen
    dataclass: thousands are made on every tray check, and a tuple is made in a sixth of the time."""

    occurrence_id: int
    obligation_id: int
    due_date: dt.date
    due_at: dt.datetime | None
    days_left: int  # negative when overdue
    lead_window: int | None  # the lead time (days) whose window today is in; None when due or overdue
    state: ReminderState
    provisional: bool

    @property
    def window_key(self) -> str:
        return window_key(self)


class Reminder(NamedTuple):
    """A due occurrence with what a person reads: the tray's lines, the e-mail, the digest, `tickler remind`."""

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
        return window_key(self)


def window_key(item: Due | Reminder) -> str:
    """Which notification this is: entering a lead window happens once, overdue repeats daily."""
    if item.state == ReminderState.UPCOMING:
        return f"lead:{item.lead_window}"
    return str(item.state)


def _due_query() -> Select[Any]:
    """Open occurrences of confirmed obligations whose first reminder day has come and that are not snoozed past
    today: one range scan of a covering index (ix_occurrence_reminders), then each obligation by its key for its
    review state and lead times, the only columns beyond the index that decide a reminder.

    Built once with `today` as a bound parameter, so each call skips constructing and compiling the statement.
    The lead times come back as their JSON text, decoded once per distinct list (a department uses a handful).
    """
    return (
        select(
            Occurrence.id,
            Occurrence.obligation_id,
            Occurrence.due_date,
            Occurrence.due_at,
            Occurrence.provisional,
            type_coerce(Obligation.lead_times, Text),
            Obligation.lead_in_business_days,
            Obligation.contract_id,
        )
        .join(Obligation, Occurrence.obligation_id == Obligation.id)
        .where(
            Occurrence.status == OccurrenceStatus.OPEN,
            Occurrence.remind_from <= bindparam("today", type_=Date),
            or_(Occurrence.snoozed_until.is_(None), Occurrence.snoozed_until <= bindparam("today", type_=Date)),
            *live_occurrences(),
        )
        .order_by(Occurrence.due_date, Occurrence.id)
    )


# What a person reads about an obligation; the occurrence's side is in `Due`.
_TEXT_COLUMNS = (
    Obligation.party,
    Obligation.action,
    Obligation.kind,
    Obligation.phrase,
    Obligation.owner,
    Contract.id,
    Contract.title,
    Contract.counterparty,
)
_DUE = _due_query()
# Every due reminder with its texts in one query: for all of them at once (the digest window, `tickler remind`),
# one join costs less than looking thousands of obligations up again.
_DUE_DESCRIBED = _DUE.add_columns(*_TEXT_COLUMNS).join(Contract, Obligation.contract_id == Contract.id)
# The texts of a few reminders (a notification's lines, the tray menu), by obligation.
_TEXTS = (
    select(Obligation.id, *_TEXT_COLUMNS)
    .join(Contract, Obligation.contract_id == Contract.id)
    .where(Obligation.id.in_(bindparam("ids", expanding=True)))
)
_IDS_PER_QUERY = 500  # well under every driver's limit on bound parameters


def _chunks(ids: Sequence[int]) -> list[list[int]]:
    return [list(ids[i : i + _IDS_PER_QUERY]) for i in range(0, len(ids), _IDS_PER_QUERY)]


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


class _Calendars:
    """The working-day calendar of each contract whose lead times count working days, looked up on first need:
    most obligations count calendar days, so most checks never ask."""

    def __init__(self, session: Session, rows: Sequence[Any]) -> None:
        self._session = session
        self._rows = rows
        self._codes: dict[int, str] | None = None
        self._calendars: dict[str, BusinessCalendar] = {}  # calendar_for reads the schedule folder: once a code

    def of(self, contract_id: int) -> BusinessCalendar:
        if self._codes is None:
            wanted = sorted({row.contract_id for row in self._rows if row.lead_in_business_days})
            query = select(Contract.id, Contract.calendar).where(Contract.id.in_(bindparam("ids", expanding=True)))
            self._codes = {}
            for chunk in _chunks(wanted):
                self._codes.update(self._session.connection().execute(query, {"ids": chunk}).all())
        code = self._codes[contract_id]
        calendar = self._calendars.get(code)
        if calendar is None:
            calendar = self._calendars[code] = calendar_for(code)
        return calendar


def due_now(session: Session, today: dt.date) -> list[Due]:
    """Everything that deserves a reminder on `today`: overdue and due first (soonest due date first)."""
    return _classified(session, _DUE, today)[0]


def _classified(session: Session, statement: Select[Any], today: dt.date) -> tuple[list[Due], list[Any]]:
    """The rows of `statement` (`_DUE`'s columns first) that deserve a reminder on `today`, as `Due`, beside
    their rows."""
    # Core execution on the session's connection: the same SQL and rows as session.execute, without the ORM's
    # per-row result machinery; `all()` is one fetchall from the driver, not a fetchone per row.
    rows = session.connection().execute(statement, {"today": today}).all()
    calendars = _Calendars(session, rows)
    due, kept = [], []
    for row in rows:
        occurrence_id, obligation_id, due_date, due_at, provisional, raw_leads, in_business_days, contract_id = row[:8]
        days_left = (due_date - today).days
        window = None
        if days_left < 0:
            state = ReminderState.OVERDUE
        elif days_left == 0:
            state = ReminderState.DUE_TODAY
        else:
            leads = _lead_tuple(raw_leads)
            if in_business_days:
                window = current_window(today, due_date, leads, calendar=calendars.of(contract_id))
            else:
                window = _window_without_calendar(leads, days_left)
            if window is None:
                continue
            state = ReminderState.UPCOMING
        due.append(Due(occurrence_id, obligation_id, due_date, due_at, days_left, window, state, provisional))
        kept.append(row)
    return due, kept


def describe(session: Session, due: Sequence[Due]) -> list[Reminder]:
    """`due` with what a person reads, in the same order; one whose obligation was deleted meanwhile is left out."""
    texts: dict[int, Any] = {}
    for chunk in _chunks(sorted({d.obligation_id for d in due})):
        texts.update((row[0], row) for row in session.connection().execute(_TEXTS, {"ids": chunk}))
    return [_described(d, texts[d.obligation_id][1:]) for d in due if d.obligation_id in texts]


def due_reminders(session: Session, today: dt.date) -> list[Reminder]:
    """Everything that deserves a reminder on `today`, described: overdue and due first (soonest first)."""
    due, rows = _classified(session, _DUE_DESCRIBED, today)
    return [_described(d, row[8:]) for d, row in zip(due, rows, strict=True)]


def _described(d: Due, texts: Sequence[Any]) -> Reminder:
    party, action, kind, phrase, owner, contract_id, title, counterparty = texts
    return Reminder(
        d.occurrence_id, d.obligation_id, contract_id, title, counterparty, party, action, kind, phrase, owner,
        d.due_date, d.due_at, d.days_left, d.lead_window, d.state, d.provisional,
    )  # fmt: skip
