"""The monthly report: built from a database made through the real services, read back with openpyxl.

The scenario (report for 2026-11, as of Sunday 2026-11-15):

  技术服务合同 (zh, counterparty 北京数联信息技术有限公司), expiring 2026-12-31, then extended by a supplement
    pay-3      甲方 pays, due 11-10 — open: OVERDUE this month; its quote carries an ID number, phone, e-mail
    report     乙方 reports, due 11-20 — replaced by the supplement with a report due 11-18 (DUE SOON)
    pay-2      due 11-05 — DONE with a note carrying an e-mail
    audit      due 11-25 — WAIVED with a note carrying a bank account
    pay-1      due 10-15 — open: OVERDUE from last month (on the Overdue sheet, not this month's)
    training   due 2027-01-20 — ended by the supplement
    renewal    non-renewal notice 30 days before expiry — in the next-6-months list
    pending    proposed, not confirmed: awaiting review, on no occurrence sheet
  Software Licence (en, Acme Ltd)
    licence    Licensee pays the annual fee, due 11-30; and one due 2027-01-20 (next 90 days)
"""

from __future__ import annotations

import csv
import datetime as dt
import tempfile
import zipfile
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import event, select, update

from obligations.cli import main
from obligations.errors import KnownError
from obligations.export import export_month, mask_personal_data
from obligations.export.labels import Labels
from obligations.export.sheets import TableSheet, display_width
from obligations.model import AnchorType, Direction, DueRule, Period, Unit
from obligations.services import amendments, occurrences, review
from obligations.services.importing import import_files
from obligations.store.tables import Agreement, AuditEvent, Contract, Obligation, Occurrence

TODAY = dt.date(2026, 11, 15)
MONTH = "2026-11"
IN_MONTH = dt.datetime(2026, 11, 12, 9, 30)  # when "this month's" work was recorded
LAST_MONTH = dt.datetime(2026, 10, 20, 9, 30)

ID_NUMBER = "110101199003071234"
QUOTE = (
    "甲方应于2026年11月10日前支付第三期服务费人民币1,000,000.00元。"
    f"联系人张三，身份证号{ID_NUMBER}，电话13800138000，邮箱zhangsan@example.com。"
)
BANK = "6222021234567890123"

ZH_SHEETS = ["概览", "本月到期", "已逾期", "未来90天", "合同台账", "本月变动"]
EN_SHEETS = ["Summary", "Due this month", "Overdue", "Next 90 days", "Contracts", "Changes this month"]


def by_date(day: dt.date) -> DueRule:
    return DueRule(Direction.BY, AnchorType.ABSOLUTE, fixed_date=day)


def _import(db, tmp_path: Path, name: str, text: str) -> int:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (result,) = import_files(db, [path], today=TODAY)
    assert result.contract_id is not None, result.message
    with db.transaction() as session:  # the extractor's proposals are not this test's subject
        proposed = session.scalars(select(Obligation.id).where(Obligation.contract_id == result.contract_id)).all()
        review.reject(session, list(proposed), today=TODAY)
    return result.contract_id


def build(db, tmp_path: Path) -> dict[str, int]:
    """The scenario above, through the services; returns obligation ids by name."""
    zh = _import(
        db, tmp_path, "service.txt", "技术服务合同\n甲方：上海云启科技有限公司\n乙方：北京数联信息技术有限公司\n"
    )
    en = _import(db, tmp_path, "licence.txt", "Software Licence Agreement\nbetween Acme Ltd and Example Co.\n")
    ids: dict[str, int] = {}
    with db.transaction() as session:
        review.edit_contract(
            session,
            zh,
            title="技术服务合同",
            counterparty="北京数联信息技术有限公司",
            signing_date=dt.date(2025, 12, 20),
            effective_date=dt.date(2026, 1, 1),
            expiry_date=dt.date(2026, 12, 31),
            term="一年",
            today=TODAY,
        )
        review.edit_contract(session, en, title="Software Licence", counterparty="Acme Ltd", calendar="US", today=TODAY)

        def add(name: str, contract: int, rule: DueRule, **values) -> None:
            ids[name] = review.add_obligation(session, contract, rule, today=TODAY, **values).id

        add(
            "pay-3",
            zh,
            by_date(dt.date(2026, 11, 10)),
            quote=QUOTE,
            party="甲方",
            action="支付第三期服务费",
            kind="payment",
            clause="4.2",
            owner="张律师",
        )
        add(
            "report",
            zh,
            by_date(dt.date(2026, 11, 20)),
            party="乙方",
            action="提交月度服务报告",
            kind="reporting",
            clause="5.1",
            owner="李经理",
        )
        add(
            "pay-2",
            zh,
            by_date(dt.date(2026, 11, 5)),
            party="甲方",
            action="支付第二期服务费",
            kind="payment",
            owner="张律师",
        )
        add("audit", zh, by_date(dt.date(2026, 11, 25)), party="乙方", action="配合年度审计", kind="performance")
        add(
            "pay-1",
            zh,
            by_date(dt.date(2026, 10, 15)),
            party="甲方",
            action="支付第一期服务费",
            kind="payment",
            owner="张律师",
        )
        add("training", zh, by_date(dt.date(2027, 1, 20)), party="乙方", action="提供培训", kind="performance")
        notice = DueRule(Direction.BEFORE, AnchorType.EXPIRY, Period(30, Unit.DAY))
        add("renewal", zh, notice, party="甲方", action="书面通知不续约", kind="notice", clause="9.1", owner="张律师")
        ids["pending"] = review.add_obligation(
            session, zh, by_date(dt.date(2026, 12, 1)), confirmed=False, today=TODAY, action="待确认义务"
        ).id
        add(
            "licence",
            en,
            by_date(dt.date(2026, 11, 30)),
            party="Licensee",
            action="pay the annual fee",
            kind="payment",
            owner="Alice",
        )
        add(
            "licence-2",
            en,
            by_date(dt.date(2027, 1, 20)),
            party="Licensee",
            action="deliver the usage report",
            kind="reporting",
            owner="Alice",
        )
    with db.transaction() as session:
        occurrence = {name: _occurrence(session, ids[name]) for name in ("pay-2", "audit")}
        occurrences.mark_done(session, occurrence["pay-2"], note="已付款，回单已发 finance@example.com")
        occurrences.waive(session, occurrence["audit"], note=f"对方书面豁免；退款至账户 {BANK}")
    with db.transaction() as session:
        amendments.add_supplement(
            session,
            zh,
            amendments.Supplement(
                title="补充协议（一）",
                effective_date=dt.date(2026, 11, 1),
                facts={"expiry_date": dt.date(2027, 3, 31)},
                replace=[amendments.Replacement(ids["report"], rule=by_date(dt.date(2026, 11, 18)))],
                end=[ids["training"]],
            ),
            today=TODAY,
        )
        ids["report-new"] = session.scalars(
            select(Obligation.id).where(Obligation.supersedes_id == ids["report"])
        ).one()
    # The services stamp the real clock; the report month is fixed, so pin every stamp to it.
    with db.transaction() as session:
        for table in (Contract, Agreement):
            session.execute(update(table).values(created_at=IN_MONTH))
        session.execute(update(AuditEvent).values(at=IN_MONTH))
    return ids


def _occurrence(session, obligation_id: int) -> int:
    return session.scalars(select(Occurrence.id).where(Occurrence.obligation_id == obligation_id)).one()


@pytest.fixture
def built(db, tmp_path):
    return db, build(db, tmp_path)


def export(db, tmp_path: Path, name: str = "report.xlsx", **options) -> Path:
    options = {"today": TODAY, "lang": "zh", **options}
    out = tmp_path / name
    export_month(db, MONTH, out, generated_at=dt.datetime(2026, 11, 15, 18, 0), **options)
    return out


def table(ws) -> list[dict[str, object]]:
    rows = list(ws.iter_rows(values_only=True))
    header = rows[0]
    return [dict(zip(header, row, strict=True)) for row in rows[1:]]


# ---- Occurrence sheets ------------------------------------------------------------------------------------


def test_sheets_in_order_in_both_languages(built, tmp_path):
    db, _ = built
    assert openpyxl.load_workbook(export(db, tmp_path, lang="zh")).sheetnames == ZH_SHEETS
    assert openpyxl.load_workbook(export(db, tmp_path, "en.xlsx", lang="en")).sheetnames == EN_SHEETS


def test_due_this_month_lists_every_confirmed_current_occurrence_of_the_month(built, tmp_path):
    db, _ = built
    rows = table(openpyxl.load_workbook(export(db, tmp_path))["本月到期"])
    due = [(r["到期日"].date(), r["状态"]) for r in rows]
    assert due == [
        (dt.date(2026, 11, 5), "已完成"),
        (dt.date(2026, 11, 10), "已逾期"),
        (dt.date(2026, 11, 18), "7日内到期"),  # the supplement's replacement; the replaced 11-20 one is gone
        (dt.date(2026, 11, 25), "已豁免"),
        (dt.date(2026, 11, 30), "未到期"),
    ]
    pay = rows[1]
    assert pay["合同"] == "技术服务合同" and pay["相对方"] == "北京数联信息技术有限公司"
    assert pay["义务"] == "甲方：支付第三期服务费" and pay["类型"] == "付款" and pay["条款"] == "4.2"
    assert pay["剩余天数"] == -5 and pay["负责人"] == "张律师"
    assert "待确认义务" not in {r["义务"] for r in rows}  # proposed: not on any occurrence sheet
    assert "日历" in pay["到期日计算"] or pay["到期日计算"]  # the engine's steps, Chinese text where given


def test_overdue_sheet_lists_open_past_due_occurrences_from_any_month(built, tmp_path):
    db, _ = built
    rows = table(openpyxl.load_workbook(export(db, tmp_path))["已逾期"])
    assert [(r["到期日"].date(), r["剩余天数"]) for r in rows] == [
        (dt.date(2026, 10, 15), -31),
        (dt.date(2026, 11, 10), -5),
    ]
    assert {r["状态"] for r in rows} == {"已逾期"}


def test_next_90_days_runs_from_today(built, tmp_path):
    db, _ = built
    rows = table(openpyxl.load_workbook(export(db, tmp_path))["未来90天"])
    days = [r["到期日"].date() for r in rows]
    assert days[0] >= TODAY and days[-1] <= TODAY + dt.timedelta(days=90)
    assert dt.date(2027, 1, 20) in days  # the licence report
    assert dt.date(2026, 11, 10) not in days  # overdue: not "next"
    assert len([d for d in days if d == dt.date(2027, 1, 20)]) == 1  # the ended training obligation is gone


def test_cells_are_typed_dates_and_numbers(built, tmp_path):
    db, _ = built
    ws = openpyxl.load_workbook(export(db, tmp_path))["本月到期"]
    due, days = ws["A2"], ws["B2"]
    assert due.is_date and isinstance(due.value, dt.datetime) and due.number_format == "yyyy-mm-dd"
    assert due.data_type == "d" and days.data_type == "n" and isinstance(days.value, int)
    sheet_xml = zipfile.ZipFile(tmp_path / "report.xlsx").read("xl/worksheets/sheet2.xml").decode()
    assert '<c r="A2" s=' in sheet_xml and 't="n"><v>46331</v>' in sheet_xml  # a serial day number, not text
    assert ws["J3"].alignment.wrap_text and ws["J3"].alignment.vertical == "top"  # the quote wraps


def test_header_frozen_filtered_printed_on_every_page(built, tmp_path):
    db, _ = built
    wb = openpyxl.load_workbook(export(db, tmp_path))
    ws = wb["本月到期"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:L{ws.max_row}"
    assert ws["A1"].font.bold and ws["A1"].fill.fgColor.rgb.endswith("1F4E78")
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.print_title_rows == "$1:$1"
    for name in ZH_SHEETS[1:]:
        assert wb[name].freeze_panes == "A2" and wb[name].auto_filter.ref.startswith("A1:")


def test_conditional_fills_overdue_red_soon_amber_done_green(built, tmp_path):
    db, _ = built
    ws = openpyxl.load_workbook(export(db, tmp_path))["本月到期"]
    rules = {}
    for area in ws.conditional_formatting:
        assert str(area.sqref) == f"A2:L{ws.max_row}"
        for rule in area.rules:
            rules[rule.formula[0]] = rule.dxf.fill.bgColor.rgb[-6:]
    assert rules == {
        '$C2="已逾期"': "F8CBAD",
        '$C2="7日内到期"': "FFE699",
        '$C2="已完成"': "C6EFCE",
        '$C2="已豁免"': "E7E6E6",
    }


def test_column_widths_count_chinese_characters_double(built, tmp_path):
    db, _ = built
    ws = openpyxl.load_workbook(export(db, tmp_path))["本月到期"]
    assert display_width("北京数联信息技术有限公司") == 24
    assert ws.column_dimensions["E"].width >= 24  # the counterparty fits
    assert ws.column_dimensions["J"].width > ws.column_dimensions["G"].width  # quotes get room, kinds don't


# ---- Personal data ---------------------------------------------------------------------------------------


def test_personal_data_masked_by_default_and_kept_on_request(built, tmp_path):
    db, _ = built
    masked = openpyxl.load_workbook(export(db, tmp_path))
    quote = table(masked["本月到期"])[1]["合同原文"]
    assert ID_NUMBER not in quote and "110101********1234" in quote and "138****8000" in quote
    assert "z***@example.com" in quote and "1,000,000.00" in quote  # the amount is not personal data
    notes = [r["备注"] for r in table(masked["本月变动"]) if r["备注"]]
    assert notes and not any(BANK in n for n in notes) and any("***************0123" in n for n in notes)
    plain = openpyxl.load_workbook(export(db, tmp_path, "plain.xlsx", include_personal_data=True))
    assert ID_NUMBER in table(plain["本月到期"])[1]["合同原文"]
    assert any(BANK in (r["备注"] or "") for r in table(plain["本月变动"]))
    assert plain.custom_doc_props["PersonalDataMasked"].value is False


# (text, expected, reason)
MASKING = [
    (f"身份证号{ID_NUMBER}", "身份证号110101********1234", "ID card: region code and last four kept"),
    ("身份证11010119900307123X。", "身份证110101********123X。", "ID card with X check digit"),
    ("电话13800138000", "电话138****8000", "mobile right after Chinese text"),
    ("+86 138 0013 8000", "+86 138 **** 8000", "mobile with country code and spaces"),
    ("138-0013-8000", "138-****-8000", "mobile with hyphens"),
    ("电话：010-88886666", "电话：010-****6666", "Beijing landline"),
    ("传真(0755)12345678", "传真(0755)****5678", "landline, area code in brackets"),
    ("zhang.san@example.com.cn", "z***@example.com.cn", "e-mail: the domain stays"),
    (f"账号 {BANK}", "账号 ***************0123", "bank account, one run"),
    ("6222 0212 3456 7890", "**** **** **** 7890", "bank card in groups of four"),
    ("人民币1,000,000.00元", "人民币1,000,000.00元", "amount with separators"),
    ("金额 1000000.00 元", "金额 1000000.00 元", "amount without separators"),
    ("12,345,678,901,234.00", "12,345,678,901,234.00", "a huge amount is not an account"),
    ("2026-03-01 / 20260301 / 2026年3月1日", "2026-03-01 / 20260301 / 2026年3月1日", "dates"),
    ("合同编号 HT-2026-0001", "合同编号 HT-2026-0001", "contract number with letters"),
    ("统一社会信用代码 91110108MA01234567", "统一社会信用代码 91110108MA01234567", "company credit code"),
    ("订单号 202611150001", "订单号 ********0001", "trade-off: a 12+ digit reference is masked as a possible account"),
    ("3.14159265358979323", "3.14159265358979323", "a decimal is not an account"),
    ("第13800138000号", "第138****8000号", "an 11-digit mobile-shaped number is masked even as a reference"),
    (None, None, "nothing to mask"),
]


@pytest.mark.parametrize(("text", "expected", "reason"), MASKING, ids=[m[2] for m in MASKING])
def test_masking_table(text, expected, reason):
    assert mask_personal_data(text) == expected, reason


# ---- Other sheets ----------------------------------------------------------------------------------------


def test_contracts_sheet_is_the_register(built, tmp_path):
    db, _ = built
    rows = {r["合同"]: r for r in table(openpyxl.load_workbook(export(db, tmp_path))["合同台账"])}
    service = rows["技术服务合同"]
    assert service["相对方"] == "北京数联信息技术有限公司"
    assert service["签订日"].date() == dt.date(2025, 12, 20) and service["到期日"].date() == dt.date(2027, 3, 31)
    assert service["补充协议数"] == 1 and service["期限"] == "一年" and service["工作日历"] == "CN"
    assert service["已逾期"] == 2  # pay-1 and pay-3
    assert service["未完成"] == 4  # pay-1, pay-3, the new report, the renewal notice
    assert service["下一截止日"].date() == dt.date(2026, 11, 18)
    assert rows["Software Licence"]["补充协议数"] == 0 and rows["Software Licence"]["工作日历"] == "US"


def test_changes_sheet_tells_the_month(built, tmp_path):
    db, _ = built
    rows = table(openpyxl.load_workbook(export(db, tmp_path))["本月变动"])
    kinds = [r["变动"] for r in rows]
    assert kinds.count("新增合同") == 2
    for kind in ("补充协议", "合同信息变更", "义务被替换", "义务终止", "已完成", "已豁免"):
        assert kind in kinds, kind
    fact = next(r for r in rows if r["变动"] == "合同信息变更")
    assert fact["内容"] == "到期日: 2026-12-31 → 2027-03-31"
    replaced = next(r for r in rows if r["变动"] == "义务被替换")
    assert "提交月度服务报告" in replaced["内容"] and "补充协议（一）" in replaced["内容"]
    done = next(r for r in rows if r["变动"] == "已完成")
    assert done["操作人"] == "tester" and "支付第二期服务费" in done["内容"] and "f***@example.com" in done["备注"]


def test_changes_of_other_months_are_left_out(built, tmp_path):
    db, _ = built
    with db.transaction() as session:
        session.execute(update(AuditEvent).where(AuditEvent.entity == "occurrence").values(at=LAST_MONTH))
    kinds = [r["变动"] for r in table(openpyxl.load_workbook(export(db, tmp_path))["本月变动"])]
    assert "已完成" not in kinds and "已豁免" not in kinds and "新增合同" in kinds


def test_summary_counts_chart_and_horizon(built, tmp_path):
    db, _ = built
    ws = openpyxl.load_workbook(export(db, tmp_path))["概览"]
    values = {
        row[0].strip(): row[1]
        for row in ws.iter_rows(min_col=1, max_col=2, values_only=True)
        if isinstance(row[0], str)
    }
    assert values["本月到期"] == 5 and values["其中已完成"] == 1 and values["其中已豁免"] == 1
    assert values["已逾期（全部）"] == 2 and values["7日内到期"] == 1 and values["待审核义务"] == 1
    assert ws["A1"].value == "合同履约月报 2026-11" and ws["A1"].font.bold
    assert len(ws._charts) == 1 and ws._charts[0].grouping == "stacked"
    text = [str(c) for row in ws.iter_rows(values_only=True) for c in row if c is not None]
    assert "合同到期" in text  # 2027-03-31, within six months
    assert any(t.startswith("不续约通知截止") for t in text)
    assert "张律师" in text and "（未分配）" in text


def test_english_report(built, tmp_path):
    db, _ = built
    wb = openpyxl.load_workbook(export(db, tmp_path, "en.xlsx", lang="en"))
    rows = table(wb["Due this month"])
    assert list(rows[0])[:4] == ["Due date", "Days left", "State", "Contract"]
    assert [r["State"] for r in rows] == ["Done", "Overdue", "Due ≤ 7 days", "Waived", "Open"]
    assert rows[-1]["Obligation"] == "Licensee: pay the annual fee" and rows[-1]["Kind"] == "Payment"
    assert not any("日历" in (r["How the date was computed"] or "") for r in rows)  # English steps
    assert wb.properties.title == "Contract obligations report 2026-11"


def test_language_defaults_to_the_contracts(built, tmp_path):
    db, _ = built
    out = tmp_path / "auto.xlsx"
    result = export_month(db, MONTH, out, today=TODAY)
    assert result.lang == "zh" and openpyxl.load_workbook(out).sheetnames == ZH_SHEETS


def test_workbook_properties(built, tmp_path):
    db, _ = built
    wb = openpyxl.load_workbook(export(db, tmp_path))
    assert wb.properties.title == "合同履约月报 2026-11" and wb.properties.subject == "2026-11"
    assert wb.properties.creator == "Tickler"
    props = {p.name: p.value for p in wb.custom_doc_props.props}
    assert props["Period"] == "2026-11" and props["AsOf"] == "2026-11-15"
    assert props["GeneratedAt"] == "2026-11-15T18:00:00" and props["PersonalDataMasked"] is True


def test_text_that_looks_like_a_formula_stays_text(built, tmp_path):
    db, ids = built
    with db.transaction() as session:
        review.edit_obligation(session, ids["pay-3"], action='=HYPERLINK("http://x")', today=TODAY)
        session.get(Obligation, ids["pay-3"]).party = None
    ws = openpyxl.load_workbook(export(db, tmp_path))["本月到期"]
    assert ws["F3"].value == '=HYPERLINK("http://x")' and ws["F3"].data_type == "s"


# ---- CSV ---------------------------------------------------------------------------------------------------


def test_csv_has_the_same_rows_with_a_bom(built, tmp_path):
    db, _ = built
    out = export(db, tmp_path, "report.csv", fmt="csv")
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    wb = openpyxl.load_workbook(export(db, tmp_path))
    for sheet in ("本月到期", "已逾期", "未来90天"):
        in_csv = [r for r in rows if r["分表"] == sheet]
        in_xlsx = table(wb[sheet])
        assert [r["到期日"] for r in in_csv] == [r["到期日"].date().isoformat() for r in in_xlsx]
        assert [r["义务"] for r in in_csv] == [r["义务"] for r in in_xlsx]
    assert ID_NUMBER not in out.read_text(encoding="utf-8-sig")


# ---- Writing safely --------------------------------------------------------------------------------------


def test_a_failed_export_leaves_nothing_under_the_final_name(built, tmp_path, monkeypatch):
    db, _ = built
    written = 0
    original = TableSheet.append

    def failing_append(self, values):
        nonlocal written
        written += 1
        if written == 3:
            raise OSError(28, "No space left on device")
        original(self, values)

    monkeypatch.setattr(TableSheet, "append", failing_append)
    scratch = tmp_path / "temp"  # where openpyxl streams its sheets before zipping them
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    out = tmp_path / "out" / "report.xlsx"
    out.parent.mkdir()
    with pytest.raises(KnownError, match=r"cannot write .*report.xlsx: No space left"):
        export_month(db, MONTH, out, today=TODAY)
    assert list(out.parent.iterdir()) == []  # no report, no temporary file
    assert list(scratch.iterdir()) == []  # nor openpyxl's half-written sheets
    out.write_bytes(b"last month's report")
    written = 0
    with pytest.raises(Exception, match="No space left"):
        export_month(db, MONTH, out, today=TODAY)
    assert out.read_bytes() == b"last month's report" and list(out.parent.iterdir()) == [out]


def test_the_finished_file_is_a_complete_workbook(built, tmp_path):
    db, _ = built
    out = export(db, tmp_path)
    assert zipfile.ZipFile(out).testzip() is None
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_no_query_per_row(built, tmp_path):
    """The number of statements does not grow with the number of occurrences."""
    db, ids = built

    def statements() -> int:
        count = 0

        def seen(*_args):
            nonlocal count
            count += 1

        event.listen(db.engine, "before_cursor_execute", seen)
        try:
            export(db, tmp_path)
        finally:
            event.remove(db.engine, "before_cursor_execute", seen)
        return count

    before = statements()
    with db.transaction() as session:
        for day in range(1, 29):
            review.add_obligation(
                session,
                session.get(Obligation, ids["pay-3"]).contract_id,
                by_date(dt.date(2026, 11, day)),
                action=f"任务{day}",
                today=TODAY,
            )
    assert statements() == before


# ---- CLI ---------------------------------------------------------------------------------------------------


def test_cli_exports_xlsx_and_csv(built, tmp_path, capsys):
    db, _ = built
    out = tmp_path / "cli.xlsx"
    args = ["export", "--month", MONTH, "-o", str(out), "--today", "2026-11-15", "--db", db.url]
    assert main([*args, "--lang", "en"]) == 0
    assert openpyxl.load_workbook(out).sheetnames == EN_SHEETS
    assert str(out) in capsys.readouterr().out
    assert (
        main(
            [
                "export",
                "--month",
                MONTH,
                "-o",
                str(tmp_path / "cli.csv"),
                "--format",
                "csv",
                "--today",
                "2026-11-15",
                "--db",
                db.url,
            ]
        )
        == 0
    )
    assert (tmp_path / "cli.csv").read_bytes().startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--month", "2026-13"], "YYYY-MM"),
        (["--month", "2026-11", "--today", "15/11/2026"], "--today"),
        (["--month", "2026-11", "-o", "/nonexistent-folder/x.xlsx"], "does not exist"),
    ],
)
def test_cli_user_errors(db, tmp_path, capsys, args, message):
    argv = ["export", "-o", str(tmp_path / "x.xlsx"), "--db", db.url, *args]
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_labels_cover_both_languages():
    zh, en = Labels("zh"), Labels("en")
    assert zh("sheet.summary") == "概览" and en("sheet.summary") == "Summary"
    assert all(
        len(name) <= 31
        for lang in (zh, en)
        for name in (lang(f"sheet.{k}") for k in ("summary", "month", "overdue", "next90", "contracts", "changes"))
    )


# ---- Readability details ---------------------------------------------------------------------------------


STEPS = [
    {"kind": "anchor", "text": "Fixed date: 2026-11-07 (Sat)", "text_zh": "约定日期：2026-11-07（周六）"},
    {"kind": "calendar", "text": "Calendar CN 2026: official", "text_zh": "日历 CN 2026年：官方数据"},
    "a step from an older engine, plain text",
    {"kind": "due", "text": "Due: 2026-11-06 (Fri)"},  # no Chinese text: the English stands in
]


def test_explanation_steps_in_the_report_language_calendar_line_only_when_provisional():
    from obligations.export.rows import explanation_text

    assert explanation_text(STEPS, "zh").splitlines() == [
        "约定日期：2026-11-07（周六）",
        "a step from an older engine, plain text",
        "Due: 2026-11-06 (Fri)",
    ]
    assert "Calendar CN 2026: official" in explanation_text(STEPS, "en", provisional=True)
    assert explanation_text(None, "en") == ""


def test_rows_with_wrapped_text_are_tall_enough_and_the_rest_are_not(built, tmp_path):
    db, _ = built
    ws = openpyxl.load_workbook(export(db, tmp_path))["本月到期"]
    quote_row = next(row[0].row for row in ws.iter_rows(min_row=2) if row[9].value and "身份证" in row[9].value)
    assert ws.row_dimensions[quote_row].height >= 3 * 13  # the masked quote wraps to three lines or more
    assert ws.row_dimensions[1].height <= 2 * 13 + 4  # the header: at most two lines


def test_replacement_says_what_changed(built, tmp_path):
    db, _ = built
    rows = table(openpyxl.load_workbook(export(db, tmp_path, lang="en"))["Changes this month"])
    replaced = next(r for r in rows if r["Change"] == "Obligation replaced")["Details"]
    assert "by 2026-11-20" in replaced and "now:" in replaced and "by 2026-11-18" in replaced


def test_summary_prints_counts_and_chart_on_page_one(built, tmp_path):
    db, _ = built
    ws = openpyxl.load_workbook(export(db, tmp_path))["概览"]
    (page_break,) = ws.row_breaks.brk
    assert ws.cell(page_break.id + 2, 1).value == "按合同"
    assert ws.print_options.gridLines is not True and ws.sheet_view.showGridLines is False


def test_an_empty_database_exports_a_report_of_headers_and_zeros(db, tmp_path, monkeypatch):
    monkeypatch.setattr("locale.getlocale", lambda: ("en_US", "UTF-8"))  # no contracts: the locale decides
    out = tmp_path / "empty.xlsx"
    result = export_month(db, MONTH, out, today=TODAY)
    wb = openpyxl.load_workbook(out)
    assert result.lang == "en" and wb.sheetnames == EN_SHEETS
    assert result.rows == {"month": 0, "overdue": 0, "next90": 0, "contracts": 0, "changes": 0}
    assert wb["Due this month"].max_row == 1 and wb["Due this month"].auto_filter.ref == "A1:L1"
    values = {row[0].strip(): row[1] for row in wb["Summary"].iter_rows(max_col=2, values_only=True) if row[0]}
    assert values["Due this month"] == 0 and values["Overdue (all months)"] == 0


def test_csv_text_that_excel_would_run_as_a_formula_is_escaped(built, tmp_path):
    db, ids = built
    with db.transaction() as session:
        review.edit_obligation(session, ids["pay-3"], action="=1+2", today=TODAY)
        session.get(Obligation, ids["pay-3"]).party = None
    out = export(db, tmp_path, "report.csv", fmt="csv")
    with out.open(encoding="utf-8-sig", newline="") as handle:
        obligations = [row["义务"] for row in csv.DictReader(handle)]
    assert "'=1+2" in obligations and "=1+2" not in obligations


def test_a_scoped_report_covers_only_the_chosen_contracts_or_owner(built, tmp_path):
    """File → Export's filters: a report for one contract, or for one owner, leaves everything else out."""
    from obligations.export import Scope

    db, _ = built
    everything = table(openpyxl.load_workbook(export(db, tmp_path))["本月到期"])
    contracts = {r["合同"] for r in everything}
    assert len(contracts) >= 2
    with db.reader() as session:
        chosen = session.scalars(select(Contract.id).where(Contract.title == "技术服务合同")).one()
    scoped = openpyxl.load_workbook(export(db, tmp_path, "one.xlsx", scope=Scope(contract_ids=frozenset({chosen}))))
    assert {r["合同"] for r in table(scoped["本月到期"])} == {"技术服务合同"}
    assert {r["合同"] for r in table(scoped[ZH_SHEETS[4]])} == {"技术服务合同"}  # the contracts register too
    owned = openpyxl.load_workbook(export(db, tmp_path, "owner.xlsx", scope=Scope(owner="张律师")))
    rows = table(owned["本月到期"])
    assert rows and {r["负责人"] for r in rows} == {"张律师"}
