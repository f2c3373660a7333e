"""Tags on the big base (a tenth of its contacts carry some: bigbase.add_tags, as the base is
built): the figures of the lists filtered by a tag.

    python -m tests.bench.tags_bench [base]   # the figures alone, on a copy of the base
                                              # (the big one by default), tagged if it is not
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys
import tempfile
from pathlib import Path

from services.order_list import OrderFilter, OrderQuery, list_orders
from services.segments import contact_list
from services.storage import Database, copy_database
from services.tags import list_tags
from tests.bench.bigbase import BIG_PATH, add_tags
from tests.bench.run import Figure, measure, print_plans, print_table


def figures(db: Database, today: dt.date) -> list[Figure]:
    """The contacts list and the orders grid filtered by tags (goal as the other lists')."""
    ids = {tag.name: tag.id for tag in list_tags(db)}
    wholesale, vip = ids.get("опт", -1), ids.get("VIP", -1)
    return [
        Figure(
            "contacts list: tag 'опт'",
            lambda: contact_list(db, today, tag_ids=(wholesale,)),
            100,
            note="~5% of the contacts carry it",
        ),
        Figure(
            "contacts list: 'ковал', 'опт' or VIP",
            lambda: contact_list(db, today, text="ковал", tag_ids=(wholesale, vip)),
            100,
        ),
        Figure(
            "grid: orders of 'опт' customers",
            lambda: list_orders(db, OrderQuery(OrderFilter(tag_ids=(wholesale,)))),
            100,
        ),
        Figure(
            "grid: orders of 'опт', by profit",
            lambda: list_orders(db, OrderQuery(OrderFilter(tag_ids=(wholesale,)), sort="profit")),
            100,
            note="the profit index walked (order_list.COMMON_TAGS)",
        ),
        Figure("tags listed with their counts", lambda: list_tags(db), 50),
    ]


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else BIG_PATH
    today = dt.date.today()
    with tempfile.TemporaryDirectory(prefix="lavka-tags-") as folder:
        copy = Path(folder) / "tagged.sqlite3"
        copy_database(source, copy)
        Database.open(copy).close()  # upgraded to today's schema, as the window would
        con = sqlite3.connect(copy, isolation_level=None)
        if not con.execute("SELECT COUNT(*) FROM contact_tags").fetchone()[0]:
            con.execute("BEGIN")
            links = add_tags(con)
            con.execute("COMMIT")
            con.execute("ANALYZE")
            print(f"tagged the copy: {links} links", file=sys.stderr)
        db = Database.open(copy)
        try:
            results = [measure(db, con, figure) for figure in figures(db, today)]
            print_table(results, 0.0)
            print_plans(con, results)
        finally:
            db.close()
            con.close()


if __name__ == "__main__":
    main()
