"""The table model of read-only rows most of the sections' tables are."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from ui.formatting import Formatter
from ui.widgets.style import NEGATIVE, RIGHT

_DISPLAY = Qt.ItemDataRole.DisplayRole


class RowsModel(QAbstractTableModel):
    """Read-only rows (frozen views from a service) under fixed column headers: a subclass
    says each row's `cells`, which columns are figures (NUMBERS, aligned right) or short codes
    (CENTRED), and which cells are drawn red or rows bold; or writes its own `data`."""

    NUMBERS: tuple[int, ...] = ()
    CENTRED: tuple[int, ...] = ()

    def __init__(self, formatter: Formatter, headers: tuple[str, ...], parent=None) -> None:
        super().__init__(parent)
        self._formatter = formatter
        self._headers = headers
        self._rows: list = []
        self._texts: dict[int, tuple[str, ...]] = {}  # each row's cells, written once

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._texts = {}
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

    def item(self, row: int):
        return self._rows[row]

    def cells(self, item) -> tuple[str, ...]:
        raise NotImplementedError

    def red(self, item, column: int) -> bool:
        """The cell is drawn red (money or a day overdue)."""
        return False

    def bold(self, item) -> bool:
        """The row is a total."""
        return False

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY):
        # asked tens of thousands of times as a window opens: bounds by hand, not checkIndex
        if not (0 <= index.row() < len(self._rows) and 0 <= index.column() < len(self._headers)):
            return None
        item = self._rows[index.row()]
        if role == _DISPLAY:
            # a view asks for every cell many times (paint, size hints): a row's phone and
            # money are formatted once
            texts = self._texts.get(index.row())
            if texts is None:
                texts = self._texts[index.row()] = self.cells(item)
            return texts[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.NUMBERS:
            return int(RIGHT)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.CENTRED:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and self.red(item, index.column()):
            return NEGATIVE
        if role == Qt.ItemDataRole.FontRole and self.bold(item):
            font = QFont()
            font.setBold(True)
            return font
        return None
