"""Covering index for "what is due for a reminder today" (the tray, `tickler remind`, the e-mail digest).

Replaces (status, remind_from) with the same prefix plus every occurrence column the reminder query reads, so
the occurrence side of the query never visits the table's wide rows (explanations, notes): at 1M occurrences
the SQL for ~6,000 reminders falls from ~30 to ~19 ms (benchmarks/FINDINGS.md).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 19:55:00
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

REMINDER_COLUMNS = [
    "status", "remind_from", "obsolete", "due_date", "snoozed_until", "obligation_id", "provisional", "due_at",
]  # fmt: skip


def upgrade() -> None:
    with op.batch_alter_table("occurrence", schema=None) as batch_op:
        batch_op.drop_index("ix_occurrence_status_remind")
        batch_op.create_index("ix_occurrence_reminders", REMINDER_COLUMNS, unique=False)


def downgrade() -> None:
    with op.batch_alter_table("occurrence", schema=None) as batch_op:
        batch_op.drop_index("ix_occurrence_reminders")
        batch_op.create_index("ix_occurrence_status_remind", ["status", "remind_from"], unique=False)
