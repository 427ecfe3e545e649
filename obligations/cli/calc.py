"""`tickler calc`: one due date and how it was reached, without touching any database.

tickler calc --anchor 2025-09-30 --amount 1 --unit day --direction after --calendar CN
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # obligations.dates stays unimported until the command runs
    from obligations.dates import DueDate

UNITS = ("hour", "day", "business_day", "week", "month", "year")
ROLLS = ("following", "preceding", "none")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("calc", help="compute a due date on a working-day calendar (no database)")
    parser.add_argument("--anchor", required=True, metavar="DATE[THH:MM]", help="the day (or instant) counted from")
    parser.add_argument("--amount", required=True, metavar="N", help="how many units")
    parser.add_argument("--unit", required=True, choices=UNITS)
    parser.add_argument("--direction", required=True, choices=("after", "before"))
    parser.add_argument("--calendar", default="CN", metavar="CODE", help="working-day calendar (default CN)")
    parser.add_argument("--include-start-day", action="store_true", help="the anchor day counts as day one (含当日)")
    parser.add_argument(
        "--roll", choices=ROLLS, default=None,
        help="when the last day is a rest day; default: following after, preceding before, none for hours",
    )  # fmt: skip
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from obligations.calendars import UnknownCalendarError, open_calendar
    from obligations.cli import UserError
    from obligations.dates import Roll, compute_due
    from obligations.model import Direction, Period, Unit
    from obligations.paths import calendars_dir

    anchor = parse_anchor(args.anchor)
    try:
        amount = float(args.amount)
    except ValueError:
        raise UserError(f"--amount {args.amount!r} is not a number") from None
    try:
        calendar = open_calendar(args.calendar, directory=calendars_dir())
        result = compute_due(
            anchor,
            Period(amount, Unit(args.unit)),
            Direction(args.direction),
            calendar=calendar,
            include_start_day=args.include_start_day,
            roll=Roll(args.roll) if args.roll else None,
        )
    except (UnknownCalendarError, ValueError) as exc:
        raise UserError(str(exc)) from None
    if args.json:
        print(json.dumps(result_to_json(result), ensure_ascii=False, indent=1))
        return 0
    flag = "  PROVISIONAL" if result.provisional else ""
    print(f"{_format(result.due)}  [{result.calendar}; strict {_format(result.strict)}]{flag}")
    for step in result.steps:
        print(f"  {step.text}")
    return 0


def parse_anchor(text: str) -> dt.date | dt.datetime:
    from obligations.cli import UserError

    try:
        if "T" in text or " " in text:
            return dt.datetime.fromisoformat(text.replace(" ", "T"))
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UserError(f"--anchor {text!r}: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM") from None


def result_to_json(result: DueDate) -> dict[str, object]:
    """The `--json` shape: due and strict dates ("YYYY-MM-DDTHH:MM" for hours), provisional, calendar, steps."""
    return {
        "date": _format(result.due),
        "strict_date": _format(result.strict),
        "provisional": result.provisional,
        "calendar": result.calendar,
        "steps": [step.text for step in result.steps],
    }


def _format(value: dt.date | dt.datetime) -> str:
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    return value.isoformat()
