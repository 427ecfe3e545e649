"""Calendars: CN against the State Council notices, provisional years, schedule files, other jurisdictions."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from obligations.calendars import (
    DataStatus,
    ScheduleFileError,
    default_calendar_for,
    load_schedule_file,
    open_calendar,
    parse_schedule_file,
)
from obligations.dates import compute_due
from obligations.errors import KnownError
from obligations.model import Direction, Period, Unit

D = dt.date
ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "resources" / "calendars" / "CN-2027.example.json"

# The State Council notices (国务院办公厅关于20XX年部分节假日安排的通知), written out by hand: the rest runs
# (holiday plus the weekend days inside it) and the weekend days worked to make up (调休上班).
NOTICES: dict[int, tuple[list[tuple[str, str]], list[str]]] = {
    2024: (  # published Oct 2023
        [
            ("2024-01-01", "2024-01-01"),  # 元旦: Mon, joined to the weekend of 30–31 Dec 2023
            ("2024-02-10", "2024-02-17"),  # 春节 8 days; 除夕 9 Feb was a working day
            ("2024-04-04", "2024-04-06"),  # 清明
            ("2024-05-01", "2024-05-05"),  # 劳动节
            ("2024-06-08", "2024-06-10"),  # 端午: Mon 10 Jun with the weekend
            ("2024-09-15", "2024-09-17"),  # 中秋
            ("2024-10-01", "2024-10-07"),  # 国庆节
        ],
        [
            "2024-02-04",
            "2024-02-18",
            "2024-04-07",
            "2024-04-28",
            "2024-05-11",
            "2024-09-14",
            "2024-09-29",
            "2024-10-12",
        ],
    ),
    2025: (  # published Nov 2024, first year with 除夕 and 2 May as statutory holidays
        [
            ("2025-01-01", "2025-01-01"),  # 元旦: Wed, no make-up day
            ("2025-01-28", "2025-02-04"),  # 春节 from 除夕, 8 days
            ("2025-04-04", "2025-04-06"),  # 清明
            ("2025-05-01", "2025-05-05"),  # 劳动节
            ("2025-05-31", "2025-06-02"),  # 端午
            ("2025-10-01", "2025-10-08"),  # 国庆节 and 中秋节 together, 8 days
        ],
        ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"],
    ),
    2026: (  # published Nov 2025
        [
            ("2026-01-01", "2026-01-03"),  # 元旦
            ("2026-02-15", "2026-02-23"),  # 春节 9 days
            ("2026-04-04", "2026-04-06"),  # 清明
            ("2026-05-01", "2026-05-05"),  # 劳动节
            ("2026-06-19", "2026-06-21"),  # 端午
            ("2026-09-25", "2026-09-27"),  # 中秋
            ("2026-10-01", "2026-10-07"),  # 国庆节
        ],
        ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
    ),
}


def notice_working_days(year: int) -> dict[dt.date, bool]:
    """Every day of `year`: a working day per the notice?"""
    runs, makeup = NOTICES[year]
    rest = set()
    for first, last in runs:
        day = D.fromisoformat(first)
        while day <= D.fromisoformat(last):
            rest.add(day)
            day += dt.timedelta(days=1)
    worked = {D.fromisoformat(s) for s in makeup}
    days = {}
    day = D(year, 1, 1)
    while day.year == year:
        days[day] = day in worked or (day.weekday() < 5 and day not in rest)
        day += dt.timedelta(days=1)
    return days


@pytest.fixture
def cn() -> object:
    return open_calendar("CN", directory=None)


@pytest.mark.parametrize("year", sorted(NOTICES))
def test_cn_matches_the_state_council_notice_every_day(year: int) -> None:
    calendar = open_calendar("CN", directory=None)
    expected = notice_working_days(year)
    wrong = {day: want for day, want in expected.items() if calendar.is_working_day(day) != want}
    assert wrong == {}
    assert calendar.schedule(year).status is DataStatus.OFFICIAL


@pytest.mark.parametrize("year", sorted(NOTICES))
def test_holidays_library_agrees_with_the_notice(year: int) -> None:
    # Evaluation of the alternative source: `holidays` has 2024–2026 right too (it is used for other countries).
    import holidays

    library = holidays.China(years=year)
    expected = notice_working_days(year)
    assert {day for day, want in expected.items() if library.is_working_day(day) != want} == set()


@pytest.mark.parametrize("year", sorted(NOTICES))
def test_every_make_up_day_is_named(year: int) -> None:
    calendar = open_calendar("CN", directory=None)
    for text in NOTICES[year][1]:
        name = calendar.workday_reason(D.fromisoformat(text))
        assert name is not None and "调休" in name.zh


def test_cn_2027_is_provisional_weekends_only(cn) -> None:
    # `holidays` would silently guess 2027; we count weekends alone and say so.
    schedule = cn.schedule(2027)
    assert schedule.status is DataStatus.PROVISIONAL
    assert schedule.holidays == {} and schedule.workdays == {}
    assert cn.is_working_day(D(2027, 1, 1))  # New Year's Day, unknown without a schedule: a Friday
    assert cn.provisional_years(range(2024, 2029)) == {2027, 2028}


def test_holidays_library_guesses_2027_without_make_up_days() -> None:
    # Why CN does not use `holidays`: for 2027 it returns holidays although no notice exists, and no 调休 days.
    import holidays

    guessed = holidays.China(years=2027)
    assert len(guessed) > 0
    assert not [day for day in guessed.weekend_workdays if day.year == 2027]


def _official_copy(tmp_path: Path, **changes: object) -> Path:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data.update({"example": False, "source": "test copy"}, **changes)
    path = tmp_path / "CN-2027.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_loading_a_schedule_file_makes_2027_loaded_and_changes_results(tmp_path: Path) -> None:
    folder = tmp_path / "calendars"
    folder.mkdir()
    before = open_calendar("CN", directory=folder)
    first = compute_due(D(2027, 9, 30), Period(1, Unit.DAY), Direction.AFTER, calendar=before)
    assert (first.due, first.provisional) == (D(2027, 10, 1), True)  # weekends only: Fri 1 Oct is a working day

    load_schedule_file(_official_copy(tmp_path), folder)
    after = open_calendar("CN", directory=folder)
    assert after.stamp != before.stamp
    assert after.schedule(2027).status is DataStatus.LOADED
    second = compute_due(D(2027, 9, 30), Period(1, Unit.DAY), Direction.AFTER, calendar=after)
    assert (second.due, second.provisional) == (D(2027, 10, 8), False)  # 1–7 Oct in the file → Fri 8 Oct
    assert after.is_working_day(D(2027, 10, 9))  # a Saturday the file makes a working day
    assert any("National Day holiday (国庆节假期)" in step.text for step in second.steps)


def test_loaded_file_overrides_library_year(tmp_path: Path) -> None:
    folder = tmp_path / "calendars"
    folder.mkdir()
    source = tmp_path / "CN-2026.json"
    source.write_text(
        json.dumps({"calendar": "CN", "year": 2026, "holidays": [{"date": "2026-03-02", "name": "Test day"}]}),
        encoding="utf-8",
    )
    load_schedule_file(source, folder)
    calendar = open_calendar("CN", directory=folder)
    assert calendar.is_rest_day(D(2026, 3, 2))
    assert calendar.is_rest_day(D(2026, 3, 1))  # still a Sunday
    assert calendar.is_working_day(D(2026, 10, 1))  # the file replaced the whole year: no National Day in it
    assert calendar.is_rest_day(D(2025, 10, 1))  # other years keep library data


def test_next_years_file_may_move_a_december_saturday(tmp_path: Path) -> None:
    folder = tmp_path / "calendars"
    folder.mkdir()
    load_schedule_file(
        _official_copy(tmp_path, workdays=[{"date": "2026-12-26", "name": "make-up for New Year"}]), folder
    )
    calendar = open_calendar("CN", directory=folder)
    assert calendar.is_working_day(D(2026, 12, 26))  # a Saturday, worked for the 2027 New Year holiday
    assert calendar.schedule(2026).status is DataStatus.OFFICIAL


def test_csv_schedule_file(tmp_path: Path) -> None:
    path = tmp_path / "cn2027.csv"
    path.write_text(
        "calendar,year,date,type,name,name_zh\n"
        "CN,2027,2027-02-05,holiday,Spring Festival holiday,春节假期\n"
        "CN,2027,2027-02-20,workday,make-up working day,调休上班\n",
        encoding="utf-8-sig",
    )
    schedule = parse_schedule_file(path)
    assert (schedule.calendar, schedule.year) == ("CN", 2027)
    assert list(schedule.holidays) == [D(2027, 2, 5)] and list(schedule.workdays) == [D(2027, 2, 20)]


def test_example_file_parses_and_is_refused_by_load(tmp_path: Path) -> None:
    assert parse_schedule_file(EXAMPLE).example
    with pytest.raises(ScheduleFileError, match="example file"):
        load_schedule_file(EXAMPLE, tmp_path)


GOOD = {"calendar": "CN", "year": 2027, "holidays": [{"date": "2027-02-08", "name": "Spring Festival"}]}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "expected a JSON object"),
        ({**GOOD, "calendar": "XX"}, "calendar 'XX' is not one of"),
        ({**GOOD, "year": "2027"}, "year '2027' must be a whole number"),
        ({**GOOD, "holiday": []}, "unknown key(s) holiday"),
        ({**GOOD, "format": "v9"}, "format 'v9' is not supported"),
        ({**GOOD, "holidays": [{"date": "2027-02-30", "name": "x"}]}, "holidays[0]: '2027-02-30' is not a date"),
        ({**GOOD, "holidays": [{"date": "27-2-8", "name": "x"}]}, "is not a date written YYYY-MM-DD"),
        ({**GOOD, "holidays": [{"date": "2028-02-08", "name": "x"}]}, "2028-02-08 is not in 2027"),
        ({**GOOD, "holidays": [{"date": "2027-02-08"}]}, "holidays[0]: a name is required"),
        ({**GOOD, "holidays": [{"from": "2027-02-10", "to": "2027-02-08", "name": "x"}]}, "is not a run of"),
        ({**GOOD, "holidays": [{"date": "2027-02-08", "name": "a"}, {"date": "2027-02-08", "name": "b"}]},
         "holidays[1]: 2027-02-08 is listed twice"),
        ({**GOOD, "workdays": [{"date": "2027-02-22", "name": "x"}]}, "2027-02-22 is a Monday"),
        ({**GOOD, "holidays": [{"date": "2027-02-20", "name": "x"}], "workdays": [{"date": "2027-02-20", "name": "y"}]},
         "listed both as a holiday and as a working day"),
        ({"calendar": "CN", "year": 2027}, "nothing to load"),
        ({**GOOD, "example": "yes"}, "example must be true or false"),
    ],
)  # fmt: skip
def test_bad_schedule_files_say_what_and_where(tmp_path: Path, content: object, message: str) -> None:
    path = tmp_path / "CN-2027.json"
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    with pytest.raises(ScheduleFileError) as caught:
        load_schedule_file(path, tmp_path / "unused")
    assert str(path) in str(caught.value)
    assert message in str(caught.value)
    assert isinstance(caught.value, KnownError)  # the CLI shows it as one line, exit 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "no rows"),
        ("calendar,date,type\nCN,2027-01-01,holiday\n", "missing column(s) year"),
        ("calendar,year,date,type,name\nCN,2027,2027-01-01,rest,x\n", "line 2: type must be 'holiday' or 'workday'"),
        ("calendar,year,date,type,name\nCN,2027,2027-01-01,holiday,x\nCN,2028,2028-01-03,holiday,y\n",
         "one calendar and one year per file"),
    ],
)  # fmt: skip
def test_bad_csv_files(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "cn.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ScheduleFileError, match=re.escape(message)):
        parse_schedule_file(path)


def test_corrupt_stored_file_is_reported_with_its_path(tmp_path: Path) -> None:
    (tmp_path / "CN-2027.json").write_text("{", encoding="utf-8")
    with pytest.raises(ScheduleFileError, match=r"CN-2027\.json"):
        open_calendar("CN", directory=tmp_path)


# One known holiday per jurisdiction, by the statute that makes it.
@pytest.mark.parametrize(
    ("code", "holiday", "working"),
    [
        ("US", D(2026, 7, 3), D(2026, 7, 2)),  # Independence Day (Sat 4 Jul) observed on Friday, 5 U.S.C. 6103
        ("US", D(2026, 11, 26), D(2026, 11, 27)),  # Thanksgiving, 4th Thursday; the Friday after is not federal
        ("GB", D(2026, 12, 28), D(2026, 12, 29)),  # Boxing Day (Sat) substitute Monday, Banking Act 1971
        ("GB", D(2026, 8, 31), D(2026, 8, 28)),  # Summer bank holiday, England and Wales only
        ("HK", D(2026, 2, 17), D(2026, 2, 16)),  # Lunar New Year's Day; its eve is not a general holiday
        ("HK", D(2026, 2, 14), D(2026, 2, 13)),  # Saturday: not a business day (banks' convention)
        ("SG", D(2026, 8, 10), D(2026, 8, 11)),  # National Day (Sun 9 Aug) observed Monday
        ("DE", D(2026, 10, 3), D(2026, 10, 2)),  # Tag der Deutschen Einheit
        ("DE", D(2026, 5, 1), D(2026, 4, 30)),  # Tag der Arbeit
        ("FR", D(2026, 7, 14), D(2026, 7, 13)),  # Fête nationale
        ("JP", D(2026, 5, 6), D(2026, 5, 7)),  # substitute holiday for Constitution Day (Sun 3 May)
    ],
)
def test_other_jurisdictions(code: str, holiday: dt.date, working: dt.date) -> None:
    calendar = open_calendar(code, directory=None)
    assert calendar.is_rest_day(holiday)
    assert calendar.is_working_day(working)
    assert calendar.schedule(2026).status is DataStatus.OFFICIAL


def test_library_estimates_are_provisional() -> None:
    # Singapore's Islamic holidays beyond the gazetted years are `holidays` estimates.
    assert open_calendar("SG", directory=None).schedule(2030).status is DataStatus.PROVISIONAL


def test_unknown_calendar() -> None:
    with pytest.raises(ValueError, match="unknown calendar 'XX'"):
        open_calendar("XX", directory=None)


@pytest.mark.parametrize(
    ("language", "hint", "expected"),
    [
        ("zh", None, "CN"),  # Chinese text, no governing-law clause
        ("zh", "本合同适用中华人民共和国法律", "CN"),
        ("zh", "本合同适用中华人民共和国香港特别行政区法律", "HK"),  # Hong Kong wins over 中华人民共和国
        ("en", "governed by the laws of the People's Republic of China", "CN"),
        ("en", "governed by English law", "GB"),
        ("en", "laws of the State of New York", "US"),
        ("en", "laws of Singapore", "SG"),
        ("en", "German law (Deutschland)", "DE"),
        ("en", "on a reciprocal basis", "CN"),  # "prc" inside a word is no hint: fallback
        ("en", None, "CN"),  # fallback: the company's home calendar
    ],
)
def test_default_calendar_for(language: str, hint: str | None, expected: str) -> None:
    assert default_calendar_for(language, hint) == expected


def test_lookups_are_cached_per_year(cn) -> None:
    import time

    days = [D(2025, 1, 1) + dt.timedelta(days=i % 700) for i in range(200_000)]
    began = time.perf_counter()
    working = sum(cn.is_working_day(day) for day in days)
    assert working > 0
    assert time.perf_counter() - began < 2.0  # ~0.1 s here; a rebuilt table per call would take minutes


def test_cli_start_does_not_import_calendar_libraries() -> None:
    code = (
        "import sys; from obligations.cli import build_parser; build_parser(); "
        "print(sorted(m for m in ('holidays', 'chinese_calendar', 'dateutil.rrule') if m in sys.modules))"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip() == "[]"


@pytest.mark.parametrize(
    "module",
    ["obligations.calendars.calendar", "obligations.calendars.choose", "obligations.dates.compute",
     "obligations.dates.recurrence"],
)  # fmt: skip
def test_doctests(module: str) -> None:
    import doctest
    import importlib

    failures, tried = doctest.testmod(importlib.import_module(module))
    assert tried > 0 and failures == 0


def test_provisional_pairs_and_data_stamp(tmp_path: Path) -> None:
    from obligations.calendars import data_stamp, provisional_pairs

    folder = tmp_path / "calendars"
    folder.mkdir()
    years = range(2025, 2029)
    assert provisional_pairs(["CN", "GB"], years, directory=folder) == {("CN", 2027), ("CN", 2028)}
    before = data_stamp(["CN", "GB"], directory=folder)
    assert data_stamp(["GB", "CN"], directory=folder) == before  # order does not matter
    load_schedule_file(_official_copy(tmp_path), folder)
    assert provisional_pairs(["CN", "GB"], years, directory=folder) == {("CN", 2028)}
    assert data_stamp(["CN", "GB"], directory=folder) != before
