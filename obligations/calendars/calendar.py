"""`BusinessCalendar`: which days are working days in one jurisdiction, year by year, with the reason why.

Lookups are answered from a per-year table of working-day flags, built once per year on first use: the
reminder layer may ask millions of times.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping
from pathlib import Path

from obligations.calendars.files import ScheduleFile, loaded_stamp, read_loaded
from obligations.calendars.schedule import WEEKEND, DataStatus, DayName, YearSchedule
from obligations.calendars.sources import JURISDICTIONS, Jurisdiction, library_schedule, library_versions

_ONE_DAY = dt.timedelta(days=1)
_MAX_SCAN = 400  # no run of rest days is this long; guards a loop against a corrupt schedule


class UnknownCalendarError(ValueError):
    """A calendar code that is not in JURISDICTIONS."""


class BusinessCalendar:
    """Working days of one jurisdiction: weekends, holidays and make-up working days (调休).

    Build it with `open_calendar`. Per year, a schedule file the user loaded wins over library data; a year with
    neither is counted on weekends alone and reported provisional.
    """

    def __init__(self, jurisdiction: Jurisdiction, loaded: Mapping[int, ScheduleFile], stamp: str) -> None:
        self.jurisdiction = jurisdiction
        self.code = jurisdiction.code
        self._loaded = dict(loaded)
        self._stamp = stamp
        self._schedules: dict[int, YearSchedule] = {}
        self._flags: dict[int, tuple[int, bytes]] = {}  # year -> (ordinal of Jan 1, 1 per working day)

    def __repr__(self) -> str:
        return f"<BusinessCalendar {self.code} {self._stamp}>"

    @property
    def stamp(self) -> str:
        """Changes when the data behind any date may have changed (a file loaded, a library upgraded)."""
        return self._stamp

    def schedule(self, year: int) -> YearSchedule:
        """The effective schedule of `year`: a loaded file, else the library, else weekends only."""
        cached = self._schedules.get(year)
        if cached is None:
            cached = self._schedules[year] = self._build_schedule(year)
        return cached

    def is_provisional(self, year: int) -> bool:
        return self.schedule(year).provisional

    def provisional_years(self, years: Iterable[int]) -> frozenset[int]:
        """Those of `years` computed without a published or loaded schedule."""
        return frozenset(year for year in years if self.is_provisional(year))

    def is_working_day(self, day: dt.date) -> bool:
        entry = self._flags.get(day.year)
        if entry is None:
            entry = self._flags[day.year] = self._build_flags(day.year)
        return entry[1][day.toordinal() - entry[0]] == 1

    def is_rest_day(self, day: dt.date) -> bool:
        return not self.is_working_day(day)

    def rest_reason(self, day: dt.date) -> DayName | None:
        """Why `day` is a rest day (the holiday's name, or weekend); None on a working day."""
        if self.is_working_day(day):
            return None
        return self.schedule(day.year).holidays.get(day, WEEKEND)

    def workday_reason(self, day: dt.date) -> DayName | None:
        """The holiday a weekend working day makes up for (调休上班), else None."""
        return self.schedule(day.year).workdays.get(day)

    def next_working_day(self, day: dt.date) -> dt.date:
        """The first working day on or after `day`."""
        return self._scan(day, _ONE_DAY)

    def previous_working_day(self, day: dt.date) -> dt.date:
        """The last working day on or before `day`."""
        return self._scan(day, -_ONE_DAY)

    def add_working_days(self, day: dt.date, count: int) -> dt.date:
        """The `count`-th working day after `day` (before it when `count` < 0); `day` itself is not counted.

        >>> cn = open_calendar("CN", directory=None)
        >>> cn.add_working_days(dt.date(2025, 9, 30), 1)  # National Day and Mid-Autumn: 1–8 October 2025
        datetime.date(2025, 10, 9)
        """
        step = _ONE_DAY if count >= 0 else -_ONE_DAY
        remaining = abs(count)
        while remaining:
            day = self._scan(day + step, step)
            remaining -= 1
        return day

    def rest_run(self, day: dt.date, step: dt.timedelta) -> list[dt.date]:
        """The rest days from `day` on in the direction of `step`, up to the next working day (not included)."""
        run = []
        while self.is_rest_day(day):
            run.append(day)
            day += step
            if len(run) > _MAX_SCAN:
                raise RuntimeError(f"{self.code}: no working day within {_MAX_SCAN} days of {run[0]}")
        return run

    def _scan(self, day: dt.date, step: dt.timedelta) -> dt.date:
        for _ in range(_MAX_SCAN):
            if self.is_working_day(day):
                return day
            day += step
        raise RuntimeError(f"{self.code}: no working day within {_MAX_SCAN} days of {day}")

    def _build_schedule(self, year: int) -> YearSchedule:
        loaded = self._loaded.get(year)
        if loaded is not None:
            base = YearSchedule(
                self.code, year, DataStatus.LOADED, loaded.source,
                {d: n for d, n in loaded.holidays.items() if d.year == year},
                {d: n for d, n in loaded.workdays.items() if d.year == year},
            )  # fmt: skip
        else:
            base = library_schedule(self.jurisdiction, year)
        spill = self._loaded.get(year + 1)  # next year's notice may move a December Saturday (元旦调休)
        if spill is None:
            return base
        holidays = dict(base.holidays) | {d: n for d, n in spill.holidays.items() if d.year == year}
        workdays = dict(base.workdays) | {d: n for d, n in spill.workdays.items() if d.year == year}
        return YearSchedule(self.code, year, base.status, base.source, holidays, workdays)

    def _build_flags(self, year: int) -> tuple[int, bytes]:
        schedule = self.schedule(year)
        weekend = self.jurisdiction.weekend
        first = dt.date(year, 1, 1).toordinal()
        size = dt.date(year, 12, 31).toordinal() - first + 1
        flags = bytearray(size)
        for offset in range(size):
            day = dt.date.fromordinal(first + offset)
            working = day.weekday() not in weekend or day in schedule.workdays
            flags[offset] = working and day not in schedule.holidays
        return first, bytes(flags)


def open_calendar(code: str, *, directory: Path | None) -> BusinessCalendar:
    """The calendar `code` ("CN", "GB", …) with the schedule files loaded into `directory`.

    Pass `obligations.paths.calendars_dir()` in the app; None uses library data only (tests, doctests).
    """
    jurisdiction = JURISDICTIONS.get(code.upper())
    if jurisdiction is None:
        raise UnknownCalendarError(f"unknown calendar {code!r}; known: {', '.join(JURISDICTIONS)}")
    loaded = read_loaded(directory, jurisdiction.code) if directory is not None else {}
    files = loaded_stamp(directory, jurisdiction.code) if directory is not None else "none"
    stamp = hashlib.sha256(f"{jurisdiction.code}|{library_versions()}|{files}".encode()).hexdigest()[:16]
    return BusinessCalendar(jurisdiction, loaded, stamp)


def provisional_pairs(
    codes: Iterable[str], years: Iterable[int], *, directory: Path | None
) -> frozenset[tuple[str, int]]:
    """The (calendar, year) pairs among `codes` × `years` that have no published or loaded schedule."""
    wanted = sorted(set(years))
    return frozenset(
        (code, year) for code in codes for year in open_calendar(code, directory=directory).provisional_years(wanted)
    )


def data_stamp(codes: Iterable[str], *, directory: Path | None) -> str:
    """One stamp for several calendars: store it beside computed dates, recompute them when it changes."""
    stamps = "|".join(open_calendar(code, directory=directory).stamp for code in sorted(set(codes)))
    return hashlib.sha256(stamps.encode()).hexdigest()[:16]
