"""Dated instances of obligations, and the recorded events that date event-triggered ones."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from obligations.model import OccurrenceStatus
from obligations.store.tables.base import Base, Tracked

if TYPE_CHECKING:
    from obligations.store.tables.obligation import Obligation


def _due_date_default(context: Any) -> dt.date:
    return context.get_current_parameters()["due_date"]


# The range (status, remind_from), then every other occurrence column the reminder query reads.
REMINDER_INDEX_COLUMNS = (
    "status", "remind_from", "obsolete", "due_date", "snoozed_until", "obligation_id", "provisional", "due_at",
)  # fmt: skip


class Occurrence(Tracked, Base):
    """One due date of an obligation. Done/waived history survives recomputation: rows are matched by `key`."""

    __tablename__ = "occurrence"
    __table_args__ = (
        UniqueConstraint("obligation_id", "key"),
        Index("ix_occurrence_status_due", "status", "due_date"),
        # "What is due for a reminder today", answered from the index alone: the range (status, remind_from) and
        # every occurrence column the reminder query reads (reminders/due.py; 1M occurrences: SQL 30 → 19 ms).
        Index("ix_occurrence_reminders", *REMINDER_INDEX_COLUMNS),
        # Each obligation's next open due date (the obligations table, status counts, contracts list) read from
        # the index alone: 1M occurrences, table open 697 → 300 ms (benchmarks/FINDINGS.md).
        Index("ix_occurrence_open_next", "status", "obsolete", "obligation_id", "due_date"),
        {"sqlite_autoincrement": True},  # ids are never reused: the audit trail names them
    )

    obligation_id: Mapped[int] = mapped_column(ForeignKey("obligation.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(64))  # the anchor instant, e.g. "2026-03-01" or "event:7"
    anchor_at: Mapped[dt.datetime | None] = mapped_column(DateTime)  # wall-clock time of the trigger
    due_date: Mapped[dt.date] = mapped_column(Date, index=True)
    due_at: Mapped[dt.datetime | None] = mapped_column(DateTime)  # for hour periods: the exact instant
    # The day the widest lead window opens (see reminders.leads); scheduling sets it, bare inserts get the due date.
    remind_from: Mapped[dt.date] = mapped_column(Date, default=_due_date_default)
    strict_date: Mapped[dt.date | None] = mapped_column(Date)
    provisional: Mapped[bool] = mapped_column(Boolean, default=False)
    explanation: Mapped[list[Any]] = mapped_column(default=list)  # the steps from anchor to due date
    status: Mapped[str] = mapped_column(String(8), default=OccurrenceStatus.OPEN)
    status_by: Mapped[str | None] = mapped_column(String(200))
    status_at: Mapped[dt.datetime | None] = mapped_column()
    note: Mapped[str | None] = mapped_column(Text)
    evidence_name: Mapped[str | None] = mapped_column(String(500))
    snoozed_until: Mapped[dt.date | None] = mapped_column(Date)
    acknowledged_at: Mapped[dt.datetime | None] = mapped_column()
    obsolete: Mapped[bool] = mapped_column(Boolean, default=False)  # no longer produced by the rule, kept for history

    obligation: Mapped[Obligation] = relationship(back_populates="occurrences")


class TriggerEvent(Tracked, Base):
    """A recorded trigger of an event-anchored obligation: "fault reported 2026-03-02 10:00"."""

    __tablename__ = "trigger_event"
    __table_args__ = {"sqlite_autoincrement": True}

    obligation_id: Mapped[int] = mapped_column(ForeignKey("obligation.id", ondelete="CASCADE"), index=True)
    occurred_at: Mapped[dt.datetime] = mapped_column(DateTime)  # wall-clock time as the user entered it
    note: Mapped[str | None] = mapped_column(Text)

    obligation: Mapped[Obligation] = relationship(back_populates="events")
