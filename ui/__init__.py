"""Tickler's desktop app (PySide6): thin widgets and Qt models over `obligations`."""
