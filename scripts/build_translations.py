"""Build the app's translations: `.ts` sources → `.qm` files Qt loads (not committed; built here or at start).

    python scripts/build_translations.py            # lrelease: compile every .ts that changed
    python scripts/build_translations.py --update   # lupdate first: collect new strings from ui/ into the .ts

`tickler_zh_CN.ts` holds the Chinese UI; `tickler_en.ts` holds only English plural forms ("1 day", "2 days")
for the strings written with "%n day(s)".
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ui.i18n import compile_translations  # noqa: E402 - needs ROOT on the path first
from ui.widgets.resources import translations_dir  # noqa: E402


def lupdate() -> str:
    beside = Path(sys.executable).parent / ("pyside6-lupdate.exe" if sys.platform == "win32" else "pyside6-lupdate")
    found = str(beside) if beside.exists() else shutil.which("pyside6-lupdate")
    if found is None:
        raise SystemExit("pyside6-lupdate not found: install PySide6 in this environment")
    return found


def update_sources() -> None:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))
    folder = translations_dir()
    for ts, extra in (("tickler_zh_CN.ts", []), ("tickler_en.ts", ["-pluralonly"])):
        target = str((folder / ts).relative_to(ROOT))
        subprocess.run(
            [lupdate(), *extra, "-no-obsolete", "-locations", "relative", *sources, "-ts", target], cwd=ROOT, check=True
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update", action="store_true", help="collect new strings from ui/ (lupdate) first")
    parser.add_argument("--force", action="store_true", help="rebuild every .qm even if up to date")
    args = parser.parse_args(argv)
    if args.update:
        update_sources()
    built = compile_translations(force=args.force)
    for qm in built:
        print(f"built {qm.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
