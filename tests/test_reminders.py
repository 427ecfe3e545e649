"""Reminders driven by a fake clock across a month: lead windows, snooze, overdue repeats, escalation,
restarts without duplicates, a machine that slept, time zones and midnight — plus e-mail, .ics and autostart."""

from __future__ import annotations

import datetime as dt
import socket
import subprocess
import sys

import pytest
from icalendar import Calendar

from obligations.config import Config
from obligations.model import AnchorType, Direction, DueRule
from obligations.reminders import ReminderState, autostart, due_reminders
from obligations.reminders.clock import today_at
from obligations.reminders.ics import uid_for, write_ics
from obligations.reminders.notify import mark_delivered, pending
from obligations.reminders.run import send_email_reminders
from obligations.services import occurrences, review
from obligations.store.tables import Contract, Occurrence

DUE = dt.date(2026, 3, 31)  # a Tuesday and a working day in China: no roll
START = dt.date(2026, 3, 1)


def days(first: dt.date, last: dt.date):
    day = first
    while day <= last:
        yield day
        day += dt.timedelta(days=1)


@pytest.fixture
def payment(db) -> int:
    """A confirmed payment due 2026-03-31 with lead times 30/7/1 days, owned by alice@example.com."""
    with db.transaction() as session:
        contract = Contract(title="Supply agreement", counterparty="ACME")
        session.add(contract)
        session.flush()
        obligation = review.add_obligation(
            session,
            contract.id,
            DueRule(Direction.BY, AnchorType.ABSOLUTE, fixed_date=DUE),
            party="Buyer",
            action="pay the second instalment",
            kind="payment",
            owner="alice@example.com",
            lead_times=[30, 7, 1],
            today=START,
        )
        session.flush()
        return obligation.occurrences[0].id


def desktop_run(db, today: dt.date) -> list[tuple[int, str]]:
    """One tray check at `today`: what it shows (new items only, or the digest on the day's first check)."""
    with db.transaction() as session:
        batch = pending(session, today, channel="desktop")
        shown = [(r.occurrence_id, r.window_key) for r in batch.items]
        mark_delivered(session, batch, today)
    return shown


def test_lead_windows_then_due_then_overdue_every_day(db, payment):
    states = {}
    with db.reader() as session:
        for day in days(START, dt.date(2026, 4, 3)):
            found = due_reminders(session, day)
            states[day] = (found[0].state, found[0].lead_window, found[0].days_left) if found else None
    assert states[dt.date(2026, 3, 1)] == (ReminderState.UPCOMING, 30, 30)  # the 30-day window opens
    assert states[dt.date(2026, 3, 24)] == (ReminderState.UPCOMING, 7, 7)
    assert states[dt.date(2026, 3, 30)] == (ReminderState.UPCOMING, 1, 1)
    assert states[dt.date(2026, 3, 31)] == (ReminderState.DUE_TODAY, None, 0)
    assert states[dt.date(2026, 4, 2)] == (ReminderState.OVERDUE, None, -2)


def test_each_window_notifies_once_and_overdue_repeats_daily(db, payment):
    shown = {day: desktop_run(db, day) for day in days(START, dt.date(2026, 4, 2))}
    # the first check of each day is that day's digest; a second check the same day shows nothing new
    assert desktop_run(db, dt.date(2026, 4, 2)) == []
    windows = [key for day in sorted(shown) for _, key in shown[day]]
    assert windows.count("overdue") == 2  # 1 and 2 April: repeated daily until done
    assert {"lead:30", "lead:7", "lead:1", "due_today"} <= set(windows)


def test_restart_in_the_middle_of_the_day_shows_nothing_twice(db, payment):
    day = dt.date(2026, 3, 24)
    assert desktop_run(db, day) == [(payment, "lead:7")]
    db.dispose()  # the app quits and starts again: state is in the database, not in memory
    assert desktop_run(db, day) == []


def test_a_machine_that_slept_a_week_gets_one_digest_not_a_flood(db, payment):
    desktop_run(db, dt.date(2026, 3, 20))
    woke = desktop_run(db, dt.date(2026, 4, 3))  # asleep from 21 March to 2 April
    assert woke == [(payment, "overdue")]


def test_snooze_silences_until_the_date_then_reminds_again(db, payment):
    with db.transaction() as session:
        occurrences.snooze(session, payment, until=dt.date(2026, 3, 27), reason="waiting for the invoice")
    with db.reader() as session:
        assert due_reminders(session, dt.date(2026, 3, 26)) == []
        assert [r.occurrence_id for r in due_reminders(session, dt.date(2026, 3, 27))] == [payment]


def test_lead_times_in_working_days_open_their_window_before_a_holiday(db):
    """Three working days before Monday 12 October 2026 is Thursday 8 October in China (1–7 October are the
    National Day holiday, Saturday the 10th a make-up working day); three calendar days would be the 9th."""
    due = dt.date(2026, 10, 12)
    with db.transaction() as session:
        contract = Contract(title="Office lease", counterparty="某某物业", calendar="CN")
        session.add(contract)
        session.flush()
        ids = {}
        for working_days in (True, False):
            obligation = review.add_obligation(
                session,
                contract.id,
                DueRule(Direction.BY, AnchorType.ABSOLUTE, fixed_date=due),
                kind="notice",
                lead_times=[3],
                lead_in_business_days=working_days,
                today=dt.date(2026, 9, 1),
            )
            session.flush()
            ids[working_days] = obligation.occurrences[0].id
    with db.reader() as session:
        on_the_8th = {r.occurrence_id: r.lead_window for r in due_reminders(session, dt.date(2026, 10, 8))}
        on_the_9th = {r.occurrence_id: r.lead_window for r in due_reminders(session, dt.date(2026, 10, 9))}
    assert on_the_8th == {ids[True]: 3}
    assert on_the_9th == {ids[True]: 3, ids[False]: 3}


def test_describe_keeps_the_order_and_leaves_out_what_was_deleted_meanwhile(db, payment):
    from obligations.reminders import describe, due_now
    from obligations.store.tables import Obligation

    with db.transaction() as session:
        contract = session.get(Occurrence, payment).obligation.contract
        second = review.add_obligation(
            session,
            contract.id,
            DueRule(Direction.BY, AnchorType.ABSOLUTE, fixed_date=DUE - dt.timedelta(days=1)),  # Monday 30 March
            party="Seller",
            action="deliver the goods",
            kind="performance",
            lead_times=[7],
            today=START,
        )
        session.flush()
        delivery, second_id = second.occurrences[0].id, second.id
    today = dt.date(2026, 3, 27)
    with db.reader() as session:
        due = due_now(session, today)
        assert [d.occurrence_id for d in due] == [delivery, payment]  # the sooner due date first
        described = describe(session, due)
    assert [(r.occurrence_id, r.party, r.action, r.contract_title, r.window_key) for r in described] == [
        (delivery, "Seller", "deliver the goods", "Supply agreement", "lead:7"),
        (payment, "Buyer", "pay the second instalment", "Supply agreement", "lead:7"),
    ]
    assert [r.window_key for r in described] == [d.window_key for d in due]
    with db.transaction() as session:
        session.delete(session.get(Obligation, second_id))
    with db.reader() as session:
        assert [r.occurrence_id for r in describe(session, due)] == [payment]


def test_done_and_waived_stop_reminders(db, payment):
    with db.transaction() as session:
        occurrences.mark_done(session, payment, note="paid by wire")
    with db.reader() as session:
        assert due_reminders(session, dt.date(2026, 4, 5)) == []
        done = session.get(Occurrence, payment)
        assert done.status == "done" and done.status_by == "tester" and done.status_at is not None


def test_waiving_needs_a_reason(db, payment):
    from obligations.errors import KnownError

    with pytest.raises(KnownError), db.transaction() as session:
        occurrences.waive(session, payment, note=" ")


def test_escalation_after_n_days_overdue_happens_once(db, payment):
    seen = []
    for day in days(dt.date(2026, 4, 1), dt.date(2026, 4, 8)):
        with db.transaction() as session:
            batch = pending(session, day, channel="email", escalate_after_days=3)
            seen.append((day, [r.occurrence_id for r in batch.escalations]))
            mark_delivered(session, batch, day)
    escalated_on = [day for day, ids in seen if ids]
    assert escalated_on == [dt.date(2026, 4, 3)]  # three days overdue, and not again


@pytest.mark.parametrize(
    ("utc_instant", "zone", "expected"),
    [
        (dt.datetime(2026, 3, 30, 15, 59, tzinfo=dt.UTC), "Asia/Shanghai", dt.date(2026, 3, 30)),  # 23:59 in Shanghai
        (dt.datetime(2026, 3, 30, 16, 0, tzinfo=dt.UTC), "Asia/Shanghai", dt.date(2026, 3, 31)),  # midnight there
        (dt.datetime(2026, 3, 30, 16, 0, tzinfo=dt.UTC), "Europe/London", dt.date(2026, 3, 30)),  # same instant
    ],
)
def test_the_day_follows_the_configured_time_zone_across_midnight(db, payment, utc_instant, zone, expected):
    today = today_at(utc_instant, zone)
    assert today == expected
    with db.reader() as session:
        state = due_reminders(session, today)[0].state
    assert state == (ReminderState.DUE_TODAY if expected == DUE else ReminderState.UPCOMING)


def test_the_local_zone_is_used_when_none_is_configured():
    instant = dt.datetime(2026, 3, 30, 12, 0, tzinfo=dt.UTC)
    assert today_at(instant, None) == instant.astimezone().date()


@pytest.fixture
def smtp_server():
    aiosmtpd = pytest.importorskip("aiosmtpd.controller")
    from aiosmtpd.handlers import Message

    class Inbox(Message):
        def __init__(self) -> None:
            super().__init__()
            self.messages: list = []

        def handle_message(self, message) -> None:
            self.messages.append(message)

    with socket.socket() as probe:  # a free loopback port (the controller cannot report one it chose)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    controller = aiosmtpd.Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port, inbox
    finally:
        controller.stop()


def test_email_reaches_the_owner_once_even_after_a_restart(db, payment, smtp_server):
    port, inbox = smtp_server
    config = Config(smtp_host="127.0.0.1", smtp_port=port, smtp_starttls=False, smtp_sender="tickler@corp.example")
    day = dt.date(2026, 3, 24)
    first = send_email_reminders(db, day, config)
    again = send_email_reminders(db, day, config)
    assert (first.messages, again.messages) == (1, 0)
    assert len(inbox.messages) == 1
    message = inbox.messages[0]
    assert message["To"] == "alice@example.com"
    assert message["From"] == "tickler@corp.example"
    body = message.get_payload(decode=True).decode("utf-8")
    assert "2026-03-31" in body and "pay the second instalment" in body and "Supply agreement" in body


def test_escalation_mail_goes_to_the_manager(db, payment, smtp_server):
    port, inbox = smtp_server
    config = Config(
        smtp_host="127.0.0.1",
        smtp_port=port,
        smtp_starttls=False,
        escalate_after_days=2,
        escalation_manager="gc@example.com",
    )
    send_email_reminders(db, dt.date(2026, 4, 2), config)
    recipients = sorted(m["To"] for m in inbox.messages)
    assert recipients == ["alice@example.com", "gc@example.com"]
    assert any("escalation" in m["Subject"] for m in inbox.messages)


def test_ics_round_trips_with_stable_uids_and_alarms(db, payment, tmp_path):
    path = tmp_path / "tickler.ics"
    with db.reader() as session:
        assert write_ics(session, path, since=START) == 1
    first = Calendar.from_ical(path.read_bytes())
    event = first.walk("VEVENT")[0]
    assert str(event["uid"]) == uid_for(payment)
    assert event.decoded("dtstart") == DUE
    triggers = sorted(alarm.decoded("trigger") for alarm in event.walk("VALARM"))
    assert triggers == [dt.timedelta(days=-30), dt.timedelta(days=-7), dt.timedelta(days=-1)]
    assert "How the due date was computed" in str(event["description"])
    with db.reader() as session:
        write_ics(session, path, since=START)  # re-export: same UID, so Outlook updates instead of duplicating
    second = Calendar.from_ical(path.read_bytes())
    assert [str(e["uid"]) for e in second.walk("VEVENT")] == [uid_for(payment)]
    assert not list(tmp_path.glob(".tickler.ics.*"))  # no temporary file left behind


def test_start_at_login_writes_and_removes_the_xdg_autostart_entry(tmp_path, monkeypatch):
    if sys.platform == "win32":
        pytest.skip("the Run-key path is exercised on Windows")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert not autostart.is_enabled()
    autostart.enable(["/opt/tickler/Tickler", "--minimized"])
    entry = tmp_path / "autostart" / "tickler.desktop"
    assert autostart.is_enabled() and "Exec=/opt/tickler/Tickler --minimized" in entry.read_text()
    autostart.disable()
    assert not autostart.is_enabled()


def test_remind_cli_for_task_scheduler_exits_zero(db_url, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "obligations", "remind", "--today", "2026-03-24", "--db", db_url],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "nothing due" in result.stdout


def test_the_configured_time_zone_decides_today(monkeypatch):
    from obligations.config import Config, save_config
    from obligations.reminders.clock import current_day

    save_config(Config(time_zone="Pacific/Kiritimati"))  # UTC+14: always the latest calendar day on Earth
    ahead = current_day()
    save_config(Config(time_zone="Pacific/Pago_Pago"))  # UTC-11
    behind = current_day()
    assert (ahead - behind).days == 1


def test_the_monthly_report_reaches_the_manager_on_the_first(db_url, payment, smtp_server, tmp_path, capsys):
    """Task Scheduler on the 1st: `tickler export --month previous --mail-to manager` e-mails last month's book."""
    from obligations.cli import main
    from obligations.config import save_config

    port, inbox = smtp_server
    save_config(Config(smtp_host="127.0.0.1", smtp_port=port, smtp_starttls=False, smtp_sender="tickler@corp.example"))
    report = tmp_path / "report.xlsx"
    code = main(
        ["export", "--month", "previous", "--today", "2026-04-01", "-o", str(report),
         "--mail-to", "gc@example.com", "--db", db_url]
    )  # fmt: skip
    assert code == 0, capsys.readouterr().err
    (message,) = inbox.messages
    assert message["To"] == "gc@example.com" and "2026-03" in message["Subject"]
    attachments = [part for part in message.walk() if part.get_filename()]
    assert [a.get_filename() for a in attachments] == ["report.xlsx"]
    assert attachments[0].get_payload(decode=True) == report.read_bytes()


def test_the_reminder_query_reads_occurrences_from_its_covering_index(tmp_path):
    """The tray asks every ten minutes over up to a million occurrences: the occurrence side of the query must be
    a range of ix_occurrence_reminders alone, never the table's wide rows (benchmarks/FINDINGS.md)."""
    from sqlalchemy.dialects import sqlite

    from obligations.reminders.due import _DUE
    from obligations.store import open_database

    db = open_database(f"sqlite:///{(tmp_path / 'plan.sqlite3').as_posix()}")
    compiled = _DUE.compile(dialect=sqlite.dialect())
    params = compiled.construct_params({"today": dt.date(2026, 3, 1)})
    with db.engine.connect() as connection:
        plan = [row[-1] for row in connection.exec_driver_sql(
            f"EXPLAIN QUERY PLAN {compiled}", tuple(params[name] for name in compiled.positiontup)
        )]  # fmt: skip
    db.dispose()
    assert any("occurrence USING COVERING INDEX ix_occurrence_reminders" in step for step in plan), plan
