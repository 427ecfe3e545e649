"""The supplementary-agreement and calculator dialogs, driven through their widgets."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from PySide6.QtWidgets import QDialog, QMessageBox

from obligations.model import AnchorType, Direction, DueRule, Period, Unit
from obligations.services import review
from obligations.store import Database
from obligations.store.tables import Agreement, Contract, Obligation, Occurrence
from ui.calendar import CalendarPage
from ui.context import AppContext
from ui.dialogs import CalculatorDialog, ObligationDialog, SupplementDialog
from ui.dialogs.supplement import END, FACTS, MODIFY

TODAY = dt.date(2026, 3, 2)


def seed(db: Database) -> tuple[int, int, int]:
    """A contract (effective 03-01) with payment within 15 days of effectiveness and a renewal notice."""
    with db.transaction() as session:
        contract = Contract(
            title="设备维护服务合同",
            effective_date=dt.date(2026, 3, 1),
            expiry_date=dt.date(2026, 12, 31),
            calendar="CN",
        )
        session.add_all([contract, Agreement(contract=contract, title="设备维护服务合同", text="")])
        session.flush()
        payment = review.add_obligation(
            session,
            contract.id,
            DueRule(Direction.AFTER, AnchorType.EFFECTIVE, Period(15, Unit.DAY), anchor_label="合同生效"),
            today=TODAY,
            party="甲方",
            action="支付首期服务费",
            kind="payment",
        )
        notice = review.add_obligation(
            session,
            contract.id,
            DueRule(Direction.BEFORE, AnchorType.EXPIRY, Period(30, Unit.DAY)),
            today=TODAY,
            party="任何一方",
            action="书面通知不续约",
            kind="notice",
        )
        return contract.id, payment.id, notice.id


def open_due(db: Database, obligation_id: int) -> list[dt.date]:
    with db.reader() as session:
        query = select(Occurrence.due_date).where(
            Occurrence.obligation_id == obligation_id, Occurrence.obsolete.is_(False)
        )
        return list(session.scalars(query))


def known_errors(widget: Any) -> list[str]:
    return [box.text() for box in widget.findChildren(QMessageBox, "knownError") if box.isVisible()]


def test_supplement_changes_the_payment_period(qtbot: Any, ctx: AppContext) -> None:
    contract_id, payment, notice = seed(ctx.db)
    assert open_due(ctx.db, payment) == [dt.date(2026, 3, 16)]
    dialog = SupplementDialog(ctx, contract_id)
    qtbot.addWidget(dialog)
    dialog.title.setText("补充协议（一）")
    dialog.signing.set_value(dt.date(2026, 3, 5))
    dialog.effective.set_value(dt.date(2026, 3, 5))
    dialog.text.setPlainText("双方同意将付款期限由15日延长至30日，合同期限延长至2027年12月31日。")
    # Change the payment obligation: 15 → 30 days.
    dialog.change_kind.setCurrentIndex(MODIFY)
    dialog.target.setCurrentIndex(dialog.target.findData(payment))
    assert dialog.rule.amount.value() == 15  # prefilled from the obligation
    dialog.rule.amount.setValue(30)
    dialog.add_change_button.click()
    # And a new expiry date.
    dialog.change_kind.setCurrentIndex(FACTS)
    dialog.new_expiry.set_value(dt.date(2027, 12, 31))
    dialog.add_change_button.click()
    assert dialog.change_list.count() == 2
    assert "15 calendar days" in dialog.change_list.item(0).text() and "30" in dialog.change_list.item(0).text()
    with qtbot.waitSignal(ctx.events.changed):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    with ctx.db.reader() as session:
        old = session.get(Obligation, payment)
        assert old.ends_on == dt.date(2026, 3, 5) and old.is_superseded
        [new] = old.superseded_by
        assert (new.amount_value, new.starts_on, new.review_state) == (30, dt.date(2026, 3, 5), "confirmed")
        new_id = new.id
        assert session.get(Contract, contract_id).expiry_date == dt.date(2027, 12, 31)
    assert open_due(ctx.db, payment) == []  # 03-16 falls after the supplement took effect: no longer due
    assert open_due(ctx.db, new_id) == [dt.date(2026, 3, 31)]
    assert open_due(ctx.db, notice) == [dt.date(2027, 12, 1)]  # counted from the new expiry
    # The old obligation says it is superseded; the new one, what it replaces.
    old_dialog = ObligationDialog(ctx, payment)
    qtbot.addWidget(old_dialog)
    assert "Superseded" in old_dialog.summary.text() and f"#{new_id}" in old_dialog.summary.text()
    new_dialog = ObligationDialog(ctx, new_id)
    qtbot.addWidget(new_dialog)
    assert f"Replaces obligation #{payment}" in new_dialog.summary.text()
    assert new_dialog.occurrence_model.data(new_dialog.occurrence_model.index(0, 0)) == "2026-03-31"
    # The contract's history shows the facts before and after.
    again = SupplementDialog(ctx, contract_id)
    qtbot.addWidget(again)
    model = again.history_model
    changes = [model.data(model.index(r, 3)) for r in range(model.rowCount())]
    assert any("expiry_date: 2026-12-31 → 2027-12-31" in text for text in changes)
    assert again.target.findData(payment) == -1  # a replaced obligation cannot be changed again
    assert again.target.findData(new_id) >= 0


def test_supplement_ends_and_adds(qtbot: Any, ctx: AppContext) -> None:
    contract_id, _payment, notice = seed(ctx.db)
    dialog = SupplementDialog(ctx, contract_id)
    qtbot.addWidget(dialog)
    dialog.title.setText("Supplement 2")
    dialog.effective.set_value(dt.date(2026, 4, 1))
    dialog.change_kind.setCurrentIndex(END)
    dialog.target.setCurrentIndex(dialog.target.findData(notice))
    dialog.add_change_button.click()
    dialog.change_kind.setCurrentIndex(0)  # add
    dialog.fields.party.setText("乙方")
    dialog.fields.action.setText("提交季度报告")
    dialog.rule.set_rule(DueRule(Direction.BY, AnchorType.ABSOLUTE, fixed_date=dt.date(2026, 6, 30)))
    dialog.add_change_button.click()
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    with ctx.db.reader() as session:
        assert session.get(Obligation, notice).ends_on == dt.date(2026, 4, 1)
        added = session.scalars(select(Obligation).where(Obligation.action == "提交季度报告")).one()
        assert (added.starts_on, added.lead_times) == (dt.date(2026, 4, 1), [30, 7, 1])
        assert added.agreement_id == dialog.saved_agreement_id


def test_supplement_needs_a_title_and_a_change(qtbot: Any, ctx: AppContext) -> None:
    contract_id, _payment, _notice = seed(ctx.db)
    dialog = SupplementDialog(ctx, contract_id)
    qtbot.addWidget(dialog)
    dialog.save()
    assert any("title" in text for text in known_errors(dialog))
    dialog.title.setText("补充协议")
    dialog.save()
    assert any("at least one change" in text for text in known_errors(dialog))
    dialog.change_kind.setCurrentIndex(MODIFY)
    dialog.add_change_button.click()  # nothing edited
    assert any("Nothing changed" in text for text in known_errors(dialog))
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_calculator_uses_the_engine(qtbot: Any, ctx: AppContext) -> None:
    dialog = CalculatorDialog(ctx)
    qtbot.addWidget(dialog)
    # 1 day after 2025-09-30 falls in the National Day holiday (10-01 … 10-08): due on the 9th.
    dialog.set_inputs(dt.date(2025, 9, 30), 1, Unit.DAY, Direction.AFTER, "CN")
    assert dialog.due.text() == "2025-10-09"
    assert dialog.strict.text() == "2025-10-01"
    steps = dialog.steps.texts()
    assert steps and any("2025-10-09" in s for s in steps)
    # Hours run from the stated time.
    dialog.set_inputs(dt.datetime(2026, 3, 3, 10, 0), 24, Unit.HOUR, Direction.AFTER, "CN")
    assert dialog.due.text() == "2026-03-04 10:00"
    assert dialog.anchor_time.isEnabled()
    dialog.set_inputs(dt.date(2026, 12, 31), 30, Unit.DAY, Direction.BEFORE, "CN")
    assert dialog.due.text() == "2026-12-01"


def test_shell_entry_points_exist(qtbot: Any, ctx: AppContext) -> None:
    """The names the app shell embeds and opens."""
    from ui.calendar import CalendarPage as Calendar
    from ui.review import ReviewPage

    assert Calendar is CalendarPage
    page = ReviewPage(ctx)
    qtbot.addWidget(page)
    assert hasattr(page, "show_agreement")


def test_a_closed_obligation_dialog_stops_following_changes(qtbot: Any, ctx: AppContext) -> None:
    _contract_id, payment, _notice = seed(ctx.db)
    dialog = ObligationDialog(ctx, payment)
    qtbot.addWidget(dialog)
    dialog.show()
    shown = dialog.detail
    ctx.events.changed.emit()
    assert dialog.detail is not shown  # open: reloads
    dialog.close()
    closed = dialog.detail
    ctx.events.changed.emit()
    assert dialog.detail is closed  # closed (but kept by its parent): no more queries


def test_a_date_counted_over_an_unpublished_year_says_provisional(qtbot: Any, ctx: AppContext) -> None:
    contract_id, _payment, notice = seed(ctx.db)
    with ctx.db.transaction() as session:  # 30 days before 2027-12-31: China's 2027 holidays are not published
        review.edit_contract(session, contract_id, expiry_date=dt.date(2027, 12, 31), today=TODAY)
    dialog = ObligationDialog(ctx, notice)
    qtbot.addWidget(dialog)
    assert dialog.occurrence_model.data(dialog.occurrence_model.index(0, 0)).endswith("(provisional)")
