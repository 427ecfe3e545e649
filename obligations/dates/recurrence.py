"""Occurrences: every dated instance of a rule over a horizon, from the contract's known dates and events.

A recurring rule ("每月账单日起15日内") yields one anchor per recurrence instant from the contract's start
(effective date, else signing) until it ends (termination, else expiry, else the horizon); each anchor gets a
due date by `due_for_rule`. A rule whose anchor is not yet known (an event nobody has recorded) yields nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from dateutil import rrule

from obligations.calendars import BusinessCalendar
from obligations.dates.compute import DueDate, Roll, due_for_rule
from obligations.dates.explain import Step
from obligations.model import AnchorType, Direction, DueRule, Recurrence, Unit

# How far before the horizon an anchor may lie and still fall due inside it: the longest period plus a roll.
_ROLL_MARGIN = dt.timedelta(days=40)  # the longest run of rest days (Spring Festival, 9 days) with room to spare
_DAYS_PER_UNIT = {Unit.HOUR: 1 / 24, Unit.DAY: 1, Unit.BUSINESS_DAY: 2, Unit.WEEK: 7, Unit.MONTH: 31, Unit.YEAR: 366}
_Frequency = Literal[0, 1, 2, 3, 4, 5, 6]  # rrule.YEARLY … rrule.SECONDLY
_FREQ: dict[Recurrence, tuple[_Frequency, int]] = {  # rrule frequency and interval: a quarter is three months
    Recurrence.DAILY: (rrule.DAILY, 1),
    Recurrence.WEEKLY: (rrule.WEEKLY, 1),
    Recurrence.MONTHLY: (rrule.MONTHLY, 1),
    Recurrence.QUARTERLY: (rrule.MONTHLY, 3),
    Recurrence.YEARLY: (rrule.YEARLY, 1),
}


@dataclass(frozen=True, slots=True)
class Anchors:
    """The dates a contract's rules count from, as far as they are known."""

    signing: dt.date | None = None
    effective: dt.date | None = None
    expiry: dt.date | None = None
    termination: dt.date | None = None
    events: tuple[dt.date | dt.datetime, ...] = ()  # recorded instants of this rule's trigger event

    def series_start(self) -> dt.date | None:
        return self.effective or self.signing  # obligations run from effectiveness (合同生效)

    def series_end(self) -> dt.date | None:
        return self.termination or self.expiry  # an early termination ends the series before expiry


@dataclass(frozen=True, slots=True)
class Occurrence:
    key: str  # stable per rule: "effective", "2026-03-20" (recurrence instant), "event:2026-03-20T09:30", "fixed:…"
    anchor: dt.date | dt.datetime  # the instant counted from
    due: dt.date | dt.datetime  # act by this (after any roll); a datetime for hour periods
    strict: dt.date | dt.datetime  # the plain arithmetic
    provisional: bool
    steps: tuple[Step, ...]
    calendar: str

    @classmethod
    def of(cls, key: str, anchor: dt.date | dt.datetime, result: DueDate) -> Occurrence:
        return cls(key, anchor, result.due, result.strict, result.provisional, result.steps, result.calendar)


def occurrences(
    rule: DueRule,
    *,
    anchors: Anchors,
    calendar: BusinessCalendar,
    start: dt.date,
    end: dt.date,
    roll: Roll | None = None,
    explain: bool = True,
) -> list[Occurrence]:
    """The occurrences of `rule` whose due date lies in [start, end], in due-date order.

    Pure: the horizon is an argument (pass today and today + N days), the calendar too. `explain=False` leaves
    `steps` empty, for bulk recomputation; recompute one occurrence with steps when a user asks why.
    """
    margin = _margin(rule)
    found = []
    for key, anchor in _anchors(rule, anchors, start - margin, end + margin):
        result = due_for_rule(rule, anchor, calendar=calendar, roll=roll, explain=explain)
        if start <= _day(result.due) <= end:
            found.append(Occurrence.of(key, anchor, result))
    return sorted(found, key=lambda occurrence: (_day(occurrence.due), str(occurrence.anchor)))


def recurrence_anchors(
    recurrence: Recurrence, day_of_month: int | None, *, first: dt.date, last: dt.date, window: tuple[dt.date, dt.date]
) -> list[dt.date]:
    """The recurrence instants from `first` to `last` (both included) that lie inside `window`.

    Monthly and quarterly instants fall on `day_of_month`, or the month's last day when it is shorter
    ("每月31日" in February is the 28th/29th), else on `first`'s day; weekly on `first`'s weekday; yearly on its
    anniversary (29 February: 28 February in common years).

    >>> recurrence_anchors(Recurrence.MONTHLY, 31, first=dt.date(2026, 1, 1), last=dt.date(2026, 4, 30),
    ...                    window=(dt.date(2026, 1, 1), dt.date(2026, 12, 31)))
    [datetime.date(2026, 1, 31), datetime.date(2026, 2, 28), datetime.date(2026, 3, 31), datetime.date(2026, 4, 30)]
    """
    low, high = max(first, window[0]), min(last, window[1])
    if low > high:
        return []
    freq, interval = _FREQ[recurrence]
    bymonthday: tuple[int, ...] | None = None
    bymonth: int | None = None
    if recurrence in (Recurrence.MONTHLY, Recurrence.QUARTERLY, Recurrence.YEARLY):
        day = day_of_month or first.day
        bymonthday = tuple(range(min(day, 28), day + 1))  # with bysetpos=-1: the stated day, else the month's last
        bymonth = first.month if recurrence is Recurrence.YEARLY else None
    rule = rrule.rrule(
        freq,
        interval=interval,
        dtstart=dt.datetime.combine(first, dt.time()),
        until=dt.datetime.combine(high, dt.time()),
        bymonthday=bymonthday,
        bysetpos=-1 if bymonthday else None,
        bymonth=bymonth,
    )
    return [instant.date() for instant in rule if instant.date() >= low]


def _anchors(rule: DueRule, anchors: Anchors, low: dt.date, high: dt.date) -> list[tuple[str, dt.date | dt.datetime]]:
    """(key, anchor) pairs; the key names the occurrence stably across recomputations."""
    if rule.recurrence is not None:
        first = anchors.series_start()
        if first is None:
            return []  # no start date known: undated until the contract's dates are filled in
        last = anchors.series_end() or high
        days = recurrence_anchors(rule.recurrence, rule.recurrence_day, first=first, last=last, window=(low, high))
        return [(day.isoformat(), day) for day in days]
    if rule.fixed_date is not None and (rule.direction is Direction.BY or rule.anchor_type is AnchorType.ABSOLUTE):
        return [(f"fixed:{rule.fixed_date.isoformat()}", rule.fixed_date)]  # "2026年1月1日起30日内": a dated anchor
    single = {
        AnchorType.SIGNING: anchors.signing,
        AnchorType.EFFECTIVE: anchors.effective,
        AnchorType.EXPIRY: anchors.expiry,
        AnchorType.TERMINATION: anchors.termination,
    }
    if rule.anchor_type in single:
        known = single[rule.anchor_type]
        return [(rule.anchor_type.value, known)] if known is not None else []
    if rule.anchor_type is AnchorType.EVENT:  # one occurrence per recorded event; none recorded, none due
        return [(_event_key(instant), instant) for instant in anchors.events]
    return []  # ABSOLUTE without a fixed date, RECURRING without a recurrence: nothing to count from


def _event_key(instant: dt.date | dt.datetime) -> str:
    if isinstance(instant, dt.datetime):
        return f"event:{instant.isoformat(timespec='minutes')}"
    return f"event:{instant.isoformat()}"


def _margin(rule: DueRule) -> dt.timedelta:
    if rule.period is None or rule.period.value is None:
        return _ROLL_MARGIN
    days = rule.period.value * _DAYS_PER_UNIT[rule.period.unit] + (20 if rule.period.unit is Unit.BUSINESS_DAY else 0)
    return dt.timedelta(days=days) + _ROLL_MARGIN


def _day(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value
