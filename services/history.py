"""History: the change log read back — entries by period, kind, words, contact or order,
with their names and row changes — what Edit → Undo and Redo would reverse in this run, the
Trash's list, and how long entries keep their details (services/undoing.py reverses them).
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Select,
    delete,
    func,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.orm import Session

from models.history import TABLE_NAMES, ChangeEntry, ChangeRow
from services import messages
from services.change_log import REDO, UNDO
from services.choices import put_setting, setting
from services.errors import NotFound, ValidationError
from services.history_months import Packed, find_packed, pack_before, packed_entries
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
KEEP_MONTHS_DEFAULT = 1
KEEP_MONTHS_MAX = 120


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


def _selected(selection: HistoryFilter) -> Select[ChangeEntry]:
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
    """A page of the entries, newest first: those with their details, then the packed months
    (every packed entry is older than every entry with details)."""
    with database.session() as session:
        if selection.matches is None:
            rows = session.scalars(_selected(selection).offset(offset).limit(limit))
            page = [_entry(row) for row in rows]
            if len(page) == limit:
                return page
            live = offset + len(page) if page else _live_count(session, selection)
            packed = _packed(session, selection)
            start = max(offset - live, 0)
            return page + _slice(packed, start, limit - len(page))
        return list(_slice(_every(session, selection), offset, limit))


def history_count(database: Database, selection: HistoryFilter) -> int:
    with database.session() as session:
        if selection.matches is None:
            packed = sum(1 for _ in _packed(session, selection))
            return _live_count(session, selection) + packed
        return sum(1 for _ in _every(session, selection))


def _live_count(session: Session, selection: HistoryFilter) -> int:
    query = _selected(selection).order_by(None).subquery()
    return session.scalar(select(func.count()).select_from(query)) or 0


def _every(session: Session, selection: HistoryFilter) -> Iterator[HistoryEntry]:
    found = (_entry(row) for row in session.scalars(_selected(selection)))
    for entry in itertools.chain(found, _packed(session, selection)):
        if selection.matches is None or selection.matches(entry):
            yield entry


def _slice(entries: Iterable[HistoryEntry], start: int, count: int) -> list[HistoryEntry]:
    return list(itertools.islice(entries, start, start + count))


def _packed(session: Session, selection: HistoryFilter) -> Iterator[HistoryEntry]:
    """The packed entries the filter selects (all but its `matches`), newest first."""
    since = _seconds(selection.since) if selection.since is not None else None
    until = None
    if selection.until is not None:
        until = _seconds(selection.until + dt.timedelta(days=1))
    for packed in packed_entries(session, since, until):
        entry = _unpacked(packed)
        if selection.contact_id is not None and entry.contact_id != selection.contact_id:
            continue
        if selection.order_id is not None and entry.order_id != selection.order_id:
            continue
        if selection.families is not None and entry.family not in selection.families:
            continue
        yield entry


def _unpacked(packed: Packed) -> HistoryEntry:
    entry_id, at, code, params, contact_id, order_id, rows, reverts, reverted_by = packed
    return HistoryEntry(
        id=entry_id,
        at=dt.datetime.fromtimestamp(at),
        code=code,
        params=tuple(params or ()),
        contact_id=contact_id,
        order_id=order_id,
        rows=rows,
        reverts=reverts,
        reverted_by=reverted_by,
        compacted=True,
    )


def get_entry(database: Database, entry_id: int) -> HistoryEntry:
    with database.session() as session:
        row = session.get(ChangeEntry, entry_id)
        if row is not None:
            return _entry(row)
        packed = find_packed(session, entry_id)
        if packed is None:
            raise NotFound.of("history.not_found", entry_id)
        return _unpacked(packed)


def entry_rows(database: Database, entry_id: int) -> list[RowChange]:
    """What the entry changed, row by row, in the order it happened."""
    with database.session() as session:
        return row_changes(session, entry_id)


_ROWS_OF_ENTRY = text(
    "SELECT tbl, row, op, old, new FROM change_rows WHERE change_id = :entry ORDER BY seq"
)


def row_changes(session: Session, entry_id: int) -> list[RowChange]:
    """The entry's row changes in the order they happened (for a session already open)."""
    rows = (
        session.connection()
        .execute(_ROWS_OF_ENTRY, {"entry": entry_id})  # no ORM: an import's undo reads 100k
        .all()
    )
    loads = json.loads
    return [
        RowChange(
            TABLE_NAMES[code], row_id, op, loads(old) if old else {}, loads(new) if new else {}
        )
        for code, row_id, op, old, new in rows
    ]


# --- what Edit → Undo and Redo would reverse ------------------------------------------------
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
    """Empty the Trash of what is older than TRASH_DAYS (the deletion's details go, its entry
    stays), and pack the entries older than the months kept into their months."""
    now = now or dt.datetime.now()
    trash_before = int(now.timestamp()) - TRASH_DAYS * 86400
    months = keep_months(database)
    pack_before_at = None  # never what the Trash still holds
    if months:
        pack_before_at = min(_seconds(_months_before(now.date(), months)), trash_before)
    trashed = (ChangeEntry.code.in_(TRASHED), ChangeEntry.compacted.is_(False))
    with database.session() as session:  # most starts find nothing: no write, no sync
        trash = select(ChangeEntry.id).where(ChangeEntry.at < trash_before, *trashed)
        due: Select[int] | CompoundSelect[int] = trash
        if pack_before_at is not None:
            due = trash.union_all(select(ChangeEntry.id).where(ChangeEntry.at < pack_before_at))
        if session.scalar(select(due.subquery()).limit(1)) is None:
            return Tidied(0, 0)
    with UnitOfWork(database) as uow:
        session = uow.session
        purged = _compact(session, trashed, trash_before)
        compacted = 0
        if pack_before_at is not None:
            compacted = pack_before(session, pack_before_at)
        uow.commit()
    return Tidied(purged, compacted)


def _compact(session: Session, which: tuple[ColumnElement[bool], ...], before: int) -> int:
    ids = session.scalars(select(ChangeEntry.id).where(ChangeEntry.at < before, *which)).all()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        session.execute(delete(ChangeRow).where(ChangeRow.change_id.in_(chunk)))
        session.execute(update(ChangeEntry).where(ChangeEntry.id.in_(chunk)).values(compacted=True))
    return len(ids)


def _months_before(day: dt.date, months: int) -> dt.date:
    month = day.year * 12 + day.month - 1 - months
    year, month = divmod(month, 12)
    return dt.date(year, month + 1, min(day.day, 28))
