"""`tickler ics -o FILE.ics [--since DATE]`: the deadlines as a calendar file Outlook can open or subscribe to."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from obligations.cli import add_db_option, open_db


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("ics", help="write the deadlines as an iCalendar (.ics) file")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.ics")
    parser.add_argument(
        "--since", type=dt.date.fromisoformat, metavar="DATE", help="first due date to include (default: 90 days ago)"
    )
    add_db_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from obligations.reminders.ics import write_ics

    since = args.since or dt.date.today() - dt.timedelta(days=90)
    db = open_db(args)
    with db.reader() as session:
        count = write_ics(session, args.output, since=since)
    print(f"wrote {count} event(s) to {args.output}")
    return 0
