"""Undo and redo of any entry of the change log, and restoring from the Trash.

Undo plays an entry's logged rows backwards in a new transaction, itself an entry (code
"undo"), so that redo is the undo of that entry (code "redo") and figures, stock and
reminders follow through the same triggers and re-costing as any action. An undo is refused,
and changes nothing, when a later change still in effect touched the same rows, when a row is
no longer as the entry left it, or when playing it back would take later records with it.

A row the entry deleted whose id a later record has taken is put back under a new id, and
the entry's rows that point at it follow (the Trash restores an order deleted before another
was created). Compacted entries keep their name and counts but not their rows: they cannot
be undone.

Playing back is a change of the contacts and orders it touches like any save of them: their
versions move on, so that a card or an editor opened before the undo meets a conflict on
saving rather than writing the undone values back.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Time, bindparam, or_, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models.base import Base
from models.history import (
    LOGGED_TABLES,
    RECOSTED_COLUMNS,
    TABLE_NAMES,
    ChangeEntry,
    ChangeRow,
    row_key,
)
from models.search import PHONE_TAKEN
from models.stock import PurchaseLine, StockDirty
from models.triggers import CONTACT_REFERENCES
from services import messages
from services.change_log import REDO, UNDO, replaying
from services.errors import LavkaError, NotFound
from services.history import (
    TRASHED,
    HistoryEntry,
    RowChange,
    action_name,
    get_entry,
    row_changes,
)
from services.history_months import find_packed
from services.playback_aside import BULK_ROWS, TriggersAside, json_ids
from services.storage import Database
from services.uow import UnitOfWork


class UndoRefused(LavkaError):
    """The entry cannot be undone now; the message says why and what to do."""


def _row_of(session: Session, entry_id: int) -> ChangeEntry:
    row = session.get(ChangeEntry, entry_id)
    if row is None:
        packed = find_packed(session, entry_id)
        if packed is not None:  # its details were compacted: it cannot be undone
            name = action_name(packed[2], packed[3] or ())
            raise UndoRefused.of("undo.compacted", name)
        raise NotFound.of("history.not_found", entry_id)
    return row


def undo(database: Database, entry_id: int) -> HistoryEntry:
    """Reverse the entry (an undo of an undo is a redo); the new entry. UndoRefused says why
    nothing was changed."""
    with _collector_paused(), UnitOfWork(database, immediate=True) as uow:
        session = uow.session
        target = _row_of(session, entry_id)
        name = action_name(target.code, json.loads(target.params or "[]"))
        if target.reverted_by is not None:
            raise UndoRefused.of("undo.already", name)
        if target.compacted:
            raise UndoRefused.of("undo.compacted", name)
        ids = _Ids(session)
        rows = row_changes(session, entry_id)
        if ids.dialect == "postgresql":
            rows = _cascades_first(rows, ids.references)
        _refuse_conflicts(session, target, rows, ids, name)
        versioned = _versioned_rows(session, rows, ids)
        batches = _batch_products(session, rows, ids)
        aside = None
        if len(rows) >= BULK_ROWS:
            touched = (
                (row.table, ids.row(row.table, row.row_id), [ids.values(row.table, row.old)])
                for row in rows
            )
            aside = TriggersAside(session.connection(), touched)
        try:
            # A savepoint: PostgreSQL takes no statement after a failed one in a transaction
            # until it is rolled back to, and _refusal asks what stands in the way.
            with replaying(session), session.begin_nested():
                played = _play_back(session, rows, ids)
        except IntegrityError as error:  # a constraint: said as what stands in the way
            raise _refusal(session, error, rows, ids, name) from error
        _advance_sequences(session, ids)
        _move_versions(session, versioned, ids)
        if aside is not None:
            aside.finish()
        _mark_batches(session, batches | _batch_products(session, rows, ids))
        _refuse_side_effects(session, uow, played, name)
        _refuse_dangling(session, ids, played, name)
        code = REDO if target.code == UNDO else UNDO
        inner = json.loads(target.params or "[]")
        # "Redo: <the action>", not "Undo: Undo: …"
        params = inner if target.code in (UNDO, REDO) else [target.code, *inner]
        uow.name(
            code,
            *params,
            contact_id=ids.contact_id(target.contact_id),
            order_id=ids.order_id(target.order_id),
            reverts=target.id,
        )
        uow.commit()
        new_id = uow.entry_id
    if new_id is None:  # nothing to play back: cannot happen for an entry with rows
        raise UndoRefused.of("undo.compacted", name)
    return get_entry(database, new_id)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """An import's undo makes tens of thousands of small objects and no cycles: the cyclic
    collector would walk the whole heap again and again for nothing (bench: a tenth of the
    undo's time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# The contact ids that triggers keep like foreign keys (models/triggers.py)
_EXTRA_REFERENCES = {reference: "contacts" for reference in CONTACT_REFERENCES}


class _Ids:
    """New ids for deleted rows whose ids later records took, and the columns that point at
    each table (foreign keys, and the contact ids triggers keep like them)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.dialect = session.get_bind().dialect.name
        self.moved: dict[tuple[str, int], int] = {}
        self.next_free: dict[str, int] = {}
        self.present: dict[str, set[int]] = {}  # rows found there now, of those looked up
        self.looked_up: dict[str, set[int]] = {}
        self.references: dict[tuple[str, str], str] = dict(_EXTRA_REFERENCES)
        # Tables whose row id is the id of the row they belong to (a contact's reminders, an
        # order's follow-up): such a row moves with its parent.
        self.keyed_by: dict[str, str] = {}
        for table in Base.metadata.sorted_tables:
            for column in table.columns:
                for key in column.foreign_keys:
                    self.references[(table.name, column.name)] = key.column.table.name
            (*primary,) = table.primary_key.columns
            if len(primary) == 1 and primary[0].foreign_keys:
                self.keyed_by[table.name] = next(iter(primary[0].foreign_keys)).column.table.name

    def key(self, table: str) -> str:
        """The column that names the table's rows as the log does (models/history.py)."""
        return row_key(table, self.dialect)

    def look_up(self, keys: Iterable[tuple[str, int]]) -> None:
        """Find which of these rows are there now, a query per table (an import's undo asks
        about tens of thousands)."""
        wanted: dict[str, list[int]] = {}
        for table, row_id in keys:
            wanted.setdefault(table, []).append(row_id)
        connection = self.session.connection()
        for table, row_ids in wanted.items():
            key, listed = self.key(table), json_ids(self.dialect)
            sql = f"SELECT {key} FROM {table} WHERE {key} IN (SELECT value FROM {listed})"
            found = connection.execute(text(sql), {"ids": json.dumps(row_ids)}).scalars()
            self.present.setdefault(table, set()).update(found)
            self.looked_up.setdefault(table, set()).update(row_ids)

    def exists(self, table: str, row_id: int) -> bool:
        if row_id not in self.looked_up.get(table, ()):
            self.look_up([(table, row_id)])
        return row_id in self.present[table]

    def move(self, table: str, row_id: int) -> int:
        """A new id for a deleted row whose id is taken now."""
        if table not in self.next_free:
            sql = f"SELECT COALESCE(MAX({self.key(table)}), 0) + 1 FROM {table}"
            self.next_free[table] = self.session.connection().execute(text(sql)).scalar_one()
        new = self.next_free[table]
        self.next_free[table] = new + 1
        self.moved[(table, row_id)] = new
        return new

    def row(self, table: str, row_id: int) -> int:
        parent = self.keyed_by.get(table)
        if parent is not None:
            return self.moved.get((parent, row_id), row_id)
        return self.moved.get((table, row_id), row_id)

    def values(self, table: str, values: dict[str, Any]) -> dict[str, Any]:
        if not self.moved:
            return values
        result = dict(values)
        for column, value in values.items():
            target = self.references.get((table, column))
            if target is not None and value is not None:
                result[column] = self.moved.get((target, value), value)
        return result

    def order_id(self, order_id: int | None) -> int | None:
        return None if order_id is None else self.row("orders", order_id)

    def contact_id(self, contact_id: int | None) -> int | None:
        return None if contact_id is None else self.row("contacts", contact_id)


def _cascades_first(
    rows: list[RowChange], references: dict[tuple[str, str], str]
) -> list[RowChange]:
    """The rows in the order SQLite logs them: a row that a deletion reached through a foreign
    key (ON DELETE CASCADE, SET NULL) before the deleted row. PostgreSQL logs it after: its
    foreign keys' triggers put off the row triggers of what they delete or update to the end
    of the statement. Playing back, the deleted row must come back before the rows that point
    at it. Each deleted row moves to just after the last later row that points at it (the one
    that row moved after, in turn), but never past another change of the same row."""
    count = len(rows)
    pointing: dict[tuple[str, Any], list[int]] = {}  # (table, id) → the later rows naming it
    for index, row in enumerate(rows):
        if row.op == "i":
            continue
        for column, value in row.old.items():
            target = references.get((row.table, column))
            if target is not None and value is not None:
                pointing.setdefault((target, value), []).append(index)
    if not pointing:
        return rows
    next_change: dict[tuple[str, int], int] = {}
    limit = [count] * count  # the index of the row's next change
    for index in range(count - 1, -1, -1):
        key = (rows[index].table, rows[index].row_id)
        limit[index] = next_change.get(key, count)
        next_change[key] = index
    anchor = list(range(count))
    for index in range(count - 1, -1, -1):
        row = rows[index]
        if row.op != "d":
            continue
        after = [
            anchor[j] for j in pointing.get((row.table, row.row_id), ()) if index < j < limit[index]
        ]
        if after:
            anchor[index] = min(max(after), limit[index] - 1)
    order = sorted(range(count), key=lambda index: (anchor[index], -index))
    return [rows[index] for index in order]


def _net(rows: list[RowChange]) -> dict[tuple[str, int], tuple[bool, dict[str, Any], str]]:
    """Each row the entry touched: whether it exists after the entry, the values the entry
    left in it (updated columns), and its first operation."""
    net: dict[tuple[str, int], tuple[bool, dict[str, Any], str]] = {}
    for row in rows:
        key = (row.table, row.row_id)
        known = net.get(key)
        if known is None:
            net[key] = (row.op != "d", row.new, row.op)
        elif row.op != "u":  # deleted, or made again (under the same id)
            net[key] = (row.op == "i", {}, known[2])
        elif row.new:
            net[key] = (True, {**known[1], **row.new}, known[2])
    return net


def _refuse_conflicts(
    session: Session, target: ChangeEntry, rows: list[RowChange], ids: _Ids, name: str
) -> None:
    net = _net(rows)
    later = session.execute(
        select(ChangeRow.table_code, ChangeRow.row_id, ChangeRow.op, ChangeEntry)
        .join(ChangeEntry, ChangeEntry.id == ChangeRow.change_id)
        .where(
            ChangeRow.change_id > target.id,
            # An entry and its reversal, both after the target, cancel out (a later action
            # undone; an undo redone). An undo or redo of an entry before the target is a later
            # change like any other: redoing out of turn names it.
            ChangeEntry.reverted_by.is_(None),
            or_(ChangeEntry.reverts.is_(None), ChangeEntry.reverts < target.id),
        )
        .order_by(ChangeRow.change_id, ChangeRow.seq)
    ).all()
    reused: set[tuple[str, int]] = set()
    # A row the entry made and left as made needs no look: a later change that deleted it is
    # in the log (above), and playing back deletes it, or finds it gone with its parent (a
    # stage row with its order). An import's undo skips 26k looks.
    ids.look_up(key for key, (exists_after, values, _) in net.items() if values or not exists_after)
    for code, row_id, op, entry in later:
        key = (TABLE_NAMES[code], row_id)
        if key not in net or key in reused:
            continue
        exists_after, _, _ = net[key]
        if not exists_after and op == "i":  # a later record took the id of one deleted here
            reused.add(key)
            continue
        later_name = action_name(entry.code, json.loads(entry.params or "[]"))
        when = dt.datetime.fromtimestamp(entry.at).strftime("%d.%m.%Y %H:%M")
        raise UndoRefused.of("undo.conflict", name, later_name, when)
    for (table, row_id), (exists_after, values, _) in net.items():
        if not exists_after:
            if (table, row_id) not in reused and ids.exists(table, row_id):
                reused.add((table, row_id))
            continue
        if not values:
            continue
        if not ids.exists(table, row_id):
            raise UndoRefused.of("undo.gone", name)
        recosted = RECOSTED_COLUMNS.get(table, ())
        values = {column: value for column, value in values.items() if column not in recosted}
        if values and _current(session, ids, table, row_id, values) != values:
            raise UndoRefused.of("undo.changed", name)
    for table, row_id in sorted(reused):
        if table not in ids.keyed_by:  # follows its parent's new id
            ids.move(table, row_id)


def _current(
    session: Session, ids: _Ids, table: str, row_id: int, values: dict[str, Any]
) -> dict[str, Any]:
    """The row's values now of the columns in `values`, as the log would say them."""
    columns = list(values)
    postgresql = ids.dialect == "postgresql"
    if postgresql:  # as the log's triggers write them there (models/history.py lavka_json)
        listed = ", ".join(f'CAST(lavka_json("{c}") AS text)' for c in columns)
    else:  # SQLite's JSON says a value as the column holds it
        listed = ", ".join(f'"{c}"' for c in columns)
    sql = f"SELECT {listed} FROM {table} WHERE {ids.key(table)} = :row"
    found = session.connection().execute(text(sql), {"row": row_id}).first()
    if found is None:
        return {}
    if postgresql:
        return {
            column: None if value is None else json.loads(value)
            for column, value in zip(columns, found, strict=True)
        }
    return dict(zip(columns, found, strict=True))


# A logged value as the column takes it on PostgreSQL: the log keeps a boolean as 0 or 1 and a
# day, a time or a moment as ISO text (SQLite's own forms, which SQLite takes back as they are).
_FROM_LOG: tuple[tuple[type, Callable[[Any], Any]], ...] = (
    (Boolean, bool),
    (DateTime, dt.datetime.fromisoformat),
    (Date, dt.date.fromisoformat),
    (Time, dt.time.fromisoformat),
)


@cache
def _postgres_types(table: str) -> dict[str, Callable[[Any], Any]]:
    """The table's columns whose logged values PostgreSQL takes only once turned (_FROM_LOG)."""
    found: dict[str, Callable[[Any], Any]] = {}
    for column in Base.metadata.tables[table].columns:
        for kind, turn in _FROM_LOG:
            if isinstance(column.type, kind):
                found[column.name] = turn
                break
    return found


def _written(ids: _Ids, table: str, values: dict[str, Any]) -> dict[str, Any]:
    """Logged values as the playback writes them: pointing at rows that moved, and each in its
    column's type on PostgreSQL."""
    values = ids.values(table, values)
    if ids.dialect != "postgresql":
        return values
    turns = _postgres_types(table)
    return {
        column: turns[column](value) if value is not None and column in turns else value
        for column, value in values.items()
    }


def _play_back(session: Session, rows: list[RowChange], ids: _Ids) -> set[tuple[str, int]]:
    """Write the rows' old state back, newest first; the (table, row) pairs written.

    The statements go to the driver as they are, in its own parameter marks: SQLAlchemy's
    handling of each row's parameters would cost three times the statements themselves (an
    import's undo plays back tens of thousands of rows)."""
    connection = session.connection()
    session.flush()
    mark = "%s" if ids.dialect == "postgresql" else "?"  # psycopg's, sqlite3's
    played: set[tuple[str, int]] = set()
    batch: list[tuple[object, ...]] = []  # parameters of batch_sql, waiting to run
    batch_sql = ""

    def run(sql: str, params: tuple[object, ...]) -> None:
        nonlocal batch, batch_sql
        if sql != batch_sql and batch:
            connection.exec_driver_sql(batch_sql, batch)
            batch = []
        batch_sql = sql
        batch.append(params)

    for row in reversed(rows):
        table = row.table
        key = ids.key(table)
        row_id = ids.row(table, row.row_id)
        played.add((table, row_id))
        if row.op == "i":
            run(f"DELETE FROM {table} WHERE {key} = {mark}", (row_id,))
            continue
        old = _written(ids, table, row.old)
        if row.op == "u":
            assignments = ", ".join(f'"{c}" = {mark}' for c in old)
            run(f"UPDATE {table} SET {assignments} WHERE {key} = {mark}", (*old.values(), row_id))
        elif key in old:  # keyed by its parent's id, which is among its values (PostgreSQL)
            columns, marks = ", ".join(f'"{c}"' for c in old), ", ".join(mark for _ in old)
            run(f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(old.values()))
        else:
            columns, marks = ", ".join(f'"{c}"' for c in old), ", ".join(mark for _ in old)
            sql = f"INSERT INTO {table} ({key}, {columns}) VALUES ({mark}, {marks})"
            run(sql, (row_id, *old.values()))
    if batch:
        connection.exec_driver_sql(batch_sql, batch)
    session.expire_all()
    return played


def _advance_sequences(session: Session, ids: _Ids) -> None:
    """PostgreSQL: a row put back under a new id (the highest + 1) may be past what its table's
    sequence has given; the sequence moves past it, so that the next row made does not take
    it. (SQLite gives the next row the highest + 1 itself.)"""
    if ids.dialect != "postgresql":
        return
    connection = session.connection()
    for table in sorted(ids.next_free):
        key = ids.key(table)
        sequence = connection.execute(
            text("SELECT pg_get_serial_sequence(:table, :key)"), {"table": table, "key": key}
        ).scalar()
        if sequence is None:
            continue
        connection.execute(
            text(
                "SELECT setval(CAST(:sequence AS regclass), GREATEST("
                f"(SELECT MAX({key}) FROM {table}),"
                " COALESCE(pg_sequence_last_value(CAST(:sequence AS regclass)), 1)))"
            ),
            {"sequence": sequence},
        )


@cache
def _versioned_tables() -> frozenset[str]:
    """The tables whose rows carry an edit counter (models/entities.py version_id_col)."""
    return frozenset(
        table.name
        for mapper in Base.registry.mappers
        if mapper.version_id_col is not None
        for table in mapper.tables
    )


# Rows that their owner's save writes with it (an order's lines; a card's further phones and
# e-mails, and its tags): table → (the column naming the owner, the owner's table).
_SAVED_WITH = {
    "shipments": ("order_id", "orders"),
    "contact_phones": ("contact_id", "contacts"),
    "contact_emails": ("contact_id", "contacts"),
    "contact_tags": ("contact_id", "contacts"),
}


def _versioned_rows(session: Session, rows: list[RowChange], ids: _Ids) -> dict[str, set[int]]:
    """The contacts and orders (by table) that playing the rows back changes: each of their
    own rows, and the owner of each row their save writes with them, as the entry logged it
    and as it is now (before the playback: a line added since the entry may be gone after)."""
    found: dict[str, set[int]] = {table: set() for table in _versioned_tables()}
    parts: dict[str, list[int]] = {}
    for row in rows:
        if row.table in found:
            found[row.table].add(ids.row(row.table, row.row_id))
        saved_with = _SAVED_WITH.get(row.table)
        if saved_with is None:
            continue
        column, owner = saved_with
        parts.setdefault(row.table, []).append(row.row_id)
        for logged in (row.old, row.new):
            if logged.get(column) is not None:
                found[owner].add(ids.values(row.table, {column: logged[column]})[column])
    connection = session.connection()
    for table, row_ids in parts.items():
        column, owner = _SAVED_WITH[table]
        sql = (
            f"SELECT DISTINCT {column} FROM {table}"
            f" WHERE {ids.key(table)} IN (SELECT value FROM {json_ids(ids.dialect)})"
        )
        owners = connection.execute(text(sql), {"ids": json.dumps(row_ids)}).scalars()
        found[owner].update(owners)
    return found


def _move_versions(session: Session, versioned: dict[str, set[int]], ids: _Ids) -> None:
    """Each played-back contact's and order's version moves on by one (a row deleted by the
    playback is simply not found). Only the counter is set: no trigger and no log row follow."""
    connection = session.connection()
    for table, row_ids in sorted(versioned.items()):
        if row_ids:
            sql = (
                f"UPDATE {table} SET version = version + 1"
                f" WHERE {ids.key(table)} IN (SELECT value FROM {json_ids(ids.dialect)})"
            )
            connection.execute(text(sql), {"ids": json.dumps(sorted(row_ids))})


def _batch_products(session: Session, rows: list[RowChange], ids: _Ids) -> set[int]:
    """The products whose purchase batches the entry's rows touch, as the rows stand now and
    as the entry logged them."""
    products: set[int] = set()
    lines: set[int] = set()
    purchases: set[int] = set()
    for row in rows:
        if row.table == "purchase_lines":
            lines.add(ids.row("purchase_lines", row.row_id))
            for values in (row.old, row.new):
                if values.get("product_id") is not None:
                    products.add(values["product_id"])
        elif row.table == "purchases":
            purchases.add(ids.row("purchases", row.row_id))
    if lines:
        products.update(
            session.scalars(select(PurchaseLine.product_id).where(PurchaseLine.id.in_(lines)))
        )
    if purchases:
        products.update(
            session.scalars(
                select(PurchaseLine.product_id).where(PurchaseLine.purchase_id.in_(purchases))
            )
        )
    return products


# Written as ON CONFLICT DO NOTHING, which both databases take (SQLite's OR IGNORE is its own).
_MARK_BATCH = text(
    "INSERT INTO stock_dirty (product_id, since) VALUES (:product_id, :since)"
    " ON CONFLICT DO NOTHING"
).bindparams(bindparam("since", type_=StockDirty.__table__.c.since.type))


def _mark_batches(session: Session, products: set[int]) -> None:
    """Purchases mark the FIFO re-costing from their service (services/purchases.py), not by
    triggers: a played-back batch marks its product, re-costed whole at the commit."""
    if products:
        session.execute(
            _MARK_BATCH,
            [
                {"product_id": p, "since": dt.date.min}  # before any day: the whole queue
                for p in sorted(products)
            ],
        )


def _refuse_dangling(session: Session, ids: _Ids, played: set[tuple[str, int]], name: str) -> None:
    """The references that triggers check instead of foreign keys (held while playing back,
    for an entry's own rows come back in any order) must point at rows that are there: a
    person put back whose company was deleted since would name a company that is not."""
    connection = session.connection()
    for (table, column), target in _EXTRA_REFERENCES.items():
        row_ids = sorted(row_id for played_table, row_id in played if played_table == table)
        if not row_ids:
            continue
        sql = text(
            f"SELECT 1 FROM {table} AS t WHERE t.{ids.key(table)} IN :rows"
            f' AND t."{column}" IS NOT NULL AND NOT EXISTS'
            f' (SELECT 1 FROM {target} AS r WHERE r.{ids.key(target)} = t."{column}")'
        ).bindparams(bindparam("rows", expanding=True))
        for start in range(0, len(row_ids), 500):
            chunk = row_ids[start : start + 500]
            if connection.execute(sql, {"rows": chunk}).first() is not None:
                raise UndoRefused.of("undo.gone", name)


def _refusal(
    session: Session, error: IntegrityError, rows: list[RowChange], ids: _Ids, name: str
) -> UndoRefused:
    """Why playing back broke a constraint: a later record took a unique name or number, a
    later record points at a row the entry made, or a row the entry points at is gone."""
    reason = str(error.orig)
    table = _unique_broken(error)
    if table is not None:
        return UndoRefused.of("undo.duplicate", name, _label(table))
    if PHONE_TAKEN in reason:
        return UndoRefused.of("undo.duplicate", name, _label("contact_phones"))
    made = {(row.table, ids.row(row.table, row.row_id)) for row in rows if row.op == "i"}
    connection = session.connection()
    for (table, column), target in sorted(ids.references.items()):
        for parent, row_id in sorted(made):
            if parent != target or table not in messages.TABLE_LABELS:
                continue
            sql = f'SELECT {ids.key(table)} FROM {table} WHERE "{column}" = :parent'
            for (child,) in connection.execute(text(sql), {"parent": row_id}):
                if (table, child) not in made:
                    return UndoRefused.of("undo.dependents", name, _label(table))
    return UndoRefused.of("undo.gone", name)


def _unique_broken(error: IntegrityError) -> str | None:
    """The table whose unique key the error is about, if that is what it is about: SQLite
    says it in its message, PostgreSQL in the error's diagnostics (SQLSTATE 23505)."""
    reason = str(error.orig)
    if reason.startswith("UNIQUE constraint failed: "):
        return reason.removeprefix("UNIQUE constraint failed: ").split(".", 1)[0]
    if getattr(error.orig, "sqlstate", None) == "23505":  # psycopg's error, with its diag
        diagnostics = getattr(error.orig, "diag", None)
        table: str | None = getattr(diagnostics, "table_name", None)
        return table
    return None


def _label(table: str) -> messages.Label:
    return messages.Label(messages.TABLE_LABELS.get(table, table))


def _refuse_side_effects(
    session: Session, uow: UnitOfWork, played: set[tuple[str, int]], name: str
) -> None:
    """Playing back must change exactly the rows it played: a row deleted with them (a task
    made later on an order whose creation is undone) would be lost without a word."""
    written = session.connection().execute(
        text("SELECT tbl, row FROM change_rows WHERE change_id = :entry"),
        {"entry": uow.open_entry_id},
    )
    codes = {table: spec.code for table, spec in LOGGED_TABLES.items()}
    expected = {(codes[table], row_id) for table, row_id in played}
    extra = {(code, row_id) for code, row_id in written} - expected
    if extra:
        code = min(extra)[0]
        raise UndoRefused.of("undo.dependents", name, _label(TABLE_NAMES[code]))


def restore(database: Database, entry_id: int) -> HistoryEntry:
    """Put a deleted order or contact back with everything it had (its deletion undone)."""
    entry = get_entry(database, entry_id)
    if entry.code not in TRASHED:
        raise NotFound.of("history.not_in_trash", entry_id)
    return undo(database, entry_id)
