"""The JSON shape of `tickler extract --json` (also read by shared/eval/score.py)."""

from __future__ import annotations

from typing import Any

from obligations.model import ExtractedObligation, Extraction


def _iso(value: object) -> str | None:
    return value.isoformat() if value is not None else None  # type: ignore[attr-defined]


def obligation_to_json(ob: ExtractedObligation) -> dict[str, Any]:
    rule = ob.rule
    amount = None
    if rule.period is not None:
        value = rule.period.value
        if value is not None and float(value).is_integer():
            value = int(value)
        amount = {"value": value, "unit": str(rule.period.unit)}  # value None: a template blank
    return {
        "start": ob.start,
        "end": ob.end,
        "phrase": ob.phrase,
        "quote": ob.quote,
        "clause": ob.clause,
        "party": ob.party,
        "action": ob.action,
        "kind": str(ob.kind),
        "amount": amount,
        "direction": str(rule.direction),
        "anchor": rule.anchor_label,
        "anchor_type": str(rule.anchor_type),
        "recurrence": str(rule.recurrence) if rule.recurrence else None,
        "date": _iso(ob.date),
        "confidence": round(ob.confidence, 3),
    }


def extraction_to_json(result: Extraction, *, document: str) -> dict[str, Any]:
    facts = result.facts
    return {
        "document": document,
        "language": result.language,
        "facts": {
            "signing_date": _iso(facts.signing_date),
            "effective_date": _iso(facts.effective_date),
            "expiry_date": _iso(facts.expiry_date),
            "term": facts.term,
        },
        "obligations": [obligation_to_json(ob) for ob in result.obligations],
    }
