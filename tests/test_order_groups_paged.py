"""The grid's group totals a page at a time, sorted and counted in SQL (list_groups): every sort
column both ways gives the order worked out by hand below, pages cut from it neither overlap
nor skip, the count is every group's; the groups grid fetches further pages as it scrolls."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal as D

import pytest
from PySide6.QtCore import QLocale, Qt

from services.contacts import ContactInput, create_contact
from services.order_list import (
    GROUP_SORTS,
    GROUPINGS,
    GroupPage,
    GroupQuery,
    OrderFilter,
    list_groups,
    order_groups,
)
from services.orders import LineInput, OrderInput, save_order
from services.products import ProductInput, create_product
from services.settings_store import load_list, save_list
from tests.conftest import TODAY, loss_reason_id, status_id
from ui.formatting import Formatter
from ui.orders import models as orders_models
from ui.orders.models import (
    AVERAGE,
    CANCELLED,
    G_AMOUNT,
    G_MARGIN,
    G_PROFIT,
    GROUP,
    ORDERS,
    GroupsTableModel,
)
from ui.orders.view import OrdersView

FMT = Formatter(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), "₽")
ALL = OrderFilter()
UP, DOWN = False, True

# Six customers, A to F in the order they were made (so by key); money in roubles.
#   A Борис  01-10 1×1000/600                         orders 1, amount 1000, profit 400, 40 %
#   B анна   02-10 and 03-10, each 1×500/300          orders 2, amount 1000, profit 400, 40 %
#   C Ёлка   03-20 a gift 1×0/600; 04-10 cancelled    orders 1, cancelled 1, amount 0,
#                                                     profit −600, margin "—", average 0
#   D Дима   04-20 cancelled only                     orders 0, cancelled 1, amount 0,
#                                                     profit 0, margin "—", average "—"
#   E Елена  05-10 2×1000/500                         orders 1, amount 2000, profit 1000, 50 %
#   F Борис  05-20 1×1000/600 (A's twin, another phone): every figure A's
# Names as sorted (case- and ё-folded): анна, борис, борис, дима, елена, елка.
# The contacts' own order, which breaks every tie: profit down, then key.
OWN = "EABFDC"
BY_HAND = {
    ("group", UP): "BAFDEC",  # the two Борис by profit (equal), then key
    ("group", DOWN): "CEDAFB",  # a tie keeps the own order: A before F either way
    ("orders", DOWN): "BEAFCD",
    ("orders", UP): "DEAFCB",
    ("cancelled", DOWN): "DCEABF",
    ("cancelled", UP): "EABFDC",
    ("amount", DOWN): "EABFDC",
    ("amount", UP): "DCABFE",
    ("profit", DOWN): "EABFDC",
    ("profit", UP): "CDABFE",  # equal profits by key, the way up too
    ("margin", DOWN): "EABFDC",  # C and D ("—") last
    ("margin", UP): "ABFEDC",  # ... either way
    ("average", DOWN): "EAFBCD",  # C's average is 0.00, D's "—" (no order counted)
    ("average", UP): "CBAFED",
}
# By month: 01 A 1000/600; 02 B 500/300; 03 B 500/300 + C's gift 0/600 → 500/900;
# 04 two cancelled orders only; 05 E + F → 3000/1600. Newest first of its own.
MONTHS_BY_HAND = {
    None: ["2026-05", "2026-04", "2026-03", "2026-02", "2026-01"],
    # 05 1400/3000 = 46.7 %; 02 and 01 40 % (by month, newest first); 03 −80 %; 04 "—"
    ("margin", DOWN): ["2026-05", "2026-02", "2026-01", "2026-03", "2026-04"],
    # 03 500/2 = 250; 02 500; 01 1000; 05 3000/2 = 1500; 04 "—"
    ("average", UP): ["2026-03", "2026-02", "2026-01", "2026-05", "2026-04"],
    ("group", UP): ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"],
}


@pytest.fixture
def six(db) -> dict[str, str]:
    """The six customers above: letter → group key (the contact's id)."""
    product = create_product(db, ProductInput("Кошелёк", None, "1000", "600")).id
    completed, cancelled = status_id(db, "completed"), status_id(db, "cancelled")
    keys = {}
    for number, (letter, name) in enumerate(
        zip("ABCDEF", ("Борис", "анна", "Ёлка", "Дима", "Елена", "Борис"), strict=True)
    ):
        keys[letter] = str(create_contact(db, ContactInput(name, f"+7 916 000-00-0{number}")).id)

    def order(letter: str, day: str, quantity=1, price="1000", cost="600", lost=False) -> None:
        extra = {"loss_reason_id": loss_reason_id(db)} if lost else {}
        line = LineInput(product, quantity, price, cost)
        status = cancelled if lost else completed
        data = OrderInput(int(keys[letter]), day, status, lines=(line,), **extra)
        save_order(db, data, today=TODAY)

    order("A", "10.01.2026")
    order("B", "10.02.2026", price="500", cost="300")
    order("B", "10.03.2026", price="500", cost="300")
    order("C", "20.03.2026", price="0")
    order("C", "10.04.2026", lost=True)
    order("D", "20.04.2026", lost=True)
    order("E", "10.05.2026", quantity=2, cost="500")
    order("F", "20.05.2026")
    return keys


def letters(six: dict[str, str], rows) -> str:
    by_key = {key: letter for letter, key in six.items()}
    return "".join(by_key[row.key] for row in rows)


def paged(db, query: GroupQuery, size: int) -> list:
    """Every group, fetched `size` at a time as the grid fetches them."""
    rows: list = []
    while True:
        page = list_groups(db, replace(query, offset=len(rows), limit=size))
        rows.extend(page.rows)
        if len(page.rows) < size:
            return rows


def test_the_grid_columns_sort_by_their_own_keys():
    columns = (GROUP, ORDERS, CANCELLED, G_AMOUNT, G_PROFIT, G_MARGIN, AVERAGE)
    assert [GROUP_SORTS[c] for c in columns] == list(GROUP_SORTS)
    assert GROUP_SORTS[G_MARGIN] == "margin" and GROUP_SORTS[AVERAGE] == "average"


def test_the_figures_of_each_group_by_hand(db, six):
    groups = {g.key: g for g in order_groups(db, "contact")}
    a, b, c, d, e = (groups[six[letter]] for letter in "ABCDE")
    assert (a.orders, a.cancelled, a.figures.amount, a.figures.profit) == (1, 0, D(1000), D(400))
    assert (b.orders, b.figures.amount, b.average_check) == (2, D(1000), D("500.00"))
    assert (c.orders, c.cancelled, c.figures.amount, c.figures.profit) == (1, 1, D(0), D(-600))
    assert (c.figures.margin, c.average_check) == (None, D("0.00"))
    assert (d.orders, d.cancelled, d.figures.amount, d.figures.margin) == (0, 1, D(0), None)
    assert d.average_check is None
    assert (e.figures.amount, e.figures.profit, e.average_check) == (D(2000), D(1000), D(2000))
    assert letters(six, order_groups(db, "contact")) == OWN


@pytest.mark.parametrize(("sort", "descending"), sorted(BY_HAND))
def test_every_sort_both_ways_by_hand_and_paged_alike(db, six, sort, descending):
    query = GroupQuery("contact", ALL, sort, descending)
    whole = list_groups(db, replace(query, limit=None))
    assert letters(six, whole.rows) == BY_HAND[sort, descending]
    assert whole.total == 6
    for size in (1, 2, 4, 6):
        assert paged(db, query, size) == whole.rows, size
    first = list_groups(db, replace(query, limit=4))
    assert (first.rows, first.total) == (whole.rows[:4], 6)  # counted whole, sent in part
    rest = list_groups(db, replace(query, offset=4, limit=4))
    assert (rest.rows, rest.total) == (whole.rows[4:], 6)


def test_the_own_order_is_the_default_sort(db, six):
    page = list_groups(db, GroupQuery("contact", ALL, limit=3))
    assert (letters(six, page.rows), page.total) == (OWN[:3], 6)


def test_months_sort_and_page_alike(db, six):
    for key, expected in MONTHS_BY_HAND.items():
        sort, descending = key or (None, True)
        query = GroupQuery("month", ALL, sort, descending)
        assert [g.key for g in paged(db, query, 2)] == expected, key
        assert [g.label for g in list_groups(db, query).rows] == expected
    april = next(g for g in order_groups(db, "month") if g.key == "2026-04")
    assert (april.orders, april.cancelled, april.figures.amount) == (0, 2, D(0))


@pytest.mark.parametrize("grouping", GROUPINGS)
@pytest.mark.parametrize("sort", [None, *GROUP_SORTS])
def test_pages_neither_overlap_nor_skip_in_any_grouping(db, six, grouping, sort):
    for descending in (True, False):
        query = GroupQuery(grouping, ALL, sort, descending)
        whole = list_groups(db, replace(query, limit=None)).rows
        assert paged(db, query, 1) == whole
        assert paged(db, query, 2) == whole
        assert list_groups(db, replace(query, limit=2)).total == len(whole)
    assert len(whole) == {"contact": 6, "status": 2, "month": 5}[grouping]


def test_a_status_name_sorts_case_and_yo_folded(db, six):
    completed, cancelled = status_id(db, "completed"), status_id(db, "cancelled")
    names = {completed: "ёж", cancelled: "Жук"}  # by code point Ж (U+0416) comes before ё
    entries = [replace(e, name=names.get(e.id, e.name)) for e in load_list(db, "statuses")]
    save_list(db, "statuses", entries)
    up = list_groups(db, GroupQuery("status", ALL, "group", descending=False))
    assert [g.label for g in up.rows] == ["ёж", "Жук"]
    down = list_groups(db, GroupQuery("status", ALL, "group", descending=True))
    assert [g.label for g in down.rows] == ["Жук", "ёж"]
    # the cancelled group shows what was lost: C's 1000/600 and D's 1000/600
    assert down.rows[0].figures.amount == D(2000) and down.rows[0].cancelled == 0


def test_filters_read_from_the_orders_or_cut_periods_page_and_count_alike(db, six):
    # a text filter sums the orders it selects; the two Борис tie on every figure
    boris = GroupQuery("contact", OrderFilter(text="Борис"), "profit", limit=1)
    first, second = list_groups(db, boris), list_groups(db, replace(boris, offset=1))
    assert (letters(six, first.rows), letters(six, second.rows)) == ("A", "F")
    assert first.total == second.total == 2
    # 15 March – 31 May: April and May whole from the kept totals, 15–31 March from the
    # orders (B's second order of 10 March is out; C's gift of 20 March is in)
    cut = GroupQuery("contact", OrderFilter(dt.date(2026, 3, 15), dt.date(2026, 5, 31)), "orders")
    whole = list_groups(db, replace(cut, limit=None))
    assert letters(six, whole.rows) == "EFCD"  # C: the gift; D: its cancelled order only
    assert paged(db, cut, 1) == whole.rows
    assert list_groups(db, replace(cut, limit=1)).total == 4


def test_past_the_last_page_and_without_orders(db, six):
    page = list_groups(db, GroupQuery("contact", ALL, "amount", offset=6, limit=2))
    assert (page.rows, page.total) == ([], 6)
    before = OrderFilter(dt.date(2020, 1, 1), dt.date(2020, 12, 31))  # before every order
    assert list_groups(db, GroupQuery("contact", before)) == GroupPage([], 0)


def test_an_empty_base_has_no_group(db):
    for grouping in GROUPINGS:
        assert list_groups(db, GroupQuery(grouping)) == GroupPage([], 0)


def test_an_unknown_sort_is_refused(db):
    with pytest.raises(ValueError):
        list_groups(db, GroupQuery("contact", ALL, "DROP TABLE orders"))


# --- the groups grid ---------------------------------------------------------------------------
@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr(orders_models, "GROUP_PAGE_SIZE", 2)


def keys(model) -> list[str]:
    return [model.group(row).key for row in range(model.rowCount())]


def shown(model, row: int, column: int) -> str:
    return model.data(model.index(row, column))


def test_the_grid_fetches_further_pages_as_it_scrolls(qtbot, qtmodeltester, db, six, small_pages):
    model = GroupsTableModel(db, FMT)
    model.load("contact", ALL)  # most profitable first, as the header shows
    assert letters(six, map(model.group, range(model.rowCount()))) == "EA"
    assert (model.total, model.canFetchMore()) == (6, True)
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        model.fetchMore()
    assert inserted.args[1:] == [2, 3]  # appended after the first page
    assert letters(six, map(model.group, range(model.rowCount()))) == "EABF"
    model.fetchMore()
    assert letters(six, map(model.group, range(model.rowCount()))) == OWN
    assert not model.canFetchMore()
    qtmodeltester.check(model)


def test_a_sort_queries_again_from_the_first_page(qtmodeltester, db, six, small_pages):
    model = GroupsTableModel(db, FMT)
    model.load("contact", ALL)
    model.fetchMore()
    model.sort(G_MARGIN, Qt.SortOrder.AscendingOrder)
    assert model.sort_key == ("margin", False)
    assert letters(six, map(model.group, range(model.rowCount()))) == "AB"
    while model.canFetchMore():
        model.fetchMore()
    assert letters(six, map(model.group, range(model.rowCount()))) == BY_HAND["margin", UP]
    c, d = model.rowCount() - 1, model.rowCount() - 2
    assert (shown(model, c, G_MARGIN), shown(model, d, G_MARGIN)) == ("—", "—")
    assert shown(model, c, AVERAGE) == FMT.money(D(0)) and shown(model, d, AVERAGE) == "—"
    assert shown(model, c, G_PROFIT) == FMT.money(D(-600))
    qtmodeltester.check(model)


def test_a_sort_before_any_load_only_remembers(qtbot, db, six, monkeypatch):
    calls: list = []
    real = orders_models.list_groups
    monkeypatch.setattr(orders_models, "list_groups", lambda *a: calls.append(a) or real(*a))
    model = GroupsTableModel(db, FMT)
    model.sort(ORDERS, Qt.SortOrder.DescendingOrder)
    assert calls == []
    model.load("contact", ALL)
    assert len(calls) == 1
    assert letters(six, map(model.group, range(model.rowCount()))) == BY_HAND["orders", DOWN]


def test_the_export_has_every_group_in_the_grids_sort(db, six, small_pages):
    model = GroupsTableModel(db, FMT)
    model.load("contact", ALL)
    model.sort(ORDERS, Qt.SortOrder.AscendingOrder)
    assert model.rowCount() == 2
    table = model.export_table()
    rows = list(table.rows())
    assert table.total == 6
    # D: no order counted, one cancelled, no money; B last with its two orders
    assert rows[0][:4] == ("Дима, +7 916 000-00-03", 0, 1, D("0.00"))
    assert [row[1] for row in rows] == [0, 1, 1, 1, 1, 2]
    assert rows[-1][0] == "анна, +7 916 000-00-01" and rows[-1][3] == D("1000.00")


def test_the_view_counts_every_group_and_queries_once_per_grouping(
    qtbot, db, six, small_pages, monkeypatch
):
    view = OrdersView(db, FMT)
    view.today = lambda: TODAY
    qtbot.addWidget(view)
    calls: list = []
    real = orders_models.list_groups
    monkeypatch.setattr(orders_models, "list_groups", lambda *a: calls.append(a[1]) or real(*a))
    view.group_by.setCurrentIndex(view.group_by.findData("contact"))
    assert view.groups.rowCount() == 2
    assert view.status_line.text() == "6 group(s)"  # all of them, not the page fetched
    view.group_by.setCurrentIndex(view.group_by.findData("month"))  # newest first, one query
    assert [(q.grouping, q.sort, q.descending) for q in calls] == [
        ("contact", "profit", True),
        ("month", "group", True),
    ]
    header = view.group_table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        GROUP,
        Qt.SortOrder.DescendingOrder,
    )
    assert keys(view.groups) == ["2026-05", "2026-04"]
    assert view.status_line.text() == "5 group(s)"
    view.group_table.sortByColumn(G_AMOUNT, Qt.SortOrder.DescendingOrder)
    # 05 3000, 01 1000, then 02 and 03 (500 each), 04 (none)
    assert keys(view.groups) == ["2026-05", "2026-01"]
