"""A large playback (an import's undo) sets aside the per-row triggers that keep derived data —
an order's totals and paid sum, the grid's group totals, the search index — and recomputes
what it touched once, as the import does for what it writes (bench: the undo of a 10k-row
import).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection

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
_IN = "IN (SELECT value FROM json_each(?))"
# Rows whose parent's derived data they move: table → [(the parent's column, the parent)].
_PARENTS = {
    "shipments": [("order_id", "orders")],
    "payments": [("order_id", "orders")],
    "contact_phones": [("contact_id", "contacts")],
    "contact_emails": [("contact_id", "contacts")],
}

# (table, row id, [its values: as logged before, as logged after]) for each row played back
Touched = Iterable[tuple[str, int, list[dict[str, Any]]]]


class TriggersAside:
    """`aside = TriggersAside(connection, touched)` before the playback drops the triggers;
    `aside.finish()` after it puts them back and recomputes."""

    def __init__(self, connection: Connection, touched: Touched) -> None:
        self.connection = connection
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
            sql = f"SELECT DISTINCT {column} FROM {child} WHERE rowid {_IN}"
            owners = connection.exec_driver_sql(sql, (json.dumps(row_ids),)).scalars().all()
            self.ids[parent].update(owners)
        # The group totals count these orders out as they are now and back in as the playback
        # and the totals below leave them (models/order_totals.py).
        self.orders = (json.dumps(sorted(self.ids["orders"])),)
        connection.exec_driver_sql(keep_before(f"id {_IN}"), self.orders)
        for trigger in (*ASIDE, *TOTALS_TRIGGERS):
            connection.exec_driver_sql(f"DROP TRIGGER {trigger}")

    def finish(self) -> None:
        run = self.connection.exec_driver_sql
        for sql in ASIDE.values():
            run(sql)
        orders = self.orders
        run(recompute_totals(f"id {_IN}"), orders)
        run(recompute_paid(f"id {_IN}"), orders)
        first, second, *rest = add_difference(f"id {_IN}")
        run(first, orders)
        run(second, orders)
        for sql in (*rest, *TOTALS_TRIGGERS.values()):
            run(sql)
        for table, kind, documents in (
            ("contacts", KIND_CONTACT, contact_documents(_IN)),
            ("orders", KIND_ORDER, ORDER_DOCUMENTS.format(where=_IN)),
            ("products", KIND_PRODUCT, PRODUCT_DOCUMENTS.format(where=_IN)),
        ):
            ids = (json.dumps(sorted(self.ids[table])),)
            forget = f"DELETE FROM {SEARCH_TABLE} WHERE rowid IN"
            run(f"{forget} (SELECT value * 4 + {kind} FROM json_each(?))", ids)
            run(documents, ids)
