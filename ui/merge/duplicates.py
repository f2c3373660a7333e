"""The "Possible duplicates" list: pairs of cards that may be one customer, to merge or to
mark as not duplicates."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from services.duplicates import dismiss_pair, possible_duplicates
from services.errors import LavkaError
from services.storage import Database
from ui.formatting import Formatter
from ui.merge.dialog import MergeDialog
from ui.merge.models import DuplicatesModel
from ui.messages import error_text
from ui.widgets.busy import wait_cursor
from ui.widgets.fields import error_label
from ui.widgets.tables import PHONE_SAMPLE, fit_columns, read_only_rows

SHOWN = 200  # pairs listed at a time; the next ones show as these are merged or dismissed


class DuplicatesDialog(QDialog):
    """The pairs, those with most reasons first. "Merge…" opens the merge dialog for the
    chosen pair (so does a double-click); "Not duplicates" hides the pair for good."""

    def __init__(
        self, database: Database, formatter: Formatter, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._database, self._formatter = database, formatter
        self.merges = 0  # merges done from here: the contacts list reloads when any
        self.setWindowTitle(self.tr("Possible duplicates"))
        intro = QLabel(
            self.tr(
                "Cards that may be one customer twice: the same name and city, the same"
                " e-mail, or phones a slip of the finger apart. Merge them, or say they are"
                " not duplicates."
            )
        )
        intro.setWordWrap(True)
        self.model = DuplicatesModel(formatter, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        read_only_rows(self.table)
        self.table.doubleClicked.connect(self._double_clicked)
        self.empty = QLabel(self.tr("No possible duplicates: every card looks like itself."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.merge_button = buttons.addButton(
            self.tr("Merge…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.dismiss_button = buttons.addButton(
            self.tr("Not duplicates"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.merge_button.clicked.connect(self.merge_selected)
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        # the list, or the word that there is none, takes the room between
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        for widget in (self.error, buttons):
            layout.addWidget(widget)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.reload()
        fit_columns(
            self.table,
            {
                DuplicatesModel.FIRST: "Магазин «Кожа и стиль»",
                DuplicatesModel.FIRST_PHONE: PHONE_SAMPLE,
                DuplicatesModel.SECOND: "Магазин «Кожа и стиль»",
                DuplicatesModel.SECOND_PHONE: PHONE_SAMPLE,
            },
            stretch=DuplicatesModel.WHY,
        )
        self.resize(1100, 520)

    def reload(self) -> None:
        """The list anew (after a merge or a dismissal), the same row chosen where it can be."""
        row = max(self.selected_row(), 0)
        with wait_cursor():
            self.model.set_rows(possible_duplicates(self._database, SHOWN))
        has_rows = self.model.rowCount() > 0
        self.table.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        if has_rows:
            self.table.selectRow(min(row, self.model.rowCount() - 1))
        self._update_buttons()

    def selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _update_buttons(self) -> None:
        chosen = self.selected_row() >= 0
        self.merge_button.setEnabled(chosen)
        self.dismiss_button.setEnabled(chosen)

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.merge_selected()

    def merge_selected(self) -> None:
        row = self.selected_row()
        if row < 0:
            return
        first, second = self.model.pair(row).ids
        # looked up on the class at call time, so that tests can replace it
        if MergeDialog.ask(self._database, self._formatter, first, second, self) is not None:
            self.merges += 1
            self.reload()

    def dismiss_selected(self) -> None:
        row = self.selected_row()
        if row < 0:
            return
        self.error.hide()
        try:
            dismiss_pair(self._database, *self.model.pair(row).ids)
        except LavkaError as error:
            self.error.setText(error_text(error))
            self.error.show()
            return
        self.reload()

    @classmethod
    def ask(cls, database: Database, formatter: Formatter, parent: QWidget | None = None) -> bool:
        """Show the list; True when a merge was made from it (the caller reloads its cards).
        Tests replace this."""
        dialog = cls(database, formatter, parent)
        dialog.exec()
        return dialog.merges > 0
