"""The documents issued for an order, listed on it: kind, number, date, amount and where each
stands; and the warning when the order changed after its current document was issued."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from services.documents.issue import DocumentRecord
from ui.documents.names import changed_since_text, kind_name, needs_new_version, state_text
from ui.formatting import Formatter
from ui.widgets.rows import RowsModel
from ui.widgets.style import WARNING
from ui.widgets.tables import MONEY_SAMPLE, fit_columns, read_only_rows

KIND, NUMBER, DATE, AMOUNT, STATE = range(5)


class DocumentsModel(RowsModel):
    """One row per issued document, newest first."""

    NUMBERS = (NUMBER, AMOUNT)

    def __init__(self, formatter: Formatter, parent=None) -> None:
        headers = (
            self.tr("Document"),
            self.tr("No."),
            self.tr("Date"),
            self.tr("Amount"),
            self.tr("State"),
        )
        super().__init__(formatter, headers, parent)

    def cells(self, item: DocumentRecord) -> tuple[str, ...]:
        fmt = self._formatter
        return (
            kind_name(item.kind),
            fmt.integer(item.number),
            fmt.date(item.date),
            fmt.money(item.amount),
            state_text(item),
        )

    def red(self, item: DocumentRecord, column: int) -> bool:
        return column == STATE and needs_new_version(item)

    def record(self, row: int) -> DocumentRecord:
        return self.item(row)


class StaleNotice(QWidget):
    """ "The order changed after invoice No. 12 was issued." with a button to issue a new
    version: a line for each current document the order has outgrown; hidden when none."""

    newVersionAsked = Signal(str)  # the document's kind

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.rows: list[tuple[QLabel, QPushButton]] = []
        self.hide()

    def show_records(self, records: list[DocumentRecord]) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.rows = []
        for record in records:
            if not needs_new_version(record):
                continue
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            label = QLabel(changed_since_text(record.kind, record.number))
            label.setStyleSheet(f"color: {WARNING}")
            label.setWordWrap(True)
            button = QPushButton(self.tr("Issue a new version…"))
            button.setToolTip(
                self.tr("A new document with the next number, made from the order as it is now")
            )
            button.clicked.connect(lambda _=False, k=record.kind: self.newVersionAsked.emit(k))
            line.addWidget(label, 1)
            line.addWidget(button)
            self._layout.addWidget(row)
            self.rows.append((label, button))
        self.setVisible(bool(self.rows))


class DocumentsList(QWidget):
    """The order's documents; a double-click, Enter or "Open" re-opens one as issued."""

    documentActivated = Signal(int)  # the document's id

    def __init__(self, formatter: Formatter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DocumentsModel(formatter, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        read_only_rows(self.table)
        fit_columns(
            self.table,
            {KIND: "Товарная накладная", NUMBER: "000 000", DATE: "00.00.0000",
             AMOUNT: MONEY_SAMPLE, STATE: "Replaced by a newer version"},
            stretch=STATE,
        )  # fmt: skip
        self.empty = QLabel(self.tr("No documents yet: make one from the Documents menu below."))
        self.empty.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open…"))
        self.open_button.clicked.connect(self.open_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.empty, 1)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.activated.connect(self._activated)  # double-click and Enter
        self.table.selectionModel().currentRowChanged.connect(self._update)
        self.model.modelReset.connect(self._update)
        self._update()

    def show_records(self, records: list[DocumentRecord]) -> None:
        self.model.set_rows(records)
        if records:
            self.table.setCurrentIndex(self.model.index(0, 0))

    def open_current(self) -> None:
        self._activated(self.table.currentIndex())

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.documentActivated.emit(self.model.record(index.row()).id)

    def _update(self) -> None:
        self.open_button.setEnabled(self.table.currentIndex().isValid())
        self.empty.setVisible(self.model.rowCount() == 0)
