"""Numbers as Chinese contracts write them: 30, ３０, 三十, 两, 壹拾伍, 半, and the blanks of a template.

The text is first folded (`fold`) character for character, so every offset found in the folded text is an
offset in the original: full-width digits become ASCII, blanks become "_".

>>> parse_number("三十"), parse_number("壹拾伍"), parse_number("两"), parse_number("二十四"), parse_number("15")
(30.0, 15.0, 2.0, 24.0, 15.0)
>>> parse_number("一百二十"), parse_number("十"), parse_number("〇"), parse_number("3-5")
(120.0, 10.0, 0.0, 5.0)
"""

from __future__ import annotations

import re

# One character in, one character out: offsets in the folded text are offsets in the original text.
_FOLD = {
    **{chr(0xFF10 + i): str(i) for i in range(10)},  # full-width digits ０-９
    "．": ".",
    "：": ":",
    "－": "-",
    "—": "-",
    "–": "-",
    "～": "~",
    "／": "/",
    "（": "(",
    "）": ")",
    "，": ",",
    "　": " ",  # ideographic space
    "\t": " ",
    "\xa0": " ",
    "＿": "_",  # template blank
    "×": "_",  # "提前×个月": template blank
    "Ｘ": "_",
    "✕": "_",
    "╳": "_",
    "○": "〇",
}
# Traditional forms of the characters the vocabularies use, so a Taiwan or Hong Kong text reads the same.
_TRADITIONAL = "個內後簽訂屆滿屆應於過終約續證書電發買賣貨號時對無達驗業開歸還週義務責權約條款預設計劃並將項們與關費額遲期間認確議據劃撥"
_SIMPLIFIED = "个内后签订届满届应于过终约续证书电发买卖货号时对无达验业开归还周义务责权约条款预设计划并将项们与关费额迟期间认确议据划拨"
_FOLD.update(zip(_TRADITIONAL, _SIMPLIFIED, strict=True))
_FOLD_TABLE = str.maketrans(_FOLD)


def fold(text: str) -> str:
    """Same-length normalisation used for matching (never for output)."""
    return text.translate(_FOLD_TABLE)


DIGITS: dict[str, int] = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "壹": 1,
    "幺": 1,
    "二": 2,
    "贰": 2,
    "貳": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "叁": 3,
    "參": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "陸": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
MULTIPLIERS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000, "万": 10000}
CN_NUMBER_CHARS = "".join(DIGITS) + "".join(MULTIPLIERS) + "廿"

_RANGE = re.compile(r"[-~至到或]")


def _parse_cn(s: str) -> float | None:
    if s == "廿":
        return 20.0
    total, section, digit = 0, 0, None
    if all(ch in DIGITS for ch in s):  # digit by digit, as in years: 二〇二六
        return float(int("".join(str(DIGITS[ch]) for ch in s)))
    for ch in s:
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch == "廿":
            section += 20
        elif ch in MULTIPLIERS:
            mult = MULTIPLIERS[ch]
            if mult == 10000:
                total += (section + (digit or 0)) * mult
                section, digit = 0, None
            else:
                section += (1 if digit is None else digit) * mult
                digit = None
        else:
            return None
    return float(total + section + (digit or 0))


def parse_number(s: str) -> float | None:
    """Value of a number as written; a range ("3-5", "三至五") counts as its upper end; None for a blank."""
    s = s.strip().replace(" ", "").replace("\n", "")
    if not s or set(s) <= {"_", "X", "x", "*", "…", "(", ")"}:
        return None
    parts = _RANGE.split(s)
    if len(parts) > 1 and all(parts):
        s = parts[-1]  # the latest moment of a range is the binding limit
    if s == "半":
        return 0.5
    try:
        return float(s)
    except ValueError:
        pass
    if all(ch in CN_NUMBER_CHARS for ch in s):
        return _parse_cn(s)
    return None
