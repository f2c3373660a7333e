"""Recording money received for an order: amount (the balance by default), day, method, note."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from models import PAYMENT_METHODS
from services.errors import LavkaError, ValidationError
from services.orders import get_order
from services.payments import Balance, Recorded, order_balance, parse_payment_amount, record_payment
from services.storage import Database
from ui.formatting import Formatter, money_text
from ui.messages import QT_TRANSLATE_NOOP, error_text, problem_text
from ui.widgets.fields import date_edit, error_label, python_date, with_error
from ui.widgets.style import WARNING

_CONTEXT = "PaymentDialog"
# A payment method's word, by its stored code (PAYMENT_METHODS)
_METHODS = {
    "cash": QT_TRANSLATE_NOOP("PaymentDialog", "Cash"),
    "card": QT_TRANSLATE_NOOP("PaymentDialog", "Card"),
    "transfer": QT_TRANSLATE_NOOP("PaymentDialog", "Bank transfer"),
    "other": QT_TRANSLATE_NOOP("PaymentDialog", "Other"),
}
_STATES = {
    "unpaid": QT_TRANSLATE_NOOP("PaymentDialog", "Unpaid"),
    "partly_paid": QT_TRANSLATE_NOOP("PaymentDialog", "Partly paid"),
    "paid": QT_TRANSLATE_NOOP("PaymentDialog", "Paid"),
    "overpaid": QT_TRANSLATE_NOOP("PaymentDialog", "Overpaid"),
}
FIELDS = ("amount", "date", "method", "note", "general")


def method_name(code: str) -> str:
    """`Cash`, `Card`, `Bank transfer`, `Other` in the interface language."""
    return QCoreApplication.translate(_CONTEXT, _METHODS.get(code, code))


def state_text(balance: Balance, formatter: Formatter) -> str:
    """Where an order stands, in words: a cancelled order's payments are a refund due."""
    if balance.cancelled:
        if balance.refund > 0:
            text = QCoreApplication.translate("PaymentDialog", "Refund due: %1")
            return text.replace("%1", formatter.money(balance.refund))
        return QCoreApplication.translate("PaymentDialog", "Cancelled: nothing due")
    return QCoreApplication.translate(_CONTEXT, _STATES[balance.state])


class PaymentDialog(QDialog):
    """OK records the payment in one transaction; a refusal is said under its field and the
    dialog stays open with what was typed. An overpayment is allowed, with a warning."""

    def __init__(
        self,
        database: Database,
        formatter: Formatter,
        order_id: int,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self._database, self._formatter, self._order_id = database, formatter, order_id
        self._today = today or dt.date.today()
        self.recorded: Recorded | None = None
        order = get_order(database, order_id, self._today)
        self.balance = order_balance(database, order_id)
        fmt = formatter
        self.setWindowTitle(self.tr("Payment for order No. %1").replace("%1", str(order_id)))

        self.order_label = QLabel(
            self.tr("No. %1 · %2").replace("%1", str(order_id)).replace("%2", order.contact_name)
        )
        self.amount_label = QLabel(fmt.money(self.balance.amount))
        self.paid_label = QLabel(fmt.money(self.balance.paid))
        self.balance_label = QLabel(self._balance_text())
        self.amount = QLineEdit(self._prefill())
        self.amount.setPlaceholderText(money_text(Decimal("1250.50"), fmt))
        self.date = date_edit(formatter, self._today)
        # the service takes a payment dated up to tomorrow, never later
        tomorrow = self._today + dt.timedelta(days=1)
        self.date.setMaximumDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
        self.method = QComboBox()
        for code in PAYMENT_METHODS:
            self.method.addItem(method_name(code), code)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Who paid, what for…"))
        self.warning = QLabel()
        self.warning.setStyleSheet(f"color: {WARNING}")
        self.warning.setWordWrap(True)
        self.warning.hide()
        self.errors = {field: error_label() for field in FIELDS}

        form = QFormLayout(self)
        form.addRow(self.tr("Order:"), self.order_label)
        form.addRow(self.tr("Order amount:"), self.amount_label)
        form.addRow(self.tr("Paid so far:"), self.paid_label)
        form.addRow(self.tr("Balance:"), self.balance_label)
        amount_box = with_error(self.amount, self.errors["amount"], self.warning)
        form.addRow(self.tr("Amount received:"), amount_box)
        form.addRow(self.tr("Date:"), with_error(self.date, self.errors["date"]))
        form.addRow(self.tr("Method:"), with_error(self.method, self.errors["method"]))
        form.addRow(self.tr("Note:"), with_error(self.note, self.errors["note"]))
        form.addRow(self.errors["general"])
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.amount.textChanged.connect(self._amount_changed)
        self._amount_changed()
        self.amount.selectAll()
        self.resize(max(460, self.sizeHint().width()), self.sizeHint().height())
        self._fit()

    def _prefill(self) -> str:
        """The rest to pay; nothing when nothing is owed."""
        owed = self.balance.owed
        return money_text(owed, self._formatter) if owed > 0 and not self.balance.cancelled else ""

    def _balance_text(self) -> str:
        if self.balance.cancelled or self.balance.owed < 0:
            return state_text(self.balance, self._formatter)
        return self._formatter.money(self.balance.owed)

    def _amount_changed(self) -> None:
        """Warn, while typing, when the payment would pay more than is owed."""
        try:
            value = parse_payment_amount(self.amount.text())
        except ValidationError:
            self.warning.hide()
            return
        over = value - self.balance.owed
        if over > 0 and not self.balance.cancelled:
            text = self.tr("More than the balance: the order will be overpaid by %1.")
            self.warning.setText(text.replace("%1", self._formatter.money(over)))
            self.warning.show()
            self._fit()
        else:
            self.warning.hide()

    def save(self) -> None:
        for label in self.errors.values():
            label.hide()
        try:
            self.recorded = record_payment(
                self._database,
                self._order_id,
                self.amount.text(),
                python_date(self.date.date()),
                self.method.currentData(),
                self.note.text(),
                today=self._today,
            )
        except ValidationError as error:
            for problem in error.problems:
                self._say(problem.field, problem_text(problem))
            return
        except LavkaError as error:
            self._say("general", error_text(error))
            return
        self.accept()

    def _say(self, field: str, message: str) -> None:
        label = self.errors.get(field, self.errors["general"])
        label.setText(f"{label.text()}\n{message}" if label.isVisibleTo(self) else message)
        label.show()
        self._fit()
        if field == "amount":
            self.amount.setFocus()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit()  # a warning set before the window had its width

    def _fit(self) -> None:
        """Tall enough for a message that wrapped onto more lines (a window does not grow
        for a wrapped label by itself)."""
        layout = self.layout()
        assert layout is not None  # __init__ laid the dialog out
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if layout.hasHeightForWidth() and needed > self.height():
            self.resize(self.width(), needed)

    @classmethod
    def ask(
        cls,
        database: Database,
        formatter: Formatter,
        order_id: int,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> Recorded | None:
        """The payment recorded, or None when the person cancelled (tests replace this)."""
        dialog = cls(database, formatter, order_id, parent, today)
        return dialog.recorded if dialog.exec() == QDialog.DialogCode.Accepted else None
