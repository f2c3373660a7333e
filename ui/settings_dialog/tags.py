"""Settings → Tags: every tag with its colour and how many contacts carry it; add, rename,
recolour, delete. Saved with the dialog's OK, like the lists."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QSize, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QStyledItemDelegate,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.errors import Problem
from services.storage import Database
from services.tags import TagEntry, list_tags, new_colours, save_tags
from ui.formatting import Formatter
from ui.settings_dialog.common import row_text
from ui.tags import colour_icon
from ui.widgets.fields import error_label
from ui.widgets.style import RIGHT
from ui.widgets.tables import text_width

ID_ROLE = Qt.ItemDataRole.UserRole
COLOUR_ROLE = Qt.ItemDataRole.UserRole + 1
COUNT_ROLE = Qt.ItemDataRole.UserRole + 2
NAME, COLOUR, COUNT = 0, 1, 2
_SWATCH_WIDTH, _SWATCH_HEIGHT = 28, 14


class ColourDialog:
    """The system's colour picker (tests monkeypatch `ask`)."""

    @staticmethod
    def ask(parent: QWidget | None, colour: str, name: str) -> str | None:
        """The colour chosen, "#rrggbb"; None when cancelled."""
        title = QCoreApplication.translate("TagsPage", "Colour of the tag “%1”").replace("%1", name)
        chosen = QColorDialog.getColor(QColor(colour), parent, title)
        return chosen.name().lower() if chosen.isValid() else None


class ConfirmDelete:
    """Asks "Delete the tag?", naming how many contacts carry it (tests monkeypatch `ask`)."""

    @staticmethod
    def ask(parent: QWidget | None, name: str, count: int) -> bool:
        if count:
            text = QCoreApplication.translate(
                "TagsPage",
                "“%1” is on %n contact(s). Delete the tag and take it off them?",
                "",
                count,
            )
        else:
            text = QCoreApplication.translate(
                "TagsPage", "No contact carries “%1”. Delete the tag?"
            )
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("TagsPage", "Delete the tag"),
            text.replace("%1", name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes


class _NotEdited(QStyledItemDelegate):
    """The colour (its own dialog) and the count (computed) are not typed in."""

    def createEditor(self, parent, option, index):
        return None


class TagsPage(QWidget):
    """The tags: rename in place (or Rename), Colour… opens the system's picker, Delete asks
    first, naming how many contacts carry the tag. Nothing is written until OK; then all of
    it in one transaction (services.tags.save_tags)."""

    def __init__(self, database: Database, formatter: Formatter | None = None, parent=None) -> None:
        super().__init__(parent)
        self._database = database
        self._formatter = formatter or Formatter(QLocale())
        self.deleted: list[int] = []
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAllColumnsShowFocus(True)
        headers = [self.tr("Tag"), self.tr("Colour"), self.tr("Contacts")]
        self.list.setHeaderLabels(headers)
        self.list.headerItem().setTextAlignment(COUNT, RIGHT)
        self.list.setIconSize(QSize(_SWATCH_WIDTH, _SWATCH_HEIGHT))
        self._not_edited = _NotEdited(self.list)
        self.list.setItemDelegateForColumn(COLOUR, self._not_edited)
        self.list.setItemDelegateForColumn(COUNT, self._not_edited)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column, sample in ((COLOUR, "#000000"), (COUNT, "000 000")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            width = text_width(header, headers[column], sample) + 24
            header.resizeSection(column, width + (_SWATCH_WIDTH + 8 if column == COLOUR else 0))
        self.list.itemDoubleClicked.connect(self._double_clicked)
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.add_button = QPushButton(self.tr("Add"))
        self.rename_button = QPushButton(self.tr("Rename"))
        self.colour_button = QPushButton(self.tr("Colour…"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.colour_button.clicked.connect(self.choose_colour)
        self.delete_button.clicked.connect(self.delete)
        self.errors = error_label()
        buttons = QHBoxLayout()
        for button in (self.add_button, self.rename_button, self.colour_button):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.errors)
        self._update_buttons()

    def title(self) -> str:
        return self.tr("Tags")

    def count(self) -> int:
        return self.list.topLevelItemCount()

    def item(self, row: int) -> QTreeWidgetItem:
        item = self.list.topLevelItem(row)
        assert item is not None, row  # 0 <= row < count()
        return item

    # --- the dialog's side
    def load(self) -> None:
        self.list.clear()
        self.deleted = []
        for tag in list_tags(self._database):
            self.list.addTopLevelItem(self._item(tag.id, tag.name, tag.colour, tag.contact_count))
        self._update_buttons()

    def save(self) -> None:
        save_tags(self._database, self.entries(), self.deleted)
        self.load()  # new tags get their ids, so a second OK does not add them again

    def entries(self) -> list[TagEntry]:
        return [
            TagEntry(item.data(NAME, ID_ROLE), item.text(NAME), item.data(NAME, COLOUR_ROLE))
            for item in map(self.item, range(self.count()))
        ]

    def show_problems(self, problems: list[Problem]) -> None:
        lines = [row_text(problem) for problem in problems]
        self.errors.setText("\n".join(lines))
        self.errors.setVisible(bool(lines))
        rows = [p.line for p in problems if p.line is not None]
        if rows and 0 < rows[0] <= self.count():
            self.list.setCurrentItem(self.item(rows[0] - 1))

    def focus_problem(self, problem: Problem) -> None:
        if problem.line is not None and 0 < problem.line <= self.count():
            column = COLOUR if problem.field == "colour" else NAME
            self.list.setCurrentItem(self.item(problem.line - 1), column)
        self.list.setFocus()

    # --- editing
    def add(self) -> QTreeWidgetItem:
        """A new row to name; its colour is the palette's next free one, as on a card."""
        used = [self.item(row).data(NAME, COLOUR_ROLE) for row in range(self.count())]
        item = self._item(None, "", new_colours(used)[0], 0)
        self.list.addTopLevelItem(item)
        self.list.setCurrentItem(item)
        self.list.editItem(item, NAME)
        return item

    def rename(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.list.editItem(item, NAME)

    def choose_colour(self) -> bool:
        """The system's colour picker for the current tag; True when one was chosen."""
        item = self.list.currentItem()
        if item is None:
            return False
        chosen = ColourDialog.ask(self, item.data(NAME, COLOUR_ROLE), item.text(NAME))
        if chosen is None:
            return False
        self._paint(item, chosen)
        return True

    def delete(self) -> bool:
        """Take the current tag out of the list once the person agrees (saved with OK)."""
        item = self.list.currentItem()
        if item is None:
            return False
        tag_id, count = item.data(NAME, ID_ROLE), item.data(NAME, COUNT_ROLE) or 0
        if (tag_id is not None or item.text(NAME).strip()) and not ConfirmDelete.ask(
            self, item.text(NAME), count
        ):
            return False
        self.list.takeTopLevelItem(self.list.indexOfTopLevelItem(item))
        if tag_id is not None:
            self.deleted.append(tag_id)
        self._update_buttons()
        return True

    def _double_clicked(self, item: QTreeWidgetItem, column: int) -> None:
        if column == COLOUR:
            self.choose_colour()

    def _item(self, tag_id: int | None, name: str, colour: str, count: int) -> QTreeWidgetItem:
        item = QTreeWidgetItem([name, "", self._formatter.integer(count)])
        item.setData(NAME, ID_ROLE, tag_id)
        item.setData(NAME, COUNT_ROLE, count)
        item.setTextAlignment(COUNT, RIGHT)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        item.setToolTip(COLOUR, self.tr("Double-click to change the colour"))
        self._paint(item, colour)
        return item

    def _paint(self, item: QTreeWidgetItem, colour: str) -> None:
        item.setData(NAME, COLOUR_ROLE, colour)
        item.setIcon(COLOUR, colour_icon(colour, _SWATCH_HEIGHT, width=_SWATCH_WIDTH))
        item.setText(COLOUR, colour)

    def _update_buttons(self) -> None:
        chosen = self.list.currentItem() is not None
        for button in (self.rename_button, self.colour_button, self.delete_button):
            button.setEnabled(chosen)
