"""Small pieces the sections share: an error label, the red of a loss, a read-only table."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QDate, QLocale, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDateEdit, QLabel, QVBoxLayout, QWidget

from ui.formatting import Formatter

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
NEGATIVE = QColor("#c62828")  # a loss, and an error said next to its field
_DISPLAY = Qt.ItemDataRole.DisplayRole


class RowsModel(QAbstractTableModel):
    """Read-only rows (frozen views from a service) under fixed column headers."""

    def __init__(self, formatter: Formatter, headers: tuple[str, ...], parent=None) -> None:
        super().__init__(parent)
        self._formatter = formatter
        self._headers = headers
        self._rows: list = []

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None


def error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(f"color: {NEGATIVE.name()}")
    label.setWordWrap(True)
    label.hide()
    return label


def with_error(field: QWidget, *below: QWidget) -> QWidget:
    """The field with its error said right under it."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    for widget in (field, *below):
        layout.addWidget(widget)
    return box


def date_edit(formatter: Formatter, day: dt.date) -> QDateEdit:
    """A date field with a calendar popup, written the way the locale writes dates."""
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setLocale(formatter.locale)
    edit.setDisplayFormat(formatter.locale.dateFormat(QLocale.FormatType.ShortFormat))
    return edit
