"""User settings the core needs too (the CLI run by Task Scheduler reads them): a JSON file in the data folder.

Window geometry and other view state stay in QSettings (ui/settings.py); everything that changes what Tickler
computes or sends lives here, declared once with its default and meaning.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from obligations.paths import data_dir


@dataclass(frozen=True)
class Config:
    database_url: str | None = None  # a team's PostgreSQL URL; None: the per-user SQLite file
    default_calendar: str = "CN"  # for new contracts whose language/parties do not decide it
    default_lead_days: tuple[int, ...] = (30, 7, 1)  # reminders before an ordinary deadline
    notice_lead_days: tuple[int, ...] = (90, 60, 30, 7)  # notice, renewal and expiry deadlines: warn earlier
    lead_in_business_days: bool = False  # count lead times in working days of the contract's calendar
    escalate_after_days: int | None = None  # overdue this many days: tell the manager
    escalation_manager: str | None = None  # the manager's e-mail address
    ics_folder: str | None = None  # keep tickler.ics up to date here (Outlook subscribes to it)
    smtp_host: str | None = None  # company relay; None = no e-mail
    smtp_port: int = 587
    smtp_starttls: bool = True
    smtp_username: str | None = None  # the password is in the OS keyring, never here
    smtp_sender: str = "tickler@localhost"
    smtp_default_recipient: str | None = None
    time_zone: str | None = None  # the day deadlines are counted in (e.g. "Asia/Shanghai"); None = this computer's
    start_at_login: bool = False
    user_name: str | None = None  # the name the audit trail records in team mode
    extra: dict[str, Any] = field(default_factory=dict)  # settings of newer versions, kept on save


def config_path() -> Path:
    return data_dir() / "settings.json"


def load_config(path: Path | None = None) -> Config:
    path = path or config_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Config()
    except (OSError, ValueError):
        return Config()  # a damaged settings file must not stop the reminders; defaults are safe
    known = {f.name for f in fields(Config)}
    values = {k: (tuple(v) if isinstance(v, list) else v) for k, v in raw.items() if k in known and k != "extra"}
    extra = {k: v for k, v in raw.items() if k not in known}
    return replace(Config(**values), extra=extra)


def save_config(config: Config, path: Path | None = None) -> None:
    path = path or config_path()
    data = asdict(config)
    data.update(data.pop("extra"))
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".settings-")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
    os.replace(tmp, path)
