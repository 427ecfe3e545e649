"""The two kinds of failure: the environment's fault (KnownError: say what and what to do) and our bugs."""

from __future__ import annotations


class KnownError(Exception):
    """A problem with the user's file, database or settings. Its message is one line a user can act on."""
