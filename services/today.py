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
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, TypeVar, TypeVarTuple
from typing import cast as typing_cast

from sqlalchemy import (
    CTE,
    Cast,
    Integer,
    Select,
    SQLColumnExpression,
    and_,
    cast,
    func,
    literal_column,
    or_,
    select,
)
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.sql.expression import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from models import Contact, ContactLifecycle, Order, Product, Shipment, Task, from_minor
from services.calendar import LineColumns, line_query
from services.choices import awaiting_shipment_status_ids
from services.figures import LINE_AMOUNT, in_sales
from services.figures_math import average
from services.follow_ups import FollowUpItem, due_query, follow_up_days, follow_up_item
from services.lifecycle import due_to_reorder, lifecycle_session, segment_of
from services.reminders import reminded
from services.storage import Database
from services.tasks import TaskView, read_tasks, task_query

SHOWN = 100  # rows of a long list the Today page shows; its title says how many in all
Columns = TypeVarTuple("Columns")
Value = TypeVar("Value")


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
        shipments, shipments_total = _shipments(session, today, limit)
        follow_ups, follow_ups_total = _cut(session, due_query(session, today), limit)
        days = follow_up_days(session)
        reorder, reorder_total, asleep, asleep_total = _customers(session, today, limit)
        usual = _usual_products(session, [c.contact_id for c in reorder], today)
        checks = _average_checks(session, [c.contact_id for c in reorder], today)
    return TodayPage(
        date=today,
        tasks_overdue=tuple(t for t in tasks if t.due_date < today),
        tasks_due=tuple(t for t in tasks if t.due_date == today),
        shipments=tuple(_shipment(row, today) for row in shipments),
        follow_ups=tuple(follow_up_item(row, today, days) for row in follow_ups),
        reorder=tuple(
            replace(
                c, usual_product=usual.get(c.contact_id), average_check=checks.get(c.contact_id)
            )
            for c in reorder
        ),
        asleep=tuple(asleep),
        shipments_total=shipments_total,
        follow_ups_total=follow_ups_total,
        reorder_total=reorder_total,
        asleep_total=asleep_total,
    )


def _cut(
    session: Session, query: Select[*Columns], limit: int | None
) -> tuple[list[tuple[*Columns]], int]:
    """The query's first `limit` rows (all with None) and how many it has in all, in one
    statement: the total is a window count over every row, taken before the LIMIT."""
    if limit is None:
        every: list[tuple[*Columns]] = list(session.execute(query))
        return every, len(every)
    rows = session.execute(query.add_columns(func.count().over()).limit(limit)).all()
    # each row: the query's own columns, then the count
    return [typing_cast(tuple[*Columns], row[:-1]) for row in rows], (rows[0][-1] if rows else 0)


def _first(
    session: Session,
    candidates: Select[*tuple[Any, ...]],
    order: tuple[SQLColumnExpression[Any], ...],
    limit: int | None,
    details: Callable[[CTE], Select[*Columns]],
) -> tuple[list[tuple[*Columns]], int]:
    """The first `limit` of `candidates` in `order` (all with None), with their details,
    and how many candidates there are. The candidates are ranked and cut in a CTE SQLite
    keeps apart (MATERIALIZED), so the joins that give the details (names, products) are
    made for the rows shown, not for the thousands counted. `details(ranked)` is the
    final select over the ranked CTE; it puts the rows back in order."""
    ranked = candidates.add_columns(func.count().over().label("total")).order_by(*order)
    if limit is not None:
        ranked = ranked.limit(limit)
    cte = ranked.cte("ranked").prefix_with("MATERIALIZED")
    rows = session.execute(details(cte).add_columns(cte.c.total)).all()
    # each row: the details' own columns, then the count
    return [typing_cast(tuple[*Columns], row[:-1]) for row in rows], (rows[0][-1] if rows else 0)


def _unindexed(
    session: Session, column: InstrumentedAttribute[Value]
) -> SQLColumnExpression[Value]:
    """The same value, but no index of the column walked for it: `+column` on SQLite;
    `column + 0` on PostgreSQL (a date and a day's number: the date), whose planner, told to
    sort a count(*) OVER () by the date under a LIMIT, would otherwise walk the date's index
    over every line ever shipped, believing it stops early (1.3 s on the bench base, against
    95 ms: make bench BACKEND=postgresql)."""
    if session.get_bind().dialect.name != "sqlite":
        return column.expression.op("+", return_type=column.type)(literal_column("0"))
    return UnaryExpression(column.expression, operator=custom_op("+"), type_=column.type)


def _shipments(
    session: Session, today: dt.date, limit: int | None
) -> tuple[list[LineColumns], int]:
    """Lines dated up to `today` of the orders still waiting to go out, oldest first."""
    date_unindexed = _unindexed(session, Shipment.date)
    candidates = (
        select(Shipment.id, Shipment.date, Shipment.order_id, Shipment.position)
        .select_from(Order)
        .join(Shipment, Shipment.order_id == Order.id)
        # The few orders waiting to go out are found by their status; unindexed, the date
        # cannot lure SQLite into walking its index over every line ever shipped (0.7 s on
        # the bench base, against 30 ms).
        .where(
            Order.status_id.in_(awaiting_shipment_status_ids()),
            date_unindexed <= today,
        )
    )

    def details(ranked: CTE) -> Select[*LineColumns]:
        return (
            line_query()
            .join(ranked, ranked.c.id == Shipment.id)
            .order_by(ranked.c.date, ranked.c.order_id, ranked.c.position)
        )

    # SQLite sorts the few candidates by the date as it is; PostgreSQL, not by its index
    day = Shipment.date if session.get_bind().dialect.name == "sqlite" else date_unindexed
    order = (day, Shipment.order_id, Shipment.position)
    return _first(session, candidates, order, limit, details)


def _shipment(row: LineColumns, today: dt.date) -> ShipmentDue:
    sid, oid, day, cid, name, phone, product, quantity, amount = row
    return ShipmentDue(
        sid, oid, day, cid, name, phone, product, quantity, from_minor(amount), (today - day).days
    )


def _customers(
    session: Session, today: dt.date, limit: int | None
) -> tuple[list[CustomerDue], int, list[CustomerDue], int]:
    """Customers due to reorder (the most overdue first: about to fall asleep) and recently
    asleep (the most recently first; equals in the order they became contacts), each cut to
    `limit`, with how many there are.

    Neither list holds an archived contact, one reminded later, or one with an order on its
    way. The candidates of both come from one pass over contact_lifecycle alone (joined with
    contacts first, SQLite tests all 50k of them); only the rows shown are named."""
    lc = ContactLifecycle
    archived = select(Contact.id).where(Contact.archived.is_(True))
    on_its_way = select(Order.contact_id).where(Order.first_ship_date > today, in_sales())
    due = due_to_reorder(today)
    asleep_now = and_(lc.asleep_from <= today, lc.long_asleep_from > today)
    # whole days as numbers: reading 10k dates back as date objects takes longer than the
    # query itself
    since_last = _days_between(lc.last_purchase, today)
    since_asleep = _days_between(lc.asleep_from, today)
    candidates = select(lc.contact_id, due, lc.cadence_halves, since_last, since_asleep).where(
        or_(due, asleep_now),
        lc.contact_id.not_in(archived),
        lc.contact_id.not_in(on_its_way),
        reminded(today),
    )
    reorder: list[tuple[float, int]] = []
    asleep: list[tuple[int, int]] = []
    for contact_id, is_due, halves, days_since_last, days_asleep in session.execute(candidates):
        if is_due:  # -r, r = days since the last purchase / cadence. A float orders these
            # small ratios exactly: equal ratios round alike, and unequal ones differ by far
            # more than a float's last digit.
            reorder.append((-2 * days_since_last / halves, contact_id))
        else:
            asleep.append((days_asleep, contact_id))
    reorder.sort()
    asleep.sort()
    shown = [c for _r, c in reorder[:limit]], [c for _days, c in asleep[:limit]]
    named = _named(session, today, [*shown[0], *shown[1]])
    return (
        [named[c] for c in shown[0]],
        len(reorder),
        [named[c] for c in shown[1]],
        len(asleep),
    )


def _days_between(column: SQLColumnExpression[dt.date | None], today: dt.date) -> Cast[int]:
    """SQL: whole days from the date in `column` to `today`."""
    return cast(func.julianday(today.isoformat()) - func.julianday(column), Integer)


def _named(session: Session, today: dt.date, contact_ids: list[int]) -> dict[int, CustomerDue]:
    """The customers of `contact_ids` (a page's worth) with their names and histories."""
    if not contact_ids:
        return {}
    lc = ContactLifecycle
    query = (
        select(
            Contact.id,
            Contact.name,
            Contact.phone,
            segment_of(today),
            lc.cadence_halves,
            lc.last_purchase,
        )
        .join(lc, lc.contact_id == Contact.id)
        .where(Contact.id.in_(contact_ids))
    )
    return {
        cid: CustomerDue(cid, name, phone, segment, Decimal(halves) / 2, last, (today - last).days)
        for cid, name, phone, segment, halves, last in session.execute(query)
    }


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
        # by the product's key and its name: PostgreSQL takes a column that depends on the
        # key alone from a table, but not from the view a manager reads products through
        .group_by(Order.contact_id, Product.id, Product.name)
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


__all__ = ["SHOWN", "CustomerDue", "ShipmentDue", "TodayPage", "today_page"]
