"""Workaround: PySide6 6.12's void methods (setText, fillRect, save, …) return None without a new reference.

On CPython 3.12+ None is immortal and this is harmless. On 3.11, each such call takes one reference from None;
None starts with ~37,000 of them in this app, so a few hundred repaints of a Python-painted widget (the month
grid paints ~400 void calls per repaint) end in "Fatal Python error: none_dealloc". Giving None a practically
endless reference count at start-up makes it immortal, as 3.12 does. Call `protect_none()` once, early
(the composition root should; the calendar calls it too, being the widget that paints in Python).
"""

from __future__ import annotations

import ctypes
import sys

ENDLESS = 1 << 60  # unreachable by decrements in any session; far below the Py_ssize_t limit


def void_call_steals_none() -> bool:
    """Whether this PySide6 build drops a reference to None on a void method call (the bug above)."""
    from PySide6.QtCore import QRect

    rect = QRect()
    before = sys.getrefcount(None)
    for _ in range(100):
        rect.setWidth(1)
    return sys.getrefcount(None) < before - 50


def protect_none() -> bool:
    """Make None immortal on CPython < 3.12 (where the bug can kill the process). True if it did something."""
    if sys.version_info >= (3, 12) or hasattr(sys, "gettotalrefcount"):  # immortal already; debug layout differs
        return False
    refcount = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt is PyObject's first field (release builds)
    if refcount.value >= ENDLESS:
        return False
    refcount.value += ENDLESS
    return True
