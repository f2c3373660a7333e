"""Settings → the editable lists: order statuses, channels, loss reasons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models import STATUS_ROLES
from services.errors import Problem
from services.scoring import MODIFIER_MAX, MODIFIER_MIN
from services.settings_store import ListEntry, load_list, save_list
from ui.settings_dialog.common import WholeNumberDelegate, row_text
from ui.widgets.fields import error_label
from ui.widgets.style import RIGHT
from ui.widgets.tables import text_width

ID_ROLE = Qt.ItemDataRole.UserRole
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1
NAME, MODIFIER = 0, 1  # the columns; a modifier only for the lists deal scoring reads
SCORED = ("statuses", "channels")


class ListPage(QWidget):
    """One editable list: rename in place, add, move, (de)activate; nothing is deleted.
    Statuses and channels also carry their modifier of a deal's probability (whole percent,
    −100…+100), edited in its own column and saved with the list."""

    def __init__(self, database, kind: str, title: str, parent=None) -> None:
        super().__init__(parent)
        self._database = database
        self.kind = kind
        self._title = title
        self.scored = kind in SCORED
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAllColumnsShowFocus(True)
        headers = [self.tr("Name")]
        if self.scored:
            headers.append(self.tr("Modifier, %"))
            self.delegate = WholeNumberDelegate(
                {MODIFIER: (MODIFIER_MIN, MODIFIER_MAX)}, {MODIFIER}, self.list
            )
            self.list.setItemDelegateForColumn(MODIFIER, self.delegate)
        self.list.setHeaderLabels(headers)
        self.list.setHeaderHidden(not self.scored)  # a lone "Name" says nothing
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        if self.scored:
            width = text_width(header, headers[MODIFIER], "−100") + 32
            header.setSectionResizeMode(MODIFIER, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(MODIFIER, width)
        self.add_button = QPushButton(self.tr("Add"))
        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.add_button.clicked.connect(self._add)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.errors = error_label()
        buttons = QHBoxLayout()
        for button in (self.add_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        if self.scored:
            hint = QLabel(
                self.tr(
                    "Modifier: the percentage points a deal gains (or loses, below zero) in "
                    "probability; see the Deal scoring page."
                )
            )
            hint.setWordWrap(True)
            layout.addWidget(hint)
        self.role_box = None
        if kind == "statuses":
            # Roles decide which orders count as sales, so they are picked, never typed.
            self.role_box = QComboBox()
            labels = {"open": self.tr("Open"), "won": self.tr("Won"), "lost": self.tr("Lost")}
            for role in STATUS_ROLES:
                self.role_box.addItem(labels[role], role)
            self.role_box.setEnabled(False)
            self.list.currentItemChanged.connect(lambda item, _before: self._show_role(item))
            self.role_box.activated.connect(self._set_role)
            role_row = QHBoxLayout()
            role_row.addWidget(QLabel(self.tr("Role of the selected status:")))
            role_row.addWidget(self.role_box)
            role_row.addStretch()
            layout.addLayout(role_row)
        else:
            layout.addWidget(QLabel(self.tr("Unticked entries are no longer offered.")))
        layout.addLayout(buttons)
        layout.addWidget(self.errors)

    def title(self) -> str:
        return self._title

    def count(self) -> int:
        return self.list.topLevelItemCount()

    def item(self, row: int) -> QTreeWidgetItem:
        item = self.list.topLevelItem(row)
        assert item is not None, row  # 0 <= row < count()
        return item

    def load(self) -> None:
        self.list.clear()
        for entry in load_list(self._database, self.kind):
            self.list.addTopLevelItem(self._item(entry))

    def save(self) -> None:
        save_list(self._database, self.kind, self.entries())
        self.load()  # new entries get their ids, so a second OK does not add them again

    def entries(self) -> list[ListEntry]:
        result = []
        for row in range(self.count()):
            item = self.item(row)
            active = self.role_box is not None or item.checkState(NAME) == Qt.CheckState.Checked
            modifier = item.data(MODIFIER, Qt.ItemDataRole.EditRole) if self.scored else None
            result.append(
                ListEntry(
                    item.data(NAME, ID_ROLE),
                    item.text(NAME),
                    active,
                    item.data(NAME, STATUS_ROLE),
                    modifier,
                )
            )
        return result

    def show_problems(self, problems: list[Problem]) -> None:
        lines = [row_text(problem) for problem in problems]
        self.errors.setText("\n".join(lines))
        self.errors.setVisible(bool(lines))
        rows = [p.line for p in problems if p.line is not None]
        if rows and 0 < rows[0] <= self.count():
            self.list.setCurrentItem(self.item(rows[0] - 1))

    def focus_problem(self, problem: Problem) -> None:
        """The cursor on the wrong cell: its row, and the modifier when that is what is wrong."""
        if problem.line is not None and 0 < problem.line <= self.count():
            column = MODIFIER if self.scored and problem.field == "modifier" else NAME
            self.list.setCurrentItem(self.item(problem.line - 1), column)
        self.list.setFocus()

    def _item(self, entry: ListEntry) -> QTreeWidgetItem:
        item = QTreeWidgetItem([entry.name])
        item.setData(NAME, ID_ROLE, entry.id)
        flags = item.flags() | Qt.ItemFlag.ItemIsEditable
        if self.role_box is None:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
            state = Qt.CheckState.Checked if entry.active else Qt.CheckState.Unchecked
            item.setCheckState(NAME, state)
        else:
            item.setData(NAME, STATUS_ROLE, entry.role)
        if self.scored:
            item.setData(MODIFIER, Qt.ItemDataRole.EditRole, int(entry.modifier or 0))
            item.setTextAlignment(MODIFIER, RIGHT)
        item.setFlags(flags)
        return item

    def _add(self) -> None:
        role = "open" if self.role_box is not None else None
        item = self._item(ListEntry(None, "", True, role, 0 if self.scored else None))
        self.list.addTopLevelItem(item)
        self.list.setCurrentItem(item)
        self.list.editItem(item, NAME)

    def _move(self, step: int) -> None:
        current = self.list.currentItem()
        row = -1 if current is None else self.list.indexOfTopLevelItem(current)
        target = row + step
        if row < 0 or not 0 <= target < self.count():
            return
        item = self.list.takeTopLevelItem(row)
        assert item is not None  # the current row
        self.list.insertTopLevelItem(target, item)
        self.list.setCurrentItem(item)

    def _show_role(self, item: QTreeWidgetItem | None) -> None:
        assert self.role_box is not None  # connected for the statuses only
        self.role_box.setEnabled(item is not None)
        if item is not None:
            role = item.data(NAME, STATUS_ROLE)
            self.role_box.setCurrentIndex(max(0, self.role_box.findData(role)))

    def _set_role(self) -> None:
        item = self.list.currentItem()
        assert self.role_box is not None  # connected for the statuses only
        if item is not None:
            item.setData(NAME, STATUS_ROLE, self.role_box.currentData())
