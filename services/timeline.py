"""A contact's activity, newest first: orders, tasks done, follow-ups and dated notes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from models import Contact, ContactNote, FollowUp, Order, OrderStatus, Task
from services.errors import NotFound, ValidationError
from services.storage import Database
from services.uow import UnitOfWork
from services.values import DateInput, check_typed_text, parse_date

KINDS = ("order", "task", "follow_up", "note")
NOTE_MAX = 2000


@dataclass(frozen=True)
class TimelineEntry:
    """One line of the history. `text` is the person's own words (a note, a task's title);
    what Lavka says about an order or a follow-up is left to the window, in its language."""

    day: dt.date
    kind: str  # one of KINDS
    text: str | None = None
    order_id: int | None = None
    task_id: int | None = None
    note_id: int | None = None
    amount: Decimal | None = None  # an order's
    status: str | None = None  # an order's status; a follow-up's state (done, dismissed)
    status_role: str | None = None  # an order's status role (open, won, lost)


def add_note(database: Database, contact_id: int, text: str, day: DateInput) -> int:
    """A dated note on the contact ("called, will order after the 15th"); returns its id."""
    words = check_typed_text(text or "", "note", "Note").strip()
    if not words:
        raise ValidationError.of("note", "note.empty")
    if len(words) > NOTE_MAX:
        raise ValidationError.of("note", "note.too_long", NOTE_MAX)
    when = parse_date(day, "day")
    with UnitOfWork(database) as uow:
        contact = uow.session.get(Contact, contact_id)
        if contact is None:
            raise NotFound.of("contact.not_found", contact_id)
        uow.name("contact.note", contact.name, contact_id=contact_id)
        note = ContactNote(contact_id=contact_id, day=when, text=words)
        uow.session.add(note)
        uow.session.flush()
        note_id = note.id
        uow.commit()
    return note_id


def contact_timeline(database: Database, contact_id: int) -> list[TimelineEntry]:
    """Everything dated about the contact, newest first (within a day: notes and follow-ups,
    then tasks, then orders, the later one first)."""
    entries: list[tuple[tuple[dt.date, int, int], TimelineEntry]] = []  # (sort key, entry)
    with database.session() as session:
        if session.get(Contact, contact_id) is None:
            raise NotFound.of("contact.not_found", contact_id)
        orders = session.execute(
            select(Order.id, Order.date, Order.amount, OrderStatus.name, OrderStatus.role)
            .join(OrderStatus, OrderStatus.id == Order.status_id)
            .where(Order.contact_id == contact_id)
        )
        for order_id, day, amount, status, role in orders:
            entry = TimelineEntry(day, "order", None, order_id, None, None, amount, status, role)
            entries.append(((day, 0, order_id), entry))
        tasks = session.execute(
            select(Task.id, Task.title, Task.done_at).where(
                Task.contact_id == contact_id, Task.done.is_(True)
            )
        )
        for task_id, title, done_at in tasks:
            day = _local_day(done_at)
            entries.append(((day, 1, task_id), TimelineEntry(day, "task", title, task_id=task_id)))
        follow_ups = session.execute(
            select(FollowUp.order_id, FollowUp.resolved_on, FollowUp.state)
            .join(Order, Order.id == FollowUp.order_id)
            .where(Order.contact_id == contact_id)
        )
        for order_id, day, state in follow_ups:
            entry = TimelineEntry(day, "follow_up", order_id=order_id, status=state)
            entries.append(((day, 2, order_id), entry))
        notes = session.execute(
            select(ContactNote.id, ContactNote.day, ContactNote.text, ContactNote.order_id).where(
                ContactNote.contact_id == contact_id
            )
        )
        for note_id, day, text, about in notes:
            entry = TimelineEntry(day, "note", text, order_id=about, note_id=note_id)
            entries.append(((day, 3, note_id), entry))
    entries.sort(key=lambda pair: pair[0], reverse=True)
    return [entry for _key, entry in entries]


def _local_day(moment: dt.datetime | None) -> dt.date:
    """The local calendar day of a naive UTC timestamp (tasks are marked done in UTC)."""
    if moment is None:
        return dt.date.today()
    return moment.replace(tzinfo=dt.UTC).astimezone().date()


__all__ = ["KINDS", "TimelineEntry", "add_note", "contact_timeline"]
