"""The extractor's speed-ups change no result: each fast form against the plain form it replaced, on random text,
and the hand-written first letters of the lookahead guards against the patterns they guard."""

from __future__ import annotations

import datetime as dt
import random
import re
from re import _parser  # type: ignore[attr-defined]  # the regex parser: what a pattern can start with

import pytest

from obligations.extract.en import dates as en_dates
from obligations.extract.en import facts as en_facts
from obligations.extract.en import numbers as en_numbers
from obligations.extract.en import patterns as en_patterns
from obligations.extract.en import vocab as en_vocab
from obligations.extract.en.dates import _YEAR_RE
from obligations.extract.zh import numerals as zh_numerals
from obligations.extract.zh import segment as zh_segment
from obligations.extract.zh import temporal as zh_temporal
from obligations.model import Unit

_ZERO_WIDTH = {_parser.AT, _parser.ASSERT, _parser.ASSERT_NOT}


def _first_chars(items: list[tuple[object, object]]) -> tuple[set[str], bool]:
    """The characters (lower-cased) a match of the parsed sequence can start with, and whether it can be empty.
    Raises when it could start with any character (a negated or category class, "."), which a guard cannot cover."""
    chars: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is _parser.LITERAL:
            return chars | {chr(av).lower()}, False  # type: ignore[arg-type]
        if op is _parser.IN:
            for item_op, item_av in av:  # type: ignore[attr-defined]
                if item_op is _parser.LITERAL:
                    chars.add(chr(item_av).lower())
                elif item_op is _parser.RANGE:
                    chars |= {chr(c).lower() for c in range(item_av[0], item_av[1] + 1)}
                else:
                    raise AssertionError(f"a class that may start with anything: {item_op}")
            return chars, False
        if op is _parser.SUBPATTERN:
            inner, empty = _first_chars(av[-1].data)  # type: ignore[index]
        elif op is _parser.BRANCH:
            parts = [_first_chars(branch.data) for branch in av[1]]  # type: ignore[index]
            inner = set().union(*(p[0] for p in parts))
            empty = any(p[1] for p in parts)
        elif op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT):
            inner, empty = _first_chars(av[2].data)  # type: ignore[index]
            empty = empty or av[0] == 0  # type: ignore[index]
        else:
            raise AssertionError(f"a pattern piece the check does not know: {op}")
        chars |= inner
        if not empty:
            return chars, False
    return chars, True


def first_chars(pattern: str) -> set[str]:
    chars, empty = _first_chars(_parser.parse(pattern, re.IGNORECASE).data)
    assert not empty, "a pattern that may match the empty string needs no guard"
    return chars


@pytest.mark.parametrize(
    ("letters", "alternatives"),
    [
        (en_patterns.RECURRING_FIRST_LETTERS, [f for f, _ in en_patterns.RECURRING_FORMS]),
        (en_patterns.EVENT_FIRST_LETTERS, [f for _, f, _ in en_patterns.EVENT_FORMS]),
        (en_patterns.NON_DEADLINE_FIRST, [en_vocab.NON_DEADLINE_CUES]),
        (en_facts.TERM_FIRST_LETTERS, [c for c, _ in en_facts.TERM_CUES]),
    ],
    ids=["recurring", "event", "non-deadline", "term"],
)
def test_guard_letters_cover_every_alternative(letters: str, alternatives: list[str]) -> None:
    for alternative in alternatives:
        assert first_chars(alternative) <= set(letters), alternative


def test_anniversary_search_starts_early_enough() -> None:
    before_word = en_facts._ANNIVERSARY_END_RE.pattern.split("anniversary")[0]
    assert _parser.parse(before_word, re.IGNORECASE).getwidth()[1] <= en_facts._ANNIVERSARY_REACH


def _soup(rng: random.Random, tokens: list[str], count: int = 40) -> str:
    return "".join(rng.choice(tokens) for _ in range(rng.randint(0, count)))


def _spans(regex: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in regex.finditer(text)]


def test_one_of_words_matches_the_plain_list() -> None:
    words = sorted([*en_numbers.ORDINAL_WORDS, *en_numbers.UNITS_WORDS, "may", "March"], key=len, reverse=True)
    guarded = re.compile(r"\b" + en_numbers.one_of_words(words) + r"\b", re.IGNORECASE)
    plain = re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)
    tokens = [*words, " ", "-", "X", "ſ", "ı", "K", "FIRST", "Third", "x"]
    rng = random.Random(7)
    for _ in range(3000):
        text = _soup(rng, tokens)
        assert _spans(guarded, text) == _spans(plain, text), text


def test_year_regex_matches_the_lookbehind_form() -> None:
    plain = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
    rng = random.Random(3)
    for _ in range(5000):
        text = _soup(rng, ["1", "2", "9", "0", "19", "20", "2019", " ", "a", "٣", "-"], 20)
        start = rng.randint(0, len(text))
        assert [m.span() for m in _YEAR_RE.finditer(text, start)] == [m.span() for m in plain.finditer(text, start)]


def test_zh_scanner_matches_the_unguarded_blanks() -> None:
    plain_blank = r"(?:_{1,20}|…{1,6}|[ ]{2,16}|\([ _]{1,8}\)|[Xx]{2,6})"
    plain = re.compile(zh_temporal._PATTERN.pattern.replace(zh_temporal._BLANK, plain_blank))
    assert plain.pattern != zh_temporal._PATTERN.pattern
    tokens = [" ", "  ", "   ", "\n", "_", "____", "(", ")", "( )", "(30)", "30", "三十", "半", "个", "日", "天", "月",
              "年", "工作日", "小时", "内", "每月", "本", "甲方", ",", "2026", "-", "至", "X", "…"]  # fmt: skip
    rng = random.Random(5)
    for _ in range(5000):
        text = _soup(rng, tokens)
        assert _spans(zh_temporal._PATTERN, text) == _spans(plain, text), text


def test_fold_matches_translate() -> None:
    table = str.maketrans(zh_numerals._FOLD)
    tokens = [*zh_numerals._FOLD, "a", " ", "中", "\n", "日"]
    rng = random.Random(11)
    for _ in range(3000):
        text = _soup(rng, tokens)
        assert zh_numerals.fold(text) == text.translate(table)


def _soft_break_plain(folded: str, i: int) -> bool:
    """The look around one line break that zh_segment._soft_breaks replaced."""
    number_line = re.compile(r"[ ]{0,4}[0-9_.一二三四五六七八九十百千两半]{1,8}[ ]{0,4}")
    before = folded.rfind("\n", max(0, i - 14), i) + 1
    after = folded.find("\n", i + 1, i + 15)
    next_line = folded[i + 1 : after] if after >= 0 else ""
    previous_line = folded[before:i] if before > 0 or i < 14 else ""
    return bool(number_line.fullmatch(previous_line) or number_line.fullmatch(next_line))


def _clause_bounds_plain(folded: str, sentence: zh_segment.Sentence, pos: int) -> tuple[int, int]:
    """Stepping a character at a time, as before zh_segment.clause_bounds used the regex engine."""
    s = pos
    while s > sentence.start and not zh_segment._ends_clause(folded, s - 1):
        s -= 1
    e = pos
    while e < sentence.end and not zh_segment._ends_clause(folded, e):
        e += 1
    return s, e


def test_zh_segmentation_matches_the_plain_forms() -> None:
    tokens = ["\n", "\n", " ", "  ", "120", "3", "三十", "半", "_", ".", "连续", "天内", "。", ",", "甲方应在",
              "x" * 12,
              "12345678", "\r", ";", ":", "第五条", "1.2", "(三)", "5", "0"]  # fmt: skip
    rng = random.Random(13)
    for _ in range(5000):
        text = _soup(rng, tokens)
        soft = zh_segment._soft_breaks(text)
        assert soft == {i for i, ch in enumerate(text) if ch == "\n" and _soft_break_plain(text, i)}, text
        if not text:
            continue
        start = rng.randint(0, len(text) - 1)
        sentence = zh_segment.Sentence(start, rng.randint(start, len(text)), None)
        pos = rng.randint(max(0, start - 2), len(text) - 1)
        assert zh_segment.clause_bounds(text, sentence, pos) == _clause_bounds_plain(text, sentence, pos), text


def test_language_counts_match_counting_letter_by_letter() -> None:
    from obligations.extract import _NOT_LATIN, HAN_RUN

    tokens = ["a", "Z", "中文", "日", "é", "ß", "\ud800", " ", "K", "ſ", "Ａ", "30", "，"]
    rng = random.Random(17)
    for _ in range(3000):
        text = _soup(rng, tokens)
        assert len(text.encode("ascii", "ignore").translate(None, _NOT_LATIN)) == len(re.findall("[A-Za-z]", text))
        assert sum(map(len, HAN_RUN.findall(text))) == len(re.findall("[\u4e00-\u9fff]", text))


def test_anniversary_windows_hold_every_match() -> None:
    whole = _parser.parse(en_facts._ANNIVERSARY_END_RE.pattern, re.IGNORECASE).getwidth()[1]
    assert whole + 1 <= en_facts._ANNIVERSARY_SPAN


def test_effective_elsewhere_matches_the_word_boundary_form() -> None:
    fast = en_facts.EFFECTIVE_ELSEWHERE_RE
    plain = re.compile(r"\b" + fast.pattern.replace(r"effective(?<!\weffective)", "effective", 1))
    assert plain.pattern != fast.pattern
    tokens = ["effective", "ineffective", "_effective", " ", "  ", "as of", "on", "from", "the", "Date", "of", "this",
              "Commencement", "Closing", "date", "\n", "x"]  # fmt: skip
    rng = random.Random(19)
    for _ in range(3000):
        text = _soup(rng, tokens)
        assert _spans(fast, text) == _spans(plain, text), text


def test_anniversary_expiry_matches_a_whole_text_search() -> None:
    tokens = ["shall", "terminate", "expire", "end", "continue", "remain", " ", "  ", "on", "until", "through", "the",
              "third", "1st", "anniversary", "Anniversary", "of", "Effective Date", "date of this Agreement", "hereof",
              "this Agreement", ".", ";", "x" * 30, "\n"]  # fmt: skip
    rng = random.Random(23)
    signing, effective = dt.date(2020, 1, 15), dt.date(2020, 2, 1)
    for _ in range(3000):
        text = _soup(rng, tokens, 80)
        whole = en_facts._ANNIVERSARY_END_RE.search(text)
        expected = None
        if whole is not None:
            years = en_numbers.parse_number(whole.group("nth")) or 1
            of = whole.group("of").lower()
            base = effective if ("effective" in of or "commencement" in of) else signing
            expected = en_dates.shift(base, years, Unit.YEAR)
        assert en_facts._anniversary_expiry(text, signing, effective) == expected, text


def test_en_sentence_ends_and_heading_places_match_the_class_forms() -> None:
    from obligations.extract.en import segment as en_segment

    ends = re.compile(r"[.!?;](?=[\s\"')\]]{0,3}\s)|:(?=[ \t]{0,40}\n)|\n[ \t]{0,80}\n")
    places = re.compile(r"\n|[.:;][ \t]{1,2}")
    tokens = [".", "!", "?", ";", ":", " ", "\t", "\n", "\n\n", '"', "'", ")", "]", "word", "4.1", "Inc.", "  "]
    rng = random.Random(29)
    for _ in range(5000):
        text = _soup(rng, tokens)
        assert _spans(en_segment._END_RE, text) == _spans(ends, text), text
        assert _spans(en_segment._HEADING_PLACE_RE, text) == _spans(places, text), text


def test_duration_look_back_matches_without_the_amount_start() -> None:
    fast = en_patterns.DURATION_ENDING_RE
    plain = re.compile(fast.pattern.replace(en_patterns._AMOUNT_START, "", 1), re.IGNORECASE)
    assert plain.pattern != fast.pattern
    tokens = ["thirty", "(30)", "30", "a", "an", "half a", "third", "5th", "____", "[__]", "[•]", " ", "-", "x", "_",
              "days", "business days", "months", "year", "quarter", "or more", "first", "(", "one-half"]  # fmt: skip
    rng = random.Random(31)
    for _ in range(5000):
        text = _soup(rng, tokens, 12)
        start = rng.randint(0, len(text))
        hit, expected = fast.search(text, start), plain.search(text, start)
        assert (hit and (hit.span(), hit.groups())) == (expected and (expected.span(), expected.groups())), text


def test_short_lines_match_the_line_start_form() -> None:
    from obligations.extract.en import segment as en_segment

    plain = re.compile(r"^[ \t]{0,80}(\S[^\n]{0,60}?)[ \t]{0,80}$", re.MULTILINE)
    tokens = ["\n", "\n", "  ", "\t", "Page 2", "Page 2 of 5", "Source: X, 8-K", "x" * 30, "a", " ", "\n\n"]
    rng = random.Random(37)
    for _ in range(5000):
        text = _soup(rng, tokens, 30)
        first = en_segment._SHORT_FIRST_LINE_RE.match(text)
        found = [*([first] if first else []), *en_segment._SHORT_LINE_RE.finditer(text)]
        assert [(m.span(1), m.group(1)) for m in found] == [(m.span(1), m.group(1)) for m in plain.finditer(text)]
