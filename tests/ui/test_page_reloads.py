"""Pages reload when they can be seen, once: an import ends on the review page without reloading the list it left."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from ui.context import AppContext
from ui.main_window import OBLIGATIONS, REVIEW, MainWindow
from ui.settings import SettingsStore
from ui.widgets.resources import sample_agreements


@pytest.fixture
def window(qtbot: Any, ctx: AppContext, settings: SettingsStore) -> MainWindow:
    win = MainWindow(ctx, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def count_loads(monkeypatch: pytest.MonkeyPatch, window: MainWindow) -> Counter[str]:
    loads: Counter[str] = Counter()

    def counting(name: str, method: Any) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            loads[name] += 1
            return method(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(window.obligations_page, "reload", counting("obligations", window.obligations_page.reload))
    monkeypatch.setattr(window.review_page, "_show", counting("review", window.review_page._show))
    return loads


def test_an_import_loads_the_review_page_once_and_leaves_the_list_for_later(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, qtbot: Any, wait_idle: Any
) -> None:
    window.show_page(OBLIGATIONS)
    qtbot.wait(10)  # the list's first load
    loads = count_loads(monkeypatch, window)
    window.importer.import_paths([sample_agreements()[0]])
    wait_idle()
    qtbot.wait(10)  # any reload still queued
    assert window.nav.currentRow() == REVIEW
    assert window.review_page.model.rowCount() > 0
    assert loads == {"review": 1}  # the list waits until it is shown again
    window.importer.summary.accept()
    window.show_page(OBLIGATIONS)
    assert loads == {"review": 1, "obligations": 1}
    assert window.obligations_page.model.rowCount() == window.review_page.model.rowCount()


def test_a_change_reloads_the_visible_page_once_however_often_it_is_reported(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, qtbot: Any, wait_idle: Any
) -> None:
    window.importer.import_paths([sample_agreements()[0]])  # an empty database shows the welcome page instead
    wait_idle()
    window.importer.summary.accept()
    window.show_page(OBLIGATIONS)
    qtbot.wait(10)
    loads = count_loads(monkeypatch, window)
    for _ in range(3):
        window.ctx.events.changed.emit()
    qtbot.waitUntil(lambda: loads["obligations"] == 1)
    qtbot.wait(10)
    assert loads == {"obligations": 1}  # the hidden review page waits too
    window.show_page(REVIEW)
    assert loads == {"obligations": 1, "review": 1}
