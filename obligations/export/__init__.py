"""The monthly report (合同台账 + 履约状态): an Excel workbook for managers, or its occurrence rows as CSV.

    from obligations.export import export_month
    export_month(db, "2026-03", "report-2026-03.xlsx", today=dt.date(2026, 3, 31), lang="zh")

No Qt here: the CLI (`tickler export`) and the app's File → Export dialog both call `export_month`.
"""

from obligations.export.masking import mask_personal_data
from obligations.export.period import EVERYTHING, Scope
from obligations.export.report import FORMATS, ExportResult, export_month

__all__ = ["EVERYTHING", "FORMATS", "ExportResult", "Scope", "export_month", "mask_personal_data"]
