"""Schema migrations: a database from an older release upgrades at start, keeps its data, and is backed up first."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic import command
from sqlalchemy import create_engine, inspect, text

from obligations.store import backup, open_database
from obligations.store.migrate import _config, current_revision, head_revision


def test_an_older_database_is_upgraded_with_its_data_and_a_backup(tmp_path):
    url = f"sqlite:///{(tmp_path / 'old.sqlite3').as_posix()}"
    engine = create_engine(url)
    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")  # the first release's schema
        connection.execute(
            text(
                "INSERT INTO contract (id, title, language, calendar, created_at, updated_at, version) "
                "VALUES (1, '旧合同', 'zh', 'CN', :now, :now, 1)"
            ),
            {"now": dt.datetime(2026, 1, 1)},
        )
    engine.dispose()
    assert current_revision(create_engine(url)) == "0001"

    db = open_database(url)
    assert current_revision(db.engine) == head_revision() != "0001"
    indexes = {ix["name"] for ix in inspect(db.engine).get_indexes("occurrence")}
    assert "ix_occurrence_open_next" in indexes
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT title FROM contract")).scalar() == "旧合同"
    assert any("before-migration" in p.name for p in backup.list_backups())
    db.dispose()


def test_downgrade_and_upgrade_again_round_trip(tmp_path):
    url = f"sqlite:///{(tmp_path / 'db.sqlite3').as_posix()}"
    open_database(url).dispose()
    engine = create_engine(url)
    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
    assert current_revision(engine) == "0001"
    engine.dispose()
    open_database(url).dispose()
    assert current_revision(create_engine(url)) == head_revision()


def test_the_head_constant_names_the_newest_migration():
    from obligations.store.migrate import HEAD

    assert head_revision() == HEAD  # a new migration must move HEAD too, or starts would skip it


def test_a_schema_from_a_newer_version_is_refused_with_a_message_and_left_alone(tmp_path):
    from obligations.errors import KnownError

    url = f"sqlite:///{(tmp_path / 'db.sqlite3').as_posix()}"
    open_database(url).dispose()
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(KnownError, match="newer version of Tickler"):
        open_database(url)
    assert current_revision(engine) == "9999"
    assert not list(backup.backups_dir().glob("*before-migration*"))  # refused before the pre-migration backup
    engine.dispose()
