"""The funnel: the board of orders by status, and the conversion between its stages.

The board has a column per open status in the list's order, then the won and the lost ones.
Each column counts and sums its orders (an order's worth: its amount, or its expected amount
while it has no lines) for the filter; an open column holds every card, a closed one (won,
lost: the bulk of a long history) its newest CLOSED_CARDS, the rest told as a number.

Conversion follows the stages each order went through (models/stages.py): an order *reached*
a stage when it was ever in that status or in one further down the list, or was won (the
stages before a status are taken as passed even when skipped). Of the orders of a period that
reached a stage, the share that is won now is that stage's conversion.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import ColumnElement, case, func, literal_column, select
from sqlalchemy.orm import Session, aliased

from models import Contact, Order, OrderStage, OrderStatus, from_minor
from services.figures_math import ratio
from services.scoring import (
    LOST,
    WORTH,
    Scoring,
    age_in_days,
    load_scoring,
    open_deals,
)
from services.storage import Database

CLOSED_CARDS = 50
OPEN_CARDS = 300  # a column longer than this is filtered by period or channel, not scrolled
_BEYOND = 1 << 30  # a won order's stage: past every position of the list
ROLES = ("open", "won", "lost")


@dataclass(frozen=True)
class BoardFilter:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    channel_id: int | None = None


@dataclass(frozen=True)
class Card:
    order_id: int
    date: dt.date
    age: int  # days since the order's date
    contact_name: str
    worth: Decimal  # the amount, or the expected amount of an order without lines
    probability: int | None  # whole percent, for an open deal
    value: Decimal | None
    klass: str | None  # A–E, C2; F for a lost order; None for a won one


@dataclass(frozen=True)
class BoardColumn:
    status_id: int
    name: str
    role: str
    count: int
    total: Decimal
    cards: tuple[Card, ...]  # newest first

    @property
    def more(self) -> int:
        """Orders of the column not among its cards (only closed columns leave some out)."""
        return self.count - len(self.cards)


@dataclass(frozen=True)
class StageConversion:
    status_id: int
    name: str
    reached: int  # orders of the period that reached the stage
    won: int  # of them, the ones won

    @property
    def rate(self) -> Decimal | None:
        """won / reached; None (shown empty) when none reached it."""
        return ratio(Decimal(self.won), Decimal(self.reached))


@dataclass(frozen=True)
class Conversion:
    stages: tuple[StageConversion, ...]  # the open statuses, in the list's order
    orders: int  # orders of the period
    won: int
    lost: int

    @property
    def rate(self) -> Decimal | None:
        return ratio(Decimal(self.won), Decimal(self.orders))


def board(
    database: Database,
    flt: BoardFilter = BoardFilter(),
    today: dt.date | None = None,
    closed_cards: int = CLOSED_CARDS,
    open_cards: int = OPEN_CARDS,
) -> tuple[BoardColumn, ...]:
    """Every status as a column, open ones first (the list's order), then won, then lost."""
    today = today or dt.date.today()
    with database.session() as session:
        scoring = load_scoring(session)
        conditions = _conditions(flt)
        statuses = session.execute(
            select(OrderStatus.id, OrderStatus.name, OrderStatus.role).order_by(
                OrderStatus.position, OrderStatus.id
            )
        ).all()
        totals = {
            status_id: (count, total)
            for status_id, count, total in session.execute(
                select(Order.status_id, func.count(), func.sum(WORTH))
                .where(*conditions)
                .group_by(Order.status_id)
            )
        }
        cards: dict[int, list[Card]] = {}
        for status_id, _name, role in statuses:
            if not totals.get(status_id):
                cards[status_id] = []
            elif role == "open":
                cards[status_id] = _open_cards(session, scoring, today, status_id, open_cards, flt)
            else:
                cards[status_id] = _closed_cards(session, today, status_id, role, closed_cards, flt)
    result = []
    for role in ROLES:
        for status_id, name, status_role in statuses:
            if status_role == role:
                count, total = totals.get(status_id, (0, 0))
                shown = tuple(cards[status_id])
                result.append(BoardColumn(status_id, name, role, count, from_minor(total), shown))
    return tuple(result)


def _open_cards(
    session: Session,
    scoring: Scoring,
    today: dt.date,
    status_id: int,
    limit: int,
    flt: BoardFilter,
) -> list[Card]:
    """An open column's newest cards, each deal scored once."""
    scored = open_deals(scoring, today, _in_column(status_id), *_conditions(flt), newest=limit)
    deals = scored.table
    rows = session.execute(
        select(
            deals.c.order_id,
            deals.c.date,
            deals.c.age,
            Contact.name,
            deals.c.worth,
            deals.c.probability,
            scored.value,
            scored.klass,
        )
        .select_from(deals)
        .join(Contact, Contact.id == deals.c.contact_id)
        .order_by(deals.c.date.desc(), deals.c.order_id.desc())
    )
    return [_card(row) for row in rows]


def _closed_cards(
    session: Session, today: dt.date, status_id: int, role: str, limit: int, flt: BoardFilter
) -> list[Card]:
    """A closed column's newest cards: no score, F for a lost order."""
    klass = LOST if role == "lost" else None
    query = (
        select(Order.id, Order.date, age_in_days(today), Contact.name, WORTH)
        .join(Contact, Contact.id == Order.contact_id)
        .where(_in_column(status_id), *_conditions(flt))
        .order_by(Order.date.desc(), Order.id.desc())
        .limit(limit)
    )
    return [_card((*row, None, None, klass)) for row in session.execute(query)]


def _in_column(status_id: int) -> ColumnElement[bool]:
    """The orders of one status. The statistics say a status holds a sixth of the orders, so
    without the hint SQLite would walk every order by date rather than the few of one status
    in the board's index (status, date, …)."""
    return func.likelihood(Order.status_id == status_id, literal_column("0.01"))


def conversion(database: Database, flt: BoardFilter = BoardFilter()) -> Conversion:
    """For the orders dated in the filter's period (and of its channel): how many reached each
    open stage, and how many of those are won now."""
    with database.session() as session:
        won_ids = select(OrderStatus.id).where(OrderStatus.role == "won").scalar_subquery()
        passed = aliased(OrderStatus)
        # Per order, the furthest stage it reached: a won status is beyond every position, a
        # lost one no stage at all.
        reach = (
            select(
                Order.id.label("order_id"),
                func.max(
                    case(
                        (passed.role == "won", _BEYOND),
                        (passed.role == "open", passed.position),
                    )
                ).label("furthest"),
                func.max(case((Order.status_id.in_(won_ids), 1), else_=0)).label("won"),
            )
            .join(OrderStage, OrderStage.order_id == Order.id)
            .join(passed, passed.id == OrderStage.status_id)
            .where(*_conditions(flt))
            .group_by(Order.id)
            .cte("reach")
        )
        stage = aliased(OrderStatus)
        stages = tuple(
            StageConversion(*row)
            for row in session.execute(
                select(
                    stage.id,
                    stage.name,
                    func.count(reach.c.order_id),
                    func.coalesce(func.sum(reach.c.won), 0),
                )
                .select_from(stage)
                .outerjoin(reach, reach.c.furthest >= stage.position)
                .where(stage.role == "open")
                .group_by(stage.id, stage.name)
                .order_by(stage.position, stage.id)
            )
        )
        counts = {
            role: count
            for role, count in session.execute(
                select(OrderStatus.role, func.count(Order.id))
                .join(OrderStatus, OrderStatus.id == Order.status_id)
                .where(*_conditions(flt))
                .group_by(OrderStatus.role)
            )
        }
    orders = sum(counts.values())
    return Conversion(stages, orders, counts.get("won", 0), counts.get("lost", 0))


def _conditions(flt: BoardFilter) -> list[ColumnElement[bool]]:
    found: list[ColumnElement[bool]] = []
    if flt.date_from is not None:
        found.append(Order.date >= flt.date_from)
    if flt.date_to is not None:
        found.append(Order.date <= flt.date_to)
    if flt.channel_id is not None:
        found.append(Order.channel_id == flt.channel_id)
    return found


# A card's row: order, date, age in days, contact's name, worth, probability and value (minor
# units; None for a closed deal) and class.
CardColumns = tuple[int, dt.date, int, str, int | None, int | None, int | None, str | None]


def _card(row: CardColumns) -> Card:
    order_id, day, age, name, worth, probability, value, klass = row
    return Card(
        order_id,
        day,
        age,
        name,
        from_minor(worth or 0),
        probability,
        None if value is None else from_minor(value),
        klass,
    )
