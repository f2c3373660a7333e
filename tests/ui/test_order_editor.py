"""The order editor and quick capture, driven through their widgets on a real database."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog
from sqlalchemy import func, select, text

from models import Order
from services.contacts import ContactInput, create_contact, find_by_phone
from services.errors import NotFound
from services.orders import get_order
from services.payments import order_balance, order_payments, record_payment, set_payment_terms
from services.products import list_products
from tests.conftest import TODAY, ago, loss_reason_id, status_id
from tests.test_scoring import DAY, five_deals
from ui.contacts.dialogs import NewContactDialog, QuickCapture
from ui.formatting import Formatter
from ui.orders.editor import OrderEditor
from ui.orders.lines import AMOUNT, PRICE, PRODUCT, PRODUCT_ID_ROLE, PROFIT, QUANTITY, LinesModel
from ui.orders.loss_reason import LossReasonDialog
from ui.orders.payment_dialog import PaymentDialog
from ui.orders.payments import ConfirmDeletePayment, PaymentsModel
from ui.orders.questions import DiscardChanges
from ui.widgets.confirm import Confirm

RU = Formatter(QLocale(QLocale.Language.Russian, QLocale.Country.Russia), "₽")
BG = Qt.ItemDataRole.BackgroundRole
TIP = Qt.ItemDataRole.ToolTipRole


def editor_for(qtbot, db, **kwargs) -> OrderEditor:
    editor = OrderEditor(db, RU, today=TODAY, **kwargs)
    qtbot.addWidget(editor)
    return editor


def fill(model, row: int, product_id: int, quantity: str, price: str | None = None) -> None:
    assert model.setData(model.index(row, PRODUCT), product_id, PRODUCT_ID_ROLE)
    assert model.setData(model.index(row, QUANTITY), quantity)
    if price is not None:
        assert model.setData(model.index(row, PRICE), price)


def order_count(db) -> int:
    with db.session() as session:
        return session.scalar(select(func.count(Order.id)))


def totals(editor) -> dict[str, str]:
    return {key: label.text() for key, label in editor.total_labels.items()}


def test_new_order_with_two_lines_shows_and_saves_the_totals(qtbot, db, shop):
    editor = editor_for(qtbot, db, contact_id=shop.anna)
    assert editor.picker.contact_id() == shop.anna
    editor.add_button.click()
    assert editor.lines.rowCount() == 2
    fill(editor.lines, 0, shop.product_a, "3", "1 250,50")  # cost 600 from the product
    fill(editor.lines, 1, shop.product_a, "2")  # price 1000, cost 600 from the product

    # 3×1250.50 + 2×1000 = 5751.50; cost 5×600 = 3000; profit 2751.50; margin 47.8 %
    assert totals(editor) == {
        "amount": RU.money(D("5751.50")),
        "cost": RU.money(D("3000.00")),
        "profit": RU.money(D("2751.50")),
        "margin": RU.percent(D("2751.50") / D("5751.50")),
    }
    assert totals(editor)["margin"] == "47,8\u00a0%"
    assert editor.lines.index(0, AMOUNT).data() == RU.money(D("3751.50"))
    assert editor.lines.index(0, PROFIT).data() == RU.money(D("1951.50"))

    with qtbot.waitSignal(editor.saved) as saved:
        editor.save_button.click()
    assert editor.result() == QDialog.DialogCode.Accepted
    view = get_order(db, saved.args[0], TODAY)
    assert (view.figures.amount, view.figures.cost) == (D("5751.50"), D("3000.00"))
    assert [(ln.quantity, ln.unit_price, ln.unit_cost) for ln in view.lines] == [
        (3, D("1250.50"), D("600.00")),
        (2, D("1000.00"), D("600.00")),
    ]
    assert view.contact_id == shop.anna and view.date == TODAY


@pytest.mark.parametrize(("typed", "says"), [("abc", "not a number"), ("0", "at least 1")])
def test_an_invalid_quantity_is_marked_and_blocks_the_save(qtbot, db, shop, typed, says):
    before = order_count(db)
    editor = editor_for(qtbot, db, contact_id=shop.anna)
    fill(editor.lines, 0, shop.product_b, typed)
    cell = editor.lines.index(0, QUANTITY)
    assert cell.data(BG) is not None
    assert says in cell.data(TIP)
    assert editor.lines.index(0, PRICE).data(BG) is None

    editor.save_button.click()
    assert editor.errors["lines"].isVisibleTo(editor)
    assert editor.result() != QDialog.DialogCode.Accepted
    assert order_count(db) == before

    editor.lines.setData(cell, "4")  # fixed: 4×500 = 2000
    assert cell.data(BG) is None
    assert totals(editor)["amount"] == RU.money(D("2000"))
    (ctrl_s,) = editor.findChildren(QShortcut)
    assert ctrl_s.key() == QKeySequence(QKeySequence.StandardKey.Save)
    with qtbot.waitSignal(editor.saved):
        ctrl_s.activated.emit()
    assert order_count(db) == before + 1


def test_a_refused_save_says_why_next_to_the_field(qtbot, db, shop):
    before = order_count(db)
    editor = editor_for(qtbot, db)  # no contact chosen
    fill(editor.lines, 0, shop.product_b, "1")
    editor.save_button.click()
    assert editor.errors["contact"].isVisibleTo(editor)
    assert "contact" in editor.errors["contact"].text()
    assert order_count(db) == before


def test_a_line_without_a_product_is_marked(qtbot, db, shop):
    editor = editor_for(qtbot, db, contact_id=shop.anna)
    editor.save_button.click()
    assert editor.lines.index(0, PRODUCT).data(TIP) == "Choose a product."
    assert editor.result() != QDialog.DialogCode.Accepted


def test_editing_an_existing_order_keeps_its_line_ids(qtbot, db, shop):
    before = get_order(db, shop.o1, TODAY)
    editor = editor_for(qtbot, db, order_id=shop.o1)
    assert not editor.is_dirty()
    assert editor.lines.rowCount() == 2
    assert totals(editor)["amount"] == RU.money(D("3501.00"))
    editor.lines.setData(editor.lines.index(0, QUANTITY), "4")  # 4×1000 + 2×250.50 = 4501
    assert totals(editor)["amount"] == RU.money(D("4501.00"))
    assert editor.is_dirty()
    with qtbot.waitSignal(editor.saved) as saved:
        editor.save_button.click()
    assert saved.args == [shop.o1]
    after = get_order(db, shop.o1, TODAY)
    assert [ln.id for ln in after.lines] == [ln.id for ln in before.lines]
    assert after.figures.amount == D("4501.00")
    assert after.figures.cost == D("2000.50") + D("600")


def test_duplicate_and_remove_lines(qtbot, db, shop):
    editor = editor_for(qtbot, db, order_id=shop.o1)
    editor.table.setCurrentIndex(editor.lines.index(1, QUANTITY))
    editor.duplicate_button.click()  # B 2×250.50 again: 3501 + 501
    assert totals(editor)["amount"] == RU.money(D("4002.00"))
    editor.table.setCurrentIndex(editor.lines.index(0, QUANTITY))
    editor.remove_button.click()  # without A 3×1000
    assert totals(editor)["amount"] == RU.money(D("1002.00"))
    with qtbot.waitSignal(editor.saved):
        editor.save_button.click()
    lines = get_order(db, shop.o1, TODAY).lines
    assert len(lines) == 2 and lines[0].id != lines[1].id


def test_cancelled_asks_for_a_loss_reason_and_stores_it(qtbot, db, shop, monkeypatch):
    reason = loss_reason_id(db)
    asked = []
    monkeypatch.setattr(
        LossReasonDialog,
        "ask",
        lambda parent, reasons: asked.append(reasons) or (reason, "cheaper"),
    )
    editor = editor_for(qtbot, db, contact_id=shop.anna)
    fill(editor.lines, 0, shop.product_b, "1")
    editor.status.setCurrentIndex(editor.status.findData(status_id(db, "cancelled")))
    assert len(asked) == 1 and asked[0]
    with qtbot.waitSignal(editor.saved) as saved:
        editor.save_button.click()
    view = get_order(db, saved.args[0], TODAY)
    assert view.status_role == "lost"
    assert (view.loss_reason_id, view.loss_note) == (reason, "cheaper")


def test_declining_the_loss_reason_keeps_the_status(qtbot, db, shop, monkeypatch):
    monkeypatch.setattr(LossReasonDialog, "ask", lambda parent, reasons: None)
    editor = editor_for(qtbot, db, order_id=shop.o3)
    paid = editor.status.currentIndex()
    editor.status.setCurrentIndex(editor.status.findData(status_id(db, "cancelled")))
    assert editor.status.currentIndex() == paid
    assert not editor.is_dirty()


def test_closing_with_unsaved_changes_asks(qtbot, db, shop, monkeypatch):
    editor = editor_for(qtbot, db, order_id=shop.o1)
    editor.show()
    monkeypatch.setattr(DiscardChanges, "ask", lambda parent: pytest.fail("nothing to discard"))
    editor.reject()  # unchanged: closes without a question
    assert not editor.isVisible()

    editor = editor_for(qtbot, db, order_id=shop.o1)
    editor.show()
    QTest.keyClicks(editor.comment, "call back")
    monkeypatch.setattr(DiscardChanges, "ask", lambda parent: False)
    editor.reject()
    assert editor.isVisible()
    monkeypatch.setattr(DiscardChanges, "ask", lambda parent: True)
    editor.reject()
    assert not editor.isVisible()
    assert get_order(db, shop.o1, TODAY).comment is None


def test_the_contact_picker_finds_a_phone_typed_another_way(qtbot, db, shop, monkeypatch):
    editor = editor_for(qtbot, db)
    QTest.keyClicks(editor.picker.edit, "89031112233")
    assert editor.picker.matches.rowCount() == 1
    editor.picker.choose(0)
    assert editor.picker.contact_id() == shop.anna
    assert editor.picker.edit.text() == "Анна Соколова, +7 903 111-22-33"

    dialog = NewContactDialog(db)
    qtbot.addWidget(dialog)
    dialog.name.setText("Пётр")
    dialog.phone.setText("8 916 765-43-21")
    dialog.accept()
    monkeypatch.setattr(NewContactDialog, "ask", lambda database, parent: dialog.contact)
    editor.picker.new_button.click()
    assert editor.picker.contact_id() == find_by_phone(db, "+79167654321").id


def test_quick_capture_finds_a_known_phone(qtbot, db, shop):
    dialog = QuickCapture(db)
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    QTest.keyClicks(dialog.phone, "8916")  # not a whole number yet
    assert not dialog.ok_button.isEnabled()
    dialog.phone.setText("89161234567")  # saved as +7 916 123-45-67
    assert dialog.status.text() == "Known customer: Игорь"
    assert not dialog.name.isVisibleTo(dialog)
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.contact_id() == shop.igor1


def test_quick_capture_creates_an_unknown_caller(qtbot, db, shop):
    dialog = QuickCapture(db)
    qtbot.addWidget(dialog)
    dialog.phone.setText("+7 926 555 44 33")
    assert dialog.name.isVisibleTo(dialog)
    assert not dialog.ok_button.isEnabled()
    dialog.name.setText("Ольга")  # QTest.keyClicks aborts on non-Latin-1 text
    dialog.ok_button.click()
    created = find_by_phone(db, "89265554433")
    assert created is not None and created.name == "Ольга"
    assert dialog.contact_id() == created.id


def test_quick_capture_run_returns_the_id_or_none(qtbot, db, shop, monkeypatch):
    def answer(self):
        self.phone.setText("+7 903 111-22-33")
        self.accept()
        return self.result()

    monkeypatch.setattr(QuickCapture, "exec", answer)
    assert QuickCapture.run(db, None) == shop.anna
    monkeypatch.setattr(QuickCapture, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert QuickCapture.run(db, None) is None


def test_lines_model_passes_the_model_tester(qtbot, qtmodeltester, db, shop):
    model = LinesModel(db, RU, list_products(db))
    model.load(get_order(db, shop.o3, TODAY).lines)
    model.add_line(TODAY)
    fill(model, 2, shop.product_c, "x")
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    assert model.index(0, AMOUNT).data() == RU.money(D("2400.00"))
    assert model.index(0, QUANTITY).data(Qt.ItemDataRole.TextAlignmentRole) is not None


# --- payments ----------------------------------------------------------------------------------
def paid_by_hand(db, order_id: int, amount: str, day=TODAY, method="cash", note=None):
    return record_payment(db, order_id, amount, day, method, note, today=TODAY)


def test_a_new_order_takes_payments_only_once_saved(qtbot, db, shop):
    editor = editor_for(qtbot, db, contact_id=shop.anna)
    assert not editor.tabs.isTabEnabled(1)
    assert not editor.payments.isEnabled()
    assert editor.tabs.currentIndex() == 0  # the lines come first


def test_the_payments_tab_lists_payments_and_says_the_state(qtbot, db, shop):
    paid_by_hand(db, shop.o1, "1000", ago(10), "card", "advance")
    editor = editor_for(qtbot, db, order_id=shop.o1)
    payments = editor.payments
    assert editor.tabs.isTabEnabled(1)
    model = payments.model
    assert model.rowCount() == 1
    assert model.index(0, PaymentsModel.DATE).data() == RU.date(ago(10))
    assert model.index(0, PaymentsModel.AMOUNT).data() == RU.money(D("1000"))
    assert model.index(0, PaymentsModel.METHOD).data() == "Card"
    assert model.index(0, PaymentsModel.NOTE).data() == "advance"
    # 3501.00 − 1000.00 = 2501.00 still owed
    assert payments.paid_label.text() == RU.money(D("1000.00"))
    assert payments.balance_label.text() == RU.money(D("2501.00"))
    assert payments.state() == "Partly paid"
    assert editor.tabs.tabText(1) == "Payments · Partly paid"
    assert not editor.is_dirty()


def test_a_payment_received_in_the_editor_is_written_at_once(qtbot, db, shop, monkeypatch):
    asked = []

    def ask(database, formatter, order_id, parent=None, today=None):
        asked.append(order_id)
        return paid_by_hand(database, order_id, "3501")

    monkeypatch.setattr(PaymentDialog, "ask", staticmethod(ask))
    editor = editor_for(qtbot, db, order_id=shop.o1)
    assert editor.payments.state() == "Unpaid"
    with qtbot.waitSignal(editor.paymentsChanged) as changed:
        editor.payments.add_button.click()
    assert asked == [shop.o1] and changed.args == [shop.o1]
    assert editor.payments.model.rowCount() == 1
    assert editor.payments.balance_label.text() == RU.money(D("0"))
    assert editor.tabs.tabText(1) == "Payments · Paid"
    assert not editor.is_dirty()  # nothing for Save to write


def test_deleting_a_payment_asks_first(qtbot, db, shop, monkeypatch):
    paid_by_hand(db, shop.o6, "200")
    paid_by_hand(db, shop.o6, "300")
    editor = editor_for(qtbot, db, order_id=shop.o6)  # 500.00, paid in full
    payments = editor.payments
    assert payments.state() == "Paid"
    assert not payments.delete_button.isEnabled()  # no payment chosen
    payments.table.setCurrentIndex(payments.model.index(0, 0))
    assert payments.delete_button.isEnabled()
    questions = []
    monkeypatch.setattr(
        ConfirmDeletePayment, "ask", staticmethod(lambda p, q: questions.append(q) or False)
    )
    payments.delete_button.click()
    assert len(order_payments(db, shop.o6)) == 2  # declined: nothing deleted
    assert RU.money(D("200")) in questions[0]
    monkeypatch.setattr(ConfirmDeletePayment, "ask", staticmethod(lambda p, q: True))
    with qtbot.waitSignal(editor.paymentsChanged):
        payments.delete_button.click()
    assert [p.amount for p in order_payments(db, shop.o6)] == [D("300.00")]
    assert payments.balance_label.text() == RU.money(D("200.00"))  # 500 − 300
    assert payments.state() == "Partly paid"


def test_a_cancelled_order_with_payments_says_the_refund_and_takes_no_more(qtbot, db, shop):
    with db.engine.begin() as connection:  # paid before it was cancelled
        connection.execute(
            text(
                "INSERT INTO payments (order_id, date, amount, method, created_at)"
                " VALUES (:order, '2026-06-06', 30000, 'cash', '2026-06-06 10:00:00')"
            ),
            {"order": shop.o4},
        )
    editor = editor_for(qtbot, db, order_id=shop.o4)
    payments = editor.payments
    assert payments.state() == f"Refund due: {RU.money(D('300'))}"
    assert payments.balance_label.text() == RU.money(D("-300.00"))  # 0 − 300: give it back
    assert not payments.add_button.isEnabled()
    plain = editor_for(qtbot, db, order_id=shop.o2)  # a gift of 0, nothing paid
    assert plain.payments.state() == "Paid"


def test_the_due_date_follows_the_terms_or_is_the_orders_own(qtbot, db, shop):
    set_payment_terms(db, shop.anna, 14)
    editor = editor_for(qtbot, db, order_id=shop.o6)  # 2026-06-14
    payments = editor.payments
    assert payments.due.date().toPython() == dt.date(2026, 6, 28)  # 06-14 + 14 days
    assert not payments.terms_button.isEnabled()
    assert "14 day(s)" in payments.due_hint.text()
    with qtbot.waitSignal(editor.paymentsChanged):
        payments.due.setDate(dt.date(2026, 6, 20))  # an own date, written at once
    assert order_balance(db, shop.o6).due == dt.date(2026, 6, 20)
    assert payments.terms_button.isEnabled()
    assert RU.date(dt.date(2026, 6, 28)) in payments.due_hint.text()
    payments.terms_button.click()
    assert order_balance(db, shop.o6).due == dt.date(2026, 6, 28)
    assert payments.due.date().toPython() == dt.date(2026, 6, 28)


def test_an_overdue_order_says_by_how_many_days(qtbot, db, shop):
    editor = editor_for(qtbot, db, order_id=shop.o1)  # 06-01, terms 0, nothing paid
    assert "14 day(s) overdue" in editor.payments.due_hint.text()  # TODAY is 06-15
    paid_by_hand(db, shop.o6, "500")
    settled = editor_for(qtbot, db, order_id=shop.o6)
    assert "overdue" not in settled.payments.due_hint.text()


def test_payments_model_passes_the_model_tester(qtbot, qtmodeltester, db, shop):
    paid_by_hand(db, shop.o1, "1000", ago(3), "transfer", "=formula-like")
    paid_by_hand(db, shop.o1, "1", ago(1))
    model = PaymentsModel(RU)
    model.set_rows(list(order_payments(db, shop.o1)))
    qtmodeltester.check(model)
    assert model.index(0, PaymentsModel.METHOD).data() == "Bank transfer"
    assert model.index(1, PaymentsModel.AMOUNT).data() == RU.money(D("1"))


# --- deals: the expected amount and the score -------------------------------------------------
def test_an_open_order_without_lines_is_saved_with_its_expected_amount(qtbot, db, shop):
    editor = editor_for(qtbot, db, contact_id=shop.anna)  # New, and the empty first line
    assert editor.save_button.isEnabled()
    assert "expected to bring" in editor.expected_amount.toolTip()
    editor.expected_amount.setText("50000,50")
    with qtbot.waitSignal(editor.saved) as saved:
        editor.save_button.click()
    assert editor.result() == QDialog.DialogCode.Accepted
    view = get_order(db, saved.args[0], TODAY)
    assert view.lines == () and view.expected_amount == D("50000.50")
    assert view.status_role == "open"
    again = editor_for(qtbot, db, order_id=view.id)  # loaded as typed, in the locale's way
    assert again.expected_amount.text() == "50000,50"
    assert again.lines.rowCount() == 0 and not again.is_dirty()


def test_a_completed_order_without_lines_is_refused_with_the_reason_shown(qtbot, db, shop):
    before = order_count(db)
    editor = editor_for(qtbot, db, contact_id=shop.anna)
    editor.status.setCurrentIndex(editor.status.findData(status_id(db, "completed")))
    editor.expected_amount.setText("100")
    editor.save_button.click()
    assert editor.result() != QDialog.DialogCode.Accepted
    assert order_count(db) == before
    assert editor.errors["lines"].isVisibleTo(editor)
    assert "Only an open order may go without lines" in editor.errors["lines"].text()


def test_an_order_without_lines_or_expected_amount_is_refused(qtbot, db, shop):
    before = order_count(db)
    editor = editor_for(qtbot, db, contact_id=shop.anna)
    editor.table.setCurrentIndex(editor.lines.index(0, QUANTITY))
    editor.remove_button.click()
    editor.save_button.click()
    assert editor.errors["lines"].text() == "An order needs at least one shipment line."
    editor.expected_amount.setText("-5")
    editor.save_button.click()
    assert editor.errors["expected_amount"].isVisibleTo(editor)
    assert "Expected amount" in editor.errors["expected_amount"].text()
    assert order_count(db) == before


def test_the_expected_amount_is_greyed_once_a_line_has_its_product(qtbot, db, shop):
    editor = editor_for(qtbot, db, contact_id=shop.anna)
    assert editor.expected_amount.isEnabled()  # the empty first line is no line yet
    editor.expected_amount.setText("9000")
    fill(editor.lines, 0, shop.product_b, "2")  # 2 × 500 (its price)
    assert not editor.expected_amount.isEnabled()  # the lines' amount counts now
    editor.add_line()  # left empty: dropped at save, not refused for its missing product
    editor.table.setCurrentIndex(editor.lines.index(0, QUANTITY))
    editor.remove_button.click()
    assert editor.expected_amount.isEnabled()  # no product left: the expected amount counts
    fill(editor.lines, 0, shop.product_b, "2")
    editor.add_line()
    assert not editor.expected_amount.isEnabled()
    with qtbot.waitSignal(editor.saved) as saved:
        editor.save_button.click()
    view = get_order(db, saved.args[0], TODAY)
    assert len(view.lines) == 1 and view.figures.amount == D("1000.00")
    assert view.expected_amount == D("9000.00")  # kept, for if the lines go


def test_a_saved_deal_says_its_probability_value_and_class(qtbot, db):
    ids = five_deals(db)
    editor = OrderEditor(db, RU, order_id=ids["Сбер"], today=DAY)
    qtbot.addWidget(editor)
    # 20 + 40 (КП) + 10 (конференция) − 15 (20 days) = 55 %; 500 000 × 55 % = 275 000
    assert editor.score.isVisibleTo(editor)
    assert editor.score.text() == "Deal: 55\u00a0% · 275\u00a0000,00\u00a0₽ · class A"
    assert editor.expected_amount.text() == "500000,00"
    slid = OrderEditor(db, RU, order_id=ids["Администрация района"], today=DAY)
    qtbot.addWidget(slid)
    assert slid.score.text() == "Deal: 5\u00a0% · 10\u00a0000,00\u00a0₽ · class C2"
    assert "A or B" in slid.score.toolTip()


def test_a_won_order_and_a_new_one_say_no_score(qtbot, db, shop):
    won = editor_for(qtbot, db, order_id=shop.o1)  # Completed
    assert not won.score.isVisibleTo(won)
    new = editor_for(qtbot, db, contact_id=shop.anna)
    assert not new.score.isVisibleTo(new)
    deal = editor_for(qtbot, db, order_id=shop.o3)  # Paid is still open: a deal
    assert deal.score.isVisibleTo(deal)


def test_a_person_at_a_company_orders_for_it_and_is_kept_as_who_ordered(qtbot, db, wallet):
    shop = create_contact(db, ContactInput("ООО «Кожа»", kind="company")).id
    buyer = create_contact(db, ContactInput("Пётр", "+7 916 100-00-02", company_id=shop)).id
    editor = editor_for(qtbot, db)
    assert not editor.form.isRowVisible(editor.person)  # no customer yet: nobody to name
    editor.picker.select_contact(buyer)  # picked as a person…
    assert editor.picker.contact_id() == shop  # …the shop is the customer
    assert editor.person.currentData() == buyer and editor.form.isRowVisible(editor.person)
    fill(editor.lines, 0, wallet, "2")
    editor.save()
    saved = get_order(db, editor.order_id())
    assert (saved.contact_id, saved.person_id, saved.person_name) == (shop, buyer, "Пётр")
    again = editor_for(qtbot, db, order_id=saved.id)
    assert again.person.currentData() == buyer and not again.is_dirty()


def test_delete_an_order_after_asking(qtbot, db, shop, monkeypatch):
    answers = iter([False, True])
    monkeypatch.setattr(Confirm, "ask", lambda *_args: next(answers))
    editor = editor_for(qtbot, db, order_id=shop.o3)
    with qtbot.waitSignal(editor.deleted) as deleted:
        assert not editor.delete()  # "No": nothing happens
        assert editor.delete()
    assert deleted.args == [shop.o3]
    with pytest.raises(NotFound):
        get_order(db, shop.o3)
    assert not editor_for(qtbot, db).delete_button.isEnabled()  # a new order has none
