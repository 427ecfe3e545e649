"""Covering index for each obligation's next open due date (the obligations table, status counts, contracts).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 18:12:28.906501
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("occurrence", schema=None) as batch_op:
        batch_op.create_index(
            "ix_occurrence_open_next", ["status", "obsolete", "obligation_id", "due_date"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("occurrence", schema=None) as batch_op:
        batch_op.drop_index("ix_occurrence_open_next")
