"""Frozen entry point of the console executable (`tickler`, `tickler-cli.exe` on Windows)."""

import multiprocessing
import sys

from obligations.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a frozen child process must not rerun the CLI
    sys.exit(main())
