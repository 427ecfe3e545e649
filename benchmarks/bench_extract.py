"""Extraction throughput on the corpus texts against dateparser's search_dates on the same text, and linear
growth on adversarial input (long unpunctuated runs of digits and 日/月/年/days tokens)."""

from __future__ import annotations

import random
import time

from common import Figure, Growth, Section, best_of, corpus_files

from obligations.extract import extract


def corpus_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in corpus_files(".txt")]


def adversarial(size: int, seed: int = 3) -> str:
    rng = random.Random(seed)
    tokens = [
        "30",
        "３０",
        "三十",
        "日",
        "月",
        "年",
        "days",
        "within",
        "提前",
        "内",
        "之日起",
        "12",
        "2026",
        " ",
        "工作日",
    ]
    out: list[str] = []
    length = 0
    while length < size:
        token = rng.choice(tokens)
        out.append(token)
        length += len(token)
    return "".join(out)


def dateparser_throughput(texts: list[str]) -> float | None:
    """MB/s of dateparser's search_dates over `texts`, or None where dateparser is not installed (it is a
    development extra, not a test dependency)."""
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None
    search_dates("warm-up: 2026年3月1日", languages=["zh", "en"])  # loads its language data once
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    start = time.perf_counter()
    for text in texts:
        search_dates(text, languages=["zh", "en"])
    return mb / (time.perf_counter() - start)


def run(quick: bool) -> Section:
    section = Section("Extraction")
    texts = corpus_texts()
    if quick:
        texts = texts[:6]
    total_chars = sum(len(t) for t in texts)
    total_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    extract(texts[0])  # warm: vocabularies and compiled patterns
    seconds = best_of(lambda: [extract(t) for t in texts], repeat=2 if quick else 3)
    ours = total_mb / seconds
    # dateparser reads about 100× slower: a sample of the same texts keeps the run short.
    sample = texts[:1] if quick else texts[:: max(1, len(texts) // 8)]
    reference = dateparser_throughput(sample)
    section.figures.append(
        Figure(
            "extraction throughput, corpus texts",
            ours,
            "MB/s",
            reference,
            "dateparser.search_dates" if reference is not None else "dateparser not installed",
            ">= 1 MB/s and >= 20×",
            ours >= 1.0 and (reference is None or ours / reference >= 20),
            f"{len(texts)} documents, {total_chars:,} characters, best of {2 if quick else 3}; the ratio is how many "
            f"times faster (dateparser on {len(sample)} of them)",
        )
    )
    sizes = [50_000, 100_000, 200_000] if quick else [1_000_000, 2_000_000, 4_000_000]
    timings = []
    for size in sizes:
        text = adversarial(size)
        timings.append(best_of(lambda text=text: extract(text), repeat=1 if quick else 2))
    per_mb = [t / (s / 1e6) for t, s in zip(timings, sizes, strict=True)]
    growth = per_mb[-1] / per_mb[0]
    section.figures.append(
        Figure(
            f"adversarial input, {sizes[-1] / 1e6:g} MB vs {sizes[0] / 1e6:g} MB, per MB",
            per_mb[-1],
            "s/MB",
            per_mb[0],
            f"same input at {sizes[0] / 1e6:g} MB",
            "linear (ratio ≈ 1)",
            growth < 1.5,
            "seconds per MB at " + ", ".join(f"{s / 1e6:g} MB: {p:.2f}" for s, p in zip(sizes, per_mb, strict=True)),
        )
    )
    section.growth.append(
        Growth(
            "Extraction of adversarial input (characters, not occurrences)",
            "characters",
            sizes,
            {"seconds": timings, "s per MB": per_mb},
            unit="",
        )
    )
    return section
