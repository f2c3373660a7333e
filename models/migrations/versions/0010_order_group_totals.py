"""Order group totals: per contact, status and period (month, year, all time), and per month
and status, kept by triggers on orders for the order grid's groups; filled from the orders.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 09:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from models.order_totals import FILL, TOTALS_TRIGGERS

# revision identifiers, used by Alembic.
revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The trigger texts come from models/order_totals.py as of this revision; a later change to
# them comes with a migration of its own that recreates them.
TRIGGERS = TOTALS_TRIGGERS


def upgrade() -> None:
    """Upgrade schema: both tables summed from every order, then kept by the triggers."""
    op.create_table(
        "order_contact_totals",
        sa.Column("period", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("contact_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("status_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("orders", sa.Integer(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("cost", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "period", "contact_id", "status_id", name=op.f("pk_order_contact_totals")
        ),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "order_month_totals",
        sa.Column("month", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("status_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("orders", sa.Integer(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("cost", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("month", "status_id", name=op.f("pk_order_month_totals")),
        sqlite_with_rowid=False,
    )
    for sql in FILL:
        op.execute(sql)
    for sql in TRIGGERS.values():
        op.execute(sql)


def downgrade() -> None:
    """Downgrade schema."""
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("order_month_totals")
    op.drop_table("order_contact_totals")
