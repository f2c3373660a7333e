"""Merge speed: two contacts with 1,000 orders each merged into one (goal ≤ 500 ms).

A merge changes the base, so each run merges a pair of its own: the pairs are built first
(two cards, each with 1,000 orders of one or two lines, a payment on most, further phones, an
e-mail, tags, tasks and notes) inside a copy of the big base (services.storage.copy_database
into the bench's scratch folder), or in a fresh file when no base is given. The baseline is
the same moves written by hand as bare UPDATEs through sqlite3, on pairs of their own.

    python -m tests.bench.merge_bench            # on a copy of the big base, if it is built
    python -m tests.bench.merge_bench --fresh    # on a fresh file
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from services.merge import merge_contacts
from services.storage import Database, copy_database
from tests.bench.bigbase import BIG_PATH
from tests.bench.run import RUNS, Figure, medians_ms

ORDERS_EACH = 1_000
GOAL_MS = 500


def figures(tmp: Path, source: Path | None = BIG_PATH, runs: int = RUNS) -> list[Figure]:
    """The figure on a copy of `source` (a fresh file when None or missing) in `tmp`."""
    path = tmp / "merge-bench.sqlite3"
    if source is not None and source.exists():
        copy_database(source, path)
        where = "a copy of the big base"
    else:
        where = "a fresh base"
    database = Database.open(path)
    # measure() calls a figure once to capture its SQL, once to warm up, then `runs` times;
    # the baseline once to warm up, then `runs` times
    pairs = build_pairs(path, 2 * runs + 3)
    merged, by_hand = iter(pairs[: runs + 2]), iter(pairs[runs + 2 :])
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA foreign_keys = ON")
    return [
        Figure(
            "merge: two contacts with 1,000 orders each",
            lambda: merge_contacts(database, *next(merged)),
            goal_ms=GOAL_MS,
            raw=lambda: merge_by_hand(raw, *next(by_hand)),
            raw_label="bare UPDATEs",
            note=f"on {where}; one transaction; a new pair each run",
            runs=runs,
        )
    ]


def build_pairs(path: Path, count: int, seed: int = 16) -> list[tuple[int, int]]:
    """`count` pairs of (kept, other) cards, each card with ORDERS_EACH orders, written
    through bare sqlite3 with the triggers on (the totals and paid sums kept as the app's)."""
    rng = random.Random(seed)
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA foreign_keys = ON")
    try:
        con.execute("BEGIN")
        products = [row[0] for row in con.execute("SELECT id FROM products")]
        if not products:
            con.execute(
                "INSERT INTO products (name, default_price, default_cost, active)"
                " VALUES ('Кошелёк', 100000, 60000, 1)"
            )
            products = [row[0] for row in con.execute("SELECT id FROM products")]
        status = con.execute("SELECT id FROM order_statuses WHERE code = 'completed'").fetchone()[0]
        tag_ids = []
        for name in ("опт", "VIP", "Тверь"):
            con.execute(
                "INSERT OR IGNORE INTO tags (name, name_key, colour) VALUES (?, ?, '#336699')",
                (name, name.casefold()),
            )
            found = con.execute("SELECT id FROM tags WHERE name_key = ?", (name.casefold(),))
            tag_ids.append(found.fetchone()[0])
        numbers = _free_numbers(con)
        pairs = []
        for index in range(count):
            cards = []
            for side in range(2):
                name = f"Дубль {index} Петров"
                contact_id = con.execute(
                    "INSERT INTO contacts (name, name_key, phone, email, address, notes, archived,"
                    " kind, payment_terms_days, created_at, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, 0, 'person', 0, ?, ?)",
                    (
                        name,
                        name.casefold(),
                        next(numbers),
                        f"dubl{index}.{side}@mail.ru",
                        "г. Тверь, ул. Советская 3",
                        f"Карточка {side}",
                        "2025-01-01 10:00:00",
                        "2025-01-01 10:00:00",
                    ),
                ).lastrowid
                for position in (1, 2):
                    con.execute(
                        "INSERT INTO contact_phones (contact_id, position, phone, label)"
                        " VALUES (?, ?, ?, 'work')",
                        (contact_id, position, next(numbers)),
                    )
                con.execute(
                    "INSERT INTO contact_emails (contact_id, position, email) VALUES (?, 1, ?)",
                    (contact_id, f"dubl{index}@ya.ru"),
                )
                con.executemany(
                    "INSERT INTO contact_tags (contact_id, tag_id) VALUES (?, ?)",
                    [(contact_id, tag) for tag in tag_ids[side : side + 2]],
                )
                _orders(con, rng, contact_id, products, status)
                cards.append(contact_id)
            pairs.append((cards[0], cards[1]))
        con.execute("COMMIT")
    finally:
        con.close()
    return pairs


def _free_numbers(con: sqlite3.Connection) -> Iterator[str]:
    """Phones no card has (a Moscow landline range the big base does not use)."""
    taken = {row[0] for row in con.execute("SELECT phone FROM contacts WHERE phone IS NOT NULL")}
    taken |= {row[0] for row in con.execute("SELECT phone FROM contact_phones")}
    for number in range(10**7):
        phone = f"+7499{number:07d}"
        if phone not in taken:
            yield phone


def _orders(con, rng: random.Random, contact_id: int, products: list[int], status: int) -> None:
    start = dt.date(2024, 1, 1)
    for _ in range(ORDERS_EACH):
        day = (start + dt.timedelta(days=rng.randrange(700))).isoformat()
        order_id = con.execute(
            "INSERT INTO orders (date, status_id, contact_id, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (day, status, contact_id, day, day),
        ).lastrowid
        con.executemany(
            "INSERT INTO shipments (order_id, position, date, product_id, quantity, unit_price,"
            " unit_cost) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (order_id, position, day, rng.choice(products), rng.randint(1, 3), 150000, 90000)
                for position in range(rng.randint(1, 2))
            ],
        )
        if rng.random() < 0.8:
            con.execute(
                "INSERT INTO payments (order_id, date, amount, method, created_at)"
                " VALUES (?, ?, 150000, 'transfer', ?)",
                (order_id, day, day),
            )
    for title in ("Позвонить", "Отправить счёт", "Спросить про отзыв"):
        con.execute(
            "INSERT INTO tasks (title, due_date, contact_id, done, created_at, updated_at)"
            " VALUES (?, '2026-01-10', ?, 0, '2026-01-01', '2026-01-01')",
            (title, contact_id),
        )
    for text in ("Просил скидку", "Оплатит после 15-го"):
        con.execute(
            "INSERT INTO contact_notes (contact_id, day, text, created_at)"
            " VALUES (?, '2025-12-01', ?, '2025-12-01')",
            (contact_id, text),
        )


def merge_by_hand(con: sqlite3.Connection, keep: int, other: int) -> None:
    """The moves a merge makes, as the fewest bare statements (what the service adds is the
    checks, the preview counts, the chosen fields and the e-mail and phone order)."""
    con.execute("BEGIN IMMEDIATE")
    for sql in (
        "UPDATE orders SET contact_id = :keep WHERE contact_id = :other",
        "UPDATE orders SET person_id = :keep WHERE person_id = :other",
        "UPDATE tasks SET contact_id = :keep WHERE contact_id = :other",
        "UPDATE contact_notes SET contact_id = :keep WHERE contact_id = :other",
        "INSERT OR IGNORE INTO contact_tags (contact_id, tag_id)"
        " SELECT :keep, tag_id FROM contact_tags WHERE contact_id = :other",
        "UPDATE contact_phones SET contact_id = :keep WHERE contact_id = :other",
        "UPDATE contact_emails SET contact_id = :keep WHERE contact_id = :other",
        "UPDATE contacts SET company_id = :keep WHERE company_id = :other",
        "INSERT OR IGNORE INTO lifecycle_dirty (contact_id) VALUES (:keep), (:other)",
        "DELETE FROM contacts WHERE id = :other",
    ):
        con.execute(sql, {"keep": keep, "other": other})
    con.execute("COMMIT")


def main(argv: list[str]) -> None:
    source = None if "--fresh" in argv else BIG_PATH
    with tempfile.TemporaryDirectory(prefix="lavka-merge-bench-") as folder:
        runs = 5
        [figure] = figures(Path(folder), source, runs=runs)
        figure.call()  # the call measure() makes to capture the SQL
        service, raw = medians_ms(figure.call, figure.raw, runs=runs)
        print(f"{figure.name}: {service:.1f} ms (goal ≤ {GOAL_MS} ms), bare UPDATEs {raw:.1f} ms")
        print(figure.note)


if __name__ == "__main__":
    main(sys.argv[1:])
