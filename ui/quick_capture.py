"""Finding or creating a customer fast: quick capture, the contact picker, a new-contact form."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from services.contacts import (
    ContactInput,
    ContactView,
    create_contact,
    find_by_phone,
    get_contact,
    search_contacts,
)
from services.errors import LavkaError, ValidationError
from services.storage import Database
from ui.formatting import Formatter
from ui.messages import error_text

CONTACT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_MATCHES = 20  # a picker shows a screenful; the search box of Contacts is for browsing


def _describe(name: str, phone: str | None) -> str:
    """`Анна Соколова, +7 903 111-22-33`: the name alone is not enough (two Igors)."""
    shown = Formatter.phone(phone)
    return f"{name}, {shown}" if shown else name


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet("color: #c62828")
    label.setWordWrap(True)
    label.hide()
    return label


class ContactPicker(QWidget):
    """Type a name or any form of a phone, pick from the matches; or create a new contact."""

    contactChanged = Signal(object)  # the contact id, or None while nothing is chosen

    def __init__(self, database: Database, formatter: Formatter, parent=None) -> None:
        super().__init__(parent)
        self._database, self._formatter = database, formatter
        self._contact_id: int | None = None
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("Name or phone…"))
        self.matches = QStandardItemModel(self)
        self.completer = QCompleter(self.matches, self)
        # The service already matched name or phone; the completer must not filter again.
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        # Attached, not set on the line edit: we open the popup only after a search.
        self.completer.setWidget(self.edit)
        self.new_button = QPushButton(self.tr("New contact…"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.new_button)
        self.edit.textEdited.connect(self.search)
        self.completer.activated[QModelIndex].connect(self._activated)
        self.new_button.clicked.connect(self.new_contact)

    def contact_id(self) -> int | None:
        return self._contact_id

    def set_contact(self, contact_id: int, name: str, phone: str | None) -> None:
        self.edit.setText(_describe(name, phone))
        self._set_id(contact_id)

    def select_contact(self, contact_id: int) -> None:
        contact = get_contact(self._database, contact_id)
        self.set_contact(contact.id, contact.name, contact.phone)

    def search(self, text: str) -> None:
        """Typing drops the chosen contact and lists who matches the text."""
        self._set_id(None)
        found = search_contacts(self._database, text, limit=_MATCHES) if text.strip() else []
        self.matches.clear()
        for contact in found:
            item = QStandardItem(_describe(contact.name, contact.phone))
            item.setData(contact.id, CONTACT_ID_ROLE)
            self.matches.appendRow(item)
        if found and self.edit.isVisible():
            self.completer.complete()

    def choose(self, row: int) -> None:
        """Pick the row-th match (what a click in the popup does)."""
        self._activated(self.matches.index(row, 0))

    def new_contact(self) -> None:
        contact = NewContactDialog.ask(self._database, self)
        if contact is not None:
            self.set_contact(contact.id, contact.name, contact.phone)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.edit.setText(index.data(Qt.ItemDataRole.DisplayRole))
            self._set_id(index.data(CONTACT_ID_ROLE))
            self.completer.popup().hide()

    def _set_id(self, contact_id: int | None) -> None:
        if contact_id != self._contact_id:
            self._contact_id = contact_id
            self.contactChanged.emit(contact_id)


class NewContactDialog(QDialog):
    """A name and a phone: enough to start an order; the rest waits for the contact card."""

    def __init__(self, database: Database, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New contact"))
        self._database = database
        self.contact: ContactView | None = None
        self.name = QLineEdit()
        self.phone = QLineEdit()
        self.error = _error_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Phone:"), self.phone)
        form.addRow(self.error)
        form.addRow(buttons)

    def accept(self) -> None:
        try:
            self.contact = create_contact(
                self._database, ContactInput(self.name.text(), self.phone.text())
            )
        except ValidationError as error:
            self.error.setText(error_text(error))
            self.error.show()
            return
        super().accept()

    @classmethod
    def ask(cls, database: Database, parent=None) -> ContactView | None:
        dialog = cls(database, parent)
        return dialog.contact if dialog.exec() == QDialog.DialogCode.Accepted else None


class QuickCapture(QDialog):
    """The "a customer just called" flow: type the phone; a known customer is found, a new
    one is created with the name typed next."""

    def __init__(self, database: Database, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("A customer is calling"))
        self._database = database
        self._known: ContactView | None = None
        self._phone_ok = False
        self._contact_id: int | None = None
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("Phone, in any form"))
        self.status = QLabel(self.tr("Type the phone number."))
        self.name = QLineEdit()
        self.name_caption = QLabel(self.tr("Name:"))
        self.error = _error_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Phone:"), self.phone)
        form.addRow(self.status)
        form.addRow(self.name_caption, self.name)
        form.addRow(self.error)
        form.addRow(buttons)
        self.phone.textChanged.connect(self._phone_changed)
        self.name.textChanged.connect(self._update)
        self._update()

    def contact_id(self) -> int | None:
        return self._contact_id

    def known_contact(self) -> ContactView | None:
        return self._known

    def accept(self) -> None:
        if not self.ok_button.isEnabled():
            return
        if self._known is not None:
            self._contact_id = self._known.id
        else:
            try:
                data = ContactInput(self.name.text(), self.phone.text())
                self._contact_id = create_contact(self._database, data).id
            except LavkaError as error:
                self.error.setText(error_text(error))
                self.error.show()
                return
        super().accept()

    @classmethod
    def run(cls, database: Database, parent=None) -> int | None:
        """The chosen or created contact's id; None when the user cancelled."""
        dialog = cls(database, parent)
        return dialog.contact_id() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _phone_changed(self, text: str) -> None:
        self.error.hide()
        try:
            self._known = find_by_phone(self._database, text)
            self._phone_ok = True
        except ValidationError:  # not a whole number yet: keep typing
            self._known, self._phone_ok = None, False
        self._update()

    def _update(self) -> None:
        new = self._phone_ok and self._known is None
        if self._known is not None:
            self.status.setText(self.tr("Known customer: %1").replace("%1", self._known.name))
        elif new:
            self.status.setText(self.tr("New customer: type the name."))
        else:
            self.status.setText(self.tr("Type the phone number."))
        self.name.setVisible(new)
        self.name_caption.setVisible(new)
        self.ok_button.setEnabled(
            self._known is not None or (new and bool(self.name.text().strip()))
        )
