"""The payment dialog on a real database: the balance offered, a payment recorded, refusals."""

from __future__ import annotations

from decimal import Decimal as D

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialog
from sqlalchemy import text

from services.payments import order_balance, order_payments, record_payment
from tests.conftest import TODAY, ago
from ui.formatting import Formatter
from ui.orders.payment_dialog import PaymentDialog

# Order totals (tests/conftest.py::shop): O1 3501.00, O4 10000 (Cancelled), O6 500.00
FMT = Formatter(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), "₽")


def dialog_for(qtbot, db, order_id: int) -> PaymentDialog:
    dialog = PaymentDialog(db, FMT, order_id, today=TODAY)
    qtbot.addWidget(dialog)
    return dialog


def payment_count(db) -> int:
    with db.session() as session:
        return session.execute(text("SELECT COUNT(*) FROM payments")).scalar_one()


def test_the_balance_is_offered_and_the_payment_recorded(qtbot, db, shop):
    record_payment(db, shop.o1, "1000", ago(5), today=TODAY)
    dialog = dialog_for(qtbot, db, shop.o1)
    # 3501.00 − 1000.00 paid = 2501.00 left, offered as typed in English
    assert dialog.amount.text() == "2501.00"
    assert dialog.amount_label.text() == "3,501.00\u00a0₽"
    assert dialog.paid_label.text() == "1,000.00\u00a0₽"
    assert dialog.balance_label.text() == "2,501.00\u00a0₽"
    assert dialog.order_label.text() == f"No. {shop.o1} · Игорь"
    assert dialog.date.date().toPython() == TODAY
    assert not dialog.warning.isVisibleTo(dialog)

    dialog.amount.setText("1500.50")
    dialog.method.setCurrentIndex(dialog.method.findData("card"))
    dialog.note.setText("second part")
    dialog.date.setDate(ago(1))
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    # 2501.00 − 1500.50 = 1000.50 still owed
    assert dialog.recorded is not None
    assert (dialog.recorded.balance.paid, dialog.recorded.balance.owed) == (
        D("2500.50"),
        D("1000.50"),
    )
    assert dialog.recorded.balance.state == "partly_paid"
    latest = order_payments(db, shop.o1)[-1]
    assert (latest.date, latest.amount, latest.method, latest.note) == (
        ago(1),
        D("1500.50"),
        "card",
        "second part",
    )


def test_a_payment_of_zero_is_refused_naming_the_amount_and_nothing_is_saved(qtbot, db, shop):
    dialog = dialog_for(qtbot, db, shop.o1)
    dialog.show()
    dialog.amount.setText("0")
    dialog.note.setText("kept")
    dialog.ok_button.click()
    error = dialog.errors["amount"]
    assert error.isVisible() and "Amount" in error.text() and "more than 0" in error.text()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert (dialog.amount.text(), dialog.note.text()) == ("0", "kept")  # nothing lost
    assert dialog.recorded is None
    assert payment_count(db) == 0
    assert order_balance(db, shop.o1).paid == D("0.00")

    dialog.amount.setText("3501")  # corrected: the whole order
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not error.isVisibleTo(dialog)
    assert order_balance(db, shop.o1).state == "paid"


def test_an_overpayment_is_allowed_with_a_warning(qtbot, db, shop):
    dialog = dialog_for(qtbot, db, shop.o6)  # 500.00
    assert dialog.amount.text() == "500.00"
    dialog.amount.setText("600")
    assert dialog.warning.isVisibleTo(dialog)
    assert "overpaid by 100.00\u00a0₽" in dialog.warning.text()  # 600 − 500
    dialog.amount.setText("500")
    assert not dialog.warning.isVisibleTo(dialog)
    dialog.amount.setText("600")
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    balance = dialog.recorded.balance
    assert (balance.owed, balance.state) == (D("-100.00"), "overpaid")


def test_a_cancelled_order_offers_nothing_and_is_refused(qtbot, db, shop):
    dialog = dialog_for(qtbot, db, shop.o4)
    assert dialog.amount.text() == ""
    dialog.amount.setText("100")
    assert not dialog.warning.isVisibleTo(dialog)
    dialog.ok_button.click()
    assert dialog.errors["general"].isVisibleTo(dialog)
    assert "cancelled" in dialog.errors["general"].text()
    assert payment_count(db) == 0


def test_methods_are_shown_as_words_and_a_future_day_cannot_be_chosen(qtbot, db, shop):
    dialog = dialog_for(qtbot, db, shop.o1)
    words = [dialog.method.itemText(i) for i in range(dialog.method.count())]
    assert words == ["Cash", "Card", "Bank transfer", "Other"]
    assert [dialog.method.itemData(i) for i in range(4)] == ["cash", "card", "transfer", "other"]
    assert dialog.date.maximumDate().toPython() == ago(-1)  # tomorrow at most, as the service


def test_ask_returns_the_payment_or_none(qtbot, db, shop, monkeypatch):
    def pay(self):
        self.amount.setText("250")
        self.save()
        return self.result()

    monkeypatch.setattr(PaymentDialog, "exec", pay)
    recorded = PaymentDialog.ask(db, FMT, shop.o6, today=TODAY)
    assert recorded is not None and recorded.balance.owed == D("250.00")  # 500 − 250
    monkeypatch.setattr(PaymentDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert PaymentDialog.ask(db, FMT, shop.o6, today=TODAY) is None
    assert payment_count(db) == 1
