"""Chinese contract extraction (placeholder until the pipeline lands)."""

from obligations.model import DocumentFacts, Extraction


def extract_zh(text: str) -> Extraction:
    return Extraction(language="zh", facts=DocumentFacts(), obligations=[])
