"""Figures against hand-computed values for the shop in conftest.py."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from services.figures import (
    Period,
    contact_figures,
    period_figures,
    product_figures,
    top_customers,
)
from services.figures_math import Figures
from services.orders import get_order
from tests.conftest import TODAY

JUNE = Period(dt.date(2026, 6, 1), dt.date(2026, 6, 30))


def test_line_and_order_figures(db, shop):
    order = get_order(db, shop.o1, today=TODAY)
    a_line, b_line = order.lines
    assert (a_line.figures.amount, a_line.figures.cost) == (D("3000.00"), D("1800.00"))
    assert a_line.figures.profit == D("1200.00")
    assert a_line.figures.margin == D("0.4")
    assert b_line.figures.amount == D("501.00")  # 2 × 250.50
    assert b_line.figures.cost == D("200.50")  # 2 × 100.25
    assert b_line.figures.profit == D("300.50")
    assert order.figures.amount == D("3501.00")
    assert order.figures.cost == D("2000.50")
    assert order.figures.profit == D("1500.50")
    assert order.figures.margin == D("1500.50") / D("3501.00")
    assert order.figures.markup == D("1500.50") / D("2000.50")


def test_zero_amount_has_no_margin_and_zero_cost_has_no_markup(db, shop):
    gift = get_order(db, shop.o2, today=TODAY).figures
    assert gift.amount == D("0.00") and gift.profit == D("-600.00")
    assert gift.margin is None
    assert gift.markup == D(-1)
    free_stock = get_order(db, shop.o3, today=TODAY).lines[0].figures
    assert free_stock.cost == D("0.00")
    assert free_stock.markup is None
    assert free_stock.margin == D(1)
    assert Figures.zero().margin is None and Figures.zero().markup is None


def test_planned_line_is_marked(db, shop):
    lines = get_order(db, shop.o3, today=TODAY).lines
    assert [line.planned for line in lines] == [False, True]


def test_period_figures_split_realized_and_planned_and_skip_cancelled(db, shop):
    june = period_figures(db, JUNE, today=TODAY)
    # realized in June: O1 3501.00/2000.50, O2 0/600, O3 first line 2400/0, O6 500/300
    assert june.realized.amount == D("6401.00")
    assert june.realized.cost == D("2900.50")
    assert june.realized.profit == D("3500.50")
    assert june.realized.margin == D("3500.50") / D("6401.00")
    assert june.orders == 4
    assert june.lines == 5
    assert june.units == 3 + 2 + 1 + 2 + 1
    assert june.average_check == D("1600.25")  # 6401.00 / 4
    # planned: O3's line shipped on 06-20, after today
    assert june.planned.amount == D("5000.00")
    assert june.planned.cost == D("3000.00")
    # Igor1 and Igor2 bought first in June; Anna had bought in May
    assert (june.new_customers, june.returning_customers) == (2, 1)


def test_cancelled_order_counts_for_nothing(db, shop):
    # O4 (cancelled, 10 × 1000) is the only activity of 06-05
    day = period_figures(db, Period(dt.date(2026, 6, 5), dt.date(2026, 6, 5)), today=TODAY)
    assert day.realized == Figures.zero()
    assert day.orders == 0 and day.new_customers == 0


def test_period_before_any_sale_is_empty_not_an_error(db, shop):
    empty = period_figures(db, Period(dt.date(2020, 1, 1), dt.date(2020, 12, 31)), today=TODAY)
    assert empty.realized.margin is None
    assert empty.average_check is None


def test_contact_figures_group_by_identity_not_name(db, shop):
    igor1 = contact_figures(db, shop.igor1, today=TODAY)
    igor2 = contact_figures(db, shop.igor2, today=TODAY)
    assert igor1.orders == 1 and igor1.realized.amount == D("3501.00")
    assert igor2.orders == 2  # O2 and O3
    assert igor2.realized.amount == D("2400.00")
    assert igor2.realized.cost == D("600.00")
    assert igor2.average_check == D("1200.00")
    assert igor2.planned.amount == D("5000.00")
    assert (igor2.first_purchase, igor2.last_purchase) == (
        dt.date(2026, 6, 10),
        dt.date(2026, 6, 12),
    )
    anna = contact_figures(db, shop.anna, today=TODAY)
    assert anna.orders == 2  # O4 is cancelled
    assert anna.realized.amount == D("2500.00") and anna.realized.profit == D("1000.00")
    assert anna.first_purchase == dt.date(2026, 5, 20)


def test_top_customers_keep_two_igors_apart(db, shop):
    by_revenue = top_customers(db, Period(), "revenue", today=TODAY)
    assert [(row.contact_id, row.figures.amount) for row in by_revenue] == [
        (shop.igor1, D("3501.00")),
        (shop.anna, D("2500.00")),
        (shop.igor2, D("2400.00")),
    ]
    by_profit = top_customers(db, Period(), "profit", today=TODAY)
    assert [(row.contact_id, row.figures.profit) for row in by_profit] == [
        (shop.igor2, D("1800.00")),
        (shop.igor1, D("1500.50")),
        (shop.anna, D("1000.00")),
    ]
    assert {row.phone for row in by_revenue if row.name == "Игорь"} == {
        "+79161234567",
        "+79161234568",
    }


def test_product_figures(db, shop):
    rows = {row.product_id: row for row in product_figures(db, today=TODAY)}
    a, b, c = rows[shop.product_a], rows[shop.product_b], rows[shop.product_c]
    # A: O1 3×1000/600 + O2 1×0/600 + O3 2×1200/0; O4 cancelled and O3's planned line left out
    assert a.units == 6
    assert (a.figures.amount, a.figures.cost, a.figures.profit) == (
        D("5400.00"),
        D("2400.00"),
        D("3000.00"),
    )
    # B: O1 2×250.50/100.25 + O5 4×500/300 + O6 1×500/300
    assert b.units == 7
    assert (b.figures.amount, b.figures.cost) == (D("3001.00"), D("1700.50"))
    assert c.units == 0 and c.figures.margin is None
    assert [row.product_id for row in product_figures(db, today=TODAY)] == [
        shop.product_a,
        shop.product_b,
        shop.product_c,
    ]


def test_a_shipment_dated_today_is_realized_not_planned(db, shop):
    from services.orders import LineInput, OrderInput, save_order

    save_order(db, OrderInput(shop.anna, TODAY, lines=(LineInput(shop.product_c, 1),)))
    today = period_figures(db, Period(TODAY, TODAY), today=TODAY)
    assert today.realized.amount == D("1500.00")  # product C's default price
    assert today.planned == Figures.zero()


def test_a_customer_whose_only_earlier_order_was_cancelled_is_new(db, shop):
    from services.contacts import ContactInput, create_contact
    from services.orders import LineInput, OrderInput, save_order
    from tests.conftest import loss_reason_id, status_id

    oleg = create_contact(db, ContactInput("Олег", "+7 926 555-44-33")).id
    lost = status_id(db, "cancelled")
    line = (LineInput(shop.product_b, 1),)
    save_order(
        db, OrderInput(oleg, "10.05.2026", lost, loss_reason_id=loss_reason_id(db), lines=line)
    )
    save_order(db, OrderInput(oleg, "03.06.2026", status_id(db, "completed"), lines=line))
    june = period_figures(db, JUNE, today=TODAY)
    # Igor1, Igor2 and now Oleg are new (Oleg's May order was cancelled); Anna returns
    assert (june.new_customers, june.returning_customers) == (3, 1)


def test_figures_of_a_missing_contact_or_an_unknown_ranking_are_refused(db, shop):
    import pytest

    from services.errors import NotFound

    with pytest.raises(NotFound, match="Contact #999"):
        contact_figures(db, 999, today=TODAY)
    with pytest.raises(ValueError, match="revenue or profit"):
        top_customers(db, Period(), "margin", today=TODAY)
