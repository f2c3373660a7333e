"""More new databases for one test, beside its `db` and on the same backend: an SQLite file in
tmp_path, or (--backend=postgresql) a database of its own on the test cluster, made from the
template's new schema as `db`'s is. An export imported into a new database is then imported
by the same database as the test's."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest
from sqlalchemy import text

from models.formulas import LINE_AMOUNT_SQL, LINE_COST_SQL
from services.costing import mismatches, sql_query
from services.maintenance import check_database
from services.storage import Database
from tests.conftest import TEMPLATE, admin, database_url, on_postgresql

_numbers = itertools.count(1)


class NewDatabases:
    """`open(name)` gives a new database; `close()` closes (and on a server drops) them all.

    A test module says, once:

        @pytest.fixture
        def new_database(request, tmp_path):
            with NewDatabases(request, tmp_path) as databases:
                yield databases.open
    """

    def __init__(self, request: pytest.FixtureRequest, tmp_path: Path) -> None:
        self.request = request
        self.tmp_path = tmp_path
        self.opened: list[Database] = []
        self.made: list[str] = []  # the server's databases to drop

    def open(self, name: str) -> Database:
        if not on_postgresql(self.request.config):
            database = Database.open(self.tmp_path / f"{name}.sqlite3")
        else:
            url = self.request.getfixturevalue("postgres_admin")
            made = f"lavka_more_{os.getpid()}_{next(_numbers)}"
            admin(url, f"CREATE DATABASE {made} TEMPLATE {TEMPLATE}")
            self.made.append(made)
            database = Database.open(database_url(url, made))
        self.opened.append(database)
        return database

    def close(self) -> None:
        for database in self.opened:
            database.close()
        if self.made:
            url = self.request.getfixturevalue("postgres_admin")
            admin(url, *(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)" for name in self.made))

    def __enter__(self) -> NewDatabases:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


# Every order's totals against its lines, by the line formula (as services/maintenance.py
# checks a file).
_TOTALS_DRIFT = f"""
SELECT o.id FROM orders AS o LEFT JOIN (
    SELECT order_id, SUM({LINE_AMOUNT_SQL}) AS amount, SUM({LINE_COST_SQL}) AS cost,
           COUNT(*) AS lines
    FROM shipments GROUP BY order_id
) AS s ON s.order_id = o.id
WHERE o.amount <> COALESCE(s.amount, 0) OR o.cost <> COALESCE(s.cost, 0)
   OR o.profit <> COALESCE(s.amount - s.cost, 0) OR o.line_count <> COALESCE(s.lines, 0)"""


def sound(database: Database) -> bool:
    """check_database's verdict on an SQLite file. A server's database has no file to check:
    there, what the server does not ensure by itself (it enforces the foreign keys at each
    write): every order's totals against its lines, and every FIFO cost against its batches."""
    if database.path is not None:
        return check_database(database.path).ok
    with database.session() as session:
        drifted = session.execute(text(_TOTALS_DRIFT)).all()
        costs = mismatches(sql_query(session))
    return not drifted and not costs
