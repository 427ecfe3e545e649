"""Turning confirmed obligations into dated occurrences, and keeping them right when facts change.

Occurrences are matched to what the rule produces by `key` (the anchor instant), so recomputing after a
supplementary agreement or a recorded event keeps every done/waived/snoozed history row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from obligations.model import OccurrenceStatus, ReviewState
from obligations.services import duecalc
from obligations.store.tables import Contract, Obligation, Occurrence

# Recurring obligations are materialised over a rolling window; the reminder run extends it.
HORIZON_PAST = dt.timedelta(days=400)
HORIZON_FUTURE = dt.timedelta(days=800)


@dataclass(frozen=True)
class ScheduleChange:
    added: int = 0
    updated: int = 0
    retired: int = 0


def contract_anchors(contract: Contract) -> duecalc.ContractDates:
    return duecalc.ContractDates(
        signing=contract.signing_date,
        effective=contract.effective_date,
        expiry=contract.expiry_date,
        termination=contract.termination_date,
    )


def governs(obligation: Obligation, day: dt.date) -> bool:
    """Whether `obligation` (rather than one replacing it, or none) governs what falls due on `day`."""
    if obligation.starts_on is not None and day < obligation.starts_on:
        return False
    return obligation.ends_on is None or day < obligation.ends_on


def reschedule_obligation(
    session: Session, obligation: Obligation, *, today: dt.date | None = None
) -> ScheduleChange:
    """Bring `obligation`'s occurrences in line with its rule, contract dates and recorded events."""
    today = today or dt.date.today()
    wanted: dict[str, duecalc.DueInstance] = {}
    if obligation.review_state == ReviewState.CONFIRMED:
        contract = obligation.contract
        for instance in duecalc.due_instances(
            obligation.rule,
            dates=contract_anchors(contract),
            events=[(e.id, e.occurred_at) for e in obligation.events],
            calendar=contract.calendar,
            start=today - HORIZON_PAST,
            end=today + HORIZON_FUTURE,
        ):
            if governs(obligation, instance.due_date):
                wanted[instance.key] = instance
    added = updated = retired = 0
    existing = {occ.key: occ for occ in obligation.occurrences}
    for key, instance in wanted.items():
        occ = existing.pop(key, None)
        if occ is None:
            occ = Occurrence(key=key)
            obligation.occurrences.append(occ)
            added += 1
        elif (occ.due_date, occ.due_at, occ.obsolete) != (instance.due_date, instance.due_at, False):
            updated += 1
        occ.anchor_at = instance.anchor_at
        occ.due_date = instance.due_date
        occ.due_at = instance.due_at
        occ.strict_date = instance.strict_date
        occ.provisional = instance.provisional
        occ.explanation = instance.steps
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


def reschedule_contract(
    session: Session, contract: Contract, *, today: dt.date | None = None
) -> ScheduleChange:
    total = ScheduleChange()
    for obligation in contract.obligations:
        change = reschedule_obligation(session, obligation, today=today)
        total = ScheduleChange(
            total.added + change.added, total.updated + change.updated, total.retired + change.retired
        )
    return total
