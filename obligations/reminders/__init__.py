"""Reminders: what is due for a reminder on a day, and delivering each one once (desktop, e-mail, .ics)."""

from obligations.reminders.due import Due, Reminder, ReminderState, describe, due_now, due_reminders

__all__ = ["Due", "Reminder", "ReminderState", "describe", "due_now", "due_reminders"]
