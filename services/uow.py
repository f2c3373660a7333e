"""Unit of work: one user action, one transaction, rolled back unless committed."""

from __future__ import annotations

from types import TracebackType

from sqlalchemy.orm import Session

from services.storage import Database


class UnitOfWork:
    """`with UnitOfWork(db) as uow: ...; uow.commit()` — leaving without commit rolls back."""

    session: Session

    def __init__(self, database: Database) -> None:
        self._database = database
        self._committed = False

    def __enter__(self) -> UnitOfWork:
        self.session = self._database.session_factory()
        self._committed = False
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
        self.session.commit()
        self._committed = True
