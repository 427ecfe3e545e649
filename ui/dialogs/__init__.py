"""Dialogs: one obligation's detail and actions, supplementary agreements, the due-date calculator."""

from ui.dialogs.calculator import CalculatorDialog
from ui.dialogs.obligation import ObligationDialog
from ui.dialogs.supplement import SupplementDialog

DeadlineCalculatorDialog = CalculatorDialog  # the name the main window's Tools menu looks up

__all__ = ["CalculatorDialog", "DeadlineCalculatorDialog", "ObligationDialog", "SupplementDialog"]
