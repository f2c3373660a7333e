"""The change log (issue #19): what it costs a save, an undo and the History section, and how
much it grows the database.

- Saving an order of 3 lines (a quantity ±1, services.orders.save_order) on the big base with
  the log, against a copy of it without the log: its `trg_log_*` triggers dropped and the
  unit of work's entry neither opened nor closed (the code as it was before 0009). ≤ 1.2×.
- Undo of a 10k-row sales-log import (tests/bench/import_bench.py's file, 1,500 new
  customers) made into the big base: services.undoing.undo of its entry, ≤ 2 s. The figure
  alternates undo and redo (redo is the undo of the undo); the timed call is an undo. Its
  "same SQL" baseline replays the undo's statements on a second copy where the import stays
  in effect (rolled back each time).
- The History section for a year: the first page, a middle page and the count
  (services.history.history_page / history_count, ≤ 100 ms each) of the busy seller's year
  below (~12k entries) and of the big seller's (the same entries ×50, ~600k: the big base's
  100k orders a year). Only `changes` is read: the copies hold the year's entries repeated,
  a second apart, ids in time order.
- The log's size: a busy seller's year (2,000 orders, 700 new customers) run through the real
  services on a new database — contacts made, orders saved with 3 lines, moved through two or
  three statuses, paid, a tenth edited once, a task for a tenth, done later. The services take
  ~15-20 ms a call, so a quarter of the orders (and of the new customers), spread over the
  whole year, is built and its figures scaled ×4 (the empty database's schema and lists
  counted once). The clock the log stamps its entries with is the simulated day's. The file is
  measured VACUUMed with its log, with the log emptied, and after compaction (history.tidy a
  year later); the goal: the log ≤ 20 % of the data a year. Then a smaller log format,
  prototyped by rewriting a copy. Building takes 2-4 minutes, so the year is cached as
  `<repo>/.bench/history-year-v1.sqlite3`.

    python -m tests.bench.history_bench [--rebuild]   # build the year if missing, print all
    python -m tests.bench.history_bench --build       # only build it (make bench does, if missing)
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import sys
import tempfile
import time
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy import text

from models.history import TABLE_NAMES
from services import change_log, uow
from services.contacts import ContactInput, create_contact
from services.history import (
    KEEP_MONTHS_DEFAULT,
    HistoryFilter,
    history_count,
    history_page,
    last_entry_id,
)
from services.history import tidy as tidy_log
from services.importing import apply_import, plan_import, read_file
from services.orders import LineInput, OrderInput, change_status, get_order, save_order
from services.payments import record_payment
from services.products import ProductInput, create_product
from services.storage import Database, copy_database
from services.tasks import TaskInput, create_task, set_task_done
from services.undoing import undo
from tests.bench import bigbase, import_bench
from tests.bench.run import RUNS, Figure, measure, print_plans, print_table
from tests.bench.stock_bench import one_more

YEAR_PATH = bigbase.BIG_PATH.with_name("history-year-v2.sqlite3")
ORDERS_A_YEAR, NEW_CUSTOMERS = 2_000, 700  # the busy seller's year (issue #19)
# The services take ~15-20 ms a call (~11k calls for the whole year): a quarter of the
# year's orders, spread over the whole year, is built, and its figures scaled by SCALE.
SCALE = 4
ORDERS_BUILT = ORDERS_A_YEAR // SCALE
EDITED_SHARE, TASK_SHARE = 0.10, 0.10
REPEATS = 10  # the busy seller's year ×10: the big seller's (~100k orders a year)
SIZE_GOAL = 0.20
GOODS = (
    ("Мёд липовый 1 кг", 1200, 700), ("Мёд гречишный 0,5 кг", 650, 380),
    ("Иван-чай 100 г", 390, 150), ("Орехи кедровые 500 г", 1450, 900),
    ("Перга 100 г", 890, 420), ("Крем-мёд 250 г", 450, 210),
    ("Свечи восковые", 350, 120), ("Подарочный набор", 2900, 1600),
)  # fmt: skip


def _log(message: str, started: float) -> None:
    print(f"  [{time.perf_counter() - started:6.1f} s] {message}", file=sys.stderr, flush=True)


def upgraded_copy(path: Path) -> Path:
    """The big base copied to `path` and brought up to the current schema (a few seconds)."""
    copy_database(bigbase.ensure(), path)
    Database.open(path).close()
    for aside in path.parent.glob(path.stem + ".before-*"):
        aside.unlink()  # the upgrade's copy of the file as it was
    return path


# --- a busy seller's year ---------------------------------------------------------------------
class _Clock:
    """Stands in for the `time` module in services.change_log: entries are stamped with the
    simulated day's time, not the bench's."""

    def __init__(self) -> None:
        self.now = 0.0

    def time(self) -> float:
        return self.now


def _day_time(day: dt.date, rng: random.Random) -> float:
    start = dt.datetime.combine(day, dt.time(9)).timestamp()
    return start + rng.randrange(12 * 3600)


@dataclass
class _Step:
    at: float
    order: int  # the order's number in the year (0-based)
    kind: str  # "create", "status", "pay", "edit", "task", "task_done"
    status: str = ""  # the status's code, for "status"


def _steps(rng: random.Random, first: dt.date) -> list[_Step]:
    """The year's actions in time order: each order made on its day, then moved on, paid, maybe
    edited, maybe given a task that is done later."""
    steps = []
    for number in range(ORDERS_BUILT):
        day = first + dt.timedelta(days=number * 365 // ORDERS_BUILT)
        at = _day_time(day, rng)
        steps.append(_Step(at, number, "create"))
        later = at
        statuses = ["paid", "completed"] if rng.random() < 0.5 else ["paid", "shipped", "completed"]
        for status in statuses:
            later += rng.randrange(3600, 3 * 86400)
            steps.append(_Step(later, number, "status", status))
            if status == "paid":
                steps.append(_Step(later + 60, number, "pay"))
        if rng.random() < EDITED_SHARE:
            steps.append(_Step(at + rng.randrange(600, 86400), number, "edit"))
        if rng.random() < TASK_SHARE:
            steps.append(_Step(at + 300, number, "task"))
            steps.append(_Step(at + rng.randrange(86400, 5 * 86400), number, "task_done"))
    steps.sort(key=lambda step: step.at)
    return steps


def build_year(path: Path, seed: int = 19) -> float:
    """A new database at `path` with a busy seller's year made through the services, ending
    today; the seconds it took."""
    started = time.perf_counter()
    for stale in path.parent.glob(path.stem + "*"):
        stale.unlink()
    rng = random.Random(seed)
    today = dt.date.today()
    first = today - dt.timedelta(days=365)
    clock = _Clock()
    real_time = change_log.time
    change_log.time = clock  # type: ignore[assignment]  # the bench's clock
    database = Database.open(path, language="ru")
    try:
        with database.session() as session:
            statuses = dict(session.execute(text("SELECT code, id FROM order_statuses")).all())
        clock.now = _day_time(first - dt.timedelta(days=1), rng)
        products = [
            create_product(database, ProductInput(name, None, Decimal(price), Decimal(cost))).id
            for name, price, cost in GOODS
        ]
        customers: list[int] = []
        orders: dict[int, int] = {}
        tasks: dict[int, int] = {}
        lines: dict[int, tuple[LineInput, ...]] = {}
        for step in _steps(rng, first):
            clock.now = step.at
            day = dt.date.fromtimestamp(step.at)
            if step.kind == "create":
                new = not customers or rng.random() < NEW_CUSTOMERS / ORDERS_A_YEAR
                if new:
                    number = len(customers)
                    phone = f"+7 9{number % 90 + 10:02d} {rng.randrange(10**7):07d}"
                    name = f"{rng.choice(bigbase.SURNAMES)} {rng.choice(bigbase.MALE)}"
                    customers.append(create_contact(database, ContactInput(name, phone)).id)
                    clock.now += 30
                contact = customers[-1] if new else rng.choice(customers)
                chosen = tuple(
                    LineInput(product, rng.randint(1, 4)) for product in rng.sample(products, 3)
                )
                view = save_order(database, OrderInput(contact, day, lines=chosen), None, day)
                orders[step.order] = view.id
                lines[step.order] = tuple(
                    LineInput(ln.product_id, ln.quantity, ln.unit_price, ln.unit_cost, ln.date,
                              ln.id)
                    for ln in view.lines
                )  # fmt: skip
            elif step.kind == "status":
                change_status(database, orders[step.order], statuses[step.status], today=day)
            elif step.kind == "pay":
                owed = get_order(database, orders[step.order], day).figures.amount
                record_payment(database, orders[step.order], owed, day, "card", today=day)
            elif step.kind == "edit":
                order = get_order(database, orders[step.order], day)
                first_line, *rest = lines[step.order]
                more = LineInput(
                    first_line.product_id, first_line.quantity + 1, first_line.unit_price,
                    first_line.unit_cost, first_line.date, first_line.id,
                )  # fmt: skip
                data = OrderInput(
                    order.contact_id, order.date, order.status_id, order.channel_id,
                    "Добавили ещё одну", lines=(more, *rest),
                )  # fmt: skip
                save_order(database, data, order.id, day)
            elif step.kind == "task":
                title = "Позвонить: уточнить доставку"
                data = TaskInput(title, day + dt.timedelta(days=2), order_id=orders[step.order])
                tasks[step.order] = create_task(database, data).id
            elif step.kind == "task_done":
                set_task_done(database, tasks[step.order])
    finally:
        change_log.time = real_time  # type: ignore[assignment]  # put back
        database.close()
    return time.perf_counter() - started


def ensure_year(path: Path = YEAR_PATH, rebuild: bool = False) -> tuple[Path, float | None]:
    """The cached year, built first (to a temporary name, then renamed) if missing; and the
    seconds building it took (None when it was cached)."""
    if path.exists() and not rebuild:
        return path, _BUILT.get(path)
    building = path.with_name(path.stem + ".building" + path.suffix)
    print(f"Building a busy seller's year at {path} ...", file=sys.stderr, flush=True)
    seconds = build_year(building)
    building.replace(path)
    _BUILT[path] = seconds
    print(f"  built the year in {seconds:.1f} s", file=sys.stderr, flush=True)
    return path, seconds


_BUILT: dict[Path, float] = {}  # the years built by this process, and how long each took


# --- the figures ------------------------------------------------------------------------------
def _drop_log_triggers(path: Path) -> None:
    con = sqlite3.connect(path, isolation_level=None)
    try:
        names = con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'trg_log_%'"
        ).fetchall()
        for (name,) in names:
            con.execute(f"DROP TRIGGER {name}")
    finally:
        con.close()


def _without_entries(call):
    """`call` with the unit of work opening and closing no entry: the code before the log."""

    def bare() -> object:
        opened, closed = uow.open_entry, uow.close_entry
        uow.open_entry = lambda _session: 0  # type: ignore[assignment]  # log off
        uow.close_entry = lambda _session, _entry, _action: None  # type: ignore[assignment]  # log off
        try:
            return call()
        finally:
            uow.open_entry, uow.close_entry = opened, closed

    return bare


def _three_line_order(con: sqlite3.Connection) -> tuple[int, int]:
    """(order, its first line) of the newest order of 3 lines dated up to today."""
    return con.execute(
        "SELECT s.order_id, MIN(s.id) FROM shipments s JOIN orders o ON o.id = s.order_id"
        " WHERE o.date <= date('now', 'localtime') GROUP BY s.order_id HAVING COUNT(*) = 3"
        " ORDER BY s.order_id DESC LIMIT 1"
    ).fetchone()


class _Flip:
    """Undo the import, then redo it (the undo of that undo), and so on: each call reverses the
    entry the call before made, so every other call is an undo of the import's rows. The
    figure's note says how many rows the last one played back."""

    def __init__(self, database: Database, entry: int, rows: int) -> None:
        self.database, self.entry, self.rows = database, entry, rows
        self.figure: Figure | None = None

    def __call__(self) -> None:
        done = undo(self.database, self.entry)
        self.entry = done.id
        if self.figure is not None:
            self.figure.note = (
                f"the import's entry {self.rows:,} rows, the {done.code}'s {done.rows:,};"
                " the big base"
            )


def _imported(database: Database, tmp: Path) -> tuple[int, int]:
    """Import tests/bench/import_bench.py's 10k-row sales log; (its entry, its rows)."""
    log = import_bench.write_log(tmp / "history-sales-log.csv")
    apply_import(database, plan_import(database, read_file(log)))
    entry = last_entry_id(database)
    con = sqlite3.connect(database.path)
    try:
        (rows,) = con.execute("SELECT rows FROM changes WHERE id = ?", (entry,)).fetchone()
    finally:
        con.close()
    return entry, rows


def _scaled_log(source: Path, target: Path, times: int) -> tuple[dt.date, dt.date, int]:
    """A copy of the year with each entry repeated `times` times (a second apart, in time
    order, ids following time): a bigger seller's year of entries. The first and last days and
    the number of entries."""
    copy_database(source, target)
    con = sqlite3.connect(target, isolation_level=None)
    try:
        columns = "at, code, params, contact_id, order_id, rows, reverts, reverted_by, compacted"
        con.execute("BEGIN")
        con.execute(f"CREATE TEMP TABLE year AS SELECT id, {columns} FROM changes")
        con.execute("DELETE FROM change_rows")
        con.execute("DELETE FROM changes")
        con.execute(
            f"WITH RECURSIVE k(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM k WHERE n < {times - 1})"
            f" INSERT INTO changes ({columns}) SELECT {columns.replace('at,', 'at + n,', 1)}"
            " FROM year, k ORDER BY at + n, id, n"
        )
        con.execute("COMMIT")
        con.execute("ANALYZE")
        first, last, count = con.execute(
            "SELECT MIN(at), MAX(at), COUNT(*) FROM changes"
        ).fetchone()
    finally:
        con.close()
    return dt.date.fromtimestamp(first), dt.date.fromtimestamp(last), count


def history_figures(tmp: Path) -> list[Figure]:
    """The History section's first page, a middle page and its count, for a year of the busy
    seller and of the big seller (~50× as many entries)."""
    year, _seconds = ensure_year()
    found = []
    for label, times in (("busy seller", SCALE), ("big seller", SCALE * 50)):
        path = tmp / f"history-page-{times}.sqlite3"
        first, last, count = _scaled_log(year, path, times)
        database = Database.open(path)
        on = (database, sqlite3.connect(path))
        selection = HistoryFilter(since=first, until=last)
        what = f"{count:,} entries"
        found += [
            Figure(
                f"history: a year, first page ({label})",
                lambda d=database, s=selection: history_page(d, s),
                100,
                note=what,
                on=on,
            ),
            Figure(
                f"history: a year, middle page ({label})",
                lambda d=database, s=selection, n=count: history_page(d, s, offset=n // 2),
                100,
                note=f"offset {count // 2:,}",
                on=on,
            ),
            Figure(
                f"history: a year, count ({label})",
                lambda d=database, s=selection: history_count(d, s),
                100,
                note=what,
                on=on,
            ),
        ]
    return found


def figures(tmp: Path, today: dt.date, runs: int = RUNS) -> list[Figure]:
    """The save with and without the log and the undo of an import on copies of the big base
    in `tmp`, then the History pages."""
    started = time.perf_counter()
    logged = upgraded_copy(tmp / "history-logged.sqlite3")
    bare = tmp / "history-bare.sqlite3"
    copy_database(logged, bare)
    _drop_log_triggers(bare)
    _log("copied the big base twice, schema upgraded; the log's triggers dropped in one", started)
    database, bare_database = Database.open(logged), Database.open(bare)
    con = sqlite3.connect(logged)
    order_id, line_id = _three_line_order(con)
    entry, entry_rows = _imported(database, tmp)
    _log(f"imported 10k rows into the big base: entry {entry}, {entry_rows:,} rows", started)
    frozen = tmp / "history-imported.sqlite3"  # the "same SQL" replays: the import in effect
    copy_database(logged, frozen)
    flip = _Flip(database, entry, entry_rows)
    flip.figure = Figure(
        "undo: a 10k-row import",
        flip,
        2000,
        runs=1,  # undo (its statements captured), redo (warm-up), undo (timed)
        on=(database, sqlite3.connect(frozen)),
    )
    return [
        Figure(
            "order saved: with the change log",
            one_more(database, order_id, line_id, today),
            goal_ratio=1.2,
            raw=_without_entries(one_more(bare_database, order_id, line_id, today)),
            raw_label="no log",
            note=f"order {order_id}, 3 lines: a quantity ±1",
            runs=max(runs, 15),
            on=(database, con),
        ),
        flip.figure,
        *history_figures(tmp),
    ]


# --- the log's size ---------------------------------------------------------------------------
def _vacuumed(source: Path, target: Path, *statements: str) -> int:
    """The size in bytes of a VACUUMed copy of `source` after `statements`."""
    copy_database(source, target)
    con = sqlite3.connect(target, isolation_level=None)
    try:
        for sql in statements:
            con.execute(sql)
        con.execute("VACUUM")
    finally:
        con.close()
    return target.stat().st_size


def _parts(path: Path) -> list[tuple[str, int]]:
    """Bytes of the log's tables and indexes (dbstat), of a VACUUMed file."""
    con = sqlite3.connect(path)
    try:
        return con.execute(
            "SELECT name, SUM(pgsize) FROM dbstat WHERE name IN"
            " ('changes', 'change_rows', 'ix_changes_contact', 'ix_changes_order')"
            " GROUP BY name ORDER BY 2 DESC"
        ).fetchall()
    finally:
        con.close()


def _by_kind(path: Path) -> list[tuple[str, str, int, int]]:
    """The row details by table and operation: (table, op, rows, JSON bytes)."""
    con = sqlite3.connect(path)
    try:
        return con.execute(
            "SELECT tbl, op, COUNT(*), SUM(COALESCE(length(old), 0) + COALESCE(length(new), 0))"
            " FROM change_rows GROUP BY 1, 2 ORDER BY 4 DESC"
        ).fetchall()
    finally:
        con.close()


@dataclass(frozen=True)
class _Sizes:
    """A year's sizes from the built part of it: the fixed part (an empty database's schema
    and lists) once, the rest ×SCALE."""

    empty: int
    data: int  # the built part's database without the log, VACUUMed

    def year_data(self) -> int:
        return self.empty + SCALE * (self.data - self.empty)

    def share(self, size: int) -> str:
        log = SCALE * (size - self.data)
        of_data = log / (SCALE * (self.data - self.empty))
        verdict = "ok" if of_data <= SIZE_GOAL else "OVER"
        return (
            f"{size / 1024:7.0f} KB | log {log / 1024**2:5.2f} MB a year |"
            f" {log / self.year_data():6.1%} of the file | {of_data:6.1%} of the data  {verdict}"
        )


def size_report(tmp: Path) -> None:
    """Print the log's share of a busy seller's year: with every detail, as the default
    settings leave it a year on (the last month's details, the months before packed), and
    with every entry packed."""
    year, seconds = ensure_year()
    built = f"built in {seconds:.0f} s" if seconds is not None else "cached"
    empty = tmp / "size-empty.sqlite3"
    Database.open(empty, language="ru").close()
    sizes = _Sizes(
        _vacuumed(empty, tmp / "size-empty-v.sqlite3"),
        _vacuumed(year, tmp / "size-none.sqlite3", *_EMPTIED),
    )
    logged = tmp / "size-log.sqlite3"
    with_log = _vacuumed(year, logged)
    con = sqlite3.connect(year)
    entries, rows, last = con.execute("SELECT COUNT(*), SUM(rows), MAX(at) FROM changes").fetchone()
    con.close()
    print(
        f"\nThe log of a busy seller's year: {ORDERS_BUILT} orders over the year ({built}),"
        f" {entries:,} entries, {rows:,} row changes; ×{SCALE} for {ORDERS_A_YEAR:,} orders."
        f" Goal: the log ≤ {SIZE_GOAL:.0%} of the data a year."
    )
    print(
        f"  empty database {sizes.empty / 1024:.0f} KB; without the log {sizes.data / 1024:.0f}"
        f" KB built, {sizes.year_data() / 1024**2:.2f} MB for the year"
    )
    print(f"  {'every detail kept':<58} {sizes.share(with_log)}")
    year_end = dt.datetime.fromtimestamp(last) + dt.timedelta(days=1)
    kept = KEEP_MONTHS_DEFAULT
    tidied = _tidied(year, tmp / "size-default.sqlite3", year_end)
    label = f"a year on, default settings ({kept} month of details)"
    print(f"  {label:<58} {sizes.share(tidied)}")
    packed = _tidied(year, tmp / "size-packed.sqlite3", year_end + dt.timedelta(days=400))
    print(f"  {'every entry packed by month':<58} {sizes.share(packed)}")
    parts = ", ".join(f"{name} {size / 1024:.0f} KB" for name, size in _parts(logged))
    print(f"  the log's parts with every detail: {parts}")
    print("  row details by table and operation (rows, JSON bytes):")
    for table, op, count, size in _by_kind(year):
        print(f"    {TABLE_NAMES[table]:<16} {op}  {count:6,}  {size / 1024:7.0f} KB")


def _tidied(source: Path, target: Path, now: dt.datetime) -> int:
    """The size of a VACUUMed copy after history.tidy at `now` with the default settings."""
    copy_database(source, target)
    database = Database.open(target)
    try:
        tidy_log(database, now)
    finally:
        database.close()
    return _vacuumed(target, target.with_name(target.stem + "-v.sqlite3"))


# The log emptied.
_EMPTIED = ("DELETE FROM change_rows", "DELETE FROM changes", "DELETE FROM change_months")


def main() -> None:
    ensure_year(rebuild="--rebuild" in sys.argv)
    if "--build" in sys.argv:
        return
    today = dt.date.today()
    with tempfile.TemporaryDirectory(prefix="lavka-bench-") as folder:
        tmp = Path(folder)
        found = figures(tmp, today)
        results = []
        for figure in found:
            print(f"  timing {figure.name} ...", file=sys.stderr, flush=True)
            results.append(measure(*figure.on, figure))  # type: ignore[misc]  # every figure has .on
        print_table(results, 0)
        print_plans(found[0].on[1], results)  # type: ignore[index]  # set for all
        size_report(tmp)
        for figure in found:
            figure.on[1].close()  # type: ignore[index]  # set for all
            figure.on[0].close()  # type: ignore[index]  # set for all


if __name__ == "__main__":
    main()


__all__ = ["YEAR_PATH", "ensure_year", "figures", "size_report"]
