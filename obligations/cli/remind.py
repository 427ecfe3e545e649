"""`tickler remind [--today DATE] [--json]`: what is due for a reminder that day (for Task Scheduler too)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from obligations.cli import add_db_option, open_db


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("remind", help="list what is due for a reminder on a day (default today)")
    parser.add_argument("--today", type=dt.date.fromisoformat, metavar="DATE", help="the day to check (YYYY-MM-DD)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--send-email",
        action="store_true",
        help="also e-mail each owner what is new for them (SMTP relay from the settings); for Task Scheduler",
    )
    add_db_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from obligations.reminders import due_reminders
    from obligations.reminders.clock import current_day

    today = args.today or current_day()
    db = open_db(args)
    with db.reader() as session:
        reminders = due_reminders(session, today)
    if args.send_email:
        from obligations.config import load_config
        from obligations.reminders.run import send_email_reminders

        sent = send_email_reminders(db, today, load_config())
        print(f"e-mailed {sent.reminders} reminder(s) in {sent.messages} message(s)", file=sys.stderr)
    if args.json:
        items = [
            {
                "occurrence_id": r.occurrence_id,
                "obligation_id": r.obligation_id,
                "contract_id": r.contract_id,
                "contract": r.contract_title,
                "obligation": " ".join(x for x in (r.party, r.action) if x) or r.phrase,
                "kind": r.kind,
                "due_date": r.due_date.isoformat(),
                "due_at": r.due_at.isoformat(timespec="minutes") if r.due_at else None,
                "days_left": r.days_left,
                "lead_window": r.lead_window,
                "state": str(r.state),
                "owner": r.owner,
                "provisional": r.provisional,
            }
            for r in reminders
        ]
        print(json.dumps({"today": today.isoformat(), "reminders": items}, ensure_ascii=False, indent=1))
        return 0
    if not reminders:
        print(f"nothing due for a reminder on {today.isoformat()}")
    for r in reminders:
        left = f"{-r.days_left} day(s) overdue" if r.days_left < 0 else f"{r.days_left} day(s) left"
        what = " ".join(x for x in (r.party, r.action) if x) or (r.phrase or "")
        print(f"{r.due_date.isoformat()}  {left:<18} {r.state:<9} {what} — {r.contract_title}")
    return 0
