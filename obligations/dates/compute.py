"""Due dates from an anchor and a period, on a working-day calendar (PRC Civil Code Arts. 200–204 by default).

The rules, one per line with their source, are in docs/due-dates.md. Everything here is pure: the calendar is an
argument and nothing reads the clock.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from obligations.calendars import BusinessCalendar
from obligations.dates.explain import Step, StepKind, calendar_steps, day_en, day_zh, describe_run
from obligations.model import Direction, DueRule, Period, Roll, Unit

_ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class DueDate:
    due: dt.date | dt.datetime  # the date to act by, after any roll (a datetime for hours)
    strict: dt.date | dt.datetime  # the plain arithmetic, before any roll
    provisional: bool  # some year consulted has no published or loaded schedule
    calendar: str
    roll: Roll
    steps: tuple[Step, ...]
    provisional_years: frozenset[int] = frozenset()


def default_roll(direction: Direction, unit: Unit) -> Roll:
    """The roll the Civil Code and safety call for; a contract may choose another (Art. 204)."""
    if unit is Unit.HOUR:
        return Roll.NONE  # Art. 201(2): counted from the stated time, hour by hour; Art. 203 speaks of days
    if direction is Direction.AFTER:
        return Roll.FOLLOWING  # Art. 203: a last day on a statutory rest day moves to the day after the rest
    return Roll.PRECEDING  # notice periods and fixed dates: act on the working day before, never late


def compute_due(
    anchor: dt.date | dt.datetime,
    period: Period,
    direction: Direction,
    *,
    calendar: BusinessCalendar,
    include_start_day: bool = False,
    roll: Roll | None = None,
    explain: bool = True,
) -> DueDate:
    """The due date `period` after (or before) `anchor`, with the strict date and the steps that led there.

    `roll` None means `default_roll(direction, unit)`. `include_start_day` is the contract's "含当日": the anchor
    day counts as day one. `explain=False` skips the steps (about ten times faster: bulk recomputation).

    >>> from obligations.calendars import open_calendar
    >>> cn = open_calendar("CN", directory=None)
    >>> result = compute_due(dt.date(2025, 9, 30), Period(1, Unit.DAY), Direction.AFTER, calendar=cn)
    >>> result.strict, result.due  # 1–8 October 2025 is the National Day and Mid-Autumn holiday
    (datetime.date(2025, 10, 1), datetime.date(2025, 10, 9))
    """
    if direction is Direction.BY:
        raise ValueError("a fixed date has no period: use due_for_rule")
    amount = _amount(period)
    chosen = default_roll(direction, period.unit) if roll is None else roll
    steps = [Step(StepKind.ANCHOR, f"Anchor: {day_en(anchor)}", f"起算点：{day_zh(anchor)}")] if explain else None
    if period.unit is Unit.HOUR:
        return _hours(anchor, period.value, direction, calendar, steps)
    start = anchor.date() if isinstance(anchor, dt.datetime) else anchor
    sign = 1 if direction is Direction.AFTER else -1
    consulted: set[int] = set()
    if period.unit is Unit.BUSINESS_DAY:
        strict = _working_days(start, amount, sign, calendar, include_start_day, steps, consulted)
    else:
        strict = _calendar_arithmetic(start, amount, period.unit, sign, include_start_day, steps)
    due = _roll(strict, chosen, calendar, steps, consulted)
    return _finish(due, strict, chosen, calendar, steps, consulted)


def due_for_rule(
    rule: DueRule,
    anchor: dt.date | dt.datetime | None,
    *,
    calendar: BusinessCalendar,
    roll: Roll | None = None,
    explain: bool = True,
) -> DueDate:
    """`compute_due` for a DueRule; a fixed date (`Direction.BY`) is due on itself, or the working day before.

    `roll` overrides the rule's own (`DueRule.roll`, set from wording such as "自然日"), which overrides the default.
    """
    roll = roll if roll is not None else rule.roll
    if rule.direction is Direction.BY:
        fixed = rule.fixed_date or (anchor.date() if isinstance(anchor, dt.datetime) else anchor)
        if fixed is None:
            raise ValueError("a Direction.BY rule needs a fixed_date or an anchor")
        chosen = Roll.PRECEDING if roll is None else roll  # "2026年12月31日前": act on a working day, not after
        steps = (
            [Step(StepKind.ANCHOR, f"Fixed date: {day_en(fixed)}", f"约定日期：{day_zh(fixed)}")] if explain else None
        )
        consulted: set[int] = set()
        due = _roll(fixed, chosen, calendar, steps, consulted)
        return _finish(due, fixed, chosen, calendar, steps, consulted)
    if rule.period is None:
        raise ValueError(f"a {rule.direction.value} rule needs a period")
    if anchor is None:
        raise ValueError("no anchor date: the obligation is undated")
    return compute_due(
        anchor,
        rule.period,
        rule.direction,
        calendar=calendar,
        include_start_day=rule.include_start_day,
        roll=roll,
        explain=explain,
    )


def _amount(period: Period) -> int:
    if period.value is None:
        raise ValueError("a template blank has no number yet: fill it in before a date can be computed")
    if period.value < 0:
        raise ValueError(f"a period cannot be negative: {period.value:g}")
    if period.unit is not Unit.HOUR and period.value != int(period.value):
        raise ValueError(f"{period.value:g} {period.unit.value}s: only hours may be fractional")
    return int(period.value)


def _hours(
    anchor: dt.date | dt.datetime,
    hours: float,
    direction: Direction,
    calendar: BusinessCalendar,
    steps: list[Step] | None,
) -> DueDate:
    if not isinstance(anchor, dt.datetime):
        anchor = dt.datetime.combine(anchor, dt.time())
        if steps is not None:
            steps.append(Step(StepKind.ANCHOR, "No time of day given: counted from 00:00", "未载明时刻：自当日0时起算"))
    delta = dt.timedelta(hours=hours)
    due = anchor + delta if direction is Direction.AFTER else anchor - delta
    if steps is not None:
        sign, word_zh = ("+", "后") if direction is Direction.AFTER else ("−", "前")
        steps.append(
            Step(
                StepKind.COUNT,
                f"Hours run from the stated time (Civil Code Art. 201): {day_en(anchor)} {sign} {hours:g} h = "
                f"{day_en(due)}; no roll for rest days",
                f"按小时计算期间，自约定时间起算（《民法典》第201条）：{hours:g}小时{word_zh}为{day_zh(due)}，不因休息日顺延",
            )
        )
        steps.append(Step(StepKind.DUE, f"Due: {day_en(due)}", f"到期：{day_zh(due)}"))
    return DueDate(due, due, False, calendar.code, Roll.NONE, tuple(steps or ()))


def _calendar_arithmetic(
    start: dt.date, amount: int, unit: Unit, sign: int, include_start: bool, steps: list[Step] | None
) -> dt.date:
    """Days, weeks, months, years: Arts. 201–202. The anchor day is not counted unless the contract says so."""
    if unit is Unit.DAY:
        shift: dt.timedelta | relativedelta = dt.timedelta(days=amount)
    elif unit is Unit.WEEK:
        shift = dt.timedelta(days=7 * amount)  # a week is seven days
    elif unit is Unit.MONTH:
        shift = relativedelta(months=amount)  # the corresponding day, else the month's last day (Art. 202)
    else:
        shift = relativedelta(years=amount)  # 29 February + 1 year = 28 February (Art. 202)
    end = start + shift if sign > 0 else start - shift
    last = end - sign * _ONE_DAY if include_start else end  # "含当日": the anchor day was day one
    if steps is None:
        return last
    label = f"{amount} {unit.value}{'s' if amount != 1 else ''}"
    label_zh = f"{amount}{_UNIT_ZH[unit]}"
    op = "+" if sign > 0 else "−"
    text = f"{start} {op} {label} = {day_en(end)}"
    text_zh = f"{start} {op} {label_zh} = {day_zh(end)}"
    if unit in (Unit.MONTH, Unit.YEAR) and end.day != start.day:
        text += f" ({_MONTHS[end.month - 1]} has no day {start.day}: its last day, Art. 202)"
        text_zh += "（到期月无对应日，以月末日为最后一日，第202条）"
    if include_start:  # Art. 204: the contract displaces Art. 201's first sentence
        text = f"Start day counted as day one (contract: 含当日): {text}, one day {'earlier' if sign > 0 else 'later'}"
        text += f" = {day_en(last)}"
        text_zh = f"合同约定含当日：{text_zh}，{'提前' if sign > 0 else '推后'}一日为{day_zh(last)}"
    else:
        text = f"Start day not counted (Civil Code Art. 201): {text}"
        text_zh = f"开始的当日不计入（《民法典》第201条）：{text_zh}"
    steps.append(Step(StepKind.COUNT, text, text_zh))
    return last


# Fixed names, not strftime's %B: Qt sets the process locale, and explanations must not change language with it.
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")  # fmt: skip
_UNIT_ZH = {Unit.DAY: "日", Unit.WEEK: "周", Unit.MONTH: "个月", Unit.YEAR: "年", Unit.BUSINESS_DAY: "个工作日"}


def _working_days(
    start: dt.date,
    amount: int,
    sign: int,
    calendar: BusinessCalendar,
    include_start: bool,
    steps: list[Step] | None,
    consulted: set[int],
) -> dt.date:
    """The `amount`-th working day after (before) `start`; `start` counts first only with "含当日"."""
    counts_start = include_start and amount > 0 and calendar.is_working_day(start)
    end = calendar.add_working_days(start, sign * (amount - 1 if counts_start else amount))
    low, high = sorted((start, end))
    consulted.update(range(low.year, high.year + 1))
    if steps is not None:
        word, word_zh = ("after", "后") if sign > 0 else ("before", "前")
        how = "start day counted as day one (contract)" if counts_start else "start day not counted (Art. 201)"
        how_zh = "含当日" if counts_start else "开始的当日不计入（第201条）"
        steps.append(
            Step(
                StepKind.COUNT,
                f"{amount} working day{'s' if amount != 1 else ''} {word} {start}, {how}: {day_en(end)}",
                f"{start}{word_zh}第{amount}个工作日（{how_zh}）：{day_zh(end)}",
            )
        )
        _skipped_days(calendar, low, high, steps)
    return end


def _skipped_days(calendar: BusinessCalendar, low: dt.date, high: dt.date, steps: list[Step]) -> None:
    """Name the holidays passed over and the make-up working days counted between `low` and `high`."""
    day = low + _ONE_DAY
    while day < high:
        if calendar.is_rest_day(day):
            run = calendar.rest_run(day, _ONE_DAY)
            if any(calendar.schedule(d.year).holidays.get(d) for d in run):  # plain weekends go unmentioned
                text, text_zh = describe_run(calendar, run)
                steps.append(Step(StepKind.SKIP, f"Not counted: {text}", f"不计入：{text_zh}"))
            day = run[-1] + _ONE_DAY
            continue
        made_up = calendar.workday_reason(day) if day.weekday() in calendar.jurisdiction.weekend else None
        if made_up is not None:
            steps.append(
                Step(StepKind.SKIP, f"Counted: {day_en(day)}, {made_up.en}", f"计入：{day_zh(day)}，{made_up.zh}")
            )
        day += _ONE_DAY


def _roll(
    strict: dt.date, roll: Roll, calendar: BusinessCalendar, steps: list[Step] | None, consulted: set[int]
) -> dt.date:
    if roll is Roll.NONE:
        reason = calendar.rest_reason(strict) if steps is not None else None
        if steps is not None and reason is not None:
            steps.append(
                Step(
                    StepKind.ROLL,
                    f"{day_en(strict)} is a rest day ({reason.en}) but is kept: calendar days, no extension",
                    f"{day_zh(strict)}为休息日（{reason.zh or reason.en}），按自然日计算不顺延",
                )
            )
        return strict
    consulted.add(strict.year)
    if calendar.is_working_day(strict):
        if steps is not None:
            made_up = calendar.workday_reason(strict)
            if made_up is not None:
                text, text_zh = f"is a {made_up.en} ({made_up.zh})", f"为{made_up.zh or made_up.en}"
            else:
                text, text_zh = "is a working day", "为工作日"
            steps.append(
                Step(StepKind.ROLL, f"{day_en(strict)} {text}: no roll", f"{day_zh(strict)}{text_zh}，无需顺延")
            )
        return strict
    step = _ONE_DAY if roll is Roll.FOLLOWING else -_ONE_DAY
    run = calendar.rest_run(strict, step)
    due = run[-1] + step
    consulted.update(day.year for day in run)
    consulted.add(due.year)
    if steps is None:
        return due
    text, text_zh = describe_run(calendar, sorted(run))
    if roll is Roll.FOLLOWING:
        english = f"the period ends on the next working day, {day_en(due)} (Art. 203)"
        chinese = f"以休假日结束的次日{day_zh(due)}为期间的最后一日（第203条）"
    else:
        english = f"moved back to the previous working day, {day_en(due)}, so the act is not late"
        chinese = f"提前至前一工作日{day_zh(due)}，以免逾期"
    steps.append(
        Step(StepKind.ROLL, f"{strict} is a rest day: {text}; {english}", f"{strict}为休息日：{text_zh}；{chinese}")
    )
    return due


def _finish(
    due: dt.date, strict: dt.date, roll: Roll, calendar: BusinessCalendar, steps: list[Step] | None, consulted: set[int]
) -> DueDate:
    provisional = calendar.provisional_years(consulted)
    if steps is None:
        return DueDate(due, strict, bool(provisional), calendar.code, roll, (), provisional)
    steps.extend(calendar_steps(calendar, sorted(consulted)))
    text = f"Due: {day_en(due)}"
    text_zh = f"到期日：{day_zh(due)}"
    if due != strict:
        text += f" (strict date {strict})"
        text_zh += f"（严格计算日 {strict}）"
    if provisional:
        text += " — provisional"
        text_zh += "（暂定）"
    steps.append(Step(StepKind.DUE, text, text_zh))
    return DueDate(due, strict, bool(provisional), calendar.code, roll, tuple(steps), provisional)
