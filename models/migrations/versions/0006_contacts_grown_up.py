"""Contacts grown up: companies and their people, further phones and e-mails, tags, the
search index, "ordered by" on orders.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 13:30:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from models.history import without_replay
from models.search import (
    CREATE_SEARCH_TABLE,
    FILL_SEARCH_INDEX,
    PHONE_TRIGGERS,
    SEARCH_TABLE,
    SEARCH_TRIGGERS,
)
from models.triggers import PEOPLE_TRIGGERS

# revision identifiers, used by Alembic.
revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The trigger and index texts come from models/search.py as of this revision;
# tests/test_storage.py checks that a migrated file and a new one have the same, so a later
# change there needs its own migration (and a frozen copy here).


def upgrade() -> None:
    """Upgrade schema. Every existing contact is a person with no company; its phone and
    e-mail stay its main ones; the search index is filled from what is there."""
    # Plain ADD COLUMN, not a batch copy: a copy of contacts or orders would lose their
    # triggers and the expression index on orders.
    op.add_column(
        "contacts",
        sa.Column("kind", sa.String(length=10), server_default="person", nullable=False),
    )
    op.add_column("contacts", sa.Column("company_id", sa.Integer(), nullable=True))
    for name, kind in (
        ("job_title", sa.String(length=100)),
        ("legal_name", sa.Text()),
        ("tax_id", sa.String(length=20)),
        ("phone_label", sa.String(length=20)),
        ("email_label", sa.String(length=20)),
    ):
        op.add_column("contacts", sa.Column(name, kind, nullable=True))
    op.create_index("ix_contacts_company_id", "contacts", ["company_id"], unique=False)
    op.add_column("orders", sa.Column("person_id", sa.Integer(), nullable=True))
    op.create_index("ix_orders_person_id", "orders", ["person_id"], unique=False)
    for table, value, length in (("contact_phones", "phone", 40), ("contact_emails", "email", 254)):
        op.create_table(
            table,
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("contact_id", sa.Integer(), nullable=False),
            sa.Column("position", sa.Integer(), nullable=False),
            sa.Column(value, sa.String(length=length), nullable=False),
            sa.Column("label", sa.String(length=20), nullable=True),
            sa.ForeignKeyConstraint(
                ["contact_id"],
                ["contacts.id"],
                name=op.f(f"fk_{table}_contact_id_contacts"),
                ondelete="CASCADE",
            ),
            sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
            *(
                [sa.UniqueConstraint("phone", name=op.f("uq_contact_phones_phone"))]
                if value == "phone"
                else []
            ),
        )
        op.create_index(f"ix_{table}_contact", table, ["contact_id", "position"], unique=False)
    op.create_table(
        "tags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("name_key", sa.String(length=60), nullable=False),
        sa.Column("colour", sa.String(length=7), nullable=False),
        sa.CheckConstraint("length(trim(name)) BETWEEN 1 AND 60", name=op.f("ck_tags_name_length")),
        sa.CheckConstraint(
            "colour GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'",
            name=op.f("ck_tags_colour_hex"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tags")),
        sa.UniqueConstraint("name_key", name=op.f("uq_tags_name_key")),
    )
    op.create_table(
        "contact_tags",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_contact_tags_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tags.id"], name=op.f("fk_contact_tags_tag_id_tags"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("contact_id", "tag_id", name=op.f("pk_contact_tags")),
    )
    op.create_index("ix_contact_tags_tag", "contact_tags", ["tag_id", "contact_id"], unique=False)
    op.execute(CREATE_SEARCH_TABLE)
    for sql in FILL_SEARCH_INDEX:
        op.execute(sql)
    people = (without_replay(sql) for sql in PEOPLE_TRIGGERS.values())  # as of 0006
    for sql in (*SEARCH_TRIGGERS.values(), *PHONE_TRIGGERS.values(), *people):
        op.execute(sql)


def downgrade() -> None:
    """Downgrade schema."""
    for name in (*SEARCH_TRIGGERS, *PHONE_TRIGGERS, *PEOPLE_TRIGGERS):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute(f"DROP TABLE IF EXISTS {SEARCH_TABLE}")
    op.drop_index("ix_contact_tags_tag", table_name="contact_tags")
    op.drop_table("contact_tags")
    op.drop_table("tags")
    for table in ("contact_emails", "contact_phones"):
        op.drop_index(f"ix_{table}_contact", table_name=table)
        op.drop_table(table)
    op.drop_index("ix_orders_person_id", table_name="orders")
    op.drop_index("ix_contacts_company_id", table_name="contacts")
    # Dropped in place (ALTER TABLE DROP COLUMN): a table copy would lose the triggers on
    # orders. The two contact ids have no foreign key for this reason (models/entities.py).
    op.drop_column("orders", "person_id")
    for name in (
        "email_label",
        "phone_label",
        "tax_id",
        "legal_name",
        "job_title",
        "company_id",
        "kind",
    ):
        op.drop_column("contacts", name)
