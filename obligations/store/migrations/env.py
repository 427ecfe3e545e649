"""Alembic environment: always driven programmatically with a connection (see obligations.store.migrate)."""

from alembic import context

from obligations.store.tables import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through obligations.store.migrate, which passes a connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode recreates tables safely
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
