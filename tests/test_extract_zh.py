"""The Chinese extractor, construct by construct (one row per case, the reason beside it), then on the corpus."""

from __future__ import annotations

import datetime as dt

import pytest
from scoring import assert_bars, measure

from obligations.extract.zh import extract_zh
from obligations.extract.zh.numerals import parse_number
from obligations.model import AnchorType, Direction, ExtractedObligation, Kind, Recurrence, Unit

D, BD, H, W, M, Y = Unit.DAY, Unit.BUSINESS_DAY, Unit.HOUR, Unit.WEEK, Unit.MONTH, Unit.YEAR
AFTER, BEFORE, BY = Direction.AFTER, Direction.BEFORE, Direction.BY
SIGN, EFF, EXP, TERM = AnchorType.SIGNING, AnchorType.EFFECTIVE, AnchorType.EXPIRY, AnchorType.TERMINATION
REC, EVT, ABS = AnchorType.RECURRING, AnchorType.EVENT, AnchorType.ABSOLUTE


def only(text: str) -> ExtractedObligation:
    found = extract_zh(text).obligations
    assert len(found) == 1, [ob.phrase for ob in found]
    return found[0]


def amount(ob: ExtractedObligation) -> tuple[float, Unit] | None:
    return (ob.rule.period.value, ob.rule.period.unit) if ob.rule.period else None


# --- numbers -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("30", 30),  # Arabic
        ("三十", 30),  # Chinese tens
        ("十五", 15),  # a leading 十 means 1 ten
        ("两", 2),  # 两 before a measure word
        ("二十四", 24),
        ("一百二十", 120),
        ("壹拾伍", 15),  # financial uppercase
        ("叁拾", 30),
        ("3-5", 5),  # a range binds at its upper end
        ("____", None),  # a template blank
    ],
)
def test_numbers(written: str, value: float | None) -> None:
    assert parse_number(written) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("乙方应在30日内付款。", (30, D)),  # Arabic digits
        ("乙方应在３０日内付款。", (30, D)),  # full-width digits
        ("乙方应在三十日内付款。", (30, D)),  # Chinese numerals
        ("乙方应在十五天内付款。", (15, D)),  # 天 = calendar day
        ("乙方应在两个月内付款。", (2, M)),  # 两 + 个月
        ("乙方应在壹拾伍日内付款。", (15, D)),  # financial uppercase
        ("乙方应在三十（30）日内付款。", (30, D)),  # words then figures in brackets
        ("乙方应在90（九十）日内付款。", (90, D)),  # figures then words in brackets
        ("乙方应在半个月内付款。", (15, D)),  # 半个月 = 15 日 (民通意见 198)
        ("乙方应在半年内付款。", (6, M)),  # 半年 = 6 个月
        ("乙方应在一个半月内付款。", (45, D)),  # one and a half months
        ("乙方应在一年半内完成。", (18, M)),  # 一年半 = 18 months
        ("乙方应在24小时内修复。", (24, H)),  # hours
        ("乙方应在5个工作日内付款。", (5, BD)),  # working days
        ("乙方应在10个自然日内付款。", (10, D)),  # 自然日 = calendar days
        ("乙方应在两周内交付。", (2, W)),  # weeks
        ("乙方应在三个星期内交付。", (3, W)),
        ("乙方应在一年内完成。", (1, Y)),  # years
        ("保修期为两周年。", (2, Y)),  # 周年
        ("乙方应在一个季度内完成。", (3, M)),  # a quarter is three months
    ],
)
def test_amounts_and_units(text: str, expected: tuple[float, Unit]) -> None:
    assert amount(only(text)) == expected


# --- direction and anchor ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "direction", "anchor", "recurrence"),
    [
        ("甲方应提前30日书面通知乙方。", BEFORE, EVT, None),  # 提前: a notice period
        ("甲方应提前至少30日书面通知乙方。", BEFORE, EVT, None),  # 提前至少
        ("合同期满前60日内，双方协商续约。", BEFORE, EXP, None),  # 届满/期满前 N 日内: before expiry
        ("乙方应至少30日前通知甲方解除合同。", BEFORE, TERM, None),  # 至少…前, the notice announces termination
        ("甲方可提前3个工作日书面通知乙方终止服务。", BEFORE, TERM, None),
        ("乙方应于本合同签订之日起15日内支付预付款。", AFTER, SIGN, None),  # 签订之日起
        ("乙方應於本合同簽訂之日起15日內支付預付款。", AFTER, SIGN, None),  # traditional characters
        ("本合同签署后30天生效。", AFTER, SIGN, None),  # 后 without 内
        ("甲方应在合同生效之日起10日内交付资料。", AFTER, EFF, None),  # 生效之日起
        ("合同终止后7个工作日内退还保证金。", AFTER, TERM, None),  # 终止后
        ("在解除合同之日起30日内退还房款。", AFTER, TERM, None),  # 解除
        ("甲方应在收到发票后15日内付款。", AFTER, EVT, None),  # an event: receipt of invoice
        ("合同签订后，甲方应在收到发票后15日内付款。", AFTER, EVT, None),  # the nearer trigger wins
        ("合同终止后，乙方应在10日内搬离。", AFTER, TERM, None),  # the trigger in the clause before
        ("质保期满后30日内退还质保金。", AFTER, EVT, None),  # the warranty's end, not the contract's expiry
        ("订货合同签订后15日内支付定金。", AFTER, EVT, None),  # another contract's signing
        ("如乙方在应付租金到期后一个月内未能交纳，甲方有权解除合同。", AFTER, EVT, None),  # rent due, not expiry
        ("甲方应在验收合格后15个工作日内付款。", AFTER, EVT, None),  # acceptance
        ("乙方应在接到故障通知后2小时内响应。", AFTER, EVT, None),  # a fault report
        ("甲方需在每月账单日起15日内缴纳费用。", AFTER, REC, Recurrence.MONTHLY),  # 账单日 each month
        ("租金每年提前15天支付。", BEFORE, REC, Recurrence.YEARLY),  # yearly, ahead of the rent year
        ("乙方应在每月前5个工作日内提交报表。", AFTER, REC, Recurrence.MONTHLY),  # the first 5 days of each month
        ("乙方每三个月提交一次报告。", AFTER, REC, Recurrence.QUARTERLY),  # a repeating period
        ("逾期超过30日仍未付款的，甲方有权解除合同。", AFTER, EVT, None),  # 逾期超过: a grace period
        ("故障响应时间不超过2小时。", AFTER, EVT, None),  # a response time, not a service level
        ("买受人逾期30日未付款的，出卖人有权解除本合同。", AFTER, EVT, None),  # 逾期N日: a grace period
        ("停止施工超过56天，发包人仍不支付工程款的，承包人可解除合同。", AFTER, EVT, None),  # a suspension
        ("竣工日期：开工日期后满1096日。", AFTER, EVT, None),  # 后满
    ],
)
def test_direction_and_anchor(
    text: str, direction: Direction, anchor: AnchorType, recurrence: Recurrence | None
) -> None:
    ob = only(text)
    assert (ob.rule.direction, ob.rule.anchor_type, ob.rule.recurrence) == (direction, anchor, recurrence)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("乙方应于2026年12月31日前交付。", dt.date(2026, 12, 31)),  # 年月日
        ("乙方应于2026-12-31前交付。", dt.date(2026, 12, 31)),  # ISO
        ("乙方应于2026.12.31前交付。", dt.date(2026, 12, 31)),  # dotted
        ("乙方应于2026/12/31前交付。", dt.date(2026, 12, 31)),  # slashed
        ("乙方应于二〇二六年十二月三十一日前交付。", dt.date(2026, 12, 31)),  # Chinese numerals
        ("乙方应于 2026 年 12 月 31 日前交付。", dt.date(2026, 12, 31)),  # spaced, as announcements print it
        ("乙方应于2026年12月31日17:00前交付。", dt.date(2026, 12, 31)),  # with a time of day
        ("交付房屋期限为2017年12月31日。", dt.date(2017, 12, 31)),  # a duty label before the date
        ("租赁关系于2018年1月1日全部终止。", dt.date(2018, 1, 1)),  # a date something ends on
        ("合同有效期至2026年12月31日。", dt.date(2026, 12, 31)),  # 有效期至
        ("乙方计划于2018年6月30日竣工。", dt.date(2018, 6, 30)),  # due on: 于…竣工
        ("甲方预计于2018年1月1日将大厦交付给乙方使用。", dt.date(2018, 1, 1)),
        ("一次总付250万元，时间：2020年10月2日。", dt.date(2020, 10, 2)),  # a payment's 时间 label
        ("2、合作期限\n自2016年7月1日至2016年12月31日", dt.date(2016, 12, 31)),  # label on the line above
    ],
)
def test_fixed_dates(text: str, date: dt.date) -> None:
    ob = only(text)
    assert (ob.rule.direction, ob.rule.anchor_type, ob.date, ob.rule.period) == (BY, ABS, date, None)


@pytest.mark.parametrize(
    ("text", "recurrence", "day"),
    [
        ("乙方应于每月5日前支付租金。", Recurrence.MONTHLY, 5),  # day of each month
        ("乙方于每月末提交工资清单。", Recurrence.MONTHLY, None),  # month end
        ("咨询者在每月月底提交报告。", Recurrence.MONTHLY, None),
        ("发包人在下月5日前支付进度款。", Recurrence.MONTHLY, 5),  # next month, each month
        ("借款利息按季结息。", Recurrence.QUARTERLY, None),  # quarterly settlement
        ("乙方应于每季度末提交报表。", Recurrence.QUARTERLY, None),
        ("乙方应于每年3月31日前提交年报。", Recurrence.YEARLY, 31),
        ("乙方应每季度向甲方提交一次维护报告。", Recurrence.QUARTERLY, None),  # the duty alone makes it periodic
        ("之后每月按照完成的工程量支付一次进度款。", Recurrence.MONTHLY, None),
        ("乙方应于次年3月31日前提交年度报告。", Recurrence.YEARLY, 31),  # the following year, every year
        ("乙方应于每周五前提交周报。", Recurrence.WEEKLY, 5),  # a weekday
        ("租金在每季度最后一个月的20日前付清。", Recurrence.QUARTERLY, 20),  # a day in the quarter's last month
    ],
)
def test_recurring_days(text: str, recurrence: Recurrence, day: int | None) -> None:
    ob = only(text)
    assert (ob.rule.direction, ob.rule.anchor_type, ob.rule.recurrence, ob.rule.recurrence_day) == (
        BY,
        REC,
        recurrence,
        day,
    )


# --- what is not an obligation -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "网络延迟≤500ms，接通率≥95%。",  # service levels are no deadlines
        "甲方向乙方支付二个月的预付款。",  # a quantity measured in months
        "截至2015年12月31日，公司总资产为100万元。",  # "as of", a balance-sheet date
        "2016年4月26日由各方签订的《蒸汽购销合同》继续有效。",  # a past event
        "如休假超过1个月，雇主应支付工资。",  # 超过 about a length, not a delay
        "公司已于2016年12月31日完成交付。",  # done, in the past
        "公司于2017年7月4日披露了相关公告。",  # a fact about the announcement
        "租金前5年不变。",  # the first five years
        "本合同期第一年内工资不变。",  # an ordinal year
        "每月加班时间原则上不得超过36小时。",  # a cap on work, not a time limit
        "每逾期一日，按未付部分的万分之五支付违约金。",  # a penalty per day, not a grace period
        "每年支付的租金如下：",  # a table heading, not a duty
        "由乙方按每月每平方米10元租用。",  # a rate
        "乙方因病在十二个月内两次不按规定上交病假证明的。",  # a window for counting, not a deadline
        "土地使用年限自2007年5月30日至2065年11月23日。",  # a land right's span, no duty
        "日期按下一个月相应日期的前一天计算。",  # "the day before", not a period
    ],
)
def test_not_obligations(text: str) -> None:
    assert extract_zh(text).obligations == []


@pytest.mark.parametrize(
    ("text", "recurrence"),
    [
        ("乙方于每月末列具清单提交甲方，甲方于清单开出之日起三天内付款。", Recurrence.MONTHLY),  # a monthly list
        ("监理人审核后次月5日支付进度款，中间交接后10日内支付至80%。", None),  # a one-off event after it
    ],
)
def test_event_made_each_period_repeats(text: str, recurrence: Recurrence | None) -> None:
    assert extract_zh(text).obligations[-1].rule.recurrence == recurrence


def test_two_limits_in_one_sentence() -> None:
    found = extract_zh("甲方在接到乙方故障报修通知后应在24小时内响应，72小时内维修或解决故障。").obligations
    assert [(ob.phrase, amount(ob), ob.kind) for ob in found] == [
        ("24小时内", (24, H), Kind.RESPONSE),
        ("72小时内", (72, H), Kind.PERFORMANCE),
    ]


# --- blanks, parties, kinds, clause numbers ------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "乙方应在____日内付款。",  # ASCII underscores
        "乙方应在＿＿日内付款。",  # full-width low lines
        "雇主应提前×个月书面通知。",  # × as a blank
        "另一方应当在      日内予以答复。",  # a run of spaces left for the number
        "乙方应在（  ）日内付款。",  # 示范文本 brackets
        "乙方应在XX个工作日内付款。",  # XX
    ],
)
def test_template_blanks_are_kept_with_no_amount(text: str) -> None:
    ob = only(text)
    assert ob.rule.period is not None and ob.rule.period.value is None  # the unit stays, the number is blank
    assert ob.confidence < 0.5


@pytest.mark.parametrize(
    ("text", "party", "kind"),
    [
        ("乙方应在收到发票后15日内向甲方付款。", "乙方", Kind.PAYMENT),  # subject before the modal
        ("本合同签订后15日内，发包人向承包人支付预付款。", "发包人", Kind.PAYMENT),  # subject after the period
        ("出租方应提前30日通知承租方。", "出租方", Kind.NOTICE),
        ("买受人应在收到货物后7日内提出书面异议。", "买受人", Kind.RESPONSE),
        ("承租人应于每月5日前向出租人缴纳租金。", "承租人", Kind.PAYMENT),
        ("乙方应在每季度结束后10日内提交报告。", "乙方", Kind.REPORTING),
        ("质量保证金在质保期满后30日内退还。", None, Kind.PAYMENT),  # no party named
        ("保修期限为两年。", None, Kind.RETENTION),  # a warranty term
        ("付款宽限期为30日。", None, Kind.PAYMENT),  # a grace period
    ],
)
def test_party_and_kind(text: str, party: str | None, kind: Kind) -> None:
    ob = only(text)
    assert (ob.party, ob.kind) == (party, kind)


def test_party_from_the_section_heading() -> None:
    text = "4.2甲方义务\n需在每月账单日起15日内缴纳通信费用。\n4.3服务标准\n故障2小时内修复。"
    assert [ob.party for ob in extract_zh(text).obligations] == ["甲方", None]  # a new heading ends the section


def test_defined_short_names_are_parties() -> None:
    text = "上海华明电力设备销售有限公司（以下简称“华明销售”）。\n华明销售应在验收后20日内提交报告。"
    assert only(text).party == "华明销售"


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("第五条 付款\n乙方应在30日内付款。", "第五条"),  # the article a paragraph sits under
        ("5.2 乙方应在30日内付款。", "5.2"),  # dotted numbering
        ("（三）乙方应在30日内付款。", "（三）"),  # parenthesised, as written
        ("第一条\n一、乙方应在30日内付款。", "一"),  # the nearest number wins
    ],
)
def test_clause_reference(text: str, clause: str) -> None:
    assert only(text).clause == clause


# --- document facts and computed dates -----------------------------------------------------------------------
def test_facts_from_labels_and_computed_dates() -> None:
    text = (
        "协议签署时间：2017年1月23日。\n本合同自双方签字盖章之日起生效。\n"
        "乙方应在本合同签订之日起30日内支付保证金。\n"
        "合作期限：自2018年1月1日起至2022年12月31日止。\n合作期限届满前60日内，双方协商是否续约。\n"
    )
    result = extract_zh(text)
    facts = result.facts
    assert (facts.signing_date, facts.effective_date, facts.expiry_date) == (
        dt.date(2017, 1, 23),
        dt.date(2017, 1, 23),  # effective on signature
        dt.date(2022, 12, 31),
    )
    dates = {ob.phrase: ob.date for ob in result.obligations}
    assert dates["本合同签订之日起30日内"] == dt.date(2017, 2, 22)  # signing + 30 days
    assert dates["合作期限届满前60日内"] == dt.date(2022, 11, 1)  # expiry - 60 days


@pytest.mark.parametrize(
    ("text", "signing"),
    [
        ("2017年12月26日，公司与卖方华鑫股份签署了《框架协议书》。", dt.date(2017, 12, 26)),  # announcement
        ("公司于2016年7月8日与保利协鑫（苏州）新能源有限公司签订了《购销合同》。", dt.date(2016, 7, 8)),
        ("签订日期：2024年2月20日", dt.date(2024, 2, 20)),  # a signature block label
        ("本合同一式两份。\n甲方：（盖章）  乙方：（盖章）\n日期：2024年12月20日", dt.date(2024, 12, 20)),
        ("在2016年4月26日由各方签订的《蒸汽购销合同》基础上协商。", None),  # an earlier contract
        ("2017年8月28日，公司拟与广东一建签署《工程合同》。", None),  # intended, not signed
    ],
)
def test_signing_date(text: str, signing: dt.date | None) -> None:
    assert extract_zh(text).facts.signing_date == signing


def test_expiry_computed_from_effective_date_and_term() -> None:
    facts = extract_zh("本合同于2024年3月1日签订，自签字之日起生效，有效期一年。").facts
    assert (facts.effective_date, facts.expiry_date, facts.term) == (
        dt.date(2024, 3, 1),
        dt.date(2025, 2, 28),  # a one-year term ends the day before the anniversary
        "有效期一年",
    )


def test_lease_term_range() -> None:
    facts = extract_zh("租赁期限自2024年1月1日起至2026年12月31日止。").facts
    assert facts.expiry_date == dt.date(2026, 12, 31)


def test_auto_renewal_gives_the_last_day_to_object() -> None:
    text = (
        "合同期限：自2024年1月1日起至2024年12月31日止。\n"
        "合同期满前30日，任何一方未书面通知对方不再续约的，本合同自动续期一年。"
    )
    renewal = [ob for ob in extract_zh(text).obligations if ob.kind is Kind.RENEWAL]
    assert [(ob.phrase, ob.rule.direction, ob.rule.anchor_type, ob.date) for ob in renewal] == [
        ("合同期满前30日", BEFORE, EXP, dt.date(2024, 12, 1))
    ]


def test_auto_renewal_without_a_window_is_due_at_expiry() -> None:
    text = "本合同有效期自2024年1月1日至2024年12月31日。期满双方均无异议的，本合同自动续期一年。"
    renewal = [ob for ob in extract_zh(text).obligations if ob.kind is Kind.RENEWAL]
    assert [(ob.phrase, amount(ob), ob.rule.anchor_type, ob.date) for ob in renewal] == [
        ("自动续期", (0, D), EXP, dt.date(2024, 12, 31))
    ]


def test_business_days_and_unknown_anchors_have_no_date() -> None:
    text = "协议签署时间：2017年1月23日。\n乙方在合同签订后5个工作日内付款，在收到发票后10日内开票。"
    assert [ob.date for ob in extract_zh(text).obligations] == [None, None]


def test_clause_numbers_stay_out_of_the_phrase() -> None:
    ob = only("1.3 本合同期满前三个月，任何一方未书面通知对方终止的，本合同自动续期一年。")
    assert (ob.phrase, ob.clause, ob.kind) == ("本合同期满前三个月", "1.3", Kind.RENEWAL)


def test_number_on_a_line_of_its_own() -> None:
    """Web pages that lost their inline tags put a figure on its own line: "连续\n120\n天内"."""
    ob = only("对于连续\n120\n天内不曾使用的邮箱，系统将删除上面的信件。")
    assert (ob.phrase, amount(ob)) == ("120\n天内", (120, D))


def test_offsets_and_quotes() -> None:
    text = "第一条\n甲方应在收到发票之日起三十日内付款；乙方应提前十五日通知甲方。"
    for ob in extract_zh(text).obligations:
        assert text[ob.start : ob.end] == ob.phrase
        assert text[ob.quote_start : ob.quote_start + len(ob.quote)] == ob.quote
        assert ob.phrase in ob.quote and len(ob.quote) <= 300


def test_imports_only_the_standard_library_and_dateutil() -> None:
    """`tickler extract` must start fast: the Chinese pipeline pulls in nothing heavy."""
    import subprocess
    import sys

    code = (
        "import sys; before = set(sys.modules); import obligations.extract.zh; "
        "print(' '.join(sorted({m.split('.')[0] for m in set(sys.modules) - before})))"
    )
    loaded = set(
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    )
    third_party = loaded - set(sys.stdlib_module_names) - {"obligations", "dateutil", "six"}  # six: dateutil's
    assert third_party == set()


# --- the labelled corpus, scored as shared/eval/score.py scores it -------------------------------------------
def test_labelled_chinese_documents_meet_the_bars() -> None:
    assert_bars(measure("zh", extract_zh))


def test_a_term_whose_first_day_follows_it_ends_on_the_stated_last_day() -> None:
    """ "租赁期限为两年，自2026年1月1日起…": the term counts from its own first day, not from signing."""
    text = "本合同自双方签字盖章之日起生效。\n2.1 租赁期限为两年，自2026年1月1日起至2027年12月31日止。\n"
    term = next(ob for ob in extract_zh(text).obligations if ob.phrase.startswith("期限为两年"))
    assert term.date == dt.date(2027, 12, 31)
    # the app can date it too: counted from the stated first day, which is day one of the term
    assert term.rule.fixed_date == dt.date(2026, 1, 1) and term.rule.include_start_day
