"""Stock in the window: the Products grid's stock columns, the adjustment dialog and list,
Today's products below their minimum, and the order editor's cost sources and stock warning,
on a small base whose figures are computed by hand."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal as D

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialogButtonBox

from services.orders import LineInput, OrderInput, get_order, save_order
from services.products import ProductInput, create_product
from services.purchases import PurchaseInput, PurchaseLineInput, save_purchase
from services.stock import AdjustmentInput, add_adjustment, list_adjustments, stock_level
from tests.conftest import TODAY, customer, status_id
from ui.formatting import Formatter
from ui.orders.editor import OrderEditor
from ui.orders.lines import COST, PRODUCT, PRODUCT_ID_ROLE, QUANTITY, SOURCE
from ui.products.models import AVAILABLE, IN_STOCK, MINIMUM, NAME, RESERVED
from ui.products.view import ProductsView
from ui.stock.adjustment import AdjustmentDialog
from ui.stock.adjustments import AdjustmentsDialog
from ui.today.view import TodayView
from ui.widgets.confirm import Confirm
from ui.widgets.style import NEGATIVE

EN = Formatter(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), "₽")
RU = Formatter(QLocale(QLocale.Language.Russian, QLocale.Country.Russia), "₽")
TIP = Qt.ItemDataRole.ToolTipRole


@dataclass(frozen=True)
class Stocked:
    """Ids of the base below."""

    slim: int
    classic: int
    mini: int
    first: int  # purchases of Slim
    second: int
    sale: int  # 15 Slim on 1 June
    planned: int  # 3 Slim on 20 June
    old_sale: int  # 2 Slim on 20 April, before its first purchase


@pytest.fixture
def stocked(db) -> Stocked:
    """Around TODAY (2026-06-15):

    Slim (minimum 10): bought 10 @ 500,00 on 1 May (purchase No. 1) and 10 @ 560,00 on 10 May
    (No. 2); sold 15 on 1 June (FIFO: 10 × 500,00 + 5 × 560,00 = 7 800,00, 520,00 a unit);
    3 planned on 20 June. In stock 20 − 15 = 5, reserved 3, available 2 < 10: below minimum.
    An old sale of 2 on 20 April comes before its first purchase: typed cost, not counted.
    Mini (minimum 5): no purchase, a count found 7 on 1 June: in stock 7, available 7 ≥ 5.
    Classic: neither purchases nor adjustments: not counted, empty cells.
    """
    slim = create_product(db, ProductInput("Slim", None, "900", "450", min_stock=10)).id
    classic = create_product(db, ProductInput("Classic", None, "1000", "600")).id
    mini = create_product(db, ProductInput("Mini", None, "500", "300", min_stock="5")).id
    first = save_purchase(
        db,
        PurchaseInput(dt.date(2026, 5, 1), lines=(PurchaseLineInput(slim, 10, "500"),)),
        today=TODAY,
    ).id
    second = save_purchase(
        db,
        PurchaseInput(dt.date(2026, 5, 10), lines=(PurchaseLineInput(slim, 10, "560"),)),
        today=TODAY,
    ).id
    add_adjustment(db, AdjustmentInput(mini, 7, "first count", date=dt.date(2026, 6, 1)), TODAY)
    buyer = customer(db, "Опт Маркет", "+7 916 555-00-11")
    completed, paid = status_id(db, "completed"), status_id(db, "paid")

    def order(day, status, *lines):
        return save_order(db, OrderInput(buyer, day, status, lines=lines), today=TODAY).id

    sale = order(dt.date(2026, 6, 1), completed, LineInput(slim, 15, "900"))
    planned = order(TODAY, paid, LineInput(slim, 3, "900", date=dt.date(2026, 6, 20)))
    old_sale = order(dt.date(2026, 4, 20), completed, LineInput(slim, 2, "900", "450"))
    return Stocked(slim, classic, mini, first, second, sale, planned, old_sale)


# --- Products ---------------------------------------------------------------------------------


@pytest.fixture
def products(qtbot, db, stocked) -> ProductsView:
    view = ProductsView(db, EN, today=TODAY)
    qtbot.addWidget(view)
    return view


def cells(view: ProductsView, name: str, role=Qt.ItemDataRole.DisplayRole) -> dict[int, object]:
    model = view.model
    names = [model.index(row, NAME).data() for row in range(model.rowCount())]
    row = names.index(name)
    return {
        col: model.index(row, col).data(role) for col in (IN_STOCK, RESERVED, AVAILABLE, MINIMUM)
    }


def test_products_show_stock_and_mark_those_below_their_minimum(qtmodeltester, products):
    assert cells(products, "Slim") == {IN_STOCK: "5", RESERVED: "3", AVAILABLE: "2", MINIMUM: "10"}
    assert cells(products, "Mini") == {IN_STOCK: "7", RESERVED: "0", AVAILABLE: "7", MINIMUM: "5"}
    # not counted: empty, not 0
    assert cells(products, "Classic") == {IN_STOCK: "", RESERVED: "", AVAILABLE: "", MINIMUM: ""}
    slim = cells(products, "Slim", Qt.ItemDataRole.ForegroundRole)
    assert slim[AVAILABLE] == NEGATIVE and slim[IN_STOCK] != NEGATIVE
    assert cells(products, "Slim", Qt.ItemDataRole.FontRole)[AVAILABLE].bold()
    assert cells(products, "Slim", TIP)[AVAILABLE] == "Below the minimum of 10"
    assert cells(products, "Mini", Qt.ItemDataRole.ForegroundRole)[AVAILABLE] is None
    assert cells(products, "Mini", Qt.ItemDataRole.FontRole)[AVAILABLE] is None
    qtmodeltester.check(products.model)


def test_products_sort_by_stock_with_the_uncounted_last(products):
    def names():
        model = products.model
        return [model.index(row, NAME).data() for row in range(model.rowCount())]

    products.table.sortByColumn(AVAILABLE, Qt.SortOrder.AscendingOrder)
    assert names() == ["Slim", "Mini", "Classic"]
    products.table.sortByColumn(IN_STOCK, Qt.SortOrder.DescendingOrder)
    assert names() == ["Mini", "Slim", "Classic"]
    products.table.sortByColumn(MINIMUM, Qt.SortOrder.DescendingOrder)
    assert names() == ["Slim", "Mini", "Classic"]


def test_the_stock_adjustment_from_products_refuses_an_empty_reason(
    qtbot, db, products, stocked, monkeypatch
):
    seen = {}

    def ask(database, formatter, product_id=None, parent=None, today=None):
        dialog = AdjustmentDialog(database, formatter, product_id, parent, today)
        qtbot.addWidget(dialog)
        seen["product"] = dialog.product.currentData()
        seen["stock"] = dialog.stock.text()
        dialog.kind.setCurrentIndex(dialog.kind.findData("write_off"))
        dialog.quantity.setText("3")
        dialog.reason.setText("   ")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        seen["shown"] = {f: dialog.errors[f].isVisibleTo(dialog) for f in dialog.FIELDS}
        seen["reason"] = dialog.errors["reason"].text()
        seen["saved"] = len(list_adjustments(database, stocked.slim))
        dialog.reason.setText("damaged in transit")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        return dialog.saved_adjustment

    monkeypatch.setattr(AdjustmentDialog, "ask", staticmethod(ask))
    products.select_product(stocked.slim)
    assert products.adjust_action.isEnabled()
    with qtbot.waitSignal(products.dataChanged, timeout=1000):
        products.adjust_action.trigger()
    assert seen["product"] == stocked.slim  # the chosen product, preselected
    assert seen["stock"] == "In stock 5 · reserved 3 · available 2"
    assert seen["shown"] == {
        "product": False,
        "kind": False,
        "quantity": False,
        "date": False,
        "reason": True,
    }
    assert seen["reason"].startswith("Say why the stock changes")
    assert seen["saved"] == 0  # nothing saved on the refusal
    [adjustment] = list_adjustments(db, stocked.slim)
    # a write-off takes away whatever the sign typed; its cost is the next batch's: 3 × 560,00
    assert (adjustment.kind, adjustment.quantity, adjustment.date) == ("write_off", -3, TODAY)
    assert adjustment.cost == 1680
    assert cells(products, "Slim")[IN_STOCK] == "2"  # 5 − 3
    assert products.current_product_id() == stocked.slim


def test_a_count_correction_adds_what_was_found(qtbot, db, stocked):
    dialog = AdjustmentDialog(db, RU, stocked.classic, today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.stock.text().startswith("Stock not counted yet")
    dialog.quantity.setText("0")
    dialog.reason.setText("recount")
    assert not dialog.save()
    assert dialog.errors["quantity"].isVisibleTo(dialog)
    assert list_adjustments(db, stocked.classic) == []
    dialog.quantity.setText("4")
    dialog.date.setDate(dialog.date.date().addDays(-1))
    assert dialog.save()
    assert dialog.saved_adjustment.quantity == 4
    assert dialog.saved_adjustment.date == TODAY - dt.timedelta(days=1)
    assert stock_level(db, stocked.classic, TODAY).available == 4


def test_the_adjustments_list_adds_and_deletes(qtbot, qtmodeltester, db, stocked, monkeypatch):
    dialog = AdjustmentsDialog(db, EN, stocked.mini, today=TODAY)
    qtbot.addWidget(dialog)
    model = dialog.model
    qtmodeltester.check(model)
    assert [model.index(0, c).data() for c in range(5)] == [
        "6/1/26", "Count correction", "+7", "first count", "",
    ]  # fmt: skip

    def write_off(database, formatter, product_id=None, parent=None, today=None):
        data = AdjustmentInput(product_id, 2, "gift to a customer", "write_off")
        return add_adjustment(database, data, today)

    monkeypatch.setattr(AdjustmentDialog, "ask", staticmethod(write_off))
    assert dialog.new_adjustment() and dialog.changed
    assert model.rowCount() == 2
    assert model.index(0, 2).data() == "-2" and model.index(0, 1).data() == "Write-off"
    assert model.index(0, 2).data(Qt.ItemDataRole.ForegroundRole) == NEGATIVE
    assert stock_level(db, stocked.mini, TODAY).in_stock == 5
    monkeypatch.setattr(Confirm, "ask", staticmethod(lambda *args: False))
    dialog.table.selectRow(0)
    assert not dialog.delete_chosen() and model.rowCount() == 2
    monkeypatch.setattr(Confirm, "ask", staticmethod(lambda *args: True))
    assert dialog.delete_chosen()
    assert model.rowCount() == 1
    assert stock_level(db, stocked.mini, TODAY).in_stock == 7


# --- Today ------------------------------------------------------------------------------------


def test_today_lists_the_products_below_their_minimum(qtbot, qtmodeltester, db, stocked):
    view = TodayView(db, EN, today=TODAY)
    qtbot.addWidget(view)
    view.resize(1200, 900)
    view.show()
    section = view.sections["stock"]
    qtmodeltester.check(section.model)
    assert not section.box.isHidden()
    assert section.title.text() == "Below minimum stock · 1"
    model = section.model
    assert [model.index(0, c).data() for c in range(3)] == ["Slim", "2", "10"]
    rect = section.table.visualRect(model.index(0, 0))
    qtbot.mouseClick(section.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(view.productActivated, timeout=1000) as opened:
        qtbot.mouseDClick(section.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [stocked.slim]


# --- the order editor -------------------------------------------------------------------------


def editor_for(qtbot, db, **kwargs) -> OrderEditor:
    editor = OrderEditor(db, RU, today=TODAY, **kwargs)
    qtbot.addWidget(editor)
    return editor


def test_a_saved_fifo_line_says_its_batches_and_its_cost_is_not_typed(qtbot, db, stocked):
    editor = editor_for(qtbot, db, order_id=stocked.sale)
    lines = editor.lines
    assert lines.index(0, COST).data() == RU.money(520)  # 7 800,00 / 15
    assert lines.index(0, SOURCE).data() == "FIFO"
    assert lines.index(0, SOURCE).data(TIP) == (
        f"FIFO: 10 × {RU.money(500)} (purchase No. {stocked.first} of 01.05.2026)\n"
        f"+ 5 × {RU.money(560)} (purchase No. {stocked.second} of 10.05.2026)"
    )
    assert "not typed" in lines.index(0, COST).data(TIP)
    assert not lines.flags(lines.index(0, COST)) & Qt.ItemFlag.ItemIsEditable
    assert not lines.setData(lines.index(0, COST), "100")
    assert editor.stock_warning.isHidden()  # its own 15 are counted back


def test_a_line_before_the_first_purchase_keeps_its_typed_cost(qtbot, db, stocked):
    editor = editor_for(qtbot, db, order_id=stocked.old_sale)
    lines = editor.lines
    assert lines.index(0, SOURCE).data() == "Typed"
    assert "before the product's stock is counted (01.05.2026)" in lines.index(0, SOURCE).data(TIP)
    assert lines.flags(lines.index(0, COST)) & Qt.ItemFlag.ItemIsEditable
    assert lines.setData(lines.index(0, COST), "470")
    assert lines.index(0, COST).data() == RU.money(470)


def test_a_line_beyond_the_stock_says_so(qtbot, db, stocked):
    # 7 on TODAY after the 15 of 1 June: 5 × 560,00 left, 2 beyond at the last batch's 560,00
    buyer = customer(db, "Сверх")
    line = LineInput(stocked.slim, 7, "900")
    order = save_order(db, OrderInput(buyer, TODAY, lines=(line,)), today=TODAY).id
    assert get_order(db, order, TODAY).lines[0].unit_cost == 560
    editor = editor_for(qtbot, db, order_id=order)
    source = editor.lines.index(0, SOURCE)
    assert source.data() == "FIFO, 2 beyond stock"
    assert source.data(Qt.ItemDataRole.ForegroundRole) == NEGATIVE
    assert source.data(TIP) == (
        f"FIFO: 5 × {RU.money(560)} (purchase No. {stocked.second} of 10.05.2026)\n"
        f"+ 2 × {RU.money(560)} beyond stock (at the cost of purchase No. {stocked.second} of "
        "10.05.2026)\n2 unit(s) beyond stock, costed at the last purchase until stock arrives"
    )


def test_the_editor_warns_when_the_lines_take_more_than_is_available(qtbot, db, stocked):
    editor = editor_for(qtbot, db, order_id=stocked.sale)
    lines = editor.lines
    assert lines.setData(lines.index(0, QUANTITY), "18")
    # available 2, and this line's own 15 back: 17
    assert not editor.stock_warning.isHidden()
    assert editor.stock_warning.text() == (
        "Only 17 of Slim available, 18 in this order: the units beyond the stock are costed "
        "at the last purchase until stock arrives."
    )
    assert lines.index(0, SOURCE).data() == "FIFO when saved"  # re-costed when saved
    assert lines.setData(lines.index(0, QUANTITY), "17")
    assert editor.stock_warning.isHidden()

    new = editor_for(qtbot, db, contact_id=customer(db, "Новый"))
    assert new.lines.setData(new.lines.index(0, PRODUCT), stocked.slim, PRODUCT_ID_ROLE)
    assert new.lines.setData(new.lines.index(0, QUANTITY), "3")
    assert new.stock_warning.text().startswith("Only 2 of Slim available, 3 in this order")
    # a new line of a purchased product: the default cost shown, computed when saved
    assert new.lines.index(0, COST).data() == RU.money(450)
    assert new.lines.index(0, SOURCE).data() == "FIFO when saved"
    assert not new.lines.flags(new.lines.index(0, COST)) & Qt.ItemFlag.ItemIsEditable
    # Mini is counted by its adjustment only: warned, its cost still typed
    assert new.lines.setData(new.lines.index(0, PRODUCT), stocked.mini, PRODUCT_ID_ROLE)
    assert new.lines.setData(new.lines.index(0, QUANTITY), "9")
    assert new.stock_warning.text() == "Only 7 of Mini available, 9 in this order."
    assert new.lines.index(0, SOURCE).data() == "Typed"
    # a product not counted at all: nothing to say
    assert new.lines.setData(new.lines.index(0, PRODUCT), stocked.classic, PRODUCT_ID_ROLE)
    assert new.stock_warning.isHidden()


def test_the_lines_model_with_sources_passes_the_model_tester(qtbot, qtmodeltester, db, stocked):
    editor = editor_for(qtbot, db, order_id=stocked.sale)
    qtmodeltester.check(editor.lines)


def test_a_fifo_line_shows_its_exact_cost_with_the_remainder(qtbot, db):
    """1 @ 0,01 and 2 @ 0,02 bought; a sale of 2 takes 0,01 + 0,02 = 0,03 exactly: a unit
    cost of 0,02 (0,015 halves up) less a kopeck of remainder."""
    penny = create_product(db, ProductInput("Копеечный", None, "1", "0.01")).id
    for day, cost in ((dt.date(2026, 5, 1), "0.01"), (dt.date(2026, 5, 2), "0.02")):
        lines = (PurchaseLineInput(penny, 1 if cost == "0.01" else 2, cost),)
        save_purchase(db, PurchaseInput(day, lines=lines), today=TODAY)
    line = LineInput(penny, 2, "1", None, dt.date(2026, 6, 1))
    sale = save_order(db, OrderInput(customer(db, "Кто-то"), dt.date(2026, 6, 1), lines=(line,)))
    editor = editor_for(qtbot, db, order_id=sale.id)
    assert editor.lines.index(0, COST).data() == RU.money("0.02")
    assert editor.lines.totals().cost == D("0.03")
    editor.lines.setData(editor.lines.index(0, QUANTITY), "3")  # changed: a plain estimate
    assert editor.lines.totals().cost == D("0.06")
