"""Deals: the stages each order went through, score modifiers, expected amount, peak class.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 11:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copy of models/triggers.py STAGE_TRIGGERS as of this revision (a migration must not
# change when the models do later); tests/test_storage.py checks that both schemas agree.
_STAGE = (
    "INSERT INTO order_stages (order_id, status_id, entered_on)"
    " VALUES (NEW.id, NEW.status_id, {day});"
)
STAGES = {
    "trg_orders_stage_insert": (
        "CREATE TRIGGER trg_orders_stage_insert AFTER INSERT ON orders BEGIN "
        + _STAGE.format(day="NEW.date")
        + " END"
    ),
    "trg_orders_stage_update": (
        "CREATE TRIGGER trg_orders_stage_update AFTER UPDATE OF status_id ON orders"
        " WHEN NEW.status_id IS NOT OLD.status_id BEGIN "
        + _STAGE.format(day="date('now', 'localtime')")
        + " END"
    ),
}


def upgrade() -> None:
    """Upgrade schema. Each existing order is taken to have entered its present status on its
    date (what came before is not known); modifiers start at 0."""
    # Plain ADD COLUMN, not a batch copy: a copy would lose the expression index and the
    # triggers on orders.
    for table in ("order_statuses", "channels"):
        op.add_column(
            table, sa.Column("score_modifier", sa.Integer(), server_default="0", nullable=False)
        )
    op.add_column("orders", sa.Column("expected_amount", sa.Integer(), nullable=True))
    op.add_column("orders", sa.Column("peak_class", sa.String(length=1), nullable=True))
    op.create_index(
        "ix_orders_board",
        "orders",
        [
            "status_id",
            "date",
            "channel_id",
            "amount",
            "line_count",
            "expected_amount",
            "contact_id",
            "peak_class",
        ],
        unique=False,
    )
    op.create_table(
        "order_stages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("status_id", sa.Integer(), nullable=False),
        sa.Column("entered_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["orders.id"],
            name=op.f("fk_order_stages_order_id_orders"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["status_id"],
            ["order_statuses.id"],
            name=op.f("fk_order_stages_status_id_order_statuses"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_stages")),
    )
    op.create_index(
        "ix_order_stages_order", "order_stages", ["order_id", "status_id"], unique=False
    )
    op.execute(
        "INSERT INTO order_stages (order_id, status_id, entered_on)"
        " SELECT id, status_id, date FROM orders ORDER BY id"
    )
    for sql in STAGES.values():
        op.execute(sql)


def downgrade() -> None:
    """Downgrade schema."""
    for name in STAGES:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index("ix_order_stages_order", table_name="order_stages")
    op.drop_table("order_stages")
    op.drop_index("ix_orders_board", table_name="orders")
    op.drop_column("orders", "peak_class")
    op.drop_column("orders", "expected_amount")
    for table in ("channels", "order_statuses"):
        op.drop_column(table, "score_modifier")
