"""History: the change log read back, undo and redo of any entry, the Trash, compaction.

Undo plays an entry's logged rows backwards in a new transaction, itself an entry (code
"undo"), so that redo is the undo of that entry (code "redo") and figures, stock and
reminders follow through the same triggers and re-costing as any action. An undo is refused,
and changes nothing, when a later change still in effect touched the same rows, when a row is
no longer as the entry left it, or when playing it back would take later records with it.

A row the entry deleted whose id a later record has taken is put back under a new id, and
the entry's rows that point at it follow (the Trash restores an order deleted before another
was created). Compacted entries keep their name and counts but not their rows: they cannot
be undone.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models.base import Base
from models.history import RECOSTED_COLUMNS, TABLE_NAMES, ChangeEntry, ChangeRow
from models.stock import PurchaseLine, StockDirty
from services import messages
from services.change_log import REDO, UNDO, replaying
from services.choices import put_setting, setting
from services.errors import LavkaError, NotFound, ValidationError
from services.messages import Translate
from services.storage import Database
from services.uow import UnitOfWork

TRASH_DAYS = 30
# A deleted order or contact is in the Trash while its deletion's entry is neither undone nor
# compacted, for TRASH_DAYS.
TRASHED = ("order.deleted", "contact.deleted")
PAGE = 200
# How long an entry keeps its row details (settings): 0 keeps them for ever.
KEEP_MONTHS_KEY = "history.keep_months"
KEEP_MONTHS_DEFAULT = 12
KEEP_MONTHS_MAX = 120


class UndoRefused(LavkaError):
    """The entry cannot be undone now; the message says why and what to do."""


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    at: dt.datetime  # local time
    code: str
    params: tuple[str, ...]
    contact_id: int | None
    order_id: int | None
    rows: int
    reverts: int | None
    reverted_by: int | None
    compacted: bool

    @property
    def family(self) -> str:
        """The kind of action for the History filter: "order", "contact", …, "undo"."""
        return family_of(self.code)

    def name(self, translate: Translate = messages.english) -> str:
        return action_name(self.code, self.params, translate)

    def action_name(self, translate: Translate = messages.english) -> str:
        """The action itself, for Edit → Undo / Redo: an undo's or a redo's inner action."""
        if self.code in (UNDO, REDO) and self.params:
            return action_name(self.params[0], self.params[1:], translate)
        return self.name(translate)


@dataclass(frozen=True)
class RowChange:
    table: str
    row_id: int
    op: str  # "i" inserted, "u" updated, "d" deleted
    old: dict[str, Any]
    new: dict[str, Any]


def family_of(code: str) -> str:
    return code.split(".", 1)[0]


def action_name(code: str, params: Iterable[str], translate: Translate = messages.english) -> str:
    """The entry's readable name: "Order No. 1018: status Paid → Shipped", "Undo: …"."""
    params = tuple(params)
    if code in (UNDO, REDO) and params:
        inner = action_name(params[0], params[1:], translate)
        return messages.text(f"action.{code}", (inner,), translate)
    if f"action.{code}" not in messages.TEXTS:  # an action no service named
        return messages.text("action.change", (), translate)
    return messages.text(f"action.{code}", params, translate)


# --- reading ---------------------------------------------------------------------------------
def _entry(row: ChangeEntry) -> HistoryEntry:
    return HistoryEntry(
        id=row.id,
        at=dt.datetime.fromtimestamp(row.at),
        code=row.code,
        params=tuple(json.loads(row.params)) if row.params else (),
        contact_id=row.contact_id,
        order_id=row.order_id,
        rows=row.rows,
        reverts=row.reverts,
        reverted_by=row.reverted_by,
        compacted=bool(row.compacted),
    )


def _seconds(day: dt.date) -> int:
    """The first second of `day`, local time."""
    return int(time.mktime(day.timetuple()))


@dataclass(frozen=True)
class HistoryFilter:
    """Which entries a History view lists: a period (days, inclusive), kinds (families), one
    contact's or one order's, and a test of the name in the person's language."""

    since: dt.date | None = None
    until: dt.date | None = None
    families: frozenset[str] | None = None
    contact_id: int | None = None
    order_id: int | None = None
    matches: Callable[[HistoryEntry], bool] | None = None


def _selected(selection: HistoryFilter):
    query = select(ChangeEntry)
    if selection.since is not None:
        query = query.where(ChangeEntry.at >= _seconds(selection.since))
    if selection.until is not None:
        query = query.where(ChangeEntry.at < _seconds(selection.until + dt.timedelta(days=1)))
    if selection.contact_id is not None:
        query = query.where(ChangeEntry.contact_id == selection.contact_id)
    if selection.order_id is not None:
        query = query.where(ChangeEntry.order_id == selection.order_id)
    if selection.families is not None:
        families = sorted(selection.families)
        query = query.where(
            or_(
                ChangeEntry.code.in_(families),
                *(ChangeEntry.code.like(f"{family}.%") for family in families),
            )
        )
    return query.order_by(ChangeEntry.id.desc())


def history_page(
    database: Database, selection: HistoryFilter, offset: int = 0, limit: int = PAGE
) -> list[HistoryEntry]:
    """A page of the entries, newest first."""
    with database.session() as session:
        if selection.matches is None:
            rows = session.scalars(_selected(selection).offset(offset).limit(limit))
            return [_entry(row) for row in rows]
        found = (_entry(row) for row in session.scalars(_selected(selection)))
        chosen = [entry for entry in found if selection.matches(entry)]
        return chosen[offset : offset + limit]


def history_count(database: Database, selection: HistoryFilter) -> int:
    with database.session() as session:
        if selection.matches is None:
            query = _selected(selection).order_by(None).subquery()
            return session.scalar(select(func.count()).select_from(query)) or 0
        found = (_entry(row) for row in session.scalars(_selected(selection)))
        return sum(1 for entry in found if selection.matches(entry))


def get_entry(database: Database, entry_id: int) -> HistoryEntry:
    with database.session() as session:
        return _entry(_row_of(session, entry_id))


def _row_of(session: Session, entry_id: int) -> ChangeEntry:
    row = session.get(ChangeEntry, entry_id)
    if row is None:
        raise NotFound.of("history.not_found", entry_id)
    return row


def entry_rows(database: Database, entry_id: int) -> list[RowChange]:
    """What the entry changed, row by row, in the order it happened."""
    with database.session() as session:
        return _rows(session, entry_id)


def _rows(session: Session, entry_id: int) -> list[RowChange]:
    rows = session.scalars(
        select(ChangeRow).where(ChangeRow.change_id == entry_id).order_by(ChangeRow.seq)
    )
    return [
        RowChange(
            TABLE_NAMES[row.table_code],
            row.row_id,
            row.op,
            json.loads(row.old) if row.old else {},
            json.loads(row.new) if row.new else {},
        )
        for row in rows
    ]


# --- undo and redo ---------------------------------------------------------------------------
def last_of_run(
    database: Database, since_id: int
) -> tuple[HistoryEntry | None, HistoryEntry | None]:
    """What Edit → Undo and Edit → Redo would reverse among the entries after `since_id` (the
    log's last entry when the window opened): the newest action still in effect, and the
    newest undo still in effect that no new action has come after."""
    with database.session() as session:
        rows = session.scalars(
            select(ChangeEntry)
            .where(ChangeEntry.id > since_id, ChangeEntry.reverted_by.is_(None))
            .order_by(ChangeEntry.id.desc())
        ).all()
    undo = next((row for row in rows if row.code != UNDO and not row.compacted), None)
    redo = None
    for row in rows:
        if row.code == UNDO:
            redo = row
            break
        if row.code != REDO:  # a new action: what was undone before it stays undone
            break
    return (
        _entry(undo) if undo is not None else None,
        _entry(redo) if redo is not None else None,
    )


def last_entry_id(database: Database) -> int:
    with database.session() as session:
        return session.scalar(select(func.max(ChangeEntry.id))) or 0


def undo(database: Database, entry_id: int) -> HistoryEntry:
    """Reverse the entry (an undo of an undo is a redo); the new entry. UndoRefused says why
    nothing was changed."""
    with UnitOfWork(database, immediate=True) as uow:
        session = uow.session
        target = _row_of(session, entry_id)
        name = action_name(target.code, json.loads(target.params or "[]"))
        if target.reverted_by is not None:
            raise UndoRefused.of("undo.already", name)
        if target.compacted:
            raise UndoRefused.of("undo.compacted", name)
        rows = _rows(session, entry_id)
        ids = _Ids(session)
        _refuse_conflicts(session, target, rows, ids, name)
        batches = _batch_products(session, rows, ids)
        try:
            with replaying(session):
                played = _play_back(session, rows, ids)
        except IntegrityError as error:  # a constraint: said as what stands in the way
            raise _refusal(session, error, rows, ids, name) from error
        _mark_batches(session, batches | _batch_products(session, rows, ids))
        _refuse_side_effects(session, uow, played, name)
        _refuse_dangling(session, played, name)
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


_EXTRA_REFERENCES = {("contacts", "company_id"): "contacts", ("orders", "person_id"): "contacts"}


class _Ids:
    """New ids for deleted rows whose ids later records took, and the columns that point at
    each table (foreign keys, and the contact ids triggers keep like them)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.moved: dict[tuple[str, int], int] = {}
        self.next_free: dict[str, int] = {}
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

    def exists(self, table: str, row_id: int) -> bool:
        sql = f"SELECT 1 FROM {table} WHERE rowid = ?"
        return self.session.connection().exec_driver_sql(sql, (row_id,)).first() is not None

    def move(self, table: str, row_id: int) -> int:
        """A new id for a deleted row whose id is taken now."""
        if table not in self.next_free:
            sql = f"SELECT COALESCE(MAX(rowid), 0) + 1 FROM {table}"
            self.next_free[table] = self.session.connection().exec_driver_sql(sql).scalar()
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


def _net(rows: list[RowChange]) -> dict[tuple[str, int], tuple[bool, dict[str, Any], str]]:
    """Each row the entry touched: whether it exists after the entry, the values the entry
    left in it (updated columns), and its first operation."""
    net: dict[tuple[str, int], tuple[bool, dict[str, Any], str]] = {}
    for row in rows:
        key = (row.table, row.row_id)
        _, values, first = net.get(key, (True, {}, row.op))
        if row.op == "d":
            net[key] = (False, {}, first)
        else:
            net[key] = (True, {**values, **row.new}, first)
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
        if not ids.exists(table, row_id):
            raise UndoRefused.of("undo.gone", name)
        recosted = RECOSTED_COLUMNS.get(table, ())
        values = {column: value for column, value in values.items() if column not in recosted}
        if values and _current(session, table, row_id, values) != values:
            raise UndoRefused.of("undo.changed", name)
    for table, row_id in sorted(reused):
        if table not in ids.keyed_by:  # follows its parent's new id
            ids.move(table, row_id)


def _current(session: Session, table: str, row_id: int, values: dict[str, Any]) -> dict:
    columns = list(values)
    quoted = ", ".join(f'"{c}"' for c in columns)
    sql = f"SELECT {quoted} FROM {table} WHERE rowid = ?"
    found = session.connection().exec_driver_sql(sql, (row_id,)).first()
    return dict(zip(columns, found, strict=True)) if found is not None else {}


def _play_back(session: Session, rows: list[RowChange], ids: _Ids) -> set[tuple[str, int]]:
    """Write the rows' old state back, newest first; the (table, row) pairs written."""
    connection = session.connection()
    session.flush()
    played: set[tuple[str, int]] = set()
    batch: list[tuple] = []
    batch_sql = ""

    def run(sql: str, params: tuple) -> None:
        nonlocal batch, batch_sql
        if sql != batch_sql and batch:
            connection.exec_driver_sql(batch_sql, batch)
            batch = []
        batch_sql = sql
        batch.append(params)

    for row in reversed(rows):
        table = row.table
        row_id = ids.row(table, row.row_id)
        played.add((table, row_id))
        if row.op == "i":
            run(f"DELETE FROM {table} WHERE rowid = ?", (row_id,))
        elif row.op == "u":
            old = ids.values(table, row.old)
            assignments = ", ".join(f'"{c}" = ?' for c in old)
            sql = f"UPDATE {table} SET {assignments} WHERE rowid = ?"
            run(sql, (*old.values(), row_id))
        else:
            old = ids.values(table, row.old)
            columns = ", ".join(f'"{c}"' for c in old)
            marks = ", ".join("?" for _ in old)
            sql = f"INSERT INTO {table} (rowid, {columns}) VALUES (?, {marks})"
            run(sql, (row_id, *old.values()))
    if batch:
        connection.exec_driver_sql(batch_sql, batch)
    session.expire_all()
    return played


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


def _mark_batches(session: Session, products: set[int]) -> None:
    """Purchases mark the FIFO re-costing from their service (services/purchases.py), not by
    triggers: a played-back batch marks its product, re-costed whole at the commit."""
    if products:
        session.execute(
            insert(StockDirty).prefix_with("OR IGNORE"),
            [
                {"product_id": p, "since": dt.date.min}  # before any day: the whole queue
                for p in sorted(products)
            ],
        )


def _refuse_dangling(session: Session, played: set[tuple[str, int]], name: str) -> None:
    """The references that triggers check instead of foreign keys (held while playing back,
    for an entry's own rows come back in any order) must point at rows that are there: a
    person put back whose company was deleted since would name a company that is not."""
    connection = session.connection()
    for (table, column), target in _EXTRA_REFERENCES.items():
        ids = sorted(row_id for played_table, row_id in played if played_table == table)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            sql = (
                f'SELECT 1 FROM {table} AS t WHERE t.rowid IN ({marks}) AND t."{column}" IS NOT'
                f' NULL AND NOT EXISTS (SELECT 1 FROM {target} AS r WHERE r.rowid = t."{column}")'
            )
            if connection.exec_driver_sql(sql, tuple(chunk)).first() is not None:
                raise UndoRefused.of("undo.gone", name)


# The phone triggers' own words (models/search.py PHONE_TRIGGERS).
_PHONE_TAKEN = "phone already belongs to another contact"


def _refusal(
    session: Session, error: IntegrityError, rows: list[RowChange], ids: _Ids, name: str
) -> UndoRefused:
    """Why playing back broke a constraint: a later record took a unique name or number, a
    later record points at a row the entry made, or a row the entry points at is gone."""
    reason = str(error.orig)
    if reason.startswith("UNIQUE constraint failed: "):
        table = reason.removeprefix("UNIQUE constraint failed: ").split(".", 1)[0]
        return UndoRefused.of("undo.duplicate", name, _label(table))
    if _PHONE_TAKEN in reason:
        return UndoRefused.of("undo.duplicate", name, _label("contact_phones"))
    made = {(row.table, ids.row(row.table, row.row_id)) for row in rows if row.op == "i"}
    connection = session.connection()
    for (table, column), target in sorted(ids.references.items()):
        for parent, row_id in sorted(made):
            if parent != target or table not in messages.TABLE_LABELS:
                continue
            sql = f'SELECT rowid FROM {table} WHERE "{column}" = ?'
            for (child,) in connection.exec_driver_sql(sql, (row_id,)):
                if (table, child) not in made:
                    return UndoRefused.of("undo.dependents", name, _label(table))
    return UndoRefused.of("undo.gone", name)


def _label(table: str) -> messages.Label:
    return messages.Label(messages.TABLE_LABELS.get(table, table))


def _refuse_side_effects(
    session: Session, uow: UnitOfWork, played: set[tuple[str, int]], name: str
) -> None:
    """Playing back must change exactly the rows it played: a row deleted with them (a task
    made later on an order whose creation is undone) would be lost without a word."""
    codes = session.execute(
        select(ChangeRow.table_code, ChangeRow.row_id).where(
            ChangeRow.change_id == uow.open_entry_id
        )
    ).all()
    for code, row_id in codes:
        table = TABLE_NAMES[code]
        if (table, row_id) not in played:
            raise UndoRefused.of("undo.dependents", name, _label(table))


# --- the Trash -------------------------------------------------------------------------------
def trash(database: Database, now: dt.datetime | None = None) -> list[HistoryEntry]:
    """Deleted orders and contacts that can still be restored, newest first."""
    since = int((now or dt.datetime.now()).timestamp()) - TRASH_DAYS * 86400
    with database.session() as session:
        rows = session.scalars(
            select(ChangeEntry)
            .where(
                ChangeEntry.code.in_(TRASHED),
                ChangeEntry.reverted_by.is_(None),
                ChangeEntry.compacted.is_(False),
                ChangeEntry.at >= since,
            )
            .order_by(ChangeEntry.id.desc())
        )
        return [_entry(row) for row in rows]


def restore(database: Database, entry_id: int) -> HistoryEntry:
    """Put a deleted order or contact back with everything it had (its deletion undone)."""
    entry = get_entry(database, entry_id)
    if entry.code not in TRASHED:
        raise NotFound.of("history.not_in_trash", entry_id)
    return undo(database, entry_id)


# --- retention -------------------------------------------------------------------------------
def keep_months(database: Database) -> int:
    with database.session() as session:
        stored = setting(session, KEEP_MONTHS_KEY)
    return int(stored) if stored is not None and stored.isdigit() else KEEP_MONTHS_DEFAULT


def set_keep_months(database: Database, months: int) -> None:
    if not 0 <= months <= KEEP_MONTHS_MAX:
        raise ValidationError.of("keep_months", "history.keep_months", KEEP_MONTHS_MAX)
    with UnitOfWork(database) as uow:
        put_setting(uow.session, KEEP_MONTHS_KEY, str(months))
        uow.commit()


@dataclass(frozen=True)
class Tidied:
    purged: int  # deletions whose Trash time ran out
    compacted: int  # older entries that gave up their row details


def tidy(database: Database, now: dt.datetime | None = None) -> Tidied:
    """Empty the Trash of what is older than TRASH_DAYS and compact the entries older than
    the months kept: each keeps its name, time and counts; its row details go."""
    now = now or dt.datetime.now()
    trash_before = int(now.timestamp()) - TRASH_DAYS * 86400
    months = keep_months(database)
    with UnitOfWork(database) as uow:
        session = uow.session
        purged = _compact(session, ChangeEntry.code.in_(TRASHED), trash_before)
        compacted = 0
        if months:
            cutoff = _months_before(now.date(), months)
            compacted = _compact(session, ChangeEntry.code.isnot(None), _seconds(cutoff))
        uow.commit()
    return Tidied(purged, compacted)


def _compact(session: Session, which, before: int) -> int:
    ids = session.scalars(
        select(ChangeEntry.id).where(
            which, ChangeEntry.at < before, ChangeEntry.compacted.is_(False)
        )
    ).all()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        session.execute(delete(ChangeRow).where(ChangeRow.change_id.in_(chunk)))
        session.execute(update(ChangeEntry).where(ChangeEntry.id.in_(chunk)).values(compacted=True))
    return len(ids)


def _months_before(day: dt.date, months: int) -> dt.date:
    month = day.year * 12 + day.month - 1 - months
    year, month = divmod(month, 12)
    return dt.date(year, month + 1, min(day.day, 28))
