"""Planned shipments by day: what the calendar shows for a range of dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from models import Contact, Order, Product, Shipment, from_minor
from services.figures import LINE_AMOUNT, in_sales
from services.storage import Database


@dataclass(frozen=True)
class PlannedShipment:
    """One shipment line dated after today, of an order that is not lost."""

    shipment_id: int
    order_id: int
    date: dt.date
    contact_id: int
    contact_name: str
    contact_phone: str | None
    product: str
    quantity: int
    amount: Decimal


@dataclass(frozen=True)
class DaySummary:
    """A calendar day: how many planned lines, for whom (one name per contact), how much."""

    date: dt.date
    count: int
    customers: tuple[str, ...]
    amount: Decimal


def planned_shipments(
    database: Database, start: dt.date, end: dt.date, today: dt.date | None = None
) -> list[PlannedShipment]:
    """Planned lines dated in [start, end], by date, then customer, then line."""
    today = today or dt.date.today()
    query = (
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
        .join(Order, Order.id == Shipment.order_id)
        .join(Contact, Contact.id == Order.contact_id)
        .join(Product, Product.id == Shipment.product_id)
        .where(
            in_sales(),
            Shipment.date > today,
            Shipment.date >= start,
            Shipment.date <= end,
        )
        .order_by(Shipment.date, Contact.name_key, Contact.id, Shipment.order_id, Shipment.id)
    )
    with database.session() as session:
        return [
            PlannedShipment(sid, oid, day, cid, name, phone, product, quantity, from_minor(amount))
            for sid, oid, day, cid, name, phone, product, quantity, amount in session.execute(query)
        ]


def summarize(shipments: list[PlannedShipment]) -> dict[dt.date, DaySummary]:
    """Per-day totals of already-fetched lines (a calendar page holds a few dozen of them)."""
    days: dict[dt.date, list[PlannedShipment]] = {}
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


__all__ = ["DaySummary", "PlannedShipment", "day_summaries", "planned_shipments", "summarize"]
