"""Settings → Users, on a server's database, for its owner: who else works in it and as what
(a manager or a viewer: services/users.py). Each button acts at once, as a server's users are
no setting that OK saves: a person added can log in straight away."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.roles import MANAGER, VIEWER
from services import users
from services.errors import LavkaError, Problem
from ui.messages import error_text, role_name
from ui.widgets.confirm import Confirm
from ui.widgets.fields import error_label


class NewUserDialog(QDialog):
    """A new user's name, password (typed twice) and role; OK adds them on the server, and
    a refusal is said under the dialog, which stays open with what was typed."""

    def __init__(self, database, parent=None) -> None:
        super().__init__(parent)
        self._database = database
        self.added: users.User | None = None
        self.setWindowTitle(self.tr("New user"))
        self.name = QLineEdit()
        self.name.setPlaceholderText("anna")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.role = QComboBox()
        for role in (MANAGER, VIEWER):
            self.role.addItem(role_name(role), role)
        self.error = error_label()
        explain = QLabel(
            self.tr(
                "The name is what they log in with: small Latin letters, digits and _. "
                "A manager works with contacts, orders, tasks and documents but sees no "
                "cost, profit or purchase price and deletes no card or order; a viewer only "
                "reads."
            )
        )
        explain.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.add)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(explain)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Password again:"), self.again)
        form.addRow(self.tr("Role:"), self.role)
        form.addRow(self.error)
        form.addRow(buttons)

    def add(self) -> None:
        if self.password.text() != self.again.text():
            self._say(self.tr("The two passwords differ; type the same one twice."))
            self.again.setFocus()
            return
        try:
            self.added = users.add_user(
                self._database, self.name.text(), self.password.text(), self.role.currentData()
            )
        except LavkaError as error:
            self._say(error_text(error))
            return
        self.accept()

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


class UsersPage(QWidget):
    """The database's users and their roles, with Add, Change role and Remove."""

    NAME, ROLE = range(2)

    def __init__(self, database, parent=None) -> None:
        super().__init__(parent)
        self._database = database
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.add_button = QPushButton(self.tr("Add…"))
        self.role_button = QPushButton(self.tr("Change role"))
        self.remove_button = QPushButton(self.tr("Remove…"))
        self.add_button.clicked.connect(self.add)
        self.role_button.clicked.connect(self.change_role)
        self.remove_button.clicked.connect(self.remove)
        self.table.itemSelectionChanged.connect(self._enable)
        explain = QLabel(
            self.tr(
                "People who work in this database from their own computers log in to the "
                "server with the name and password given here. You are its owner: you see "
                "and may do everything."
            )
        )
        explain.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.role_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._enable()

    def title(self) -> str:
        return self.tr("Users")

    def load(self) -> None:
        found = users.list_users(self._database)
        self.table.setRowCount(len(found))
        for row, user in enumerate(found):
            name = QTableWidgetItem(user.name)
            name.setData(Qt.ItemDataRole.UserRole, user)
            self.table.setItem(row, self.NAME, name)
            self.table.setItem(row, self.ROLE, QTableWidgetItem(role_name(user.role)))
        self._enable()

    def save(self) -> None:
        """Nothing waits for OK: each button has acted already."""

    def show_problems(self, problems: list[Problem]) -> None:
        """No field of the page is saved on OK, so none is refused then."""

    def focus_problem(self, problem: Problem) -> None:
        self.table.setFocus()

    def selected(self) -> users.User | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), self.NAME)
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def _enable(self) -> None:
        chosen = self.selected() is not None
        self.role_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def add(self) -> None:
        dialog = NewUserDialog(self._database, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.load()

    def change_role(self) -> None:
        user = self.selected()
        if user is None:
            return
        other = VIEWER if user.role == MANAGER else MANAGER
        self._act(lambda: users.change_role(self._database, user.name, other))

    def remove(self) -> None:
        user = self.selected()
        if user is None:
            return
        question = self.tr(
            "Remove %1? They will no longer be able to log in; what they saved stays."
        ).replace("%1", user.name)
        if Confirm.ask(self, self.tr("Remove user"), question):
            self._act(lambda: users.remove_user(self._database, user.name))

    def _act(self, action) -> None:
        try:
            action()
        except LavkaError as error:
            QMessageBox.warning(self, self.tr("Users"), error_text(error))
        self.load()
