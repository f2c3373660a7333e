"""An edit conflict: someone else saved the order or the card open here after it was opened.
Both versions field by field, the fields that differ marked, and the choice: keep mine (save
over theirs), take theirs (the editor shows the saved one, the edits dropped), or cancel (back
to editing, nothing saved; Esc)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

KEEP_MINE = "mine"
TAKE_THEIRS = "theirs"
# A row whose two values differ: the amber of a warning (ui/widgets/style.py), faint
CHANGED = QColor("#fde7c4")
INK = QColor("#1f1f1f")
_WIDTH = 640


@dataclass(frozen=True)
class ConflictRow:
    """One field: its name, the value saved by someone else and the one typed here, each as
    the editor shows it, and whether they differ (by default: whether the texts do)."""

    field: str
    theirs: str
    yours: str
    differs: bool | None = None

    @property
    def changed(self) -> bool:
        return self.theirs != self.yours if self.differs is None else self.differs


class ConflictDialog(QDialog):
    """`ConflictDialog.ask(parent, "order", "No. 12", rows)` → KEEP_MINE, TAKE_THEIRS or None
    (Cancel, Esc, the window closed)."""

    FIELD, THEIRS, YOURS = range(3)

    def __init__(
        self, kind: str, name: str, rows: Sequence[ConflictRow], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.choice: str | None = None
        self.rows = list(rows)
        self.setWindowTitle(self.tr("Saved by someone else"))
        if kind == "order":
            intro = self.tr(
                "Order %1 was saved by someone else after you opened it. Choose which version "
                "to keep."
            )
        else:
            intro = self.tr(
                "The card “%1” was saved by someone else after you opened it. Choose which "
                "version to keep."
            )
        self.intro = QLabel(intro.replace("%1", name))
        self.intro.setWordWrap(True)
        self.table = QTableWidget(len(self.rows), 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Saved by someone else"), self.tr("Yours")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setWordWrap(True)
        bold = QFont(self.font())
        bold.setBold(True)
        for row, entry in enumerate(self.rows):
            items = [QTableWidgetItem(text) for text in (entry.field, entry.theirs, entry.yours)]
            if entry.changed:
                for item in items:
                    item.setBackground(CHANGED)
                    item.setForeground(INK)  # legible on the light mark in a dark theme too
                    item.setToolTip(self.tr("The versions differ here"))
                items[self.FIELD].setFont(bold)
            for column, item in enumerate(items):
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.FIELD, QHeaderView.ResizeMode.ResizeToContents)
        for column in (self.THEIRS, self.YOURS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()

        buttons = QDialogButtonBox()
        self.keep_button = self._button(
            buttons,
            self.tr("Keep mine"),
            self.tr("Save your version over the one saved by someone else"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.theirs_button = self._button(
            buttons,
            self.tr("Take theirs"),
            self.tr("Drop your changes and show the version saved by someone else"),
            QDialogButtonBox.ButtonRole.ActionRole,
        )
        self.cancel_button = self._button(
            buttons,
            self.tr("Cancel"),
            self.tr("Back to editing; nothing is saved"),
            QDialogButtonBox.ButtonRole.RejectRole,
        )
        self.cancel_button.setDefault(True)  # Enter never overwrites by accident
        self.keep_button.clicked.connect(lambda: self._choose(KEEP_MINE))
        self.theirs_button.clicked.connect(lambda: self._choose(TAKE_THEIRS))
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(_WIDTH, min(520, 160 + self.table.verticalHeader().length()))

    @staticmethod
    def _button(
        box: QDialogButtonBox, text: str, tip: str, role: QDialogButtonBox.ButtonRole
    ) -> QPushButton:
        button = box.addButton(text, role)
        assert button is not None  # a new push button, in the box
        button.setToolTip(tip)
        button.setAutoDefault(False)
        return button

    def changed_fields(self) -> list[str]:
        """The fields whose versions differ, as marked."""
        return [row.field for row in self.rows if row.changed]

    def shown(self) -> list[tuple[str, str, str]]:
        """Each row: (field, saved by someone else, yours)."""
        return [(row.field, row.theirs, row.yours) for row in self.rows]

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    def reject(self) -> None:  # Cancel, Esc, the window's close button
        self.choice = None
        super().reject()

    @classmethod
    def ask(
        cls, parent: QWidget | None, kind: str, name: str, rows: Sequence[ConflictRow]
    ) -> str | None:
        """KEEP_MINE, TAKE_THEIRS, or None to go back to editing."""
        dialog = cls(kind, name, rows, parent)
        dialog.exec()
        return dialog.choice
