"""Follow-ups after a delivery: N days after an order's last line shipped, ask how it went.

An order in sales (not Cancelled) whose last line was shipped N days ago (a setting, 15 by
default) is due for a follow-up from that day on, until the follow-up is marked done (the
answer, if any, goes into the contact's notes) or dismissed. Deliveries before the day
follow-ups started for this database (choices.FOLLOW_UPS_SINCE) are history and never due.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Select, exists, select
from sqlalchemy.orm import Session

from models import Contact, ContactNote, FollowUp, Order
from services.choices import FOLLOW_UPS_SINCE, put_setting, setting
from services.errors import NotFound, ValidationError
from services.figures import in_sales
from services.storage import Database
from services.uow import UnitOfWork
from services.values import clean_text

FOLLOW_UP_DAYS = "follow_up_days"  # settings key
DEFAULT_DAYS = 15
STATES = ("done", "dismissed")


@dataclass(frozen=True)
class FollowUpItem:
    """A delivered order to ask about."""

    order_id: int
    contact_id: int
    name: str
    phone: str | None
    shipped: dt.date  # the order's last line
    due: dt.date  # shipped + N days
    amount: Decimal
    days_overdue: int  # 0 on the day it falls due


def follow_up_days(session: Session) -> int:
    text = setting(session, FOLLOW_UP_DAYS)
    return int(text) if text and text.isdigit() and int(text) >= 1 else DEFAULT_DAYS


def follow_ups_since(session: Session) -> dt.date | None:
    text = setting(session, FOLLOW_UPS_SINCE)
    return dt.date.fromisoformat(text) if text else None


def start_follow_ups(database: Database, since: dt.date) -> None:
    """Follow up deliveries that fall due on or after `since` (a new database starts today)."""
    with UnitOfWork(database) as uow:
        put_setting(uow.session, FOLLOW_UPS_SINCE, since.isoformat())
        uow.commit()


# A row of due_query: order, contact id, name, phone, last shipped, amount.
DueColumns = tuple[int, int, str, str | None, dt.date | None, Decimal]


def due_query(session: Session, today: dt.date) -> Select[*DueColumns]:
    """The follow-ups due on `today` (FollowUpItem's columns, oldest delivery first)."""
    days = follow_up_days(session)
    latest = today - dt.timedelta(days=days)  # delivered on or before this day: due
    query = (
        select(
            Order.id,
            Contact.id,
            Contact.name,
            Contact.phone,
            Order.last_ship_date,
            Order.amount,
        )
        .join(Contact, Contact.id == Order.contact_id)
        .where(
            in_sales(),
            Order.last_ship_date <= latest,
            ~exists(select(1).where(FollowUp.order_id == Order.id)),
        )
        .order_by(Order.last_ship_date, Order.id)
    )
    since = follow_ups_since(session)
    if since is not None:
        query = query.where(Order.last_ship_date >= since - dt.timedelta(days=days))
    return query


def follow_up_item(row: tuple[*DueColumns], today: dt.date, days: int) -> FollowUpItem:
    """A row of `due_query` as a FollowUpItem (`days`: the follow_up_days setting)."""
    order_id, contact_id, name, phone, shipped, amount = row
    assert shipped is not None  # due_query takes orders shipped by a day
    due = shipped + dt.timedelta(days=days)
    return FollowUpItem(order_id, contact_id, name, phone, shipped, due, amount, (today - due).days)


def due_follow_ups(session: Session, today: dt.date) -> list[FollowUpItem]:
    days = follow_up_days(session)
    rows = session.execute(due_query(session, today))
    return [follow_up_item(row, today, days) for row in rows]


def resolve_follow_up(
    database: Database,
    order_id: int,
    state: str,
    today: dt.date,
    answer: str | None = None,
) -> None:
    """Mark an order's follow-up done or dismissed (one transaction). The answer to a done
    follow-up ("all good, will order more in March") becomes a dated note on the contact."""
    if state not in STATES:
        raise ValueError(f"A follow-up is done or dismissed, not {state!r}.")
    with UnitOfWork(database) as uow:
        order = uow.session.get(Order, order_id)
        if order is None:
            raise NotFound.of("follow_up.no_order", order_id)
        text = clean_text(answer, field="answer", label="Answer")
        if text is not None and state != "done":
            raise ValidationError.of("answer", "follow_up.answer_when_dismissed")
        resolution = uow.session.get(FollowUp, order_id) or FollowUp(order_id=order_id)
        resolution.state, resolution.resolved_on = state, today
        uow.session.add(resolution)
        if text is not None:
            uow.session.add(
                ContactNote(contact_id=order.contact_id, day=today, text=text, order_id=order.id)
            )
        code = "order.follow_up_done" if state == "done" else "order.follow_up_dismissed"
        uow.name(code, order.id, contact_id=order.contact_id, order_id=order.id)
        uow.commit()


__all__ = [
    "DEFAULT_DAYS",
    "FOLLOW_UP_DAYS",
    "FollowUpItem",
    "due_follow_ups",
    "due_query",
    "follow_up_days",
    "follow_up_item",
    "follow_ups_since",
    "resolve_follow_up",
    "start_follow_ups",
]
