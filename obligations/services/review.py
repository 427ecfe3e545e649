"""The lawyer's review of extracted obligations: confirm, reject, edit, add one the extractor missed.

Only confirmed obligations get dated occurrences and so drive reminders.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from obligations.errors import KnownError
from obligations.model import DueRule, ReviewState
from obligations.reminders.leads import default_lead_times
from obligations.services.scheduling import reschedule_contract, reschedule_obligation
from obligations.store.tables import Contract, Obligation

# Obligation columns a user may edit directly; the due rule is edited through `rule=`.
EDITABLE = frozenset({"party", "action", "kind", "owner", "lead_times", "lead_in_business_days", "note", "clause"})
CONTRACT_FACTS = frozenset(
    {
        "title",
        "counterparty",
        "our_party",
        "signing_date",
        "effective_date",
        "expiry_date",
        "termination_date",
        "term",
        "calendar",
        "notes",
    }
)


def _get(session: Session, obligation_id: int) -> Obligation:
    obligation = session.get(Obligation, obligation_id)
    if obligation is None:
        raise KnownError(f"no obligation with id {obligation_id}")
    return obligation


def set_review_state(
    session: Session, obligation_ids: list[int], state: ReviewState, *, today: dt.date | None = None
) -> None:
    for obligation_id in obligation_ids:
        obligation = _get(session, obligation_id)
        obligation.review_state = state
        reschedule_obligation(session, obligation, today=today)


def confirm(session: Session, obligation_ids: list[int], *, today: dt.date | None = None) -> None:
    set_review_state(session, obligation_ids, ReviewState.CONFIRMED, today=today)


def reject(session: Session, obligation_ids: list[int], *, today: dt.date | None = None) -> None:
    set_review_state(session, obligation_ids, ReviewState.REJECTED, today=today)


def edit_obligation(
    session: Session,
    obligation_id: int,
    *,
    rule: DueRule | None = None,
    expected_version: int | None = None,
    today: dt.date | None = None,
    **changes: Any,
) -> Obligation:
    """Change fields of an obligation (and its rule); its occurrences are recomputed.

    `expected_version` is the version the user's form was loaded from: when someone else saved in between,
    the edit is refused instead of overwriting theirs.
    """
    obligation = _get(session, obligation_id)
    if expected_version is not None and obligation.version != expected_version:
        raise KnownError("this obligation was changed by someone else meanwhile; reload it and edit again")
    unknown = set(changes) - EDITABLE
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    for name, value in changes.items():
        setattr(obligation, name, value)
    if rule is not None:
        obligation.set_rule(rule)
    reschedule_obligation(session, obligation, today=today)
    return obligation


def add_obligation(
    session: Session,
    contract_id: int,
    rule: DueRule,
    *,
    agreement_id: int | None = None,
    span: tuple[int, int] | None = None,
    quote: str | None = None,
    confirmed: bool = True,
    today: dt.date | None = None,
    **values: Any,
) -> Obligation:
    """An obligation entered by hand (e.g. from text selected in the review screen)."""
    contract = session.get(Contract, contract_id)
    if contract is None:
        raise KnownError(f"no contract with id {contract_id}")
    unknown = set(values) - EDITABLE - {"phrase"}
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")
    obligation = Obligation(
        contract=contract,
        agreement_id=agreement_id,
        quote=quote,
        span_start=span[0] if span else None,
        span_end=span[1] if span else None,
        confidence=1.0,  # a person wrote it
        review_state=ReviewState.CONFIRMED if confirmed else ReviewState.PROPOSED,
        **values,
    )
    obligation.set_rule(rule)
    if not obligation.lead_times:
        obligation.lead_times = default_lead_times(obligation.kind)
    session.add(obligation)
    session.flush()
    reschedule_obligation(session, obligation, today=today)
    return obligation


def edit_contract(
    session: Session,
    contract_id: int,
    *,
    expected_version: int | None = None,
    today: dt.date | None = None,
    **facts: Any,
) -> Contract:
    """Change contract facts; every obligation counted from a changed date is recomputed."""
    contract = session.get(Contract, contract_id)
    if contract is None:
        raise KnownError(f"no contract with id {contract_id}")
    if expected_version is not None and contract.version != expected_version:
        raise KnownError("this contract was changed by someone else meanwhile; reload it and edit again")
    unknown = set(facts) - CONTRACT_FACTS
    if unknown:
        raise ValueError(f"not contract facts: {sorted(unknown)}")
    for name, value in facts.items():
        setattr(contract, name, value)
    reschedule_contract(session, contract, today=today)
    return contract
