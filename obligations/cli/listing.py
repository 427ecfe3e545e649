"""`tickler listing` (not yet implemented)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("listing", help="(coming soon)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from obligations.cli import UserError

    raise UserError("'listing' is not implemented yet")
