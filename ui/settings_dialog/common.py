"""What the Settings pages share: problems said under their fields, rows that name their
row, and whole numbers edited in a spin box (the modifiers of deal scoring)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QLabel, QSpinBox, QStyledItemDelegate, QStyleOptionViewItem

from services.errors import Problem
from ui.messages import problem_text
from ui.widgets.style import RIGHT

_EDIT = Qt.ItemDataRole.EditRole


def show_by_field(errors: dict[str, QLabel], other: QLabel, problems: list[Problem]) -> None:
    """Each problem under its field (the rest together), in the window's language."""
    for label in [*errors.values(), other]:
        label.clear()
        label.hide()
    for problem in problems:
        label = errors.get(problem.field, other)
        label.setText("\n".join(filter(None, [label.text(), problem_text(problem)])))
        label.show()


def row_text(problem: Problem) -> str:
    """The problem in the person's language, "Row 3: …" when it is about a row of a table."""
    text = problem_text(replace(problem, line=None))
    if problem.line is None:
        return text
    where = QCoreApplication.translate("ListPage", "Row %1: %2")
    return where.replace("%1", str(problem.line), 1).replace("%2", text, 1)


def signed_text(value: int, locale: QLocale | None = None) -> str:
    """A modifier as it is read: +30, 0, −15 (the locale's digits and minus)."""
    text = (locale or QLocale()).toString(int(value))
    return f"+{text}" if value > 0 else text


class WholeNumberDelegate(QStyledItemDelegate):
    """Whole numbers edited in a spin box limited to each column's range; `signed` columns
    read +30 and −15. The limits only help typing: the services check every number again."""

    def __init__(
        self, ranges: dict[int, tuple[int, int]], signed: set[int] | None = None, parent=None
    ) -> None:
        super().__init__(parent)
        self._ranges = ranges
        self._signed = signed or set()

    def createEditor(self, parent, option, index):
        if index.column() not in self._ranges:
            return super().createEditor(parent, option, index)
        editor = QSpinBox(parent)
        editor.setRange(*self._ranges[index.column()])
        editor.setAlignment(RIGHT)
        editor.setFrame(False)
        return editor

    def setEditorData(self, editor, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QSpinBox):
            value = index.data(_EDIT)
            editor.setValue(value if isinstance(value, int) else 0)
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QSpinBox):
            editor.interpretText()
            model.setData(index, editor.value(), _EDIT)
        else:
            super().setModelData(editor, model, index)

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if index.column() in self._ranges:
            option.displayAlignment = RIGHT
        value = index.data(_EDIT)
        if index.column() in self._signed and isinstance(value, int):
            option.text = signed_text(value)
