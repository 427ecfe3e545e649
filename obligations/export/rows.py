"""From stored rows to report rows: state, days left, readable obligation and explanation, masked text.

Shared by the workbook and the CSV, so both say exactly the same thing.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable
from typing import Any

from obligations.export.labels import Labels
from obligations.export.masking import mask_personal_data
from obligations.export.period import SOON_DAYS
from obligations.export.queries import OccurrenceRow
from obligations.model import OccurrenceStatus

# What Excel will hold in one cell; longer text is cut with a visible mark rather than refused.
CELL_LIMIT = 32_767
# Control characters are not allowed in XML 1.0 (PDF text brings form feeds, Word text vertical tabs).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def clean(text: str | None) -> str | None:
    if text is None:
        return None
    text = _CONTROL.sub(" ", text)
    if len(text) > CELL_LIMIT:
        text = text[: CELL_LIMIT - 1] + "…"
    return text


def state_of(status: str, due: dt.date, today: dt.date) -> str:
    """The state key the report shows: done/waived as recorded; open ones by how close they are."""
    if status == OccurrenceStatus.DONE:
        return "done"
    if status == OccurrenceStatus.WAIVED:
        return "waived"
    if due < today:
        return "overdue"
    if (due - today).days <= SOON_DAYS:
        return "due_soon"
    return "open"


def obligation_text(party: str | None, action: str | None, phrase: str | None, labels: Labels) -> str:
    """ "乙方：支付合同价款", or the phrase the extractor found when party/action are missing."""
    if party and action:
        return f"{party}{labels.separator}{action}"
    return action or phrase or party or ""


def explanation_text(steps: Iterable[Any] | None, lang: str, *, provisional: bool = False) -> str:
    """The due-date engine's steps, one per line: each a string or a {"text", "text_zh"} dict.

    Which calendar data was used ("日历 CN 2026年：官方数据…") is left out unless the date is provisional: then
    the line saying so is the one a manager must see.
    """
    lines = []
    for step in steps or ():
        if isinstance(step, dict):
            if step.get("kind") == "calendar" and not provisional:
                continue
            text = step.get("text_zh") if lang == "zh" else None
            text = text or step.get("text") or step.get("text_zh")
        else:
            text = getattr(step, "text_zh", None) if lang == "zh" else None
            text = text or getattr(step, "text", None) or str(step)
        if text:
            lines.append(str(text))
    return "\n".join(lines)


Masker = Callable[[str | None], str | None]


def masker(include_personal_data: bool) -> Masker:
    """The masking to apply; cached per export, because an obligation's quote repeats on every occurrence and
    on up to three sheets (bounded: memory stays flat however many rows)."""
    if include_personal_data:
        return lambda text: text
    return functools.lru_cache(maxsize=4096)(mask_personal_data)


# Columns of the three occurrence sheets and the CSV, in order: (label key, kind) — kind drives cell styling.
OCCURRENCE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("col.due", "date"),
    ("col.days_left", "int"),
    ("col.state", "state"),
    ("col.contract", "name"),
    ("col.counterparty", "name"),
    ("col.obligation", "wrap"),
    ("col.kind", "short"),
    ("col.clause", "short"),
    ("col.owner", "short"),
    ("col.quote", "long"),
    ("col.explanation", "long"),
    ("col.note", "note"),
)
STATE_COLUMN = 2  # zero-based index of col.state: the conditional fills test it


def occurrence_values(row: OccurrenceRow, today: dt.date, labels: Labels, mask: Masker) -> list[Any]:
    """One occurrence as the report shows it, in OCCURRENCE_COLUMNS order."""
    return [
        row.due_date,
        (row.due_date - today).days,
        labels.state(state_of(row.status, row.due_date, today)),
        clean(row.contract_title),
        clean(row.counterparty),
        clean(obligation_text(row.party, row.action, row.phrase, labels)),
        labels.kind(row.kind),
        clean(row.clause),
        clean(row.owner),
        clean(mask(row.quote)),
        clean(explanation_text(row.explanation, labels.lang, provisional=bool(row.provisional))),
        clean(mask(row.note)),
    ]
