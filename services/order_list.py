"""The order grid's query: filtered, sorted and paged in SQL, with group totals.

Filters touch only `orders` columns (a text search or a tag becomes `contact_id IN (...)`), so
the row count and the choice of a page's ids need no join; the joins run for the page's rows
only, and the customers' tags are read for the page's contacts in one more query.
A deal's score (probability, value, class: services.scoring) is SQL over `orders` too: the
sort by it runs over the filter, its display over the page's rows only.
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
from services.scoring import (
    CLASSES,
    LOST,
    SLID,
    DealColumns,
    Scoring,
    deal_columns,
    load_scoring,
)
from services.storage import Database
from services.tags import TagView, contact_tags, order_tag_condition, tagged_share

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
# The sort keys of a deal's score: their expressions depend on the scoring rules and the day,
# so they are built per query (_deal_sorts), not kept in SORT_COLUMNS.
DEAL_SORTS = ("probability", "value", "class")
SORT_KEYS = (*SORT_COLUMNS, *DEAL_SORTS)
# A class's rank, the best highest: a descending sort puts A first, as it puts the most
# valuable first; a deal that slid down comes after C, a lost order (F) after E.
_CLASS_ORDER = (*CLASSES[:3], SLID, *CLASSES[3:], LOST)  # A B C C2 D E F
_CLASS_RANKS = {letter: len(_CLASS_ORDER) - place for place, letter in enumerate(_CLASS_ORDER)}
GROUPINGS = ("contact", "status", "month")
# Sorts an index of `orders` serves alone. A page of the orders of customers carrying a tag
# many customers carry (COMMON_TAGS of them or more) is found sooner by walking that index and
# testing each order than by sorting all of those customers' orders (on the bench's base, a
# tag on 6% of the customers sorted by profit: 36 ms against 200; even at 3%); a rarer tag's
# orders are few, and read off the customers' index (a tag on 5 customers: 0.2 ms, not 2 s).
INDEXED_SORTS = ("number", "date", "amount", "profit", "margin")
COMMON_TAGS = 0.03
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
    tag_ids: tuple[int, ...] = ()  # only orders whose customer carries any of these tags


@dataclass(frozen=True)
class OrderQuery:
    filter: OrderFilter = field(default_factory=OrderFilter)
    sort: str = "date"
    descending: bool = True
    offset: int = 0
    limit: int = 200
    today: dt.date | None = None  # the day deals are scored for; None is today


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
    # The deal's score (services.scoring): probability in whole percent and value for an open
    # order, None otherwise; class A–E or C2 for an open order, F for a lost one, None for won.
    probability: int | None = None
    value: Decimal | None = None
    klass: str | None = None
    tags: tuple[TagView, ...] = ()  # the customer's, by name

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


def _conditions(
    flt: OrderFilter, session: Session, walk_sorted: bool = False
) -> list[ColumnElement[bool]]:
    """The filter as conditions on `orders` columns only; `walk_sorted`: the tags' one
    written for SQLite to walk the sort's index rather than the customers' (INDEXED_SORTS)."""
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
    if flt.tag_ids:
        found.append(order_tag_condition(flt.tag_ids, by_customer=not walk_sorted))
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


def _deal_sorts(deal: DealColumns) -> dict[str, tuple[ColumnElement, ...]]:
    """Each score's sort key; the value breaks ties of a probability or a class (many deals
    share the floor's probability, or a class)."""
    rank = case(_CLASS_RANKS, value=deal.klass, else_=None)
    return {
        "probability": (deal.probability, deal.value),
        "value": (deal.value,),
        "class": (rank, deal.value),
    }


def _ordering(query: OrderQuery, deal: DealColumns) -> tuple:
    if query.sort in SORT_COLUMNS:
        columns: tuple[ColumnElement, ...] = (SORT_COLUMNS[query.sort][0],)
    else:
        columns = _deal_sorts(deal)[query.sort]
    return _ordered(columns, query.descending)


def _ordered(columns: tuple[ColumnElement, ...], descending: bool) -> tuple:
    if descending:  # SQLite puts NULLs last in DESC by itself, so an index still serves
        return *(column.desc() for column in columns), Order.id.desc()
    return *(column.asc().nulls_last() for column in columns), Order.id.asc()


@dataclass(frozen=True)
class _Segment:
    """Orders of some statuses that come together in a sort by a score, and their key."""

    statuses: ColumnElement[bool]
    keys: tuple[ColumnElement, ...] = ()  # before the order number; none: by number alone


def _segments(query: OrderQuery, deal: DealColumns, scoring: Scoring) -> list[_Segment]:
    """A sort by a score, as the runs of orders it gives: the open deals by their score, the
    lost orders (class F) by number, then the rest (won: no score) by number. The same order
    as _ordering's, but each run is read through the status index and sorted alone, so a
    sort by a score sorts the few thousand deals, not every order."""
    open_ids, lost_ids = scoring.open_ids or (-1,), scoring.lost_ids or (-1,)
    deals = _Segment(Order.status_id.in_(open_ids), _deal_sorts(deal)[query.sort])
    if query.sort != "class":
        return [deals, _Segment(Order.status_id.not_in(open_ids))]
    lost = _Segment(Order.status_id.in_(lost_ids))
    rest = _Segment(Order.status_id.not_in((*open_ids, *lost_ids)))
    return [deals, lost, rest] if query.descending else [lost, deals, rest]


def _segment_ids(
    session: Session, query: OrderQuery, conditions: list, segments: list[_Segment]
) -> list[int]:
    """The ids of the page: each run in turn, skipping the runs the offset passes whole."""
    ids: list[int] = []
    offset = query.offset
    for number, segment in enumerate(segments):
        wanted = query.limit - len(ids)
        if wanted <= 0:
            break
        if offset and number < len(segments) - 1:
            size = session.scalar(
                select(func.count()).select_from(Order).where(segment.statuses, *conditions)
            )
            if offset >= (size or 0):
                offset -= size or 0
                continue
        found = session.scalars(
            select(Order.id)
            .where(segment.statuses, *conditions)
            .order_by(*_ordered(segment.keys, query.descending))
            .offset(offset)
            .limit(wanted)
        )
        ids.extend(found)
        offset = 0
    return ids


def list_orders(database: Database, query: OrderQuery = OrderQuery()) -> OrderPage:
    """One page of the order grid, sorted by any column (computed ones and scores included)."""
    if query.sort not in SORT_KEYS:
        raise ValueError(f"unknown sort column {query.sort!r}")
    with database.session() as session:
        scoring = load_scoring(session)
        deal = deal_columns(scoring, query.today or dt.date.today())
        ordering = _ordering(query, deal)
        conditions = _conditions(query.filter, session)
        rows_query = select(
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
            deal.probability,
            deal.value,
            deal.klass,
        )
        if query.sort in DEAL_SORTS:
            ids = _segment_ids(session, query, conditions, _segments(query, deal, scoring))
            rows_query = rows_query.select_from(Order).where(Order.id.in_(ids))
        else:
            page_ids = select(Order.id.label("page_id")).select_from(Order)
            sort_table = SORT_COLUMNS[query.sort][1]
            if sort_table is not None:
                page_ids = _JOINS[sort_table](page_ids)
            page_conditions = conditions
            if (
                query.filter.tag_ids
                and query.sort in INDEXED_SORTS
                and tagged_share(session, query.filter.tag_ids) >= COMMON_TAGS
            ):
                page_conditions = _conditions(query.filter, session, walk_sorted=True)
            page_ids = (
                page_ids.where(*page_conditions)
                .order_by(*ordering)
                .offset(query.offset)
                .limit(query.limit)
                .subquery()
            )
            rows_query = rows_query.select_from(page_ids).join(
                Order, Order.id == page_ids.c.page_id
            )
        for table in (Contact, OrderStatus, Channel):
            rows_query = _JOINS[table](rows_query)
        found = session.execute(rows_query.order_by(*ordering)).all()
        tags = contact_tags(session, (values[2] for values in found))
        rows = [
            OrderRow(
                *values[:11],
                figures=Figures.from_minor(values[11], values[12]),
                paid=from_minor(values[13]),
                probability=values[14],
                value=None if values[15] is None else from_minor(values[15]),
                klass=values[16],
                tags=tuple(tags[values[2]]),
            )
            for values in found
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
