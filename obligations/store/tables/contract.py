"""A contract: the parties, its key dates and the calendar its periods are counted on."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import Date, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from obligations.store.tables.base import Base, Tracked

if TYPE_CHECKING:
    from obligations.store.tables.agreement import Agreement
    from obligations.store.tables.obligation import Obligation


class Contract(Tracked, Base):
    __tablename__ = "contract"
    __table_args__ = {"sqlite_autoincrement": True}  # ids are never reused: the audit trail names them

    title: Mapped[str] = mapped_column(String(500))
    counterparty: Mapped[str | None] = mapped_column(String(300))
    our_party: Mapped[str | None] = mapped_column(String(300))
    language: Mapped[str] = mapped_column(String(8), default="zh")
    signing_date: Mapped[dt.date | None] = mapped_column(Date)
    effective_date: Mapped[dt.date | None] = mapped_column(Date)
    expiry_date: Mapped[dt.date | None] = mapped_column(Date)
    termination_date: Mapped[dt.date | None] = mapped_column(Date)  # ended early (解除/终止)
    term: Mapped[str | None] = mapped_column(String(200))
    calendar: Mapped[str] = mapped_column(String(16), default="CN")
    notes: Mapped[str | None] = mapped_column(Text)

    agreements: Mapped[list[Agreement]] = relationship(
        back_populates="contract", cascade="all, delete-orphan", order_by="Agreement.id"
    )
    obligations: Mapped[list[Obligation]] = relationship(
        back_populates="contract", cascade="all, delete-orphan", order_by="Obligation.id"
    )

    def __repr__(self) -> str:
        return f"Contract(id={self.id}, title={self.title!r})"
