"""The order grid's query: filtered, sorted and paged in SQL, and so are its group totals.

Filters touch only `orders` columns (a text search or a tag becomes `contact_id IN (...)`), so
the row count and the choice of a page's ids need no join; the joins run for the page's rows
only, and the customers' tags are read for the page's contacts in one more query.
A deal's score (probability, value, class: services.scoring) is SQL over `orders` too: the
sort by it runs over the filter, its display over the page's rows only.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from itertools import starmap
from typing import Any, NamedTuple

from sqlalchemy import (
    Column,
    ColumnElement,
    Date,
    Integer,
    Label,
    Select,
    SQLColumnExpression,
    String,
    Subquery,
    TextClause,
    and_,
    bindparam,
    case,
    cast,
    func,
    literal_column,
    or_,
    select,
    text,
    true,
    type_coerce,
    union_all,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.base import ReadOnlyColumnCollection
from sqlalchemy.sql.elements import TypeCoerce

from models import (
    Base,
    Channel,
    Contact,
    Order,
    OrderContactTotal,
    OrderMonthTotal,
    OrderStatus,
    fold,
)
from models.formulas import margin
from models.order_totals import ALL_TIME, month_of
from models.types import BigInt, from_minor
from services.choices import business_settings
from services.contacts import contact_matches
from services.figures_math import Figures, average
from services.payments import owing_since, owing_sql
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
# The expression of the index ix_orders_margin (models.formulas.margin renders it exactly, so
# SQLite matches the index instead of scanning and sorting).
_MARGIN: ColumnElement[Any] = margin(Order.profit, Order.amount)
_PAID = type_coerce(Order.paid, Integer)
# What the order still owes (services.payments.Balance.owed): a cancelled order owes nothing,
# so whatever was paid for it comes out negative, money to give back.
_LOST = select(OrderStatus.id).where(OrderStatus.role == "lost")
_BALANCE = case((Order.status_id.in_(_LOST), 0), else_=_AMOUNT) - _PAID

# sort key → (column, the table a page query must join to sort by it)
SORT_COLUMNS: dict[str, tuple[SQLColumnExpression[Any], type[Base] | None]] = {
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
# Any columns: a page's ids, or its rows.
_AnySelect = Select[*tuple[Any, ...]]
_JOINS: dict[type[Base], Callable[[_AnySelect], _AnySelect]] = {
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


class GroupRow(NamedTuple):
    """Totals of one group; cancelled orders are counted apart and left out of the money.

    A tuple, built straight from SQL's row, its money in minor units: made Decimal (figures)
    only for the groups shown or exported; SQL sorts them on the integers (list_groups)."""

    key: str
    label: str  # contact name, status name or YYYY-MM
    orders: int
    cancelled: int
    amount_minor: int
    cost_minor: int
    phone: str | None = None  # for contact groups: the identity behind the name

    @property
    def figures(self) -> Figures:
        return Figures.from_minor(self.amount_minor, self.cost_minor)

    @property
    def average_check(self) -> Decimal | None:
        return average(self.figures.amount, self.orders)


# What the group grid sorts by, in the order of its columns (ui/orders/models.py): the group's
# name, its orders, cancelled orders, amount, profit, margin and average check.
GROUP_SORTS = ("group", "orders", "cancelled", "amount", "profit", "margin", "average")
GROUP_PAGE = 500  # groups a page: each page sums every group again, so a page is long


@dataclass(frozen=True)
class GroupQuery:
    """A page of group totals. `sort` None is the grouping's own order: contacts and statuses
    most profitable first (then by key), months newest first; that order breaks a sort's ties
    too (see _group_order)."""

    grouping: str = "contact"
    filter: OrderFilter = field(default_factory=OrderFilter)
    sort: str | None = None  # one of GROUP_SORTS
    descending: bool = True
    offset: int = 0
    limit: int | None = GROUP_PAGE  # None: every group (an export)


@dataclass(frozen=True)
class GroupPage:
    rows: list[GroupRow]
    total: int  # every group the filter gives, not only the page's


# A condition on orders: an expression, or the debtors list's SQL (OWING_SQL).
_Condition = ColumnElement[bool] | TextClause


def _conditions(flt: OrderFilter, session: Session, walk_sorted: bool = False) -> list[_Condition]:
    """The filter as conditions on `orders` columns only; `walk_sorted`: the tags' one
    written for SQLite to walk the sort's index rather than the customers' (INDEXED_SORTS)."""
    found: list[_Condition] = []
    if flt.owing:  # the very condition of the debtors list, in the database's words
        owing = text(owing_sql(session.get_bind().dialect.name, Order.__tablename__))
        # bound as a date: PostgreSQL compares no date with text (SQLite binds it as its text)
        since = dt.date.fromisoformat(owing_since(session))
        found.append(owing.bindparams(bindparam("since", since, type_=Date)))
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


def _deal_sorts(deal: DealColumns) -> dict[str, tuple[SQLColumnExpression[Any], ...]]:
    """Each score's sort key; the value breaks ties of a probability or a class (many deals
    share the floor's probability, or a class)."""
    rank = case(_CLASS_RANKS, value=deal.klass, else_=None)
    return {
        "probability": (deal.probability, deal.value),
        "value": (deal.value,),
        "class": (rank, deal.value),
    }


def _ordering(query: OrderQuery, deal: DealColumns, dialect: str) -> tuple[ColumnElement[Any], ...]:
    if query.sort in SORT_COLUMNS:
        columns: tuple[SQLColumnExpression[Any], ...] = (SORT_COLUMNS[query.sort][0],)
    else:
        columns = _deal_sorts(deal)[query.sort]
    return _ordered(columns, query.descending, dialect)


def _ordered(
    columns: tuple[SQLColumnExpression[Any], ...], descending: bool, dialect: str
) -> tuple[ColumnElement[Any], ...]:
    """NULLs (no margin, no phone, no score) last either way. SQLite puts them last in DESC
    by itself, and told so explicitly it no longer walks an index for the sort; PostgreSQL
    puts them first in DESC unless told, and told so it walks no plain index backwards: a
    column that is never NULL (the date, the profit) is sorted as it is, through its index
    (make bench BACKEND=postgresql: the default grid page 123 → 13 ms)."""
    if descending and dialect == "sqlite":
        return *(column.desc() for column in columns), Order.id.desc()
    if descending:
        return (
            *(
                column.desc().nulls_last() if _may_be_null(column) else column.desc()
                for column in columns
            ),
            Order.id.desc(),
        )
    return *(column.asc().nulls_last() for column in columns), Order.id.asc()


def _may_be_null(column: SQLColumnExpression[Any]) -> bool:
    """Whether a sort key may be NULL: an order's own column says so; an expression may be,
    and so may a column of a table joined to the orders (an order without a channel)."""
    element = getattr(column, "expression", column)  # an ORM attribute's column
    while isinstance(element, TypeCoerce):  # the money columns read as plain integers
        element = element.clause
    if not isinstance(element, Column) or element.table is not Order.__table__:
        return True
    return bool(element.nullable)


@dataclass(frozen=True)
class _Segment:
    """Orders of some statuses that come together in a sort by a score, and their key."""

    statuses: ColumnElement[bool]
    keys: tuple[SQLColumnExpression[Any], ...] = ()  # before the number; none: by number alone


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
    session: Session, query: OrderQuery, conditions: list[_Condition], segments: list[_Segment]
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
            .order_by(*_ordered(segment.keys, query.descending, _dialect(session)))
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
        ordering = _ordering(query, deal, _dialect(session))
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
            page_ids: _AnySelect = select(Order.id.label("page_id")).select_from(Order)
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
            page = (
                page_ids.where(*page_conditions)
                .order_by(*ordering)
                .offset(query.offset)
                .limit(query.limit)
                .subquery()
            )
            rows_query = rows_query.select_from(page).join(Order, Order.id == page.c.page_id)
        for table in (Contact, OrderStatus, Channel):
            rows_query = _JOINS[table](rows_query)
        found = session.execute(rows_query.order_by(*ordering)).all()
        tags = contact_tags(session, (values[2] for values in found))
        rows = [
            OrderRow(
                *_head(values),
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


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


# A page row's first eleven columns, as OrderRow takes them.
_RowHead = tuple[int, dt.date, int, str, str | None, int, str, str, str | None, int, int]


def _head(v: Sequence[Any]) -> _RowHead:
    return v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]


def iter_orders(database: Database, query: OrderQuery, batch: int = 2000) -> Iterator[OrderRow]:
    """Every order the query's filter and sort give, fetched `batch` at a time (exports)."""
    offset = query.offset
    while True:
        page = list_orders(database, replace(query, offset=offset, limit=batch))
        yield from page.rows
        if len(page.rows) < batch:
            return
        offset += len(page.rows)


def list_groups(database: Database, query: GroupQuery = GroupQuery()) -> GroupPage:
    """One page of group totals by contact (identity, not name), status or month, sorted in
    SQL by any of the group grid's columns (GROUP_SORTS), with the number of groups.

    Cancelled orders add no money to a group and are counted apart, except in a status
    grouping, where the Cancelled group shows what was lost. A filter of dates and statuses
    alone is read from the totals the triggers keep (models/order_totals.py): whole periods
    from them, the days of a month the period does not cover whole from the orders; any other
    filter sums the orders it selects. A year by contact is some 35 000 groups: SQLite sums and
    sorts them all, but names, sends and makes GroupRow of the page's only.
    """
    if query.grouping not in GROUPINGS:
        raise ValueError(f"unknown grouping {query.grouping!r}")
    if query.sort is not None and query.sort not in GROUP_SORTS:
        raise ValueError(f"unknown group sort {query.sort!r}")
    with database.session() as session:
        if _summed_ahead(query.filter):
            source = _summary_source(session, query.grouping, query.filter)
        else:
            source = _orders_source(query.grouping, _conditions(query.filter, session))
        if source is None:  # no order at all
            return GroupPage([], 0)
        # resolved once: a NOT IN subquery repeated per aggregate doubles the time of a year
        lost = session.scalars(select(OrderStatus.id).where(OrderStatus.role == "lost")).all()
        totals = _totals(source, () if query.grouping == "status" else lost)
        by_name = query.sort == "group" and query.grouping != "month"
        name_key = _name_key(session, query.grouping, totals) if by_name else None
        # The driver's own tuples (every column is an int or a str, nothing to convert): all of
        # a year's groups by contact are some 35 000, and a Row of each took as long as SQL.
        result = session.connection().execute(_group_rows(query, totals, name_key))
        try:
            found = list(starmap(GroupRow, result.cursor.fetchall()))
        finally:
            result.close()
        if query.limit is None:
            return GroupPage(found, len(found))
        # a group to each key: counted over the source without summing (a year: 6 ms, not 35)
        count = select(func.count(source.c.key.distinct()))
        total = session.scalar(count) or 0
    return GroupPage(found, total)


def order_groups(
    database: Database, grouping: str, flt: OrderFilter = OrderFilter()
) -> list[GroupRow]:
    """Every group (list_groups, unpaged) in the grouping's own order: contacts and statuses
    most profitable first (then by key), months newest first."""
    return list_groups(database, GroupQuery(grouping, flt, limit=None)).rows


# The filters the kept totals answer: dates and statuses (see _summed_ahead).
_SUMMED_FIELDS = ("date_from", "date_to", "status_ids")


def _summed_ahead(flt: OrderFilter) -> bool:
    """Whether the kept totals answer the filter: one of dates and statuses alone."""
    return flt == OrderFilter(**{name: getattr(flt, name) for name in _SUMMED_FIELDS})


@dataclass(frozen=True)
class _Cover:
    """A period as the kept totals read it: the contacts' periods (months, whole years, all
    time) and the months (YYYYMM) it covers whole, and its days outside them."""

    periods: tuple[int, ...]
    months: tuple[int, ...]
    days: tuple[tuple[dt.date, dt.date], ...]


def _month_number(day: dt.date) -> int:
    return day.year * 100 + day.month


def _month_end(day: dt.date) -> dt.date:
    following = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - dt.timedelta(days=1)


def _cover(
    start: dt.date | None, end: dt.date | None, first: dt.date, last: dt.date
) -> _Cover | None:
    """[start, end] (open where None) over orders dated `first` to `last`; None: no order.
    The ends are brought within the years of the orders, not nearer: a year the period takes
    whole up to its first order is still read as one year."""
    lowest, highest = dt.date(first.year, 1, 1), dt.date(last.year, 12, 31)
    start = lowest if start is None else max(start, lowest)
    end = highest if end is None else min(end, highest)
    if start > end:
        return None
    whole_from = start if start.day == 1 else _month_end(start) + dt.timedelta(days=1)
    whole_to = end if end == _month_end(end) else end.replace(day=1) - dt.timedelta(days=1)
    if whole_from > whole_to:  # within one month, or across the end of one
        return _Cover((), (), ((start, end),))
    days = []
    if start < whole_from:
        days.append((start, whole_from - dt.timedelta(days=1)))
    if whole_to < end:
        days.append((whole_to + dt.timedelta(days=1), end))
    months = []
    day = whole_from
    while day <= whole_to:
        months.append(_month_number(day))
        day = _month_end(day) + dt.timedelta(days=1)
    if (start, end) == (lowest, highest):
        periods: list[int] = [ALL_TIME]
    else:
        periods = []
        for year in sorted({month // 100 for month in months}):
            own = [month for month in months if month // 100 == year]
            periods.extend([year * 100] if len(own) == 12 else own)
    return _Cover(tuple(periods), tuple(months), tuple(days))


# The columns every source of group totals gives: the group's key, the status, and the count,
# amount and cost of its orders of that status (one order: 1, its amount, its cost).
_SourceColumns = tuple[
    SQLColumnExpression[int],
    SQLColumnExpression[int],
    SQLColumnExpression[int],
    SQLColumnExpression[int],
    SQLColumnExpression[int],
]
_ORDER_MONTH: ColumnElement[int] = literal_column(month_of("orders.date"), Integer)


def _order_columns(grouping: str) -> _SourceColumns:
    keys: dict[str, SQLColumnExpression[int]] = {
        "contact": Order.contact_id,
        "status": Order.status_id,
        "month": _ORDER_MONTH,
    }
    one: ColumnElement[int] = literal_column("1", Integer)
    return keys[grouping], Order.status_id, one, _AMOUNT, _COST


def _orders_source(grouping: str, conditions: list[_Condition]) -> Subquery:
    """The orders matching the conditions, one by one."""
    return select(*_labelled(_order_columns(grouping))).where(*conditions).subquery()


def _labelled(columns: _SourceColumns) -> list[Label[int]]:
    return [c.label(name) for c, name in zip(columns, _SOURCE_NAMES, strict=True)]


_SOURCE_NAMES = ("key", "status_id", "orders", "amount", "cost")
_NO_PHONE: ColumnElement[str | None] = literal_column("NULL", String)


def _summary_source(session: Session, grouping: str, flt: OrderFilter) -> Subquery | None:
    """The kept totals of the periods the filter's dates cover whole, with the orders of its
    other days; None when no order is dated within them."""
    # Apart, each min and max is one step of the dates' index; together they scan it.
    first_day = select(func.min(Order.date)).scalar_subquery()
    last_day = select(func.max(Order.date)).scalar_subquery()
    first, last = session.execute(select(first_day, last_day)).one()
    if first is None:
        return None
    cover = _cover(flt.date_from, flt.date_to, first, last)
    if cover is None:
        return None
    parts: list[_AnySelect] = []  # the whole periods' kept totals, then the other days' orders
    if grouping == "contact" and cover.periods:  # months, whole years, or all time
        kept = OrderContactTotal
        columns: _SourceColumns = (
            kept.contact_id,
            kept.status_id,
            kept.orders,
            kept.amount,
            kept.cost,
        )
        where: list[ColumnElement[bool]] = [kept.period.in_(cover.periods)]
        if flt.status_ids:
            where.append(kept.status_id.in_(flt.status_ids))
        parts.append(select(*_labelled(columns)).where(*where))
    elif grouping != "contact" and cover.months:
        month = OrderMonthTotal
        key = month.month if grouping == "month" else month.status_id
        columns = (key, month.status_id, month.orders, month.amount, month.cost)
        where = [month.month.in_(cover.months)]
        if flt.status_ids:
            where.append(month.status_id.in_(flt.status_ids))
        parts.append(select(*_labelled(columns)).where(*where))
    if cover.days:
        days = or_(*(Order.date.between(start, end) for start, end in cover.days))
        where = [days] if not flt.status_ids else [days, Order.status_id.in_(flt.status_ids)]
        parts.append(select(*_labelled(_order_columns(grouping))).where(*where))
    if len(parts) == 1:
        return parts[0].subquery()
    return union_all(*parts).subquery()


def _totals(source: Subquery, lost: Sequence[int]) -> Subquery:
    """Each group's key (a month's as YYYYMM) and totals: the count of its orders, of its
    cancelled ones, and the amount and cost of the orders not cancelled (`lost`: the statuses
    of cancelled orders; none in a status grouping)."""
    status = source.c.status_id
    selling = status.not_in(lost) if lost else true()

    def total(column: ColumnElement[int]) -> ColumnElement[int]:
        # a group has an order: never NULL. BIGINT: PostgreSQL sums BIGINTs as NUMERIC, which
        # its driver reads as Decimal; SQLite's integer sums are left as they are.
        return cast(func.sum(column), BigInt)

    def selling_sum(column: ColumnElement[int]) -> ColumnElement[int]:
        return total(case((selling, column), else_=0))

    count = source.c.orders
    return (
        select(
            source.c.key,
            selling_sum(count).label("orders"),
            total(case((selling, 0), else_=count)).label("cancelled"),
            selling_sum(source.c.amount).label("amount"),
            selling_sum(source.c.cost).label("cost"),
        )
        .group_by(source.c.key)
        .subquery()
    )


def _name_key(session: Session, grouping: str, totals: Subquery) -> SQLColumnExpression[Any]:
    """What a contact's or status's group sorts by as a name: a contact's name_key (case- and
    ё-folded), a status's place among the statuses' names folded the same way."""
    if grouping == "contact":
        return Contact.name_key
    names = session.execute(select(OrderStatus.id, OrderStatus.name)).all()
    ranked = sorted(names, key=lambda status: (fold(status.name), status.id))
    ranks = {status.id: rank for rank, status in enumerate(ranked)}
    return case(ranks, value=totals.c.key, else_=len(ranks))


def _group_order(
    c: ReadOnlyColumnCollection[str, Any], grouping: str, sort: str | None, descending: bool
) -> list[ColumnElement[Any]]:
    """The order of groups whose key and totals (and for a contact's or status's sort by
    name, name key: `name`) are the columns `c`: by `sort` (None: none), then in the
    grouping's own order, which breaks every tie, so that pages neither overlap nor skip a
    group: contacts and statuses most profitable first, then by key (not by name: naming
    35 000 groups to sort them takes longer than summing them), months newest first. A ratio
    over 0 (a margin or an average check shown "—", NULL) comes last either way."""
    profit = c.amount - c.cost
    own: dict[str, ColumnElement[Any]]  # by the sort each stands for
    if grouping == "month":  # a month's name is its key
        own = {"group": c.key.desc()}
    else:
        own = {"profit": profit.desc(), "key": c.key.asc()}
    if sort is None:
        return list(own.values())
    # models.formulas.margin is any ratio as a double, NULL over 0: the average check's too
    values: dict[str, ColumnElement[Any]] = {
        "orders": c.orders,
        "cancelled": c.cancelled,
        "amount": c.amount,
        "profit": profit,
        "margin": margin(profit, c.amount),
        "average": margin(c.amount, c.orders),
    }
    value = values[sort] if sort != "group" else c.key if grouping == "month" else c.name
    first = value.desc().nulls_last() if descending else value.asc().nulls_last()
    return [first, *(order for name, order in own.items() if name != sort)]


def _group_rows(
    query: GroupQuery, totals: Subquery, name_key: SQLColumnExpression[Any] | None
) -> _AnySelect:
    """The page's groups as GroupRow takes them, in the query's order: chosen over every
    group's totals (and name key, when sorted by name), then named (a contact's name and
    phone, a status's name, a month as YYYY-MM) for the page's rows only."""
    grouping = query.grouping
    chosen: _AnySelect = select(totals)
    if name_key is not None:
        chosen = chosen.add_columns(name_key.label("name"))
        if grouping == "contact":
            chosen = chosen.join(Contact, Contact.id == totals.c.key)
    keyed = chosen.subquery()
    chosen = select(keyed).order_by(*_group_order(keyed.c, grouping, query.sort, query.descending))
    if query.limit is not None:
        chosen = chosen.offset(query.offset).limit(query.limit)
    page = chosen.subquery()
    figures = (page.c.orders, page.c.cancelled, page.c.amount, page.c.cost)
    order = _group_order(page.c, grouping, query.sort, query.descending)
    if grouping == "month":
        # YYYYMM as YYYY-MM: the year has four digits (models.order_totals.month_of)
        digits = cast(page.c.key, String)
        month = func.substr(digits, 1, 4) + "-" + func.substr(digits, 5, 2)
        return select(month, month, *figures, _NO_PHONE).order_by(*order)
    key = cast(page.c.key, String)
    if grouping == "contact":
        return (
            select(key, Contact.name, *figures, Contact.phone)
            .join(Contact, Contact.id == page.c.key)
            .order_by(*order)
        )
    return (
        select(key, OrderStatus.name, *figures, _NO_PHONE)
        .join(OrderStatus, OrderStatus.id == page.c.key)
        .order_by(*order)
    )
