"""The dates a report is about: its month, the day it is "as of", and the windows counted from that day."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

NEXT_DAYS = 90  # the "Next 90 days" sheet
SOON_DAYS = 7  # "due within 7 days": amber
HORIZON_MONTHS = 6  # expiries and non-renewal notice deadlines on the summary

_MONTH = re.compile(r"(\d{4})-(\d{1,2})")


def parse_month(text: str) -> dt.date:
    """The first day of the month written YYYY-MM.

    >>> parse_month("2026-03")
    datetime.date(2026, 3, 1)
    """
    match = _MONTH.fullmatch(text.strip())
    if match is None or not 1 <= int(match.group(2)) <= 12:
        raise ValueError(f"month must be written YYYY-MM (e.g. 2026-03), not {text!r}")
    return dt.date(int(match.group(1)), int(match.group(2)), 1)


@dataclass(frozen=True)
class Scope:
    """Which obligations a report covers: some contracts and/or one owner (File → Export filters); all by default."""

    contract_ids: frozenset[int] | None = None
    owner: str | None = None

    @property
    def everything(self) -> bool:
        return self.contract_ids is None and self.owner is None


EVERYTHING = Scope()


@dataclass(frozen=True)
class ReportPeriod:
    month: dt.date  # first day of the reported month
    today: dt.date  # "as of": overdue, days left and the forward windows count from here
    generated_at: dt.datetime  # local wall-clock time, naive (Excel has no time zones)
    scope: Scope = EVERYTHING

    @property
    def month_end(self) -> dt.date:
        """The last day of the month."""
        end: dt.date = self.month + relativedelta(months=1, days=-1)
        return end

    @property
    def label(self) -> str:
        return f"{self.month:%Y-%m}"

    @property
    def next_end(self) -> dt.date:
        return self.today + dt.timedelta(days=NEXT_DAYS)

    @property
    def soon_end(self) -> dt.date:
        return self.today + dt.timedelta(days=SOON_DAYS)

    @property
    def horizon_end(self) -> dt.date:
        end: dt.date = self.today + relativedelta(months=HORIZON_MONTHS)
        return end

    def utc_bounds(self) -> tuple[dt.datetime, dt.datetime]:
        """The month as [start, end) instants in UTC, its days counted in this computer's time zone.

        Audit times are stored in UTC; "changed this month" means the user's month, not Greenwich's.
        """
        start = dt.datetime.combine(self.month, dt.time()).astimezone(dt.UTC)
        end = dt.datetime.combine(self.month + relativedelta(months=1), dt.time()).astimezone(dt.UTC)
        return start, end

    def weeks(self) -> list[tuple[dt.date, dt.date]]:
        """Monday-to-Sunday weeks touching the month, clipped to it: the summary chart's buckets."""
        weeks = []
        start = self.month
        while start <= self.month_end:
            end = min(start + dt.timedelta(days=6 - start.weekday()), self.month_end)
            weeks.append((start, end))
            start = end + dt.timedelta(days=1)
        return weeks


def local_time(value: dt.datetime | None) -> dt.datetime | None:
    """A stored instant as naive local time for a spreadsheet cell (naive values are taken to be UTC)."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone().replace(tzinfo=None)
