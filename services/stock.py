"""Stock per product: in stock, reserved by planned lines, available, against a minimum; the
adjustments that correct it; and where each sold line's cost came from.

A product is tracked from its first purchase or adjustment (models/stock.py). In stock is what
was bought and found up to today less what its consumers took up to today — read from the last
consumer's place in the FIFO sequence, so the figure costs a few index lookups per product
whatever the history. Reserved is the planned lines (dated after today, of orders not lost);
available is in stock less reserved; a product is below its minimum when available is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from models import (
    ADJUSTMENT_KINDS,
    CostSplit,
    Product,
    Purchase,
    PurchaseLine,
    Shipment,
    StockAdjustment,
    from_minor,
    to_minor,
)
from models.roles import OWNER
from services.costing import batches_of, product_start, round_div, sql_query
from services.errors import NotFound, Problem, ValidationError
from services.products import get_product_row, parse_min_stock
from services.storage import Database
from services.uow import UnitOfWork
from services.values import QUANTITY_MAX, DateInput, check_typed_text, parse_date, parse_decimal

_LEVELS = """
WITH tracked AS (
    SELECT p.id AS id, (
        SELECT MIN(d) FROM (
            SELECT (SELECT pu.date FROM purchases AS pu WHERE EXISTS (
                SELECT 1 FROM purchase_lines AS pl
                WHERE pl.purchase_id = pu.id AND pl.product_id = p.id)
                ORDER BY pu.date LIMIT 1) AS d
            UNION ALL SELECT MIN(date) FROM stock_adjustments WHERE product_id = p.id
        ) AS starts
    ) AS start
    FROM products AS p {where}
)
SELECT p.id, p.name, p.sku, p.active, p.min_stock, t.start,
    (SELECT COALESCE(SUM(pl.quantity), 0) FROM purchase_lines AS pl
        CROSS JOIN purchases AS pu ON pu.id = pl.purchase_id
        WHERE pl.product_id = p.id AND pu.date <= :today),
    (SELECT COALESCE(SUM(quantity), 0) FROM stock_adjustments
        WHERE product_id = p.id AND quantity > 0 AND date <= :today),
    (SELECT fifo_start + quantity FROM shipments
        WHERE product_id = p.id AND date >= t.start AND date <= :today
        AND fifo_start IS NOT NULL ORDER BY date DESC, fifo_start DESC LIMIT 1),
    (SELECT fifo_start - quantity FROM stock_adjustments
        WHERE product_id = p.id AND date <= :today AND fifo_start IS NOT NULL
        ORDER BY date DESC, fifo_start DESC LIMIT 1),
    (SELECT COALESCE(SUM(quantity), 0) FROM shipments
        WHERE product_id = p.id AND date > :today AND fifo_start IS NOT NULL)
FROM products AS p JOIN tracked AS t ON t.id = p.id
ORDER BY p.name
"""


@dataclass(frozen=True)
class StockLevel:
    product_id: int
    name: str
    sku: str | None
    active: bool
    min_stock: int | None
    tracked: bool  # False: no purchase or adjustment yet, the figures are None
    in_stock: int | None
    reserved: int | None
    available: int | None

    @property
    def below_min(self) -> bool:
        return (
            self.available is not None
            and self.min_stock is not None
            and self.available < self.min_stock
        )


def stock_levels(
    database: Database, today: dt.date | None = None, product_ids: list[int] | None = None
) -> list[StockLevel]:
    """Every product's stock (or those of `product_ids`), by name."""
    settle(database)
    today = today or dt.date.today()
    where, params = "", {"today": today.isoformat()}
    if product_ids is not None:
        where = f"WHERE p.id IN ({', '.join(str(int(i)) for i in product_ids or [0])})"
    with database.session() as session:
        rows = sql_query(session)(_LEVELS.format(where=where), params)
    levels = []
    for pid, name, sku, active, minimum, start, bought, found, line_end, adj_end, planned in rows:
        if start is None:
            levels.append(
                StockLevel(pid, name, sku, bool(active), minimum, False, None, None, None)
            )
            continue
        taken = max(line_end or 0, adj_end or 0)
        # int(): PostgreSQL sums integers as BIGINT or NUMERIC (Decimal)
        in_stock, planned = int(bought + found - taken), int(planned)
        levels.append(
            StockLevel(
                pid, name, sku, bool(active), minimum, True, in_stock, planned, in_stock - planned
            )
        )
    return levels


def stock_level(database: Database, product_id: int, today: dt.date | None = None) -> StockLevel:
    levels = stock_levels(database, today, [product_id])
    if not levels:
        raise NotFound.of("product.not_found", product_id)
    return levels[0]


def below_minimum(database: Database, today: dt.date | None = None) -> list[StockLevel]:
    """Active products whose available stock is under their minimum (Today lists them)."""
    return [level for level in stock_levels(database, today) if level.active and level.below_min]


def settle(database: Database) -> None:
    """Re-cost what a writer outside the services left marked (the unit of work does it)."""
    with database.session() as session:
        pending = session.execute(text("SELECT 1 FROM stock_dirty LIMIT 1")).first()
    if pending is not None:
        with UnitOfWork(database, immediate=True) as uow:
            uow.name("stock.settled")
            uow.commit()


def set_min_stock(database: Database, product_id: int, value: int | str | None) -> None:
    """A product's minimum stock in units; empty means none."""
    minimum = parse_min_stock(value)
    with UnitOfWork(database) as uow:
        product = get_product_row(uow.session, product_id)
        product.min_stock = minimum
        if minimum is None:
            uow.name("product.min_stock_cleared", product.name)
        else:
            uow.name("product.min_stock", product.name, minimum)
        uow.commit()


def _whole(value: int | str, field: str, code: str) -> int:
    number = value if isinstance(value, int) else parse_decimal(value, field, "Quantity")
    if number != int(number) or not -QUANTITY_MAX <= number <= QUANTITY_MAX:
        raise ValidationError.of(field, code, value)
    return int(number)


# --- adjustments --------------------------------------------------------------------------------


@dataclass(frozen=True)
class AdjustmentInput:
    product_id: int | None
    quantity: int | str  # units added (12) or taken away (-3)
    reason: str | None
    kind: str = "count"  # or "write_off" (takes goods away)
    date: DateInput | None = None  # None means today


@dataclass(frozen=True)
class AdjustmentView:
    id: int
    date: dt.date
    product_id: int
    product: str
    kind: str
    quantity: int
    reason: str
    cost: Decimal | None  # what the goods taken away had cost (write-offs of a bought product)


def add_adjustment(
    database: Database, data: AdjustmentInput, today: dt.date | None = None
) -> AdjustmentView:
    """Record a dated, explained change of stock; refused with the field named, nothing saved."""
    today = today or dt.date.today()
    problems: list[Problem] = []
    values: dict[str, object] = {}  # by column
    if data.kind not in ADJUSTMENT_KINDS:
        problems.append(Problem.of("kind", "adjustment.kind_unknown", data.kind))
    try:
        values["date"] = today if data.date in (None, "") else parse_date(data.date, "date")
    except ValidationError as error:
        problems.extend(error.problems)
    try:
        quantity = _whole(data.quantity, "quantity", "adjustment.quantity_zero")
        if quantity == 0:
            raise ValidationError.of("quantity", "adjustment.quantity_zero")
        # a write-off takes goods away whichever sign was typed
        values["quantity"] = -abs(quantity) if data.kind == "write_off" else quantity
    except ValidationError as error:
        problems.extend(error.problems)
    try:
        reason = check_typed_text(data.reason or "", "reason", "Reason").strip()
        if not reason:
            raise ValidationError.of("reason", "adjustment.reason_required")
        values["reason"] = reason
    except ValidationError as error:
        problems.extend(error.problems)
    with UnitOfWork(database) as uow:
        if data.product_id is None:
            problems.append(Problem.of("product", "order.product_required"))
        elif (product := uow.session.get(Product, data.product_id)) is None:
            problems.append(Problem.of("product", "product.not_found", data.product_id))
        if problems:
            raise ValidationError(problems)
        assert product is not None  # else its problem was raised
        adjustment = StockAdjustment(product_id=data.product_id, kind=data.kind, **values)
        uow.session.add(adjustment)
        uow.name("stock.adjusted", product.name, f"{values['quantity']:+d}", values["reason"])
        uow.commit()
        adjustment_id = adjustment.id
    return _adjustments(database, adjustment_id=adjustment_id)[0]


def delete_adjustment(database: Database, adjustment_id: int) -> None:
    with UnitOfWork(database) as uow:
        adjustment = uow.session.get(StockAdjustment, adjustment_id)
        if adjustment is None:
            raise NotFound.of("adjustment.not_found", adjustment_id)
        product = uow.session.get(Product, adjustment.product_id)
        name = product.name if product is not None else str(adjustment.product_id)
        uow.name("stock.adjustment_deleted", name, f"{adjustment.quantity:+d}")
        uow.session.delete(adjustment)
        uow.commit()


def list_adjustments(database: Database, product_id: int | None = None) -> list[AdjustmentView]:
    """Adjustments newest first (of one product, or all)."""
    return _adjustments(database, product_id=product_id)


def _adjustments(
    database: Database, product_id: int | None = None, adjustment_id: int | None = None
) -> list[AdjustmentView]:
    query = (
        select(StockAdjustment, Product.name)
        .join(Product, Product.id == StockAdjustment.product_id)
        .order_by(StockAdjustment.date.desc(), StockAdjustment.id.desc())
    )
    if product_id is not None:
        query = query.where(StockAdjustment.product_id == product_id)
    if adjustment_id is not None:
        query = query.where(StockAdjustment.id == adjustment_id)
    with database.session() as session:
        found = session.execute(query).all()
        costs = _adjustment_costs(session, [row.id for row, _name in found])
    return [
        AdjustmentView(
            row.id,
            row.date,
            row.product_id,
            name,
            row.kind,
            row.quantity,
            row.reason,
            costs.get(row.id),
        )
        for row, name in found
    ]


def _adjustment_costs(session: Session, ids: list[int]) -> dict[int, Decimal]:
    costs: dict[int, Decimal] = {}
    for owner, cost in session.execute(
        select(CostSplit.adjustment_id, CostSplit.cost).where(CostSplit.adjustment_id.in_(ids))
    ):
        if owner is not None:  # (IN never matches NULL)
            costs[owner] = costs.get(owner, Decimal(0)) + cost
    return costs


# --- how a product is kept ---------------------------------------------------------------------


@dataclass(frozen=True)
class Tracking:
    """How a product's stock is kept: counted from `start` (its first purchase or adjustment);
    with purchases, its lines from `start` on are costed by FIFO (models/stock.py)."""

    start: dt.date | None
    purchased: bool

    def counts(self, day: dt.date) -> bool:
        """A line of that day (of an order not lost) takes goods from the stock."""
        return self.start is not None and day >= self.start

    def fifo(self, day: dt.date) -> bool:
        """A line of that day (of an order not lost) gets its cost by FIFO when saved."""
        return self.purchased and self.counts(day)


UNTRACKED = Tracking(None, False)


def tracking_of(database: Database, product_ids: list[int]) -> dict[int, Tracking]:
    """Each product's tracking, by the costing engine's own rules (a few index lookups each)."""
    found: dict[int, Tracking] = {}
    with database.session() as session:
        query = sql_query(session)
        for product_id in product_ids:
            start = product_start(query, product_id)
            if start is None:
                found[product_id] = UNTRACKED
                continue
            day = start if isinstance(start, dt.date) else dt.date.fromisoformat(str(start))
            found[product_id] = Tracking(day, batches_of(query, product_id).units > 0)
    return found


# --- where a line's cost came from --------------------------------------------------------------


@dataclass(frozen=True)
class SourcePart:
    """Units of a line taken from one purchase's batch."""

    purchase_id: int
    purchase_date: dt.date
    document: str | None
    quantity: int
    unit_cost: Decimal  # the batch's cost of one unit with its delivery share, to the kopeck
    beyond_stock: bool  # more than was in stock: costed at the last batch until stock arrives


@dataclass(frozen=True)
class CostSource:
    """A line's cost: typed (the product has no purchases, or the line is before them) or by
    FIFO from these parts."""

    fifo: bool
    parts: tuple[SourcePart, ...] = ()

    @property
    def beyond_stock(self) -> int:
        return sum(part.quantity for part in self.parts if part.beyond_stock)


def line_cost_sources(database: Database, line_ids: list[int]) -> dict[int, CostSource]:
    """Each line's cost source, by line id; none to a manager or viewer on a server, who
    reads no purchase's price (models/roles.py)."""
    if database.role != OWNER:
        return {}
    query = (
        select(
            CostSplit.shipment_id,
            Purchase.id,
            Purchase.date,
            Purchase.document,
            CostSplit.quantity,
            PurchaseLine.quantity,
            PurchaseLine.unit_cost,
            PurchaseLine.delivery_share,
            CostSplit.beyond_stock,
        )
        .join(PurchaseLine, PurchaseLine.id == CostSplit.purchase_line_id)
        .join(Purchase, Purchase.id == PurchaseLine.purchase_id)
        .where(CostSplit.shipment_id.in_(line_ids))
        .order_by(CostSplit.id)
    )
    with database.session() as session:
        parts: dict[int, list[SourcePart]] = {}
        for line, pid, day, doc, qty, batch_qty, unit, share, beyond in session.execute(query):
            if line is None:  # (IN never matches NULL)
                continue
            total = round_div(to_minor(unit) * batch_qty + to_minor(share), batch_qty)
            parts.setdefault(line, []).append(
                SourcePart(pid, day, doc, qty, from_minor(total), bool(beyond))
            )
        sequenced = set(
            session.scalars(
                select(Shipment.id).where(
                    Shipment.id.in_(line_ids), Shipment.fifo_start.is_not(None)
                )
            )
        )
    return {
        line_id: CostSource(line_id in parts, tuple(parts.get(line_id, ())))
        if line_id in sequenced or line_id in parts
        else CostSource(False)
        for line_id in line_ids
    }
