"""The Today page: what to do on a day, each list with its count.

- tasks overdue and tasks due that day;
- shipments to send: lines dated that day or earlier of orders still waiting to go out (an
  open status before Shipped);
- follow-ups due (services/follow_ups.py);
- customers due to reorder: awake (new, regular, woken) with 1 < r; with what they usually buy
  and their average check;
- customers who fell asleep recently (r over the awake limit, not yet long asleep).

The two customer lists leave out archived contacts, snoozed or "not interested" ones
(services/reminders.py), and anyone with an order on its way (in sales, first line not yet
shipped): they have already reordered. Long lists are cut to `limit` rows (the page shows the
most pressing first); their `*_total` says how many there are in all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Select, exists, func, select
from sqlalchemy.orm import Session

from models import Contact, ContactLifecycle, Order, Product, Shipment, Task, from_minor
from services.choices import awaiting_shipment_status_ids
from services.figures import LINE_AMOUNT, in_sales
from services.figures_math import average
from services.follow_ups import FollowUpItem, due_query, follow_up_days, follow_up_item
from services.lifecycle import due_to_reorder, lifecycle_session, segment_of
from services.reminders import reminded
from services.storage import Database
from services.tasks import TaskView, read_tasks, task_query


@dataclass(frozen=True)
class ShipmentDue:
    """A line to send today, or one that should have gone out already."""

    shipment_id: int
    order_id: int
    date: dt.date
    contact_id: int
    name: str
    phone: str | None
    product: str
    quantity: int
    amount: Decimal
    days_overdue: int  # 0 for today's


@dataclass(frozen=True)
class CustomerDue:
    """A customer to call: due to reorder, or recently asleep."""

    contact_id: int
    name: str
    phone: str | None
    segment: str
    cadence_days: Decimal
    last_purchase: dt.date
    days_since_last: int
    usual_product: str | None = None  # reorder list only: the most bought, by units
    average_check: Decimal | None = None  # reorder list only


@dataclass(frozen=True)
class TodayPage:
    date: dt.date
    tasks_overdue: tuple[TaskView, ...]
    tasks_due: tuple[TaskView, ...]
    shipments: tuple[ShipmentDue, ...]
    follow_ups: tuple[FollowUpItem, ...]
    reorder: tuple[CustomerDue, ...]
    asleep: tuple[CustomerDue, ...]
    shipments_total: int
    follow_ups_total: int
    reorder_total: int
    asleep_total: int

    @property
    def due_count(self) -> int:
        """Things due: tasks, shipments, follow-ups and reorder calls (sleepers are chances,
        not duties, and stay out of the badge)."""
        return (
            len(self.tasks_overdue)
            + len(self.tasks_due)
            + self.shipments_total
            + self.follow_ups_total
            + self.reorder_total
        )


def today_page(database: Database, today: dt.date, limit: int | None = None) -> TodayPage:
    """Everything on the Today page of `today`; long lists cut to `limit` rows."""
    with lifecycle_session(database, today) as session:
        open_tasks = task_query().where(Task.done.is_(False), Task.due_date <= today)
        tasks = read_tasks(session, open_tasks)
        shipments, shipments_total = _cut(session, _shipments_query(today), limit)
        follow_ups, follow_ups_total = _cut(session, due_query(session, today), limit)
        days = follow_up_days(session)
        reorder_query = _customers_query(today, due_to_reorder(today)).order_by(
            _lateness(today).desc(), Contact.name_key, Contact.id
        )
        reorder, reorder_total = _cut(session, reorder_query, limit)
        lc = ContactLifecycle
        asleep_query = _customers_query(
            today, lc.asleep_from <= today, lc.long_asleep_from > today
        ).order_by(lc.asleep_from.desc(), Contact.name_key, Contact.id)
        asleep, asleep_total = _cut(session, asleep_query, limit)
        usual = _usual_products(session, [row[0] for row in reorder], today)
        checks = _average_checks(session, [row[0] for row in reorder], today)
    return TodayPage(
        date=today,
        tasks_overdue=tuple(t for t in tasks if t.due_date < today),
        tasks_due=tuple(t for t in tasks if t.due_date == today),
        shipments=tuple(_shipment(row, today) for row in shipments),
        follow_ups=tuple(follow_up_item(row, today, days) for row in follow_ups),
        reorder=tuple(
            _customer(row, today, usual.get(row[0]), checks.get(row[0])) for row in reorder
        ),
        asleep=tuple(_customer(row, today) for row in asleep),
        shipments_total=shipments_total,
        follow_ups_total=follow_ups_total,
        reorder_total=reorder_total,
        asleep_total=asleep_total,
    )


def _cut(session: Session, query: Select, limit: int | None) -> tuple[list, int]:
    """The query's first `limit` rows (all with None) and how many it has in all."""
    rows = session.execute(query if limit is None else query.limit(limit)).all()
    if limit is None or len(rows) < limit:
        return rows, len(rows)
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    return rows, total or 0


def _shipments_query(today: dt.date) -> Select:
    return (
        select(
            Shipment.id,
            Shipment.order_id,
            Shipment.date,
            Contact.id,
            Contact.name,
            Contact.phone,
            Product.name,
            Shipment.quantity,
            LINE_AMOUNT,
        )
        .select_from(Order)
        .join(Shipment, Shipment.order_id == Order.id)
        .join(Contact, Contact.id == Order.contact_id)
        .join(Product, Product.id == Shipment.product_id)
        .where(Order.status_id.in_(awaiting_shipment_status_ids()), Shipment.date <= today)
        .order_by(Shipment.date, Contact.name_key, Shipment.order_id, Shipment.position)
    )


def _shipment(row, today: dt.date) -> ShipmentDue:
    sid, oid, day, cid, name, phone, product, quantity, amount = row
    return ShipmentDue(
        sid, oid, day, cid, name, phone, product, quantity, from_minor(amount), (today - day).days
    )


def _customers_query(today: dt.date, *conditions) -> Select:
    lc = ContactLifecycle
    on_its_way = exists(
        select(1).where(Order.contact_id == Contact.id, in_sales(), Order.first_ship_date > today)
    )
    return (
        select(
            Contact.id,
            Contact.name,
            Contact.phone,
            segment_of(today),
            lc.cadence_halves,
            lc.last_purchase,
        )
        .join(lc, lc.contact_id == Contact.id)
        .where(Contact.archived.is_(False), *conditions, reminded(today), ~on_its_way)
    )


def _lateness(today: dt.date):
    """r, for sorting: days since the last purchase over the cadence (in half days)."""
    lc = ContactLifecycle
    days = func.julianday(today.isoformat()) - func.julianday(lc.last_purchase)
    return days * 2.0 / lc.cadence_halves


def _customer(
    row, today: dt.date, usual: str | None = None, check: Decimal | None = None
) -> CustomerDue:
    cid, name, phone, segment, halves, last = row
    return CustomerDue(
        cid, name, phone, segment, Decimal(halves) / 2, last, (today - last).days, usual, check
    )


def _usual_products(session: Session, contact_ids: list[int], today: dt.date) -> dict[int, str]:
    """Each contact's most bought product by units (realized sales); a tie: by name."""
    if not contact_ids:
        return {}
    units = func.sum(Shipment.quantity)
    query = (
        select(Order.contact_id, Product.name)
        .select_from(Shipment)
        .join(Order, Order.id == Shipment.order_id)
        .join(Product, Product.id == Shipment.product_id)
        .where(Order.contact_id.in_(contact_ids), in_sales(), Shipment.date <= today)
        .group_by(Order.contact_id, Shipment.product_id)
        .order_by(Order.contact_id, units.desc(), Product.name)
    )
    found: dict[int, str] = {}
    for contact_id, product in session.execute(query):
        found.setdefault(contact_id, product)
    return found


def _average_checks(
    session: Session, contact_ids: list[int], today: dt.date
) -> dict[int, Decimal | None]:
    """Realized revenue over the orders it came from, per contact (as on the card)."""
    if not contact_ids:
        return {}
    query = (
        select(
            Order.contact_id,
            func.sum(LINE_AMOUNT),
            func.count(func.distinct(Shipment.order_id)),
        )
        .select_from(Shipment)
        .join(Order, Order.id == Shipment.order_id)
        .where(Order.contact_id.in_(contact_ids), in_sales(), Shipment.date <= today)
        .group_by(Order.contact_id)
    )
    return {
        contact_id: average(from_minor(amount), orders)
        for contact_id, amount, orders in session.execute(query)
    }


__all__ = ["CustomerDue", "ShipmentDue", "TodayPage", "today_page"]
