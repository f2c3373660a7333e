"""A contact's further phones and e-mails, and the tags put on contacts and companies.

The first phone and e-mail of a contact stay on its own row (`contacts.phone`, `.email`):
grids, pickers and the indexes behind them read the main one without a join. The others are
here, in the order the card shows them. A phone is unique across both places (the triggers in
models/search.py refuse a second owner), so a number always finds one contact.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base

# What a phone or an e-mail is for; shown translated, stored as the code.
CHANNEL_LABELS = ("mobile", "work", "home", "whatsapp", "telegram", "other")
CONTACT_KINDS = ("person", "company")
TAG_NAME_MAX = 60  # as the tags table's check says
TAG_COLOUR = "#808080"  # a tag's colour when none is chosen


class ContactPhone(Base):
    __tablename__ = "contact_phones"
    __table_args__ = (Index("ix_contact_phones_contact", "contact_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=1)
    # E.164 with its extension (services/phones.py), like contacts.phone.
    phone: Mapped[str] = mapped_column(String(40), unique=True)
    label: Mapped[str | None] = mapped_column(String(20))


class ContactEmail(Base):
    __tablename__ = "contact_emails"
    __table_args__ = (Index("ix_contact_emails_contact", "contact_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=1)
    email: Mapped[str] = mapped_column(String(254))
    label: Mapped[str | None] = mapped_column(String(20))


class Tag(Base):
    """A label put on contacts and companies ("опт", "VIP", "Тверь"), with its colour."""

    __tablename__ = "tags"
    __table_args__ = (
        CheckConstraint("length(trim(name)) BETWEEN 1 AND 60", name="name_length"),
        CheckConstraint(
            "colour GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'", name="colour_hex"
        ).ddl_if(dialect="sqlite"),
        CheckConstraint("colour ~ '^#[0-9a-f]{6}$'", name="colour_hex").ddl_if(
            dialect="postgresql"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(TAG_NAME_MAX))
    # Case- and ё-folded name (models.fold): "VIP" and "vip" are one tag.
    name_key: Mapped[str] = mapped_column(String(TAG_NAME_MAX), unique=True)
    colour: Mapped[str] = mapped_column(String(7), default=TAG_COLOUR)


class ContactTag(Base):
    __tablename__ = "contact_tags"
    __table_args__ = (Index("ix_contact_tags_tag", "tag_id", "contact_id"),)

    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True)
