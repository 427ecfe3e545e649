"""Every word the report prints, in Chinese and English: sheet names, headers, states, kinds.

One table per kind of text so a translator reads them side by side. Keys are stable; the report code never
spells a user-visible string itself.
"""

from __future__ import annotations

import unicodedata
from typing import Any

LANGUAGES = ("zh", "en")

# (zh, en)
TEXT: dict[str, tuple[str, str]] = {
    # Sheet names (Excel: at most 31 characters, no []:*?/\).
    "sheet.summary": ("概览", "Summary"),
    "sheet.month": ("本月到期", "Due this month"),
    "sheet.overdue": ("已逾期", "Overdue"),
    "sheet.next90": ("未来90天", "Next 90 days"),
    "sheet.contracts": ("合同台账", "Contracts"),
    "sheet.changes": ("本月变动", "Changes this month"),
    # Titles and notes.
    "title": ("合同履约月报", "Contract obligations report"),
    "subtitle": (
        "期间 {period}；截至 {today}；生成于 {generated}",
        "Period {period}; as of {today}; generated {generated}",
    ),
    "masked_note": (
        "个人信息（身份证号、电话、邮箱、银行账号）已遮盖。",
        "Personal data (ID numbers, phones, e-mails, bank accounts) is masked.",
    ),
    "unmasked_note": (
        "本报告含未遮盖的个人信息，请勿外传。",
        "This report contains unmasked personal data: do not forward it.",
    ),
    "section.states": ("状态统计", "At a glance"),
    "section.weeks": ("本月每周到期", "Due per week this month"),
    "section.by_contract": ("按合同", "By contract"),
    "section.by_owner": ("按负责人", "By owner"),
    "section.horizon": (
        "未来6个月：合同到期与不续约通知截止",
        "Next 6 months: expiries and non-renewal notice deadlines",
    ),
    "more_rows": ("……另有 {n} 项，见“{sheet}”表", "… {n} more, see the “{sheet}” sheet"),
    "none": ("（无）", "(none)"),
    "unassigned": ("（未分配）", "(unassigned)"),
    # State counts.
    "count.due_month": ("本月到期", "Due this month"),
    "count.done": ("其中已完成", "of which done"),
    "count.waived": ("其中已豁免", "of which waived"),
    "count.open": ("其中未完成", "of which still open"),
    "count.overdue": ("已逾期（全部）", "Overdue (all months)"),
    "count.due7": ("7日内到期", "Due within 7 days"),
    "count.review": ("待审核义务", "Awaiting review"),
    # Column headers.
    "col.contract": ("合同", "Contract"),
    "col.counterparty": ("相对方", "Counterparty"),
    "col.clause": ("条款", "Clause"),
    "col.obligation": ("义务", "Obligation"),
    "col.kind": ("类型", "Kind"),
    "col.due": ("到期日", "Due date"),
    "col.days_left": ("剩余天数", "Days left"),
    "col.state": ("状态", "State"),
    "col.owner": ("负责人", "Owner"),
    "col.quote": ("合同原文", "Source quote"),
    "col.explanation": ("到期日计算", "How the date was computed"),
    "col.note": ("备注", "Note"),
    "col.section": ("分表", "Section"),
    "col.signing": ("签订日", "Signed"),
    "col.effective": ("生效日", "Effective"),
    "col.expiry": ("到期日", "Expires"),
    "col.terminated": ("提前终止日", "Ended early"),
    "col.term": ("期限", "Term"),
    "col.calendar": ("工作日历", "Calendar"),
    "col.supplements": ("补充协议数", "Supplements"),
    "col.open": ("未完成", "Open"),
    "col.done": ("已完成", "Done"),
    "col.due_month": ("本月到期", "This month"),
    "col.overdue": ("已逾期", "Overdue"),
    "col.next_deadline": ("下一截止日", "Next deadline"),
    "col.week": ("周", "Week"),
    "col.total": ("合计", "Total"),
    "col.count": ("数量", "Count"),
    "col.item": ("项目", "Item"),
    "col.date": ("日期", "Date"),
    "col.what": ("事项", "What"),
    "col.change": ("变动", "Change"),
    "col.details": ("内容", "Details"),
    "col.by": ("操作人", "By"),
    # Horizon items.
    "horizon.expiry": ("合同到期", "Contract expires"),
    "horizon.notice": ("不续约通知截止", "Non-renewal notice deadline"),
    # Change kinds.
    "change.contract": ("新增合同", "New contract"),
    "change.supplement": ("补充协议", "Supplementary agreement"),
    "change.fact": ("合同信息变更", "Contract fact changed"),
    "change.added": ("新增义务", "Obligation added"),
    "change.replaced": ("义务被替换", "Obligation replaced"),
    "change.ended": ("义务终止", "Obligation ended"),
    "change.done": ("已完成", "Completed"),
    "change.waived": ("已豁免", "Waived"),
    "change.reopened": ("重新打开", "Reopened"),
    "change.effective": ("生效日 {date}", "effective {date}"),
    "change.replaced_by": ("由补充协议“{title}”替换，自 {date} 起", "replaced by “{title}” from {date}"),
    "change.ended_by": ("由补充协议“{title}”终止，自 {date} 起", "ended by “{title}” from {date}"),
    "change.added_by": ("由补充协议“{title}”新增", "added by “{title}”"),
    "change.due": ("到期日 {date}", "due {date}"),
    "change.now": ("现为：{text}", "now: {text}"),
    "rule.by": ("{date}前", "by {date}"),
    "rule.before": ("{anchor}前{n}{unit}", "{n} {unit} before {anchor}"),
    "rule.after": ("{anchor}后{n}{unit}内", "within {n} {unit} after {anchor}"),
    "chart.title": ("本月每周到期义务", "Obligations due per week"),
    "chart.y": ("数量", "Count"),
}

# The states an occurrence is shown in, worst first; the conditional fills key on these labels.
STATE: dict[str, tuple[str, str]] = {
    "overdue": ("已逾期", "Overdue"),
    "due_soon": ("7日内到期", "Due ≤ 7 days"),
    "open": ("未到期", "Open"),
    "done": ("已完成", "Done"),
    "waived": ("已豁免", "Waived"),
}

KIND: dict[str, tuple[str, str]] = {
    "notice": ("通知", "Notice"),
    "payment": ("付款", "Payment"),
    "performance": ("履行", "Performance"),
    "response": ("响应", "Response"),
    "renewal": ("续约", "Renewal"),
    "expiry": ("到期", "Expiry"),
    "reporting": ("报告", "Reporting"),
    "retention": ("保存", "Retention"),
    "other": ("其他", "Other"),
}

FACT: dict[str, tuple[str, str]] = {
    "title": ("合同名称", "title"),
    "counterparty": ("相对方", "counterparty"),
    "our_party": ("我方", "our party"),
    "signing_date": ("签订日", "signing date"),
    "effective_date": ("生效日", "effective date"),
    "expiry_date": ("到期日", "expiry date"),
    "termination_date": ("终止日", "termination date"),
    "term": ("期限", "term"),
    "calendar": ("工作日历", "calendar"),
    "notes": ("备注", "notes"),
}


UNIT: dict[str, tuple[str, str]] = {
    "hour": ("小时", "hours"),
    "day": ("日", "days"),
    "business_day": ("个工作日", "business days"),
    "week": ("周", "weeks"),
    "month": ("个月", "months"),
    "year": ("年", "years"),
}

ANCHOR: dict[str, tuple[str, str]] = {
    "signing": ("签订日", "signing"),
    "effective": ("生效日", "the effective date"),
    "expiry": ("到期日", "expiry"),
    "termination": ("终止日", "termination"),
    "recurring": ("每期", "each period"),
    "event": ("事件发生", "the event"),
    "absolute": ("约定日期", "the agreed date"),
}


class Labels:
    """The report's words in one language: `labels("col.due")`, `labels.state("overdue")`."""

    def __init__(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"language must be one of {LANGUAGES}, not {lang!r}")
        self.lang = lang
        self._index = LANGUAGES.index(lang)

    def __call__(self, key: str, **values: Any) -> str:
        text = TEXT[key][self._index]
        return text.format(**values) if values else text

    def state(self, key: str) -> str:
        return STATE[key][self._index]

    def kind(self, key: str | None) -> str:
        pair = KIND.get(key or "other")
        return pair[self._index] if pair else str(key)

    def fact(self, key: str) -> str:
        pair = FACT.get(key)
        return pair[self._index] if pair else key

    def unit(self, key: str) -> str:
        pair = UNIT.get(key)
        return pair[self._index] if pair else key

    def anchor(self, key: str) -> str:
        pair = ANCHOR.get(key)
        return pair[self._index] if pair else key

    @property
    def separator(self) -> str:
        """Between party and action: "乙方：支付价款" / "Supplier: pay the fees"."""
        return "：" if self.lang == "zh" else ": "

    @property
    def list_separator(self) -> str:
        return "；" if self.lang == "zh" else "; "

    def widest(self, table: dict[str, tuple[str, str]]) -> int:
        """Display width of the widest word in a vocabulary: a column that holds only those never wraps."""
        return max(
            sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in pair[self._index])
            for pair in table.values()
        )
