"""Shared test set-up: offscreen Qt, a private data folder, and databases on every configured backend.

PostgreSQL runs when TICKLER_TEST_PG_URL names a server database we may create databases beside
(`.ci/run` starts one on loopback); otherwise those parameters are skipped.
"""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("TICKLER_DB", None)  # never reach a developer's real database from tests

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
PG_URL = os.environ.get("TICKLER_TEST_PG_URL")

sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own TICKLER_HOME: documents, calendars and the default database live there."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("TICKLER_HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))  # start-at-login entries stay in the sandbox
    return home


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("the shared corpus is not beside the project")
    return CORPUS


def _postgres_database() -> Iterator[str]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin_url = make_url(PG_URL)
    name = f"tickler_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database URL on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{(tmp_path / 'tickler.sqlite3').as_posix()}"
        return
    if not PG_URL:
        pytest.skip("TICKLER_TEST_PG_URL not set (see README: team mode tests)")
    yield from _postgres_database()


@pytest.fixture
def db(db_url: str) -> Iterator[object]:
    from obligations.store import open_database

    database = open_database(db_url, actor="tester")
    yield database
    database.dispose()
