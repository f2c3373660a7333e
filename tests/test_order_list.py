"""The order grid's query: sorted by computed columns, filtered and paged in SQL; groups."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal as D

import pytest
from sqlalchemy import text as sql

from services.choices import PAYMENTS_SINCE, put_setting
from services.order_list import OrderFilter, OrderQuery, list_orders, order_groups
from services.payments import debtors, record_payment
from tests.conftest import TODAY, status_id
from tests.test_scoring import DAY, five_deals

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


def _pay(db, order: int, amount: str) -> None:
    record_payment(db, order, amount, TODAY, today=TODAY)


def test_paid_and_balance_sort_in_sql_and_a_cancelled_order_owes_nothing(db, shop):
    s = shop
    _pay(db, s.o1, "1000")  # 3501 → 2501 owed
    _pay(db, s.o5, "2100.50")  # 2000 → 100.50 overpaid
    with db.engine.begin() as connection:  # O4 was paid 300 before it was cancelled
        connection.execute(
            sql(
                "INSERT INTO payments (order_id, date, amount, method, created_at)"
                " VALUES (:order, '2026-06-06', 30000, 'cash', '2026-06-06 10:00:00')"
            ),
            {"order": s.o4},
        )
    rows = {r.id: r for r in list_orders(db).rows}
    assert (rows[s.o1].paid, rows[s.o1].balance) == (D("1000.00"), D("2501.00"))
    assert (rows[s.o4].paid, rows[s.o4].balance, rows[s.o4].cancelled) == (
        D("300.00"),
        D("-300.00"),  # 0 − 300: money to give back, not 10000 − 300
        True,
    )
    assert rows[s.o5].balance == D("-100.50")
    by_balance = list_orders(db, OrderQuery(sort="balance"))
    # 7400, 2501, 500, then 0 (O2), −100.50, −300
    assert ids(by_balance) == [s.o3, s.o1, s.o6, s.o2, s.o5, s.o4]
    by_paid = list_orders(db, OrderQuery(sort="paid", descending=False, limit=3, offset=3))
    assert ids(by_paid) == [s.o4, s.o1, s.o5]  # after the three unpaid: 300, 1000, 2100.50
    assert by_paid.total == 6


def test_owing_filter_is_the_debtors_rule(db, shop):
    s = shop
    _pay(db, s.o1, "3501")  # paid in full
    _pay(db, s.o5, "1500")  # 500 still owed
    owing = list_orders(db, OrderQuery(OrderFilter(owing=True), sort="number", descending=False))
    # O2 is 0, O4 cancelled, O1 paid: O3 (7400), O5 (500), O6 (500) owe
    assert ids(owing) == [s.o3, s.o5, s.o6] and owing.total == 3
    assert sum(d.orders for d in debtors(db, TODAY)) == owing.total
    assert sum(d.owed for d in debtors(db, TODAY)) == sum(r.balance for r in owing.rows)
    with db.session() as session:  # orders from before payments began count as settled
        put_setting(session, PAYMENTS_SINCE, "2026-06-01")
        session.commit()
    since = list_orders(db, OrderQuery(OrderFilter(owing=True), sort="number", descending=False))
    assert ids(since) == [s.o3, s.o6]  # O5 is dated 05-20
    assert sum(d.orders for d in debtors(db, TODAY)) == 2
    # the filter goes with the others, and with the group totals
    anna = OrderFilter(owing=True, contact_id=s.anna)
    assert ids(list_orders(db, OrderQuery(anna))) == [s.o6]
    groups = order_groups(db, "contact", OrderFilter(owing=True))
    assert {(g.key, g.orders) for g in groups} == {(str(s.igor2), 1), (str(s.anna), 1)}


# --- deal scores -------------------------------------------------------------------------------
def test_rows_carry_each_deals_score_and_sort_by_it_in_sql(db):
    ids = five_deals(db)
    page = list_orders(db, OrderQuery(today=DAY))
    scores = {r.id: (r.probability, r.value, r.klass) for r in page.rows}
    # the research's worked example (tests/test_scoring.py works each one out)
    assert scores == {
        ids["ООО «Ромашка»"]: (35, D("17500.00"), "C"),  # 20 + 30 − 15 + 0
        ids["Тюльпан"]: (5, D("2500.00"), "E"),  # 20 − 30 → the floor
        ids["Гладиолус"]: (80, D("80000.00"), "B"),  # 20 + 40 + 30 − 10
        ids["Сбер"]: (55, D("275000.00"), "A"),  # 20 + 40 + 10 − 15
        ids["Администрация района"]: (5, D("10000.00"), "C2"),  # floor; was B
    }
    order = ["Сбер", "Гладиолус", "ООО «Ромашка»", "Администрация района", "Тюльпан"]
    by_value = list_orders(db, OrderQuery(sort="value", today=DAY))
    assert [r.id for r in by_value.rows] == [ids[name] for name in order]
    ascending = list_orders(db, OrderQuery(sort="value", descending=False, today=DAY))
    assert [r.id for r in ascending.rows] == [ids[name] for name in reversed(order)]
    # probability 80, 55, 35, then the two at 5 % by value: 10 000 before 2 500
    by_probability = list_orders(db, OrderQuery(sort="probability", today=DAY))
    likely = ["Гладиолус", "Сбер", "ООО «Ромашка»", "Администрация района", "Тюльпан"]
    assert [r.id for r in by_probability.rows] == [ids[name] for name in likely]
    # A, B, C, C2 (slid down), E
    by_class = list_orders(db, OrderQuery(sort="class", today=DAY))
    assert [r.klass for r in by_class.rows] == ["A", "B", "C", "C2", "E"]


def test_won_and_lost_orders_have_no_score_but_a_lost_one_is_class_f(db, shop):
    s = shop
    rows = {r.id: r for r in list_orders(db, OrderQuery(today=TODAY)).rows}
    assert (rows[s.o4].probability, rows[s.o4].value, rows[s.o4].klass) == (None, None, "F")
    assert (rows[s.o1].probability, rows[s.o1].value, rows[s.o1].klass) == (None, None, None)
    # O3 is Paid, still open: 20 % (the default, 3 days old) of 7 400 = 1 480, class E
    assert (rows[s.o3].probability, rows[s.o3].value, rows[s.o3].klass) == (
        20,
        D("1480.00"),
        "E",
    )


@pytest.mark.parametrize("sort", ["probability", "value", "class"])
@pytest.mark.parametrize("descending", [True, False])
def test_a_sort_by_a_score_pages_as_one_sorted_list(db, shop, sort, descending):
    """The deals, the lost and the won orders are read apart (see _segments): every page
    together gives exactly the whole list sorted, scored orders first, the rest by number."""
    five_deals(db, TODAY)
    query = OrderQuery(sort=sort, descending=descending, today=TODAY)
    whole = ids(list_orders(db, query))
    pages = [ids(list_orders(db, replace(query, offset=o, limit=3))) for o in range(0, 12, 3)]
    assert [n for page in pages for n in page] == whole and len(whole) == 11
    rows = {r.id: r for r in list_orders(db, query).rows}
    score = {"probability": "probability", "value": "value", "class": "klass"}[sort]
    keys = [getattr(rows[n], score) for n in whole]
    scored = [k for k in keys if k is not None]
    assert keys[: len(scored)] == scored  # no score (won, or not a deal): last either way
    unscored = whole[len(scored) :]
    assert unscored == sorted(unscored, reverse=descending)
    if sort == "class":
        letters = ["A", "B", "C", "C2", "D", "E", "F"]
        ranked = sorted(scored, key=letters.index)
        assert scored == (ranked if descending else ranked[::-1])
        assert scored.count("F") == 1  # O4, cancelled
    else:
        assert scored == sorted(scored, reverse=descending)


def test_a_score_sort_keeps_the_filter(db, shop):
    deals = five_deals(db, TODAY)
    flt = OrderFilter(text="Сбер")
    page = list_orders(db, OrderQuery(flt, sort="value", today=TODAY, offset=0, limit=5))
    assert ids(page) == [deals["Сбер"]] and page.total == 1
