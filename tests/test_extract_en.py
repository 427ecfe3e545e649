"""English obligation extraction: one row per construct (reason beside it), invariants, the scorer's bars, speed."""

from __future__ import annotations

import datetime as dt
import doctest
import subprocess
import sys
import time
from pathlib import Path

import pytest
from scoring import assert_bars, measure

from obligations.extract.en import dates as en_dates
from obligations.extract.en import extract_en
from obligations.extract.en import numbers as en_numbers
from obligations.model import ExtractedObligation, Unit

SHARED = Path(__file__).parents[1].parent / "shared"
CORPUS = SHARED / "corpus/en"

D = dt.date
A = "after"
B = "before"
BY = "by"

# (text, a substring of the expected phrase, amount, direction, anchor_type, recurrence, date, party)
CASES: list[tuple[str, str, tuple[float, str] | None, str, str, str | None, D | None, str | None]] = [
    # numbers ---------------------------------------------------------------------------------------------------
    ("Licensee shall pay each invoice within 30 days of receipt of invoice.",
     "30 days", (30, "day"), A, "event", None, None, "Licensee"),  # arabic digits, "of receipt of" = after
    ("Licensee shall pay each invoice within thirty (30) days of receipt of invoice.",
     "thirty (30) days", (30, "day"), A, "event", None, None, "Licensee"),  # words with digits in brackets
    ("The Supplier shall replace defective goods within sixty days after delivery.",
     "sixty days", (60, "day"), A, "event", None, None, "Supplier"),  # words alone
    ("Distributor shall deliver the forecast within forty-five (45) days after the end of each calendar quarter.",
     "forty-five (45) days", (45, "day"), A, "recurring", "quarterly", None, "Distributor"),  # hyphenated, quarterly
    ("The Company shall give half a month's notice before any price change.",
     "half a month", (0.5, "month"), B, "event", None, None, "Company"),  # "half a month"
    ("The Consultant shall complete the Services within one (1) year from the Effective Date.",
     "one (1) year", (1, "year"), A, "effective", None, None, "Consultant"),  # "one (1) year", effective anchor
    ("Each party shall keep records for a period of ninety (90) days following delivery.",
     "a period of ninety (90) days", (90, "day"), A, "event", None, None, "Each party"),  # "a period of"
    ("The seller shall send the certificate within fourteen days thereafter.",
     "fourteen days thereafter", (14, "day"), A, "event", None, None, "seller"),  # "thereafter": the last event
    # units -----------------------------------------------------------------------------------------------------
    ("Supplier shall respond to Severity 1 incidents within four (4) hours.",
     "four (4) hours", (4, "hour"), A, "event", None, None, "Supplier"),  # hours
    ("Buyer shall pay within 10 calendar days of acceptance.",
     "10 calendar days", (10, "day"), A, "event", None, None, "Buyer"),  # calendar days are days
    ("The seller shall confirm the order within three working days after receipt of order.",
     "three working days", (3, "business_day"), A, "event", None, None, "seller"),  # working days
    ("Company shall cure the breach within fifteen (15) business days of written notice from Reseller.",
     "fifteen (15) business days", (15, "business_day"), A, "event", None, None, "Company"),  # business days
    ("Sellers shall answer the claim within two weeks after receipt of the claim.",
     "two weeks", (2, "week"), A, "event", None, None, "Sellers"),  # weeks
    ("Licensee shall not bring any action more than six months after the cause of action has occurred.",
     "six months", (6, "month"), A, "event", None, None, "Licensee"),  # months
    # direction -------------------------------------------------------------------------------------------------
    ("Either party may terminate this Agreement by giving at least sixty (60) days' prior written notice.",
     "sixty (60) days' prior written notice", (60, "day"), B, "termination", None, None, "Either party"),  # notice
    ("The Sellers shall, 3 days before the time of delivery, inform the Buyers of the date of delivery.",
     "3 days before the time of delivery", (3, "day"), B, "event", None, None, "Sellers"),  # before an event
    ("Licensee shall notify Licensor no later than 10 days before the launch of any product.",
     "no later than 10 days before", (10, "day"), B, "event", None, None, "Licensee"),  # no later than ... before
    ("Payment will be made by Buyer no later than thirty (30) days after receipt of invoice.",
     "no later than thirty (30) days after", (30, "day"), A, "event", None, None, "Buyer"),  # passive: "by Buyer"
    ("The Supplier shall deliver the Products no later than 31 December 2026.",
     "31 December 2026", None, BY, "absolute", None, D(2026, 12, 31), "Supplier"),  # day month year
    ("The Company shall deliver the report by December 31, 2026.",
     "by December 31, 2026", None, BY, "absolute", None, D(2026, 12, 31), "Company"),  # month day, year
    ("The Company shall deliver the report on or before 2026-12-31.",
     "2026-12-31", None, BY, "absolute", None, D(2026, 12, 31), "Company"),  # ISO date
    ("The Company shall file the form before January 16, 2016.",
     "before January 16, 2016", None, BY, "absolute", None, D(2016, 1, 16), "Company"),  # "before" a date
    # anchors and dates from the document facts ------------------------------------------------------------------
    ("This Agreement is entered into on March 3, 2025. Licensor shall deliver the Software within two weeks of the "
     "execution of this Agreement.",
     "two weeks of the execution", (2, "week"), A, "signing", None, D(2025, 3, 17), "Licensor"),  # signing + 2 weeks
    ("This Agreement is effective as of January 1, 2025. Licensee shall pay the fee within sixty (60) days after "
     "the Effective Date.",
     "sixty (60) days after the Effective Date", (60, "day"), A, "effective", None, D(2025, 3, 2), "Licensee"),
    ("This Agreement shall commence on September 10, 2015 and shall continue for One (1) Year.",
     "One (1) Year", (1, "year"), A, "effective", None, D(2016, 9, 10), None),  # the term: expiry computed
    ("This Agreement shall commence on January 31, 2024 and shall continue for one (1) month.",
     "one (1) month", (1, "month"), A, "effective", None, D(2024, 2, 29), None),  # month end clamps
    ("The Joint Venture shall commence on the 1st of March, 2003, and shall be effective until February 28, 2004 "
     "unless extended by written agreement not less than thirty (30) days prior to scheduled termination.",
     "thirty (30) days", (30, "day"), B, "expiry", None, D(2004, 1, 29), None),  # expiry - 30 days
    ("The Receiving Party shall return all Confidential Information within ten (10) business days following "
     "termination or expiration of this Agreement.",
     "ten (10) business days", (10, "business_day"), A, "termination", None, None, "Receiving Party"),
    ("The breaching party shall cure such breach within thirty (30) days after receipt of written notice of breach.",
     "thirty (30) days", (30, "day"), A, "event", None, None, "breaching party"),  # cure period
    ("The Customer shall pay the fee within 14 days of delivery of the Products.",
     "14 days of delivery", (14, "day"), A, "event", None, None, "Customer"),  # delivery
    ("Buyer shall notify Seller of defects within 5 days of acceptance.",
     "5 days of acceptance", (5, "day"), A, "event", None, None, "Buyer"),  # acceptance
    # recurring -------------------------------------------------------------------------------------------------
    ("The Company will bill you monthly for the Services.",
     "monthly", None, BY, "recurring", "monthly", None, "Company"),  # adverb
    ("Distributor shall pay the fees on the 5th of each month.",
     "5th of each month", None, BY, "recurring", "monthly", None, "Distributor"),  # day of month
    ("Licensee shall submit a sales report each calendar quarter.",
     "each calendar quarter", None, BY, "recurring", "quarterly", None, "Licensee"),  # each calendar quarter
    ("Licensee shall pay the maintenance fee annually.",
     "annually", None, BY, "recurring", "yearly", None, "Licensee"),  # annually
    ("Promoter shall deliver an accounting of expenses on a weekly basis.",
     "on a weekly basis", None, BY, "recurring", "weekly", None, "Promoter"),  # on a weekly basis
    ("Dolphin shall deliver to DGT on the date 30 days after each and every year a detailed report.",
     "30 days after each and every year", (30, "day"), A, "recurring", "yearly", None, "Dolphin"),  # period + each
    # events without an amount ----------------------------------------------------------------------------------
    ("This Agreement is entered into on January 11, 2018. Upon the signing of this Agreement, Client agrees to pay "
     "to Company a total of $5,000.",
     "Upon the signing of this Agreement", None, A, "signing", None, D(2018, 1, 11), "Client"),
    ("Any correspondence received after normal business hours will be processed the following business day.",
     "the following business day", (1, "business_day"), A, "event", None, None, None),
    # renewals --------------------------------------------------------------------------------------------------
    ("This Agreement commences on April 15, 2000 and shall continue for 6 months. This Agreement will automatically "
     "renew for an additional 6 months.",
     "an additional 6 months", (6, "month"), A, "expiry", None, D(2001, 4, 15), None),  # renewal after expiry
    ("This Agreement is effective as of January 1, 2025. Licensor may terminate this Agreement on the third "
     "anniversary of the Effective Date.",
     "third anniversary", (3, "year"), A, "effective", None, D(2028, 1, 1), "Licensor"),  # anniversary = N years after
    ("Notices will be deemed given on the third business day after deposit with the postal service.",
     "third business day after deposit", (3, "business_day"), A, "event", None, None, None),  # an ordinal amount
    ("Licensee shall pay the royalty not later than the fifteenth (15th) day of each month.",
     "fifteenth (15th) day of each month", None, BY, "recurring", "monthly", None, "Licensee"),
    ("KCI shall not solicit clients for a period of up to 2 (two) years following termination of this contract.",
     "2 (two) years", (2, "year"), A, "termination", None, None, "KCI"),  # digits then words
    ("Provider will respond to Priority 2 requests within four (4) business hours.",
     "four (4) business hours", (4, "hour"), A, "event", None, None, "Provider"),  # business hours are hours
    ("Invoiced charges are due net 30 days from the invoice date.",
     "net 30 days", (30, "day"), A, "event", None, None, None),  # "net 30"
    ("Provider may suspend Services if any amount owing by Customer is 30 or more days overdue.",
     "30 or more days overdue", (30, "day"), A, "event", None, None, "Provider"),  # counted from the due date
    ("The Services will be available 99.9% of the time and Provider shall respond within one (1) hour.",
     "within one (1) hour", (1, "hour"), A, "event", None, None, "Provider"),  # a deadline inside an SLA sentence
    ("Customer shall pay the royalty no later than 45 days after the termination of the preceding full calendar "
     "quarter.",
     "45 days after the termination", (45, "day"), A, "recurring", "quarterly", None, "Customer"),  # not our end
    # template blanks and SEC redactions: reported, amount unknown -------------------------------------------------
    ("ArTara will make the payments no later than [...***...] following the close of the calendar quarter.",
     "no later than [...***...] following", None, A, "event", None, None, "ArTara"),  # redacted amount and unit
    ("Customer shall pay within [***] days of invoice.",
     "[***] days", (None, "day"), A, "event", None, None, "Customer"),  # redacted amount
    ("Customer shall notify Supplier in writing within ____ days of delivery.",
     "____ days", (None, "day"), A, "event", None, None, "Customer"),
    ("Customer shall notify Supplier in writing within [__] days of delivery.",
     "[__] days", (None, "day"), A, "event", None, None, "Customer"),
]  # fmt: skip


def _find(result: list[ExtractedObligation], fragment: str) -> ExtractedObligation:
    for ob in result:
        if fragment in ob.phrase or (ob.phrase in fragment and len(ob.phrase) > 4):
            return ob
    raise AssertionError(f"no obligation with {fragment!r} in {[ob.phrase for ob in result]}")


@pytest.mark.parametrize(("text", "fragment", "amount", "direction", "anchor", "recurrence", "date", "party"), CASES)
def test_construct(
    text: str,
    fragment: str,
    amount: tuple[float, str] | None,
    direction: str,
    anchor: str,
    recurrence: str | None,
    date: D | None,
    party: str | None,
) -> None:
    ob = _find(extract_en(text).obligations, fragment)
    rule = ob.rule
    got_amount = (rule.period.value, str(rule.period.unit)) if rule.period else None
    assert got_amount == amount
    assert str(rule.direction) == direction
    assert str(rule.anchor_type) == anchor
    assert (str(rule.recurrence) if rule.recurrence else None) == recurrence
    assert ob.date == date
    assert ob.party == party


def test_blank_has_low_confidence() -> None:
    ob = _find(extract_en("Customer shall notify Supplier within ____ days of delivery.").obligations, "____")
    assert ob.rule.period is not None and ob.rule.period.value is None and ob.confidence <= 0.3


def test_one_sentence_two_limits() -> None:
    text = "Supplier shall respond within four (4) hours and resolve the incident within 2 business days."
    obs = extract_en(text).obligations
    assert [(o.rule.period.value, o.rule.period.unit) for o in obs if o.rule.period] == [
        (4, Unit.HOUR),
        (2, Unit.BUSINESS_DAY),
    ]
    assert obs[1].action == "resolve the incident"


@pytest.mark.parametrize(
    "text",
    [
        "The Service will be available 99.9% of the time, measured monthly, with latency below 200 ms.",  # SLA
        "The office shall be open at least forty (40) hours per week.",  # a rate of time
        "WHEREAS, Promoter has built relationships for almost 20 years.",  # a recital
        "Promoter will receive $2,500 for each One (1) Year contract Promoter secures.",  # an adjective
        "This amount is to be paid in two monthly installments.",  # "monthly" before a noun
        "Liability is limited to the fees paid during the last 12 months.",  # a look-back window
        "Source: COMPANY INC, 8-K, 9/14/2015",  # an SEC page header
    ],
)
def test_not_a_deadline(text: str) -> None:
    assert [ob.phrase for ob in extract_en(text).obligations] == []


@pytest.mark.parametrize(
    ("text", "signing", "effective", "expiry", "term"),
    [
        # signing = effective when nothing else is said
        ('This Agreement is made and entered into on February 17, 1999 ("Effective Date").',
         D(1999, 2, 17), D(1999, 2, 17), None, None),
        # expiry computed from effective + initial term
        ("This Agreement is effective as of January 1, 2025. The initial term of this Agreement is three (3) years.",
         None, D(2025, 1, 1), D(2028, 1, 1), "three (3) years"),
        # stated expiry
        ("This Agreement shall expire on June 30, 2027.", None, None, D(2027, 6, 30), None),
        # a date the text names the Effective Date; term from the signing date
        ('This Agreement is made and entered into effect the 7th day of April, 2017 ("Effective Date"). '
         "This agreement shall be for a term of five years from the date of this document.",
         D(2017, 4, 7), D(2017, 4, 7), D(2022, 4, 7), "five years"),
        # a period that ends is not the agreement's expiry
        ("Dated as of June 22, 2000. You agree that, during the period commencing the date hereof and ending on "
         "November 8, 2001, you will not acquire any securities.", D(2000, 6, 22), D(2000, 6, 22), None, None),
        # anniversaries
        ("This Agreement is effective as of January 1, 2025 and shall terminate on the third anniversary of the "
         "Effective Date.", None, D(2025, 1, 1), D(2028, 1, 1), None),
        # signed on one date, effective on another that is not dated: no effective date
        ("IN WITNESS WHEREOF the parties executed this Agreement on the 1st day of JUNE, 2006, but effective as of "
         "the Date of Commencement.", D(2006, 6, 1), None, None, None),
    ],
)  # fmt: skip
def test_facts(text: str, signing: D | None, effective: D | None, expiry: D | None, term: str | None) -> None:
    facts = extract_en(text).facts
    assert (facts.signing_date, facts.effective_date, facts.expiry_date, facts.term) == (
        signing,
        effective,
        expiry,
        term,
    )


def test_auto_renewal_gives_last_day_for_non_renewal_notice() -> None:
    text = (
        "This Agreement is effective as of January 1, 2025 and has an initial term of one (1) year. It will "
        "automatically renew for successive one (1) year terms unless either party gives notice of non-renewal at "
        "least ninety (90) days prior to the expiration of the then-current term."
    )
    ob = _find(extract_en(text).obligations, "ninety (90) days")
    assert ob.action == "last day to give notice of non-renewal"
    assert ob.date == D(2025, 10, 3)


def test_clause_reference() -> None:
    text = "Section 4.1. Payment.\n\n(b) Licensee shall pay within thirty (30) days of receipt of invoice."
    assert _find(extract_en(text).obligations, "thirty").clause == "Section 4.1(b)"


def test_doctests() -> None:
    for module in (en_numbers, en_dates):
        assert doctest.testmod(module).failed == 0


# --- the labelled corpus ----------------------------------------------------------------------------------------


def _documents() -> list[Path]:
    return sorted(CORPUS.glob("en-*.txt")) if CORPUS.exists() else []


def test_scorer_bars_on_labelled_documents() -> None:
    assert_bars(measure("en", extract_en))


@pytest.mark.parametrize("path", _documents(), ids=lambda p: p.stem)
def test_offsets_and_quotes_are_exact(path: Path) -> None:
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    for ob in extract_en(text).obligations:
        assert text[ob.start : ob.end] == ob.phrase
        assert text[ob.quote_start : ob.quote_start + len(ob.quote)] == ob.quote
        assert ob.quote_start <= ob.start and ob.end <= ob.quote_start + len(ob.quote)
        assert len(ob.quote) <= 300
        assert 0.0 <= ob.confidence <= 1.0


def _machine_slowness() -> float:
    """How much slower this machine (or its current load) is than a 2020s laptop, at least 1."""
    start = time.perf_counter()
    sum(range(3_000_000))
    return max(1.0, (time.perf_counter() - start) / 0.05)


def test_speed_at_least_one_megabyte_per_second() -> None:
    docs = _documents()
    if not docs:
        pytest.skip("no English corpus")
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in docs)
    text = (text * (1 + 1_000_000 // len(text)))[:1_000_000]
    start = time.perf_counter()
    extract_en(text)
    assert time.perf_counter() - start < 1.0 * _machine_slowness()


@pytest.mark.parametrize("bad", ["(" * 5000, "within " * 3000, "30 " * 5000 + "days", "_" * 20000, " " * 50000])
def test_no_catastrophic_backtracking(bad: str) -> None:
    start = time.perf_counter()
    extract_en(bad)
    assert time.perf_counter() - start < 0.5


def test_import_stays_light() -> None:
    code = (
        "import sys, obligations.extract.en;"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'PySide6', 'holidays', 'openpyxl'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
