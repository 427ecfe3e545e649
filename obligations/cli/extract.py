"""`tickler extract FILE [--json]`: the obligations a document holds, without touching any database."""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("extract", help="extract dated obligations from a file (no database)")
    parser.add_argument("file", type=Path)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from obligations.documents import load_document
    from obligations.extract import extract
    from obligations.extract.serialize import extraction_to_json

    document = load_document(args.file)
    result = extraction_to_json(extract(document.text), document=str(args.file))
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    facts = result["facts"]
    print(f"{args.file}  [{result['language']}]")
    for key in ("signing_date", "effective_date", "expiry_date", "term"):
        if facts[key]:
            print(f"  {key.replace('_', ' ')}: {facts[key]}")
    for ob in result["obligations"]:
        amount = ob["amount"]
        value = "____" if amount and amount["value"] is None else f"{amount['value']:g}" if amount else ""
        period = f"{value} {amount['unit']}" if amount else "-"  # "____ day": a template blank
        when = ob["date"] or ""
        print(
            f"  [{ob['kind']:<11}] {ob['phrase']!s:<24} {period:<14} {ob['direction']:<6} "
            f"{ob['anchor_type']:<11} {when}  {ob['party'] or ''}"
        )
    return 0
