"""Read-side queries shared by the CLI, the UI and the reports. No writes here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from obligations.model import OccurrenceStatus, ReviewState
from obligations.store.tables import Contract, Obligation, Occurrence


@dataclass(frozen=True)
class ObligationRow:
    obligation_id: int
    contract_id: int
    contract_title: str
    party: str | None
    action: str | None
    kind: str
    phrase: str | None
    review_state: str
    next_due: dt.date | None
    owner: str | None


def live_occurrences() -> tuple[ColumnElement[bool], ...]:
    """The occurrences that drive reminders, reports and calendar files: those of a confirmed obligation that
    its rule still produces (obsolete ones are kept only as history). Use with a join to Obligation."""
    return (Obligation.review_state == ReviewState.CONFIRMED, Occurrence.obsolete.is_(False))


def next_due_subquery() -> Select[tuple[int, dt.date]]:
    return (
        select(Occurrence.obligation_id, func.min(Occurrence.due_date).label("next_due"))
        .where(Occurrence.status == OccurrenceStatus.OPEN, Occurrence.obsolete.is_(False))
        .group_by(Occurrence.obligation_id)
    )


def list_obligations(
    session: Session,
    *,
    review_state: str | None = None,
    due_before: dt.date | None = None,
    contract_id: int | None = None,
) -> list[ObligationRow]:
    """Obligations with their next open due date, soonest first (undated last)."""
    nxt = next_due_subquery().subquery()
    query = (
        select(Obligation, Contract.title, nxt.c.next_due)
        .join(Contract, Obligation.contract_id == Contract.id)
        .outerjoin(nxt, nxt.c.obligation_id == Obligation.id)
        .where(Obligation.ends_on.is_(None) | (Obligation.ends_on > func.current_date()))
    )
    if review_state:
        query = query.where(Obligation.review_state == review_state)
    else:
        query = query.where(Obligation.review_state != ReviewState.REJECTED)
    if due_before:
        query = query.where(nxt.c.next_due <= due_before)
    if contract_id is not None:
        query = query.where(Obligation.contract_id == contract_id)
    query = query.order_by(nxt.c.next_due.is_(None), nxt.c.next_due, Obligation.id)
    return [
        ObligationRow(
            ob.id,
            ob.contract_id,
            title,
            ob.party,
            ob.action,
            ob.kind,
            ob.phrase,
            ob.review_state,
            due,
            ob.owner,
        )
        for ob, title, due in session.execute(query)
    ]
