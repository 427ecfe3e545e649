"""`tickler list [--json] [--status S] [--due-before DATE]`: obligations with their next due date."""

from __future__ import annotations

import argparse
import datetime as dt
import json

from obligations.cli import add_db_option, open_db


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("list", help="list obligations with their next due date")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--status", choices=["proposed", "confirmed", "rejected"], help="review state")
    parser.add_argument("--due-before", type=dt.date.fromisoformat, metavar="DATE")
    parser.add_argument("--contract", type=int, metavar="ID")
    add_db_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from obligations.services.queries import list_obligations

    db = open_db(args)
    with db.reader() as session:
        rows = list_obligations(
            session, review_state=args.status, due_before=args.due_before, contract_id=args.contract
        )
    if args.json:
        out = [
            {
                "id": r.obligation_id,
                "contract_id": r.contract_id,
                "contract": r.contract_title,
                "party": r.party,
                "action": r.action,
                "kind": r.kind,
                "phrase": r.phrase,
                "state": r.review_state,
                "next_due": r.next_due.isoformat() if r.next_due else None,
                "owner": r.owner,
            }
            for r in rows
        ]
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    for r in rows:
        due = r.next_due.isoformat() if r.next_due else "(undated)"
        print(
            f"{r.obligation_id:>5}  {due:<10}  {r.review_state:<9}  {r.kind:<11}  {r.party or '-':<8}  "
            f"{r.phrase or ''}  — {r.contract_title}"
        )
    if not rows:
        print("no obligations")
    return 0
