"""A saved order's payments in its editor: the list, paid and balance in words, recording and
deleting a payment, and the day payment is due. Each action is written at once, apart from
the editor's Save (a payment is money received, not a change to the order's form)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from services.contacts import get_contact
from services.errors import LavkaError
from services.orders import get_order
from services.payments import (
    Balance,
    PaymentView,
    delete_payment,
    order_balance,
    order_payments,
    owing_since,
    set_payment_due,
)
from services.storage import Database
from ui.formatting import Formatter
from ui.messages import error_text
from ui.orders.payment_dialog import PaymentDialog, method_name, state_text
from ui.widgets.confirm import Confirm
from ui.widgets.fields import date_edit, error_label, python_date
from ui.widgets.rows import RowsModel
from ui.widgets.style import NEGATIVE, RIGHT
from ui.widgets.tables import MONEY_SAMPLE, fit_columns, read_only_rows

_DISPLAY = Qt.ItemDataRole.DisplayRole
PAYMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class PaymentsModel(RowsModel):
    """An order's payments, oldest first: date, amount, method, note."""

    DATE, AMOUNT, METHOD, NOTE = range(4)

    def __init__(self, formatter: Formatter, parent=None) -> None:
        headers = (self.tr("Date"), self.tr("Amount"), self.tr("Method"), self.tr("Note"))
        super().__init__(formatter, headers, parent)

    def payment(self, row: int) -> PaymentView:
        return self._rows[row]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY):
        if not index.isValid() or not self.checkIndex(index):
            return None
        payment: PaymentView = self._rows[index.row()]
        column = index.column()
        if role == _DISPLAY:
            fmt = self._formatter
            return (
                fmt.date(payment.date),
                fmt.money(payment.amount),
                method_name(payment.method),
                payment.note or "",
            )[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.AMOUNT:
            return int(RIGHT)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NOTE and payment.note:
            return payment.note
        if role == PAYMENT_ID_ROLE:
            return payment.id
        return None


class ConfirmDeletePayment:
    """Deleting a payment (a mistake): sure? (tests monkeypatch `ask`)"""

    @staticmethod
    def ask(parent: QWidget | None, text: str) -> bool:
        title = QCoreApplication.translate("OrderPayments", "Delete payment")
        return Confirm.ask(parent, title, text)


class OrderPayments(QWidget):
    """The Payments tab of a saved order; `changed(order_id)` after anything was written."""

    changed = Signal(int)

    def __init__(
        self,
        database: Database,
        formatter: Formatter,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._database, self._formatter = database, formatter
        self._today = today or dt.date.today()
        self._order_id: int | None = None
        self._by_terms: dt.date | None = None  # the due day the contact's terms give
        self._terms = 0
        self._order_date = self._since = self._today
        self.balance: Balance | None = None
        self.model = PaymentsModel(formatter, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        read_only_rows(self.table)
        payments = PaymentsModel
        methods = [method_name(code) for code in ("cash", "card", "transfer", "other")]
        fit_columns(
            self.table,
            {payments.DATE: "00.00.0000", payments.AMOUNT: MONEY_SAMPLE,
             payments.METHOD: max(methods, key=len) + "  "},
            stretch=payments.NOTE,
        )  # fmt: skip

        self.add_button = QPushButton(self.tr("Payment received…"))
        self.delete_button = QPushButton(self.tr("Delete payment"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch()

        self.paid_label, self.balance_label, self.state_label = QLabel(), QLabel(), QLabel()
        font = self.state_label.font()
        font.setBold(True)
        self.state_label.setFont(font)
        summary = QHBoxLayout()
        for caption, label in (
            (self.tr("Paid:"), self.paid_label),
            (self.tr("Balance:"), self.balance_label),
        ):
            summary.addWidget(QLabel(caption))
            summary.addWidget(label)
            summary.addSpacing(16)
        summary.addWidget(self.state_label)
        summary.addStretch()

        self.due = date_edit(formatter, self._today)
        self.due.setKeyboardTracking(False)  # one write when the typing is done, not per digit
        self.terms_button = QPushButton(self.tr("Use the contact's terms"))
        self.due_hint = QLabel()
        self.due_hint.setWordWrap(True)
        due_row = QHBoxLayout()
        due_row.addWidget(QLabel(self.tr("Payment due:")))
        due_row.addWidget(self.due)
        due_row.addWidget(self.terms_button)
        due_row.addWidget(self.due_hint, 1)
        self.error = error_label()

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addLayout(summary)
        layout.addLayout(due_row)
        layout.addWidget(self.error)

        self.add_button.clicked.connect(self.record_payment)
        self.delete_button.clicked.connect(self.delete_payment)
        self.terms_button.clicked.connect(self.use_terms)
        self.due.dateChanged.connect(self._due_changed)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.setEnabled(False)

    # --- public
    def order_id(self) -> int | None:
        return self._order_id

    def show_order(self, order_id: int | None) -> None:
        """The payments of this saved order (None: a new order, nothing to pay yet)."""
        self._order_id = order_id
        self.error.hide()
        self.setEnabled(order_id is not None)
        if order_id is None:
            self.balance = None
            self.model.set_rows([])
            return
        order = get_order(self._database, order_id, self._today)
        self._terms = get_contact(self._database, order.contact_id).payment_terms_days
        self._by_terms = order.date + dt.timedelta(days=self._terms)
        with self._database.session() as session:
            self._since = dt.date.fromisoformat(owing_since(session))
        self._order_date = order.date
        self.model.set_rows(list(order_payments(self._database, order_id)))
        self._show_balance(order_balance(self._database, order_id))

    def state(self) -> str:
        """The order's state in words ("Partly paid", "Refund due: 300.00 ₽")."""
        return self.state_label.text()

    def record_payment(self) -> bool:
        if self._order_id is None:
            return False
        recorded = PaymentDialog.ask(
            self._database, self._formatter, self._order_id, self, today=self._today
        )
        if recorded is None:
            return False
        self._written()
        return True

    def delete_payment(self) -> bool:
        index = self.table.currentIndex()
        if self._order_id is None or not index.isValid():
            return False
        payment = self.model.payment(index.row())
        question = (
            self.tr("Delete the payment of %1 of %2?")
            .replace("%1", self._formatter.money(payment.amount))
            .replace("%2", self._formatter.date(payment.date))
        )
        if not ConfirmDeletePayment.ask(self, question):
            return False
        try:
            delete_payment(self._database, payment.id)
        except LavkaError as error:
            self._say(error_text(error))
            return False
        self._written()
        return True

    def use_terms(self) -> bool:
        """Back to the order's date plus the contact's payment terms."""
        return self._set_due(None)

    def set_due(self, day: dt.date) -> bool:
        """The order's own due day."""
        return self._set_due(day)

    # --- inside
    def _set_due(self, day: dt.date | None) -> bool:
        if self._order_id is None:
            return False
        try:
            set_payment_due(self._database, self._order_id, day)
        except LavkaError as error:
            self._say(error_text(error))
            return False
        self._written()
        return True

    def _due_changed(self, day: QDate) -> None:
        if self.balance is not None and python_date(day) != self.balance.due:
            self.set_due(python_date(day))

    def _written(self) -> None:
        assert self._order_id is not None
        self.show_order(self._order_id)
        self.changed.emit(self._order_id)

    def _show_balance(self, balance: Balance) -> None:
        self.balance = balance
        fmt = self._formatter
        self.paid_label.setText(fmt.money(balance.paid))
        self.balance_label.setText(fmt.money(balance.owed))
        red = f"color: {NEGATIVE.name()}" if balance.owed < 0 else ""
        self.balance_label.setStyleSheet(red)
        self.state_label.setText(state_text(balance, fmt))
        self.due.blockSignals(True)
        self.due.setDate(QDate(balance.due.year, balance.due.month, balance.due.day))
        self.due.blockSignals(False)
        own = balance.due != self._by_terms
        self.terms_button.setEnabled(own)
        if own:
            hint = self.tr("own date; by the contact's terms: %1").replace(
                "%1", fmt.date(self._by_terms)
            )
        else:
            hint = self.tr("by the contact's terms: the order's date + %n day(s)", "", self._terms)
        overdue = (self._today - balance.due).days
        owing = balance.owed > 0 and not balance.cancelled and self._order_date >= self._since
        if owing and overdue > 0:
            hint += " · " + self.tr("%n day(s) overdue", "", overdue)
        self.due_hint.setText(hint)
        self.due_hint.setStyleSheet(f"color: {NEGATIVE.name()}" if owing and overdue > 0 else "")
        self.add_button.setEnabled(not balance.cancelled)
        self.add_button.setToolTip(
            self.tr("A cancelled order takes no payments.") if balance.cancelled else ""
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(self.table.currentIndex().isValid())

    def _say(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
