"""The change log: every user action's row changes, written by triggers in its transaction.

An action (services/uow.py) opens an entry in `changes` and marks it in `change_open`; while
that mark is there, a trigger on each logged table writes one `change_rows` row per inserted,
updated or deleted row: an insert by its row id alone (the row holds its values), an update
with the old and new values of the changed columns, a delete with all of the row's values.
Undo (services/undoing.py) plays an entry's rows backwards; entries older than the months
kept are packed a month to a row in `change_months` (services/history_months.py). Derived
data is not logged: the order totals, the grid's group totals (models/order_totals.py), FIFO
costs, stock marks, lifecycle figures and the search index follow the logged rows through
their own triggers and recomputations, undo or not.

`change_open.paused` holds the log while derived writes run (the FIFO re-costing writes line
costs); `change_open.replay` is set while undo plays rows back, which holds the triggers that
would write their own consequences of a change (an order's stage trace, a deleted contact's
forgotten links, the existence checks): those consequences were logged and are played back
as rows.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Index, Integer, LargeBinary, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base
from models.postgres import on_create, on_dialect
from models.types import BigInt


class ChangeEntry(Base):
    """One user action: when, which (a message code and its parameters), about whom."""

    __tablename__ = "changes"
    __table_args__ = (
        Index(
            "ix_changes_contact",
            "contact_id",
            sqlite_where=text("contact_id IS NOT NULL"),
            postgresql_where=text("contact_id IS NOT NULL"),
        ),
        Index(
            "ix_changes_order",
            "order_id",
            sqlite_where=text("order_id IS NOT NULL"),
            postgresql_where=text("order_id IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Seconds since the epoch, UTC: an integer keeps the busy seller's log small.
    at: Mapped[int] = mapped_column(BigInt)
    # "order.saved", … (services/messages.py ACTION_TEXTS); "undo" and "redo" for a reversal.
    code: Mapped[str] = mapped_column(String(40))
    params: Mapped[str | None] = mapped_column(Text)  # a JSON list of the name's parameters
    contact_id: Mapped[int | None] = mapped_column(Integer)  # no foreign key: the log outlives
    order_id: Mapped[int | None] = mapped_column(Integer)  # the rows it names
    rows: Mapped[int] = mapped_column(Integer, default=0)  # how many row changes it made
    reverts: Mapped[int | None] = mapped_column(Integer)  # the entry an undo or redo reverses
    reverted_by: Mapped[int | None] = mapped_column(Integer)
    # Set when the row details were compacted away (services/history.py compact): the entry,
    # its name and its counts stay.
    compacted: Mapped[bool] = mapped_column(default=False)

    @property
    def when(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self.at, dt.UTC)


class ChangeRow(Base):
    """One row's change within an entry, in the order the changes happened (`seq`)."""

    __tablename__ = "change_rows"
    __table_args__ = {"sqlite_with_rowid": False}  # noqa: RUF012 (SQLAlchemy's own form)

    change_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    table_code: Mapped[int] = mapped_column("tbl", Integer)  # LOGGED_TABLES[name].code
    row_id: Mapped[int] = mapped_column("row", Integer)
    op: Mapped[str] = mapped_column(String(1))  # "i", "u" or "d"
    old: Mapped[str | None] = mapped_column(Text)  # JSON object: column → value
    new: Mapped[str | None] = mapped_column(Text)


class ChangeMonth(Base):
    """The entries of one month whose details were compacted, packed together: a JSON list of
    [id, at, code, params, contact_id, order_id, rows, reverts, reverted_by] per entry,
    zlib-compressed (services/history.py tidy). Listed in the history like any entry."""

    __tablename__ = "change_months"

    month: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)  # 202612
    first_id: Mapped[int] = mapped_column(Integer)
    last_id: Mapped[int] = mapped_column(Integer)
    count: Mapped[int] = mapped_column(Integer)
    entries: Mapped[bytes] = mapped_column(LargeBinary)


class ChangeOpen(Base):
    """The entry being written, while an action's transaction is open (at most one row)."""

    __tablename__ = "change_open"

    id: Mapped[int] = mapped_column(primary_key=True)  # the entry's id
    paused: Mapped[int] = mapped_column(Integer, default=0)
    replay: Mapped[int] = mapped_column(Integer, default=0)


class LoggedTable:
    """A table whose user-made changes are logged: its stable code and its logged columns
    (a derived column — an order's totals, a line's FIFO place — is left out)."""

    def __init__(self, code: int, columns: tuple[str, ...]) -> None:
        self.code = code
        self.columns = columns


# Codes are stored in the log: never renumber one. A migration that adds a column to one of
# these tables recreates its log triggers (tests/test_history.py checks the columns).
LOGGED_TABLES: dict[str, LoggedTable] = {
    "contacts": LoggedTable(
        1,
        (
            "name", "name_key", "phone", "email", "address", "notes", "channel_id", "archived",
            "kind", "company_id", "job_title", "legal_name", "tax_id", "phone_label",
            "email_label", "payment_terms_days", "created_at", "updated_at",
        ),
    ),
    "orders": LoggedTable(
        2,
        (
            "date", "status_id", "contact_id", "person_id", "channel_id", "comment",
            "loss_reason_id", "loss_note", "created_at", "updated_at", "payment_due",
            "expected_amount", "peak_class",
        ),
    ),
    "shipments": LoggedTable(
        3,
        ("order_id", "position", "date", "product_id", "quantity", "unit_price", "unit_cost"),
    ),
    "payments": LoggedTable(
        4, ("order_id", "date", "amount", "method", "note", "created_at")
    ),
    "products": LoggedTable(
        5, ("name", "sku", "default_price", "default_cost", "active", "min_stock")
    ),
    "order_statuses": LoggedTable(
        6, ("code", "name", "role", "position", "score_modifier")
    ),
    "channels": LoggedTable(7, ("score_modifier", "name", "position", "active")),
    "loss_reasons": LoggedTable(8, ("name", "position", "active")),
    "tags": LoggedTable(9, ("name", "name_key", "colour")),
    "contact_tags": LoggedTable(10, ("contact_id", "tag_id")),
    "contact_phones": LoggedTable(11, ("contact_id", "position", "phone", "label")),
    "contact_emails": LoggedTable(12, ("contact_id", "position", "email", "label")),
    "contact_reminders": LoggedTable(
        13, ("contact_id", "snoozed_until", "not_interested_through", "updated_at")
    ),
    "tasks": LoggedTable(
        14,
        (
            "title", "due_date", "due_time", "contact_id", "order_id", "notes", "done",
            "done_at", "created_at", "updated_at",
        ),
    ),
    "contact_notes": LoggedTable(
        15, ("contact_id", "day", "text", "order_id", "created_at")
    ),
    "follow_ups": LoggedTable(
        16, ("order_id", "state", "resolved_on", "created_at")
    ),
    "order_origins": LoggedTable(
        17, ("key", "order_id", "source_digest", "order_digest", "imported_at")
    ),
    "order_stages": LoggedTable(18, ("order_id", "status_id", "entered_on")),
    "documents": LoggedTable(
        19,
        (
            "kind", "year", "number", "date", "order_id", "amount", "fingerprint", "content",
            "created_at",
        ),
    ),
    "purchases": LoggedTable(
        20,
        (
            "date", "supplier_id", "supplier_name", "document", "comment", "delivery_cost",
            "created_at", "updated_at",
        ),
    ),
    "purchase_lines": LoggedTable(
        21,
        ("purchase_id", "position", "product_id", "quantity", "unit_cost", "delivery_share"),
    ),
    "stock_adjustments": LoggedTable(
        22, ("date", "product_id", "kind", "quantity", "reason", "created_at")
    ),
    "expenses": LoggedTable(
        23, ("date", "amount", "category", "channel_id", "comment", "created_at")
    ),
}  # fmt: skip
TABLE_NAMES: dict[int, str] = {spec.code: name for name, spec in LOGGED_TABLES.items()}

# The columns each logged table leaves out, kept current by triggers or re-costing, and the
# edit counters (`version`), which every write of a card moves on, undo's too (services/undoing.py).
DERIVED_COLUMNS: dict[str, tuple[str, ...]] = {
    "contacts": ("version",),
    "orders": (
        "amount", "cost", "profit", "line_count", "units", "first_ship_date", "last_ship_date",
        "paid", "version",
    ),
    "shipments": ("fifo_start", "cost_remainder"),
    "stock_adjustments": ("fifo_start",),
}  # fmt: skip

# The tables left out of the log whole: derived data, which follows the logged rows through
# its own triggers and recomputations, undo or not (tests/test_history.py checks that every
# table is logged, derived, the log's own or the settings).
DERIVED_TABLES: tuple[str, ...] = (
    "contact_lifecycle", "lifecycle_dirty", "cost_splits", "stock_dirty",
    "order_contact_totals", "order_month_totals",
)  # fmt: skip

# Logged columns that the FIFO re-costing also writes, with the log paused: a FIFO-costed line's
# unit cost. What an entry left in them may have moved since without a later entry, so undo does
# not take a difference there for a change made outside the history.
RECOSTED_COLUMNS: dict[str, tuple[str, ...]] = {"shipments": ("unit_cost",)}

# True in a trigger's WHEN while an entry is open and the log is not paused.
LOGGING = "EXISTS (SELECT 1 FROM change_open WHERE paused = 0)"
# True while undo plays rows back: the triggers that write a change's consequences hold off.
NOT_REPLAYING = "NOT EXISTS (SELECT 1 FROM change_open WHERE replay = 1)"


def without_replay(sql: str) -> str:
    """A trigger as it was before undo could replay rows (migrations up to 0008)."""
    return sql.replace(f" AND {NOT_REPLAYING}", "").replace(f" WHEN {NOT_REPLAYING}", "")


_SEQ = "(SELECT COALESCE(MAX(seq), 0) + 1 FROM change_rows WHERE change_id = change_open.id)"
_ROW = "INSERT INTO change_rows (change_id, seq, tbl, row, op, old, new) SELECT change_open.id, "


def _pairs(ref: str, columns: tuple[str, ...]) -> str:
    return ", ".join(f"'{column}', {ref}.{column}" for column in columns)


def log_triggers(table: str) -> dict[str, str]:
    """The three triggers that log `table`'s inserts, updates and deletes."""
    spec = LOGGED_TABLES[table]
    columns = spec.columns
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns)
    each = " UNION ALL ".join(
        f"SELECT '{c}' AS k, OLD.{c} AS o, NEW.{c} AS n WHERE OLD.{c} IS NOT NEW.{c}"
        for c in columns
    )
    return {
        f"trg_log_{table}_insert": (
            f"CREATE TRIGGER trg_log_{table}_insert AFTER INSERT ON {table} WHEN {LOGGING}"
            f" BEGIN {_ROW}{_SEQ}, {spec.code}, NEW.rowid, 'i', NULL, NULL FROM change_open;"
            " END"
        ),
        f"trg_log_{table}_update": (
            f"CREATE TRIGGER trg_log_{table}_update AFTER UPDATE OF {', '.join(columns)}"
            f" ON {table} WHEN ({changed}) AND {LOGGING}"
            f" BEGIN {_ROW}{_SEQ}, {spec.code}, NEW.rowid, 'u',"
            f" (SELECT json_group_object(k, o) FROM ({each})),"
            f" (SELECT json_group_object(k, n) FROM ({each})) FROM change_open; END"
        ),
        f"trg_log_{table}_delete": (
            f"CREATE TRIGGER trg_log_{table}_delete AFTER DELETE ON {table} WHEN {LOGGING}"
            f" BEGIN {_ROW}{_SEQ}, {spec.code}, OLD.rowid, 'd',"
            f" json_object({_pairs('OLD', columns)}), NULL FROM change_open; END"
        ),
    }


# On PostgreSQL a row is named by its key (SQLite's rowid is that key, or an alias of it): `id`,
# or the parent's id for a table keyed by it (a contact's reminders, an order's follow-up);
# contact_tags, keyed by its pair, gets a `rowid` of its own there (SQLite's is implicit), so
# that the log and undo name its rows the same way (tests/test_history.py checks the keys).
ROW_KEYS: dict[str, str] = {
    "contact_tags": "rowid",
    "contact_reminders": "contact_id",
    "follow_ups": "order_id",
}
PG_ROWID = (
    "ALTER TABLE contact_tags ADD COLUMN rowid bigint GENERATED BY DEFAULT AS IDENTITY"
    " CONSTRAINT uq_contact_tags_rowid UNIQUE"
)


def row_key(table: str, dialect: str) -> str:
    """The column that names a logged row of `table` in the log, on `dialect`."""
    return "rowid" if dialect == "sqlite" else ROW_KEYS.get(table, "id")


def log_triggers_postgres(table: str) -> dict[str, tuple[str, ...]]:
    """log_triggers' three for PostgreSQL, as its functions and triggers: the same rows, each
    value as JSON the way SQLite writes it (lavka_json: a boolean as 0 or 1)."""
    spec = LOGGED_TABLES[table]
    columns, key = spec.columns, row_key(table, "postgresql")
    changed = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in columns)
    each = " UNION ALL ".join(
        f"SELECT '{c}' AS k, lavka_json(OLD.{c}) AS o, lavka_json(NEW.{c}) AS n"
        f" WHERE OLD.{c} IS DISTINCT FROM NEW.{c}"
        for c in columns
    )
    pairs = ", ".join(f"'{c}', lavka_json(OLD.{c})" for c in columns)
    rows = {
        "insert": ("INSERT", f"NEW.{key}, 'i', NULL, NULL", "true"),
        "update": (
            f"UPDATE OF {', '.join(columns)}",
            f"NEW.{key}, 'u', (SELECT jsonb_object_agg(k, o)::text FROM ({each}) AS c),"
            f" (SELECT jsonb_object_agg(k, n)::text FROM ({each}) AS c)",
            changed,
        ),
        "delete": ("DELETE", f"OLD.{key}, 'd', jsonb_build_object({pairs})::text, NULL", "true"),
    }
    made: dict[str, tuple[str, ...]] = {}
    for op, (when, values, condition) in rows.items():
        name = f"trg_log_{table}_{op}"
        made[name] = (
            f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            f" IF ({condition}) AND {LOGGING} THEN {_ROW}{_SEQ}, {spec.code}, {values}"
            " FROM change_open; END IF; RETURN NULL; END $$",
            f"CREATE TRIGGER {name} AFTER {when} ON {table} FOR EACH ROW EXECUTE FUNCTION {name}()",
        )
    return made


LOG_TRIGGERS: dict[str, str] = {
    name: sql for table in LOGGED_TABLES for name, sql in log_triggers(table).items()
}

# After every table exists (they are created with the schema, after the tables they log).
on_dialect(Base.metadata, PG_ROWID, "postgresql")
for _table in LOGGED_TABLES:
    _postgres = log_triggers_postgres(_table)
    for _name, _sql in log_triggers(_table).items():
        on_create(Base.metadata, _sql, _postgres[_name])
