"""Languages: English (the source strings) and Simplified Chinese, through Qt's translation system.

`resources/translations/tickler_zh_CN.ts` is the committed source; the `.qm` Qt loads is built from it by
`pyside6-lrelease` (scripts/build_translations.py, or at app start when it is missing or older than the .ts).
The language follows the system locale unless the user chose one in Settings (applied at the next start).
"""

from __future__ import annotations

import logging
import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ui.widgets.resources import translations_dir

log = logging.getLogger(__name__)

ENGLISH = "en"
CHINESE = "zh_CN"
LANGUAGES = {ENGLISH: "English", CHINESE: "简体中文"}  # each in its own language, as language pickers show them


def system_language() -> str:
    return CHINESE if QLocale.system().name().startswith("zh") else ENGLISH


def effective_language(choice: str) -> str:
    """The language to show for the user's choice ('' = follow the system)."""
    return choice if choice in LANGUAGES else system_language()


def lrelease() -> str | None:
    """The lrelease tool, if this is a development install (a frozen build ships compiled .qm files)."""
    beside = Path(sys.executable).parent / ("pyside6-lrelease.exe" if sys.platform == "win32" else "pyside6-lrelease")
    return str(beside) if beside.exists() else shutil.which("pyside6-lrelease")


def compile_translations(folder: Path | None = None, *, force: bool = False) -> list[Path]:
    """Build each .qm that is missing or older than its .ts; returns the files built."""
    folder = folder or translations_dir()
    tool = lrelease()
    built = []
    for ts in sorted(folder.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not force and qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        if tool is None:
            log.warning("cannot build %s: pyside6-lrelease not found", qm.name)
            continue
        import subprocess  # only when a .qm is out of date: not on every start, before the first paint

        result = subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], capture_output=True, text=True)
        if result.returncode != 0:
            log.warning("lrelease failed for %s: %s", ts.name, result.stderr.strip())
            continue
        built.append(qm)
    return built


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load our strings and Qt's own (standard buttons, dialogs) for `language`; keep the result alive."""
    compile_translations()
    installed = []
    # English needs ours too: it holds the plural forms of "%n day(s)" strings ("1 day", "2 days").
    candidates = [(translations_dir(), f"tickler_{language}")]
    if language != ENGLISH:
        QLocale.setDefault(QLocale(language))  # Qt's own date and number formats follow the chosen language
        candidates.append((Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)), f"qtbase_{language}"))
    for folder, name in candidates:
        translator = QTranslator(app)
        if translator.load(name, str(folder)):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.warning("no translation %s in %s", name, folder)
    return installed
