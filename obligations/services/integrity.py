"""Stored originals are the evidence of what was signed: check each against the SHA-256 taken at import."""

from __future__ import annotations

import hashlib

from sqlalchemy import select

from obligations.paths import documents_dir
from obligations.store import Database
from obligations.store.tables import Agreement


def check_originals(db: Database) -> list[str]:
    """One line per stored original that is missing or whose bytes no longer match their SHA-256."""
    problems = []
    with db.reader() as session:
        rows = session.execute(
            select(Agreement.id, Agreement.original_name, Agreement.stored_name, Agreement.sha256).where(
                Agreement.stored_name.is_not(None)
            )
        ).all()
    folder = documents_dir()
    for agreement_id, original, stored, sha256 in rows:
        path = folder / stored
        if not path.exists():
            problems.append(f"agreement {agreement_id} ({original}): stored original {stored} is missing")
            continue
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != sha256:
            problems.append(f"agreement {agreement_id} ({original}): stored original was modified or damaged")
    return problems
