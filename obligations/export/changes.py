"""The "Changes this month" sheet: new contracts, supplementary agreements and what they changed, and the
obligations completed, waived or reopened (from the audit trail), in date order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

from sqlalchemy.orm import Session

from obligations.export import queries
from obligations.export.labels import Labels
from obligations.export.period import EVERYTHING, ReportPeriod, Scope, local_time
from obligations.export.rows import Masker, clean, obligation_text
from obligations.export.sheets import Column, display_width
from obligations.model import OccurrenceStatus
from obligations.store.tables import Obligation


class ChangeRow(NamedTuple):
    day: dt.date | None
    change: str  # a "change.*" label key; the fills key on the done/waived ones
    contract: str | None
    counterparty: str | None
    details: str | None
    by: str | None
    note: str | None


def columns(labels: Labels) -> list[Column]:
    return [
        Column(labels("col.date"), "date"),
        Column(labels("col.change"), "state", width=_widest(labels(key) for key in CHANGE_KINDS)),
        Column(labels("col.contract"), "name"),
        Column(labels("col.counterparty"), "name"),
        Column(labels("col.details"), "long"),
        Column(labels("col.by"), "short", width=12),
        Column(labels("col.note"), "wrap", width=30),
    ]


CHANGE_KINDS = (
    "change.contract",
    "change.supplement",
    "change.fact",
    "change.added",
    "change.replaced",
    "change.ended",
    "change.done",
    "change.waived",
    "change.reopened",
)


def _widest(texts: Iterable[str]) -> float:
    return max(display_width(text) for text in texts) + 1


def change_rows(session: Session, period: ReportPeriod, labels: Labels, mask: Masker) -> list[ChangeRow]:
    """Every change of the month, by date. Bounded by what people did in a month, so held in memory."""
    start, end = period.utc_bounds()
    rows: list[ChangeRow] = []
    for created, title, counterparty, expiry in queries.new_contracts(session, start, end, period.scope):
        detail = f"{labels('col.expiry')} {expiry.isoformat()}" if expiry else None
        rows.append(ChangeRow(_day(created), "change.contract", title, counterparty, detail, None, None))
    rows.extend(_supplement_rows(session, period, labels))
    rows.extend(_status_rows(session, start, end, labels, mask, period.scope))
    rows.sort(key=lambda r: (r.day or dt.date.min, r.contract or ""))
    return rows


def _day(value: dt.datetime | None) -> dt.date | None:
    local = local_time(value)
    return local.date() if local else None


def _supplement_rows(session: Session, period: ReportPeriod, labels: Labels) -> Iterator[ChangeRow]:
    start, end = period.utc_bounds()
    found = queries.supplements(session, start, end, (period.month, period.month_end), period.scope)
    touched = queries.obligations_touched_by(session, [agreement.id for agreement, _t, _c in found])
    replacement = {ob.supersedes_id: ob for ob in touched if ob.supersedes_id is not None}
    for agreement, title, counterparty in found:
        day = agreement.effective_date or _day(agreement.created_at)
        effective = agreement.effective_date.isoformat() if agreement.effective_date else "?"
        details = [
            (
                "change.supplement",
                f"{agreement.title}{labels.list_separator}{labels('change.effective', date=effective)}",
            )
        ]
        for fact, (before, after) in sorted((agreement.fact_changes or {}).items()):
            details.append(("change.fact", f"{labels.fact(fact)}: {before or '—'} → {after or '—'}"))
        for ob in touched:
            if ob.ended_by_agreement_id == agreement.id:
                new = replacement.get(ob.id)
                if new is not None and new.agreement_id == agreement.id:
                    how = labels("change.replaced_by", title=agreement.title, date=effective)
                    details.append(
                        (
                            "change.replaced",
                            f"{_describe(ob, labels)}\n{labels('change.now', text=_describe(new, labels))}\n{how}",
                        )
                    )
                else:
                    how = labels("change.ended_by", title=agreement.title, date=effective)
                    details.append(("change.ended", f"{_describe(ob, labels)}\n{how}"))
            elif ob.agreement_id == agreement.id and ob.supersedes_id is None:
                how = labels("change.added_by", title=agreement.title)
                details.append(("change.added", f"{_describe(ob, labels)}\n{how}"))
        for change, text in details:
            yield ChangeRow(day, change, title, counterparty, text, None, None)


def rule_text(ob: Obligation, labels: Labels) -> str:
    """The due rule in a few words: "2026-11-18前", "到期日前30日", "within 15 days after receipt of invoice"."""
    if ob.direction == "by":
        return labels("rule.by", date=ob.fixed_date.isoformat() if ob.fixed_date else "?")
    anchor = ob.anchor_label or labels.anchor(ob.anchor_type)
    n = f"{ob.amount_value:g}" if ob.amount_value is not None else "?"
    unit = labels.unit(ob.amount_unit or "")
    return labels("rule.before" if ob.direction == "before" else "rule.after", anchor=anchor, n=n, unit=unit)


def _describe(ob: Obligation, labels: Labels) -> str:
    """ "[5.1] 乙方：提交月度服务报告（报告，2026-11-20前）" """
    text = obligation_text(ob.party, ob.action, ob.phrase, labels)
    clause = f"[{ob.clause}] " if ob.clause else ""
    how = f"{labels.kind(ob.kind)}, {rule_text(ob, labels)}"
    return f"{clause}{text}（{how.replace(', ', '，')}）" if labels.lang == "zh" else f"{clause}{text} ({how})"


_STATUS_CHANGE = {
    OccurrenceStatus.DONE.value: "change.done",
    OccurrenceStatus.WAIVED.value: "change.waived",
    OccurrenceStatus.OPEN.value: "change.reopened",
}


def _status_rows(
    session: Session, start: dt.datetime, end: dt.datetime, labels: Labels, mask: Masker, scope: Scope = EVERYTHING
) -> Iterator[ChangeRow]:
    for event in queries.status_events(session, start, end, scope):
        key = _STATUS_CHANGE.get(event.after.get("status"))
        if key is None:
            continue
        text = obligation_text(event.party, event.action, event.phrase, labels)
        if event.due_date is not None:
            text = f"{text}\n{labels('change.due', date=event.due_date.isoformat())}"
        note = event.after.get("note", event.note if key != "change.reopened" else None)
        yield ChangeRow(_day(event.at), key, event.title, event.counterparty, text, event.actor, mask(note))


def change_values(row: ChangeRow, labels: Labels) -> list[Any]:
    return [
        row.day,
        labels(row.change),
        clean(row.contract),
        clean(row.counterparty),
        clean(row.details),
        clean(row.by),
        clean(row.note),
    ]
