"""`tickler calc` and `tickler calendar` through obligations.cli.main, as a user would call them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from obligations.cli import main

EXAMPLE = Path(__file__).resolve().parents[1] / "resources" / "calendars" / "CN-2027.example.json"


def calc_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    assert main(["calc", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_calc_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    result = calc_json(capsys, "--anchor", "2025-09-30", "--amount", "1", "--unit", "day", "--direction", "after")
    assert set(result) == {"date", "strict_date", "provisional", "calendar", "steps"}
    assert result["date"] == "2025-10-09"  # 1 Oct is National Day; the holiday runs to 8 Oct
    assert result["strict_date"] == "2025-10-01"
    assert result["provisional"] is False
    assert result["calendar"] == "CN"
    steps = result["steps"]
    assert isinstance(steps, list) and all(isinstance(step, str) for step in steps)
    assert any("2025-10-01 … 2025-10-08 National Day holiday (国庆节假期)" in step for step in steps)
    assert any("Art. 203" in step for step in steps)


def test_calc_hours_print_a_time(capsys: pytest.CaptureFixture[str]) -> None:
    result = calc_json(
        capsys, "--anchor", "2025-12-31T22:00", "--amount", "3", "--unit", "hour", "--direction", "after"
    )
    assert (result["date"], result["strict_date"]) == ("2026-01-01T01:00", "2026-01-01T01:00")


def test_calc_backward_shows_both_dates(capsys: pytest.CaptureFixture[str]) -> None:
    result = calc_json(capsys, "--anchor", "2026-03-01", "--amount", "7", "--unit", "day", "--direction", "before")
    assert (result["date"], result["strict_date"]) == ("2026-02-14", "2026-02-22")  # back to a make-up Saturday


def test_calc_provisional_year_and_other_calendar(capsys: pytest.CaptureFixture[str]) -> None:
    cn = calc_json(capsys, "--anchor", "2027-02-01", "--amount", "5", "--unit", "day", "--direction", "after")
    assert (cn["date"], cn["provisional"]) == ("2027-02-08", True)
    gb = calc_json(
        capsys, "--anchor", "2026-12-21", "--amount", "4", "--unit", "day", "--direction", "after",
        "--calendar", "GB",
    )  # fmt: skip
    assert (gb["date"], gb["calendar"]) == ("2026-12-29", "GB")


def test_calc_options_for_contract_wording(capsys: pytest.CaptureFixture[str]) -> None:
    base = ["--anchor", "2025-09-30", "--amount", "1", "--unit", "day", "--direction", "after"]
    assert calc_json(capsys, *base, "--roll", "none")["date"] == "2025-10-01"  # 自然日, no extension
    assert calc_json(capsys, *base, "--include-start-day")["date"] == "2025-09-30"  # 含当日: day one is 30 Sep


def test_calc_text_output(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["calc", "--anchor", "2025-09-30", "--amount", "1", "--unit", "business_day", "--direction", "after"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("2025-10-09  [CN; strict 2025-10-09]")
    assert "Calendar CN 2025: official" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--anchor", "2025-02-30"], "--anchor '2025-02-30': expected YYYY-MM-DD"),
        (["--anchor", "2025-01-01", "--calendar", "XX"], "unknown calendar 'XX'"),
        (["--anchor", "2025-01-01", "--amount", "-3"], "cannot be negative"),
        (["--anchor", "2025-01-01", "--amount", "1.5"], "only hours may be fractional"),
        (["--anchor", "2025-01-01", "--amount", "ten"], "--amount 'ten' is not a number"),
    ],
)
def test_calc_user_errors_are_one_line_exit_2(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    defaults = {"--amount": "1", "--unit": "day", "--direction": "after"}
    for key, value in defaults.items():
        if key not in args:
            args = [*args, key, value]
    assert main(["calc", *args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("tickler: ") and message in err


def test_calendar_load_then_calc_uses_it(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data.update(example=False, source="test copy")
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    args = ["--anchor", "2027-02-01", "--amount", "5", "--unit", "day", "--direction", "after"]
    assert calc_json(capsys, *args)["provisional"] is True

    assert main(["calendar", "load", str(path)]) == 0
    assert "Loaded CN 2027" in capsys.readouterr().out
    result = calc_json(capsys, *args)
    # 6 Feb is in the loaded 5–13 Feb run, followed by Sunday 14 Feb: the period ends Monday 15 Feb.
    assert (result["date"], result["provisional"]) == ("2027-02-15", False)

    assert main(["calendar", "show", "2027"]) == 0
    out = capsys.readouterr().out
    assert "2027: loaded" in out and "2027-02-20 (Sat)" in out


def test_calendar_load_refuses_the_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", "load", str(EXAMPLE)]) == 2
    assert "example file" in capsys.readouterr().err


def test_calendar_load_bad_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"calendar": "CN", "year": 2027, "holidays": [{"date": "2027-02-30", "name": "x"}]}')
    assert main(["calendar", "load", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bad.json" in err and "'2027-02-30' is not a date" in err


def test_calendar_show(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", "show", "2026", "--calendar", "CN"]) == 0
    out = capsys.readouterr().out
    assert "2026: official" in out
    assert "2026-02-28 (Sat)  make-up working day for Spring Festival (春节调休上班)" in out
    assert main(["calendar", "show", "2027", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["status"], shown["holidays"], shown["workdays"]) == ("provisional", [], [])
