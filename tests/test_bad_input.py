"""Hostile and broken files: each is refused with one line naming the file and the reason, or read correctly."""

from __future__ import annotations

import os
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import docgen
import pytest

from obligations.documents import MAX_FILE_BYTES, DocumentError, load_document
from obligations.documents import ooxml as ooxml_module


def refused(path: Path, pattern: str) -> DocumentError:
    with pytest.raises(DocumentError, match=pattern) as caught:
        load_document(path)
    message = str(caught.value)
    assert message.startswith(f"{path.name}: ") and "\n" not in message  # one line, file named first
    return caught.value


def _truncated_pdf(path: Path) -> Path:
    docgen.encrypted_pdf(path)  # any small valid PDF will do; cut it in half
    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) // 2])
    return path


def _corrupt_pdf(path: Path) -> Path:
    path.write_bytes(b"%PDF-1.7\n" + os.urandom(3000) + b"\n%%EOF\n")
    return path


def _corrupt_docx(path: Path) -> Path:
    raw = docgen.plain_docx(path).read_bytes()
    path.write_bytes(raw[: len(raw) // 2])  # central directory gone
    return path


def _written(data: bytes) -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        path.write_bytes(data)
        return path

    return make


CASES = [
    # (file name, maker, expected reason)
    ("empty.txt", _written(b""), r"empty file"),
    ("空白 文件.pdf", _written(b"  \n"), r"empty file"),
    ("empty.docx", _written(b""), r"empty file"),
    ("truncated.pdf", _truncated_pdf, r"damaged PDF \(the file is cut short"),
    ("corrupt.pdf", _corrupt_pdf, r"damaged PDF \("),
    ("corrupt.docx", _corrupt_docx, r"damaged Word document \("),
    ("locked.pdf", docgen.encrypted_pdf, r"password-protected PDF; remove the password and import again"),
    ("bomb.docx", docgen.zip_bomb_docx, r"compressed [\d,]+:1 \(a zip bomb\?\)"),
    ("laughs.docx", docgen.entity_docx, r"declares a DTD \(XML entity expansion"),
    ("macros.docx", docgen.macro_docx, r"contains macros"),
    ("not word.docx", docgen.zip_without_word, r"not a Word document \(a ZIP archive without word/document.xml\)"),
    ("setup.pdf", _written(docgen.windows_program()), r"not a PDF file \(it is a Windows program\)"),
    ("setup.docx", _written(docgen.windows_program()), r"not a Word document \(it is a Windows program\)"),
    ("setup.txt", _written(docgen.windows_program()), r"not a text file \(it is a Windows program\)"),
    ("old.docx", _written(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)), r"old-format \(\.doc\) or password"),
    ("binary.txt", _written(b"abc\x00\x01\x02" * 100), r"not a text file \(it contains binary data\)"),
    ("contract.doc", _written(b"x"), r"old Word format \(\.doc\); open it in Word and save as \.docx"),
    ("contract.docm", _written(b"x"), r"macro-enabled Word file"),
    ("contract.xyz", _written(b"x"), r"unsupported file type \.xyz"),
    ("noextension", _written(b"x"), r"unsupported file type \(no extension\)"),
]


@pytest.mark.parametrize(("name", "make", "reason"), CASES, ids=[case[0] for case in CASES])
def test_refused_with_one_line(tmp_path: Path, name: str, make: Callable[[Path], Path], reason: str) -> None:
    path = make(tmp_path / name)
    refused(path, reason)


def test_linux_program_renamed_pdf(tmp_path: Path) -> None:
    program = Path(shutil.which("true") or "/bin/true")
    path = tmp_path / "invoice.pdf"
    shutil.copyfile(program, path)
    refused(path, r"not a PDF file \(it is a Linux program\)")


def test_zip_bomb_by_total_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The 300 MB total is slow to build for real; the same check with a small limit.
    path = docgen.plain_docx(tmp_path / "big.docx")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_STORED) as out:
        out.writestr("word/media/scan.bin", os.urandom(2 << 20))
    monkeypatch.setattr(ooxml_module, "MAX_UNCOMPRESSED_BYTES", 1 << 20)
    refused(path, r"unpacks to \d MB, over the 1 MB limit")


def test_oversize_file_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge scan.pdf"
    with path.open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # sparse: instant, no disk used
    refused(path, rf"file too large \(200 MB; the limit is {MAX_FILE_BYTES // 2**20} MB\)")


def test_page_limit(tmp_path: Path) -> None:
    path = docgen.many_page_pdf(tmp_path / "data room.pdf", 2001)
    refused(path, r"too many pages \(2,001; the limit is 2,000\)")


def test_blank_pdf_pages_only(tmp_path: Path) -> None:
    refused(docgen.many_page_pdf(tmp_path / "blank.pdf", 3), r"no text \(blank pages only\)")


def test_file_deleted_between_listing_and_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "gone.txt"
    path.write_text("甲方", encoding="utf-8")
    real_open = Path.open

    def vanish(self: Path, *args: object, **kwargs: object) -> object:
        if self == path:
            self.unlink()
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", vanish)
    refused(path, r"file not found \(it was moved or deleted while importing\)")


def test_missing_file(tmp_path: Path) -> None:
    refused(tmp_path / "never there.pdf", r"file not found")


def test_locked_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "open in word.docx"
    docgen.plain_docx(path)

    def locked(self: Path, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", locked)
    refused(path, r"locked by another program")


def test_folder_named_like_a_file(tmp_path: Path) -> None:
    (tmp_path / "folder.pdf").mkdir()
    refused(tmp_path / "folder.pdf", r"is a folder, not a file")


@pytest.mark.parametrize(
    "name", ["供货合同 2024（终稿）.txt", "供货合同 2024（终稿）.docx", "my contract v2 final.txt"]
)
def test_chinese_and_spaces_in_names_are_read(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "法务 部" / "合同 扫描"
    folder.mkdir(parents=True)
    path = folder / name
    if path.suffix == ".docx":
        docgen.plain_docx(path, "甲方应于30日内付款。")
    else:
        path.write_bytes("甲方应于30日内付款。".encode("gb18030"))
    document = load_document(path)
    assert "甲方应于30日内付款。" in document.text and document.path == path


def test_error_names_a_chinese_file(tmp_path: Path) -> None:
    path = tmp_path / "损坏的 合同.pdf"
    path.write_bytes(b"%PDF-1.4\ngarbage")
    error = refused(path, r"damaged PDF")
    assert error.path == path and str(error).startswith("损坏的 合同.pdf: ")


def test_good_pdf_with_progress(tmp_path: Path, qapp: object) -> None:
    path = docgen.write_text_pdf(tmp_path / "p.pdf", ["第一条 甲方应于30日内付款。"] * 80)
    seen: list[tuple[int, int]] = []
    document = load_document(path, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(n, document.page_count) for n in range(1, document.page_count + 1)]
    assert document.page_count >= 2


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".txt"])
def test_mutated_files_fail_only_with_document_error(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    """Random byte damage must end in DocumentError (or a good read), never another exception."""
    import random

    from obligations.documents import ocr

    monkeypatch.setattr(ocr, "ocr_available", lambda: False)  # damaged fonts garble text into "scans": no OCR

    paragraphs = ["第一条 甲方应于收到发票后30日内付款。", "Either party may terminate on 90 days' notice."] * 20
    source = tmp_path / f"source{suffix}"
    if suffix == ".docx":
        docgen.write_docx(source, paragraphs, table=slice(4, 10))
    elif suffix == ".pdf":
        docgen.write_text_pdf(source, paragraphs)
    else:
        source.write_text("\n".join(paragraphs), encoding="gb18030")
    original = source.read_bytes()
    rng = random.Random(20261129)  # fixed: a failure reproduces
    target = tmp_path / f"mutated{suffix}"
    for _ in range(120):
        damaged = bytearray(original)
        for _ in range(rng.choice([1, 8, 64])):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        if rng.random() < 0.2:
            damaged = damaged[: rng.randrange(1, len(damaged))]
        target.write_bytes(bytes(damaged))
        try:
            load_document(target)
        except DocumentError as error:
            assert "\n" not in str(error)
