"""Test data for the app's screens: a few hand-made obligations, or tens of thousands inserted in bulk."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from obligations.model import AnchorType, Direction, DueRule, ReviewState
from obligations.services import review
from obligations.store import Database
from obligations.store.tables import Agreement, Contract, Obligation, Occurrence


def by(day: dt.date) -> DueRule:
    return DueRule(direction=Direction.BY, anchor_type=AnchorType.ABSOLUTE, fixed_date=day)


def make_contract(
    db: Database, title: str, counterparty: str, *, today: dt.date, obligations: list[dict[str, object]]
) -> int:
    """A contract with one base agreement and the given obligations (keys: due, confirmed, party, action…)."""
    with db.transaction() as session:
        contract = Contract(title=title, counterparty=counterparty, signing_date=today - dt.timedelta(days=90))
        session.add(contract)
        session.add(Agreement(contract=contract, title=title, text="", effective_date=contract.signing_date))
        session.flush()
        for spec in obligations:
            values = dict(spec)
            due = values.pop("due")
            confirmed = bool(values.pop("confirmed", True))
            review.add_obligation(session, contract.id, by(due), confirmed=confirmed, today=today, **values)
        return contract.id


def bulk_obligations(db: Database, count: int, *, today: dt.date, contracts: int = 100) -> None:
    """`count` obligations (4 in 5 confirmed, with one open occurrence each) over `contracts` contracts.

    Core inserts on the tables (no ORM unit of work, no audit rows), so 50,000 rows take a few seconds.
    """
    now = dt.datetime.now(dt.UTC)
    stamps = {"version": 1, "created_at": now, "updated_at": now}
    kinds = ["notice", "payment", "performance", "reporting"]
    with db.transaction() as session:
        connection = session.connection()
        connection.execute(
            Contract.__table__.insert(),
            [
                {
                    "title": f"Contract {c:04d}",
                    "counterparty": f"Counterparty {c % 37}",
                    "language": "en",
                    "calendar": "US",
                    **stamps,
                }
                for c in range(contracts)
            ],
        )
        contract_ids = list(connection.scalars(select(Contract.id).order_by(Contract.id)))
        connection.execute(
            Obligation.__table__.insert(),
            [
                {
                    "contract_id": contract_ids[i % contracts],
                    "party": f"Party {i % 13}",
                    "action": f"Action number {i}",
                    "kind": kinds[i % 4],
                    "direction": "by",
                    "anchor_type": "absolute",
                    "fixed_date": today + dt.timedelta(days=(i * 7919) % 900 - 200),
                    "review_state": ReviewState.CONFIRMED if i % 5 else ReviewState.PROPOSED,
                    "owner": f"owner{i % 7}" if i % 3 else None,
                    "confidence": 1.0,
                    "lead_times": [30, 7, 1],
                    "include_start_day": False,
                    "lead_in_business_days": False,
                    **stamps,
                }
                for i in range(count)
            ],
        )
        dated = connection.execute(
            select(Obligation.id, Obligation.fixed_date).where(Obligation.review_state == ReviewState.CONFIRMED)
        ).all()
        connection.execute(
            Occurrence.__table__.insert(),
            [
                {
                    "obligation_id": oid,
                    "key": day.isoformat(),
                    "due_date": day,
                    "strict_date": day,
                    "status": "open",
                    "explanation": [],
                    "provisional": False,
                    "obsolete": False,
                    **stamps,
                }
                for oid, day in dated
            ],
        )
