"""Extraction throughput on the corpus texts against dateparser's search_dates on the same text, and linear
growth on adversarial input (long unpunctuated runs of digits and 日/月/年/days tokens)."""

from __future__ import annotations

import random
import time

from common import CORPUS, Figure, best_of

from obligations.extract import extract


def corpus_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(CORPUS.rglob("*.txt"))]


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


def run(quick: bool) -> list[Figure]:
    texts = corpus_texts()
    if quick:
        texts = texts[:6]
    total_chars = sum(len(t) for t in texts)
    total_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    seconds = best_of(lambda: [extract(t) for t in texts], repeat=2 if quick else 3)
    ours = total_mb / seconds

    from dateparser.search import search_dates

    sample = texts[: 2 if quick else 4]
    sample_mb = sum(len(t.encode("utf-8")) for t in sample) / 1e6
    start = time.perf_counter()
    for text in sample:
        search_dates(text, languages=["zh", "en"])
    reference = sample_mb / (time.perf_counter() - start)
    figures = [
        Figure(
            "extraction throughput, corpus texts",
            ours,
            "MB/s",
            reference,
            "dateparser.search_dates",
            ">= 1 MB/s and >= 20×",
            ours >= 1.0 and ours / reference >= 20,
            f"{len(texts)} documents, {total_chars:,} characters; ratio = how many times faster",
        )
    ]
    sizes = [250_000, 500_000, 1_000_000] if quick else [1_000_000, 2_000_000, 4_000_000]
    timings = []
    for size in sizes:
        text = adversarial(size)
        timings.append(best_of(lambda text=text: extract(text), repeat=1 if quick else 2))
    per_mb = [t / (s / 1e6) for t, s in zip(timings, sizes, strict=True)]
    growth = per_mb[-1] / per_mb[0]
    figures.append(
        Figure(
            f"adversarial input, {sizes[-1] // 1_000_000 or sizes[-1] / 1e6} MB vs {sizes[0] / 1e6:g} MB, per MB",
            per_mb[-1],
            "s/MB",
            per_mb[0],
            f"same input at {sizes[0] / 1e6:g} MB",
            "linear (ratio ≈ 1)",
            growth < 1.5,
            "seconds per MB at " + ", ".join(f"{s / 1e6:g} MB: {p:.2f}" for s, p in zip(sizes, per_mb, strict=True)),
        )
    )
    return figures
