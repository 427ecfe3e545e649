"""Noticing that someone else changed the data (team mode): every write is audited, so the newest audit id
is a change token that costs one indexed lookup to poll."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from obligations.store.tables import AuditEvent


def change_token(session: Session) -> int:
    return int(session.scalar(select(func.max(AuditEvent.id))) or 0)
