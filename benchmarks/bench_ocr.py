"""OCR benchmark: seconds per page, character accuracy, and what OCR does to extraction.

Renders corpus agreements to A4 page images (200 dpi, Noto Sans CJK, the same renderer as tests/test_ocr.py),
OCRs each page clean and as a simulated scan (1° rotation, noise, JPEG quality 40), and reports:

- seconds per page, wall clock and CPU (all threads; on a shared machine the CPU time is the steadier
  figure), the engine built once before timing (its build time is reported separately),
- character accuracy: 1 - edit distance / length, after NFKC and with whitespace removed,
- extraction recall: obligations.extract.extract() on the OCR text vs on the text that was drawn, compared
  as multisets of (amount, unit). The extractor is young; whatever it finds on the source text is the
  reference, and an empty reference is reported as such rather than as a score.

    .venv/bin/python benchmarks/bench_ocr.py                   # 2 pages of 4 agreements
    .venv/bin/python benchmarks/bench_ocr.py --pages 1 --max-side 2000 --json out/ocr.json
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DOCS = ["zh/zh-telecom-00.txt", "zh/zh-lease-01.txt", "en/en-hosting-01.txt", "en/en-nda-01.txt"]


def _helpers() -> Any:
    """render_page, degrade, char_accuracy and corpus_paragraphs from tests/test_ocr.py (one renderer)."""
    spec = importlib.util.spec_from_file_location("ocr_test_helpers", ROOT / "tests" / "test_ocr.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def render_pages(helpers: Any, name: str, pages: int) -> list[tuple[Any, str]]:
    paragraphs = helpers.corpus_paragraphs(name)
    rendered: list[tuple[Any, str]] = []
    while paragraphs and len(rendered) < pages:
        image, text = helpers.render_page(paragraphs)
        fitted = text.count("\n") + 1 if text else 0
        if fitted == 0:  # a paragraph longer than a page: not worth a special case in a benchmark
            break
        rendered.append((image, text))
        paragraphs = paragraphs[fitted:]
    return rendered


def amounts(text: str) -> tuple[Counter[tuple[Any, Any]], str | None]:
    """(value, unit) of every obligation the extractor finds; an error message instead of raising."""
    try:
        from obligations.extract import extract
        from obligations.extract.serialize import extraction_to_json

        result = extraction_to_json(extract(text), document="bench")
        found = Counter(
            (ob["amount"].get("value"), ob["amount"].get("unit"))  # value may be None ("within a reasonable time")
            for ob in result.get("obligations", [])
            if ob.get("amount")
        )
        return found, None
    except Exception as exc:  # the extractor is being written: report, do not stop the benchmark
        return Counter(), f"{type(exc).__name__}: {exc}"


def bench_document(helpers: Any, name: str, pages: int) -> dict[str, Any]:
    from obligations.documents import ocr

    row: dict[str, Any] = {"document": name, "pages": 0}
    drawn: list[str] = []
    for scan in ("clean", "degraded"):
        seconds, cpu, accuracy, texts = [], [], [], []
        for image, text in render_pages(helpers, name, pages):
            page = helpers.degrade(image) if scan == "degraded" else image
            start, start_cpu = time.perf_counter(), time.process_time()
            result = ocr.recognize_image(page)
            seconds.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
            accuracy.append(helpers.char_accuracy(text, result.text))
            texts.append(result.text)
            if scan == "clean":
                drawn.append(text)
        row["pages"] = len(seconds)
        row[f"{scan}_seconds_per_page"] = statistics.mean(seconds) if seconds else None
        row[f"{scan}_cpu_seconds_per_page"] = statistics.mean(cpu) if cpu else None
        row[f"{scan}_accuracy"] = min(accuracy) if accuracy else None  # the worst page is what matters
        row[f"{scan}_text"] = "\n".join(texts)
    reference, error = amounts("\n".join(drawn))
    row["extract_error"] = error
    row["reference_amounts"] = sum(reference.values())
    for scan in ("clean", "degraded"):
        found, scan_error = amounts(row.pop(f"{scan}_text"))
        row["extract_error"] = row["extract_error"] or scan_error
        matched = sum((reference & found).values())
        row[f"{scan}_recall"] = matched / sum(reference.values()) if reference else None
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", nargs="*", default=DEFAULT_DOCS, help="corpus files (relative to the corpus)")
    parser.add_argument("--pages", type=int, default=2, help="pages per document (default 2)")
    parser.add_argument("--max-side", type=int, default=None, help="override ocr.MAX_SIDE_LEN")
    parser.add_argument("--json", type=Path, default=None, help="also write the rows as JSON here")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    from obligations.documents import ocr

    if not ocr.ocr_available():
        print("OCR is not installed (pip install tickler[ocr])", file=sys.stderr)
        return 2
    if args.max_side:
        ocr.MAX_SIDE_LEN = args.max_side
    helpers = _helpers()
    start = time.perf_counter()
    ocr._get_engine()
    build = time.perf_counter() - start
    warm = helpers.render_page(["第一条 预热。"], dpi=100)[0]
    start = time.perf_counter()
    ocr.recognize_image(warm)  # the first run also loads the models into onnxruntime sessions
    first = time.perf_counter() - start
    print(f"engine build {build:.2f} s, first (tiny) page {first:.2f} s, max side {ocr.MAX_SIDE_LEN} px")

    rows = [bench_document(helpers, name, args.pages) for name in args.docs]
    header = (
        f"{'document':<24}{'pages':>6}{'s/page':>8}{'cpu s':>7}{'acc':>8}{'s/page*':>9}{'cpu s*':>7}{'acc*':>8}"
        f"{'recall':>8}{'recall*':>9}"
    )
    print(header + "   (* = simulated scan)")

    def fmt(value: float | None, pattern: str) -> str:
        return "-" if value is None else format(value, pattern)

    for row in rows:
        print(
            f"{row['document']:<24}{row['pages']:>6}"
            f"{fmt(row['clean_seconds_per_page'], '.2f'):>8}{fmt(row['clean_cpu_seconds_per_page'], '.2f'):>7}"
            f"{fmt(row['clean_accuracy'], '.4f'):>8}"
            f"{fmt(row['degraded_seconds_per_page'], '.2f'):>9}{fmt(row['degraded_cpu_seconds_per_page'], '.2f'):>7}"
            f"{fmt(row['degraded_accuracy'], '.4f'):>8}"
            f"{fmt(row['clean_recall'], '.2f'):>8}{fmt(row['degraded_recall'], '.2f'):>9}"
            + (
                f"  ({row['reference_amounts']} amounts in source)"
                if row["reference_amounts"]
                else "  (none in source)"
            )
        )
        if row["extract_error"]:
            print(f"    extractor failed: {row['extract_error']}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"build_seconds": build, "rows": rows}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
