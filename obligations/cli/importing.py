"""`tickler importing` (not yet implemented)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("importing", help="(coming soon)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from obligations.cli import UserError

    raise UserError("'importing' is not implemented yet")
