"""First run: an empty database explains what Tickler does and offers the two ways to begin."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePage(QWidget):
    import_requested = Signal()
    sample_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Welcome to Tickler"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        steps = QLabel(
            self.tr(
                "<p>Tickler keeps track of the dates your signed contracts commit you to: notice periods, "
                "payments, renewals, reports.</p>"
                "<ol>"
                "<li><b>Import</b> your signed agreements (PDF, Word or text files; you can drop several "
                "onto this window at once).</li>"
                "<li><b>Review</b> the obligations Tickler finds: confirm, correct or reject each one against "
                "the contract text.</li>"
                "<li>Tickler computes the <b>due dates</b> on real working-day calendars and <b>reminds</b> "
                "you in time.</li>"
                "</ol>"
                "<p>Nothing leaves this computer: documents are read here, without any online service.</p>"
            ),
            self,
        )
        steps.setWordWrap(True)
        steps.setTextFormat(Qt.TextFormat.RichText)
        width = self.fontMetrics().horizontalAdvance("M") * 40
        steps.setFixedWidth(width)
        steps.setMinimumHeight(steps.heightForWidth(width))  # a wrapped rich-text label is not told its height
        self.import_button = QPushButton(self.tr("&Import agreements…"), self)
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.import_requested)
        self.sample_button = QPushButton(self.tr("Try the &sample agreement"), self)
        self.sample_button.setToolTip(self.tr("Import a sample telephone service agreement (Chinese) to look around"))
        self.sample_button.clicked.connect(self.sample_requested)
        for button in (self.import_button, self.sample_button):
            button.setMinimumHeight(self.fontMetrics().height() * 2 + 8)
            button.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 14)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.sample_button)
        buttons.addStretch(1)
        column = QVBoxLayout()
        column.addWidget(title)
        column.addSpacing(12)
        column.addWidget(steps, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addSpacing(12)
        column.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(column)
        layout.addStretch(2)
        self.setTabOrder(self.import_button, self.sample_button)
