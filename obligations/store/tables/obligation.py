"""An obligation: who must do what, by when, relative to which trigger, as the lawyer confirmed it."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Date, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from obligations.model import AnchorType, Direction, DueRule, Period, Recurrence, ReviewState, Roll, Unit
from obligations.store.tables.base import Base, Tracked

if TYPE_CHECKING:
    from obligations.store.tables.agreement import Agreement
    from obligations.store.tables.contract import Contract
    from obligations.store.tables.occurrence import Occurrence, TriggerEvent


class Obligation(Tracked, Base):
    __tablename__ = "obligation"
    __table_args__ = {"sqlite_autoincrement": True}  # ids are never reused: the audit trail names them

    contract_id: Mapped[int] = mapped_column(ForeignKey("contract.id", ondelete="CASCADE"), index=True)
    agreement_id: Mapped[int | None] = mapped_column(ForeignKey("agreement.id", ondelete="SET NULL"), index=True)
    party: Mapped[str | None] = mapped_column(String(200))
    action: Mapped[str | None] = mapped_column(String(500))
    kind: Mapped[str] = mapped_column(String(16), default="other")
    # The due rule (obligations.model.DueRule, flattened).
    direction: Mapped[str] = mapped_column(String(8))
    anchor_type: Mapped[str] = mapped_column(String(16))
    anchor_label: Mapped[str | None] = mapped_column(String(200))
    amount_value: Mapped[float | None] = mapped_column(Float)
    amount_unit: Mapped[str | None] = mapped_column(String(16))
    recurrence: Mapped[str | None] = mapped_column(String(16))
    recurrence_day: Mapped[int | None] = mapped_column(Integer)
    fixed_date: Mapped[dt.date | None] = mapped_column(Date)
    include_start_day: Mapped[bool] = mapped_column(Boolean, default=False)
    roll: Mapped[str | None] = mapped_column(String(16))  # None: the default for the direction
    # Where it came from in the agreement text.
    clause: Mapped[str | None] = mapped_column(String(100))
    phrase: Mapped[str | None] = mapped_column(String(300))
    quote: Mapped[str | None] = mapped_column(Text)
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    confidence: Mapped[float] = mapped_column(Float, default=1.0)
    # The lawyer's decision and the reminder settings.
    review_state: Mapped[str] = mapped_column(String(16), default=ReviewState.PROPOSED, index=True)
    owner: Mapped[str | None] = mapped_column(String(200))
    lead_times: Mapped[list[int]] = mapped_column(default=list)  # days before the due date to remind
    lead_in_business_days: Mapped[bool] = mapped_column(Boolean, default=False)
    # Amendments: an obligation governs due dates from `starts_on` (a replacing obligation: the supplementary
    # agreement's effective date) until the day before `ends_on` (when it was replaced or ended).
    starts_on: Mapped[dt.date | None] = mapped_column(Date)
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("obligation.id", ondelete="SET NULL"))
    ends_on: Mapped[dt.date | None] = mapped_column(Date)
    ended_by_agreement_id: Mapped[int | None] = mapped_column(ForeignKey("agreement.id", ondelete="SET NULL"))
    note: Mapped[str | None] = mapped_column(Text)

    contract: Mapped[Contract] = relationship(back_populates="obligations")
    agreement: Mapped[Agreement | None] = relationship(foreign_keys=[agreement_id])
    supersedes: Mapped[Obligation | None] = relationship(
        remote_side="Obligation.id", foreign_keys=[supersedes_id], back_populates="superseded_by"
    )
    superseded_by: Mapped[list[Obligation]] = relationship(foreign_keys=[supersedes_id], back_populates="supersedes")
    occurrences: Mapped[list[Occurrence]] = relationship(
        back_populates="obligation", cascade="all, delete-orphan", order_by="Occurrence.due_date"
    )
    events: Mapped[list[TriggerEvent]] = relationship(
        back_populates="obligation", cascade="all, delete-orphan", order_by="TriggerEvent.occurred_at"
    )

    @property
    def rule(self) -> DueRule:
        period = None
        if self.amount_unit:  # a template blank keeps its unit with no value
            period = Period(self.amount_value, Unit(self.amount_unit))
        return DueRule(
            direction=Direction(self.direction),
            anchor_type=AnchorType(self.anchor_type),
            period=period,
            fixed_date=self.fixed_date,
            recurrence=Recurrence(self.recurrence) if self.recurrence else None,
            recurrence_day=self.recurrence_day,
            anchor_label=self.anchor_label,
            include_start_day=self.include_start_day,
            roll=Roll(self.roll) if self.roll else None,
        )

    def set_rule(self, rule: DueRule) -> None:
        self.direction = str(rule.direction)
        self.anchor_type = str(rule.anchor_type)
        self.anchor_label = rule.anchor_label
        self.amount_value = rule.period.value if rule.period else None
        self.amount_unit = str(rule.period.unit) if rule.period else None
        self.recurrence = str(rule.recurrence) if rule.recurrence else None
        self.recurrence_day = rule.recurrence_day
        self.fixed_date = rule.fixed_date
        self.include_start_day = rule.include_start_day
        self.roll = str(rule.roll) if rule.roll else None

    @property
    def is_superseded(self) -> bool:
        return self.ends_on is not None

    def __repr__(self) -> str:
        return f"Obligation(id={self.id}, party={self.party!r}, action={self.action!r})"
