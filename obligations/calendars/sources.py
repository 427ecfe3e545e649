"""Library data behind each jurisdiction's calendar, one year at a time. The libraries are imported lazily.

Mainland China (CN) comes from `chinesecalendar`, not `holidays`: the State Council publishes each year's
holidays and make-up working days (调休) by notice, so they cannot be computed. `chinesecalendar` holds the
notices and raises for a year it has none, so we can tell "no data" from data. `holidays` 0.109 knows the same
notices for 2001–2026 but for a later year silently returns a guess without the make-up days (see
docs/calendars.md); it is used for the other jurisdictions, whose public holidays follow fixed statutory rules.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
from dataclasses import dataclass
from functools import cache

from obligations.calendars.schedule import DataStatus, DayName, YearSchedule

SAT_SUN = frozenset({5, 6})


@dataclass(frozen=True, slots=True)
class Jurisdiction:
    code: str  # our calendar code: "CN", "GB"
    name: str
    name_zh: str
    holidays_code: str | None = None  # country code for `holidays`; None: chinesecalendar (CN)
    subdiv: str | None = None
    zh_language: str | None = None  # a `holidays` language with Chinese names, when it has one
    weekend: frozenset[int] = SAT_SUN  # Mon=0; contracts' "business day" excludes Saturday and Sunday


# One line per calendar; the choice of subdivision is the reason beside it.
JURISDICTIONS: dict[str, Jurisdiction] = {
    j.code: j
    for j in (
        Jurisdiction("CN", "Mainland China", "中国大陆"),  # State Council notices, with 调休 make-up working days
        Jurisdiction("HK", "Hong Kong", "香港", "HK", zh_language="zh_CN"),  # general holidays; Sat off (banks)
        Jurisdiction("SG", "Singapore", "新加坡", "SG"),  # gazetted public holidays
        Jurisdiction("US", "United States (federal)", "美国（联邦）", "US"),  # federal holidays, no state days
        Jurisdiction("GB", "England and Wales", "英格兰及威尔士", "GB", subdiv="ENG"),  # English-law contracts
        Jurisdiction("DE", "Germany (nationwide)", "德国（全国）", "DE"),  # national holidays only
        Jurisdiction("FR", "France", "法国", "FR"),
        Jurisdiction("JP", "Japan", "日本", "JP"),
    )
}

# chinesecalendar's English names → the Chinese names of the notices, for explanations.
_CN_NAMES_ZH = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "Mid-autumn Festival": "中秋节",
    "National Day": "国庆节",
}


@cache
def library_versions() -> str:
    """Part of every calendar's data stamp: upgrading a library may change results (not while running: asked
    once, as reading package metadata costs milliseconds)."""
    return ";".join(f"{name} {importlib.metadata.version(name)}" for name in ("chinesecalendar", "holidays"))


def weekends_only(code: str, year: int) -> YearSchedule:
    return YearSchedule(code, year, DataStatus.PROVISIONAL, "no published schedule: weekends only")


def library_schedule(jurisdiction: Jurisdiction, year: int) -> YearSchedule:
    """The library's schedule for `year`, or a provisional weekends-only one when the library has none."""
    if jurisdiction.holidays_code is None:
        return _china(year)
    return _holidays(jurisdiction, year)


def _china(year: int) -> YearSchedule:
    from chinese_calendar import constants  # type: ignore[import-untyped]  # lazy: keeps `extract` start fast

    known_years = {day.year for day in constants.holidays}
    if year not in known_years:  # chinesecalendar itself raises here; `holidays` would guess
        return weekends_only("CN", year)
    holidays = {day: _cn_name(name, holiday=True) for day, name in constants.holidays.items() if day.year == year}
    workdays = {day: _cn_name(name, holiday=False) for day, name in constants.workdays.items() if day.year == year}
    # A weekday listed as a "workday" is ordinary; keep only the weekend days worked to make up (调休).
    workdays = {day: name for day, name in workdays.items() if day.weekday() >= 5}
    version = importlib.metadata.version("chinesecalendar")
    return YearSchedule("CN", year, DataStatus.OFFICIAL, f"chinesecalendar {version}", holidays, workdays)


def _cn_name(name: str, *, holiday: bool) -> DayName:
    zh = _CN_NAMES_ZH.get(name, name)
    if holiday:
        return DayName(f"{name} holiday", f"{zh}假期")
    return DayName(f"make-up working day for {name}", f"{zh}调休上班")


def _holidays(jurisdiction: Jurisdiction, year: int) -> YearSchedule:
    import holidays  # lazy: about 40 ms, and only when a date is computed

    assert jurisdiction.holidays_code is not None
    english = holidays.country_holidays(
        jurisdiction.holidays_code, subdiv=jurisdiction.subdiv, years=year, language="en_US"
    )
    chinese = (
        holidays.country_holidays(
            jurisdiction.holidays_code, subdiv=jurisdiction.subdiv, years=year, language=jurisdiction.zh_language
        )
        if jurisdiction.zh_language
        else {}
    )
    days = {day: DayName(name, chinese.get(day, "")) for day, name in english.items() if day.year == year}
    # Lunar and Islamic holidays not yet gazetted are the library's estimates: usable, but provisional.
    estimated = any("estimated" in name.lower() for name in english.values())
    status = DataStatus.PROVISIONAL if estimated else DataStatus.OFFICIAL
    version = importlib.metadata.version("holidays")
    source = f"holidays {version}" + (" (estimated dates)" if estimated else "")
    return YearSchedule(jurisdiction.code, year, status, source, days, _weekend_workdays(english, year))


def _weekend_workdays(library: object, year: int) -> dict[dt.date, DayName]:
    # Some countries (e.g. TW, KR) have make-up working days too; `holidays` lists them, other years mixed in.
    found: set[dt.date] = getattr(library, "weekend_workdays", set())
    return {day: DayName("make-up working day", "调休上班") for day in found if day.year == year}
