"""The benchmark suite's smoke run: every benchmark runs at small sizes and writes its report, so none can rot.

Timings are not asserted here: they belong to the benchmarks (BENCHMARKS.md), not to unit tests.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_quick_benchmark_run_writes_the_report(tmp_path: Path) -> None:
    report, figures_json = tmp_path / "BENCHMARKS.md", tmp_path / "figures.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TICKLER_HOME=str(tmp_path / "home"))
    process = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "run.py"),
            "--quick",
            "--output",
            str(report),
            "--json",
            str(figures_json),
            "--data",
            str(tmp_path / "data"),
        ],
        capture_output=True,
        text=True,
        timeout=280,
        env=env,
        cwd=ROOT,
    )
    assert process.returncode == 0, process.stdout[-3000:] + process.stderr[-5000:]

    text = report.read_text(encoding="utf-8")
    for heading in ("## Machine", "## Summary", "## Extraction", "## Reminder query", "## Import"):
        assert heading in text
    for heading in ("## Monthly Excel export", "## Desktop app", "| growth k"):
        assert heading in text
    assert "Benchmarks that failed" not in text

    figures = json.loads(figures_json.read_text(encoding="utf-8"))
    assert len(figures) >= 15
    for figure in figures:
        assert math.isfinite(figure["value"]) and figure["value"] > 0, figure
        if figure["reference"] is not None:
            assert math.isfinite(figure["reference"]) and figure["reference"] > 0, figure
