"""Extraction of dated obligations from contract text (Chinese and English).

PLACEHOLDER until the pipeline lands: returns no obligations.
"""

from __future__ import annotations

from obligations.model import DocumentFacts, Extraction


def extract(text: str) -> Extraction:
    language = "zh" if sum("\u4e00" <= ch <= "\u9fff" for ch in text[:4000]) > 20 else "en"
    return Extraction(language=language, facts=DocumentFacts(), obligations=[])
