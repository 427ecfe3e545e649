"""What a period is counted from (its anchor) and which way (before / after it).

A period is a time limit only when something marks it so: a word after it (内, 前, 后, 止), a word before it
(提前, 超过, 每), an anchor joined to it (签订之日起, 届满前) or a term noun (有效期为, 保修). Everything else
("支付两个月的预付款") is a quantity, not a deadline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from obligations.extract.zh import vocab
from obligations.model import AnchorType, Direction, Recurrence

_POST = tuple(sorted(vocab.POST_MARKERS, key=len, reverse=True))
_PRE = tuple(sorted(vocab.PRE_MARKERS, key=len, reverse=True))
_TERMS = tuple(sorted(vocab.TERM_NOUNS, key=len, reverse=True))
_LINKS = sorted(vocab.TERM_LINKS, key=len, reverse=True)
_INCLUSIVE = ("(含)", "(含本数)", "(含本日)", "(含当日)", "(包括本数)")
# Anchor connectors between a trigger and its period: 签订之日起 / 终止后的 / 届满前
_CONNECT_AFTER = (
    "之日起",
    "之日后",
    "日起",
    "之后",
    "以后",
    "后满",
    "后的",
    "后",
    "起",
    "的",
)  # 后满: 开工日期后满1096日
_CONNECT_BEFORE = ("届满前", "期满前", "到期前", "之前", "以前", "前")


@dataclass(frozen=True, slots=True)
class Marking:
    """How the words around a period make it a time limit."""

    direction: Direction
    phrase_start: int  # the phrase starts at the pre-marker (提前/超过/每/term noun) or the number
    phrase_end: int  # ... and ends after the post-marker (内/前/后)
    series: bool = False  # 每三个月: a period that repeats
    term: str | None = None  # the term noun (有效期, 保修, 工期) when the period is a term
    inclusive: bool = False  # (含): the anchor day counts


def _strip_end(s: str, words: tuple[str, ...]) -> str | None:
    if not s.endswith(words):
        return None  # the usual case, answered in one call
    for w in words:
        if s.endswith(w):
            return w
    return None


@dataclass(frozen=True, slots=True)
class _Around:
    """The words around a period, read once."""

    post: str | None  # the marker after it (内, 前, 后, 止)
    skipped: int  # blanks and "(含)" between the period and that marker
    inclusive: bool
    before_raw: str  # up to 14 characters before the number
    before: str  # the same without trailing blanks and 第
    pre: str | None  # the marker before it (提前, 超过, 近…)


def _around(folded: str, start: int, end: int, lo: int, hi: int) -> _Around:
    after = folded[end : min(hi, end + 12)]
    skipped = len(after) - len(after.lstrip(" \n"))
    after = after[skipped:]
    inclusive = False
    for inc in _INCLUSIVE:
        if after.startswith(inc):
            after, skipped, inclusive = after[len(inc) :], skipped + len(inc), True
            break
    post = next((w for w in _POST if after.startswith(w)), None) if after.startswith(_POST) else None
    if post == "前" and after.startswith("前提"):
        post = None  # "以...为前提"
    before_raw = folded[max(lo, start - 14) : start]
    before = before_raw.rstrip(" \n第")
    pre = _strip_end(before, _PRE)
    if pre in _NOT_MORE_THAN and not any(w in folded[max(lo, start - 12) : start] for w in vocab.TIME_LIMIT_NOUNS):
        pre = None  # "加班不得超过36小时" is a cap on work, "响应时间不超过2小时" a time limit
    delay = any(w in folded[max(lo, start - 10) : start] for w in vocab.DELAY_WORDS)
    if pre == "超过" and not (delay or after.startswith(vocab.DELAY_AFTER)):
        pre = None  # "休假超过1个月" is a length, "逾期超过30日" a grace period
    if pre in vocab.DELAY_PRE and (before.endswith("每" + pre) or folded[start:end].startswith(("一", "1"))):
        pre = None  # "每逾期一日": a penalty per day
    return _Around(post, skipped, inclusive, before_raw, before, pre)


def _no_period(folded: str, start: int, end: int, w: _Around, *, unit_is_day: bool) -> bool:
    """Numbers with a unit that name a day or a count, not a time limit."""
    if unit_is_day and w.before_raw.endswith(vocab.DAY_OF_MONTH_BEFORE):
        return True  # "×天即____日内": the restated day of the month
    if w.post and folded[end + w.skipped + len(w.post) :][:4].lstrip(" ").startswith(vocab.COUNT_WINDOW_AFTER):
        return True  # "十二个月内两次": a window for counting
    if (
        not (w.pre or w.post)
        and w.before_raw.endswith(vocab.ADJACENT_DAY_WORDS)
        and folded[start:end] in ("一天", "一日")
    ):
        return True  # "相应日期的前一天"
    if w.before_raw.endswith(vocab.NAMED_DAY_BEFORE):
        return True  # "最后一个工作日": a day, not a period
    if w.before_raw.rstrip(" \n").endswith("第"):  # 第二日 / 第×个月: a position, unless after a trigger
        return _strip_end(w.before, _CONNECT_AFTER) in (None, "的", "起")
    return False


def _term_noun(w: _Around) -> tuple[str, int] | None:
    """("有效期", characters from the noun to the number) when a term noun introduces the period."""
    bare = w.before
    for link in _LINKS:
        if link and bare.endswith(link):
            bare = bare[: -len(link)].rstrip(" ")
            break
    bare = bare.rstrip("(")
    term = _strip_end(bare, _TERMS)
    return (term, len(w.before_raw) - len(bare) + len(term)) if term else None


def marking(
    folded: str, start: int, end: int, lo: int, hi: int, *, unit_is_day: bool = False, unit_is_year: bool = False
) -> Marking | None:
    """The marking of the period at [start, end) inside the sentence [lo, hi), or None if unmarked."""
    w = _around(folded, start, end, lo, hi)
    if _no_period(folded, start, end, w, unit_is_day=unit_is_day):
        return None
    trimmed = len(w.before_raw) - len(w.before)
    series = w.before.endswith("每")
    phrase_end = end + w.skipped + len(w.post) if w.post else end
    phrase_start = start - trimmed - len(w.pre) if w.pre else start - trimmed - 1 if series else start
    ordinal = w.before_raw.rstrip(" \n").endswith("第")
    term = _term_noun(w) if not (w.pre or w.post or series or ordinal) else None
    if term:
        phrase_start = start - term[1]
    connector_before = _strip_end(w.before.rstrip("的"), _CONNECT_BEFORE)
    if w.before.endswith(vocab.FIRST_OF_PERIOD):
        connector_before = None  # "每月前5个工作日内": the first five working days of each month
    connector_after = _strip_end(w.before, _CONNECT_AFTER)
    kind = vocab.PRE_MARKERS[w.pre] if w.pre else None

    def mark(direction: Direction, *, series: bool = False, term: str | None = None) -> Marking:
        return Marking(direction, phrase_start, phrase_end, series=series, term=term, inclusive=w.inclusive)

    if kind == "back":  # 近6个月内: a limit only with 内
        return mark(Direction.BEFORE) if w.post else None
    if series:
        return mark(Direction.AFTER, series=True)
    if kind == "before":
        return mark(Direction.BEFORE)
    if connector_before == "前" and not w.post and folded[start - 1 : start] == "前" and unit_is_year:
        return None  # "租金前5年不变": the first five years, not five years before something
    if connector_before and not connector_after:
        return mark(Direction.BEFORE)
    if w.post and vocab.POST_MARKERS[w.post] == "before":
        return mark(Direction.BEFORE)
    if w.post or (kind and kind != "min"):
        return mark(Direction.AFTER)
    if kind == "min":  # 不少于30日 (a minimum): a notice period when a notice follows
        return mark(Direction.BEFORE if "通知" in folded[end : min(hi, end + 20)] else Direction.AFTER)
    if term:
        return mark(Direction.AFTER, term=term[0])
    if connector_after and connector_after not in ("的", "起"):
        return mark(Direction.AFTER)
    return None


_ENUMERATOR = re.compile(
    r"[ ]{0,3}(?:\([0-9一二三四五六七八九十]{1,3}\)|[①-⑳]"
    r"|[0-9]{1,2}(?:\.[0-9]{1,2}){0,3}(?:[)、]|\.(?![0-9])|[ ]{1,3}))[ ]{0,3}"
)
_NOT_MORE_THAN = ("不超过", "不得超过", "最长不超过", "不应超过")
_PREPOSITIONS = ("自从", "自", "从", "在", "于", "由", "经", "待", "如果", "若", "倘若", "假如")
ANCHOR_REACH = 24  # how far back a trigger joined to its period may start


def with_trigger(folded: str, lo: int, start: int) -> int:
    """Start of "<trigger><connector>" right before a period ("本合同签订之日起" in "…之日起30日内"), else `start`.

    The trigger begins after the nearest preposition (自/在/于…) or at `lo` (the clause start or the end of the
    previous temporal expression), never more than ANCHOR_REACH characters back.
    """
    before = folded[max(lo, start - ANCHOR_REACH) : start]
    core = before.rstrip(" \n")
    if not (_strip_end(core, _CONNECT_AFTER) or _strip_end(core, _CONNECT_BEFORE)):
        return start
    base = start - len(before)
    cut = max((before.rfind(p) + len(p) for p in _PREPOSITIONS if p in before), default=0)
    while cut < len(before) and before[cut] in " \n,":
        cut += 1
    enumerator = _ENUMERATOR.match(before, cut)
    if enumerator:  # "(2)发包人收到…后28天内": the clause number is no part of the trigger
        cut = enumerator.end()
    return base + cut if cut < len(core) else start


@dataclass(frozen=True, slots=True)
class Anchor:
    type: AnchorType
    label: str | None
    recurrence: Recurrence | None = None


def _keyword_type(window: str) -> tuple[AnchorType, str] | None:
    for word, kind in vocab.ANCHOR_KEYWORDS:
        if word not in window:
            continue
        if kind is AnchorType.EFFECTIVE and not any(f in window for f in vocab.EFFECTIVE_POINT_FORMS):
            continue
        return kind, word
    return None


def recurrence_in(window: str) -> Recurrence | None:
    for word, rec in vocab.RECURRENCE_WORDS:
        if word in window:
            return rec
    return None


def _label(window: str) -> str | None:
    s = window.strip(" ,\n")
    enumerator = _ENUMERATOR.match(s)
    if enumerator:
        s = s[enumerator.end() :]
    for prep in ("自从", "自", "从", "在", "于", "由", "经", "待", "应在", "应于", "应当在"):
        i = s.rfind(prep)
        if i >= 0 and len(s) - i <= 30:
            s = s[i + len(prep) :]
            break
    for tail in ("之日起", "之日后", "之日", "日起", "后的", "之后", "以后", "后", "起", "的", "之前", "前"):
        if s.endswith(tail):
            s = s[: -len(tail)]
            break
    s = s.strip(" ,")
    return s[-24:] or None


def anchor_for(folded: str, *, clause_lo: int, start: int, direction: Direction, rest: str, previous: str) -> Anchor:
    """The anchor of a period starting at `start`, from the clause text before it (then the one before that)."""
    window = folded[max(clause_lo, start - 40) : start]
    rec = recurrence_in(window)
    found = _keyword_type(window)
    previous = previous.rstrip(" ,、:")
    own_trigger = any(c in window for c in ("后", "起", "之日", "前"))  # "合同签订后，甲方在收到发票后15日内"
    if found is None and not own_trigger and previous.endswith(("后", "起", "时", "前", "之日")):
        found = _keyword_type(previous)
        if found is not None:
            window = previous
    if rec is not None and (found is None or found[0] is AnchorType.RECURRING):
        return Anchor(AnchorType.RECURRING, _label(window), rec)
    if found is not None:
        if found[0] in (AnchorType.SIGNING, AnchorType.EFFECTIVE) and any(c in window for c in vocab.OTHER_CONTRACTS):
            return Anchor(AnchorType.EVENT, _label(window))
        if found[0] is AnchorType.EXPIRY and any(p in window for p in vocab.OTHER_PERIODS):
            return Anchor(AnchorType.EVENT, _label(window))
        return Anchor(found[0], _label(window))
    if direction is Direction.BEFORE:  # "提前30日通知对方终止合同": the anchor is what the notice announces
        for text in (rest, previous):
            for word, kind in vocab.BEFORE_TARGETS:
                if word in text:
                    return Anchor(kind, _label(text[: text.find(word) + len(word)]))
    return Anchor(AnchorType.EVENT, _label(window))
