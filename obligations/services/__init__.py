"""Use cases over storage: import, review, scheduling, amendments, queries. Called by the CLI and the UI."""
