"""Search for everything (Ctrl+K) per keystroke on the big base: the service for a few prefixes
a person types, against its own raw FTS5 query (the same MATCH expression and the same
per-kind top 8, written by hand, through bare sqlite3)."""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

from services.search import LIMIT_PER_KIND, fts_query, search_everything
from services.storage import Database
from tests.bench.bigbase import BIG_PATH
from tests.bench.run import Figure, measure, print_table

GOAL_MS = 50
# A name's first letters, a surname, a phone's middle digits, an order's number.
TYPED = ("ко", "ковал", "916 12", "1042")

# The hits of each kind, best first, then what a hit shows: by hand, in one statement.
RAW_SEARCH = """
WITH found AS (
    SELECT rowid / 4 AS id, rowid % 4 AS kind FROM search_index WHERE search_index MATCH :q
),
matched AS (
    SELECT c.id, c.kind, c.archived, c.name_key,
           instr(' ' || c.name_key, ' ' || :word) > 0 AS in_name
    FROM found JOIN contacts c ON c.id = found.id AND found.kind = 1
),
best AS (
    SELECT * FROM (SELECT 'company' AS kind, id FROM matched WHERE kind = 'company'
                   ORDER BY archived, in_name DESC, name_key, id LIMIT :limit)
    UNION ALL
    SELECT * FROM (SELECT 'person', id FROM matched WHERE kind = 'person'
                   ORDER BY archived, in_name DESC, name_key, id LIMIT :limit)
    UNION ALL
    SELECT * FROM (SELECT 'order', o.id FROM found JOIN orders o ON o.id = found.id
                   AND found.kind = 2 ORDER BY o.date DESC, o.id DESC LIMIT :limit)
    UNION ALL
    SELECT * FROM (SELECT 'product', p.id FROM found JOIN products p ON p.id = found.id
                   AND found.kind = 3 ORDER BY p.active DESC, p.name LIMIT :limit)
)
SELECT best.kind, best.id, c.name, c.phone, c.email, c.address, o.date, o.amount, oc.name,
       p.name, p.sku
FROM best
LEFT JOIN contacts c ON best.kind IN ('company', 'person') AND c.id = best.id
LEFT JOIN orders o ON best.kind = 'order' AND o.id = best.id
LEFT JOIN contacts oc ON oc.id = o.contact_id
LEFT JOIN products p ON best.kind = 'product' AND p.id = best.id
"""


def raw_search(con: sqlite3.Connection, typed: str) -> Callable[[], object]:
    query = fts_query(typed, "RU")
    params = {"q": query, "word": typed.split()[0].casefold(), "limit": LIMIT_PER_KIND}
    number = int(typed) if typed.isdigit() else None

    def call() -> list:
        rows = con.execute(RAW_SEARCH, params).fetchall()
        if number is not None:  # an order by its number
            rows += con.execute("SELECT id FROM orders WHERE id = ?", (number,)).fetchall()
        return rows

    return call


def figures(db: Database, con: sqlite3.Connection, today: dt.date) -> list[Figure]:
    del today  # what is found does not depend on the day
    return [
        Figure(
            f"global search per keystroke: '{typed}'",
            lambda typed=typed: search_everything(db, typed),
            GOAL_MS,
            raw=raw_search(con, typed),
            raw_label="raw FTS5",
            note="companies, people, orders, products: 8 of each",
        )
        for typed in TYPED
    ]


def main() -> None:
    """`python -m tests.bench.search_bench [BASE]`: these figures alone (default: BIG_PATH)."""
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else BIG_PATH
    db = Database.open(path)
    con = sqlite3.connect(path)
    try:
        results = [measure(db, con, figure) for figure in figures(db, con, dt.date.today())]
        print_table(results, 0.0)
    finally:
        con.close()
        db.close()


if __name__ == "__main__":
    main()
