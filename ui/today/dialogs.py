"""The Today section's small questions: snooze until when, and how did it go."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.formatting import Formatter
from ui.widgets.fields import date_edit, python_date, qt_date


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class SnoozeUntil(QDialog):
    """The day a snoozed customer comes back on Today."""

    def __init__(self, formatter: Formatter, today: dt.date, name: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Snooze"))
        self.day = date_edit(formatter, today + dt.timedelta(days=14))
        self.day.setMinimumDate(qt_date(today + dt.timedelta(days=1)))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Remind me about %1 again on:").replace("%1", name)))
        layout.addWidget(self.day)
        layout.addWidget(_buttons(self))

    @classmethod
    def ask(
        cls, formatter: Formatter, today: dt.date, name: str, parent: QWidget | None = None
    ) -> dt.date | None:
        dialog = cls(formatter, today, name, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return python_date(dialog.day.date())


class FollowUpAnswer(QDialog):
    """Marking a follow-up done: what the customer said, kept in their notes (optional)."""

    def __init__(self, name: str, order_number: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Follow-up done"))
        self.answer = QPlainTextEdit()
        self.answer.setPlaceholderText(self.tr("All good, will order again in March…"))
        self.answer.setTabChangesFocus(True)
        layout = QVBoxLayout(self)
        question = self.tr("What did %1 say about order No. %2? (kept in the contact's notes)")
        layout.addWidget(QLabel(question.replace("%1", name).replace("%2", order_number)))
        layout.addWidget(self.answer)
        layout.addWidget(_buttons(self))

    @classmethod
    def ask(cls, name: str, order_number: str, parent: QWidget | None = None) -> str | None:
        """The answer ("" for none); None when the person cancelled."""
        dialog = cls(name, order_number, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.answer.toPlainText().strip()
