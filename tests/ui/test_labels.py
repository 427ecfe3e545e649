"""How a due rule reads in the lists: every shape the extractor produces has words, none crashes."""

from __future__ import annotations

import datetime as dt

import pytest

from obligations.model import AnchorType, Direction, DueRule, Period, Recurrence, Unit
from ui.dialogs.labels import rule_summary


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        (DueRule(Direction.BY, AnchorType.ABSOLUTE, fixed_date=dt.date(2026, 6, 30)), "by 2026-06-30"),
        # "每月5日前支付当月租金": by a day of each month
        (DueRule(Direction.BY, AnchorType.RECURRING, recurrence=Recurrence.MONTHLY, recurrence_day=5), "by day 5"),
        # "____日内": a template blank keeps its unit
        (DueRule(Direction.AFTER, AnchorType.EVENT, Period(None, Unit.DAY), anchor_label="收到发票"), "____"),
        (DueRule(Direction.BEFORE, AnchorType.EXPIRY, Period(30, Unit.DAY)), "30"),
    ],
)
def test_rule_summaries(qapp, rule: DueRule, expected: str) -> None:
    assert expected in rule_summary(rule)
