"""Orders with their lines: one transaction, every bad input refused, totals never stale."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from services.errors import ValidationError
from services.orders import (
    LineInput,
    OrderInput,
    change_status,
    delete_order,
    get_order,
    new_line_for,
    reschedule_shipment,
    save_order,
)
from tests.conftest import TODAY, loss_reason_id, status_id


def dump(db) -> list:
    """Every row of the order tables, to prove a refused save changed nothing."""
    with db.engine.connect() as connection:
        return [
            connection.execute(text(f"SELECT * FROM {table} ORDER BY 1")).all()
            for table in ("orders", "shipments", "contacts", "products")
        ]


def test_line_prefills_from_product_defaults(db, shop):
    line = new_line_for(db, shop.product_a)
    assert (line.unit_price, line.unit_cost, line.quantity) == (D("1000.00"), D("600.00"), 1)
    order = save_order(
        db, OrderInput(shop.anna, "01.06.2026", lines=(LineInput(shop.product_b, 2),))
    )
    assert order.lines[0].unit_price == D("500.00") and order.lines[0].unit_cost == D("300.00")
    assert order.lines[0].date == dt.date(2026, 6, 1)  # the order's date
    assert order.channel_id is None and order.status == "New"


@pytest.mark.parametrize(
    ("order", "field", "words"),
    [
        (OrderInput(None, lines=(LineInput(1, 1),)), "contact", "needs a contact"),
        (OrderInput(999, lines=(LineInput(1, 1),)), "contact", "#999 does not exist"),
        (OrderInput(1, "31.02.2026", lines=(LineInput(1, 1),)), "date", "31.02.2026"),
        (OrderInput(1), "lines", "at least one"),
        (OrderInput(1, lines=(LineInput(1, 0),)), "quantity", "at least 1"),
        (OrderInput(1, lines=(LineInput(1, -3),)), "quantity", "at least 1"),
        (OrderInput(1, lines=(LineInput(1, 1, "-5"),)), "unit_price", "negative"),
        (OrderInput(1, lines=(LineInput(1, 1, "5", "-1"),)), "unit_cost", "negative"),
        (OrderInput(1, lines=(LineInput(None, 1),)), "product", "Choose a product"),
        (OrderInput(1, lines=(LineInput(999, 1),)), "product", "#999"),
        (OrderInput(1, lines=(LineInput(1, 1, date="31.02.2026"),)), "date", "31.02.2026"),
        (OrderInput(1, status_id=999, lines=(LineInput(1, 1),)), "status", "#999"),
    ],
)
def test_bad_order_input_is_refused_and_nothing_changes(db, shop, order, field, words):
    before = dump(db)
    with pytest.raises(ValidationError) as caught:
        save_order(db, order)
    assert field in caught.value.fields()
    assert words in str(caught.value)
    assert dump(db) == before


def test_problems_name_the_line(db, shop):
    lines = (LineInput(shop.product_a, 1), LineInput(shop.product_a, 0, "x"))
    with pytest.raises(ValidationError) as caught:
        save_order(db, OrderInput(shop.anna, lines=lines))
    assert {(p.line, p.field) for p in caught.value.problems} == {
        (2, "quantity"),
        (2, "unit_price"),
    }
    assert "Line 2: Quantity must be at least 1" in str(caught.value)


def test_failed_edit_leaves_order_and_lines_as_they_were(db, shop):
    before = dump(db)
    good = LineInput(shop.product_a, 100)
    with pytest.raises(ValidationError):
        save_order(db, OrderInput(shop.igor1, lines=(good, LineInput(shop.product_a, 0))), shop.o1)
    assert dump(db) == before


def test_database_refuses_what_the_service_would_refuse(db, shop):
    # the CHECK constraints stand behind the service: a shipment with quantity 0 or no order
    # (the engine's connections enforce foreign keys, as Lavka's own do)
    with db.engine.connect() as connection:
        for sql in (
            "UPDATE shipments SET quantity = 0",
            "UPDATE shipments SET unit_price = -1",
            "INSERT INTO shipments (order_id, position, date, product_id, quantity, unit_price,"
            " unit_cost) VALUES (9999, 0, '2026-01-01', 1, 1, 0, 0)",
            "INSERT INTO orders (date, status_id, contact_id, created_at, updated_at)"
            " VALUES ('2026-01-01', 1, NULL, '2026-01-01 00:00:00', '2026-01-01 00:00:00')",
        ):
            # each in a savepoint: PostgreSQL refuses every later statement of a failed one's
            # transaction
            with pytest.raises(IntegrityError), connection.begin_nested():
                connection.execute(text(sql))


def test_edit_keeps_line_ids_recomputes_totals_and_drops_removed_lines(db, shop):
    original = get_order(db, shop.o1)
    kept = original.lines[0]
    edited = save_order(
        db,
        OrderInput(
            shop.igor1,
            "01.06.2026",
            status_id(db, "completed"),
            lines=(LineInput(shop.product_a, 4, "1000", "600", id=kept.id),),
        ),
        shop.o1,
        today=TODAY,
    )
    assert [line.id for line in edited.lines] == [kept.id]
    assert edited.figures.amount == D("4000.00") and edited.figures.cost == D("2400.00")
    assert edited.figures.profit == D("1600.00")


def test_lines_of_another_order_cannot_be_taken(db, shop):
    foreign = get_order(db, shop.o2).lines[0].id
    with pytest.raises(ValidationError, match="not a line of this order"):
        save_order(
            db, OrderInput(shop.igor1, lines=(LineInput(shop.product_a, 1, id=foreign),)), shop.o1
        )


def test_cancelling_needs_a_loss_reason(db, shop):
    cancelled = status_id(db, "cancelled")
    with pytest.raises(ValidationError) as caught:
        change_status(db, shop.o1, cancelled)
    assert caught.value.fields() == {"loss_reason"}
    assert get_order(db, shop.o1).status == "Completed"
    order = change_status(db, shop.o1, cancelled, loss_reason_id(db), "нашёл дешевле")
    assert (order.status_role, order.loss_note) == ("lost", "нашёл дешевле")
    # back to a selling status: the loss reason goes away
    order = change_status(db, shop.o1, status_id(db, "paid"))
    assert order.loss_reason_id is None and order.status == "Paid"


def test_reschedule_and_delete(db, shop):
    line = get_order(db, shop.o3).lines[1]
    reschedule_shipment(db, line.id, "25.06.2026")
    assert get_order(db, shop.o3).lines[1].date == dt.date(2026, 6, 25)
    with pytest.raises(ValidationError):
        reschedule_shipment(db, line.id, "31.06.2026")
    delete_order(db, shop.o3)
    with db.engine.connect() as connection:
        left = connection.execute(
            text("SELECT COUNT(*) FROM shipments WHERE order_id = :o"), {"o": shop.o3}
        ).scalar_one()
    assert left == 0


def test_totals_follow_lines_changed_outside_the_service(db, shop):
    """The stored order totals are kept by triggers, so even raw SQL cannot make them stale."""
    with db.engine.begin() as connection:
        connection.execute(
            text("UPDATE shipments SET quantity = 1 WHERE order_id = :o"), {"o": shop.o5}
        )
        connection.execute(
            text("UPDATE shipments SET order_id = :to WHERE order_id = :o"),
            {"to": shop.o6, "o": shop.o2},
        )
    assert get_order(db, shop.o5).figures.amount == D("500.00")  # 1 × 500
    assert get_order(db, shop.o2).figures.amount == D("0.00")
    assert get_order(db, shop.o2).figures.cost == D("0.00")
    o6 = get_order(db, shop.o6)
    assert (o6.figures.amount, o6.figures.cost, len(o6.lines)) == (D("500.00"), D("900.00"), 2)


def test_a_failure_after_the_flush_rolls_everything_back(db, shop, monkeypatch):
    """Lines are already written inside the transaction when this fails: nothing may stay."""
    import services.orders as orders_module

    before = dump(db)

    def broken_view(order, today):
        raise RuntimeError("disk full")

    monkeypatch.setattr(orders_module, "_view", broken_view)
    new = OrderInput(shop.anna, "01.06.2026", lines=(LineInput(shop.product_a, 7),))
    with pytest.raises(RuntimeError):
        save_order(db, new)
    edit = OrderInput(shop.igor1, "01.06.2026", lines=(LineInput(shop.product_b, 9),))
    with pytest.raises(RuntimeError):
        save_order(db, edit, shop.o1)
    assert dump(db) == before


def test_a_line_listed_twice_is_refused(db, shop):
    line_id = get_order(db, shop.o1).lines[0].id
    twice = (LineInput(shop.product_a, 1, id=line_id), LineInput(shop.product_a, 2, id=line_id))
    with pytest.raises(ValidationError) as caught:
        save_order(db, OrderInput(shop.igor1, lines=twice), shop.o1)
    assert [(p.line, p.field) for p in caught.value.problems] == [(2, "id")]


@pytest.mark.parametrize(
    ("line", "field", "value"),
    [
        (LineInput(1, 10**20), "quantity", "100000000000000000000"),
        (LineInput(1, 1, "1e30"), "unit_price", "1e30"),
        (LineInput(1, 1, "5", "2000000000"), "unit_cost", "2000000000"),
        (LineInput(1, "abc"), "quantity", "abc"),
    ],
)
def test_absurd_numbers_are_refused_naming_field_and_value(db, shop, line, field, value):
    before = dump(db)
    with pytest.raises(ValidationError) as caught:
        save_order(db, OrderInput(shop.anna, lines=(line,)))
    assert caught.value.fields() == {field}
    assert value in str(caught.value)
    assert dump(db) == before
