"""The CSV form of the report: the occurrence rows of the three occurrence sheets, one file.

UTF-8 with a byte-order mark, because Excel (Chinese Windows above all) opens a BOM-less CSV in the ANSI code
page and garbles every Chinese character. A first "Section" column says which sheet a row belongs to; a
row can be in more than one (due this month *and* overdue), exactly as in the workbook.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from obligations.export.labels import Labels

# A text cell starting with one of these is run as a formula when the CSV is opened in Excel (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _text(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value  # Excel shows it as typed; the apostrophe is the conventional escape
    return value


def write_csv(
    path: Path, headers: list[str], sections: Iterable[tuple[str, Iterable[list[Any]]]], labels: Labels
) -> int:
    """Write every (section name, rows) and return the number of data rows."""
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")  # CRLF: what Excel writes, and RFC 4180
        writer.writerow([labels("col.section"), *headers])
        for name, rows in sections:
            for values in rows:
                writer.writerow([name, *(_text(v) for v in values)])
                count += 1
    return count
