"""The vocabulary of dated contractual obligations, shared by every layer.

Plain enums and frozen dataclasses: no storage, no Qt. The string values are the ones used in JSON output
(`tickler extract --json`), in the database and in the gold labels (`shared/corpus/GOLD_SCHEMA.md`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class Unit(StrEnum):
    HOUR = "hour"
    DAY = "day"  # calendar days (日, 天, 自然日, days)
    BUSINESS_DAY = "business_day"  # working days (工作日, business days)
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class Direction(StrEnum):
    BEFORE = "before"  # a period that ends at the anchor: notice periods (提前30日)
    AFTER = "after"  # a period that starts at the anchor: deadlines (收到发票之日起15日内)
    BY = "by"  # a fixed calendar date (2026年12月31日前)


class AnchorType(StrEnum):
    ABSOLUTE = "absolute"
    SIGNING = "signing"
    EFFECTIVE = "effective"
    EXPIRY = "expiry"
    TERMINATION = "termination"
    RECURRING = "recurring"
    EVENT = "event"  # fault reported, invoice received, delivery, acceptance: dated when the user records it


class Roll(StrEnum):
    """What happens when the strict last day of a period is a rest day."""

    FOLLOWING = "following"  # Art. 203: the period ends on the first working day after the run of rest days
    PRECEDING = "preceding"  # the working day before: a notice given then is never late
    NONE = "none"  # hours (Art. 201 counts them exactly); calendar days the contract keeps unextended


class Recurrence(StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"


class Kind(StrEnum):
    NOTICE = "notice"
    PAYMENT = "payment"
    PERFORMANCE = "performance"
    RESPONSE = "response"
    RENEWAL = "renewal"
    EXPIRY = "expiry"
    REPORTING = "reporting"
    RETENTION = "retention"
    OTHER = "other"


class ReviewState(StrEnum):
    PROPOSED = "proposed"  # extracted, not yet seen by a lawyer: drives no reminder
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


class OccurrenceStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    WAIVED = "waived"


@dataclass(frozen=True, slots=True)
class Period:
    """An amount of time as a contract states it: 30 days, 3 business days, 1 year.

    `value` is None for a template blank ("____日内", "within [__] days"): the unit is known, the number is not,
    and the obligation cannot be dated until a person fills it in.
    """

    value: float | None
    unit: Unit


@dataclass(frozen=True, slots=True)
class DueRule:
    """How an obligation's due date follows from its trigger.

    Either a fixed date (`direction=BY`, `fixed_date` set) or a period counted before/after an anchor.
    For recurring obligations the anchor is each recurrence instant (e.g. each billing day).
    """

    direction: Direction
    anchor_type: AnchorType
    period: Period | None = None
    fixed_date: dt.date | None = None
    recurrence: Recurrence | None = None
    recurrence_day: int | None = None  # day of month for monthly/quarterly rules ("每月5日"), when stated
    anchor_label: str | None = None  # the trigger as the contract names it ("账单日", "receipt of invoice")
    include_start_day: bool = False  # "含当日": the anchor day itself counts as day one
    roll: Roll | None = None  # None: the default for the direction (dates.default_roll); "自然日" → Roll.NONE


@dataclass(frozen=True, slots=True)
class DocumentFacts:
    signing_date: dt.date | None = None
    effective_date: dt.date | None = None
    expiry_date: dt.date | None = None
    term: str | None = None


@dataclass(frozen=True, slots=True)
class ExtractedObligation:
    """One candidate obligation found in a document, with where it came from. Proposed, never trusted."""

    start: int  # character offsets of `phrase` in the document text
    end: int
    phrase: str
    quote: str
    quote_start: int
    rule: DueRule
    kind: Kind = Kind.OTHER
    clause: str | None = None
    party: str | None = None
    action: str | None = None
    date: dt.date | None = None  # the strict date the text alone fixes, else None
    confidence: float = 0.5


@dataclass(frozen=True, slots=True)
class Extraction:
    language: str  # "zh" | "en"
    facts: DocumentFacts
    obligations: list[ExtractedObligation] = field(default_factory=list)
