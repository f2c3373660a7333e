"""The "Documents ▾" menu of an order, the same in the order editor, the orders grid and the
card's orders: Invoice, Delivery note, Sales receipt, then the documents the order has."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QToolButton, QWidget, QWidgetAction

from services.documents.content import DOCUMENT_KINDS
from services.documents.issue import (
    DocumentRecord,
    IssuedDocument,
    issue_document,
    open_document,
    order_documents,
)
from services.errors import LavkaError, ValidationError
from services.settings_store import load_business_settings
from services.storage import Database
from ui.documents.dialog import DocumentDialog
from ui.documents.names import document_title, kind_name, needs_new_version, state_text
from ui.formatting import Formatter
from ui.messages import error_text
from ui.settings_dialog.dialog import SettingsDialog
from ui.widgets.busy import wait_cursor

_LISTED = 10  # the order's newest documents the menu lists; the editor's tab lists them all


class DocumentRefused:
    """A document that could not be made, with the reason (tests patch `show`). With
    `settings` the box offers to open Settings → Business: True when asked to."""

    @staticmethod
    def show(parent: QWidget | None, text: str, settings: bool = False) -> bool:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("OrderDocuments", "No document made"))
        box.setText(text)
        open_settings = None
        if settings:
            open_settings = box.addButton(
                QCoreApplication.translate("OrderDocuments", "Open Settings…"),
                QMessageBox.ButtonRole.AcceptRole,
            )
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        return open_settings is not None and box.clickedButton() is open_settings


class SellerSettings:
    """Settings, open on its Business page (tests patch `ask`): True when saved."""

    @staticmethod
    def ask(database: Database, parent: QWidget | None, formatter: Formatter) -> bool:
        dialog = SettingsDialog(database, parent, formatter)
        dialog.tabs.setCurrentWidget(dialog.business)
        return dialog.exec() == SettingsDialog.DialogCode.Accepted


class OrderDocuments(QObject):
    """An order's documents, for whichever order `order_id()` names: issue one of a kind
    (or take the one issued) or re-open an issued one, then show it in its dialog; a refusal
    is said with its reason.

    `ready()`, when given, is asked just before a document is issued and gives the order to
    issue it from, or None to stop (the editor saves its changes first)."""

    changed = Signal(int)  # an order got a new document (a new number was taken)

    def __init__(
        self,
        database: Database,
        formatter: Formatter,
        parent: QWidget,
        order_id: Callable[[], int | None],
        *,
        ready: Callable[[], int | None] | None = None,
        today: Callable[[], dt.date] | None = None,
    ) -> None:
        super().__init__(parent)
        self._database, self.formatter, self._widget = database, formatter, parent
        self.order_id = order_id
        self._ready = ready
        self._today = today or dt.date.today

    def can_issue(self) -> bool:
        """An order to make a document of: a saved one, or one that will be saved first."""
        return self._ready is not None or self.order_id() is not None

    def records(self) -> list[DocumentRecord]:
        """The documents issued for the order, newest first (none while it has no number)."""
        order_id = self.order_id()
        if order_id is None:
            return []
        try:
            return order_documents(self._database, order_id)
        except LavkaError:
            return []  # the order is gone (deleted elsewhere): nothing to list

    def issue(self, kind: str, new_version: bool = False) -> IssuedDocument | None:
        """The order's document of `kind` (issued now, or the one issued before), shown in
        its dialog; the document shown last, or None when none was made."""
        order_id = self._ready() if self._ready is not None else self.order_id()
        if order_id is None:
            return None
        issued = self._issued(order_id, kind, new_version)
        if issued is None:
            return None
        if issued.new:
            self.changed.emit(order_id)
        return self.show(issued)

    def open(self, document_id: int) -> IssuedDocument | None:
        """An issued document, re-opened in its dialog as it was issued."""
        try:
            issued = open_document(self._database, document_id)
        except LavkaError as error:
            DocumentRefused.show(self._widget, error_text(error))
            return None
        return self.show(issued)

    def show(self, issued: IssuedDocument) -> IssuedDocument:
        shown = DocumentDialog.show_for(
            self._database,
            self.formatter,
            issued,
            self._widget,
            today=self._today(),
            ready=self._ready,
        )
        if shown.record.id != issued.record.id and shown.record.order_id is not None:
            self.changed.emit(shown.record.order_id)  # a new version was issued
        return shown

    def _issued(self, order_id: int, kind: str, new_version: bool) -> IssuedDocument | None:
        """The document from the service; a refusal said (no seller: Settings offered, and
        after the seller is entered, a second try)."""
        for attempt in range(2):
            try:
                with wait_cursor():
                    return issue_document(
                        self._database, order_id, kind, self._today(), new_version=new_version
                    )
            except ValidationError as error:
                no_seller = any(p.code == "document.no_seller" for p in error.problems)
                settings = DocumentRefused.show(self._widget, error_text(error), no_seller)
                if not (settings and attempt == 0 and self._enter_seller()):
                    return None
            except LavkaError as error:
                DocumentRefused.show(self._widget, error_text(error))
                return None
        return None

    def _enter_seller(self) -> bool:
        if not SellerSettings.ask(self._database, self._widget, self.formatter):
            return False
        # every section shares this formatter: a new currency symbol shows at once
        self.formatter.symbol = load_business_settings(self._database).currency_symbol
        return True


class DocumentsMenu(QMenu):
    """Invoice…, Delivery note…, Sales receipt…; then the order's newest documents, each
    re-opened as issued. Read again each time it opens, for the order chosen then."""

    def __init__(self, documents: OrderDocuments, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.documents = documents
        self.setTitle(self.tr("Documents"))
        self.kind_actions: dict[str, QAction] = {}
        for kind in DOCUMENT_KINDS:
            action = self.addAction(kind_name(kind) + "…")
            action.triggered.connect(lambda _=False, k=kind: self.documents.issue(k))
            self.kind_actions[kind] = action
        self.kind_actions["invoice"].setToolTip(self.tr("Make the invoice for payment"))
        self.listed: list[QAction] = []
        self.aboutToShow.connect(self.refresh)

    def refresh(self) -> None:
        """The kinds enabled when there is an order; its documents listed below them."""
        for action in self.listed:
            self.removeAction(action)
            action.deleteLater()
        self.listed = []
        for action in self.kind_actions.values():
            action.setEnabled(self.documents.can_issue())
        records = self.documents.records()
        if records:
            self.listed.append(self.addSeparator())
        fmt = self.documents.formatter
        for record in records[:_LISTED]:
            text = document_title(record.kind, record.number, fmt.date(record.date))
            if record.superseded or needs_new_version(record):
                text = f"{text} — {state_text(record)}"
            action = self.addAction(text)
            action.triggered.connect(lambda _=False, i=record.id: self.documents.open(i))
            self.listed.append(action)


def documents_button(menu: DocumentsMenu, parent: QWidget | None = None) -> QToolButton:
    """ "Documents ▾": a button whose click opens the menu."""
    button = QToolButton(parent)
    # the arrow in the text, where the eye reads it (the style's own is a corner speck)
    button.setText(QCoreApplication.translate("OrderDocuments", "Documents") + " ▾")
    button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    button.setMenu(menu)
    button.setToolTip(
        QCoreApplication.translate(
            "OrderDocuments", "Invoice, delivery note or sales receipt of the order"
        )
    )
    return button


class DocumentsToolAction(QWidgetAction):
    """The "Documents ▾" button for a toolbar (each toolbar gets its own button)."""

    def __init__(self, menu: DocumentsMenu, parent: QObject) -> None:
        super().__init__(parent)
        self.menu_ = menu
        self.setText(QCoreApplication.translate("OrderDocuments", "Documents"))

    def createWidget(self, parent: QWidget) -> QWidget:
        button = documents_button(self.menu_, parent)
        # Qt follows the action's later changes, not the state it has when the button is made
        button.setEnabled(self.isEnabled())
        return button
