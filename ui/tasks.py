"""The one way the app runs work off the GUI thread (Anki's CollectionOp idea).

    run_task(parent, lambda progress: import_files(...), on_success=show_summary, on_progress=update_bar)

`work` runs on a pool thread and is given a `Progress` to report through and to poll for cancellation;
`on_success(result)`, `on_failure(exc)` and `on_progress(done, total, label)` are always called on the GUI
thread. Widgets never create threads themselves. Without `on_failure`, a KnownError becomes a plain message
box and anything else goes to the crash handler (sys.excepthook).
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

T = TypeVar("T")
log = logging.getLogger(__name__)


class Progress:
    """Handed to the work function: report progress, ask whether the user cancelled. Safe from any thread."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self._cancel = threading.Event()

    def report(self, done: int, total: int, label: str = "") -> None:
        self._relay.progressed.emit(done, total, label)

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted from the worker are queued to it."""

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)


class Task(QObject, Generic[T]):
    """A running piece of work. `finished` fires on the GUI thread after the success or failure callback.

    The callbacks are called from this object's slots: a QObject living on the GUI thread, so the worker's
    signals are queued to it (a plain Python callable would be called on the emitting worker thread).
    """

    finished = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        on_success: Callable[[T], None] | None,
        on_failure: Callable[[BaseException], None] | None,
        on_progress: Callable[[int, int, str], None] | None,
    ) -> None:
        super().__init__(parent)
        self._parent_widget = parent
        self._on_success, self._on_failure, self._on_progress = on_success, on_failure, on_progress
        self._relay = _Relay()  # no parent: it must stay alive until the worker has emitted
        self._relay.succeeded.connect(self._succeeded)
        self._relay.failed.connect(self._failed)
        self._relay.progressed.connect(self._progressed)
        self.progress = Progress(self._relay)
        self.done = False

    def cancel(self) -> None:
        self.progress.cancel()

    @Slot(object)
    def _succeeded(self, result: object) -> None:
        try:
            if self._on_success is not None:
                self._on_success(result)  # type: ignore[arg-type]
        finally:
            self._finish()

    @Slot(object)
    def _failed(self, exc: object) -> None:
        assert isinstance(exc, BaseException)
        try:
            if self._on_failure is not None:
                self._on_failure(exc)
            else:
                report_failure(self._parent_widget, exc)
        finally:
            self._finish()

    @Slot(int, int, str)
    def _progressed(self, done: int, total: int, label: str) -> None:
        if self._on_progress is not None and not self.done:
            self._on_progress(done, total, label)

    def _finish(self) -> None:
        self.done = True
        _running.discard(self)
        self.finished.emit()


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], progress: Progress, relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work, self._progress, self._relay = work, progress, relay

    def run(self) -> None:
        try:
            result = self._work(self._progress)
        except BaseException as exc:  # delivered to the GUI thread; nothing is swallowed here
            self._relay.failed.emit(exc)
        else:
            self._relay.succeeded.emit(result)


_running: set[Task[Any]] = set()  # keeps Python wrappers alive until the work is delivered


def run_task(
    parent: QWidget | None,
    work: Callable[[Progress], T],
    *,
    on_success: Callable[[T], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
) -> Task[T]:
    task: Task[T] = Task(parent, on_success, on_failure, on_progress)
    _running.add(task)
    QThreadPool.globalInstance().start(_Runnable(work, task.progress, task._relay))
    return task


def in_turns(*steps: Callable[[], None]) -> None:
    """Run `steps` on the GUI thread one per turn of the event loop, from the next one on: the window repaints
    and answers input between them, so no single turn holds them all (the end of an import: benchmarks/FINDINGS.md).
    They count as running work (`running_tasks`) until the last has run."""
    global _turns_pending
    remaining = list(steps)
    if not remaining:
        return
    _turns_pending += 1

    def step() -> None:
        global _turns_pending
        try:
            remaining.pop(0)()
        finally:
            if remaining:
                QTimer.singleShot(0, step)
            else:
                _turns_pending -= 1

    QTimer.singleShot(0, step)


_turns_pending = 0  # in_turns chains not finished yet


def running_tasks() -> int:
    return len(_running) + _turns_pending


def wait_for_tasks(timeout_ms: int = 30000) -> bool:
    """Block until the pool is idle (at shutdown, so no write is cut off half-way). False on timeout."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


def report_failure(parent: QWidget | None, exc: BaseException) -> None:
    """A KnownError is the environment's fault: say so plainly. Anything else is our bug: crash handler."""
    from obligations.errors import KnownError
    from ui.widgets.messages import show_known_error

    if isinstance(exc, KnownError):
        show_known_error(parent, exc)
        return
    log.error("background task failed", exc_info=exc)
    sys.excepthook(type(exc), exc, exc.__traceback__)
