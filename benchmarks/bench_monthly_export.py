"""The monthly Excel report at size, through the export engineer's bench_export.py (its data and its two
measurements, unchanged): `export_month` against xlsxwriter's constant-memory mode writing the same rows, each
in a fresh interpreter so peak memory is the process's own.

bench_export.py compares CPU time, the fair measure on a shared machine; wall time is reported beside it.
"""

from __future__ import annotations

import importlib.util

import bench_export
from common import Figure, Growth, Section, data_dir, sqlite_url


def measure(rows: int) -> tuple[dict[str, float], dict[str, float]]:
    """(export, reference) measurements on a database of `rows` occurrences, built once per run."""
    folder = data_dir() / "export"
    folder.mkdir(exist_ok=True)
    path = folder / f"export-{rows}.sqlite3"
    if not path.exists():
        partial = path.with_suffix(".building")
        partial.unlink(missing_ok=True)
        bench_export.build(sqlite_url(partial), rows)
        partial.replace(path)
    export = bench_export.child("export", sqlite_url(path), folder / f"export-{rows}.xlsx")
    if importlib.util.find_spec("xlsxwriter") is None:  # a development extra: absent from a test-only install
        return export, {"seconds": float("nan"), "cpu": float("nan"), "peak_mb": float("nan")}
    reference = bench_export.child("reference", sqlite_url(path), folder / f"reference-{rows}.xlsx")
    return export, reference


def run(quick: bool) -> Section:
    sizes = [2_000] if quick else [1_000, 10_000, 100_000]
    section = Section("Monthly Excel export")
    results = {n: measure(n) for n in sizes}
    main = sizes[-1]
    export, reference = results[main]
    has_reference = reference["cpu"] == reference["cpu"]  # not NaN
    ref_name = "xlsxwriter constant_memory, same rows" if has_reference else "xlsxwriter not installed"
    written = export["rows"] if isinstance(export["rows"], int) else sum(export["rows"].values())  # type: ignore[union-attr]
    section.figures.append(
        Figure(
            f"monthly export of {main:,} occurrences, CPU time",
            export["cpu"],
            "s",
            reference["cpu"] if has_reference else None,
            ref_name,
            f"<= {bench_export.TARGET_RATIO:g}×",
            export["cpu"] / reference["cpu"] <= bench_export.TARGET_RATIO if has_reference else None,
            f"wall {export['seconds']:.2f} s vs {reference['seconds']:.2f} s "
            f"({export['seconds'] / reference['seconds']:.2f}×); {written:,} rows written",
        )
    )
    section.figures.append(
        Figure(
            f"monthly export of {main:,} occurrences, peak memory",
            export["peak_mb"],
            "MiB",
            reference["peak_mb"] if has_reference else None,
            ref_name,
            f"<= {bench_export.TARGET_PEAK_MB:.0f} MiB",
            export["peak_mb"] <= bench_export.TARGET_PEAK_MB,
            f"peak RSS of the whole process (before exporting: {export['baseline_mb']:.0f} MiB)",
        )
    )
    section.growth.append(
        Growth(
            "Monthly export (CPU s and peak MiB)",
            "occurrences",
            sizes,
            {
                "export CPU s": [results[n][0]["cpu"] for n in sizes],
                "xlsxwriter CPU s": [results[n][1]["cpu"] for n in sizes],
                "export peak MiB": [results[n][0]["peak_mb"] for n in sizes],
                "xlsxwriter peak MiB": [results[n][1]["peak_mb"] for n in sizes],
            },
            unit="",
        )
    )
    return section
