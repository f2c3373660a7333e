"""Several people at once: two processes saving orders into one database at the same moment get
distinct order numbers with no gap between them, and a refused save leaves no gap either."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from models import Order
from services.orders import LineInput, OrderInput, save_order
from services.storage import Database
from tests.at_once import run_at_once
from tests.conftest import TODAY, status_id

PER_PROCESS = 15


def save_orders(target: Path | str, contact: int, product: int, start, numbers) -> None:
    """One person's Lavka: opens the database, waits for the other, saves its orders."""
    database = Database.open(target)
    try:
        status = status_id(database, "new")
        start.wait()
        for _ in range(PER_PROCESS):
            order = OrderInput(contact, TODAY, status, lines=(LineInput(product, 1),))
            numbers.put(save_order(database, order, today=TODAY).id)
    finally:
        database.close()


def test_two_processes_saving_at_once_get_distinct_numbers_without_gaps(db, db_target, shop):
    arguments = [(db_target, contact, shop.product_b) for contact in (shop.igor1, shop.anna)]
    taken = run_at_once(save_orders, arguments, 2 * PER_PROCESS)
    # The shop's six orders are 1…6; the thirty saved at once are 7…36, each once.
    assert sorted(taken) == list(range(7, 7 + 2 * PER_PROCESS))
    with db.session() as session:
        assert session.scalars(select(Order.id).order_by(Order.id)).all() == list(range(1, 37))


def test_a_save_that_fails_after_its_order_is_written_leaves_no_gap(db, shop, monkeypatch):
    """The order's row is in the transaction when this fails: its number goes back too."""

    def broken_view(order, today):
        raise RuntimeError("disk full")

    new = OrderInput(shop.anna, TODAY, status_id(db, "new"), lines=(LineInput(shop.product_a, 1),))
    with monkeypatch.context() as patched:
        patched.setattr("services.orders._view", broken_view)
        with pytest.raises(RuntimeError):
            save_order(db, new, today=TODAY)
    assert save_order(db, new, today=TODAY).id == shop.o6 + 1 == 7
