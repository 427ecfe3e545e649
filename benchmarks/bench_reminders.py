"""The reminder query ("what is due today") as the database grows from 1k to 1M occurrences.

Two views: the realistic database (its answer grows with the department), and the cost per answered row, which
must stay flat as the table grows — the index makes the scan proportional to the answer, not the table.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

from common import Figure, median_of
from synth import populate

from obligations.reminders import due_reminders
from obligations.store import open_database

TODAY = dt.date(2026, 3, 2)


def measure(size: int, folder: Path) -> tuple[float, int]:
    db = open_database(f"sqlite:///{(folder / f'rem-{size}.db').as_posix()}")
    populate(db, size, today=TODAY)
    with db.reader() as session:
        answer = len(due_reminders(session, TODAY))
        seconds = median_of(lambda: due_reminders(session, TODAY), repeat=5)
    db.dispose()
    return seconds, answer


def run(quick: bool) -> list[Figure]:
    sizes = [1_000, 10_000] if quick else [1_000, 10_000, 100_000, 1_000_000]
    figures = []
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("TICKLER_HOME", tmp)
        results = {size: measure(size, Path(tmp)) for size in sizes}
    base_seconds, base_answer = results[sizes[0]]
    base_per_row = base_seconds / max(base_answer, 1)
    for size in sizes:
        seconds, answer = results[size]
        per_row = seconds / max(answer, 1)
        figures.append(
            Figure(
                f"reminder query at {size:,} occurrences",
                seconds * 1000,
                "ms",
                None,
                "",
                "<= 20 ms" if size == sizes[-1] else "",
                (seconds * 1000 <= 20) if size == sizes[-1] else None,
                f"{answer:,} reminders due; {per_row * 1e6:.1f} µs per reminder "
                f"({per_row / base_per_row:.2f}× the {sizes[0]:,}-row cost per reminder)",
            )
        )
    return figures
