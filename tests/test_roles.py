"""Roles on a shared PostgreSQL database (models/roles.py, services/users.py): a manager and a
viewer connect as their own PostgreSQL roles, through Lavka and straight through psycopg, and
the database itself keeps costs, purchases and deletions from them."""

from __future__ import annotations

from decimal import Decimal

import psycopg
import pytest
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from models import Contact, Order
from services.contacts import ContactInput, create_contact, delete_contact, get_contact
from services.errors import EditConflict, NotAllowed
from services.orders import LineInput, OrderInput, change_status, get_order, save_order
from services.products import get_product
from services.storage import Database
from services.tasks import TaskInput, create_task
from services.today import today_page
from services.users import UserError, add_user, change_role, list_users, remove_user
from tests.conftest import status_id
from tests.team import DAY, as_user, disband, team_shop
from tests.test_edit_conflicts import edited


@pytest.fixture
def shop(empty_postgres):
    """The team's shop (tests/team.py): its URL, the owner's database, the wallet, Ivan."""
    made = team_shop(empty_postgres)
    yield (
        made.url,
        made.owner,
        get_product(made.owner, made.wallet_id),
        get_contact(made.owner, made.ivan_id),
    )
    disband(made)


def test_a_manager_connecting_with_sql_reads_no_cost(shop):
    url, *_ = shop
    with psycopg.connect(as_user(url, "anna")) as anna:
        for refused in (
            "SELECT unit_cost FROM public.shipments",
            "SELECT cost FROM public.orders",
            "SELECT default_cost FROM public.products",
            "SELECT supplier_name FROM public.purchases",
            "SELECT * FROM expenses",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                anna.execute(refused)
            anna.rollback()
        # The names a query finds are the views: the costs are there, and empty.
        assert anna.execute("SELECT quantity, unit_price, unit_cost FROM shipments").fetchall() == [
            (3, 40000, None)
        ]
        assert anna.execute("SELECT amount, cost, profit FROM orders").fetchall() == [
            (120000, None, None)
        ]
        assert anna.execute("SELECT default_price, default_cost FROM products").fetchall() == [
            (40000, None)
        ]
        assert anna.execute("SELECT supplier_name, delivery_cost FROM purchases").fetchall() == [
            (None, None)
        ]
        assert anna.execute("SELECT quantity, unit_cost FROM purchase_lines").fetchall() == [
            (10, None)
        ]
        assert anna.execute(
            "SELECT count(*) FROM change_rows WHERE new IS NOT NULL"
        ).fetchone() == (0,)
    # The owner reads them all: 3 × 250 = 750.00 of cost, 3 × 150 = 450.00 of profit.
    with psycopg.connect(url) as owner:
        assert owner.execute("SELECT cost, profit FROM orders").fetchall() == [(75000, 45000)]


def test_a_manager_works_on_orders_and_contacts_and_their_costs_stay_the_owners(shop):
    url, owner, wallet, ivan = shop
    anna = Database.open(as_user(url, "anna"))
    assert anna.role == "manager"
    order = get_order(anna, 1)
    assert order.figures.amount == Decimal("1200.00")
    line = order.lines[0]
    save_order(
        anna,
        OrderInput(
            contact_id=ivan.id,
            date=DAY,
            status_id=order.status_id,
            comment="Call before delivery",
            lines=(
                LineInput(wallet.id, 4, unit_price="400", unit_cost=line.unit_cost, id=line.id),
                LineInput(wallet.id, 1, unit_price="380"),  # a new line, no cost known to her
            ),
        ),
        order.id,
    )
    # A status moved from the board reads the order FOR UPDATE, through her view.
    change_status(anna, order.id, status_id(anna, "shipped"))
    change_status(anna, order.id, order.status_id)
    petr = create_contact(anna, ContactInput(name="Petr"))
    create_task(anna, TaskInput(title="Call Petr", due=DAY, contact_id=petr.id))
    assert today_page(anna, DAY).date == DAY
    anna.close()
    # The owner sees her changes with the costs as they were, and the new line at the
    # product's cost: 4 × 250 + 1 × 300 = 1 300.00 of cost on 4 × 400 + 380 = 1 980.00.
    saved = get_order(owner, 1)
    assert saved.comment == "Call before delivery"
    assert [(x.quantity, x.unit_cost) for x in saved.lines] == [
        (4, Decimal("250.00")),
        (1, Decimal("300.00")),
    ]
    assert saved.figures.amount == Decimal("1980.00")
    assert saved.figures.cost == Decimal("1300.00")
    assert get_product(owner, wallet.id).default_cost == Decimal("300.00")


def test_a_manager_deletes_no_contact(shop):
    url, owner, _wallet, _ivan = shop
    lonely = create_contact(owner, ContactInput(name="Nobody yet"))
    anna = Database.open(as_user(url, "anna"))
    with pytest.raises(NotAllowed) as refused:
        delete_contact(anna, lonely.id)
    assert refused.value.code == "users.not_allowed"
    anna.close()
    assert get_contact(owner, lonely.id).name == "Nobody yet"


def test_a_viewer_reads_and_writes_nothing(shop):
    url, owner, _wallet, ivan = shop
    vera = Database.open(as_user(url, "vera"))
    assert vera.role == "viewer"
    assert today_page(vera, DAY).date == DAY
    assert get_order(vera, 1).figures.amount == Decimal("1200.00")
    with pytest.raises(NotAllowed):
        create_contact(vera, ContactInput(name="Petr"))
    vera.close()
    with owner.session() as session:
        assert session.scalars(select(Contact.name)).all() == [ivan.name]


def test_the_owner_adds_changes_and_removes_users(shop):
    url, owner, *_ = shop
    assert [(u.name, u.role) for u in list_users(owner)] == [
        ("anna", "manager"),
        ("vera", "viewer"),
    ]
    for name, password, code in (
        ("Olga Petrova", "secret-pass", "users.bad_name"),
        ("olga", "short", "users.short_password"),
        ("anna", "secret-pass", "users.taken"),
    ):
        with pytest.raises(UserError) as refused:
            add_user(owner, name, password, "manager")
        assert refused.value.code == code
    assert len(list_users(owner)) == 2  # nobody was added by a refusal
    change_role(owner, "vera", "manager")
    assert Database.open(as_user(url, "vera")).role == "manager"
    remove_user(owner, "vera")
    assert [u.name for u in list_users(owner)] == ["anna"]
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(as_user(url, "vera")).close()
    anna = Database.open(as_user(url, "anna"))
    with pytest.raises(UserError) as refused:
        add_user(anna, "olga", "secret-pass", "manager")
    assert refused.value.code == "users.not_owner"


def test_a_file_has_no_users(db):
    if db.dialect != "sqlite":
        pytest.skip("about a database file")
    assert list_users(db) == []
    with pytest.raises(UserError) as refused:
        add_user(db, "anna", "secret-pass", "manager")
    assert refused.value.code == "users.file"


def test_two_managers_saving_one_order_meet_a_conflict(shop):
    """Anna's save reads the version; Vera's (a manager too) commits before Anna's writes:
    through the view and its trigger, Anna's versioned write finds no row, as on the table."""
    url, owner, *_ = shop
    change_role(owner, "vera", "manager")
    anna, vera = Database.open(as_user(url, "anna")), Database.open(as_user(url, "vera"))
    opened = get_order(anna, 1)
    done: list[int] = []

    def meanwhile(session: Session, _context, _instances) -> None:
        if not done and any(isinstance(row, Order) for row in session.dirty):
            theirs = get_order(vera, 1)
            done.append(save_order(vera, edited(theirs, comment="Vera's"), 1).version)

    event.listen(anna.session_factory, "before_flush", meanwhile)
    try:
        with pytest.raises(EditConflict) as refused:
            save_order(anna, edited(opened, comment="Anna's"), 1)
    finally:
        event.remove(anna.session_factory, "before_flush", meanwhile)
    assert done == [2]
    assert (refused.value.theirs.comment, refused.value.theirs.version) == ("Vera's", 2)
    assert get_order(owner, 1).comment == "Vera's"
    anna.close()
    vera.close()
