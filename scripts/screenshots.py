"""Render every main screen of the app, in English and Chinese, into docs/screenshots/ (offscreen, no display).

    python scripts/screenshots.py [--out docs/screenshots] [--corpus ../shared/corpus]

A demo database is built in a temporary folder: the bundled sample agreement and a few corpus agreements are
imported through the real import service, some obligations confirmed, some marked done, owners assigned, and
one hand-made contract with a supplementary agreement added so every screen has something to show.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["TICKLER_HOME"] = tempfile.mkdtemp(prefix="tickler-screens-")  # never the user's own data

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from obligations.model import AnchorType, Direction, DueRule, ReviewState  # noqa: E402
from obligations.services import amendments, occurrences, review, views  # noqa: E402
from obligations.services.importing import FileResult, import_files  # noqa: E402
from obligations.store import Database, open_database  # noqa: E402
from obligations.store.tables import Agreement, Contract, Obligation  # noqa: E402
from ui.context import AppContext, DataEvents  # noqa: E402
from ui.i18n import CHINESE, ENGLISH, install_translators  # noqa: E402
from ui.main_window import CALENDAR, CONTRACTS, OBLIGATIONS, REVIEW, MainWindow  # noqa: E402
from ui.pages.import_summary import ImportSummary  # noqa: E402
from ui.pages.settings_dialog import SettingsDialog  # noqa: E402
from ui.settings import SettingsStore  # noqa: E402
from ui.widgets.resources import sample_agreements  # noqa: E402

TODAY = dt.date(2026, 12, 1)
SIZE = (1280, 800)
CORPUS_FILES = ["zh/zh-lease-01.txt", "zh/zh-consult-01.txt", "en/en-services-01.txt", "en/en-supply-01.txt"]


def by(day: dt.date) -> DueRule:
    return DueRule(direction=Direction.BY, anchor_type=AnchorType.ABSOLUTE, fixed_date=day)


def build_demo(db: Database, corpus: Path | None) -> list[FileResult]:
    paths = list(sample_agreements())
    if corpus is not None:
        paths += [corpus / name for name in CORPUS_FILES if (corpus / name).is_file()]
    results = import_files(db, paths, today=TODAY)
    day = dt.timedelta(days=1)
    with db.transaction(actor="王律师") as session:
        contract = Contract(
            title="办公楼租赁合同",
            counterparty="上海某置业有限公司",
            signing_date=TODAY - 300 * day,
            effective_date=TODAY - 290 * day,
            expiry_date=TODAY + 430 * day,
        )
        session.add(contract)
        base = Agreement(contract=contract, title="办公楼租赁合同", text="", effective_date=contract.effective_date)
        session.add(base)
        session.flush()
        plan = [
            (TODAY - 4 * day, "甲方", "支付第四季度租金", "payment", "王律师"),
            (TODAY + 3 * day, "乙方", "提交年度消防检查报告", "reporting", "李明"),
            (TODAY + 12 * day, "甲方", "书面通知是否续租", "notice", "王律师"),
            (TODAY + 45 * day, "乙方", "返还租赁保证金", "payment", None),
        ]
        added = [
            review.add_obligation(
                session,
                contract.id,
                by(due),
                agreement_id=base.id,
                party=party,
                action=action,
                kind=kind,
                owner=owner,
                today=TODAY,
            )
            for due, party, action, kind, owner in plan
        ]
        session.flush()
        amendments.add_supplement(
            session,
            contract.id,
            amendments.Supplement(
                title="补充协议（一）：租期延长",
                effective_date=TODAY - 30 * day,
                signing_date=TODAY - 35 * day,
                replace=[amendments.Replacement(added[3].id, rule=by(TODAY + 60 * day))],
                facts={"expiry_date": TODAY + 795 * day},
            ),
            today=TODAY,
        )
    # Confirm what was extracted from two of the imported contracts, and mark a few done.
    imported = [r.contract_id for r in results if r.contract_id is not None]
    with db.transaction(actor="王律师") as session:
        for contract_id in imported[1:3]:
            ids = [ob.id for ob in session.query(Obligation).filter_by(contract_id=contract_id)]
            review.confirm(session, ids[: max(1, len(ids) * 2 // 3)], today=TODAY)
            for obligation_id in ids[:2]:
                review.edit_obligation(session, obligation_id, owner="张法务", today=TODAY)
        due = views.next_open_occurrences(
            session, [ob.id for ob in session.query(Obligation).filter_by(review_state=ReviewState.CONFIRMED)][:2]
        )
        for occurrence_id in due.values():
            occurrences.mark_done(session, occurrence_id, note="已处理")
    return results


def grab(widget: QWidget, path: Path) -> None:
    app = QApplication.instance()
    for _ in range(5):
        app.processEvents()  # type: ignore[union-attr]
    widget.grab().save(str(path))
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def render(language: str, out: Path, db: Database, empty: Database, results: list[FileResult], tmp: Path) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app, language)
    tag = "zh" if language == CHINESE else "en"
    try:
        settings = SettingsStore(QSettings(str(tmp / f"{tag}.ini"), QSettings.Format.IniFormat))
        first = MainWindow(AppContext(db=empty, events=DataEvents(), today=lambda: TODAY), settings)
        first.resize(*SIZE)
        first.show()
        grab(first, out / f"{tag}-welcome.png")
        first.close()

        ctx = AppContext(db=db, events=DataEvents(), today=lambda: TODAY)
        window = MainWindow(ctx, settings)
        window.resize(*SIZE)
        window.show()
        window.show_page(OBLIGATIONS)
        grab(window, out / f"{tag}-obligations.png")
        window.show_page(CONTRACTS)
        with db.reader() as session:
            contract_id = session.query(Contract.id).filter_by(title="办公楼租赁合同").scalar()
        window.contracts_page.select_contract(contract_id)
        grab(window, out / f"{tag}-contracts.png")
        window.show_page(CALENDAR)
        grab(window, out / f"{tag}-calendar.png")
        first_agreement = next(r.agreement_id for r in results if r.agreement_id is not None)
        ctx.events.review_agreement.emit(first_agreement)
        window.show_page(REVIEW)
        grab(window, out / f"{tag}-review.png")
        dialog = SettingsDialog(settings, window, config_path=tmp / f"{tag}-settings.json")
        dialog.show()
        grab(dialog, out / f"{tag}-settings.png")
        dialog.close()
        summary = ImportSummary(results, window)
        summary.show()
        grab(summary, out / f"{tag}-import-summary.png")
        summary.close()
        window.close()
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    tmp = Path(os.environ["TICKLER_HOME"])
    db = open_database(f"sqlite:///{tmp / 'demo.db'}")
    empty = open_database(f"sqlite:///{tmp / 'empty.db'}")
    results = build_demo(db, args.corpus if args.corpus.is_dir() else None)
    for language in (ENGLISH, CHINESE):
        render(language, args.out, db, empty, results, tmp)
    db.dispose()
    empty.dispose()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
