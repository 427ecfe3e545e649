"""Calendar dates as English contracts write them, and plain calendar arithmetic on them.

>>> [(m.group(0), d) for m, d in find_dates("on April 15, 2000 and the 1st day of June, 2006 or 2026-12-31")]
[('April 15, 2000', datetime.date(2000, 4, 15)), ('1st day of June, 2006', datetime.date(2006, 6, 1)), \
('2026-12-31', datetime.date(2026, 12, 31))]
>>> shift(dt.date(2024, 1, 31), 1, Unit.MONTH)
datetime.date(2024, 2, 29)
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator

from dateutil.relativedelta import relativedelta

from obligations.extract.en.numbers import one_of_words
from obligations.model import Direction, Unit

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1,
    "february": 2, "feb": 2,
    "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "may": 5,
    "june": 6, "jun": 6,
    "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

_MONTH = r"(?P<month>" + one_of_words(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:\s{0,2}(?:s\s?t|n\s?d|r\s?d|t\s?h)\b)?"  # "19t h": OCR splits ordinals
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_SP = r"[\s]{1,40}"  # SEC texts pad words with runs of spaces and line breaks

# (pattern, reason); named groups year/month/day; each ends with the year
DATE_PATTERNS: list[tuple[str, str]] = [
    (
        r"\b" + _MONTH + r"\s{1,40}" + _DAY + r"\s{0,3}[,.]?" + _SP + _YEAR + r"\b",
        "April 15, 2000 (or 'March 18. 2021')",
    ),
    (
        r"\b" + _DAY + r"(?:\s{1,3}day)?(?:\s{1,3}of)?" + r"\s{1,40}" + _MONTH + r"\s{0,3},?\s{0,40}" + _YEAR + r"\b",
        "31 December 2026 / 1st day of June, 2006 / 1st of March, 2003",
    ),
    (r"(?<![\d/])(?P<nmonth>[0-3]?\d)/(?P<nday>[0-3]?\d)/" + _YEAR + r"\b", "US numeric 08/19/2019"),
]
# a year not inside a longer number; the digit before it is checked after "19"/"20" (a lookbehind over three
# digits), so the regex engine can skip straight to the next 1 or 2 instead of trying every character
_YEAR_RE = re.compile(r"(?:19|20)(?<!\d{3})\d\d(?!\d)")
_LOOK_BACK = 100  # "April 15,   <padding>   2000": the longest a written date runs before its year
_YEAR_LAST_RES = [re.compile(r"(?:" + p + r")$", re.IGNORECASE) for p, _ in DATE_PATTERNS]
_ISO_RE = re.compile(r"\b" + _YEAR + r"-(?P<nmonth>[01]\d)-(?P<nday>[0-3]\d)\b")  # 2026-12-31
# "the [·] day of [·], 2019", "____ day of ________, 20__": a date left blank in a template
BLANK_DATE_RE = re.compile(
    r"(?:the\s{1,3})?(?:\[[^\]\n]{0,5}\]|_{2,40})\s{0,3}(?:day\s{1,3}of\s{1,3})(?:\[[^\]\n]{0,5}\]|_{2,40}|"
    + _MONTH.replace("?P<month>", "?:")
    + r")\s{0,3},?\s{0,3}(?:(?:19|20)(?:\d\d|_{1,4})|\[[^\]\n]{0,5}\]|_{2,10})",
    re.IGNORECASE,
)


def _to_date(match: re.Match[str]) -> dt.date | None:
    groups = match.groupdict()
    try:
        year = int(groups["year"])
        if groups.get("month"):
            month = MONTHS[groups["month"].lower()]
            day = int(groups["day"])
        else:
            month = int(groups["nmonth"])
            day = int(groups["nday"])
            if month > 12 >= day:
                month, day = day, month  # "31/12/2026": day first, as outside the US
        return dt.date(year, month, day)
    except (ValueError, KeyError, TypeError):
        return None


def find_dates(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[re.Match[str], dt.date]]:
    """Every calendar date in text[start:end], left to right, overlapping matches dropped.

    Every pattern holds a four-digit year, so the search starts from each year and looks back (or, for ISO
    dates, forward) a bounded distance: linear in the text, and fast where the month alternation is not tried
    at every word.
    """
    end = len(text) if end is None else end
    found: list[tuple[re.Match[str], dt.date]] = []
    for year in _YEAR_RE.finditer(text, start, end):
        window = max(start, year.start() - _LOOK_BACK)
        candidates = [regex.search(text, window, year.end()) for regex in _YEAR_LAST_RES]
        candidates.append(_ISO_RE.match(text, year.start(), min(end, year.end() + 6)))
        for match in candidates:
            date = _to_date(match) if match else None
            if match is not None and date is not None:
                found.append((match, date))
    found.sort(key=lambda item: (item[0].start(), -item[0].end()))
    last_end = -1
    for match, date in found:
        if match.start() >= last_end:
            last_end = match.end()
            yield match, date


DateList = list[tuple[re.Match[str], dt.date]]


def dates_between(dates: DateList, start: int, end: int) -> DateList:
    """The dates of a document-wide, ordered list that lie in [start, end)."""
    lo = bisect.bisect_left(dates, start, key=lambda item: item[0].start())
    hi = bisect.bisect_left(dates, end, key=lambda item: item[0].start())
    return [item for item in dates[lo:hi] if item[0].end() <= end]


def shift(date: dt.date, value: float, unit: Unit, *, direction: Direction = Direction.AFTER) -> dt.date | None:
    """`date` moved by the period, by plain calendar arithmetic (month ends clamp; no working-day roll).

    Business days and hours are not fixed by the text alone (they need a calendar), so they give None.
    """
    sign = -1 if direction == Direction.BEFORE else 1
    if not float(value).is_integer():
        if unit == Unit.MONTH and value == 0.5:
            return date + sign * dt.timedelta(days=15)
        return None
    n = int(value) * sign
    if unit == Unit.DAY:
        return date + dt.timedelta(days=n)
    if unit == Unit.WEEK:
        return date + dt.timedelta(weeks=n)
    if unit == Unit.MONTH:
        return date + relativedelta(months=n)
    if unit == Unit.YEAR:
        return date + relativedelta(years=n)
    return None
