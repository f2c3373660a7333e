"""Order totals summed ahead by SQLite triggers on `orders`, for the grid's group totals.

`order_contact_totals` holds, per contact and status, the count, amount and cost of the orders
of a month (period YYYYMM, 202605), of a whole year (YYYY00, 202600) and of all time (0); the
order grid grouped by contact reads a year, or everything, as one period rather than every
order (services/order_list.py). `order_month_totals` is the same per month and status for
every contact together (the grid grouped by month or by status). A period the months do not
cover whole is read from `orders` for its first and last days, so the totals stay exact.

The triggers add an order in, take it out, or move it (its date, contact or status changed;
its amount or cost changed through the line totals' triggers, models/triggers.py), in the
transaction that changes it: imports, undo, a merge of contacts included, so a bulk writer
leaves these triggers in place. A row whose count falls to 0 is deleted, so the tables hold
exactly what a GROUP BY over `orders` gives (tests/test_order_totals.py compares them). The
totals are statuses' and not roles': a status that becomes lost needs nothing recomputed.
Derived data: not in the change log (models/history.py DERIVED_TABLES).
"""

from __future__ import annotations

from sqlalchemy import Integer
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base
from models.postgres import on_create
from models.types import BigInt

ALL_TIME = 0  # the period of every order


class OrderContactTotal(Base):
    """One contact's orders of one status in one period: a month, a year or all time."""

    __tablename__ = "order_contact_totals"
    __table_args__ = {"sqlite_with_rowid": False}  # noqa: RUF012 (SQLAlchemy's own form)

    # YYYYMM for a month, YYYY00 for its whole year, 0 (ALL_TIME) for every order: a period's
    # rows are in contact order, so a GROUP BY contact reads one period without sorting.
    period: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    contact_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    status_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    orders: Mapped[int] = mapped_column(Integer)
    amount: Mapped[int] = mapped_column(BigInt)  # minor units, as orders.amount
    cost: Mapped[int] = mapped_column(BigInt)


class OrderMonthTotal(Base):
    """Every contact's orders of one status in one month (YYYYMM)."""

    __tablename__ = "order_month_totals"
    __table_args__ = {"sqlite_with_rowid": False}  # noqa: RUF012 (SQLAlchemy's own form)

    month: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    status_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    orders: Mapped[int] = mapped_column(Integer)
    amount: Mapped[int] = mapped_column(BigInt)
    cost: Mapped[int] = mapped_column(BigInt)


def month_of(date: str) -> str:
    """SQL: the YYYYMM integer of an SQL date ('2026-05-20' → 202605)."""
    return f"CAST(substr({date}, 1, 4) || substr({date}, 6, 2) AS INTEGER)"


def year_of(date: str) -> str:
    """SQL: the YYYY00 period of an SQL date's whole year ('2026-05-20' → 202600)."""
    return f"CAST(substr({date}, 1, 4) AS INTEGER) * 100"


_CONTACT = "order_contact_totals"
_MONTH = "order_month_totals"
# Qualified by the table's name: PostgreSQL takes a bare `orders` here for either row.
_ADD = (
    " DO UPDATE SET orders = {t}.orders + excluded.orders,"
    " amount = {t}.amount + excluded.amount, cost = {t}.cost + excluded.cost;"
)


def _periods(ref: str) -> str:
    return f"({month_of(ref + '.date')}, {year_of(ref + '.date')}, {ALL_TIME})"


def _add(ref: str) -> str:
    """Count the order `ref` (NEW or OLD) in: its three contact periods and its month."""
    values = f"{ref}.contact_id, {ref}.status_id, 1, {ref}.amount, {ref}.cost"
    month, year = month_of(f"{ref}.date"), year_of(f"{ref}.date")
    return (
        f" INSERT INTO {_CONTACT} (period, contact_id, status_id, orders, amount, cost)"
        f" VALUES ({month}, {values}), ({year}, {values}), ({ALL_TIME}, {values})"
        " ON CONFLICT (period, contact_id, status_id)"
        + _ADD.format(t=_CONTACT)
        + f" INSERT INTO {_MONTH}"
        f" (month, status_id, orders, amount, cost) VALUES ({month}, {ref}.status_id, 1,"
        f" {ref}.amount, {ref}.cost) ON CONFLICT (month, status_id)" + _ADD.format(t=_MONTH)
    )


def _remove(ref: str) -> str:
    """Count the order `ref` out; a row left with no order goes."""
    contact = (
        f" WHERE period IN {_periods(ref)} AND contact_id = {ref}.contact_id"
        f" AND status_id = {ref}.status_id"
    )
    month = f" WHERE month = {month_of(ref + '.date')} AND status_id = {ref}.status_id"
    less = f" SET orders = orders - 1, amount = amount - {ref}.amount, cost = cost - {ref}.cost"
    return (
        f" UPDATE {_CONTACT}{less}{contact}; DELETE FROM {_CONTACT}{contact} AND orders = 0;"
        f" UPDATE {_MONTH}{less}{month}; DELETE FROM {_MONTH}{month} AND orders = 0;"
    )


_MOVED = (
    "NEW.date IS NOT OLD.date OR NEW.contact_id IS NOT OLD.contact_id"
    " OR NEW.status_id IS NOT OLD.status_id"
)
# An order's amount and cost change in place when its lines change (the line totals' triggers
# write them): the difference is added to the rows it is counted in.
_DIFFERENCE = " SET amount = amount + NEW.amount - OLD.amount, cost = cost + NEW.cost - OLD.cost"

TOTALS_TRIGGERS: dict[str, str] = {
    "trg_orders_group_totals_insert": (
        "CREATE TRIGGER trg_orders_group_totals_insert AFTER INSERT ON orders BEGIN"
        + _add("NEW")
        + " END"
    ),
    "trg_orders_group_totals_delete": (
        "CREATE TRIGGER trg_orders_group_totals_delete AFTER DELETE ON orders BEGIN"
        + _remove("OLD")
        + " END"
    ),
    "trg_orders_group_totals_move": (
        "CREATE TRIGGER trg_orders_group_totals_move"
        f" AFTER UPDATE OF date, contact_id, status_id ON orders WHEN {_MOVED} BEGIN"
        + _remove("OLD")
        + _add("NEW")
        + " END"
    ),
    "trg_orders_group_totals_money": (
        "CREATE TRIGGER trg_orders_group_totals_money AFTER UPDATE OF amount, cost ON orders"
        f" WHEN NOT ({_MOVED}) AND (NEW.amount IS NOT OLD.amount OR NEW.cost IS NOT OLD.cost)"
        f" BEGIN UPDATE {_CONTACT}{_DIFFERENCE} WHERE period IN {_periods('NEW')}"
        " AND contact_id = NEW.contact_id AND status_id = NEW.status_id;"
        f" UPDATE {_MONTH}{_DIFFERENCE} WHERE month = {month_of('NEW.date')}"
        " AND status_id = NEW.status_id; END"
    ),
}

# Both tables as the triggers keep them, from `orders` alone: the migration's backfill, and a
# check that they agree (tests/test_order_totals.py).
CONTACT_TOTALS_SELECT = " UNION ALL ".join(
    f"SELECT {period} AS period, contact_id, status_id, COUNT(*), SUM(amount), SUM(cost)"
    " FROM orders GROUP BY 1, 2, 3"
    for period in (month_of("date"), year_of("date"), str(ALL_TIME))
)
MONTH_TOTALS_SELECT = (
    f"SELECT {month_of('date')} AS month, status_id, COUNT(*), SUM(amount), SUM(cost)"
    " FROM orders GROUP BY 1, 2"
)
FILL = (
    f"INSERT INTO {_CONTACT} (period, contact_id, status_id, orders, amount, cost) "
    + CONTACT_TOTALS_SELECT,
    f"INSERT INTO {_MONTH} (month, status_id, orders, amount, cost) " + MONTH_TOTALS_SELECT,
)

# A bulk writer may set the triggers aside within its transaction (services/playback_aside.py):
# it keeps the orders it is about to touch as they are (keep_before), writes, then counts
# them out as they were and in as they are now, a key's difference at a time
# (add_difference), and puts the triggers back. `where` is an SQL condition on orders' ids,
# the same before and after (an order deleted is counted out, one written is counted in).
# Unqualified: a temporary table is found first by its bare name on both databases.
_BEFORE = "lavka_group_totals_before"


def keep_before(where: str) -> str:
    return (
        f"CREATE TEMP TABLE {_BEFORE} AS"
        f" SELECT contact_id, status_id, date, amount, cost FROM orders WHERE {where}"
    )


def add_difference(where: str) -> tuple[str, ...]:
    """The statements that count the orders matching `where` out as kept_before saw them and
    in as they are now; the statements after the first two take no parameter."""
    changed = (
        "WITH changed (contact_id, status_id, date, n, amount, cost) AS ("
        f"SELECT contact_id, status_id, date, 1, amount, cost FROM orders WHERE {where}"
        f" UNION ALL SELECT contact_id, status_id, date, -1, -amount, -cost FROM {_BEFORE}) "
    )
    sums = "SUM(n), SUM(amount), SUM(cost)"
    differs = " HAVING SUM(n) <> 0 OR SUM(amount) <> 0 OR SUM(cost) <> 0"
    periods = " UNION ALL ".join(
        f"SELECT {period} AS period, contact_id, status_id, n, amount, cost FROM changed"
        for period in (month_of("date"), year_of("date"), str(ALL_TIME))
    )
    return (
        changed + f"INSERT INTO {_CONTACT} (period, contact_id, status_id, orders, amount, cost)"
        f" SELECT period, contact_id, status_id, {sums} FROM ({periods}) AS p WHERE true"
        " GROUP BY 1, 2, 3"
        + differs
        + " ON CONFLICT (period, contact_id, status_id)"
        + _ADD.format(t=_CONTACT),
        changed + f"INSERT INTO {_MONTH} (month, status_id, orders, amount, cost)"
        f" SELECT {month_of('date')}, status_id, {sums} FROM changed WHERE true"
        " GROUP BY 1, 2" + differs + " ON CONFLICT (month, status_id)" + _ADD.format(t=_MONTH),
        f"DELETE FROM {_CONTACT} WHERE orders = 0",
        f"DELETE FROM {_MONTH} WHERE orders = 0",
        f"DROP TABLE {_BEFORE}",
    )


# After every table exists (they read and write tables made after `orders`).
for _sql in TOTALS_TRIGGERS.values():
    on_create(Base.metadata, _sql)
