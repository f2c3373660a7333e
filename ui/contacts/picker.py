"""The contact picker: type a name or a phone, pick from the matches, or create a new contact
(the order editor's customer, a task's contact)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLineEdit, QPushButton, QWidget

from services.contacts import get_contact, search_contacts
from services.storage import Database
from ui.contacts.dialogs import NewContactDialog
from ui.formatting import Formatter, contact_label

CONTACT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_MATCHES = 20  # a picker shows a screenful; the search box of Contacts is for browsing


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
        # the QModelIndex overload of activated (PySide6's stub has no SignalInstance[...])
        activated = self.completer.activated[QModelIndex]  # type: ignore[index]  # overload
        activated.connect(self._activated)
        self.new_button.clicked.connect(self.new_contact)

    def contact_id(self) -> int | None:
        return self._contact_id

    def set_contact(self, contact_id: int, name: str, phone: str | None) -> None:
        self.edit.setText(contact_label(name, phone))
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
            item = QStandardItem(contact_label(contact.name, contact.phone))
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
            popup = self.completer.popup()
            assert popup is not None  # a popup-mode completer makes its list when first asked
            popup.hide()

    def _set_id(self, contact_id: int | None) -> None:
        if contact_id != self._contact_id:
            self._contact_id = contact_id
            self.contactChanged.emit(contact_id)
