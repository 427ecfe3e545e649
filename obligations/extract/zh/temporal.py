"""Temporal expressions in folded Chinese text: periods, calendar dates, recurring days.

One left-to-right scan with one regex whose alternatives are ordered so a calendar date wins over the period it
contains ("2016年1月1日" is never "1日"). Every quantifier is bounded, so the scan is linear in the text.
The scan only finds and measures; whether an expression is an obligation is decided in `clauses.py`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from obligations.extract.zh import vocab
from obligations.extract.zh.numerals import CN_NUMBER_CHARS, parse_number
from obligations.model import Recurrence, Unit

_CN = CN_NUMBER_CHARS + "廿"
_NUM = rf"(?:(?<![0-9.])[0-9]{{1,5}}(?:\.[0-9]{{1,2}})?|(?<![{_CN}])[{_CN}]{{1,8}})"
_NUM_RANGE = rf"{_NUM}(?:\s{{0,2}}[-~至到或]\s{{0,2}}{_NUM})?"
_REPEATED_DUTIES = "|".join(vocab.REPEATED_DUTIES)
# "三十（30）日" / "90（九十）日": the number restated in brackets
_RESTATED = rf"(?:[ ]{{0,2}}\([ ]{{0,2}}(?P<paren>[0-9]{{1,5}}|[{_CN}]{{1,8}})[ ]{{0,2}}\))?"
_UNIT_ALT = "|".join(sorted(vocab.UNITS, key=len, reverse=True))
_UNIT_FIRST = "".join(sorted({u[0] for u in vocab.UNITS}))  # a cheap check before trying every unit
# A run of spaces or underscores is a blank only when a unit (or a restated number) follows within reach, as the
# period alternative requires; the lookaheads say so first. Without them every space of a padded line and every
# "_" of a template blank backtracks through the whole alternative (two thirds of the scan's time on the corpus);
# with them the matches are the same, since no match is possible where they fail.
_BLANK_NEXT = rf"\s{{0,3}}[(个半{_UNIT_FIRST}]"
_SPACES_BLANK = rf"(?=[ ]{{2,16}}+{_BLANK_NEXT})[ ]{{2,16}}"
_UNDERSCORE_BLANK = rf"(?=_{{1,20}}+{_BLANK_NEXT})_{{1,20}}"
# ____ / …… / spaces / (  ) / XX
_BLANK = rf"(?:{_UNDERSCORE_BLANK}|…{{1,6}}|{_SPACES_BLANK}|\([ _]{{1,8}}\)|[Xx]{{2,6}})"
_DAY_NUM = rf"(?:[0-9]{{1,2}}|[{_CN}]{{1,4}})"
_SP = r"[ ]{0,2}"
_TIME_OF_DAY = (  # 零时 / 24时 / 17时30分 / 17:00, after a date
    rf"(?:{_SP}(?:零时|[0-9_]{{0,6}}{_SP}[时点](?![间候])(?:{_SP}[0-9]{{1,2}}{_SP}分)?|二十四时"
    rf"|[0-9]{{1,2}}:[0-9]{{2}}(?::[0-9]{{2}})?))?"
)
_BLANK_FIELD = r"(?:_{1,12}|[ ]{1,12}|\([ _]{1,8}\)|[Xx]{2,4})"

# Every alternative below starts with one of these characters; the lookahead lets the scan skip the rest fast.
_FIRST = re.escape("0123456789_ …每下次当本按半(Xx" + _CN)
_PATTERN = re.compile(
    rf"(?=[{_FIRST}])(?:"
    # a date: 2026年12月31日 / 二〇二六年十二月三十一日 / ____年__月__日 / 年月 only
    rf"(?P<date>(?P<y>(?<![0-9])[0-9]{{4}}|[〇零一二三四五六七八九]{{4}}|{_BLANK_FIELD}){_SP}年{_SP}"
    rf"(?P<m>[0-9]{{1,2}}|[一二三四五六七八九十]{{1,3}}|{_BLANK_FIELD}){_SP}月"
    rf"(?:{_SP}(?P<d>{_DAY_NUM}|{_BLANK_FIELD}){_SP}[日号])?{_TIME_OF_DAY})"
    # an ISO-like date: 2026-12-31 / 2026.12.31 / 2026/12/31
    rf"|(?P<iso>(?<![0-9.])(?P<iy>[0-9]{{4}})(?P<sep>[-./])(?P<im>[0-9]{{1,2}})(?P=sep)(?P<id>[0-9]{{1,2}})(?![0-9]))"
    # a day of each month / of next month: 每月5日 / 下月5日 / 每年3月1日 / 每年 月 日
    rf"|(?P<rday>(?P<rp>每个?月的?|每月度|下个?月的?|次月的?|每年度?的?|每个年度的?"
    rf"|每季度?的?(?:(?:第[一二三]|最后一|首|末)个?月的?)?|当月的?|本月的?|次年的?|每一?年的?){_SP}"
    rf"(?:(?P<rm>[0-9]{{1,2}}|[一二三四五六七八九十]{{1,3}}|{_BLANK_FIELD}){_SP}月{_SP})?"
    rf"(?P<rd>{_DAY_NUM}|{_BLANK_FIELD}){_SP}[日号])"
    # a day of each week: 每周五前 / 每星期一
    rf"|(?P<wday>(?:每周|每星期|每个星期|每礼拜)(?P<wd>[一二三四五六日天]))"
    # the end or start of each period: 每月末 / 每月月底 / 每季度末 / 每年年底
    rf"|(?P<rend>(?P<ep>每个?月|每季度?|每年度?)的?(?:月底|月末|季末|年底|年末|末|底|初|月初))"
    # a periodic settlement without a day: 按季结息 / 按月支付
    rf"|(?P<rby>(?P<bp>按月|按季度?|按年度?)(?:结息|付息|支付|付款|缴纳|交纳|结算|计收|还款|报送))"
    # a period named only by a duty that repeats with it: 每季度向甲方提交一次报告 / 每月支付 (not 每月每平方米)
    rf"|(?P<rverb>(?P<vp>每个?月|每季度?|每年度?|每周)"
    rf"(?=[^0-9_{_CN},。;:\n每]{{0,12}}?(?:{_REPEATED_DUTIES})(?![日的])))"
    # a month and day without a year (blocks "3月1日" from reading as a period of 1 day)
    rf"|(?P<md>(?<![0-9年])(?:[0-9]{{1,2}}|[一二三四五六七八九十]{{1,3}}){_SP}月{_SP}{_DAY_NUM}{_SP}[日号])"
    # a period: 30日 / ３０天 / 三个月 / 半年 / 一个半月 / ____日 / 3-5个工作日
    rf"|(?P<dur>(?P<num>{_NUM_RANGE}|{_BLANK}|半){_RESTATED}"
    rf"(?=\s{{0,3}}(?:个\s{{0,2}})?半?[{_UNIT_FIRST}])"
    rf"\s{{0,3}}(?P<ge>个\s{{0,2}})?(?P<half>半)?(?P<unit>{_UNIT_ALT})(?P<half2>半(?![年月天日]))?)"
    r")"
)

_RECURRENCE_OF_PREFIX = {
    "季": Recurrence.QUARTERLY,
    "年": Recurrence.YEARLY,
    "月": Recurrence.MONTHLY,
}  # 季 first: 每季度最后一个月


@dataclass(frozen=True, slots=True)
class Span:
    """A temporal expression: where it is and what it measures. Exactly one of the payload fields is set."""

    start: int
    end: int
    kind: str  # "period" | "date" | "recurring_day" | "calendar" (a month-day or year, never an obligation)
    unit: Unit | None = None  # kind == "period"
    value: float | None = None  # kind == "period"; None for a template blank ("____日", "××年")
    date: dt.date | None = None  # kind == "date": the calendar date, when complete
    recurrence: Recurrence | None = None  # kind == "recurring_day"
    recurrence_day: int | None = None


def _recurrence_of(prefix: str) -> Recurrence:
    for key, rec in _RECURRENCE_OF_PREFIX.items():
        if key in prefix:
            return rec
    return Recurrence.MONTHLY


def _int_or_none(s: str | None) -> int | None:
    if s is None:
        return None
    value = parse_number(s)
    return int(value) if value is not None and value.is_integer() else None


def _date(y: str | None, m: str | None, d: str | None) -> dt.date | None:
    year, month, day = _int_or_none(y), _int_or_none(m), _int_or_none(d)
    if year is None or month is None or day is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _period(m: re.Match[str]) -> Span | None:
    unit_text = m.group("unit")
    unit, mult = vocab.UNITS[unit_text]
    num_text = m.group("num")
    has_ge = m.group("ge") is not None
    value = parse_number(num_text) if num_text != "半" else 0.5
    if m.group("paren") and m.group("paren").isdigit():  # "三十（30）日": the figure in brackets restates it
        value = float(m.group("paren"))
    if unit_text == "月" and not (has_ge or m.group("half") or num_text == "半"):
        return None  # "3月" is March
    if unit_text == "年" and value is not None and value >= 100:
        return None  # "2018年" is a calendar year
    if value is not None:
        if m.group("half") or m.group("half2"):  # 一个半月 / 一年半
            value += 0.5
        value *= mult
        if not value.is_integer() and unit in vocab.FRACTION_RESTATED:  # 半年 -> 6 months, 一个半月 -> 45 days
            smaller, per = vocab.FRACTION_RESTATED[unit]
            if (value * per).is_integer():
                value, unit = value * per, smaller
    return Span(m.start("dur"), m.end("dur"), "period", unit=unit, value=value)


def scan(folded: str) -> list[Span]:
    """Every temporal expression, left to right, non-overlapping."""
    out: list[Span] = []
    for m in _PATTERN.finditer(folded):
        if m.group("date") is not None:
            day = m.group("d")
            out.append(Span(m.start(), m.end(), "date", date=_date(m.group("y"), m.group("m"), day)))
        elif m.group("iso") is not None:
            out.append(Span(m.start(), m.end(), "date", date=_date(m.group("iy"), m.group("im"), m.group("id"))))
        elif m.group("rday") is not None:
            rec = _recurrence_of(m.group("rp"))
            out.append(
                Span(m.start(), m.end(), "recurring_day", recurrence=rec, recurrence_day=_int_or_none(m.group("rd")))
            )
        elif m.group("wday") is not None:
            day = "一二三四五六日".find(m.group("wd").replace("天", "日")) + 1
            out.append(Span(m.start(), m.end(), "recurring_day", recurrence=Recurrence.WEEKLY, recurrence_day=day))
        elif m.group("rend") is not None:
            out.append(Span(m.start(), m.end(), "recurring_day", recurrence=_recurrence_of(m.group("ep"))))
        elif m.group("rverb") is not None:
            rec = Recurrence.WEEKLY if "周" in m.group("vp") else _recurrence_of(m.group("vp"))
            out.append(Span(m.start(), m.end(), "recurring_day", recurrence=rec))
        elif m.group("rby") is not None:
            out.append(Span(m.start(), m.end(), "recurring_day", recurrence=_recurrence_of(m.group("bp"))))
        elif m.group("md") is not None:
            out.append(Span(m.start(), m.end(), "calendar"))
        else:
            span = _period(m)
            if span is not None:
                out.append(span)
    return out
