"""Render the monthly report to PDF and PNG to see what a manager sees (docs/screenshots/report-*.png).

    .venv/bin/python scripts/render_report.py [--out docs/screenshots] [--lang zh en] [--db URL --month 2026-11]

Without --db it builds a small demo database through the real services (a dozen contracts, a supplementary
agreement, done/waived/overdue obligations). Needs LibreOffice (`soffice`) and poppler (`pdftoppm`):
    apt-get install -y libreoffice-calc-nogui fonts-noto-cjk poppler-utils
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 15)
MONTH = "2026-11"

# (title, counterparty, language, calendar, expiry, obligations: (party, action, kind, clause, owner, due, status))
DEMO = [
    (
        "技术服务合同",
        "北京数联信息技术有限公司",
        "zh",
        "CN",
        dt.date(2026, 12, 31),
        [
            ("甲方", "支付第三期服务费", "payment", "4.2", "张律师", dt.date(2026, 11, 10), "open"),
            ("乙方", "提交月度服务报告", "reporting", "5.1", "李经理", dt.date(2026, 11, 20), "open"),
            ("甲方", "支付第二期服务费", "payment", "4.2", "张律师", dt.date(2026, 11, 5), "done"),
            ("乙方", "配合年度审计", "performance", "7.3", None, dt.date(2026, 11, 25), "waived"),
        ],
    ),
    (
        "上海办公室租赁合同",
        "上海浦江置业有限公司",
        "zh",
        "CN",
        dt.date(2027, 3, 31),
        [
            ("承租方", "支付第四季度租金", "payment", "3.1", "王会计", dt.date(2026, 11, 3), "done"),
            ("承租方", "书面通知是否续租", "notice", "12.2", "张律师", None, "open"),
            ("出租方", "完成消防设施年检", "performance", "8.4", "行政部", dt.date(2026, 11, 18), "open"),
        ],
    ),
    (
        "云服务器采购框架协议",
        "深圳极云计算有限公司",
        "zh",
        "CN",
        dt.date(2027, 5, 10),
        [
            ("甲方", "验收第二批服务器并出具验收单", "performance", "6.1", "李经理", dt.date(2026, 11, 12), "done"),
            ("甲方", "收到发票后支付货款", "payment", "6.3", "王会计", dt.date(2026, 11, 27), "open"),
            ("乙方", "提供季度可用性报告", "reporting", "9.2", "李经理", dt.date(2026, 12, 8), "open"),
        ],
    ),
    (
        "员工体检服务协议",
        "爱康健康管理有限公司",
        "zh",
        "CN",
        dt.date(2026, 12, 15),
        [
            ("乙方", "提交体检汇总报告（不含个人信息）", "reporting", "5", "人事部", dt.date(2026, 11, 16), "open"),
            ("甲方", "支付体检费用", "payment", "6", "王会计", dt.date(2026, 10, 30), "open"),
        ],
    ),
    (
        "商标许可使用合同",
        "杭州青禾品牌管理有限公司",
        "zh",
        "CN",
        dt.date(2027, 12, 31),
        [
            ("被许可方", "报送年度销售数据", "reporting", "8.1", "张律师", dt.date(2026, 11, 30), "open"),
            ("被许可方", "支付年度许可费", "payment", "7.2", "王会计", dt.date(2027, 1, 15), "open"),
        ],
    ),
    (
        "物流运输服务合同",
        "顺达供应链管理（天津）有限公司",
        "zh",
        "CN",
        dt.date(2027, 2, 28),
        [
            ("乙方", "赔付货损", "payment", "11.3", "李经理", dt.date(2026, 11, 21), "open"),
            ("甲方", "对账确认", "response", "5.4", "王会计", dt.date(2026, 11, 7), "done"),
        ],
    ),
    (
        "Software Licence Agreement",
        "Acme Software Ltd",
        "en",
        "US",
        dt.date(2027, 6, 30),
        [
            ("Licensee", "pay the annual licence fee", "payment", "5.1", "Alice Chen", dt.date(2026, 11, 30), "open"),
            (
                "Licensor",
                "deliver the security audit report",
                "reporting",
                "9.4",
                "Alice Chen",
                dt.date(2026, 11, 13),
                "open",
            ),
        ],
    ),
    (
        "Master Services Agreement",
        "Globex Consulting LLC",
        "en",
        "US",
        dt.date(2027, 4, 30),
        [
            ("Customer", "approve the statement of work", "response", "3.2", "Bob Li", dt.date(2026, 11, 19), "open"),
            ("Customer", "pay invoice INV-2026-118", "payment", "6.1", "王会计", dt.date(2026, 11, 6), "done"),
        ],
    ),
]

QUOTE_ZH = "{party}应于{due}前{action}。联系人：张三，电话13800138000，身份证号110101199003071234。"
QUOTE_EN = "The {party} shall {action} no later than {due}. Contact: jane.doe@acme.example, +86 138 0013 8000."


def build_demo(url: str) -> None:
    from obligations.model import AnchorType, Direction, DueRule, Period, Unit
    from obligations.services import amendments, occurrences, review
    from obligations.store import open_database
    from obligations.store.tables import Contract, Obligation, Occurrence

    db = open_database(url, actor="张律师")
    ids = []
    with db.transaction() as session:
        for title, counterparty, lang, calendar, expiry, obligations in DEMO:
            contract = Contract(
                title=title,
                counterparty=counterparty,
                language=lang,
                calendar=calendar,
                expiry_date=expiry,
                signing_date=dt.date(2025, 12, 20),
                effective_date=dt.date(2026, 1, 1),
                term="一年" if lang == "zh" else "1 year",
            )
            session.add(contract)
            session.flush()
            ids.append(contract.id)
            for party, action, kind, clause, owner, due, status in obligations:
                if due is None:  # the non-renewal notice: 60 days before expiry
                    rule = DueRule(Direction.BEFORE, AnchorType.EXPIRY, Period(60, Unit.DAY))
                else:
                    rule = DueRule(Direction.BY, AnchorType.ABSOLUTE, fixed_date=due)
                quote = (QUOTE_ZH if lang == "zh" else QUOTE_EN).format(
                    party=party, action=action, due=due or "到期前60日"
                )
                ob = review.add_obligation(
                    session,
                    contract.id,
                    rule,
                    party=party,
                    action=action,
                    kind=kind,
                    clause=clause,
                    owner=owner,
                    quote=quote,
                    today=TODAY,
                )
                occ = ob.occurrences[0]
                session.flush()
                if status == "done":
                    occurrences.mark_done(session, occ.id, note="已完成，凭证已归档")
                elif status == "waived":
                    occurrences.waive(session, occ.id, note="对方书面同意豁免，退款账户 6222021234567890123")
        review.add_obligation(
            session,
            ids[0],
            DueRule(Direction.BY, AnchorType.ABSOLUTE, fixed_date=dt.date(2026, 12, 20)),
            confirmed=False,
            action="提交年度总结",
            today=TODAY,
        )
    with db.transaction() as session:
        report = session.query(Obligation).filter_by(contract_id=ids[0], action="提交月度服务报告").one()
        amendments.add_supplement(
            session,
            ids[0],
            amendments.Supplement(
                title="技术服务合同补充协议（一）",
                effective_date=dt.date(2026, 11, 1),
                facts={"expiry_date": dt.date(2027, 6, 30)},
                replace=[amendments.Replacement(report.id, values={"action": "提交月度服务报告及工单明细"})],
            ),
            today=TODAY,
        )
    from sqlalchemy import update

    from obligations.store.tables import Agreement, AuditEvent

    with db.transaction() as session:  # the demo happened "this month"
        stamp = dt.datetime(2026, 11, 9, 10, 0)
        for table in (Contract, Agreement):
            session.execute(update(table).values(created_at=stamp))
        session.execute(update(AuditEvent).values(at=stamp))
        assert session.query(Occurrence).count() > 0
    db.dispose()


def render(xlsx: Path, out: Path, prefix: str, resolution: int) -> list[Path]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftoppm") is None:
        sys.exit("needs LibreOffice (soffice) and pdftoppm: apt-get install -y libreoffice-calc-nogui poppler-utils")
    with tempfile.TemporaryDirectory() as work:
        profile = Path(work) / "profile"  # a private profile: no clash with a running LibreOffice
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                work,
                str(xlsx),
            ],
            check=True,
            capture_output=True,
            timeout=240,
        )
        pdf = Path(work) / f"{xlsx.stem}.pdf"
        for old in out.glob(f"{prefix}-*.png"):
            old.unlink()
        subprocess.run(
            ["pdftoppm", "-png", "-r", str(resolution), str(pdf), str(out / prefix)], check=True, timeout=240
        )
        shutil.copy(pdf, out / f"{prefix}.pdf")
    return sorted(out.glob(f"{prefix}-*.png"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", nargs="+", default=["zh", "en"], choices=["zh", "en"])
    parser.add_argument("--db", help="an existing database instead of the demo")
    parser.add_argument("--month", default=MONTH)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=TODAY)
    parser.add_argument("--resolution", type=int, default=70, help="PNG dots per inch")
    parser.add_argument("--include-personal-data", action="store_true")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        os.environ["TICKLER_HOME"] = str(Path(work) / "home")
        url = args.db or f"sqlite:///{Path(work) / 'demo.sqlite3'}"
        if args.db is None:
            build_demo(url)
        from obligations.export import export_month
        from obligations.store import open_database

        db = open_database(url)
        for lang in args.lang:
            xlsx = Path(work) / f"report-{lang}.xlsx"
            export_month(
                db,
                args.month,
                xlsx,
                today=args.today,
                lang=lang,
                include_personal_data=args.include_personal_data,
                generated_at=dt.datetime.combine(args.today, dt.time(18, 0)),
            )
            shutil.copy(xlsx, args.out / xlsx.name)
            for png in render(xlsx, args.out, f"report-{lang}", args.resolution):
                print(png.relative_to(ROOT) if png.is_relative_to(ROOT) else png)
        db.dispose()


if __name__ == "__main__":
    main()
