"""The review screen driven like a lawyer would: keyboard through the candidates, confirm, reject, edit, add."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox

from obligations.model import AnchorType, Direction, DueRule, Period, ReviewState, Unit
from obligations.paths import documents_dir
from obligations.services import review, screens
from obligations.store import Database
from obligations.store.tables import Agreement, Contract, Obligation
from ui.context import AppContext
from ui.review import ReviewPage
from ui.review.document import COLOURS, render_page
from ui.review.model import CandidateModel

TODAY = dt.date(2026, 3, 2)

TEXT = """设备维护服务合同

甲方：上海某某科技有限公司
乙方：北京某某通信服务有限公司

第一条 合同期限
本合同自2026年3月1日起生效，有效期至2026年12月31日。

第二条 付款
甲方应在本合同生效之日起15日内支付首期服务费。

第三条 故障响应
乙方应在甲方报告故障后24小时内到场处理。

第四条 续约
任何一方如不续约，应在合同期满前30日书面通知对方。

第五条 保密
乙方应在合同终止后10个工作日内返还全部资料。
"""

# (phrase in TEXT, party, action, kind, rule): what a (perfect) extractor would propose.
CANDIDATES = [
    (
        "甲方应在本合同生效之日起15日内支付首期服务费",
        "甲方",
        "支付首期服务费",
        "payment",
        DueRule(Direction.AFTER, AnchorType.EFFECTIVE, Period(15, Unit.DAY), anchor_label="合同生效"),
    ),
    (
        "乙方应在甲方报告故障后24小时内到场处理",
        "乙方",
        "到场处理",
        "response",
        DueRule(Direction.AFTER, AnchorType.EVENT, Period(24, Unit.HOUR), anchor_label="报告故障"),
    ),
    (
        "应在合同期满前30日书面通知对方",
        "任何一方",
        "书面通知不续约",
        "notice",
        DueRule(Direction.BEFORE, AnchorType.EXPIRY, Period(30, Unit.DAY), anchor_label="合同期满"),
    ),
]


def seed(db: Database) -> tuple[int, int, list[int]]:
    """A contract whose agreement text has three proposed obligations (independent of the extractor)."""
    with db.transaction() as session:
        contract = Contract(
            title="设备维护服务合同",
            counterparty="北京某某通信服务有限公司",
            signing_date=dt.date(2026, 2, 20),
            effective_date=dt.date(2026, 3, 1),
            expiry_date=dt.date(2026, 12, 31),
            calendar="CN",
        )
        agreement = Agreement(contract=contract, title="设备维护服务合同", text=TEXT, page_starts=[0])
        session.add_all([contract, agreement])
        session.flush()
        ids = []
        for phrase, party, action, kind, rule in CANDIDATES:
            start = TEXT.index(phrase)
            ob = review.add_obligation(
                session,
                contract.id,
                rule,
                agreement_id=agreement.id,
                span=(start, start + len(phrase)),
                quote=phrase,
                confirmed=False,
                today=TODAY,
                party=party,
                action=action,
                kind=kind,
                phrase=phrase,
            )
            ids.append(ob.id)
        return contract.id, agreement.id, ids


def states(db: Database) -> dict[int, str]:
    with db.reader() as session:
        return {oid: state for oid, state in session.execute(select(Obligation.id, Obligation.review_state))}


@pytest.fixture
def page(qtbot: Any, ctx: AppContext) -> ReviewPage:
    widget = ReviewPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    return widget


def known_errors(widget: Any) -> list[str]:
    return [box.text() for box in widget.findChildren(QMessageBox, "knownError") if box.isVisible()]


def test_opens_on_the_agreement_with_every_candidate_highlighted(page: ReviewPage, ctx: AppContext) -> None:
    _cid, aid, ids = seed(ctx.db)
    ctx.events.review_agreement.emit(aid)
    assert [r.id for r in page.model.rows()] == ids
    assert page.current_id() == ids[0]  # the first proposed one
    selections = page.document.extraSelections()
    assert len(selections) == 3
    assert selections[1].format.background().color().name() == COLOURS[ReviewState.PROPOSED][0]
    assert "Only confirmed obligations drive reminders" in page.notice.text()
    # Unconfirmed candidates show what confirming would schedule (effective 03-01 + 15 days), marked as preview.
    first = page.model.rows()[0]
    assert first.preview and first.next_due == dt.date(2026, 3, 16)
    assert page.due.text().startswith("Due: 2026-03-16")
    assert page.steps.count() > 0


def test_a_prepared_screen_is_shown_over_turns(page: ReviewPage, ctx: AppContext, qtbot: Any) -> None:
    """As an import ends: the page emptied at once, the obligations on the next turn, the text on the one after."""
    from ui.tasks import running_tasks

    _cid, aid, ids = seed(ctx.db)
    ctx.events.review_agreement.emit(aid)  # something shown before (the previous import's agreement)
    with ctx.db.reader() as session:
        screen = screens.review_screen(session, aid, today=TODAY)
    ctx.events.review_prepared.emit(screen)
    assert page.model.rowCount() == 0 and page.document.toPlainText() == "" and running_tasks() == 1
    qtbot.waitUntil(lambda: running_tasks() == 0)
    assert [r.id for r in page.model.rows()] == ids and page.current_id() == ids[0]
    assert page.document.toPlainText() == TEXT
    assert len(page.document.extraSelections()) == 3
    assert page.document.textCursor().position() == TEXT.index(CANDIDATES[0][0])  # scrolled to the current one


def test_a_prepared_text_not_shown_over_the_next_agreement(page: ReviewPage, ctx: AppContext, qtbot: Any) -> None:
    from ui.tasks import running_tasks

    _cid, first, _ids = seed(ctx.db)
    _cid, second, _ids = seed(ctx.db)
    with ctx.db.transaction() as session:
        session.get(Agreement, second).text = TEXT.replace("设备维护", "网络维护")
    with ctx.db.reader() as session:
        screen = screens.review_screen(session, first, today=TODAY)
    ctx.events.review_prepared.emit(screen)
    ctx.events.review_agreement.emit(second)  # before the first one's text had its turn
    qtbot.waitUntil(lambda: running_tasks() == 0)
    assert page.document.toPlainText().startswith("网络维护")


def test_keyboard_confirm_reject_and_move(page: ReviewPage, ctx: AppContext, qtbot: Any) -> None:
    _cid, aid, ids = seed(ctx.db)
    ctx.events.review_agreement.emit(aid)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_C)
    assert states(ctx.db)[ids[0]] == ReviewState.CONFIRMED
    assert page.current_id() == ids[1]  # on to the next one waiting
    qtbot.keyClick(page.table, Qt.Key.Key_K)
    assert page.current_id() == ids[0]
    qtbot.keyClick(page.table, Qt.Key.Key_J)
    assert page.current_id() == ids[1]
    qtbot.keyClick(page.table, Qt.Key.Key_R)
    assert states(ctx.db)[ids[1]] == ReviewState.REJECTED
    selections = page.document.extraSelections()
    assert selections[1].format.fontStrikeOut()
    assert page.current_id() == ids[2]
    qtbot.keyClick(page.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert states(ctx.db) == {ids[0]: "confirmed", ids[1]: "rejected", ids[2]: "confirmed"}
    # Confirmed obligations are scheduled: 30 days before expiry 2026-12-31 is 12-01 (a Tuesday).
    with ctx.db.reader() as session:
        detail = screens.obligation_detail(session, ids[2], today=TODAY)
    assert [o.due_date for o in detail.occurrences] == [dt.date(2026, 12, 1)]
    assert "(3 to review)" not in page.agreements.currentText()


def test_delete_rejects_and_e_moves_to_the_form(page: ReviewPage, ctx: AppContext, qtbot: Any) -> None:
    _cid, aid, ids = seed(ctx.db)
    page.show_agreement(aid)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert states(ctx.db)[ids[0]] == ReviewState.REJECTED
    qtbot.keyClick(page.table, Qt.Key.Key_E)
    assert page.fields.party.hasFocus()
    qtbot.keyClick(page.fields.party, Qt.Key.Key_R)  # typing in a field never triggers the letter shortcuts
    assert states(ctx.db)[ids[1]] == ReviewState.PROPOSED


def test_clicking_a_highlight_selects_its_candidate(page: ReviewPage, ctx: AppContext, qtbot: Any) -> None:
    _cid, aid, ids = seed(ctx.db)
    page.show_agreement(aid)
    start = TEXT.index(CANDIDATES[2][0]) + 3
    cursor = QTextCursor(page.document.document())
    cursor.setPosition(start)
    point: QPoint = page.document.cursorRect(cursor).center()
    qtbot.mouseClick(page.document.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert page.current_id() == ids[2]
    assert page.fields.action.text() == "书面通知不续约"


def test_edit_then_confirm_saves_the_edit(page: ReviewPage, ctx: AppContext, qtbot: Any) -> None:
    _cid, aid, ids = seed(ctx.db)
    page.show_agreement(aid)
    page.fields.owner.setText("王律师")  # Chinese through setText: keyClicks with non-ASCII kills the process
    page.fields.owner.textEdited.emit("王律师")
    page.rule.amount.setValue(20)
    assert page.save_button.isEnabled()
    page.confirm_button.click()
    with ctx.db.reader() as session:
        ob = session.get(Obligation, ids[0])
        assert (ob.owner, ob.amount_value, ob.review_state) == ("王律师", 20, "confirmed")
        assert [o.due_date for o in ob.occurrences] == [dt.date(2026, 3, 23)]  # 03-21 is a Saturday: rolled


def test_a_stale_edit_is_refused_with_a_message(page: ReviewPage, ctx: AppContext, qtbot: Any) -> None:
    _cid, aid, ids = seed(ctx.db)
    page.show_agreement(aid)
    with ctx.db.transaction(actor="colleague") as session:  # someone else saves first
        review.edit_obligation(session, ids[0], owner="李律师", today=TODAY)
    page.fields.owner.setText("王律师")
    page.fields.owner.textEdited.emit("王律师")
    page.save_button.click()
    messages = known_errors(page)
    assert messages and "changed by someone else" in messages[0]
    with ctx.db.reader() as session:
        assert session.get(Obligation, ids[0]).owner == "李律师"
    assert page.fields.owner.text() == "王律师"  # the form keeps what was typed


def test_confirming_an_incomplete_rule_asks_for_the_period(page: ReviewPage, ctx: AppContext) -> None:
    _cid, aid, ids = seed(ctx.db)
    page.show_agreement(aid)
    page.rule.amount.setValue(0)
    page.confirm()
    assert any("period" in text for text in known_errors(page))
    assert states(ctx.db)[ids[0]] == ReviewState.PROPOSED


def test_add_obligation_from_selection(page: ReviewPage, ctx: AppContext, qtbot: Any) -> None:
    _cid, aid, ids = seed(ctx.db)
    page.show_agreement(aid)
    missed = "乙方应在合同终止后10个工作日内返还全部资料"
    start = TEXT.index(missed)
    cursor = QTextCursor(page.document.document())
    cursor.setPosition(start)
    cursor.setPosition(start + len(missed), QTextCursor.MoveMode.KeepAnchor)
    page.document.setTextCursor(cursor)
    page.document.setFocus()
    qtbot.keyClick(page.document, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    with ctx.db.reader() as session:
        new = session.scalars(select(Obligation).where(Obligation.id.not_in(ids))).one()
        assert (new.span_start, new.span_end, new.quote) == (start, start + len(missed), missed)
        assert new.review_state == ReviewState.PROPOSED  # the lawyer still confirms it
        assert new.agreement_id == aid
        new_id = new.id
    assert page.current_id() == new_id
    assert page.fields.party.hasFocus()
    # Complete it by hand (whatever the extractor read in the selection) and confirm.
    page.rule.set_rule(DueRule(Direction.AFTER, AnchorType.TERMINATION, Period(10, Unit.BUSINESS_DAY)))
    page.rule.changed.emit()
    page.confirm()
    assert states(ctx.db)[new_id] == ReviewState.CONFIRMED
    assert len(page.document.extraSelections()) == 4


def test_add_without_selection_explains(page: ReviewPage, ctx: AppContext) -> None:
    _cid, aid, _ids = seed(ctx.db)
    page.show_agreement(aid)
    page.add_from_selection()
    assert any("Select the clause" in text for text in known_errors(page))


def test_saving_contract_facts_recomputes(page: ReviewPage, ctx: AppContext) -> None:
    _cid, aid, ids = seed(ctx.db)
    page.show_agreement(aid)
    page.select_obligation(ids[2])
    page.confirm()
    page.facts.expiry.set_value(dt.date(2027, 6, 30))
    page.facts.counterparty.setText("北京某某通信有限公司")
    page.save_facts()
    with ctx.db.reader() as session:
        ob = session.get(Obligation, ids[2])
        assert [o.due_date for o in ob.occurrences] == [dt.date(2027, 5, 31)]
        assert ob.contract.counterparty == "北京某某通信有限公司"


def test_candidate_model(qtmodeltester: Any, ctx: AppContext) -> None:
    _cid, aid, _ids = seed(ctx.db)
    with ctx.db.reader() as session:
        _contract, _agreement, rows = screens.review_data(session, aid, today=TODAY)
    model = CandidateModel()
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert model.data(model.index(0, CandidateModel.RULE)) == "15 calendar days after 合同生效"


def test_pdf_original_page_is_rendered(page: ReviewPage, ctx: AppContext, corpus: Path) -> None:
    source = corpus / "en" / "en-maintenance-01.pdf"
    stored = documents_dir() / "sample.pdf"
    shutil.copyfile(source, stored)
    with ctx.db.transaction() as session:
        contract = Contract(title="Maintenance", calendar="US", language="en")
        agreement = Agreement(
            contract=contract,
            title="Maintenance",
            text="x" * 200,
            page_starts=[0],
            file_kind="pdf",
            stored_name=stored.name,
        )
        session.add_all([contract, agreement])
        session.flush()
        review.add_obligation(
            session,
            contract.id,
            DueRule(Direction.BY, AnchorType.ABSOLUTE, fixed_date=dt.date(2026, 5, 1)),
            agreement_id=agreement.id,
            span=(120, 140),
            confirmed=False,
            today=TODAY,
        )
        aid = agreement.id
    page.show_agreement(aid)
    assert page.doc_tabs.isTabEnabled(1)
    assert page.pdf._label.pixmap().isNull()  # the text tab is in front: no page rendered for nobody
    page.doc_tabs.setCurrentIndex(1)
    assert page.pdf._label.pixmap() is not None and not page.pdf._label.pixmap().isNull()
    image = render_page(stored, 0, None, scale=1.0)
    assert image is not None and image.width() > 100


def test_review_then_calendar_then_done(page: ReviewPage, ctx: AppContext, qtbot: Any) -> None:
    """The whole path: confirm on the review screen by keyboard, see it on the calendar, mark it done there."""
    from ui.calendar import CalendarPage

    _cid, aid, ids = seed(ctx.db)
    ctx.events.review_agreement.emit(aid)
    calendar = CalendarPage(ctx)
    qtbot.addWidget(calendar)
    assert calendar.month.items_on(dt.date(2026, 3, 16)) == []  # proposed: not on the calendar
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_C)  # confirms the payment, due 03-01 + 15 days
    [item] = calendar.month.items_on(dt.date(2026, 3, 16))  # the calendar heard `changed` and reloaded
    assert item.obligation_id == ids[0]
    dialog = calendar.open_item(item.obligation_id, item.occurrence_id)
    dialog.note.setText("已付款")
    dialog.done_button.click()
    assert [i.status for i in calendar.month.items_on(dt.date(2026, 3, 16))] == ["done"]


def test_review_of_an_imported_sample(page: ReviewPage, ctx: AppContext, qtbot: Any, corpus: Path) -> None:
    """Whatever the extractor proposes for a real contract, each candidate is highlighted at its own words."""
    from obligations.services.importing import import_files

    [result] = import_files(ctx.db, [corpus / "zh" / "zh-telecom-00.txt"], today=TODAY)
    if not result.obligation_count:
        pytest.skip("the extractor proposes nothing for this sample")
    ctx.events.review_agreement.emit(result.agreement_id)
    rows = page.model.rows()
    assert len(rows) == result.obligation_count
    text = page.document.toPlainText()
    spans = [(r.span_start, r.span_end) for r in rows if r.span_start is not None]
    assert len(page.document.extraSelections()) == len(spans)
    for (start, end), selection in zip(spans, page.document.extraSelections(), strict=True):
        assert selection.cursor.selectedText() == text[start:end]
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_C)
    assert states(ctx.db)[rows[0].id] == ReviewState.CONFIRMED


def test_o_opens_the_obligation(page: ReviewPage, ctx: AppContext, qtbot: Any) -> None:
    _cid, aid, ids = seed(ctx.db)
    page.show_agreement(aid)
    page.table.setFocus()
    with qtbot.waitSignal(ctx.events.open_obligation) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_O)
    assert opened.args == [ids[0]]


def test_picker_lists_what_waits_for_review(page: ReviewPage, ctx: AppContext) -> None:
    _cid, first, ids = seed(ctx.db)
    _cid2, second, _ids2 = seed(ctx.db)
    with ctx.db.transaction() as session:
        review.confirm(session, ids, today=TODAY)  # the first agreement is fully reviewed
    ctx.events.changed.emit()
    listed = [page.agreements.itemData(i) for i in range(page.agreements.count())]
    assert listed == [second]
    assert page.model.rows()[0].agreement_id == second  # opened on what waits
    page.show_agreement(first)  # still reachable when asked for (e.g. from the contracts screen)
    assert page.agreements.currentData() == first
    assert [page.agreements.itemData(i) for i in range(page.agreements.count())] == [second, first]


def test_unsaved_edits_survive_a_reload_and_stay_checked(page: ReviewPage, ctx: AppContext) -> None:
    _cid, aid, ids = seed(ctx.db)
    page.show_agreement(aid)
    page.fields.owner.setText("王律师")
    page.fields.owner.textEdited.emit("王律师")
    with ctx.db.transaction(actor="colleague") as session:
        review.edit_obligation(session, ids[0], owner="李律师", today=TODAY)
    ctx.events.changed.emit()  # the colleague's write reaches this window
    assert page.fields.owner.text() == "王律师"  # what was typed is not thrown away
    page.save_edits()
    assert any("changed by someone else" in text for text in known_errors(page))
    with ctx.db.reader() as session:
        assert session.get(Obligation, ids[0]).owner == "李律师"  # and it did not overwrite theirs


def test_scanned_pages_read_with_low_confidence_are_flagged(page: ReviewPage, ctx: AppContext) -> None:
    _cid, aid, _ids = seed(ctx.db)
    page.show_agreement(aid)
    assert page.scan_warning.isHidden()  # a text agreement: nothing to flag
    with ctx.db.transaction() as session:
        session.get(Agreement, aid).page_confidence = [None, 0.97, 0.62, 0.85]  # type: ignore[union-attr]
    page.show_agreement(aid)
    assert not page.scan_warning.isHidden()
    assert "3, 4" in page.scan_warning.text()
