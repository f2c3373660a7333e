"""What happens around the sales: tasks, dated notes on a contact, follow-ups after a delivery,
and the person's answer to a reorder reminder (snoozed, or not interested)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    String,
    Text,
    Time,
)
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base
from models.entities import utc_now

FOLLOW_UP_STATES = ("done", "dismissed")


class Task(Base):
    """Something to do on a day ("call Olga back Thursday"), maybe about a contact or an order."""

    __tablename__ = "tasks"
    __table_args__ = (
        CheckConstraint("length(trim(title)) BETWEEN 1 AND 200", name="title_length"),
        # Today and the calendar ask for the open tasks of a range of days.
        Index("ix_tasks_open_due", "done", "due_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    due_date: Mapped[dt.date] = mapped_column(Date)
    due_time: Mapped[dt.time | None] = mapped_column(Time)
    # A contact is never deleted (it is archived); an order may be: the task stays.
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), index=True
    )
    order_id: Mapped[int | None] = mapped_column(
        ForeignKey("orders.id", ondelete="SET NULL"), index=True
    )
    notes: Mapped[str | None] = mapped_column(Text)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    done_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now, onupdate=utc_now)


class ContactNote(Base):
    """A dated line in a contact's history ("called, will order after the 15th")."""

    __tablename__ = "contact_notes"
    __table_args__ = (
        CheckConstraint("length(trim(text)) > 0", name="text_not_blank"),
        Index("ix_contact_notes_contact_id_day", "contact_id", "day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    day: Mapped[dt.date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    # The order a note is about (the answer to a follow-up); kept if the order goes.
    order_id: Mapped[int | None] = mapped_column(
        ForeignKey("orders.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)


class FollowUp(Base):
    """How the follow-up of a delivered order ended; an order without a row is still due."""

    __tablename__ = "follow_ups"
    __table_args__ = (CheckConstraint("state IN ('done', 'dismissed')", name="state"),)

    order_id: Mapped[int] = mapped_column(
        ForeignKey("orders.id", ondelete="CASCADE"), primary_key=True
    )
    state: Mapped[str] = mapped_column(String(10))
    resolved_on: Mapped[dt.date] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)


class ContactReminder(Base):
    """The person's answer to "due to reorder" / "fell asleep": snoozed until a day, or not
    interested until the contact buys again (a purchase after `not_interested_through`)."""

    __tablename__ = "contact_reminders"

    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    snoozed_until: Mapped[dt.date | None] = mapped_column(Date)
    not_interested_through: Mapped[dt.date | None] = mapped_column(Date)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now, onupdate=utc_now)
