"""Planned shipments for the calendar: only future lines of orders that are not lost."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from services.calendar import DaySummary, day_summaries, planned_shipments
from services.orders import LineInput, OrderInput, reschedule_shipment, save_order
from tests.conftest import TODAY, status_id

JUNE_1, JUNE_30 = dt.date(2026, 6, 1), dt.date(2026, 6, 30)
JUNE_20 = dt.date(2026, 6, 20)


def test_the_planned_line_of_o3_is_the_only_one_in_june(db, shop):
    # O3 (Igor2, Paid): A 5 × 1000 shipped 06-20 → 5000.00; every other June line is ≤ TODAY
    # and O4's lines are cancelled.
    [line] = planned_shipments(db, JUNE_1, JUNE_30, today=TODAY)
    assert line.order_id == shop.o3
    assert line.date == JUNE_20
    assert (line.contact_id, line.contact_name, line.contact_phone) == (
        shop.igor2,
        "Игорь",
        "+79161234568",
    )
    assert (line.product, line.quantity, line.amount) == ("Кошелёк Classic", 5, D("5000.00"))


def test_after_its_date_the_line_is_no_longer_planned(db, shop):
    assert planned_shipments(db, JUNE_1, JUNE_30, today=JUNE_20) == []
    assert len(planned_shipments(db, JUNE_1, JUNE_30, today=JUNE_20 - dt.timedelta(1))) == 1


def test_the_range_is_inclusive_on_both_ends(db, shop):
    assert len(planned_shipments(db, JUNE_20, JUNE_20, today=TODAY)) == 1
    assert planned_shipments(db, JUNE_1, dt.date(2026, 6, 19), today=TODAY) == []
    assert planned_shipments(db, dt.date(2026, 6, 21), JUNE_30, today=TODAY) == []


def test_cancelled_orders_never_appear(db, shop):
    # Everything looked at from long ago is planned, yet O4 (Cancelled) stays out: all lines of
    # O1, O2, O3 (two), O5 and O6 = 7 lines.
    lines = planned_shipments(db, dt.date(2026, 1, 1), JUNE_30, today=dt.date(2025, 1, 1))
    assert shop.o4 not in {line.order_id for line in lines}
    assert len(lines) == 7
    assert {line.order_id for line in lines} == {shop.o1, shop.o2, shop.o3, shop.o5, shop.o6}


def test_day_summaries_count_customers_and_amount(db, shop):
    # Anna orders on 06-16: 2 × B (500) shipped 06-20, 1 × C (1500) on the order's date.
    # 06-20 holds O3's 5000 and Anna's 1000 → 2 lines, 2 customers, 6000.00; 06-16 → 1500.00.
    save_order(
        db,
        OrderInput(
            shop.anna,
            "16.06.2026",
            status_id(db, "confirmed"),
            lines=(LineInput(shop.product_b, 2, date=JUNE_20), LineInput(shop.product_c, 1)),
        ),
        today=TODAY,
    )
    days = day_summaries(db, JUNE_1, JUNE_30, today=TODAY)
    assert set(days) == {dt.date(2026, 6, 16), JUNE_20}
    assert days[JUNE_20] == DaySummary(JUNE_20, 2, ("Анна Соколова", "Игорь"), D("6000.00"))
    assert days[dt.date(2026, 6, 16)] == DaySummary(
        dt.date(2026, 6, 16), 1, ("Анна Соколова",), D("1500.00")
    )


def test_two_customers_with_one_name_are_two_customers(db, shop):
    save_order(
        db,
        OrderInput(shop.igor1, "20.06.2026", lines=(LineInput(shop.product_b, 1),)),
        today=TODAY,
    )
    day = day_summaries(db, JUNE_20, JUNE_20, today=TODAY)[JUNE_20]
    assert (day.count, day.customers, day.amount) == (2, ("Игорь", "Игорь"), D("5500.00"))


def test_a_rescheduled_line_moves_to_its_new_day(db, shop):
    [line] = planned_shipments(db, JUNE_1, JUNE_30, today=TODAY)
    reschedule_shipment(db, line.shipment_id, dt.date(2026, 7, 3))
    assert planned_shipments(db, JUNE_1, JUNE_30, today=TODAY) == []
    [moved] = planned_shipments(db, dt.date(2026, 7, 1), dt.date(2026, 7, 31), today=TODAY)
    assert (moved.shipment_id, moved.date) == (line.shipment_id, dt.date(2026, 7, 3))
