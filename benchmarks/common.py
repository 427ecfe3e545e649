"""Shared by the benchmarks: timing, memory, the figures and growth tables every benchmark reports, the
synthetic databases (built once per run and shared), and running a measurement in a fresh interpreter."""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = Path(__file__).resolve().parent
CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLES = ROOT / "resources" / "samples"  # used when the shared corpus is not beside the project
# The day the synthetic department is built around and the app is asked about: the real date, so that the
# app started as a user starts it (whose clock is today) sees the same department the other benchmarks do.
TODAY = dt.date.today()


@dataclass(frozen=True)
class Figure:
    """One measured figure, beside its reference measured in the same run where there is one."""

    what: str
    value: float
    unit: str
    reference: float | None = None  # same unit
    reference_name: str = ""
    target: str = ""
    ok: bool | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        return self.value / self.reference if self.reference else None

    def row(self) -> str:
        ref = f"{self.reference:,.3g} {self.unit} ({self.reference_name})" if self.reference is not None else "—"
        ratio = f"{self.ratio:.2f}×" if self.ratio is not None else "—"
        verdict = {True: "✅", False: "❌", None: ""}[self.ok]
        return (
            f"| {self.what} | {self.value:,.3g} {self.unit} | {ref} | {ratio} | {self.target} {verdict} | {self.note} |"
        )

    def as_dict(self) -> dict[str, Any]:
        return {**self.__dict__, "ratio": self.ratio}


@dataclass(frozen=True)
class Growth:
    """How costs grow with size: one row per size, one column per operation (same unit for all)."""

    title: str
    size_name: str  # "occurrences"
    sizes: list[int]
    columns: dict[str, list[float]]  # operation → value at each size
    unit: str = "ms"
    note: str = ""

    def exponent(self, name: str) -> float | None:
        """k in cost ∝ size^k over the last step (the two largest sizes): 1 is linear, 0 flat.

        The last step, not the whole range: at small sizes fixed costs (a query's set-up, a repaint) dominate
        and flatter the fit; the largest sizes show how the cost really grows.
        """
        values = self.columns[name]
        if len(values) < 2 or not values[-2] > 0 or not values[-1] > 0:
            return None
        return math.log(values[-1] / values[-2]) / math.log(self.sizes[-1] / self.sizes[-2])

    def markdown(self) -> str:
        names = list(self.columns)
        lines = [
            f"| {self.size_name} | " + " | ".join(f"{n} ({self.unit})" if self.unit else n for n in names) + " |",
            "|---:|" + "---:|" * len(names),
        ]
        for i, size in enumerate(self.sizes):
            lines.append(f"| {size:,} | " + " | ".join(_num(self.columns[n][i]) for n in names) + " |")
        exps = [self.exponent(n) for n in names]
        step = f"{self.sizes[-2]:,} → {self.sizes[-1]:,}" if len(self.sizes) > 1 else ""
        lines.append(f"| growth k, {step} | " + " | ".join("—" if k is None else f"{k:.2f}" for k in exps) + " |")
        return "\n".join(lines)


@dataclass
class Section:
    """What one benchmark module reports."""

    title: str
    figures: list[Figure] = field(default_factory=list)
    growth: list[Growth] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _num(value: float) -> str:
    if value != value:  # NaN: not measured at this size
        return "—"
    return f"{value:,.3g}" if abs(value) < 1000 else f"{value:,.0f}"


def best_of(fn: Callable[[], object], repeat: int = 5) -> float:
    """The fastest of `repeat` runs, in seconds: the least disturbed by the rest of the machine."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def median_of(fn: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def rss_mb() -> float:
    """The resident set now (Linux; the peak elsewhere)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return peak_rss_mb()


def table(figures: list[Figure]) -> str:
    head = "| what | Tickler | reference (same run) | ratio | target | notes |\n|---|---|---|---|---|---|"
    return "\n".join([head, *(f.row() for f in figures)])


# --- shared data ----------------------------------------------------------------------------------------------


def data_dir() -> Path:
    """Where this run keeps its generated databases and files: $TICKLER_BENCH_DATA (run.py sets it), else a
    temporary folder for this process."""
    folder = os.environ.get("TICKLER_BENCH_DATA")
    if not folder:
        folder = tempfile.mkdtemp(prefix="tickler-bench-")
        os.environ["TICKLER_BENCH_DATA"] = folder
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("TICKLER_HOME", str(path / "home"))  # backups and stored originals stay in here
    return path


def synth_database(occurrences: int) -> Path:
    """A SQLite file holding the synthetic department of `occurrences` occurrences (built once per run).

    The write-ahead log is checkpointed into the file, so every reader starts from the same state. No ANALYZE:
    the app never runs it, so the planner works without statistics here as on a user's machine.
    """
    from synth import populate

    from obligations.store import open_database

    path = data_dir() / f"synth-{occurrences}.sqlite3"
    if path.exists():
        return path
    partial = path.with_suffix(".building")
    partial.unlink(missing_ok=True)
    db = open_database(f"sqlite:///{partial.as_posix()}", actor="bench")
    populate(db, occurrences, today=TODAY)
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    os.replace(partial, path)
    return path


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.as_posix()}"


def corpus_files(suffix: str) -> list[Path]:
    """The shared corpus's files of one kind, or the app's own samples when the corpus is not here."""
    found = sorted(CORPUS.rglob(f"*{suffix}")) if CORPUS.is_dir() else []
    return found or sorted(SAMPLES.glob(f"*{suffix}"))


# --- measurements in a fresh interpreter ----------------------------------------------------------------------


def child_env(**extra: str) -> dict[str, str]:
    """The environment every child gets: offscreen Qt, this run's data folder, private settings."""
    data = data_dir()
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        TICKLER_HOME=str(data / "home"),
        XDG_CONFIG_HOME=str(data / "config"),  # QSettings: never the developer's own settings file
        PYTHONPATH=os.pathsep.join([str(BENCHMARKS), env.get("PYTHONPATH", "")]).rstrip(os.pathsep),
    )
    env.update(extra)
    return env


def run_child(script: str, args: Sequence[str], *, timeout: float = 900, env: dict[str, str] | None = None) -> Any:
    """Run `benchmarks/<script>` in a fresh interpreter; its JSON result is the last line of its output."""
    process = subprocess.run(
        [sys.executable, str(BENCHMARKS / script), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env or child_env(),
        cwd=ROOT,
    )
    if process.returncode != 0:
        raise RuntimeError(f"{script} {' '.join(args)} failed ({process.returncode}):\n{process.stderr[-3000:]}")
    lines = [line for line in process.stdout.splitlines() if line.startswith("{") or line.startswith("[")]
    if not lines:
        raise RuntimeError(f"{script} printed no result:\n{process.stdout[-2000:]}\n{process.stderr[-2000:]}")
    return json.loads(lines[-1])
