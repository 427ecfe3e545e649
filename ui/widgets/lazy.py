"""Pages reload only when they can be seen: a write refreshes the visible page now and the others when shown.

At start the window builds every page but fills only the one on screen, and an import does not reload four
screens on the GUI thread at once (benchmarks/FINDINGS.md: start-up and post-import stalls).

Inside a window even the visible page reloads a moment later (the next turn of the event loop), not in the middle
of the signal that reported the change: a slot after it may switch pages (an import ends on the review page), and
the page left behind then waits until it is shown again instead of reloading for nobody.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget


class ReloadWhenShown:
    """Mixin for a page with `reload()`: call `request_reload()` instead, and reloads wait until it is shown.

    A page standing alone (its own window, as in tests and dialogs) reloads at once, as before.
    """

    _stale = False

    def request_reload(self) -> None:
        assert isinstance(self, QWidget)
        if self.window() is self:
            self._stale = False
            self.reload()  # type: ignore[attr-defined]
            return
        self._stale = True
        if self.isVisible():
            QTimer.singleShot(0, self, self._reload_if_seen)

    def _reload_if_seen(self) -> None:
        assert isinstance(self, QWidget)
        if self._stale and self.isVisible():  # several requests in one turn: the first reloads, once
            self._stale = False
            self.reload()  # type: ignore[attr-defined]

    def ensure_fresh(self) -> None:
        """Before acting on what the page shows (select a row from elsewhere): catch up on a skipped reload."""
        if self._stale:
            self._stale = False
            self.reload()  # type: ignore[attr-defined]

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # type: ignore[misc]
        if self._stale:
            self._stale = False
            self.reload()  # type: ignore[attr-defined]
