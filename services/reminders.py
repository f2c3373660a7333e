"""The person's answer to a reminder about a customer: snooze it, or "not interested".

A snoozed customer is left off Today's reorder and asleep lists until the chosen day. "Not
interested" leaves them off until they buy again: a purchase dated after their last one at
the time brings them back.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from models import Contact, ContactLifecycle, ContactReminder, Order
from services.choices import lost_status_ids
from services.errors import NotFound, ValidationError
from services.formatting import named_date
from services.storage import Database
from services.uow import UnitOfWork
from services.values import DateInput, parse_date


def snooze(database: Database, contact_id: int, until: DateInput, today: dt.date) -> dt.date:
    """Leave the contact off the lists until `until` (a day after `today`); returns it."""
    day = parse_date(until, "until")
    if day <= today:
        raise ValidationError.of("until", "reminder.snooze_past", day, today)
    with UnitOfWork(database) as uow:
        reminder = _reminder(uow.session, contact_id)
        reminder.snoozed_until = day
        _name(uow, "contact.snoozed", contact_id, named_date(day))
        uow.commit()
    return day


def not_interested(database: Database, contact_id: int, today: dt.date) -> None:
    """Leave the contact off the lists until a purchase after their last one so far."""
    with UnitOfWork(database) as uow:
        reminder = _reminder(uow.session, contact_id)
        last = uow.session.scalar(
            select(func.max(Order.date)).where(
                Order.contact_id == contact_id,
                Order.status_id.not_in(lost_status_ids()),
                Order.first_ship_date <= today,
            )
        )
        reminder.not_interested_through = last or today
        _name(uow, "contact.not_interested", contact_id)
        uow.commit()


def remind_again(database: Database, contact_id: int) -> None:
    """Undo a snooze and a "not interested"."""
    with UnitOfWork(database) as uow:
        reminder = uow.session.get(ContactReminder, contact_id)
        if reminder is not None:
            uow.session.delete(reminder)
        _name(uow, "contact.remind_again", contact_id)
        uow.commit()


def reminded(today: dt.date) -> ColumnElement[bool]:
    """SQL: the contact of the contact_lifecycle row is neither snoozed past `today` nor "not
    interested" since its last purchase."""
    held = (
        select(ContactReminder.contact_id)
        .where(
            ContactReminder.contact_id == ContactLifecycle.contact_id,
            or_(
                ContactReminder.snoozed_until > today,
                and_(
                    ContactReminder.not_interested_through.is_not(None),
                    ContactLifecycle.last_purchase <= ContactReminder.not_interested_through,
                ),
            ),
        )
        .exists()
    )
    return ~held


def _name(uow: UnitOfWork, code: str, contact_id: int, *more: str) -> None:
    contact = uow.session.get(Contact, contact_id)
    name = contact.name if contact is not None else str(contact_id)
    uow.name(code, name, *more, contact_id=contact_id)


def _reminder(session: Session, contact_id: int) -> ContactReminder:
    if session.get(Contact, contact_id) is None:
        raise NotFound.of("contact.not_found", contact_id)
    reminder = session.get(ContactReminder, contact_id)
    if reminder is None:
        reminder = ContactReminder(contact_id=contact_id)
        session.add(reminder)
    return reminder


__all__ = ["not_interested", "remind_again", "reminded", "snooze"]
