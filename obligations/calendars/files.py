"""Schedule files: a year's holidays and make-up working days a user loads without upgrading the app.

The format is documented in docs/calendars.md (JSON, or CSV for spreadsheets). `load_schedule_file` validates a
file and stores it, normalised to JSON, as `<CAL>-<YEAR>.json` in the calendars folder, where it overrides the
library's data for that calendar and year.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from obligations.calendars.schedule import DayName
from obligations.calendars.sources import JURISDICTIONS
from obligations.errors import KnownError

FORMAT = "tickler-calendar/1"
_TOP_KEYS = {"format", "calendar", "year", "source", "example", "note", "holidays", "workdays"}
_ENTRY_KEYS = {"date", "from", "to", "name", "name_zh"}
_CSV_COLUMNS = ["calendar", "year", "date", "type", "name", "name_zh"]
_STORED_NAME = re.compile(r"^([A-Z]{2})-(\d{4})\.json$")
_MAX_RUN = 31  # longer holiday "runs" are a typo in from/to, not a holiday


class ScheduleFileError(KnownError):
    """A schedule file that cannot be used; the message names the file and the entry at fault."""


@dataclass(frozen=True, slots=True)
class ScheduleFile:
    calendar: str
    year: int
    source: str
    holidays: dict[dt.date, DayName]
    workdays: dict[dt.date, DayName]  # weekend days worked (调休上班)
    example: bool = False

    def to_json(self) -> dict[str, Any]:
        def entries(days: dict[dt.date, DayName]) -> list[dict[str, str]]:
            return [{"date": d.isoformat(), "name": n.en, "name_zh": n.zh} for d, n in sorted(days.items())]

        return {
            "format": FORMAT,
            "calendar": self.calendar,
            "year": self.year,
            "source": self.source,
            "example": self.example,
            "holidays": entries(self.holidays),
            "workdays": entries(self.workdays),
        }


def parse_schedule_file(path: Path) -> ScheduleFile:
    """Read and validate a JSON or CSV schedule file; raise ScheduleFileError saying what is wrong where."""
    try:
        text = path.read_text(encoding="utf-8-sig")  # Excel writes a BOM into UTF-8 CSV
    except (OSError, UnicodeDecodeError) as exc:
        raise ScheduleFileError(f"{path}: cannot read the file ({exc})") from exc
    if path.suffix.lower() == ".csv":
        data = _csv_to_data(path, text)
    else:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ScheduleFileError(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from exc
    return _validate(path, data)


def load_schedule_file(path: Path, directory: Path, *, allow_example: bool = False) -> tuple[ScheduleFile, Path]:
    """Validate `path` and store it in `directory` (the calendars folder); return it and where it went.

    An example file (`"example": true`) is refused unless `allow_example`: its dates are not official.
    """
    schedule = parse_schedule_file(path)
    if schedule.example and not allow_example:
        raise ScheduleFileError(
            f'{path}: this is an example file ("example": true), not an official schedule; check every date '
            'against the official notice, set "example": false, then load it again'
        )
    target = directory / f"{schedule.calendar}-{schedule.year}.json"
    temporary = target.with_suffix(".json.tmp")
    temporary.write_text(json.dumps(schedule.to_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    os.replace(temporary, target)  # atomic: a reader never sees half a file
    return schedule, target


def read_loaded(directory: Path, calendar: str) -> dict[int, ScheduleFile]:
    """The schedule files loaded for `calendar`, by year."""
    found: dict[int, ScheduleFile] = {}
    if not directory.is_dir():
        return found
    for path in sorted(directory.glob(f"{calendar}-*.json")):
        match = _STORED_NAME.match(path.name)
        if match is None:
            continue
        schedule = parse_schedule_file(path)
        if (schedule.calendar, schedule.year) != (match[1], int(match[2])):
            raise ScheduleFileError(f"{path}: holds {schedule.calendar} {schedule.year}; load it again")
        found[schedule.year] = schedule
    return found


def loaded_stamp(directory: Path, calendar: str) -> str:
    """A digest of the files loaded for `calendar`: changes whenever one is loaded, replaced or removed."""
    digest = hashlib.sha256()
    if directory.is_dir():
        for path in sorted(directory.glob(f"{calendar}-*.json")):
            if _STORED_NAME.match(path.name):
                digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _csv_to_data(path: Path, text: str) -> dict[str, Any]:
    rows = list(csv.DictReader(text.splitlines()))
    if not rows:
        raise ScheduleFileError(f"{path}: no rows; expected the columns {','.join(_CSV_COLUMNS)}")
    missing = [c for c in _CSV_COLUMNS[:4] if c not in rows[0]]
    if missing:
        raise ScheduleFileError(f"{path}: missing column(s) {', '.join(missing)}; expected {','.join(_CSV_COLUMNS)}")
    calendars = {row["calendar"] for row in rows}
    years = {row["year"] for row in rows}
    if len(calendars) != 1 or len(years) != 1:
        raise ScheduleFileError(f"{path}: one calendar and one year per file (found {sorted(calendars | years)})")
    data: dict[str, Any] = {"format": FORMAT, "calendar": rows[0]["calendar"], "holidays": [], "workdays": []}
    data["year"] = int(rows[0]["year"]) if rows[0]["year"].isdigit() else rows[0]["year"]
    data["source"] = f"file {path.name}"
    for number, row in enumerate(rows, start=2):
        kind = (row.get("type") or "").strip().lower()
        if kind not in ("holiday", "workday"):
            raise ScheduleFileError(f"{path}: line {number}: type must be 'holiday' or 'workday', not {kind!r}")
        entry = {"date": row["date"].strip(), "name": (row.get("name") or "").strip()}
        entry["name_zh"] = (row.get("name_zh") or "").strip()
        data[f"{kind}s"].append(entry)
    return data


def _validate(path: Path, data: Any) -> ScheduleFile:
    def fail(problem: str) -> ScheduleFileError:
        return ScheduleFileError(f"{path}: {problem}")

    if not isinstance(data, dict):
        raise fail("expected a JSON object with calendar, year, holidays and workdays")
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise fail(f"unknown key(s) {', '.join(sorted(unknown))}; allowed: {', '.join(sorted(_TOP_KEYS))}")
    if data.get("format", FORMAT) != FORMAT:
        raise fail(f"format {data.get('format')!r} is not supported (expected {FORMAT!r})")
    calendar = data.get("calendar")
    if calendar not in JURISDICTIONS:
        raise fail(f"calendar {calendar!r} is not one of {', '.join(JURISDICTIONS)}")
    year = data.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not 1900 <= year <= 2200:
        raise fail(f"year {year!r} must be a whole number between 1900 and 2200")
    holidays = _entries(fail, data.get("holidays", []), "holidays", year)
    workdays = _entries(fail, data.get("workdays", []), "workdays", year)
    for day in sorted(holidays.keys() & workdays.keys()):
        raise fail(f"{day} is listed both as a holiday and as a working day")
    for day in sorted(workdays):
        if day.weekday() < 5:
            weekday = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")[day.weekday()]
            raise fail(f"workdays: {day} is a {weekday}; make-up working days are Saturdays or Sundays")
    if not holidays and not workdays:
        raise fail("no holidays and no workdays: nothing to load")
    example = data.get("example", False)
    if not isinstance(example, bool):
        raise fail("example must be true or false")
    source = data.get("source") or f"file {path.name}"
    return ScheduleFile(calendar, year, str(source), holidays, workdays, example)


def _entries(fail: Callable[[str], ScheduleFileError], raw: Any, key: str, year: int) -> dict[dt.date, DayName]:
    if not isinstance(raw, list):
        raise fail(f"{key} must be a list of entries")
    days: dict[dt.date, DayName] = {}
    for index, entry in enumerate(raw):
        where = f"{key}[{index}]"
        if not isinstance(entry, dict) or set(entry) - _ENTRY_KEYS:
            raise fail(f'{where}: expected {{"date", "name", "name_zh"}} or {{"from", "to", ...}}')
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise fail(f"{where}: a name is required (it is shown in explanations)")
        first = _date(fail, where, entry.get("date", entry.get("from")))
        last = _date(fail, where, entry.get("to", entry.get("date", entry.get("from"))))
        if not dt.timedelta(0) <= last - first < dt.timedelta(days=_MAX_RUN):
            raise fail(f"{where}: from {first} to {last} is not a run of 1 to {_MAX_RUN} days")
        for offset in range((last - first).days + 1):
            day = first + dt.timedelta(days=offset)
            # A make-up day for New Year can fall in the December before: allowed, nothing earlier.
            if day.year != year and not (day.year == year - 1 and day.month == 12):
                raise fail(f"{where}: {day} is not in {year} (nor in the December before it)")
            if day in days:
                raise fail(f"{where}: {day} is listed twice")
            days[day] = DayName(name.strip(), str(entry.get("name_zh") or "").strip())
    return days


def _date(fail: Callable[[str], ScheduleFileError], where: str, value: Any) -> dt.date:
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass  # 2027-02-30: reported below like any other bad date
    raise fail(f"{where}: {value!r} is not a date written YYYY-MM-DD")
