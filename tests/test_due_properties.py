"""Properties of the due-date engine that hold for every anchor, amount and calendar (hypothesis)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from obligations.calendars import BusinessCalendar, open_calendar
from obligations.dates import compute_due
from obligations.model import Direction, Period, Unit

CALENDARS = {code: open_calendar(code, directory=None) for code in ("CN", "GB", "US", "HK", "SG", "DE", "JP")}
anchors = st.dates(min_value=dt.date(2023, 6, 1), max_value=dt.date(2028, 6, 30))
calendars = st.sampled_from(sorted(CALENDARS)).map(CALENDARS.__getitem__)
day_units = st.sampled_from([Unit.DAY, Unit.BUSINESS_DAY, Unit.WEEK, Unit.MONTH, Unit.YEAR])
amounts = st.integers(min_value=0, max_value=120)
flags = st.booleans()


def _amount(unit: Unit, amount: int) -> int:
    return amount % 5 if unit is Unit.YEAR else amount % 40 if unit is Unit.MONTH else amount


@given(anchors, amounts, day_units, calendars, flags)
@settings(max_examples=400, deadline=None)
def test_forward_due_is_a_working_day_not_before_strict(
    anchor: dt.date, amount: int, unit: Unit, calendar: BusinessCalendar, include: bool
) -> None:
    result = compute_due(
        anchor, Period(_amount(unit, amount), unit), Direction.AFTER, calendar=calendar, include_start_day=include
    )
    assert calendar.is_working_day(result.due)  # Art. 203: never a rest day
    assert result.due >= result.strict
    assert result.strict >= anchor - dt.timedelta(days=1)  # "含当日" with 0 days is the only way back


@given(anchors, amounts, day_units, calendars)
@settings(max_examples=400, deadline=None)
def test_backward_due_is_a_working_day_not_after_strict(
    anchor: dt.date, amount: int, unit: Unit, calendar: BusinessCalendar
) -> None:
    result = compute_due(anchor, Period(_amount(unit, amount), unit), Direction.BEFORE, calendar=calendar)
    assert calendar.is_working_day(result.due)
    assert result.due <= result.strict <= anchor


@given(anchors, st.integers(min_value=1, max_value=60), calendars, flags)
@settings(max_examples=300, deadline=None)
def test_one_more_working_day_is_always_later(
    anchor: dt.date, amount: int, calendar: BusinessCalendar, include: bool
) -> None:
    # From 1 up: 0 working days after a rest day and 1 working day after it are the same next working day.
    period = Period(amount, Unit.BUSINESS_DAY)
    longer = Period(amount + 1, Unit.BUSINESS_DAY)
    for direction, later in ((Direction.AFTER, True), (Direction.BEFORE, False)):
        shorter_due = compute_due(anchor, period, direction, calendar=calendar, include_start_day=include).due
        longer_due = compute_due(anchor, longer, direction, calendar=calendar, include_start_day=include).due
        assert (longer_due > shorter_due) if later else (longer_due < shorter_due)


@given(anchors, st.integers(min_value=1, max_value=60), calendars)
@settings(max_examples=300, deadline=None)
def test_working_days_between_anchor_and_due(anchor: dt.date, amount: int, calendar: BusinessCalendar) -> None:
    # N working days after X: exactly N working days in (X, due].
    due = compute_due(anchor, Period(amount, Unit.BUSINESS_DAY), Direction.AFTER, calendar=calendar).due
    assert isinstance(due, dt.date)
    span = (due - anchor).days
    counted = sum(calendar.is_working_day(anchor + dt.timedelta(days=i)) for i in range(1, span + 1))
    assert counted == amount


@given(anchors, st.integers(min_value=0, max_value=400), calendars)
@settings(max_examples=300, deadline=None)
def test_forward_days_roll_to_first_working_day_after_the_rest_run(
    anchor: dt.date, amount: int, calendar: BusinessCalendar
) -> None:
    result = compute_due(anchor, Period(amount, Unit.DAY), Direction.AFTER, calendar=calendar)
    assert result.strict == anchor + dt.timedelta(days=amount)  # Art. 201: start day not counted
    day = result.strict
    while day < result.due:  # every day skipped is a rest day
        assert calendar.is_rest_day(day)
        day += dt.timedelta(days=1)


@given(st.datetimes(min_value=dt.datetime(2023, 1, 1), max_value=dt.datetime(2028, 1, 1)), st.integers(0, 500))
@settings(max_examples=200, deadline=None)
def test_hours_are_exact_and_never_roll(anchor: dt.datetime, hours: int) -> None:
    result = compute_due(anchor, Period(hours, Unit.HOUR), Direction.AFTER, calendar=CALENDARS["CN"])
    assert result.due == result.strict == anchor + dt.timedelta(hours=hours)
    assert not result.provisional


@given(anchors, amounts, day_units, st.sampled_from([Direction.AFTER, Direction.BEFORE]), calendars, flags)
@settings(max_examples=300, deadline=None)
def test_explain_false_gives_the_same_dates(
    anchor: dt.date, amount: int, unit: Unit, direction: Direction, calendar: BusinessCalendar, include: bool
) -> None:
    period = Period(_amount(unit, amount), unit)
    full = compute_due(anchor, period, direction, calendar=calendar, include_start_day=include)
    fast = compute_due(anchor, period, direction, calendar=calendar, include_start_day=include, explain=False)
    assert (fast.due, fast.strict, fast.provisional, fast.steps) == (full.due, full.strict, full.provisional, ())
