"""Health checks of a database file: SQLite integrity, foreign keys, order totals, and the
FIFO cost of every line that has one."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from models.formulas import LINE_AMOUNT_SQL, LINE_COST_SQL
from services.costing import mismatches
from services.errors import Problem, StorageError
from services.files import OTHER, failure, reason_of
from services.sqlite_file import read_only_connection
from services.storage import known_revision

# Every order's totals against its lines, by the line formula (models/formulas.py).
_TOTALS_DRIFT = f"""
SELECT o.id FROM orders o LEFT JOIN (
    SELECT order_id, SUM({LINE_AMOUNT_SQL}) AS amount,
           SUM({LINE_COST_SQL}) AS cost, COUNT(*) AS lines
    FROM shipments GROUP BY order_id
) s ON s.order_id = o.id
WHERE o.amount != COALESCE(s.amount, 0) OR o.cost != COALESCE(s.cost, 0)
   OR o.profit != COALESCE(s.amount - s.cost, 0) OR o.line_count != COALESCE(s.lines, 0)
LIMIT 20
"""
COUNTED = ("contacts", "products", "orders", "shipments")


@dataclass(frozen=True)
class CheckResult:
    """What check_database found. Each problem is said by its code and parameters (the
    window and the command line put it in the person's language: ui.messages.problem_text);
    its `field` says what part of the file it is about ("integrity", "schema", a table)."""

    path: Path
    problems: tuple[Problem, ...]
    counts: dict[str, int]

    @property
    def ok(self) -> bool:
        return not self.problems


def check_database(path: Path | str) -> CheckResult:
    """Read-only: integrity_check, the schema version, foreign_key_check, and that every
    order total adds up. A file this Lavka cannot judge (written by a newer Lavka, or not a
    Lavka database) is a problem too, never OK. A file that cannot be read now (locked, no
    permission, a device error) raises StorageError "storage.unreadable.<reason>"."""
    path = Path(path)
    if not path.is_file():
        raise StorageError.of("storage.no_database", path)
    problems: list[Problem] = []
    counts: dict[str, int] = {}
    try:
        connection = read_only_connection(path)
    except (OSError, sqlite3.Error) as error:  # no verdict: the file cannot be read now
        raise failure(StorageError, "storage.unreadable", error, path) from error
    try:
        integrity = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            # SQLite's own findings, one per problem: details for whoever repairs the file
            problems.extend(Problem.of("integrity", "check.integrity", line) for line in integrity)
            return CheckResult(path, tuple(problems), counts)
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
        row = None
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        if row is None:
            problems.append(Problem.of("schema", "check.no_schema_version"))
        elif not known_revision(row[0]):
            # Its tables may mean something else now: judging them would be guessing.
            problems.append(Problem.of("schema", "check.unknown_schema", row[0]))
            return CheckResult(path, tuple(problems), counts)
        for table, rowid, parent, _fk in connection.execute("PRAGMA foreign_key_check"):
            problems.append(Problem.of(table, "check.missing_parent", table, rowid, parent))
        for table in COUNTED:
            if table not in tables:
                problems.append(Problem.of(table, "check.missing_table", table))
                continue
            counts[table] = connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        if {"orders", "shipments"} <= tables:
            for (order_id,) in connection.execute(_TOTALS_DRIFT):
                problems.append(Problem.of("orders", "check.order_totals", order_id))
        if "cost_splits" in tables:
            # every FIFO-costed line and write-off against its batches (services/costing.py)
            for found in mismatches(lambda sql, params: connection.execute(sql, params).fetchall()):
                if found.kind == "shipment":
                    problems.append(Problem.of("shipments", "check.fifo_line", found.id))
                else:
                    problems.append(
                        Problem.of("stock_adjustments", "check.fifo_write_off", found.id)
                    )
    except sqlite3.DatabaseError as error:
        if reason_of(error)[0] != OTHER:  # locked, a device error: no verdict either
            raise failure(StorageError, "storage.unreadable", error, path) from error
        detail = " ".join(str(error).split())  # SQLite's own words: "file is not a database"
        problems.append(Problem.of("file", "check.sqlite_error", detail))
    finally:
        connection.close()
    return CheckResult(path, tuple(problems), counts)
