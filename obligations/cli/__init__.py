"""`tickler`: the command line. Each command lives in its own module with `register(subparsers)`.

Commands import their heavy dependencies (SQLAlchemy, openpyxl) inside their `run` functions so that
`tickler extract` starts fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from obligations import __version__

if TYPE_CHECKING:
    from obligations.store import Database

# Module names under obligations.cli, in the order `tickler --help` lists them.
COMMAND_MODULES = (
    "extract",
    "importing",
    "listing",
    "remind",
    "ics",
    "export",
    "calc",
    "calendar",
    "maintenance",
)


class UserError(Exception):
    """A problem the user can fix (bad argument, unreadable file): one line on stderr, exit status 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tickler", description="Contract deadlines: extract, compute, remind.")
    parser.add_argument("--version", action="version", version=f"tickler {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"obligations.cli.{name}")
        module.register(subparsers)
    return parser


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        default=None,
        help="SQLAlchemy database URL (default: $TICKLER_DB, else the SQLite file in the user data folder)",
    )


def open_db(args: argparse.Namespace) -> Database:
    """The database named by --db (or the default), upgraded, with dates recomputed if holiday data changed."""
    from obligations.services.scheduling import refresh_for_calendar_data
    from obligations.store import open_database

    db = open_database(args.db)
    refresh_for_calendar_data(db, today=getattr(args, "today", None))
    return db


def main(argv: Sequence[str] | None = None) -> int:
    from obligations.errors import KnownError

    # Contract text is Chinese and English: never let a Windows console code page garble or crash output.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except (UserError, KnownError) as exc:
        print(f"tickler: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("tickler: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `tickler list | head`: the reader left; not an error worth a traceback
        sys.stderr.close()
        return 0
