"""`tickler backup`, `tickler restore FILE`, `tickler check`, `tickler audit`: keeping the data safe."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from obligations.cli import UserError, add_db_option


def register(subparsers: argparse._SubParsersAction) -> None:
    backup = subparsers.add_parser("backup", help="snapshot the SQLite database into the backups folder")
    add_db_option(backup)
    backup.set_defaults(run=run_backup)

    restore = subparsers.add_parser("restore", help="replace the SQLite database with a backup (checked first)")
    restore.add_argument("file", type=Path)
    add_db_option(restore)
    restore.set_defaults(run=run_restore)

    check = subparsers.add_parser("check", help="check the database and the stored original files")
    add_db_option(check)
    check.set_defaults(run=run_check)

    audit = subparsers.add_parser("audit", help="the audit trail: who changed what, when (append-only)")
    audit.add_argument("--contract", type=int, metavar="ID", help="only this contract's history")
    audit.add_argument("--format", choices=["text", "json", "csv"], default="text")
    add_db_option(audit)
    audit.set_defaults(run=run_audit)


def _url(args: argparse.Namespace) -> str:
    from obligations.paths import default_database_url

    return args.db or default_database_url()


def run_backup(args: argparse.Namespace) -> int:
    from obligations.store import backup

    print(f"backed up to {backup.backup(_url(args), reason='manual')}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from obligations.store import backup

    if not args.file.is_file():
        raise UserError(f"{args.file}: no such backup file")
    target = backup.restore(_url(args), args.file)
    print(f"restored {args.file.name} into {target}; the previous database was backed up first")
    return 0


def run_check(args: argparse.Namespace) -> int:
    from obligations.services.integrity import check_originals
    from obligations.store import backup, open_database

    url = _url(args)
    problems = []
    if url.startswith("sqlite"):
        problem = backup.integrity_problem(backup.sqlite_path(url))
        if problem:
            problems.append(f"database: {problem}")
    db = open_database(url)
    problems += check_originals(db)
    for line in problems:
        print(f"PROBLEM {line}")
    if not problems:
        print("database and stored originals are intact")
    return 1 if problems else 0


def run_audit(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from obligations.store import open_database
    from obligations.store.tables import AuditEvent

    db = open_database(args.db)
    query = select(AuditEvent).order_by(AuditEvent.id)
    if args.contract is not None:
        query = query.where(AuditEvent.contract_id == args.contract)
    with db.reader() as session:
        rows = [
            {
                "id": e.id,
                "at": e.at.isoformat(timespec="seconds"),
                "actor": e.actor,
                "entity": e.entity,
                "entity_id": e.entity_id,
                "contract_id": e.contract_id,
                "action": e.action,
                "before": e.before,
                "after": e.after,
                "reason": e.reason,
            }
            for e in session.scalars(query)
        ]
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    elif args.format == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["id"])
        writer.writeheader()
        for row in rows:
            writer.writerow(
                {k: json.dumps(v, ensure_ascii=False) if isinstance(v, dict) else v for k, v in row.items()}
            )
    else:
        for row in rows:
            change = row["after"] if row["action"] != "delete" else row["before"]
            print(f"{row['at']}  {row['actor']:<12} {row['action']:<6} {row['entity']} {row['entity_id']}  {change}")
    return 0
