"""`make bench BACKEND=postgresql` (#21): the service figures on a local PostgreSQL loaded with
the big base, side by side with the same figures on the SQLite big base.

The server is a cluster of our own (tests/postgres_server.py's, as `make test-postgres` starts
it) kept between runs in `.bench/pg-<base>/` and started and stopped around each run, or the
server LAVKA_TEST_POSTGRES names (a role that may create databases). The big base is copied into
its database `lavka_bench` the way a seller moves up (services.migrate.migrate_to), then
VACUUM ANALYZEd, as autovacuum would have left it after a while; the copy is kept (the
database's comment says which base it is a copy of) and made anew when the base or its schema
changes. Delete `.bench/pg-*` to make it anew by hand.

Each figure of run.py, search_bench.py and tags_bench.py that is about the services is timed on
both databases, the two calls alternating so that they share the machine's noise; it is ok
when PostgreSQL's median is at most SLOWER_AT_MOST times SQLite's and within the figure's
absolute goal, when it has one. Left out, being about the SQLite file: the first window (a new
process on the file), the backup, raw sqlite3 replays (the baselines here are SQLite's own
figures), and the slow figures of the other modules (export writes no database; import, merge,
stock and History each build SQLite copies of their own with bare sqlite3).

For a figure over, PostgreSQL's EXPLAIN (ANALYZE, BUFFERS) of each statement the service sent
follows the table: replayed in one transaction that is rolled back, so that a temporary table
one statement makes is there for the next. (ANALYZE times every node: a plan over many rows
says more time than the statement takes.)

The server runs as the tests' cluster does (fsync off: a write costs PostgreSQL less than it
would on a real server, and SQLite keeps synchronous=FULL). Its settings are the defaults
otherwise; libpq's PGOPTIONS tries one on every connection of the run, e.g.
`PGOPTIONS="-c max_parallel_workers_per_gather=0" make bench BACKEND=postgresql`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import make_url

from services.migrate import migrate_to
from services.storage import Database, current_revision
from tests import postgres_server
from tests.bench import run, search_bench, tags_bench
from tests.bench.bigbase import BIG_PATH

SLOWER_AT_MOST = 2.0  # PostgreSQL's median ≤ this many times SQLite's (#21)
DATABASE = "lavka_bench"
CACHE = BIG_PATH.parent / f"pg-{BIG_PATH.stem}"
# About the SQLite file itself, or a process of its own on it: not timed on the server.
LEFT_OUT = ("first window painted",)


class KeptCluster(postgres_server.Cluster):
    """The tests' throw-away cluster, but in a folder kept between runs: initdb the first time,
    then only started (on a free port) and stopped."""

    def __init__(self, folder: Path, root: Path) -> None:
        super().__init__(folder)
        os.rmdir(self.root)  # the temporary folder Cluster made: ours is `root`
        root.mkdir(parents=True, exist_ok=True)
        self.root, self.data = root, root / "data"
        if self.user is not None:
            shutil.chown(root, self.user, self.user)

    def start(self) -> str:
        if not (self.data / "PG_VERSION").exists():
            shutil.rmtree(self.data, ignore_errors=True)  # a run killed during initdb
            return super().start()
        self._stop_left_running()
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1"
            " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            " -c max_connections=200"
        )  # as Cluster.start's
        pg_ctl = str(self.bin / "pg_ctl")
        log = str(self.root / "server.log")
        self._run(pg_ctl, "-D", str(self.data), "-o", options, "-l", log, "-w", "start")
        return f"postgresql://{postgres_server.SUPERUSER}@127.0.0.1:{self.port}/postgres"

    def _stop_left_running(self) -> None:
        """A server a killed run left running on the folder is stopped first."""
        try:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "status")
        except subprocess.CalledProcessError:
            return  # not running
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "stop")

    def stop(self) -> None:
        """Stopped; the folder is kept for the next run."""
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "stop")


@contextmanager
def server() -> Iterator[str]:
    """A superuser's URL: LAVKA_TEST_POSTGRES, or a kept cluster of our own, started here and
    stopped after."""
    named = os.environ.get(postgres_server.ENV)
    if named:
        yield named
        return
    reason = postgres_server.unavailable()
    folder = postgres_server.server_folder()
    if reason is not None or folder is None:
        raise SystemExit(f"make bench BACKEND=postgresql: {reason}")
    cluster = KeptCluster(folder, CACHE)
    url = cluster.start()
    try:
        yield url
    finally:
        cluster.stop()


def database_url(url: str, name: str) -> str:
    return str(make_url(url).set(database=name).render_as_string(hide_password=False))


def base_key(con: sqlite3.Connection, revision: str | None) -> str:
    """What says which big base a copy is of: its schema, its sizes and its last order (the
    base is built for the day it was built on)."""
    counts = [
        con.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        for table in ("contacts", "orders", "shipments", "payments", "contact_tags")
    ]
    last = con.execute("SELECT MAX(id), MAX(date) FROM orders").fetchone()
    return json.dumps({"base": BIG_PATH.name, "revision": revision, "rows": counts, "last": last})


def loaded(admin_url: str, key: str) -> tuple[str, str]:
    """The URL of the database that holds a copy of the big base, copied first if it does not
    (or is a copy of another base or schema), and what was done for it."""
    with psycopg.connect(admin_url, autocommit=True) as admin:
        row = admin.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            (DATABASE,),
        ).fetchone()
        url = database_url(admin_url, DATABASE)
        if row is not None and row[0] == key:
            return url, "a copy kept from an earlier run"
        admin.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {DATABASE}")
    started = time.perf_counter()

    def progress(done: int, tables: int) -> None:
        seconds = time.perf_counter() - started
        said = f"\r  copying the big base: table {done}/{tables}, {seconds:.0f} s"
        print(said, end="", file=sys.stderr, flush=True)

    result = migrate_to(BIG_PATH, url, progress)
    copied = time.perf_counter() - started
    print(f"\n  copied {result.rows:,} rows in {copied:.0f} s", file=sys.stderr)
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("VACUUM (ANALYZE)")  # the visibility map, the planner's statistics
        comment = key.replace("'", "''")
        connection.execute(f"COMMENT ON DATABASE {DATABASE} IS '{comment}'")
    seconds = time.perf_counter() - started
    print(f"  vacuumed and analyzed: {seconds:.0f} s in all", file=sys.stderr)
    return url, f"copied by migrate_to in {copied:.0f} s, {seconds:.0f} s with VACUUM ANALYZE"


@dataclass
class Pair:
    """One figure on both databases."""

    figure: run.Figure
    sqlite_ms: float
    postgres_ms: float
    statements: list[tuple[str, object]] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return self.postgres_ms / self.sqlite_ms if self.sqlite_ms else float("inf")

    @property
    def over(self) -> list[str]:
        """Why it is over: past SQLite's SLOWER_AT_MOST×, past the absolute goal; or nothing."""
        why = []
        if self.ratio > SLOWER_AT_MOST:
            why.append(f"> {SLOWER_AT_MOST:g}× SQLite")
        goal = self.figure.goal_ms
        if self.figure.goal_ratio is None and goal is not None and self.postgres_ms > goal:
            why.append(f"> {goal:.0f} ms")
        return why

    @property
    def goal(self) -> str:
        goal = self.figure.goal_ms
        if self.figure.goal_ratio is None and goal is not None:
            return f"≤ {SLOWER_AT_MOST:g}×, ≤ {goal:.0f} ms"
        return f"≤ {SLOWER_AT_MOST:g}×"


def figures(db: Database, con: sqlite3.Connection, today: dt.date) -> list[run.Figure]:
    """The figures of the services on `db` (both databases hold the same rows and ids)."""
    every = [
        *run.figures(db, con, today),
        *search_bench.figures(db, con, today),
        *tags_bench.figures(db, today),
    ]
    return [figure for figure in every if figure.name not in LEFT_OUT]


def measure(on_sqlite: run.Figure, on_postgres: run.Figure, postgres: Database) -> Pair:
    statements = run.captured(postgres, on_postgres.call)
    runs = on_postgres.runs
    sqlite_ms, postgres_ms = run.medians_ms(on_sqlite.call, on_postgres.call, runs=runs)
    return Pair(on_postgres, sqlite_ms, postgres_ms, statements)


def print_table(pairs: list[Pair]) -> None:
    header = ("figure", "SQLite", "PostgreSQL", "ratio", "goal", "ok?")
    rows = [header]
    for pair in pairs:
        said = "ok" if not pair.over else "OVER (" + ", ".join(pair.over) + ")"
        ratio = f"{pair.ratio:5.2f}×"
        name, ms = pair.figure.name, run.ms
        rows.append((name, ms(pair.sqlite_ms), ms(pair.postgres_ms), ratio, pair.goal, said))
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    for index, row in enumerate(rows):
        cells = [cell.ljust(w) for cell, w in zip(row, widths, strict=False)]
        print(" | ".join(cells) + " | " + row[5])
        if index == 0:
            print("-+-".join("-" * w for w in widths) + "-+-" + "-" * 4)
    over = sum(1 for pair in pairs if pair.over)
    print(f"\n{len(pairs) - over} of {len(pairs)} ok; {over} over")


SETTINGS = re.compile(r"\b(FROM|INTO|UPDATE)\s+settings\b")  # reads and writes of one setting


def explained(db: Database, statements: list[tuple[str, object]]) -> Iterator[str]:
    """Each statement the figure sent, then PostgreSQL's EXPLAIN (ANALYZE, BUFFERS) of it, in
    one transaction rolled back after. Every statement runs, in the order sent, so that the
    next finds what it made (a temporary table, the rows of a cache); its plan is shown once
    (not for a repeat with other values, nor for a setting's read or write)."""
    seen: set[str] = set()
    engine_connection = db.engine.raw_connection()
    try:
        connection: Any = engine_connection.driver_connection
        connection.rollback()
        with connection.cursor() as cursor:
            for sql, params in statements:
                if isinstance(params, list):  # an executemany: the plan of its first row
                    params = params[0] if params else None
                first = sql.lstrip().split(None, 1)[0].upper()
                explain = first in ("SELECT", "WITH", "INSERT", "UPDATE", "DELETE")
                shown = explain and sql not in seen and not SETTINGS.search(sql)
                seen.add(sql)
                cursor.execute("SAVEPOINT explained")
                try:
                    if not shown:
                        cursor.execute(sql, params)
                        continue
                    yield " ".join(sql.split()) + f"\n  params: {params}"
                    cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
                    yield "\n".join(f"    {line}" for (line,) in cursor.fetchall())
                except psycopg.Error as error:
                    cursor.execute("ROLLBACK TO SAVEPOINT explained")
                    yield f"    (no plan: {' '.join(str(error).split())})"
        connection.rollback()
    finally:
        engine_connection.close()


def print_plans(db: Database, pairs: list[Pair]) -> None:
    for pair in pairs:
        if not pair.over:
            continue
        print(
            f"\n## {pair.figure.name}: PostgreSQL {pair.postgres_ms:.1f} ms,"
            f" SQLite {pair.sqlite_ms:.1f} ms ({', '.join(pair.over)});"
            f" {len(pair.statements)} statements sent"
        )
        for said in explained(db, pair.statements):
            print(said)


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def main() -> None:
    run.build_big_base()
    today = dt.date.today()
    sqlite_db = Database.open(BIG_PATH)  # upgraded to today's schema first, as the window would
    con = sqlite3.connect(BIG_PATH)
    key = base_key(con, current_revision(sqlite_db.engine))
    try:
        with server() as admin_url:
            url, copy = loaded(admin_url, key)
            postgres = Database.open(url)
            try:
                with postgres.engine.connect() as connection:
                    version = connection.exec_driver_sql("SHOW server_version").scalar()
                    memory = [
                        f"{name} {connection.exec_driver_sql(f'SHOW {name}').scalar()}"
                        for name in ("shared_buffers", "work_mem", "effective_cache_size")
                    ]
                print(
                    f"Big base {BIG_PATH.name} on SQLite {sqlite3.sqlite_version} and on"
                    f" PostgreSQL {version} ({', '.join(memory)});"
                )
                print(f"its database {DATABASE}: {copy};")
                print(
                    f"{os.cpu_count()} CPUs, load average {load_average()} at the start; each"
                    f" figure the median of {run.RUNS} runs after a warm-up, the two alternating\n"
                )
                pairs = []
                on_sqlite = figures(sqlite_db, con, today)
                on_postgres = figures(postgres, con, today)
                for one, other in zip(on_sqlite, on_postgres, strict=True):
                    print(f"  timing {one.name} ...", file=sys.stderr, flush=True)
                    pairs.append(measure(one, other, postgres))
                print_table(pairs)
                print(f"load average {load_average()} at the end")
                print_plans(postgres, pairs)
            finally:
                postgres.close()
    finally:
        con.close()
        sqlite_db.close()


if __name__ == "__main__":
    main()
