"""What was already sent, so a restart or a slept-through week never repeats or floods reminders."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from obligations.store.tables.base import Base, utcnow


class NotificationLog(Base):
    """One reminder delivered: occurrence × window × channel × day.

    `window` is the lead time entered ("lead:30"), "due", or "overdue" (repeated daily, hence `for_day`).
    """

    __tablename__ = "notification_log"
    __table_args__ = (UniqueConstraint("occurrence_id", "window", "channel", "for_day"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    occurrence_id: Mapped[int] = mapped_column(ForeignKey("occurrence.id", ondelete="CASCADE"), index=True)
    window: Mapped[str] = mapped_column(String(16))
    channel: Mapped[str] = mapped_column(String(16))  # desktop | email | escalation
    for_day: Mapped[dt.date] = mapped_column(Date)
    recipient: Mapped[str | None] = mapped_column(String(300))
    sent_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class AppState(Base):
    """Small shared key/value state, e.g. the day the last digest went out."""

    __tablename__ = "app_state"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(500))
