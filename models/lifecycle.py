"""Each customer's purchase history in short, kept for the segment column, Today and reports.

`contact_lifecycle` holds one row per contact with a purchase, computed by
services.lifecycle as of the day stored in settings (`lifecycle_as_of`). Whatever writes
orders (the order editor, an import, a restore, raw SQL), the triggers in models/triggers.py
add the contact to `lifecycle_dirty` in the same transaction, so the row is recomputed before
it is read again: it can lag a write by nothing, never by a day.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base

AWAKE_SEGMENTS = ("new", "regular", "woken")


class ContactLifecycle(Base):
    """A contact's purchases as of one day, and the days their segment changes.

    The segment on a day T needs no arithmetic: before `asleep_from` it is `awake_segment`,
    then recently asleep, and from `long_asleep_from` on long asleep; from `reorder_from`
    an awake customer is due to reorder. The cadence is kept in half days: the median of an
    even number of intervals may end in .5.
    """

    __tablename__ = "contact_lifecycle"
    __table_args__ = (
        CheckConstraint("awake_segment IN ('new', 'regular', 'woken')", name="awake_segment_known"),
        CheckConstraint("purchases >= 1 AND cadence_halves >= 2", name="counts_positive"),
    )

    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    purchases: Mapped[int] = mapped_column(Integer)  # distinct purchase days
    first_purchase: Mapped[dt.date] = mapped_column(Date)
    last_purchase: Mapped[dt.date] = mapped_column(Date)
    cadence_halves: Mapped[int] = mapped_column(Integer)
    awake_segment: Mapped[str] = mapped_column(String(10))
    reorder_from: Mapped[dt.date] = mapped_column(Date)
    asleep_from: Mapped[dt.date] = mapped_column(Date)
    long_asleep_from: Mapped[dt.date] = mapped_column(Date)


class LifecycleDirty(Base):
    """Contacts whose orders changed since their lifecycle row was computed."""

    __tablename__ = "lifecycle_dirty"

    contact_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
