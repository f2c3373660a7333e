"""The Products section driven through its widgets: figures per period, sorting, new and edit."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QDialogButtonBox, QTableView

from services.orders import LineInput, OrderInput, save_order
from services.products import ProductInput, create_product, get_product, list_products
from tests.conftest import TODAY
from ui.formatting import Formatter
from ui.products.models import (
    ACTIVE,
    AVAILABLE,
    COST,
    IN_STOCK,
    MARGIN,
    MINIMUM,
    NAME,
    PRICE,
    PROFIT,
    REVENUE,
    SKU,
    UNITS,
)
from ui.products.view import ProductDialog, ProductsView
from ui.widgets.style import NEGATIVE

# Realized figures per product up to TODAY (tests/conftest.py::shop, tests/test_figures.py):
#   A: O1 3×1000/600 + O2 1×0/600 + O3 2×1200/0 → 6 units, 5400.00 / 2400.00 → 3000.00, 55.6 %
#      (O4 is cancelled; O3's 5 × 1000 on 06-20 is planned, so not counted)
#   B: O1 2×250.50/100.25 + O5 4×500/300 + O6 1×500/300 → 7 units, 3001.00 / 1700.50 → 1300.50
#   C: nothing sold → 0 units, 0.00, margin "—"
FMT = Formatter(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), "₽")
A_NAME, B_NAME, C_NAME = "Кошелёк Classic", "Картхолдер Mini", "Портмоне Travel"


@pytest.fixture
def view(qtbot, db, shop):
    widget = ProductsView(db, FMT, today=TODAY)
    qtbot.addWidget(widget)
    return widget


def column(view, col: int) -> list[str]:
    model = view.model
    return [model.data(model.index(row, col)) for row in range(model.rowCount())]


def row(view, name: str) -> dict[int, str]:
    model = view.model
    number = column(view, NAME).index(name)
    return {col: model.data(model.index(number, col)) for col in range(model.columnCount())}


def fill(dialog: ProductDialog, name=None, sku=None, price=None, cost=None, minimum=None) -> None:
    for edit, text in ((dialog.name, name), (dialog.sku, sku)):
        if text is not None:
            edit.setText(text)
    for edit, text in ((dialog.price, price), (dialog.cost, cost), (dialog.min_stock, minimum)):
        if text is not None:
            edit.setText(text)


def save(dialog: ProductDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_the_model_passes_the_model_tester(qtmodeltester, view):
    qtmodeltester.check(view.model)
    view.table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(view.model)


def test_all_time_figures_per_product(view, shop):
    assert column(view, NAME) == [A_NAME, B_NAME, C_NAME]  # most profitable first
    a = row(view, A_NAME)
    assert a[SKU] == "CL-1"
    assert (a[PRICE], a[COST], a[ACTIVE]) == ("1,000.00\u00a0₽", "600.00\u00a0₽", "Yes")
    assert a[UNITS] == "6"
    assert a[REVENUE] == FMT.money(D("5400.00")) == "5,400.00\u00a0₽"
    assert a[PROFIT] == "3,000.00\u00a0₽"
    assert a[MARGIN] == "55.6\u00a0%"  # 3000 / 5400
    b = row(view, B_NAME)
    assert (b[UNITS], b[REVENUE], b[PROFIT]) == ("7", "3,001.00\u00a0₽", "1,300.50\u00a0₽")
    assert b[MARGIN] == "43.3\u00a0%"  # 1300.50 / 3001
    c = row(view, C_NAME)
    assert (c[UNITS], c[REVENUE], c[PROFIT], c[MARGIN]) == ("0", "0.00\u00a0₽", "0.00\u00a0₽", "—")
    alignment = view.model.data(view.model.index(0, REVENUE), Qt.ItemDataRole.TextAlignmentRole)
    assert alignment == Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def test_after_its_day_the_planned_line_counts_as_sold(qtbot, db, shop):
    # Seen from July, O3's 5 × 1000/600 of 06-20 is realized: A = 5400 + 5000, 3000 + 2000.
    later = ProductsView(db, FMT, today=dt.date(2026, 7, 1))
    qtbot.addWidget(later)
    a = row(later, A_NAME)
    assert (a[UNITS], a[REVENUE], a[PROFIT]) == ("11", "10,400.00\u00a0₽", "5,000.00\u00a0₽")


def test_period_presets(view):
    view.period.setCurrentIndex(view.period.findData("this_month"))
    # June: A as all time; B = O1 501/200.50 + O6 500/300 → 3 units, 1001.00, 500.50
    b = row(view, B_NAME)
    assert (b[UNITS], b[REVENUE], b[PROFIT]) == ("3", "1,001.00\u00a0₽", "500.50\u00a0₽")
    assert row(view, A_NAME)[REVENUE] == "5,400.00\u00a0₽"
    view.period.setCurrentIndex(view.period.findData("last_month"))
    # May: only O5, B 4×500/300 → 2000.00 / 800.00
    assert column(view, NAME) == [B_NAME, A_NAME, C_NAME]
    assert (row(view, B_NAME)[REVENUE], row(view, B_NAME)[PROFIT]) == (
        "2,000.00\u00a0₽",
        "800.00\u00a0₽",
    )
    assert row(view, A_NAME)[MARGIN] == "—"


def test_sorting_by_any_column_keeps_the_selection(view):
    view.select_product(get_id(view, B_NAME))
    view.table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
    assert column(view, NAME) == [B_NAME, A_NAME, C_NAME]  # Ка… < Ко… < По…
    view.table.sortByColumn(UNITS, Qt.SortOrder.DescendingOrder)
    assert column(view, UNITS) == ["7", "6", "0"]
    view.table.sortByColumn(MARGIN, Qt.SortOrder.AscendingOrder)
    assert column(view, MARGIN) == ["43.3\u00a0%", "55.6\u00a0%", "—"]  # empty margin last
    view.table.sortByColumn(MARGIN, Qt.SortOrder.DescendingOrder)
    assert column(view, MARGIN) == ["55.6\u00a0%", "43.3\u00a0%", "—"]
    assert view.current_product_id() == get_id(view, B_NAME)


def get_id(view, name: str) -> int:
    return view.model.product_id(column(view, NAME).index(name))


def test_a_loss_is_red_and_an_inactive_product_grey(db, qtbot, shop):
    d = create_product(db, ProductInput("Ремень", None, "100", "300", active=False)).id
    save_order(db, OrderInput(shop.anna, TODAY, lines=(LineInput(d, 1),)), today=TODAY)
    view = ProductsView(db, FMT, today=TODAY)
    qtbot.addWidget(view)
    number = column(view, NAME).index("Ремень")
    assert view.model.data(view.model.index(number, PROFIT)) == "-200.00\u00a0₽"
    red = view.model.data(view.model.index(number, PROFIT), Qt.ItemDataRole.ForegroundRole)
    assert red == NEGATIVE
    grey = view.model.data(view.model.index(number, NAME), Qt.ItemDataRole.ForegroundRole)
    assert grey is not None and grey != NEGATIVE
    assert view.model.data(view.model.index(number, ACTIVE)) == "No"
    a = column(view, NAME).index(A_NAME)
    assert view.model.data(view.model.index(a, PROFIT), Qt.ItemDataRole.ForegroundRole) is None


def test_new_product_refuses_bad_input_next_to_the_field(qtbot, db, view, monkeypatch):
    seen = {}

    def ask(database, formatter, product_id=None, parent=None):
        dialog = ProductDialog(database, formatter, product_id, parent)
        qtbot.addWidget(dialog)
        fill(dialog, name="кошелёк classic", price="12,5,0", cost="-1", minimum="2,5")
        save(dialog)
        seen["errors"] = {f: dialog.errors[f].text() for f in dialog.FIELDS}
        seen["shown"] = {f: dialog.errors[f].isVisibleTo(dialog) for f in dialog.FIELDS}
        before = len(list_products(database, include_inactive=True))
        seen["unchanged"] = before == 3
        fill(dialog, name="Ремень Belt", sku="BT-1", price="1 250,50", cost="700", minimum="4")
        dialog.active.setChecked(False)
        save(dialog)
        seen["result"] = dialog.result()
        return dialog.saved_product

    monkeypatch.setattr(ProductDialog, "ask", staticmethod(ask))
    with qtbot.waitSignal(view.dataChanged, timeout=1000):
        view.new_button.click()
    assert seen["shown"] == {
        "name": True,
        "sku": False,
        "default_price": True,
        "default_cost": True,
        "min_stock": True,
    }
    assert "already exists" in seen["errors"]["name"]
    assert "whole number of units" in seen["errors"]["min_stock"]
    assert "not a number" in seen["errors"]["default_price"]
    assert "negative" in seen["errors"]["default_cost"]
    assert seen["unchanged"] and seen["result"] == ProductDialog.DialogCode.Accepted
    belt = row(view, "Ремень Belt")
    assert (belt[SKU], belt[PRICE], belt[ACTIVE]) == ("BT-1", "1,250.50\u00a0₽", "No")
    # the minimum shows though the belt is not counted in stock yet: its figures stay empty
    assert (belt[IN_STOCK], belt[AVAILABLE], belt[MINIMUM]) == ("", "", "4")
    assert get_product(db, get_id(view, "Ремень Belt")).min_stock == 4
    assert view.current_product_id() == get_id(view, "Ремень Belt")


def test_double_click_edits_the_product(qtbot, db, view, shop, monkeypatch):
    asked = []

    def ask(database, formatter, product_id=None, parent=None):
        dialog = ProductDialog(database, formatter, product_id, parent)
        qtbot.addWidget(dialog)
        asked.append((product_id, dialog.name.text(), dialog.price.text(), dialog.cost.text()))
        asked.append(dialog.min_stock.text())
        fill(dialog, price="1100", minimum="12")
        save(dialog)
        return dialog.saved_product

    monkeypatch.setattr(ProductDialog, "ask", staticmethod(ask))
    index = view.model.index(column(view, NAME).index(A_NAME), NAME)
    pos = view.table.visualRect(index).center()
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    with qtbot.waitSignal(view.dataChanged, timeout=1000):
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    # The fields come without group separators, so they read back as typed.
    assert asked == [(shop.product_a, A_NAME, "1000.00", "600.00"), ""]
    assert get_product(db, shop.product_a).default_price == D("1100.00")
    assert get_product(db, shop.product_a).min_stock == 12
    assert row(view, A_NAME)[PRICE] == "1,100.00\u00a0₽"
    assert row(view, A_NAME)[REVENUE] == "5,400.00\u00a0₽"  # sold lines keep their own price


def test_a_cancelled_dialog_changes_nothing(qtbot, view, monkeypatch):
    monkeypatch.setattr(ProductDialog, "ask", staticmethod(lambda *args, **kwargs: None))
    with qtbot.assertNotEmitted(view.dataChanged):
        view.new_product()
    assert view.model.rowCount() == 3


def test_edit_needs_a_chosen_product(view):
    assert not view.edit_action.isEnabled()
    view.select_product(get_id(view, C_NAME))
    assert view.edit_action.isEnabled()


def test_column_layout_and_period_are_remembered(qtbot, db, shop, view, tmp_path):
    settings = QSettings(str(tmp_path / "state.ini"), QSettings.Format.IniFormat)
    view.table.horizontalHeader().resizeSection(SKU, 140)
    view.period.setCurrentIndex(view.period.findData("last_12_months"))
    view.save_state(settings)
    again = ProductsView(db, FMT, today=TODAY)
    qtbot.addWidget(again)
    again.restore_state(settings)
    assert again.table.horizontalHeader().sectionSize(SKU) == 140
    assert again.period.currentData() == "last_12_months"


def test_the_default_price_and_cost_make_room_for_the_stock(qtbot, db, shop, view, tmp_path):
    header = view.table.horizontalHeader()
    hidden = [c for c in range(view.model.columnCount()) if header.isSectionHidden(c)]
    assert hidden == [PRICE, COST]  # ticked on in the header's menu
    menu = view.columns_menu()
    price = next(a for a in menu.actions() if a.text() == "Default price")
    assert not price.isChecked()
    price.setChecked(True)
    assert not header.isSectionHidden(PRICE) and header.sectionSize(PRICE) > 50
    assert not next(a for a in menu.actions() if a.text() == "Name").isEnabled()
    menu.deleteLater()
    # a layout remembered before the stock columns came (9 columns, price and cost shown)
    old = QTableView()
    qtbot.addWidget(old)
    old.setModel(QStandardItemModel(0, MARGIN + 1))
    old.horizontalHeader().resizeSection(SKU, 140)
    settings = QSettings(str(tmp_path / "old.ini"), QSettings.Format.IniFormat)
    settings.setValue("products/header", old.horizontalHeader().saveState())
    again = ProductsView(db, FMT, today=TODAY)
    qtbot.addWidget(again)
    again.restore_state(settings)
    header = again.table.horizontalHeader()
    assert header.sectionSize(SKU) == 140
    assert [c for c in range(again.model.columnCount()) if header.isSectionHidden(c)] == [
        PRICE,
        COST,
    ]
    assert header.sectionSize(IN_STOCK) == view.table.horizontalHeader().sectionSize(IN_STOCK)
