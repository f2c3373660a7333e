"""Row versions: an edit counter on contacts and orders, so that a save from a card or an
editor opened before someone else's save is refused as a conflict instead of overwriting it.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-10 09:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("contacts", "orders")


def upgrade() -> None:
    """Upgrade schema. Every existing contact and order starts at version 1."""
    # Plain ADD COLUMN, not a batch copy: a copy of contacts or orders would lose their
    # triggers and the expression index on orders. No log trigger changes: the counter is
    # not a logged column (models/history.py DERIVED_COLUMNS).
    for table in TABLES:
        op.add_column(table, sa.Column("version", sa.Integer(), server_default="1", nullable=False))


def downgrade() -> None:
    """Downgrade schema."""
    # Dropped in place (ALTER TABLE DROP COLUMN), for the same reason.
    for table in reversed(TABLES):
        op.drop_column(table, "version")
