"""Display names of the domain's values (kinds, states, roles) in the user's language."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

KINDS = {
    "notice": QT_TRANSLATE_NOOP("Labels", "Notice"),
    "payment": QT_TRANSLATE_NOOP("Labels", "Payment"),
    "performance": QT_TRANSLATE_NOOP("Labels", "Performance"),
    "response": QT_TRANSLATE_NOOP("Labels", "Response"),
    "renewal": QT_TRANSLATE_NOOP("Labels", "Renewal"),
    "expiry": QT_TRANSLATE_NOOP("Labels", "Expiry"),
    "reporting": QT_TRANSLATE_NOOP("Labels", "Reporting"),
    "retention": QT_TRANSLATE_NOOP("Labels", "Retention"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other"),
}

STATES = {
    "active": QT_TRANSLATE_NOOP("Labels", "All in force"),
    "proposed": QT_TRANSLATE_NOOP("Labels", "Awaiting review"),
    "confirmed": QT_TRANSLATE_NOOP("Labels", "Confirmed"),
    "overdue": QT_TRANSLATE_NOOP("Labels", "Overdue"),
    "done": QT_TRANSLATE_NOOP("Labels", "Done"),
    "rejected": QT_TRANSLATE_NOOP("Labels", "Rejected"),
    "superseded": QT_TRANSLATE_NOOP("Labels", "Superseded"),
}

ROLES = {
    "base": QT_TRANSLATE_NOOP("Labels", "Base agreement"),
    "supplementary": QT_TRANSLATE_NOOP("Labels", "Supplementary agreement"),
}


def _translated(table: dict[str, str], value: str | None) -> str:
    if not value:
        return ""
    source = table.get(value)
    return QCoreApplication.translate("Labels", source) if source else value


def kind_label(kind: str | None) -> str:
    return _translated(KINDS, kind)


def state_label(state: str | None) -> str:
    return _translated(STATES, state)


def role_label(role: str | None) -> str:
    return _translated(ROLES, role)


def date_text(day: dt.date | None) -> str:
    """ISO dates everywhere: unambiguous in both languages and sorts as text in exported files."""
    return day.isoformat() if day else ""


def days_left_text(days: int) -> str:
    if days == 0:
        return QCoreApplication.translate("Labels", "today")
    if days < 0:
        return QCoreApplication.translate("Labels", "%n day(s) late", "", -days)
    return QCoreApplication.translate("Labels", "%n day(s)", "", days)
