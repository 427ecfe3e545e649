"""The calendar screen: due items by month and day, coloured by state, and the agenda for the days ahead."""

from ui.calendar.page import CalendarPage

__all__ = ["CalendarPage"]
