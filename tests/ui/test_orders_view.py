"""The orders grid driven through its widgets: sort, filter, group, page, change status, open."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtGui import QColor, QStandardItemModel
from PySide6.QtWidgets import QTableView
from sqlalchemy import text

from services.choices import PAYMENTS_SINCE, loss_reasons, put_setting
from services.orders import change_status, get_order
from services.payments import debtors, record_payment
from services.tables import Kind
from tests.conftest import TODAY, loss_reason_id, status_id
from tests.test_scoring import DAY, five_deals
from ui.formatting import Formatter
from ui.orders import columns as orders_columns
from ui.orders import models as orders_models
from ui.orders.columns import (
    AMOUNT,
    BALANCE,
    CLASS,
    CONTACT,
    COST,
    MARGIN,
    PAID,
    PROBABILITY,
    PROFIT,
    SORT_KEYS,
    VALUE,
)
from ui.orders.loss_reason import LossReasonDialog
from ui.orders.models import AVERAGE, G_AMOUNT, G_MARGIN, G_PROFIT, GROUP, ORDERS, OrdersTableModel
from ui.orders.payment_dialog import PaymentDialog
from ui.orders.view import ErrorMessage, OrdersView
from ui.widgets.confirm import Confirm
from ui.widgets.periods import period_range

# Order totals (see tests/conftest.py::shop and tests/test_order_list.py):
#   O1 Igor1 06-01 3501.00/2000.50 → 1500.50   O2 Igor2 06-10 0/600 → −600
#   O3 Igor2 06-12 7400/3000 → 4400 (Paid)     O4 Anna 06-05 10000/6000 (Cancelled)
#   O5 Anna 05-20 2000/1200 → 800              O6 Anna 06-14 500/300 → 200
FMT = Formatter(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), "₽")


@pytest.fixture
def view(qtbot, db, shop):
    widget = OrdersView(db, FMT)
    widget.today = lambda: TODAY
    qtbot.addWidget(widget)
    return widget


def ids(model) -> list[int]:
    return [model.order_id(row) for row in range(model.rowCount())]


def row_of(model, order_id: int) -> int:
    return ids(model).index(order_id)


def shown(model, row: int, column: int) -> str:
    return model.data(model.index(row, column))


def double_click(qtbot, table, index) -> None:
    """A person's double-click: QTest's mouseDClick alone sends no press before it."""
    pos = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def status_action(view, name: str):
    submenu = next(a.menu() for a in view.context_menu().actions() if a.menu())
    return next(a for a in submenu.actions() if a.text() == name)


def test_models_pass_the_model_tester(qtmodeltester, view):
    qtmodeltester.check(view.model)
    view.group_by.setCurrentIndex(view.group_by.findData("contact"))
    qtmodeltester.check(view.groups)


def test_grid_shows_newest_first_and_sorts_by_profit_in_sql(view, shop):
    s = shop
    assert ids(view.model) == [s.o6, s.o3, s.o2, s.o4, s.o1, s.o5]
    assert view.status_line.text() == "6 order(s)"
    view.grid.sortByColumn(PROFIT, Qt.SortOrder.DescendingOrder)
    assert view.model.sort_key == ("profit", True)
    assert ids(view.model) == [s.o3, s.o4, s.o1, s.o5, s.o6, s.o2]
    row = row_of(view.model, s.o3)
    assert shown(view.model, row, CONTACT) == "Игорь"
    assert shown(view.model, row, AMOUNT) == FMT.money(D("7400")) == "7,400.00\u00a0₽"
    assert shown(view.model, row, PROFIT) == "4,400.00\u00a0₽"


def test_negative_profit_is_red_and_a_margin_over_nothing_is_a_dash(view, shop):
    o2, o1 = row_of(view.model, shop.o2), row_of(view.model, shop.o1)
    red = view.model.data(view.model.index(o2, PROFIT), Qt.ItemDataRole.ForegroundRole)
    assert red == QColor("#c62828")
    assert shown(view.model, o2, PROFIT) == "-600.00\u00a0₽"
    assert shown(view.model, o2, MARGIN) == "—"
    assert view.model.data(view.model.index(o1, PROFIT), Qt.ItemDataRole.ForegroundRole) is None


def test_text_filter_finds_a_phone_typed_differently_as_you_type(qtbot, view, shop):
    with qtbot.waitSignal(view.model.modelReset, timeout=2000):
        qtbot.keyClicks(view.search, "8916 123-45-68")  # Igor2 was saved as 8 916 123-45-68
    assert sorted(ids(view.model)) == sorted([shop.o2, shop.o3])
    assert view.model.total == 2
    assert view.status_line.text() == "2 order(s)"


def test_status_and_period_filters(view, shop):
    view.status.setCurrentIndex(view.status.findText("Paid"))
    assert ids(view.model) == [shop.o3]
    view.status.setCurrentIndex(0)
    view.period.setCurrentIndex(view.period.findData("last_month"))
    assert ids(view.model) == [shop.o5]
    view.period.setCurrentIndex(view.period.findData("custom"))
    assert view.date_from.isVisibleTo(view)
    view.date_from.setDate(dt.date(2026, 6, 10))
    view.date_to.setDate(dt.date(2026, 6, 12))
    assert ids(view.model) == [shop.o3, shop.o2]


def test_period_presets():
    assert period_range("this_month", TODAY) == (dt.date(2026, 6, 1), dt.date(2026, 6, 30))
    assert period_range("last_month", TODAY) == (dt.date(2026, 5, 1), dt.date(2026, 5, 31))
    assert period_range("this_quarter", TODAY) == (dt.date(2026, 4, 1), dt.date(2026, 6, 30))
    assert period_range("this_year", TODAY) == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert period_range("last_12_months", TODAY) == (dt.date(2025, 7, 1), TODAY)
    january = dt.date(2026, 1, 10)
    assert period_range("last_month", january) == (dt.date(2025, 12, 1), dt.date(2025, 12, 31))
    assert period_range("this_quarter", dt.date(2026, 12, 31))[1] == dt.date(2026, 12, 31)
    assert period_range("all", TODAY) == (None, None)
    assert period_range("last_30_days", TODAY) == (dt.date(2026, 5, 17), TODAY)  # the board's


def test_group_by_contact_shows_the_best_customer_first(view, shop):
    view.group_by.setCurrentIndex(view.group_by.findData("contact"))
    assert view.stack.currentWidget() is view.group_table
    groups = view.groups
    assert groups.rowCount() == 3
    assert view.group_table.horizontalHeader().sortIndicatorSection() == G_PROFIT
    # Igor2: O2 + O3 = 7400 amount, 3600 cost → 3800 profit, 51.4 %, 3700 per order
    assert shown(groups, 0, GROUP) == "Игорь, +7 916 123-45-68"
    assert shown(groups, 0, ORDERS) == "2"
    assert shown(groups, 0, G_AMOUNT) == FMT.money(D("7400.00"))
    assert shown(groups, 0, G_PROFIT) == FMT.money(D("3800"))
    assert shown(groups, 0, G_MARGIN) == "51.4\u00a0%"
    assert shown(groups, 0, AVERAGE) == FMT.money(D("3700"))
    assert view.status_line.text() == "3 group(s)"
    # Anna's cancelled O4 is counted apart and adds no money
    anna = next(r for r in range(3) if shown(groups, r, GROUP).startswith("Анна"))
    assert shown(groups, anna, G_AMOUNT) == FMT.money(D("2500"))
    view.group_table.sortByColumn(G_AMOUNT, Qt.SortOrder.AscendingOrder)
    assert [shown(groups, r, G_AMOUNT) for r in range(3)] == [
        FMT.money(D("2500")),
        FMT.money(D("3501")),
        FMT.money(D("7400")),
    ]


def test_double_click_on_a_contact_group_filters_the_grid_to_that_contact(qtbot, view, shop):
    view.show()
    qtbot.waitExposed(view)
    view.group_by.setCurrentIndex(view.group_by.findData("contact"))
    double_click(qtbot, view.group_table, view.groups.index(0, GROUP))
    assert view.group_by.currentData() is None
    assert view.stack.currentWidget() is view.grid
    assert view.model.order_filter().contact_id == shop.igor2
    assert ids(view.model) == [shop.o3, shop.o2]
    assert view.contact_chip.isVisible()
    view.contact_chip.click()
    assert view.model.total == 6


def test_group_by_status_and_month(view, shop):
    view.group_by.setCurrentIndex(view.group_by.findData("status"))
    paid = next(r for r in range(view.groups.rowCount()) if shown(view.groups, r, GROUP) == "Paid")
    view._group_activated(view.groups.index(paid, GROUP))  # Paid → the grid of paid orders
    assert view.status.currentText() == "Paid"
    assert ids(view.model) == [shop.o3]
    view.status.setCurrentIndex(0)
    view.group_by.setCurrentIndex(view.group_by.findData("month"))
    assert [shown(view.groups, r, GROUP) for r in range(2)] == ["2026-06", "2026-05"]
    # June without the cancelled O4: 3501.00 + 0 + 7400 + 500
    assert shown(view.groups, 0, G_AMOUNT) == FMT.money(D("11401"))
    view._group_activated(view.groups.index(1, GROUP))  # May → that month in the grid
    assert view.period.currentData() == "custom"
    assert ids(view.model) == [shop.o5]


def test_fetch_more_pages_in_the_rows(qtmodeltester, monkeypatch, db, shop):
    monkeypatch.setattr(orders_models, "PAGE_SIZE", 2)
    model = OrdersTableModel(db, FMT)
    assert (model.rowCount(), model.total, model.canFetchMore()) == (2, 6, True)
    model.fetchMore()
    assert model.rowCount() == 4
    model.fetchMore()
    assert model.rowCount() == 6
    assert not model.canFetchMore()
    assert ids(model) == [shop.o6, shop.o3, shop.o2, shop.o4, shop.o1, shop.o5]
    model.sort(PROFIT, Qt.SortOrder.AscendingOrder)  # a new sort starts again from the top
    assert ids(model) == [shop.o2, shop.o6]
    qtmodeltester.check(model)


def test_cancel_from_the_grid_asks_for_a_loss_reason(qtbot, monkeypatch, db, view, shop):
    with db.session() as session:
        reason = loss_reasons(session)[0].id
    asked = []
    monkeypatch.setattr(
        LossReasonDialog, "ask", classmethod(lambda cls, parent, r: asked.append(r) or None)
    )
    view.grid.setCurrentIndex(view.model.index(row_of(view.model, shop.o3), 0))
    with qtbot.assertNotEmitted(view.dataChanged):
        status_action(view, "Cancelled").trigger()
    assert asked and get_order(db, shop.o3).status == "Paid"  # declined: nothing written

    monkeypatch.setattr(
        LossReasonDialog, "ask", classmethod(lambda cls, parent, r: (reason, "too dear"))
    )
    with qtbot.waitSignal(view.dataChanged):
        status_action(view, "Cancelled").trigger()
    written = get_order(db, shop.o3)
    assert (written.status, written.loss_reason_id, written.loss_note) == (
        "Cancelled",
        reason,
        "too dear",
    )
    assert shown(view.model, row_of(view.model, shop.o3), orders_columns.STATUS) == "Cancelled"


def test_a_refused_status_change_is_said_and_changes_nothing(monkeypatch, db, view, shop):
    said = []
    monkeypatch.setattr(LossReasonDialog, "ask", classmethod(lambda cls, p, r: (None, "")))
    monkeypatch.setattr(ErrorMessage, "show", staticmethod(lambda parent, text: said.append(text)))
    view.grid.setCurrentIndex(view.model.index(row_of(view.model, shop.o3), 0))
    status_action(view, "Cancelled").trigger()
    assert said and "loss reason" in said[0]
    assert get_order(db, shop.o3).status == "Paid"
    status_action(view, "Completed").trigger()  # no reason needed
    assert get_order(db, shop.o3).status == "Completed"


def test_double_click_and_enter_open_the_order(qtbot, view, shop):
    view.show()
    qtbot.waitExposed(view)
    with qtbot.waitSignal(view.orderActivated) as blocker:
        double_click(qtbot, view.grid, view.model.index(row_of(view.model, shop.o5), CONTACT))
    assert blocker.args == [shop.o5]
    view.grid.setCurrentIndex(view.model.index(row_of(view.model, shop.o1), 0))
    with qtbot.waitSignal(view.orderActivated) as blocker:
        qtbot.keyClick(view.grid, Qt.Key.Key_Return)
    assert blocker.args == [shop.o1]


def test_header_state_is_remembered(qtbot, tmp_path, db, view, shop):
    view.grid.sortByColumn(PROFIT, Qt.SortOrder.DescendingOrder)
    settings = QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)
    view.save_state(settings)
    settings.sync()
    again = OrdersView(db, FMT)
    qtbot.addWidget(again)
    again.restore_state(QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat))
    assert again.model.sort_key == ("profit", True)
    assert ids(again.model)[0] == shop.o3


# --- payments ----------------------------------------------------------------------------------
def pay(db, order_id: int, amount: str):
    return record_payment(db, order_id, amount, TODAY, today=TODAY)


@pytest.fixture
def paid(db, shop):
    """O1 paid 1000 (2501.00 owed), O5 overpaid 2100.50 (100.50 to give back), O6 paid in full,
    O4 paid 300 before it was cancelled (a refund due); O3 (7400) and O2 (0) nothing."""
    pay(db, shop.o1, "1000")
    pay(db, shop.o5, "2100.50")
    pay(db, shop.o6, "500")
    with db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO payments (order_id, date, amount, method, created_at)"
                " VALUES (:order, '2026-06-06', 30000, 'cash', '2026-06-06 10:00:00')"
            ),
            {"order": shop.o4},
        )
    return shop


def test_paid_and_balance_columns_are_computed_and_sorted_in_sql(view, paid):
    s, model = paid, view.model
    view.refresh()
    expected = {  # (paid, balance): amount − paid; a cancelled order 0 − paid
        s.o1: ("1,000.00\u00a0₽", "2,501.00\u00a0₽"),
        s.o2: ("0.00\u00a0₽", "0.00\u00a0₽"),
        s.o3: ("0.00\u00a0₽", "7,400.00\u00a0₽"),
        s.o4: ("300.00\u00a0₽", "-300.00\u00a0₽"),
        s.o5: ("2,100.50\u00a0₽", "-100.50\u00a0₽"),
        s.o6: ("500.00\u00a0₽", "0.00\u00a0₽"),
    }
    for order, figures in expected.items():
        row = row_of(model, order)
        assert (shown(model, row, PAID), shown(model, row, BALANCE)) == figures, order
    tip = Qt.ItemDataRole.ToolTipRole
    assert model.index(row_of(model, s.o4), BALANCE).data(tip) == "Refund due: 300.00\u00a0₽"
    assert model.index(row_of(model, s.o5), BALANCE).data(tip) == "Overpaid by 100.50\u00a0₽"
    red = Qt.ItemDataRole.ForegroundRole
    assert model.index(row_of(model, s.o4), BALANCE).data(red) == QColor("#c62828")
    assert model.index(row_of(model, s.o1), BALANCE).data(red) is None
    view.grid.sortByColumn(BALANCE, Qt.SortOrder.DescendingOrder)
    assert model.sort_key == ("balance", True)
    # 7400, 2501, then 0, 0 by number (descending), −100.50, −300
    assert ids(model) == [s.o3, s.o1, s.o6, s.o2, s.o5, s.o4]
    view.grid.sortByColumn(PAID, Qt.SortOrder.AscendingOrder)
    assert ids(model)[:2] == [s.o2, s.o3] and ids(model)[-1] == s.o5


def test_owes_money_shows_exactly_the_orders_the_debtors_list_counts(db, view, paid):
    s = paid
    view.owing.setChecked(True)
    # O1 owes 2501, O3 7400; O2 owes nothing, O4 is cancelled, O5 overpaid, O6 paid
    assert sorted(ids(view.model)) == sorted([s.o1, s.o3])
    assert view.status_line.text() == "2 order(s)"
    assert sum(d.orders for d in debtors(db, TODAY)) == 2
    with db.session() as session:  # orders from before payments began count as settled
        put_setting(session, PAYMENTS_SINCE, "2026-06-05")
        session.commit()
    view.refresh()
    assert ids(view.model) == [s.o3]  # O1 is dated 06-01
    assert [(d.contact_id, d.orders) for d in debtors(db, TODAY)] == [(s.igor2, 1)]
    view.owing.setChecked(False)
    assert view.model.total == 6


def test_payment_received_from_the_context_menu(qtbot, monkeypatch, db, view, paid):
    s = paid
    asked = []

    def ask(database, formatter, order_id, parent=None, today=None):
        dialog = PaymentDialog(database, formatter, order_id, parent, today)
        asked.append(dialog.amount.text())  # the balance, offered
        dialog.amount.setText("1")
        dialog.save()
        return dialog.recorded

    monkeypatch.setattr(PaymentDialog, "ask", staticmethod(ask))
    view.refresh()
    view.grid.setCurrentIndex(view.model.index(row_of(view.model, s.o1), 0))
    action = next(a for a in view.context_menu().actions() if a.text() == "Payment received…")
    assert action is view.payment_action and action in view.section_actions()
    assert action.isEnabled()
    with qtbot.waitSignal(view.dataChanged):
        action.trigger()
    assert asked == ["2501.00"]
    row = row_of(view.model, s.o1)
    # 1000 + 1 paid; 3501 − 1001 = 2500 owed
    assert shown(view.model, row, PAID) == "1,001.00\u00a0₽"
    assert shown(view.model, row, BALANCE) == "2,500.00\u00a0₽"
    view.grid.setCurrentIndex(view.model.index(row_of(view.model, s.o4), 0))
    assert not view.payment_action.isEnabled()  # a cancelled order takes no payment


def test_paid_is_a_column_to_choose_and_the_choice_is_remembered(qtbot, tmp_path, db, view):
    header = view.grid.horizontalHeader()
    assert header.isSectionHidden(PAID) and not header.isSectionHidden(BALANCE)
    menu = view.columns_menu()
    titles = [a.text() for a in menu.actions()]
    assert titles[PAID : BALANCE + 1] == ["Paid", "Balance"]
    menu.actions()[PAID].trigger()
    assert not header.isSectionHidden(PAID) and header.sectionSize(PAID) > 50
    settings = QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)
    view.save_state(settings)
    settings.sync()
    again = OrdersView(db, FMT)
    qtbot.addWidget(again)
    again.restore_state(QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat))
    assert not again.grid.horizontalHeader().isSectionHidden(PAID)


def test_a_layout_remembered_before_payments_gets_the_new_columns_as_they_come(
    qtbot, tmp_path, db, shop
):
    settings = QSettings(str(tmp_path / "old.ini"), QSettings.Format.IniFormat)
    older = QTableView()  # the grid as an older Lavka saved it: ten columns, no list of them
    older.setModel(QStandardItemModel(0, 10))
    older.horizontalHeader().resizeSection(CONTACT, 300)
    settings.setValue("orders/grid_header", older.horizontalHeader().saveState())
    view = OrdersView(db, FMT)
    qtbot.addWidget(view)
    width = view.grid.horizontalHeader().sectionSize(BALANCE)
    view.restore_state(settings)
    header = view.grid.horizontalHeader()
    assert header.isSectionHidden(PAID) and not header.isSectionHidden(BALANCE)
    assert header.sectionSize(BALANCE) == width  # its own width, not Qt's default


def test_the_grid_exports_paid_and_balance(db, view, paid):
    table = view.model.export_table()
    assert [c.header for c in table.columns][PAID : BALANCE + 1] == ["Paid", "Balance"]
    rows = {row[0]: row for row in table.rows()}
    assert rows[paid.o1][PAID : BALANCE + 1] == (D("1000.00"), D("2501.00"))
    assert rows[paid.o4][PAID : BALANCE + 1] == (D("300.00"), D("-300.00"))


# --- deal scores -------------------------------------------------------------------------------
RU = Formatter(QLocale(QLocale.Language.Russian, QLocale.Country.Russia), "₽")


@pytest.fixture
def deals(qtbot, db):
    """The research's five deals (tests/test_scoring.py) in the grid, scored on DAY."""
    order_ids = five_deals(db)
    widget = OrdersView(db, RU)
    widget.today = lambda: DAY
    qtbot.addWidget(widget)
    widget.refresh()
    return widget, order_ids


def test_the_grid_shows_each_deals_probability_value_and_class(qtmodeltester, deals):
    view, order_ids = deals
    model = view.model
    expected = {  # worked out by hand in tests/test_scoring.py
        "Сбер": ("55\u00a0%", "275\u00a0000,00\u00a0₽", "A"),  # 20 + 40 + 10 − 15
        "Гладиолус": ("80\u00a0%", "80\u00a0000,00\u00a0₽", "B"),  # 20 + 40 + 30 − 10
        "ООО «Ромашка»": ("35\u00a0%", "17\u00a0500,00\u00a0₽", "C"),  # 20 + 30 − 15
        "Администрация района": ("5\u00a0%", "10\u00a0000,00\u00a0₽", "C2"),  # the floor
        "Тюльпан": ("5\u00a0%", "2\u00a0500,00\u00a0₽", "E"),  # 20 − 30 → the floor
    }
    for name, figures in expected.items():
        row = row_of(model, order_ids[name])
        shown_now = tuple(shown(model, row, c) for c in (PROBABILITY, VALUE, CLASS))
        assert shown_now == figures, name
    slid = model.index(row_of(model, order_ids["Администрация района"]), CLASS)
    assert "A or B" in slid.data(Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(0, VALUE), Qt.ItemDataRole.TextAlignmentRole) is not None
    qtmodeltester.check(model)


def test_sorting_by_value_puts_the_most_valuable_deal_first(deals):
    view, order_ids = deals
    view.grid.sortByColumn(VALUE, Qt.SortOrder.DescendingOrder)
    assert view.model.sort_key == ("value", True)
    # 275 000, 80 000, 17 500, 10 000, 2 500
    names = ["Сбер", "Гладиолус", "ООО «Ромашка»", "Администрация района", "Тюльпан"]
    assert ids(view.model) == [order_ids[name] for name in names]
    view.grid.sortByColumn(CLASS, Qt.SortOrder.DescendingOrder)  # the best class first
    assert [shown(view.model, r, CLASS) for r in range(5)] == ["A", "B", "C", "C2", "E"]


def test_a_lost_order_is_class_f_and_a_won_one_has_no_score(db, deals):
    view, order_ids = deals
    sber, tulip = order_ids["Сбер"], order_ids["Тюльпан"]
    change_status(db, sber, status_id(db, "cancelled"), loss_reason_id(db), today=DAY)
    change_status(db, tulip, status_id(db, "completed"), today=DAY)
    view.refresh()
    lost, won = row_of(view.model, sber), row_of(view.model, tulip)
    assert [shown(view.model, lost, c) for c in (PROBABILITY, VALUE, CLASS)] == ["", "", "F"]
    assert [shown(view.model, won, c) for c in (PROBABILITY, VALUE, CLASS)] == ["", "", ""]


def test_class_is_shown_by_default_and_probability_and_value_can_be_chosen(deals):
    view, _ids = deals
    header = view.grid.horizontalHeader()
    assert not header.isSectionHidden(CLASS)
    assert header.isSectionHidden(PROBABILITY) and header.isSectionHidden(VALUE)
    menu = view.columns_menu()
    assert [a.text() for a in menu.actions()][-4:-1] == ["Probability", "Value", "Class"]
    menu.actions()[VALUE].trigger()
    assert not header.isSectionHidden(VALUE)
    assert header.sectionSize(VALUE) >= header.fontMetrics().horizontalAdvance("275 000,00 ₽")
    tip = view.model.headerData(CLASS, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "C2" in tip


def test_the_grid_exports_the_scores(deals):
    view, order_ids = deals
    table = view.model.export_table()
    columns = table.columns[PROBABILITY : CLASS + 1]
    assert [(c.header, c.kind) for c in columns] == [
        ("Probability", Kind.PERCENT),
        ("Value", Kind.MONEY),
        ("Class", Kind.TEXT),
    ]
    rows = {row[0]: row for row in table.rows()}
    # a percent cell holds the fraction: 55 % is 0.55
    scores = slice(PROBABILITY, CLASS + 1)
    assert rows[order_ids["Сбер"]][scores] == (D("0.55"), D("275000.00"), "A")
    assert rows[order_ids["Тюльпан"]][scores] == (D("0.05"), D("2500.00"), "E")


def test_a_layout_remembered_before_the_scores_gets_the_class_in_the_costs_place(
    qtbot, tmp_path, db, shop
):
    settings = QSettings(str(tmp_path / "old.ini"), QSettings.Format.IniFormat)
    older = QTableView()  # the grid as the Lavka of payments saved it: twelve columns, listed
    older.setModel(QStandardItemModel(0, 12))
    settings.setValue("orders/grid_header", older.horizontalHeader().saveState())
    settings.setValue("orders/grid_columns", list(SORT_KEYS[: BALANCE + 1]))
    view = OrdersView(db, FMT)
    qtbot.addWidget(view)
    width = view.grid.horizontalHeader().sectionSize(CLASS)
    view.restore_state(settings)
    header = view.grid.horizontalHeader()
    assert not header.isSectionHidden(CLASS) and header.sectionSize(CLASS) == width
    assert header.isSectionHidden(PROBABILITY) and header.isSectionHidden(VALUE)
    assert header.isSectionHidden(COST)  # as on a first start: the room for the class
    view.show_column(COST)  # chosen again, it stays
    view.save_state(settings)
    again = OrdersView(db, FMT)
    qtbot.addWidget(again)
    again.restore_state(settings)
    assert not again.grid.horizontalHeader().isSectionHidden(COST)


def test_delete_an_order_from_the_context_menu_after_asking(qtbot, monkeypatch, db, view, shop):
    answers = iter([False, True])
    asked = []

    def ask(_parent, _title, text):
        asked.append(text)
        return next(answers)

    monkeypatch.setattr(Confirm, "ask", staticmethod(ask))
    view.refresh()
    view.grid.setCurrentIndex(view.model.index(row_of(view.model, shop.o3), 0))
    action = next(a for a in view.context_menu().actions() if a.text() == "Delete order…")
    assert action is view.delete_action and action.isEnabled()
    action.trigger()  # "No"
    assert shop.o3 in ids(view.model)
    with qtbot.waitSignal(view.dataChanged):
        action.trigger()
    assert f"No. {shop.o3}" in asked[-1]
    assert shop.o3 not in ids(view.model) and view.model.total == 5
