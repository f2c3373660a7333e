"""Who may read and change what in a shared PostgreSQL database: Lavka's roles, said as the
server's own objects, so that the rules hold for a manager who connects with psql as well as
for one in the window.

- The *owner* is whoever owns the tables (the role that created the database through Lavka),
  or a superuser: everything.
- A *manager* (member of the database's group role `<database>_manager`) works with
  contacts, orders, tasks, payments and documents, but never reads a cost or what is
  computed from it (profit, margin), whom goods were bought from, or expenses (of purchases,
  only how many of what came in when: stock levels), and deletes no contact, order,
  product, payment or document.
- A *viewer* (member of `<database>_viewer`) reads what a manager reads and writes nothing.

How: a manager or viewer has no privilege at all on a table with a cost in it. Each such
table is shadowed by a view of the same name in the schema RESTRICTED, which gives NULL for
its cost columns; the login roles Lavka adds search that schema before `public`, so the
queries Lavka sends (and a person's `SELECT * FROM shipments`) read the view. A view a
manager writes into (orders, their lines) does so through INSTEAD OF triggers that run with
the owner's rights and never take a cost from the manager: a new line is costed at its
product's cost, an edited row keeps its cost. The schema's own trigger functions run with the
owner's rights too, so a manager's save keeps totals, the search index and the change log as
the owner's does. Nothing here is created on SQLite: a file has one user, its owner.

`statements` gives the whole arrangement, from the tables' metadata, to run (again) by the
owner; it is dropped and made anew, so that a new column reaches the views.
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import MetaData, Table
from sqlalchemy.dialects import postgresql

from models.search import SEARCH_TABLE

OWNER = "owner"
MANAGER = "manager"
VIEWER = "viewer"
ROLES = (OWNER, MANAGER, VIEWER)
RESTRICTED = "lavka_restricted"

# The columns a manager or viewer reads as NULL: costs, and what is computed from them.
HIDDEN: dict[str, tuple[str, ...]] = {
    "products": ("default_cost",),
    "orders": ("cost", "profit"),
    "shipments": ("unit_cost", "cost_remainder"),
    "order_contact_totals": ("cost",),
    "order_month_totals": ("cost",),
    # The change log's values (a line's cost among them); its row count stays readable.
    "change_rows": ("old", "new"),
    # Of purchases, only what stock levels count (which product, how many, on what day):
    # a manager sells from stock, but knows neither the supplier nor the price.
    "purchases": ("supplier_id", "supplier_name", "document", "comment", "delivery_cost"),
    "purchase_lines": ("unit_cost", "delivery_share"),
}
# Tables neither reads at all: what each line's cost was taken from, what was spent, and the
# packed old change log.
CLOSED = ("cost_splits", "expenses", "change_months")
# Tables a manager adds rows to and changes (through their view where HIDDEN names them);
# the others are read-only to a manager.
MANAGER_WRITES = (
    "contacts",
    "contact_phones",
    "contact_emails",
    "contact_notes",
    "contact_tags",
    "contact_reminders",
    "tags",
    "tasks",
    "follow_ups",
    "orders",
    "shipments",
    "order_origins",
    "payments",
    "documents",
)
# Of those, the rows a manager may delete: parts of a card edited away, and working marks.
MANAGER_DELETES = (
    "contact_phones",
    "contact_emails",
    "contact_notes",
    "contact_tags",
    "contact_reminders",
    "tasks",
    "follow_ups",
    "shipments",
    "order_origins",
)
# Working tables that reading Today rebuilds (purchase histories and their marks, the day
# they were worked out for, kept among the settings) in an action of its own, which opens an
# entry in the change log (services/uow.py; its rows are the triggers'): whoever reads may
# write them, a viewer too.
CACHES = ("contact_lifecycle", "lifecycle_dirty", "settings", "changes", "change_open")
# A hidden column's value when a manager adds a row: never what the manager gives (who
# reads NULL there), but a line is costed at its product's cost, as the owner's window
# prefills it (a FIFO product's line is re-costed from its purchases when the owner next
# opens the database or saves), and a total the triggers keep starts at its default.
_PRODUCT_COST = "(SELECT p.default_cost FROM public.products p WHERE p.id = NEW.product_id)"
ON_INSERT = {("shipments", "unit_cost"): _PRODUCT_COST}
# And when a manager changes a row: kept as it is, but a line given another product is
# costed at that product's cost. (hidden column, the column whose change sets it anew, its
# new value, with ($1) the row as the manager wrote it.)
ON_UPDATE = (
    (
        "shipments",
        "unit_cost",
        "product_id",
        "(SELECT p.default_cost FROM public.products p WHERE p.id = ($1).product_id)",
    ),
)
# The column types as PostgreSQL names them (a view says NULL::bigint for a money column).
_POSTGRESQL = postgresql.dialect()  # type: ignore[no-untyped-call]  # SQLAlchemy leaves it unannotated
# What a trigger function of the owner's finds its tables by.
_PATH = "SET search_path = public, pg_temp"


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def groups(database: str) -> dict[str, str]:
    """The group roles a database's managers and viewers are members of. PostgreSQL's roles
    belong to the whole cluster: each database has groups of its own, so that a manager of
    one shop is nobody in another on the same server."""
    return {role: f"{database[:50]}_{role}" for role in (MANAGER, VIEWER)}


def _view(table: Table) -> str:
    hidden = HIDDEN[table.name]
    columns = ", ".join(
        f"NULL::{column.type.compile(dialect=_POSTGRESQL)} AS {_quoted(column.name)}"
        if column.name in hidden
        else _quoted(column.name)
        for column in table.columns
    )
    return f"CREATE VIEW {RESTRICTED}.{table.name} AS SELECT {columns} FROM public.{table.name}"


def _writes(table: Table) -> Iterator[str]:
    """The INSTEAD OF triggers of a view a manager writes into."""
    name, hidden = table.name, HIDDEN[table.name]
    columns = [column.name for column in table.columns]
    shown = [column for column in columns if column not in hidden]
    added = [c for c in columns if c not in hidden or (name, c) in ON_INSERT]
    listed = ", ".join(_quoted(column) for column in added)
    given = ", ".join(ON_INSERT.get((name, c), f"NEW.{_quoted(c)}") for c in added)
    back = ", ".join(f"t.{_quoted(c)}" for c in shown)
    into = ", ".join(f"NEW.{_quoted(c)}" for c in shown)
    # Only the columns the manager changed are written, by a statement made for them: a
    # column written unchanged would still wake the table's triggers "AFTER UPDATE OF" it
    # (a line's FIFO cost would be worked out anew).
    changes = [
        (column, f"{_quoted(column)} = ($1).{_quoted(column)}")
        for column in columns
        if column not in hidden
    ] + [
        (cause, f"{_quoted(column)} = {value}")
        for t, column, cause, value in ON_UPDATE
        if t == name
    ]
    collect = " ".join(
        f"IF NEW.{_quoted(cause)} IS DISTINCT FROM OLD.{_quoted(cause)} THEN"
        f" changed := changed || ', {setting}'; END IF;"
        for cause, setting in changes
    )
    key = " AND ".join(f"t.{_quoted(c.name)} = OLD.{_quoted(c.name)}" for c in table.primary_key)
    dynamic_key = " AND ".join(
        f"t.{_quoted(c.name)} = ($2).{_quoted(c.name)}" for c in table.primary_key
    )
    if "version" in columns:  # the save's version as the manager read it: another save since
        # (between the view's read and this write) leaves the row alone, and the ORM then
        # finds no row updated: an EditConflict, as on the table itself
        dynamic_key += ' AND t."version" = ($2)."version"'
    bodies = {
        "insert": (
            f"INSERT INTO public.{name} AS t ({listed}) VALUES ({given})"
            f" RETURNING {back} INTO {into}; RETURN NEW;"
        ),
        "update": (
            f"{collect} IF changed <> '' THEN EXECUTE 'UPDATE public.{name} AS t SET '"
            f" || substr(changed, 3) || ' WHERE {dynamic_key}' USING NEW, OLD;"
            " GET DIAGNOSTICS written = ROW_COUNT; IF written = 0 THEN RETURN NULL; END IF;"
            " END IF;"
            f" SELECT {back} INTO {into} FROM public.{name} AS t WHERE {key};"
            " IF NOT FOUND THEN RETURN NULL; END IF; RETURN NEW;"
        ),
        "delete": (
            f"DELETE FROM public.{name} AS t WHERE {key};"
            " IF NOT FOUND THEN RETURN NULL; END IF; RETURN OLD;"
        ),
    }
    for action, body in bodies.items():
        function = f"{RESTRICTED}.{name}_{action}"
        yield (
            f"CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER"
            f" {_PATH} AS $$ DECLARE changed text := ''; written integer; BEGIN {body} END $$"
        )
        yield (
            f"CREATE TRIGGER {name}_{action} INSTEAD OF {action.upper()} ON {RESTRICTED}.{name}"
            f" FOR EACH ROW EXECUTE FUNCTION {function}()"
        )


def group_roles(database: str) -> Iterator[str]:
    """The database's group roles, made when missing."""
    for group in groups(database).values():
        yield (
            f"DO $$ BEGIN CREATE ROLE {_quoted(group)} NOLOGIN;"
            " EXCEPTION WHEN duplicate_object THEN NULL; END $$"
        )


def statements(metadata: MetaData, database: str) -> Iterator[str]:
    """The views, their triggers and every grant, from nothing, for `database` (its name; run
    by the owner, in one transaction, after group_roles)."""
    manager, viewer = (_quoted(group) for group in groups(database).values())
    yield f"DROP SCHEMA IF EXISTS {RESTRICTED} CASCADE"
    yield f"CREATE SCHEMA {RESTRICTED}"
    for group in (manager, viewer):
        yield f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {group}"
        yield f"GRANT CONNECT ON DATABASE {_quoted(database)} TO {group}"
        yield f"GRANT USAGE ON SCHEMA {RESTRICTED} TO {group}"
        for outside in ("alembic_version", SEARCH_TABLE):  # tables outside the metadata
            yield f"GRANT SELECT ON public.{outside} TO {group}"
        for cache in CACHES:
            yield f"GRANT SELECT, INSERT, UPDATE, DELETE ON public.{cache} TO {group}"
    yield f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {manager}, {viewer}"
    # The schema's trigger functions and the order numbers' one run as their owner.
    yield (
        "DO $$ DECLARE f regprocedure; BEGIN FOR f IN SELECT p.oid::regprocedure FROM pg_proc p"
        " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'"
        " AND (p.prorettype = 'trigger'::regtype OR p.proname = 'lavka_next_id') LOOP"
        f" EXECUTE format('ALTER FUNCTION %s SECURITY DEFINER {_PATH}', f); END LOOP; END $$"
    )
    for table in metadata.sorted_tables:
        name = table.name
        if name in CLOSED or name in CACHES:
            continue
        where = f"public.{name}"
        if name in HIDDEN:
            where = f"{RESTRICTED}.{name}"
            hidden = "ARRAY[" + ", ".join(f"'{c}'" for c in HIDDEN[name]) + "]::name[]"
            yield _view(table)
            # A view takes no defaults of its own: its table's (a new row's id) are copied.
            yield (
                "DO $$ DECLARE c record; BEGIN FOR c IN SELECT a.attname,"
                " pg_get_expr(d.adbin, d.adrelid) AS e FROM pg_attribute a JOIN pg_attrdef d"
                " ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                f" WHERE a.attrelid = 'public.{name}'::regclass AND a.attname <> ALL ({hidden})"
                " LOOP EXECUTE"
                f" format('ALTER VIEW {where} ALTER COLUMN %I SET DEFAULT %s', c.attname, c.e);"
                " END LOOP; END $$"
            )
            if name in MANAGER_WRITES:
                yield from _writes(table)
        yield f"GRANT SELECT ON {where} TO {manager}, {viewer}"
        if name in MANAGER_WRITES:
            deletes = ", DELETE" if name in MANAGER_DELETES else ""
            yield f"GRANT INSERT, UPDATE{deletes} ON {where} TO {manager}"
