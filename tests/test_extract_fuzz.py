"""Fuzzing the extractor with mutated real contracts (bounded in time): it never raises, offsets always slice
the text to the phrase, the quote always holds the phrase, and it stays fast on what the mutations produce."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from obligations.extract import extract

BUDGET_SECONDS = 20.0
# Fragments contracts are made of, and the debris OCR and copy-paste leave: inserted at random.
DEBRIS = [
    "30",
    "３０",
    "三十",
    "壹拾伍",
    "____",
    "（  ）",
    "日内",
    "个工作日",
    "提前",
    "之日起",
    "每月",
    "届满前",
    "within",
    "thirty (30) days",
    " days prior to",
    "business days",
    "[***]",
    "2026年2月30日",
    "December 31, 2026",
    "\n",
    "\r\n",
    "\t",
    "。",
    "；",
    "，",
    "(",
    ")",
    "\u200b",
    "\ufeff",
    "\x00",
    "🙂",
    "Ⅻ",
    "ﬁ",
]


def mutate(text: str, rng: random.Random) -> str:
    chars = list(text)
    for _ in range(rng.randint(1, 40)):
        if not chars:
            break
        at = rng.randrange(len(chars))
        kind = rng.random()
        if kind < 0.35:
            chars[at:at] = list(rng.choice(DEBRIS))
        elif kind < 0.6:
            del chars[at : at + rng.randint(1, 30)]
        elif kind < 0.8:  # a chunk moved elsewhere: clauses out of order, a page header in mid-sentence
            chunk = chars[at : at + rng.randint(1, 200)]
            del chars[at : at + len(chunk)]
            spot = rng.randrange(len(chars) + 1)
            chars[spot:spot] = chunk
        else:
            chars[at] = chr(rng.randrange(0x20, 0x3000))
    return "".join(chars)


def check(text: str) -> None:
    result = extract(text)
    for ob in result.obligations:
        assert text[ob.start : ob.end] == ob.phrase
        assert text[ob.quote_start : ob.quote_start + len(ob.quote)] == ob.quote
        assert ob.quote_start <= ob.start and ob.end <= ob.quote_start + len(ob.quote)
        assert 0.0 <= ob.confidence <= 1.0


def test_mutated_corpus_documents(corpus: Path) -> None:
    documents = sorted(corpus.rglob("*.txt"))
    assert documents
    rng = random.Random(20261129)
    deadline = time.monotonic() + BUDGET_SECONDS
    runs = 0
    while time.monotonic() < deadline:
        source = rng.choice(documents).read_text(encoding="utf-8")
        start = rng.randrange(max(1, len(source) - 6000))
        text = mutate(source[start : start + rng.randint(200, 6000)], rng)
        try:
            check(text)
        except Exception as exc:  # pragma: no cover - the message is the reproduction recipe
            pytest.fail(f"{type(exc).__name__}: {exc}\nreproduce with extract({text!r})")
        runs += 1
    assert runs >= 50  # the budget bought real work, not one slow document
