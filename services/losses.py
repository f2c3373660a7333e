"""Loss analysis: the lost orders of a period, by loss reason and by the stage they were lost
at, against the period just before.

A period is of order dates, as in the other reports. An order's amount here is its worth (the
amount, or the expected amount of an order lost before it had lines). The stage an order was
lost at is the last open status it was in (models/stages.py); an order that was created lost,
or lost before Lavka kept stages, was lost at an unknown stage (None).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from models import LossReason, Order, OrderStage, OrderStatus, from_minor
from services.scoring import WORTH
from services.storage import Database

# What lost orders are counted by: their loss reason, or the stage they were lost at.
LossKey = InstrumentedAttribute[int | None] | ColumnElement[int]


@dataclass(frozen=True)
class LossLine:
    """One reason (or stage): None is "no reason given" (or "stage unknown")."""

    key: int | None
    name: str | None
    orders: int
    amount: Decimal
    previous_orders: int
    previous_amount: Decimal

    @property
    def orders_change(self) -> int:
        return self.orders - self.previous_orders

    @property
    def amount_change(self) -> Decimal:
        return self.amount - self.previous_amount


@dataclass(frozen=True)
class LossAnalysis:
    start: dt.date
    end: dt.date
    previous_start: dt.date  # the period of the same length just before
    previous_end: dt.date
    total: LossLine
    by_reason: tuple[LossLine, ...]  # the largest amount first
    by_stage: tuple[LossLine, ...]


def previous_period(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """The days just before `start`, as many as from `start` to `end`."""
    previous_end = start - dt.timedelta(days=1)
    return previous_end - (end - start), previous_end


def loss_analysis(
    database: Database,
    start: dt.date,
    end: dt.date,
    previous: tuple[dt.date, dt.date] | None = None,
) -> LossAnalysis:
    """The lost orders dated from `start` to `end`, by reason and by stage, and the same for
    `previous` (by default, the period of the same length just before)."""
    before = previous or previous_period(start, end)
    lost_at = (
        select(OrderStage.status_id)
        .join(OrderStatus, OrderStatus.id == OrderStage.status_id)
        .where(OrderStage.order_id == Order.id, OrderStatus.role == "open")
        .order_by(OrderStage.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    with database.session() as session:
        reasons = dict(session.execute(select(LossReason.id, LossReason.name)).all())
        stages = dict(session.execute(select(OrderStatus.id, OrderStatus.name)).all())
        by_reason = _lines(session, Order.loss_reason_id, reasons, (start, end), before)
        by_stage = _lines(session, lost_at, stages, (start, end), before)
    total = LossLine(
        None,
        None,
        sum(line.orders for line in by_reason),
        sum((line.amount for line in by_reason), Decimal("0.00")),
        sum(line.previous_orders for line in by_reason),
        sum((line.previous_amount for line in by_reason), Decimal("0.00")),
    )
    return LossAnalysis(start, end, *before, total, by_reason, by_stage)


def _lines(
    session: Session,
    key: LossKey,
    names: dict[int, str],
    period: tuple[dt.date, dt.date],
    before: tuple[dt.date, dt.date],
) -> tuple[LossLine, ...]:
    now, then = _sums(session, key, period), _sums(session, key, before)
    lines = [
        LossLine(
            k,
            None if k is None else names.get(k),
            now.get(k, (0, 0))[0],
            from_minor(now.get(k, (0, 0))[1]),
            then.get(k, (0, 0))[0],
            from_minor(then.get(k, (0, 0))[1]),
        )
        for k in set(now) | set(then)
    ]
    # the most lost first; what is only in the previous period after that
    return tuple(sorted(lines, key=lambda line: (-line.amount, -line.orders, line.name or "")))


def _sums(
    session: Session, key: LossKey, period: tuple[dt.date, dt.date]
) -> dict[int | None, tuple[int, int]]:
    """Lost orders and their worth (minor units) by `key`, over the days of `period`."""
    lost = select(OrderStatus.id).where(OrderStatus.role == "lost").scalar_subquery()
    grouped = key.label("key")
    rows = session.execute(
        select(grouped, func.count(), func.coalesce(func.sum(WORTH), 0))
        .where(Order.status_id.in_(lost), Order.date.between(*period))
        .group_by(grouped)
    )
    return {row[0]: (row[1], row[2]) for row in rows}
