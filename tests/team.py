"""A shop on a server's database with a team: its owner's wallet business, a manager `anna`
and a viewer `vera` (tests of roles, services/users.py, and of the window they see)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import psycopg
from sqlalchemy import make_url

from services.contacts import ContactInput, create_contact
from services.orders import LineInput, OrderInput, save_order
from services.products import ProductInput, create_product
from services.purchases import PurchaseInput, PurchaseLineInput, save_purchase
from services.storage import Database
from services.users import add_user
from tests.conftest import status_id

DAY = dt.date(2026, 3, 2)
PASSWORD = "secret-pass"
PEOPLE = ("anna", "vera", "olga")  # the names the tests give their users


@dataclass
class TeamShop:
    url: str  # the owner's
    owner: Database
    wallet_id: int
    ivan_id: int
    order_id: int


def as_user(url: str, name: str, password: str = PASSWORD) -> str:
    """The database's URL as `name` logs in."""
    return make_url(url).set(username=name, password=password).render_as_string(False)


def team_shop(url: str) -> TeamShop:
    """A wallet bought at 250 (10 of them from Leather Co) and sold at 400 on order No. 1
    (one line of 3), with the manager `anna` and the viewer `vera`."""
    owner = Database.open(url)
    wallet = create_product(owner, ProductInput("Wallet", default_price="400", default_cost="300"))
    ivan = create_contact(owner, ContactInput(name="Ivan"))
    order = save_order(
        owner,
        OrderInput(
            contact_id=ivan.id,
            date=DAY,
            status_id=status_id(owner, "completed"),
            lines=(LineInput(wallet.id, 3, unit_price="400", unit_cost="250"),),
        ),
    )
    save_purchase(
        owner,
        PurchaseInput(
            date=DAY - dt.timedelta(days=7),
            supplier_name="Leather Co",
            lines=(PurchaseLineInput(wallet.id, 10, unit_cost="250"),),
        ),
    )
    add_user(owner, "anna", PASSWORD, "manager")
    add_user(owner, "vera", PASSWORD, "viewer")
    return TeamShop(url, owner, wallet.id, ivan.id, order.id)


def disband(shop: TeamShop) -> None:
    """Close the owner's database and drop the users (roles outlive a dropped database)."""
    shop.owner.close()
    with psycopg.connect(shop.url, autocommit=True) as admin:
        for name in PEOPLE:
            admin.execute(f"DROP ROLE IF EXISTS {name}")
