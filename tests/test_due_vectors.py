"""Due-date vectors worked out by hand from the rules in docs/due-dates.md — never by the code under test.

Each row: anchor, amount, unit, direction, expected strict date, expected due date, and the reasoning.
CN rest runs used below (State Council notices): 2024: 1 Jan; 10–17 Feb; 4–6 Apr; 1–5 May; 8–10 Jun; 15–17 Sep;
1–7 Oct; worked: 4 & 18 Feb, 7 & 28 Apr, 11 May, 14 & 29 Sep, 12 Oct. 2025: 1 Jan; 28 Jan–4 Feb; 4–6 Apr; 1–5 May;
31 May–2 Jun; 1–8 Oct; worked: 26 Jan, 8 Feb, 27 Apr, 28 Sep, 11 Oct. 2026: 1–3 Jan; 15–23 Feb; 4–6 Apr; 1–5 May;
19–21 Jun; 25–27 Sep; 1–7 Oct; worked: 4 Jan, 14 & 28 Feb, 9 May, 20 Sep, 10 Oct. 2027: no schedule (provisional).
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import pytest

from obligations.calendars import open_calendar
from obligations.dates import Roll, compute_due
from obligations.model import Direction, Period, Unit

A, B = Direction.AFTER, Direction.BEFORE
DAY, BD, WEEK, MONTH, YEAR, HOUR = Unit.DAY, Unit.BUSINESS_DAY, Unit.WEEK, Unit.MONTH, Unit.YEAR, Unit.HOUR


class Vector(NamedTuple):
    anchor: str
    amount: float
    unit: Unit
    direction: Direction
    strict: str
    due: str
    calendar: str = "CN"
    provisional: bool = False
    include_start_day: bool = False
    roll: Roll | None = None


V = Vector
VECTORS = {
    # --- forward calendar days, National Day 2025 (1–8 Oct rest, 28 Sep Sun and 11 Oct Sat worked) ---
    "nd25-into-holiday": V("2025-09-30", 1, DAY, A, "2025-10-01", "2025-10-09"),  # 1 Oct holiday → run ends 8 Oct
    "nd25-makeup-sun": V("2025-09-27", 1, DAY, A, "2025-09-28", "2025-09-28"),  # Sun 28 Sep is worked: no roll
    "nd25-makeup-sun-8d": V("2025-09-20", 8, DAY, A, "2025-09-28", "2025-09-28"),  # 20+8 = 28 Sep, worked
    "nd25-makeup-sat": V("2025-10-01", 10, DAY, A, "2025-10-11", "2025-10-11"),  # Sat 11 Oct is worked
    "nd25-plain-sun": V("2025-10-05", 7, DAY, A, "2025-10-12", "2025-10-13"),  # Sun 12 Oct rest → Mon 13
    "nd25-mid-run": V("2025-09-25", 7, DAY, A, "2025-10-02", "2025-10-09"),  # 2 Oct inside the run → 9 Oct
    # --- Spring Festival 2025 (28 Jan–4 Feb rest; 26 Jan Sun, 8 Feb Sat worked) ---
    "sf25-eve": V("2025-01-20", 8, DAY, A, "2025-01-28", "2025-02-05"),  # 除夕 28 Jan is a holiday since 2025
    "sf25-makeup-jan26": V("2025-01-16", 10, DAY, A, "2025-01-26", "2025-01-26"),  # Sun 26 Jan worked
    "sf25-makeup-feb8": V("2025-01-29", 10, DAY, A, "2025-02-08", "2025-02-08"),  # Sat 8 Feb worked
    "sf25-plain-sun": V("2025-01-30", 10, DAY, A, "2025-02-09", "2025-02-10"),  # Sun 9 Feb rest → Mon 10
    "sf25-30-days": V("2025-01-01", 30, DAY, A, "2025-01-31", "2025-02-05"),  # 31 Jan in the run → 5 Feb
    # --- other 2025 holidays ---
    "ny25": V("2024-12-31", 1, DAY, A, "2025-01-01", "2025-01-02"),  # New Year's Day Wed → Thu 2 Jan
    "qm25": V("2025-04-01", 3, DAY, A, "2025-04-04", "2025-04-07"),  # 清明 4–6 Apr → Mon 7
    "ld25-makeup": V("2025-04-20", 7, DAY, A, "2025-04-27", "2025-04-27"),  # Sun 27 Apr worked
    "ld25": V("2025-04-28", 3, DAY, A, "2025-05-01", "2025-05-06"),  # 1–5 May → Tue 6 May
    "db25": V("2025-05-30", 1, DAY, A, "2025-05-31", "2025-06-03"),  # 端午 31 May–2 Jun → Tue 3 Jun
    "weekend25": V("2025-06-27", 1, DAY, A, "2025-06-28", "2025-06-30"),  # Sat 28, Sun 29 → Mon 30 Jun
    "plain25": V("2025-11-20", 15, DAY, A, "2025-12-05", "2025-12-05"),  # Fri 5 Dec, a working day
    "ny26-into-makeup": V("2025-12-17", 15, DAY, A, "2026-01-01", "2026-01-04"),  # 1–3 Jan rest, Sun 4 Jan worked
    "dec31-26": V("2025-12-01", 30, DAY, A, "2025-12-31", "2025-12-31"),  # Wed 31 Dec working
    # --- 2026 ---
    "sf26-makeup-feb14": V("2026-01-30", 15, DAY, A, "2026-02-14", "2026-02-14"),  # Sat 14 Feb worked
    "sf26-first-day": V("2026-02-10", 5, DAY, A, "2026-02-15", "2026-02-24"),  # 15–23 Feb rest → Tue 24
    "sf26-last-day": V("2026-02-13", 10, DAY, A, "2026-02-23", "2026-02-24"),  # Mon 23 Feb last rest day
    "sf26-makeup-feb28": V("2026-02-18", 10, DAY, A, "2026-02-28", "2026-02-28"),  # Sat 28 Feb worked
    "sf26-plain-sun": V("2026-02-18", 11, DAY, A, "2026-03-01", "2026-03-02"),  # Sun 1 Mar rest → Mon 2
    "qm26": V("2026-04-01", 3, DAY, A, "2026-04-04", "2026-04-07"),  # 4–6 Apr → Tue 7 Apr
    "ld26": V("2026-04-30", 1, DAY, A, "2026-05-01", "2026-05-06"),  # 1–5 May → Wed 6 May
    "ld26-makeup": V("2026-05-02", 7, DAY, A, "2026-05-09", "2026-05-09"),  # Sat 9 May worked
    "db26": V("2026-06-12", 7, DAY, A, "2026-06-19", "2026-06-22"),  # 端午 19–21 Jun → Mon 22
    "nd26-makeup-sep20": V("2026-09-10", 10, DAY, A, "2026-09-20", "2026-09-20"),  # Sun 20 Sep worked
    "ma26": V("2026-09-20", 5, DAY, A, "2026-09-25", "2026-09-28"),  # 中秋 25–27 Sep → Mon 28
    "nd26": V("2026-09-30", 1, DAY, A, "2026-10-01", "2026-10-08"),  # 1–7 Oct → Thu 8 Oct
    "nd26-makeup-oct10": V("2026-09-30", 10, DAY, A, "2026-10-10", "2026-10-10"),  # Sat 10 Oct worked
    "nd26-plain-sun": V("2026-10-01", 10, DAY, A, "2026-10-11", "2026-10-12"),  # Sun 11 Oct rest → Mon 12
    "dec26": V("2026-12-01", 30, DAY, A, "2026-12-31", "2026-12-31"),  # Thu 31 Dec 2026, official data
    # --- 2027: no schedule, weekends only, provisional ---
    "y27-ny-unknown": V("2026-12-25", 7, DAY, A, "2027-01-01", "2027-01-01", provisional=True),  # Fri, no data
    "y27-sunday": V("2026-12-29", 5, DAY, A, "2027-01-03", "2027-01-04", provisional=True),  # Sun → Mon 4 Jan
    "y27-sf-unknown": V("2027-02-01", 5, DAY, A, "2027-02-06", "2027-02-08", provisional=True),  # Sat → Mon
    # --- weeks: 7 days each ---
    "w-nd25": V("2025-09-17", 2, WEEK, A, "2025-10-01", "2025-10-09"),  # 17 Sep + 14 = 1 Oct → 9 Oct
    "w-sf26": V("2026-02-02", 2, WEEK, A, "2026-02-16", "2026-02-24"),  # 16 Feb in the run → 24 Feb
    "w-makeup": V("2025-09-21", 1, WEEK, A, "2025-09-28", "2025-09-28"),  # Sun 28 Sep worked
    # --- months: corresponding day, else month end (Art. 202) ---
    "m-jan31": V("2025-01-31", 1, MONTH, A, "2025-02-28", "2025-02-28"),  # no 31 Feb → 28 Feb, Fri
    "m-jan31-leap": V("2024-01-31", 1, MONTH, A, "2024-02-29", "2024-02-29"),  # leap year → Thu 29 Feb
    "m-mar31": V("2024-03-31", 1, MONTH, A, "2024-04-30", "2024-04-30"),  # no 31 Apr → Tue 30 Apr
    "m-aug31": V("2025-08-31", 1, MONTH, A, "2025-09-30", "2025-09-30"),  # no 31 Sep → Tue 30 Sep
    "m-into-nd": V("2025-09-01", 1, MONTH, A, "2025-10-01", "2025-10-09"),  # 1 Oct → 9 Oct
    "m-dec31-makeup": V("2025-12-31", 2, MONTH, A, "2026-02-28", "2026-02-28"),  # month end Sat 28 Feb, worked
    "m-nov30": V("2025-11-30", 3, MONTH, A, "2026-02-28", "2026-02-28"),  # no 30 Feb → 28 Feb, worked
    "m-into-sf": V("2025-12-15", 2, MONTH, A, "2026-02-15", "2026-02-24"),  # Sun 15 Feb, SF run → 24 Feb
    "m-jan31-26": V("2026-01-31", 1, MONTH, A, "2026-02-28", "2026-02-28"),  # 28 Feb Sat worked
    "m-oct31": V("2025-10-31", 1, MONTH, A, "2025-11-30", "2025-12-01"),  # Sun 30 Nov → Mon 1 Dec
    "m-jul31": V("2025-07-31", 2, MONTH, A, "2025-09-30", "2025-09-30"),  # no 31 Sep → Tue 30 Sep
    "m-dec31-leap": V("2023-12-31", 2, MONTH, A, "2024-02-29", "2024-02-29"),  # leap Feb end, Thu
    # --- years ---
    "y-feb29": V("2024-02-29", 1, YEAR, A, "2025-02-28", "2025-02-28"),  # no 29 Feb 2025 → 28 Feb, Fri
    "y-feb28": V("2023-02-28", 1, YEAR, A, "2024-02-28", "2024-02-28"),  # Wed 28 Feb 2024
    "y-nd": V("2024-10-01", 1, YEAR, A, "2025-10-01", "2025-10-09"),  # 1 Oct 2025 → 9 Oct
    "y-sf": V("2025-02-15", 1, YEAR, A, "2026-02-15", "2026-02-24"),  # Sun 15 Feb 2026 in run → 24 Feb
    "y-2027": V("2026-10-01", 1, YEAR, A, "2027-10-01", "2027-10-01", provisional=True),  # Fri, no data
    "y-leap-4": V("2024-02-29", 4, YEAR, A, "2028-02-29", "2028-02-29", provisional=True),  # Tue, no data
    # --- 含当日: the anchor day is day one ---
    "incl-10d": V("2025-09-21", 10, DAY, A, "2025-09-30", "2025-09-30", include_start_day=True),  # 21+9
    "incl-10d-holiday": V("2025-09-22", 10, DAY, A, "2025-10-01", "2025-10-09", include_start_day=True),  # 22+9
    "incl-month": V("2025-01-31", 1, MONTH, A, "2025-02-27", "2025-02-27", include_start_day=True),  # 28 Feb − 1
    # --- forward working days: count working days after the anchor; make-up days count ---
    "bd-1-nd25": V("2025-09-30", 1, BD, A, "2025-10-09", "2025-10-09"),  # 1–8 Oct rest
    "bd-1-makeup": V("2025-09-26", 1, BD, A, "2025-09-28", "2025-09-28"),  # Sat 27 rest, Sun 28 worked (1)
    "bd-2": V("2025-09-26", 2, BD, A, "2025-09-29", "2025-09-29"),  # 28 (1), Mon 29 (2)
    "bd-3": V("2025-09-26", 3, BD, A, "2025-09-30", "2025-09-30"),  # 28, 29, 30
    "bd-4": V("2025-09-26", 4, BD, A, "2025-10-09", "2025-10-09"),  # 28, 29, 30, then 9 Oct
    "bd-oct11": V("2025-10-09", 2, BD, A, "2025-10-11", "2025-10-11"),  # Fri 10 (1), Sat 11 worked (2)
    "bd-jan26": V("2025-01-24", 1, BD, A, "2025-01-26", "2025-01-26"),  # Sat 25 rest, Sun 26 worked
    "bd-jan27": V("2025-01-24", 2, BD, A, "2025-01-27", "2025-01-27"),  # 26 (1), Mon 27 (2)
    "bd-sf25": V("2025-01-24", 3, BD, A, "2025-02-05", "2025-02-05"),  # 26, 27, then 28 Jan–4 Feb rest, 5 Feb
    "bd-feb8": V("2025-02-05", 3, BD, A, "2025-02-08", "2025-02-08"),  # Thu 6, Fri 7, Sat 8 worked
    "bd-sf26": V("2026-02-12", 3, BD, A, "2026-02-24", "2026-02-24"),  # Fri 13, Sat 14 worked, 15–23 rest, 24
    "bd-feb28": V("2026-02-24", 4, BD, A, "2026-02-28", "2026-02-28"),  # 25, 26, 27, Sat 28 worked
    "bd-into-2027": V("2026-12-31", 2, BD, A, "2027-01-04", "2027-01-04", provisional=True),  # Fri 1 Jan?, Mon 4
    "bd-ny26": V("2025-12-31", 1, BD, A, "2026-01-04", "2026-01-04"),  # 1–3 Jan rest, Sun 4 Jan worked
    "bd-ld25": V("2025-04-30", 1, BD, A, "2025-05-06", "2025-05-06"),  # 1–5 May rest
    "bd-apr27": V("2025-04-25", 1, BD, A, "2025-04-27", "2025-04-27"),  # Sat 26 rest, Sun 27 worked
    "bd-10": V("2025-09-29", 10, BD, A, "2025-10-20", "2025-10-20"),  # 30 Sep, 9, 10, 11, 13–17, 20 Oct
    "bd-incl-working": V("2025-09-30", 1, BD, A, "2025-09-30", "2025-09-30", include_start_day=True),  # day one
    "bd-incl-rest": V("2025-10-01", 1, BD, A, "2025-10-09", "2025-10-09", include_start_day=True),  # rest anchor
    # --- backward: strict = X − N; a rest day rolls BACK to the previous working day ---
    "b-3d-nd25": V("2025-10-10", 3, DAY, B, "2025-10-07", "2025-09-30"),  # 7 Oct rest, back over 1–7 → 30 Sep
    "b-30d": V("2025-10-31", 30, DAY, B, "2025-10-01", "2025-09-30"),  # 1 Oct → Tue 30 Sep
    "b-makeup-sun": V("2025-10-08", 10, DAY, B, "2025-09-28", "2025-09-28"),  # Sun 28 Sep worked
    "b-makeup-sat": V("2025-10-12", 1, DAY, B, "2025-10-11", "2025-10-11"),  # Sat 11 Oct worked
    "b-sun-to-makeup": V("2025-10-13", 1, DAY, B, "2025-10-12", "2025-10-11"),  # Sun 12 rest → Sat 11 worked
    "b-sf26-to-makeup": V("2026-03-01", 7, DAY, B, "2026-02-22", "2026-02-14"),  # 22 → back over 15–22 → Sat 14
    "b-sf26-last": V("2026-02-25", 2, DAY, B, "2026-02-23", "2026-02-14"),  # 23 → back over 15–23 → 14
    "b-feb28": V("2026-03-02", 2, DAY, B, "2026-02-28", "2026-02-28"),  # Sat 28 Feb worked
    "b-ny26": V("2026-01-05", 3, DAY, B, "2026-01-02", "2025-12-31"),  # 2, 1 Jan rest → Wed 31 Dec
    "b-jan4": V("2026-01-10", 6, DAY, B, "2026-01-04", "2026-01-04"),  # Sun 4 Jan worked
    "b-db25": V("2025-06-03", 2, DAY, B, "2025-06-01", "2025-05-30"),  # 1 Jun, 31 May rest → Fri 30 May
    "b-month-nd": V("2025-11-08", 1, MONTH, B, "2025-10-08", "2025-09-30"),  # 8 Oct rest → 30 Sep
    "b-month-end": V("2026-03-31", 1, MONTH, B, "2026-02-28", "2026-02-28"),  # no 31 Feb → 28, Sat worked
    "b-month-feb": V("2025-03-31", 1, MONTH, B, "2025-02-28", "2025-02-28"),  # no 31 Feb → Fri 28
    "b-month-leap": V("2024-03-30", 1, MONTH, B, "2024-02-29", "2024-02-29"),  # no 30 Feb → Thu 29 (leap)
    "b-year-sf": V("2027-02-16", 1, YEAR, B, "2026-02-16", "2026-02-14"),  # 16 Feb 2026 rest → Sat 14 worked
    "b-2weeks": V("2025-10-15", 2, WEEK, B, "2025-10-01", "2025-09-30"),  # 15 − 14 = 1 Oct → 30 Sep
    "b-bd-1": V("2025-10-09", 1, BD, B, "2025-09-30", "2025-09-30"),  # 1–8 Oct rest → 30 Sep
    "b-bd-3": V("2025-10-09", 3, BD, B, "2025-09-28", "2025-09-28"),  # 30 (1), 29 (2), Sun 28 worked (3)
    "b-bd-4": V("2025-10-09", 4, BD, B, "2025-09-26", "2025-09-26"),  # then Sat 27 rest, Fri 26 (4)
    "b-bd-sf26": V("2026-02-24", 1, BD, B, "2026-02-14", "2026-02-14"),  # 15–23 rest, Sat 14 worked
    "b-bd-sf26-2": V("2026-02-24", 2, BD, B, "2026-02-13", "2026-02-13"),  # then Fri 13
    "b-2027": V("2027-01-05", 3, DAY, B, "2027-01-02", "2027-01-01", provisional=True),  # Sat → Fri 1 Jan?
    "b-incl": V("2025-10-10", 3, DAY, B, "2025-10-08", "2025-09-30", include_start_day=True),  # 10 − 2 = 8 Oct
    # --- hours: exactly N hours, no roll, across midnight, holidays and month ends ---
    "h-new-year": V("2025-12-31T22:00", 3, HOUR, A, "2026-01-01T01:00", "2026-01-01T01:00"),  # holiday: no roll
    "h-24": V("2025-09-30T20:00", 24, HOUR, A, "2025-10-01T20:00", "2025-10-01T20:00"),  # into National Day
    "h-leap": V("2024-02-28T23:30", 1, HOUR, A, "2024-02-29T00:30", "2024-02-29T00:30"),  # leap day
    "h-48": V("2026-02-16T10:00", 48, HOUR, A, "2026-02-18T10:00", "2026-02-18T10:00"),  # inside Spring Festival
    "h-back": V("2025-03-01T01:00", 2, HOUR, B, "2025-02-28T23:00", "2025-02-28T23:00"),  # back over midnight
    "h-2027": V("2026-12-31T23:00", 2, HOUR, A, "2027-01-01T01:00", "2027-01-01T01:00"),  # no calendar used
    "h-no-time": V("2025-06-01", 12, HOUR, A, "2025-06-01T12:00", "2025-06-01T12:00"),  # counted from 00:00
    "h-half": V("2025-06-01T10:00", 1.5, HOUR, A, "2025-06-01T11:30", "2025-06-01T11:30"),  # 90 minutes
    # --- roll chosen by the contract ---
    "roll-none": V("2025-09-30", 1, DAY, A, "2025-10-01", "2025-10-01", roll=Roll.NONE),  # 自然日, no extension
    "roll-following-back": V("2025-10-10", 3, DAY, B, "2025-10-07", "2025-10-09", roll=Roll.FOLLOWING),
    # --- 2024 (除夕 9 Feb 2024 was a working day) ---
    "sf24-eve-working": V("2024-02-08", 1, DAY, A, "2024-02-09", "2024-02-09"),  # Fri 9 Feb worked normally
    "sf24-to-makeup": V("2024-02-08", 2, DAY, A, "2024-02-10", "2024-02-18"),  # 10–17 rest → Sun 18 worked
    "sf24-makeup-feb4": V("2024-02-02", 2, DAY, A, "2024-02-04", "2024-02-04"),  # Sun 4 Feb worked
    "qm24-makeup": V("2024-04-05", 2, DAY, A, "2024-04-07", "2024-04-07"),  # Sun 7 Apr worked
    "nd24-makeup": V("2024-09-28", 1, DAY, A, "2024-09-29", "2024-09-29"),  # Sun 29 Sep worked
    "nd24": V("2024-09-30", 1, DAY, A, "2024-10-01", "2024-10-08"),  # 1–7 Oct → Tue 8 Oct
    # --- other jurisdictions ---
    "gb-christmas": V("2026-12-21", 4, DAY, A, "2026-12-25", "2026-12-29", "GB"),  # 25 Fri, 26–27, 28 sub.
    "us-july4": V("2026-06-26", 7, DAY, A, "2026-07-03", "2026-07-06", "US"),  # 4 Jul Sat observed Fri 3
    "us-thanksgiving": V("2026-11-19", 7, DAY, A, "2026-11-26", "2026-11-27", "US"),  # 4th Thu → Fri 27
    "hk-lny-bd": V("2026-02-13", 2, BD, A, "2026-02-20", "2026-02-20", "HK"),  # Mon 16 (1), 17–19 LNY, Fri 20
    "sg-national": V("2026-08-07", 2, DAY, A, "2026-08-09", "2026-08-11", "SG"),  # Sun 9, observed Mon 10
    "de-unity": V("2026-09-30", 3, DAY, A, "2026-10-03", "2026-10-05", "DE"),  # Sat 3 Oct, Sun 4 → Mon 5
    "jp-golden-week": V("2026-04-28", 1, WEEK, A, "2026-05-05", "2026-05-07", "JP"),  # 5 May, 6 May subst.
    "fr-bastille": V("2026-07-10", 4, DAY, A, "2026-07-14", "2026-07-15", "FR"),  # Tue 14 Jul → Wed 15
}


def _parse(text: str) -> dt.date | dt.datetime:
    return dt.datetime.fromisoformat(text) if "T" in text else dt.date.fromisoformat(text)


def test_there_are_enough_vectors() -> None:
    assert len(VECTORS) >= 80


@pytest.mark.parametrize("vector", list(VECTORS.values()), ids=list(VECTORS))
def test_due_vector(vector: Vector) -> None:
    calendar = open_calendar(vector.calendar, directory=None)
    result = compute_due(
        _parse(vector.anchor),
        Period(vector.amount, vector.unit),
        vector.direction,
        calendar=calendar,
        include_start_day=vector.include_start_day,
        roll=vector.roll,
    )
    assert (result.strict, result.due, result.provisional) == (
        _parse(vector.strict),
        _parse(vector.due),
        vector.provisional,
    )
    assert result.steps[0].text.startswith("Anchor")
    assert result.steps[-1].text.startswith("Due")
