"""The grid's group totals kept by triggers (models/order_totals.py): after every kind of write
— an order saved, its lines, status or date changed, deleted, contacts merged, an import, an
undo, a FIFO re-costing — the kept tables equal a GROUP BY over the orders, and order_groups
gives for any period exactly what summing the orders by hand gives."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal as D

import pytest
from sqlalchemy import event, text

from models.order_totals import CONTACT_TOTALS_SELECT, MONTH_TOTALS_SELECT
from services import history, undoing
from services.importing import SourceSheet, apply_import, plan_import
from services.merge import merge_contacts
from services.order_list import GROUPINGS, GroupRow, OrderFilter, order_groups
from services.orders import (
    LineInput,
    OrderInput,
    change_status,
    delete_order,
    get_order,
    reschedule_shipment,
    save_order,
)
from services.purchases import PurchaseInput, PurchaseLineInput, save_purchase
from services.settings_store import load_list, save_list
from services.storage import Database
from tests.conftest import TODAY, Shop, loss_reason_id, status_id

DAY = dt.date


# --- by hand: the shop of conftest ------------------------------------------------------------
def test_a_period_cut_inside_months_by_contact_by_hand(db, shop):
    """15 May – 7 June takes O5 (20 May), O1 (1 June) and the cancelled O4 (5 June): May and
    June are read from the orders, neither month being whole."""
    groups = order_groups(db, "contact", OrderFilter(DAY(2026, 5, 15), DAY(2026, 6, 7)))
    assert [(g.key, g.orders, g.cancelled) for g in groups] == [
        (str(shop.igor1), 1, 0),  # O1: 3501.00 − 2000.50 = 1500.50
        (str(shop.anna), 1, 1),  # O5: 2000 − 1200 = 800; O4 counted apart, no money
    ]
    igor1, anna = groups
    assert (igor1.figures.amount, igor1.figures.profit) == (D("3501.00"), D("1500.50"))
    assert (anna.figures.amount, anna.figures.profit) == (D("2000.00"), D("800.00"))
    assert (anna.label, anna.phone) == ("Анна Соколова", "+79031112233")


def test_a_whole_month_by_contact_status_and_month_by_hand(db, shop):
    june = OrderFilter(DAY(2026, 6, 1), DAY(2026, 6, 30))
    groups = order_groups(db, "contact", june)
    # Igor2: O2 0/600 + O3 7400/3000 → 7400, profit 3800; Igor1: O1 → 1500.50;
    # Anna: O6 500/300 → 200, O4 cancelled
    assert [(g.key, g.orders, g.cancelled, g.figures.amount, g.figures.profit) for g in groups] == [
        (str(shop.igor2), 2, 0, D("7400.00"), D("3800.00")),
        (str(shop.igor1), 1, 0, D("3501.00"), D("1500.50")),
        (str(shop.anna), 1, 1, D("500.00"), D("200.00")),
    ]
    assert groups[0].average_check == D("3700.00")
    statuses = {g.label: g for g in order_groups(db, "status", june)}
    # Completed: O1 3501 + O2 0 + O6 500; Paid: O3; Cancelled: O4, its money shown as lost
    assert (statuses["Completed"].orders, statuses["Completed"].figures.amount) == (
        3,
        D("4001.00"),
    )
    assert statuses["Paid"].figures.profit == D("4400.00")
    assert statuses["Cancelled"].figures.amount == D("10000.00")
    spring = OrderFilter(DAY(2026, 5, 15), DAY(2026, 6, 7))
    months = order_groups(db, "month", spring)
    assert [(g.key, g.label, g.orders, g.cancelled, g.figures.amount) for g in months] == [
        ("2026-06", "2026-06", 1, 1, D("3501.00")),
        ("2026-05", "2026-05", 1, 0, D("2000.00")),
    ]


def test_a_whole_year_is_read_from_the_kept_totals_not_the_orders(db, years):
    """The bench's figure (a year by contact) reads the year's row of each contact, in contact
    order: no order row, no sort for the grouping (only the groups' sort by profit)."""
    statements: list[tuple[str, tuple]] = []

    def record(_conn, _cursor, statement, parameters, _context, _many) -> None:
        statements.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        groups = order_groups(db, "contact", OrderFilter(DAY(2025, 1, 1), DAY(2025, 12, 31)))
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    ((grouping, parameters),) = [(s, p) for s, p in statements if "GROUP BY" in s]
    # SQLite's parameters are a tuple, PostgreSQL's (psycopg's named style) a dict in order
    values = list(parameters.values() if isinstance(parameters, dict) else parameters)
    assert "FROM orders" not in grouping and values[-1] == 202500  # the year's period
    sqlite = db.dialect == "sqlite"
    explain = "EXPLAIN QUERY PLAN " if sqlite else "EXPLAIN "
    with db.engine.connect() as connection:
        plan = " | ".join(
            str(row[-1]) for row in connection.exec_driver_sql(explain + grouping, parameters)
        )
    if sqlite:  # the plan SQLite's planner was tuned to
        assert "SEARCH order_contact_totals USING PRIMARY KEY (period=?)" in plan, plan
        assert "GROUP BY" not in plan, plan
    else:
        assert " on order_contact_totals " in f"{plan} ", plan
    assert " orders " not in f"{plan} ", plan
    # 2025: Igor1 2 × A 2000/1200 → 800; Anna 3 × B 1350/840 → 510; Igor2's C cancelled
    assert [(g.key, g.orders, g.cancelled, g.figures.profit) for g in groups] == [
        (str(years.igor1), 1, 0, D("800.00")),
        (str(years.anna), 1, 0, D("510.00")),
        (str(years.igor2), 0, 1, D("0.00")),
    ]


def test_no_orders_no_groups(db):
    for grouping in GROUPINGS:
        assert order_groups(db, grouping) == []
        assert order_groups(db, grouping, OrderFilter(DAY(2026, 1, 1), DAY(2026, 1, 31))) == []


# --- against the orders, after each kind of write ----------------------------------------------
PERIODS = [
    (None, None),
    (DAY(2026, 1, 1), DAY(2026, 12, 31)),  # a whole year
    (DAY(2025, 1, 1), DAY(2025, 12, 31)),
    (DAY(2025, 1, 1), DAY(2026, 12, 31)),  # two whole years
    (DAY(2026, 5, 1), DAY(2026, 6, 30)),  # whole months
    (DAY(2026, 5, 15), DAY(2026, 6, 7)),  # a cut at each end, no whole month
    (DAY(2025, 11, 15), DAY(2026, 6, 14)),  # cut months, whole months across a year
    (DAY(2025, 12, 20), DAY(2026, 1, 10)),  # across a new year, no whole month
    (DAY(2026, 6, 5), DAY(2026, 6, 5)),  # one day
    (None, DAY(2026, 5, 31)),
    (DAY(2026, 6, 1), None),
    (DAY(2025, 3, 2), None),
    (DAY(2020, 1, 1), DAY(2020, 12, 31)),  # before every order
    (DAY(2026, 6, 30), DAY(2026, 6, 1)),  # backwards: nothing
]


class ByHand:
    """The groups summed in Python from the orders' rows, by the rule order_groups keeps."""

    def __init__(self, db: Database) -> None:
        with db.engine.connect() as connection:

            def query(sql: str) -> list:
                return [tuple(row) for row in connection.execute(text(sql))]

            self.lost = {i for (i,) in query("SELECT id FROM order_statuses WHERE role = 'lost'")}
            self.statuses = dict(query("SELECT id, name FROM order_statuses"))
            self.contacts = {i: (n, p) for i, n, p in query("SELECT id, name, phone FROM contacts")}
            # the date as ISO text, as SQLite keeps it (PostgreSQL gives a date)
            self.orders = [
                (contact, status, str(date), amount, cost)
                for contact, status, date, amount, cost in query(
                    "SELECT contact_id, status_id, date, amount, cost FROM orders"
                )
            ]

    def label(self, grouping: str, key: str) -> tuple[str, str | None]:
        if grouping == "contact":
            return self.contacts[int(key)]
        return (self.statuses[int(key)], None) if grouping == "status" else (key, None)

    def groups(self, grouping: str, flt: OrderFilter) -> list[tuple]:
        totals: dict[str, list[int]] = {}
        for contact, status, date, amount, cost in self.orders:
            day = dt.date.fromisoformat(date)
            if flt.date_from is not None and day < flt.date_from:
                continue
            if flt.date_to is not None and day > flt.date_to:
                continue
            if flt.status_ids and status not in flt.status_ids:
                continue
            key = {"contact": str(contact), "status": str(status), "month": date[:7]}[grouping]
            selling = grouping == "status" or status not in self.lost
            found = totals.setdefault(key, [0, 0, 0, 0])
            found[0 if selling else 1] += 1
            if selling:
                found[2] += amount
                found[3] += cost
        rows = []
        for key, (count, cancelled, amount, cost) in totals.items():
            label, phone = self.label(grouping, key)
            rows.append((key, label, count, cancelled, amount, cost, phone))
        if grouping == "month":
            return sorted(rows, reverse=True)
        return sorted(rows, key=lambda r: (r[5] - r[4], int(r[0])))  # profit down, then key


def assert_exact(db: Database) -> None:
    with db.engine.connect() as connection:
        for table, summed in (
            ("order_contact_totals", CONTACT_TOTALS_SELECT),
            ("order_month_totals", MONTH_TOTALS_SELECT),
        ):
            kept = sorted(tuple(row) for row in connection.execute(text(f"SELECT * FROM {table}")))
            assert kept == sorted(tuple(row) for row in connection.execute(text(summed))), table
            assert all(row[-3] > 0 for row in kept)  # no row left for no order
    completed = status_id(db, "completed")
    hand = ByHand(db)
    filters = [OrderFilter(start, end) for start, end in PERIODS] + [
        OrderFilter(start, end, (completed,)) for start, end in PERIODS[:7]
    ]
    for grouping in GROUPINGS:
        for flt in filters:
            found = [tuple(group) for group in order_groups(db, grouping, flt)]
            assert found == hand.groups(grouping, flt), (grouping, flt)


@pytest.fixture
def years(db: Database, shop: Shop) -> Shop:
    """The shop, with orders across two years: 2025 in March, November and December, 2026 in
    January, and one more for Igor2 in May 2026."""
    completed, cancelled = status_id(db, "completed"), status_id(db, "cancelled")
    for contact, day, status, lines in (
        (shop.igor1, "03.03.2025", completed, (LineInput(shop.product_a, 2),)),
        (shop.anna, "20.11.2025", completed, (LineInput(shop.product_b, 3, "450", "280"),)),
        (shop.igor2, "28.12.2025", cancelled, (LineInput(shop.product_c, 1),)),
        (shop.anna, "04.01.2026", completed, (LineInput(shop.product_c, 2),)),
        (shop.igor2, "31.05.2026", completed, (LineInput(shop.product_b, 1),)),
    ):
        extra = {"loss_reason_id": loss_reason_id(db)} if status == cancelled else {}
        save_order(db, OrderInput(contact, day, status, lines=lines, **extra), today=TODAY)
    return shop


def _line_ids(db: Database, order_id: int) -> list[int]:
    return [line.id for line in get_order(db, order_id, TODAY).lines]


def _new_order(db, shop):
    data = OrderInput(shop.anna, "15.06.2026", status_id(db, "paid"), lines=(
        LineInput(shop.product_a, 2), LineInput(shop.product_b, 1),
    ))  # fmt: skip
    save_order(db, data, today=TODAY)


def _lines_edited(db, shop):  # O1: 3 × A → 4 × A, B dropped, C added: the amount moves
    first = _line_ids(db, shop.o1)[0]
    lines = (LineInput(shop.product_a, 4, id=first), LineInput(shop.product_c, 1))
    data = OrderInput(shop.igor1, "01.06.2026", status_id(db, "completed"), lines=lines)
    save_order(db, data, shop.o1, today=TODAY)


def _moved_to_another_year(db, shop):  # O5: May 2026 → December 2025, and to Igor1
    data = OrderInput(
        shop.igor1, "10.12.2025", status_id(db, "completed"), lines=(LineInput(shop.product_b, 4),)
    )
    save_order(db, data, shop.o5, today=TODAY)


def _cancelled(db, shop):
    change_status(
        db, shop.o1, status_id(db, "cancelled"), loss_reason_id(db), "дорого", today=TODAY
    )


def _status(db, shop):
    change_status(db, shop.o3, status_id(db, "completed"), today=TODAY)


def _rescheduled(db, shop):  # a line's date: the order's date and money stay
    reschedule_shipment(db, _line_ids(db, shop.o3)[1], "25.06.2026")


def _deleted(db, shop):
    delete_order(db, shop.o4)


def _merged(db, shop):  # Igor2's orders move to Igor1
    merge_contacts(db, shop.igor1, shop.igor2)


def _purchase(db, shop):  # product A gets a FIFO cost: the costs of its lines move
    save_purchase(
        db,
        PurchaseInput(
            "01.05.2026",
            supplier_name="Кожевник",
            delivery_cost="300",
            lines=(PurchaseLineInput(shop.product_a, 30, "500"),),
        ),
        today=TODAY,
    )


IMPORT_HEADERS = ("Дата", "Клиент", "Тел.", "Товар", "Кол-во", "Цена", "Закупка", "Статус")
IMPORT_ROWS = [
    ("10.05.2026", "Иван Петров", "+7 916 000-45-67", "Кошелёк Classic", "2", "1500", "900",
     "Выполнен"),
    ("30.12.2025", "Иван Петров", "+7 916 000-45-67", "Ремень Strap", "1", "800", "400",
     "Выполнен"),
    ("14.06.2026", "Анна Соколова", "+7 903 111-22-33", "Картхолдер Mini", "3", "500", "300",
     "Оплачен"),
]  # fmt: skip


def _imported(db, shop):
    numbered = [(number, tuple(cells)) for number, cells in enumerate(IMPORT_ROWS, start=2)]
    sheet = SourceSheet("Продажи", IMPORT_HEADERS, lambda: iter(numbered), len(numbered))
    plan = plan_import(db, [sheet], today=TODAY)
    assert plan.rejections == ()
    apply_import(db, plan)


ACTIONS: dict[str, Callable[[Database, Shop], None]] = {
    "order created": _new_order,
    "order lines edited": _lines_edited,
    "order date and contact changed": _moved_to_another_year,
    "order cancelled": _cancelled,
    "order status": _status,
    "line rescheduled": _rescheduled,
    "order deleted": _deleted,
    "contacts merged": _merged,
    "purchase re-costs lines": _purchase,
    "import": _imported,
}


@pytest.mark.parametrize("action", ACTIONS)
def test_kept_totals_stay_exact_through_each_action_its_undo_and_redo(db, years, action):
    assert_exact(db)
    mark = history.last_entry_id(db)
    ACTIONS[action](db, years)
    assert_exact(db)
    done, _ = history.last_of_run(db, mark)
    assert done is not None
    undone = undoing.undo(db, done.id)
    assert_exact(db)
    undoing.undo(db, undone.id)  # redo
    assert_exact(db)


@pytest.mark.parametrize("action", ["import", "contacts merged", "order lines edited"])
def test_kept_totals_stay_exact_through_a_large_playback(db, years, action, monkeypatch):
    """From BULK_ROWS rows undo sets the line totals' triggers aside and recomputes the orders
    it touched (services/playback_aside.py): the group totals follow that recomputation."""
    monkeypatch.setattr(undoing, "BULK_ROWS", 1)
    mark = history.last_entry_id(db)
    ACTIONS[action](db, years)
    done, _ = history.last_of_run(db, mark)
    assert done is not None
    undone = undoing.undo(db, done.id)
    assert_exact(db)
    undoing.undo(db, undone.id)
    assert_exact(db)


def test_a_status_that_becomes_lost_moves_its_orders_out_of_the_money(db, years):
    """The totals are kept per status, roles resolved when read: nothing to recompute."""
    paid = status_id(db, "paid")
    entries = [
        replace(entry, role="lost") if entry.id == paid else entry
        for entry in load_list(db, "statuses")
    ]
    save_list(db, "statuses", entries)
    assert_exact(db)
    june = {g.key: g for g in order_groups(db, "contact", OrderFilter(DAY(2026, 6, 1)))}
    igor2 = june[str(years.igor2)]
    assert (igor2.orders, igor2.cancelled, igor2.figures.amount) == (1, 1, D("0.00"))  # O2 left


def test_group_rows_are_plain_values(db, shop):
    (group, *_rest) = order_groups(db, "contact")
    assert isinstance(group, GroupRow)
    # Igor2: O2 0/600 and O3 7400/3000, in minor units
    assert group == GroupRow(str(shop.igor2), "Игорь", 2, 0, 740000, 360000, "+79161234568")
