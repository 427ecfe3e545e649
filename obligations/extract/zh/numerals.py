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
# Traditional forms of the characters the vocabularies use, so a Taiwan or Hong Kong text reads the same
# (pairs: traditional then simplified).
_TRADITIONAL = (
    "個个 內内 後后 簽签 訂订 屆届 滿满 應应 於于 過过 終终 約约 續续 證证 書书 電电 發发 買买",
    "賣卖 貨货 號号 時时 對对 無无 達达 驗验 業业 開开 歸归 還还 週周 義义 務务 責责 權权 條条",
    "預预 設设 計计 劃划 並并 將将 項项 們们 與与 關关 費费 額额 遲迟 間间 認认 確确 議议 據据 撥拨",
)
_FOLD.update((pair[0], pair[1]) for line in _TRADITIONAL for pair in line.split())
# the regex engine finds the few distinct characters to fold, and str.replace folds each: str.translate would look
# every character of the text up in a dict
_FOLD_RE = re.compile("[" + re.escape("".join(_FOLD)) + "]")


def fold(text: str) -> str:
    """Same-length normalisation used for matching (never for output)."""
    for ch in set(_FOLD_RE.findall(text)):
        text = text.replace(ch, _FOLD[ch])
    return text


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
