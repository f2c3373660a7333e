"""The contact card's Activity tab: the customer's history newest first, and dated notes."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt, Signal
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
from services.timeline import TimelineEntry, add_note, contact_timeline
from ui.formatting import Formatter
from ui.messages import error_text
from ui.widgets import NEGATIVE, RowsModel, error_label

_DISPLAY = Qt.ItemDataRole.DisplayRole


class ActivityModel(RowsModel):
    """Date and what happened; an order's line in red when it was lost."""

    def __init__(self, formatter: Formatter, parent=None) -> None:
        super().__init__(formatter, (self.tr("Date"), self.tr("What happened")), parent)

    def entry(self, row: int) -> TimelineEntry:
        return self._rows[row]

    def data(self, index: QModelIndex, role: int = _DISPLAY):
        if not index.isValid() or not self.checkIndex(index):
            return None
        entry: TimelineEntry = self._rows[index.row()]
        if role == _DISPLAY:
            return self._formatter.date(entry.day) if index.column() == 0 else self.text(entry)
        if role == Qt.ItemDataRole.ForegroundRole and entry.status_role == "lost":
            return NEGATIVE
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1:
            return self.text(entry)
        return None

    def text(self, entry: TimelineEntry) -> str:
        fmt = self._formatter
        number = fmt.integer(entry.order_id) if entry.order_id is not None else ""
        if entry.kind == "order":
            return (
                self.tr("Order No. %1 · %2 · %3")
                .replace("%1", number)
                .replace("%2", entry.status or "")
                .replace("%3", fmt.money(entry.amount))
            )
        if entry.kind == "task":
            return self.tr("Done: %1").replace("%1", entry.text or "")
        if entry.kind == "follow_up":
            if entry.status == "done":
                return self.tr("Asked how order No. %1 went").replace("%1", number)
            return self.tr("Follow-up of order No. %1 dismissed").replace("%1", number)
        if entry.order_id is not None:
            return (
                self.tr("About order No. %1: %2")
                .replace("%1", number)
                .replace("%2", entry.text or "")
            )
        return entry.text or ""


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
