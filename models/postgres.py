"""The schema's SQLite-only parts, said for PostgreSQL: triggers and a few SQLite functions.

The schema's triggers are written once, in SQLite's form (models/triggers.py, …), and
`on_create` registers each for both databases: as written where the database is SQLite, and
turned into a PL/pgSQL function and its trigger by `trigger` where it is PostgreSQL. The
turning is mechanical and narrow on purpose: it knows the handful of forms our triggers use
(a WHEN, `IS NOT` between values, INSERT OR IGNORE, RAISE(ABORT, …), today's date), and
refuses any other SQLite-only form by raising, so a new trigger cannot silently mean
something else on the server (tests/test_postgres_ddl.py turns every one of them).

The queries share one text too: FUNCTIONS gives PostgreSQL the few SQLite functions they
call (`substr` of a date, `julianday`, `iif`, `instr`, `group_concat`, …), defined in SQL
so that the planner inlines them. They are created with the schema, before its tables.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, cast

from sqlalchemy import DDL, event

# (name, its SQL): created in this order, before the tables.
FUNCTIONS: tuple[tuple[str, str], ...] = (
    (
        "substr(date)",
        "CREATE FUNCTION substr(date, integer, integer) RETURNS text"
        " LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$SELECT substr($1::text, $2, $3)$$",
    ),
    (
        "substr(date) to the end",
        "CREATE FUNCTION substr(date, integer) RETURNS text"
        " LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$SELECT substr($1::text, $2)$$",
    ),
    (
        "julianday(date)",
        # SQLite's Julian day number of a day's midnight: whole days between two dates are
        # the difference of two of these.
        "CREATE FUNCTION julianday(date) RETURNS double precision"
        " LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$SELECT ($1 - DATE '2000-01-01') + 2451544.5$$",
    ),
    (
        "julianday(text)",
        "CREATE FUNCTION julianday(text) RETURNS double precision"
        " LANGUAGE sql IMMUTABLE PARALLEL SAFE"
        " AS $$SELECT ($1::date - DATE '2000-01-01') + 2451544.5$$",
    ),
    (
        "strftime(text, date)",
        # Only the two forms the queries use: a month ('%Y-%m') and a day ('%Y-%m-%d').
        "CREATE FUNCTION strftime(text, date) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE"
        " AS $$SELECT to_char($2, replace(replace(replace($1, '%Y', 'YYYY'), '%m', 'MM'),"
        " '%d', 'DD'))$$",
    ),
    *(
        (
            f"{name}(anycompatible, anycompatible)",
            # SQLite's min and max of two values (NULL when either is NULL), beside the
            # aggregates of one.
            f"CREATE FUNCTION {name}(anycompatible, anycompatible) RETURNS anycompatible"
            f" LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$SELECT CASE WHEN $1 IS NULL"
            f" OR $2 IS NULL THEN NULL ELSE {least}($1, $2) END$$",
        )
        for name, least in (("min", "LEAST"), ("max", "GREATEST"))
    ),
    (
        "instr(text, text)",
        "CREATE FUNCTION instr(text, text) RETURNS integer"
        " LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$SELECT strpos($1, $2)$$",
    ),
    (
        "iif(boolean, anycompatible, anycompatible)",
        "CREATE FUNCTION iif(boolean, anycompatible, anycompatible) RETURNS anycompatible"
        " LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$SELECT CASE WHEN $1 THEN $2 ELSE $3 END$$",
    ),
    (
        "likelihood(boolean, numeric)",
        # A hint to SQLite's planner; PostgreSQL's keeps its own statistics.
        "CREATE FUNCTION likelihood(boolean, numeric) RETURNS boolean"
        " LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$SELECT $1$$",
    ),
    (
        "lavka_next_id(regclass)",
        # The next order number as SQLite gives it (the highest + 1, never a gap a rolled-back
        # save leaves in a sequence), taken under a lock held to the end of the transaction,
        # so two saves at once get two numbers, one after the other.
        "CREATE FUNCTION lavka_next_id(regclass) RETURNS integer LANGUAGE plpgsql VOLATILE AS $$"
        " DECLARE taken integer; BEGIN"
        " PERFORM pg_advisory_xact_lock(1, $1::oid::integer);"
        " EXECUTE format('SELECT COALESCE(MAX(id), 0) + 1 FROM %s', $1) INTO taken;"
        " RETURN taken; END $$",
    ),
    (
        "lavka_json(anyelement)",
        # A value as the change log keeps it (models/history.py): as SQLite's JSON says it.
        "CREATE FUNCTION lavka_json(anyelement) RETURNS jsonb"
        " LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$SELECT to_jsonb($1)$$",
    ),
    (
        "lavka_json(boolean)",
        "CREATE FUNCTION lavka_json(boolean) RETURNS jsonb"
        " LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$SELECT to_jsonb($1::int)$$",
    ),
    (
        "lavka_concat(text, text, text)",
        "CREATE FUNCTION lavka_concat(text, text, text) RETURNS text"
        " LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$SELECT CASE WHEN $2 IS NULL THEN $1"
        " WHEN $1 IS NULL THEN $2 ELSE $1 || $3 || $2 END$$",
    ),
    (
        "group_concat(text, text)",
        "CREATE AGGREGATE group_concat(text, text) (SFUNC = lavka_concat, STYPE = text)",
    ),
    (
        "lavka_concat(text, text)",
        "CREATE FUNCTION lavka_concat(text, text) RETURNS text"
        " LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$SELECT lavka_concat($1, $2, ',')$$",
    ),
    (
        "group_concat(text)",
        "CREATE AGGREGATE group_concat(text) (SFUNC = lavka_concat, STYPE = text)",
    ),
)


class UnknownForm(ValueError):
    """An SQLite trigger uses a form `trigger` does not know how to say for PostgreSQL."""


_HEAD = re.compile(
    r"^\s*CREATE TRIGGER (?P<name>\w+)\s+(?P<timing>AFTER|BEFORE)\s+"
    r"(?P<event>INSERT|DELETE|UPDATE(?:\s+OF\s+[\w\s,]+?)?)\s+ON\s+(?P<table>\w+)"
    r"(?:\s+WHEN\s+(?P<when>.*?))?\s+BEGIN\b(?P<body>.*)\bEND\s*$",
    re.DOTALL,
)
_RAISE = re.compile(r"SELECT RAISE\(ABORT,\s*'(?P<message>[^']*)'\)\s+WHERE\s+(?P<cond>[^;]*);")
_OR_IGNORE = re.compile(r"INSERT OR IGNORE INTO ([^;]*);")
_IS_NOT = re.compile(r"\bIS NOT (?!NULL\b)")
_TODAY = "date('now', 'localtime')"
# SQLite forms with no PostgreSQL meaning that must not reach the server unturned.
_SQLITE_ONLY = re.compile(r"\bRAISE\(|\b(OR IGNORE|OR REPLACE|json_\w+)\b|date\('now'")


def _values(sql: str) -> str:
    """SQLite's value forms said in PostgreSQL's: `a IS NOT b` is `a IS DISTINCT FROM b`,
    today is CURRENT_DATE."""
    return _IS_NOT.sub("IS DISTINCT FROM ", sql).replace(_TODAY, "CURRENT_DATE")


def trigger(sqlite_sql: str) -> tuple[str, str]:
    """An SQLite CREATE TRIGGER as PostgreSQL's: the function that does its work, and the
    trigger that calls it for each row. A WHEN becomes the function's IF: PostgreSQL's own
    WHEN may not hold a subquery, and ours (models/history.py LOGGING) do."""
    head = _HEAD.match(sqlite_sql)
    if head is None:
        raise UnknownForm(f"not a trigger Lavka writes: {sqlite_sql[:80]}")
    name, timing, table = head["name"], head["timing"], head["table"]
    body = _RAISE.sub(
        lambda m: (
            f"IF {m['cond']} THEN RAISE EXCEPTION '{m['message']}'"
            " USING ERRCODE = 'integrity_constraint_violation'; END IF;"
        ),
        head["body"],
    )
    body = _OR_IGNORE.sub(r"INSERT INTO \1 ON CONFLICT DO NOTHING;", body)
    body = _values(body).strip()
    when = _values(head["when"]) if head["when"] else None
    for part in (body, when or ""):
        found = _SQLITE_ONLY.search(part)
        if found:
            raise UnknownForm(f"{name}: {found[0]!r} has no PostgreSQL form here")
    if when:
        body = f"IF {when} THEN {body} END IF;"
    event = " ".join(head["event"].split())
    returned = "NULL" if timing == "AFTER" else ("OLD" if event == "DELETE" else "NEW")
    function = (
        f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$"
        f" BEGIN {body} RETURN {returned}; END $$"
    )
    create = (
        f"CREATE TRIGGER {name} {timing} {event} ON {table} FOR EACH ROW EXECUTE FUNCTION {name}()"
    )
    return function, create


_CROSS_JOIN_ON = re.compile(r"\bCROSS JOIN(\s+\w+(?:\s+AS\s+\w+)?\s+ON)\b")


def portable(sql: str) -> str:
    """A query written for SQLite said for PostgreSQL: SQLite's `CROSS JOIN t ON …` (a hint
    that fixes its join order) is a plain JOIN there."""
    return _CROSS_JOIN_ON.sub(r"JOIN\1", sql)


def iso_dates(row: Iterable[Any]) -> Iterator[Any]:
    """A row's values with each date as its ISO text, as SQLite gives a raw query's dates."""
    for value in row:
        yield value.isoformat() if type(value) is dt.date else value


# SQLAlchemy's DDL() is not annotated: typed here once rather than ignored at each call.
_ddl = cast(Callable[[str], DDL], DDL)


def on_dialect(target: Any, sql: str, dialect: str) -> None:
    """Run `sql` after `target` (a table, or the metadata) is created on `dialect` only."""
    # DDL() formats its text with % (a table's name): a literal % is written %%.
    event.listen(target, "after_create", _ddl(sql.replace("%", "%%")).execute_if(dialect=dialect))


def on_create(target: Any, sqlite_sql: str, postgres: tuple[str, ...] | None = None) -> None:
    """After `target` is created: the SQLite trigger `sqlite_sql` on SQLite, and on PostgreSQL
    `postgres` when given (a form of its own), else the trigger turned by `trigger`."""
    on_dialect(target, sqlite_sql, "sqlite")
    for sql in postgres if postgres is not None else trigger(sqlite_sql):
        on_dialect(target, sql, "postgresql")


def before_tables(metadata: Any) -> None:
    """Create FUNCTIONS on PostgreSQL before `metadata`'s tables."""
    for _name, sql in FUNCTIONS:
        event.listen(
            metadata, "before_create", _ddl(sql.replace("%", "%%")).execute_if(dialect="postgresql")
        )
