"""Calendar files for Outlook: one VEVENT per occurrence, VALARMs at the lead times, stable UIDs.

Outlook (and any iCalendar client) subscribed to the file updates events in place on re-export because every
UID is derived from the occurrence id, which never changes (ids are not reused, see the tables).
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

from icalendar import Alarm, Calendar, Event
from sqlalchemy import select
from sqlalchemy.orm import Session

from obligations.model import OccurrenceStatus
from obligations.services.queries import live_occurrences
from obligations.store.tables import Contract, Obligation, Occurrence

PRODID = "-//Tickler//Contract deadlines//EN"
UID_DOMAIN = "tickler.local"


def uid_for(occurrence_id: int) -> str:
    return f"occurrence-{occurrence_id}@{UID_DOMAIN}"


def explanation_text(steps: list[object]) -> str:
    lines = []
    for step in steps or []:
        lines.append(step.get("text", "") if isinstance(step, dict) else str(step))
    return "\n".join(line for line in lines if line)


def _event(occ: Occurrence, ob: Obligation, contract: Contract, stamp: dt.datetime) -> Event:
    event = Event()
    what = " ".join(x for x in (ob.party, ob.action) if x) or ob.phrase or ob.kind
    prefix = {OccurrenceStatus.DONE: "✓ ", OccurrenceStatus.WAIVED: "(waived) "}.get(OccurrenceStatus(occ.status), "")
    event.add("uid", uid_for(occ.id))
    event.add("dtstamp", stamp)
    event.add("summary", f"{prefix}{what} — {contract.title}")
    if occ.due_at is not None:
        event.add("dtstart", occ.due_at)  # wall-clock time of the contract's place; floating
        event.add("dtend", occ.due_at + dt.timedelta(minutes=30))
    else:
        event.add("dtstart", occ.due_date)
        event.add("dtend", occ.due_date + dt.timedelta(days=1))
    description = [
        f"Contract: {contract.title}" + (f" ({contract.counterparty})" if contract.counterparty else ""),
        f"Clause: {ob.clause}" if ob.clause else "",
        f"Source: {ob.quote}" if ob.quote else "",
        "",
        "How the due date was computed:",
        explanation_text(occ.explanation),
    ]
    event.add("description", "\n".join(line for line in description if line is not None))
    event.add("categories", [ob.kind])
    event.add("sequence", occ.version)  # clients take the higher sequence as the newer copy
    event.add("status", "CANCELLED" if occ.status == OccurrenceStatus.WAIVED else "CONFIRMED")
    if occ.status == OccurrenceStatus.OPEN:
        for lead in sorted(set(ob.lead_times or []), reverse=True):
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"{what}: due in {lead} day(s)")
            alarm.add("trigger", dt.timedelta(days=-lead))
            event.add_component(alarm)
    return event


def build_calendar(session: Session, *, since: dt.date) -> Calendar:
    """Every non-obsolete occurrence of a confirmed obligation due on or after `since`."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Tickler deadlines")
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    query = (
        select(Occurrence, Obligation, Contract)
        .join(Obligation, Occurrence.obligation_id == Obligation.id)
        .join(Contract, Obligation.contract_id == Contract.id)
        .where(
            *live_occurrences(),
            Occurrence.due_date >= since,
        )
        .order_by(Occurrence.due_date, Occurrence.id)
    )
    for occ, ob, contract in session.execute(query):
        calendar.add_component(_event(occ, ob, contract, stamp))
    return calendar


def write_ics(session: Session, path: Path, *, since: dt.date) -> int:
    """Write the calendar atomically (temporary file, then rename): a subscriber never reads half a file."""
    calendar = build_calendar(session, since=since)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(calendar.to_ical())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return len(calendar.walk("VEVENT"))


__all__ = ["build_calendar", "uid_for", "write_ics"]
