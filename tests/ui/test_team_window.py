"""The window as a manager sees it on a server's database (no cost anywhere, no section of
costs or of the change log), and Settings → Users as its owner works it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QDialog

import ui.settings_dialog.users as users_page
from services.orders import get_order
from services.storage import Database
from services.users import list_users
from tests.team import PASSWORD, as_user, disband, team_shop
from ui.contacts.models import ContactOrdersModel
from ui.formatting import Formatter
from ui.main_window import MainWindow
from ui.orders import lines
from ui.orders.columns import COST, MARGIN, PROFIT
from ui.orders.editor import OrderEditor
from ui.products import models as product_columns
from ui.sections import CONTACTS, HISTORY, ORDERS, PRODUCTS, PURCHASES, REPORTS
from ui.settings_dialog.dialog import SettingsDialog
from ui.widgets.confirm import Confirm

FMT = Formatter(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), "₽")


@pytest.fixture
def team(empty_postgres):
    made = team_shop(empty_postgres)
    yield made
    disband(made)


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)


def test_a_manager_sees_no_cost_and_no_section_of_costs(qtbot, team, settings):
    anna = Database.open(as_user(team.url, "anna"))
    window = MainWindow(anna, FMT, settings)
    qtbot.addWidget(window)
    for index in (PURCHASES, REPORTS, HISTORY):
        assert window.sidebar.item(index).isHidden()
    window.go(REPORTS)  # Ctrl+8 leads nowhere
    assert window.sidebar.currentRow() != REPORTS
    window.go(ORDERS)
    orders = window.section_view(ORDERS)
    header = orders.grid.horizontalHeader()
    assert [header.isSectionHidden(c) for c in (COST, PROFIT, MARGIN)] == [True] * 3
    menu = [action.text() for action in orders.columns_menu().actions()]
    assert "Cost" not in menu and "Profit" not in menu and "Amount" in menu
    # The order's amount is there (3 × 400); its cost of 750, nor any profit, anywhere shown.
    shown = [c for c in range(orders.model.columnCount()) if not header.isSectionHidden(c)]
    visible = {orders.model.index(0, c).data() for c in shown}
    assert "1,200.00\xa0₽" in visible
    assert not any("750" in str(text) or "450" in str(text) for text in visible)
    window.go(PRODUCTS)
    products = window.section_view(PRODUCTS)
    header = products.table.horizontalHeader()
    assert all(
        header.isSectionHidden(c)
        for c in (product_columns.COST, product_columns.PROFIT, product_columns.MARGIN)
    )
    assert not products.new_button.isEnabled()
    window.go(CONTACTS)
    card = window.section_view(CONTACTS)
    card.select_contact(team.ivan_id)
    assert card.figure_labels["revenue"].text() == FMT.money(Decimal("1200.00"))
    assert card.figure_labels["profit"].isHidden() and card.figure_labels["margin"].isHidden()
    assert card.orders_view.horizontalHeader().isSectionHidden(ContactOrdersModel.PROFIT)
    assert card.tabs.indexOf(card.history) == -1
    for action in (window.import_action, window.export_all_action, window.settings_action):
        assert not action.isEnabled()
    assert not window.undo_action.isEnabled()
    assert "manager" in window.statusBar().currentMessage()
    window.close()
    anna.close()


def test_a_manager_edits_an_order_without_its_costs(qtbot, team):
    anna = Database.open(as_user(team.url, "anna"))
    editor = OrderEditor(anna, FMT, order_id=team.order_id)
    qtbot.addWidget(editor)
    header = editor.table.horizontalHeader()
    assert all(header.isSectionHidden(c) for c in (lines.COST, lines.PROFIT, lines.MARGIN))
    assert not header.isSectionHidden(lines.AMOUNT)
    assert editor.total_labels["amount"].text() == FMT.money(Decimal("1200.00"))
    assert editor.total_labels["cost"].isHidden() and editor.total_labels["profit"].isHidden()
    assert editor.tabs.indexOf(editor.history) == -1  # nor the change log's values
    editor.add_button.click()
    row = editor.lines.rowCount() - 1
    assert editor.lines.setData(
        editor.lines.index(row, lines.PRODUCT), team.wallet_id, lines.PRODUCT_ID_ROLE
    )
    assert editor.lines.setData(editor.lines.index(row, lines.QUANTITY), "2")
    editor.save()
    said = [label.text() for label in editor.errors.values() if label.text()]
    assert said == [] and editor.result() == QDialog.DialogCode.Accepted
    anna.close()
    # The owner: the old line at 250 as it was, the new one at the wallet's cost, 300;
    # 3 × 250 + 2 × 300 = 1 350.00 of cost on 5 × 400 = 2 000.00.
    saved = get_order(team.owner, team.order_id)
    assert [(x.quantity, x.unit_cost) for x in saved.lines] == [
        (3, Decimal("250.00")),
        (2, Decimal("300.00")),
    ]
    assert (saved.figures.amount, saved.figures.cost) == (Decimal("2000.00"), Decimal("1350.00"))


def test_a_viewer_is_offered_nothing_to_add(qtbot, team, settings):
    vera = Database.open(as_user(team.url, "vera"))
    window = MainWindow(vera, FMT, settings)
    qtbot.addWidget(window)
    assert window.sidebar.item(REPORTS).isHidden()
    for action in (window.new_order_action, window.new_contact_action, window.new_task_action):
        assert not action.isEnabled()
    assert "viewer" in window.statusBar().currentMessage()
    window.close()
    vera.close()


def test_the_owner_sees_every_section_and_cost(qtbot, team, settings):
    window = MainWindow(team.owner, FMT, settings)
    qtbot.addWidget(window)
    assert not any(window.sidebar.item(i).isHidden() for i in (PURCHASES, REPORTS, HISTORY))
    window.go(ORDERS)
    header = window.section_view(ORDERS).grid.horizontalHeader()
    assert not header.isSectionHidden(PROFIT)
    window.close()


def test_the_owner_adds_and_removes_a_user_in_settings(qtbot, team, monkeypatch):
    dialog = SettingsDialog(team.owner)
    qtbot.addWidget(dialog)
    page = dialog.users
    assert page is not None and dialog.tabs.indexOf(page) >= 0
    assert [page.table.item(r, 0).text() for r in range(page.table.rowCount())] == [
        "anna",
        "vera",
    ]
    assert page.table.item(1, 1).text() == "Viewer"

    def fill(new: users_page.NewUserDialog) -> int:
        new.name.setText("olga")
        new.password.setText(PASSWORD)
        new.again.setText("another-pass")
        new.add()  # the two passwords differ: said, nothing added
        assert new.error.text() and new.added is None
        new.again.setText(PASSWORD)
        new.role.setCurrentIndex(new.role.findData("viewer"))
        new.add()
        return QDialog.DialogCode.Accepted if new.added else QDialog.DialogCode.Rejected

    monkeypatch.setattr(users_page.NewUserDialog, "exec", fill)
    page.add()
    assert ("olga", "viewer") in [(u.name, u.role) for u in list_users(team.owner)]
    assert page.table.rowCount() == 3
    olga = Database.open(as_user(team.url, "olga"))
    assert olga.role == "viewer"
    olga.close()
    page.table.selectRow(0)  # anna
    monkeypatch.setattr(Confirm, "ask", staticmethod(lambda parent, title, text: True))
    page.remove()
    assert [u.name for u in list_users(team.owner)] == ["olga", "vera"]


def test_settings_of_a_file_have_no_users_page(qtbot, db):
    if db.dialect != "sqlite":
        pytest.skip("about a database file")
    dialog = SettingsDialog(db)
    qtbot.addWidget(dialog)
    assert dialog.users is None
