"""The app shell's own pages: obligations list, contracts, first-run state, import, settings."""
