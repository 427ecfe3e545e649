"""What is due for a reminder on a given day. Pure over the database: "today" is an argument, never a clock.

An open occurrence of a confirmed obligation is due for a reminder when
  - it is overdue (every day until done or waived), or
  - it is due today, or
  - today falls inside one of its lead windows (e.g. 30/7/1 days before the due date),
and it is not snoozed past today.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from obligations.model import OccurrenceStatus, ReviewState
from obligations.reminders.leads import current_window
from obligations.services.calendars import calendar_for
from obligations.store.tables import Contract, Obligation, Occurrence


class ReminderState(StrEnum):
    UPCOMING = "upcoming"  # inside a lead window
    DUE_TODAY = "due_today"
    OVERDUE = "overdue"


@dataclass(frozen=True)
class Reminder:
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


def _candidates(today: dt.date) -> Select[Any]:
    """Open occurrences of confirmed obligations whose first reminder day has come: one index range scan.

    Plain columns, not ORM objects: the tray asks this every few minutes over up to a million rows.
    """
    return (
        select(
            Occurrence.id,
            Occurrence.due_date,
            Occurrence.due_at,
            Occurrence.snoozed_until,
            Occurrence.provisional,
            Obligation.id,
            Obligation.party,
            Obligation.action,
            Obligation.kind,
            Obligation.phrase,
            Obligation.owner,
            Obligation.lead_times,
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
            Occurrence.remind_from <= today,
            Occurrence.obsolete.is_(False),
            Obligation.review_state == ReviewState.CONFIRMED,
        )
        .order_by(Occurrence.due_date, Occurrence.id)
    )


def due_reminders(session: Session, today: dt.date) -> list[Reminder]:
    """Everything that deserves a reminder on `today`: overdue and due first (soonest due date first)."""
    reminders = []
    for (
        occurrence_id, due, due_at, snoozed_until, provisional,
        obligation_id, party, action, kind, phrase, owner, leads, in_business_days,
        contract_id, title, counterparty, calendar_code,
    ) in session.execute(_candidates(today)):  # fmt: skip
        if snoozed_until is not None and snoozed_until > today:
            continue
        days_left = (due - today).days
        window = None
        if days_left < 0:
            state = ReminderState.OVERDUE
        elif days_left == 0:
            state = ReminderState.DUE_TODAY
        else:
            calendar = calendar_for(calendar_code) if in_business_days else None
            window = current_window(today, due, leads or [], calendar=calendar)
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
