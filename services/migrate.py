"""Moving up: an SQLite database copied into an empty PostgreSQL database, in one transaction,
then proven the same (each table's rows, each money column's total) before it commits.

Every table is copied as it is, derived ones included (order totals, purchase histories, the
change log and its History), with the target's own triggers held off while the rows go in,
so nothing is recomputed or logged twice; the search index is written afresh from the copied
rows (its SQLite form is FTS5's); each id's sequence then continues after the highest id
copied. A failure anywhere, the check included, leaves the target as empty as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Integer,
    Table,
    func,
    insert,
    inspect,
    select,
    text,
    type_coerce,
)
from sqlalchemy.exc import DBAPIError

from models import Base, Money
from models.search import FILL_SEARCH_INDEX, SEARCH_TABLE
from services.errors import LavkaError, StorageError
from services.storage import Database, alembic_config, create_server_engine, shown_url
from services.targets import is_server

CHUNK = 5000  # rows read and written at a time
Progress = Callable[[int, int], None]  # (tables copied, tables in all)


class MigrationError(LavkaError):
    """The copy was refused or did not prove the same; the target was left as it was."""


@dataclass(frozen=True)
class TableCheck:
    """One table on both sides: its rows and the total of each money column."""

    name: str
    rows: int
    totals: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class MigrationResult:
    target: str  # the URL, without password
    tables: tuple[TableCheck, ...]

    @property
    def rows(self) -> int:
        return sum(table.rows for table in self.tables)


def migrate_to(
    source: Path | str, target: str, progress: Progress | None = None
) -> MigrationResult:
    """Copy the Lavka database file `source` into the empty PostgreSQL database `target`
    (postgresql://user@host/db) and prove the copy (MigrationError when it differs, or when
    the target is not empty or not a server's URL)."""
    if not is_server(target):
        raise MigrationError.of("migrate.not_server", target)
    shown = shown_url(target)
    database = Database.open_existing(source)
    engine = create_server_engine(target)
    try:
        with database.engine.connect() as reader:
            return _copy(reader, engine, shown, progress)
    except DBAPIError as error:
        detail = " ".join(str(error.orig).split())  # the server's own words
        raise StorageError.of("storage.server_unopenable", shown, detail) from error
    finally:
        engine.dispose()
        database.close()


def _copy(
    reader: Connection, engine: Engine, shown: str, progress: Progress | None
) -> MigrationResult:
    tables = Base.metadata.sorted_tables
    with engine.begin() as writer:
        present = inspect(writer).get_table_names()
        if present:
            raise MigrationError.of("migrate.target_not_empty", shown, ", ".join(present[:5]))
        Base.metadata.create_all(writer)
        _stamp(writer)
        for number, table in enumerate(tables, 1):
            writer.execute(text(f"ALTER TABLE {table.name} DISABLE TRIGGER USER"))
            for rows in _chunks(reader, table):
                writer.execute(insert(table), rows)
            writer.execute(text(f"ALTER TABLE {table.name} ENABLE TRIGGER USER"))
            if progress is not None:
                progress(number, len(tables))
        for statement in FILL_SEARCH_INDEX:
            writer.execute(text(statement))
        _continue_sequences(writer, tables)
        checks = tuple(_check(reader, table) for table in tables)
        for expected in checks:
            found = _check(writer, Base.metadata.tables[expected.name])
            if found != expected:
                raise MigrationError.of(
                    "migrate.differs", expected.name, _said(expected), _said(found)
                )
        _same_search_index(reader, writer)
    return MigrationResult(shown, checks)


def _stamp(connection: Connection) -> None:
    from alembic import command

    config = alembic_config()
    config.attributes["connection"] = connection
    command.stamp(config, "head")


def _chunks(reader: Connection, table: Table) -> Iterator[Sequence[dict[str, Any]]]:
    keys = [column.key for column in table.c]
    result = reader.execution_options(yield_per=CHUNK).execute(select(table))
    for partition in result.partitions():
        yield [dict(zip(keys, row, strict=True)) for row in partition]


def _continue_sequences(writer: Connection, tables: Sequence[Table]) -> None:
    """Each table's id sequence goes on after the highest id copied."""
    for table in tables:
        key = list(table.primary_key.columns)
        # (An integer key without a sequence gives setval a NULL: nothing is done.)
        if len(key) != 1 or not isinstance(key[0].type, Integer):
            continue
        name = key[0].name
        writer.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', '{name}'),"
                f" COALESCE(MAX({name}), 0) + 1, false) FROM {table.name}"
            )
        )


def _check(connection: Connection, table: Table) -> TableCheck:
    money = [column for column in table.c if isinstance(column.type, Money)]
    # As stored (kopecks), not as Money reads them.
    sums = [func.coalesce(func.sum(type_coerce(column, Integer)), 0) for column in money]
    row = connection.execute(select(func.count(), *sums).select_from(table)).one()
    totals = {column.name: int(value) for column, value in zip(money, row[1:], strict=True)}
    return TableCheck(table.name, int(row[0]), totals)


def _same_search_index(reader: Connection, writer: Connection) -> None:
    counts = [
        int(connection.execute(text(f"SELECT COUNT(*) FROM {SEARCH_TABLE}")).scalar_one())
        for connection in (reader, writer)
    ]
    if counts[0] != counts[1]:
        raise MigrationError.of("migrate.differs", SEARCH_TABLE, str(counts[0]), str(counts[1]))


def _said(check: TableCheck) -> str:
    """A table's check as a detail for whoever helps: "rows 120, amount 1500000"."""
    parts = [f"rows {check.rows}", *(f"{name} {total}" for name, total in check.totals.items())]
    return ", ".join(parts)
