"""The user's preferences, declared once: each with its type, default and description. The only QSettings user.

    store = SettingsStore()                 # per-user INI file (tests redirect it with QSettings.setPath)
    prefs = store.load()                    # a frozen Preferences
    store.save(dataclasses.replace(prefs, language="zh_CN"))

Preferences the reminder run (a CLI started by the OS scheduler) needs too are not here but in
obligations.config (a JSON file it can read without Qt); the Settings dialog edits both.

Window geometry, splitter and header layouts go through `ui_state` / `save_ui_state` (opaque bytes).
"""

from __future__ import annotations

import dataclasses
import typing
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "Tickler"
APPLICATION = "Tickler"


def _doc(text: str) -> dict[str, str]:
    return {"doc": text}


@dataclass(frozen=True)
class Preferences:
    """What only this desktop app uses. Settings the reminder run needs too (mail, lead times, calendar, ics
    folder, start at login) live in obligations.config, which the Settings dialog edits alongside these."""

    language: str = field(default="", metadata=_doc("UI language: '' follows the system, 'en' or 'zh_CN'"))


def describe() -> list[tuple[str, type, Any, str]]:
    """(name, type, default, description) of every preference: for docs and the settings dialog's tooltips."""
    hints = typing.get_type_hints(Preferences)
    return [(f.name, hints[f.name], f.default, f.metadata["doc"]) for f in dataclasses.fields(Preferences)]


def _decode(kind: Any, raw: Any, default: Any) -> Any:
    """QSettings' INI backend returns strings for everything; turn them back into the declared type."""
    try:
        if kind is bool:
            return raw if isinstance(raw, bool) else str(raw).lower() in ("true", "1", "yes")
        if kind is int:
            return int(raw)
        if typing.get_origin(kind) is tuple:
            items = raw if isinstance(raw, list) else str(raw).split(",")
            return tuple(sorted({int(x) for x in items if str(x).strip()}, reverse=True))
        return str(raw)
    except (TypeError, ValueError):
        return default  # a hand-edited or older file: fall back rather than refuse to start


def _encode(value: Any) -> Any:
    if isinstance(value, tuple):
        return ",".join(str(v) for v in value)
    return value


class SettingsStore:
    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._q = qsettings or QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
        )

    @property
    def path(self) -> str:
        return self._q.fileName()

    def load(self) -> Preferences:
        hints = typing.get_type_hints(Preferences)
        values = {}
        for f in dataclasses.fields(Preferences):
            raw = self._q.value(f"preferences/{f.name}")
            if raw is not None:
                values[f.name] = _decode(hints[f.name], raw, f.default)
        return Preferences(**values)

    def save(self, prefs: Preferences) -> None:
        for f in dataclasses.fields(Preferences):
            self._q.setValue(f"preferences/{f.name}", _encode(getattr(prefs, f.name)))
        self._q.sync()

    def ui_state(self, key: str) -> QByteArray | None:
        value = self._q.value(f"ui/{key}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_ui_state(self, key: str, value: QByteArray) -> None:
        self._q.setValue(f"ui/{key}", value)

    def sync(self) -> None:
        self._q.sync()
