"""Declarative base with a naming convention so migrations name constraints the same way."""

from __future__ import annotations

from typing import ClassVar

from sqlalchemy import MetaData, Table
from sqlalchemy.orm import DeclarativeBase

from models.postgres import before_tables

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    # SQLAlchemy types it as any FromClause; every class here is mapped to a Table of its own
    # (__tablename__), which Core's insert() and update() take.
    __table__: ClassVar[Table]


before_tables(Base.metadata)  # PostgreSQL's stand-ins for the SQLite functions queries use
