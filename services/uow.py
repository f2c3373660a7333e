"""Unit of work: one user action, one transaction, rolled back unless committed."""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from services.costing import recost_pending
from services.errors import NotFound
from services.storage import IMMEDIATE, Database

T = TypeVar("T")
V = TypeVar("V")


class UnitOfWork:
    """`with UnitOfWork(db) as uow: ...; uow.commit()` — leaving without commit rolls back.

    A full disk, met by any statement or by the commit, raises StorageError
    "storage.disk_full" (the database's engine says so: storage.create_sqlite_engine) and
    leaves the database as it was."""

    session: Session

    def __init__(self, database: Database, *, immediate: bool = False) -> None:
        self._database = database
        self._committed = False
        self._immediate = immediate

    def __enter__(self) -> UnitOfWork:
        self.session = self._database.session_factory()
        self._committed = False
        if self._immediate:  # the write lock from the start (see storage.IMMEDIATE)
            self.session.connection(execution_options={IMMEDIATE: True})
        return self

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
        self.session.commit()
        self._committed = True


def save_record(
    database: Database,
    model: type[T],
    record_id: int | None,
    values: Callable[[Session], dict[str, Any]],
    view: Callable[[T], V],
) -> V:
    """Create (record_id None) or update one row from validated values, in one transaction.

    `values` validates against the session and raises before anything is added or changed.
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
        uow.commit()
    return result
