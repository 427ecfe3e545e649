"""Where Tickler keeps its files: the per-user data folder (platformdirs), overridable for tests and teams."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "Tickler"


def data_dir() -> Path:
    """The user's Tickler folder: %LOCALAPPDATA%\\Tickler on Windows, ~/.local/share/Tickler on Linux.

    `TICKLER_HOME` overrides it (tests, portable installs). Created on first use, private to the user.
    """
    override = os.environ.get("TICKLER_HOME")
    path = Path(override) if override else user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        path.chmod(0o700)
    return path


def default_database_url() -> str:
    """$TICKLER_DB, else the database chosen in Settings (so Task Scheduler runs use it too), else the SQLite file."""
    from obligations.config import load_config

    return (
        os.environ.get("TICKLER_DB")
        or load_config().database_url
        or f"sqlite:///{(data_dir() / 'tickler.sqlite3').as_posix()}"
    )


def documents_dir() -> Path:
    """Copies of imported originals, named by SHA-256 so a file is stored once."""
    path = data_dir() / "documents"
    path.mkdir(exist_ok=True)
    return path


def calendars_dir() -> Path:
    """Holiday schedule files the user loaded (`tickler calendar load`), one per calendar and year."""
    path = data_dir() / "calendars"
    path.mkdir(exist_ok=True)
    return path
