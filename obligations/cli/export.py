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
    parser.add_argument(
        "--month", required=True, metavar="YYYY-MM", help="the month reported on ('previous' or 'current' too)"
    )
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
    parser.add_argument(
        "--mail-to",
        action="append",
        default=[],
        metavar="ADDRESS",
        help="e-mail the report to this address through the SMTP relay in Settings (repeatable); with "
        "'--month previous' in Task Scheduler on the 1st, the manager gets last month's workbook",
    )
    add_db_option(parser)
    parser.set_defaults(run=run)


def _month(text: str, today: dt.date) -> dt.date:
    from obligations.export.period import parse_month

    first = today.replace(day=1)
    if text == "current":
        return first
    if text == "previous":
        return (first - dt.timedelta(days=1)).replace(day=1)
    return parse_month(text)


def _format(args: argparse.Namespace) -> str:
    if args.fmt:
        return str(args.fmt)
    return "csv" if str(args.output).lower().endswith(".csv") else "xlsx"


def run(args: argparse.Namespace) -> int:
    from obligations.cli import UserError, open_db
    from obligations.export import export_month
    from obligations.reminders.clock import current_day

    try:
        today = dt.date.fromisoformat(args.today) if args.today else current_day()
    except ValueError as exc:
        raise UserError(f"--today must be a date written YYYY-MM-DD, not {args.today!r}") from exc
    try:
        month = _month(args.month, today)
    except ValueError as exc:
        raise UserError(str(exc)) from exc
    db = open_db(args)
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
    if args.mail_to:
        from obligations.config import load_config
        from obligations.reminders.mail import send_report
        from obligations.reminders.run import smtp_settings

        settings = smtp_settings(load_config())
        if settings is None:
            raise UserError("no mail server is set up: Settings → E-mail (or smtp_host in settings.json)")
        send_report(settings, args.mail_to, result.path, title=f"{month:%Y-%m}")
        print(f"e-mailed the report to {', '.join(args.mail_to)}")
    return 0
