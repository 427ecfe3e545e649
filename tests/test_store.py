"""Storage on every backend: migrations, pragmas, transactions, audit trail, optimistic concurrency."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import inspect, select, text
from sqlalchemy.orm.exc import StaleDataError

from obligations.model import AnchorType, Direction, DueRule, Period, Unit
from obligations.services import review
from obligations.store import open_database
from obligations.store.migrate import current_revision, head_revision
from obligations.store.tables import AuditEvent, Contract, Obligation

TODAY = dt.date(2026, 3, 2)


def make_contract(db, **facts) -> int:
    with db.transaction() as session:
        contract = Contract(title="Office lease", counterparty="Landlord Ltd", **facts)
        session.add(contract)
        session.flush()
        return contract.id


def test_open_database_creates_the_schema_at_the_newest_revision(db):
    assert current_revision(db.engine) == head_revision()
    tables = set(inspect(db.engine).get_table_names())
    assert {"contract", "agreement", "obligation", "occurrence", "audit_event", "alembic_version"} <= tables


def test_opening_again_is_a_no_op(db_url):
    first = open_database(db_url)
    first.dispose()
    second = open_database(db_url)
    assert current_revision(second.engine) == head_revision()
    second.dispose()


def test_sqlite_runs_with_wal_foreign_keys_and_busy_timeout(tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'x.db'}")
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 15000
    db.dispose()


def test_foreign_keys_are_enforced(db):
    with pytest.raises(Exception), db.transaction() as session:  # noqa: B017 - IntegrityError, driver-specific
        session.add(Obligation(contract_id=9999, direction="after", anchor_type="event"))


def test_a_failed_transaction_stores_nothing(db):
    with pytest.raises(RuntimeError), db.transaction() as session:
        session.add(Contract(title="half imported"))
        session.flush()
        raise RuntimeError("disk full")
    with db.reader() as session:
        assert session.scalar(select(Contract).limit(1)) is None
        assert session.scalar(select(AuditEvent).limit(1)) is None


def test_every_change_is_audited_with_actor_and_before_after(db):
    contract_id = make_contract(db, expiry_date=dt.date(2026, 12, 31))
    with db.transaction(actor="alice") as session:
        review.edit_contract(session, contract_id, expiry_date=dt.date(2027, 12, 31), today=TODAY)
    with db.reader() as session:
        events = session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
    assert [(e.entity, e.action) for e in events] == [("contract", "create"), ("contract", "update")]
    update = events[1]
    assert update.actor == "alice"
    assert update.contract_id == contract_id
    assert update.before == {"expiry_date": "2026-12-31"}
    assert update.after == {"expiry_date": "2027-12-31"}


def test_two_people_editing_the_same_obligation_get_a_conflict_not_a_silent_overwrite(db):
    contract_id = make_contract(db, effective_date=dt.date(2026, 1, 1))
    rule = DueRule(Direction.AFTER, AnchorType.EFFECTIVE, Period(30, Unit.DAY))
    with db.transaction() as session:
        obligation_id = review.add_obligation(session, contract_id, rule, party="乙方", today=TODAY).id
    first, second = db.sessions(), db.sessions()
    try:
        mine = first.get(Obligation, obligation_id)
        theirs = second.get(Obligation, obligation_id)
        mine.owner = "alice"
        first.commit()
        theirs.owner = "bob"
        with pytest.raises(StaleDataError):
            second.commit()
    finally:
        first.close()
        second.close()


def test_edit_with_an_outdated_version_is_refused_with_a_clear_message(db):
    from obligations.errors import KnownError

    contract_id = make_contract(db)
    rule = DueRule(Direction.BY, AnchorType.ABSOLUTE, fixed_date=dt.date(2026, 6, 30))
    with db.transaction() as session:
        obligation = review.add_obligation(session, contract_id, rule, today=TODAY)
        loaded_version = obligation.version
    with db.transaction() as session:
        review.edit_obligation(session, obligation.id, owner="alice", expected_version=loaded_version)
    with pytest.raises(KnownError, match="changed by someone else"), db.transaction() as session:
        review.edit_obligation(session, obligation.id, owner="bob", expected_version=loaded_version)
