"""Run every benchmark and write BENCHMARKS.md at the repository root.

    .venv/bin/python benchmarks/run.py                  # the full suite (5–10 minutes on a quiet 2-core machine)
    .venv/bin/python benchmarks/run.py --quick          # small sizes, under a minute: the CI smoke run
    .venv/bin/python benchmarks/run.py --only reminders,gui --output /tmp/b.md --data /tmp/bench-data

The benchmarks make their own data: a synthetic legal department (benchmarks/synth.py) at 1k/10k/100k/1M
occurrences, long text PDFs laid out by Qt, and the shared corpus texts for extraction. Everything generated
lives in one folder for the run (`--data` keeps and reuses it between runs). Each figure stands beside a
reference measured in the same run; the ratio is what the targets are about, since absolute times depend on
the machine and on what else it is doing (the load average is recorded at the start and at the end).

With TICKLER_BENCH_PG_URL set to a PostgreSQL server database (e.g. the one `scripts/pg_test_server.sh start`
gives), the reminder query is also measured in team mode, on databases created beside it.

OCR has its own standalone benchmark (benchmarks/bench_ocr.py), not run here: minutes per run, and it needs the
OCR engine installed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import sqlite3
import sys
import tempfile
import time
import traceback
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCHMARKS))

from common import ROOT, Figure, Section, table  # noqa: E402

# name → module; run in this order (the GUI last: it reuses the databases and PDFs the others made).
BENCHES = ["extract", "reminders", "import", "export", "gui"]
MODULES = {
    "extract": "bench_extract",
    "reminders": "bench_reminders",
    "import": "bench_import",
    "export": "bench_monthly_export",
    "gui": "bench_gui",
}
FINDINGS = BENCHMARKS / "FINDINGS.md"


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f}"


def machine() -> list[tuple[str, str]]:
    try:
        import PySide6
        from PySide6.QtCore import qVersion

        qt = f"PySide6 {PySide6.__version__}, Qt {qVersion()}"
    except ImportError:
        qt = "not installed"
    import sqlalchemy

    return [
        ("machine", f"{platform.system()} {platform.release()} {platform.machine()}, {os.cpu_count()} CPUs"),
        ("processor", _cpu_name()),
        ("Python", f"{platform.python_implementation()} {platform.python_version()}"),
        ("Qt", qt),
        ("SQLite", f"{sqlite3.sqlite_version} (SQLAlchemy {sqlalchemy.__version__})"),
    ]


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def run_all(names: list[str], quick: bool) -> tuple[list[tuple[Section, float]], list[tuple[str, str]]]:
    done: list[tuple[Section, float]] = []
    failed: list[tuple[str, str]] = []
    for name in names:
        print(f"[{time.strftime('%H:%M:%S')}] {name} (load {load()}) …", flush=True)
        start = time.perf_counter()
        try:
            module = __import__(MODULES[name])
            result = module.run(quick)
        except Exception:  # one broken benchmark must not hide the others: reported, and the exit status says so
            failed.append((name, traceback.format_exc()))
            print(failed[-1][1], file=sys.stderr, flush=True)
            continue
        section = result if isinstance(result, Section) else Section(name, list(result))
        done.append((section, time.perf_counter() - start))
        print(table(section.figures), flush=True)
    return done, failed


def verdicts(figures: list[Figure]) -> str:
    judged = [f for f in figures if f.ok is not None]
    met = sum(1 for f in judged if f.ok)
    return f"{met} of {len(judged)} targets met"


def markdown(
    sections: list[tuple[Section, float]],
    failed: list[tuple[str, str]],
    *,
    quick: bool,
    started: dt.datetime,
    load_start: str,
    load_end: str,
) -> str:
    figures = [f for section, _ in sections for f in section.figures]
    lines = [
        "# Benchmarks",
        "",
        "Written by `benchmarks/run.py`"
        + (" in **quick** mode (small sizes: a smoke run, not the figures to quote)" if quick else "")
        + f" on {started:%Y-%m-%d %H:%M} UTC. Re-run with:",
        "",
        "```sh",
        ".venv/bin/python benchmarks/run.py            # full suite; --quick for the smoke run",
        "```",
        "",
        "Each figure stands beside a reference measured in the same run (same machine, same moment), and the",
        "ratio is what the targets are about. Where a target is absolute (milliseconds), the load average below",
        "says how quiet the machine was. Growth tables end with k in cost ∝ n^k over their last step (the two",
        "largest sizes): 1 is linear, 0 is flat. OCR has its own standalone benchmark, `benchmarks/bench_ocr.py`",
        "(seconds per page, character accuracy, extraction recall), not run here.",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        *(f"| {k} | {v} |" for k, v in machine()),
        f"| load average (1/5/15 min) at start | {load_start} |",
        f"| load average at end | {load_end} |",
        "",
        f"## Summary: {verdicts(figures)}",
        "",
        table(figures),
        "",
    ]
    for section, seconds in sections:
        lines += [f"## {section.title}", "", f"_{seconds:.0f} s to run; {verdicts(section.figures)}._", ""]
        lines += [table(section.figures), ""]
        for growth in section.growth:
            lines += [f"### {growth.title}", ""]
            if growth.note:
                lines += [growth.note, ""]
            lines += [growth.markdown(), ""]
        for note in section.notes:
            lines += [f"- {note}"]
        if section.notes:
            lines.append("")
    if failed:
        lines += ["## Benchmarks that failed", ""]
        for name, trace in failed:
            lines += [f"### {name}", "", "```", trace.strip(), "```", ""]
    if FINDINGS.exists():
        lines += [FINDINGS.read_text(encoding="utf-8").strip(), ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes: the smoke run")
    parser.add_argument("--output", type=Path, default=ROOT / "BENCHMARKS.md")
    parser.add_argument("--only", help=f"comma-separated subset of: {','.join(BENCHES)}")
    parser.add_argument("--data", type=Path, help="keep generated databases and PDFs here and reuse them")
    parser.add_argument("--json", type=Path, help="also write every figure as JSON")
    args = parser.parse_args(argv)
    names = args.only.split(",") if args.only else BENCHES
    unknown = set(names) - set(BENCHES)
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")

    scratch = None
    if args.data:
        args.data.mkdir(parents=True, exist_ok=True)
        data = args.data.resolve()
    else:
        scratch = tempfile.mkdtemp(prefix="tickler-bench-")
        data = Path(scratch)
    os.environ["TICKLER_BENCH_DATA"] = str(data)
    os.environ["TICKLER_HOME"] = str(data / "home")  # backups and copied originals never reach the user's folder
    os.environ.pop("TICKLER_DB", None)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    started = dt.datetime.now(dt.UTC)
    load_start = load()
    try:
        sections, failed = run_all(names, args.quick)
    finally:
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)
    text = markdown(sections, failed, quick=args.quick, started=started, load_start=load_start, load_end=load())
    args.output.write_text(text, encoding="utf-8")
    if args.json:
        figures = [f.as_dict() for section, _ in sections for f in section.figures]
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"wrote {args.output} ({time.strftime('%H:%M:%S')}, load {load()})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
