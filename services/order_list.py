"""The order grid's query: filtered, sorted and paged in SQL, with group totals."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import Float, Integer, Select, cast, func, literal, or_, select, type_coerce

from models import Channel, Contact, Order, OrderStatus
from services.choices import business_settings, lost_status_ids
from services.contacts import contact_matches
from services.figures_math import Figures, average
from services.storage import Database

_AMOUNT = type_coerce(Order.amount, Integer)
_COST = type_coerce(Order.cost, Integer)
_PROFIT = type_coerce(Order.profit, Integer)
_MARGIN = cast(_PROFIT, Float) / func.nullif(_AMOUNT, 0)  # only for ordering rows

SORT_COLUMNS = {
    "number": Order.id,
    "date": Order.date,
    "contact": Contact.name_key,
    "phone": Contact.phone,
    "status": OrderStatus.position,
    "channel": Channel.name,
    "lines": Order.line_count,
    "units": Order.units,
    "amount": _AMOUNT,
    "cost": _COST,
    "profit": _PROFIT,
    "margin": _MARGIN,
}
GROUPINGS = ("contact", "status", "month")


@dataclass(frozen=True)
class OrderFilter:
    """Every field optional; an empty filter lists all orders."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    status_ids: tuple[int, ...] = ()
    contact_id: int | None = None
    text: str = ""


@dataclass(frozen=True)
class OrderQuery:
    filter: OrderFilter = field(default_factory=OrderFilter)
    sort: str = "date"
    descending: bool = True
    offset: int = 0
    limit: int = 200


@dataclass(frozen=True)
class OrderRow:
    id: int
    date: dt.date
    contact_id: int
    contact_name: str
    contact_phone: str | None
    status_id: int
    status: str
    status_role: str
    channel: str | None
    line_count: int
    units: int
    figures: Figures


@dataclass(frozen=True)
class OrderPage:
    rows: list[OrderRow]
    total: int  # rows matching the filter, for the scroll bar and the status bar


@dataclass(frozen=True)
class GroupRow:
    """Totals of one group; cancelled orders are counted apart and left out of the money."""

    key: str
    label: str
    orders: int
    cancelled: int
    figures: Figures

    @property
    def average_check(self) -> Decimal | None:
        return average(self.figures.amount, self.orders)


def _filtered(query: Select, flt: OrderFilter, region: str) -> Select:
    if flt.date_from is not None:
        query = query.where(Order.date >= flt.date_from)
    if flt.date_to is not None:
        query = query.where(Order.date <= flt.date_to)
    if flt.status_ids:
        query = query.where(Order.status_id.in_(flt.status_ids))
    if flt.contact_id is not None:
        query = query.where(Order.contact_id == flt.contact_id)
    text = flt.text.strip()
    if text:
        conditions = [contact_matches(text, region), Order.comment.contains(text, autoescape=True)]
        number = text.lstrip("№#").strip()
        if number.isdigit():
            conditions.append(Order.id == int(number))
        query = query.where(or_(*conditions))
    return query


def _base(columns) -> Select:
    return (
        select(*columns)
        .select_from(Order)
        .join(Contact, Contact.id == Order.contact_id)
        .join(OrderStatus, OrderStatus.id == Order.status_id)
        .outerjoin(Channel, Channel.id == Order.channel_id)
    )


def list_orders(database: Database, query: OrderQuery = OrderQuery()) -> OrderPage:
    """One page of the order grid, sorted by any column (computed ones included)."""
    if query.sort not in SORT_COLUMNS:
        raise ValueError(f"unknown sort column {query.sort!r}")
    sort = SORT_COLUMNS[query.sort]
    direction = sort.desc() if query.descending else sort.asc()
    tie = Order.id.desc() if query.descending else Order.id.asc()
    columns = (
        Order.id,
        Order.date,
        Contact.id,
        Contact.name,
        Contact.phone,
        OrderStatus.id,
        OrderStatus.name,
        OrderStatus.role,
        Channel.name,
        Order.line_count,
        Order.units,
        _AMOUNT,
        _COST,
    )
    with database.session() as session:
        region = business_settings(session).phone_region
        rows_query = (
            _filtered(_base(columns), query.filter, region)
            .order_by(direction.nulls_last(), tie)
            .offset(query.offset)
            .limit(query.limit)
        )
        rows = [
            OrderRow(*values[:11], figures=Figures.from_minor(values[11], values[12]))
            for values in session.execute(rows_query)
        ]
        total = session.scalar(_filtered(_base((func.count(),)), query.filter, region))
    return OrderPage(rows, total or 0)


def order_groups(
    database: Database, grouping: str, flt: OrderFilter = OrderFilter()
) -> list[GroupRow]:
    """Group totals by contact (identity, not name), status or month, most profitable first."""
    if grouping not in GROUPINGS:
        raise ValueError(f"unknown grouping {grouping!r}")
    selling = Order.status_id.not_in(lost_status_ids())
    if grouping == "contact":
        key, label = Contact.id, Contact.name + literal(" ") + func.coalesce(Contact.phone, "")
        group_by = (Contact.id,)
    elif grouping == "status":
        key, label, group_by = OrderStatus.id, OrderStatus.name, (OrderStatus.id,)
        # a status group shows its own orders, so a Cancelled group still shows what was lost
        selling = literal(True)
    else:
        month = func.strftime("%Y-%m", Order.date)
        key, label, group_by = month, month, (month,)

    def selling_sum(column):
        return func.coalesce(func.sum(func.iif(selling, column, 0)), 0)

    with database.session() as session:
        region = business_settings(session).phone_region
        query = _filtered(
            _base(
                (
                    key,
                    label,
                    func.sum(func.iif(selling, 1, 0)),
                    func.sum(func.iif(selling, 0, 1)),
                    selling_sum(_AMOUNT),
                    selling_sum(_COST),
                )
            ),
            flt,
            region,
        ).group_by(*group_by)
        groups = [
            GroupRow(str(k), lbl.strip(), n, lost, Figures.from_minor(a, c))
            for k, lbl, n, lost, a, c in session.execute(query)
        ]
    if grouping == "month":
        return sorted(groups, key=lambda g: g.key, reverse=True)
    return sorted(groups, key=lambda g: (-g.figures.profit, g.label))
