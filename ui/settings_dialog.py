"""The Settings dialog: business settings and the editable lists, one page each."""

from __future__ import annotations

import phonenumbers
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models import STATUS_ROLES
from services.errors import Problem, ValidationError
from services.settings_store import (
    ListEntry,
    load_business_settings,
    load_list,
    load_reminder_settings,
    save_business_settings,
    save_list,
    save_reminder_settings,
)
from ui.messages import problem_text

ID_ROLE = Qt.ItemDataRole.UserRole
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1
ERROR_STYLE = "color: #b00020;"


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def _show_by_field(errors: dict[str, QLabel], other: QLabel, problems: list[Problem]) -> None:
    """Each problem under its field (the rest together), in the window's language."""
    for label in [*errors.values(), other]:
        label.clear()
        label.hide()
    for problem in problems:
        label = errors.get(problem.field, other)
        label.setText("\n".join(filter(None, [label.text(), problem_text(problem)])))
        label.show()


class BusinessPage(QWidget):
    """Currency and phone region; like a Picard options page it only loads and saves."""

    def __init__(self, database, parent=None) -> None:
        super().__init__(parent)
        self._database = database
        self.currency_code = QLineEdit()
        self.currency_code.setMaxLength(3)
        self.currency_symbol = QLineEdit()
        self.currency_symbol.setMaxLength(5)
        self.phone_region = QComboBox()
        for code in sorted(phonenumbers.SUPPORTED_REGIONS):
            territory = QLocale.codeToTerritory(code)
            name = QLocale.territoryToString(territory) if territory.value else ""
            self.phone_region.addItem(f"{code} — {name}" if name else code, code)
        self.errors = {
            field: _error_label() for field in ("currency_code", "currency_symbol", "phone_region")
        }
        self.other_errors = _error_label()
        form = QFormLayout(self)
        form.addRow(self.tr("Currency code:"), self.currency_code)
        form.addRow("", self.errors["currency_code"])
        form.addRow(self.tr("Currency symbol:"), self.currency_symbol)
        form.addRow("", self.errors["currency_symbol"])
        form.addRow(self.tr("Phone region:"), self.phone_region)
        form.addRow("", self.errors["phone_region"])
        form.addRow(self.other_errors)

    def title(self) -> str:
        return self.tr("Business")

    def load(self) -> None:
        current = load_business_settings(self._database)
        self.currency_code.setText(current.currency_code)
        self.currency_symbol.setText(current.currency_symbol)
        index = self.phone_region.findData(current.phone_region)
        if index < 0:  # a region this phonenumbers build does not know: show it, let it be fixed
            self.phone_region.addItem(current.phone_region, current.phone_region)
            index = self.phone_region.count() - 1
        self.phone_region.setCurrentIndex(index)

    def save(self) -> None:
        save_business_settings(
            self._database,
            self.currency_code.text(),
            self.currency_symbol.text(),
            self.phone_region.currentData(),
        )

    def show_problems(self, problems: list[Problem]) -> None:
        _show_by_field(self.errors, self.other_errors, problems)


class RemindersPage(QWidget):
    """The numbers behind Today: lifecycle rules and the days until a follow-up."""

    FIELDS = ("default_cadence", "awake_limit", "asleep_limit", "follow_up_days")

    def __init__(self, database, parent=None) -> None:
        super().__init__(parent)
        self._database = database
        self.edits = {field: QLineEdit() for field in self.FIELDS}
        for edit in self.edits.values():
            edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("0000000") + 16)
        self.errors = {field: _error_label() for field in self.FIELDS}
        self.other_errors = _error_label()
        explain = QLabel(
            self.tr(
                "A customer's cadence is the median of the days between their purchases (the "
                "default cadence while they have bought once); r = days since the last purchase "
                "÷ cadence. Past r = 1 they are due to reorder; past the awake limit they have "
                "fallen asleep; past the long-asleep limit they are long asleep."
            )
        )
        explain.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(explain)
        captions = {
            "default_cadence": self.tr("Default cadence, days:"),
            "awake_limit": self.tr("Awake limit (r):"),
            "asleep_limit": self.tr("Long-asleep limit (r):"),
            "follow_up_days": self.tr("Ask how it went, days after delivery:"),
        }
        for field in self.FIELDS:
            form.addRow(captions[field], self.edits[field])
            form.addRow("", self.errors[field])
        form.addRow(self.other_errors)

    def title(self) -> str:
        return self.tr("Reminders")

    def load(self) -> None:
        current = load_reminder_settings(self._database)
        point = QLocale().decimalPoint()
        values = {
            "default_cadence": str(current.rules.default_cadence),
            "awake_limit": str(current.rules.awake_limit).replace(".", point),
            "asleep_limit": str(current.rules.asleep_limit).replace(".", point),
            "follow_up_days": str(current.follow_up_days),
        }
        for field, text in values.items():
            self.edits[field].setText(text)

    def save(self) -> None:
        save_reminder_settings(self._database, *(self.edits[f].text() for f in self.FIELDS))

    def show_problems(self, problems: list[Problem]) -> None:
        _show_by_field(self.errors, self.other_errors, problems)


class ListPage(QWidget):
    """One editable list: rename in place, add, move, (de)activate; nothing is deleted."""

    def __init__(self, database, kind: str, title: str, parent=None) -> None:
        super().__init__(parent)
        self._database = database
        self.kind = kind
        self._title = title
        self.list = QListWidget()
        self.add_button = QPushButton(self.tr("Add"))
        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.add_button.clicked.connect(self._add)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.errors = _error_label()
        buttons = QHBoxLayout()
        for button in (self.add_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        self.role_box = None
        if kind == "statuses":
            # Roles decide which orders count as sales, so they are picked, never typed.
            self.role_box = QComboBox()
            labels = {"open": self.tr("Open"), "won": self.tr("Won"), "lost": self.tr("Lost")}
            for role in STATUS_ROLES:
                self.role_box.addItem(labels[role], role)
            self.role_box.setEnabled(False)
            self.list.currentItemChanged.connect(self._show_role)
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

    def load(self) -> None:
        self.list.clear()
        for entry in load_list(self._database, self.kind):
            self.list.addItem(self._item(entry))

    def save(self) -> None:
        save_list(self._database, self.kind, self.entries())
        self.load()  # new entries get their ids, so a second OK does not add them again

    def entries(self) -> list[ListEntry]:
        result = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            active = self.role_box is not None or item.checkState() == Qt.CheckState.Checked
            result.append(
                ListEntry(item.data(ID_ROLE), item.text(), active, item.data(STATUS_ROLE))
            )
        return result

    def show_problems(self, problems: list[Problem]) -> None:
        lines = []
        for problem in problems:
            if problem.line is None:
                lines.append(problem.message)
            else:
                lines.append(
                    self.tr("Row %1: %2")
                    .replace("%1", str(problem.line), 1)
                    .replace("%2", problem.message, 1)
                )
        self.errors.setText("\n".join(lines))
        self.errors.setVisible(bool(lines))
        rows = [p.line for p in problems if p.line is not None]
        if rows and 0 < rows[0] <= self.list.count():
            self.list.setCurrentRow(rows[0] - 1)

    def _item(self, entry: ListEntry) -> QListWidgetItem:
        item = QListWidgetItem(entry.name)
        item.setData(ID_ROLE, entry.id)
        flags = item.flags() | Qt.ItemFlag.ItemIsEditable
        if self.role_box is None:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
            item.setCheckState(Qt.CheckState.Checked if entry.active else Qt.CheckState.Unchecked)
        else:
            item.setData(STATUS_ROLE, entry.role)
        item.setFlags(flags)
        return item

    def _add(self) -> None:
        item = self._item(ListEntry(None, "", True, "open" if self.role_box is not None else None))
        self.list.addItem(item)
        self.list.setCurrentItem(item)
        self.list.editItem(item)

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def _show_role(self, item: QListWidgetItem | None) -> None:
        self.role_box.setEnabled(item is not None)
        if item is not None:
            self.role_box.setCurrentIndex(max(0, self.role_box.findData(item.data(STATUS_ROLE))))

    def _set_role(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            item.setData(STATUS_ROLE, self.role_box.currentData())


class SettingsDialog(QDialog):
    """OK saves every page in order and stays open while any page is refused; Cancel discards.

    Each page saves in its own transaction: a page that was accepted stays saved even if a
    later page is refused (saving it again on the next OK changes nothing)."""

    def __init__(self, database, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.business = BusinessPage(database)
        self.statuses = ListPage(database, "statuses", self.tr("Order statuses"))
        self.channels = ListPage(database, "channels", self.tr("Channels"))
        self.loss_reasons = ListPage(database, "loss_reasons", self.tr("Loss reasons"))
        self.reminders = RemindersPage(database)
        self.pages = [
            self.business,
            self.statuses,
            self.channels,
            self.loss_reasons,
            self.reminders,
        ]
        self.tabs = QTabWidget()
        for page in self.pages:
            page.load()
            self.tabs.addTab(page, page.title())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save_all)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)

    def save_all(self) -> None:
        refused = []
        for page in self.pages:
            try:
                page.save()
            except ValidationError as error:
                page.show_problems(error.problems)
                refused.append(page)
            else:
                page.show_problems([])
        if refused:
            self.tabs.setCurrentWidget(refused[0])
            return
        self.accept()

    @classmethod
    def ask(cls, database, parent=None) -> bool:
        """Show the dialog; True if the settings were saved."""
        return cls(database, parent).exec() == QDialog.DialogCode.Accepted
