"""The main window: its sections, the usual shortcuts, and a layout remembered between runs."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSettings
from PySide6.QtGui import QKeySequence

from ui import settings as options
from ui.board.view import BoardView
from ui.contacts.view import ContactsView
from ui.formatting import Formatter
from ui.main_window import MainWindow
from ui.orders.columns import AMOUNT
from ui.reports.view import ReportsView
from ui.sections import BOARD, CONTACTS, ORDERS, PRODUCTS, TODAY

FMT = Formatter(QLocale(QLocale.Language.Russian, QLocale.Country.Russia), "₽")


def make(qtbot, db, settings) -> MainWindow:
    window = MainWindow(db, FMT, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_seven_sections_and_their_toolbar(qtbot, db, shop, tmp_path):
    window = make(qtbot, db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    # Today first, with the count of things due: O3 is still Paid (not shipped) and both its
    # lines (12 and 20 June 2026) are dated before any real today: two shipments overdue.
    # Its customers bought months ago: long asleep, not due to reorder.
    assert titles == [
        "Today (2)", "Contacts", "Orders", "Board", "Products", "Purchases", "Calendar",
        "Reports", "History",
    ]  # fmt: skip
    assert window.stack.currentWidget() is window.today
    assert window.windowTitle() == "Lavka — lavka.sqlite3 — 2 due today"
    assert window.products.model.rowCount() == 0  # figures are not computed at start...
    window.go(4)
    assert window.stack.currentWidget() is window.products
    assert window.products.model.rowCount() == 3  # ...but as soon as the section shows
    texts = [a.text() for a in window.section_bar.actions() if a.text()]
    assert "New product" in texts and "&New order…" in texts
    assert window.orders.model.total == 6  # the shop's six orders are in the grid


def test_usual_shortcuts(qtbot, db, tmp_path):
    window = make(qtbot, db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert window.new_order_action.shortcut() == QKeySequence("Ctrl+N")
    assert window.new_contact_action.shortcut() == QKeySequence("Ctrl+Shift+N")
    assert window.find_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert window.save_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    window.new_contact_action.trigger()
    assert window.stack.currentWidget() is window.contacts


def test_new_order_from_a_known_phone_opens_the_editor_for_that_contact(
    qtbot, db, shop, tmp_path, monkeypatch
):
    from ui.contacts.dialogs import QuickCapture

    opened = []
    monkeypatch.setattr(QuickCapture, "run", staticmethod(lambda database, parent: shop.anna))
    window = make(qtbot, db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    monkeypatch.setattr(window, "open_order", lambda **kw: opened.append(kw))
    window.new_order_action.trigger()
    assert opened == [{"contact_id": shop.anna}]


def test_geometry_is_remembered_and_every_start_opens_on_today(qtbot, db, tmp_path):
    path = str(tmp_path / "s.ini")
    first = make(qtbot, db, QSettings(path, QSettings.Format.IniFormat))
    first.go(5)
    geometry = first.saveGeometry()
    first.close()
    # Qt restores the geometry itself; offscreen it clamps it to a tiny virtual screen, so
    # what is checked here is that the window's geometry reached the settings file intact.
    assert options.WINDOW_GEOMETRY.get(QSettings(path, QSettings.Format.IniFormat)) == geometry
    second = make(qtbot, db, QSettings(path, QSettings.Format.IniFormat))
    assert second.stack.currentWidget() is second.today


def test_settings_change_the_currency_shown_everywhere(qtbot, db, shop, tmp_path, monkeypatch):
    from services.settings_store import save_business_settings
    from ui.settings_dialog.dialog import SettingsDialog

    def saved(database, parent):
        save_business_settings(database, "USD", "$", "US")
        return True

    monkeypatch.setattr(
        SettingsDialog, "ask", classmethod(lambda cls, d, p=None, _formatter=None: saved(d, p))
    )
    window = make(qtbot, db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window.settings_action.trigger()
    model = window.orders.model
    amounts = {model.index(row, AMOUNT).data() for row in range(model.rowCount())}
    assert "7\u00a0400,00\u00a0$" in amounts  # O3's total, now in dollars


def test_a_customer_in_the_reports_opens_the_customers_card(qtbot, db, shop, tmp_path):
    window = make(qtbot, db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window.reports.contactActivated.emit(shop.anna)
    assert window.stack.currentWidget() is window.contacts
    assert window.contacts.current_contact_id() == shop.anna
    window.reports.productActivated.emit(shop.product_b)
    assert window.stack.currentWidget() is window.products


def test_the_board_comes_after_orders_and_opens_an_order(qtbot, db, shop, tmp_path):
    from ui.orders.editor import OrderEditor

    window = make(qtbot, db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert window.board.panels == []  # loaded when first shown, not at start
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    board = next(a for a in view_menu.actions() if a.text() == "Board")
    assert board.shortcut() == QKeySequence("Ctrl+4")  # Ctrl+1…7, in the sidebar's order
    board.trigger()
    assert window.stack.currentWidget() is window.board
    assert sum(panel.column.count for panel in window.board.panels) == 6  # the shop's orders
    texts = [a.text() for a in window.section_bar.actions() if a.text()]
    assert "Open order" in texts and "Move to" in texts
    window.board.orderActivated.emit(shop.o3)  # a double-click on its card
    editors = window.findChildren(OrderEditor)
    assert len(editors) == 1 and editors[0].windowTitle() == f"Order No. {shop.o3}"


def test_a_section_is_made_on_its_first_visit_and_then_works(qtbot, db, shop, tmp_path):
    """The window opens with Today alone made (the first window paints sooner: make bench);
    each other section is made, with its modules, when first visited (Ctrl+2 here)."""
    window = make(qtbot, db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert list(window.views) == [TODAY]
    assert window.findChildren(ContactsView) == [] and window.findChildren(ReportsView) == []
    assert window.stack.count() == window.sidebar.count() == 9  # a place kept for each
    window.refresh_all()  # a save elsewhere, the day turning: only the sections made read
    window.save_layout()
    assert list(window.views) == [TODAY]

    ctrl_2 = next(a for a in window.actions() if a.shortcut() == QKeySequence("Ctrl+2"))
    ctrl_2.trigger()
    (contacts,) = window.findChildren(ContactsView)
    assert window.stack.currentWidget() is contacts and window.contacts is contacts
    assert window.stack.indexOf(contacts) == CONTACTS and window.sidebar.currentRow() == CONTACTS
    assert sorted(window.views) == [TODAY, CONTACTS]
    model = contacts.list_model
    names = {model.index(row, model.NAME).data() for row in range(model.rowCount())}
    assert names == {"Игорь", "Анна Соколова"}  # the shop's three contacts, two Igors
    texts = [a.text() for a in window.section_bar.actions() if a.text()]
    assert "Save contact" in texts  # its own actions on the bar, as it always had
    window.go(TODAY)
    assert window.findChildren(ContactsView) == [contacts]  # made once, kept


def test_undo_reads_again_the_sections_made_and_leaves_the_others_unmade(qtbot, db, shop, tmp_path):
    from services.orders import delete_order

    window = make(qtbot, db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window.go(ORDERS)
    orders = window.orders
    assert orders.model.total == 6
    delete_order(db, shop.o5)  # a change of this run, made behind the window's back
    window.refresh_all()
    assert orders.model.total == 5
    assert window.undo()  # Edit → Undo: the order comes back
    assert orders.model.total == 6  # the grid made read again...
    assert sorted(window.views) == [TODAY, ORDERS]  # ...the sections never visited not made
    assert window.findChildren(BoardView) == []
    window.go(BOARD)  # and one made after the undo sees the order back
    assert sum(panel.column.count for panel in window.board.panels) == 6


def test_a_section_made_later_gets_its_remembered_layout(qtbot, db, shop, tmp_path):
    path = str(tmp_path / "s.ini")
    first = make(qtbot, db, QSettings(path, QSettings.Format.IniFormat))
    first.go(PRODUCTS)
    period = first.products.period
    period.setCurrentIndex(period.findData("this_year"))
    first.close()  # the layout is saved as the window closes
    second = make(qtbot, db, QSettings(path, QSettings.Format.IniFormat))
    second.close()  # closed before Products was made: what it remembered stays
    third = make(qtbot, db, QSettings(path, QSettings.Format.IniFormat))
    assert PRODUCTS not in third.views
    third.go(PRODUCTS)
    assert third.products.period.currentData() == "this_year"
