"""Pages reload only when they can be seen: a write refreshes the visible page now and the others when shown.

At start the window builds every page but fills only the one on screen, and an import does not reload four
screens on the GUI thread at once (benchmarks/FINDINGS.md: start-up and post-import stalls).
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget


class ReloadWhenShown:
    """Mixin for a page with `reload()`: call `request_reload()` instead, and reloads wait until it is shown.

    A page standing alone (its own window, as in tests and dialogs) reloads at once, as before.
    """

    _stale = False

    def request_reload(self) -> None:
        assert isinstance(self, QWidget)
        if self.isVisible() or self.window() is self:
            self._stale = False
            self.reload()  # type: ignore[attr-defined]
        else:
            self._stale = True

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
