"""Stock and expenses: purchases with their batches, stock adjustments, the FIFO cost split of
each shipped line, expenses; a product's minimum stock and a line's place in its product's
sequence.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 18:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from models.triggers import STOCK_TRIGGERS
from models.triggers import TRIGGERS as TOTALS_TRIGGERS
from models.types import Money

# revision identifiers, used by Alembic.
revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The trigger texts come from models/triggers.py as of this revision; a later change to them
# comes with a migration of its own that recreates them.
TRIGGERS = STOCK_TRIGGERS


def _without_remainder(sql: str) -> str:
    """An order-total trigger as it was before lines had a cost remainder (0002)."""
    for term in (" + cost_remainder", " - cost_remainder"):
        sql = sql.replace(term, "")
    return sql.replace(", cost_remainder ON", " ON")


def upgrade() -> None:
    """Upgrade schema: empty tables (every existing line keeps its typed cost)."""
    op.add_column("products", sa.Column("min_stock", sa.Integer(), nullable=True))
    op.add_column("shipments", sa.Column("fifo_start", sa.Integer(), nullable=True))
    op.add_column(
        "shipments",
        sa.Column("cost_remainder", sa.Integer(), server_default="0", nullable=False),
    )
    # A line's cost is now quantity × unit cost + its remainder: the order totals follow.
    for name, sql in TOTALS_TRIGGERS.items():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(sql)
    op.create_index(
        "ix_shipments_stock",
        "shipments",
        ["product_id", "date", "fifo_start", "quantity"],
        unique=False,
    )
    op.create_table(
        "purchases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=True),
        sa.Column("supplier_name", sa.String(length=200), nullable=True),
        sa.Column("document", sa.String(length=100), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("delivery_cost", Money(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "delivery_cost >= 0", name=op.f("ck_purchases_delivery_cost_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["supplier_id"],
            ["contacts.id"],
            name=op.f("fk_purchases_supplier_id_contacts"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_purchases")),
    )
    op.create_index("ix_purchases_date", "purchases", ["date"], unique=False)
    op.create_index(op.f("ix_purchases_supplier_id"), "purchases", ["supplier_id"], unique=False)
    op.create_table(
        "purchase_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("purchase_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_cost", Money(), nullable=False),
        sa.Column("delivery_share", Money(), nullable=False),
        sa.CheckConstraint("quantity >= 1", name=op.f("ck_purchase_lines_quantity_positive")),
        sa.CheckConstraint("unit_cost >= 0", name=op.f("ck_purchase_lines_unit_cost_not_negative")),
        sa.CheckConstraint(
            "delivery_share >= 0", name=op.f("ck_purchase_lines_delivery_share_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["purchase_id"],
            ["purchases.id"],
            name=op.f("fk_purchase_lines_purchase_id_purchases"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_purchase_lines_product_id_products"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_purchase_lines")),
    )
    op.create_index("ix_purchase_lines_purchase", "purchase_lines", ["purchase_id"])
    op.create_index("ix_purchase_lines_product", "purchase_lines", ["product_id"])
    op.create_table(
        "stock_adjustments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("fifo_start", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("quantity != 0", name=op.f("ck_stock_adjustments_quantity_not_zero")),
        sa.CheckConstraint(
            "kind IN ('count', 'write_off')", name=op.f("ck_stock_adjustments_kind_known")
        ),
        sa.CheckConstraint(
            "kind != 'write_off' OR quantity < 0",
            name=op.f("ck_stock_adjustments_write_off_takes"),
        ),
        sa.CheckConstraint(
            "length(trim(reason)) > 0", name=op.f("ck_stock_adjustments_reason_not_blank")
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_stock_adjustments_product_id_products"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_adjustments")),
    )
    op.create_index("ix_stock_adjustments_product", "stock_adjustments", ["product_id", "date"])
    op.create_table(
        "cost_splits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shipment_id", sa.Integer(), nullable=True),
        sa.Column("adjustment_id", sa.Integer(), nullable=True),
        sa.Column("purchase_line_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("cost", Money(), nullable=False),
        sa.Column("beyond_stock", sa.Boolean(), nullable=False),
        sa.CheckConstraint("quantity >= 1", name=op.f("ck_cost_splits_quantity_positive")),
        sa.CheckConstraint(
            "(shipment_id IS NULL) != (adjustment_id IS NULL)",
            name=op.f("ck_cost_splits_one_consumer"),
        ),
        sa.ForeignKeyConstraint(
            ["shipment_id"],
            ["shipments.id"],
            name=op.f("fk_cost_splits_shipment_id_shipments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["adjustment_id"],
            ["stock_adjustments.id"],
            name=op.f("fk_cost_splits_adjustment_id_stock_adjustments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["purchase_line_id"],
            ["purchase_lines.id"],
            name=op.f("fk_cost_splits_purchase_line_id_purchase_lines"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cost_splits")),
    )
    op.create_index("ix_cost_splits_shipment", "cost_splits", ["shipment_id"])
    op.create_index("ix_cost_splits_adjustment", "cost_splits", ["adjustment_id"])
    op.create_index("ix_cost_splits_batch", "cost_splits", ["purchase_line_id"])
    op.create_table(
        "stock_dirty",
        sa.Column("product_id", sa.Integer(), nullable=False, autoincrement=False),
        sa.Column("since", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("product_id", "since", name=op.f("pk_stock_dirty")),
    )
    op.create_table(
        "expenses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("amount", Money(), nullable=False),
        sa.Column("category", sa.String(length=10), nullable=False),
        sa.Column("channel_id", sa.Integer(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("amount > 0", name=op.f("ck_expenses_amount_positive")),
        sa.CheckConstraint(
            "category IN ('ads', 'delivery', 'packaging', 'fees', 'other')",
            name=op.f("ck_expenses_category_known"),
        ),
        sa.ForeignKeyConstraint(
            ["channel_id"],
            ["channels.id"],
            name=op.f("fk_expenses_channel_id_channels"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_expenses")),
    )
    op.create_index("ix_expenses_date", "expenses", ["date", "category", "channel_id"])
    op.create_index(op.f("ix_expenses_channel_id"), "expenses", ["channel_id"], unique=False)
    for sql in TRIGGERS.values():
        op.execute(sql)


def downgrade() -> None:
    """Downgrade schema."""
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index(op.f("ix_expenses_channel_id"), table_name="expenses")
    op.drop_index("ix_expenses_date", table_name="expenses")
    op.drop_table("expenses")
    op.drop_table("stock_dirty")
    for name in ("ix_cost_splits_batch", "ix_cost_splits_adjustment", "ix_cost_splits_shipment"):
        op.drop_index(name, table_name="cost_splits")
    op.drop_table("cost_splits")
    op.drop_index("ix_stock_adjustments_product", table_name="stock_adjustments")
    op.drop_table("stock_adjustments")
    op.drop_index("ix_purchase_lines_product", table_name="purchase_lines")
    op.drop_index("ix_purchase_lines_purchase", table_name="purchase_lines")
    op.drop_table("purchase_lines")
    op.drop_index(op.f("ix_purchases_supplier_id"), table_name="purchases")
    op.drop_index("ix_purchases_date", table_name="purchases")
    op.drop_table("purchases")
    op.drop_index("ix_shipments_stock", table_name="shipments")
    for name, sql in TOTALS_TRIGGERS.items():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(_without_remainder(sql))
    # In place (ALTER TABLE DROP COLUMN): a table copy would lose the triggers on shipments.
    op.drop_column("shipments", "cost_remainder")
    op.drop_column("shipments", "fifo_start")
    op.drop_column("products", "min_stock")
