"""Supplementary agreements (补充协议, amendments) entered by hand, and "what governs on date D".

A supplementary agreement belongs to a contract and can
  (a) add obligations,
  (b) replace an obligation from its effective date on — the old one is kept, marked superseded (`ends_on`),
      and the new one `supersedes` it and governs from `starts_on`,
  (c) end an obligation,
  (d) change contract facts (a new expiry date, a new term).
Everything is recomputed in the same transaction and the audit trail keeps before/after.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from obligations.errors import KnownError
from obligations.model import DueRule, ReviewState
from obligations.reminders.leads import default_lead_times
from obligations.services.review import CONTRACT_FACTS, EDITABLE
from obligations.services.scheduling import reschedule_contract
from obligations.store.tables import Agreement, AgreementRole, Contract, Obligation


@dataclass(frozen=True)
class NewObligation:
    rule: DueRule
    values: dict[str, Any] = field(default_factory=dict)  # party, action, kind, owner, lead_times, ...


@dataclass(frozen=True)
class Replacement:
    """Obligation `obligation_id` is replaced by a copy with these changes (e.g. payment within 30 days, not 15)."""

    obligation_id: int
    rule: DueRule | None = None
    values: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Supplement:
    title: str
    effective_date: dt.date
    signing_date: dt.date | None = None
    text: str = ""
    add: list[NewObligation] = field(default_factory=list)
    replace: list[Replacement] = field(default_factory=list)
    end: list[int] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)  # contract facts it changes: {"expiry_date": date}


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _owned_obligation(session: Session, contract: Contract, obligation_id: int) -> Obligation:
    obligation = session.get(Obligation, obligation_id)
    if obligation is None or obligation.contract_id != contract.id:
        raise KnownError(f"obligation {obligation_id} does not belong to contract {contract.id}")
    if obligation.ends_on is not None:
        raise KnownError(f"obligation {obligation_id} was already replaced or ended on {obligation.ends_on}")
    return obligation


def _copy_with(old: Obligation, change: Replacement, agreement: Agreement, starts_on: dt.date) -> Obligation:
    unknown = set(change.values) - EDITABLE
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    new = Obligation(
        contract_id=old.contract_id,
        agreement=agreement,
        supersedes=old,
        starts_on=starts_on,
        review_state=ReviewState.CONFIRMED,
        confidence=1.0,
        clause=old.clause,
        phrase=old.phrase,
        quote=old.quote,
        span_start=None,  # the quote lives in the base agreement's text, not this one's
        span_end=None,
        party=old.party,
        action=old.action,
        kind=old.kind,
        owner=old.owner,
        lead_times=list(old.lead_times),
        lead_in_business_days=old.lead_in_business_days,
    )
    new.set_rule(old.rule)
    for name, value in change.values.items():
        setattr(new, name, value)
    if change.rule is not None:
        new.set_rule(change.rule)
    return new


def add_supplement(
    session: Session, contract_id: int, supplement: Supplement, *, today: dt.date | None = None
) -> Agreement:
    contract = session.get(Contract, contract_id)
    if contract is None:
        raise KnownError(f"no contract with id {contract_id}")
    unknown = set(supplement.facts) - CONTRACT_FACTS
    if unknown:
        raise ValueError(f"not contract facts: {sorted(unknown)}")
    effective = supplement.effective_date
    agreement = Agreement(
        contract=contract,
        role=AgreementRole.SUPPLEMENTARY,
        title=supplement.title,
        signing_date=supplement.signing_date,
        effective_date=effective,
        text=supplement.text,
        fact_changes={k: [_plain(getattr(contract, k)), _plain(v)] for k, v in supplement.facts.items()},
    )
    session.add(agreement)
    for name, value in supplement.facts.items():
        setattr(contract, name, value)
    for item in supplement.add:
        new = Obligation(
            contract=contract,
            agreement=agreement,
            starts_on=effective,
            review_state=ReviewState.CONFIRMED,
            confidence=1.0,
            **item.values,
        )
        new.set_rule(item.rule)
        if not new.lead_times:
            new.lead_times = default_lead_times(new.kind)
        session.add(new)
    for change in supplement.replace:
        old = _owned_obligation(session, contract, change.obligation_id)
        old.ends_on = effective
        old.ended_by_agreement_id = None  # set after flush, when the agreement has an id
        session.add(_copy_with(old, change, agreement, effective))
    for obligation_id in supplement.end:
        _owned_obligation(session, contract, obligation_id).ends_on = effective
    session.flush()
    for change in supplement.replace:
        session.get(Obligation, change.obligation_id).ended_by_agreement_id = agreement.id  # type: ignore[union-attr]
    for obligation_id in supplement.end:
        session.get(Obligation, obligation_id).ended_by_agreement_id = agreement.id  # type: ignore[union-attr]
    session.refresh(contract, ["obligations"])
    reschedule_contract(session, contract, today=today)
    return agreement


def governing_obligations(session: Session, contract_id: int, on: dt.date) -> list[Obligation]:
    """The confirmed obligations of a contract that govern on `on`, after every supplementary agreement."""
    query = (
        select(Obligation)
        .where(
            Obligation.contract_id == contract_id,
            Obligation.review_state == ReviewState.CONFIRMED,
            (Obligation.starts_on.is_(None)) | (Obligation.starts_on <= on),
            (Obligation.ends_on.is_(None)) | (Obligation.ends_on > on),
        )
        .order_by(Obligation.id)
    )
    return list(session.scalars(query))
