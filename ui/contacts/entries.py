"""Rows of phones (or e-mails) on a card, each with what it is for: the first is the main
one, shown in grids; "+" adds a row, "×" takes one away."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models import CHANNEL_LABELS


def label_name(code: str | None) -> str:
    """What a phone or e-mail is for, in the interface language ("mobile" → "мобильный")."""
    names = {
        "whatsapp": "WhatsApp",
        "telegram": "Telegram",
        "mobile": QCoreApplication.translate("EntryRows", "mobile"),
        "work": QCoreApplication.translate("EntryRows", "work"),
        "home": QCoreApplication.translate("EntryRows", "home"),
        "other": QCoreApplication.translate("EntryRows", "other"),
    }
    return names.get(code or "", "")


class _Row(QWidget):
    def __init__(self, placeholder: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder)
        self.label = QComboBox()
        self.label.addItem("", None)
        for code in CHANNEL_LABELS:
            self.label.addItem(label_name(code), code)
        self.label.setToolTip(QCoreApplication.translate("EntryRows", "What it is for"))
        self.remove = QToolButton()
        self.remove.setText("×")
        self.remove.setAutoRaise(True)
        self.remove.setToolTip(QCoreApplication.translate("EntryRows", "Remove this one"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.label)
        layout.addWidget(self.remove)


class EntryRows(QWidget):
    """A column of (text, label) rows, at least one; `entries()` reads them, main first."""

    editingFinished = Signal(int)  # the row whose text was left

    def __init__(self, placeholder: str, add_tip: str, parent=None) -> None:
        super().__init__(parent)
        self._placeholder = placeholder
        self._rows: list[_Row] = []
        self._layout = QVBoxLayout()
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self.add_button = QToolButton()
        self.add_button.setText("+")
        self.add_button.setAutoRaise(True)
        self.add_button.setToolTip(add_tip)
        self.add_button.clicked.connect(lambda: self.add_row().edit.setFocus())
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self._layout, 1)
        side = QVBoxLayout()
        side.addWidget(self.add_button)
        side.addStretch(1)
        outer.addLayout(side)
        self.add_row()

    def add_row(self, text: str = "", label: str | None = None) -> _Row:
        row = _Row(self._placeholder, self)
        row.edit.setText(text)
        row.label.setCurrentIndex(max(row.label.findData(label), 0))
        row.remove.clicked.connect(lambda: self.remove_row(row))
        row.edit.editingFinished.connect(lambda: self.editingFinished.emit(self.row_of(row)))
        self._rows.append(row)
        self._layout.addWidget(row)
        self._update_removable()
        return row

    def remove_row(self, row: _Row) -> None:
        if len(self._rows) == 1:  # the main row stays, emptied
            row.edit.clear()
            row.label.setCurrentIndex(0)
            return
        self._rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        self._update_removable()

    def row_of(self, row: _Row) -> int:
        return self._rows.index(row) if row in self._rows else -1

    def edit(self, index: int) -> QLineEdit:
        return self._rows[index].edit

    def label_box(self, index: int) -> QComboBox:
        return self._rows[index].label

    def count(self) -> int:
        return len(self._rows)

    def entries(self) -> list[tuple[str, str | None]]:
        """Every row with some text, as typed, in order."""
        return [
            (row.edit.text(), row.label.currentData())
            for row in self._rows
            if row.edit.text().strip()
        ]

    def set_entries(self, entries: list[tuple[str, str | None]]) -> None:
        """Show these rows; the first row is kept (the card's main field), the others made
        anew."""
        for row in self._rows[1:]:
            row.setParent(None)
            row.deleteLater()
        del self._rows[1:]
        first, *more = entries or [("", None)]
        main = self._rows[0]
        main.edit.setText(first[0])
        main.label.setCurrentIndex(max(main.label.findData(first[1]), 0))
        for text, label in more:
            self.add_row(text, label)
        self._update_removable()

    def _update_removable(self) -> None:
        for row in self._rows:
            row.remove.setVisible(len(self._rows) > 1)
