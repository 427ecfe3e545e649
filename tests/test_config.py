"""Settings the core shares with the app: defaults, round trip, and the database the CLI opens."""

from __future__ import annotations

import pytest

from obligations.config import Config, config_path, load_config, save_config
from obligations.paths import default_database_url
from obligations.reminders.leads import default_lead_times


def test_defaults_when_no_file_and_when_the_file_is_damaged():
    assert load_config() == Config()
    config_path().write_text("{ not json", encoding="utf-8")
    assert load_config() == Config()  # reminders keep working with safe defaults


def test_round_trip_keeps_settings_of_newer_versions():
    config_path().write_text('{"smtp_host": "relay.corp", "future_option": 3}', encoding="utf-8")
    loaded = load_config()
    assert loaded.smtp_host == "relay.corp" and loaded.extra == {"future_option": 3}
    save_config(loaded)
    assert '"future_option": 3' in config_path().read_text(encoding="utf-8")


def test_the_database_chosen_in_settings_is_the_cli_default(monkeypatch: pytest.MonkeyPatch):
    assert default_database_url().endswith("/tickler.sqlite3")
    save_config(Config(database_url="postgresql+psycopg://legal@db.corp/tickler"))
    assert default_database_url() == "postgresql+psycopg://legal@db.corp/tickler"
    monkeypatch.setenv("TICKLER_DB", "sqlite:////tmp/other.db")
    assert default_database_url() == "sqlite:////tmp/other.db"  # the environment wins, for scripts and tests


def test_lead_time_defaults_follow_settings_and_kind():
    assert default_lead_times("payment") == [30, 7, 1]
    assert default_lead_times("notice") == [90, 60, 30, 7]
    save_config(Config(default_lead_days=(14, 2), notice_lead_days=(120, 30)))
    assert default_lead_times("payment") == [14, 2]
    assert default_lead_times("renewal") == [120, 30]
