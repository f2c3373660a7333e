"""The orders' margin index on a server's database in the grid's order, best first with the
orders of no margin last (models/entities.py MARGIN_INDEX_POSTGRESQL). Nothing on SQLite,
which puts NULLs last in a descending sort by itself.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 11:00:00

"""

from collections.abc import Sequence

from alembic import op

from models.entities import MARGIN_INDEX_POSTGRESQL
from models.formulas import MARGIN_POSTGRESQL_SQL

# revision identifiers, used by Alembic.
revision: str = "0013"
down_revision: str | Sequence[str] | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema (PostgreSQL only)."""
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_orders_margin")
    op.execute(MARGIN_INDEX_POSTGRESQL)


def downgrade() -> None:
    """Downgrade schema (PostgreSQL only): the plain index again."""
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_orders_margin")
    op.execute(f"CREATE INDEX ix_orders_margin ON orders (({MARGIN_POSTGRESQL_SQL}))")
