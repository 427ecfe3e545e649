"""The Windows version resource (Explorer's Properties > Details) for both executables, from __version__.

Built in code rather than kept as a text file so the version can never drift from `obligations.__version__`.
`python packaging/version_info.py` prints the equivalent text file for inspection.
"""

from __future__ import annotations

import re
from typing import Any

COMPANY = "Tickler"
PRODUCT = "Tickler"
COPYRIGHT = "Proprietary. For internal use."


def numeric(version: str) -> tuple[int, int, int, int]:
    """'0.1.0' -> (0, 1, 0, 0); pre-release suffixes (0.2.0rc1) are dropped, Windows wants four numbers."""
    parts = [int(p) for p in re.findall(r"\d+", version.split("+")[0])[:4]]
    return tuple(parts + [0] * (4 - len(parts)))  # type: ignore[return-value]


def version_info(version: str, *, description: str, internal_name: str, filename: str) -> Any:
    """A PyInstaller VSVersionInfo. Windows only: PyInstaller needs `pefile` for it, installed there alone."""
    from PyInstaller.utils.win32.versioninfo import (
        FixedFileInfo,
        StringFileInfo,
        StringStruct,
        StringTable,
        VarFileInfo,
        VarStruct,
        VSVersionInfo,
    )

    four = numeric(version)
    return VSVersionInfo(
        ffi=FixedFileInfo(filevers=four, prodvers=four, mask=0x3F, flags=0x0, OS=0x40004, fileType=0x1),
        kids=[
            StringFileInfo(
                [
                    StringTable(
                        "040904B0",  # U.S. English, Unicode
                        [
                            StringStruct("CompanyName", COMPANY),
                            StringStruct("FileDescription", description),
                            StringStruct("FileVersion", version),
                            StringStruct("InternalName", internal_name),
                            StringStruct("LegalCopyright", COPYRIGHT),
                            StringStruct("OriginalFilename", filename),
                            StringStruct("ProductName", PRODUCT),
                            StringStruct("ProductVersion", version),
                        ],
                    )
                ]
            ),
            VarFileInfo([VarStruct("Translation", [0x0409, 1200])]),
        ],
    )


if __name__ == "__main__":
    from obligations import __version__

    print(version_info(__version__, description="Tickler", internal_name="Tickler", filename="Tickler.exe"))
