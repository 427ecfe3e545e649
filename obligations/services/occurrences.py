"""What people do with a dated occurrence: done, waived, snoozed, acknowledged; and recording trigger events."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from obligations.errors import KnownError
from obligations.model import AnchorType, OccurrenceStatus
from obligations.services.scheduling import reschedule_obligation
from obligations.store.tables import Obligation, Occurrence, TriggerEvent
from obligations.store.tables.base import utcnow


def _get(session: Session, occurrence_id: int) -> Occurrence:
    occurrence = session.get(Occurrence, occurrence_id)
    if occurrence is None:
        raise KnownError(f"no occurrence with id {occurrence_id}")
    return occurrence


def _actor(session: Session) -> str:
    return str(session.info.get("actor", "unknown"))


def set_status(
    session: Session,
    occurrence_id: int,
    status: OccurrenceStatus,
    *,
    note: str | None = None,
    evidence_name: str | None = None,
) -> Occurrence:
    """Mark done or waived (with a note), or reopen. Who and when are recorded, and audited."""
    occurrence = _get(session, occurrence_id)
    if status == OccurrenceStatus.WAIVED and not (note or "").strip():
        raise KnownError("say why the obligation is waived (a note is required)")
    occurrence.status = status
    occurrence.status_by = _actor(session) if status != OccurrenceStatus.OPEN else None
    occurrence.status_at = utcnow() if status != OccurrenceStatus.OPEN else None
    if note is not None:
        occurrence.note = note
    if evidence_name is not None:
        occurrence.evidence_name = evidence_name
    return occurrence


def mark_done(
    session: Session, occurrence_id: int, *, note: str | None = None, evidence_name: str | None = None
) -> Occurrence:
    return set_status(session, occurrence_id, OccurrenceStatus.DONE, note=note, evidence_name=evidence_name)


def waive(session: Session, occurrence_id: int, *, note: str) -> Occurrence:
    return set_status(session, occurrence_id, OccurrenceStatus.WAIVED, note=note)


def snooze(session: Session, occurrence_id: int, *, until: dt.date, reason: str | None = None) -> Occurrence:
    """No reminders for this occurrence before `until` (its due date does not move)."""
    occurrence = _get(session, occurrence_id)
    occurrence.snoozed_until = until
    if reason:
        session.info["reason"] = reason
    return occurrence


def acknowledge(session: Session, occurrence_id: int) -> Occurrence:
    occurrence = _get(session, occurrence_id)
    occurrence.acknowledged_at = utcnow()
    return occurrence


def record_event(
    session: Session,
    obligation_id: int,
    occurred_at: dt.datetime,
    *,
    note: str | None = None,
    today: dt.date | None = None,
) -> TriggerEvent:
    """ "The fault was reported at 10:00": an event-triggered obligation becomes dated."""
    obligation = session.get(Obligation, obligation_id)
    if obligation is None:
        raise KnownError(f"no obligation with id {obligation_id}")
    if obligation.anchor_type != AnchorType.EVENT:
        raise KnownError("only obligations triggered by an event (fault, invoice, delivery…) take a recorded event")
    event = TriggerEvent(occurred_at=occurred_at, note=note)
    obligation.events.append(event)
    session.flush()
    reschedule_obligation(session, obligation, today=today)
    return event
