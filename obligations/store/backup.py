"""Rolling backups of the SQLite database (sqlite3's online backup API), restore, and integrity checks.

Backups are consistent snapshots taken while the app may be writing (the backup API copies pages under the
database's own locking), kept as `backups/tickler-YYYYMMDD-HHMMSS[-reason].sqlite3`, the newest N retained.
A team database on PostgreSQL is backed up by its administrator (pg_dump); these functions refuse it clearly.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import tempfile
from pathlib import Path

from sqlalchemy.engine import make_url

from obligations.errors import KnownError
from obligations.paths import data_dir

KEEP = 14


def sqlite_path(url: str) -> Path:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        raise KnownError("backups here are for the SQLite database; back up a PostgreSQL team database with pg_dump")
    return Path(parsed.database)


def backups_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(exist_ok=True)
    return path


def list_backups(folder: Path | None = None) -> list[Path]:
    folder = folder or backups_dir()
    return sorted(folder.glob("tickler-*.sqlite3"))


def backup(
    url: str, *, reason: str = "", folder: Path | None = None, keep: int = KEEP, now: dt.datetime | None = None
) -> Path:
    """Snapshot the database into the backups folder and prune to the newest `keep`. Returns the new file."""
    source = sqlite_path(url)
    if not source.exists():
        raise KnownError(f"no database at {source} to back up")
    folder = folder or backups_dir()
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = folder / f"tickler-{stamp}{'-' + reason if reason else ''}.sqlite3"
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".backup-")
    os.close(fd)
    try:
        _copy(source, Path(tmp))
        os.replace(tmp, target)
    finally:
        Path(tmp).unlink(missing_ok=True)
    for old in list_backups(folder)[:-keep]:
        old.unlink(missing_ok=True)
    return target


def _copy(source: Path, target: Path) -> None:
    """A consistent page-by-page copy; both connections closed after (Windows keeps files of open ones locked)."""
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def backed_up_today(folder: Path | None = None, today: dt.date | None = None) -> bool:
    prefix = f"tickler-{(today or dt.date.today()).strftime('%Y%m%d')}-"
    return any(path.name.startswith(prefix) for path in list_backups(folder))


def integrity_problem(path: Path, *, pragma: str = "integrity_check") -> str | None:
    """None when SQLite's own integrity check passes, else its first complaint."""
    try:
        connection = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
        try:
            result = connection.execute(f"PRAGMA {pragma}").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None if result == "ok" else str(result)


def quick_check(path: Path) -> str | None:
    """The fast check run at every start (O(N) but skips index cross-checks): catches a damaged file."""
    return integrity_problem(path, pragma="quick_check")


def restore(url: str, backup_file: Path) -> Path:
    """Replace the database with `backup_file` (checked first); the current one is backed up beside it first."""
    target = sqlite_path(url)
    problem = integrity_problem(backup_file)
    if problem is not None:
        raise KnownError(f"{backup_file.name} is not a usable backup: {problem}")
    if target.exists():
        backup(url, reason="before-restore")
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".restore-")
    os.close(fd)
    try:
        _copy(backup_file, Path(tmp))
        for suffix in ("-wal", "-shm"):  # the old database's journal must not be replayed onto the restored one
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        os.replace(tmp, target)
    finally:
        Path(tmp).unlink(missing_ok=True)
    return target
