"""Vocabularies of Chinese contract language, one entry per line with the reason beside it.

Parties, kinds of duty and renewal cues live in `vocab_roles.py`. Extend these tables rather than the
engine: each is read by exactly one step of the pipeline (see
docs/extraction.md). Entries are matched against the folded text (numerals.fold), so write full-width digits and
punctuation in their ASCII form ("(" not "（", ":" not "："); Chinese punctuation such as "、" and "。" stays.
"""

from __future__ import annotations

from obligations.model import AnchorType, Kind, Recurrence, Unit

# --- units of a period: written form -> (unit, multiplier). Longest forms first where one contains another.
UNITS: dict[str, tuple[Unit, float]] = {
    "小时": (Unit.HOUR, 1),
    "钟头": (Unit.HOUR, 1),  # colloquial hour
    "工作日": (Unit.BUSINESS_DAY, 1),
    "个工作日": (Unit.BUSINESS_DAY, 1),
    "银行工作日": (Unit.BUSINESS_DAY, 1),
    "营业日": (Unit.BUSINESS_DAY, 1),  # banking contracts
    "日历天": (Unit.DAY, 1),  # construction contracts: 工期600日历天
    "日历日": (Unit.DAY, 1),
    "自然日": (Unit.DAY, 1),
    "天": (Unit.DAY, 1),
    "日": (Unit.DAY, 1),
    "周": (Unit.WEEK, 1),
    "星期": (Unit.WEEK, 1),
    "礼拜": (Unit.WEEK, 1),
    "月": (Unit.MONTH, 1),  # only after 个 or 半 (a bare "3月" is a calendar month)
    "自然月": (Unit.MONTH, 1),
    "日历月": (Unit.MONTH, 1),  # 租期共计36个日历月
    "季度": (Unit.MONTH, 3),  # 一个季度 = 3 months
    "周年": (Unit.YEAR, 1),
    "年": (Unit.YEAR, 1),  # only with a small number ("2018年" is a calendar year)
}

# A fraction of these units is restated in the next smaller one, the way lawyers read it
# (最高法院《民通意见》第198条: 半个月 = 15 日; 半年 = 6 个月; 一个半月 = 45 日). Others stay fractional (0.5 天).
FRACTION_RESTATED: dict[Unit, tuple[Unit, int]] = {
    Unit.YEAR: (Unit.MONTH, 12),
    Unit.MONTH: (Unit.DAY, 30),
}

# --- words right after a period that make it a time limit, and the direction they give
POST_MARKERS: dict[str, str] = {
    "以内": "within",  # 30日以内
    "之内": "within",
    "内": "within",  # 30日内
    "以前": "before",  # 期满30日以前 (ends at the anchor)
    "之前": "before",
    "前": "before",  # 到期30日前通知
    "以后": "after",
    "之后": "after",
    "后": "after",  # 签署后30天生效 / 28天后
    "止": "within",  # 至30日止
}

# --- words right before a period that make it a time limit
PRE_MARKERS: dict[str, str] = {
    "提前": "before",  # 提前30日通知: a notice period ending at the anchor
    "至少提前": "before",
    "提前至少": "before",  # 提前至少30日
    "提前不少于": "before",
    "最迟提前": "before",
    "超过": "after",  # 逾期超过30日: a grace period after the due date (only with DELAY_WORDS, see below)
    "逾期": "after",  # 逾期30日，出卖人有权解除合同 (not "每逾期一日": a daily penalty, see PER_DAY_PENALTY)
    "迟延": "after",
    "延迟": "after",
    "延期": "after",
    "近": "back",  # 近6个月内: looking back from now (a limit only with 内: "最近三年" is history)
    "最近": "back",
    "不少于": "min",  # 不少于30日的书面通知 (a notice period; direction from the rest of the clause)
    "至少": "min",
    "不超过": "within",  # only after TIME_LIMIT_NOUNS (see below)
    "不得超过": "within",
    "最长不超过": "within",
    "不应超过": "within",
}
# "不超过N小时" is a time limit only after one of these nouns ("响应时间不超过2小时").
TIME_LIMIT_NOUNS: tuple[str, ...] = (
    "最晚",  # 尽快（最晚不超过六十日）
    "最迟",
    "响应时间",
    "到场时间",
    "到达时间",
    "处理时间",
    "修复时间",
    "时限",
    "时效",
    "期限为",
)
# "超过N日" is a time limit only about a delay ("逾期超过30日", "超过30日未补足"), not a length ("休假超过1个月").
DELAY_WORDS: tuple[str, ...] = ("逾期", "延迟", "迟延", "延期", "拖欠", "暂停", "停止", "停工", "时限", "付款")
# "每逾期一日" / "逾期一日按…支付违约金": a penalty per day of delay, not a grace period.
DELAY_PRE: tuple[str, ...] = ("逾期", "迟延", "延迟", "延期")
DELAY_AFTER: tuple[str, ...] = ("未", "仍未")
# "十二个月内两次…", "一年内连续3次": a window for counting events, not a deadline.
COUNT_WINDOW_AFTER: tuple[str, ...] = ("连续", "累计", "一次", "两次", "二次", "三次", "多次")
# "每月前5个工作日": 前 after a recurring period means "the first", not "before".
FIRST_OF_PERIOD: tuple[str, ...] = ("每月前", "每个月前", "每季度前", "每季前", "每年前", "每周前", "当月前", "次月前")
# "前一天"/"最后一日" name a day, not a period, unless a marker follows ("签订后一日内" is a period).
ADJACENT_DAY_WORDS: tuple[str, ...] = ("前", "后")
# A number right after these words names one day ("最后一个银行工作日", "首个工作日").
NAMED_DAY_BEFORE: tuple[str, ...] = ("最后", "首")
# A day number right after these words is a day of the month: "×天即____日内" restates the due day.
DAY_OF_MONTH_BEFORE: tuple[str, ...] = ("即",)

# --- nouns that name a term, so "有效期为一年" is a limit with no marker after it
TERM_NOUNS: tuple[str, ...] = (
    "有效期",  # 有效期一年
    "期限",  # 租赁期限/合作期限/委托管理期限为X年
    "租期",
    "租赁期",
    "服务期",
    "合同期",
    "工期",  # 工期600日历天
    "保修期限",  # 保修期限为两年 (before the bare 期限 row wins)
    "质保期限",
    "质量保证期",
    "保修期",
    "质保期",
    "保修",  # 主机保修36个月
    "质保",
    "缺陷责任期",
    "试用期",
    "宽限期",  # 付款宽限期为30日
    "合同为期",  # 本合同为期三年 (a bare 为期 is any length: "为期××天的休假")
    "协议为期",
    "共计",  # 至2022年12月31日止，共计五年
)
# Term nouns whose period runs from something other than the contract's effective date.
TERM_ANCHORS: dict[str, tuple[AnchorType, str, Kind]] = {
    "工期": (AnchorType.EVENT, "开工", Kind.PERFORMANCE),  # construction period runs from commencement
    "保修": (AnchorType.EVENT, "交付验收", Kind.RETENTION),  # a warranty runs from delivery or acceptance
    "保修期限": (AnchorType.EVENT, "交付验收", Kind.RETENTION),
    "质保期限": (AnchorType.EVENT, "交付验收", Kind.RETENTION),
    "质量保证期": (AnchorType.EVENT, "交付验收", Kind.RETENTION),
    "宽限期": (AnchorType.EVENT, "应付款日", Kind.PAYMENT),  # a grace period runs from the due date
    "保修期": (AnchorType.EVENT, "交付验收", Kind.RETENTION),
    "质保": (AnchorType.EVENT, "交付验收", Kind.RETENTION),
    "质保期": (AnchorType.EVENT, "交付验收", Kind.RETENTION),
    "缺陷责任期": (AnchorType.EVENT, "竣工验收", Kind.RETENTION),
    "试用期": (AnchorType.EVENT, "入职", Kind.OTHER),  # probation runs from starting work
}

# --- words between a term noun and the period ("有效期为三年", "期限：一年")
TERM_LINKS: tuple[str, ...] = ("为", "是", ":", "", "暂定为", "定为", "共")

# --- anchors: a keyword in the trigger phrase -> anchor type. First matching row wins, so the more specific
# rows come first ("收到解除合同通知" is about termination before it is about a notice).
ANCHOR_KEYWORDS: tuple[tuple[str, AnchorType], ...] = (
    ("终止", AnchorType.TERMINATION),  # 合同终止后 / 终止雇佣之前
    ("解除", AnchorType.TERMINATION),  # 解除合同之日起 / 收到解除合同通知后
    ("届满", AnchorType.EXPIRY),  # 合作期限届满前
    ("期满", AnchorType.EXPIRY),  # 合同期满前
    ("到期", AnchorType.EXPIRY),  # 租赁到期前
    ("生效", AnchorType.EFFECTIVE),  # 本合同生效之日起
    ("签订", AnchorType.SIGNING),
    ("签署", AnchorType.SIGNING),
    ("签字", AnchorType.SIGNING),
    ("签约", AnchorType.SIGNING),
    ("订立", AnchorType.SIGNING),
    ("盖章", AnchorType.SIGNING),
    ("账单日", AnchorType.RECURRING),  # 每月账单日起15日内
    ("结算日", AnchorType.RECURRING),
)
# A signing or effective date of another contract is an event, not this contract's date ("订货合同签订15日内").
OTHER_CONTRACTS: tuple[str, ...] = (
    "订货合同",
    "采购合同",
    "分包合同",
    "买卖合同",
    "租赁合同",
    "借款合同",
    "担保合同",
    "保证合同",
    "劳动合同",
    "补充协议",
    "订单",
)
# The end of these periods is an event, not the contract's expiry ("质保期满后30日内退还质保金").
OTHER_PERIODS: tuple[str, ...] = (
    "质保期",
    "保修期",
    "质量保证期",
    "缺陷责任期",
    "试用期",
    "宽限期",
    "免租期",
    "装修期",
    "保证期",
    "质保金",
    "租金",  # "应付租金到期后一个月内": a rent instalment falls due, the lease goes on
    "应付",
    "款项",
    "货款",
    "票据",
    "融资",  # "每次融资到期的三十日前": each drawing's maturity
)
# Clauses that name an expiry or termination as the object of a notice ("提前30日通知对方终止合同").
BEFORE_TARGETS: tuple[tuple[str, AnchorType], ...] = (
    ("终止", AnchorType.TERMINATION),
    ("解除", AnchorType.TERMINATION),
    ("退租", AnchorType.TERMINATION),
    ("续", AnchorType.EXPIRY),  # 续签/续租/续约: the notice runs against the expiry
    ("届满", AnchorType.EXPIRY),
    ("期满", AnchorType.EXPIRY),
    ("到期", AnchorType.EXPIRY),
)
# "自签字之日起生效" names the signing as the anchor: 生效 only anchors when used as a point in time.
EFFECTIVE_POINT_FORMS: tuple[str, ...] = ("生效日", "生效之日", "生效后", "生效起", "生效时", "生效之后", "生效以后")

# --- duties that make "每季度/每月/每年" a recurring obligation on their own ("每季度向甲方提交一次维护报告")
REPEATED_DUTIES: tuple[str, ...] = ("提交", "报送", "公布", "通报", "披露", "支付", "缴纳", "交纳", "付款", "结算")

# --- recurrence: a word in the clause -> recurrence
RECURRENCE_WORDS: tuple[tuple[str, Recurrence], ...] = (
    ("每个工作日", Recurrence.DAILY),
    ("每日", Recurrence.DAILY),
    ("每天", Recurrence.DAILY),
    ("每周", Recurrence.WEEKLY),
    ("每星期", Recurrence.WEEKLY),
    ("每个月", Recurrence.MONTHLY),
    ("每月", Recurrence.MONTHLY),
    ("按月", Recurrence.MONTHLY),
    ("每季度", Recurrence.QUARTERLY),
    ("每季", Recurrence.QUARTERLY),
    ("按季", Recurrence.QUARTERLY),
    ("每年度", Recurrence.YEARLY),
    ("每年", Recurrence.YEARLY),
    ("每一年", Recurrence.YEARLY),
    ("按年", Recurrence.YEARLY),
)

# --- signing / effective / expiry facts: labels that introduce the date
SIGNING_LABELS: tuple[str, ...] = ("签署时间", "签订时间", "签署日期", "签订日期", "签约日期", "签约时间", "签字日期")
EFFECTIVE_LABELS: tuple[str, ...] = ("生效日期", "生效时间", "生效日")
# (not a bare 到期日: "债权到期日 2023年9月11日" is a loan's maturity, not this contract's end)
EXPIRY_LABELS: tuple[str, ...] = ("合同到期日", "协议到期日", "合同终止日期", "协议终止日期", "届满日", "合同截止日期")

# --- labels that introduce the contract's own term (not a delivery or payment deadline: 交货期限, 付款期限)
CONTRACT_TERM_LABELS: tuple[str, ...] = (
    "合同期限",
    "协议期限",
    "合作期限",
    "履行期限",
    "租赁期限",
    "租赁期",
    "服务期限",
    "委托期限",
    "借款期限",
    "贷款期限",
    "有效期",
)

# --- an absolute date is a deadline when a duty word stands just before it ("交付房屋期限为2017年12月31日")
DATE_DUTY_LABELS: tuple[str, ...] = (
    "有效期",  # 合同有效期至2026年12月31日
    "交付",
    "交房",
    "交货",
    "供货",
    "发货",
    "竣工",
    "完工",
    "开工",
    "开始工作",
    "并网",
    "投产",
    "付款",
    "支付",
    "总付",  # 一次总付…，时间：
    "完成",
    "履行",
    "到期",
    "届满",
    "截止",
    "期限",
    "终止",
)
# ... or when one of these words stands right before it ("不迟于2026年12月31日")
DATE_BY_BEFORE: tuple[str, ...] = ("截止到", "截止于", "不迟于", "不晚于", "最迟于", "最迟", "最晚")
# ... or when it is followed by the end of something ("于2018年1月1日全部终止")
DATE_END_VERBS: tuple[str, ...] = ("全部终止", "终止", "届满", "到期", "结束")
# ... or it closes a range whose label is a term ("履行期限：2016年1月1日－2016年12月31日"), not "土地使用年限自…至…"
TERM_WORDS: tuple[str, ...] = ("期限", "期", "有效", "合同", "协议")
# ... or when one of these verbs follows a date introduced by 于/在 ("计划于2018年6月30日竣工")
DATE_DUE_VERBS: tuple[str, ...] = (
    "完工",
    "竣工",
    "交付",
    "交货",
    "完成",
    "投产",
    "并网",
    "付清",
    "支付",
    "还清",
    "交房",
)
# ... and it is a fact, not a duty, after these words
DATE_NOT_DUTY: tuple[str, ...] = ("截至", "截止至", "签署", "签订", "签约", "成立", "注册", "公告", "出生", "召开")
