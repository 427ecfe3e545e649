"""Adapter from a stored obligation to the due-date engine (obligations.dates).

TEMPORARY: plain arithmetic until the calendar-aware engine lands; the interface stays.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from dateutil.relativedelta import relativedelta

from obligations.model import AnchorType, Direction, DueRule, Unit


@dataclass(frozen=True)
class ContractDates:
    signing: dt.date | None = None
    effective: dt.date | None = None
    expiry: dt.date | None = None
    termination: dt.date | None = None


@dataclass(frozen=True)
class DueInstance:
    key: str
    anchor_at: dt.datetime | None
    due_date: dt.date
    due_at: dt.datetime | None
    strict_date: dt.date
    provisional: bool
    steps: list[Any] = field(default_factory=list)


def _shift(anchor: dt.date, rule: DueRule) -> dt.date:
    assert rule.period is not None
    n = int(rule.period.value)
    sign = -1 if rule.direction == Direction.BEFORE else 1
    delta = {
        Unit.DAY: relativedelta(days=n),
        Unit.BUSINESS_DAY: relativedelta(days=n),
        Unit.WEEK: relativedelta(weeks=n),
        Unit.MONTH: relativedelta(months=n),
        Unit.YEAR: relativedelta(years=n),
        Unit.HOUR: relativedelta(hours=n),
    }[rule.period.unit]
    return anchor + sign * delta


def due_instances(
    rule: DueRule,
    *,
    dates: ContractDates,
    events: list[tuple[int, dt.datetime]],
    calendar: str,
    start: dt.date,
    end: dt.date,
) -> list[DueInstance]:
    if rule.direction == Direction.BY and rule.fixed_date:
        d = rule.fixed_date
        return [DueInstance(d.isoformat(), None, d, None, d, False)]
    anchor = {
        AnchorType.SIGNING: dates.signing,
        AnchorType.EFFECTIVE: dates.effective,
        AnchorType.EXPIRY: dates.expiry,
        AnchorType.TERMINATION: dates.termination,
    }.get(rule.anchor_type)
    if anchor is not None and rule.period is not None:
        d = _shift(anchor, rule)
        return [DueInstance(str(rule.anchor_type), None, d, None, d, False)]
    return []
