"""Cost of goods by FIFO: each consumer of a product takes its units from the oldest batches.

The model is in models/stock.py. A product's batches form one queue (purchase date, purchase,
line); its consumers — lines of orders that are not lost and write-offs, from the product's
start on — take consecutive units of that queue in their sequence (date, the day's lines before
its adjustments, id). A consumer whose units run past the last batch is costed at the last
batch for those units (`beyond_stock`) until a later purchase feeds it.

Amounts are exact integers of minor units: units [a, b) of a batch of Q units costing T in all
cost round(T·b/Q) − round(T·a/Q), so a batch taken whole costs exactly T and its parts add up
to it; a line's unit cost is its splits' total over its quantity, to the kopeck (halves up),
and its `cost_remainder` the few kopecks that make quantity × unit cost + remainder the
splits' exact total.

Recomputing starts at the earliest day a change touched (stock_dirty, written by triggers and
by services/purchases.py): the consumers before it are unchanged, and the units they took are
read from the last one's `fifo_start`. Only what changed is written. Every unit of work runs
`recost_pending` before it commits, so the re-costing is in the transaction of the change.

The SQL here is plain text with named parameters so that the read-only check
(services/maintenance.py, a raw sqlite3 connection) verifies with the very same queries.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from models.postgres import iso_dates, portable
from services.change_log import paused

# (sql, parameters) → rows: a Session's or a raw sqlite3 connection's.
Query = Callable[[str, dict[str, Any]], Sequence[Sequence[Any]]]

# Written so that SQLite starts from the product's lines (CROSS JOIN fixes the order) and
# stops at the first purchase by date.
START = """
SELECT MIN(d) FROM (
    SELECT (SELECT pu.date FROM purchases AS pu WHERE EXISTS (
        SELECT 1 FROM purchase_lines AS pl WHERE pl.purchase_id = pu.id AND pl.product_id = :p)
        ORDER BY pu.date LIMIT 1) AS d
    UNION ALL SELECT MIN(date) FROM stock_adjustments WHERE product_id = :p
) AS starts"""
# (PostgreSQL says SQLite's CROSS JOIN … ON as a plain JOIN: see sql_query.)
BATCHES = """
SELECT pl.id, pl.quantity, pl.quantity * pl.unit_cost + pl.delivery_share
FROM purchase_lines AS pl CROSS JOIN purchases AS pu ON pu.id = pl.purchase_id
WHERE pl.product_id = :p ORDER BY pu.date, pu.id, pl.id"""
_LAST_LINE = """
SELECT fifo_start + quantity FROM shipments
WHERE product_id = :p AND date >= :start AND date < :d AND fifo_start IS NOT NULL
ORDER BY date DESC, fifo_start DESC LIMIT 1"""
_LAST_ADJUSTMENT = """
SELECT fifo_start - quantity FROM stock_adjustments
WHERE product_id = :p AND date >= :start AND date < :d AND fifo_start IS NOT NULL
ORDER BY date DESC, fifo_start DESC LIMIT 1"""
_LINES = """
SELECT s.id, s.date, s.quantity, s.unit_cost, s.cost_remainder, s.fifo_start,
    st.role = 'lost'
FROM shipments AS s JOIN orders AS o ON o.id = s.order_id
JOIN order_statuses AS st ON st.id = o.status_id
WHERE s.product_id = :p AND s.date >= :d"""
_ADJUSTMENTS = """
SELECT id, date, -quantity, fifo_start FROM stock_adjustments
WHERE product_id = :p AND date >= :d AND quantity < 0"""
_LINE_SPLITS = """
SELECT c.shipment_id, c.purchase_line_id, c.quantity, c.cost, c.beyond_stock
FROM cost_splits AS c JOIN shipments AS s ON s.id = c.shipment_id
WHERE s.product_id = :p AND s.date >= :d ORDER BY c.id"""
_ADJUSTMENT_SPLITS = """
SELECT c.adjustment_id, c.purchase_line_id, c.quantity, c.cost, c.beyond_stock
FROM cost_splits AS c JOIN stock_adjustments AS a ON a.id = c.adjustment_id
WHERE a.product_id = :p AND a.date >= :d ORDER BY c.id"""
LINE, ADJUSTMENT = "shipment", "adjustment"  # a consumer's kind, as cost_splits names it


def round_div(numerator: int, denominator: int) -> int:
    """numerator / denominator to the nearest integer, halves up (both not negative)."""
    return (2 * numerator + denominator) // (2 * denominator)


@dataclass(frozen=True)
class Batch:
    id: int
    quantity: int
    total: int  # minor units: quantity × unit cost + the share of the delivery

    def cost_of(self, first: int, last: int) -> int:
        """The exact cost of the batch's units [first, last)."""
        return round_div(self.total * last, self.quantity) - round_div(
            self.total * first, self.quantity
        )


@dataclass(frozen=True)
class Split:
    batch_id: int
    quantity: int
    cost: int  # minor units
    beyond_stock: bool


class Queue:
    """A product's batches in FIFO order, as one run of units."""

    def __init__(self, batches: Iterable[Batch]) -> None:
        self.batches = list(batches)
        self.ends: list[int] = []
        total = 0
        for batch in self.batches:
            total += batch.quantity
            self.ends.append(total)

    @property
    def units(self) -> int:
        return self.ends[-1] if self.ends else 0

    def take(self, start: int, quantity: int) -> list[Split]:
        """The splits of the units [start, start + quantity); past the last batch, at its cost."""
        splits: list[Split] = []
        if not self.batches:
            return splits
        position, stop = start, start + quantity
        index = bisect.bisect_right(self.ends, position)
        while position < min(stop, self.units):
            batch = self.batches[index]
            begin = self.ends[index] - batch.quantity
            upto = min(stop, self.ends[index])
            cost = batch.cost_of(position - begin, upto - begin)
            splits.append(Split(batch.id, upto - position, cost, False))
            position, index = upto, index + 1
        if stop > position:
            last = self.batches[-1]
            beyond = stop - position
            cost = round_div(last.total * beyond, last.quantity)
            splits.append(Split(last.id, beyond, cost, True))
        return splits


def unit_cost_of(splits: Sequence[Split], quantity: int) -> tuple[int, int]:
    """A line's unit cost in minor units — its splits' total over its quantity, to the kopeck —
    and the remainder that makes quantity × unit cost + remainder that total exactly."""
    total = sum(split.cost for split in splits)
    unit = round_div(total, quantity)
    return unit, total - unit * quantity


@dataclass
class Consumer:
    kind: str  # LINE or ADJUSTMENT
    id: int
    date: str
    quantity: int
    unit_cost: int | None  # a line's stored unit cost (minor units); None for an adjustment
    remainder: int | None  # a line's stored cost remainder (minor units)
    fifo_start: int | None
    lost: bool = False
    splits: tuple[Split, ...] = ()

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.date, 0 if self.kind == LINE else 1, self.id)


@dataclass(frozen=True)
class Costed:
    """What one consumer should hold."""

    consumer: Consumer
    fifo_start: int | None
    splits: tuple[Split, ...]
    # (unit cost, remainder); None: keep the stored ones (no batches, a lost order, a write-off)
    cost: tuple[int, int] | None

    @property
    def cost_moved(self) -> bool:
        old = self.consumer
        return self.cost is not None and self.cost != (old.unit_cost, old.remainder)

    @property
    def changed(self) -> bool:
        old = self.consumer
        return self.fifo_start != old.fifo_start or self.splits != old.splits or self.cost_moved


def sql_query(session: Session) -> Query:
    """The queries run in `session`; on PostgreSQL in its words (models.postgres.portable),
    with its dates given back as the ISO text SQLite's are, which the sequence compares."""
    if session.get_bind().dialect.name == "sqlite":

        def run(sql: str, params: dict[str, Any]) -> Sequence[Sequence[Any]]:
            return session.execute(text(sql), params).all()

        return run

    def run_portable(sql: str, params: dict[str, Any]) -> Sequence[Sequence[Any]]:
        rows = session.execute(text(portable(sql)), params).all()
        return [tuple(iso_dates(row)) for row in rows]

    return run_portable


def _scalar(query: Query, sql: str, params: dict[str, Any]) -> Any:
    rows = query(sql, params)
    return rows[0][0] if rows else None


def product_start(query: Query, product_id: int) -> str | None:
    """The day a product's stock is tracked from (ISO), or None if it never was."""
    start: str | None = _scalar(query, START, {"p": product_id})
    return start


def consumers_from(query: Query, product_id: int, since: str) -> list[Consumer]:
    """The product's lines and write-offs dated `since` or later, in sequence, with their
    stored splits."""
    params = {"p": product_id, "d": since}
    found = [
        Consumer(LINE, id_, date, quantity, cost, rest, start, bool(lost))
        for id_, date, quantity, cost, rest, start, lost in query(_LINES, params)
    ]
    found += [
        Consumer(ADJUSTMENT, id_, date, quantity, None, None, start)
        for id_, date, quantity, start in query(_ADJUSTMENTS, params)
    ]
    found.sort(key=lambda consumer: consumer.key)
    stored: dict[tuple[str, int], list[Split]] = {}
    for kind, sql in ((LINE, _LINE_SPLITS), (ADJUSTMENT, _ADJUSTMENT_SPLITS)):
        for owner, batch, quantity, cost, beyond in query(sql, params):
            stored.setdefault((kind, owner), []).append(Split(batch, quantity, cost, bool(beyond)))
    for consumer in found:
        consumer.splits = tuple(stored.get((consumer.kind, consumer.id), ()))
    return found


def consumed_before(query: Query, product_id: int, start: str, day: str) -> int:
    """Units the product's consumers dated from `start` up to (not including) `day` took."""
    params = {"p": product_id, "start": start, "d": day}
    ends = (_scalar(query, _LAST_LINE, params), _scalar(query, _LAST_ADJUSTMENT, params))
    return max((end for end in ends if end is not None), default=0)


def batches_of(query: Query, product_id: int) -> Queue:
    return Queue(Batch(*row) for row in query(BATCHES, {"p": product_id}))


def cost_run(consumers: Iterable[Consumer], queue: Queue, consumed: int) -> list[Costed]:
    """What each consumer should hold, the first having `consumed` units taken before it."""
    result = []
    for consumer in consumers:
        if consumer.lost:
            result.append(Costed(consumer, None, (), None))
            continue
        splits = tuple(queue.take(consumed, consumer.quantity))
        # a write-off's cost is its splits; only a line keeps a unit cost
        priced = splits and consumer.kind == LINE
        cost = unit_cost_of(splits, consumer.quantity) if priced else None
        result.append(Costed(consumer, consumed, splits, cost))
        consumed += consumer.quantity
    return result


# --- writing ----------------------------------------------------------------------------------

_LEAVE = {
    LINE: (
        "DELETE FROM cost_splits WHERE shipment_id IN (SELECT id FROM shipments WHERE {where})",
        "UPDATE shipments SET fifo_start = NULL WHERE {where}",
    ),
    ADJUSTMENT: (
        "DELETE FROM cost_splits WHERE adjustment_id IN"
        " (SELECT id FROM stock_adjustments WHERE {where})",
        "UPDATE stock_adjustments SET fifo_start = NULL WHERE {where}",
    ),
}


def _leave_sequence(session: Session, product_id: int, since: str, before: str | None) -> None:
    """Lines and adjustments dated [since, before) are no longer in the product's sequence."""
    where = "product_id = :p AND date >= :d AND fifo_start IS NOT NULL"
    if before is not None:
        where += " AND date < :b"
    params = {"p": product_id, "d": since, "b": before}
    for statements in _LEAVE.values():
        for sql in statements:
            session.execute(text(sql.format(where=where)), params)


def _write(session: Session, costed: Iterable[Costed]) -> int:
    """Store the consumers that changed; how many did."""
    # each: an UPDATE's or an INSERT's parameters
    starts: dict[str, list[dict[str, object]]] = {LINE: [], ADJUSTMENT: []}
    costs: list[dict[str, object]] = []
    dropped: dict[str, list[dict[str, object]]] = {LINE: [], ADJUSTMENT: []}
    added: list[dict[str, object]] = []
    changed = 0
    for item in costed:
        if not item.changed:
            continue
        changed += 1
        old = item.consumer
        if item.cost is not None and item.cost_moved:
            unit, rest = item.cost
            costs.append({"id": old.id, "c": unit, "r": rest, "s": item.fifo_start})
        elif item.fifo_start != old.fifo_start:
            starts[old.kind].append({"id": old.id, "s": item.fifo_start})
        if item.splits != old.splits:
            dropped[old.kind].append({"id": old.id})
            for split in item.splits:
                line_id = old.id if old.kind == LINE else None
                adjustment_id = old.id if old.kind == ADJUSTMENT else None
                added.append(
                    {
                        "sh": line_id,
                        "adj": adjustment_id,
                        "b": split.batch_id,
                        "q": split.quantity,
                        "c": split.cost,
                        "beyond": split.beyond_stock,
                    }
                )
    if costs:
        session.execute(
            text(
                "UPDATE shipments SET unit_cost = :c, cost_remainder = :r, fifo_start = :s"
                " WHERE id = :id"
            ),
            costs,
        )
    for kind, table in ((LINE, "shipments"), (ADJUSTMENT, "stock_adjustments")):
        if starts[kind]:
            session.execute(
                text(f"UPDATE {table} SET fifo_start = :s WHERE id = :id"), starts[kind]
            )
        if dropped[kind]:
            column = "shipment_id" if kind == LINE else "adjustment_id"
            session.execute(text(f"DELETE FROM cost_splits WHERE {column} = :id"), dropped[kind])
    if added:
        session.execute(
            text(
                "INSERT INTO cost_splits (shipment_id, adjustment_id, purchase_line_id, quantity,"
                " cost, beyond_stock) VALUES (:sh, :adj, :b, :q, :c, :beyond)"
            ),
            added,
        )
    return changed


def recost_product(session: Session, product_id: int, since: str) -> int:
    """Recompute the product's sequence and costs from the day `since` (ISO) on; how many
    consumers changed."""
    query = sql_query(session)
    start = product_start(query, product_id)
    if start is None or since < start:
        _leave_sequence(session, product_id, since, start)
    if start is None:
        return 0
    since = max(since, start)
    consumed = consumed_before(query, product_id, start, since)
    run = cost_run(
        consumers_from(query, product_id, since), batches_of(query, product_id), consumed
    )
    return _write(session, run)


def recost_pending(session: Session) -> bool:
    """Recompute every product marked in stock_dirty from its earliest marked day, and clear
    the marks; whether there were any. Loaded rows are expired, for their costs may have moved.

    A manager's session (info "costs" False: services/storage.py) leaves the marks to the
    owner, who alone reads the purchases that FIFO costs come from."""
    if session.info.get("costs") is False:
        return False
    session.flush()
    marked = session.execute(
        text("SELECT product_id, MIN(since) FROM stock_dirty GROUP BY product_id")
    ).all()
    if not marked:
        return False
    session.execute(text("DELETE FROM stock_dirty"))
    with paused(session):  # derived costs: the change log keeps what the person changed
        for product_id, since in marked:
            recost_product(session, product_id, str(since))
    session.expire_all()
    return True


def mark_batches(session: Session, product_id: int, key: tuple[str, int, int]) -> None:
    """Mark the product for re-costing from the first consumer that the batches at queue
    position `key` (purchase date, purchase id, line id) and after can reach: the first whose
    units run past those of the batches before `key`, or the batch's own day if earlier."""
    query = sql_query(session)
    day, purchase_id, line_id = key
    before = _scalar(
        query,
        "SELECT COALESCE(SUM(pl.quantity), 0) FROM purchase_lines AS pl"
        " JOIN purchases AS pu ON pu.id = pl.purchase_id WHERE pl.product_id = :p"
        " AND (pu.date, pu.id, pl.id) < (:d, :pu, :pl)",
        {"p": product_id, "d": day, "pu": purchase_id, "pl": line_id},
    )
    days = [day]
    for table, end in (
        ("shipments", "fifo_start + quantity"),
        ("stock_adjustments", "fifo_start - quantity"),
    ):
        reached = _scalar(
            query,
            f"SELECT MIN(date) FROM {table} WHERE product_id = :p AND fifo_start IS NOT NULL"
            f" AND {end} > :b",
            {"p": product_id, "b": before},
        )
        if reached is not None:
            days.append(str(reached))
    session.execute(
        text("INSERT INTO stock_dirty (product_id, since) VALUES (:p, :d) ON CONFLICT DO NOTHING"),
        {"p": product_id, "d": min(days)},
    )


# --- checking -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mismatch:
    """A consumer whose stored sequence, splits or cost differ from its batches."""

    kind: str
    id: int
    product_id: int


def mismatches(query: Query, limit: int = 20) -> list[Mismatch]:
    """Every product's sequence recomputed from its start and compared with what is stored."""
    found: list[Mismatch] = []
    products = [row[0] for row in query("SELECT id FROM products ORDER BY id", {})]
    for product_id in products:
        start = product_start(query, product_id)
        if start is None:
            stray = query(
                "SELECT id FROM shipments WHERE product_id = :p AND fifo_start IS NOT NULL LIMIT 1",
                {"p": product_id},
            )
            found += [Mismatch(LINE, row[0], product_id) for row in stray]
            continue
        early = query(
            "SELECT id FROM shipments WHERE product_id = :p AND date < :d"
            " AND fifo_start IS NOT NULL LIMIT 1",
            {"p": product_id, "d": start},
        )
        found += [Mismatch(LINE, row[0], product_id) for row in early]
        run = cost_run(consumers_from(query, product_id, start), batches_of(query, product_id), 0)
        found += [
            Mismatch(item.consumer.kind, item.consumer.id, product_id)
            for item in run
            if item.changed
        ]
        if len(found) >= limit:
            break
    return found[:limit]
