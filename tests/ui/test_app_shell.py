"""The app starts, imports through File → Import and drag-and-drop, and shows what it imported."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import TODAY

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog

from obligations.services import views
from obligations.services.importing import Outcome
from ui.context import AppContext
from ui.main_window import CONTRACTS, OBLIGATIONS, REVIEW, MainWindow
from ui.pages.importer import import_with_progress
from ui.settings import SettingsStore
from ui.widgets.resources import sample_agreements


def run_main(args: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    """`main(args)` in a fresh process, as packaging runs it. In-process, `app.exec()` returning after a quit
    leaves Qt's event loops unable to run again (posted events are never delivered), breaking later tests."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TICKLER_HOME": str(home), "XDG_CONFIG_HOME": str(home)}
    code = f"import sys; from ui.app import main; sys.exit(main({args!r}))"
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)


def test_smoke_test_starts_paints_and_exits_0(db_url: str, isolated_home: Path) -> None:
    result = run_main(["--smoke-test", "--db", db_url], isolated_home)
    assert result.returncode == 0, result.stderr


def test_python_dash_m_ui_starts_the_app(db_url: str, isolated_home: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "TICKLER_HOME": str(isolated_home),
        "XDG_CONFIG_HOME": str(isolated_home),
    }
    result = subprocess.run(
        [sys.executable, "-m", "ui", "--smoke-test", "--db", db_url],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 0, result.stderr


def test_smoke_test_reports_an_unusable_database(tmp_path: Path, isolated_home: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = run_main(["--smoke-test", "--db", f"sqlite:///{blocker}/sub/t.db"], isolated_home)
    assert result.returncode == 2
    assert "file/sub" in result.stderr  # says which database, without a dialog nobody would close


@pytest.fixture
def window(qtbot: Any, ctx: AppContext, settings: SettingsStore) -> MainWindow:
    win = MainWindow(ctx, settings)
    qtbot.addWidget(win)
    win.show()
    return win


def test_first_run_shows_the_welcome_page(window: MainWindow) -> None:
    assert window.current_page() is window.welcome_page
    assert window.welcome_page.sample_button.isVisible()


def test_filter_tab_order_follows_the_rows(window: MainWindow) -> None:
    bar = window.obligations_page.filters
    chain = [bar.status]
    while len(chain) < 7:
        chain.append(chain[-1].nextInFocusChain())
        while chain[-1].focusPolicy() == Qt.FocusPolicy.NoFocus or chain[-1].parent() is not bar:
            chain[-1] = chain[-1].nextInFocusChain()
    assert chain == [bar.status, bar.contract, bar.party, bar.due, bar.kind, bar.owner, bar.clear]


def test_file_import_of_the_sample_shows_its_obligations(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, qtbot: Any, wait_idle: Any
) -> None:
    sample = sample_agreements()[0]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(sample)], ""))
    reviewed: list[int] = []
    window.ctx.events.review_prepared.connect(lambda screen: reviewed.append(screen.agreement.id))
    window.import_action.trigger()  # File → Import (Ctrl+O)
    wait_idle()
    summary = window.importer.summary
    assert summary is not None
    assert [r.outcome for r in summary.results] == [Outcome.IMPORTED]
    found = summary.results[0].obligation_count
    assert found > 0
    assert reviewed == [summary.results[0].agreement_id]
    assert window.nav.currentRow() == REVIEW
    summary.accept()
    window.show_page(OBLIGATIONS)
    model = window.obligations_page.model
    assert model.rowCount() == found  # proposed ones are "in force", so the default filter shows them
    titles = {model.row_view(r).contract_title for r in range(model.rowCount())}  # type: ignore[union-attr]
    assert titles == {"上海办公用房租赁合同（示例）"}
    assert window.awaiting.text().endswith(str(found))


def test_the_review_page_an_import_opens_is_read_on_the_worker_not_the_gui_thread(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, wait_idle: Any
) -> None:
    """The end of an import only shows what the worker read: a long agreement's review took ~35 ms on the GUI
    thread, and a window must not freeze as its import ends (benchmarks/FINDINGS.md)."""
    import threading

    from obligations.services import screens

    readers: list[str] = []
    real = screens.review_data

    def recorded(*args: Any, **kwargs: Any) -> Any:
        readers.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(screens, "review_data", recorded)
    window.importer.import_paths([sample_agreements()[0]])
    wait_idle()
    summary = window.importer.summary
    assert summary is not None and summary.results[0].outcome == Outcome.IMPORTED
    page = window.review_page
    assert window.nav.currentRow() == REVIEW
    assert page.model.rowCount() == summary.results[0].obligation_count > 0
    assert page.document.toPlainText().startswith("上海")
    assert readers and threading.main_thread().name not in readers


def test_an_import_whose_review_read_fails_still_reports_and_opens_the_review(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, wait_idle: Any
) -> None:
    """Reading the review screen on the worker is a convenience: the files are stored whatever it meets, and
    the review page then reads the agreement itself."""
    import ui.pages.importer as importer

    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("database busy")

    monkeypatch.setattr(importer, "review_screen", broken)
    window.importer.import_paths([sample_agreements()[0]])
    wait_idle()
    summary = window.importer.summary
    assert summary is not None and [r.outcome for r in summary.results] == [Outcome.IMPORTED]
    assert window.nav.currentRow() == REVIEW
    assert window.review_page.model.rowCount() == summary.results[0].obligation_count > 0


def test_import_again_reports_a_duplicate_and_a_failure_in_one_summary(
    window: MainWindow, tmp_path: Path, wait_idle: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.pages import importer

    sample = sample_agreements()[0]
    window.importer.import_paths([sample])
    wait_idle()
    bad = tmp_path / "old.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0 old word file")
    read: list[Path] = []
    load = importer.load_document
    monkeypatch.setattr(importer, "load_document", lambda path, **options: read.append(path) or load(path, **options))
    window.importer.import_paths([sample, bad])
    wait_idle()
    summary = window.importer.summary
    assert summary is not None
    assert [r.outcome for r in summary.results] == [Outcome.DUPLICATE, Outcome.FAILED]
    assert read == [bad]  # the duplicate known from its bytes' hash, not read again
    assert summary.files.topLevelItemCount() == 2
    assert ".docx" in summary.files.topLevelItem(1).text(2)  # says what to do


def test_dropping_files_imports_them_all(window: MainWindow, tmp_path: Path, qtbot: Any, wait_idle: Any) -> None:
    first = tmp_path / "a.txt"
    first.write_text("甲方应于2026年4月30日前支付服务费。\n乙方应于2026年5月15日前提交报告。\n", encoding="utf-8")
    second = tmp_path / "b.txt"
    second.write_text("The Supplier shall deliver the report by 30 June 2026.\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(first)), QUrl.fromLocalFile(str(second))])
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    window.dropEvent(event)
    wait_idle()
    summary = window.importer.summary
    assert summary is not None
    assert [r.outcome for r in summary.results] == [Outcome.IMPORTED, Outcome.IMPORTED]
    window.show_page(CONTRACTS)
    assert window.contracts_page.model.rowCount() == 2


def test_cancel_stops_before_the_next_file(window: MainWindow, tmp_path: Path, wait_idle: Any) -> None:
    paths = []
    for i in range(3):
        path = tmp_path / f"{i}.txt"
        path.write_text(f"The Supplier shall pay invoice {i} by 30 June 2026.\n", encoding="utf-8")
        paths.append(path)
    task = window.importer.import_paths(paths)
    assert task is not None
    task.cancel()  # what the progress dialog's Cancel button does
    wait_idle()
    summary = window.importer.summary
    assert summary is not None
    assert Outcome.CANCELLED in {r.outcome for r in summary.results}


def test_status_bar_counts_open_the_matching_list(window: MainWindow, qtbot: Any) -> None:
    from screen_data import make_contract

    day = dt.timedelta(days=1)
    make_contract(
        window.ctx.db,
        "Lease",
        "Landlord",
        today=TODAY,
        obligations=[
            {"due": TODAY - 2 * day, "action": "pay rent"},
            {"due": TODAY + 6 * day, "action": "send report"},
            {"due": TODAY + 7 * day, "action": "not this week"},
            {"due": TODAY + 9 * day, "action": "to review", "confirmed": False},
        ],
    )
    window.ctx.events.changed.emit()
    qtbot.waitUntil(lambda: window.overdue.text() == "Overdue: 1")  # counted on the next turn
    assert window.due_week.text() == "Due this week: 1"
    assert window.awaiting.text() == "Awaiting review: 1"
    page = window.obligations_page
    window.overdue.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.row_view(0).action == "pay rent"  # type: ignore[union-attr]
    window.due_week.click()
    qtbot.waitUntil(lambda: page.model.row_view(0).action == "send report")  # type: ignore[union-attr]
    assert page.model.rowCount() == 1  # the list shows what the status bar counted
    window.awaiting.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert window.current_page() is page


class RecordingProgress:
    def __init__(self, cancel_after: int | None = None) -> None:
        self.reports: list[tuple[int, int, str]] = []
        self.cancel_after = cancel_after

    def report(self, done: int, total: int, label: str = "") -> None:
        self.reports.append((done, total, label))

    def cancelled(self) -> bool:
        return self.cancel_after is not None and len(self.reports) > self.cancel_after


def corpus_pdfs() -> list[Path]:
    folder = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "en"
    paths = [folder / "en-services-01.pdf", folder / "en-supply-01.pdf"]
    if not all(p.is_file() for p in paths):
        pytest.skip("the shared corpus is not beside the project")
    return paths


def test_pdf_import_reports_progress_per_page(db: Any) -> None:
    progress = RecordingProgress()
    results = import_with_progress(db, corpus_pdfs(), progress, today=TODAY)  # type: ignore[arg-type]
    assert [r.outcome for r in results] == [Outcome.IMPORTED, Outcome.IMPORTED]
    pages = [label for _, _, label in progress.reports if "page" in label]
    assert "page 3 of 3" in pages[2]
    done = [d for d, _, _ in progress.reports]
    assert done == sorted(done) and progress.reports[-1][:2] == (2000, 2000)  # never goes backwards


def test_cancel_between_pages_stores_nothing_of_that_file(db: Any) -> None:
    progress = RecordingProgress(cancel_after=2)  # during the first PDF's pages
    results = import_with_progress(db, corpus_pdfs(), progress, today=TODAY)  # type: ignore[arg-type]
    assert [r.outcome for r in results] == [Outcome.CANCELLED, Outcome.CANCELLED]
    with db.reader() as session:
        assert not views.has_contracts(session)


def test_the_other_screens_dialogs_open_from_the_shell(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, wait_idle: Any
) -> None:
    """Obligation detail (double-click / Enter), supplementary agreement (contracts), calculator (Tools)."""
    from screen_data import make_contract

    from PySide6.QtWidgets import QDialog

    shown: list[str] = []
    monkeypatch.setattr(QDialog, "exec", lambda self: shown.append(type(self).__name__) or 0)
    contract_id = make_contract(
        window.ctx.db, "Lease", "Landlord", today=TODAY, obligations=[{"due": TODAY, "action": "pay rent"}]
    )
    window.ctx.events.changed.emit()
    page = window.obligations_page
    window.ctx.events.open_obligation.emit(page.model.obligation_id(0))
    window.contracts_page.select_contract(contract_id)
    window.contracts_page.detail.add_supplement.click()
    tools = next(a for a in window.menuBar().actions() if a.text() == "&Tools")
    tools.menu().actions()[0].trigger()
    assert shown == ["ObligationDialog", "SupplementDialog", "CalculatorDialog"]


def test_open_with_tickler_passes_the_files_to_import() -> None:
    from ui.app import parse_args

    args = parse_args(["--minimized", "C:/合同/lease 2026.pdf", "b.docx"])
    assert args.files == [Path("C:/合同/lease 2026.pdf"), Path("b.docx")] and args.minimized
