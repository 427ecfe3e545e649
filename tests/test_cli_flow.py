"""The command line end to end on a fresh database: import → list → remind → export, and bad files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from obligations.cli import main
from obligations.store import open_database
from obligations.store.tables import Agreement, AuditEvent, Contract, Obligation


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def sample(corpus: Path, tmp_path: Path) -> Path:
    target = tmp_path / "电话服务协议 sample.txt"  # Chinese characters and spaces in the name
    shutil.copyfile(corpus / "zh" / "zh-telecom-00.txt", target)
    return target


def counts(url: str) -> tuple[int, ...]:
    db = open_database(url)
    with db.reader() as session:
        result = tuple(
            session.scalar(select(func.count()).select_from(table))
            for table in (Contract, Agreement, Obligation, AuditEvent)
        )
    db.dispose()
    return result


def test_import_list_remind_export_on_a_fresh_database(capsys, sample, tmp_path, db_url):
    code, out, err = run(capsys, "import", str(sample), "--confirm-all", "--db", db_url)
    assert code == 0, err
    assert "imported" in out and "contract 1" in out

    code, out, _ = run(capsys, "list", "--json", "--db", db_url)
    listed = json.loads(out)
    assert code == 0 and len(listed) >= 5
    assert {row["state"] for row in listed} == {"confirmed"}
    assert any(row["phrase"] == "2小时内" for row in listed)

    code, out, _ = run(capsys, "remind", "--today", "2026-03-02", "--json", "--db", db_url)
    assert code == 0
    assert json.loads(out)["today"] == "2026-03-02"

    report = tmp_path / "report.xlsx"
    code, out, err = run(capsys, "export", "--month", "2026-03", "-o", str(report), "--db", db_url)
    assert code == 0, err
    assert report.stat().st_size > 0

    code, out, _ = run(capsys, "import", str(sample), "--db", db_url)
    assert code == 0 and "already imported" in out


def test_proposed_obligations_wait_for_review(capsys, sample, db_url):
    assert run(capsys, "import", str(sample), "--db", db_url)[0] == 0
    _, out, _ = run(capsys, "list", "--json", "--status", "proposed", "--db", db_url)
    assert len(json.loads(out)) >= 5
    _, out, _ = run(capsys, "list", "--json", "--status", "confirmed", "--db", db_url)
    assert json.loads(out) == []


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("corrupt.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n% truncated", "PDF"),
        ("program.docx", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(200), "Word"),
        ("empty.txt", b"", "empty"),
    ],
)
def test_a_bad_file_gives_one_line_and_changes_nothing(capsys, tmp_path, sample, db_url, name, content, reason):
    assert run(capsys, "import", str(sample), "--db", db_url)[0] == 0
    before = counts(db_url)
    bad = tmp_path / name
    bad.write_bytes(content)
    code, _, err = run(capsys, "import", str(bad), "--db", db_url)
    assert code != 0
    lines = err.strip().splitlines()
    assert len(lines) == 1 and name in lines[0] and reason.lower() in lines[0].lower()
    assert "Traceback" not in err
    assert counts(db_url) == before


def test_other_files_still_import_when_one_fails(capsys, tmp_path, sample, db_url):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"not a pdf at all")
    code, out, err = run(capsys, "import", str(bad), str(sample), "--db", db_url)
    assert code != 0  # something failed …
    assert "broken.pdf" in err and "imported" in out  # … and the good file is in
    assert counts(db_url)[0] == 1


def test_extract_json_shape(capsys, sample):
    code, out, _ = run(capsys, "extract", str(sample), "--json")
    data = json.loads(out)
    assert code == 0 and data["language"] == "zh"
    assert set(data["facts"]) == {"signing_date", "effective_date", "expiry_date", "term"}
    text = sample.read_text(encoding="utf-8")
    for ob in data["obligations"]:
        assert text[ob["start"] : ob["end"]] == ob["phrase"]
        assert ob["direction"] in {"before", "after", "by"}


def test_user_errors_are_one_line_without_traceback(capsys, tmp_path):
    code, _, err = run(capsys, "extract", str(tmp_path / "missing.pdf"))
    assert code == 2 and err.count("\n") == 1 and "missing.pdf" in err


def test_extract_text_output_shows_template_blanks(capsys, tmp_path):
    agreement = tmp_path / "template.txt"
    agreement.write_text("乙方应在收到发票之日起____日内付款。\n", encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(agreement))
    assert code == 0 and "____ day" in out
