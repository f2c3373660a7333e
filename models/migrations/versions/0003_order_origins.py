"""Re-import: where each imported order came from (order_origins).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 10:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema. Orders imported before have no origin: the first re-import adopts the
    ones it finds unchanged (same customer, date and lines) instead of adding them again."""
    op.create_table(
        "order_origins",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=True),
        sa.Column("source_digest", sa.String(length=64), nullable=False),
        sa.Column("order_digest", sa.String(length=64), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["orders.id"],
            name=op.f("fk_order_origins_order_id_orders"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_origins")),
        sa.UniqueConstraint("key", name=op.f("uq_order_origins_key")),
        sa.UniqueConstraint("order_id", name=op.f("uq_order_origins_order_id")),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("order_origins")
