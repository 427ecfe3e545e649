"""Delivering each reminder once per channel, whatever restarts or sleeps happen in between.

    batch = pending(session, today, channel="desktop")   # only what was not delivered yet
    show(describe(session, batch.items))                  # the channel does its work …
    mark_delivered(session, batch, today)                 # … then records it, in the same transaction

What makes a reminder new (`for_day` in NotificationLog):
  - entering a lead window: once per occurrence and window (keyed on the due date, which does not move);
  - due today: once;
  - overdue: once a day until done or waived (the daily repeat).
A machine that slept for a week wakes to today's reminders only: windows that opened and closed while it slept
are not replayed — one digest, not a flood.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from obligations.reminders.due import Due, Reminder, ReminderState, due_now
from obligations.store.tables import AppState, NotificationLog


@dataclass(frozen=True)
class Batch:
    channel: str
    items: list[Due]
    digest: bool = False  # the first delivery of the day on this channel: show everything due, as one digest
    escalations: list[Due] = field(default_factory=list)
    due: list[Due] = field(default_factory=list)  # everything due for a reminder today, delivered or not


def for_day(reminder: Due | Reminder, today: dt.date) -> dt.date:
    return today if reminder.state == ReminderState.OVERDUE else reminder.due_date


def _delivered(
    session: Session, channel: str, occurrence_ids: list[int], *, since: dt.date | None = None
) -> set[tuple[int, str, dt.date]]:
    """The (occurrence, window, day) keys `channel` has delivered; from `since` on when given (a reminder's own
    key is never older than today: its due date, or today for overdue ones, which pile up a row a day)."""
    if not occurrence_ids:
        return set()
    query = select(NotificationLog.occurrence_id, NotificationLog.window, NotificationLog.for_day).where(
        NotificationLog.channel == channel, NotificationLog.occurrence_id.in_(occurrence_ids)
    )
    if since is not None:
        query = query.where(NotificationLog.for_day >= since)
    return {(occ, window, day) for occ, window, day in session.execute(query)}


def last_digest(session: Session, channel: str) -> dt.date | None:
    state = session.get(AppState, f"last_digest:{channel}")
    return dt.date.fromisoformat(state.value) if state else None


def pending(
    session: Session,
    today: dt.date,
    *,
    channel: str = "desktop",
    escalate_after_days: int | None = None,
) -> Batch:
    """What `channel` has not delivered yet today; on the day's first run, the whole day's digest."""
    reminders = due_now(session, today)
    done = _delivered(session, channel, [r.occurrence_id for r in reminders], since=today)
    digest = last_digest(session, channel) != today
    new = [r for r in reminders if (r.occurrence_id, r.window_key, for_day(r, today)) not in done]
    escalations: list[Due] = []
    if escalate_after_days is not None:
        escalated = _delivered(session, f"{channel}:escalation", [r.occurrence_id for r in reminders])
        escalations = [
            r
            for r in reminders
            if r.state == ReminderState.OVERDUE
            and -r.days_left >= escalate_after_days
            and (r.occurrence_id, "escalation", r.due_date) not in escalated
        ]
    return Batch(channel, reminders if digest else new, digest, escalations, reminders)


def mark_delivered(session: Session, batch: Batch, today: dt.date, *, recipient: str | None = None) -> None:
    """Record the batch as delivered, with one multi-row INSERT: a large department's daily digest is thousands
    of rows, which took 0.3 s to flush as ORM objects on the GUI thread."""
    done = _delivered(session, batch.channel, [r.occurrence_id for r in batch.items], since=today)
    rows = []
    for reminder in batch.items:
        key = (reminder.occurrence_id, reminder.window_key, for_day(reminder, today))
        if key not in done:
            done.add(key)
            rows.append({"occurrence_id": key[0], "window": key[1], "channel": batch.channel, "for_day": key[2]})
    rows += [
        {
            "occurrence_id": reminder.occurrence_id,
            "window": "escalation",
            "channel": f"{batch.channel}:escalation",
            "for_day": reminder.due_date,
        }
        for reminder in batch.escalations
    ]
    if rows:
        session.execute(insert(NotificationLog), [{**row, "recipient": recipient} for row in rows])
    state = session.get(AppState, f"last_digest:{batch.channel}")
    if state is None:
        session.add(AppState(key=f"last_digest:{batch.channel}", value=today.isoformat()))
    else:
        state.value = today.isoformat()
