"""How fast, and in how much memory, the monthly report exports N occurrences — against xlsxwriter.

    .venv/bin/python benchmarks/bench_export.py              # smoke run: 2,000 occurrences
    .venv/bin/python benchmarks/bench_export.py --rows 100000

Builds a synthetic database (bulk inserts: contracts, confirmed obligations, occurrences spread over the
report month, the overdue past and the next 90 days, with quotes, notes and explanation steps), then, each in
a fresh subprocess so peak memory is the process's own (getrusage max RSS):

  export     `export_month` itself: the whole workbook (summary, three occurrence sheets, contracts, changes)
  reference  the same occurrence and contract rows (same queries, same values) written by xlsxwriter in
             constant_memory mode with equivalent formats: the fastest streaming xlsx writer in Python

and prints both and the ratios. Targets: export time <= 2x the reference, export peak <= 300 MB.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

MONTH = "2026-11"
TODAY = dt.date(2026, 11, 15)
TARGET_RATIO = 2.0
TARGET_PEAK_MB = 300.0

PARTIES = ["甲方", "乙方", "Licensee", "Supplier", "承租方"]
ACTIONS = [
    "支付服务费",
    "提交月度报告",
    "书面通知是否续约",
    "pay the annual fee",
    "deliver the audit report",
    "完成验收",
]
KINDS = ["payment", "reporting", "notice", "performance", "response"]
OWNERS = ["张律师", "李经理", "王会计", "Alice Chen", None]
QUOTE = (
    "{party}应于{due}前{action}，逾期每日按未付金额的万分之五支付违约金。联系人：张三，电话13800138000，"
    "邮箱zhangsan@example.com，身份证号110101199003071234，收款账户6222021234567890123。"
)


def peak_rss_mb() -> float:
    """This process's peak resident set so far (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def explanation(due: dt.date) -> list[dict[str, str]]:
    return [
        {"kind": "anchor", "text": f"Agreed date: {due} ", "text_zh": f"约定日期：{due}"},
        {"kind": "roll", "text": f"{due} is a working day: no roll", "text_zh": f"{due}为工作日，无需顺延"},
        {"kind": "calendar", "text": "Calendar CN 2026: official", "text_zh": "日历 CN 2026年：官方数据"},
        {"kind": "due", "text": f"Due: {due}", "text_zh": f"到期日：{due}"},
    ]


def build(url: str, rows: int, seed: int = 7) -> None:
    """Bulk-insert `rows` occurrences (5 per obligation, 20 obligations per contract) through SQLAlchemy Core."""
    from sqlalchemy import insert

    from obligations.store import open_database
    from obligations.store.tables import Contract, Obligation, Occurrence

    rng = random.Random(seed)
    db = open_database(url, actor="bench")
    per_obligation, per_contract = 5, 20
    n_obligations = max(1, rows // per_obligation)
    n_contracts = max(1, n_obligations // per_contract)
    now = dt.datetime(2026, 11, 10, 9, 0, tzinfo=dt.UTC)
    stamps = {"created_at": now, "updated_at": now, "version": 1}
    with db.transaction() as session:
        session.execute(
            insert(Contract),
            [
                {
                    "id": c + 1,
                    "title": f"技术服务合同 HT-2026-{c:05d}",
                    "counterparty": f"北京数联信息技术有限公司第{c}分公司",
                    "language": "zh",
                    "signing_date": dt.date(2025, 12, 1),
                    "effective_date": dt.date(2026, 1, 1),
                    "expiry_date": dt.date(2026, 12, 1) + dt.timedelta(days=c % 400),
                    "term": "一年",
                    "calendar": "CN",
                    **stamps,
                }
                for c in range(n_contracts)
            ],
        )
        obligations = []
        for o in range(n_obligations):
            party, action = rng.choice(PARTIES), rng.choice(ACTIONS)
            obligations.append(
                {
                    "id": o + 1,
                    "contract_id": o % n_contracts + 1,
                    "party": party,
                    "action": action,
                    "kind": rng.choice(KINDS),
                    "direction": "by",
                    "anchor_type": "absolute",
                    "clause": f"{rng.randint(1, 15)}.{rng.randint(1, 9)}",
                    "quote": QUOTE.format(party=party, action=action, due="约定日期"),
                    "review_state": "confirmed",
                    "owner": rng.choice(OWNERS),
                    "lead_times": [30, 7, 1],
                    **stamps,
                }
            )
        session.execute(insert(Obligation), obligations)
        # The reminder schedule's column (when the widest lead window opens), where the schema has it.
        has_remind_from = "remind_from" in Occurrence.__table__.c
        batch: list[dict[str, Any]] = []
        for i in range(rows):
            # A third in the report month, a sixth overdue from earlier, the rest over the next 120 days.
            due = TODAY + dt.timedelta(
                days=rng.choice([rng.randint(-14, 15), rng.randint(-90, -15), rng.randint(0, 120)])
            )
            status = "open" if due >= TODAY or rng.random() < 0.4 else rng.choice(["done", "done", "waived"])
            extra = {"remind_from": due - dt.timedelta(days=30)} if has_remind_from else {}
            batch.append(
                {
                    **extra,
                    "obligation_id": i // per_obligation % n_obligations + 1,
                    "key": f"k{i}",
                    "due_date": due,
                    "strict_date": due,
                    "provisional": False,
                    "explanation": explanation(due),
                    "status": status,
                    "note": "已处理，回单发送至 finance@example.com" if status != "open" else None,
                    "obsolete": False,
                    **stamps,
                }
            )
            if len(batch) == 10_000:
                session.execute(insert(Occurrence), batch)
                batch = []
        if batch:
            session.execute(insert(Occurrence), batch)
    db.dispose()


def run_export(url: str, out: Path) -> dict[str, Any]:
    from obligations.export import export_month
    from obligations.store import open_database

    db = open_database(url)
    before = peak_rss_mb()
    start, cpu = time.perf_counter(), time.process_time()
    result = export_month(db, MONTH, out, today=TODAY, lang="zh")
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {"seconds": seconds, "cpu": cpu, "peak_mb": peak_rss_mb(), "baseline_mb": before, "rows": result.rows}


def run_reference(url: str, out: Path) -> dict[str, Any]:
    """The same occurrence and contract rows, the same values, written by xlsxwriter in constant_memory mode."""
    import xlsxwriter

    from obligations.export import queries
    from obligations.export.labels import Labels
    from obligations.export.period import NEXT_DAYS
    from obligations.export.rows import OCCURRENCE_COLUMNS, masker, occurrence_values
    from obligations.store import open_database

    db = open_database(url)
    labels, mask = Labels("zh"), masker(False)
    before = peak_rss_mb()
    start, cpu = time.perf_counter(), time.process_time()
    wb = xlsxwriter.Workbook(str(out), {"constant_memory": True})
    date = wb.add_format({"num_format": "yyyy-mm-dd", "valign": "top", "font_size": 10})
    wrap = wb.add_format({"text_wrap": True, "valign": "top", "font_size": 10})
    plain = wb.add_format({"valign": "top", "font_size": 10})
    formats = [
        date if kind == "date" else wrap if kind in ("name", "wrap", "long", "note") else plain
        for _k, kind in OCCURRENCE_COLUMNS
    ]
    rows: dict[str, int] = {}
    month = dt.date(2026, 11, 1)
    with db.reader() as session:
        sections = {
            "month": queries.due_between(session, month, dt.date(2026, 11, 30)),
            "overdue": queries.overdue(session, TODAY),
            "next90": queries.due_between(session, TODAY, TODAY + dt.timedelta(days=NEXT_DAYS)),
        }
        for name, source in sections.items():
            ws = wb.add_worksheet(name)
            ws.freeze_panes(1, 0)
            ws.write_row(0, 0, [labels(k) for k, _kind in OCCURRENCE_COLUMNS])
            n = 0
            for n, row in enumerate(source, 1):
                for col, (value, fmt) in enumerate(
                    zip(occurrence_values(row, TODAY, labels, mask), formats, strict=True)
                ):
                    if isinstance(value, dt.date):
                        ws.write_datetime(n, col, dt.datetime.combine(value, dt.time()), fmt)
                    else:
                        ws.write(n, col, value, fmt)
            rows[name] = n
        ws = wb.add_worksheet("contracts")
        contracts = queries.contracts(session, TODAY)
        for r, c in enumerate(contracts, 1):
            for col, value in enumerate(c[1:]):
                if isinstance(value, dt.date):
                    ws.write_datetime(r, col, dt.datetime.combine(value, dt.time()), date)
                else:
                    ws.write(r, col, value, plain)
        rows["contracts"] = len(contracts)
    wb.close()
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {"seconds": seconds, "cpu": cpu, "peak_mb": peak_rss_mb(), "baseline_mb": before, "rows": rows}


def child(kind: str, url: str, out: Path) -> dict[str, Any]:
    """Run one measurement in a fresh interpreter; its JSON result is the last line of its output."""
    process = subprocess.run(
        [sys.executable, __file__, "--child", kind, "--db", url, "--out", str(out)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(process.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2000, help="occurrences in the synthetic database")
    parser.add_argument("--keep", type=Path, help="keep the database and workbooks in this folder")
    parser.add_argument("--child", choices=["export", "reference"], help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        measure = run_export if args.child == "export" else run_reference
        print(json.dumps(measure(args.db, args.out)))
        return
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        os.environ.setdefault("TICKLER_HOME", str(folder / "home"))
        url = f"sqlite:///{(folder / f'bench-{args.rows}.sqlite3').as_posix()}"
        if not (args.keep and (folder / f"bench-{args.rows}.sqlite3").exists()):
            start = time.perf_counter()
            build(url, args.rows)
            print(f"built {args.rows:,} occurrences in {time.perf_counter() - start:.1f} s")
        reference = child("reference", url, folder / "reference.xlsx")
        export = child("export", url, folder / "export.xlsx")
    # CPU time is the fair comparison on a shared machine (wall time includes waiting for other processes).
    time_ratio = export["cpu"] / reference["cpu"]
    wall_ratio = export["seconds"] / reference["seconds"]
    peak_ratio = export["peak_mb"] / reference["peak_mb"]
    print(f"rows written: {export['rows']}")
    for name, r in (("xlsxwriter constant_memory", reference), ("export_month (openpyxl write-only)", export)):
        print(
            f"{name:<36} {r['cpu']:6.2f} s CPU {r['seconds']:6.2f} s wall   "
            f"peak RSS {r['peak_mb']:6.1f} MB (before export {r['baseline_mb']:.1f} MB)"
        )
    time_ok = "ok" if time_ratio <= TARGET_RATIO else "OVER TARGET"
    peak_ok = "ok" if export["peak_mb"] <= TARGET_PEAK_MB else "OVER TARGET"
    print(
        f"CPU time ratio {time_ratio:.2f}x (wall {wall_ratio:.2f}x; target <= {TARGET_RATIO}x: {time_ok}); "
        f"peak ratio {peak_ratio:.2f}x; "
        f"peak {export['peak_mb']:.0f} MB (target <= {TARGET_PEAK_MB:.0f} MB: {peak_ok})"
    )


if __name__ == "__main__":
    main()
