"""Contract wording that changes how a period is counted, applied after either language's pipeline.

The counting rules themselves live in obligations.dates; here we only notice that the contract chose otherwise.
"""

from __future__ import annotations

import re
from dataclasses import replace

from obligations.model import ExtractedObligation, Roll

# "30个自然日" / "thirty (30) calendar days": the parties counted every day and did not ask for the Art. 203
# extension, so the period is not rolled off a rest day (docs/due-dates.md discusses this choice).
CALENDAR_DAYS = re.compile(r"自然日|日历日|calendar\s+days?", re.IGNORECASE)
# "含当日" / "（含本数）" / "including the date of": the anchor day is day one (Civil Code Art. 201 lets the
# parties agree so).
INCLUSIVE = re.compile(r"含当日|包括当日|含当天|including\s+the\s+(?:day|date)\s+of", re.IGNORECASE)
NEAR = 30  # characters after the phrase where such a qualifier still belongs to it


def apply_wording(text: str, found: ExtractedObligation) -> ExtractedObligation:
    tail = text[found.start : min(len(text), found.end + NEAR)]
    rule = found.rule
    if rule.period is None:
        return found
    if CALENDAR_DAYS.search(found.phrase) and rule.roll is None:
        rule = replace(rule, roll=Roll.NONE)
    if INCLUSIVE.search(tail) and not rule.include_start_day:
        rule = replace(rule, include_start_day=True)
    return found if rule is found.rule else replace(found, rule=rule)
