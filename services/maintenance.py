"""Health checks of a database file: SQLite integrity, foreign keys, order totals."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from services.errors import StorageError

_TOTALS_DRIFT = """
SELECT o.id FROM orders o LEFT JOIN (
    SELECT order_id, SUM(quantity * unit_price) AS amount, SUM(quantity * unit_cost) AS cost,
           COUNT(*) AS lines
    FROM shipments GROUP BY order_id
) s ON s.order_id = o.id
WHERE o.amount != COALESCE(s.amount, 0) OR o.cost != COALESCE(s.cost, 0)
   OR o.profit != COALESCE(s.amount - s.cost, 0) OR o.line_count != COALESCE(s.lines, 0)
LIMIT 20
"""


@dataclass(frozen=True)
class CheckResult:
    path: Path
    problems: tuple[str, ...]
    counts: dict[str, int]

    @property
    def ok(self) -> bool:
        return not self.problems


def check_database(path: Path | str) -> CheckResult:
    """Read-only: integrity_check, foreign_key_check, and that every order total adds up."""
    path = Path(path)
    if not path.is_file():
        raise StorageError(f"There is no database at '{path}'.")
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    problems: list[str] = []
    counts: dict[str, int] = {}
    try:
        integrity = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            problems.extend(f"integrity: {line}" for line in integrity)
            return CheckResult(path, tuple(problems), counts)
        for table, rowid, parent, _fk in connection.execute("PRAGMA foreign_key_check"):
            problems.append(f"{table} row {rowid} points to a missing {parent} row")
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
        for table in ("contacts", "products", "orders", "shipments"):
            if table not in tables:
                problems.append(f"table '{table}' is missing: this is not a Lavka database")
                continue
            counts[table] = connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        if {"orders", "shipments"} <= tables:
            for (order_id,) in connection.execute(_TOTALS_DRIFT):
                problems.append(f"order #{order_id}: stored totals differ from its lines")
    except sqlite3.DatabaseError as error:
        problems.append(f"SQLite: {error}")
    finally:
        connection.close()
    return CheckResult(path, tuple(problems), counts)
