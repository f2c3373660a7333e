"""Settings → Reminders: the numbers behind Today."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from services.errors import Problem
from services.settings_store import load_reminder_settings, save_reminder_settings
from ui.settings_dialog.common import show_by_field
from ui.widgets.fields import error_label


class RemindersPage(QWidget):
    """The numbers behind Today: lifecycle rules and the days until a follow-up."""

    FIELDS = ("default_cadence", "awake_limit", "asleep_limit", "follow_up_days")

    def __init__(self, database, parent=None) -> None:
        super().__init__(parent)
        self._database = database
        self.edits = {field: QLineEdit() for field in self.FIELDS}
        for edit in self.edits.values():
            edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("0000000") + 16)
        self.errors = {field: error_label() for field in self.FIELDS}
        self.other_errors = error_label()
        explain = QLabel(
            self.tr(
                "A customer's cadence is the median of the days between their purchases (the "
                "default cadence while they have bought once); r = days since the last purchase "
                "÷ cadence. Past r = 1 they are due to reorder; past the awake limit they have "
                "fallen asleep; past the long-asleep limit they are long asleep."
            )
        )
        explain.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(explain)
        captions = {
            "default_cadence": self.tr("Default cadence, days:"),
            "awake_limit": self.tr("Awake limit (r):"),
            "asleep_limit": self.tr("Long-asleep limit (r):"),
            "follow_up_days": self.tr("Ask how it went, days after delivery:"),
        }
        for field in self.FIELDS:
            form.addRow(captions[field], self.edits[field])
            form.addRow("", self.errors[field])
        form.addRow(self.other_errors)

    def title(self) -> str:
        return self.tr("Reminders")

    def load(self) -> None:
        current = load_reminder_settings(self._database)
        point = QLocale().decimalPoint()
        values = {
            "default_cadence": str(current.rules.default_cadence),
            "awake_limit": str(current.rules.awake_limit).replace(".", point),
            "asleep_limit": str(current.rules.asleep_limit).replace(".", point),
            "follow_up_days": str(current.follow_up_days),
        }
        for field, text in values.items():
            self.edits[field].setText(text)

    def save(self) -> None:
        save_reminder_settings(self._database, *(self.edits[f].text() for f in self.FIELDS))

    def show_problems(self, problems: list[Problem]) -> None:
        show_by_field(self.errors, self.other_errors, problems)

    def focus_problem(self, problem: Problem) -> None:
        edit = self.edits.get(problem.field)
        if edit is not None:
            edit.setFocus()
            edit.selectAll()
