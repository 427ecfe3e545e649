"""Supplementary agreements end to end through the database: supersession, recomputation, history."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from obligations.model import AnchorType, Direction, DueRule, OccurrenceStatus, Period, Recurrence, Unit
from obligations.services import amendments, occurrences, review
from obligations.store.tables import Agreement, AuditEvent, Contract, Obligation, Occurrence

TODAY = dt.date(2026, 3, 2)


def lease(db) -> tuple[int, int]:
    """A lease whose non-renewal notice is due 30 days before expiry (2026-12-31)."""
    with db.transaction() as session:
        contract = Contract(
            title="上海办公室租赁合同",
            effective_date=dt.date(2025, 1, 1),
            expiry_date=dt.date(2026, 12, 31),
            calendar="CN",
        )
        session.add(contract)
        session.flush()
        notice = review.add_obligation(
            session,
            contract.id,
            DueRule(Direction.BEFORE, AnchorType.EXPIRY, Period(30, Unit.DAY)),
            party="承租方",
            action="书面通知不续租",
            kind="notice",
            today=TODAY,
        )
        return contract.id, notice.id


def open_due_dates(db, obligation_id: int) -> list[dt.date]:
    with db.reader() as session:
        return list(
            session.scalars(
                select(Occurrence.due_date)
                .where(Occurrence.obligation_id == obligation_id, Occurrence.obsolete.is_(False))
                .order_by(Occurrence.due_date)
            )
        )


def test_extending_the_term_moves_the_notice_deadline(db):
    contract_id, notice_id = lease(db)
    before = open_due_dates(db, notice_id)
    with db.transaction() as session:
        amendments.add_supplement(
            session,
            contract_id,
            amendments.Supplement(
                title="补充协议（一）", effective_date=dt.date(2026, 6, 1), facts={"expiry_date": dt.date(2027, 12, 31)}
            ),
            today=TODAY,
        )
    after = open_due_dates(db, notice_id)
    assert len(before) == len(after) == 1
    assert after[0].year == 2027 and before[0].year == 2026  # moved with the new expiry
    with db.reader() as session:
        supplement = session.scalars(select(Agreement).where(Agreement.role == "supplementary")).one()
        assert supplement.fact_changes == {"expiry_date": ["2026-12-31", "2027-12-31"]}


def test_replacing_an_obligation_keeps_the_old_one_superseded_and_its_history(db):
    with db.transaction() as session:
        contract = Contract(title="Supply", effective_date=dt.date(2026, 1, 1), expiry_date=dt.date(2026, 12, 31))
        session.add(contract)
        session.flush()
        monthly = review.add_obligation(
            session,
            contract.id,
            DueRule(
                Direction.AFTER,
                AnchorType.RECURRING,
                Period(15, Unit.DAY),
                recurrence=Recurrence.MONTHLY,
                recurrence_day=1,
                anchor_label="账单日",
            ),
            party="甲方",
            action="支付月度服务费",
            kind="payment",
            today=TODAY,
        )
        contract_id, old_id = contract.id, monthly.id
    with db.reader() as session:
        first = session.scalars(
            select(Occurrence).where(Occurrence.obligation_id == old_id).order_by(Occurrence.due_date)
        ).first()
    assert first is not None
    with db.transaction() as session:
        occurrences.mark_done(session, first.id, note="paid")
    with db.transaction() as session:
        amendments.add_supplement(
            session,
            contract_id,
            amendments.Supplement(
                title="补充协议：账期调整",
                effective_date=dt.date(2026, 7, 1),
                replace=[
                    amendments.Replacement(
                        old_id,
                        rule=DueRule(
                            Direction.AFTER,
                            AnchorType.RECURRING,
                            Period(30, Unit.DAY),
                            recurrence=Recurrence.MONTHLY,
                            recurrence_day=1,
                            anchor_label="账单日",
                        ),
                    )
                ],
            ),
            today=TODAY,
        )
    with db.reader() as session:
        old = session.get(Obligation, old_id)
        new = session.scalars(select(Obligation).where(Obligation.supersedes_id == old_id)).one()
        assert old.ends_on == dt.date(2026, 7, 1) and old.ended_by_agreement_id is not None
        assert new.amount_value == 30 and new.starts_on == dt.date(2026, 7, 1)
        done = session.get(Occurrence, first.id)
        assert done.status == OccurrenceStatus.DONE  # history kept
        old_dates = [o.due_date for o in old.occurrences if not o.obsolete]
        new_dates = [o.due_date for o in new.occurrences]
        assert old_dates and max(old_dates) < dt.date(2026, 7, 1)
        assert new_dates and min(new_dates) >= dt.date(2026, 7, 1)
        governing_june = amendments.governing_obligations(session, contract_id, dt.date(2026, 6, 15))
        governing_aug = amendments.governing_obligations(session, contract_id, dt.date(2026, 8, 15))
        assert [o.id for o in governing_june] == [old_id]
        assert [o.id for o in governing_aug] == [new.id]
        history = session.scalars(select(AuditEvent).where(AuditEvent.entity == "obligation")).all()
        assert any(e.after == {"ends_on": "2026-07-01"} for e in history)


def test_ending_an_obligation_drops_its_future_open_occurrences(db):
    contract_id, notice_id = lease(db)
    with db.transaction() as session:
        amendments.add_supplement(
            session,
            contract_id,
            amendments.Supplement(title="终止协议", effective_date=dt.date(2026, 5, 1), end=[notice_id]),
            today=TODAY,
        )
    assert open_due_dates(db, notice_id) == []
    with db.reader() as session:
        assert amendments.governing_obligations(session, contract_id, dt.date(2026, 6, 1)) == []


def test_recording_an_event_dates_an_event_obligation(db):
    with db.transaction() as session:
        contract = Contract(title="Maintenance")
        session.add(contract)
        session.flush()
        repair = review.add_obligation(
            session,
            contract.id,
            DueRule(Direction.AFTER, AnchorType.EVENT, Period(24, Unit.HOUR), anchor_label="重大故障"),
            party="乙方",
            action="恢复服务",
            kind="performance",
            today=TODAY,
        )
        assert repair.occurrences == []  # undated until the fault is reported
        occurrences.record_event(session, repair.id, dt.datetime(2026, 3, 2, 10, 0), today=TODAY)
        assert [(o.due_date, o.due_at) for o in repair.occurrences] == [
            (dt.date(2026, 3, 3), dt.datetime(2026, 3, 3, 10, 0))
        ]


def test_a_monthly_deadline_by_a_day_of_the_month_is_dated(db):
    """ "乙方应于每月5日前支付当月租金": by the 5th of every month, rolled back to a working day."""
    from obligations.model import Recurrence

    with db.transaction() as session:
        contract = Contract(title="Lease", effective_date=dt.date(2026, 1, 1), expiry_date=dt.date(2027, 12, 31))
        session.add(contract)
        session.flush()
        rent = review.add_obligation(
            session,
            contract.id,
            DueRule(Direction.BY, AnchorType.RECURRING, recurrence=Recurrence.MONTHLY, recurrence_day=5),
            today=TODAY,
        )
        session.flush()
        dues = [o.due_date for o in rent.occurrences]
    assert dt.date(2026, 3, 5) in dues and dt.date(2026, 4, 3) in dues  # 5 April 2026 is a Sunday (and 清明)
    assert min(dues) >= TODAY - dt.timedelta(days=60)  # a contract confirmed today does not open with old months


def test_a_fault_recorded_long_after_it_happened_is_still_dated(db):
    with db.transaction() as session:
        contract = Contract(title="Maintenance")
        session.add(contract)
        session.flush()
        repair = review.add_obligation(
            session,
            contract.id,
            DueRule(Direction.AFTER, AnchorType.EVENT, Period(24, Unit.HOUR), anchor_label="故障"),
            today=TODAY,
        )
        occurrences.record_event(session, repair.id, dt.datetime(2025, 11, 3, 9, 0), today=TODAY)
        assert [o.due_at for o in repair.occurrences] == [dt.datetime(2025, 11, 4, 9, 0)]
