"""Shared fixtures: a real database (an SQLite file in tmp_path, or with --backend=postgresql
a database on a throw-away PostgreSQL cluster) and a small shop to compute by hand."""

from __future__ import annotations

import os

# `make test` on a machine without a display (CI, ssh) draws Qt offscreen; a developer can
# still set QT_QPA_PLATFORM=xcb to watch the widget tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import make_url

from services import choices
from services.contacts import ContactInput, create_contact
from services.follow_ups import start_follow_ups
from services.orders import LineInput, OrderInput, save_order
from services.products import ProductInput, create_product
from services.reminders import snooze
from services.storage import Database
from services.tasks import TaskInput, create_task
from tests import postgres_server

TODAY = dt.date(2026, 6, 15)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--backend",
        choices=("sqlite", "postgresql"),
        default="sqlite",
        help="the database the `db` fixture opens: an SQLite file (default), or a database on"
        " a throw-away PostgreSQL cluster (tests/postgres_server.py); on postgresql only the"
        " tests that use `db` run, those marked sqlite_only left out",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only(reason): about the SQLite file itself; not run on PostgreSQL"
    )


def on_postgresql(config: pytest.Config) -> bool:
    return bool(config.getoption("--backend") == "postgresql")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On PostgreSQL: the tests of the services through `db`, nothing else (the window's
    tests run on SQLite; tests/ui/test_server_window.py opens it on a server)."""
    if not on_postgresql(config):
        return
    kept, left = [], []
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        service = "tests/ui/" not in item.path.as_posix()
        runs = service and "db" in fixtures and item.get_closest_marker("sqlite_only") is None
        (kept if runs else left).append(item)
    items[:] = kept
    config.hook.pytest_deselected(items=left)


@pytest.fixture(scope="session")
def postgres_admin(request: pytest.FixtureRequest) -> Iterator[str]:
    """A superuser's URL on a throw-away PostgreSQL cluster, with a template database that
    holds a new Lavka schema; skipped, with the reason, where PostgreSQL is not installed."""
    reason = postgres_server.unavailable()
    if reason is not None:
        pytest.skip(reason)
    cluster = None
    url = os.environ.get(postgres_server.ENV)
    if not url:
        folder = postgres_server.server_folder()
        assert folder is not None
        cluster = postgres_server.Cluster(folder)
        url = cluster.start()
    try:
        admin(url, f"DROP DATABASE IF EXISTS {TEMPLATE}", f"CREATE DATABASE {TEMPLATE}")
        Database.open(database_url(url, TEMPLATE)).close()
        yield url
    finally:
        if cluster is not None:
            cluster.stop()


TEMPLATE = "lavka_template"


def database_url(url: str, name: str) -> str:
    return str(make_url(url).set(database=name).render_as_string(hide_password=False))


def admin(url: str, *statements: str) -> None:
    with psycopg.connect(url, autocommit=True) as connection:
        for statement in statements:
            connection.execute(statement)


_numbers = itertools.count(1)


@pytest.fixture
def db_target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Path | str]:
    """Where the test's new database is: a file in tmp_path, or (--backend=postgresql) a
    database of its own on the cluster, a copy of the template's new schema."""
    if not on_postgresql(request.config):
        yield tmp_path / "lavka.sqlite3"
        return
    yield from cluster_database(request.getfixturevalue("postgres_admin"), f"TEMPLATE {TEMPLATE}")


@pytest.fixture
def empty_postgres(postgres_admin: str) -> Iterator[str]:
    """The URL of a new, empty database on the throw-away cluster (whatever --backend)."""
    yield from cluster_database(postgres_admin)


def cluster_database(url: str, options: str = "") -> Iterator[str]:
    """A database of its own on the cluster for one test (CREATE DATABASE … `options`),
    dropped after it."""
    name = f"lavka_test_{os.getpid()}_{next(_numbers)}"
    admin(url, f"CREATE DATABASE {name} {options}")
    try:
        yield database_url(url, name)
    finally:
        admin(url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def db(db_target: Path | str):
    database = Database.open(db_target)
    yield database
    database.close()


def status_id(database: Database, code: str) -> int:
    with database.session() as session:
        return choices.status_by_code(session, code).id


def loss_reason_id(database: Database) -> int:
    with database.session() as session:
        return choices.loss_reasons(session)[0].id


def ago(days: int) -> dt.date:
    """The day `days` before TODAY."""
    return TODAY - dt.timedelta(days=days)


@pytest.fixture
def wallet(db) -> int:
    return create_product(db, ProductInput("Кошелёк", None, "1000", "600")).id


def customer(db, name: str, phone: str | None = None) -> int:
    return create_contact(db, ContactInput(name, phone)).id


def buy(db, contact: int, product: int, day: dt.date, code="completed", ship=None) -> int:
    extra = {"loss_reason_id": loss_reason_id(db)} if code == "cancelled" else {}
    data = OrderInput(
        contact, day, status_id(db, code), lines=(LineInput(product, 1, date=ship),), **extra
    )
    return save_order(db, data, today=TODAY).id


@dataclass(frozen=True)
class Shop:
    """Ids of the hand-computable shop below (see each order's comment for its figures)."""

    igor1: int
    igor2: int
    anna: int
    product_a: int
    product_b: int
    product_c: int
    o1: int
    o2: int
    o3: int
    o4: int
    o5: int
    o6: int


@pytest.fixture
def shop(db: Database) -> Shop:
    """Three customers (two named Igor), three products, six orders around TODAY (2026-06-15).

    O1 Igor1 06-01 Completed: A 3×1000/600, B 2×250.50/100.25  → 3501.00 / 2000.50
    O2 Igor2 06-10 Completed: A 1×0/600 (a gift: zero amount)   → 0 / 600
    O3 Igor2 06-12 Paid:      A 2×1200/0 (zero cost)            → 2400 / 0 realized
                              A 5×1000/600 shipped 06-20         → 5000 / 3000 planned
    O4 Anna  06-05 Cancelled: A 10×1000/600                      → excluded everywhere
    O5 Anna  05-20 Completed: B 4×500/300                        → 2000 / 1200
    O6 Anna  06-14 Completed: B 1×500/300                        → 500 / 300
    """
    igor1 = create_contact(db, ContactInput("Игорь", "+7 916 123-45-67")).id
    igor2 = create_contact(db, ContactInput("Игорь", "8 916 123-45-68")).id
    anna = create_contact(db, ContactInput("Анна Соколова", "+7 903 111-22-33")).id
    a = create_product(db, ProductInput("Кошелёк Classic", "CL-1", "1000", "600")).id
    b = create_product(db, ProductInput("Картхолдер Mini", "MN-1", "500", "300")).id
    c = create_product(db, ProductInput("Портмоне Travel", "TR-1", "1500", "900")).id
    completed, paid = status_id(db, "completed"), status_id(db, "paid")

    def order(contact, date, status, *lines, **extra):
        return save_order(
            db, OrderInput(contact, date, status, lines=tuple(lines), **extra), today=TODAY
        ).id

    o1 = order(
        igor1,
        "01.06.2026",
        completed,
        LineInput(a, 3),
        LineInput(b, 2, "250.50", "100.25"),
    )
    o2 = order(igor2, "10.06.2026", completed, LineInput(a, 1, "0"))
    o3 = order(
        igor2,
        "12.06.2026",
        paid,
        LineInput(a, 2, "1200", "0"),
        LineInput(a, 5, date="20.06.2026"),
    )
    o4 = order(
        anna,
        "05.06.2026",
        status_id(db, "cancelled"),
        LineInput(a, 10),
        loss_reason_id=loss_reason_id(db),
    )
    o5 = order(anna, "20.05.2026", completed, LineInput(b, 4))
    o6 = order(anna, "14.06.2026", completed, LineInput(b, 1))
    return Shop(igor1, igor2, anna, a, b, c, o1, o2, o3, o4, o5, o6)


@pytest.fixture
def busy_day(db):
    """TODAY's to-do list, by hand: Olga due to reorder (every 20 days, last 21 days ago:
    r = 1.05), Zhanna recently asleep (one purchase 50 days ago), Boris due (35 days) but
    snoozed until 20 June, Vera's order paid today and still to ship; follow-ups (15 days,
    since 1 May) of Zhanna's, Olga's 41- and 21-day-old and Boris's deliveries; a task
    overdue (12 June, about Olga) and one for today (about Vera's order)."""
    wallet = create_product(db, ProductInput("Кошелёк Slim", None, "890", "450")).id
    olga = customer(db, "Ольга Никитина", "+79177847876")
    for days in (61, 41):
        buy(db, olga, wallet, ago(days))
    last = buy(db, olga, wallet, ago(21))
    zhanna = customer(db, "Жанна", "+79160000007")
    buy(db, zhanna, wallet, ago(50))
    boris = customer(db, "Борис", "+79160000002")
    buy(db, boris, wallet, ago(35))
    snooze(db, boris, "20.06.2026", TODAY)
    vera = customer(db, "Вера", "+79160000003")
    today_order = buy(db, vera, wallet, TODAY, code="paid")
    start_follow_ups(db, dt.date(2026, 5, 1))
    create_task(db, TaskInput("Позвонить Ольге", "12.06.2026", "10:30", olga))
    create_task(db, TaskInput("Отправить счёт", TODAY, order_id=today_order))
    return {
        "olga": olga,
        "zhanna": zhanna,
        "boris": boris,
        "vera": vera,
        "last": last,
        "today_order": today_order,
    }


@pytest.fixture(autouse=True)
def _private_user_settings(tmp_path_factory):
    """Tests never read or write the real user's settings file."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("settings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield
