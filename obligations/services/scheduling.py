"""Turning confirmed obligations into dated occurrences, and keeping them right when facts change.

Occurrences are matched to what the rule produces by `key` (the anchor instant), so recomputing after a
supplementary agreement or a recorded event keeps every done/waived/snoozed history row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from obligations import dates
from obligations.model import AnchorType, OccurrenceStatus, ReviewState
from obligations.reminders.leads import remind_from
from obligations.services.calendars import calendar_for
from obligations.store import Database
from obligations.store.tables import AppState, Contract, Obligation, Occurrence

# Recurring obligations are materialised over a rolling window; the reminder run extends it.
HORIZON_PAST = dt.timedelta(days=400)
# An obligation dated for the first time (just confirmed, often of a contract signed long ago) starts with the
# recent past only: a lease imported in its second year does not open with eleven "overdue" rent payments that
# were paid long ago. Later recomputations keep the longer window, so recorded history is never dropped.
FIRST_LOOK_BACK = dt.timedelta(days=60)
HORIZON_FUTURE = dt.timedelta(days=800)


@dataclass(frozen=True)
class ScheduleChange:
    added: int = 0
    updated: int = 0
    retired: int = 0


def anchors_of(obligation: Obligation) -> dates.Anchors:
    contract = obligation.contract
    return dates.Anchors(
        signing=contract.signing_date,
        effective=contract.effective_date,
        expiry=contract.expiry_date,
        termination=contract.termination_date,
        events=tuple(event.occurred_at for event in obligation.events),
    )


def _as_datetime(value: dt.date | dt.datetime) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.combine(value, dt.time())


def _as_date(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def steps_json(steps: tuple[dates.Step, ...]) -> list[dict[str, str]]:
    return [{"kind": str(step.kind), "text": step.text, "text_zh": step.text_zh} for step in steps]


def governs(obligation: Obligation, day: dt.date) -> bool:
    """Whether `obligation` (rather than one replacing it, or none) governs what falls due on `day`."""
    if obligation.starts_on is not None and day < obligation.starts_on:
        return False
    return obligation.ends_on is None or day < obligation.ends_on


def _look_back(obligation: Obligation) -> dt.timedelta:
    """How far back occurrences are kept: see FIRST_LOOK_BACK. A recorded event is dated however long ago."""
    if obligation.occurrences or obligation.anchor_type == AnchorType.EVENT:
        return HORIZON_PAST
    return FIRST_LOOK_BACK


def _is_dateable(obligation: Obligation) -> bool:
    """A template blank ("____日内") or a fixed-date rule without its date cannot be dated yet."""
    if obligation.direction == "by":
        return obligation.fixed_date is not None or obligation.recurrence is not None  # "每月5日前": by each 5th
    return obligation.amount_value is not None and obligation.amount_unit is not None


def reschedule_obligation(session: Session, obligation: Obligation, *, today: dt.date | None = None) -> ScheduleChange:
    """Bring `obligation`'s occurrences in line with its rule, contract dates and recorded events."""
    today = today or dt.date.today()
    wanted: dict[str, dates.Occurrence] = {}
    if obligation.review_state == ReviewState.CONFIRMED and _is_dateable(obligation):
        for instance in dates.occurrences(
            obligation.rule,
            anchors=anchors_of(obligation),
            calendar=calendar_for(obligation.contract.calendar),
            start=today - _look_back(obligation),
            end=today + HORIZON_FUTURE,
        ):
            if governs(obligation, _as_date(instance.due)):
                wanted[instance.key] = instance
    lead_calendar = calendar_for(obligation.contract.calendar) if obligation.lead_in_business_days else None
    added = updated = retired = 0
    existing = {occ.key: occ for occ in obligation.occurrences}
    for key, instance in wanted.items():
        occ = existing.pop(key, None)
        if occ is None:
            occ = Occurrence(key=key)
            obligation.occurrences.append(occ)
            added += 1
        due_at = instance.due if isinstance(instance.due, dt.datetime) else None
        if occ.id is not None and (occ.due_date, occ.due_at, occ.obsolete) != (_as_date(instance.due), due_at, False):
            updated += 1
        occ.anchor_at = _as_datetime(instance.anchor)
        occ.due_date = _as_date(instance.due)
        occ.remind_from = remind_from(occ.due_date, obligation.lead_times or [], calendar=lead_calendar)
        occ.due_at = due_at
        occ.strict_date = _as_date(instance.strict)
        occ.provisional = instance.provisional
        occ.explanation = steps_json(instance.steps)
        occ.obsolete = False
    for occ in existing.values():
        # An occurrence the rule no longer produces: forget it unless someone acted on it (history is kept).
        if occ.status == OccurrenceStatus.OPEN and occ.snoozed_until is None and occ.acknowledged_at is None:
            obligation.occurrences.remove(occ)
            session.delete(occ)
        elif not occ.obsolete:
            occ.obsolete = True
        retired += 1
    return ScheduleChange(added, updated, retired)


def reschedule_contract(session: Session, contract: Contract, *, today: dt.date | None = None) -> ScheduleChange:
    total = ScheduleChange()
    for obligation in contract.obligations:
        change = reschedule_obligation(session, obligation, today=today)
        total = ScheduleChange(
            total.added + change.added, total.updated + change.updated, total.retired + change.retired
        )
    return total


CALENDAR_STAMP = "calendar_stamp"


def refresh_for_calendar_data(db: Database, *, today: dt.date | None = None) -> int:
    """Recompute every dated obligation when the holiday data changed (a schedule file loaded, a library
    upgraded): provisional dates become firm, corrected ones move. Returns how many obligations were redone."""
    from obligations.calendars import data_stamp
    from obligations.paths import calendars_dir

    with db.transaction() as session:
        codes = [code for code in session.scalars(select(Contract.calendar).distinct()) if code]
        stamp = data_stamp(codes, directory=calendars_dir())
        state = session.get(AppState, CALENDAR_STAMP)
        if state is not None and state.value == stamp:
            return 0
        redone = 0
        if state is not None:  # the first run only records the stamp: dates were computed with this data
            query = select(Obligation).where(Obligation.review_state == ReviewState.CONFIRMED)
            for obligation in session.scalars(query):
                reschedule_obligation(session, obligation, today=today)
                redone += 1
        if state is None:
            session.add(AppState(key=CALENDAR_STAMP, value=stamp))
        else:
            state.value = stamp
    return redone
