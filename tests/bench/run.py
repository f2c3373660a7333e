"""`make bench`: time the real services on the big seller base and print a table.

Each figure is the median of RUNS calls after one warm-up (time.perf_counter). The raw
baseline is either hand-written SQL (period report, see rawsql.py) or the very statements
the service sent, replayed through bare sqlite3 ("same SQL"): the gap is our Python/ORM cost.
For each figure over its goal, the query plans of its statements follow the table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import event

from services.contacts import search_contacts
from services.figures import Period, contact_figures, period_figures, product_figures, top_customers
from services.funnel import BoardFilter, board
from services.lifecycle import forget_histories
from services.order_list import GroupQuery, OrderFilter, OrderQuery, list_groups, list_orders
from services.payments import debtors
from services.report import period_report, previous_period
from services.scoring import forecast
from services.segments import contact_list, contact_segments, segment_counts
from services.storage import Database
from services.today import SHOWN, today_page
from services.uow import UnitOfWork
from tests.bench import rawsql
from tests.bench.bigbase import BIG_PATH

RUNS = 7
RSS_GOAL_MB = 250  # the window on the big base with every section visited (first_window.py)


@dataclass
class Figure:
    name: str
    call: Callable[[], object]
    goal_ms: float | None = None  # an absolute goal ...
    goal_ratio: float | None = None  # ... or at most this many times the raw baseline
    raw: Callable[[], object] | None = None  # hand-written baseline; else "same SQL" replay
    note: str = ""
    raw_label: str = "hand SQL"  # what the baseline is
    # said under the figure when it is over its goal, in place of its statements' plans (a
    # figure of a child process: where its time went)
    profile: Callable[[], str] | None = None
    runs: int = RUNS  # fewer for figures that take seconds (a backup, a 100k-row export)
    # the base the figure runs on (its service's database, a bare connection to it), when it
    # is not the big base (a copy with more in it: tests/bench/stock_bench.py)
    on: tuple[Database, sqlite3.Connection] | None = None


@dataclass
class Result:
    figure: Figure
    median_ms: float
    raw_ms: float | None
    statements: list[tuple[str, object]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        if self.figure.goal_ratio is not None:
            return (
                self.raw_ms is not None and self.median_ms <= self.figure.goal_ratio * self.raw_ms
            )
        return self.median_ms <= (self.figure.goal_ms or 0)

    @property
    def goal(self) -> str:
        if self.figure.goal_ratio is not None:
            return f"≤ {self.figure.goal_ratio}× raw"
        return f"≤ {self.figure.goal_ms:.0f} ms"


@dataclass(frozen=True)
class Timed:
    """What a call timed itself, in seconds: a step of a child process (its window painted),
    which the call's own wall time would overstate by the process's exit."""

    seconds: float


def medians_ms(*calls: Callable[[], object], runs: int = RUNS) -> list[float]:
    """Median wall time of each call (or the time it returned as Timed); the calls alternate
    so they share the machine's noise."""
    for call in calls:
        call()  # warm-up: caches, compiled statements, SQLite page cache
    samples: list[list[float]] = [[] for _ in calls]
    for _ in range(runs):
        for call, times in zip(calls, samples, strict=True):
            started = time.perf_counter()
            said = call()
            times.append(said.seconds if isinstance(said, Timed) else time.perf_counter() - started)
    return [statistics.median(times) * 1000 for times in samples]


def ms(value: float) -> str:
    return f"{value:8.2f} ms" if value < 10 else f"{value:8.1f} ms"


def captured(db: Database, call: Callable[[], object]) -> list[tuple[str, object]]:
    """The SQL statements (with their parameters) that `call` sends to SQLite."""
    statements: list[tuple[str, object]] = []

    def record(_conn, _cursor, statement, parameters, _context, _many) -> None:
        if not statement.strip().upper().startswith("BEGIN"):  # the engine's own bracket
            statements.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        call()
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    return statements


def replay(con: sqlite3.Connection, statements: list[tuple[str, object]]) -> None:
    for sql, params in statements:
        if isinstance(params, list) and params and isinstance(params[0], tuple | list | dict):
            con.executemany(sql, params)  # an INSERT of many rows
        else:
            con.execute(sql, params).fetchall()
    if con.in_transaction:  # a replayed write (the histories' cache) leaves no trace
        con.rollback()


def figures(db: Database, con: sqlite3.Connection, today: dt.date) -> list[Figure]:
    year = Period(dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31))
    in_year = OrderFilter(date_from=year.start, date_to=year.end)
    status = dict(con.execute("SELECT code, id FROM order_statuses"))
    busiest = con.execute(
        "SELECT contact_id FROM orders GROUP BY 1 ORDER BY COUNT(*) DESC"
    ).fetchone()
    typical = con.execute("SELECT contact_id FROM orders WHERE id = 150000").fetchone()
    params = {"start": str(year.start), "end": str(year.end), "today": str(today)}
    before = previous_period(year)
    assert before is not None
    previous = {"start": str(before.start), "end": str(before.end), "today": str(today)}

    def grid(**kwargs) -> Callable[[], object]:
        return lambda: list_orders(db, OrderQuery(**kwargs))

    def raw(*queries: str) -> Callable[[], object]:
        return lambda: rawsql.run(con, params, *queries)

    totals_sql = (rawsql.PERIOD_TOTALS, rawsql.NEW_AND_RETURNING)

    last_12_months = OrderFilter(today - dt.timedelta(days=364), today)
    steps: list[dict[str, float]] = []  # each start of the window on the big base, its steps

    def first_window(step: str, *args: str) -> Callable[[], object]:
        def start() -> Timed:
            said = window_steps(*args)
            if args[0] != "--bare":
                steps.append(said)
            return Timed(said[step] / 1000)

        return start

    def window_profile() -> str:
        """The median moment of each step of the start, from the launch (first_window.py)."""
        names = list(steps[0])
        medians = {name: statistics.median(said[name] for said in steps) for name in names}
        return "steps of the start, median ms from the launch (tests/bench/first_window.py):\n" + (
            "\n".join(f"    {name:<9} {at:7.0f}" for name, at in medians.items())
        )

    return [
        Figure(
            "first window painted",
            first_window("painted", str(BIG_PATH)),
            1000,
            raw=first_window("painted", "--bare"),
            raw_label="empty window",
            note="new process, from its launch; baseline: an empty Qt window",
            profile=window_profile,
        ),
        Figure("search: name 'ковал'", lambda: search_contacts(db, "ковал"), 50),
        Figure("search: phone '891612'", lambda: search_contacts(db, "891612"), 50),
        Figure("search: last digits '4567'", lambda: search_contacts(db, "4567"), 50),
        Figure("grid: date desc (default)", grid(), 100),
        Figure("grid: profit desc", grid(sort="profit"), 100),
        Figure("grid: margin desc", grid(sort="margin"), 100),
        Figure("grid: deal value desc", grid(sort="value"), 100),
        Figure("grid: deal class", grid(sort="class", descending=False), 100),
        Figure("grid: text 'ковал'", grid(filter=OrderFilter(text="ковал")), 100),
        Figure(
            f"grid: Completed in {today.year - 1}",
            grid(filter=OrderFilter(year.start, year.end, (status["completed"],))),
            100,
        ),
        Figure("grid: offset 150000 by date", grid(offset=150_000), 100),
        Figure(
            f"groups: by contact, {today.year - 1}, first page",
            lambda: list_groups(db, GroupQuery("contact", in_year, "profit")),
            100,
            note="the grid's first page: a year's groups summed, counted, sorted in SQL",
        ),
        Figure(
            "groups: by contact, last 12 months, first page",
            lambda: list_groups(db, GroupQuery("contact", last_12_months, "profit")),
            100,
            note="11 kept months and the days of two more, summed: ~37k groups",
        ),
        Figure(
            f"report {today.year - 1}: totals+new",
            lambda: period_figures(db, year, today),
            goal_ratio=1.5,
            raw=raw(*totals_sql),
        ),
        Figure(
            f"report {today.year - 1}: top customers",
            lambda: top_customers(db, year, today=today),
            goal_ratio=1.5,
            raw=raw(rawsql.TOP_CUSTOMERS),
        ),
        Figure(
            f"report {today.year - 1}: products",
            lambda: product_figures(db, year, today),
            goal_ratio=1.5,
            raw=raw(rawsql.PRODUCTS),
        ),
        Figure(
            f"report {today.year - 1}: whole",
            lambda: (
                period_figures(db, year, today),
                top_customers(db, year, today=today),
                product_figures(db, year, today),
            ),
            goal_ratio=1.5,
            raw=raw(*totals_sql, rawsql.TOP_CUSTOMERS, rawsql.PRODUCTS),
        ),
        Figure(
            f"report {today.year - 1}: Reports section",
            lambda: period_report(db, year, today),
            goal_ratio=1.5,
            raw=lambda: (
                rawsql.run(con, params, *totals_sql, rawsql.TOP_CUSTOMERS),
                rawsql.run(con, params, rawsql.TOP_CUSTOMERS_BY_PROFIT, rawsql.PRODUCTS),
                rawsql.run(con, params, rawsql.SERIES),
                rawsql.run(con, previous, *totals_sql),
            ),
            note="this year and the last, both rankings, charts",
            runs=3,
        ),
        Figure("contact card: busiest", lambda: contact_figures(db, busiest[0], today), 50),
        Figure("contact card: typical", lambda: contact_figures(db, typical[0], today), 50),
        *today_figures(db, today),
        *deal_figures(db, today),
    ]


def window_process(*args: str) -> str:
    """What `python -m tests.bench.first_window ARGS` printed: Lavka started on a database in
    a new process, offscreen, its window painted (and more, as ARGS say)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "tests.bench.first_window", *args]
    return subprocess.run(command, check=True, capture_output=True, env=env, text=True).stdout


def window_steps(*args: str) -> dict[str, float]:
    """Each step `python -m tests.bench.first_window ARGS` said, in ms from its launch."""
    launched = time.time()  # the clock the child says its steps by
    steps = (line.split() for line in window_process(*args).splitlines())
    return {step: (float(when) - launched) * 1000 for step, when, *_ in steps}


def window_peak_mb() -> float:
    """Peak resident memory of Lavka on the big base with every section visited, the report
    computed: a process of its own (this one holds every figure's objects)."""
    said = window_process(str(BIG_PATH), "--visit-all").split()
    return float(said[said.index("peak_mb") + 1])


def deal_figures(db: Database, today: dt.date) -> list[Figure]:
    """Money owed and deals in flight (#15): ~5k open orders among the 300k."""
    return [
        Figure("board: every column", lambda: board(db, BoardFilter(), today), 150),
        Figure("debtors list", lambda: debtors(db, today), 150),
        Figure(
            "forecast: every open deal",
            lambda: forecast(db, today, top=30),
            150,
            note="sum and classes over all; the top 30 listed",
        ),
    ]


def today_figures(db: Database, today: dt.date) -> list[Figure]:
    """Today and the lifecycle segments (#12), from the histories kept for today."""
    tomorrow = today + dt.timedelta(days=1)

    def rebuild() -> None:
        with UnitOfWork(db) as uow:
            forget_histories(uow.session)
            uow.commit()
        segment_counts(db, today)

    return [
        Figure(
            "histories rebuilt (after an upgrade)",
            rebuild,
            5000,
            note="once per upgrade or rule change",
            runs=3,
        ),
        Figure("Today page computed", lambda: today_page(db, today, SHOWN), 150),
        Figure(
            "Today page for tomorrow",
            lambda: today_page(db, tomorrow, SHOWN),
            150,
            note="a day's purchases recomputed, then rolled back",
        ),
        Figure("segments: all contacts counted", lambda: segment_counts(db, today), 150),
        Figure(
            "segments: all contacts listed",
            lambda: contact_segments(db, today),
            150,
            note="50k rows made Python objects (CLI)",
        ),
        Figure(
            "contacts list: one segment",
            lambda: contact_list(db, today, segment="recently_asleep"),
            100,
        ),
        Figure("contacts list: by segment", lambda: contact_list(db, today, sort="segment"), 100),
        Figure(
            "contacts list: 'ковал', regular",
            lambda: contact_list(db, today, text="ковал", segment="regular"),
            100,
        ),
    ]


def measure(db: Database, con: sqlite3.Connection, figure: Figure) -> Result:
    db, con = figure.on or (db, con)
    statements = captured(db, figure.call)
    raw_call = figure.raw or (lambda: replay(con, statements))
    return Result(figure, *medians_ms(figure.call, raw_call, runs=figure.runs), statements)


def print_table(results: list[Result], rss_mb: float) -> None:
    header = ("figure", "goal", "measured median", "raw SQLite baseline", "ok?")
    rows = [header]
    for r in results:
        kind = r.figure.raw_label if r.figure.raw else "same SQL"
        raw = f"{ms(r.raw_ms)} ({kind})" if r.raw_ms is not None else "—"
        ok = "ok" if r.ok else "OVER"
        if r.figure.note:
            ok += f" ({r.figure.note})"
        if r.figure.goal_ratio is not None and r.raw_ms:
            ok += f" {r.median_ms / r.raw_ms:.2f}×"
        rows.append((r.figure.name, r.goal, ms(r.median_ms), raw, ok))
    rss_ok = "ok" if rss_mb <= RSS_GOAL_MB else "OVER"
    rss_ok += " (the window, every section visited)"
    rows.append(("peak RSS", f"≤ {RSS_GOAL_MB} MB", f"{rss_mb:8.1f} MB", "—", rss_ok))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for index, row in enumerate(rows):
        print(
            " | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)) + " | " + row[4]
        )
        if index == 0:
            print("-+-".join("-" * w for w in widths) + "-+-" + "-" * 4)


def print_plans(con: sqlite3.Connection, results: list[Result]) -> None:
    for r in results:
        if r.ok:
            continue
        print(f"\n## {r.figure.name}: {r.median_ms:.1f} ms, goal {r.goal}")
        if r.figure.profile is not None:
            print(r.figure.profile())
            continue
        explain = r.figure.on[1] if r.figure.on is not None else con  # the figure's own base
        seen = set()
        for sql, params in r.statements:
            if "FROM settings" in sql or sql in seen:  # the settings read; N+1 repeats
                continue
            if sql.lstrip().split(None, 1)[0].upper() in ("CREATE", "DROP"):  # no plan
                continue
            seen.add(sql)
            if isinstance(params, list):  # an executemany: the plan of its first row
                params = params[0] if params else ()
            print(" ".join(sql.split()), f"\n  params: {params}")
            try:
                plan = explain.execute("EXPLAIN QUERY PLAN " + sql, params).fetchall()
            except sqlite3.Error as error:  # a temporary table the figure made and dropped
                print(f"    (no plan here: {error})")
                continue
            for _id, parent, _unused, detail in plan:
                print(f"    {parent:>3} {detail}")


def build_big_base() -> None:
    """The big base, built first if it is not cached: in a child process, so that its memory
    is not counted here."""
    started = time.perf_counter()
    if not BIG_PATH.exists():
        subprocess.run([sys.executable, "-m", "tests.bench.bigbase"], check=True)
        print(f"Built the base in {time.perf_counter() - started:.1f} s", file=sys.stderr)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.run", description=__doc__)
    parser.add_argument(
        "--backend",
        choices=("sqlite", "postgresql"),
        default="sqlite",
        help="postgresql: the service figures on a local PostgreSQL loaded with the big base,"
        " beside SQLite's (tests/bench/postgres_bench.py)",
    )
    if parser.parse_args(argv).backend == "postgresql":
        from tests.bench import postgres_bench

        postgres_bench.main()
        return
    build_big_base()
    from tests.bench import history_bench, stock_bench

    if not stock_bench.STOCK_PATH.exists():  # the same, for its copy with purchases (#18)
        built = time.perf_counter()
        subprocess.run([sys.executable, "-m", "tests.bench.stock_bench", "--build"], check=True)
        print(f"Built the stock base in {time.perf_counter() - built:.1f} s", file=sys.stderr)
    if not history_bench.YEAR_PATH.exists():  # a busy seller's year through the services (#19)
        built = time.perf_counter()
        subprocess.run([sys.executable, "-m", "tests.bench.history_bench", "--build"], check=True)
        print(f"Built the log's year in {time.perf_counter() - built:.1f} s", file=sys.stderr)
    today = dt.date.today()
    db = Database.open(BIG_PATH)
    con = sqlite3.connect(BIG_PATH)
    sizes = ", ".join(
        f"{con.execute(f'SELECT COUNT(*) FROM {table}').fetchone()[0]} {table}"
        for table in ("contacts", "orders", "shipments")
    )
    print(f"Big base {BIG_PATH.name}: {sizes}; SQLite {sqlite3.sqlite_version},")
    print(f"{os.cpu_count()} CPUs; each figure the median of {RUNS} runs after a warm-up\n")
    from tests.bench import (
        backup_bench,
        dist_bench,
        export_bench,
        import_bench,
        merge_bench,
        search_bench,
        tags_bench,
    )

    scratch = tempfile.TemporaryDirectory(prefix="lavka-bench-")
    tmp = Path(scratch.name)
    try:
        results = []
        quick = [
            *figures(db, con, today),
            *search_bench.figures(db, con, today),
            *tags_bench.figures(db, today),
        ]
        for figure in quick:
            print(f"  timing {figure.name} ...", file=sys.stderr, flush=True)
            results.append(measure(db, con, figure))
        print("  timing peak RSS: every section visited ...", file=sys.stderr, flush=True)
        rss_mb = window_peak_mb()
        slow = [
            *export_bench.figures(tmp),
            *backup_bench.figures(BIG_PATH, tmp),
            *import_bench.figures(tmp),
            *merge_bench.figures(tmp),
            *stock_bench.figures(tmp, today),
            *dist_bench.figures(tmp),
            *history_bench.figures(tmp, today),
        ]
        for figure in slow:
            print(f"  timing {figure.name} ...", file=sys.stderr, flush=True)
            results.append(measure(db, con, figure))
        print_table(results, rss_mb)
        print_plans(con, results)
        history_bench.size_report(tmp)
        for figure in slow:
            if figure.on is not None:
                figure.on[1].close()  # the stock figures' copy, before its folder goes
                figure.on[0].close()
    finally:
        con.close()
        db.close()
        scratch.cleanup()


if __name__ == "__main__":
    main()
