"""Reminder e-mail through the company's SMTP relay (optional). The password lives in the OS keyring."""

from __future__ import annotations

import datetime as dt
import smtplib
from collections import defaultdict
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path

from obligations.errors import KnownError
from obligations.reminders.due import Reminder, ReminderState

KEYRING_SERVICE = "Tickler SMTP"


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int = 587
    starttls: bool = True
    username: str | None = None
    sender: str = "tickler@localhost"
    default_recipient: str | None = None  # owners that are names, not addresses, go here
    timeout: float = 20.0

    def password(self) -> str | None:
        """From the OS keyring (Windows Credential Manager, Secret Service); never from a settings file."""
        if not self.username:
            return None
        try:
            import keyring

            return keyring.get_password(KEYRING_SERVICE, self.username)
        except Exception:  # no keyring backend on this machine: log in without a password
            return None


def recipients_for(reminder: Reminder, settings: SmtpSettings) -> str | None:
    owner = (reminder.owner or "").strip()
    return owner if "@" in owner else settings.default_recipient


def _line(reminder: Reminder) -> str:
    what = " ".join(x for x in (reminder.party, reminder.action) if x) or (reminder.phrase or reminder.kind)
    if reminder.state == ReminderState.OVERDUE:
        when = f"OVERDUE by {-reminder.days_left} day(s)"
    elif reminder.state == ReminderState.DUE_TODAY:
        when = "due TODAY"
    else:
        when = f"due in {reminder.days_left} day(s)"
    flag = " (provisional: holiday schedule not yet published)" if reminder.provisional else ""
    return f"- {reminder.due_date.isoformat()}  {when}: {what} — {reminder.contract_title}{flag}"


def compose(recipient: str, reminders: list[Reminder], today: dt.date, settings: SmtpSettings) -> EmailMessage:
    overdue = sum(r.state == ReminderState.OVERDUE for r in reminders)
    message = EmailMessage()
    message["From"] = settings.sender
    message["To"] = recipient
    subject = f"Tickler {today.isoformat()}: {len(reminders)} deadline(s)"
    message["Subject"] = subject + (f", {overdue} overdue" if overdue else "")
    message["Message-ID"] = make_msgid(domain="tickler.local")
    body = ["Contract deadlines that need attention / 需要关注的合同期限:", ""]
    body += [_line(r) for r in reminders]
    body += ["", "Open Tickler to mark them done, waive or snooze them."]
    message.set_content("\n".join(body))
    return message


def group_by_recipient(reminders: list[Reminder], settings: SmtpSettings) -> dict[str, list[Reminder]]:
    grouped: dict[str, list[Reminder]] = defaultdict(list)
    for reminder in reminders:
        recipient = recipients_for(reminder, settings)
        if recipient:
            grouped[recipient].append(reminder)
    return dict(grouped)


def send_report(settings: SmtpSettings, recipients: list[str], path: Path, *, title: str) -> None:
    """The monthly workbook as an attachment, to the managers who read it."""
    message = EmailMessage()
    message["From"] = settings.sender
    message["To"] = ", ".join(recipients)
    message["Subject"] = f"合同履约月报 / Contract report {title}"
    message["Message-ID"] = make_msgid(domain="tickler.local")
    message.set_content(f"附件为 {title} 合同履约月报。\nThe contract report for {title} is attached.\n\n— Tickler")
    kind = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    if path.suffix.lower() == ".csv":
        kind = ("text", "csv")
    message.add_attachment(path.read_bytes(), maintype=kind[0], subtype=kind[1], filename=path.name)
    send([message], settings)


def send(messages: list[EmailMessage], settings: SmtpSettings) -> None:
    if not messages:
        return
    try:
        with smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout) as smtp:
            if settings.starttls:
                smtp.starttls()
            password = settings.password()
            if settings.username and password:
                smtp.login(settings.username, password)
            for message in messages:
                smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        raise KnownError(f"cannot send reminder e-mail through {settings.host}:{settings.port}: {exc}") from exc
