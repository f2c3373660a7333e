"""The order editor: an order's fields and its shipment lines, saved in one transaction; an
open deal without lines yet carries its expected amount, and a saved deal says its score; a
saved order makes its documents (invoice, delivery note, receipt) and lists those issued. Each
line says where its cost came from (typed, or by FIFO from the purchases), and the editor warns
when the lines take more of a product than is available."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import QDate, QSize, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from services import choices
from services.contacts import get_contact
from services.errors import EditConflict, LavkaError, Problem, ValidationError
from services.history import HistoryFilter
from services.orders import OrderInput, OrderView, delete_order, get_order, save_order
from services.products import ProductView, list_products
from services.scoring import SLID, deal_score
from services.stock import StockLevel, stock_levels
from services.storage import Database
from services.values import parse_money
from ui.contacts.picker import ContactPicker
from ui.documents.menu import DocumentsMenu, OrderDocuments, documents_button
from ui.documents.order_list import DocumentsList, StaleNotice
from ui.formatting import EMPTY, Formatter, contact_label, money_text
from ui.history.grid import HistoryList
from ui.messages import error_text, problem_text
from ui.orders.lines import (
    AMOUNT,
    COST,
    DATE,
    MARGIN,
    PRICE,
    PRODUCT,
    PROFIT,
    QUANTITY,
    SOURCE,
    LinesDelegate,
    LinesModel,
)
from ui.orders.loss_reason import LossReasonDialog
from ui.orders.payments import OrderPayments
from ui.orders.questions import DiscardChanges, SaveFirst, confirm_delete_order
from ui.today.task_dialog import TaskDialog
from ui.widgets.conflict import KEEP_MINE, TAKE_THEIRS, ConflictDialog, ConflictRow
from ui.widgets.fields import date_edit, error_label, python_date
from ui.widgets.style import NEGATIVE, RIGHT
from ui.widgets.tables import (
    MONEY_SAMPLE,
    closed_columns,
    fit_columns,
    hide_columns,
    text_width,
)

_DATE_SAMPLE = "00.00.0000 MM"  # the date and its editor's calendar button
_PRODUCT_WIDTH = 200  # a product's name, beside the line's figures


class OrderEditor(QDialog):
    """A new order (order_id None) or an existing one; `saved(order_id)` after a good save."""

    saved = Signal(int)
    deleted = Signal(int)
    taskAdded = Signal(int)
    # A payment recorded or deleted, or the due date changed: written at once, without Save.
    paymentsChanged = Signal(int)
    DOCUMENTS_TAB = 2
    HISTORY_TAB = 3

    def __init__(
        self,
        database: Database,
        formatter: Formatter,
        order_id: int | None = None,
        contact_id: int | None = None,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self._database, self._formatter = database, formatter
        self._order_id, self._today = order_id, today or dt.date.today()
        self._loss: tuple[int | None, str | None] = (None, None)
        # The version of the order as opened (or last saved here): a save from it is refused
        # when someone else has saved the order since (services/orders.py save_order).
        self._version: int | None = None
        self._dirty = self._loading = False
        self._levels: dict[int, StockLevel] = {}  # the stock of the lines' products, as opened
        self._saved_demand: dict[int, int] = {}  # units the saved lines already take, by product
        with database.session() as session:
            self._statuses = choices.statuses(session)
            channels = choices.channels(session)
            self._reasons = choices.loss_reasons(session)
        products = list_products(database)
        self._build(products, channels)
        self._order_date = self.order_date()
        if order_id is not None:
            self._load(order_id)
        else:
            self.setWindowTitle(self.tr("New order"))
            if contact_id is not None:
                self.picker.select_contact(contact_id)
            self.add_line()
        self._dirty = False

    # --- building
    def _build(self, products: list[ProductView], channels) -> None:
        self.date = date_edit(self._formatter, self._today)
        self.picker = ContactPicker(self._database, self._formatter)
        self.status = QComboBox()
        for status in self._statuses:
            self.status.addItem(status.name, status.id)
        self._status_index = 0
        self.channel = QComboBox()
        self.channel.addItem("—", None)
        for channel in channels:
            self.channel.addItem(channel.name, channel.id)
        # What a deal at an early stage is worth while it has no lines (its value in the
        # forecast): typed as money, checked by the service at Save like the lines' prices;
        # greyed while a line has a product, since the amount of the lines counts then.
        self.expected_amount = QLineEdit()
        self.expected_amount.setAlignment(RIGHT)
        self.expected_amount.setMaximumWidth(text_width(self, MONEY_SAMPLE) + 24)
        self.expected_amount.setToolTip(
            self.tr(
                "What the deal is expected to bring while it has no lines; "
                "its value in the forecast"
            )
        )
        self.score = QLabel()  # a saved open order's score, as of today
        self.score.hide()
        expected_row = QHBoxLayout()
        expected_row.addWidget(self.expected_amount, 1)
        expected_row.addSpacing(16)
        expected_row.addWidget(self.score)
        expected_row.addStretch(1)
        self.comment = QPlainTextEdit()
        self.comment.setMaximumHeight(60)
        # who ordered, when the customer is a company: one of its people
        self.person = QComboBox()
        self.person.setToolTip(self.tr("Who placed the order for the company"))
        keys = ("date", "contact", "person", "status", "channel", "expected_amount")
        self.errors = {key: error_label() for key in keys}
        self.form = form = QFormLayout()
        for key, caption, widget in (
            ("date", self.tr("Date:"), self.date),
            ("contact", self.tr("Contact:"), self.picker),
            ("person", self.tr("Ordered by:"), self.person),
            ("status", self.tr("Status:"), self.status),
            ("channel", self.tr("Channel:"), self.channel),
            ("expected_amount", self.tr("Expected amount:"), expected_row),
        ):
            form.addRow(caption, widget)
            form.addRow("", self.errors[key])
        form.addRow(self.tr("Comment:"), self.comment)
        form.setRowVisible(self.person, False)

        self.lines = LinesModel(self._database, self._formatter, products, self)
        self.table = QTableView()
        self.table.setModel(self.lines)
        self.table.setItemDelegate(LinesDelegate(products, self.table))
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setWordWrap(False)
        # figures and headers whole in any language; the product takes the room left
        fit_columns(
            self.table,
            {DATE: _DATE_SAMPLE, QUANTITY: "00 000", PRICE: MONEY_SAMPLE, COST: MONEY_SAMPLE,
             AMOUNT: MONEY_SAMPLE, PROFIT: MONEY_SAMPLE, MARGIN: "-100,0 %",
             SOURCE: text_width(self.table, *self.lines.words.labels_sample()) + 16},
            stretch=PRODUCT,
        )  # fmt: skip
        # a manager or viewer on a server reads no cost (models/roles.py): nor its columns
        self._closed = closed_columns(self._database, (COST, PROFIT, MARGIN, SOURCE))
        hide_columns(self.table, self._closed)
        self.add_button = QPushButton(self.tr("Add line"))
        self.duplicate_button = QPushButton(self.tr("Duplicate line"))
        self.remove_button = QPushButton(self.tr("Remove line"))
        line_buttons = QHBoxLayout()
        for button, slot in (
            (self.add_button, self.add_line),
            (self.duplicate_button, self.duplicate_line),
            (self.remove_button, self.remove_line),
        ):
            button.clicked.connect(slot)
            line_buttons.addWidget(button)
        line_buttons.addStretch()
        self.errors["lines"] = error_label()
        self.errors["general"] = error_label()

        totals = QHBoxLayout()
        self.total_labels: dict[str, QLabel] = {}
        for key, caption in (
            ("amount", self.tr("Amount:")),
            ("cost", self.tr("Cost:")),
            ("profit", self.tr("Profit:")),
            ("margin", self.tr("Margin:")),
        ):
            self.total_labels[key] = QLabel()
            named = QLabel(caption)
            totals.addWidget(named)
            totals.addWidget(self.total_labels[key])
            totals.addSpacing(16)
            for label in (named, self.total_labels[key]):
                label.setVisible(key == "amount" or not self._closed)
        totals.addStretch()

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        # a task about this order ("send the invoice"): once the order has a number
        self.task_button = buttons.addButton(
            self.tr("New task…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.task_button.setEnabled(self._order_id is not None)
        self.task_button.clicked.connect(self.new_task)
        self.delete_button = buttons.addButton(
            self.tr("Delete order…"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.delete_button.setToolTip(
            self.tr("Remove the order with its lines and payments (a lost deal is cancelled)")
        )
        self.delete_button.setEnabled(self._order_id is not None)
        self.delete_button.clicked.connect(self.delete)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        # documents are made from the saved order: a changed one is saved first
        self.documents = OrderDocuments(
            self._database,
            self._formatter,
            self,
            self.order_id,
            ready=self._ready_for_documents,
            today=lambda: self._today,
        )
        self.documents.changed.connect(lambda _id: self._show_documents())
        self.documents_menu = DocumentsMenu(self.documents, self)
        self.documents_button = documents_button(self.documents_menu)
        buttons.addButton(self.documents_button, QDialogButtonBox.ButtonRole.ActionRole)
        # Ctrl+P: the invoice, the document asked for most, ready to print (the menu shows it)
        invoice = self.documents_menu.kind_actions["invoice"]
        invoice.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.addAction(invoice)
        self.document_list = DocumentsList(self._formatter)
        self.document_list.documentActivated.connect(self.documents.open)
        self.stale_notice = StaleNotice()
        self.stale_notice.newVersionAsked.connect(
            lambda kind: self.documents.issue(kind, new_version=True)
        )

        shipments = QWidget()
        shipments_layout = QVBoxLayout(shipments)
        shipments_layout.addWidget(self.table, 1)
        # more taken than there is: said, never refused (wholesale sells ahead of the stock)
        self.stock_warning = QLabel()
        self.stock_warning.setWordWrap(True)
        self.stock_warning.setStyleSheet(f"color: {NEGATIVE.name()}")
        self.stock_warning.hide()
        shipments_layout.addWidget(self.stock_warning)
        shipments_layout.addLayout(line_buttons)
        self.payments = OrderPayments(self._database, self._formatter, self._today)
        self.tabs = QTabWidget()
        self.tabs.addTab(shipments, self.tr("Shipments"))
        self.tabs.addTab(self.payments, self.tr("Payments"))
        self.tabs.addTab(self.document_list, self.tr("Documents"))
        # what was changed on the order, newest first (read when the tab shows)
        self.history = HistoryList(self._database, self._formatter)
        if not self._closed:  # the change log's values are the owner's (models/roles.py)
            self.tabs.addTab(self.history, self.tr("History"))
        self.tabs.setTabEnabled(self.HISTORY_TAB, False)
        self.tabs.setTabEnabled(1, False)  # until the order is saved
        self.tabs.setTabToolTip(1, self.tr("Save the order first: then it can take payments."))
        self.tabs.setTabEnabled(self.DOCUMENTS_TAB, False)
        self.tabs.setTabToolTip(
            self.DOCUMENTS_TAB, self.tr("The documents issued for the order, once it is saved")
        )

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.stale_notice)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.errors["lines"])
        layout.addLayout(totals)
        layout.addWidget(self.errors["general"])
        layout.addWidget(buttons)
        self.resize(self._first_size())

        self.date.dateChanged.connect(self._date_changed)
        self.picker.contactChanged.connect(self._customer_changed)
        self.person.currentIndexChanged.connect(self._changed)
        self.status.currentIndexChanged.connect(self._status_changed)
        self.channel.currentIndexChanged.connect(self._changed)
        self.expected_amount.textChanged.connect(self._changed)
        self.comment.textChanged.connect(self._changed)
        for signal in (self.lines.dataChanged, self.lines.rowsInserted, self.lines.rowsRemoved):
            signal.connect(self._lines_changed)
        self.lines.modelReset.connect(self._lines_changed)
        self.payments.changed.connect(self._payments_changed)
        self._lines_changed()

    def _load(self, order_id: int) -> None:
        self._show_order(get_order(self._database, order_id, self._today))

    def _show_order(self, view: OrderView) -> None:
        """The saved order in the form, as it is now: what was typed is replaced."""
        self._loading = True
        self._version = view.version
        self.setWindowTitle(self.tr("Order No. %1").replace("%1", str(view.id)))
        self.date.setDate(QDate(view.date.year, view.date.month, view.date.day))
        self._order_date = view.date
        self.picker.set_contact(view.contact_id, view.contact_name, view.contact_phone)
        if view.person_id is not None and self.person.findData(view.person_id) < 0:
            self.person.addItem(view.person_name or "", view.person_id)  # not at it any more
        self.person.setCurrentIndex(max(self.person.findData(view.person_id), 0))
        self.status.setCurrentIndex(max(self.status.findData(view.status_id), 0))
        self._status_index = self.status.currentIndex()
        if view.channel_id is not None and self.channel.findData(view.channel_id) < 0:
            self.channel.addItem(view.channel or "", view.channel_id)  # an archived channel
        self.channel.setCurrentIndex(max(self.channel.findData(view.channel_id), 0))
        self.comment.setPlainText(view.comment or "")
        expected = view.expected_amount
        self.expected_amount.setText(
            "" if expected is None else money_text(expected, self._formatter)
        )
        self._show_score(view.id)
        self._loss = (view.loss_reason_id, view.loss_note)
        self.lines.set_lost(self._status().is_lost)
        self.lines.load(view.lines)
        self._levels = {}
        # the saved lines are counted in the stock already: they take their units again
        self._saved_demand = self.lines.stock_demand()
        self._check_stock()
        self.payments.show_order(view.id)
        self.tabs.setTabEnabled(1, True)
        self.tabs.setTabToolTip(1, "")
        self._show_payment_state()
        self.tabs.setTabEnabled(self.DOCUMENTS_TAB, True)
        self._show_documents()
        self.tabs.setTabEnabled(self.HISTORY_TAB, True)
        self.history.set_filter(HistoryFilter(order_id=view.id))
        self._loading = False

    def refresh_history(self) -> None:
        """The History tab read again (a change was undone in the main window)."""
        self.history.refresh()

    # --- reading the form
    def order_id(self) -> int | None:
        return self._order_id

    def order_date(self) -> dt.date:
        return python_date(self.date.date())

    def is_dirty(self) -> bool:
        return self._dirty

    def order_input(self) -> OrderInput:
        reason_id, note = self._loss if self._status().is_lost else (None, None)
        return OrderInput(
            contact_id=self.picker.contact_id(),
            date=self.order_date(),
            status_id=self.status.currentData(),
            channel_id=self.channel.currentData(),
            comment=self.comment.toPlainText(),
            loss_reason_id=reason_id,
            loss_note=note,
            lines=self.lines.line_inputs(),
            expected_amount=self.expected_amount.text().strip() or None,
            person_id=self.person.currentData() if self.person.count() else None,
            version=self._version,
        )

    # --- slots
    def add_line(self) -> None:
        row = self.lines.add_line(self.order_date())
        self.table.setCurrentIndex(self.lines.index(row, PRODUCT))

    def duplicate_line(self) -> None:
        current = self.table.currentIndex()
        if current.isValid():
            row = self.lines.duplicate_line(current.row())
            self.table.setCurrentIndex(self.lines.index(row, current.column()))

    def remove_line(self) -> None:
        current = self.table.currentIndex()
        if current.isValid():
            self.lines.remove_line(current.row())

    def save(self) -> None:
        """Build the order from the form and save it in one transaction, or show why not;
        closes the editor when saved."""
        if self._write():
            self.accept()

    def _write(self) -> bool:
        """Save the order as the form has it (`saved` told); False, with the problems
        shown, when refused."""
        self._clear_errors()
        if self.expected_amount.text().strip():
            # A lead with its expected amount: the empty line a new order starts with (or
            # one added and left untouched) is no line, not a line missing its product.
            self.lines.remove_blank_lines()
        if self.lines.has_errors() or self.lines.missing_products():
            self.lines.show_problems(self.lines.missing_products())
            self.errors["lines"].setText(self.tr("Fix the marked cells first."))
            self.errors["lines"].show()
            return False
        data = self.order_input()
        while True:
            try:
                view = save_order(self._database, data, self._order_id, self._today)
            except EditConflict as conflict:
                answer = self._ask_conflict(conflict.theirs)
                if answer == KEEP_MINE:  # over theirs: from the version saved now
                    data = replace(data, version=conflict.theirs.version)
                    continue
                if answer == TAKE_THEIRS:
                    self._show_order(conflict.theirs)
                    self._dirty = False
                else:  # back to editing: a later Save asks again
                    self._show_error("general", error_text(conflict))
                return False
            except ValidationError as error:
                self._show_problems(error.problems)
                return False
            except LavkaError as error:
                self._show_error("general", error_text(error))
                return False
            break
        self._order_id, self._dirty, self._version = view.id, False, view.version
        self.saved.emit(view.id)
        return True

    def _ask_conflict(self, theirs: OrderView) -> str | None:
        """Someone else saved the order since it was opened here: both, field by field."""
        name = self.tr("No. %1").replace("%1", str(theirs.id))
        return ConflictDialog.ask(self, "order", name, self.conflict_rows(theirs))

    def conflict_rows(self, theirs: OrderView) -> list[ConflictRow]:
        """The order's fields as saved by someone else and as the form has them, each as the
        editor shows it; the lines summed up (their number and amount), not line by line."""
        fmt = self._formatter
        rows = [
            ConflictRow(self.tr("Date"), fmt.date(theirs.date), fmt.date(self.order_date())),
            ConflictRow(
                self.tr("Contact"),
                contact_label(theirs.contact_name, theirs.contact_phone),
                self.picker.edit.text(),
                theirs.contact_id != self.picker.contact_id(),
            ),
        ]
        person = self.person.currentData() if self.person.count() else None
        if theirs.person_id is not None or person is not None:
            rows.append(
                ConflictRow(
                    self.tr("Ordered by"),
                    theirs.person_name or EMPTY,
                    self.person.currentText() if person is not None else EMPTY,
                    theirs.person_id != person,
                )
            )
        rows.append(
            ConflictRow(
                self.tr("Status"),
                theirs.status,
                self.status.currentText(),
                theirs.status_id != self.status.currentData(),
            )
        )
        lost = self._status().is_lost
        if theirs.status_role == "lost" or lost:
            reason_id, note = self._loss if lost else (None, None)
            reason = next((r.name for r in self._reasons if r.id == reason_id), None)
            rows.append(
                ConflictRow(
                    self.tr("Loss reason"),
                    _joined(theirs.loss_reason, theirs.loss_note),
                    _joined(reason, note),
                )
            )
        rows.append(
            ConflictRow(
                self.tr("Channel"),
                theirs.channel or EMPTY,
                self.channel.currentText() if self.channel.currentData() is not None else EMPTY,
                theirs.channel_id != self.channel.currentData(),
            )
        )
        typed = self.expected_amount.text().strip()
        if theirs.expected_amount is not None or typed:
            rows.append(
                ConflictRow(
                    self.tr("Expected amount"),
                    fmt.money(theirs.expected_amount),
                    self._typed_money(typed),
                )
            )
        rows.append(
            ConflictRow(
                self.tr("Comment"),
                (theirs.comment or "").strip() or EMPTY,
                self.comment.toPlainText().strip() or EMPTY,
            )
        )
        theirs_lines = [
            (line.id, line.product_id, line.date, line.figures.amount, line.figures.cost)
            for line in theirs.lines
        ]
        mine = self.lines.compared()
        rows.append(
            ConflictRow(
                self.tr("Lines"),
                self._lines_text(len(theirs.lines), theirs.figures.amount),
                self._lines_text(len(mine), self.lines.totals().amount),
                theirs_lines != mine,
            )
        )
        return rows

    def _lines_text(self, count: int, amount: Decimal) -> str:
        """`lines: 3, 12 500,00 ₽`"""
        fmt = self._formatter
        text = self.tr("lines: %1, %2")
        return text.replace("%1", fmt.integer(count)).replace("%2", fmt.money(amount))

    def _typed_money(self, typed: str) -> str:
        """A sum as typed, shown as money when it is one (as it is as text otherwise)."""
        if not typed:
            return EMPTY
        try:
            return self._formatter.money(parse_money(typed, "expected_amount", "Expected amount"))
        except ValidationError:
            return typed

    def _ready_for_documents(self) -> int | None:
        """The saved order to make a document of: a new or changed one is saved first (after
        asking), and the editor stays open on it. None when not saved."""
        if self._order_id is not None and not self._dirty:
            return self._order_id
        if not SaveFirst.ask(self) or not self._write():
            return None
        assert self._order_id is not None  # _write() saved it
        self._load(self._order_id)  # the lines as saved, with their ids, for the next save
        self._dirty = False
        self.task_button.setEnabled(True)
        self.delete_button.setEnabled(True)
        return self._order_id

    def _show_documents(self) -> None:
        """The documents issued for the order, and a warning for each it has outgrown."""
        records = self.documents.records()
        self.document_list.show_records(records)
        self.stale_notice.show_records(records)

    def delete(self) -> bool:
        """Remove the saved order, after asking; closes the editor. True when deleted."""
        if self._order_id is None:
            return False
        if not confirm_delete_order(self, self._order_id):
            return False
        try:
            delete_order(self._database, self._order_id)
        except LavkaError as error:
            self._show_error("general", error_text(error))
            return False
        self._dirty = False
        self.deleted.emit(self._order_id)
        self.accept()
        return True

    def reject(self) -> None:
        if self._dirty and not DiscardChanges.ask(self):
            return
        super().reject()

    def new_task(self) -> bool:
        """A task about this (saved) order, due today; the order's contact comes with it."""
        if self._order_id is None:
            return False
        task = TaskDialog.ask(
            self._database, self._formatter, self, order_id=self._order_id, due=self._today
        )
        if task is None:
            return False
        self.taskAdded.emit(task.id)
        return True

    def _show_score(self, order_id: int) -> None:
        """A saved open order's probability, value and class (as saved, for today)."""
        score = deal_score(self._database, order_id, self._today)
        self.score.setVisible(score is not None)
        if score is None:
            return
        fmt = self._formatter
        text = self.tr("Deal: %1 · %2 · class %3")
        for marker, part in (
            ("%1", fmt.percent_points(score.probability)),
            ("%2", fmt.money(score.value)),
            ("%3", score.klass),
        ):
            text = text.replace(marker, part)
        self.score.setText(text)
        tip = self.tr(
            "The deal's probability, value (probability × amount) and class today, "
            "as the order was saved"
        )
        if score.klass == SLID:
            tip += "\n" + self.tr("Slid down: the deal had class A or B")
        self.score.setToolTip(tip)

    def _payments_changed(self, order_id: int) -> None:
        self._show_payment_state()
        self.paymentsChanged.emit(order_id)

    def _show_payment_state(self) -> None:
        """The tab says where the order stands without being opened."""
        state = self.payments.state()
        self.tabs.setTabText(1, self.tr("Payments · %1").replace("%1", state))

    def _status_changed(self, index: int) -> None:
        if self._loading:
            return
        if self._status().is_lost:
            answer = LossReasonDialog.ask(self, self._reasons)
            if answer is None:
                self.status.blockSignals(True)
                self.status.setCurrentIndex(self._status_index)
                self.status.blockSignals(False)
                return
            self._loss = answer
        self._status_index = index
        self.lines.set_lost(self._status().is_lost)
        self._check_stock()
        self._changed()

    def _date_changed(self) -> None:
        new = self.order_date()
        if not self._loading:
            self.lines.move_dates(self._order_date, new)
        self._order_date = new
        self._changed()

    def _lines_changed(self) -> None:
        totals, fmt = self.lines.totals(), self._formatter
        self.total_labels["amount"].setText(fmt.money(totals.amount))
        self.total_labels["cost"].setText(fmt.money(totals.cost))
        self.total_labels["profit"].setText(fmt.money(totals.profit))
        self.total_labels["margin"].setText(fmt.percent(totals.margin))
        red = f"color: {NEGATIVE.name()}" if totals.profit < 0 else ""
        self.total_labels["profit"].setStyleSheet(red)
        if not self.lines.has_errors():
            self.errors["lines"].hide()
        self.expected_amount.setEnabled(not self.lines.has_products())
        self._check_stock()
        self._changed()

    def _check_stock(self) -> None:
        """Say which products the lines take more of than is available (never refused: the
        units beyond are costed at the last purchase until stock arrives)."""
        demand = self.lines.stock_demand()
        missing = [product_id for product_id in demand if product_id not in self._levels]
        if missing:
            try:
                levels = stock_levels(self._database, self._today, missing)
            except LavkaError:
                levels = []
            self._levels.update({level.product_id: level for level in levels})
        fmt, said = self._formatter, []
        for product_id, wanted in demand.items():
            level = self._levels.get(product_id)
            if level is None or level.available is None:
                continue  # not tracked: nothing to say
            have = level.available + self._saved_demand.get(product_id, 0)
            if wanted <= have:
                continue
            purchased = self.lines.tracking(product_id).purchased
            if have > 0 and purchased:
                text = self.tr(
                    "Only %1 of %2 available, %3 in this order: the units beyond the stock "
                    "are costed at the last purchase until stock arrives."
                )
            elif have > 0:
                text = self.tr("Only %1 of %2 available, %3 in this order.")
            elif purchased:
                text = self.tr(
                    "%2 is out of stock, %3 in this order: the line is costed at the last "
                    "purchase until stock arrives."
                )
            else:
                text = self.tr("%2 is out of stock, %3 in this order.")
            for marker, part in (
                ("%1", fmt.integer(have)),
                ("%2", level.name),
                ("%3", fmt.integer(wanted)),
            ):
                text = text.replace(marker, part)
            said.append(text)
        self.stock_warning.setText("\n".join(said))
        self.stock_warning.setVisible(bool(said))

    def _changed(self) -> None:
        if not self._loading:
            self._dirty = True

    def _customer_changed(self, contact_id: int | None) -> None:
        """A company as the customer offers its people as who ordered; a person who works
        at a company makes the company the customer and stays as who ordered."""
        self._changed()
        self.person.clear()
        contact = get_contact(self._database, contact_id) if contact_id is not None else None
        if contact is not None and contact.company_id is not None and not self._loading:
            self.picker.select_contact(contact.company_id)  # comes back here for the company
            self.person.setCurrentIndex(max(self.person.findData(contact.id), 0))
            return
        if contact is not None and contact.is_company:
            self.person.addItem(EMPTY, None)
            for person in contact.people:
                self.person.addItem(person.name, person.id)
        self.form.setRowVisible(self.person, self.person.count() > 0)

    # --- problems
    def _status(self) -> choices.StatusView:
        return self._statuses[max(self.status.currentIndex(), 0)]

    def _clear_errors(self) -> None:
        for label in self.errors.values():
            label.hide()

    def _show_problems(self, problems: list[Problem]) -> None:
        self.lines.show_problems([p for p in problems if p.line is not None])
        for problem in problems:
            if problem.line is not None:
                self._show_error("lines", self.tr("Fix the marked cells first."))
            else:
                key = {"loss_reason": "status"}.get(problem.field, problem.field)
                self._show_error(key if key in self.errors else "general", problem_text(problem))

    def _first_size(self) -> QSize:
        """Wide enough for every line's figures beside a product's name, on a screen that
        has the room (1280×720 has)."""
        header = self.table.horizontalHeader()
        figures = sum(header.sectionSize(c) for c in range(header.count()) if c != PRODUCT)
        wanted = QSize(max(860, figures + _PRODUCT_WIDTH + 80), 560)
        screen = self.screen()
        if screen is None:
            return wanted
        return wanted.boundedTo(screen.availableGeometry().size() - QSize(40, 80))

    def _show_error(self, key: str, message: str) -> None:
        label = self.errors[key]
        label.setText(f"{label.text()}\n{message}" if label.isVisibleTo(self) else message)
        label.show()


def _joined(*parts: str | None) -> str:
    """`Дорого · нашли дешевле`: what there is of a loss reason and its note."""
    return " · ".join(part for part in parts if part) or EMPTY
