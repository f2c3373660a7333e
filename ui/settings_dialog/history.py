"""Settings → History: how long the change log keeps what each change did."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QSpinBox, QWidget

from services import history
from services.errors import Problem
from ui.settings_dialog.common import show_by_field
from ui.widgets.fields import error_label
from ui.widgets.style import RIGHT


class HistoryPage(QWidget):
    """The months an entry keeps its row details (0 = for ever); older entries keep their
    name and counts. Deleted orders and contacts stay in the Trash for 30 days whatever this
    says."""

    def __init__(self, database, parent=None) -> None:
        super().__init__(parent)
        self._database = database
        self.keep_months = QSpinBox()
        self.keep_months.setRange(0, history.KEEP_MONTHS_MAX)
        self.keep_months.setAlignment(RIGHT)
        self.keep_months.setSpecialValueText(self.tr("for ever"))
        width = max(
            self.keep_months.fontMetrics().horizontalAdvance(t)
            for t in ("000", self.tr("for ever"))
        )
        self.keep_months.setMaximumWidth(width + 48)  # the number and its arrows
        self.errors = {"keep_months": error_label()}
        self.other_errors = error_label()
        explain = QLabel(
            self.tr(
                "Lavka records every change: what was changed, when, and the old and new "
                "values, so that any change can be undone. After the months kept, a change "
                "keeps its name and counts but no longer its details, and can no longer be "
                "undone. 0 keeps the details for ever. Details take room: a year of them is "
                "about as large as the year's orders themselves; packed, a change takes a "
                "tenth of that."
            )
        )
        explain.setWordWrap(True)
        trash = QLabel(
            self.tr(
                "Deleted orders and contacts stay in the Trash (History section) for %1 days, "
                "then are gone for good."
            ).replace("%1", str(history.TRASH_DAYS))
        )
        trash.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(explain)
        form.addRow(self.tr("Keep the details of changes, months:"), self.keep_months)
        form.addRow("", self.errors["keep_months"])
        form.addRow(trash)
        form.addRow(self.other_errors)

    def title(self) -> str:
        return self.tr("History")

    def load(self) -> None:
        self.keep_months.setValue(history.keep_months(self._database))

    def save(self) -> None:
        if self.keep_months.value() != history.keep_months(self._database):
            history.set_keep_months(self._database, self.keep_months.value())

    def show_problems(self, problems: list[Problem]) -> None:
        show_by_field(self.errors, self.other_errors, problems)

    def focus_problem(self, problem: Problem) -> None:
        self.keep_months.setFocus()
        self.keep_months.selectAll()
