"""A realistic synthetic legal department for benchmarks: contracts, obligations and occurrences, bulk-inserted.

Rows go in with SQLAlchemy Core `insert()` executemany batches (no ORM objects, no per-row round trips), so a
million occurrences load in seconds and the benchmarks measure Tickler, not the loader.
"""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import insert

from obligations.store import Database
from obligations.store.tables import Agreement, Contract, Obligation, Occurrence

KINDS = ("payment", "notice", "performance", "reporting", "renewal", "response")
PARTIES = ("甲方", "乙方", "Licensee", "Supplier", "出租方", "承租方")
ACTIONS = ("支付服务费", "书面通知不续约", "提交月度报告", "pay the invoice", "deliver the goods", "修复故障")
# Lead times as counsel set them: a monthly payment is watched a week ahead, a notice window months ahead.
LEADS = {
    "payment": [7, 1],
    "notice": [90, 60, 30, 7],
    "performance": [7, 1],
    "reporting": [7, 1],
    "renewal": [90, 60, 30, 7],
    "response": [3, 1],
}
OWNERS = ("王律师", "李律师", "alice@corp.example", "bob@corp.example", None)
COUNTERPARTIES = (
    "上海某某物业管理有限公司",
    "北京某某科技有限公司",
    "ACME Corp.",
    "Globex Ltd",
    "深圳某某供应链有限公司",
)


def populate(db: Database, occurrences: int, *, today: dt.date, seed: int = 7, batch: int = 20_000) -> None:
    """Insert about `occurrences` occurrences: 20 per obligation, 10 obligations per contract."""
    rng = random.Random(seed)
    obligations = max(1, occurrences // 20)
    contracts = max(1, obligations // 10)
    now = dt.datetime.now(dt.UTC)
    stamps = {"created_at": now, "updated_at": now, "version": 1}
    with db.engine.begin() as connection:
        connection.execute(
            insert(Contract),
            [
                {
                    "id": c + 1,
                    "title": f"合同 {c + 1:05d} · {rng.choice(('租赁', '采购', 'Services', 'License'))}",
                    "counterparty": rng.choice(COUNTERPARTIES),
                    "language": "zh",
                    "effective_date": today - dt.timedelta(days=rng.randrange(30, 900)),
                    "expiry_date": today + dt.timedelta(days=rng.randrange(-60, 1200)),
                    "calendar": "CN",
                    **stamps,
                }
                for c in range(contracts)
            ],
        )
        connection.execute(
            insert(Agreement),
            [
                {
                    "id": c + 1,
                    "contract_id": c + 1,
                    "role": "base",
                    "title": f"Agreement {c + 1}",
                    "text": "",
                    "page_starts": [0],
                    "page_confidence": [],
                    "fact_changes": {},
                    **stamps,
                }
                for c in range(contracts)
            ],
        )
        rows = []
        for o in range(obligations):
            kind = rng.choice(KINDS)
            rows.append(
                {
                    "id": o + 1,
                    "contract_id": o % contracts + 1,
                    "agreement_id": o % contracts + 1,
                    "party": rng.choice(PARTIES),
                    "action": rng.choice(ACTIONS),
                    "kind": kind,
                    "direction": "after",
                    "anchor_type": "recurring",
                    "amount_value": 15.0,
                    "amount_unit": "day",
                    "recurrence": "monthly",
                    "include_start_day": False,
                    "phrase": "每月账单日起15日内",
                    "quote": "甲方应于每月账单日起15日内支付上月服务费。",
                    "confidence": 0.9,
                    "review_state": "confirmed" if rng.random() < 0.9 else "proposed",
                    "owner": rng.choice(OWNERS),
                    "lead_times": LEADS[kind],
                    "lead_in_business_days": False,
                    **stamps,
                }
            )
        for start in range(0, len(rows), batch):
            connection.execute(insert(Obligation), rows[start : start + batch])
        pending: list[dict[str, object]] = []
        occ_id = 0
        for o in range(obligations):
            widest = max(rows[o]["lead_times"])  # type: ignore[call-overload]
            first = today - dt.timedelta(days=rng.randrange(0, 600))
            for k in range(occurrences // obligations):
                occ_id += 1
                due = first + dt.timedelta(days=30 * k + 15)
                status = (
                    "open" if due >= today - dt.timedelta(days=3) else ("waived" if rng.random() < 0.05 else "done")
                )
                pending.append(
                    {
                        "id": occ_id,
                        "obligation_id": o + 1,
                        "key": f"m{k}",
                        "anchor_at": dt.datetime.combine(due - dt.timedelta(days=15), dt.time()),
                        "due_date": due,
                        "remind_from": due - dt.timedelta(days=widest),
                        "strict_date": due,
                        "provisional": False,
                        "explanation": [{"kind": "count", "text": "Anchor + 15 days", "text_zh": "起算日后15日"}],
                        "status": status,
                        "obsolete": False,
                        **stamps,
                    }
                )
                if len(pending) >= batch:
                    connection.execute(insert(Occurrence), pending)
                    pending = []
        if pending:
            connection.execute(insert(Occurrence), pending)
