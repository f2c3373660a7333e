"""The Contacts section driven through its widgets, on a real database."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal as D

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt

from services.contacts import ContactInput, create_contact, get_contact, search_contacts
from services.payments import record_payment
from tests.conftest import TODAY
from ui.contacts.view import ContactsView
from ui.formatting import EMPTY, Formatter
from ui.orders.payment_dialog import PaymentDialog

FMT = Formatter(QLocale(QLocale.Language.Russian, QLocale.Country.Russia), "₽")


@pytest.fixture
def make_view(qtbot, db):
    def make() -> ContactsView:
        view = ContactsView(db, FMT, today=TODAY)
        qtbot.addWidget(view)
        view.show()
        return view

    return make


def listed(view: ContactsView) -> list[int]:
    model = view.list_model
    return [model.contact_id(row) for row in range(model.rowCount())]


def test_finds_a_phone_typed_in_any_form(qtbot, db, make_view):
    petr = create_contact(db, ContactInput("Пётр", "+7 916 123-45-67")).id
    create_contact(db, ContactInput("Анна", "+7 903 111-22-33"))
    view = make_view()
    assert len(listed(view)) == 2
    view.search.setText("89161234567")
    view.apply_search()
    assert listed(view) == [petr]
    assert view.list_model.index(0, 1).data() == "+7 916 123-45-67"
    view.search.clear()
    qtbot.keyClicks(view.search, "8916")  # typed: the debounce timer runs the search
    qtbot.waitUntil(lambda: listed(view) == [petr])
    view.search.setText("4567")
    view.apply_search()
    assert listed(view) == [petr]
    view.search.setText("пЁтр")
    view.apply_search()
    assert listed(view) == [petr]


def test_models_pass_the_model_tester(qtmodeltester, db, shop, make_view):
    view = make_view()
    view.select_contact(shop.igor2)
    assert view.list_model.rowCount() == 3
    assert view.orders_model.rowCount() == 2
    qtmodeltester.check(view.list_model)
    qtmodeltester.check(view.orders_model)


def test_card_shows_the_customers_figures_and_orders(db, shop, make_view):
    view = make_view()
    view.select_contact(shop.igor2)
    assert view.name.text() == "Игорь"
    assert view.phone.text() == "+7 916 123-45-68"
    shown = {key: label.text() for key, label in view.figure_labels.items()}
    # realized: O2 1×0/600 and O3's first line 2×1200/0; O3's 06-20 line is planned
    assert shown["orders"] == "2"
    assert shown["revenue"] == FMT.money(D("2400.00"))
    assert shown["profit"] == FMT.money(D("1800.00"))
    assert shown["margin"] == FMT.percent(D("0.75"))
    assert shown["average_check"] == FMT.money(D("1200.00"))
    assert shown["first_purchase"] == FMT.date(dt.date(2026, 6, 10))
    assert shown["last_purchase"] == FMT.date(dt.date(2026, 6, 12))
    assert shown["planned_revenue"] == FMT.money(D("5000.00"))
    model = view.orders_model
    # newest first: O3 (2×1200/0 + 5×1000/600 = 7400 / 3000), then O2 (the 0 / 600 gift)
    assert [model.order_id(row) for row in range(2)] == [shop.o3, shop.o2]
    assert model.index(0, model.AMOUNT).data() == FMT.money(D("7400.00"))
    assert model.index(0, model.PROFIT).data() == FMT.money(D("4400.00"))
    assert model.index(1, model.PROFIT).data() == FMT.money(D("-600.00"))
    assert model.index(1, model.MARGIN).data() == EMPTY
    assert model.index(1, model.PROFIT).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(0, model.PROFIT).data(Qt.ItemDataRole.ForegroundRole) is None


def test_double_click_on_an_order_activates_it(qtbot, db, shop, make_view):
    view = make_view()
    view.select_contact(shop.igor2)
    with qtbot.waitSignal(view.orderActivated) as signal:
        view.orders_view.doubleClicked.emit(view.orders_model.index(1, 0))
    assert signal.args == [shop.o2]


def test_choosing_a_row_shows_that_card(db, shop, make_view):
    view = make_view()
    anna_row = view.list_model.index(listed(view).index(shop.anna), 0)
    view.list_view.setCurrentIndex(anna_row)
    assert view.current_contact_id() == shop.anna
    assert view.figure_labels["revenue"].text() == FMT.money(D("2500.00"))
    view.new_contact()
    assert view.current_contact_id() is None and view.name.text() == ""
    assert view.figure_labels["revenue"].text() == EMPTY
    view.list_view.setCurrentIndex(anna_row)  # the same row again opens the card again
    assert view.current_contact_id() == shop.anna


def test_phone_is_checked_on_leaving_the_field(db, make_view):
    view = make_view()
    view.phone.setText("89161234567")
    view.phone.editingFinished.emit()
    assert view.phone.text() == "+7 916 123-45-67"
    assert view.errors["phone"].isHidden()


def test_invalid_phone_is_explained_and_nothing_is_saved(db, shop, make_view):
    view = make_view()
    view.new_contact()
    view.name.setText("Ольга")
    view.phone.setText("8 (000) 123-45-67")
    view.phone.editingFinished.emit()
    error = view.errors["phone"]
    assert error.isVisible() and "not a valid number" in error.text()
    assert view.save() is False
    assert error.isVisible() and "8 (000) 123-45-67" in error.text()
    assert len(search_contacts(db, "", include_archived=True)) == 3
    assert view.current_contact_id() is None


def test_missing_name_is_said_next_to_the_name(db, make_view):
    view = make_view()
    view.phone.setText("+7 916 000-00-01")
    assert view.save() is False
    assert view.errors["name"].isVisible()
    assert search_contacts(db, "", include_archived=True) == []


def test_duplicate_phone_links_to_the_contact_who_has_it(qtbot, db, shop, make_view):
    view = make_view()
    view.new_contact()
    view.name.setText("Другой")
    view.phone.setText("89161234568")  # Igor2's
    with qtbot.assertNotEmitted(view.dataChanged):
        assert view.save() is False
    assert view.duplicate_link.isVisible()
    assert "Open Игорь" in view.duplicate_link.text()
    href = re.search(r'href="([^"]+)"', view.duplicate_link.text()).group(1)
    view.duplicate_link.linkActivated.emit(href)
    assert view.current_contact_id() == shop.igor2
    assert view.phone.text() == "+7 916 123-45-68"
    assert view.list_view.currentIndex().row() == listed(view).index(shop.igor2)
    assert len(search_contacts(db, "", include_archived=True)) == 3


def test_new_contact_is_created(qtbot, db, make_view):
    view = make_view()
    view.name.setText("Ольга")
    view.phone.setText("8 916 555-44-33")
    view.email.setText("olga@mail.ru")
    view.address.setPlainText("Москва\nул. Ленина, 1")
    view.channel.setCurrentIndex(2)
    channel_id = view.channel.currentData()
    with qtbot.waitSignal(view.dataChanged):
        assert view.save() is True
    saved = get_contact(db, view.current_contact_id())
    assert (saved.name, saved.phone, saved.email) == ("Ольга", "+79165554433", "olga@mail.ru")
    assert saved.address == "Москва\nул. Ленина, 1" and saved.channel_id == channel_id
    assert listed(view) == [saved.id]
    assert view.phone.text() == "+7 916 555-44-33"


def test_editing_the_name_updates_the_database(qtbot, db, shop, make_view):
    view = make_view()
    view.select_contact(shop.anna)
    view.name.setText("Анна Петрова")
    with qtbot.waitSignal(view.dataChanged):
        assert view.save() is True
    assert get_contact(db, shop.anna).name == "Анна Петрова"
    row = listed(view).index(shop.anna)
    assert view.list_model.index(row, 0).data() == "Анна Петрова"


def test_archive_hides_from_the_list_unless_show_archived(qtbot, db, shop, make_view):
    view = make_view()
    view.select_contact(shop.anna)
    with qtbot.waitSignal(view.dataChanged):
        view.archive_button.click()
    assert get_contact(db, shop.anna).archived
    assert shop.anna not in listed(view)
    assert view.archive_button.text() == "Unarchive"
    view.show_archived.setChecked(True)
    assert shop.anna in listed(view)
    view.archive_button.click()
    assert not get_contact(db, shop.anna).archived
    view.show_archived.setChecked(False)
    assert shop.anna in listed(view)


def test_layout_is_remembered(tmp_path, db, make_view):
    settings = QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)
    view = make_view()
    view.resize(900, 500)
    view.splitter.setSizes([300, 600])
    view.save_state(settings)
    sizes = view.splitter.sizes()
    other = make_view()
    other.resize(900, 500)
    other.restore_state(settings)
    assert other.splitter.sizes() == sizes


# --- payments ----------------------------------------------------------------------------------
def order_row(view, order_id: int) -> int:
    model = view.orders_model
    return next(row for row in range(model.rowCount()) if model.order_id(row) == order_id)


def test_card_shows_what_is_owed_and_the_oldest_debt(db, shop, make_view):
    # Anna: O5 2000 (05-20) paid 1500 → 500 owed; O6 500 (06-14) unpaid; O4 cancelled: nothing
    record_payment(db, shop.o5, "1500", TODAY, today=TODAY)
    view = make_view()
    view.select_contact(shop.anna)
    # terms 0: both are due on their dates, so all 1000 is overdue, the oldest 26 days (05-20)
    assert view.debt.isVisible()
    assert view.debt.text() == (
        f"Owed: {FMT.money(D('1000'))} · Oldest debt: 20.05.2026 (26 day(s) overdue)"
    )
    view.terms.setValue(14)  # saved with the card: O5 due 06-03, O6 due 06-28
    assert view.save() is True
    assert get_contact(db, shop.anna).payment_terms_days == 14
    assert view.debt.text() == (
        f"Owed: {FMT.money(D('1000'))} · overdue: {FMT.money(D('500'))}"
        " · Oldest debt: 03.06.2026 (12 day(s) overdue)"
    )
    view.select_contact(shop.igor1)  # O1 unpaid, due today + 0: 14 days overdue
    assert view.terms.value() == 0
    assert view.debt.text().startswith(f"Owed: {FMT.money(D('3501'))} · Oldest debt: 01.06.2026")
    record_payment(db, shop.o1, "3501", TODAY, today=TODAY)
    view.select_contact(shop.igor1)
    assert not view.debt.isVisible()  # owes nothing: nothing said


def test_a_new_contact_saves_its_payment_terms(db, make_view):
    view = make_view()
    view.name.setText("Ольга")
    view.terms.setValue(30)
    assert view.save() is True
    assert get_contact(db, view.current_contact_id()).payment_terms_days == 30
    view.new_contact()
    assert view.terms.value() == 0 and view.terms.maximum() == 365


def test_payment_received_from_the_card(qtbot, db, shop, make_view, monkeypatch):
    asked = []

    def ask(database, formatter, order_id, parent=None, today=None):
        asked.append(order_id)
        return record_payment(database, order_id, "500", today, today=today)

    monkeypatch.setattr(PaymentDialog, "ask", staticmethod(ask))
    view = make_view()
    view.select_contact(shop.anna)
    assert not view.payment_button.isEnabled()  # no order chosen yet
    menu = view.orders_menu()
    assert [a.text() for a in menu.actions()] == ["Open order", "Payment received…", "Documents"]
    view.orders_view.setCurrentIndex(view.orders_model.index(order_row(view, shop.o4), 0))
    assert not view.payment_button.isEnabled()  # O4 is cancelled
    assert not view.payment_action.isEnabled()
    view.orders_view.setCurrentIndex(view.orders_model.index(order_row(view, shop.o6), 0))
    assert view.payment_button.isEnabled() and view.payment_action.isEnabled()
    tip = view.orders_model.index(order_row(view, shop.o6), 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == f"Paid {FMT.money(D('0'))} · balance {FMT.money(D('500'))}"
    with qtbot.waitSignal(view.dataChanged):
        view.payment_button.click()
    assert asked == [shop.o6]
    # O6 paid: only O5's 2000 is owed now
    assert view.debt.text().startswith(f"Owed: {FMT.money(D('2000'))} ·")
    assert view.orders_view.currentIndex().row() == order_row(view, shop.o6)
    view.tabs.setCurrentWidget(view.activity)
    assert not view.payment_button.isEnabled()  # it acts on the orders list
