"""The period report's numbers: key figures against the previous period, top lists, chart series,
the channels with their ad spend and acquired customers, the expenses and the net profit, and
(when asked) the money owed and the deals in flight.

Everything here is built from the aggregates of services.figures (same rules: cancelled orders
count for nothing, shipments after `today` are planned, sales are dated by shipment), plus one
grouped query for the chart series, one for the customers acquired per channel and one for the
expenses. The pipeline part (debtors, conversion, losses, forecast) is read from
services.payments, .funnel, .losses and .scoring as they stand. No Qt: the Reports section, its
PDF/XLSX export and the CLI all show these numbers.

Expenses count as money out on their date, up to `today` like the realized sales they are set
against: gross profit − expenses = net profit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from decimal import Decimal
from typing import cast

from sqlalchemy import Integer, SQLColumnExpression, and_, func, select, type_coerce
from sqlalchemy.orm import Session, aliased

from models import EXPENSE_CATEGORIES, Channel, Expense, Order, Shipment, from_minor
from services.choices import lost_status_ids
from services.errors import ValidationError
from services.figures import (
    LINE_AMOUNT,
    LINE_COST,
    CustomerRow,
    Period,
    PeriodFigures,
    ProductFigures,
    in_sales,
    period_figures,
    product_figures,
    top_customers,
)
from services.figures_math import Figures, average, ratio
from services.funnel import BoardFilter, Conversion, conversion
from services.losses import LossAnalysis, loss_analysis
from services.payments import Debtor, debtors
from services.scoring import Forecast, forecast
from services.segments import SegmentShift, segment_shift
from services.storage import Database

DAY = dt.timedelta(days=1)
PRESETS = ("all", "this_month", "last_month", "this_quarter", "this_year", "last_12_months")
ZERO = Decimal("0.00")
LAST_30_DAYS = "last_30_days"  # a rolling period the board offers (not a report's)
# A period up to this many days is charted by ISO week, a longer one by month.
WEEKLY_UP_TO_DAYS = 62
# The key figures in the order a report shows them; each is a name for PeriodReport.value().
# "profit" is the gross profit (revenue − cost of goods); "net_profit" is it less the expenses.
KEY_FIGURES = (
    "revenue",
    "cost",
    "profit",
    "margin",
    "expenses",
    "net_profit",
    "orders",
    "lines",
    "units",
    "average_check",
    "new_customers",
    "returning_customers",
    "planned_revenue",
    "planned_profit",
)


def month_start(day: dt.date, months_back: int = 0) -> dt.date:
    """The first day of `day`'s month, `months_back` months earlier (negative: later)."""
    index = day.year * 12 + day.month - 1 - months_back
    return dt.date(index // 12, index % 12 + 1, 1)


def preset_period(name: str, today: dt.date) -> Period:
    """The dates a period preset stands for: whole months, quarters and years; "all" is open.

    "last_12_months" is this month so far and the eleven whole months before it.
    """
    if name == "all":
        return Period()
    if name == "this_month":
        return Period(month_start(today), month_start(today, -1) - DAY)
    if name == "last_month":
        return Period(month_start(today, 1), month_start(today) - DAY)
    if name == "this_quarter":
        start = month_start(today, (today.month - 1) % 3)
        return Period(start, month_start(start, -3) - DAY)
    if name == "this_year":
        return Period(dt.date(today.year, 1, 1), dt.date(today.year, 12, 31))
    if name == "last_12_months":
        return Period(month_start(today, 11), today)
    if name == LAST_30_DAYS:
        return Period(today - dt.timedelta(days=29), today)
    raise ValueError(f"Unknown period preset {name!r}; expected one of {', '.join(PRESETS)}.")


def previous_period(period: Period) -> Period | None:
    """The period of the same length just before `period`; None for an open-ended one.

    A run of whole calendar months (a month, a quarter, a year) is compared with the same
    number of whole months before it (June → May, Q2 → Q1, 2026 → 2025); any other period
    with the same number of days immediately before it.
    """
    start, end = period.start, period.end
    if start is None or end is None:
        return None
    if start.day == 1 and (end + DAY).day == 1:
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        return Period(month_start(start, months), start - DAY)
    days = (end - start).days + 1
    return Period(start - dt.timedelta(days=days), start - DAY)


@dataclass(frozen=True)
class Bucket:
    """One point of the revenue/profit chart: a month or an ISO week, clipped to the period."""

    start: dt.date
    end: dt.date
    label: str  # "2026-06" for a month, "2026-W23" for an ISO week
    figures: Figures

    @property
    def revenue(self) -> Decimal:
        return self.figures.amount

    @property
    def profit(self) -> Decimal:
        return self.figures.profit


@dataclass(frozen=True)
class ChannelFigures:
    """A channel in the period: its realized sales, the ads paid for it, and the customers it
    brought (their first realized purchase ever fell in the period, through this channel).

    channel_id and name are None for the orders and the ads without a channel.
    """

    channel_id: int | None
    name: str | None
    figures: Figures
    ad_spend: Decimal = ZERO
    acquired: int = 0

    @property
    def revenue(self) -> Decimal:
        return self.figures.amount

    @property
    def gross_profit(self) -> Decimal:
        return self.figures.profit

    @property
    def cost_per_customer(self) -> Decimal | None:
        """Ad spend per acquired customer, to the kopeck; None when nobody was acquired."""
        return average(self.ad_spend, self.acquired)

    @property
    def roi(self) -> Decimal | None:
        """(gross profit − ad spend) / ad spend (0.25 is 25 %); None without ad spend."""
        return ratio(self.gross_profit - self.ad_spend, self.ad_spend)


@dataclass(frozen=True)
class Expenses:
    """A period's expenses (dated in it, up to today): their total, and per category in the
    order of EXPENSE_CATEGORIES (the categories with none left out)."""

    total: Decimal
    by_category: tuple[tuple[str, Decimal], ...]

    @classmethod
    def of(cls, by_category: dict[str, Decimal]) -> Expenses:
        rows = tuple((c, by_category[c]) for c in EXPENSE_CATEGORIES if by_category.get(c))
        return cls(sum((amount for _c, amount in rows), ZERO), rows)

    def amount(self, category: str) -> Decimal:
        return dict(self.by_category).get(category, ZERO)


@dataclass(frozen=True)
class Pipeline:
    """Money owed and deals in flight, beside the period's sales: who owes what and since when
    (as of the report's today), how the period's orders went from stage to stage, what the
    period lost and why against the period before, and the forecast of the open deals (today).
    """

    debtors: tuple[Debtor, ...]  # the most overdue first
    conversion: Conversion  # the orders dated in the period
    losses: LossAnalysis | None  # None for a period without a start
    forecast: Forecast


@dataclass(frozen=True)
class PeriodReport:
    period: Period
    today: dt.date
    figures: PeriodFigures
    previous_period: Period | None
    previous: PeriodFigures | None
    top_by_revenue: tuple[CustomerRow, ...]
    top_by_profit: tuple[CustomerRow, ...]
    products: tuple[ProductFigures, ...]  # every product sold in the period, most profit first
    top: int
    time_unit: str  # "week" or "month"
    by_time: tuple[Bucket, ...]  # every bucket of the period, zero where nothing was sold
    # every channel with a sale, an ad or an acquired customer in the period; most revenue first
    by_channel: tuple[ChannelFigures, ...]
    expenses: Expenses = Expenses(ZERO, ())
    previous_expenses: Expenses | None = None  # None with no previous period
    # customers per lifecycle segment on the eve of the period and at its end (or today),
    # and how many moved; None for a period with no start
    segments: SegmentShift | None = None
    # debtors, conversion, losses and forecast; None unless period_report was asked for them
    pipeline: Pipeline | None = None

    @property
    def top_products(self) -> tuple[ProductFigures, ...]:
        return self.products[: self.top]

    @property
    def net_profit(self) -> Decimal:
        """Gross profit − expenses."""
        return self.figures.realized.profit - self.expenses.total

    @property
    def ad_spend(self) -> Decimal:
        return self.expenses.amount("ads")

    def value(self, name: str) -> Decimal | int | None:
        return key_figure(self.figures, name, self.expenses.total)

    def previous_value(self, name: str) -> Decimal | int | None:
        if self.previous is None:
            return None
        spent = ZERO if self.previous_expenses is None else self.previous_expenses.total
        return key_figure(self.previous, name, spent)

    def change(self, name: str) -> Decimal | None:
        """Relative change against the previous period (0.25 is +25 %); None without a base.

        (current − previous) / |previous|: the same as current / previous − 1 for a positive
        base, and a loss shrinking to a smaller loss still reads as a rise.
        """
        current, previous = self.value(name), self.previous_value(name)
        if current is None or not previous:
            return None
        return (Decimal(current) - Decimal(previous)) / abs(Decimal(previous))


def key_figure(figures: PeriodFigures, name: str, expenses: Decimal = ZERO) -> Decimal | int | None:
    """One of KEY_FIGURES read from a period's figures and the total of its `expenses`."""
    values: dict[str, Callable[[], Decimal | int | None]] = {
        "revenue": lambda: figures.realized.amount,
        "cost": lambda: figures.realized.cost,
        "profit": lambda: figures.realized.profit,
        "margin": lambda: figures.realized.margin,
        "expenses": lambda: expenses,
        "net_profit": lambda: figures.realized.profit - expenses,
        "orders": lambda: figures.orders,
        "lines": lambda: figures.lines,
        "units": lambda: figures.units,
        "average_check": lambda: figures.average_check,
        "new_customers": lambda: figures.new_customers,
        "returning_customers": lambda: figures.returning_customers,
        "planned_revenue": lambda: figures.planned.amount,
        "planned_profit": lambda: figures.planned.profit,
    }
    if name not in values:
        raise ValueError(f"Unknown key figure {name!r}; expected one of {', '.join(KEY_FIGURES)}.")
    return values[name]()


def period_report(
    database: Database,
    period: Period,
    today: dt.date,
    top: int = 10,
    workers: int = 2,
    *,
    pipeline: bool = False,
) -> PeriodReport:
    """Everything the Reports section shows for `period`, realized sales as of `today`; with
    `pipeline`, the debtors, conversion, losses and forecast too (see Pipeline).

    The parts are independent reads, each on its own pooled connection; `workers` of them run
    at once (SQLite lets go of the GIL while it scans): on two cores a year of the big base
    takes ~0.6-0.75x the time of the same queries run in turn.
    """
    if period.start and period.end and period.end < period.start:
        raise ValidationError.of("period", "period.ends_before_start", period.end, period.start)
    before = previous_period(period)
    time_unit = _time_unit(period, today)
    with ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="report") as pool:
        # the slowest first, so that the last ones to start are short
        previous = pool.submit(
            lambda: None if before is None else period_figures(database, before, today)
        )
        current = pool.submit(period_figures, database, period, today)
        by_revenue = pool.submit(top_customers, database, period, "revenue", top, today)
        by_profit = pool.submit(top_customers, database, period, "profit", top, today)
        products = pool.submit(product_figures, database, period, today)
        series = pool.submit(_series, database, period, today, time_unit)
        acquired = pool.submit(acquired_by_channel, database, period, today)
        spent = pool.submit(_expenses, database, period, before, today)
        segments = pool.submit(_segments, database, period, today)
        parts = _pipeline_parts(pool, database, period, today) if pipeline else None
        by_time, sales = series.result()
        expenses, previous_expenses, ads, names = spent.result()
        return PeriodReport(
            period=period,
            today=today,
            figures=current.result(),
            previous_period=before,
            previous=previous.result(),
            top_by_revenue=tuple(by_revenue.result()),
            top_by_profit=tuple(by_profit.result()),
            products=tuple(row for row in products.result() if row.orders),
            top=top,
            time_unit=time_unit,
            by_time=by_time,
            by_channel=_channels(sales, ads, acquired.result(), names),
            expenses=expenses,
            previous_expenses=previous_expenses,
            segments=segments.result(),
            pipeline=None if parts is None else _pipeline(*parts),
        )


def _pipeline_parts(
    pool: ThreadPoolExecutor, database: Database, period: Period, today: dt.date
) -> tuple[
    Future[tuple[Debtor, ...]], Future[Conversion], Future[LossAnalysis | None], Future[Forecast]
]:
    """Pipeline's four reads, submitted to the report's pool, in Pipeline's order."""
    return (
        pool.submit(lambda: tuple(debtors(database, today))),
        pool.submit(conversion, database, BoardFilter(period.start, period.end)),
        pool.submit(_losses, database, period, today),
        pool.submit(forecast, database, today),
    )


def _pipeline(
    debts: Future[tuple[Debtor, ...]],
    flow: Future[Conversion],
    lost: Future[LossAnalysis | None],
    ahead: Future[Forecast],
) -> Pipeline:
    """Pipeline from its four reads (_pipeline_parts), once each is done."""
    return Pipeline(debts.result(), flow.result(), lost.result(), ahead.result())


def _losses(database: Database, period: Period, today: dt.date) -> LossAnalysis | None:
    """The period's lost orders against the period just before; none without a start (there
    is no period before an open one)."""
    if period.start is None:
        return None
    end = period.end or max(today, period.start)
    before = previous_period(Period(period.start, end))
    # the report's own previous period (June against May, not against the 31 days before)
    previous = (
        None
        if before is None or before.start is None or before.end is None
        else (before.start, before.end)
    )
    return loss_analysis(database, period.start, end, previous)


def _segments(database: Database, period: Period, today: dt.date) -> SegmentShift | None:
    """Who moved between segments in the period; none for an open or a future period."""
    if period.start is None or period.start > today:
        return None
    return segment_shift(database, period.start, period.end or today, today)


def _time_unit(period: Period, today: dt.date) -> str:
    if period.start is None:
        return "month"
    days = ((period.end or today) - period.start).days + 1
    return "week" if days <= WEEKLY_UP_TO_DAYS else "month"


def _series(
    database: Database, period: Period, today: dt.date, time_unit: str
) -> tuple[tuple[Bucket, ...], dict[int | None, Figures]]:
    """Realized revenue and cost by time bucket and by channel, from one grouped scan.

    Grouped by (month, channel) in SQL; by week the days are grouped (≤ 62 of them) and
    folded into ISO weeks here, which SQLite's strftime cannot name.
    """
    when = Shipment.date if time_unit == "week" else func.strftime("%Y-%m", Shipment.date)
    query = (
        select(when, Order.channel_id, func.sum(LINE_AMOUNT), func.sum(LINE_COST))
        .join(Order, Order.id == Shipment.order_id)
        .where(in_sales(), Shipment.date <= today, *period.conditions(Shipment.date))
        .group_by(when, Order.channel_id)
    )
    with database.session() as session:
        rows = session.execute(query).all()
    timed: dict[dt.date, list[int]] = {}
    channeled: dict[int | None, list[int]] = {}
    for key, channel_id, amount, cost in rows:
        first = _bucket_start(key, time_unit)
        for pair in (timed.setdefault(first, [0, 0]), channeled.setdefault(channel_id, [0, 0])):
            pair[0] += amount
            pair[1] += cost
    buckets = tuple(
        Bucket(start, end, label, Figures.from_minor(*timed.get(first, (0, 0))))
        for first, start, end, label in _buckets(period, today, time_unit, min(timed, default=None))
    )
    return buckets, {cid: Figures.from_minor(*pair) for cid, pair in channeled.items()}


def acquired_by_channel(
    database: Database, period: Period, today: dt.date
) -> dict[int | None, int]:
    """How many customers each channel brought in `period`: the contacts whose first realized
    purchase ever (their earliest shipped line of an order not lost, as of `today`) falls in
    the period, each counted under the channel of that first order (of two first orders the
    same day, the one entered first). Their sum is the period's new customers.

    Two grouped scans of the orders' purchase index: each contact's first shipped day, then
    the order that has it.
    """
    first_day = func.min(Order.first_ship_date)
    grouped = (
        select(Order.contact_id.label("contact_id"), first_day.label("day"))
        .where(in_sales(), Order.first_ship_date <= today)
        .group_by(Order.contact_id)
    )
    # (the first shipped day of orders shipped by today: never NULL)
    if conditions := period.conditions(cast(SQLColumnExpression[dt.date], first_day)):
        grouped = grouped.having(*conditions)
    firsts = grouped.subquery("firsts")
    first_order = aliased(Order)
    chosen = (
        select(func.min(first_order.id))
        .join(
            firsts,
            and_(
                first_order.contact_id == firsts.c.contact_id,
                first_order.first_ship_date == firsts.c.day,
            ),
        )
        .where(first_order.status_id.not_in(lost_status_ids()))
        .group_by(firsts.c.contact_id)
    )
    query = select(Order.channel_id, func.count()).where(Order.id.in_(chosen))
    with database.session() as session:
        return dict(session.execute(query.group_by(Order.channel_id)).all())


def _expenses(
    database: Database, period: Period, before: Period | None, today: dt.date
) -> tuple[Expenses, Expenses | None, dict[int | None, Decimal], dict[int, str]]:
    """The period's expenses, the previous period's, the period's ads per channel and the
    channels' names. One grouped query per period (a year holds a few hundred expenses)."""
    amount = func.sum(type_coerce(Expense.amount, Integer))

    def grouped(session: Session, days: Period) -> list[tuple[str, int | None, int]]:
        query = (
            select(Expense.category, Expense.channel_id, amount)
            .where(Expense.date <= today, *days.conditions(Expense.date))
            .group_by(Expense.category, Expense.channel_id)
        )
        return list(session.execute(query))

    def totals(rows: Sequence[tuple[str, int | None, int]]) -> Expenses:
        by_category: dict[str, Decimal] = {}
        for category, _channel, minor in rows:
            by_category[category] = by_category.get(category, ZERO) + from_minor(minor)
        return Expenses.of(by_category)

    with database.session() as session:
        rows = grouped(session, period)
        previous = None if before is None else totals(grouped(session, before))
        names = dict(session.execute(select(Channel.id, Channel.name)).all())
    ads = {channel: from_minor(minor) for category, channel, minor in rows if category == "ads"}
    return totals(rows), previous, ads, names


def _channels(
    sales: dict[int | None, Figures],
    ads: dict[int | None, Decimal],
    acquired: dict[int | None, int],
    names: dict[int, str],
) -> tuple[ChannelFigures, ...]:
    """One row per channel with a sale, an ad or a customer acquired; most revenue first, the
    row without a channel after the others of its revenue."""
    rows = (
        ChannelFigures(
            cid,
            names.get(cid) if cid is not None else None,
            sales.get(cid, Figures.zero()),
            ads.get(cid, ZERO),
            acquired.get(cid, 0),
        )
        for cid in {*sales, *ads, *acquired}
    )
    return tuple(
        sorted(rows, key=lambda row: (-row.revenue, row.channel_id is None, row.name or ""))
    )


def _bucket_start(key: dt.date | str, time_unit: str) -> dt.date:
    if time_unit == "month":
        return dt.date.fromisoformat(f"{key}-01")
    day = key if isinstance(key, dt.date) else dt.date.fromisoformat(key)
    return day - dt.timedelta(days=day.weekday())


def _buckets(
    period: Period, today: dt.date, time_unit: str, first_sale: dt.date | None
) -> Iterator[tuple[dt.date, dt.date, dt.date, str]]:
    """(bucket's first day, its first and last day within the period, label) for each bucket
    from the period's start (or the first sale) to its end (or today)."""
    start = period.start or first_sale
    end = period.end or today
    if start is None or end < start:
        return
    first = _bucket_start(start.isoformat()[:7] if time_unit == "month" else start, time_unit)
    while first <= end:
        if time_unit == "month":
            following = month_start(first, -1)
            label = first.strftime("%Y-%m")
        else:
            following = first + dt.timedelta(days=7)
            year, week, _ = first.isocalendar()
            label = f"{year}-W{week:02d}"
        yield first, max(first, start), min(following - DAY, end), label
        first = following


__all__ = [
    "KEY_FIGURES",
    "PRESETS",
    "Bucket",
    "ChannelFigures",
    "Expenses",
    "PeriodReport",
    "Pipeline",
    "acquired_by_channel",
    "key_figure",
    "month_start",
    "period_report",
    "preset_period",
    "previous_period",
]
