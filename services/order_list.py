"""The order grid's query: filtered, sorted and paged in SQL, with group totals.

Filters touch only `orders` columns (a text search becomes `contact_id IN (...)`), so the row
count and the choice of a page's ids need no join; the joins run for the page's rows only.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal

from sqlalchemy import (
    ColumnElement,
    Integer,
    and_,
    case,
    func,
    literal_column,
    or_,
    select,
    text,
    type_coerce,
)
from sqlalchemy.orm import Session

from models import Channel, Contact, Order, OrderStatus
from models.types import from_minor
from services.choices import business_settings
from services.contacts import contact_matches
from services.figures_math import Figures, average
from services.payments import OWING_SQL, owing_since
from services.storage import Database

_AMOUNT = type_coerce(Order.amount, Integer)
_COST = type_coerce(Order.cost, Integer)
_PROFIT = type_coerce(Order.profit, Integer)
# The expression of the index ix_orders_margin, written out so that SQLite matches it (a bound
# parameter in place of the 0 would not match, and every margin sort would scan and sort).
_MARGIN = literal_column("CAST(orders.profit AS REAL) / NULLIF(orders.amount, 0)")
_PAID = type_coerce(Order.paid, Integer)
# What the order still owes (services.payments.Balance.owed): a cancelled order owes nothing,
# so whatever was paid for it comes out negative, money to give back.
_LOST = select(OrderStatus.id).where(OrderStatus.role == "lost")
_BALANCE = case((Order.status_id.in_(_LOST), 0), else_=_AMOUNT) - _PAID

# sort key → (column, the table a page query must join to sort by it)
SORT_COLUMNS = {
    "number": (Order.id, None),
    "date": (Order.date, None),
    "contact": (Contact.name_key, Contact),
    "phone": (Contact.phone, Contact),
    "status": (OrderStatus.position, OrderStatus),
    "channel": (Channel.name, Channel),
    "lines": (Order.line_count, None),
    "units": (Order.units, None),
    "amount": (_AMOUNT, None),
    "cost": (_COST, None),
    "profit": (_PROFIT, None),
    "margin": (_MARGIN, None),
    "paid": (_PAID, None),
    "balance": (_BALANCE, None),
}
GROUPINGS = ("contact", "status", "month")
_JOINS = {
    Contact: lambda q: q.join(Contact, Contact.id == Order.contact_id),
    OrderStatus: lambda q: q.join(OrderStatus, OrderStatus.id == Order.status_id),
    Channel: lambda q: q.outerjoin(Channel, Channel.id == Order.channel_id),
}


@dataclass(frozen=True)
class OrderFilter:
    """Every field optional; an empty filter lists all orders."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    status_ids: tuple[int, ...] = ()
    contact_id: int | None = None
    text: str = ""
    owing: bool = False  # only orders that owe money, by the debtors list's rule


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
    paid: Decimal

    @property
    def cancelled(self) -> bool:
        return self.status_role == "lost"

    @property
    def balance(self) -> Decimal:
        """What is still owed (services.payments.Balance.owed): the amount less what was
        paid, and for a cancelled order 0 less what was paid (negative: money to give back)."""
        return (Decimal("0.00") if self.cancelled else self.figures.amount) - self.paid


@dataclass(frozen=True)
class OrderPage:
    rows: list[OrderRow]
    total: int  # rows matching the filter, for the scroll bar and the status bar


@dataclass(frozen=True)
class GroupRow:
    """Totals of one group; cancelled orders are counted apart and left out of the money."""

    key: str
    label: str  # contact name, status name or YYYY-MM
    orders: int
    cancelled: int
    figures: Figures
    phone: str | None = None  # for contact groups: the identity behind the name

    @property
    def average_check(self) -> Decimal | None:
        return average(self.figures.amount, self.orders)


def _conditions(flt: OrderFilter, session: Session) -> list[ColumnElement[bool]]:
    """The filter as conditions on `orders` columns only."""
    found: list[ColumnElement[bool]] = []
    if flt.owing:  # the very condition of the debtors list
        owing = text(OWING_SQL.format(o=Order.__tablename__))
        found.append(owing.bindparams(since=owing_since(session)))
    if flt.date_from is not None:
        found.append(Order.date >= flt.date_from)
    if flt.date_to is not None:
        found.append(Order.date <= flt.date_to)
    if flt.status_ids:
        found.append(Order.status_id.in_(flt.status_ids))
    if flt.contact_id is not None:
        found.append(Order.contact_id == flt.contact_id)
    typed = flt.text.strip()
    if typed:
        region = business_settings(session).phone_region
        # With the partial index on comments every alternative has an index of its own, so
        # SQLite answers the OR as a MULTI-INDEX OR instead of scanning every order.
        alternatives = [
            Order.contact_id.in_(select(Contact.id).where(contact_matches(typed, region))),
            and_(Order.comment.is_not(None), Order.comment.contains(typed, autoescape=True)),
        ]
        number = typed.lstrip("№#").strip()
        if re.fullmatch(r"[0-9]{1,18}", number):  # ASCII digits that fit an order number
            alternatives.append(Order.id == int(number))
        found.append(or_(*alternatives))
    return found


def _ordering(query: OrderQuery) -> tuple:
    if query.sort not in SORT_COLUMNS:
        raise ValueError(f"unknown sort column {query.sort!r}")
    column, _table = SORT_COLUMNS[query.sort]
    if query.descending:  # SQLite puts NULLs last in DESC by itself, so an index still serves
        return column.desc(), Order.id.desc()
    return column.asc().nulls_last(), Order.id.asc()


def list_orders(database: Database, query: OrderQuery = OrderQuery()) -> OrderPage:
    """One page of the order grid, sorted by any column (computed ones included)."""
    ordering = _ordering(query)
    sort_table = SORT_COLUMNS[query.sort][1]
    with database.session() as session:
        conditions = _conditions(query.filter, session)
        page_ids = select(Order.id.label("page_id")).select_from(Order)
        if sort_table is not None:
            page_ids = _JOINS[sort_table](page_ids)
        page_ids = (
            page_ids.where(*conditions)
            .order_by(*ordering)
            .offset(query.offset)
            .limit(query.limit)
            .subquery()
        )
        rows_query = (
            select(
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
                _PAID,
            )
            .select_from(page_ids)
            .join(Order, Order.id == page_ids.c.page_id)
        )
        for table in (Contact, OrderStatus, Channel):
            rows_query = _JOINS[table](rows_query)
        rows = [
            OrderRow(
                *values[:11],
                figures=Figures.from_minor(values[11], values[12]),
                paid=from_minor(values[13]),
            )
            for values in session.execute(rows_query.order_by(*ordering))
        ]
        total = session.scalar(select(func.count()).select_from(Order).where(*conditions))
    return OrderPage(rows, total or 0)


def iter_orders(database: Database, query: OrderQuery, batch: int = 2000) -> Iterator[OrderRow]:
    """Every order the query's filter and sort give, fetched `batch` at a time (exports)."""
    offset = query.offset
    while True:
        page = list_orders(database, replace(query, offset=offset, limit=batch))
        yield from page.rows
        if len(page.rows) < batch:
            return
        offset += len(page.rows)


def order_groups(
    database: Database, grouping: str, flt: OrderFilter = OrderFilter()
) -> list[GroupRow]:
    """Group totals by contact (identity, not name), status or month, most profitable first.

    Cancelled orders add no money to a group and are counted apart, except in a status
    grouping, where the Cancelled group shows what was lost.
    """
    if grouping not in GROUPINGS:
        raise ValueError(f"unknown grouping {grouping!r}")
    keys = {
        "contact": Order.contact_id,
        "status": Order.status_id,
        "month": func.strftime("%Y-%m", Order.date),
    }
    key = keys[grouping].label("key")

    def selling_sum(column):
        return func.coalesce(func.sum(func.iif(selling, column, 0)), 0)

    with database.session() as session:
        conditions = _conditions(flt, session)
        # resolved once: a NOT IN subquery repeated per aggregate doubles the time of a year
        lost = session.scalars(select(OrderStatus.id).where(OrderStatus.role == "lost")).all()
        selling = Order.status_id.not_in(lost)
        if grouping == "status" or not lost:
            selling = literal_column("1") == 1
        totals = (
            select(
                key,
                func.sum(func.iif(selling, 1, 0)).label("orders"),
                func.sum(func.iif(selling, 0, 1)).label("cancelled"),
                selling_sum(_AMOUNT).label("amount"),
                selling_sum(_COST).label("cost"),
            )
            .where(*conditions)
            .group_by(key)
            .subquery()
        )
        if grouping == "contact":
            label, phone = Contact.name, Contact.phone
            query = select(totals, label, phone).join(Contact, Contact.id == totals.c.key)
        elif grouping == "status":
            label, phone = OrderStatus.name, literal_column("NULL")
            query = select(totals, label, phone).join(OrderStatus, OrderStatus.id == totals.c.key)
        else:
            query = select(totals, totals.c.key, literal_column("NULL"))
        groups = [
            GroupRow(str(k), str(lbl), n, lost, Figures.from_minor(a, c), tel)
            for k, n, lost, a, c, lbl, tel in session.execute(query)
        ]
    if grouping == "month":
        return sorted(groups, key=lambda g: g.key, reverse=True)
    return sorted(groups, key=lambda g: (-g.figures.profit, g.label))
