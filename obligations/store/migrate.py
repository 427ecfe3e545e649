"""Schema migrations with Alembic, run by the app and the CLI at start (no separate admin step).

Alembic is imported only when the schema is not current: every start reads `alembic_version` with plain SQL and
compares it with HEAD (a test keeps HEAD equal to the newest migration), which keeps 100 ms off each start.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from obligations.errors import KnownError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
HEAD = "0003"  # the newest revision in migrations/versions/


def _config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    """The newest revision as Alembic reads it from the migration scripts."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != HEAD


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory.from_config(_config()).walk_revisions()}


def upgrade(engine: Engine, *, before_upgrade: Callable[[], None] | None = None) -> None:
    """Bring the schema to the newest revision, in a transaction (DDL is transactional on both backends).

    A schema from a newer Tickler (a colleague upgraded first, in team mode) is left as it is, with a message.
    """
    if not needs_upgrade(engine):
        return
    from alembic import command

    current = current_revision(engine)
    if current is not None and current not in known_revisions():
        raise KnownError(
            f"this database was updated by a newer version of Tickler (schema {current}); install that version "
            "or later to open it. Nothing in the database was changed."
        )
    if before_upgrade is not None and current is not None:  # a new database needs no backup
        before_upgrade()
    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
