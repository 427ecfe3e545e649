"""occurrences(): every dated instance of a rule over a horizon. Expected dates worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from obligations.calendars import open_calendar
from obligations.dates import Anchors, occurrences, recurrence_anchors
from obligations.model import AnchorType, Direction, DueRule, Period, Recurrence, Unit

D = dt.date
CN = open_calendar("CN", directory=None)
CONTRACT = Anchors(signing=D(2024, 12, 20), effective=D(2025, 1, 1), expiry=D(2026, 12, 31))


def test_monthly_billing_day_plus_15_days() -> None:
    # "每月20日账单日起15日内付款", terminated early on 2025-12-31.
    rule = DueRule(
        Direction.AFTER, AnchorType.RECURRING, Period(15, Unit.DAY), recurrence=Recurrence.MONTHLY, recurrence_day=20
    )
    anchors = Anchors(effective=D(2025, 1, 1), expiry=D(2026, 12, 31), termination=D(2025, 12, 31))
    found = occurrences(rule, anchors=anchors, calendar=CN, start=D(2025, 9, 1), end=D(2026, 3, 31))
    assert [(o.anchor, o.strict, o.due) for o in found] == [
        (D(2025, 8, 20), D(2025, 9, 4), D(2025, 9, 4)),  # anchor before the horizon, due inside it
        (D(2025, 9, 20), D(2025, 10, 5), D(2025, 10, 9)),  # 5 Oct in the National Day run → 9 Oct
        (D(2025, 10, 20), D(2025, 11, 4), D(2025, 11, 4)),
        (D(2025, 11, 20), D(2025, 12, 5), D(2025, 12, 5)),
        (D(2025, 12, 20), D(2026, 1, 4), D(2026, 1, 4)),  # Sun 4 Jan 2026 is a make-up working day
    ]  # nothing after the termination on 31 Dec 2025
    assert [o.key for o in found][:2] == ["2025-08-20", "2025-09-20"]
    assert not any(o.provisional for o in found)


def test_event_without_a_recorded_date_is_undated() -> None:
    rule = DueRule(Direction.AFTER, AnchorType.EVENT, Period(24, Unit.HOUR), anchor_label="故障报告")
    assert occurrences(rule, anchors=CONTRACT, calendar=CN, start=D(2025, 1, 1), end=D(2026, 12, 31)) == []


def test_recorded_events_give_one_occurrence_each() -> None:
    rule = DueRule(Direction.AFTER, AnchorType.EVENT, Period(24, Unit.HOUR))
    events = (dt.datetime(2025, 9, 30, 21, 15), dt.datetime(2026, 2, 16, 8, 0))
    anchors = Anchors(effective=D(2025, 1, 1), events=events)
    found = occurrences(rule, anchors=anchors, calendar=CN, start=D(2025, 1, 1), end=D(2026, 12, 31))
    assert [o.due for o in found] == [dt.datetime(2025, 10, 1, 21, 15), dt.datetime(2026, 2, 17, 8, 0)]  # no roll
    assert [o.key for o in found] == ["event:2025-09-30T21:15", "event:2026-02-16T08:00"]


def test_notice_before_expiry() -> None:
    # "期满前30日书面通知": expiry 31 Oct 2026 − 30 = Thu 1 Oct (National Day) → back to Wed 30 Sep.
    rule = DueRule(Direction.BEFORE, AnchorType.EXPIRY, Period(30, Unit.DAY))
    found = occurrences(
        rule, anchors=Anchors(expiry=D(2026, 10, 31)), calendar=CN, start=D(2026, 1, 1), end=D(2026, 12, 31)
    )
    assert [(o.key, o.strict, o.due) for o in found] == [("expiry", D(2026, 10, 1), D(2026, 9, 30))]


def test_fixed_date_on_a_holiday_is_due_the_working_day_before() -> None:
    rule = DueRule(Direction.BY, AnchorType.ABSOLUTE, fixed_date=D(2026, 10, 3))
    found = occurrences(rule, anchors=Anchors(), calendar=CN, start=D(2026, 1, 1), end=D(2026, 12, 31))
    assert [(o.key, o.strict, o.due) for o in found] == [("fixed:2026-10-03", D(2026, 10, 3), D(2026, 9, 30))]


def test_horizon_is_inclusive_and_filters_by_due_date() -> None:
    rule = DueRule(Direction.AFTER, AnchorType.SIGNING, Period(1, Unit.DAY))
    anchors = Anchors(signing=D(2025, 9, 30))  # due 9 Oct (strict 1 Oct)
    assert len(occurrences(rule, anchors=anchors, calendar=CN, start=D(2025, 10, 9), end=D(2025, 10, 9))) == 1
    assert occurrences(rule, anchors=anchors, calendar=CN, start=D(2025, 10, 1), end=D(2025, 10, 8)) == []


def test_recurring_rule_without_a_start_date_is_undated() -> None:
    rule = DueRule(Direction.AFTER, AnchorType.RECURRING, Period(5, Unit.DAY), recurrence=Recurrence.MONTHLY)
    assert occurrences(rule, anchors=Anchors(), calendar=CN, start=D(2025, 1, 1), end=D(2025, 12, 31)) == []


def test_occurrences_in_2027_are_provisional() -> None:
    rule = DueRule(Direction.AFTER, AnchorType.RECURRING, Period(10, Unit.DAY), recurrence=Recurrence.YEARLY)
    found = occurrences(
        rule, anchors=Anchors(effective=D(2025, 3, 15)), calendar=CN, start=D(2025, 1, 1), end=D(2027, 12, 31)
    )
    assert [(o.due, o.provisional) for o in found] == [
        (D(2025, 3, 25), False),  # Tue
        (D(2026, 3, 25), False),  # Wed
        (D(2027, 3, 25), True),  # Thu, weekends only
    ]


@pytest.mark.parametrize(
    ("recurrence", "day", "first", "expected"),
    [
        # Month ends: day 31 falls back to the month's last day.
        (Recurrence.MONTHLY, 31, D(2024, 1, 1), ["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30"]),
        (Recurrence.MONTHLY, 30, D(2025, 1, 1), ["2025-01-30", "2025-02-28", "2025-03-30", "2025-04-30"]),
        (Recurrence.MONTHLY, None, D(2025, 1, 15), ["2025-01-15", "2025-02-15", "2025-03-15", "2025-04-15"]),
        # Quarterly: every third month from the start month.
        (Recurrence.QUARTERLY, 31, D(2024, 1, 1), ["2024-01-31", "2024-04-30", "2024-07-31", "2024-10-31"]),
        # Yearly on the anniversary; 29 Feb → 28 Feb in common years.
        (Recurrence.YEARLY, None, D(2024, 2, 29), ["2024-02-29", "2025-02-28", "2026-02-28", "2027-02-28"]),
        (Recurrence.WEEKLY, None, D(2025, 9, 29), ["2025-09-29", "2025-10-06", "2025-10-13", "2025-10-20"]),
        (Recurrence.DAILY, None, D(2025, 12, 30), ["2025-12-30", "2025-12-31", "2026-01-01", "2026-01-02"]),
    ],
)
def test_recurrence_anchors(recurrence: Recurrence, day: int | None, first: dt.date, expected: list[str]) -> None:
    found = recurrence_anchors(recurrence, day, first=first, last=D(2030, 1, 1), window=(first, D(2030, 1, 1)))
    assert [d.isoformat() for d in found[:4]] == expected


def test_series_end_is_inclusive() -> None:
    found = recurrence_anchors(
        Recurrence.MONTHLY, 5, first=D(2025, 1, 1), last=D(2025, 3, 5), window=(D(2025, 1, 1), D(2026, 1, 1))
    )
    assert found == [D(2025, 1, 5), D(2025, 2, 5), D(2025, 3, 5)]


def test_monthly_fixed_day_by_rule() -> None:
    # "每月5日前支付": due on each 5th, or the working day before. 5 Oct 2025 is in the National Day run.
    rule = DueRule(Direction.BY, AnchorType.RECURRING, recurrence=Recurrence.MONTHLY, recurrence_day=5)
    found = occurrences(
        rule, anchors=Anchors(effective=D(2025, 1, 1)), calendar=CN, start=D(2025, 9, 1), end=D(2025, 11, 30)
    )
    assert [(o.strict, o.due) for o in found] == [
        (D(2025, 9, 5), D(2025, 9, 5)),  # Fri
        (D(2025, 10, 5), D(2025, 9, 30)),  # Sun in 1–8 Oct → back to Tue 30 Sep
        (D(2025, 11, 5), D(2025, 11, 5)),  # Wed
    ]


def test_absolute_anchor_with_a_period() -> None:
    # "自2026年2月13日起10日内": 13 Feb + 10 = Mon 23 Feb, the last day of the Spring Festival run → Tue 24 Feb.
    rule = DueRule(Direction.AFTER, AnchorType.ABSOLUTE, Period(10, Unit.DAY), fixed_date=D(2026, 2, 13))
    found = occurrences(rule, anchors=Anchors(), calendar=CN, start=D(2026, 1, 1), end=D(2026, 12, 31))
    assert [(o.key, o.strict, o.due) for o in found] == [("fixed:2026-02-13", D(2026, 2, 23), D(2026, 2, 24))]
