"""Which Lavka role the person connected to a server's database has, and the arrangement that
holds each role to its rights there (models/roles.py). A database file has one user: its owner.
"""

from __future__ import annotations

from sqlalchemy import Connection

from models import Base
from models.roles import MANAGER, OWNER, RESTRICTED, VIEWER, group_roles, groups, statements

# Who the connected role is to the database: the tables' owner (or a superuser), a member of
# the database's manager or viewer group, or nobody Lavka knows (None).
_ROLE = """
SELECT CASE
  WHEN to_regclass('public.orders') IS NULL THEN 'owner'
  WHEN (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN 'owner'
  WHEN pg_has_role(current_user, (SELECT relowner FROM pg_class
                                  WHERE oid = to_regclass('public.orders')), 'USAGE') THEN 'owner'
  WHEN EXISTS (SELECT 1 FROM pg_roles g WHERE g.rolname = %(manager)s
               AND pg_has_role(current_user, g.oid, 'USAGE')) THEN 'manager'
  WHEN EXISTS (SELECT 1 FROM pg_roles g WHERE g.rolname = %(viewer)s
               AND pg_has_role(current_user, g.oid, 'USAGE')) THEN 'viewer'
END
"""


def database_name(connection: Connection) -> str:
    return str(connection.exec_driver_sql("SELECT current_database()").scalar_one())


def role_of(connection: Connection) -> str | None:
    """ "owner", "manager", "viewer", or None for a role the database gives no Lavka rights."""
    if connection.dialect.name != "postgresql":
        return OWNER
    names = groups(database_name(connection))
    role = connection.exec_driver_sql(
        _ROLE, {"manager": names[MANAGER], "viewer": names[VIEWER]}
    ).scalar_one()
    return str(role) if role is not None else None


def arranged(connection: Connection) -> bool:
    """Whether the database has been arranged for managers and viewers (has users)."""
    if connection.dialect.name != "postgresql":
        return False
    found = connection.exec_driver_sql(
        "SELECT 1 FROM pg_namespace WHERE nspname = %(schema)s", {"schema": RESTRICTED}
    ).first()
    return found is not None


def arrange(connection: Connection) -> None:
    """Make (again) the group roles, views and grants that hold managers and viewers to their
    rights; run by the owner, in the caller's transaction."""
    name = database_name(connection)
    for sql in (*group_roles(name), *statements(Base.metadata, name)):
        connection.exec_driver_sql(sql.replace("%", "%%"))


def set_aside(connection: Connection) -> None:
    """Drop the views before the owner's upgrade changes the tables under them (`arrange`
    makes them anew after it)."""
    connection.exec_driver_sql(f"DROP SCHEMA IF EXISTS {RESTRICTED} CASCADE")
