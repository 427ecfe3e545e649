"""50,000 obligations: the table model stays correct (qtmodeltester) and holds only a few pages at a time."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import TODAY
from screen_data import bulk_obligations

from PySide6.QtCore import Qt

from obligations.services.views import ObligationFilter, Status
from obligations.store import open_database
from ui.context import AppContext, DataEvents
from ui.models.obligations_model import COLUMN, ObligationsModel
from ui.pages.obligations_page import ObligationsPage

ROWS = 50_000


@pytest.fixture(scope="module")
def big_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once per module (a few seconds), copied for each test."""
    path = tmp_path_factory.mktemp("big") / "big.db"
    db = open_database(f"sqlite:///{path}")
    bulk_obligations(db, ROWS, today=TODAY)
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the main file
    db.dispose()
    return path


@pytest.fixture
def big(big_file: Path, tmp_path: Path) -> Iterator[AppContext]:
    copy = tmp_path / "big.db"
    shutil.copyfile(big_file, copy)
    db = open_database(f"sqlite:///{copy}")
    yield AppContext(db=db, events=DataEvents(), today=lambda: TODAY)
    db.dispose()


def bound(model: ObligationsModel) -> int:
    return model.PAGE_SIZE * model.MAX_PAGES


def test_model_passes_qtmodeltester_with_50k_rows(big: AppContext, qtmodeltester: Any) -> None:
    model = ObligationsModel(big)
    model.refresh()
    assert model.rowCount() == ROWS
    qtmodeltester.check(model, force_py=True)
    assert model.cached_row_count() <= bound(model)


def test_scrolling_and_sorting_never_load_everything(big: AppContext, qtbot: Any) -> None:
    page = ObligationsPage(big)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    model, table = page.model, page.table
    assert model.rowCount() == ROWS
    scrollbar = table.verticalScrollBar()
    started = time.perf_counter()
    for step in range(0, 101, 5):  # drag the scroll bar from top to bottom
        scrollbar.setValue(scrollbar.maximum() * step // 100)
        table.viewport().repaint()
        assert model.cached_row_count() <= bound(model)
    scrolling = time.perf_counter() - started
    last = model.row_view(ROWS - 1)
    assert last is not None and model.cached_row_count() <= bound(model)

    started = time.perf_counter()
    table.sortByColumn(COLUMN["contract"], Qt.SortOrder.DescendingOrder)
    sorting = time.perf_counter() - started
    first = model.row_view(0)
    assert first is not None and first.contract_title == "Contract 0099"
    assert model.cached_row_count() <= bound(model)
    table.sortByColumn(COLUMN["owner"], Qt.SortOrder.AscendingOrder)
    owners = [model.row_view(r).owner for r in (0, ROWS - 1)]  # type: ignore[union-attr]
    assert owners == ["owner0", None]  # blanks sort last
    # Generous limits for a slow CI machine; on a laptop these take ~0.3 s and ~0.5 s.
    assert scrolling < 10, scrolling
    assert sorting < 5, sorting


def test_filters_on_50k_rows_run_in_sql(big: AppContext) -> None:
    model = ObligationsModel(big)
    started = time.perf_counter()
    model.set_filter(ObligationFilter(status=Status.OVERDUE, kind="payment", text="number 1"))
    elapsed = time.perf_counter() - started
    assert 0 < model.rowCount() < ROWS
    assert all(model.row_view(r).state == Status.OVERDUE for r in range(min(50, model.rowCount())))  # type: ignore[union-attr]
    assert elapsed < 5, elapsed
