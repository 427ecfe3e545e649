"""Opening a Tickler database: engine set-up, schema upgrade, sessions that write in one transaction.

db = open_database("sqlite:///C:/Users/me/AppData/Local/Tickler/tickler.sqlite3")
with db.transaction() as session:
    session.add(contract)
"""

from __future__ import annotations

import getpass
import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from obligations.errors import KnownError
from obligations.store import audit, migrate


def make_engine(url: str) -> Engine:
    """An engine for `url`; SQLite gets WAL, foreign keys and a busy timeout on every connection."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            folder = os.path.dirname(os.path.abspath(parsed.database))
            os.makedirs(folder, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 15}, json_serializer=_json)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, json_serializer=_json)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)  # keep Chinese readable in the database and its backups


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")  # SQLite leaves them off unless asked, per connection
    cursor.execute("PRAGMA journal_mode = WAL")  # readers never block the writer; crash-safe commits
    cursor.execute("PRAGMA synchronous = NORMAL")  # safe with WAL: a power cut loses at most the last commit
    cursor.execute("PRAGMA busy_timeout = 15000")  # another Tickler window writing: wait, don't fail
    cursor.close()


def current_user() -> str:
    """Who is acting, for the audit trail: the configured name in team mode, else the OS user."""
    configured = os.environ.get("TICKLER_USER")
    if configured:
        return configured
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (service account, container)
        return "unknown"


@dataclass
class Database:
    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    actor: str

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def transaction(self, *, actor: str | None = None) -> Iterator[Session]:
        """A session whose work is committed as one transaction, or rolled back whole on any error."""
        session = self.sessions()
        session.info["actor"] = actor or self.actor
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def reader(self) -> Iterator[Session]:
        """A session for reading only; nothing it does is committed.

        Objects loaded in it stay readable after the block (closing detaches them without expiring).
        """
        session = self.sessions()
        try:
            yield session
        finally:
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()


def _guard_sqlite_file(url: str) -> Callable[[], None] | None:
    """Before opening an existing SQLite file: check it, take the day's backup; return the pre-migration backup."""
    from obligations.store import backup

    path = make_url(url).database
    if not path or path == ":memory:" or not os.path.exists(path) or os.path.getsize(path) == 0:
        return None
    problem = backup.quick_check(Path(path))
    if problem is not None:
        raise KnownError(
            f"the database {path} is damaged ({problem}); restore a backup with 'tickler restore FILE' "
            f"(backups are in {backup.backups_dir()})"
        )
    if not backup.backed_up_today():
        backup.backup(url, reason="daily")

    def before_migration() -> None:
        backup.backup(url, reason="before-migration")

    return before_migration


def open_database(url: str | None = None, *, upgrade: bool = True, actor: str | None = None) -> Database:
    """Connect to `url` (default: $TICKLER_DB or the user's SQLite file) and bring the schema up to date.

    An existing SQLite file is integrity-checked first, backed up once a day, and backed up again right before
    any migration changes its schema.
    """
    from obligations.paths import default_database_url

    url = url or default_database_url()
    try:
        before_migration = _guard_sqlite_file(url) if make_url(url).get_backend_name() == "sqlite" else None
        engine = make_engine(url)
        if upgrade:
            migrate.upgrade(engine, before_upgrade=before_migration)
    except OperationalError as exc:
        raise KnownError(f"cannot open database {make_url(url).render_as_string()}: {exc.orig}") from exc
    except OSError as exc:  # the folder cannot be created, the disk is full or read-only
        raise KnownError(f"cannot open database {make_url(url).render_as_string()}: {exc}") from exc
    sessions = sessionmaker(engine, expire_on_commit=False)
    audit.install(sessions)
    return Database(url=url, engine=engine, sessions=sessions, actor=actor or current_user())
