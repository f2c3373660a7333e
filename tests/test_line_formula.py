"""The line formula has one source in SQL (models/formulas.py: the order-total triggers, the
figures, the exchange export, the order grid's margin) and one in Python
(services.figures_math.line_figures: the order editor's preview, the services): they agree,
on lines computed by hand and on generated ones stored as real shipments."""

from __future__ import annotations

import random
from decimal import Decimal as D

import pytest
from sqlalchemy import select

from models import Order, Shipment
from models.formulas import (
    LINE_AMOUNT_SQL,
    LINE_COST_SQL,
    LINE_PROFIT_SQL,
    MARGIN_SQL,
    LineColumns,
    line_amount,
    line_cost,
    line_margin,
    line_profit,
    margin,
)
from models.types import from_minor
from services.contacts import ContactInput, create_contact
from services.exchange import Snapshot
from services.figures import Period, period_figures, product_figures
from services.figures_math import Figures, line_figures
from services.maintenance import check_database
from services.order_list import OrderQuery, list_orders
from services.products import ProductInput, create_product
from services.storage import Database
from services.uow import UnitOfWork
from services.values import ORDER_TOTAL_MAX, QUANTITY_MAX
from tests.conftest import TODAY, status_id

# (quantity, unit price, unit cost, cost remainder), money in kopecks as stored
Line = tuple[int, int, int, int]
SEED = 20  # fixed, so that a failure is found again
# Prices and costs up to 10 000 000,00 ₽ a unit: with QUANTITY_MAX units a line reaches 10¹⁵
# kopecks, a thousand times what an order may hold (ORDER_TOTAL_MAX), and an order of four such
# lines stays under 2⁵³, where every integer is exact as a double: so SQL's margin, a division
# of doubles, is the exact quotient correctly rounded, as is float() of Python's.
KOPECKS_MAX = 10**9
assert QUANTITY_MAX * KOPECKS_MAX * 4 < 2**53 and QUANTITY_MAX * KOPECKS_MAX > ORDER_TOTAL_MAX * 100


def python_figures(line: Line) -> Figures:
    quantity, price, cost, remainder = line
    return line_figures(quantity, money(price), money(cost), money(remainder))


def money(kopecks: int) -> D:
    value = from_minor(kopecks)
    assert value is not None
    return value


def generated_lines(count: int, rng: random.Random) -> list[Line]:
    """Quantities 1…QUANTITY_MAX and prices and costs 0…KOPECKS_MAX (the bounds included, and
    free lines and free stock often), each cost with a FIFO remainder of at most half a kopeck a
    unit that never makes the cost negative."""

    def kopecks() -> int:
        return rng.choice((0, 1, KOPECKS_MAX, rng.randint(0, 100_000), rng.randint(0, KOPECKS_MAX)))

    lines = []
    for _ in range(count):
        quantity = rng.choice(
            (1, 2, QUANTITY_MAX, rng.randint(1, 50), rng.randint(1, QUANTITY_MAX))
        )
        price, cost = kopecks(), kopecks()
        low = -(quantity // 2) if cost else 0
        remainder = rng.choice((0, rng.randint(low, quantity // 2)))
        lines.append((quantity, price, cost, remainder))
    return lines


def store(db: Database, orders: list[list[Line]]) -> tuple[list[int], list[int]]:
    """Each order's lines stored as shipments through the models (the triggers keep the order's
    totals), bypassing the order form's bounds: a line may be as large as a column holds.
    Returns the orders' ids and the lines' ids, in the given order."""
    contact = create_contact(db, ContactInput("Оптовик", "+7 916 000-00-01")).id
    product = create_product(db, ProductInput("Товар")).id
    completed = status_id(db, "completed")
    with UnitOfWork(db) as uow:
        stored = []
        for lines in orders:
            order = Order(date=TODAY, status_id=completed, contact_id=contact)
            order.lines = [
                Shipment(
                    position=position,
                    date=TODAY,
                    product_id=product,
                    quantity=quantity,
                    unit_price=money(price),
                    unit_cost=money(cost),
                    cost_remainder=remainder,
                )
                for position, (quantity, price, cost, remainder) in enumerate(lines)
            ]
            uow.session.add(order)
            stored.append(order)
        uow.session.flush()
        ids = [order.id for order in stored], [line.id for o in stored for line in o.lines]
        uow.commit()
    return ids


def sql_line_figures(db: Database) -> dict[int, tuple[int, int, int, float | None]]:
    """Each stored line's amount, cost, profit (kopecks) and margin by the SQL expressions."""
    line = LineColumns.of(Shipment)
    query = select(
        Shipment.id, line_amount(line), line_cost(line), line_profit(line), line_margin(line)
    )
    with db.session() as session:
        return {sid: (a, c, p, m) for sid, a, c, p, m in session.execute(query)}


def assert_same(sql: tuple[int, int, int, float | None], python: Figures) -> None:
    amount, cost, profit, ratio = sql
    assert (money(amount), money(cost), money(profit)) == (
        python.amount,
        python.cost,
        python.profit,
    )
    if python.margin is None:
        assert ratio is None  # an empty margin where the amount is 0, in both
    else:
        # SQL divides two exact integers in doubles (correctly rounded); Python divides the
        # Decimals to 28 digits: the same number once rounded to a double.
        assert ratio == float(python.margin)
        assert ratio == profit / amount


def test_a_line_by_hand():
    # 3 × 1 250,50 = 3 751,50; 3 × 800,00 + 0,02 = 2 400,02; profit 1 351,48;
    # margin 1 351,48 / 3 751,50 = 0,3602505… (3 751,50 × 0,36 = 1 350,54, and 0,94 / 3 751,50
    # = 0,00025057): 36,03 %
    figures = line_figures(3, D("1250.50"), D("800.00"), D("0.02"))
    assert (figures.amount, figures.cost, figures.profit) == (
        D("3751.50"),
        D("2400.02"),
        D("1351.48"),
    )
    assert figures.margin == D("1351.48") / D("3751.50")
    assert figures.margin.quantize(D("0.00001")) == D("0.36025")


def test_free_line_has_no_margin_and_typed_cost_no_remainder():
    # 2 × 0,00 = 0,00 against 2 × 10,00 = 20,00: a loss of 20,00 and no margin at all
    gift = line_figures(2, D("0.00"), D("10.00"))
    assert (gift.amount, gift.cost, gift.profit, gift.margin) == (
        D("0.00"),
        D("20.00"),
        D("-20.00"),
        None,
    )


def test_the_sql_text_is_the_expressions_written_out():
    """The triggers' and the health check's text, and the margin index's expression."""
    assert LINE_AMOUNT_SQL == "quantity * unit_price"
    assert LINE_COST_SQL == "quantity * unit_cost + cost_remainder"
    assert LINE_PROFIT_SQL == "quantity * (unit_price - unit_cost) - cost_remainder"
    assert MARGIN_SQL == "CAST(profit AS REAL) / NULLIF(amount, 0)"


def test_lines_by_hand_in_sql_and_python(db):
    by_hand = [
        (3, 125_050, 80_000, 2),  # the line above: 3 751,50 / 2 400,02
        (2, 0, 1_000, 0),  # the free line: 0,00 / 20,00, no margin
        # the largest line: 1 000 000 × 10 000 000,00 = 10 000 000 000 000,00; cost
        # 1 000 000 × 9 999 999,99 − 5 000,00 = 9 999 999 985 000,00; profit 15 000,00;
        # margin 15 000 / 10¹³ = 1,5 · 10⁻⁹
        (QUANTITY_MAX, KOPECKS_MAX, KOPECKS_MAX - 1, -QUANTITY_MAX // 2),
    ]
    order_ids, line_ids = store(db, [by_hand])
    sql = sql_line_figures(db)
    hand, free, largest = (sql[i] for i in line_ids)
    assert hand[:3] == (375_150, 240_002, 135_148)
    assert hand[3] == 135_148 / 375_150
    assert free == (0, 2_000, -2_000, None)
    assert largest[:3] == (10**15, 10**15 - 1_500_000, 1_500_000)
    assert largest[3] == 1.5e-9
    for line, line_id in zip(by_hand, line_ids, strict=True):
        assert_same(sql[line_id], python_figures(line))
    # the trigger's totals: 3 751,50 + 0 + 10¹³ and 2 400,02 + 20,00 + 9 999 999 985 000,00
    with db.session() as session:
        order = session.get(Order, order_ids[0])
        assert order.amount == D("10000000003751.50")
        assert order.cost == D("9999999985000.00") + D("2420.02")
        assert order.profit == D("15000.00") + D("1351.48") - D("20.00")


@pytest.fixture
def generated(db):
    """The test's database with 300 orders of 1 to 4 generated lines each (the same ones each
    time: a fixed seed), on either backend."""
    rng = random.Random(SEED)
    orders = [generated_lines(rng.randint(1, 4), rng) for _ in range(300)]
    order_ids, line_ids = store(db, orders)
    lines = dict(zip(line_ids, (line for lines in orders for line in lines), strict=True))
    totals = {
        order_id: Figures(
            sum((python_figures(line).amount for line in lines), D("0.00")),
            sum((python_figures(line).cost for line in lines), D("0.00")),
        )
        for order_id, lines in zip(order_ids, orders, strict=True)
    }
    return db, lines, totals


def test_generated_lines_agree(generated):
    db, lines, _totals = generated
    sql = sql_line_figures(db)
    assert sql.keys() == lines.keys()
    assert any(python_figures(line).margin is None for line in lines.values())  # free lines too
    for line_id, line in lines.items():
        assert_same(sql[line_id], python_figures(line))


def test_generated_orders_totals_agree(generated):
    """The triggers' totals (SQL text) against the Python lines summed, and the grid's margin."""
    db, _lines, totals = generated
    grid_margin = margin(Order.profit, Order.amount)
    with db.session() as session:
        rows = session.execute(
            select(Order.id, Order.amount, Order.cost, Order.profit, grid_margin)
        ).all()
    assert len(rows) == len(totals)
    for order_id, amount, cost, profit, ratio in rows:
        python = totals[order_id]
        assert (amount, cost, profit) == (python.amount, python.cost, python.profit)
        assert ratio == (None if python.margin is None else float(python.margin))
    # the health check's own sums (services/maintenance.py) find every total right; it reads
    # the SQLite file itself
    if db.path is not None:
        assert check_database(db.path).ok


def test_generated_figures_and_exports_agree(generated):
    """Sums by services/figures.py, the order grid's margin sort, the exchange's sheets."""
    db, lines, totals = generated
    everything = Figures(
        sum((f.amount for f in totals.values()), D("0.00")),
        sum((f.cost for f in totals.values()), D("0.00")),
    )
    assert period_figures(db, Period(), today=TODAY).realized == everything
    (product,) = [p for p in product_figures(db, today=TODAY) if p.units]
    assert product.figures == everything

    page = list_orders(db, OrderQuery(sort="margin", descending=True, limit=len(totals)))
    margins = [row.figures.margin for row in page.rows]
    assert margins == [totals[row.id].margin for row in page.rows]
    known = [float(m) for m in margins if m is not None]
    assert known == sorted(known, reverse=True)
    assert margins[len(known) :] == [None] * (len(margins) - len(known))  # empty ones last

    with Snapshot(db) as snapshot:
        sheets = {table.name: table for table in snapshot.tables(TODAY)}
        shipments = list(sheets["Shipments"].rows())
        orders = list(sheets["Orders"].rows())
    assert len(shipments) == len(lines)
    for row in shipments:
        figures = python_figures(lines[row[0]])
        assert tuple(row[7:11]) == (figures.amount, figures.cost, figures.profit, figures.margin)
    for row in orders:
        figures = totals[row[0]]
        assert tuple(row[8:12]) == (figures.amount, figures.cost, figures.profit, figures.margin)
