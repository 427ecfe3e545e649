"""The reminder query ("what is due today") as the database grows from 1k to 1M occurrences.

The query is `due_now`: which occurrences are due for a reminder and why (overdue, due today, which lead
window), what the tray asks every ten minutes. `due_reminders` — the same answer with every reminder's texts
(party, action, contract), what the digest window, `tickler remind` and the e-mail digest show — is measured
beside it.

Two views:
- the realistic department at each size: its answer grows with the department, so the cost per answered row
  is reported beside the time;
- a fixed answer in a growing table: one department's open work, with years of closed history added (copies of
  its done and waived occurrences) up to 1M rows. The index on (status, remind_from) makes the query's cost
  follow the answer, not the table: this column must stay flat.

Wall time is the median of many runs in one session (as the tray asks every few minutes); CPU time is given
beside it, since on a loaded machine the wall clock also counts waiting for the other processes.
"""

from __future__ import annotations

import os
import shutil
import statistics
import time
from pathlib import Path

from common import TODAY, Figure, Growth, Section, data_dir, sqlite_url, synth_database
from sqlalchemy.exc import OperationalError

from obligations.reminders import due_now, due_reminders
from obligations.reminders.run import desktop_batch, mark_shown
from obligations.store import open_database

TARGET_MS = 20.0


def measure(path: Path, repeat: int = 15) -> dict[str, float]:
    return measure_url(sqlite_url(path), repeat)


def tray_checks(path: Path, repeat: int = 7) -> dict[str, float]:
    """The tray's own work on a copy of `path`: the day's first check (the digest: the query, the delivered keys,
    recording every reminder as shown) and a later check that finds nothing new (every ten minutes after)."""
    copy = data_dir() / f"tray-{path.name}"
    shutil.copyfile(path, copy)
    db = open_database(sqlite_url(copy))
    try:
        cpu = time.process_time()
        batch = desktop_batch(db, TODAY)
        mark_shown(db, batch, TODAY)
        first = time.process_time() - cpu
        later = []
        for _ in range(repeat):
            cpu = time.process_time()
            assert not desktop_batch(db, TODAY).items
            later.append(time.process_time() - cpu)
    finally:
        db.dispose()
        copy.unlink(missing_ok=True)
        for suffix in ("-wal", "-shm"):
            Path(f"{copy}{suffix}").unlink(missing_ok=True)
    return {"first_ms": first * 1000, "later_ms": statistics.median(later) * 1000, "digest": float(len(batch.items))}


def with_history(base: int, total: int) -> Path:
    """The department of `base` occurrences plus closed history copied from its own done/waived rows, to `total`."""
    path = data_dir() / f"history-{base}-{total}.sqlite3"
    if path.exists():
        return path
    partial = path.with_suffix(".building")
    shutil.copyfile(synth_database(base), partial)
    db = open_database(sqlite_url(partial), actor="bench")
    with db.engine.begin() as connection:
        columns = [row[1] for row in connection.exec_driver_sql("PRAGMA table_info(occurrence)") if row[1] != "id"]
        copied = ", ".join("key || '-h' || ?" if c == "key" else c for c in columns)
        count = connection.exec_driver_sql("SELECT count(*) FROM occurrence").scalar_one()
        generation = 0
        while count < total:
            generation += 1
            inserted = connection.exec_driver_sql(
                f"INSERT INTO occurrence ({', '.join(columns)}) SELECT {copied} FROM occurrence "
                "WHERE status != 'open' AND key NOT LIKE '%-h%' LIMIT ?",
                (generation, total - count),
            ).rowcount
            count += inserted
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    partial.replace(path)
    return path


def postgres_database(server_url: str, size: int) -> str:
    """A database `tickler_bench_<size>` beside `server_url`'s, holding the department (made once per run)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    from synth import populate

    name = f"tickler_bench_{size}"
    url = make_url(server_url).set(database=name).render_as_string(hide_password=False)
    marker = data_dir() / f"{name}.built"
    if marker.exists():
        return url
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    db = open_database(url, actor="bench")
    populate(db, size, today=TODAY)
    db.dispose()
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text("VACUUM ANALYZE"))  # what autovacuum does soon after a bulk load
    engine.dispose()
    marker.touch()
    return url


def measure_url(url: str, repeat: int = 15) -> dict[str, float]:
    """Median wall and CPU milliseconds of `due_now` on `url`, the best, one call in a new session, the answer's
    size, and the median wall milliseconds of `due_reminders` (the same answer with its texts)."""
    db = open_database(url)
    try:
        with db.reader() as session:
            answer = len(due_now(session, TODAY))  # warm: the pages in the cache, the statement compiled
            due_reminders(session, TODAY)
            walls, cpus, described = [], [], []
            for _ in range(repeat):
                start, cpu = time.perf_counter(), time.process_time()
                due_now(session, TODAY)
                walls.append(time.perf_counter() - start)
                cpus.append(time.process_time() - cpu)
                start = time.perf_counter()
                due_reminders(session, TODAY)
                described.append(time.perf_counter() - start)
        with db.reader() as session:
            start = time.perf_counter()
            due_now(session, TODAY)
            fresh = time.perf_counter() - start  # a new session, as `tickler remind` from the Task Scheduler
    finally:
        db.dispose()
    return {
        "ms": statistics.median(walls) * 1000,
        "best_ms": min(walls) * 1000,
        "cpu_ms": statistics.median(cpus) * 1000,
        "fresh_ms": fresh * 1000,
        "answer": float(answer),
        "described_ms": statistics.median(described) * 1000,
    }


def postgres_figures(server_url: str, sizes: list[int]) -> list[Figure]:
    figures = []
    for size in sizes:
        r = measure_url(postgres_database(server_url, size))
        figures.append(
            Figure(
                f"reminder query at {size:,} occurrences, PostgreSQL (team mode)",
                r["ms"],
                "ms",
                None,
                "",
                "",
                None,
                f"{r['answer']:,.0f} reminders due; {r['ms'] / max(r['answer'], 1) * 1000:.1f} µs per reminder; "
                f"this process's CPU {r['cpu_ms']:.1f} ms (the rest is the server and the socket)",
            )
        )
    return figures


def run(quick: bool) -> Section:
    sizes = [1_000, 10_000] if quick else [1_000, 10_000, 100_000, 1_000_000]
    section = Section("Reminder query")
    results = {size: measure(synth_database(size)) for size in sizes}
    base = results[sizes[0]]
    base_per_row = base["cpu_ms"] / max(base["answer"], 1)
    for size in sizes:
        r = results[size]
        per_row_us = r["ms"] / max(r["answer"], 1) * 1000
        last = size == sizes[-1]
        section.figures.append(
            Figure(
                f"reminder query at {size:,} occurrences",
                r["ms"],
                "ms",
                None,
                "",
                f"<= {TARGET_MS:.0f} ms" if last else "",
                (r["ms"] <= TARGET_MS) if last else None,
                f"{r['answer']:,.0f} reminders due; {per_row_us:.1f} µs per reminder; CPU {r['cpu_ms']:.1f} ms "
                f"({r['cpu_ms'] / max(r['answer'], 1) / base_per_row:.2f}× the {sizes[0]:,}-row CPU per reminder); "
                f"best {r['best_ms']:.1f} ms; in a new session {r['fresh_ms']:.1f} ms; with every reminder's texts "
                f"(`due_reminders`: the digest window, `tickler remind`) {r['described_ms']:.1f} ms",
            )
        )
    largest = sizes[-1]
    tray = tray_checks(synth_database(largest))
    section.figures.append(
        Figure(
            f"tray check at {largest:,} occurrences, nothing new (every ten minutes)",
            tray["later_ms"],
            "ms",
            note="CPU; the reminder query, then which of its reminders were already shown (no target: a figure to "
            "watch)",
        )
    )
    section.figures.append(
        Figure(
            f"tray check at {largest:,} occurrences, the day's first (digest recorded)",
            tray["first_ms"],
            "ms",
            note=f"CPU; {tray['digest']:,.0f} reminders in the digest, each recorded as shown in one insert",
        )
    )
    section.growth.append(
        Growth(
            "Reminder query, realistic department (answer grows with it)",
            "occurrences",
            sizes,
            {
                "wall ms": [results[n]["ms"] for n in sizes],
                "CPU ms": [results[n]["cpu_ms"] for n in sizes],
                "with texts, wall ms": [results[n]["described_ms"] for n in sizes],
                "reminders due": [results[n]["answer"] for n in sizes],
                "wall µs per reminder": [results[n]["ms"] / max(results[n]["answer"], 1) * 1000 for n in sizes],
            },
            unit="",
        )
    )
    fixed_sizes = [1_000, 10_000] if quick else [100_000, 300_000, 1_000_000]
    fixed_base = fixed_sizes[0]
    fixed = {n: measure(synth_database(n) if n == fixed_base else with_history(fixed_base, n)) for n in fixed_sizes}
    section.growth.append(
        Growth(
            f"Reminder query, fixed answer ({fixed[fixed_base]['answer']:,.0f} reminders: the "
            f"{fixed_base:,}-occurrence department) in a table grown with closed history",
            "occurrences",
            fixed_sizes,
            {"wall ms": [fixed[n]["ms"] for n in fixed_sizes], "CPU ms": [fixed[n]["cpu_ms"] for n in fixed_sizes]},
            unit="",
        )
    )
    server = os.environ.get("TICKLER_BENCH_PG_URL")
    if server:
        try:
            section.figures += postgres_figures(server, [1_000] if quick else [100_000, 1_000_000])
        except OperationalError as exc:  # the server is gone: the SQLite figures above still stand
            section.notes.append(f"PostgreSQL not measured: {str(exc).splitlines()[0]}")
    else:
        section.notes.append("PostgreSQL not measured: set TICKLER_BENCH_PG_URL to a server database URL.")
    return section
