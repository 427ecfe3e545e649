"""Explanations: each computed date carries the steps from its anchor, in English and Chinese."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from obligations.calendars import BusinessCalendar, DataStatus

_WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_WEEKDAYS_ZH = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")


class StepKind(StrEnum):
    ANCHOR = "anchor"  # where counting starts
    COUNT = "count"  # the arithmetic, with the Civil Code article that fixes it
    SKIP = "skip"  # rest days passed over, or make-up working days counted, while counting working days
    ROLL = "roll"  # the strict day moved off a rest day, or why it was not
    CALENDAR = "calendar"  # which data the calendar used for a year, and whether it is provisional
    DUE = "due"  # the result


@dataclass(frozen=True, slots=True)
class Step:
    kind: StepKind
    text: str  # English, for the UI and `tickler calc`
    text_zh: str  # Chinese

    def __str__(self) -> str:
        return self.text


def day_en(day: dt.date | dt.datetime) -> str:
    if isinstance(day, dt.datetime):
        return f"{day:%Y-%m-%d %H:%M} ({_WEEKDAYS_EN[day.weekday()]})"
    return f"{day.isoformat()} ({_WEEKDAYS_EN[day.weekday()]})"


def day_zh(day: dt.date | dt.datetime) -> str:
    if isinstance(day, dt.datetime):
        return f"{day:%Y-%m-%d %H:%M}（{_WEEKDAYS_ZH[day.weekday()]}）"
    return f"{day.isoformat()}（{_WEEKDAYS_ZH[day.weekday()]}）"


def describe_run(calendar: BusinessCalendar, run: Sequence[dt.date]) -> tuple[str, str]:
    """'2025-10-01 … 2025-10-08 National Day holiday, …' for a run of rest days, in English and Chinese."""
    names = []
    for day in run:
        name = calendar.rest_reason(day)
        if name is not None and name not in names:
            names.append(name)
    span = run[0].isoformat() if len(run) == 1 else f"{run[0].isoformat()} … {run[-1].isoformat()}"
    english = ", ".join(str(name) for name in names)  # "National Day holiday (国庆节假期)"
    chinese = "、".join(name.zh or name.en for name in names)
    return f"{span} {english}", f"{span} {chinese}"


def calendar_steps(calendar: BusinessCalendar, years: Sequence[int]) -> list[Step]:
    steps = []
    for year in sorted(set(years)):
        schedule = calendar.schedule(year)
        if schedule.status is DataStatus.PROVISIONAL:
            steps.append(
                Step(
                    StepKind.CALENDAR,
                    f"Calendar {calendar.code} {year}: PROVISIONAL ({schedule.source}); "
                    f"recompute once the {year} schedule is published and loaded",
                    f"日历 {calendar.code} {year}年：暂定（{schedule.source}），{year}年安排公布并载入后须重新计算",
                )
            )
        else:
            status_zh = "官方数据" if schedule.status is DataStatus.OFFICIAL else "用户载入"
            steps.append(
                Step(
                    StepKind.CALENDAR,
                    f"Calendar {calendar.code} {year}: {schedule.status.value} ({schedule.source})",
                    f"日历 {calendar.code} {year}年：{status_zh}（{schedule.source}）",
                )
            )
    return steps
