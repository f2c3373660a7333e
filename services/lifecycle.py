"""Each customer's lifecycle from their own purchase history: cadence, segment, due to reorder.

A *purchase* is an order in sales (its status is not lost) whose first line is shipped, i.e.
dated on or before the day asked about; its date is the order's date. A customer's *cadence*
is the median of the days between consecutive purchase dates (the default cadence with one
purchase date), and `r = days since the last purchase / cadence` places them:

- new: one purchase date, r ≤ awake limit (1.5);
- woken: the gap before the last purchase was over awake limit × the cadence of the
  purchases before it (they had fallen asleep), r ≤ awake limit;
- regular: two or more purchase dates, r ≤ awake limit, not woken;
- recently asleep: awake limit < r ≤ asleep limit (4); long asleep: r > asleep limit;
- no purchases: none at all.

The histories live in `contact_lifecycle` (models/lifecycle.py), computed for one day. The
computation turns r's limits into the days a segment changes, so a segment on a day is a date
comparison in SQL (`segment_of`), and filtering or sorting 50k contacts by it stays fast.
`lifecycle_session(database, day)` brings the table to `day` (the contacts whose orders
changed, or whose first shipment fell between the stored day and `day`) and keeps that work
when `day` is the real today; for any other day it is rolled back, leaving the table as it was
for everyone else.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal, InvalidOperation
from itertools import groupby, pairwise

from sqlalchemy import ColumnElement, Select, and_, case, delete, exists, insert, select
from sqlalchemy.orm import Session

from models import ContactLifecycle, LifecycleDirty, Order
from services.choices import lost_status_ids, put_setting, setting
from services.storage import Database
from services.uow import UnitOfWork

SEGMENTS = ("no_purchases", "new", "regular", "woken", "recently_asleep", "long_asleep")
AWAKE = ("new", "regular", "woken")  # the segments whose customers can be due to reorder
AS_OF = "lifecycle_as_of"  # the day contact_lifecycle was computed for (settings table)


@dataclass(frozen=True)
class LifecycleRules:
    """The three numbers of the classification (settings, with these defaults)."""

    default_cadence: int = 30  # days, for a customer with one purchase date
    awake_limit: Decimal = Decimal("1.5")  # r above it: asleep (and a gap above it: woken)
    asleep_limit: Decimal = Decimal("4")  # r above it: long asleep


# The settings table's keys for LifecycleRules' fields.
RULE_KEYS = {
    "default_cadence": "lifecycle_default_cadence",
    "awake_limit": "lifecycle_awake_limit",
    "asleep_limit": "lifecycle_asleep_limit",
}


def load_rules(session: Session) -> LifecycleRules:
    """The stored rules. The settings dialog refuses rules out of sense; should the table hold
    one anyway (edited by hand), the defaults stand in for all three."""
    cadence = _stored_number(session, RULE_KEYS["default_cadence"])
    awake = _stored_number(session, RULE_KEYS["awake_limit"])
    asleep = _stored_number(session, RULE_KEYS["asleep_limit"])
    default = LifecycleRules()
    rules = LifecycleRules(
        default_cadence=default.default_cadence if cadence is None else int(cadence),
        awake_limit=awake or default.awake_limit,
        asleep_limit=asleep or default.asleep_limit,
    )
    sound = (
        rules.default_cadence >= 1
        and cadence in (None, rules.default_cadence)
        and 1 < rules.awake_limit < rules.asleep_limit
    )
    return rules if sound else default


def _stored_number(session: Session, key: str) -> Decimal | None:
    text = setting(session, key)
    try:
        number = Decimal(text) if text else None
    except InvalidOperation:
        return None
    return number if number is not None and number.is_finite() and number > 0 else None


@dataclass(frozen=True)
class History:
    """A customer's purchases in short, and the first day of each later segment."""

    purchases: int  # distinct purchase dates
    first_purchase: dt.date
    last_purchase: dt.date
    cadence_halves: int  # the cadence in half days: a median may end in .5
    awake_segment: str  # new, regular or woken: the segment until asleep_from
    reorder_from: dt.date  # first day with r > 1: due to reorder (while awake)
    asleep_from: dt.date  # first day with r > awake limit
    long_asleep_from: dt.date  # first day with r > asleep limit

    @property
    def cadence_days(self) -> Decimal:
        return Decimal(self.cadence_halves) / 2


def history_of(days: Sequence[dt.date], rules: LifecycleRules) -> History | None:
    """The history of a customer's purchase dates (distinct, oldest first); None for none."""
    if not days:
        return None
    gaps = [(later - earlier).days for earlier, later in pairwise(days)]
    default = 2 * rules.default_cadence
    cadence = median_halves(gaps) if gaps else default
    if len(days) == 1:
        awake = "new"
    else:
        before = median_halves(gaps[:-1]) if len(gaps) > 1 else default
        # gap > limit × (before / 2), in whole numbers of half days
        awake = "woken" if 2 * gaps[-1] > rules.awake_limit * before else "regular"
    last = days[-1]
    return History(
        purchases=len(days),
        first_purchase=days[0],
        last_purchase=last,
        cadence_halves=cadence,
        awake_segment=awake,
        reorder_from=first_day_over(last, cadence, Decimal(1)),
        asleep_from=first_day_over(last, cadence, rules.awake_limit),
        long_asleep_from=first_day_over(last, cadence, rules.asleep_limit),
    )


def median_halves(values: Sequence[int]) -> int:
    """Twice the median of whole numbers (exact: the median of 30 and 31 is 61 halves)."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return 2 * ordered[middle]
    return ordered[middle - 1] + ordered[middle]


def first_day_over(last: dt.date, cadence_halves: int, limit: Decimal) -> dt.date:
    """The first day whose r = days since `last` / cadence is above `limit`: days are whole,
    so r ≤ limit holds up to ⌊limit × cadence⌋ days after the last purchase."""
    bound = (limit * cadence_halves / 2).to_integral_value(ROUND_FLOOR)
    return last + dt.timedelta(days=int(bound) + 1)


def segment_of(today: dt.date) -> ColumnElement[str]:
    """SQL: the segment on `today` of the contact joined (outer) with contact_lifecycle."""
    lc = ContactLifecycle
    return case(
        (lc.contact_id.is_(None), "no_purchases"),
        (lc.long_asleep_from <= today, "long_asleep"),
        (lc.asleep_from <= today, "recently_asleep"),
        else_=lc.awake_segment,
    )


def due_to_reorder(today: dt.date) -> ColumnElement[bool]:
    """SQL: an awake customer (new, regular or woken) with 1 < r on `today`."""
    lc = ContactLifecycle
    return and_(lc.reorder_from <= today, lc.asleep_from > today)


@contextmanager
def lifecycle_session(database: Database, today: dt.date) -> Iterator[Session]:
    """A session in which contact_lifecycle holds every history as of `today`.

    One transaction, with the write lock from the start, so that the histories read are the
    ones just computed. Committed when `today` is the real today (the next read starts from
    there); rolled back for any other day, so a report of last year or `--date` leaves the
    table as it was for the window."""
    with UnitOfWork(database, immediate=True) as uow:
        refresh(uow.session, today)
        yield uow.session
        if today == dt.date.today():
            uow.commit()


def refresh(session: Session, today: dt.date) -> None:
    """Bring contact_lifecycle to `today` inside the caller's transaction: recompute the
    contacts marked by the triggers, and those with an order whose first shipment lies between
    the day the table was computed for and `today` (either way: a purchase appears or goes)."""
    stored = setting(session, AS_OF)
    as_of = dt.date.fromisoformat(stored) if stored else None
    if as_of is None:  # never computed, or the rules changed: every customer
        session.execute(delete(ContactLifecycle))
        _mark(session, select(Order.contact_id).distinct())
    elif as_of != today:
        low, high = sorted((as_of, today))
        crossing = (
            select(Order.contact_id)
            .where(Order.first_ship_date > low, Order.first_ship_date <= high)
            .distinct()
        )
        _mark(session, crossing)
    dirty = select(LifecycleDirty.contact_id)
    if session.scalar(select(exists(dirty))):
        session.execute(delete(ContactLifecycle).where(ContactLifecycle.contact_id.in_(dirty)))
        rows = [
            {"contact_id": contact_id, **vars(history)}
            for contact_id, history in _histories(session, today, dirty)
        ]
        if rows:
            session.execute(insert(ContactLifecycle), rows)
        session.execute(delete(LifecycleDirty))
    if as_of != today:
        put_setting(session, AS_OF, today.isoformat())
    session.flush()


def _mark(session: Session, contacts: Select[int]) -> None:
    """Add `contacts` (a select of distinct ids) to lifecycle_dirty, past those already there
    (the triggers mark them too): one statement both databases take, where SQLite's INSERT OR
    IGNORE is unknown to PostgreSQL and an INSERT … SELECT … ON CONFLICT needs a WHERE on
    SQLite. EXCEPT, not NOT EXISTS: PostgreSQL, its statistics saying the table being filled
    is empty, looked each new row up in it one by one (13 s for every contact of the bench
    base after an upgrade, against 0.45 s; SQLite 90 ms either way)."""
    fresh = contacts.except_(select(LifecycleDirty.contact_id))
    session.execute(insert(LifecycleDirty).from_select(["contact_id"], fresh))


def forget_histories(session: Session) -> None:
    """Drop every computed history (the rules changed): the next read computes them anew."""
    session.execute(delete(ContactLifecycle))
    put_setting(session, AS_OF, None)


def _histories(
    session: Session, today: dt.date, contacts: Select[int]
) -> Iterator[tuple[int, History]]:
    """(contact id, history) of each of `contacts` (a subquery of ids) with a purchase."""
    rules = load_rules(session)
    # Read from the covering index ix_orders_purchases, one contact after another.
    days = (
        select(Order.contact_id, Order.date)
        .where(
            Order.contact_id.in_(contacts),
            Order.status_id.not_in(lost_status_ids()),
            Order.first_ship_date <= today,
        )
        .group_by(Order.contact_id, Order.date)
        .order_by(Order.contact_id, Order.date)
    )
    rows = session.execute(days)
    for contact_id, group in groupby(rows, key=lambda row: row[0]):
        history = history_of([day for _contact, day in group], rules)
        if history is not None:
            yield contact_id, history


__all__ = [
    "AS_OF",
    "AWAKE",
    "RULE_KEYS",
    "SEGMENTS",
    "History",
    "LifecycleRules",
    "due_to_reorder",
    "first_day_over",
    "forget_histories",
    "history_of",
    "lifecycle_session",
    "load_rules",
    "median_halves",
    "refresh",
    "segment_of",
]
