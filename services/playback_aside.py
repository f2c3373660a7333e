"""A large playback (an import's undo) sets aside the per-row triggers that keep derived data —
an order's totals and paid sum, the grid's group totals, the search index — and recomputes
what it touched once, as the import does for what it writes (bench: the undo of a 10k-row
import).

The two databases differ in two places here, each said once: how a statement reads a JSON
array of ids bound as a parameter (`json_ids`), and how a trigger is set aside within a
transaction (`trigger_aside`: SQLite drops and recreates it, PostgreSQL disables it).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, text

from models.history import row_key
from models.order_totals import TOTALS_TRIGGERS, add_difference, keep_before
from models.search import (
    KIND_CONTACT,
    KIND_ORDER,
    KIND_PRODUCT,
    ORDER_DOCUMENTS,
    PRODUCT_DOCUMENTS,
    SEARCH_TABLE,
    SEARCH_TRIGGERS,
    contact_documents,
)
from models.triggers import PAYMENT_TRIGGERS, TRIGGERS, recompute_paid, recompute_totals

# A playback of this many rows or more sets the triggers aside.
BULK_ROWS = 1000
ASIDE = {**TRIGGERS, **PAYMENT_TRIGGERS, **SEARCH_TRIGGERS}
# Rows whose parent's derived data they move: table → [(the parent's column, the parent)].
_PARENTS = {
    "shipments": [("order_id", "orders")],
    "payments": [("order_id", "orders")],
    "contact_phones": [("contact_id", "contacts")],
    "contact_emails": [("contact_id", "contacts")],
}
_TABLE = re.compile(r"\sON\s+(\w+)")  # the table of an SQLite CREATE TRIGGER

# (table, row id, [its values: as logged before, as logged after]) for each row played back
Touched = Iterable[tuple[str, int, list[dict[str, Any]]]]


def json_ids(dialect: str) -> str:
    """A FROM item of the integers (`value`) of the JSON array bound as `:ids`: one parameter
    for any number of ids. SQLite reads it with json_each; PostgreSQL has no json_each of an
    array's values as numbers, and reads them as text."""
    if dialect == "postgresql":
        return (
            "(SELECT CAST(value AS bigint) AS value"
            " FROM json_array_elements_text(CAST(:ids AS json))) AS ids"
        )
    return "json_each(:ids)"


def trigger_aside(dialect: str, name: str, sqlite_sql: str) -> tuple[str, str]:
    """The statements that set the trigger `name` (created by `sqlite_sql`, its SQLite text)
    aside within a transaction, and that put it back. SQLite drops it and creates it again;
    on PostgreSQL it is a function and a trigger (models/postgres.py) that are disabled and
    enabled, which is transactional there too."""
    if dialect == "postgresql":
        found = _TABLE.search(sqlite_sql)
        if found is None:
            raise ValueError(f"no table in trigger {name}")
        table = found[1]
        return (
            f"ALTER TABLE {table} DISABLE TRIGGER {name}",
            f"ALTER TABLE {table} ENABLE TRIGGER {name}",
        )
    return f"DROP TRIGGER {name}", sqlite_sql


class TriggersAside:
    """`aside = TriggersAside(connection, touched)` before the playback sets the triggers
    aside; `aside.finish()` after it puts them back and recomputes."""

    def __init__(self, connection: Connection, touched: Touched) -> None:
        self.connection = connection
        self.dialect = dialect = connection.dialect.name
        self.matching = f"IN (SELECT value FROM {json_ids(dialect)})"
        self.ids: dict[str, set[int]] = {"orders": set(), "contacts": set(), "products": set()}
        children: dict[tuple[str, str, str], list[int]] = {}
        for table, row_id, values in touched:
            if table in self.ids:
                self.ids[table].add(row_id)
            for column, parent in _PARENTS.get(table, ()):
                children.setdefault((table, column, parent), []).append(row_id)
                found = self.ids[parent]
                for logged in values:
                    if logged.get(column) is not None:
                        found.add(logged[column])
        for (child, column, parent), row_ids in children.items():  # whose they are now
            key = row_key(child, dialect)
            sql = f"SELECT DISTINCT {column} FROM {child} WHERE {key} {self.matching}"
            owners = connection.execute(text(sql), {"ids": json.dumps(row_ids)}).scalars().all()
            self.ids[parent].update(owners)
        # The group totals count these orders out as they are now and back in as the playback
        # and the totals below leave them (models/order_totals.py).
        self.orders = {"ids": json.dumps(sorted(self.ids["orders"]))}
        self._run(keep_before(f"id {self.matching}"), self.orders)
        self.derived = {name: trigger_aside(dialect, name, sql) for name, sql in ASIDE.items()}
        self.totals = {
            name: trigger_aside(dialect, name, sql) for name, sql in TOTALS_TRIGGERS.items()
        }
        for aside, _back in (*self.derived.values(), *self.totals.values()):
            connection.exec_driver_sql(aside)

    def _run(self, sql: str, params: dict[str, str] | None = None) -> None:
        self.connection.execute(text(sql), params or {})

    def finish(self) -> None:
        connection, run, orders = self.connection, self._run, self.orders
        for _aside, back in self.derived.values():
            connection.exec_driver_sql(back)
        where = f"id {self.matching}"
        run(recompute_totals(where), orders)
        run(recompute_paid(where), orders)
        first, second, *rest = add_difference(where)
        run(first, orders)
        run(second, orders)
        for sql in rest:
            run(sql)
        for _aside, back in self.totals.values():
            connection.exec_driver_sql(back)
        for table, kind, documents in (
            ("contacts", KIND_CONTACT, contact_documents(self.matching)),
            ("orders", KIND_ORDER, ORDER_DOCUMENTS.format(where=self.matching)),
            ("products", KIND_PRODUCT, PRODUCT_DOCUMENTS.format(where=self.matching)),
        ):
            ids = {"ids": json.dumps(sorted(self.ids[table]))}
            forget = f"DELETE FROM {SEARCH_TABLE} WHERE rowid IN"
            run(f"{forget} (SELECT value * 4 + {kind} FROM {json_ids(self.dialect)})", ids)
            run(documents, ids)
