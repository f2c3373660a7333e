"""Sales figures computed by SQL aggregates: per contact, per product, per period.

Rules everywhere: orders in a lost status (Cancelled) count for nothing; a shipment dated
after `today` is *planned* and reported apart from realized sales, which are the shipments
dated up to and including today.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, case, exists, func, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import SQLColumnExpression

from models import Contact, Order, Product, Shipment
from models.formulas import LineColumns, line_amount, line_cost
from services.choices import lost_status_ids
from services.errors import NotFound
from services.figures_math import Figures, average
from services.storage import Database

# A shipment's amount and cost (models/formulas.py), in raw integer minor units, so sums stay
# exact integers inside SQLite.
LINE_AMOUNT = line_amount(LineColumns.of(Shipment))
LINE_COST = line_cost(LineColumns.of(Shipment))


def in_sales() -> ColumnElement[bool]:
    """The condition that keeps cancelled (lost) orders out of every sales figure."""
    return Order.status_id.not_in(lost_status_ids())


def _sum(
    expression: SQLColumnExpression[int], condition: ColumnElement[bool] | None = None
) -> ColumnElement[int]:
    if condition is not None:
        return func.coalesce(func.sum(case((condition, expression))), 0)
    return func.coalesce(func.sum(expression), 0)


@dataclass(frozen=True)
class Period:
    """Inclusive date range; None on a side means open-ended."""

    start: dt.date | None = None
    end: dt.date | None = None

    def conditions(self, column: SQLColumnExpression[dt.date]) -> list[ColumnElement[bool]]:
        found = []
        if self.start is not None:
            found.append(column >= self.start)
        if self.end is not None:
            found.append(column <= self.end)
        return found


@dataclass(frozen=True)
class PeriodFigures:
    period: Period
    realized: Figures
    planned: Figures
    orders: int
    lines: int
    units: int
    new_customers: int
    returning_customers: int

    @property
    def average_check(self) -> Decimal | None:
        return average(self.realized.amount, self.orders)


@dataclass(frozen=True)
class ContactFigures:
    contact_id: int
    orders: int
    realized: Figures
    planned: Figures
    first_purchase: dt.date | None
    last_purchase: dt.date | None

    @property
    def average_check(self) -> Decimal | None:
        return average(self.realized.amount, self.orders)


@dataclass(frozen=True)
class CustomerRow:
    """A line of a top-customers list: one contact identity, never a name group."""

    contact_id: int
    name: str
    phone: str | None
    orders: int
    figures: Figures

    @property
    def average_check(self) -> Decimal | None:
        return average(self.figures.amount, self.orders)


@dataclass(frozen=True)
class ProductFigures:
    product_id: int
    name: str
    sku: str | None
    active: bool
    default_price: Decimal
    default_cost: Decimal
    units: int
    orders: int
    figures: Figures


def period_figures(
    database: Database, period: Period, today: dt.date | None = None
) -> PeriodFigures:
    today = today or dt.date.today()
    realized = Shipment.date <= today
    planned = Shipment.date > today
    query = (
        select(
            _sum(LINE_AMOUNT, realized),
            _sum(LINE_COST, realized),
            _sum(LINE_AMOUNT, planned),
            _sum(LINE_COST, planned),
            func.count(func.distinct(case((realized, Shipment.order_id)))),
            func.count(case((realized, 1))),
            _sum(Shipment.quantity, realized),
        )
        .join(Order, Order.id == Shipment.order_id)
        .where(in_sales(), *period.conditions(Shipment.date))
    )
    with database.session() as session:
        amount, cost, p_amount, p_cost, orders, lines, units = session.execute(query).one()
        new, returning = _new_and_returning(session, period, today)
    return PeriodFigures(
        period=period,
        realized=Figures.from_minor(amount, cost),
        planned=Figures.from_minor(p_amount, p_cost),
        orders=orders,
        lines=lines,
        units=units,
        new_customers=new,
        returning_customers=returning,
    )


def _new_and_returning(session: Session, period: Period, today: dt.date) -> tuple[int, int]:
    """Buyers in the period: new if they had no realized purchase before it, else returning."""
    buyers = (
        select(Order.contact_id)
        .join(Shipment, Shipment.order_id == Order.id)
        .where(in_sales(), Shipment.date <= today, *period.conditions(Shipment.date))
        .distinct()
        .subquery()
    )
    if period.start is None:
        return session.execute(select(func.count()).select_from(buyers)).scalar_one(), 0
    earlier_order, earlier_line = aliased(Order), aliased(Shipment)
    bought_before = exists(
        select(1)
        .select_from(earlier_order)
        .join(earlier_line, earlier_line.order_id == earlier_order.id)
        .where(
            earlier_order.contact_id == buyers.c.contact_id,
            earlier_order.status_id.not_in(lost_status_ids()),
            earlier_line.date < period.start,
        )
    )
    total, returning = session.execute(
        select(
            func.count(), func.coalesce(func.sum(case((bought_before, 1), else_=0)), 0)
        ).select_from(buyers)
    ).one()
    return total - returning, returning


def contact_figures(
    database: Database, contact_id: int, today: dt.date | None = None
) -> ContactFigures:
    today = today or dt.date.today()
    realized = Shipment.date <= today
    planned = Shipment.date > today
    query = (
        select(
            func.count(func.distinct(case((realized, Shipment.order_id)))),
            _sum(LINE_AMOUNT, realized),
            _sum(LINE_COST, realized),
            _sum(LINE_AMOUNT, planned),
            _sum(LINE_COST, planned),
            func.min(case((realized, Shipment.date))),
            func.max(case((realized, Shipment.date))),
        )
        .join(Order, Order.id == Shipment.order_id)
        .where(Order.contact_id == contact_id, in_sales())
    )
    with database.session() as session:
        if session.get(Contact, contact_id) is None:
            raise NotFound.of("contact.not_found", contact_id)
        orders, amount, cost, p_amount, p_cost, first, last = session.execute(query).one()
    return ContactFigures(
        contact_id=contact_id,
        orders=orders,
        realized=Figures.from_minor(amount, cost),
        planned=Figures.from_minor(p_amount, p_cost),
        first_purchase=_as_date(first),
        last_purchase=_as_date(last),
    )


def top_customers(
    database: Database,
    period: Period,
    by: str = "revenue",
    limit: int = 10,
    today: dt.date | None = None,
) -> list[CustomerRow]:
    """Customers ranked by realized revenue or profit, one row per contact (phone identity)."""
    today = today or dt.date.today()
    amount = func.sum(LINE_AMOUNT).label("amount")
    cost = func.sum(LINE_COST).label("cost")
    if by not in ("revenue", "profit"):
        raise ValueError(f"top customers are ranked by revenue or profit, not {by!r}")
    order_by = amount if by == "revenue" else amount - cost
    query = (
        select(
            Contact.id,
            Contact.name,
            Contact.phone,
            func.count(func.distinct(Shipment.order_id)),
            amount,
            cost,
        )
        .select_from(Shipment)
        .join(Order, Order.id == Shipment.order_id)
        .join(Contact, Contact.id == Order.contact_id)
        .where(in_sales(), Shipment.date <= today, *period.conditions(Shipment.date))
        .group_by(Contact.id)
        .order_by(order_by.desc(), Contact.id)
        .limit(limit)
    )
    with database.session() as session:
        return [
            CustomerRow(cid, name, phone, orders, Figures.from_minor(a, c))
            for cid, name, phone, orders, a, c in session.execute(query)
        ]


def product_figures(
    database: Database,
    period: Period = Period(),
    today: dt.date | None = None,
    include_inactive: bool = True,
) -> list[ProductFigures]:
    """Every product with its realized units, revenue, cost and profit in the period."""
    today = today or dt.date.today()
    sold = (
        select(
            Shipment.product_id.label("product_id"),
            func.sum(Shipment.quantity).label("units"),
            func.count(func.distinct(Shipment.order_id)).label("orders"),
            func.sum(LINE_AMOUNT).label("amount"),
            func.sum(LINE_COST).label("cost"),
        )
        .join(Order, Order.id == Shipment.order_id)
        .where(in_sales(), Shipment.date <= today, *period.conditions(Shipment.date))
        .group_by(Shipment.product_id)
        .subquery()
    )
    query = (
        select(
            Product.id,
            Product.name,
            Product.sku,
            Product.active,
            Product.default_price,
            Product.default_cost,
            func.coalesce(sold.c.units, 0),
            func.coalesce(sold.c.orders, 0),
            sold.c.amount,
            sold.c.cost,
        )
        .outerjoin(sold, sold.c.product_id == Product.id)
        .order_by(
            (func.coalesce(sold.c.amount, 0) - func.coalesce(sold.c.cost, 0)).desc(), Product.name
        )
    )
    if not include_inactive:
        query = query.where(Product.active.is_(True))
    with database.session() as session:
        return [
            ProductFigures(
                pid, name, sku, active, price, cost, units, orders, Figures.from_minor(a, c)
            )
            for pid, name, sku, active, price, cost, units, orders, a, c in session.execute(query)
        ]


def _as_date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


__all__ = [
    "ContactFigures",
    "CustomerRow",
    "Period",
    "PeriodFigures",
    "ProductFigures",
    "contact_figures",
    "period_figures",
    "product_figures",
    "top_customers",
]
