"""Importing through the service: the same agreement as TXT, DOCX and PDF, page progress, cancel, supplements."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docgen import write_docx, write_text_pdf
from sqlalchemy import event, func, select

from obligations.extract import extract
from obligations.services.importing import Outcome, import_files
from obligations.store.tables import Agreement, Contract, Obligation


def sample_text(corpus: Path) -> str:
    return (corpus / "zh" / "zh-telecom-00.txt").read_text(encoding="utf-8")


def obligation_signature(text: str) -> list[tuple]:
    found = extract(text).obligations
    return sorted(
        (
            o.phrase,
            o.rule.period.value if o.rule.period else None,
            str(o.rule.period.unit) if o.rule.period else None,
            str(o.rule.direction),
            str(o.rule.anchor_type),
        )
        for o in found
    )


def test_the_same_agreement_as_docx_and_pdf_yields_the_same_obligations(qapp, corpus, tmp_path):
    text = sample_text(corpus)
    lines = text.splitlines()
    docx = write_docx(tmp_path / "agreement.docx", lines, table=slice(0, 0))
    pdf = write_text_pdf(tmp_path / "agreement.pdf", lines)
    from obligations.documents import load_document

    expected = obligation_signature(load_document(corpus / "zh" / "zh-telecom-00.txt").text)
    assert len(expected) >= 5
    assert obligation_signature(load_document(docx).text) == expected
    assert obligation_signature(load_document(pdf).text) == expected


def test_page_progress_and_cancel_between_files(qapp, corpus, db, tmp_path):
    pdf = write_text_pdf(tmp_path / "agreement.pdf", sample_text(corpus).splitlines())
    second = tmp_path / "second.txt"
    shutil.copyfile(corpus / "zh" / "zh-lease-01.txt", second)
    pages: list[tuple[int, int, int]] = []
    files: list[int] = []
    results = import_files(
        db,
        [pdf, second],
        on_file=lambda index, count, path: files.append(index),
        on_page=lambda index, done, total: pages.append((index, done, total)),
        should_cancel=lambda: len(files) >= 1 and bool(pages) and pages[-1][1] == pages[-1][2],
    )
    assert [r.outcome for r in results] == [Outcome.IMPORTED, Outcome.CANCELLED]
    assert pages[-1][1] == pages[-1][2] > 1  # every page of the PDF reported
    with db.reader() as session:
        assert session.scalar(select(func.count()).select_from(Contract)) == 1


def test_cancelling_inside_a_file_stores_nothing_of_it(qapp, corpus, db, tmp_path):
    pdf = write_text_pdf(tmp_path / "agreement.pdf", sample_text(corpus).splitlines())
    pages: list[int] = []
    results = import_files(
        db, [pdf], on_page=lambda index, done, total: pages.append(done), should_cancel=lambda: len(pages) >= 1
    )
    assert [r.outcome for r in results] == [Outcome.CANCELLED]
    with db.reader() as session:
        assert session.scalar(select(func.count()).select_from(Agreement)) == 0


def test_a_supplementary_agreement_file_joins_its_contract(corpus, db, tmp_path):
    base = import_files(db, [corpus / "zh" / "zh-lease-01.txt"])[0]
    supplement = import_files(db, [corpus / "zh" / "zh-supplement-28.txt"], supplement_to=base.contract_id)[0]
    assert supplement.outcome == Outcome.IMPORTED and supplement.contract_id == base.contract_id
    with db.reader() as session:
        roles = session.scalars(select(Agreement.role).order_by(Agreement.id)).all()
        assert roles == ["base", "supplementary"]
        assert session.scalar(select(func.count()).select_from(Obligation)) == base.obligation_count + (
            supplement.obligation_count
        )


@pytest.mark.parametrize("confirm_all", [False, True])
def test_scheduling_new_obligations_asks_nothing_about_them(corpus, db, confirm_all):
    """A new obligation has no occurrences or recorded events: dating it must not query for them (it did, one
    or two queries per obligation)."""
    statements: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        statements.append(" ".join(statement.split()))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        result = import_files(db, [corpus / "zh" / "zh-lease-01.txt"], confirm_all=confirm_all)[0]
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    assert result.outcome == Outcome.IMPORTED and result.obligation_count >= 5
    lookups = [
        s for s in statements if s.startswith("SELECT") and ("FROM occurrence" in s or "FROM trigger_event" in s)
    ]
    assert lookups == []


def test_supplement_to_an_unknown_contract_fails_cleanly(corpus, db):
    result = import_files(db, [corpus / "zh" / "zh-supplement-28.txt"], supplement_to=999)[0]
    assert result.outcome == Outcome.FAILED and "999" in result.message
    with db.reader() as session:
        assert session.scalar(select(func.count()).select_from(Agreement)) == 0


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig", "utf-16"])
def test_chinese_windows_encodings_import(corpus, db, tmp_path, encoding):
    path = tmp_path / f"合同 {encoding}.txt"
    path.write_bytes(sample_text(corpus).replace("\n", "\r\n").encode(encoding))
    result = import_files(db, [path])[0]
    assert result.outcome == Outcome.IMPORTED and result.obligation_count >= 5


@pytest.mark.parametrize(
    ("name", "calendar"),
    [
        ("en/en-supply-01.txt", "CN"),  # English, governed by the law of the People's Republic of China
        ("en/en-hosting-02.txt", "US"),  # governed by the laws of the state of New York
        ("zh/zh-lease-01.txt", "CN"),  # Chinese, no other law named
    ],
)
def test_a_new_contract_counts_on_the_calendar_of_its_governing_law(corpus, db, name, calendar):
    result = import_files(db, [corpus / name])[0]
    with db.reader() as session:
        assert session.get(Contract, result.contract_id).calendar == calendar


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("en/en-license-02.txt", "TRADEMARK LICENSE AGREEMENT"),  # SEC text flattened onto one line after "Exhibit"
        ("en/en-maintenance-02.txt", "SUPPORT AND MAINTENANCE AGREEMENT"),  # a draft legend on the same line
        ("zh/zh-lease-01.txt", "房屋租赁合同"),
        ("zh/zh-techdev-01.txt", "技术开发合同"),  # a printed form: "合同登记编号：" above "技 术 开 发 合 同"
    ],
)
def test_a_contract_is_named_after_its_own_title(corpus, name, title):
    from obligations.documents import load_document
    from obligations.services.importing import default_title

    assert default_title(load_document(corpus / name)) == title


def test_a_file_imported_before_is_a_duplicate_without_being_read(corpus, db, tmp_path, monkeypatch):
    from obligations.services import importing

    first = tmp_path / "租赁合同.txt"
    shutil.copyfile(corpus / "zh" / "zh-lease-01.txt", first)
    again = tmp_path / "copy of it.txt"  # the same bytes under another name
    shutil.copyfile(first, again)
    [imported] = import_files(db, [first])
    assert imported.outcome == Outcome.IMPORTED

    def no_reading(path, **_options):
        raise AssertionError(f"{path} was read")

    monkeypatch.setattr(importing, "load_document", no_reading)
    [duplicate] = import_files(db, [again])
    assert duplicate.outcome == Outcome.DUPLICATE
    assert (duplicate.agreement_id, duplicate.contract_id) == (imported.agreement_id, imported.contract_id)
    assert f"agreement {imported.agreement_id} of contract {imported.contract_id}" in duplicate.message
    monkeypatch.undo()
    [missing] = import_files(db, [tmp_path / "gone.txt"])  # no hash to take: the reading says what is wrong
    assert missing.outcome == Outcome.FAILED and "not found" in missing.message


def test_no_hash_taken_of_what_the_reading_refuses(corpus, db, tmp_path, monkeypatch):
    """A pipe (opening it would wait for a writer) or a file past the size limit is refused by the reading at once,
    as before: the duplicate check does not open it first."""
    import hashlib
    import os
    import threading

    from obligations.services import importing

    hashed: list[object] = []
    digest = hashlib.file_digest
    monkeypatch.setattr(hashlib, "file_digest", lambda fh, name: hashed.append(fh) or digest(fh, name))
    large = tmp_path / "large.txt"
    shutil.copyfile(corpus / "zh" / "zh-lease-01.txt", large)
    monkeypatch.setattr(importing, "MAX_FILE_BYTES", 10)  # the check's limit only: the reading keeps its own
    [result] = import_files(db, [large])
    assert result.outcome == Outcome.IMPORTED and hashed == []
    if hasattr(os, "mkfifo"):
        pipe = tmp_path / "pipe.txt"
        os.mkfifo(pipe)
        results: list[object] = []
        worker = threading.Thread(target=lambda: results.extend(import_files(db, [pipe])), daemon=True)
        worker.start()
        worker.join(10)
        assert not worker.is_alive(), "the import waited on the pipe"
        assert [r.outcome for r in results] == [Outcome.FAILED] and hashed == []
