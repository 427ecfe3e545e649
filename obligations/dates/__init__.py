"""The due-date engine: periods counted on working-day calendars, with explanations. No database, no Qt."""

from obligations.dates.compute import DueDate, Roll, compute_due, default_roll, due_for_rule
from obligations.dates.explain import Step, StepKind
from obligations.dates.recurrence import Anchors, Occurrence, occurrences, recurrence_anchors

__all__ = [
    "Anchors",
    "DueDate",
    "Occurrence",
    "Roll",
    "Step",
    "StepKind",
    "compute_due",
    "default_roll",
    "due_for_rule",
    "occurrences",
    "recurrence_anchors",
]
