"""Unit of work: one user action, one transaction, rolled back unless committed."""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from models import Contact, Order
from services.change_log import Action, close_entry, has_rows, open_entry
from services.costing import recost_pending
from services.errors import NotFound
from services.storage import IMMEDIATE, Database

T = TypeVar("T")
V = TypeVar("V")


class UnitOfWork:
    """`with UnitOfWork(db) as uow: ...; uow.commit()` — leaving without commit rolls back.

    Each unit of work is one entry of the change log (services/change_log.py), written in
    its transaction: `uow.name(...)` says what the person did; `uow.entry_id` is the entry
    once committed (None if nothing logged changed).

    A full disk, met by any statement or by the commit, raises StorageError
    "storage.disk_full" (the database's engine says so: storage.create_sqlite_engine) and
    leaves the database as it was."""

    session: Session
    entry_id: int | None = None

    def __init__(self, database: Database, *, immediate: bool = False) -> None:
        self._database = database
        self._committed = False
        self._immediate = immediate
        self._action: Action | None = None
        self._entry = 0

    def __enter__(self) -> UnitOfWork:
        self.session = self._database.session_factory()
        self._committed = False
        if self._immediate:  # the write lock from the start (see storage.IMMEDIATE)
            self.session.connection(execution_options={IMMEDIATE: True})
        self._entry = open_entry(self.session)
        return self

    @property
    def open_entry_id(self) -> int:
        """The entry the triggers are writing this transaction's row changes into."""
        return self._entry

    def changed(self) -> bool:
        """Whether the action has changed a logged row so far (its pending writes flushed):
        what its history entry will list. A save that changes nothing leaves no entry, and
        moves no record's version on (services/orders.py save_order)."""
        self.session.flush()
        return has_rows(self.session, self._entry)

    def move_version(self, record: Contact | Order) -> None:
        """Move the card's or the order's version on, when the action has changed a logged row
        (the record's own, or one of its parts': an order's lines, a card's phones): its own
        UPDATE, which says WHERE version = the one read and so raises StaleDataError when
        another transaction has moved it since. updated_at stays as the change left it."""
        if not self.changed():
            return
        record.version += 1
        record.updated_at = type(record).updated_at  # kept: the counter is no change of its own
        self.session.flush()

    def name(
        self,
        code: str,
        *params: object,
        contact_id: int | None = None,
        order_id: int | None = None,
        reverts: int | None = None,
    ) -> None:
        """What this action is called in the history ("action.<code>" in services/messages.py)
        and whom it is about; the last call wins."""
        self._action = Action(code, tuple(str(p) for p in params), contact_id, order_id, reverts)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if not self._committed:
                self.session.rollback()
        finally:
            self.session.close()

    def commit(self) -> None:
        """Commit the action, with the FIFO costs its changes moved (services/costing.py)."""
        recost_pending(self.session)
        self.entry_id = close_entry(self.session, self._entry, self._action)
        self.session.commit()
        self._committed = True


def save_record(
    database: Database,
    model: type[T],
    record_id: int | None,
    values: Callable[[Session], dict[str, Any]],
    view: Callable[[T], V],
    name: Callable[[UnitOfWork, T], None] | None = None,
) -> V:
    """Create (record_id None) or update one row from validated values, in one transaction.

    `values` validates against the session and raises before anything is added or changed;
    `name`, given the unit of work and the saved row, names the action (`uow.name`).
    """
    with UnitOfWork(database) as uow:
        record = None
        if record_id is not None:
            record = uow.session.get(model, record_id)
            if record is None:  # "contact.not_found", "product.not_found"
                raise NotFound.of(f"{model.__name__.lower()}.not_found", record_id)
        clean = values(uow.session)
        if record is None:
            record = model(**clean)
            uow.session.add(record)
        else:
            for key, value in clean.items():
                setattr(record, key, value)
        uow.session.flush()
        result = view(record)
        if name is not None:
            name(uow, record)
        uow.commit()
    return result
