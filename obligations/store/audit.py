"""Automatic audit trail: every insert, update and delete of a tracked row is recorded in the same flush.

Hooking the session (rather than each service) means no code path can change an obligation unrecorded.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any, cast

from sqlalchemy import Table, event, insert, inspect
from sqlalchemy.orm import Session, sessionmaker

from obligations.store.tables import AuditEvent
from obligations.store.tables.base import Tracked

# Columns that change on every write and say nothing about what the user did.
IGNORED = frozenset({"updated_at", "created_at", "version", "text"})


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


# Types _plain returns as they are (exactly these: an enum deriving from str is not one of them)
_AS_IS = frozenset({str, int, float, bool, type(None), list, dict})
_AUDITED: dict[type, tuple[str, ...]] = {}  # each class's audited column keys, in mapper order


def _snapshot(obj: Tracked) -> dict[str, Any]:
    keys = _AUDITED.get(type(obj))
    if keys is None:
        mapper = inspect(obj).mapper
        keys = _AUDITED[type(obj)] = tuple(c.key for c in mapper.column_attrs if c.key not in IGNORED)
    snapshot = {}
    for key in keys:
        value = getattr(obj, key)
        snapshot[key] = value if type(value) in _AS_IS else _plain(value)
    return snapshot


def _contract_id(obj: Any) -> int | None:
    if type(obj).__tablename__ == "contract":
        return obj.id
    if hasattr(obj, "contract_id"):
        return obj.contract_id
    obligation = getattr(obj, "obligation", None)
    return obligation.contract_id if obligation is not None else None


def _changes(obj: Tracked) -> tuple[dict[str, Any], dict[str, Any]]:
    state = inspect(obj)
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in IGNORED:
            continue
        history = state.attrs[attr.key].history
        if history.has_changes() and history.deleted:
            old, new = _plain(history.deleted[0]), _plain(history.added[0] if history.added else None)
            if old != new:
                before[attr.key], after[attr.key] = old, new
    return before, after


def _record(session: Session, _context: Any, _instances: Any) -> None:
    actor = session.info.get("actor", "unknown")
    reason = session.info.get("reason")
    pending: list[tuple[Tracked, str]] = []
    for obj in session.new:
        if isinstance(obj, Tracked):
            pending.append((obj, "create"))
    for obj in session.dirty:
        if isinstance(obj, Tracked) and session.is_modified(obj, include_collections=False):
            before, after = _changes(obj)
            if before or after:
                session.add(_event(obj, "update", actor, reason, before, after))
    for obj in session.deleted:
        if isinstance(obj, Tracked):
            session.add(_event(obj, "delete", actor, reason, _snapshot(obj), None))
    session.info.setdefault("audit_new", []).extend(pending)


def _record_created(session: Session, _context: Any) -> None:
    """Creations are logged after the flush, when their ids exist.

    In one multi-row INSERT on the flush's own connection (so in its transaction), not as ORM objects: an
    import creates a row of audit for every row it stores, and the ORM sends each on its own (SQLite cannot
    return the ids of a batch in order) and needs another flush for them.
    """
    pending = session.info.pop("audit_new", [])
    if not pending:
        return
    actor = session.info.get("actor", "unknown")
    reason = session.info.get("reason")
    rows = [_event_row(obj, action, actor, reason, None, _snapshot(obj)) for obj, action in pending]
    session.connection().execute(insert(cast(Table, AuditEvent.__table__)), rows)


def _event(obj: Tracked, action: str, actor: str, reason: str | None, before: Any, after: Any) -> AuditEvent:
    return AuditEvent(**_event_row(obj, action, actor, reason, before, after))


def _event_row(obj: Tracked, action: str, actor: str, reason: str | None, before: Any, after: Any) -> dict[str, Any]:
    return {
        "actor": actor,
        "entity": type(obj).__tablename__,  # type: ignore[attr-defined]
        "entity_id": obj.id,
        "contract_id": _contract_id(obj),
        "action": action,
        "before": before,
        "after": after,
        "reason": reason,
    }


def install(sessions: sessionmaker[Session]) -> None:
    if not event.contains(sessions, "before_flush", _record):
        event.listen(sessions, "before_flush", _record)
        event.listen(sessions, "after_flush_postexec", _record_created)
