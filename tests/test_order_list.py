"""The order grid's query: sorted by computed columns, filtered and paged in SQL; groups."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from services.order_list import OrderFilter, OrderQuery, list_orders, order_groups
from tests.conftest import status_id

# Order totals (all lines, planned included), see conftest.Shop:
#   O1 3501.00/2000.50 → 1500.50   O2 0/600 → −600       O3 7400/3000 → 4400
#   O4 10000/6000 → 4000           O5 2000/1200 → 800    O6 500/300 → 200


def ids(page) -> list[int]:
    return [row.id for row in page.rows]


def test_sort_by_profit_and_margin(db, shop):
    s = shop
    by_profit = list_orders(db, OrderQuery(sort="profit"))
    assert ids(by_profit) == [s.o3, s.o4, s.o1, s.o5, s.o6, s.o2]
    assert by_profit.rows[0].figures.profit == D("4400.00")
    # margins: O3 .5946, O1 .4286, O4 = O5 = O6 = .4 (ties by number), O2 has none: last
    by_margin = list_orders(db, OrderQuery(sort="margin"))
    assert ids(by_margin) == [s.o3, s.o1, s.o6, s.o5, s.o4, s.o2]
    ascending = list_orders(db, OrderQuery(sort="margin", descending=False))
    assert ids(ascending) == [s.o4, s.o5, s.o6, s.o1, s.o3, s.o2]


def test_rows_carry_contact_status_and_counts(db, shop):
    row = next(r for r in list_orders(db).rows if r.id == shop.o3)
    assert (row.contact_name, row.contact_phone, row.status) == ("Игорь", "+79161234568", "Paid")
    assert (row.line_count, row.units) == (2, 7)
    assert row.figures.margin == D("4400") / D("7400")


def test_paging_returns_total_and_slices(db, shop):
    first = list_orders(db, OrderQuery(sort="number", descending=False, limit=4))
    second = list_orders(db, OrderQuery(sort="number", descending=False, offset=4, limit=4))
    assert first.total == second.total == 6
    assert ids(first) + ids(second) == sorted(
        [shop.o1, shop.o2, shop.o3, shop.o4, shop.o5, shop.o6]
    )


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (OrderFilter(text="анна"), ["o4", "o5", "o6"]),
        (OrderFilter(text="8916 123-45-68"), ["o2", "o3"]),
        (OrderFilter(text="4568"), ["o2", "o3"]),
        (OrderFilter(date_from=dt.date(2026, 6, 10), date_to=dt.date(2026, 6, 12)), ["o2", "o3"]),
        (OrderFilter(date_to=dt.date(2026, 5, 31)), ["o5"]),
    ],
)
def test_filters(db, shop, flt, expected):
    page = list_orders(db, OrderQuery(flt, sort="number", descending=False))
    assert ids(page) == [getattr(shop, name) for name in expected]
    assert page.total == len(expected)


def test_status_contact_and_number_filters(db, shop):
    paid = status_id(db, "paid")
    assert ids(list_orders(db, OrderQuery(OrderFilter(status_ids=(paid,))))) == [shop.o3]
    assert set(ids(list_orders(db, OrderQuery(OrderFilter(contact_id=shop.igor1))))) == {shop.o1}
    assert ids(list_orders(db, OrderQuery(OrderFilter(text=f"№{shop.o4}")))) == [shop.o4]


def test_unknown_sort_column_is_refused(db):
    with pytest.raises(ValueError):
        list_orders(db, OrderQuery(sort="DROP TABLE orders"))


def test_group_by_contact_keeps_identity_and_leaves_cancelled_out(db, shop):
    groups = {g.key: g for g in order_groups(db, "contact")}
    igor2, igor1, anna = groups[str(shop.igor2)], groups[str(shop.igor1)], groups[str(shop.anna)]
    assert (igor2.orders, igor2.figures.amount, igor2.figures.profit) == (2, D("7400"), D("3800"))
    assert igor2.average_check == D("3700.00")
    assert (igor1.orders, igor1.figures.profit) == (1, D("1500.50"))
    # Anna: O5 + O6 count; cancelled O4 is counted apart and adds no money
    assert (anna.orders, anna.cancelled, anna.figures.amount) == (2, 1, D("2500.00"))
    assert [g.key for g in order_groups(db, "contact")] == [
        str(shop.igor2),
        str(shop.igor1),
        str(shop.anna),
    ]


def test_group_by_month_and_status(db, shop):
    months = order_groups(db, "month")
    assert [(g.key, g.orders) for g in months] == [("2026-06", 4), ("2026-05", 1)]
    # June without O4: 3501.00 + 0 + 7400 + 500
    assert months[0].figures.amount == D("11401.00")
    statuses = {g.label: g for g in order_groups(db, "status")}
    assert statuses["Cancelled"].figures.amount == D("10000.00")  # what was lost
    assert statuses["Completed"].orders == 4


@pytest.mark.parametrize("text", ["²", "№99999999999999999999", "%_", "'; DROP TABLE orders; --"])
def test_odd_search_text_finds_nothing_and_breaks_nothing(db, shop, text):
    assert list_orders(db, OrderQuery(OrderFilter(text=text))).total == 0
