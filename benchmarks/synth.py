"""A realistic synthetic legal department for benchmarks: contracts, obligations and occurrences, bulk-inserted.

Rows go in with SQLAlchemy Core `insert()` executemany batches (no ORM objects, no per-row round trips), so a
million occurrences load in seconds and the benchmarks measure Tickler, not the loader.
"""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import insert

from obligations.services.scheduling import HORIZON_FUTURE
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


def _contract_plan(rng: random.Random, today: dt.date) -> tuple[dt.date, dt.date, list[tuple[str, bool]]]:
    """One contract: its life (2–8 years, some ended long ago, some running) and ten obligations, two to four of
    them monthly (payments, reports, service reviews), the others one-off (notices, deliveries, responses).

    With occurrences materialised up to 800 days ahead (as scheduling does), that makes ~150 occurrences a
    contract: a million occurrences are ~7,000 contracts and ~70,000 obligations, about the department the
    issue describes ("5,000 contracts and a million occurrences")."""
    years = rng.randint(2, 8)
    start = today - dt.timedelta(days=rng.randrange(0, 365 * 8))
    end = start + dt.timedelta(days=365 * years)
    monthly = rng.choice((2, 3, 3, 4))
    kinds = [(rng.choice(("payment", "reporting")), True) for _ in range(monthly)]
    kinds += [(rng.choice(KINDS), False) for _ in range(10 - monthly)]
    return start, end, kinds


def populate(db: Database, occurrences: int, *, today: dt.date, seed: int = 7, batch: int = 20_000) -> None:
    """Insert about `occurrences` occurrences as a legal department would have them: ~150 per contract over its
    life, most in the past and done, monthly payments and reports, one-off notices and deliveries."""
    rng = random.Random(seed)
    horizon = today + HORIZON_FUTURE
    now = dt.datetime.now(dt.UTC)
    stamps = {"created_at": now, "updated_at": now, "version": 1}
    contracts: list[dict[str, object]] = []
    obligations: list[dict[str, object]] = []
    pending: list[dict[str, object]] = []
    count = 0
    with db.engine.begin() as connection:

        def flush(force: bool = False) -> None:
            nonlocal contracts, obligations, pending
            if force or len(pending) >= batch:
                if contracts:
                    connection.execute(insert(Contract), contracts)
                    connection.execute(
                        insert(Agreement),
                        [
                            {"id": c["id"], "contract_id": c["id"], "role": "base", "title": c["title"], "text": "",
                             "page_starts": [0], "page_confidence": [], "fact_changes": {}, **stamps}
                            for c in contracts
                        ],
                    )  # fmt: skip
                if obligations:
                    connection.execute(insert(Obligation), obligations)
                if pending:
                    connection.execute(insert(Occurrence), pending)
                contracts, obligations, pending = [], [], []

        contract_id = obligation_id = 0
        while count < occurrences:
            contract_id += 1
            start, end, plan = _contract_plan(rng, today)
            contracts.append(
                {
                    "id": contract_id,
                    "title": f"合同 {contract_id:05d} · {rng.choice(('租赁', '采购', 'Services', 'License'))}",
                    "counterparty": rng.choice(COUNTERPARTIES),
                    "language": "zh",
                    "effective_date": start,
                    "expiry_date": end,
                    "calendar": "CN",
                    **stamps,
                }
            )
            for kind, monthly in plan:
                obligation_id += 1
                leads = LEADS[kind]
                obligations.append(
                    {
                        "id": obligation_id,
                        "contract_id": contract_id,
                        "agreement_id": contract_id,
                        "party": rng.choice(PARTIES),
                        "action": rng.choice(ACTIONS),
                        "kind": kind,
                        "direction": "after",
                        "anchor_type": "recurring" if monthly else "effective",
                        "amount_value": 15.0,
                        "amount_unit": "day",
                        "recurrence": "monthly" if monthly else None,
                        "include_start_day": False,
                        "phrase": "每月账单日起15日内" if monthly else "生效之日起15日内",
                        "quote": "甲方应于每月账单日起15日内支付上月服务费。",
                        "confidence": 0.9,
                        "review_state": "confirmed" if rng.random() < 0.95 else "proposed",
                        "owner": rng.choice(OWNERS),
                        "lead_times": leads,
                        "lead_in_business_days": False,
                        **stamps,
                    }
                )
                if monthly:
                    dues = [start + dt.timedelta(days=30 * k + 15) for k in range((end - start).days // 30)]
                else:
                    dues = [start + dt.timedelta(days=rng.randrange(15, max(16, (end - start).days)))]
                dues = [due for due in dues if due <= horizon]  # scheduling materialises 800 days ahead at most
                for k, due in enumerate(dues):
                    count += 1
                    settled = "waived" if rng.random() < 0.05 else "done"  # the past is mostly dealt with
                    status = "open" if due >= today - dt.timedelta(days=3) or rng.random() < 0.002 else settled
                    pending.append(
                        {
                            "obligation_id": obligation_id,
                            "key": f"k{k}",
                            "anchor_at": dt.datetime.combine(due - dt.timedelta(days=15), dt.time()),
                            "due_date": due,
                            "remind_from": due - dt.timedelta(days=max(leads)),
                            "strict_date": due,
                            "provisional": False,
                            "explanation": [{"kind": "count", "text": "Anchor + 15 days", "text_zh": "起算日后15日"}],
                            "status": status,
                            "obsolete": False,
                            **stamps,
                        }
                    )
            flush()
        flush(force=True)
