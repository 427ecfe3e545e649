"""The obligations table's filters and bulk actions, and the contracts list's counts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from conftest import TODAY
from screen_data import make_contract

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QInputDialog

from obligations.model import OccurrenceStatus, ReviewState
from obligations.services.views import ObligationFilter, Status
from obligations.store.tables import Obligation, Occurrence
from ui.context import AppContext
from ui.models.obligations_model import COLUMN
from ui.pages.contracts_page import ContractsPage
from ui.pages.obligations_page import ObligationsPage

DAY = dt.timedelta(days=1)


@pytest.fixture
def data(ctx: AppContext) -> dict[str, int]:
    lease = make_contract(
        ctx.db,
        "房屋租赁合同",
        "武汉某商贸有限公司",
        today=TODAY,
        obligations=[
            {
                "due": TODAY - 3 * DAY,
                "party": "甲方",
                "action": "支付第一季度租金",
                "kind": "payment",
                "owner": "王律师",
            },
            {"due": TODAY + 2 * DAY, "party": "乙方", "action": "提交物业费发票", "kind": "payment"},
            {
                "due": TODAY + 40 * DAY,
                "party": "甲方",
                "action": "书面通知是否续租",
                "kind": "notice",
                "confirmed": False,
            },
        ],
    )
    supply = make_contract(
        ctx.db,
        "Supply Agreement",
        "Acme Ltd",
        today=TODAY,
        obligations=[
            {
                "due": TODAY + 5 * DAY,
                "party": "Supplier",
                "action": "Deliver the quarterly report",
                "kind": "reporting",
                "owner": "Li",
            },
            {
                "due": TODAY + 200 * DAY,
                "party": "Buyer",
                "action": "Give notice of non-renewal",
                "kind": "notice",
                "confirmed": False,
            },
        ],
    )
    return {"lease": lease, "supply": supply}


@pytest.fixture
def page(qtbot: Any, ctx: AppContext, data: dict[str, int]) -> ObligationsPage:
    widget = ObligationsPage(ctx)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def actions(page: ObligationsPage) -> list[str]:
    model = page.model
    return [model.row_view(r).action for r in range(model.rowCount())]  # type: ignore[union-attr]


def test_default_view_is_everything_in_force_soonest_first(page: ObligationsPage) -> None:
    assert actions(page) == [
        "支付第一季度租金",
        "提交物业费发票",
        "Deliver the quarterly report",
        "书面通知是否续租",
        "Give notice of non-renewal",
    ]
    overdue = page.model.index(0, COLUMN["days_left"])
    assert page.model.data(overdue) == "3 days late"
    assert page.model.data(page.model.index(0, COLUMN["state"])) == "Overdue"


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (ObligationFilter(status=Status.PROPOSED), ["书面通知是否续租", "Give notice of non-renewal"]),
        (ObligationFilter(status=Status.OVERDUE), ["支付第一季度租金"]),
        (ObligationFilter(status=Status.CONFIRMED), ["提交物业费发票", "Deliver the quarterly report"]),
        (ObligationFilter(kind="notice"), ["书面通知是否续租", "Give notice of non-renewal"]),
        (ObligationFilter(party="甲方"), ["支付第一季度租金", "书面通知是否续租"]),
        (ObligationFilter(owner="Li"), ["Deliver the quarterly report"]),
        (ObligationFilter(due_within_days=5), ["支付第一季度租金", "提交物业费发票", "Deliver the quarterly report"]),
        (ObligationFilter(text="acme"), ["Deliver the quarterly report", "Give notice of non-renewal"]),  # counterparty
        (ObligationFilter(text="租金"), ["支付第一季度租金"]),
        (ObligationFilter(text="100%_"), []),  # LIKE wildcards are searched for literally
    ],
)
def test_filters(page: ObligationsPage, flt: ObligationFilter, expected: list[str]) -> None:
    page.model.set_filter(flt)
    assert actions(page) == expected


def test_filter_bar_drives_the_model(page: ObligationsPage, data: dict[str, int], qtbot: Any) -> None:
    page.filters.set_contract(data["supply"])
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    page.filters.set_status(Status.PROPOSED)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.set_search_text("nothing like this")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert not page.empty_label.isHidden()
    page.set_search_text("")
    page.filters.reset()
    qtbot.waitUntil(lambda: page.model.rowCount() == 5)


def select_rows(page: ObligationsPage, rows: list[int]) -> None:
    selection = page.table.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(
            page.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        )


def test_bulk_confirm(page: ObligationsPage, ctx: AppContext, wait_idle: Any) -> None:
    page.model.set_filter(ObligationFilter(status=Status.PROPOSED))
    select_rows(page, [0, 1])
    ids = page.selected_ids()
    assert len(ids) == 2
    page.confirm_action.trigger()  # Ctrl+Return
    wait_idle()
    with ctx.db.reader() as session:
        states = {session.get(Obligation, i).review_state for i in ids}  # type: ignore[union-attr]
        dated = session.query(Occurrence).filter(Occurrence.obligation_id.in_(ids)).count()
    assert states == {ReviewState.CONFIRMED}
    assert dated == 2  # confirming gave them due dates
    assert page.model.rowCount() == 0  # the view refreshed after the write


def test_bulk_reject_mark_done_and_assign_owner(
    page: ObligationsPage,
    ctx: AppContext,
    wait_idle: Any,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: list[tuple[str, str]],
) -> None:
    select_rows(page, [0, 1])  # the overdue rent and the invoice
    ids = page.selected_ids()
    page.done_action.trigger()
    wait_idle()
    with ctx.db.reader() as session:
        statuses = [o.status for o in session.query(Occurrence).filter(Occurrence.obligation_id.in_(ids))]
    assert statuses == [OccurrenceStatus.DONE] * 2
    states = [page.model.row_view(r).state for r in range(5)]  # type: ignore[union-attr]
    assert states.count(Status.DONE) == 2  # still in force, shown muted until the filter says otherwise

    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Zhang", True))
    page.model.set_filter(ObligationFilter())
    select_rows(page, [0, 1, 2])
    page.owner_action.trigger()
    wait_idle()
    assert {page.model.row_view(r).owner for r in range(3)} == {"Zhang"}  # type: ignore[union-attr]

    select_rows(page, [2])
    page.reject_action.trigger()
    wait_idle()
    assert message_boxes[-1][0] == "question"  # asked before rejecting
    assert page.model.rowCount() == 4
    page.model.set_filter(ObligationFilter(status=Status.REJECTED))
    assert page.model.rowCount() == 1


def test_contracts_list_counts_and_detail(qtbot: Any, ctx: AppContext, data: dict[str, int]) -> None:
    page = ContractsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    model = page.model
    counts = {
        s.title: (s.open_count, s.overdue_count, s.proposed_count)
        for s in (model.summary(r) for r in range(model.rowCount()))
        if s
    }
    assert counts == {"房屋租赁合同": (2, 1, 1), "Supply Agreement": (1, 0, 1)}
    assert page.select_contract(data["lease"])
    detail = page.detail
    assert detail.title.text() == "房屋租赁合同"
    assert detail.timeline.topLevelItemCount() == 1
    assert detail.obligations.topLevelItemCount() == 3
    governs = [detail.obligations.topLevelItem(i).text(5) for i in range(3)]
    assert governs.count("yes") == 2  # the proposed one does not govern anything yet
    page.set_search_text("acme")
    assert page.proxy.rowCount() == 1


def test_enter_on_a_row_opens_the_obligation(page: ObligationsPage, ctx: AppContext, qtbot: Any) -> None:
    opened: list[int] = []
    ctx.events.open_obligation.connect(opened.append)
    page.table.setFocus()
    select_rows(page, [1])
    page.table.setCurrentIndex(page.model.index(1, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened == [page.model.obligation_id(1)]


def test_a_concurrent_edit_is_reported_plainly_and_nothing_is_written(
    page: ObligationsPage, ctx: AppContext, wait_idle: Any, message_boxes: list[tuple[str, str]]
) -> None:
    select_rows(page, [1, 2])
    first, second = page.selected_ids()

    def confirm_after_someone_else(session: Any, ids: list[int]) -> None:
        rows = [session.get(Obligation, i) for i in ids]  # our form's versions
        with ctx.db.engine.begin() as other:  # another Tickler saves the second row meanwhile
            other.execute(Obligation.__table__.update().where(Obligation.id == second).values(version=99))
        for row in rows:
            row.owner = "me"
        session.flush()  # → StaleDataError for the second row; the whole transaction rolls back

    page._run(confirm_after_someone_else, [first, second])
    wait_idle()
    assert message_boxes and "nothing was changed" in message_boxes[-1][1]
    with ctx.db.reader() as session:
        assert session.get(Obligation, first).owner != "me"  # type: ignore[union-attr]


def test_filter_choices_hold_what_the_data_holds_sorted_ignoring_case(ctx: AppContext, data: dict[str, int]) -> None:
    from obligations.services.views import filter_choices

    make_contract(
        ctx.db,
        "NDA",
        "Globex",
        today=TODAY,
        obligations=[
            {"due": TODAY + DAY, "party": "buyer", "action": "return the papers", "kind": "performance", "owner": ""},
            {"due": TODAY + DAY, "party": None, "action": "sign", "kind": "other", "owner": "alice"},
        ],
    )
    with ctx.db.reader() as session:
        choices = filter_choices(session)
    assert choices.parties == ["Buyer", "buyer", "Supplier", "乙方", "甲方"]
    assert choices.owners == ["alice", "Li", "王律师"]  # the empty owner is no choice
    assert choices.kinds == ["notice", "other", "payment", "performance", "reporting"]
    assert [title for _id, title in choices.contracts] == ["NDA", "Supply Agreement", "房屋租赁合同"]
