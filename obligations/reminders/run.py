"""One reminder run over a channel: what the tray, `tickler remind --send-email` and Task Scheduler call."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from obligations.config import Config
from obligations.reminders import mail
from obligations.reminders.due import Due, Reminder, describe
from obligations.reminders.notify import Batch, mark_delivered, pending
from obligations.store import Database


@dataclass(frozen=True)
class EmailRun:
    messages: int
    reminders: int
    escalations: int


def smtp_settings(config: Config) -> mail.SmtpSettings | None:
    if not config.smtp_host:
        return None
    return mail.SmtpSettings(
        host=config.smtp_host,
        port=config.smtp_port,
        starttls=config.smtp_starttls,
        username=config.smtp_username,
        sender=config.smtp_sender,
        default_recipient=config.smtp_default_recipient,
    )


def send_email_reminders(db: Database, today: dt.date, config: Config) -> EmailRun:
    """E-mail each owner what is new for them today (the whole digest on the day's first run).

    Sent, then recorded, in one transaction: if sending fails nothing is recorded and the next run retries;
    a run after a restart finds them recorded and sends nothing twice.
    """
    settings = smtp_settings(config)
    if settings is None:
        return EmailRun(0, 0, 0)
    escalate = config.escalate_after_days if config.escalation_manager else None
    with db.transaction() as session:
        batch = pending(session, today, channel="email", escalate_after_days=escalate)
        messages = [
            mail.compose(recipient, items, today, settings)
            for recipient, items in mail.group_by_recipient(describe(session, batch.items), settings).items()
        ]
        if batch.escalations and config.escalation_manager:
            escalation = mail.compose(config.escalation_manager, describe(session, batch.escalations), today, settings)
            del escalation["Subject"]
            escalation["Subject"] = f"Tickler escalation: {len(batch.escalations)} overdue deadline(s)"
            messages.append(escalation)
        mail.send(messages, settings)
        mark_delivered(session, batch, today)
    return EmailRun(len(messages), len(batch.items), len(batch.escalations))


def desktop_batch(db: Database, today: dt.date) -> Batch:
    with db.reader() as session:
        return pending(session, today, channel="desktop")


def described(db: Database, due: Sequence[Due]) -> list[Reminder]:
    """The texts of the few reminders the tray shows: a notification's first lines, its menu."""
    with db.reader() as session:
        return describe(session, due)


def mark_shown(db: Database, batch: Batch, today: dt.date) -> None:
    with db.transaction() as session:
        mark_delivered(session, batch, today)
