"""Nothing lost: backups and restore, integrity checks at start, tampered originals, killed imports."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from obligations.cli import main
from obligations.errors import KnownError
from obligations.services.importing import import_files
from obligations.services.integrity import check_originals
from obligations.store import backup, open_database
from obligations.store.tables import Agreement, Contract, Obligation


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{(tmp_path / 'tickler.sqlite3').as_posix()}"


@pytest.fixture
def sample(corpus: Path) -> Path:
    return corpus / "zh" / "zh-telecom-00.txt"


def contract_count(url: str) -> int:
    db = open_database(url)
    with db.reader() as session:
        count = session.scalar(select(func.count()).select_from(Contract))
    db.dispose()
    return int(count or 0)


def test_backup_and_restore_round_trip(sqlite_url, sample, tmp_path):
    db = open_database(sqlite_url)
    import_files(db, [sample])
    db.dispose()
    snapshot = backup.backup(sqlite_url, reason="test", folder=tmp_path)
    assert backup.integrity_problem(snapshot) is None

    db = open_database(sqlite_url)
    with db.transaction() as session:
        session.delete(session.scalars(select(Contract)).one())
    db.dispose()
    assert contract_count(sqlite_url) == 0

    backup.restore(sqlite_url, snapshot)
    assert contract_count(sqlite_url) == 1


def test_backups_roll_keeping_the_newest(sqlite_url, tmp_path):
    import datetime as dt

    open_database(sqlite_url).dispose()
    for day in range(1, 6):
        backup.backup(sqlite_url, folder=tmp_path, keep=3, now=dt.datetime(2026, 3, day, 9, 0))
    assert [p.name for p in backup.list_backups(tmp_path)] == [
        "tickler-20260303-090000.sqlite3",
        "tickler-20260304-090000.sqlite3",
        "tickler-20260305-090000.sqlite3",
    ]


def test_the_first_start_of_the_day_backs_up_an_existing_database(sqlite_url):
    open_database(sqlite_url).dispose()  # a new database: nothing to back up yet
    assert backup.list_backups() == []
    open_database(sqlite_url).dispose()
    open_database(sqlite_url).dispose()
    assert len(backup.list_backups()) == 1 and "daily" in backup.list_backups()[0].name


def test_backup_and_restore_from_the_cli(sqlite_url, sample, capsys):
    assert main(["import", str(sample), "--db", sqlite_url]) == 0
    assert main(["backup", "--db", sqlite_url]) == 0
    made = capsys.readouterr().out.split("backed up to ")[-1].strip()
    assert Path(made).exists()
    assert main(["restore", made, "--db", sqlite_url]) == 0
    assert contract_count(sqlite_url) == 1


def test_a_damaged_database_is_refused_at_start_with_a_way_out(sqlite_url, tmp_path):
    open_database(sqlite_url).dispose()
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    data = bytearray(path.read_bytes())
    data[4096:8192] = os.urandom(4096)  # scribble over the second page
    path.write_bytes(bytes(data))
    with pytest.raises(KnownError, match="restore"):
        open_database(sqlite_url)


def test_restore_refuses_a_file_that_is_not_a_database(sqlite_url, tmp_path):
    open_database(sqlite_url).dispose()
    junk = tmp_path / "tickler-junk.sqlite3"
    junk.write_bytes(b"not sqlite" * 100)
    with pytest.raises(KnownError, match="not a usable backup"):
        backup.restore(sqlite_url, junk)


def test_tampered_or_missing_originals_are_reported(sqlite_url, sample):
    db = open_database(sqlite_url)
    import_files(db, [sample])
    assert check_originals(db) == []
    with db.reader() as session:
        stored = session.scalars(select(Agreement.stored_name)).one()
    from obligations.paths import documents_dir

    original = documents_dir() / stored
    original.write_bytes(original.read_bytes().replace("乙方".encode(), "甲方".encode(), 1))
    assert any("modified" in line for line in check_originals(db))
    original.unlink()
    assert any("missing" in line for line in check_originals(db))


def test_postgres_backups_are_refused_clearly():
    with pytest.raises(KnownError, match="pg_dump"):
        backup.sqlite_path("postgresql+psycopg://u@127.0.0.1/x")


IMPORTER = """
import sys
from pathlib import Path
from obligations.services.importing import import_files
from obligations.store import open_database
db = open_database(sys.argv[1])
print("ready", flush=True)
import_files(db, [Path(p) for p in sys.argv[2:]], confirm_all=True)
"""


@pytest.mark.slow
def test_killing_the_importer_at_random_moments_never_leaves_half_a_contract(sqlite_url, corpus, tmp_path):
    """SIGKILL an import of several agreements at random moments, 50 times: after each, the database passes
    `PRAGMA integrity_check` and every stored contract has its agreement and all its obligations."""
    if sys.platform == "win32":
        pytest.skip("SIGKILL semantics")
    files = []
    for name in ("zh-telecom-00", "zh-lease-01", "zh-sale-27", "zh-epc-25"):
        target = tmp_path / f"{name}.txt"
        shutil.copyfile(corpus / "zh" / f"{name}.txt", target)
        files.append(str(target))
    open_database(sqlite_url).dispose()
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    expected: dict[str, int] = {}  # obligations per agreement file when imported whole
    rng = random.Random(20261129)
    env = dict(os.environ)
    for attempt in range(50):
        process = subprocess.Popen(
            [sys.executable, "-c", IMPORTER, sqlite_url, *files], stdout=subprocess.PIPE, env=env
        )
        assert process.stdout is not None
        process.stdout.readline()  # "ready": the database is open, the import starts now
        time.sleep(rng.uniform(0, 0.25))
        process.send_signal(signal.SIGKILL)
        process.wait()
        connection = sqlite3.connect(path)
        try:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok", attempt
            per_agreement = dict(
                connection.execute(
                    "SELECT a.original_name, COUNT(o.id) FROM agreement a "
                    "LEFT JOIN obligation o ON o.agreement_id = a.id GROUP BY a.id"
                ).fetchall()
            )
            orphans = connection.execute(
                "SELECT COUNT(*) FROM contract c "
                "WHERE NOT EXISTS (SELECT 1 FROM agreement a WHERE a.contract_id = c.id)"
            ).fetchone()[0]
        finally:
            connection.close()
        assert orphans == 0, f"attempt {attempt}: a contract without its agreement"
        for name, count in per_agreement.items():
            expected.setdefault(name, count)
            assert count == expected[name], f"attempt {attempt}: {name} has {count} of {expected[name]} obligations"
        if len(per_agreement) == len(files):  # everything got in: start again from an empty database
            path.unlink()
            for suffix in ("-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            open_database(sqlite_url).dispose()
    db = open_database(sqlite_url)
    with db.reader() as session:
        assert session.scalar(select(func.count()).select_from(Obligation)) is not None


@pytest.mark.slow
def test_killing_an_export_never_leaves_a_truncated_report(sqlite_url, tmp_path):
    """SIGKILL `tickler export` at random moments: the report's name holds a complete workbook or nothing."""
    if sys.platform == "win32":
        pytest.skip("SIGKILL semantics")
    import datetime as dt

    import openpyxl

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from synth import populate

    db = open_database(sqlite_url)
    populate(db, 20_000, today=dt.date(2026, 3, 2))
    db.dispose()
    report = tmp_path / "report.xlsx"
    rng = random.Random(7)
    command = [sys.executable, "-m", "obligations", "export", "--month", "2026-03", "--today", "2026-03-02"]
    interrupted = 0
    for attempt in range(12):
        report.unlink(missing_ok=True)
        process = subprocess.Popen([*command, "-o", str(report), "--db", sqlite_url], stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 3.0))
        process.send_signal(signal.SIGKILL)
        process.wait()
        if report.exists():  # it finished before the kill: then it is whole
            assert openpyxl.load_workbook(report, read_only=True).sheetnames, attempt
        else:
            interrupted += 1
    assert interrupted >= 3  # most kills landed while the workbook was being written
