"""From temporal expressions to obligations: each expression goes to the builder for its kind."""

from __future__ import annotations

from obligations.extract.zh.dated import auto_renewals, date_obligation, recurring_obligation, settlement_only
from obligations.extract.zh.document import Document
from obligations.extract.zh.periods import period_obligation
from obligations.extract.zh.temporal import Span
from obligations.model import ExtractedObligation

__all__ = ["Document", "obligations"]


def obligations(doc: Document, spans: list[Span]) -> list[ExtractedObligation]:
    out: list[ExtractedObligation] = []
    for i, span in enumerate(spans):
        sent = doc.sentence_at(span.start)
        if sent is None:
            continue
        ob: ExtractedObligation | None = None
        if span.kind == "period":
            ob = period_obligation(doc, span, sent, spans[max(0, i - 8) : i], spans[i + 1 : i + 2])
        elif span.kind == "date":
            ob = date_obligation(doc, span, sent, spans[i - 1] if i else None)
        elif span.kind == "recurring_day":
            if settlement_only(doc, span, spans[i + 1 : i + 3], sent):
                continue
            ob = recurring_obligation(doc, span, sent)
        if ob is not None:
            out.append(ob)
    extra = auto_renewals(doc, out)
    return sorted([*out, *extra], key=lambda ob: ob.start) if extra else out
