"""Triggers, in SQLite's words (models/postgres.py says them for PostgreSQL): each order's line
totals and ship dates follow its shipments, and every change that can move a customer's
purchase history marks the contact for recomputing."""

from __future__ import annotations

from models.base import Base
from models.entities import Payment, Shipment
from models.formulas import LINE_AMOUNT_SQL, LINE_COST_SQL, LINE_PROFIT_SQL
from models.history import NOT_REPLAYING
from models.postgres import on_create

# Recomputing from the order's own lines (an indexed lookup) rather than adding deltas means
# a total can never drift, whatever sequence of writes happened. The line formula is
# models/formulas.py's (the text of these triggers is what migrations froze: it must not move).
_TOTALS = f"""(
    SELECT COALESCE(SUM({LINE_AMOUNT_SQL}), 0),
           COALESCE(SUM({LINE_COST_SQL}), 0),
           COALESCE(SUM({LINE_PROFIT_SQL}), 0),
           COUNT(*),
           COALESCE(SUM(quantity), 0),
           MIN(date),
           MAX(date)
    FROM shipments WHERE order_id = {{order}}
)"""
_SET = (
    "UPDATE orders SET "
    "(amount, cost, profit, line_count, units, first_ship_date, last_ship_date) = "
)
_RECOMPUTE = "\n" + _SET + _TOTALS.format(order="{ref}.order_id") + " WHERE id = {ref}.order_id;\n"


def recompute_totals(where: str) -> str:
    """The statement the triggers run for one order, for every order matching `where` (an
    SQL condition on orders): for writers that insert many lines with the insert triggers
    set aside (see BULK_INSERT_TRIGGERS)."""
    return _SET + _TOTALS.format(order="orders.id") + f" WHERE {where}"


TRIGGERS: dict[str, str] = {
    "trg_shipments_totals_insert": (
        "CREATE TRIGGER trg_shipments_totals_insert AFTER INSERT ON shipments BEGIN"
        + _RECOMPUTE.format(ref="NEW")
        + "END"
    ),
    "trg_shipments_totals_update": (
        "CREATE TRIGGER trg_shipments_totals_update"
        " AFTER UPDATE OF order_id, date, quantity, unit_price, unit_cost, cost_remainder"
        " ON shipments BEGIN" + _RECOMPUTE.format(ref="NEW") + _RECOMPUTE.format(ref="OLD") + "END"
    ),
    "trg_shipments_totals_delete": (
        "CREATE TRIGGER trg_shipments_totals_delete AFTER DELETE ON shipments BEGIN"
        + _RECOMPUTE.format(ref="OLD")
        + "END"
    ),
}

# An order's paid total follows its payments, recomputed from them as the totals are.
_PAID_SUM = "(SELECT COALESCE(SUM(amount), 0) FROM payments WHERE order_id = {order})"
_PAID = (
    "\nUPDATE orders SET paid = "
    + _PAID_SUM.format(order="{ref}.order_id")
    + " WHERE id = {ref}.order_id;\n"
)


def recompute_paid(where: str) -> str:
    """The paid total the payment triggers keep, for every order matching `where`."""
    return "UPDATE orders SET paid = " + _PAID_SUM.format(order="orders.id") + f" WHERE {where}"


PAYMENT_TRIGGERS: dict[str, str] = {
    "trg_payments_paid_insert": (
        "CREATE TRIGGER trg_payments_paid_insert AFTER INSERT ON payments BEGIN"
        + _PAID.format(ref="NEW")
        + "END"
    ),
    "trg_payments_paid_update": (
        "CREATE TRIGGER trg_payments_paid_update"
        " AFTER UPDATE OF order_id, amount ON payments BEGIN"
        + _PAID.format(ref="NEW")
        + _PAID.format(ref="OLD")
        + "END"
    ),
    "trg_payments_paid_delete": (
        "CREATE TRIGGER trg_payments_paid_delete AFTER DELETE ON payments BEGIN"
        + _PAID.format(ref="OLD")
        + "END"
    ),
}

# A purchase is an order's date, once the order is in sales (not lost) and its first line is
# shipped: so its contact, date, status and first ship date are what a history is made of.
_MARK = "INSERT OR IGNORE INTO lifecycle_dirty (contact_id) VALUES ({ref}.contact_id);"
LIFECYCLE_TRIGGERS: dict[str, str] = {
    "trg_orders_lifecycle_insert": (
        "CREATE TRIGGER trg_orders_lifecycle_insert AFTER INSERT ON orders BEGIN "
        + _MARK.format(ref="NEW")
        + " END"
    ),
    "trg_orders_lifecycle_update": (
        "CREATE TRIGGER trg_orders_lifecycle_update"
        " AFTER UPDATE OF contact_id, date, status_id, first_ship_date ON orders"
        " WHEN NEW.contact_id IS NOT OLD.contact_id OR NEW.date IS NOT OLD.date"
        " OR NEW.status_id IS NOT OLD.status_id"
        " OR NEW.first_ship_date IS NOT OLD.first_ship_date BEGIN "
        + _MARK.format(ref="NEW")
        + " "
        + _MARK.format(ref="OLD")
        + " END"
    ),
    "trg_orders_lifecycle_delete": (
        "CREATE TRIGGER trg_orders_lifecycle_delete AFTER DELETE ON orders BEGIN "
        + _MARK.format(ref="OLD")
        + " END"
    ),
    # A status that becomes (or stops being) lost moves every order in it in or out of sales.
    "trg_order_statuses_lifecycle": (
        "CREATE TRIGGER trg_order_statuses_lifecycle AFTER UPDATE OF role ON order_statuses"
        " WHEN NEW.role IS NOT OLD.role BEGIN"
        " INSERT OR IGNORE INTO lifecycle_dirty (contact_id)"
        " SELECT DISTINCT contact_id FROM orders WHERE status_id = NEW.id; END"
    ),
}

# Each status an order enters is written down (models/stages.py): the one it is created in, on
# its date, and each later one on the day of the move.
_STAGE = (
    "INSERT INTO order_stages (order_id, status_id, entered_on)"
    " VALUES (NEW.id, NEW.status_id, {day});"
)
STAGE_INSERT = (
    "INSERT INTO order_stages (order_id, status_id, entered_on) SELECT id, status_id, date"
    " FROM orders"
)
STAGE_TRIGGERS: dict[str, str] = {
    "trg_orders_stage_insert": (
        f"CREATE TRIGGER trg_orders_stage_insert AFTER INSERT ON orders WHEN {NOT_REPLAYING} BEGIN "
        + _STAGE.format(day="NEW.date")
        + " END"
    ),
    "trg_orders_stage_update": (
        "CREATE TRIGGER trg_orders_stage_update AFTER UPDATE OF status_id ON orders"
        f" WHEN NEW.status_id IS NOT OLD.status_id AND {NOT_REPLAYING} BEGIN "
        + _STAGE.format(day="date('now', 'localtime')")
        + " END"
    ),
}

# A company's people and who ordered are contacts' ids kept like foreign keys (ON DELETE SET
# NULL): a removed contact leaves no one pointing at it, and no row may name one that is not.
_MISSING = "SELECT RAISE(ABORT, '{what} does not exist') WHERE NOT EXISTS"
# (table, column) → what its contact is, in the trigger's refusal
CONTACT_REFERENCES = {("contacts", "company_id"): "company", ("orders", "person_id"): "who ordered"}
PEOPLE_TRIGGERS: dict[str, str] = {
    "trg_contacts_forget_deleted": (
        "CREATE TRIGGER trg_contacts_forget_deleted AFTER DELETE ON contacts"
        f" WHEN {NOT_REPLAYING} BEGIN"
        " UPDATE contacts SET company_id = NULL WHERE company_id = OLD.id;"
        " UPDATE orders SET person_id = NULL WHERE person_id = OLD.id; END"
    ),
    **{
        f"trg_{table}_{column}_exists_{event}": (
            f"CREATE TRIGGER trg_{table}_{column}_exists_{event} BEFORE {when} ON {table}"
            f" WHEN NEW.{column} IS NOT NULL AND {NOT_REPLAYING} BEGIN "
            + _MISSING.format(what=what)
            + f" (SELECT 1 FROM contacts WHERE id = NEW.{column}); END"
        )
        for (table, column), what in CONTACT_REFERENCES.items()
        for event, when in (("insert", "INSERT"), ("update", f"UPDATE OF {column}"))
    },
}

# A change that can move a product's FIFO sequence (models/stock.py) writes the product and
# the earliest day it touches into stock_dirty; services/costing.py recomputes from there
# before the transaction commits. A purchase's batches are marked by services/purchases.py,
# which knows which consumers a batch can reach.
_DIRTY = (
    "INSERT OR IGNORE INTO stock_dirty (product_id, since) VALUES ({ref}.product_id, {ref}.date);"
)
_DIRTY_ORDER = (
    "INSERT OR IGNORE INTO stock_dirty (product_id, since)"
    " SELECT product_id, MIN(date) FROM shipments WHERE order_id = NEW.id GROUP BY product_id;"
)
STOCK_TRIGGERS: dict[str, str] = {
    "trg_shipments_stock_insert": (
        "CREATE TRIGGER trg_shipments_stock_insert AFTER INSERT ON shipments BEGIN "
        + _DIRTY.format(ref="NEW")
        + " END"
    ),
    "trg_shipments_stock_update": (
        "CREATE TRIGGER trg_shipments_stock_update"
        " AFTER UPDATE OF order_id, date, product_id, quantity ON shipments BEGIN "
        + _DIRTY.format(ref="NEW")
        + " "
        + _DIRTY.format(ref="OLD")
        + " END"
    ),
    "trg_shipments_stock_delete": (
        "CREATE TRIGGER trg_shipments_stock_delete AFTER DELETE ON shipments BEGIN "
        + _DIRTY.format(ref="OLD")
        + " END"
    ),
    # An order that becomes (or stops being) lost stops (or starts) taking goods.
    "trg_orders_stock_status": (
        "CREATE TRIGGER trg_orders_stock_status AFTER UPDATE OF status_id ON orders"
        " WHEN NEW.status_id IS NOT OLD.status_id BEGIN " + _DIRTY_ORDER + " END"
    ),
    "trg_order_statuses_stock": (
        "CREATE TRIGGER trg_order_statuses_stock AFTER UPDATE OF role ON order_statuses"
        " WHEN NEW.role IS NOT OLD.role BEGIN"
        " INSERT OR IGNORE INTO stock_dirty (product_id, since)"
        " SELECT s.product_id, MIN(s.date) FROM shipments AS s JOIN orders AS o"
        " ON o.id = s.order_id WHERE o.status_id = NEW.id GROUP BY s.product_id; END"
    ),
    "trg_stock_adjustments_insert": (
        "CREATE TRIGGER trg_stock_adjustments_insert AFTER INSERT ON stock_adjustments BEGIN "
        + _DIRTY.format(ref="NEW")
        + " END"
    ),
    "trg_stock_adjustments_update": (
        "CREATE TRIGGER trg_stock_adjustments_update"
        " AFTER UPDATE OF date, product_id, quantity ON stock_adjustments BEGIN "
        + _DIRTY.format(ref="NEW")
        + " "
        + _DIRTY.format(ref="OLD")
        + " END"
    ),
    "trg_stock_adjustments_delete": (
        "CREATE TRIGGER trg_stock_adjustments_delete AFTER DELETE ON stock_adjustments BEGIN "
        + _DIRTY.format(ref="OLD")
        + " END"
    ),
}

# The per-row insert triggers a bulk writer may drop and recreate within its transaction, as
# long as it then runs recompute_totals, marks the contacts of the orders it wrote and writes
# their first stage (STAGE_INSERT).
BULK_INSERT_TRIGGERS = (
    "trg_shipments_totals_insert",
    "trg_orders_lifecycle_insert",
    "trg_orders_stage_insert",
)

for _sql in TRIGGERS.values():
    on_create(Shipment.__table__, _sql)
for _sql in PAYMENT_TRIGGERS.values():
    on_create(Payment.__table__, _sql)
# After every table exists: these write into lifecycle_dirty from orders and statuses.
for _sql in (
    *LIFECYCLE_TRIGGERS.values(),
    *STAGE_TRIGGERS.values(),
    *PEOPLE_TRIGGERS.values(),
    *STOCK_TRIGGERS.values(),
):
    on_create(Base.metadata, _sql)
