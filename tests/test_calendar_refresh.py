"""When next year's holiday schedule arrives, provisional due dates are recomputed automatically."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select

from obligations.calendars import load_schedule_file
from obligations.model import AnchorType, Direction, DueRule, Period, Unit
from obligations.paths import calendars_dir
from obligations.services import review
from obligations.services.scheduling import refresh_for_calendar_data
from obligations.store.tables import Contract, Occurrence

TODAY = dt.date(2026, 12, 1)


def test_loading_a_schedule_makes_provisional_dates_firm(db, tmp_path):
    with db.transaction() as session:
        contract = Contract(title="2027 lease", effective_date=dt.date(2027, 9, 1), calendar="CN")
        session.add(contract)
        session.flush()
        review.add_obligation(
            session, contract.id, DueRule(Direction.AFTER, AnchorType.EFFECTIVE, Period(30, Unit.DAY)), today=TODAY
        )
    assert refresh_for_calendar_data(db, today=TODAY) == 0  # first run: records the data it was computed with
    with db.reader() as session:
        before = session.scalars(select(Occurrence)).one()
    assert (before.due_date, before.provisional) == (dt.date(2027, 10, 1), True)  # a Friday, by weekends alone

    schedule = {
        "format": "tickler-calendar/1",
        "calendar": "CN",
        "year": 2027,
        "source": "test schedule",
        "holidays": [{"from": "2027-10-01", "to": "2027-10-07", "name": "National Day holiday"}],
        "workdays": [{"date": "2027-10-09", "name": "make-up working day"}],
    }
    path = tmp_path / "CN-2027.json"
    path.write_text(json.dumps(schedule), encoding="utf-8")
    load_schedule_file(path, calendars_dir())

    assert refresh_for_calendar_data(db, today=TODAY) == 1
    with db.reader() as session:
        after = session.scalars(select(Occurrence)).one()
    assert after.id == before.id  # the same occurrence, recomputed
    assert (after.due_date, after.provisional) == (dt.date(2027, 10, 8), False)  # Art. 203: after the holiday
    assert refresh_for_calendar_data(db, today=TODAY) == 0  # nothing changed since


def test_calendar_days_wording_is_not_rolled(db):
    """ "30个自然日": counted on the calendar and not extended past a rest day (docs/due-dates.md)."""
    with db.transaction() as session:
        contract = Contract(title="payment", effective_date=dt.date(2025, 9, 1), calendar="CN")
        session.add(contract)
        session.flush()
        from obligations.model import Roll

        plain = review.add_obligation(
            session,
            contract.id,
            DueRule(Direction.AFTER, AnchorType.EFFECTIVE, Period(30, Unit.DAY)),
            today=dt.date(2025, 9, 1),
        )
        natural = review.add_obligation(
            session,
            contract.id,
            DueRule(Direction.AFTER, AnchorType.EFFECTIVE, Period(30, Unit.DAY), roll=Roll.NONE),
            today=dt.date(2025, 9, 1),
        )
        session.flush()
        # 2025-10-01 is in the National Day holiday (1–8 October 2025)
        assert [o.due_date for o in plain.occurrences] == [dt.date(2025, 10, 9)]
        assert [o.due_date for o in natural.occurrences] == [dt.date(2025, 10, 1)]
