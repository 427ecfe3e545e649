"""An agreement document: the base contract or a supplementary agreement (补充协议) that amends it."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from obligations.store.tables.base import Base, Tracked

if TYPE_CHECKING:
    from obligations.store.tables.contract import Contract


class AgreementRole(StrEnum):
    BASE = "base"
    SUPPLEMENTARY = "supplementary"


class Agreement(Tracked, Base):
    __tablename__ = "agreement"
    __table_args__ = {"sqlite_autoincrement": True}  # ids are never reused: the audit trail names them

    contract_id: Mapped[int] = mapped_column(ForeignKey("contract.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(16), default=AgreementRole.BASE)
    title: Mapped[str] = mapped_column(String(500))
    signing_date: Mapped[dt.date | None] = mapped_column(Date)
    effective_date: Mapped[dt.date | None] = mapped_column(Date)
    # The original file, copied into the data folder under its SHA-256 (None for text pasted by hand).
    original_name: Mapped[str | None] = mapped_column(String(500))
    stored_name: Mapped[str | None] = mapped_column(String(200))
    file_kind: Mapped[str | None] = mapped_column(String(16))
    sha256: Mapped[str | None] = mapped_column(String(64), unique=True)
    text: Mapped[str] = deferred(mapped_column(Text, default=""))  # large: loaded only when shown
    page_starts: Mapped[list[int]] = mapped_column(default=list)
    page_confidence: Mapped[list[Any]] = mapped_column(default=list)  # OCR confidence per page, None = text
    # What a supplementary agreement changed in the contract's facts: {"expiry_date": ["2026-12-31", "2027-12-31"]}
    fact_changes: Mapped[dict[str, Any]] = mapped_column(default=dict)

    contract: Mapped[Contract] = relationship(back_populates="agreements")

    def __repr__(self) -> str:
        return f"Agreement(id={self.id}, role={self.role}, title={self.title!r})"
