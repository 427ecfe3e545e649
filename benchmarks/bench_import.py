"""Importing PDFs end to end into the database, against pdfium's own text extraction of the same files.

Two shapes of work: one long agreement (200 pages), and a lawyer dropping many short agreements at once (200
files of 3 pages). Each Tickler run imports into a fresh database and data folder (so nothing is a
duplicate and the original is copied every time); the reference opens the same files with pypdfium2 and asks
every page for its text (`PdfTextPage.get_text_range`), the cheapest way to read a PDF's text in Python.
"""

from __future__ import annotations

import os
import shutil
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from common import TODAY, Figure, Section, data_dir, run_child, sqlite_url

TARGET = 1.5


def long_pdf(pages: int) -> Path:
    """The generated long agreement, made once per run."""
    path = data_dir() / f"agreement-{pages}-pages.pdf"
    if not path.exists():
        run_child("make_pdf.py", [str(path), str(pages)])
    return path


def many_pdfs(files: int, pages: int) -> list[Path]:
    folder = data_dir() / f"agreements-{files}x{pages}"
    if not folder.is_dir():
        run_child("make_pdf.py", [str(folder), str(pages), "--files", str(files)])
    return sorted(folder.glob("*.pdf"))


def pdfium_text(paths: list[Path]) -> int:
    import pypdfium2 as pdfium

    chars = 0
    for path in paths:
        pdf = pdfium.PdfDocument(str(path))
        try:
            for index in range(len(pdf)):
                page = pdf[index]
                textpage = page.get_textpage()
                chars += len(textpage.get_text_range())
                textpage.close()
                page.close()
        finally:
            pdf.close()
    return chars


def _timed(fn: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process)."""
    start, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - start, time.process_time() - cpu


def import_once(paths: list[Path], run: int, *, warm_up: Path | None = None) -> tuple[float, float]:
    """Import `paths` into a new database with its own data folder; the database is opened before the clock.

    With `warm_up`, that file is imported into the same database first, untimed: the app's database stays open
    while it runs, and the first import on a new connection also pays for SQLAlchemy compiling its statements
    (~4.5 ms once), which a running app has long done.
    """
    from obligations.services.importing import Outcome, import_files
    from obligations.store import open_database

    folder = data_dir() / "imports" / f"run-{len(paths)}-{run}"
    shutil.rmtree(folder, ignore_errors=True)  # a fresh database every time, also when --data is reused
    folder.mkdir(parents=True)
    previous = os.environ.get("TICKLER_HOME")
    os.environ["TICKLER_HOME"] = str(folder / "home")
    try:
        db = open_database(sqlite_url(folder / "tickler.sqlite3"), actor="bench")
        if warm_up is not None:
            import_files(db, [warm_up], today=TODAY)
        results: list[object] = []
        timing = _timed(lambda: results.extend(import_files(db, paths, today=TODAY)))
        db.dispose()
    finally:
        if previous is not None:
            os.environ["TICKLER_HOME"] = previous
    failed = [r for r in results if getattr(r, "outcome", None) != Outcome.IMPORTED]
    if failed:
        raise RuntimeError(f"import failed: {failed[:3]}")
    return timing


def stages(paths: list[Path]) -> dict[str, float]:
    """Where the time of an import goes: reading the PDFs, finding obligations, storing (the rest)."""
    from obligations.documents import load_document
    from obligations.extract import extract

    read = found = chars = 0.0
    for path in paths:
        start = time.perf_counter()
        text = load_document(path).text
        middle = time.perf_counter()
        extract(text)
        read, found = read + middle - start, found + time.perf_counter() - middle
        chars += len(text)
    return {"read": read, "extract": found, "chars": chars}


def compare(what: str, paths: list[Path], repeat: int, warm_up: Path) -> tuple[Figure, dict[str, float]]:
    ours = [import_once(paths, run, warm_up=warm_up) for run in range(repeat)]
    chars = pdfium_text(paths)  # warm the file cache for the reference as the imports warmed it for Tickler
    reference = [_timed(lambda: pdfium_text(paths)) for _ in range(repeat)]
    wall = statistics.median(t for t, _ in ours)
    ref_wall = statistics.median(t for t, _ in reference)
    cpu = statistics.median(c for _, c in ours)
    ref_cpu = statistics.median(c for _, c in reference)
    ratio = wall / ref_wall
    figure = Figure(
        what,
        wall,
        "s",
        ref_wall,
        "pypdfium2 get_text_range",
        f"<= {TARGET}×",
        ratio <= TARGET,
        f"median of {repeat}; CPU {cpu:.2f} s vs {ref_cpu:.2f} s ({cpu / ref_cpu:.2f}×); {chars:,} characters",
    )
    return figure, {"wall": wall, "reference": ref_wall, "cpu": cpu, "reference_cpu": ref_cpu}


def run(quick: bool) -> Section:
    pages = 20 if quick else 200
    repeat = 1 if quick else 3
    section = Section("Import")
    files, short = (10, 3) if quick else (200, 3)
    paths = many_pdfs(files, short)
    warm_up = long_pdf(2)  # a file of neither set: the app is running, its database open, when files arrive
    import_once([warm_up], run=-1)  # this process's own first import (modules, regexes) before any clock
    path = long_pdf(pages)
    figure, _ = compare(f"import of a {pages}-page text PDF, end to end into the DB", [path], repeat, warm_up)
    section.figures.append(figure)
    split = stages([path])
    section.notes.append(
        f"One {pages}-page import, by stage: reading the PDF (pdfium + Tickler's line rebuilding) "
        f"{split['read']:.2f} s, finding obligations {split['extract']:.2f} s, the rest (storing, scheduling, "
        f"copying the original) ≈ {max(figure.value - split['read'] - split['extract'], 0):.2f} s; "
        f"{split['chars']:,.0f} characters of text."
    )
    figure, numbers = compare(
        f"import of {files} PDFs of {short} pages dropped at once", paths, 1 if quick else 2, warm_up
    )
    section.figures.append(figure)
    split = stages(paths)
    per_file = {name: value / files * 1000 for name, value in split.items()}
    section.notes.append(
        f"Dropping {files} files: {numbers['wall'] / files * 1000:.1f} ms per file for Tickler — reading the PDF "
        f"{per_file['read']:.1f} ms, finding obligations {per_file['extract']:.1f} ms, the rest (the duplicate "
        f"check, copying the original, storing and scheduling in one transaction) ≈ "
        f"{max(numbers['wall'] / files * 1000 - per_file['read'] - per_file['extract'], 0):.1f} ms — against "
        f"{numbers['reference'] / files * 1000:.1f} ms per file for pdfium's text alone."
    )
    return section


if __name__ == "__main__":
    from common import table

    result = run(quick=False)
    print(table(result.figures))
