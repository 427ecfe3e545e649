"""Where the app's bundled files are: resources/ beside the packages (samples, translations, icons)."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The top-level resources/ folder; a frozen (PyInstaller) build ships it beside the executable's data."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"  # ui/widgets/resources.py → the project root


def sample_agreements() -> list[Path]:
    """The bundled sample agreements ("Try the sample agreement"), in name order."""
    folder = resources_dir() / "samples"
    return sorted(p for p in folder.glob("*") if p.suffix.lower() in (".txt", ".pdf", ".docx"))


def translations_dir() -> Path:
    return resources_dir() / "translations"
