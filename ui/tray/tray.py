"""ReminderTray: checks what is due on a timer and tells the user once, through an abstract tray backend.

`QSystemTrayIcon` is unavailable offscreen and under Xvfb, so the Qt tray sits behind `TrayBackend`; tests drive a
fake one. Delivery bookkeeping (once per window, daily overdue repeat, digest) is the core's
(`obligations.reminders.notify`); this class only shows what the core says is new.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from obligations.reminders import Due, Reminder, ReminderState, due_now
from obligations.reminders.run import described, desktop_batch, mark_shown
from ui.context import AppContext

CHECK_INTERVAL_MS = 10 * 60 * 1000  # a deadline is a day, not a minute: ten minutes is prompt enough
MENU_ITEMS = 8


class TrayBackend(Protocol):
    message_clicked: Signal
    item_chosen: Signal  # obligation id picked from the menu
    digest_requested: Signal

    def set_tooltip(self, text: str) -> None: ...
    def show_message(self, title: str, body: str, *, urgent: bool) -> None: ...
    def set_items(self, items: list[tuple[str, int]]) -> None: ...


class ReminderTray(QObject):
    """Owns the check timer; emits `open_obligation` when the user clicks through to an item."""

    open_obligation = Signal(int)
    show_digest = Signal()

    def __init__(
        self,
        ctx: AppContext,
        backend: TrayBackend,
        *,
        interval_ms: int = CHECK_INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._backend = backend
        self._last_clicked: int | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check_now)
        backend.message_clicked.connect(self._on_message_clicked)
        backend.item_chosen.connect(self.open_obligation)
        backend.digest_requested.connect(self.show_digest)
        ctx.events.changed.connect(self.refresh_summary)

    def start(self) -> None:
        self.check_now()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def check_now(self) -> list[Due]:
        """Show what is new since the last check (the whole digest on the day's first); returns it."""
        today = self._ctx.today()
        batch = desktop_batch(self._ctx.db, today)
        if batch.items:
            overdue = sum(r.state == ReminderState.OVERDUE for r in batch.items)
            if batch.digest:
                title = self.tr("Today's deadlines: %n item(s)", "", len(batch.items))
            else:
                title = self.tr("Deadline reminder")
            body = "\n".join(self.describe(r) for r in described(self._ctx.db, batch.items[:5]))
            if len(batch.items) > 5:
                body += "\n" + self.tr("… and %n more", "", len(batch.items) - 5)
            self._last_clicked = batch.items[0].obligation_id if len(batch.items) == 1 else None
            self._backend.show_message(title, body, urgent=overdue > 0)
            mark_shown(self._ctx.db, batch, today)
        self._show_summary(batch.due)  # the batch's own query: a second one costs as much again at 1M rows
        return batch.items

    def refresh_summary(self) -> None:
        with self._ctx.db.reader() as session:
            self._show_summary(due_now(session, self._ctx.today()))

    def _show_summary(self, reminders: list[Due]) -> None:
        overdue = sum(r.state == ReminderState.OVERDUE for r in reminders)
        if reminders:
            tooltip = self.tr("Tickler: %1 deadline(s) need attention, %2 overdue")
            tooltip = tooltip.replace("%1", str(len(reminders))).replace("%2", str(overdue))
        else:
            tooltip = self.tr("Tickler: nothing due")
        self._backend.set_tooltip(tooltip)
        menu = described(self._ctx.db, reminders[:MENU_ITEMS])
        self._backend.set_items([(self.describe(r), r.obligation_id) for r in menu])

    def describe(self, reminder: Reminder) -> str:
        what = " ".join(x for x in (reminder.party, reminder.action) if x) or (reminder.phrase or reminder.kind)
        if reminder.state == ReminderState.OVERDUE:
            when = self.tr("overdue by %n day(s)", "", -reminder.days_left)
        elif reminder.state == ReminderState.DUE_TODAY:
            when = self.tr("due today")
        else:
            when = self.tr("due in %n day(s)", "", reminder.days_left)
        return f"{what} — {when} ({reminder.contract_title})"

    def _on_message_clicked(self) -> None:
        if self._last_clicked is not None:
            self.open_obligation.emit(self._last_clicked)
        else:
            self.show_digest.emit()


class QtTrayBackend(QObject):
    """The real system tray. Only created where `QSystemTrayIcon.isSystemTrayAvailable()`."""

    message_clicked = Signal()
    item_chosen = Signal(int)
    digest_requested = Signal()
    show_window = Signal()
    quit_requested = Signal()

    def __init__(self, icon: QIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._icon = QSystemTrayIcon(icon, self)
        self._menu = QMenu()
        self._icon.setContextMenu(self._menu)
        self._icon.messageClicked.connect(self.message_clicked)
        self._icon.activated.connect(self._on_activated)
        self.set_items([])
        self._icon.show()

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.show_window.emit()

    def set_tooltip(self, text: str) -> None:
        self._icon.setToolTip(text)

    def show_message(self, title: str, body: str, *, urgent: bool) -> None:
        kind = QSystemTrayIcon.MessageIcon.Warning if urgent else QSystemTrayIcon.MessageIcon.Information
        self._icon.showMessage(title, body, kind, 15_000)

    def set_items(self, items: list[tuple[str, int]]) -> None:
        self._menu.clear()
        for label, obligation_id in items:
            action = QAction(label if len(label) <= 70 else label[:69] + "…", self._menu)
            action.triggered.connect(lambda _=False, oid=obligation_id: self.item_chosen.emit(oid))
            self._menu.addAction(action)
        if items:
            self._menu.addSeparator()
        self._menu.addAction(self.tr("Today's deadlines…"), self.digest_requested.emit)
        self._menu.addAction(self.tr("Open Tickler"), self.show_window.emit)
        self._menu.addAction(self.tr("Quit"), self.quit_requested.emit)
