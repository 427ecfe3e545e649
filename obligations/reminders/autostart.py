"""Start Tickler at login, minimised to the tray: the per-user Run key on Windows, XDG autostart on Linux.

Per-user only: no administrator rights, and uninstalling or unticking the option removes exactly what we added.
"""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

ENTRY = "Tickler"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"


def launch_command() -> list[str]:
    """How to start the app minimised: the frozen Tickler.exe, or this Python running the `ui` package."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "--minimized"]
    return [sys.executable, "-m", "ui", "--minimized"]


def _desktop_file() -> Path:
    config_home = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return config_home / "autostart" / "tickler.desktop"


def is_enabled() -> bool:
    if sys.platform == "win32":
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                winreg.QueryValueEx(key, ENTRY)
                return True
        except OSError:
            return False
    return _desktop_file().exists()


def enable(command: list[str] | None = None) -> None:
    command = command or launch_command()
    if sys.platform == "win32":
        import subprocess
        import winreg

        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
            winreg.SetValueEx(key, ENTRY, 0, winreg.REG_SZ, subprocess.list2cmdline(command))
        return
    path = _desktop_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "[Desktop Entry]\nType=Application\nName=Tickler\nComment=Contract deadline reminders\n"
        f"Exec={shlex.join(command)}\nX-GNOME-Autostart-enabled=true\nTerminal=false\n",
        encoding="utf-8",
    )


def disable() -> None:
    if sys.platform == "win32":
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE) as key:
                winreg.DeleteValue(key, ENTRY)
        except OSError:
            pass  # not registered: nothing to remove
        return
    _desktop_file().unlink(missing_ok=True)
