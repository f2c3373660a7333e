"""The funnel board, the conversion between stages and the loss analysis, on orders whose
path through the statuses is known, figures computed by hand."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from alembic import command
from sqlalchemy import text

from services.choices import loss_reasons
from services.contacts import ContactInput, create_contact
from services.funnel import BoardFilter, board, conversion
from services.losses import loss_analysis, previous_period
from services.orders import LineInput, OrderInput, change_status, save_order
from services.products import ProductInput, create_product
from services.settings_store import ListEntry, load_list, save_list
from services.storage import SCHEMA_HEAD, Database, alembic_config, current_revision
from tests.conftest import status_id

DAY = dt.date(2026, 12, 1)
NOVEMBER = (dt.date(2026, 11, 1), dt.date(2026, 11, 30))


class Shop:
    """Six orders of November and one of October, each moved along its own path:

    o1 New → Confirmed → Completed          1 wallet   1 000
    o2 New → Confirmed → Cancelled (price)  2 wallets  2 000  lost at Confirmed
    o3 New → Cancelled (no answer)          1 wallet   1 000  lost at New
    o4 New → Confirmed → Paid               1 wallet   1 000  open
    o5 created Cancelled (out of stock)     3 wallets  3 000  lost at an unknown stage
    o6 New, from the channel "Сарафан"      expected 5 000, no lines
    o0 October, created Cancelled (price)   4 wallets  4 000
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        entries = [*load_list(db, "channels"), ListEntry(None, "Сарафан", True, None, 0)]
        save_list(db, "channels", entries)
        self.word = next(e.id for e in load_list(db, "channels") if e.name == "Сарафан")
        with db.session() as session:
            reasons = {r.name: r.id for r in loss_reasons(session)}
        self.price, self.no_answer = reasons["Price too high"], reasons["No answer"]
        self.stock = reasons["Out of stock"]
        self.wallet = create_product(db, ProductInput("Кошелёк", None, "1000", "600")).id
        self.contact = create_contact(db, ContactInput("Магазин")).id
        day = dt.date(2026, 11, 10)
        self.o1 = self.order(day, 1)
        self.move(self.o1, "confirmed", "completed")
        self.o2 = self.order(day, 2)
        self.move(self.o2, "confirmed")
        self.lose(self.o2, self.price)
        self.o3 = self.order(day, 1)
        self.lose(self.o3, self.no_answer)
        self.o4 = self.order(day, 1)
        self.move(self.o4, "confirmed", "paid")
        self.o5 = self.order(day, 3, "cancelled", self.stock)
        data = OrderInput(
            self.contact, day, status_id(db, "new"), self.word, expected_amount="5000"
        )
        self.o6 = save_order(db, data, today=DAY).id
        self.o0 = self.order(dt.date(2026, 10, 15), 4, "cancelled", self.price)

    def order(self, day, quantity, code="new", reason=None) -> int:
        data = OrderInput(
            self.contact,
            day,
            status_id(self.db, code),
            loss_reason_id=reason,
            lines=(LineInput(self.wallet, quantity),),
        )
        return save_order(self.db, data, today=DAY).id

    def move(self, order: int, *codes: str) -> None:
        for code in codes:
            change_status(self.db, order, status_id(self.db, code), today=DAY)

    def lose(self, order: int, reason: int) -> None:
        change_status(self.db, order, status_id(self.db, "cancelled"), reason, today=DAY)


def test_the_board_has_open_columns_then_won_then_lost_with_counts_and_sums(db):
    shop = Shop(db)
    columns = board(db, BoardFilter(*NOVEMBER), today=DAY)
    assert [(c.name, c.role, c.count, c.total) for c in columns] == [
        ("New", "open", 1, Decimal("5000.00")),  # o6, its expected amount
        ("Confirmed", "open", 0, Decimal("0.00")),
        ("Paid", "open", 1, Decimal("1000.00")),  # o4
        ("Shipped", "open", 0, Decimal("0.00")),
        ("Completed", "won", 1, Decimal("1000.00")),  # o1
        ("Cancelled", "lost", 3, Decimal("6000.00")),  # o2, o3, o5 (o0 is October's)
    ]
    new = columns[0].cards[0]
    # 21 days old: 20 % − 15 % (15–29 days) = 5 % (the floor) of 5 000 = 250
    assert (new.order_id, new.age, new.probability, new.value) == (shop.o6, 21, 5, Decimal("250"))
    assert columns[4].cards[0].klass is None
    assert {c.klass for c in columns[5].cards} == {"F"}


def test_closed_columns_show_their_newest_cards_and_count_the_rest(db):
    shop = Shop(db)
    columns = board(db, today=DAY, closed_cards=2)
    lost = columns[-1]
    assert (lost.count, len(lost.cards), lost.more) == (4, 2, 2)
    assert [c.order_id for c in lost.cards] == [shop.o5, shop.o3]  # same day: newest id first
    assert columns[0].more == 0


def test_the_board_filters_by_channel(db):
    shop = Shop(db)
    columns = board(db, BoardFilter(channel_id=shop.word), today=DAY)
    assert [c.count for c in columns] == [1, 0, 0, 0, 0, 0]
    assert columns[0].cards[0].worth == Decimal("5000.00")


def test_conversion_counts_orders_that_reached_each_stage_and_were_won(db):
    Shop(db)
    result = conversion(db, BoardFilter(*NOVEMBER))
    stages = [(s.name, s.reached, s.won, s.rate) for s in result.stages]
    assert stages == [
        # o1 o2 o3 o4 o6 reached New (o5 was created lost): one of five won
        ("New", 5, 1, Decimal("0.2")),
        # o1 o2 o4
        ("Confirmed", 3, 1, Decimal(1) / Decimal(3)),
        # o4, and o1 which was won (a won order passed every stage)
        ("Paid", 2, 1, Decimal("0.5")),
        ("Shipped", 1, 1, Decimal(1)),
    ]
    assert (result.orders, result.won, result.lost) == (6, 1, 3)


def test_conversion_of_a_period_without_orders_is_empty_not_a_crash(db):
    Shop(db)
    result = conversion(db, BoardFilter(dt.date(2020, 1, 1), dt.date(2020, 1, 31)))
    assert [(s.reached, s.rate) for s in result.stages] == [(0, None)] * 4
    assert result.rate is None


def test_losses_by_reason_and_by_stage_against_the_previous_period(db):
    shop = Shop(db)
    result = loss_analysis(db, *NOVEMBER)
    assert (result.previous_start, result.previous_end) == (
        dt.date(2026, 10, 2),
        dt.date(2026, 10, 31),
    )
    reasons = [
        (r.key, r.orders, r.amount, r.previous_orders, r.amount_change) for r in result.by_reason
    ]
    assert reasons == [
        (shop.stock, 1, Decimal("3000.00"), 0, Decimal("3000.00")),
        (shop.price, 1, Decimal("2000.00"), 1, Decimal("-2000.00")),  # 2 000 against 4 000
        (shop.no_answer, 1, Decimal("1000.00"), 0, Decimal("1000.00")),
    ]
    stages = [(s.name, s.orders, s.amount, s.previous_amount) for s in result.by_stage]
    assert stages == [
        (None, 1, Decimal("3000.00"), Decimal("4000.00")),  # o5; o0 in October
        ("Confirmed", 1, Decimal("2000.00"), Decimal("0.00")),  # o2
        ("New", 1, Decimal("1000.00"), Decimal("0.00")),  # o3
    ]
    assert (result.total.orders, result.total.amount) == (3, Decimal("6000.00"))
    assert (result.total.previous_orders, result.total.previous_amount) == (1, Decimal("4000.00"))


def test_the_previous_period_has_the_same_length():
    assert previous_period(dt.date(2026, 3, 1), dt.date(2026, 3, 31)) == (
        dt.date(2026, 1, 29),
        dt.date(2026, 2, 28),
    )


def test_an_upgraded_database_takes_each_order_to_have_entered_its_status_on_its_date(tmp_path):
    path = tmp_path / "old.sqlite3"
    old = Database.open(path)
    wallet = create_product(old, ProductInput("Кошелёк", None, "1000", "600")).id
    contact = create_contact(old, ContactInput("Анна")).id
    data = OrderInput(
        contact, dt.date(2026, 5, 4), status_id(old, "paid"), lines=(LineInput(wallet, 1),)
    )
    order = save_order(old, data).id
    command.downgrade(alembic_config(old.engine), "0004")
    old.close()
    upgraded = Database.open(path)
    try:
        assert current_revision(upgraded.engine) == SCHEMA_HEAD
        with upgraded.session() as session:
            rows = session.execute(
                text("SELECT order_id, status_id, entered_on FROM order_stages")
            ).all()
        assert rows == [(order, status_id(upgraded, "paid"), "2026-05-04")]
        # Paid was reached, so New and Confirmed count as passed
        reached = [s.reached for s in conversion(upgraded).stages]
        assert reached == [1, 1, 1, 0]
    finally:
        upgraded.close()


def test_losses_against_a_previous_period_given_by_the_report(db):
    Shop(db)
    # the report compares November with October 16–31 here: October 15's loss is outside it
    result = loss_analysis(db, *NOVEMBER, (dt.date(2026, 10, 16), dt.date(2026, 10, 31)))
    assert (result.previous_start, result.previous_end) == (
        dt.date(2026, 10, 16),
        dt.date(2026, 10, 31),
    )
    assert (result.total.orders, result.total.previous_orders) == (3, 0)


def test_an_open_column_shows_its_newest_cards_and_counts_the_rest(db):
    shop = Shop(db)
    later = [shop.order(dt.date(2026, 11, day), 1) for day in (20, 25)]
    columns = board(db, today=DAY, open_cards=2)
    new = columns[0]
    # o6 (10 Nov, expected 5 000) and the two of 20 and 25 Nov, 1 000 each
    assert (new.count, new.total, new.more) == (3, Decimal("7000.00"), 1)
    assert [c.order_id for c in new.cards] == [later[1], later[0]]
    # 6 days old: 20 %; 11 days old: 20 % − 10 % (8–14 days)
    assert [c.probability for c in new.cards] == [20, 10]
