"""Making a contact fast: the new-contact form (from a picker), and "a customer is calling"
(quick capture: a known customer found by phone, a new one created with a name)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from services.contacts import ContactInput, ContactView, create_contact, find_by_phone
from services.errors import LavkaError, ValidationError
from services.storage import Database
from ui.messages import error_text
from ui.widgets.fields import error_label


class NewContactDialog(QDialog):
    """A name and a phone: enough to start an order; the rest waits for the contact card."""

    def __init__(self, database: Database, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New contact"))
        self._database = database
        self.contact: ContactView | None = None
        self.name = QLineEdit()
        self.phone = QLineEdit()
        self.error = error_label()
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
        self.error = error_label()
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
