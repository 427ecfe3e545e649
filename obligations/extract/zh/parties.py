"""Who must act, what they must do, and what kind of duty it is."""

from __future__ import annotations

import re

from obligations.extract.zh import vocab_roles
from obligations.model import Kind

_ALIAS = re.compile(
    r"(?<![证股]券)(?<!股票)(?:以下简称|以下称|以下统称|下称|简称)(?:为)?[ :]{0,2}(?P<body>[^)\n。;]{1,60})"
)
_QUOTED = re.compile(r"[“\"「『]([^”\"」』]{1,16})[”\"」』]")
_BARE = re.compile(r"^([\u4e00-\u9fffA-Za-z]{2,10})")
_NOT_A_PARTY = (
    "协议",
    "合同",
    "公告",
    "项目",
    "工程",
    "条款",
    "本次",
    "标的",
    "《",
    "书",
    "交易",
    "资产",
    "债权",
    "房地产",
)

# Words that make the following party the object, not the actor ("向乙方支付", "通知甲方").
_COMPANY = r"[^\x00-\x7f,、:;。与和及向对由在于的将应为(（)）“”\s]{2,24}?(?:股份)?有限(?:责任)?公司"
# A short numbered heading line ("4.2甲方义务", "第九条、甲方责任", "二、乙方的权利和义务", "第四章 违约责任").
_HEADING = re.compile(
    r"(?m)^[ ]{0,6}(?:第[0-9一二三四五六七八九十百]{1,4}[章条节]"
    r"|[0-9]{1,2}(?:\.[0-9]{1,2}){0,2}|[一二三四五六七八九十]{1,3}、)"
    r"[^\n。;,]{0,20}$"
)
_DUTY_HEADINGS = ("义务", "责任", "职责", "权利", "权限")  # the party who must (or may) act
_OBJECT_BEFORE = ("向", "给", "对", "与", "和", "及", "通知", "收到", "致", "交", "付", "由于", "经", "同意")
# Words after a party that make it the actor ("甲方应", "乙方在").
_ACTOR_AFTER = (
    "应",
    "须",
    "需",
    "必须",
    "可",
    "有权",
    "将",
    "负责",
    "要",
    "在",
    "于",
    "自",
    "按",
    "同意",
    "承诺",
    "不得",
)


def document_aliases(folded: str) -> list[str]:
    """Short names a document defines for its parties: （以下简称“华明销售”）."""
    names: list[str] = []
    for m in _ALIAS.finditer(folded):
        body = m.group("body")
        found = _QUOTED.findall(body)
        if not found:
            bare = _BARE.match(body)
            found = [bare.group(1)] if bare else []
        for name in found:
            name = name.strip()
            if len(name) >= 2 and not any(bad in name for bad in _NOT_A_PARTY) and name not in names:
                names.append(name)
    return names


class PartyFinder:
    """Finds party names in a window of text; one compiled alternation, longest names first."""

    def __init__(self, aliases: list[str]) -> None:
        names = sorted({*vocab_roles.PARTIES, *aliases}, key=len, reverse=True)
        # A company named in full comes first, so "公司" never matches inside "上海华鑫股份有限公司".
        self._pattern = re.compile(_COMPANY + "|" + "|".join(re.escape(n) for n in names))

    def section_owners(self, folded: str) -> list[tuple[int, str | None]]:
        """(offset, party) of each short heading line: the party when the heading gives the section to one party
        ("4.2甲方义务", "第九条、甲方责任"), else None (a new section about something else)."""
        out: list[tuple[int, str | None]] = []
        for m in _HEADING.finditer(folded):
            names = {name for _, name in self.mentions(folded, m.start(), m.end())}
            owned = len(names) == 1 and m.group().rstrip(" ").endswith(_DUTY_HEADINGS)
            out.append((m.start(), names.pop() if owned else None))
        return out

    def mentions(self, folded: str, start: int, end: int) -> list[tuple[int, str]]:
        return [(m.start(), m.group()) for m in self._pattern.finditer(folded, start, end)]

    def strip_leading(self, text: str) -> str:
        """`text` without the party it opens with ("上海华鑫股份有限公司交付房屋" -> "交付房屋")."""
        m = self._pattern.match(text)
        return text[m.end() :] if m else text

    def leading(self, folded: str, start: int, end: int) -> str | None:
        """The party a clause opens with ("，发包人向承包人支付" -> 发包人)."""
        m = self._pattern.match(folded, start, end)
        return m.group() if m else None

    def actor(self, folded: str, start: int, end: int) -> str | None:
        """The acting party in [start, end): one followed by a duty word, else one not in object position."""
        mentions = self.mentions(folded, start, end)
        fallback: str | None = None
        for pos, name in reversed(mentions):
            before = folded[max(start, pos - 2) : pos]
            if any(before.endswith(w) for w in _OBJECT_BEFORE):
                continue
            after = folded[pos + len(name) : pos + len(name) + 2]
            if any(after.startswith(w) for w in _ACTOR_AFTER):
                return name
            fallback = name
        return fallback


def kind_of(action: str, *, before: str = "") -> Kind:
    """The kind of duty named by the action text (then by the text before the period); asides in brackets
    ("（如有变化，以书面开工通知书为准）") name no duty."""
    action = _BRACKETED.sub("", action)
    for word, kind in vocab_roles.KIND_WORDS:
        if word in action:
            return kind
    for word, kind in vocab_roles.KIND_WORDS:
        if word in before and kind is not Kind.EXPIRY:  # "终止后30日内": 终止 there is the anchor, not the duty
            return kind
    if any(word in action or word in before for word in vocab_roles.DUTY_WORDS):
        return Kind.PERFORMANCE
    return Kind.OTHER


_BRACKETED = re.compile(r"[(（][^)）]{0,60}[)）]")
_ACTION_TRIM = re.compile(
    r"^[\s,，、:：)）]*(?:以内|之内|内|之前|以前|前|之后|以后|后|止)?的?[\s,，、]*"
    r"(?:[(（][^)）]{0,30}[)）])?的?[\s,，、]*"  # "（以时间先者为准）", "（含）的"
)
_LEAD_WORDS = ("应当", "应该", "必须", "应", "须", "需", "将", "即", "要", "可", "并")


def action_of(text: str) -> str | None:
    """A short verb phrase: the clause after the period, without the marker, party and modal."""
    s = _ACTION_TRIM.sub("", text)
    for word in _LEAD_WORDS:
        if s.startswith(word):
            s = s[len(word) :]
            break
    s = s.strip(" ,，。;；:：")
    if not s:
        return None
    return s[:30]
