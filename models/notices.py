"""Notices of changes, for the other people working in a shared PostgreSQL database: after
each statement that changes a table people see, the server is told NOTIFY CHANNEL with the
table's name. PostgreSQL delivers notices when the transaction commits (a rolled-back save
tells nobody), once per name, to every connection that LISTENs; a window does
(ui/server/live.py) and reads its sections again. A file has one user: nothing on SQLite.
"""

from __future__ import annotations

from models.base import Base
from models.postgres import on_dialect

CHANNEL = "lavka_changes"
# What someone else's window shows; the derived tables (totals, purchase histories, the
# search index, the change log) change with these, in the same transactions.
NOTIFIED = (
    "contacts", "contact_phones", "contact_emails", "contact_notes", "contact_tags",
    "contact_reminders", "tags", "tasks", "follow_ups", "orders", "shipments", "payments",
    "documents", "products", "purchases", "purchase_lines", "stock_adjustments", "expenses",
    "order_statuses", "channels", "loss_reasons",
)  # fmt: skip
FUNCTION = "lavka_notify"


def statements() -> list[str]:
    """The function and one statement-level trigger per table."""
    return [
        f"CREATE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$"
        f" BEGIN PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME); RETURN NULL; END $$",
        *(
            f"CREATE TRIGGER {FUNCTION}_{table} AFTER INSERT OR UPDATE OR DELETE ON {table}"
            f" FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTION}()"
            for table in NOTIFIED
        ),
    ]


# The function, and its triggers with it.
DROP = f"DROP FUNCTION IF EXISTS {FUNCTION}() CASCADE"


for _sql in statements():
    on_dialect(Base.metadata, _sql, "postgresql")
