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

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from obligations.model import OccurrenceStatus, ReviewState
from obligations.store.tables import Contract, Obligation, Occurrence

# No lead time is longer than this; bounds the indexed range scan of "what is due" at a million rows.
MAX_LEAD_DAYS = 366


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


def lead_window(days_left: int, lead_times: list[int]) -> int | None:
    """The narrowest lead window holding `days_left`: with leads 30/7/1 and 5 days left, the 7-day window.

    >>> lead_window(5, [30, 7, 1])
    7
    >>> lead_window(40, [30, 7, 1]) is None
    True
    """
    inside = [lead for lead in lead_times if lead >= days_left]
    return min(inside) if inside else None


def _candidates(today: dt.date) -> Select[tuple[Occurrence, Obligation, Contract]]:
    """Open occurrences of confirmed obligations due before the longest lead window ends: an index range scan."""
    return (
        select(Occurrence, Obligation, Contract)
        .join(Obligation, Occurrence.obligation_id == Obligation.id)
        .join(Contract, Obligation.contract_id == Contract.id)
        .where(
            Occurrence.status == OccurrenceStatus.OPEN,
            Occurrence.due_date <= today + dt.timedelta(days=MAX_LEAD_DAYS),
            Occurrence.obsolete.is_(False),
            Obligation.review_state == ReviewState.CONFIRMED,
        )
        .order_by(Occurrence.due_date, Occurrence.id)
    )


def due_reminders(session: Session, today: dt.date) -> list[Reminder]:
    """Everything that deserves a reminder on `today`, overdue first, then soonest."""
    reminders = []
    for occ, ob, contract in session.execute(_candidates(today)):
        if occ.snoozed_until is not None and occ.snoozed_until > today:
            continue
        days_left = (occ.due_date - today).days
        if days_left < 0:
            state, window = ReminderState.OVERDUE, None
        elif days_left == 0:
            state, window = ReminderState.DUE_TODAY, None
        else:
            window = lead_window(days_left, list(ob.lead_times or []))
            if window is None:
                continue
            state = ReminderState.UPCOMING
        reminders.append(
            Reminder(
                occurrence_id=occ.id,
                obligation_id=ob.id,
                contract_id=contract.id,
                contract_title=contract.title,
                counterparty=contract.counterparty,
                party=ob.party,
                action=ob.action,
                kind=ob.kind,
                phrase=ob.phrase,
                owner=ob.owner,
                due_date=occ.due_date,
                due_at=occ.due_at,
                days_left=days_left,
                lead_window=window,
                state=state,
                provisional=occ.provisional,
            )
        )
    return reminders
