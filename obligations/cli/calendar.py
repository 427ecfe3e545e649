"""`tickler calendar`: load a year's holiday schedule, show a year, list the calendars.

tickler calendar load CN-2027.json
tickler calendar show 2026 --calendar CN
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the calendars package stays unimported until a command runs
    from obligations.calendars import DayName, YearSchedule


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("calendar", help="working-day calendars: load a schedule file, show a year")
    commands = parser.add_subparsers(dest="calendar_command", required=True, metavar="ACTION")
    load = commands.add_parser("load", help="validate a schedule file and use it (see docs/calendars.md)")
    load.add_argument("file", type=Path)
    load.set_defaults(run=run_load)
    show = commands.add_parser("show", help="a year's holidays and make-up working days, and their source")
    show.add_argument("year", type=int)
    show.add_argument("--calendar", default="CN", metavar="CODE")
    show.add_argument("--json", action="store_true", help="print one JSON object")
    show.set_defaults(run=run_show)
    listing = commands.add_parser("list", help="the calendars Tickler knows")
    listing.set_defaults(run=run_list)


def run_load(args: argparse.Namespace) -> int:
    from obligations.calendars import load_schedule_file
    from obligations.paths import calendars_dir

    schedule, target = load_schedule_file(args.file, calendars_dir())
    print(
        f"Loaded {schedule.calendar} {schedule.year}: {len(schedule.holidays)} holidays, "
        f"{len(schedule.workdays)} make-up working days → {target}"
    )
    print(f"It replaces library data for {schedule.calendar} {schedule.year}; due dates in that year now use it.")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from obligations.calendars import UnknownCalendarError, open_calendar
    from obligations.cli import UserError
    from obligations.dates.explain import day_en
    from obligations.paths import calendars_dir

    if not 1900 <= args.year <= 2200:
        raise UserError(f"year {args.year} is out of range (1900–2200)")
    try:
        calendar = open_calendar(args.calendar, directory=calendars_dir())
    except UnknownCalendarError as exc:
        raise UserError(str(exc)) from None
    schedule = calendar.schedule(args.year)
    if args.json:
        print(json.dumps(_show_json(schedule), ensure_ascii=False, indent=1))
        return 0
    print(f"{calendar.jurisdiction.name} ({schedule.calendar}) {schedule.year}: {schedule.status.value} "
          f"— {schedule.source}")  # fmt: skip
    if schedule.provisional and not schedule.holidays:
        print(f"  No schedule for {schedule.year}: weekends only. Load one with `tickler calendar load FILE`.")
    print("Holidays:")
    for day, name in sorted(schedule.holidays.items()):
        print(f"  {day_en(day)}  {name}")
    print("Make-up working days:" if schedule.workdays else "Make-up working days: none")
    for day, name in sorted(schedule.workdays.items()):
        print(f"  {day_en(day)}  {name}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from obligations.calendars import JURISDICTIONS

    for code, jurisdiction in JURISDICTIONS.items():
        print(f"{code}  {jurisdiction.name} ({jurisdiction.name_zh})")
    return 0


def _show_json(schedule: YearSchedule) -> dict[str, object]:
    def entries(days: Mapping[dt.date, DayName]) -> list[dict[str, str]]:
        return [{"date": d.isoformat(), "name": n.en, "name_zh": n.zh} for d, n in sorted(days.items())]

    return {
        "calendar": schedule.calendar,
        "year": schedule.year,
        "status": schedule.status.value,
        "source": schedule.source,
        "holidays": entries(schedule.holidays),
        "workdays": entries(schedule.workdays),
    }
