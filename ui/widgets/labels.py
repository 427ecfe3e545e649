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
    """ "today", "1 day", "12 days", "3 days late". Singular and plural are separate messages: lupdate does
    not see QCoreApplication.translate(..., n) as a plural form, so %n plurals work only through self.tr."""
    late = days < 0
    count = abs(days)
    if days == 0:
        text = QCoreApplication.translate("Labels", "today")
    elif count == 1:
        text = (
            QCoreApplication.translate("Labels", "1 day late")
            if late
            else QCoreApplication.translate("Labels", "1 day")
        )
    elif late:
        text = QCoreApplication.translate("Labels", "%1 days late")
    else:
        text = QCoreApplication.translate("Labels", "%1 days")
    return text.replace("%1", str(count))
