"""One way for a screen to write: a use-case service call in one transaction, known errors shown plainly.

Every successful write announces `ctx.events.changed`, so every view (this one included) reloads what it shows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from obligations.errors import KnownError
from ui.context import AppContext
from ui.dialogs.fields import show_known_error

T = TypeVar("T")


def write(ctx: AppContext, parent: QWidget, title: str, work: Callable[[Session], T]) -> T | None:
    """Run `work` in one transaction; on a KnownError (or another user's newer version) say so and return None."""
    try:
        with ctx.db.transaction() as session:
            result = work(session)
    except KnownError as exc:
        show_known_error(parent, title, exc)
        return None
    except StaleDataError:
        show_known_error(
            parent,
            title,
            QCoreApplication.translate(
                "Writes", "Someone else changed this meanwhile. It has been reloaded: check it and try again."
            ),
        )
        ctx.events.changed.emit()
        return None
    ctx.events.changed.emit()
    return result
