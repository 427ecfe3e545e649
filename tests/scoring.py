"""The labelled corpus scored exactly as shared/eval/score.py scores it, for the extractor's bar tests."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from obligations.extract.serialize import extraction_to_json
from obligations.model import Extraction

SHARED = Path(__file__).resolve().parents[2] / "shared"
SCORER = SHARED / "eval" / "score.py"
CORPUS = SHARED / "corpus"
# The quality bars, for each language separately.
BARS = {
    "recall": 0.95,
    "precision": 0.90,
    "amount": 0.97,
    "direction": 0.95,
    "anchor_type": 0.90,
    "recurrence": 0.95,
    "date": 0.90,
    "facts": 0.90,
}


def scorer() -> ModuleType:
    if not SCORER.exists():
        pytest.skip("shared/eval/score.py is not beside the project")
    spec = importlib.util.spec_from_file_location("tickler_score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def measure(language: str, extract: Callable[[str], Extraction]) -> dict[str, float]:
    """Every labelled `language` document scored, summed as the scorer sums them."""
    score = scorer()
    golds = sorted((CORPUS / language).glob(f"{language}-*.gold.json"))
    if not golds:
        pytest.skip(f"no labelled {language} documents")
    totals = {"needed": 0, "found": 0, "predicted": 0, "correct_pred": 0}
    attrs: dict[str, list[int]] = {}
    facts = [0, 0]
    for gold_path in golds:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = score.read_text(gold_path.with_name(f"{gold['id']}.txt"))
        result = score.score_document(text, gold, extraction_to_json(extract(text), document=gold["id"]))
        for key in totals:
            totals[key] += result[key]
        for key, (ok, n) in result["attrs"].items():
            attrs.setdefault(key, [0, 0])
            attrs[key][0] += ok
            attrs[key][1] += n
        facts[0] += sum(result["facts"].values())
        facts[1] += len(result["facts"])
    return {
        "recall": totals["found"] / totals["needed"],
        "precision": totals["correct_pred"] / totals["predicted"],
        **{key: ok / n for key, (ok, n) in attrs.items() if n},
        "facts": facts[0] / facts[1] if facts[1] else 1.0,
    }


def assert_bars(measured: dict[str, float]) -> None:
    missed = {key: round(measured[key], 3) for key, bar in BARS.items() if measured.get(key, 1.0) < bar}
    assert not missed, f"below the bars: {missed}"
