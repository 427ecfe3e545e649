"""Pausing Python's cyclic garbage collector while a document is read and stored.

Reading a 200-page PDF makes a few hundred thousand small objects (lines, boxes, tuples) that live as long as
the document does and form no cycles: the collector finds nothing to free in them, yet its passes walk them,
and a full pass walks everything else the process holds as well (measured: 53 ms in one import of 270; the
passes that find nothing, ~4 ms in every one). Reference counting still frees what is dropped; cycles made
meanwhile wait for the next pass after the pause.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pausing = 0  # threads inside `paused()`: the collector is given back when the last one leaves
_was_enabled = True


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic collection while inside (from any thread); as it was before once the last one leaves."""
    global _pausing, _was_enabled
    with _lock:
        if _pausing == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pausing += 1
    try:
        yield
    finally:
        with _lock:
            _pausing -= 1
            if _pausing == 0 and _was_enabled:
                gc.enable()
