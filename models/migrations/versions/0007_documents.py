"""Documents issued from an order (invoice, delivery note, sales receipt), numbered per kind
and year.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 16:10:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from models.types import Money

# revision identifiers, used by Alembic.
revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema: an empty table of documents (the seller's details are settings)."""
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=True),
        sa.Column("amount", Money(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('invoice', 'delivery_note', 'receipt')", name=op.f("ck_documents_kind_known")
        ),
        sa.CheckConstraint("number >= 1", name=op.f("ck_documents_number_positive")),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["orders.id"],
            name=op.f("fk_documents_order_id_orders"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("kind", "year", "number", name="uq_documents_number"),
    )
    op.create_index("ix_documents_order", "documents", ["order_id", "kind"], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index("ix_documents_order", table_name="documents")
    op.drop_table("documents")
