"""The date a due rule fixes from the document alone: plain calendar arithmetic, no working-day calendar.

>>> import datetime as dt
>>> from obligations.model import AnchorType, Direction, DocumentFacts, DueRule, Period, Unit
>>> facts = DocumentFacts(signing_date=dt.date(2016, 7, 27), expiry_date=dt.date(2022, 12, 31))
>>> due_date(DueRule(Direction.AFTER, AnchorType.SIGNING, Period(10, Unit.DAY)), facts)
datetime.date(2016, 8, 6)
>>> due_date(DueRule(Direction.BEFORE, AnchorType.EXPIRY, Period(60, Unit.DAY)), facts)
datetime.date(2022, 11, 1)
>>> due_date(DueRule(Direction.AFTER, AnchorType.SIGNING, Period(1, Unit.MONTH)),
...          DocumentFacts(signing_date=dt.date(2026, 1, 31)))  # month end, not March 3rd
datetime.date(2026, 2, 28)
>>> due_date(DueRule(Direction.AFTER, AnchorType.SIGNING, Period(5, Unit.BUSINESS_DAY)), facts) is None
True
"""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta

from obligations.model import AnchorType, Direction, DocumentFacts, DueRule, Period, Unit

_FIELDS = {Unit.DAY: "days", Unit.WEEK: "weeks", Unit.MONTH: "months", Unit.YEAR: "years"}


def delta_of(period: Period) -> relativedelta | None:
    """A calendar period as a relativedelta; None for hours and working days (they need a calendar)."""
    value = period.value
    if value is None or not float(value).is_integer():
        return None
    field = _FIELDS.get(period.unit)
    return relativedelta(**{field: int(value)}) if field else None


def anchor_date(anchor: AnchorType, facts: DocumentFacts) -> dt.date | None:
    return {
        AnchorType.SIGNING: facts.signing_date,
        AnchorType.EFFECTIVE: facts.effective_date,
        AnchorType.EXPIRY: facts.expiry_date,
    }.get(anchor)


def term_end(start: dt.date, period: Period) -> dt.date | None:
    """Last day of a term that starts on `start`: a 3-year lease from 2024-01-01 ends on 2026-12-31."""
    delta = delta_of(period)
    return start + delta - relativedelta(days=1) if delta is not None else None


def due_date(rule: DueRule, facts: DocumentFacts, *, term: bool = False) -> dt.date | None:
    """`term=True`: the period is the contract's term, so the date is its last day."""
    if rule.direction is Direction.BY:
        return rule.fixed_date
    if rule.period is None or rule.recurrence is not None:
        return None
    base = anchor_date(rule.anchor_type, facts)
    delta = delta_of(rule.period) if base is not None else None
    if base is None or delta is None:
        return None
    if term:
        return term_end(base, rule.period)
    return base - delta if rule.direction is Direction.BEFORE else base + delta
