"""Who goods were bought from: a contact picked (companies listed, every contact found by
typing, companies first) or a supplier's name typed as text."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter

from models import fold
from services.contacts import list_companies, search_contacts
from services.storage import Database

CONTACT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2  # the contact's name alone, without its company
_MATCHES = 20  # a screenful of matches
_LEAST_TYPED = 2  # letters before the contacts are searched


class SupplierBox(QComboBox):
    """An editable combo: its list is the companies; typing lists the contacts that match
    (companies first) to pick from; any other text is the supplier's name as typed."""

    supplierChanged = Signal()  # picked or typed

    def __init__(self, database: Database, parent=None) -> None:
        super().__init__(parent)
        self._database = database
        self._chosen: tuple[int, str] | None = None  # a contact picked from the matches
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # the combo's own completion would fight the search below (Qt takes None: no completer)
        self.setCompleter(None)  # type: ignore[arg-type]  # PySide6's stub leaves None out
        edit = self.lineEdit()
        assert edit is not None  # an editable combo box has its line edit
        edit.setPlaceholderText(self.tr("A company from the list, or a name…"))
        self.addItem("", None)
        for company_id, name in list_companies(database):
            self.addItem(name, company_id)
        self.matches = QStandardItemModel(self)
        self.search_completer = QCompleter(self.matches, self)
        # the service already matched the text; the completer must not filter again
        self.search_completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.search_completer.setWidget(edit)  # opened only after a search
        # the QModelIndex overload of activated (PySide6's stub has no SignalInstance[...])
        activated = self.search_completer.activated[QModelIndex]  # type: ignore[index]  # overload
        activated.connect(self._activated)
        edit.textEdited.connect(self.search)
        self.editTextChanged.connect(lambda _text: self.supplierChanged.emit())

    def supplier_id(self) -> int | None:
        """The contact the text names: one picked from the matches, or a company of the
        list written as it is (any case); None for a name typed as text."""
        text = fold(self.currentText().strip())
        if not text:
            return None
        if self._chosen is not None and fold(self._chosen[1]) == text:
            return self._chosen[0]
        found = self.findText(self.currentText().strip(), Qt.MatchFlag.MatchFixedString)
        return self.itemData(found) if found > 0 else None

    def supplier_name(self) -> str | None:
        return self.currentText().strip() or None

    def set_supplier(self, contact_id: int | None, name: str | None) -> None:
        """A saved purchase's supplier: a contact (in the list or not), or a typed name."""
        found = self.findData(contact_id) if contact_id is not None else -1
        if found > 0:
            self.setCurrentIndex(found)
            self.setEditText(self.itemText(found))
            return
        if contact_id is not None:
            self._chosen = (contact_id, name or "")
        self.setEditText(name or "")

    def search(self, text: str) -> None:
        """The contacts whose name, phone… match the text, companies first."""
        self.matches.clear()
        if len(text.strip()) < _LEAST_TYPED:
            self._hide_matches()
            return
        found = search_contacts(self._database, text, limit=_MATCHES)
        for contact in sorted(found, key=lambda c: not c.is_company):  # stable: by name after
            label = contact.name if not contact.company else f"{contact.name} ({contact.company})"
            item = QStandardItem(label)
            item.setData(contact.id, CONTACT_ID_ROLE)
            item.setData(contact.name, NAME_ROLE)
            self.matches.appendRow(item)
        if found and self.isVisible():
            self.search_completer.complete()

    def choose(self, row: int) -> None:
        """Pick the row-th match (what a click in the popup does)."""
        self._activated(self.matches.index(row, 0))

    def _activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        name = index.data(NAME_ROLE) or index.data()
        self._chosen = (index.data(CONTACT_ID_ROLE), name)
        self.setEditText(name)
        self._hide_matches()

    def _hide_matches(self) -> None:
        popup = self.search_completer.popup()
        assert popup is not None  # a popup-mode completer makes its list when first asked
        popup.hide()
