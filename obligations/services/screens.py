"""Read-side queries (and one calculation) for the desktop app's review, calendar and dialog screens.

Plain SQLAlchemy, no Qt: the widgets call these and get frozen rows back, so no widget ever builds SQL.
Writes go through the use-case services (review, occurrences, amendments); nothing here writes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session, selectinload, undefer

from obligations import dates
from obligations.errors import KnownError
from obligations.model import AnchorType, Direction, DueRule, OccurrenceStatus, Period, ReviewState, Unit
from obligations.services.calendars import calendar_for
from obligations.services.scheduling import (
    HORIZON_FUTURE,
    HORIZON_PAST,
    anchors_of,
    steps_json,
)
from obligations.store.tables import Agreement, AuditEvent, Contract, Obligation, Occurrence


class DueState(StrEnum):
    """How a dated occurrence looks on the calendar."""

    UPCOMING = "upcoming"  # open, reminders not started yet
    DUE_SOON = "due_soon"  # open, inside its widest lead window (remind_from): reminders are running
    OVERDUE = "overdue"  # open and its due date has passed
    DONE = "done"
    WAIVED = "waived"


@dataclass(frozen=True)
class ContractView:
    id: int
    version: int
    title: str
    counterparty: str | None
    our_party: str | None
    language: str
    signing_date: dt.date | None
    effective_date: dt.date | None
    expiry_date: dt.date | None
    termination_date: dt.date | None
    term: str | None
    calendar: str


LOW_OCR_CONFIDENCE = 0.9  # below this mean line score a scanned page is flagged for checking


@dataclass(frozen=True)
class AgreementView:
    id: int
    contract_id: int
    role: str
    title: str
    text: str
    page_starts: list[int]
    original_name: str | None
    stored_name: str | None
    file_kind: str | None
    effective_date: dt.date | None
    page_confidence: list[float | None] = field(default_factory=list)  # OCR per page; None: the page had text

    def doubtful_pages(self, below: float = LOW_OCR_CONFIDENCE) -> list[int]:
        """1-based numbers of pages read by OCR with low confidence: their text must be checked by eye."""
        return [n for n, c in enumerate(self.page_confidence, start=1) if c is not None and c < below]


@dataclass(frozen=True)
class ObligationView:
    id: int
    version: int
    contract_id: int
    agreement_id: int | None
    party: str | None
    action: str | None
    kind: str
    rule: DueRule
    owner: str | None
    lead_times: list[int]
    review_state: str
    span_start: int | None
    span_end: int | None
    quote: str | None
    phrase: str | None
    clause: str | None
    confidence: float
    starts_on: dt.date | None
    ends_on: dt.date | None
    supersedes_id: int | None
    superseded_by: list[int]
    next_due: dt.date | None = None
    next_due_at: dt.datetime | None = None
    next_strict: dt.date | None = None
    next_provisional: bool = False  # counted over a year with no published holiday schedule yet
    explanation: list[Any] = field(default_factory=list)
    preview: bool = False  # next_due is what confirming would give: unconfirmed obligations are not scheduled

    @property
    def superseded(self) -> bool:
        return self.ends_on is not None


@dataclass(frozen=True)
class OccurrenceView:
    id: int
    version: int
    key: str
    anchor_at: dt.datetime | None
    due_date: dt.date
    due_at: dt.datetime | None
    strict_date: dt.date | None
    provisional: bool
    explanation: list[Any]
    status: str
    status_by: str | None
    note: str | None
    evidence_name: str | None
    snoozed_until: dt.date | None
    obsolete: bool


@dataclass(frozen=True)
class DueItem:
    """One dated occurrence as the calendar and the agenda show it."""

    occurrence_id: int
    obligation_id: int
    contract_id: int
    contract_title: str
    party: str | None
    action: str | None
    kind: str
    due_date: dt.date
    due_at: dt.datetime | None
    status: str
    state: DueState
    snoozed_until: dt.date | None


@dataclass(frozen=True)
class HistoryRow:
    at: dt.datetime
    actor: str
    entity: str
    entity_id: int | None
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    reason: str | None


@dataclass(frozen=True)
class ObligationDetail:
    obligation: ObligationView
    contract: ContractView
    occurrences: list[OccurrenceView]
    events: list[tuple[int, dt.datetime, str | None]]
    history: list[HistoryRow]


@dataclass(frozen=True)
class AgreementChoice:
    agreement_id: int
    contract_id: int
    contract_title: str
    agreement_title: str
    proposed: int


def _contract_view(c: Contract) -> ContractView:
    return ContractView(
        c.id,
        c.version,
        c.title,
        c.counterparty,
        c.our_party,
        c.language,
        c.signing_date,
        c.effective_date,
        c.expiry_date,
        c.termination_date,
        c.term,
        c.calendar,
    )


def _day(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def is_dateable(rule: DueRule) -> bool:
    """A template blank ("____日内") or a fixed-date rule without its date cannot be dated yet."""
    return rule.fixed_date is not None if rule.direction == Direction.BY else rule.period is not None


@dataclass(frozen=True)
class _Due:
    due_date: dt.date
    due_at: dt.datetime | None
    strict_date: dt.date | None
    explanation: list[Any]
    provisional: bool = False


def _stored_due(ob: Obligation, today: dt.date) -> _Due | None:
    """The occurrence to show beside an obligation: the first open one from today, else the last open one."""
    live = [o for o in ob.occurrences if not o.obsolete and o.status == OccurrenceStatus.OPEN]
    upcoming = [o for o in live if o.due_date >= today]
    pick = min(upcoming, key=lambda o: o.due_date) if upcoming else (live[-1] if live else None)
    if pick is None:
        return None
    return _Due(pick.due_date, pick.due_at, pick.strict_date, list(pick.explanation or []), pick.provisional)


def _preview_due(ob: Obligation, today: dt.date) -> _Due | None:
    """The due date an unconfirmed obligation would get: computed, not stored (it drives nothing yet)."""
    if not is_dateable(ob.rule):
        return None  # a blank period or a fixed-date rule without its date
    found = dates.occurrences(
        ob.rule,
        anchors=anchors_of(ob),
        calendar=calendar_for(ob.contract.calendar),
        start=today - HORIZON_PAST,
        end=today + HORIZON_FUTURE,
    )
    upcoming = [o for o in found if _day(o.due) >= today]
    if not (upcoming or found):
        return None
    pick = (upcoming or found)[0]
    due_at = pick.due if isinstance(pick.due, dt.datetime) else None
    return _Due(_day(pick.due), due_at, _day(pick.strict), steps_json(pick.steps), pick.provisional)


def _obligation_view(ob: Obligation, today: dt.date) -> ObligationView:
    preview = ob.review_state != ReviewState.CONFIRMED
    nxt = _preview_due(ob, today) if preview else _stored_due(ob, today)
    return ObligationView(
        id=ob.id,
        version=ob.version,
        contract_id=ob.contract_id,
        agreement_id=ob.agreement_id,
        party=ob.party,
        action=ob.action,
        kind=ob.kind,
        rule=ob.rule,
        owner=ob.owner,
        lead_times=list(ob.lead_times or []),
        review_state=ob.review_state,
        span_start=ob.span_start,
        span_end=ob.span_end,
        quote=ob.quote,
        phrase=ob.phrase,
        clause=ob.clause,
        confidence=ob.confidence,
        starts_on=ob.starts_on,
        ends_on=ob.ends_on,
        supersedes_id=ob.supersedes_id,
        superseded_by=[s.id for s in ob.superseded_by],
        next_due=nxt.due_date if nxt else None,
        next_due_at=nxt.due_at if nxt else None,
        next_strict=nxt.strict_date if nxt else None,
        next_provisional=nxt.provisional if nxt else False,
        explanation=nxt.explanation if nxt else [],
        preview=preview,
    )


def _occurrence_view(o: Occurrence) -> OccurrenceView:
    return OccurrenceView(
        o.id,
        o.version,
        o.key,
        o.anchor_at,
        o.due_date,
        o.due_at,
        o.strict_date,
        o.provisional,
        list(o.explanation or []),
        o.status,
        o.status_by,
        o.note,
        o.evidence_name,
        o.snoozed_until,
        o.obsolete,
    )


def agreements_to_review(session: Session, *, include: int | None = None, limit: int = 300) -> list[AgreementChoice]:
    """Agreements with obligations still waiting for review (newest first), and agreement `include` in any case.

    Bounded: with thousands of contracts the picker lists what needs a lawyer, not the whole archive.
    """
    proposed = (
        select(Obligation.agreement_id, func.count().label("n"))
        .where(Obligation.review_state == ReviewState.PROPOSED)
        .group_by(Obligation.agreement_id)
        .subquery()
    )
    query = (
        select(Agreement.id, Agreement.contract_id, Contract.title, Agreement.title, proposed.c.n)
        .join(Contract, Agreement.contract_id == Contract.id)
        .outerjoin(proposed, proposed.c.agreement_id == Agreement.id)
        .where(or_(proposed.c.n > 0, Agreement.id == include))
        .order_by(proposed.c.n.is_(None), Agreement.id.desc())
        .limit(limit)
    )
    return [AgreementChoice(a, c, ct, at, n or 0) for a, c, ct, at, n in session.execute(query)]


def review_data(
    session: Session, agreement_id: int, *, today: dt.date
) -> tuple[ContractView, AgreementView, list[ObligationView]]:
    """An agreement, its contract and the obligations found in it (in text order), for the review screen."""
    agreement = session.get(Agreement, agreement_id, options=[undefer(Agreement.text)])
    if agreement is None:
        raise KnownError(f"no agreement with id {agreement_id}")
    rows = session.scalars(
        select(Obligation)
        # what each row shows is loaded with it: one query per relation, not one per obligation
        .options(
            selectinload(Obligation.superseded_by),
            selectinload(Obligation.occurrences),
            selectinload(Obligation.events),  # a proposed obligation's preview counts from its events
        )
        .where(Obligation.agreement_id == agreement_id)
        .order_by(Obligation.span_start.is_(None), Obligation.span_start, Obligation.id)
    )
    view = AgreementView(
        agreement.id,
        agreement.contract_id,
        agreement.role,
        agreement.title,
        agreement.text or "",
        list(agreement.page_starts or []),
        agreement.original_name,
        agreement.stored_name,
        agreement.file_kind,
        agreement.effective_date,
        list(agreement.page_confidence or []),
    )
    return _contract_view(agreement.contract), view, [_obligation_view(ob, today) for ob in rows]


@dataclass(frozen=True)
class ReviewScreen:
    """Everything the review screen shows for one agreement, read in one go: on the import's worker thread, so
    the window only has to show it when the import ends."""

    contract: ContractView
    agreement: AgreementView
    obligations: list[ObligationView]
    choices: list[AgreementChoice]


def review_screen(session: Session, agreement_id: int, *, today: dt.date) -> ReviewScreen:
    contract, agreement, rows = review_data(session, agreement_id, today=today)
    return ReviewScreen(contract, agreement, rows, agreements_to_review(session, include=agreement_id))


def contract_view(session: Session, contract_id: int) -> ContractView:
    contract = session.get(Contract, contract_id)
    if contract is None:
        raise KnownError(f"no contract with id {contract_id}")
    return _contract_view(contract)


def live_obligations(session: Session, contract_id: int, *, today: dt.date) -> list[ObligationView]:
    """A contract's confirmed obligations not yet replaced or ended: what a supplementary agreement can change."""
    rows = session.scalars(
        select(Obligation)
        .where(
            Obligation.contract_id == contract_id,
            Obligation.review_state == ReviewState.CONFIRMED,
            Obligation.ends_on.is_(None),
        )
        .order_by(Obligation.id)
    )
    return [_obligation_view(ob, today) for ob in rows]


def _state(status: str, due: dt.date, remind_from: dt.date | None, today: dt.date) -> DueState:
    if status == OccurrenceStatus.DONE:
        return DueState.DONE
    if status == OccurrenceStatus.WAIVED:
        return DueState.WAIVED
    if due < today:
        return DueState.OVERDUE
    if remind_from is not None and remind_from <= today:
        return DueState.DUE_SOON  # the widest lead window has opened: the same test the reminders use
    return DueState.UPCOMING


def _due_query(start: dt.date, end: dt.date) -> Select[*tuple[Any, ...]]:
    """Plain columns, not entities: a month of a large portfolio is thousands of rows, built in milliseconds."""
    return (
        select(
            Occurrence.id,
            Obligation.id,
            Obligation.contract_id,
            Contract.title,
            Obligation.party,
            Obligation.action,
            Obligation.kind,
            Occurrence.due_date,
            Occurrence.due_at,
            Occurrence.status,
            Occurrence.remind_from,
            Occurrence.snoozed_until,
        )
        .join(Obligation, Occurrence.obligation_id == Obligation.id)
        .join(Contract, Obligation.contract_id == Contract.id)
        .where(
            Occurrence.due_date >= start,
            Occurrence.due_date <= end,
            # `|| ''` keeps SQLite (without ANALYZE statistics) from driving the plan by the review-state index,
            # which visits every confirmed obligation; the due-date range is the selective condition.
            Obligation.review_state.concat("") == ReviewState.CONFIRMED,
            or_(Occurrence.obsolete.is_(False), Occurrence.status != OccurrenceStatus.OPEN),
        )
        .order_by(Occurrence.due_date, Occurrence.due_at, Occurrence.id)
    )


def _items(session: Session, query: Select[*tuple[Any, ...]], today: dt.date) -> list[DueItem]:
    return [
        DueItem(
            occ,
            ob,
            contract,
            title,
            party,
            action,
            kind,
            due,
            due_at,
            status,
            _state(status, due, remind, today),
            snoozed,
        )
        for occ, ob, contract, title, party, action, kind, due, due_at, status, remind, snoozed in session.execute(
            query
        )
    ]


def due_items(session: Session, start: dt.date, end: dt.date, *, today: dt.date) -> list[DueItem]:
    """Occurrences of confirmed obligations due in [start, end], soonest first.

    Occurrences the rule no longer produces (obsolete) are shown only if someone acted on them.
    """
    return _items(session, _due_query(start, end), today)


def agenda(session: Session, today: dt.date, until: dt.date, *, limit: int = 2000) -> list[DueItem]:
    """What needs attention: open overdue occurrences, then everything due from today to `until`.

    At most `limit` rows (a list longer than that is read by filtering, not scrolling): the caller says
    "showing the first N" when it gets exactly `limit`.
    """
    overdue = _due_query(today - HORIZON_PAST, today - dt.timedelta(days=1)).where(
        Occurrence.status == OccurrenceStatus.OPEN
    )
    items = _items(session, overdue.limit(limit), today)
    if len(items) < limit:
        items += _items(session, _due_query(today, until).limit(limit - len(items)), today)
    return items


@dataclass(frozen=True)
class DayCell:
    """What a day of the month grid shows: its first few items and how many there are in all."""

    items: list[DueItem]
    count: int


def month_cells(
    session: Session, start: dt.date, end: dt.date, *, today: dt.date, per_day: int = 3
) -> dict[dt.date, DayCell]:
    """The first `per_day` due items of each day in [start, end] and each day's total, in two queries.

    A busy portfolio has hundreds of items on a month-end: the grid shows three and "+n more".
    """
    ranked = _due_query(start, end).add_columns(
        func.row_number()
        .over(partition_by=Occurrence.due_date, order_by=(Occurrence.due_at, Occurrence.id))
        .label("rank")
    )
    inner = ranked.order_by(None).subquery()
    first = select(*[c for c in inner.c if c.name != "rank"]).where(inner.c.rank <= per_day)
    first = first.order_by(inner.c[7], inner.c[8], inner.c[0])  # due date, due time, occurrence id
    counts = select(inner.c[7], func.count()).group_by(inner.c[7])
    cells: dict[dt.date, DayCell] = {day: DayCell([], n) for day, n in session.execute(counts)}
    for item in _items(session, first, today):
        cells[item.due_date].items.append(item)
    return cells


def _history(session: Session, clauses: list[Any]) -> list[HistoryRow]:
    rows = session.scalars(select(AuditEvent).where(or_(*clauses)).order_by(AuditEvent.at, AuditEvent.id))
    return [HistoryRow(r.at, r.actor, r.entity, r.entity_id, r.action, r.before, r.after, r.reason) for r in rows]


def obligation_detail(session: Session, obligation_id: int, *, today: dt.date) -> ObligationDetail:
    """An obligation with its dated occurrences, recorded events and full audit history."""
    ob = session.get(Obligation, obligation_id)
    if ob is None:
        raise KnownError(f"no obligation with id {obligation_id}")
    occurrences = sorted(ob.occurrences, key=lambda o: (o.due_date, o.id))
    occ_ids = [o.id for o in occurrences]
    event_ids = [e.id for e in ob.events]
    clauses: list[Any] = [and_(AuditEvent.entity == "obligation", AuditEvent.entity_id == ob.id)]
    if occ_ids:
        clauses.append(and_(AuditEvent.entity == "occurrence", AuditEvent.entity_id.in_(occ_ids)))
    if event_ids:
        clauses.append(and_(AuditEvent.entity == "trigger_event", AuditEvent.entity_id.in_(event_ids)))
    return ObligationDetail(
        _obligation_view(ob, today),
        _contract_view(ob.contract),
        [_occurrence_view(o) for o in occurrences],
        [(e.id, e.occurred_at, e.note) for e in ob.events],
        _history(session, clauses),
    )


def contract_history(session: Session, contract_id: int) -> list[HistoryRow]:
    """Everything recorded for a contract: its facts, agreements, obligations and occurrences."""
    return _history(session, [AuditEvent.contract_id == contract_id])


def occurrence_of(session: Session, occurrence_id: int) -> tuple[int, int]:
    """(obligation id, version) of an occurrence, for a dialog opened on one occurrence."""
    occ = session.get(Occurrence, occurrence_id)
    if occ is None:
        raise KnownError(f"no occurrence with id {occurrence_id}")
    return occ.obligation_id, occ.version


@dataclass(frozen=True)
class Calculation:
    due_date: dt.date
    due_at: dt.datetime | None
    strict_date: dt.date
    strict_at: dt.datetime | None
    provisional: bool
    steps: list[Any]


def calculate(
    anchor: dt.date | dt.datetime,
    *,
    amount: float,
    unit: Unit,
    direction: Direction,
    calendar: str,
    include_start_day: bool = False,
) -> Calculation:
    """A due date from an anchor and a period, through the engine that dates obligations (`tickler calc`).

    Raises KnownError for a calendar that cannot be opened or a period the engine refuses.
    """
    try:
        result = dates.compute_due(
            anchor,
            Period(amount, unit),
            direction,
            calendar=calendar_for(calendar),
            include_start_day=include_start_day,
        )
    except ValueError as exc:  # UnknownCalendarError is one; a fractional or negative period another
        raise KnownError(str(exc)) from exc
    due_at = result.due if isinstance(result.due, dt.datetime) else None
    strict_at = result.strict if isinstance(result.strict, dt.datetime) else None
    return Calculation(
        _day(result.due), due_at, _day(result.strict), strict_at, result.provisional, steps_json(result.steps)
    )


def draft_from_selection(text: str) -> tuple[DueRule, dict[str, Any]]:
    """A starting point for an obligation the lawyer selected by hand: what the extractor reads in the
    selection alone, else an event-triggered rule with no period yet (the lawyer completes it)."""
    from obligations.extract import extract

    found = extract(text).obligations
    if found:
        first = found[0]
        values = {"party": first.party, "action": first.action, "kind": str(first.kind), "phrase": first.phrase}
        return first.rule, {k: v for k, v in values.items() if v}
    return DueRule(direction=Direction.AFTER, anchor_type=AnchorType.EVENT), {"phrase": text.strip()[:300]}
