"""Tickler's domain core: documents, extraction, calendars, due dates, storage, reminders, export, CLI.

Nothing in this package imports Qt (a test enforces it).
"""

__version__ = "0.1.0"
