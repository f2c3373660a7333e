"""The Purchases section driven through its widgets: a purchase and its delivery spread in the
editor, refusals said in words, expenses, the grids, and its place in the window."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from PySide6.QtCore import QDate, QLocale, QSettings, Qt
from PySide6.QtWidgets import QDialog

from services import choices
from services.contacts import ContactInput, create_contact
from services.expenses import ExpenseInput, list_expenses, save_expense
from services.products import ProductInput, create_product
from services.purchases import (
    PurchaseInput,
    PurchaseLineInput,
    get_purchase,
    list_purchases,
    save_purchase,
)
from tests.conftest import TODAY
from ui.formatting import Formatter
from ui.main_window import MainWindow
from ui.purchases.editor import DiscardPurchase, PurchaseEditor
from ui.purchases.expense_dialog import ExpenseDialog
from ui.purchases.lines import (
    DELIVERY,
    LANDED,
    PRODUCT,
    PRODUCT_ID_ROLE,
    QUANTITY,
    TOTAL,
    UNIT_COST,
)
from ui.purchases.models import (
    COMMENT,
    DATE,
    E_AMOUNT,
    E_CATEGORY,
    E_CHANNEL,
    SUPPLIER,
)
from ui.purchases.models import (
    TOTAL as GRID_TOTAL,
)
from ui.purchases.view import EXPENSES_TAB, PURCHASES_TAB, PurchasesView
from ui.widgets.confirm import Confirm

RU = Formatter(QLocale(QLocale.Language.Russian, QLocale.Country.Russia), "₽")
TIP = Qt.ItemDataRole.ToolTipRole


@pytest.fixture
def goods(db) -> dict[str, int]:
    """Two products: a wallet (default cost 600.00) and a card holder (default cost 300.00)."""
    return {
        "wallet": create_product(db, ProductInput("Кошелёк Classic", "CL-1", "1000", "600")).id,
        "holder": create_product(db, ProductInput("Картхолдер Mini", "MN-1", "500", "300")).id,
    }


def editor_for(qtbot, db, purchase_id=None) -> PurchaseEditor:
    editor = PurchaseEditor(db, RU, purchase_id, today=TODAY)
    qtbot.addWidget(editor)
    return editor


def fill(model, row: int, product_id: int, quantity: str, cost: str | None = None) -> None:
    assert model.setData(model.index(row, PRODUCT), product_id, PRODUCT_ID_ROLE)
    assert model.setData(model.index(row, QUANTITY), quantity)
    if cost is not None:
        assert model.setData(model.index(row, UNIT_COST), cost)


def cell(model, row: int, column: int) -> str:
    return model.index(row, column).data()


def purchase(db, product_id, quantity, cost, day, **extra) -> int:
    lines = (PurchaseLineInput(product_id, quantity, cost),)
    return save_purchase(db, PurchaseInput(day, lines=lines, **extra), today=TODAY).id


# --- the editor ---------------------------------------------------------------------------
def test_a_purchase_through_the_editor_spreads_its_delivery_by_value(qtbot, db, goods):
    editor = editor_for(qtbot, db)
    assert editor.windowTitle() == "New purchase"
    editor.date.setDate(QDate(2026, 6, 10))
    editor.supplier.setEditText("ООО Кожевник")  # no such contact: a name as text
    editor.document.setText("УПД-17")
    editor.comment.setPlainText("Осенняя партия")
    editor.delivery.setText("100")
    lines = editor.lines
    fill(lines, 0, goods["wallet"], "10")  # the cost comes from the product: 600.00
    assert lines.index(0, UNIT_COST).data(Qt.ItemDataRole.EditRole) == "600,00"
    editor.add_button.click()
    fill(lines, 1, goods["holder"], "20", "150")

    # Goods: 10 × 600.00 = 6 000.00 and 20 × 150.00 = 3 000.00, 9 000.00 in all. The 100.00
    # of delivery by value: 6000/9000 = 2/3 → 66.666… and 33.333…; the kopeck left over goes
    # to the larger remainder (the wallets'): 66.67 and 33.33.
    assert cell(lines, 0, DELIVERY) == RU.money(D("66.67"))
    assert cell(lines, 1, DELIVERY) == RU.money(D("33.33"))
    assert cell(lines, 0, TOTAL) == RU.money(D("6066.67"))
    assert cell(lines, 1, TOTAL) == RU.money(D("3033.33"))
    # a unit with its delivery: 6066.67 / 10 = 606.667 → 606.67; 3033.33 / 20 = 151.6665 → 151.67
    assert cell(lines, 0, LANDED) == RU.money(D("606.67"))
    assert cell(lines, 1, LANDED) == RU.money(D("151.67"))
    assert editor.total_labels["units"].text() == "30"
    assert editor.total_labels["goods"].text() == RU.money(D("9000"))
    assert editor.total_labels["total"].text() == RU.money(D("9100"))

    with qtbot.waitSignal(editor.saved) as saved:
        editor.save_button.click()
    assert editor.result() == QDialog.DialogCode.Accepted
    view = get_purchase(db, saved.args[0])
    assert (view.date, view.supplier_id, view.supplier) == (
        dt.date(2026, 6, 10),
        None,
        "ООО Кожевник",
    )
    assert (view.document, view.comment, view.delivery_cost) == (
        "УПД-17",
        "Осенняя партия",
        D("100.00"),
    )
    assert [(ln.product_id, ln.quantity, ln.unit_cost, ln.delivery_share) for ln in view.lines] == [
        (goods["wallet"], 10, D("600.00"), D("66.67")),
        (goods["holder"], 20, D("150.00"), D("33.33")),
    ]
    assert view.total == D("9100.00")


def test_a_refused_purchase_says_why_on_its_line_and_saves_nothing(qtbot, db, goods):
    editor = editor_for(qtbot, db)
    fill(editor.lines, 0, goods["wallet"], "0")
    editor.delivery.setText("-5")
    assert not editor.save()
    assert editor.result() != QDialog.DialogCode.Accepted
    said = editor.errors["lines"]
    assert not said.isHidden()
    assert said.text() == "Line 1: Quantity must be at least 1 (got 0)."
    assert editor.lines.index(0, QUANTITY).data(TIP) == "Quantity must be at least 1 (got 0)."
    assert not editor.errors["delivery_cost"].isHidden()
    assert editor.errors["delivery_cost"].text() == "Delivery cost must not be negative (got -5)."
    assert list_purchases(db) == []
    # put right, the same editor saves
    editor.lines.setData(editor.lines.index(0, QUANTITY), "3")
    editor.delivery.setText("")
    assert editor.save()
    assert [row.units for row in list_purchases(db)] == [3]


def test_a_line_left_empty_is_dropped_and_a_purchase_without_lines_is_refused(qtbot, db, goods):
    editor = editor_for(qtbot, db)
    assert not editor.save()  # its one line has no product yet
    assert editor.errors["lines"].text() == "Line 1: Choose a product."
    fill(editor.lines, 0, goods["holder"], "4")
    editor.add_button.click()  # added and left empty
    assert editor.save()
    assert [len(get_purchase(db, row.id).lines) for row in list_purchases(db)] == [1]


def test_the_supplier_is_a_company_picked_or_any_contact_found_companies_first(qtbot, db, goods):
    company = create_contact(db, ContactInput("Кожа Опт", kind="company")).id
    person = create_contact(db, ContactInput("Кожин Пётр", "+7 916 000-00-01")).id
    editor = editor_for(qtbot, db)
    box = editor.supplier
    assert [box.itemText(i) for i in range(box.count())] == ["", "Кожа Опт"]  # companies
    box.setCurrentIndex(box.findData(company))
    assert box.supplier_id() == company
    box.setEditText("кожа опт")  # typed in another case: the same company
    assert box.supplier_id() == company
    box.search("Кож")
    found = [box.matches.item(row).text() for row in range(box.matches.rowCount())]
    assert found == ["Кожа Опт", "Кожин Пётр"]
    box.choose(1)
    assert (box.currentText(), box.supplier_id()) == ("Кожин Пётр", person)
    fill(editor.lines, 0, goods["wallet"], "2")
    assert editor.save()
    saved = get_purchase(db, editor.purchase_id())
    assert (saved.supplier_id, saved.supplier) == (person, "Кожин Пётр")
    # edited later: the contact stays chosen, the lines keep their ids
    again = editor_for(qtbot, db, saved.id)
    assert again.windowTitle() == f"Purchase of {RU.date(saved.date)}"
    assert again.supplier.supplier_id() == person
    again.lines.setData(again.lines.index(0, QUANTITY), "5")
    assert again.save()
    edited = get_purchase(db, saved.id)
    assert [(ln.id, ln.quantity) for ln in edited.lines] == [(saved.lines[0].id, 5)]


def test_deleting_from_the_editor_asks_first(qtbot, db, goods, monkeypatch):
    purchase_id = purchase(db, goods["wallet"], 3, "500", "01.06.2026")
    answers = iter([False, True])
    monkeypatch.setattr(Confirm, "ask", staticmethod(lambda *_args: next(answers)))
    editor = editor_for(qtbot, db, purchase_id)
    assert editor.delete_button.isEnabled()
    assert not editor.delete()  # said No
    assert len(list_purchases(db)) == 1
    assert editor.delete()
    assert list_purchases(db) == [] and editor.written == purchase_id


def test_closing_with_changes_asks_to_discard_them(qtbot, db, goods, monkeypatch):
    answers = []
    monkeypatch.setattr(DiscardPurchase, "ask", staticmethod(lambda _parent: answers.pop(0)))
    editor = editor_for(qtbot, db)
    closed = []
    editor.rejected.connect(lambda: closed.append(True))
    assert not editor.is_dirty()
    fill(editor.lines, 0, goods["wallet"], "2")
    assert editor.is_dirty()
    answers.append(False)  # Cancel: the editor stays, with what was typed
    editor.reject()
    assert closed == [] and editor.lines.rowCount() == 1
    answers.append(True)  # Discard
    editor.reject()
    assert closed == [True] and list_purchases(db) == []


# --- expenses -----------------------------------------------------------------------------
def channel_id(db, name: str) -> int:
    with db.session() as session:
        return next(c.id for c in choices.channels(session) if c.name == name)


def test_an_ad_expense_through_the_dialog(qtbot, db):
    dialog = ExpenseDialog(db, RU, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.date.setDate(QDate(2026, 6, 3))
    dialog.amount.setText("1 250,50")
    dialog.category.setCurrentIndex(dialog.category.findData("ads"))
    assert dialog.channel.isEnabled()
    dialog.channel.setCurrentIndex(dialog.channel.findData(channel_id(db, "Avito")))
    dialog.comment.setText("Поднятие объявлений")
    assert dialog.save()
    [saved] = list_expenses(db)
    assert (saved.date, saved.amount, saved.category, saved.channel) == (
        dt.date(2026, 6, 3),
        D("1250.50"),
        "ads",
        "Avito",
    )
    assert saved.comment == "Поднятие объявлений"


def test_only_ads_name_a_channel_and_a_zero_amount_is_refused(qtbot, db):
    dialog = ExpenseDialog(db, RU, today=TODAY)
    qtbot.addWidget(dialog)
    names = [dialog.category.itemText(i) for i in range(dialog.category.count())]
    assert names == ["Ads", "Delivery", "Packaging", "Fees", "Other"]
    dialog.channel.setCurrentIndex(dialog.channel.findData(channel_id(db, "Avito")))
    dialog.category.setCurrentIndex(dialog.category.findData("delivery"))
    assert not dialog.channel.isEnabled() and dialog.channel.currentData() is None
    dialog.amount.setText("0")
    assert not dialog.save()
    assert not dialog.errors["amount"].isHidden()
    assert dialog.errors["amount"].text() == "Amount of an expense must be more than 0 (got 0)."
    assert list_expenses(db) == []
    dialog.amount.setText("350")
    assert dialog.save()
    assert [(e.category, e.channel_id, e.amount) for e in list_expenses(db)] == [
        ("delivery", None, D("350.00"))
    ]


# --- the section --------------------------------------------------------------------------
@pytest.fixture
def stocked(db, goods):
    """Three purchases and two expenses around TODAY (2026-06-15)."""
    company = create_contact(db, ContactInput("Кожа Опт", kind="company")).id
    ids = {
        "may": purchase(db, goods["wallet"], 10, "500", "20.05.2026", supplier_name="Рынок"),
        "june": purchase(
            db, goods["holder"], 20, "150", "10.06.2026", supplier_id=company, document="УПД-17"
        ),
        "june_late": purchase(db, goods["wallet"], 5, "560", "12.06.2026", comment="срочно"),
    }
    avito = channel_id(db, "Avito")
    ids["ads"] = save_expense(db, ExpenseInput("1000", "ads", "01.06.2026", avito), today=TODAY).id
    ids["post"] = save_expense(db, ExpenseInput("350", "delivery", "14.05.2026"), today=TODAY).id
    return ids


@pytest.fixture
def view(qtbot, db, stocked):
    widget = PurchasesView(db, RU, today=TODAY)
    qtbot.addWidget(widget)
    return widget


def column(model, col: int) -> list[str]:
    return [model.index(row, col).data() for row in range(model.rowCount())]


def test_the_grids_list_newest_first_and_filter_by_period_and_text(qtbot, view, stocked):
    purchases = view.purchases
    assert column(purchases, DATE) == [RU.date(dt.date(2026, 6, d)) for d in (12, 10)] + [
        RU.date(dt.date(2026, 5, 20))
    ]
    assert column(purchases, SUPPLIER) == ["", "Кожа Опт", "Рынок"]
    # 5 × 560 = 2800.00; 20 × 150 = 3000.00; 10 × 500 = 5000.00
    assert column(purchases, GRID_TOTAL) == [RU.money(D(v)) for v in ("2800", "3000", "5000")]
    assert view.status_line.text() == f"3 purchase(s) · {RU.money(D('10800'))} in all"
    view.period.setCurrentIndex(view.period.findData("this_month"))
    assert column(purchases, COMMENT) == ["срочно", ""]
    view.search.setText("упд")
    view.refresh()  # what the pause in typing does
    assert column(purchases, SUPPLIER) == ["Кожа Опт"]
    view.search.setText("")
    view.period.setCurrentIndex(view.period.findData("all"))
    view.tabs.setCurrentIndex(EXPENSES_TAB)
    assert column(view.expenses, E_CATEGORY) == ["Ads", "Delivery"]
    assert column(view.expenses, E_CHANNEL) == ["Avito", ""]
    assert column(view.expenses, E_AMOUNT) == [RU.money(D("1000")), RU.money(D("350"))]
    assert view.status_line.text() == f"2 expense(s) · {RU.money(D('1350'))} in all"


def test_a_header_click_sorts_and_the_choice_stays(qtbot, view, stocked):
    view.purchase_table.selectRow(0)
    assert view.current_id() == stocked["june_late"]
    view.purchase_table.sortByColumn(GRID_TOTAL, Qt.SortOrder.DescendingOrder)
    assert column(view.purchases, GRID_TOTAL)[0] == RU.money(D("5000"))
    assert view.current_id() == stocked["june_late"]


def test_the_models_pass_the_model_tester(qtmodeltester, view, qtbot, db, goods):
    qtmodeltester.check(view.purchases)
    qtmodeltester.check(view.expenses)
    editor = editor_for(qtbot, db)
    fill(editor.lines, 0, goods["wallet"], "2")
    qtmodeltester.check(editor.lines)


def test_a_double_click_opens_the_editor_and_a_write_refreshes_the_rest(
    qtbot, view, db, stocked, monkeypatch
):
    opened = []

    def ask(cls, database, formatter, purchase_id=None, parent=None, today=None):
        """What the editor does when the date is changed to 13 June, 7 × 100.00, and saved."""
        opened.append(purchase_id)
        product_id = get_purchase(database, purchase_id).lines[0].product_id
        line = PurchaseLineInput(product_id, 7, "100")
        data = PurchaseInput("13.06.2026", lines=(line,))
        return save_purchase(database, data, purchase_id, today).id

    monkeypatch.setattr(PurchaseEditor, "ask", classmethod(ask))
    index = view.purchases.index(2, SUPPLIER)  # May's purchase
    with qtbot.waitSignal(view.dataChanged):
        view.purchase_table.activated.emit(index)
    assert opened == [stocked["may"]]
    # now dated 13 June: the newest, and chosen
    assert view.current_id() == stocked["may"]
    assert column(view.purchases, GRID_TOTAL)[0] == RU.money(D("700"))


def test_delete_asks_and_removes_the_chosen_row_of_the_tab(qtbot, view, db, stocked, monkeypatch):
    answers = iter([False, True, True])
    monkeypatch.setattr(Confirm, "ask", staticmethod(lambda *_args: next(answers)))
    assert not view.delete_action.isEnabled()  # nothing chosen
    view.purchase_table.selectRow(0)
    assert view.delete_action.isEnabled()
    view.delete_action.trigger()  # said No
    assert len(list_purchases(db)) == 3
    with qtbot.waitSignal(view.dataChanged):
        view.delete_action.trigger()
    assert stocked["june_late"] not in [row.id for row in list_purchases(db)]
    assert view.purchases.rowCount() == 2
    view.tabs.setCurrentIndex(EXPENSES_TAB)
    view.expense_table.selectRow(1)
    assert view.delete_current()
    assert [e.id for e in list_expenses(db)] == [stocked["ads"]]


def test_new_expense_from_the_toolbar(qtbot, view, db, monkeypatch):
    def ask(cls, database, formatter, expense_id=None, parent=None, today=None):
        return save_expense(database, ExpenseInput("99.90", "packaging"), expense_id, today)

    monkeypatch.setattr(ExpenseDialog, "ask", classmethod(ask))
    texts = [action.text() for action in view.section_actions()]
    assert texts == ["New purchase", "Edit", "Delete…", "New expense"]
    with qtbot.waitSignal(view.dataChanged):
        view.new_expense_action.trigger()
    assert view.tabs.currentIndex() == EXPENSES_TAB
    assert column(view.expenses, E_CATEGORY)[0] == "Packaging"  # dated today: the newest
    assert view.expenses.index(0, E_AMOUNT).data() == RU.money(D("99.90"))
    assert view.current_id() == view.expenses.item_id(0)


def test_export_gives_the_tab_on_screen(view):
    table = view.export_table()
    assert table.name == "Purchases"
    rows = list(table.rows())
    assert rows[0][0] == dt.date(2026, 6, 12) and rows[-1][5] == D("5000.00")
    view.tabs.setCurrentIndex(EXPENSES_TAB)
    table = view.export_table()
    assert table.name == "Expenses"
    assert [row[1:4] for row in table.rows()] == [
        ("Ads", "Avito", D("1000.00")),
        ("Delivery", None, D("350.00")),
    ]


def test_the_layout_is_remembered(qtbot, db, stocked, tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    first = PurchasesView(db, RU, today=TODAY)
    qtbot.addWidget(first)
    first.purchase_table.horizontalHeader().setSectionHidden(COMMENT, True)
    first.period.setCurrentIndex(first.period.findData("this_year"))
    first.tabs.setCurrentIndex(EXPENSES_TAB)
    first.save_state(settings)
    second = PurchasesView(db, RU, today=TODAY)
    qtbot.addWidget(second)
    second.restore_state(settings)
    assert second.purchase_table.horizontalHeader().isSectionHidden(COMMENT)
    assert second.period.currentData() == "this_year"
    assert second.tabs.currentIndex() == EXPENSES_TAB
    second.tabs.setCurrentIndex(PURCHASES_TAB)
    table = second.export_table()
    assert "Comment" not in [c.header for c in table.columns]  # a hidden column is not exported


def test_the_section_follows_products_and_loads_when_first_shown(qtbot, db, stocked, tmp_path):
    window = MainWindow(db, RU, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert titles.index("Purchases") == titles.index("Products") + 1
    assert not window.sidebar.item(titles.index("Purchases")).icon().isNull()
    assert window.purchases.purchases.rowCount() == 0  # not read at start...
    window.go(titles.index("Purchases"))
    assert window.stack.currentWidget() is window.purchases
    assert window.purchases.purchases.rowCount() == 3  # ...but as soon as it shows
    texts = [a.text() for a in window.section_bar.actions() if a.text()]
    assert "New purchase" in texts and "New expense" in texts and "&Export…" in texts


def test_both_grids_fit_beside_the_sidebar_without_cutting_a_header(qtbot, view):
    view.resize(1080, 600)  # what a 1280-pixel window leaves beside the sidebar
    view.show()
    qtbot.waitExposed(view)
    for tab, table in ((PURCHASES_TAB, view.purchase_table), (EXPENSES_TAB, view.expense_table)):
        view.tabs.setCurrentIndex(tab)
        qtbot.waitUntil(table.isVisible)
        header, model = table.horizontalHeader(), table.model()
        for col in range(model.columnCount()):
            title = model.headerData(col, Qt.Orientation.Horizontal)
            assert header.sectionSize(col) >= header.fontMetrics().horizontalAdvance(title), title
        assert table.horizontalScrollBar().maximum() == 0
