"""Masking personal information (PIPL 个人信息) in text that leaves the app: quotes and notes in reports.

Identity-card numbers, mobile and landline phone numbers, e-mail addresses and bank-account numbers are masked,
keeping just enough to recognise which one it is (110101********1234, 138****8000, z***@example.com).

The trade-off, rule by rule, is written beside each pattern. The general posture: a report is forwarded and
printed, so when a digit string could be either a bank account or something harmless, we mask it. Dates
(2026-03-01, 20260301), amounts (1,000,000.00, 1000000.00) and contract numbers that carry letters or short
hyphenated groups (HT-2026-0001, 2026-SH-017) are left alone. A purely numeric reference of 12 or more digits
(an order number, say) *is* masked as a possible bank account: over-masking costs a look at the app; leaking
costs a PIPL incident.

>>> mask_personal_data("联系人：张三，身份证号110101199003071234，电话13800138000")
'联系人：张三，身份证号110101********1234，电话138****8000'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

# Neither a digit nor a letter before/after: "ABC13800138000" or "2026013800138000" are not phone numbers.
_NOT_ALNUM_BEFORE = r"(?<![0-9A-Za-z])"
_NOT_ALNUM_AFTER = r"(?![0-9A-Za-z])"
# Bank numbers must not continue an amount or a decimal ("1,000,000,000,000.00", "3.14159265358979").
_NOT_NUMBER_BEFORE = r"(?<![0-9A-Za-z.,])"
_NOT_NUMBER_AFTER = r"(?![0-9A-Za-z]|[.,][0-9])"


def _keep_ends(text: str, head: int, tail: int) -> str:
    """Digits (and X) between the first `head` and the last `tail` become '*'; separators stay."""
    positions = [i for i, ch in enumerate(text) if ch.isdigit() or ch in "Xx"]
    hidden = set(positions[head : len(positions) - tail])
    return "".join("*" if i in hidden else ch for i, ch in enumerate(text))


def _mask_email(match: re.Match[str]) -> str:
    local, domain = match.group("local"), match.group("domain")
    return f"{local[0]}***@{domain}"


def _mask_landline(match: re.Match[str]) -> str:
    number = match.group("number")
    return match.group(0).replace(number, _keep_ends(number, 0, 4))


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    mask: Callable[[re.Match[str]], str]


# Applied in this order: identity cards before bank accounts (both are long digit runs; an ID card keeps its
# region code), bank accounts before phones (an 11-digit mobile is never 12+ digits long).
RULES: tuple[Rule, ...] = (
    # E-mail: local@domain.tld. The domain stays (it is usually the company's); the person's name goes.
    Rule(
        "email",
        re.compile(r"(?P<local>[A-Za-z0-9._%+-]+)@(?P<domain>[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})"),
        _mask_email,
    ),
    # Resident identity card (GB 11643): 6-digit region, birth date 18xx-20xx, 3-digit sequence, check digit/X.
    # The birth date must be plausible (month 01-12, day 01-31), which rules out most 18-digit references.
    # The check digit is NOT verified: a mistyped ID number is still personal data and is masked too.
    Rule(
        "id_card",
        re.compile(
            _NOT_ALNUM_BEFORE
            + r"[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]"
            + _NOT_ALNUM_AFTER
        ),
        lambda m: _keep_ends(m.group(0), 6, 4),
    ),
    # Bank account / card: 12-25 digits in a run, or in groups of four separated by one space or hyphen
    # ("6222 0212 3456 7890 123"). Amounts are excluded by the comma/decimal guards; dates and 8-digit numbers
    # are too short; 15-digit legacy ID cards fall here and are masked as well (no false negative).
    Rule(
        "bank_account",
        re.compile(_NOT_NUMBER_BEFORE + r"(?:\d{12,25}|\d{4}(?:[ -]\d{4}){2,4}(?:[ -]\d{1,4})?)" + _NOT_NUMBER_AFTER),
        lambda m: _keep_ends(m.group(0), 0, 4),
    ),
    # Mainland mobile: 1[3-9] + 9 digits, optionally +86/86 and split 3-4-4 by spaces or hyphens.
    Rule(
        "mobile",
        re.compile(_NOT_ALNUM_BEFORE + r"(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}" + _NOT_ALNUM_AFTER),
        lambda m: _keep_ends(m.group(0), 3 + (2 if m.group(0).lstrip("+").startswith("86") else 0), 4),
    ),
    # Landline: area code 0xx/0xxx then 7-8 digits. An area code needs a visible separator ("010-8888 6666",
    # "(0755)12345678", "+86 10 88886666"): a bare 11-12 digit run starting with 0 is as likely a reference
    # number, and bare 12-digit runs are already masked as possible bank accounts above.
    Rule(
        "landline",
        re.compile(
            _NOT_ALNUM_BEFORE
            + r"(?:(?:\+?86[ -]?)?\(?0?\d{2,3}\)[ -]?|\+?86[ -]?\d{2,3}[ -]|0\d{2,3}[ -])"
            + r"(?P<number>\d{3,4}[ -]?\d{4})(?:[ -]?(?:转|ext\.?|x)[ -]?\d{1,5})?"
            + _NOT_ALNUM_AFTER
        ),
        _mask_landline,
    ),
)


def mask_personal_data(text: str | None) -> str | None:
    """`text` with identity-card, phone, e-mail and bank-account numbers masked; None stays None."""
    if not text:
        return text
    for rule in RULES:
        text = rule.pattern.sub(rule.mask, text)
    return text
