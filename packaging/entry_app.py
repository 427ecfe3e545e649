"""Frozen entry point of the windowed executable (`Tickler.exe`): the GUI composition root `ui.app:main`."""

import multiprocessing
import sys

from ui.app import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a frozen child process must not start a second window
    sys.exit(main())
