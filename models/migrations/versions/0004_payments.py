"""Payments: an order's payments and paid total, its due date, a contact's payment terms.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 12:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copy of models/triggers.py PAYMENT_TRIGGERS as of this revision (a migration must not
# change when the models do later); tests/test_storage.py checks that both schemas agree.
_PAID = (
    "\nUPDATE orders SET paid = (SELECT COALESCE(SUM(amount), 0) FROM payments"
    " WHERE order_id = {ref}.order_id) WHERE id = {ref}.order_id;\n"
)
PAID = {
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


def upgrade() -> None:
    """Upgrade schema. Existing orders have no payments (paid 0) and no own due date;
    existing contacts get payment terms of 0 days."""
    # Plain ADD COLUMN (SQLite has it), not a batch copy of the table: a copy would lose the
    # expression index and the triggers on orders.
    op.add_column(
        "contacts",
        sa.Column("payment_terms_days", sa.Integer(), server_default="0", nullable=False),
    )
    op.add_column("orders", sa.Column("paid", sa.Integer(), server_default="0", nullable=False))
    op.add_column("orders", sa.Column("payment_due", sa.Date(), nullable=True))
    op.create_index(
        "ix_orders_owing",
        "orders",
        ["contact_id", "status_id", "date", "payment_due", "amount", "paid"],
        unique=False,
        sqlite_where=sa.text("amount > paid"),
    )
    op.create_table(
        "payments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(length=10), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("amount > 0", name=op.f("ck_payments_amount_positive")),
        sa.CheckConstraint(
            "method IN ('cash', 'card', 'transfer', 'other')",
            name=op.f("ck_payments_method_known"),
        ),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["orders.id"],
            name=op.f("fk_payments_order_id_orders"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payments")),
    )
    op.create_index("ix_payments_order_id", "payments", ["order_id"], unique=False)
    # The orders of a database that already had some were settled as its owner knew; money is
    # owed only for orders dated from the upgrade on (services/payments.py, PAYMENTS_SINCE).
    op.execute(
        "INSERT INTO settings (key, value) SELECT 'payments_since', date('now', 'localtime') "
        "WHERE EXISTS (SELECT 1 FROM orders)"
    )
    for sql in PAID.values():
        op.execute(sql)


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("DELETE FROM settings WHERE key = 'payments_since'")
    for name in PAID:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index("ix_payments_order_id", table_name="payments")
    op.drop_table("payments")
    op.drop_index("ix_orders_owing", table_name="orders", sqlite_where=sa.text("amount > paid"))
    op.drop_column("orders", "payment_due")
    op.drop_column("orders", "paid")
    op.drop_column("contacts", "payment_terms_days")
