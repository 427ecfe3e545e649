"""What the user reads for the domain's enum values and explanation steps, translated in context "Labels"."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from obligations.model import AnchorType, Direction, DueRule, Kind, Recurrence, ReviewState, Unit

translate = QCoreApplication.translate  # pyside6-lupdate extracts translate("Labels", "…") calls


def unit_label(unit: str) -> str:
    table: dict[str, str] = {
        Unit.HOUR: translate("Labels", "hours"),
        Unit.DAY: translate("Labels", "calendar days"),
        Unit.BUSINESS_DAY: translate("Labels", "working days"),
        Unit.WEEK: translate("Labels", "weeks"),
        Unit.MONTH: translate("Labels", "months"),
        Unit.YEAR: translate("Labels", "years"),
    }
    return table.get(unit, unit)


def direction_label(direction: str) -> str:
    table: dict[str, str] = {
        Direction.BEFORE: translate("Labels", "before"),
        Direction.AFTER: translate("Labels", "after"),
        Direction.BY: translate("Labels", "by a fixed date"),
    }
    return table.get(direction, direction)


def anchor_label(anchor: str) -> str:
    table: dict[str, str] = {
        AnchorType.ABSOLUTE: translate("Labels", "fixed date"),
        AnchorType.SIGNING: translate("Labels", "signing"),
        AnchorType.EFFECTIVE: translate("Labels", "effective date"),
        AnchorType.EXPIRY: translate("Labels", "expiry"),
        AnchorType.TERMINATION: translate("Labels", "termination"),
        AnchorType.RECURRING: translate("Labels", "each recurrence"),
        AnchorType.EVENT: translate("Labels", "an event"),
    }
    return table.get(anchor, anchor)


def recurrence_label(recurrence: str | None) -> str:
    if not recurrence:
        return translate("Labels", "once")
    table: dict[str, str] = {
        Recurrence.DAILY: translate("Labels", "daily"),
        Recurrence.WEEKLY: translate("Labels", "weekly"),
        Recurrence.MONTHLY: translate("Labels", "monthly"),
        Recurrence.QUARTERLY: translate("Labels", "quarterly"),
        Recurrence.YEARLY: translate("Labels", "yearly"),
    }
    return table.get(recurrence, recurrence)


def kind_label(kind: str) -> str:
    table: dict[str, str] = {
        Kind.NOTICE: translate("Labels", "notice"),
        Kind.PAYMENT: translate("Labels", "payment"),
        Kind.PERFORMANCE: translate("Labels", "performance"),
        Kind.RESPONSE: translate("Labels", "response"),
        Kind.RENEWAL: translate("Labels", "renewal"),
        Kind.EXPIRY: translate("Labels", "expiry"),
        Kind.REPORTING: translate("Labels", "reporting"),
        Kind.RETENTION: translate("Labels", "retention"),
        Kind.OTHER: translate("Labels", "other"),
    }
    return table.get(kind, kind)


def review_label(state: str) -> str:
    table: dict[str, str] = {
        ReviewState.PROPOSED: translate("Labels", "proposed"),
        ReviewState.CONFIRMED: translate("Labels", "confirmed"),
        ReviewState.REJECTED: translate("Labels", "rejected"),
    }
    return table.get(state, state)


def status_label(status: str) -> str:
    return {
        "open": translate("Labels", "open"),
        "done": translate("Labels", "done"),
        "waived": translate("Labels", "waived"),
        "upcoming": translate("Labels", "upcoming"),
        "due_soon": translate("Labels", "due soon"),
        "overdue": translate("Labels", "overdue"),
    }.get(status, status)


def _amount(value: float | None) -> str:
    if value is None:
        return "____"  # a template blank: the contract left the number for the parties to fill in
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def rule_summary(rule: DueRule) -> str:
    """'30 calendar days before expiry', 'by 2026-06-30', '15 working days after receipt of invoice'."""
    if rule.direction == Direction.BY:
        if rule.recurrence and rule.fixed_date is None:  # "每月5日前": by a day of every month
            day = str(rule.recurrence_day) if rule.recurrence_day else "?"
            by_day = translate("Labels", "by day %1").replace("%1", day)
            return f"{by_day} ({recurrence_label(rule.recurrence)})"
        return translate("Labels", "by %1").replace("%1", rule.fixed_date.isoformat() if rule.fixed_date else "?")
    trigger = rule.anchor_label or anchor_label(rule.anchor_type)
    period = "?"
    if rule.period is not None:
        period = (
            translate("Labels", "%1 %2")
            .replace("%1", _amount(rule.period.value))
            .replace("%2", unit_label(rule.period.unit))
        )
    text = (
        translate("Labels", "%1 %2 %3")
        .replace("%1", period)
        .replace("%2", direction_label(rule.direction))
        .replace("%3", trigger)
    )
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
