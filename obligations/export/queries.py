"""The report's reads: each sheet is one query (joined, never a query per row), occurrences streamed.

Only confirmed obligations' current (non-obsolete) occurrences count: proposed ones drive nothing yet, and an
obsolete occurrence is history the rule no longer produces.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select
from sqlalchemy.orm import Session

from obligations.export.period import EVERYTHING, Scope
from obligations.model import AnchorType, Kind, OccurrenceStatus, ReviewState
from obligations.services.queries import live_occurrences
from obligations.store.tables import Agreement, AgreementRole, AuditEvent, Contract, Obligation, Occurrence

STREAM_BATCH = 2000  # rows fetched at a time: memory stays flat however many occurrences there are

OPEN = OccurrenceStatus.OPEN.value


class OccurrenceRow(NamedTuple):
    occurrence_id: int
    due_date: dt.date
    status: str
    note: str | None
    explanation: list[Any] | None
    provisional: bool | None
    party: str | None
    action: str | None
    phrase: str | None
    kind: str
    clause: str | None
    quote: str | None
    owner: str | None
    contract_id: int
    contract_title: str
    counterparty: str | None


def _current(scope: Scope = EVERYTHING) -> tuple[ColumnElement[bool], ...]:
    """Occurrences that count, of the obligations in scope (joined to Obligation)."""
    return (*live_occurrences(), *_in_scope(scope))


def _in_scope(scope: Scope) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = []
    if scope.contract_ids is not None:
        clauses.append(Obligation.contract_id.in_(sorted(scope.contract_ids)))
    if scope.owner is not None:
        clauses.append(Obligation.owner == scope.owner)
    return clauses


def _contracts_in(scope: Scope) -> list[ColumnElement[bool]]:
    """The contracts in scope: those chosen, and with an owner filter those holding an obligation of theirs."""
    clauses: list[ColumnElement[bool]] = []
    if scope.contract_ids is not None:
        clauses.append(Contract.id.in_(sorted(scope.contract_ids)))
    if scope.owner is not None:
        clauses.append(Contract.id.in_(select(Obligation.contract_id).where(Obligation.owner == scope.owner)))
    return clauses


def _occurrences(scope: Scope = EVERYTHING) -> Select[Any]:
    return (
        select(
            Occurrence.id,
            Occurrence.due_date,
            Occurrence.status,
            Occurrence.note,
            Occurrence.explanation,
            Occurrence.provisional,
            Obligation.party,
            Obligation.action,
            Obligation.phrase,
            Obligation.kind,
            Obligation.clause,
            Obligation.quote,
            Obligation.owner,
            Contract.id,
            Contract.title,
            Contract.counterparty,
        )
        .join(Obligation, Occurrence.obligation_id == Obligation.id)
        .join(Contract, Obligation.contract_id == Contract.id)
        .where(*_current(scope))
    )


def _stream(session: Session, query: Select[Any]) -> Iterator[OccurrenceRow]:
    for row in session.execute(query.execution_options(yield_per=STREAM_BATCH)):
        yield OccurrenceRow(*row)


def due_between(session: Session, start: dt.date, end: dt.date, scope: Scope = EVERYTHING) -> Iterator[OccurrenceRow]:
    """Every current occurrence due from `start` to `end` inclusive, whatever its status, soonest first."""
    query = _occurrences(scope).where(Occurrence.due_date >= start, Occurrence.due_date <= end)
    return _stream(session, query.order_by(Occurrence.due_date, Contract.title, Occurrence.id))


def overdue(session: Session, today: dt.date, scope: Scope = EVERYTHING) -> Iterator[OccurrenceRow]:
    """Open occurrences due before `today`, the longest overdue first."""
    query = _occurrences(scope).where(Occurrence.status == OPEN, Occurrence.due_date < today)
    return _stream(session, query.order_by(Occurrence.due_date, Contract.title, Occurrence.id))


class ContractRow(NamedTuple):
    contract_id: int
    title: str
    counterparty: str | None
    signing_date: dt.date | None
    effective_date: dt.date | None
    expiry_date: dt.date | None
    termination_date: dt.date | None
    term: str | None
    calendar: str
    supplements: int
    open: int
    overdue: int
    next_due: dt.date | None


def contracts(session: Session, today: dt.date, scope: Scope = EVERYTHING) -> list[ContractRow]:
    """Every contract with its supplementary-agreement count and open/overdue obligations (three queries' worth
    of work in one: two grouped subqueries joined to the contracts)."""
    supplements = (
        select(Agreement.contract_id, func.count().label("n"))
        .where(Agreement.role == AgreementRole.SUPPLEMENTARY.value)
        .group_by(Agreement.contract_id)
        .subquery()
    )
    is_open = Occurrence.status == OPEN
    stats = (
        select(
            Obligation.contract_id,
            func.sum(case((is_open, 1), else_=0)).label("open"),
            func.sum(case((and_(is_open, Occurrence.due_date < today), 1), else_=0)).label("overdue"),
            func.min(case((and_(is_open, Occurrence.due_date >= today), Occurrence.due_date))).label("next_due"),
        )
        .join(Occurrence, Occurrence.obligation_id == Obligation.id)
        .where(*_current(scope))
        .group_by(Obligation.contract_id)
        .subquery()
    )
    query = (
        select(
            Contract.id,
            Contract.title,
            Contract.counterparty,
            Contract.signing_date,
            Contract.effective_date,
            Contract.expiry_date,
            Contract.termination_date,
            Contract.term,
            Contract.calendar,
            func.coalesce(supplements.c.n, 0),
            func.coalesce(stats.c.open, 0),
            func.coalesce(stats.c.overdue, 0),
            stats.c.next_due,
        )
        .outerjoin(supplements, supplements.c.contract_id == Contract.id)
        .outerjoin(stats, stats.c.contract_id == Contract.id)
        .where(*_contracts_in(scope))
        .order_by(Contract.title, Contract.id)
    )
    return [ContractRow._make([*row[:12], _as_date(row[12])]) for row in session.execute(query)]


def _as_date(value: Any) -> dt.date | None:
    """MIN() over a CASE loses the column type on SQLite, which hands back the ISO text."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def languages(session: Session) -> dict[str, int]:
    return dict(session.execute(select(Contract.language, func.count()).group_by(Contract.language)).all())


# ---- Summary aggregates -------------------------------------------------------------------------------------


def month_by_day(
    session: Session, start: dt.date, end: dt.date, scope: Scope = EVERYTHING
) -> list[tuple[dt.date, str, int]]:
    """(due date, status, count) for the month: the state counts and the weekly chart are built from this."""
    query = (
        select(Occurrence.due_date, Occurrence.status, func.count())
        .join(Obligation, Occurrence.obligation_id == Obligation.id)
        .where(*_current(scope), Occurrence.due_date >= start, Occurrence.due_date <= end)
        .group_by(Occurrence.due_date, Occurrence.status)
    )
    return [(_as_date(d) or start, status, n) for d, status, n in session.execute(query)]


def count_open_between(session: Session, start: dt.date | None, end: dt.date, scope: Scope = EVERYTHING) -> int:
    """Open current occurrences due in [start, end) (`start` None: from the beginning)."""
    query = (
        select(func.count())
        .select_from(Occurrence)
        .join(Obligation, Occurrence.obligation_id == Obligation.id)
        .where(*_current(scope), Occurrence.status == OPEN, Occurrence.due_date < end)
    )
    if start is not None:
        query = query.where(Occurrence.due_date >= start)
    return int(session.scalar(query) or 0)


def awaiting_review(session: Session, scope: Scope = EVERYTHING) -> int:
    query = select(func.count()).where(
        Obligation.review_state == ReviewState.PROPOSED.value, Obligation.ends_on.is_(None), *_in_scope(scope)
    )
    return int(session.scalar(query) or 0)


class GroupCounts(NamedTuple):
    key: Any  # contract id or owner
    due_month: int
    done_month: int
    overdue: int
    open_next: int  # open, due from today within the next-days window
    next_due: dt.date | None


def _group_counts(month: tuple[dt.date, dt.date], today: dt.date, next_end: dt.date) -> list[Any]:
    in_month = and_(Occurrence.due_date >= month[0], Occurrence.due_date <= month[1])
    is_open = Occurrence.status == OPEN
    upcoming = and_(is_open, Occurrence.due_date >= today)
    return [
        func.sum(case((in_month, 1), else_=0)),
        func.sum(case((and_(in_month, Occurrence.status == OccurrenceStatus.DONE.value), 1), else_=0)),
        func.sum(case((and_(is_open, Occurrence.due_date < today), 1), else_=0)),
        func.sum(case((and_(upcoming, Occurrence.due_date <= next_end), 1), else_=0)),
        func.min(case((upcoming, Occurrence.due_date))),
    ]


def counts_by(
    session: Session,
    key: Any,
    month: tuple[dt.date, dt.date],
    today: dt.date,
    next_end: dt.date,
    scope: Scope = EVERYTHING,
) -> list[GroupCounts]:
    """Per contract id (key=Obligation.contract_id) or owner: counts for every group with anything to show."""
    query = (
        select(key, *_group_counts(month, today, next_end))
        .select_from(Occurrence)
        .join(Obligation, Occurrence.obligation_id == Obligation.id)
        .where(*_current(scope))
        .group_by(key)
    )
    rows = [
        GroupCounts(k, int(a or 0), int(b or 0), int(c or 0), int(d or 0), _as_date(e))
        for k, a, b, c, d, e in session.execute(query)
    ]
    rows = [r for r in rows if r.due_month or r.overdue or r.open_next]
    return sorted(rows, key=lambda r: (-r.overdue, -r.due_month, -r.open_next, str(r.key or "")))


class HorizonRow(NamedTuple):
    day: dt.date
    what: str  # "expiry" | "notice"
    contract_title: str
    counterparty: str | None
    detail: str | None  # the notice obligation's party and action


def horizon(session: Session, today: dt.date, end: dt.date, scope: Scope = EVERYTHING) -> list[HorizonRow]:
    """Contract expiries and non-renewal notice deadlines from today to `end`, by date."""
    expiring = select(Contract.expiry_date, Contract.title, Contract.counterparty).where(
        Contract.expiry_date >= today,
        Contract.expiry_date <= end,
        Contract.termination_date.is_(None) | (Contract.termination_date > Contract.expiry_date),
        *_contracts_in(scope),
    )
    rows = [HorizonRow(d, "expiry", t, c, None) for d, t, c in session.execute(expiring) if d is not None]
    # A notice counted back from expiry is the non-renewal (不续约) notice; a renewal obligation is one too.
    is_notice = or_(
        Obligation.kind == Kind.RENEWAL.value,
        and_(Obligation.kind == Kind.NOTICE.value, Obligation.anchor_type == AnchorType.EXPIRY.value),
    )
    notices = (
        select(Occurrence.due_date, Contract.title, Contract.counterparty, Obligation.party, Obligation.action)
        .join(Obligation, Occurrence.obligation_id == Obligation.id)
        .join(Contract, Obligation.contract_id == Contract.id)
        .where(*_current(scope), is_notice, Occurrence.status == OPEN)
        .where(Occurrence.due_date >= today, Occurrence.due_date <= end)
    )
    for d, title, counterparty, party, action in session.execute(notices):
        detail = "：".join(x for x in (party, action) if x) or None
        rows.append(HorizonRow(d, "notice", title, counterparty, detail))
    return sorted(rows, key=lambda r: (r.day, r.what != "notice", r.contract_title))


# ---- Changes this month --------------------------------------------------------------------------------------


def new_contracts(session: Session, start: dt.datetime, end: dt.datetime, scope: Scope = EVERYTHING) -> list[Any]:
    query = (
        select(Contract.created_at, Contract.title, Contract.counterparty, Contract.expiry_date)
        .where(Contract.created_at >= start, Contract.created_at < end, *_contracts_in(scope))
        .order_by(Contract.created_at)
    )
    return list(session.execute(query))


def supplements(
    session: Session,
    start: dt.datetime,
    end: dt.datetime,
    month: tuple[dt.date, dt.date],
    scope: Scope = EVERYTHING,
) -> list[Any]:
    """Supplementary agreements recorded this month or taking effect this month."""
    query = (
        select(Agreement, Contract.title, Contract.counterparty)
        .join(Contract, Agreement.contract_id == Contract.id)
        .where(Agreement.role == AgreementRole.SUPPLEMENTARY.value, *_contracts_in(scope))
        .where(
            and_(Agreement.created_at >= start, Agreement.created_at < end)
            | and_(Agreement.effective_date >= month[0], Agreement.effective_date <= month[1])
        )
        .order_by(Agreement.effective_date, Agreement.id)
    )
    return list(session.execute(query))


def obligations_touched_by(session: Session, agreement_ids: list[int]) -> list[Obligation]:
    """Obligations each agreement added, replaced (old and new) or ended: one query for all of them."""
    if not agreement_ids:
        return []
    query = select(Obligation).where(
        Obligation.agreement_id.in_(agreement_ids) | Obligation.ended_by_agreement_id.in_(agreement_ids)
    )
    return list(session.scalars(query.order_by(Obligation.id)))


def status_events(session: Session, start: dt.datetime, end: dt.datetime, scope: Scope = EVERYTHING) -> Iterator[Any]:
    """Audit events that changed an occurrence's status this month, with what it was an occurrence of."""
    query = (
        select(
            AuditEvent.at,
            AuditEvent.actor,
            AuditEvent.before,
            AuditEvent.after,
            Occurrence.due_date,
            Occurrence.note,
            Obligation.party,
            Obligation.action,
            Obligation.phrase,
            Contract.title,
            Contract.counterparty,
        )
        .outerjoin(Occurrence, Occurrence.id == AuditEvent.entity_id)
        .outerjoin(Obligation, Occurrence.obligation_id == Obligation.id)
        .outerjoin(Contract, Contract.id == AuditEvent.contract_id)
        .where(AuditEvent.entity == "occurrence", AuditEvent.action == "update")
        .where(AuditEvent.at >= start, AuditEvent.at < end, *_in_scope(scope))
        .order_by(AuditEvent.at, AuditEvent.id)
    )
    for row in session.execute(query.execution_options(yield_per=STREAM_BATCH)):
        if "status" in (row.after or {}):
            yield row
