"""`export_month`: the monthly report as an Excel workbook (or the occurrence rows as CSV).

Called by `tickler export` and by the app's File → Export dialog; no Qt here. Reads in one read-only session,
streams occurrences straight into openpyxl's write-only sheets, and writes through a temporary file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import locale
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.packaging.custom import BoolProperty, StringProperty
from sqlalchemy.orm import Session

from obligations.errors import KnownError
from obligations.export import queries
from obligations.export.atomic import replacing
from obligations.export.changes import change_rows, change_values
from obligations.export.changes import columns as change_columns
from obligations.export.csvfile import write_csv
from obligations.export.labels import KIND, LANGUAGES, STATE, Labels
from obligations.export.period import EVERYTHING, ReportPeriod, Scope, parse_month
from obligations.export.rows import OCCURRENCE_COLUMNS, STATE_COLUMN, Masker, clean, masker, occurrence_values
from obligations.export.sheets import AMBER, GREEN, GREY, RED, Column, Highlight, TableSheet, display_width
from obligations.export.summary import SummaryData, write_summary
from obligations.store import Database
from obligations.store.tables import Obligation

FORMATS = ("xlsx", "csv")
OCCURRENCE_SHEETS = ("month", "overdue", "next90")


@dataclass(frozen=True)
class ExportResult:
    path: Path
    fmt: str
    lang: str
    rows: dict[str, int] = field(default_factory=dict)  # data rows per sheet ("month", "overdue", ...)


def choose_language(session: Session) -> str:
    """The language most contracts are in; with none, the computer's locale; Chinese unless clearly English."""
    counts = queries.languages(session)
    if counts:
        return "en" if counts.get("en", 0) > counts.get("zh", 0) else "zh"
    name = locale.getlocale()[0] or ""
    return "en" if name.lower().startswith("en") else "zh"


def export_month(
    db: Database,
    month: str | dt.date,
    path: str | Path,
    *,
    today: dt.date,
    lang: str | None = None,
    include_personal_data: bool = False,
    fmt: str = "xlsx",
    generated_at: dt.datetime | None = None,
    scope: Scope = EVERYTHING,
) -> ExportResult:
    """Write the report for `month` ("YYYY-MM" or any day in it), as of `today`, to `path`.

    Personal data in quotes and notes is masked unless `include_personal_data`. `lang` None picks the
    contracts' language. An interrupted export leaves nothing under `path` (and an existing file untouched).
    """
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, not {fmt!r}")
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, not {lang!r}")
    first = parse_month(month) if isinstance(month, str) else month.replace(day=1)
    generated = generated_at or dt.datetime.now().replace(microsecond=0)
    period = ReportPeriod(first, today, generated, scope)
    path = Path(path)
    with db.reader() as session:
        labels = Labels(lang or choose_language(session))
        mask = masker(include_personal_data)
        try:
            with replacing(path) as temporary:
                if fmt == "csv":
                    rows = _write_csv(session, temporary, period, labels, mask)
                else:
                    rows = _write_workbook(session, temporary, period, labels, mask, masked=not include_personal_data)
        except OSError as exc:  # full disk, no permission: the environment's fault, said plainly
            raise KnownError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return ExportResult(path, fmt, labels.lang, rows)


def _occurrence_sections(
    session: Session, period: ReportPeriod
) -> Iterator[tuple[str, Iterator[queries.OccurrenceRow]]]:
    yield "month", queries.due_between(session, period.month, period.month_end, period.scope)
    yield "overdue", queries.overdue(session, period.today, period.scope)
    yield "next90", queries.due_between(session, period.today, period.next_end, period.scope)


def _write_csv(session: Session, path: Path, period: ReportPeriod, labels: Labels, mask: Masker) -> dict[str, int]:
    headers = [labels(key) for key, _kind in OCCURRENCE_COLUMNS]
    counts: dict[str, int] = {}

    def rows(key: str, source: Iterator[queries.OccurrenceRow]) -> Iterator[list[Any]]:
        counts[key] = 0
        for row in source:
            counts[key] += 1
            yield occurrence_values(row, period.today, labels, mask)

    sections = ((labels(f"sheet.{key}"), rows(key, source)) for key, source in _occurrence_sections(session, period))
    write_csv(path, headers, sections, labels)
    return counts


def _name_width(values: list[str | None]) -> float:
    """A column wide enough for most names (CJK counted double) on one line, between 12 and 24 characters:
    longer ones wrap rather than push the table off the printed page."""
    widths = sorted(display_width(v) for v in values if v)
    if not widths:
        return 12
    typical = widths[int(len(widths) * 0.9)] if len(widths) > 10 else widths[-1]
    return max(12, min(typical + 1, 24))


def _write_workbook(
    session: Session, path: Path, period: ReportPeriod, labels: Labels, mask: Masker, *, masked: bool
) -> dict[str, int]:
    wb = Workbook(write_only=True)
    try:
        return _fill_workbook(wb, session, path, period, labels, mask, masked=masked)
    except BaseException:
        _discard(wb)
        raise


def _discard(wb: Workbook) -> None:
    """Close an abandoned write-only workbook's sheets and delete their temporary files, which would otherwise
    sit in %TEMP% until the app exits (and raise from the garbage collector). openpyxl has no public call."""
    for ws in wb.worksheets:
        # The error that got us here is the one to report; a second one while tidying up would only hide it.
        with contextlib.suppress(Exception):
            if not ws.closed:
                ws.close()
            if ws._writer is not None:
                ws._writer.cleanup()


def _fill_workbook(
    wb: Workbook, session: Session, path: Path, period: ReportPeriod, labels: Labels, mask: Masker, *, masked: bool
) -> dict[str, int]:
    contracts = queries.contracts(session, period.today, period.scope)
    title_width = _name_width([c.title for c in contracts])
    party_width = _name_width([c.counterparty for c in contracts])
    names = {key: labels(f"sheet.{key}") for key in ("summary", *OCCURRENCE_SHEETS, "contracts", "changes")}
    report_title = f"{labels('title')} {period.label}"
    _set_properties(wb, period, labels, report_title, masked=masked)

    summary = _summary_data(session, period, {c.contract_id: (c.title, c.counterparty) for c in contracts})
    write_summary(wb.create_sheet(names["summary"]), summary, period, labels, masked=masked, sheet_names=names)

    counts: dict[str, int] = {}
    widths = {
        "col.contract": title_width,
        "col.counterparty": party_width,
        "col.state": labels.widest(STATE) + 1,
        "col.kind": labels.widest(KIND) + 1,
    }
    columns = [Column(labels(key), kind, widths.get(key)) for key, kind in OCCURRENCE_COLUMNS]
    state_col = chr(ord("A") + STATE_COLUMN)
    fills = [
        Highlight(f'${state_col}2="{labels.state(s)}"', color)
        for s, color in (("overdue", RED), ("due_soon", AMBER), ("done", GREEN), ("waived", GREY))
    ]
    for key, source in _occurrence_sections(session, period):
        table = TableSheet(
            wb.create_sheet(names[key]), columns, lang=labels.lang, title=f"{report_title} — {names[key]}"
        )
        for row in source:
            table.append(occurrence_values(row, period.today, labels, mask))
        table.finish(fills)
        counts[key] = table.rows

    counts["contracts"] = _contracts_sheet(
        wb, names["contracts"], contracts, period, labels, report_title, (title_width, party_width)
    )

    table = TableSheet(
        wb.create_sheet(names["changes"]),
        change_columns(labels),
        lang=labels.lang,
        title=f"{report_title} — {names['changes']}",
    )
    table.extend(change_values(row, labels) for row in change_rows(session, period, labels, mask))
    table.finish(
        [Highlight(f'$B2="{labels("change.done")}"', GREEN), Highlight(f'$B2="{labels("change.waived")}"', GREY)]
    )
    counts["changes"] = table.rows

    wb.save(path)
    return counts


def _summary_data(session: Session, period: ReportPeriod, names: dict[int, tuple[str, str | None]]) -> SummaryData:
    month = (period.month, period.month_end)
    scope = period.scope
    soon = period.soon_end + dt.timedelta(days=1)
    return SummaryData(
        day_counts=queries.month_by_day(session, *month, scope),
        overdue=queries.count_open_between(session, None, period.today, scope),
        due_soon=queries.count_open_between(session, period.today, soon, scope),
        awaiting_review=queries.awaiting_review(session, scope),
        by_contract=queries.counts_by(session, Obligation.contract_id, month, period.today, period.next_end, scope),
        contract_names=names,
        by_owner=queries.counts_by(session, Obligation.owner, month, period.today, period.next_end, scope),
        horizon=queries.horizon(session, period.today, period.horizon_end, scope),
    )


def _contracts_sheet(
    wb: Workbook,
    name: str,
    contracts: list[queries.ContractRow],
    period: ReportPeriod,
    labels: Labels,
    report_title: str,
    widths: tuple[float, float],
) -> int:
    keys = (
        ("col.contract", "name", widths[0]),
        ("col.counterparty", "name", widths[1]),
        ("col.signing", "date", None),
        ("col.effective", "date", None),
        ("col.expiry", "date", None),
        ("col.terminated", "date", None),
        ("col.term", "short", 14),
        ("col.calendar", "short", 9),
        ("col.supplements", "int", None),
        ("col.open", "int", None),
        ("col.overdue", "int", None),
        ("col.next_deadline", "date", None),
    )
    table = TableSheet(
        wb.create_sheet(name),
        [Column(labels(k), kind, w) for k, kind, w in keys],
        lang=labels.lang,
        title=f"{report_title} — {name}",
    )
    for c in contracts:
        table.append(
            [
                clean(c.title),
                clean(c.counterparty),
                c.signing_date,
                c.effective_date,
                c.expiry_date,
                c.termination_date,
                clean(c.term),
                clean(c.calendar),
                c.supplements,
                c.open,
                c.overdue,
                c.next_due,
            ]
        )
    today, soon = period.today, period.soon_end
    table.finish(
        [
            Highlight("$K2>0", RED, ("A", "K")),  # something overdue: the name and the count
            Highlight(
                f"AND(ISNUMBER($L2),$L2<=DATE({soon.year},{soon.month},{soon.day}))", AMBER, ("L",)
            ),  # next deadline within 7 days
            Highlight(
                f"OR(AND(ISNUMBER($E2),$E2<DATE({today.year},{today.month},{today.day})),ISNUMBER($F2))", GREY
            ),  # expired or ended
        ]
    )
    return table.rows


def _set_properties(wb: Workbook, period: ReportPeriod, labels: Labels, title: str, *, masked: bool) -> None:
    props = wb.properties
    props.title = title
    props.subject = period.label
    props.creator = "Tickler"
    props.created = props.modified = period.generated_at.astimezone(dt.UTC).replace(tzinfo=None)
    props.description = labels(
        "subtitle",
        period=period.label,
        today=period.today.isoformat(),
        generated=f"{period.generated_at:%Y-%m-%d %H:%M}",
    )
    props.keywords = f"Tickler; {period.label}"
    props.language = "zh-CN" if labels.lang == "zh" else "en"
    wb.custom_doc_props.append(StringProperty(name="Period", value=period.label))
    wb.custom_doc_props.append(StringProperty(name="AsOf", value=period.today.isoformat()))
    wb.custom_doc_props.append(
        StringProperty(name="GeneratedAt", value=period.generated_at.isoformat(timespec="seconds"))
    )
    wb.custom_doc_props.append(BoolProperty(name="PersonalDataMasked", value=masked))
