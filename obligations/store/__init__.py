"""Storage: SQLAlchemy 2.x tables, engine set-up, Alembic migrations, audit trail.

SQLite (the embedded default) and PostgreSQL (team mode) through the same URL-driven code.
"""

from obligations.store.db import Database, open_database

__all__ = ["Database", "open_database"]
