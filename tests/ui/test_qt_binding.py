"""The Qt binding must not leak references to None: PySide6 6.12.0 on CPython 3.11 took one per void call
(setText, fillRect, …) until the process aborted with "none_dealloc". pyproject pins below it; this fails loudly
if an upgrade brings such a build back."""

from __future__ import annotations

import sys

from PySide6.QtCore import QRect


def test_void_method_calls_keep_none_alive():
    rect = QRect()
    before = sys.getrefcount(None)
    for _ in range(1000):
        rect.setWidth(1)
    assert sys.getrefcount(None) >= before - 10
