"""The people who work in a shared database, added by its owner (Settings → Users): each is a
PostgreSQL login role, a member of the database's manager or viewer group (models/roles.py),
who logs in with its name and password. A database file has no users but its owner.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from models.roles import MANAGER, OWNER, RESTRICTED, VIEWER, groups
from services import roles
from services.errors import LavkaError
from services.storage import Database

# A role name as PostgreSQL keeps it unquoted: what a person types in psql too.
NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")
PASSWORD_MIN = 8


class UserError(LavkaError):
    """A user cannot be added, changed or removed: said with the reason."""


@dataclass(frozen=True)
class User:
    name: str
    role: str  # MANAGER or VIEWER


def _owner(database: Database) -> None:
    if database.dialect != "postgresql":
        raise UserError.of("users.file")
    if database.role != OWNER:
        raise UserError.of("users.not_owner")


def _group(connection: Connection, role: str) -> str:
    if role not in (MANAGER, VIEWER):
        raise UserError.of("users.unknown_role", role)
    return groups(roles.database_name(connection))[role]


def list_users(database: Database) -> list[User]:
    """The database's managers and viewers, by name."""
    if database.dialect != "postgresql":
        return []
    with database.engine.connect() as connection:
        names = groups(roles.database_name(connection))
        rows = connection.exec_driver_sql(
            "SELECT r.rolname, g.rolname FROM pg_auth_members m"
            " JOIN pg_roles r ON r.oid = m.member JOIN pg_roles g ON g.oid = m.roleid"
            " WHERE g.rolname IN (%(manager)s, %(viewer)s) ORDER BY r.rolname",
            {"manager": names[MANAGER], "viewer": names[VIEWER]},
        ).all()
    role_of = {group: role for role, group in names.items()}
    return [User(str(name), role_of[str(group)]) for name, group in rows]


def add_user(database: Database, name: str, password: str, role: str) -> User:
    """A new login role `name` with `password`, in the `role` group, finding the views first
    (one transaction: on any refusal, nobody is added)."""
    _owner(database)
    name = name.strip()
    if not NAME.fullmatch(name):
        raise UserError.of("users.bad_name", name)
    if len(password) < PASSWORD_MIN:
        raise UserError.of("users.short_password", PASSWORD_MIN)
    try:
        with database.engine.begin() as connection:
            taken = connection.exec_driver_sql(
                "SELECT 1 FROM pg_roles WHERE rolname = %(name)s", {"name": name}
            ).first()
            if taken is not None:
                raise UserError.of("users.taken", name)
            if not roles.arranged(connection):
                roles.arrange(connection)
            group = _group(connection, role)
            _run(
                connection,
                f"CREATE ROLE {_id(connection, name)} LOGIN PASSWORD {_literal(password)}"
                f" IN ROLE {_id(connection, group)}",
            )
            # Their queries (and their psql's) find the views before the tables.
            _run(
                connection,
                f"ALTER ROLE {_id(connection, name)} SET search_path = {RESTRICTED}, public",
            )
    except DBAPIError as error:  # no right to make roles, say: the server's own words
        raise UserError.of("users.refused", name, " ".join(str(error.orig).split())) from error
    return User(name, role)


def change_role(database: Database, name: str, role: str) -> User:
    """Move a user to the other group."""
    _owner(database)
    user = _find(database, name)
    with database.engine.begin() as connection:
        old, new = _group(connection, user.role), _group(connection, role)
        who = _id(connection, name)
        _run(connection, f"REVOKE {_id(connection, old)} FROM {who}")
        _run(connection, f"GRANT {_id(connection, new)} TO {who}")
    return User(name, role)


def remove_user(database: Database, name: str) -> None:
    """The user can no longer log in: the role is dropped (it owns nothing; what it saved
    stays)."""
    _owner(database)
    _find(database, name)
    try:
        with database.engine.begin() as connection:
            _run(connection, f"DROP ROLE {_id(connection, name)}")
    except DBAPIError as error:
        raise UserError.of("users.refused", name, " ".join(str(error.orig).split())) from error


def _find(database: Database, name: str) -> User:
    for user in list_users(database):
        if user.name == name:
            return user
    raise UserError.of("users.not_found", name)


def _id(connection: Connection, name: str) -> str:
    return connection.dialect.identifier_preparer.quote_identifier(name)


def _literal(text: str) -> str:
    """A string constant (standard_conforming_strings, PostgreSQL's default: only ' doubles)."""
    return "'" + text.replace("'", "''") + "'"


def _run(connection: Connection, statement: str) -> None:
    """A statement that takes no parameters (CREATE ROLE, GRANT), its names and password
    quoted in its text."""
    connection.exec_driver_sql(statement.replace("%", "%%"))
