"""Reminders: what is due for a reminder on a day, and delivering each one once (desktop, e-mail, .ics)."""

from obligations.reminders.due import Reminder, ReminderState, due_reminders

__all__ = ["Reminder", "ReminderState", "due_reminders"]
