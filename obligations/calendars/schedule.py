"""One calendar's rest days and make-up working days for one year, and where that knowledge came from."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class DataStatus(StrEnum):
    OFFICIAL = "official"  # the published schedule, from the data bundled with a library (chinesecalendar, holidays)
    LOADED = "loaded"  # a schedule file the user loaded (`tickler calendar load`): overrides the library
    PROVISIONAL = "provisional"  # no published schedule: weekends only (CN), or the library's own estimates


@dataclass(frozen=True, slots=True)
class DayName:
    """A holiday or make-up working day as people name it, in English and Chinese."""

    en: str
    zh: str = ""

    def __str__(self) -> str:
        if self.zh and self.zh != self.en:
            return f"{self.en} ({self.zh})"
        return self.en


WEEKEND = DayName("weekend", "周末")


@dataclass(frozen=True, slots=True)
class YearSchedule:
    """The days of `year` that break the plain weekday/weekend pattern.

    `holidays` are rest days (a holiday that falls on a weekend may be listed too, to name the whole run);
    `workdays` are weekend days worked to make up for a holiday (调休上班).
    """

    calendar: str
    year: int
    status: DataStatus
    source: str  # "chinesecalendar 1.11.0", "file CN-2027.json", "weekends only": shown in explanations
    holidays: Mapping[dt.date, DayName] = field(default_factory=dict)
    workdays: Mapping[dt.date, DayName] = field(default_factory=dict)

    @property
    def provisional(self) -> bool:
        return self.status is DataStatus.PROVISIONAL

    def describe(self) -> str:
        return f"{self.calendar} {self.year}: {self.status.value} ({self.source})"
