"""Moving up (services/migrate.py): the demo business copied from its SQLite file into an empty
database on a real PostgreSQL server, proven, and the same figures read from both."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal

import psycopg
import pytest
from sqlalchemy import func, select

from models import ChangeEntry, Contact, Order, Shipment
from services.demo import create_demo_business
from services.errors import StorageError
from services.figures import Period, period_figures, product_figures, top_customers
from services.migrate import MigrationError, migrate_to
from services.orders import LineInput, OrderInput, save_order
from services.storage import Database
from tests.conftest import status_id

TODAY = dt.date(2026, 6, 15)


@pytest.fixture(scope="module")
def demo_original(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "lavka.sqlite3"
    database = Database.open(path)
    create_demo_business(database, today=TODAY)
    database.close()
    return path


@pytest.fixture
def demo_file(demo_original, tmp_path):
    """A copy of the demo business's file for one test (its making takes seconds)."""
    path = tmp_path / "lavka.sqlite3"
    shutil.copyfile(demo_original, path)
    return path


def tables_of(url: str) -> list[str]:
    with psycopg.connect(url) as connection:
        rows = connection.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
        ).fetchall()
    return sorted(name for (name,) in rows)


def test_the_demo_business_moves_and_its_figures_agree_to_the_kopeck(demo_file, empty_postgres):
    result = migrate_to(demo_file, empty_postgres)

    source, server = Database.open_existing(demo_file), Database.open(empty_postgres)
    try:
        assert server.schema.action == "current"  # stamped at the head: nothing to upgrade
        with source.session() as a, server.session() as b:
            for model in (Contact, Order, Shipment, ChangeEntry):
                count = select(func.count()).select_from(model)
                assert a.scalar(count) == b.scalar(count) > 0
        by_name = {table.name: table for table in result.tables}
        with source.session() as session:
            amount = session.scalar(select(func.sum(Order.amount)))
        # The check compared each money column's total in kopecks on both sides.
        assert Decimal(by_name["orders"].totals["amount"]) / 100 == amount
        for period in (Period(), Period(dt.date(2026, 1, 1), dt.date(2026, 6, 30))):
            assert period_figures(server, period, TODAY) == period_figures(source, period, TODAY)
            assert product_figures(server, period, TODAY) == product_figures(source, period, TODAY)
            assert top_customers(server, period, today=TODAY) == top_customers(
                source, period, today=TODAY
            )
    finally:
        source.close()
        server.close()


def test_ids_go_on_after_the_copied_ones(demo_file, empty_postgres):
    migrate_to(demo_file, empty_postgres)
    server = Database.open(empty_postgres)
    try:
        with server.session() as session:
            highest = session.scalar(select(func.max(Order.id)))
            contact = session.scalar(select(Contact.id).limit(1))
            product = session.scalar(select(Shipment.product_id).limit(1))
        saved = save_order(
            server,
            OrderInput(contact, TODAY, status_id(server, "new"), lines=(LineInput(product, 2),)),
            today=TODAY,
        )
        assert saved.id == highest + 1
    finally:
        server.close()


def test_a_database_that_is_not_empty_is_refused_and_left_as_it_was(demo_file, empty_postgres):
    with psycopg.connect(empty_postgres, autocommit=True) as connection:
        connection.execute("CREATE TABLE notes (id int PRIMARY KEY, text text)")
    with pytest.raises(MigrationError) as caught:
        migrate_to(demo_file, empty_postgres)
    assert caught.value.code == "migrate.target_not_empty"
    assert "notes" in str(caught.value)
    assert tables_of(empty_postgres) == ["notes"]


def test_a_file_is_not_a_server(demo_file, tmp_path):
    with pytest.raises(MigrationError) as caught:
        migrate_to(demo_file, str(tmp_path / "other.sqlite3"))
    assert caught.value.code == "migrate.not_server"


def test_an_unreachable_server_is_said_as_such(demo_file, postgres_admin):
    # A port nothing listens on (the cluster's own, plus one, is not taken by it).
    port = int(postgres_admin.rsplit(":", 1)[1].split("/")[0]) + 1
    with pytest.raises(StorageError) as caught:
        migrate_to(demo_file, f"postgresql://postgres@127.0.0.1:{port}/nowhere")
    assert caught.value.code == "storage.server_unopenable"
