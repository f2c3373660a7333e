"""Change notices on a server's database: a statement-level trigger on each table people see
NOTIFYs the other windows working in it (models/notices.py). Nothing on SQLite.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 10:00:00

"""

from collections.abc import Sequence

from alembic import op

from models.notices import DROP, statements

# revision identifiers, used by Alembic.
revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema (PostgreSQL only)."""
    if op.get_bind().dialect.name != "postgresql":
        return
    for sql in statements():
        op.execute(sql)


def downgrade() -> None:
    """Downgrade schema (PostgreSQL only): the function, and its triggers with it."""
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(DROP)
