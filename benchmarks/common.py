"""Shared by the benchmarks: timing, peak memory, and the figure every benchmark reports."""

from __future__ import annotations

import resource
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


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


def table(figures: list[Figure]) -> str:
    head = "| what | Tickler | reference (same run) | ratio | target | notes |\n|---|---|---|---|---|---|"
    return "\n".join([head, *(f.row() for f in figures)])
