"""Properties every extraction keeps, whatever the text: it never raises, offsets slice to the phrase."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from obligations.extract import extract
from obligations.model import Extraction

# Fragments of contract language, so the generator reaches deep into both pipelines and not only into the
# "no time expression here" branch.
ZH_FRAGMENTS = [
    "甲方应在",
    "收到发票之日起",
    "三十日内",
    "３０日内",
    "提前",
    "15个工作日",
    "每月5日前",
    "本合同签订后",
    "2026年12月31日前",
    "＿＿日内",
    "×个月",
    "届满前",
    "有效期为一年",
    "至2026年12月31日止",
    "，",
    "。",
    "\n",
    "（三）",
    "第五条",
    "半个月内",
    "壹拾伍日",
    "逾期超过",
    "每半年",
    "乙方",
    "（以下简称“华明”）",
    "  年  月  日",
]
EN_FRAGMENTS = [
    "The Licensee shall ",
    "within thirty (30) days ",
    "after receipt of invoice",
    "no later than December 31, 2026",
    "upon ninety days' prior written notice",
    "Section 5.2 ",
    ". ",
    "\n",
    "each month",
    "the Effective Date",
    "business days",
    "(a) ",
    "This Agreement shall expire on ",
    "renew for successive one-year terms",
]
_any_text = st.text(max_size=400)
_zh_text = st.lists(st.one_of(st.sampled_from(ZH_FRAGMENTS), st.text(max_size=6)), max_size=40).map("".join)
_en_text = st.lists(st.one_of(st.sampled_from(EN_FRAGMENTS), st.text(max_size=6)), max_size=40).map("".join)


def _check(text: str, result: Extraction) -> None:
    assert result.language in ("zh", "en")
    for ob in result.obligations:
        assert 0 <= ob.start <= ob.end <= len(text)
        assert text[ob.start : ob.end] == ob.phrase
        assert text[ob.quote_start : ob.quote_start + len(ob.quote)] == ob.quote
        assert ob.quote_start <= ob.start and ob.end <= ob.quote_start + len(ob.quote)  # the quote holds the phrase
        assert 0.0 <= ob.confidence <= 1.0
        if ob.rule.period is not None:
            assert ob.rule.period.value is None or ob.rule.period.value >= 0  # None: a template blank


@settings(max_examples=300, deadline=None)
@given(_any_text)
def test_arbitrary_unicode_never_raises(text: str) -> None:
    _check(text, extract(text))


@settings(max_examples=300, deadline=None)
@given(_zh_text)
def test_chinese_contract_fragments(text: str) -> None:
    _check(text, extract(text))


@settings(max_examples=300, deadline=None)
@given(_en_text)
def test_english_contract_fragments(text: str) -> None:
    _check(text, extract(text))


def test_long_adversarial_input_is_fast() -> None:
    """No catastrophic backtracking: long runs of blanks, digits and connectors stay linear."""
    import time

    text = ("＿" * 5000 + "日内" + "1" * 5000 + "年" + " " * 5000 + "月" + "之日起" * 2000 + "。") * 3
    t0 = time.perf_counter()
    extract(text)
    assert time.perf_counter() - t0 < 2.0


def test_no_full_stop_stays_linear() -> None:
    """A long run with no sentence end: work per expression is bounded, so time grows with the length only."""
    import time

    def seconds(n: int) -> float:
        t0 = time.perf_counter()
        extract("甲方应在30日内付款" * n)
        return time.perf_counter() - t0

    small, large = seconds(1000), seconds(4000)
    assert large < 8 * small + 0.5  # 4x the text: about 4x the time, never 16x
