"""Shipments by day, planned and past: what the calendar shows for a range of dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Select, select

from models import Contact, Order, Product, Shipment, from_minor
from services.figures import LINE_AMOUNT, in_sales
from services.storage import Database


@dataclass(frozen=True)
class DayShipment:
    """One shipment line of an order that is not lost; planned when dated after today."""

    shipment_id: int
    order_id: int
    date: dt.date
    contact_id: int
    contact_name: str
    contact_phone: str | None
    product: str
    quantity: int
    amount: Decimal
    planned: bool = True


@dataclass(frozen=True)
class DaySummary:
    """A calendar day: how many planned lines, for whom (one name per contact), how much."""

    date: dt.date
    count: int
    customers: tuple[str, ...]
    amount: Decimal


# A row of line_query: shipment, order, date, contact id, name, phone, product, quantity and
# the amount in minor units.
LineColumns = tuple[int, int, dt.date, int, str, str | None, str, int, int]


def line_query() -> Select[*LineColumns]:
    """A shipment line with its order, customer (id, name, phone), product and amount: the
    columns of DayShipment from `planned` on, and of services.today.ShipmentDue."""
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
        .select_from(Shipment)
        .join(Order, Order.id == Shipment.order_id)
        .join(Contact, Contact.id == Order.contact_id)
        .join(Product, Product.id == Shipment.product_id)
    )


def day_shipments(
    database: Database, start: dt.date, end: dt.date, today: dt.date | None = None
) -> list[DayShipment]:
    """Every line dated in [start, end], shipped or planned, by date, then customer, then
    line (the calendar shows the past greyed, so a day's history is visible)."""
    today = today or dt.date.today()
    query = (
        line_query()
        .where(in_sales(), Shipment.date >= start, Shipment.date <= end)
        .order_by(Shipment.date, Contact.name_key, Contact.id, Shipment.order_id, Shipment.id)
    )
    with database.session() as session:
        return [
            DayShipment(
                sid, oid, day, cid, name, phone, product, quantity, from_minor(amount), day > today
            )
            for sid, oid, day, cid, name, phone, product, quantity, amount in session.execute(query)
        ]


def planned_shipments(
    database: Database, start: dt.date, end: dt.date, today: dt.date | None = None
) -> list[DayShipment]:
    """Planned lines (dated after today) in [start, end], in the order of day_shipments."""
    today = today or dt.date.today()
    after = max(start, today + dt.timedelta(days=1))
    return day_shipments(database, after, end, today) if after <= end else []


def summarize(shipments: list[DayShipment]) -> dict[dt.date, DaySummary]:
    """Per-day totals of already-fetched lines (a calendar page holds a few dozen of them)."""
    days: dict[dt.date, list[DayShipment]] = {}
    for line in shipments:
        days.setdefault(line.date, []).append(line)
    summaries = {}
    for day, lines in days.items():
        # One name per customer identity: two different Igors are two customers.
        names = {line.contact_id: line.contact_name for line in lines}
        amount = sum((line.amount for line in lines), Decimal("0.00"))
        summaries[day] = DaySummary(day, len(lines), tuple(names.values()), amount)
    return summaries


def day_summaries(
    database: Database, start: dt.date, end: dt.date, today: dt.date | None = None
) -> dict[dt.date, DaySummary]:
    """Days of [start, end] with planned shipments; days without any are absent."""
    return summarize(planned_shipments(database, start, end, today))


__all__ = [
    "DayShipment",
    "DaySummary",
    "day_shipments",
    "day_summaries",
    "line_query",
    "planned_shipments",
    "summarize",
]
