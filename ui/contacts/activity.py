"""The contact card's Activity tab: the customer's history newest first, and dated notes."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from services.errors import LavkaError
from services.storage import Database
from services.timeline import add_note, contact_timeline
from ui.contacts.models import ActivityModel
from ui.formatting import Formatter
from ui.messages import error_text
from ui.widgets.fields import error_label


class ContactActivity(QWidget):
    """The history table above a line to add a note dated today."""

    orderActivated = Signal(int)
    noteAdded = Signal()

    def __init__(self, database: Database, formatter: Formatter, today=None, parent=None) -> None:
        super().__init__(parent)
        self._database, self._today = database, today
        self._contact_id: int | None = None
        self.model = ActivityModel(formatter, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Called, will order after the 15th…"))
        self.add_button = QPushButton(self.tr("Add note"))
        self.error = error_label()
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.add_button.clicked.connect(self.add_note)
        self.note.returnPressed.connect(self.add_note)
        self.table.doubleClicked.connect(self._double_clicked)
        self.setEnabled(False)

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def show_contact(self, contact_id: int | None) -> None:
        """The history of this contact (None: a new card, nothing yet)."""
        self._contact_id = contact_id
        self.error.hide()
        self.setEnabled(contact_id is not None)
        rows = [] if contact_id is None else contact_timeline(self._database, contact_id)
        self.model.set_rows(rows)

    def add_note(self) -> bool:
        if self._contact_id is None:
            return False
        self.error.hide()
        try:
            add_note(self._database, self._contact_id, self.note.text(), self.today())
        except LavkaError as error:
            self.error.setText(error_text(error))
            self.error.show()
            return False
        self.note.clear()
        self.show_contact(self._contact_id)
        self.noteAdded.emit()
        return True

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            entry = self.model.entry(index.row())
            if entry.order_id is not None:
                self.orderActivated.emit(entry.order_id)
