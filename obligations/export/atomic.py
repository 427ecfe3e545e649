"""Writing a file so that its final name only ever holds a complete file.

The report is written to a temporary file in the target folder (same volume, so the rename is atomic) and
renamed over the final name at the end. An export interrupted by an error, a full disk or Ctrl+C leaves last
month's file untouched and no half-written workbook for a manager to open.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from obligations.errors import KnownError


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside `path`; on success it becomes `path`, on any failure it is removed."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise KnownError(f"cannot write {path}: the folder {folder} does not exist")
    try:
        fd, name = tempfile.mkstemp(dir=folder, prefix=f".{path.stem}-", suffix=f"{path.suffix}.partial")
    except OSError as exc:
        raise KnownError(f"cannot write in {folder}: {exc.strerror}") from exc
    os.close(fd)
    temporary = Path(name)
    try:
        yield temporary
        try:
            os.replace(temporary, path)
        except PermissionError as exc:  # Windows: the old report is open in Excel
            raise KnownError(
                f"cannot replace {path}: close it in Excel (or the viewer holding it) and export again"
            ) from exc
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
