"""`tickler import FILE... [--supplement-to ID] [--confirm-all]`: store agreements and their obligations."""

from __future__ import annotations

import argparse
from pathlib import Path

from obligations.cli import add_db_option


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("import", help="import agreements (PDF, DOCX, TXT) into the database")
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    parser.add_argument(
        "--supplement-to",
        type=int,
        metavar="CONTRACT_ID",
        help="store as a supplementary agreement (补充协议) of this contract",
    )
    parser.add_argument(
        "--confirm-all",
        action="store_true",
        help="confirm every extracted obligation (default: proposed, for review)",
    )
    add_db_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from obligations.services.importing import Outcome, import_files
    from obligations.store import open_database

    db = open_database(args.db)
    results = import_files(db, args.files, supplement_to=args.supplement_to, confirm_all=args.confirm_all)
    failed = 0
    for result in results:
        if result.outcome == Outcome.IMPORTED:
            print(f"imported {result.path.name}: contract {result.contract_id}, {result.message}")
        elif result.outcome == Outcome.DUPLICATE:
            print(f"skipped {result.path.name}: {result.message}")
        else:
            failed += 1
            import sys

            print(f"tickler: {result.message}", file=sys.stderr)
    return 1 if failed else 0
