"""History and undo: the change log (changes, change_rows, change_months, change_open), the
triggers that write it, and the triggers that hold off while undo plays rows back.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 21:30:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from models.history import LOG_TRIGGERS, without_replay
from models.triggers import PEOPLE_TRIGGERS, STAGE_TRIGGERS

# revision identifiers, used by Alembic.
revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The trigger texts come from models/history.py and models/triggers.py as of this revision; a
# later change to them comes with a migration of its own that recreates them.
HELD = {**STAGE_TRIGGERS, **PEOPLE_TRIGGERS}


def upgrade() -> None:
    """Upgrade schema: an empty log (history starts now)."""
    op.create_table(
        "changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("params", sa.Text(), nullable=True),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("order_id", sa.Integer(), nullable=True),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("reverts", sa.Integer(), nullable=True),
        sa.Column("reverted_by", sa.Integer(), nullable=True),
        sa.Column("compacted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_changes")),
    )
    op.create_index(
        "ix_changes_contact",
        "changes",
        ["contact_id"],
        sqlite_where=sa.text("contact_id IS NOT NULL"),
    )
    op.create_index(
        "ix_changes_order", "changes", ["order_id"], sqlite_where=sa.text("order_id IS NOT NULL")
    )
    op.create_table(
        "change_rows",
        sa.Column("change_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("tbl", sa.Integer(), nullable=False),
        sa.Column("row", sa.Integer(), nullable=False),
        sa.Column("op", sa.String(length=1), nullable=False),
        sa.Column("old", sa.Text(), nullable=True),
        sa.Column("new", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("change_id", "seq", name=op.f("pk_change_rows")),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "change_months",
        sa.Column("month", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("first_id", sa.Integer(), nullable=False),
        sa.Column("last_id", sa.Integer(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("entries", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("month", name=op.f("pk_change_months")),
    )
    op.create_table(
        "change_open",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("paused", sa.Integer(), nullable=False),
        sa.Column("replay", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_open")),
    )
    for name, sql in HELD.items():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(sql)
    for sql in LOG_TRIGGERS.values():
        op.execute(sql)


def downgrade() -> None:
    """Downgrade schema."""
    for name in LOG_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for name, sql in HELD.items():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(without_replay(sql))
    op.drop_table("change_open")
    op.drop_table("change_months")
    op.drop_table("change_rows")
    op.drop_index("ix_changes_order", table_name="changes")
    op.drop_index("ix_changes_contact", table_name="changes")
    op.drop_table("changes")
