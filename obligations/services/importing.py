"""Importing agreements: read → extract → store, all or nothing per file.

A file is read and extracted before any transaction opens (slow work holds no lock). Then one transaction
stores the contract, the agreement, its proposed obligations and the copied original; if anything fails, none
of it is stored and the copied file is removed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select

from obligations import collector
from obligations.calendars import default_calendar_for, governing_law_clause
from obligations.config import Config, load_config
from obligations.documents import Document, DocumentError, load_document
from obligations.documents.base import MAX_FILE_BYTES, Cancelled
from obligations.errors import KnownError
from obligations.extract import extract
from obligations.model import Extraction, ReviewState
from obligations.paths import documents_dir
from obligations.reminders.leads import default_lead_times
from obligations.services.scheduling import reschedule_obligation
from obligations.store import Database
from obligations.store.tables import Agreement, AgreementRole, Contract, Obligation

ProgressCallback = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


class Outcome(StrEnum):
    IMPORTED = "imported"
    DUPLICATE = "duplicate"
    FAILED = "failed"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class FileResult:
    path: Path
    outcome: Outcome
    message: str
    contract_id: int | None = None
    agreement_id: int | None = None
    obligation_count: int = 0


TITLE_WORDS = re.compile(r"合同|协议|契约|agreement|contract|terms of service|addendum|amendment", re.IGNORECASE)
# Filing and page furniture printed above the real title (SEC exhibits, page numbers, confidentiality legends).
# Text flattened onto one line (SEC filings): "Exhibit 10.5 TRADEMARK LICENSE AGREEMENT This TRADEMARK ...".
CAPITALISED_TITLE = re.compile(
    r"\b((?:(?!(?:AGREEMENT|CONTRACT|THIS|EXHIBIT)\b)[A-Z][A-Z&'-]*\s+){0,6}(?:AGREEMENT|CONTRACT|ADDENDUM|AMENDMENT))\b"
)
SPACED_HAN = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
LABEL_ENDS = (",", ";", ":", "，", "；", "：")  # a sentence or a form label ("合同编号："), not a title
NOT_A_TITLE = re.compile(r"^(source:|exhibit|ex-\d|page\s*\d|\d+$|confidential|execution (copy|version)|\.\.)", re.I)


def default_title(document: Document) -> str:
    """The agreement's own title: the first short line near the top naming an agreement ("房屋租赁合同",
    "MASTER SERVICES AGREEMENT"), else the first short line that is not filing furniture, else the file name."""
    lines = [line.strip() for line in document.text.splitlines()[:60]]
    candidates = [line for line in lines if 2 <= len(line) <= 80 and not NOT_A_TITLE.match(line)]
    for line in candidates:
        # a title names the agreement and is not a sentence: no trailing comma, a handful of words
        for segment in re.split(r"\s{3,}", line):  # "DRAFT 1/12/00        SUPPORT AGREEMENT"
            segment = SPACED_HAN.sub("", segment)  # "技 术 开 发 合 同", spaced out in a printed form
            if TITLE_WORDS.search(segment) and not segment.endswith(LABEL_ENDS) and len(segment.split()) <= 10:
                return segment
    flattened = CAPITALISED_TITLE.search(document.text[:400])
    if flattened:
        return " ".join(flattened.group(1).split())
    plain = [line for line in candidates if not line.endswith(LABEL_ENDS)]
    return plain[0] if plain else document.path.stem


def _stored_copy(document: Document) -> tuple[Path, bool]:
    """Copy the original under its SHA-256, via a temporary name so no partial file is ever left in place.

    Returns the stored path and whether this call created it (so a failed import can remove it again).
    """
    target = documents_dir() / f"{document.sha256}{document.path.suffix.lower()}"
    if target.exists():
        return target, False
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".importing-")
    os.close(fd)
    try:
        shutil.copyfile(document.path, tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target, True


def _obligations_from(extraction: Extraction, *, confirm: bool, config: Config) -> list[Obligation]:
    rows = []
    for found in extraction.obligations:
        row = Obligation(
            party=found.party,
            action=found.action,
            kind=str(found.kind),
            clause=found.clause,
            phrase=found.phrase,
            quote=found.quote,
            span_start=found.start,
            span_end=found.end,
            confidence=found.confidence,
            review_state=ReviewState.CONFIRMED if confirm else ReviewState.PROPOSED,
            lead_times=default_lead_times(str(found.kind), config),
            # A new obligation has neither: said here, scheduling does not ask the database for them (a query each)
            occurrences=[],
            events=[],
        )
        row.set_rule(found.rule)
        rows.append(row)
    return rows


def find_duplicate(db: Database, sha256: str) -> tuple[int, int] | None:
    """(agreement id, contract id) of an agreement already imported from the same bytes."""
    with db.reader() as session:
        row = session.execute(select(Agreement.id, Agreement.contract_id).where(Agreement.sha256 == sha256)).first()
        return (row[0], row[1]) if row else None


def already_imported(db: Database, path: Path) -> FileResult | None:
    """The file's very bytes were imported before: found from a hash of the file, before it is read as an agreement.

    Dropping last week's folder again then costs a hash a file, not each PDF's reading and each scan's OCR (seconds
    a page) only to be told it is a duplicate. A file that cannot be opened is left to the reading to explain.
    """
    try:
        if not path.is_file() or path.stat().st_size > MAX_FILE_BYTES:
            return None  # a folder, a pipe (opening one would wait for a writer), a file past the limit
        with path.open("rb") as fh:
            sha256 = hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return None
    duplicate = find_duplicate(db, sha256)
    return None if duplicate is None else _duplicate_result(path, *duplicate)


def _duplicate_result(path: Path, agreement_id: int, contract_id: int) -> FileResult:
    return FileResult(
        path,
        Outcome.DUPLICATE,
        f"already imported as agreement {agreement_id} of contract {contract_id}",
        contract_id,
        agreement_id,
    )


def import_document(
    db: Database,
    document: Document,
    *,
    supplement_to: int | None = None,
    confirm_all: bool = False,
    today: dt.date | None = None,
) -> FileResult:
    """Store one read document as a new contract (or a supplementary agreement of `supplement_to`)."""
    with collector.paused():  # finding and storing its obligations: many objects, no cycles to free
        return _import_document(db, document, supplement_to=supplement_to, confirm_all=confirm_all, today=today)


def _import_document(
    db: Database, document: Document, *, supplement_to: int | None, confirm_all: bool, today: dt.date | None
) -> FileResult:
    duplicate = find_duplicate(db, document.sha256)
    if duplicate is not None:
        return _duplicate_result(document.path, *duplicate)
    extraction = extract(document.text)
    config = load_config()  # read once per file, not once per obligation
    title = default_title(document)  # the contract's and the agreement's: worked out once
    stored, created_file = _stored_copy(document)
    try:
        with db.transaction() as session:
            if supplement_to is None:
                facts = extraction.facts
                contract = Contract(
                    title=title,
                    language=extraction.language,
                    signing_date=facts.signing_date,
                    effective_date=facts.effective_date,
                    expiry_date=facts.expiry_date,
                    term=facts.term,
                    calendar=default_calendar_for(
                        extraction.language,
                        governing_law_clause(document.text),
                        fallback=config.default_calendar,
                    ),
                )
                session.add(contract)
                role = AgreementRole.BASE
            else:
                found = session.get(Contract, supplement_to)
                if found is None:
                    raise KnownError(f"no contract with id {supplement_to}")
                contract = found
                role = AgreementRole.SUPPLEMENTARY
            agreement = Agreement(
                contract=contract,
                role=role,
                title=title,
                signing_date=extraction.facts.signing_date,
                effective_date=extraction.facts.effective_date,
                original_name=document.path.name,
                stored_name=stored.name,
                file_kind=document.kind,
                sha256=document.sha256,
                text=document.text,
                page_starts=list(document.page_starts),
                page_confidence=list(document.ocr_confidence),
            )
            session.add(agreement)
            rows = _obligations_from(extraction, confirm=confirm_all, config=config)
            for row in rows:
                row.contract = contract
                row.agreement = agreement
                session.add(row)
            session.flush()
            for row in rows:
                reschedule_obligation(session, row, today=today)
            result = FileResult(
                document.path,
                Outcome.IMPORTED,
                f"{len(rows)} obligation(s) {'confirmed' if confirm_all else 'proposed for review'}",
                contract.id,
                agreement.id,
                len(rows),
            )
    except BaseException:
        if created_file:
            stored.unlink(missing_ok=True)
        raise
    return result


def import_files(
    db: Database,
    paths: Iterable[Path],
    *,
    supplement_to: int | None = None,
    confirm_all: bool = False,
    today: dt.date | None = None,
    on_file: Callable[[int, int, Path], None] | None = None,
    on_page: Callable[[int, int, int], None] | None = None,
    should_cancel: CancelCheck | None = None,
) -> list[FileResult]:
    """Import each file on its own: one file's failure never stops or partly stores another.

    `on_file(index, count, path)` before each file; `on_page(index, done, pages)` while a PDF or scan is read;
    `should_cancel()` is polled between files and pages — a cancelled file stores nothing.
    """
    paths = list(paths)
    results: list[FileResult] = []
    for index, path in enumerate(paths):
        if should_cancel is not None and should_cancel():
            results.extend(FileResult(p, Outcome.CANCELLED, "cancelled") for p in paths[index:])
            break
        if on_file is not None:
            on_file(index, len(paths), path)
        pages = None if on_page is None else (lambda done, total, i=index: on_page(i, done, total))
        seen = already_imported(db, path)
        if seen is not None:
            results.append(seen)
            continue
        try:
            document = load_document(path, progress=pages, should_cancel=should_cancel)
            results.append(
                import_document(db, document, supplement_to=supplement_to, confirm_all=confirm_all, today=today)
            )
        except Cancelled:
            results.extend(FileResult(p, Outcome.CANCELLED, "cancelled") for p in paths[index:])
            break
        except (DocumentError, KnownError) as exc:
            results.append(FileResult(path, Outcome.FAILED, str(exc)))
    return results
