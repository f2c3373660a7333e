"""Purchases, stock and the FIFO cost of goods, with every figure computed by hand."""

from __future__ import annotations

import datetime as dt
import sqlite3
from decimal import Decimal as D

import pytest
from sqlalchemy import text

from services.costing import LINE, Batch, Mismatch, Queue, mismatches, sql_query
from services.errors import ValidationError
from services.maintenance import check_database
from services.orders import LineInput, OrderInput, change_status, delete_order, save_order
from services.products import ProductInput, create_product
from services.purchases import (
    PurchaseInput,
    PurchaseLineInput,
    delete_purchase,
    get_purchase,
    list_purchases,
    save_purchase,
    spread_delivery,
)
from services.stock import (
    AdjustmentInput,
    add_adjustment,
    below_minimum,
    line_cost_sources,
    set_min_stock,
    stock_level,
    stock_levels,
)
from tests.conftest import TODAY, customer, loss_reason_id, status_id


@pytest.fixture
def slim(db) -> int:
    return create_product(db, ProductInput("Slim", None, "900", "450")).id


def purchase(db, product, quantity, cost, day, delivery=None, **extra) -> int:
    lines = (PurchaseLineInput(product, quantity, cost),)
    data = PurchaseInput(day, lines=lines, delivery_cost=delivery, **extra)
    return save_purchase(db, data, today=TODAY).id


def sell(db, product, quantity, day, cost=None, code="completed") -> int:
    contact = customer(db, f"Покупатель {day} {quantity}")
    extra = {"loss_reason_id": loss_reason_id(db)} if code == "cancelled" else {}
    line = LineInput(product, quantity, "900", cost, day)
    data = OrderInput(contact, day, status_id(db, code), lines=(line,), **extra)
    return save_order(db, data, today=TODAY).id


def raw(db, sql: str, **params):
    """The first row of a query of the stored values, as the database keeps them."""
    with db.engine.connect() as connection:
        return connection.execute(text(sql), params).first()


def line_of(db, order_id):
    return raw(
        db, "SELECT id, unit_cost, fifo_start FROM shipments WHERE order_id = :o", o=order_id
    )


def order_cost(db, order_id) -> D:
    return D(raw(db, "SELECT cost FROM orders WHERE id = :o", o=order_id)[0]) / 100


def test_a_sale_spanning_two_batches_costs_their_weighted_sum(db, slim):
    purchase(db, slim, 10, "500", dt.date(2026, 5, 1))
    purchase(db, slim, 10, "560", dt.date(2026, 5, 10))
    sale = sell(db, slim, 15, dt.date(2026, 6, 1))
    # 10 × 500,00 + 5 × 560,00 = 7 800,00; 520,00 a unit
    assert order_cost(db, sale) == D("7800.00")
    assert line_of(db, sale)[1] == 52000
    source = line_cost_sources(db, [line_of(db, sale)[0]])[line_of(db, sale)[0]]
    assert source.fifo
    assert [(p.quantity, p.unit_cost) for p in source.parts] == [
        (10, D("500.00")),
        (5, D("560.00")),
    ]


def test_cancelling_an_earlier_sale_recosts_the_later_one(db, slim):
    purchase(db, slim, 10, "500", dt.date(2026, 5, 1))
    purchase(db, slim, 10, "560", dt.date(2026, 5, 10))
    first = sell(db, slim, 8, dt.date(2026, 6, 1))
    later = sell(db, slim, 6, dt.date(2026, 6, 2))
    # first: 8 × 500 = 4 000; later: 2 × 500 + 4 × 560 = 3 240
    assert (order_cost(db, first), order_cost(db, later)) == (D("4000.00"), D("3240.00"))
    change_status(db, first, status_id(db, "cancelled"), loss_reason_id(db), today=TODAY)
    # later now takes the first batch's units: 6 × 500 = 3 000
    assert order_cost(db, later) == D("3000.00")
    assert line_of(db, first)[2] is None  # a lost order takes no goods
    change_status(db, first, status_id(db, "completed"), today=TODAY)
    assert order_cost(db, later) == D("3240.00")
    delete_order(db, first)
    assert order_cost(db, later) == D("3000.00")


def test_editing_an_earlier_sale_recosts_the_later_one_in_the_same_save(db, slim):
    purchase(db, slim, 10, "500", dt.date(2026, 5, 1))
    purchase(db, slim, 10, "560", dt.date(2026, 5, 10))
    first = sell(db, slim, 2, dt.date(2026, 6, 1))
    later = sell(db, slim, 10, dt.date(2026, 6, 2))
    assert order_cost(db, later) == D("5120.00")  # 8 × 500 + 2 × 560
    contact = customer(db, "Другой")
    line_id = line_of(db, first)[0]
    line = LineInput(slim, 6, "900", None, dt.date(2026, 6, 1), line_id)
    save_order(db, OrderInput(contact, dt.date(2026, 6, 1), lines=(line,)), first, today=TODAY)
    assert order_cost(db, first) == D("3000.00")  # 6 × 500
    assert order_cost(db, later) == D("5360.00")  # 4 × 500 + 6 × 560


def test_a_product_without_purchases_keeps_its_typed_costs(db, slim, wallet):
    sale = sell(db, wallet, 3, dt.date(2026, 6, 1), cost="611.11")
    purchase(db, slim, 10, "500", dt.date(2026, 5, 1))  # another product's purchase
    assert order_cost(db, sale) == D("1833.33")
    assert line_cost_sources(db, [line_of(db, sale)[0]])[line_of(db, sale)[0]].fifo is False
    assert stock_level(db, wallet, TODAY).tracked is False


def test_lines_before_the_first_purchase_are_history(db, slim):
    old = sell(db, slim, 4, dt.date(2026, 4, 1), cost="400")
    purchase(db, slim, 10, "500", dt.date(2026, 5, 1))
    new = sell(db, slim, 3, dt.date(2026, 6, 1))
    assert order_cost(db, old) == D("1600.00")  # typed, untouched
    assert order_cost(db, new) == D("1500.00")
    assert stock_level(db, slim, TODAY).in_stock == 7  # 10 bought − 3 sold since


def test_overselling_is_costed_at_the_last_batch_until_stock_arrives(db, slim):
    purchase(db, slim, 5, "500", dt.date(2026, 5, 1))
    sale = sell(db, slim, 8, dt.date(2026, 6, 1))
    # 5 × 500 + 3 beyond stock at the last batch's 500 = 4 000
    assert order_cost(db, sale) == D("4000.00")
    source = line_cost_sources(db, [line_of(db, sale)[0]])[line_of(db, sale)[0]]
    assert source.beyond_stock == 3
    assert stock_level(db, slim, TODAY).in_stock == -3
    purchase(db, slim, 10, "600", dt.date(2026, 6, 5))  # dated after the sale: it feeds it
    assert order_cost(db, sale) == D("4300.00")  # 5 × 500 + 3 × 600
    assert line_cost_sources(db, [line_of(db, sale)[0]])[line_of(db, sale)[0]].beyond_stock == 0


def test_delivery_is_spread_by_value_and_costs_exactly(db, slim, wallet):
    assert spread_delivery(100, [1, 1, 1], [1, 1, 1]) == [34, 33, 33]
    assert spread_delivery(1000, [0, 0], [1, 3]) == [250, 750]  # free goods: by quantity
    data = PurchaseInput(
        dt.date(2026, 5, 1),
        supplier_name="Фабрика",
        delivery_cost="300",
        lines=(PurchaseLineInput(slim, 10, "500"), PurchaseLineInput(wallet, 5, "400")),
    )
    view = save_purchase(db, data, today=TODAY)
    # goods 5 000 and 2 000: the delivery 300 is shared 5/7 and 2/7 → 214,29 and 85,71
    assert [line.delivery_share for line in view.lines] == [D("214.29"), D("85.71")]
    assert view.total == D("7300.00")
    sale = sell(db, slim, 10, dt.date(2026, 6, 1))
    # the line costs the whole batch with its share, exactly 5 214,29: a unit cost of 521,43
    # (521,429 to the kopeck) and a remainder of −1 kopeck
    assert order_cost(db, sale) == D("5214.29")
    assert line_of(db, sale)[1] == 52143
    assert raw(db, "SELECT cost_remainder FROM shipments")[0] == -1
    source = line_cost_sources(db, [line_of(db, sale)[0]])[line_of(db, sale)[0]]
    assert [(p.quantity, p.unit_cost) for p in source.parts] == [(10, D("521.43"))]
    assert get_purchase(db, view.id).lines[0].sold == 10


def test_a_batch_split_in_thirds_adds_up_to_its_cost(db, slim):
    queue = Queue([Batch(1, 3, 100)])  # 3 units for 1,00
    parts = [queue.take(start, 1)[0].cost for start in range(3)]
    assert parts == [33, 34, 33] and sum(parts) == 100
    # two lines over batches of 1 @ 0,01 and 2 @ 0,02: 0,01 + 0,02 = 0,03 for two units is a
    # unit cost of 0,02 (0,015 halves up) with a remainder of −1 kopeck, exactly 0,03
    purchase(db, slim, 1, "0.01", dt.date(2026, 5, 1))
    purchase(db, slim, 2, "0.02", dt.date(2026, 5, 2))
    first = sell(db, slim, 2, dt.date(2026, 6, 1))
    second = sell(db, slim, 1, dt.date(2026, 6, 2))
    assert (order_cost(db, first), order_cost(db, second)) == (D("0.03"), D("0.02"))
    assert found_mismatches(db) == []
    if db.path is not None:  # the file's whole check (services/maintenance.py) is SQLite's
        assert check_database(db.path).ok


def test_stock_reserved_and_available_for_a_prepared_base(db, slim, wallet):
    purchase(db, slim, 20, "500", dt.date(2026, 5, 1))
    purchase(db, slim, 5, "500", TODAY + dt.timedelta(days=3))  # not arrived yet
    sell(db, slim, 4, dt.date(2026, 6, 1))
    sell(db, slim, 2, TODAY)
    sell(db, slim, 3, TODAY + dt.timedelta(days=5))  # planned
    sell(db, slim, 7, dt.date(2026, 6, 2), code="cancelled")  # counts for nothing
    add_adjustment(db, AdjustmentInput(slim, "-1", "Порван при упаковке", "write_off"), TODAY)
    add_adjustment(db, AdjustmentInput(wallet, "6", "Пересчёт склада"), TODAY)
    set_min_stock(db, slim, "12")
    level = stock_level(db, slim, TODAY)
    # in stock: 20 − 4 − 2 − 1 = 13; reserved 3; available 10 (< 12)
    assert (level.in_stock, level.reserved, level.available) == (13, 3, 10)
    assert level.below_min
    wallet_level = stock_level(db, wallet, TODAY)
    assert (wallet_level.in_stock, wallet_level.reserved, wallet_level.available) == (6, 0, 6)
    assert [lv.product_id for lv in below_minimum(db, TODAY)] == [slim]
    assert {lv.name for lv in stock_levels(db, TODAY)} == {"Slim", "Кошелёк"}


def test_a_write_off_takes_the_oldest_goods(db, slim):
    purchase(db, slim, 2, "500", dt.date(2026, 5, 1))
    purchase(db, slim, 10, "700", dt.date(2026, 5, 2))
    off = add_adjustment(
        db, AdjustmentInput(slim, 2, "Брак", "write_off", dt.date(2026, 5, 3)), TODAY
    )
    assert off.quantity == -2 and off.cost == D("1000.00")
    sale = sell(db, slim, 1, dt.date(2026, 6, 1))
    assert order_cost(db, sale) == D("700.00")


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (AdjustmentInput(1, "5", "  "), "reason"),
        (AdjustmentInput(1, "0", "Пересчёт"), "quantity"),
        (AdjustmentInput(1, "два", "Пересчёт"), "quantity"),
        (AdjustmentInput(None, "2", "Пересчёт"), "product"),
    ],
)
def test_bad_adjustments_are_refused_naming_the_field(db, slim, data, field):
    with pytest.raises(ValidationError) as caught:
        add_adjustment(db, data, TODAY)
    assert field in {problem.field for problem in caught.value.problems}
    assert stock_level(db, slim, TODAY).tracked is False  # nothing saved


@pytest.mark.parametrize(
    ("line", "field"),
    [
        (PurchaseLineInput(1, 0, "500"), "quantity"),
        (PurchaseLineInput(1, 3, "-5"), "unit_cost"),
        (PurchaseLineInput(None, 3, "5"), "product"),
    ],
)
def test_bad_purchases_are_refused_naming_the_field(db, slim, line, field):
    with pytest.raises(ValidationError) as caught:
        save_purchase(db, PurchaseInput(TODAY, lines=(line,)), today=TODAY)
    problem = caught.value.problems[0]
    assert (problem.field, problem.line) == (field, 1)
    assert list_purchases(db) == []


def test_a_purchase_without_lines_or_with_negative_delivery_is_refused(db, slim):
    with pytest.raises(ValidationError) as caught:
        save_purchase(db, PurchaseInput(TODAY, delivery_cost="-1"), today=TODAY)
    assert {p.field for p in caught.value.problems} == {"lines", "delivery_cost"}


def test_deleting_a_purchase_recosts_what_it_fed(db, slim):
    purchase(db, slim, 5, "500", dt.date(2026, 5, 1))
    second = purchase(db, slim, 5, "600", dt.date(2026, 5, 2))
    sale = sell(db, slim, 8, dt.date(2026, 6, 1))
    assert order_cost(db, sale) == D("4300.00")  # 5 × 500 + 3 × 600
    delete_purchase(db, second)
    assert order_cost(db, sale) == D("4000.00")  # 5 × 500 + 3 beyond at 500
    rows = list_purchases(db)
    assert [(r.units, r.total) for r in rows] == [(5, D("2500.00"))]


def spoil_line_cost(db, order_id) -> None:
    """A line's stored cost set apart from its batches, as a writer outside Lavka could."""
    with db.engine.begin() as connection:
        connection.execute(
            text("UPDATE shipments SET unit_cost = 10000 WHERE order_id = :o"), {"o": order_id}
        )


def found_mismatches(db) -> list[Mismatch]:
    with db.session() as session:
        return mismatches(sql_query(session))


def test_mismatches_find_a_line_costed_apart_from_its_batches(db, slim):
    purchase(db, slim, 10, "500", dt.date(2026, 5, 1))
    sale = sell(db, slim, 3, dt.date(2026, 6, 1))
    assert found_mismatches(db) == []
    spoil_line_cost(db, sale)
    assert found_mismatches(db) == [Mismatch(LINE, line_of(db, sale)[0], slim)]


@pytest.mark.sqlite_only("check_database reads the SQLite file itself (integrity_check, PRAGMAs)")
def test_check_verifies_every_fifo_line_against_its_batches(db, slim):
    purchase(db, slim, 10, "500", dt.date(2026, 5, 1))
    sale = sell(db, slim, 3, dt.date(2026, 6, 1))
    assert check_database(db.path).ok
    spoil_line_cost(db, sale)
    result = check_database(db.path)
    assert [p.code for p in result.problems] == ["check.fifo_line"]
    with sqlite3.connect(db.path) as connection:  # the queries as the check runs them
        assert mismatches(lambda sql, params: connection.execute(sql, params).fetchall())
