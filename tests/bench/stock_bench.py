"""Stock and expenses (issue #18) on the big base: stock levels of every product (≤ 100 ms),
saving an order that re-costs ~1,000 later lines (≤ 300 ms), and the channel report of a year
(≤ 1.5× its hand-written SQL). The report's baseline is the hand SQL of every figure the
Reports section shows (rawsql.py: the totals, rankings, products, chart series, customers
acquired and expenses per channel, this year and the last) plus the customers' segments at the
period's ends, which have no SQL form: services.segments.segment_shift, as the report calls it
(two recomputations of the purchase histories as of past days, the larger part of the time).

The base is the big seller's (tests/bench/bigbase.py) with three years of buying added: 20k
purchase lines in batches that follow each product's sales (a batch a little before the
stock runs out, its size and cost varying, a delivery cost on some purchases), a hundred
stock adjustments and ~1,000 expenses (a week's ads on each channel, a month's delivery,
packaging and fees). Every line from each product's first purchase on is then costed by FIFO
(services.costing, through a unit of work: the products marked in stock_dirty, re-costed
before the commit; the order totals recomputed once at the end instead of per line).
Building takes a few minutes, so the result is cached beside the big base as
`<repo>/.bench/big-v6-stock.sqlite3`; the figures run on a copy of it in the bench's scratch
folder (the save changes the base).

    python -m tests.bench.stock_bench [--rebuild]   # build the cached base, print the figures
    python -m tests.bench.stock_bench --build       # only build it (make bench does, if missing)
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import random
import sqlite3
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from models.triggers import TRIGGERS, recompute_totals
from services.costing import recost_pending
from services.figures import Period
from services.orders import LineInput, OrderInput, get_order, save_order
from services.purchases import spread_delivery
from services.report import acquired_by_channel, period_report, previous_period
from services.segments import segment_shift
from services.stock import stock_levels
from services.storage import Database, copy_database
from services.uow import UnitOfWork
from tests.bench import bigbase, rawsql
from tests.bench.run import RUNS, Figure, measure, print_plans, print_table

STOCK_PATH = bigbase.BIG_PATH.with_name(bigbase.BIG_PATH.stem + "-stock.sqlite3")
PURCHASE_LINES = 20_000
ADJUSTMENTS = 100
LATER_LINES = 1_000  # the edited line has this many consumers of its product after it
SUPPLIERS = ("ООО «Пасека»", "ИП Медов", "Артель «Соты»")
REASONS = ("пересчёт на складе", "брак", "подарок покупателю", "повреждено при доставке")
LOST = "status_id IN (SELECT id FROM order_statuses WHERE role = 'lost')"


def _log(message: str, started: float) -> None:
    print(f"  [{time.perf_counter() - started:6.1f} s] {message}", file=sys.stderr, flush=True)


def _demand(con: sqlite3.Connection) -> dict[int, list[tuple[str, int]]]:
    """Units each product's lines of orders not lost take, by day (ISO), in date order."""
    found: dict[int, list[tuple[str, int]]] = defaultdict(list)
    rows = con.execute(
        "SELECT s.product_id, s.date, SUM(s.quantity) FROM shipments s"
        f" JOIN orders o ON o.id = s.order_id WHERE NOT o.{LOST} GROUP BY 1, 2 ORDER BY 1, 2"
    )
    for product, day, units in rows:
        found[product].append((day, units))
    return found


def _batches(rng: random.Random, con: sqlite3.Connection, today: dt.date) -> list[tuple]:
    """(day, product, quantity, unit cost in minor units): PURCHASE_LINES batches shared among
    the products by their sales; each bought a few days before the units sold so far reach
    what was bought, so the stock stays near one batch, as a seller's does."""
    demand = _demand(con)
    costs = dict(con.execute("SELECT id, default_cost FROM products"))
    units = {product: sum(n for _day, n in days) for product, days in demand.items()}
    everything = sum(units.values())
    batches = []
    for product, days in demand.items():
        count = max(1, round(PURCHASE_LINES * units[product] / everything))
        size = math.ceil(units[product] * 1.02 / count)
        first = dt.date.fromisoformat(days[0][0]) - dt.timedelta(days=7)
        sold, bought, index = 0, 0, 0
        for number in range(count):
            while index < len(days) and sold + days[index][1] < bought - size // 2:
                sold += days[index][1]
                index += 1
            at = dt.date.fromisoformat(days[index][0]) if index < len(days) else today
            day = min(max(first, at - dt.timedelta(days=rng.randint(1, 5))), today)
            quantity = max(1, round(size * rng.uniform(0.8, 1.2)))
            cost = max(100, round(costs[product] * rng.uniform(0.9, 1.1) / 100) * 100)
            batches.append((day.isoformat(), product, quantity, cost, number))
            bought += quantity
    batches.sort()
    return [batch[:4] for batch in batches]


def _purchases(rng: random.Random, con: sqlite3.Connection, today: dt.date) -> None:
    """The batches as purchases: a supplier's batches of a day are one purchase, a third of
    them with a delivery cost spread over its lines by value."""
    grouped: dict[tuple[str, int], list[tuple[int, int, int]]] = defaultdict(list)
    for day, product, quantity, cost in _batches(rng, con, today):
        grouped[(day, product % len(SUPPLIERS))].append((product, quantity, cost))
    purchases, lines = [], []
    for number, ((day, supplier), batch) in enumerate(sorted(grouped.items()), start=1):
        delivery = rng.randrange(500, 3000) * 100 if rng.random() < 0.33 else 0
        stamp = f"{day} 10:00:00.000000"
        purchases.append(
            (number, day, SUPPLIERS[supplier], f"УПД-{number}", delivery, stamp, stamp)
        )
        values, quantities = [q * c for _p, q, c in batch], [q for _p, q, _c in batch]
        shares = spread_delivery(delivery, values, quantities)
        for position, ((product, quantity, cost), share) in enumerate(
            zip(batch, shares, strict=True)
        ):
            lines.append((number, position, product, quantity, cost, share))
    con.executemany(
        "INSERT INTO purchases (id, date, supplier_name, document, delivery_cost, created_at,"
        " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        purchases,
    )
    con.executemany(
        "INSERT INTO purchase_lines (purchase_id, position, product_id, quantity, unit_cost,"
        " delivery_share) VALUES (?, ?, ?, ?, ?, ?)",
        lines,
    )


def _adjustments(rng: random.Random, con: sqlite3.Connection, today: dt.date) -> None:
    """A hundred recounts (either sign) and write-offs over the three years."""
    products = [row[0] for row in con.execute("SELECT id FROM products")]
    start = today - dt.timedelta(days=365 * bigbase.YEARS - 30)
    rows = []
    for _ in range(ADJUSTMENTS):
        day = start + dt.timedelta(days=rng.randrange(365 * bigbase.YEARS - 30))
        kind = "write_off" if rng.random() < 0.6 else "count"
        quantity = -rng.randint(1, 3) if kind == "write_off" else rng.choice((-2, -1, 1, 2, 3))
        stamp = f"{day.isoformat()} 18:00:00.000000"
        product, reason = rng.choice(products), rng.choice(REASONS)
        rows.append((day.isoformat(), product, kind, quantity, reason, stamp))
    con.executemany(
        "INSERT INTO stock_adjustments (date, product_id, kind, quantity, reason, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        rows,
    )


def _expenses(rng: random.Random, con: sqlite3.Connection, today: dt.date) -> None:
    """Ads on every channel each week; delivery, packaging and fees each month."""
    channels = [row[0] for row in con.execute("SELECT id FROM channels ORDER BY id")]
    start = today - dt.timedelta(days=365 * bigbase.YEARS)
    rows = []
    for week in range(365 * bigbase.YEARS // 7):
        day = start + dt.timedelta(days=7 * week)
        for channel in channels:
            if rng.random() < 0.8:
                amount = rng.randrange(500, 8000) * 100
                rows.append((day, amount, "ads", channel, "неделя рекламы"))
    for month in range(12 * bigbase.YEARS):
        day = start + dt.timedelta(days=30 * month + 1)
        for category, low, high in (("delivery", 3000, 20000), ("packaging", 500, 3000)):
            rows.append((day, rng.randrange(low, high) * 100, category, None, None))
        rows.append((day, rng.randrange(1000, 5000) * 100, "fees", None, "эквайринг"))
    con.executemany(
        "INSERT INTO expenses (date, amount, category, channel_id, comment, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(day.isoformat(), *rest, f"{day.isoformat()} 12:00:00.000000") for day, *rest in rows],
    )


def _recost(path: Path) -> None:
    """Every product costed by FIFO from its first purchase or adjustment, in one unit of work:
    the products marked in stock_dirty, re-costed before the commit. The per-line totals
    trigger is set aside meanwhile and the order totals recomputed once (as an import does)."""
    database = Database.open(path)
    try:
        with UnitOfWork(database) as uow:
            connection = uow.session.connection()
            run = connection.exec_driver_sql
            run("DROP TRIGGER trg_shipments_totals_update")
            run(
                "INSERT OR IGNORE INTO stock_dirty (product_id, since)"
                " SELECT product_id, MIN(d) FROM ("
                " SELECT pl.product_id, pu.date AS d FROM purchase_lines pl"
                " JOIN purchases pu ON pu.id = pl.purchase_id"
                " UNION ALL SELECT product_id, date FROM stock_adjustments) GROUP BY product_id"
            )
            recost_pending(uow.session)  # what the commit would do, before the totals
            run(recompute_totals("1"))
            run(TRIGGERS["trg_shipments_totals_update"])
            uow.commit()
    finally:
        database.close()


def build(path: Path, seed: int = 18, today: dt.date | None = None) -> None:
    """A copy of the big base at `path` with the purchases, adjustments and expenses added and
    every line re-costed (any file at `path` is replaced)."""
    today = today or dt.date.today()
    started = time.perf_counter()
    source = bigbase.ensure()
    for stale in path.parent.glob(path.stem + "*"):
        stale.unlink()
    copy_database(source, path)
    Database.open(path).close()  # brought up to the current schema
    for aside in path.parent.glob(path.stem + ".before-*"):
        aside.unlink()  # the upgrade's copy of the file as it was
    _log("copied the big base, schema upgraded", started)
    rng = random.Random(seed)
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute("PRAGMA foreign_keys = ON")
        con.execute("BEGIN")
        _purchases(rng, con, today)
        _adjustments(rng, con, today)
        _expenses(rng, con, today)
        con.execute("COMMIT")
        counts = [
            con.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("purchases", "purchase_lines", "stock_adjustments", "expenses")
        ]
    finally:
        con.close()
    _log("added {} purchases with {} lines, {} adjustments, {} expenses".format(*counts), started)
    _recost(path)
    _log("costed every line by FIFO", started)
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute("ANALYZE")
    finally:
        con.close()
    _log(f"analyzed; built {path.name}", started)


def ensure(path: Path = STOCK_PATH, rebuild: bool = False) -> Path:
    """The cached base, built first (to a temporary name, then renamed) if missing."""
    if path.exists() and not rebuild:
        return path
    building = path.with_name(path.stem + ".building" + path.suffix)
    print(f"Building the stock base at {path} ...", file=sys.stderr, flush=True)
    build(building)
    building.replace(path)
    return path


def edited_line(con: sqlite3.Connection) -> tuple[int, int]:
    """(order, line) of a line with LATER_LINES consumers of its product after it: of the
    product with the most lines, the consumer that many from the end of its sequence."""
    (product,) = con.execute(
        "SELECT product_id FROM shipments WHERE fifo_start IS NOT NULL"
        " GROUP BY product_id ORDER BY COUNT(*) DESC LIMIT 1"
    ).fetchone()
    return con.execute(
        "SELECT order_id, id FROM shipments WHERE product_id = ? AND fifo_start IS NOT NULL"
        " ORDER BY fifo_start DESC LIMIT 1 OFFSET ?",
        (product, LATER_LINES),
    ).fetchone()


def later_consumers(con: sqlite3.Connection, line_id: int) -> int:
    """Lines and adjustments of the line's product after it in the FIFO sequence."""
    product, start = con.execute(
        "SELECT product_id, fifo_start FROM shipments WHERE id = ?", (line_id,)
    ).fetchone()
    return sum(
        con.execute(
            f"SELECT COUNT(*) FROM {table} WHERE product_id = ? AND fifo_start > ?",
            (product, start),
        ).fetchone()[0]
        for table in ("shipments", "stock_adjustments")
    )


def one_more(database: Database, order_id: int, line_id: int, today: dt.date):
    """A call that saves the order through services.orders.save_order with the line's
    quantity one unit up, then (the next call) back again: every call moves the line's later
    consumers by a unit, and the base ends as it was after an even number of calls. The
    order's input is made once, outside the timing."""
    order = get_order(database, order_id, today)

    def data(more: int) -> OrderInput:
        lines = tuple(
            LineInput(
                line.product_id,
                line.quantity + (more if line.id == line_id else 0),
                line.unit_price,
                line.unit_cost,
                line.date,
                line.id,
            )
            for line in order.lines
        )
        return OrderInput(
            order.contact_id,
            order.date,
            order.status_id,
            order.channel_id,
            order.comment,
            order.loss_reason_id,
            order.loss_note,
            lines,
            order.expected_amount,
            order.person_id,
        )

    inputs = itertools.cycle((data(1), data(0)))
    return lambda: save_order(database, next(inputs), order_id, today)


def figures(tmp: Path, today: dt.date, runs: int = RUNS) -> list[Figure]:
    """The three figures on a copy of the stock base in `tmp` (built first if missing)."""
    source = ensure()
    path = tmp / "stock-bench.sqlite3"
    copy_database(source, path)
    database = Database.open(path)
    con = sqlite3.connect(path)  # as run.py's: a replayed write is rolled back
    on = (database, con)
    year = Period(dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31))
    before = previous_period(year)
    assert before is not None
    params = {"start": str(year.start), "end": str(year.end), "today": str(today)}
    previous = {"start": str(before.start), "end": str(before.end), "today": str(today)}
    order_id, line_id = edited_line(con)
    later = later_consumers(con, line_id)
    totals_sql = (rawsql.PERIOD_TOTALS, rawsql.NEW_AND_RETURNING)
    return [
        Figure(
            "stock: every product's levels",
            lambda: stock_levels(database, today),
            100,
            raw=lambda: rawsql.run(con, {"today": str(today)}, rawsql.STOCK_LEVELS),
            note="20k purchase lines, FIFO-costed base",
            on=on,
        ),
        Figure(
            f"order saved: re-costs {later:,} later lines",
            one_more(database, order_id, line_id, today),
            300,
            note=f"order {order_id}: a line's quantity ±1, FIFO from there on",
            runs=runs,
            on=on,
        ),
        Figure(
            f"channels {today.year - 1}: acquired per channel",
            lambda: acquired_by_channel(database, year, today),
            goal_ratio=1.5,
            raw=lambda: rawsql.run(con, params, rawsql.ACQUIRED_BY_CHANNEL),
            on=on,
        ),
        Figure(
            f"channel report {today.year - 1}: Reports section",
            lambda: period_report(database, year, today),
            goal_ratio=1.5,
            raw=lambda: (
                rawsql.run(con, params, *totals_sql, rawsql.TOP_CUSTOMERS),
                rawsql.run(con, params, rawsql.TOP_CUSTOMERS_BY_PROFIT, rawsql.PRODUCTS),
                rawsql.run(con, params, rawsql.SERIES, rawsql.ACQUIRED_BY_CHANNEL),
                rawsql.run(con, params, rawsql.EXPENSES_BY_CHANNEL),
                rawsql.run(con, previous, *totals_sql, rawsql.EXPENSES_BY_CHANNEL),
                segment_shift(database, year.start, year.end, today),
            ),
            note="channels with ad spend and acquired customers, expenses; segments in both",
            raw_label="hand SQL + segments",
            runs=3,
            on=on,
        ),
    ]


def main() -> None:
    ensure(rebuild="--rebuild" in sys.argv)
    if "--build" in sys.argv:
        return
    today = dt.date.today()
    with tempfile.TemporaryDirectory(prefix="lavka-bench-") as folder:
        found = figures(Path(folder), today)
        results = []
        for figure in found:
            print(f"  timing {figure.name} ...", file=sys.stderr, flush=True)
            results.append(measure(*figure.on, figure))  # type: ignore[misc]  # every figure has .on
        print_table(results, 0)
        database, con = found[0].on  # type: ignore[misc]  # set for all
        print_plans(con, results)
        con.close()
        database.close()


if __name__ == "__main__":
    main()


__all__ = ["STOCK_PATH", "build", "ensure", "figures"]
