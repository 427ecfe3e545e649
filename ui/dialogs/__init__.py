"""Dialogs: one obligation's detail and actions, supplementary agreements, the due-date calculator."""
