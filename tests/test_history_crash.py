"""kill -9 during saves leaves the data and the change log consistent: every committed save has
exactly its entry with all its rows, no entry is left open, the file is sound."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from models.history import LOGGED_TABLES
from services import history, undoing
from services.contacts import ContactInput, create_contact
from services.products import ProductInput, create_product
from services.purchases import PurchaseInput, PurchaseLineInput, save_purchase
from services.storage import Database
from tests.conftest import TODAY

ROOT = Path(__file__).resolve().parent.parent

# Saves in a loop, a line printed after each commit: new orders of two lines, every third one
# edited and paid (FIFO re-costing runs, the log pauses and resumes within each transaction),
# every fourth time the newest action undone and redone.
WORKER = textwrap.dedent(
    """
    import datetime as dt, sys
    from services.orders import LineInput, OrderInput, save_order
    from services.payments import record_payment
    from services.storage import Database
    from services import history, undoing

    db = Database.open(sys.argv[1], check=False)
    contact, product = int(sys.argv[2]), int(sys.argv[3])
    today = dt.date(2026, 6, 15)
    n = 0
    while True:
        n += 1
        lines = (LineInput(product, 1 + n % 3, "1000"), LineInput(product, 2, "900"))
        order = save_order(db, OrderInput(contact, "10.06.2026", lines=lines), today=today)
        print("saved", order.id, flush=True)
        if n % 3 == 0:
            edited = (LineInput(product, 5, "1100", id=order.lines[0].id),)
            save_order(db, OrderInput(contact, "11.06.2026", lines=edited), order.id, today=today)
            record_payment(db, order.id, "100", "11.06.2026", today=today)
            print("edited", order.id, flush=True)
        if n % 4 == 0:  # undo and redo the newest action
            newest = history.last_of_run(db, 0)[0]
            undoing.undo(db, undoing.undo(db, newest.id).id)
            print("undone and redone", newest.id, flush=True)
    """
)


def _prepare(path: Path) -> tuple[int, int]:
    db = Database.open(path)
    try:
        contact = create_contact(db, ContactInput("Вера", "+79160000003")).id
        product = create_product(db, ProductInput("Кошелёк", None, "1000", "600")).id
        save_purchase(
            db,
            PurchaseInput("01.05.2026", lines=(PurchaseLineInput(product, 50, "500"),)),
            today=TODAY,
        )
    finally:
        db.close()
    return contact, product


def _kill_during_saves(path: Path, contact: int, product: int, after_lines: int) -> int:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    worker = subprocess.Popen(
        [sys.executable, "-c", WORKER, str(path), str(contact), str(product)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    seen = 0
    try:
        while seen < after_lines:
            line = worker.stdout.readline()
            if not line:  # the worker died by itself
                raise AssertionError(worker.stderr.read())
            seen += 1
        os.kill(worker.pid, signal.SIGKILL)
    finally:
        worker.wait(timeout=30)
        worker.stdout.close()
        worker.stderr.close()
    assert worker.returncode == -signal.SIGKILL
    return seen


def _check_consistent(path: Path, saved_at_least: int) -> None:
    orders_code = LOGGED_TABLES["orders"].code
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("SELECT COUNT(*) FROM change_open").fetchone() == (0,)
        # every entry holds exactly the rows it counts
        assert connection.execute(
            "SELECT COUNT(*) FROM changes AS c WHERE compacted = 0 AND rows !="
            " (SELECT COUNT(*) FROM change_rows AS r WHERE r.change_id = c.id)"
        ).fetchone() == (0,)
        assert connection.execute(
            "SELECT COUNT(*) FROM change_rows WHERE change_id NOT IN (SELECT id FROM changes)"
        ).fetchone() == (0,)
        # every committed order has its entry, and no entry names an order that is not there
        # (an undo deletes one, its redo inserts it again)
        logged = {
            op: connection.execute(
                "SELECT COUNT(*) FROM change_rows WHERE tbl = ? AND op = ?", (orders_code, op)
            ).fetchone()[0]
            for op in ("i", "d")
        }
        orders = connection.execute("SELECT COUNT(*) FROM orders").fetchone()[0]
        assert orders == logged["i"] - logged["d"] >= saved_at_least
        # each row an entry inserted is still there, or a later entry deleted it
        for name, spec in LOGGED_TABLES.items():
            missing = connection.execute(
                f"SELECT r.change_id, r.row FROM change_rows AS r WHERE r.tbl = ? AND r.op = 'i'"
                f" AND NOT EXISTS (SELECT 1 FROM {name} AS t WHERE t.rowid = r.row)"
                " AND NOT EXISTS (SELECT 1 FROM change_rows AS later WHERE later.tbl = r.tbl"
                " AND later.row = r.row AND later.op = 'd' AND later.change_id > r.change_id)",
                (spec.code,),
            ).fetchall()
            assert missing == [], name
        # the totals the triggers keep agree with the lines
        assert connection.execute(
            "SELECT COUNT(*) FROM orders AS o WHERE o.amount !="
            " (SELECT COALESCE(SUM(s.quantity * s.unit_price), 0) FROM shipments AS s"
            "  WHERE s.order_id = o.id)"
            " OR o.paid != (SELECT COALESCE(SUM(p.amount), 0) FROM payments AS p"
            "  WHERE p.order_id = o.id)"
        ).fetchone() == (0,)


def test_kill_9_during_saves_leaves_data_and_log_consistent(tmp_path):
    path = tmp_path / "lavka.sqlite3"
    contact, product = _prepare(path)
    for after_lines in (6, 25):  # twice: a second crash on a file that crashed before
        seen = _kill_during_saves(path, contact, product, after_lines)
        _check_consistent(path, saved_at_least=seen // 2)

    # the app opens the file and the newest entry can still be undone and redone
    db = Database.open(path)
    try:
        newest = history.last_of_run(db, 0)[0]
        assert newest is not None
        undone = undoing.undo(db, newest.id)
        undoing.undo(db, undone.id)
    finally:
        db.close()
    _check_consistent(path, saved_at_least=1)
