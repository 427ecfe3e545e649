"""File → Export: month picker and filters drive the same report as `tickler export`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl

from obligations.model import AnchorType, Direction, DueRule
from obligations.services import review
from obligations.store import open_database
from obligations.store.tables import Contract
from ui.context import AppContext, DataEvents
from ui.pages.export_dialog import ExportDialog


def test_exports_the_chosen_month_for_the_chosen_contract(qtbot: Any, tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{(tmp_path / 't.db').as_posix()}")
    with db.transaction() as session:
        for title, day in (("办公楼租赁合同", 10), ("软件许可协议", 20)):
            contract = Contract(title=title)
            session.add(contract)
            session.flush()
            review.add_obligation(
                session,
                contract.id,
                DueRule(Direction.BY, AnchorType.ABSOLUTE, fixed_date=dt.date(2026, 12, day)),
                action="付款",
                owner="王律师",
                today=dt.date(2026, 11, 29),
            )
    ctx = AppContext(db=db, events=DataEvents(), today=lambda: dt.date(2026, 12, 1))
    dialog = ExportDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.month_value() == dt.date(2026, 12, 1)  # the current month by default
    assert dialog.default_name() == "合同履约月报-2026-12.xlsx"
    dialog.contract.setCurrentIndex(dialog.contract.findText("软件许可协议"))
    target = tmp_path / dialog.default_name()
    task = dialog.export_to(target)
    qtbot.waitUntil(lambda: task.done, timeout=20_000)
    assert dialog.result is not None and dialog.result.path == target
    header, *rows = openpyxl.load_workbook(target)["本月到期"].iter_rows(values_only=True)
    contract = header.index("合同")
    assert [row[contract] for row in rows] == ["软件许可协议"]
    db.dispose()
