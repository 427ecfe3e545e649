"""English contract extraction (placeholder until the pipeline lands)."""

from obligations.model import DocumentFacts, Extraction


def extract_en(text: str) -> Extraction:
    return Extraction(language="en", facts=DocumentFacts(), obligations=[])
