"""The GUI measurements, each run in a fresh interpreter by bench_gui.py (offscreen Qt); prints one JSON line.

    gui_child.py paint --app tickler|bare --db URL      cold start: the wall clock at the main window's first paint
                                                       (and, for Tickler, when its first page painted with data)
    gui_child.py screens --db URL                      obligations table and calendar: open, sort, filter, scroll
    gui_child.py latency --db URL --pdf FILE...        event-loop lateness while the importer reads the files

Kept apart from the app: it drives only the app's public API (ui.app.main and its milestones, ui.app.fill_window,
ObligationsPage, CalendarPage, MainWindow and its Importer).
"""

from __future__ import annotations

import time

SCRIPT_STARTED = time.time()  # before any import: the interpreter's own start-up is the parent's to measure

import argparse  # noqa: E402
import gc  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import traceback  # noqa: E402
from collections.abc import Callable  # noqa: E402
from typing import Any  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TIMEOUT_MS = 600_000


def emit(result: dict[str, Any]) -> None:
    print(json.dumps(result), flush=True)


def fail_on_exceptions() -> None:
    """An exception in a slot does not stop Qt's event loop (PLATFORM-NOTES): stop the process instead."""

    def hook(kind: type[BaseException], exc: BaseException, tb: Any) -> None:
        traceback.print_exception(kind, exc, tb)
        sys.stderr.flush()
        os._exit(3)

    sys.excepthook = hook


# --- cold start -----------------------------------------------------------------------------------------------


def paint(app_kind: str, url: str) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    painted: list[float] = []
    imported = SCRIPT_STARTED
    if app_kind == "bare":

        class FirstPaint(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint and not painted:
                    painted.append(time.time())
                    QTimer.singleShot(0, QApplication.quit)
                return False

        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.setWindowTitle("bare")
        window.resize(1280, 800)
        watcher = FirstPaint(window)
        window.installEventFilter(watcher)
        window.show()
        app.exec()
        if not painted:
            raise SystemExit("no first paint")
        emit({"script_started": SCRIPT_STARTED, "imported": imported, "painted": painted[0]})
        return
    import ui.app as tickler_app

    imported = time.time()
    seen: dict[str, float] = {}
    shown: dict[str, Any] = {}

    def milestone(name: str) -> None:
        seen.setdefault(name, time.time())
        if name == "filled":  # what the first page shows at that moment: evidence it is the data, not a blank
            window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow")
            page = window.current_page()  # type: ignore[attr-defined]
            shown["page"] = type(page).__name__
            shown["rows"] = page.model.rowCount() if hasattr(page, "model") else 0

    code = tickler_app.main(["--smoke-test", "--db", url], on_milestone=milestone)
    if code != 0 or "painted" not in seen or "filled" not in seen:
        raise SystemExit(f"no first paint or no filled page (exit status {code}, saw {sorted(seen)})")
    emit({"script_started": SCRIPT_STARTED, "imported": imported, **seen, **shown})


# --- the obligations table and the calendar ---------------------------------------------------------------------


def _ms(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def screens(url: str, today_iso: str) -> None:
    import datetime as dt

    from common import rss_mb

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractSlider, QApplication

    from obligations.services.views import ObligationFilter, Status
    from obligations.store import open_database
    from ui.context import AppContext, DataEvents
    from ui.models.obligations_model import COLUMN

    app = QApplication(sys.argv[:1])
    fail_on_exceptions()
    today = dt.date.fromisoformat(today_iso)
    db = open_database(url)
    ctx = AppContext(db=db, events=DataEvents(), today=lambda: today)
    from ui.calendar.page import CalendarPage
    from ui.pages.obligations_page import ObligationsPage

    out: dict[str, Any] = {"rss_start_mb": rss_mb()}

    holder: dict[str, Any] = {}

    def opened(name: str, make: Callable[[], Any]) -> float:
        """Milliseconds to build a page, show it at 1280×800 and paint it with its data; kept in `holder`."""

        def open_page() -> None:
            page = holder[name] = make()
            page.resize(1280, 800)
            page.show()
            QApplication.processEvents()
            page.repaint()

        return _ms(open_page)

    out["table_open"] = opened("table", lambda: ObligationsPage(ctx))
    # The app's state from here on: once its first page is filled, what it has loaded is out of the collector's
    # full passes (ui/app.py fill_window: gc.freeze()). Without it a full pass over all of that lands in whichever
    # step crosses the threshold (~60 ms at 100k: a month change in one run, the agenda in the next).
    gc.freeze()
    page = holder["table"]
    model, table = page.model, page.table
    out["rows"] = model.rowCount()
    out["rss_table_mb"] = rss_mb()

    def sort(column: str, order: Qt.SortOrder) -> float:
        return _ms(lambda: (table.sortByColumn(COLUMN[column], order), page.repaint()))

    sorts = {
        f"{name} {'desc' if order == Qt.SortOrder.DescendingOrder else 'asc'}": sort(name, order)
        for name in ("contract", "action", "next_due", "state", "owner")
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder)
    }
    sort("next_due", Qt.SortOrder.AscendingOrder)
    out["table_sort"] = max(sorts.values())
    out["table_sort_each"] = sorts

    def filtered(flt: ObligationFilter) -> float:
        return _ms(lambda: (model.set_filter(flt), page.repaint()))

    filters = {
        "overdue": filtered(ObligationFilter(status=Status.OVERDUE)),
        "due in 30 days": filtered(ObligationFilter(due_within_days=30)),
        "kind payment": filtered(ObligationFilter(kind="payment")),
        "text 支付": filtered(ObligationFilter(text="支付")),
        "text acme invoice": filtered(ObligationFilter(text="acme invoice")),
        "all active": filtered(ObligationFilter()),
    }
    out["table_filter"] = max(filters.values())
    out["table_filter_each"] = filters

    bar = table.verticalScrollBar()
    page_downs = [
        _ms(lambda: (bar.triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd), page.repaint()))
        for _ in range(30)
    ]
    jumps = []
    for step in (50, 10, 90, 30, 70, 20, 80, 40, 60, 100):  # far apart: each lands on rows not loaded yet
        jumps.append(_ms(lambda step=step: (bar.setValue(bar.maximum() * step // 100), page.repaint())))
    out["table_scroll_page"] = max(page_downs)
    out["table_scroll_page_median"] = statistics.median(page_downs)
    out["table_scroll_jump"] = max(jumps)
    out["table_scroll_jump_median"] = statistics.median(jumps)
    out["table_page_loads"] = model.page_loads
    out["rss_table_after_mb"] = rss_mb()
    page.close()

    out["calendar_open"] = opened("calendar", lambda: CalendarPage(ctx))
    calendar = holder["calendar"]
    out["rss_calendar_mb"] = rss_mb()
    months = [_ms(lambda: (calendar.month.showNextMonth(), calendar.repaint())) for _ in range(6)]
    months += [_ms(lambda: (calendar.month.showPreviousMonth(), calendar.repaint())) for _ in range(6)]
    out["calendar_month"] = max(months)
    out["calendar_month_median"] = statistics.median(months)
    days = []
    for offset in range(1, 11):
        day = today + dt.timedelta(days=offset)
        from ui.calendar.month import qdate

        days.append(_ms(lambda day=day: (calendar.month.setSelectedDate(qdate(day)), calendar.repaint())))
    out["calendar_day"] = max(days)
    out["calendar_agenda_year"] = _ms(lambda: (calendar.days.setValue(366), calendar.repaint()))
    out["agenda_rows"] = calendar.agenda_model.rowCount()
    out["rss_end_mb"] = rss_mb()
    from common import peak_rss_mb

    out["rss_peak_mb"] = peak_rss_mb()
    calendar.close()
    db.dispose()
    emit(out)
    del app


# --- event-loop latency during an import --------------------------------------------------------------------


def latency(url: str, pdfs: list[str], today_iso: str, idle_seconds: float) -> None:
    import datetime as dt
    from pathlib import Path

    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from obligations.store import open_database
    from ui.app import fill_window
    from ui.context import AppContext, DataEvents
    from ui.main_window import MainWindow
    from ui.settings import SettingsStore

    app = QApplication(sys.argv[:1])
    fail_on_exceptions()
    today = dt.date.fromisoformat(today_iso)
    db = open_database(url)
    ctx = AppContext(db=db, events=DataEvents(), today=lambda: today)
    window = MainWindow(None, SettingsStore())
    window.show()
    app.processEvents()
    fill_window(window, ctx, app, smoke_test=False)  # as the app's phase two: pages, refreshers, gc.freeze()
    app.processEvents()

    interval = 5
    samples: list[tuple[float, float]] = []  # (when, lateness in ms)
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        samples.append((now, (now - last[0]) * 1000 - interval))
        last[0] = now

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(interval)
    timer.timeout.connect(tick)

    def wait(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    QTimer.singleShot(TIMEOUT_MS, lambda: os._exit(4))
    wait(1000)  # the window settles first (deferred layout, first paints): not part of either measurement
    last[0] = time.perf_counter()
    timer.start()
    idle_start = time.perf_counter()
    wait(int(idle_seconds * 1000))
    idle_end = time.perf_counter()
    finished: list[float] = []
    import_start = time.perf_counter()
    task = window.importer.import_paths([Path(pdf) for pdf in pdfs])
    if task is None:
        raise SystemExit("the importer did not start")
    window.importer.finished.connect(lambda _results: finished.append(time.perf_counter()))
    while not finished:
        wait(50)
    task_done = finished[0]
    wait(1500)  # the window catching up: summary dialog, screens refreshing after the change
    timer.stop()
    end = time.perf_counter()

    def stats(start: float, stop: float) -> dict[str, float]:
        late = sorted(max(value, 0.0) for when, value in samples if start < when <= stop)
        if not late:
            return {"max": 0.0, "p99": 0.0, "ticks": 0}
        return {
            "max": late[-1],
            "p99": late[min(len(late) - 1, int(len(late) * 0.99))],
            "median": statistics.median(late),
            "ticks": len(late),
        }

    out = {
        "idle": stats(idle_start, idle_end),
        "during": stats(import_start, task_done),
        "after": stats(task_done, end),
        "import_seconds": task_done - import_start,
        # the long ones, as (ms since the import started, ms late): where in the import they happen
        "stalls": [(round((when - import_start) * 1000), round(value)) for when, value in samples if value > 25],
    }
    summary = window.importer.summary
    if summary is not None:
        summary.close()
    window.close()
    db.dispose()
    emit(out)
    sys.stdout.flush()
    os._exit(0)  # skip teardown of the pool thread's pdfium objects


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=["paint", "screens", "latency"])
    parser.add_argument("--app", choices=["tickler", "bare"], default="tickler")
    parser.add_argument("--db", required=True)
    parser.add_argument("--pdf", nargs="+")
    parser.add_argument("--today")
    parser.add_argument("--idle", type=float, default=2.0)
    args = parser.parse_args()
    if args.what == "paint":
        paint(args.app, args.db)
    elif args.what == "screens":
        screens(args.db, args.today)
    else:
        latency(args.db, args.pdf, args.today, args.idle)


if __name__ == "__main__":
    main()
