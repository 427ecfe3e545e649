"""`tickler export --month YYYY-MM -o FILE`: the monthly report for managers (Excel workbook, or CSV)."""

from __future__ import annotations

import argparse
import datetime as dt

from obligations.cli import add_db_option


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write the monthly report (Excel workbook or CSV)",
        description="The monthly report: summary, due this month, overdue, next 90 days, contracts, changes.",
    )
    parser.add_argument("--month", required=True, metavar="YYYY-MM", help="the month reported on")
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help="where to write (.xlsx or .csv)")
    parser.add_argument(
        "--today", metavar="DATE", help="the day the report is as of (overdue, days left); default: today"
    )
    parser.add_argument(
        "--lang", choices=["zh", "en"], default=None, help="report language (default: the contracts' language)"
    )
    parser.add_argument(
        "--include-personal-data",
        action="store_true",
        help="do not mask ID numbers, phones, e-mails and bank accounts in quotes and notes",
    )
    parser.add_argument(
        "--format", dest="fmt", choices=["xlsx", "csv"], default=None, help="default: from the file name, else xlsx"
    )
    add_db_option(parser)
    parser.set_defaults(run=run)


def _format(args: argparse.Namespace) -> str:
    if args.fmt:
        return str(args.fmt)
    return "csv" if str(args.output).lower().endswith(".csv") else "xlsx"


def run(args: argparse.Namespace) -> int:
    from obligations.cli import UserError
    from obligations.export import export_month
    from obligations.export.period import parse_month
    from obligations.store import open_database

    try:
        month = parse_month(args.month)
    except ValueError as exc:
        raise UserError(str(exc)) from exc
    try:
        today = dt.date.fromisoformat(args.today) if args.today else dt.date.today()
    except ValueError as exc:
        raise UserError(f"--today must be a date written YYYY-MM-DD, not {args.today!r}") from exc
    db = open_database(args.db)
    try:
        result = export_month(
            db,
            month,
            args.output,
            today=today,
            lang=args.lang,
            include_personal_data=args.include_personal_data,
            fmt=_format(args),
        )
    finally:
        db.dispose()
    counts = ", ".join(f"{name} {n}" for name, n in result.rows.items())
    print(f"wrote {result.path} ({counts})")
    if args.include_personal_data:
        print("note: personal data is NOT masked in this report; do not forward it")
    return 0
