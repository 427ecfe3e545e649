#!/usr/bin/env python3
"""Set up a virtual environment and start the app or run the tests — the README's two quick-start commands.

    python scripts/dev.py app     # create .venv if needed, install Tickler, start it on the SQLite default
    python scripts/dev.py test    # create .venv if needed, install Tickler with test extras, run the tests

Extra arguments go to the app or to pytest (`python scripts/dev.py test -k calendar`). Works on Windows and Linux;
needs only Python 3.11+ on PATH.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = Path(os.environ.get("TICKLER_VENV", ROOT / ".venv"))
EXTRAS = {"app": "gui,ocr", "test": "test"}


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_environment(extra: str) -> Path:
    """Create the venv once; reinstall only when pyproject.toml changed since the last install."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this script runs on whatever Python the user has
        sys.exit(f"Tickler needs Python 3.11 or newer (this is {sys.version.split()[0]})")
    python = venv_python()
    if not python.exists():
        print(f"creating virtual environment in {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / f".tickler-installed-{extra}"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not stamp.exists() or stamp.read_text() != wanted:
        print(f"installing Tickler [{extra}] into {VENV}", flush=True)
        subprocess.run([python, "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
        subprocess.run([python, "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[{extra}]"], check=True)
        stamp.write_text(wanted)
    build = ROOT / "scripts" / "build_translations.py"
    if build.exists():
        subprocess.run([python, build], check=False)  # the app still runs in English without them
    return python


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in EXTRAS:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    python = ensure_environment(EXTRAS[command])
    if command == "app":
        return subprocess.call([python, "-m", "ui", *rest])
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    return subprocess.call([python, "-m", "pytest", *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
