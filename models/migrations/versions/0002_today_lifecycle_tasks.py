"""Today: tasks, contact notes, follow-ups, reminders, the lifecycle cache, order ship dates.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30 23:49:49.577838

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies of models/triggers.py as of this revision (a migration must not change when
# the models do later); tests/test_storage.py checks that created and migrated schemas agree.
_RECOMPUTE = """
UPDATE orders SET (amount, cost, profit, line_count, units, first_ship_date, last_ship_date) = (
    SELECT COALESCE(SUM(quantity * unit_price), 0),
           COALESCE(SUM(quantity * unit_cost), 0),
           COALESCE(SUM(quantity * (unit_price - unit_cost)), 0),
           COUNT(*),
           COALESCE(SUM(quantity), 0),
           MIN(date),
           MAX(date)
    FROM shipments WHERE order_id = {ref}.order_id
) WHERE id = {ref}.order_id;
"""
TOTALS = {
    "trg_shipments_totals_insert": (
        "CREATE TRIGGER trg_shipments_totals_insert AFTER INSERT ON shipments BEGIN"
        + _RECOMPUTE.format(ref="NEW")
        + "END"
    ),
    "trg_shipments_totals_update": (
        "CREATE TRIGGER trg_shipments_totals_update"
        " AFTER UPDATE OF order_id, date, quantity, unit_price, unit_cost ON shipments BEGIN"
        + _RECOMPUTE.format(ref="NEW")
        + _RECOMPUTE.format(ref="OLD")
        + "END"
    ),
    "trg_shipments_totals_delete": (
        "CREATE TRIGGER trg_shipments_totals_delete AFTER DELETE ON shipments BEGIN"
        + _RECOMPUTE.format(ref="OLD")
        + "END"
    ),
}
_MARK = "INSERT OR IGNORE INTO lifecycle_dirty (contact_id) VALUES ({ref}.contact_id);"
LIFECYCLE = {
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
    "trg_order_statuses_lifecycle": (
        "CREATE TRIGGER trg_order_statuses_lifecycle AFTER UPDATE OF role ON order_statuses"
        " WHEN NEW.role IS NOT OLD.role BEGIN"
        " INSERT OR IGNORE INTO lifecycle_dirty (contact_id)"
        " SELECT DISTINCT contact_id FROM orders WHERE status_id = NEW.id; END"
    ),
}
# The totals triggers of revision 0001, put back by the downgrade.
_RECOMPUTE_0001 = """
UPDATE orders SET (amount, cost, profit, line_count, units) = (
    SELECT COALESCE(SUM(quantity * unit_price), 0),
           COALESCE(SUM(quantity * unit_cost), 0),
           COALESCE(SUM(quantity * (unit_price - unit_cost)), 0),
           COUNT(*),
           COALESCE(SUM(quantity), 0)
    FROM shipments WHERE order_id = {ref}.order_id
) WHERE id = {ref}.order_id;
"""
TOTALS_0001 = {
    "trg_shipments_totals_insert": (
        "CREATE TRIGGER trg_shipments_totals_insert AFTER INSERT ON shipments BEGIN"
        + _RECOMPUTE_0001.format(ref="NEW")
        + "END"
    ),
    "trg_shipments_totals_update": (
        "CREATE TRIGGER trg_shipments_totals_update"
        " AFTER UPDATE OF order_id, quantity, unit_price, unit_cost ON shipments BEGIN"
        + _RECOMPUTE_0001.format(ref="NEW")
        + _RECOMPUTE_0001.format(ref="OLD")
        + "END"
    ),
    "trg_shipments_totals_delete": (
        "CREATE TRIGGER trg_shipments_totals_delete AFTER DELETE ON shipments BEGIN"
        + _RECOMPUTE_0001.format(ref="OLD")
        + "END"
    ),
}


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "lifecycle_dirty",
        sa.Column("contact_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("contact_id", name=op.f("pk_lifecycle_dirty")),
    )
    op.create_table(
        "contact_lifecycle",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("purchases", sa.Integer(), nullable=False),
        sa.Column("first_purchase", sa.Date(), nullable=False),
        sa.Column("last_purchase", sa.Date(), nullable=False),
        sa.Column("cadence_halves", sa.Integer(), nullable=False),
        sa.Column("awake_segment", sa.String(length=10), nullable=False),
        sa.Column("reorder_from", sa.Date(), nullable=False),
        sa.Column("asleep_from", sa.Date(), nullable=False),
        sa.Column("long_asleep_from", sa.Date(), nullable=False),
        sa.CheckConstraint(
            "awake_segment IN ('new', 'regular', 'woken')",
            name=op.f("ck_contact_lifecycle_awake_segment_known"),
        ),
        sa.CheckConstraint(
            "purchases >= 1 AND cadence_halves >= 2",
            name=op.f("ck_contact_lifecycle_counts_positive"),
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_contact_lifecycle_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("contact_id", name=op.f("pk_contact_lifecycle")),
    )
    op.create_table(
        "contact_reminders",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("snoozed_until", sa.Date(), nullable=True),
        sa.Column("not_interested_through", sa.Date(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_contact_reminders_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("contact_id", name=op.f("pk_contact_reminders")),
    )
    op.create_table(
        "contact_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("length(trim(text)) > 0", name=op.f("ck_contact_notes_text_not_blank")),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_contact_notes_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["orders.id"],
            name=op.f("fk_contact_notes_order_id_orders"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_notes")),
    )
    op.create_index(
        "ix_contact_notes_contact_id_day", "contact_notes", ["contact_id", "day"], unique=False
    )
    op.create_index(op.f("ix_contact_notes_order_id"), "contact_notes", ["order_id"], unique=False)
    op.create_table(
        "follow_ups",
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("resolved_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("state IN ('done', 'dismissed')", name=op.f("ck_follow_ups_state")),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["orders.id"],
            name=op.f("fk_follow_ups_order_id_orders"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("order_id", name=op.f("pk_follow_ups")),
    )
    op.create_table(
        "tasks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("due_time", sa.Time(), nullable=True),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("order_id", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "length(trim(title)) BETWEEN 1 AND 200", name=op.f("ck_tasks_title_length")
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_tasks_contact_id_contacts"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_tasks_order_id_orders"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tasks")),
    )
    op.create_index(op.f("ix_tasks_contact_id"), "tasks", ["contact_id"], unique=False)
    op.create_index("ix_tasks_open_due", "tasks", ["done", "due_date"], unique=False)
    op.create_index(op.f("ix_tasks_order_id"), "tasks", ["order_id"], unique=False)

    # Plain ALTER TABLE, never batch mode: a rebuilt orders table would lose its triggers.
    op.add_column("orders", sa.Column("first_ship_date", sa.Date(), nullable=True))
    op.add_column("orders", sa.Column("last_ship_date", sa.Date(), nullable=True))
    op.execute(
        "UPDATE orders SET (first_ship_date, last_ship_date) = (t.first, t.last)"
        " FROM (SELECT order_id, MIN(date) AS first, MAX(date) AS last FROM shipments"
        " GROUP BY order_id) AS t WHERE orders.id = t.order_id"
    )
    op.drop_index("ix_orders_contact_id_date", table_name="orders")
    op.create_index("ix_orders_first_ship_date", "orders", ["first_ship_date"], unique=False)
    op.create_index("ix_orders_last_ship_date", "orders", ["last_ship_date"], unique=False)
    op.create_index(
        "ix_orders_purchases",
        "orders",
        ["contact_id", "date", "status_id", "first_ship_date"],
        unique=False,
    )
    for name, sql in TOTALS.items():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(sql)
    for sql in LIFECYCLE.values():
        op.execute(sql)


def downgrade() -> None:
    """Downgrade schema."""
    for name in LIFECYCLE:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for name, sql in TOTALS_0001.items():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(sql)
    op.drop_index("ix_orders_purchases", table_name="orders")
    op.drop_index("ix_orders_last_ship_date", table_name="orders")
    op.drop_index("ix_orders_first_ship_date", table_name="orders")
    op.create_index("ix_orders_contact_id_date", "orders", ["contact_id", "date"], unique=False)
    op.drop_column("orders", "last_ship_date")
    op.drop_column("orders", "first_ship_date")

    op.drop_index(op.f("ix_tasks_order_id"), table_name="tasks")
    op.drop_index("ix_tasks_open_due", table_name="tasks")
    op.drop_index(op.f("ix_tasks_contact_id"), table_name="tasks")
    op.drop_table("tasks")
    op.drop_table("follow_ups")
    op.drop_index(op.f("ix_contact_notes_order_id"), table_name="contact_notes")
    op.drop_index("ix_contact_notes_contact_id_day", table_name="contact_notes")
    op.drop_table("contact_notes")
    op.drop_table("contact_reminders")
    op.drop_table("contact_lifecycle")
    op.drop_table("lifecycle_dirty")
