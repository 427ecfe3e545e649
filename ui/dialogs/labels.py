"""What the user reads for the domain's enum values and explanation steps, translated in context "Labels"."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from obligations.model import AnchorType, Direction, DueRule, Kind, Recurrence, ReviewState, Unit


def _t(text: str) -> str:
    return str(QCoreApplication.translate("Labels", text))


def unit_label(unit: str) -> str:
    table: dict[str, str] = {
        Unit.HOUR: _t("hours"),
        Unit.DAY: _t("calendar days"),
        Unit.BUSINESS_DAY: _t("working days"),
        Unit.WEEK: _t("weeks"),
        Unit.MONTH: _t("months"),
        Unit.YEAR: _t("years"),
    }
    return table.get(unit, unit)


def direction_label(direction: str) -> str:
    table: dict[str, str] = {
        Direction.BEFORE: _t("before"),
        Direction.AFTER: _t("after"),
        Direction.BY: _t("by a fixed date"),
    }
    return table.get(direction, direction)


def anchor_label(anchor: str) -> str:
    table: dict[str, str] = {
        AnchorType.ABSOLUTE: _t("fixed date"),
        AnchorType.SIGNING: _t("signing"),
        AnchorType.EFFECTIVE: _t("effective date"),
        AnchorType.EXPIRY: _t("expiry"),
        AnchorType.TERMINATION: _t("termination"),
        AnchorType.RECURRING: _t("each recurrence"),
        AnchorType.EVENT: _t("an event"),
    }
    return table.get(anchor, anchor)


def recurrence_label(recurrence: str | None) -> str:
    if not recurrence:
        return _t("once")
    table: dict[str, str] = {
        Recurrence.DAILY: _t("daily"),
        Recurrence.WEEKLY: _t("weekly"),
        Recurrence.MONTHLY: _t("monthly"),
        Recurrence.QUARTERLY: _t("quarterly"),
        Recurrence.YEARLY: _t("yearly"),
    }
    return table.get(recurrence, recurrence)


def kind_label(kind: str) -> str:
    table: dict[str, str] = {
        Kind.NOTICE: _t("notice"),
        Kind.PAYMENT: _t("payment"),
        Kind.PERFORMANCE: _t("performance"),
        Kind.RESPONSE: _t("response"),
        Kind.RENEWAL: _t("renewal"),
        Kind.EXPIRY: _t("expiry"),
        Kind.REPORTING: _t("reporting"),
        Kind.RETENTION: _t("retention"),
        Kind.OTHER: _t("other"),
    }
    return table.get(kind, kind)


def review_label(state: str) -> str:
    table: dict[str, str] = {
        ReviewState.PROPOSED: _t("proposed"),
        ReviewState.CONFIRMED: _t("confirmed"),
        ReviewState.REJECTED: _t("rejected"),
    }
    return table.get(state, state)


def status_label(status: str) -> str:
    return {
        "open": _t("open"),
        "done": _t("done"),
        "waived": _t("waived"),
        "upcoming": _t("upcoming"),
        "due_soon": _t("due soon"),
        "overdue": _t("overdue"),
    }.get(status, status)


def _amount(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def rule_summary(rule: DueRule) -> str:
    """'30 calendar days before expiry', 'by 2026-06-30', '15 working days after receipt of invoice'."""
    if rule.direction == Direction.BY:
        return _t("by %1").replace("%1", rule.fixed_date.isoformat() if rule.fixed_date else "?")
    trigger = rule.anchor_label or anchor_label(rule.anchor_type)
    period = "?"
    if rule.period is not None:
        period = _t("%1 %2").replace("%1", _amount(rule.period.value)).replace("%2", unit_label(rule.period.unit))
    text = _t("%1 %2 %3").replace("%1", period).replace("%2", direction_label(rule.direction)).replace("%3", trigger)
    if rule.recurrence:
        text = f"{text} ({recurrence_label(rule.recurrence)})"
    return text


def prefers_chinese() -> bool:
    return QLocale().language() == QLocale.Language.Chinese


def step_text(step: Any) -> str:
    """An explanation step as stored: a string, or a dict with "text" and "text_zh" (shown as given)."""
    if isinstance(step, dict):
        if prefers_chinese() and step.get("text_zh"):
            return str(step["text_zh"])
        return str(step.get("text") or step.get("text_zh") or "")
    return str(step)


def date_text(day: dt.date | None) -> str:
    return day.isoformat() if day else "—"


def due_text(due: dt.date | None, due_at: dt.datetime | None) -> str:
    if due_at is not None:
        return f"{due_at:%Y-%m-%d %H:%M}"
    return date_text(due)
