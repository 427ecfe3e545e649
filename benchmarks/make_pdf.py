"""Make the text PDFs the import benchmarks read (a child process: Qt lays the pages out).

    python benchmarks/make_pdf.py OUT.pdf PAGES            # one long agreement
    python benchmarks/make_pdf.py OUT_DIR PAGES --files N  # N different agreements of PAGES pages each

The text is the corpus's agreements, Chinese and English, one after another until the pages are full, laid
out by tests/docgen.py as a word processor's "Save as PDF" would; pages past PAGES are cut off. Each of the N
files starts at a different agreement and carries its own number, so no two are duplicates.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from common import ROOT, corpus_files

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication

CHARS_PER_PAGE = 1_000  # a generous estimate for A5 at 11 pt, so one layout pass is enough


def paragraphs_for(texts: list[str], pages: int, first: int = 0) -> list[str]:
    paragraphs: list[str] = []
    length = 0
    index = first
    while length < pages * CHARS_PER_PAGE:
        text = texts[index % len(texts)]
        paragraphs += text.splitlines()
        length += len(text)
        index += 1
    return paragraphs


def write(out: Path, paragraphs: list[str], pages: int) -> int:
    import pypdfium2 as pdfium
    from docgen import write_text_pdf

    partial = out.with_suffix(".tmp.pdf")
    write_text_pdf(partial, paragraphs)
    pdf = pdfium.PdfDocument(str(partial))
    while len(pdf) > pages:
        pdf.del_page(len(pdf) - 1)
    count = len(pdf)
    pdf.save(str(out))
    pdf.close()
    partial.unlink()
    return count


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("pages", type=int)
    parser.add_argument("--files", type=int, default=0)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "tests"))
    texts = [p.read_text(encoding="utf-8") for p in corpus_files(".txt")]
    app = QGuiApplication(sys.argv[:1])
    if args.files:
        args.out.mkdir(parents=True, exist_ok=True)
        pages = 0
        for number in range(args.files):
            paragraphs = [f"Agreement No. {number + 1:04d}", *paragraphs_for(texts, args.pages, first=number)]
            pages += write(args.out / f"agreement-{number + 1:04d}.pdf", paragraphs, args.pages)
        result = {"files": args.files, "pages": pages}
    else:
        result = {"pages": write(args.out, paragraphs_for(texts, args.pages), args.pages)}
    del app
    print(json.dumps(result), flush=True)
    os._exit(0)  # skip interpreter teardown: PySide6 and pypdfium2 together crash in it (none_dealloc)


if __name__ == "__main__":
    main()
