"""Writing the change log: each unit of work opens an entry, names it, and closes it in its own
transaction (models/history.py has the tables and the triggers that fill in the rows).

An entry that changed no logged row is removed at the close: opening a form and saving it
unchanged, or a write to derived data only, leaves nothing in the history.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from models.history import ChangeEntry, ChangeOpen, ChangeRow

GENERIC = "change"  # an action no service named: "Changes (N records)"
UNDO = "undo"
REDO = "redo"


@dataclass(frozen=True)
class Action:
    """What a person did, as a message code (services/messages.py ACTION_TEXTS) and its
    parameters, and the contact and order it is about (their History tabs list it)."""

    code: str
    params: tuple[str, ...] = ()
    contact_id: int | None = None
    order_id: int | None = None
    reverts: int | None = None


def open_entry(session: Session) -> int:
    """Start the entry the triggers write this transaction's row changes into."""
    entry = ChangeEntry(at=int(time.time()), code=GENERIC, rows=0, compacted=False)
    session.add(entry)
    session.flush()
    session.add(ChangeOpen(id=entry.id, paused=0, replay=0))
    session.flush()
    return entry.id


def has_rows(session: Session, entry_id: int) -> bool:
    """Whether the entry has a row change so far (of what the session has flushed)."""
    found = select(ChangeRow.seq).where(ChangeRow.change_id == entry_id).limit(1)
    return session.scalar(found) is not None


def close_entry(session: Session, entry_id: int, action: Action | None) -> int | None:
    """Name the entry and count its rows; remove it if it changed nothing. The entry's id,
    or None when it was removed."""
    session.execute(delete(ChangeOpen).where(ChangeOpen.id == entry_id))
    rows = session.scalar(
        select(func.count()).select_from(ChangeRow).where(ChangeRow.change_id == entry_id)
    )
    if not rows:
        session.execute(delete(ChangeEntry).where(ChangeEntry.id == entry_id))
        return None
    values: dict[str, object] = {"rows": rows}
    if action is not None:
        values.update(
            code=action.code,
            params=json.dumps(list(action.params), ensure_ascii=False) if action.params else None,
            contact_id=action.contact_id,
            order_id=action.order_id,
            reverts=action.reverts,
        )
        if action.reverts is not None:
            session.execute(
                update(ChangeEntry)
                .where(ChangeEntry.id == action.reverts)
                .values(reverted_by=entry_id)
            )
    session.execute(update(ChangeEntry).where(ChangeEntry.id == entry_id).values(**values))
    return entry_id


@contextmanager
def paused(session: Session) -> Iterator[None]:
    """Hold the log while derived data is written (nested holds add up)."""
    session.execute(update(ChangeOpen).values(paused=ChangeOpen.paused + 1))
    try:
        yield
    finally:
        session.execute(update(ChangeOpen).values(paused=ChangeOpen.paused - 1))


@contextmanager
def replaying(session: Session) -> Iterator[None]:
    """Undo plays logged rows back: the triggers that write a change's consequences hold."""
    session.execute(update(ChangeOpen).values(replay=1))
    try:
        yield
    finally:
        session.execute(update(ChangeOpen).values(replay=0))
