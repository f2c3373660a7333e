"""Deal scoring and the sales forecast: each open order's probability, value and class.

A *deal* is an order whose status is open. Its probability, in whole percent, is

    default + its status's modifier + its channel's modifier + its age band's modifier,

clamped to [floor, CEILING]; its age is the days since the order's date. Its *worth* is the
order's amount, or its expected amount while it has no lines; its value is probability ×
worth, rounded half up to the kopeck. Its class follows from the value and the thresholds
(A ≥ 200 000, B ≥ 50 000, C ≥ 10 000, D ≥ 5 000, E below, by default); a lost order is F. A
deal that had class A or B when it was saved and now stands below B has *slid down* and is
shown as C2 (counted with C) until it rises again. The forecast is the sum of the values of the
deals above the floor.

The formula lives in one place, as SQL expressions over `orders` (DealColumns): the grid sorts
by them, the board shows them, the forecast sums them. The statuses' and channels' modifiers
are few, so they enter the expressions as CASE tables, and no join is needed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import NamedTuple

from sqlalchemy import (
    CTE,
    ColumnElement,
    Integer,
    SQLColumnExpression,
    case,
    cast,
    func,
    literal,
    select,
    type_coerce,
    update,
)
from sqlalchemy.orm import Session

from models import Channel, Contact, Order, OrderStatus, from_minor, to_minor
from services.choices import put_setting, setting
from services.errors import Problem, ValidationError
from services.messages import Label
from services.storage import Database
from services.uow import UnitOfWork
from services.values import MoneyInput, parse_money

CLASSES = ("A", "B", "C", "D", "E")  # by value, best first; their thresholds are for A–D
SLID = "C2"
LOST = "F"
CEILING = 95
MODIFIER_MIN, MODIFIER_MAX = -100, 100
DEFAULT_PROBABILITY = 20
DEFAULT_FLOOR = 5
# (the first day of the band, its modifier), from day 0
DEFAULT_AGE_BANDS = ((0, 0), (8, -10), (15, -15), (30, -30), (60, -60))
DEFAULT_THRESHOLDS = (Decimal(200_000), Decimal(50_000), Decimal(10_000), Decimal(5_000))
AGE_MAX = 36_500  # a band may not start later than a hundred years

# What an order is worth, in minor units: its amount, or its expected amount while it has no
# lines (a deal at an early stage).
WORTH: ColumnElement[int] = case(
    (Order.line_count > 0, type_coerce(Order.amount, Integer)),
    else_=func.coalesce(type_coerce(Order.expected_amount, Integer), 0),
)

_KEYS = {
    "default": "score_default",
    "floor": "score_floor",
    "age_bands": "score_age_bands",
    "thresholds": "score_thresholds",
}


@dataclass(frozen=True)
class ScoreRules:
    """The numbers of the method that are not per status or per channel."""

    default: int = DEFAULT_PROBABILITY
    floor: int = DEFAULT_FLOOR
    age_bands: tuple[tuple[int, int], ...] = DEFAULT_AGE_BANDS
    thresholds: tuple[Decimal, ...] = DEFAULT_THRESHOLDS  # the least value of A, B, C, D


@dataclass(frozen=True)
class Scoring:
    """The rules with the modifiers of every status and channel, and which statuses are open
    or lost: everything the SQL of a score needs, read once."""

    rules: ScoreRules
    status_modifiers: dict[int, int] = field(default_factory=dict)
    channel_modifiers: dict[int, int] = field(default_factory=dict)
    open_ids: tuple[int, ...] = ()
    lost_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class DealColumns:
    """SQL expressions over `orders` (NULL for an order that is not a deal, except `klass`,
    which is F for a lost order)."""

    age: ColumnElement[int]
    probability: ColumnElement[int]
    worth: ColumnElement[int]  # minor units
    value: ColumnElement[int]  # minor units
    base_class: ColumnElement[str]  # by value alone
    klass: ColumnElement[str]  # C2 for a deal that slid down


@dataclass(frozen=True)
class Deal:
    order_id: int
    date: dt.date
    age: int
    contact_name: str
    status: str
    channel: str | None
    worth: Decimal
    probability: int  # whole percent
    value: Decimal
    klass: str  # A–E or C2

    @property
    def counted_class(self) -> str:
        """The class a count puts it in: a deal that slid down counts with C."""
        return "C" if self.klass == SLID else self.klass


@dataclass(frozen=True)
class Forecast:
    """The sum of the values of the deals above the floor, and the deals per class."""

    day: dt.date
    total: Decimal
    classes: dict[str, int]  # A–E, every letter present; C includes the deals that slid
    slid: int  # deals shown as C2
    deals: tuple[Deal, ...]  # the most valuable first: every open deal, or the top ones asked
    floor: int
    open_count: int = 0  # every open deal
    counted_count: int = 0  # the open deals above the floor, which the forecast adds up

    @property
    def counted(self) -> tuple[Deal, ...]:
        """The listed deals the forecast adds up (above the floor)."""
        return tuple(deal for deal in self.deals if deal.probability > self.floor)


def load_rules(session: Session) -> ScoreRules:
    stored = {name: setting(session, key) for name, key in _KEYS.items()}
    rules = ScoreRules()  # what is not stored keeps the method's default
    try:
        if stored["default"] is not None:
            rules = replace(rules, default=int(stored["default"]))
        if stored["floor"] is not None:
            rules = replace(rules, floor=int(stored["floor"]))
        if stored["age_bands"]:
            pairs = (pair.split(":") for pair in stored["age_bands"].split(";"))
            bands = tuple((int(start), int(added)) for start, added in pairs)
            rules = replace(rules, age_bands=bands)
        if stored["thresholds"]:
            parts = stored["thresholds"].split(";")
            rules = replace(rules, thresholds=tuple(Decimal(part) for part in parts))
    except (ValueError, ArithmeticError):
        return ScoreRules()  # a hand-edited setting that does not parse: the method's defaults
    return rules


def load_scoring(session: Session) -> Scoring:
    statuses = session.execute(select(OrderStatus.id, OrderStatus.score_modifier, OrderStatus.role))
    status_modifiers: dict[int, int] = {}
    open_ids: list[int] = []
    lost_ids: list[int] = []
    for status_id, modifier, role in statuses:
        status_modifiers[status_id] = modifier
        if role == "open":
            open_ids.append(status_id)
        elif role == "lost":
            lost_ids.append(status_id)
    channels = {
        row[0]: row[1] for row in session.execute(select(Channel.id, Channel.score_modifier))
    }
    return Scoring(
        load_rules(session), status_modifiers, channels, tuple(open_ids), tuple(lost_ids)
    )


def score_rules(database: Database) -> ScoreRules:
    with database.session() as session:
        return load_rules(session)


def save_score_rules(
    database: Database,
    default: int | str,
    floor: int | str,
    age_bands: Sequence[tuple[int | str, int | str]],
    thresholds: Sequence[MoneyInput],
) -> ScoreRules:
    """Check every number, then store them in one transaction, or nothing: a probability or
    floor out of range, a modifier outside −100…+100, age bands that do not start at day 0 or
    do not go up, thresholds not going down from A to D are refused with the field named."""
    problems: list[Problem] = []
    default_value = _whole(default, "score_default", "Default probability", 0, 100, problems)
    floor_value = _whole(floor, "score_floor", "Floor", 0, CEILING, problems)
    bands: list[tuple[int, int]] = []
    for line, (start, modifier) in enumerate(age_bands, start=1):
        first = _whole(start, "age_band_start", "From day", 0, AGE_MAX, problems, line)
        added = check_modifier(modifier, "age_band_modifier", problems, line)
        if first is None or added is None:
            continue
        if not bands and first != 0:
            problems.append(Problem.of("age_band_start", "score.bands_from_zero", line=line))
        elif bands and first <= bands[-1][0]:
            problems.append(
                Problem.of("age_band_start", "score.bands_order", first, bands[-1][0], line=line)
            )
        bands.append((first, added))
    if not age_bands:
        problems.append(Problem.of("age_band_start", "score.bands_from_zero"))
    limits = _thresholds(thresholds, problems)
    if problems:
        raise ValidationError(problems)
    assert default_value is not None and floor_value is not None  # else a problem was raised
    rules = ScoreRules(default_value, floor_value, tuple(bands), tuple(limits))
    with UnitOfWork(database) as uow:
        put_setting(uow.session, _KEYS["default"], str(rules.default))
        put_setting(uow.session, _KEYS["floor"], str(rules.floor))
        put_setting(uow.session, _KEYS["age_bands"], ";".join(f"{s}:{m}" for s, m in bands))
        put_setting(uow.session, _KEYS["thresholds"], ";".join(str(t) for t in limits))
        uow.commit()
    return rules


def deal_columns(scoring: Scoring, today: dt.date) -> DealColumns:
    """The score of every order as SQL expressions over `orders`, for the day `today` (the
    grid sorts by them; one order's card reads them)."""
    is_open = Order.status_id.in_(scoring.open_ids or (-1,))
    probability = case((is_open, _probability(scoring, today)), else_=None)
    value = _value(WORTH, probability)
    base_class, klass = _classes(scoring, value, Order.status_id, Order.peak_class)
    return DealColumns(age_in_days(today), probability, WORTH, value, base_class, klass)


class DealScore(NamedTuple):
    """One open order's score: the order editor's line."""

    probability: int  # whole percent
    value: Decimal
    klass: str  # A–E, or C2 when it slid down


def deal_score(database: Database, order_id: int, today: dt.date | None = None) -> DealScore | None:
    """The score of one order for `today`; None when it is not a deal (won, lost, or no such
    order)."""
    today = today or dt.date.today()
    with database.session() as session:
        columns = deal_columns(load_scoring(session), today)
        row = session.execute(
            select(columns.probability, columns.value, columns.klass).where(Order.id == order_id)
        ).first()
    if row is None or row[0] is None:
        return None
    probability, value, klass = row
    return DealScore(probability, from_minor(value), klass)


@dataclass(frozen=True)
class OpenDeals:
    """The open deals as a table `deals` (order_id, status_id, contact_id, channel_id, date,
    peak_class, age, probability, worth) with their value and class as expressions over it:
    each deal's probability is computed once, not once per use (a board or a forecast reads
    thousands)."""

    table: CTE
    value: ColumnElement[int]
    klass: ColumnElement[str]


def open_deals(
    scoring: Scoring,
    today: dt.date,
    *conditions: ColumnElement[bool],
    newest: int | None = None,
) -> OpenDeals:
    """The open orders (matching `conditions` on `orders`) scored for `today`; only the
    `newest` ones (by date) when given."""
    deals = select(
        Order.id.label("order_id"),
        Order.status_id.label("status_id"),
        Order.contact_id.label("contact_id"),
        Order.channel_id.label("channel_id"),
        Order.date.label("date"),
        Order.peak_class.label("peak_class"),
        age_in_days(today).label("age"),
        _probability(scoring, today).label("probability"),
        WORTH.label("worth"),
    ).where(Order.status_id.in_(scoring.open_ids or (-1,)), *conditions)
    if newest is not None:
        deals = deals.order_by(Order.date.desc(), Order.id.desc()).limit(newest)
    table = deals.cte("deals").prefix_with("MATERIALIZED")
    value = _value(table.c.worth, table.c.probability)
    _base, klass = _classes(scoring, value, table.c.status_id, table.c.peak_class)
    return OpenDeals(table, value, klass)


def age_in_days(today: dt.date) -> ColumnElement[int]:
    """Days from an order's date to `today`."""
    return cast(func.julianday(literal(today.isoformat())) - func.julianday(Order.date), Integer)


def _probability(scoring: Scoring, today: dt.date) -> ColumnElement[int]:
    """Default + status + channel + age band, clamped to [floor, CEILING]: an open order's
    probability in whole percent. The age bands are comparisons of the order's date with the
    bands' first days, so no date arithmetic is done per row."""
    rules = scoring.rules
    bands = sorted(rules.age_bands, reverse=True)  # the oldest band first
    age_modifier = case(
        *((Order.date <= today - dt.timedelta(days=start), added) for start, added in bands[:-1]),
        else_=bands[-1][1],  # the band from day 0, and a date after today
    )
    status_modifier = _table(Order.status_id, scoring.status_modifiers)
    channel_modifier = _table(Order.channel_id, scoring.channel_modifiers)
    raw = literal(rules.default) + status_modifier + channel_modifier + age_modifier
    return func.max(rules.floor, func.min(CEILING, raw))


def _value(worth: ColumnElement[int], probability: ColumnElement[int]) -> ColumnElement[int]:
    """Integers throughout: (worth × percent + 50) div 100 is the value rounded half up."""
    return (worth * probability + 50) // 100


def _classes(
    scoring: Scoring,
    value: ColumnElement[int],
    status_id: SQLColumnExpression[int],
    peak_class: SQLColumnExpression[str | None],
) -> tuple[ColumnElement[str], ColumnElement[str]]:
    """The class by value alone (F when lost, NULL when won), and the class shown: C2 for a
    deal that had A or B and fell below B."""
    is_open = status_id.in_(scoring.open_ids or (-1,))
    limits = [to_minor(limit) for limit in scoring.rules.thresholds]
    base_class = case(
        (status_id.in_(scoring.lost_ids or (-1,)), LOST),
        (~is_open, None),
        *((value >= limit, letter) for letter, limit in zip(CLASSES, limits, strict=False)),
        else_=CLASSES[-1],
    )
    klass = case(
        (peak_class.in_(CLASSES[:2]) & is_open & (value < limits[1]), SLID),
        else_=base_class,
    )
    return base_class, klass


def forecast(database: Database, today: dt.date | None = None, top: int | None = None) -> Forecast:
    """Every open deal scored for `today`: the forecast and the count per class over all of
    them (summed in SQL), and the deals listed, the most valuable first (the `top` ones, or
    all)."""
    today = today or dt.date.today()
    with database.session() as session:
        scoring = load_scoring(session)
        floor = scoring.rules.floor
        scored = open_deals(scoring, today)
        deals = scored.table
        above = deals.c.probability > floor
        sums = session.execute(
            select(
                scored.klass,
                func.count(),
                func.sum(case((above, 1), else_=0)),
                func.sum(case((above, scored.value), else_=0)),
            )
            .select_from(deals)
            .group_by(scored.klass)
        ).all()
        query = (
            select(
                deals.c.order_id,
                deals.c.date,
                deals.c.age,
                Contact.name,
                OrderStatus.name,
                Channel.name,
                deals.c.worth,
                deals.c.probability,
                scored.value,
                scored.klass,
            )
            .select_from(deals)
            .join(Contact, Contact.id == deals.c.contact_id)
            .join(OrderStatus, OrderStatus.id == deals.c.status_id)
            .outerjoin(Channel, Channel.id == deals.c.channel_id)
            .order_by(scored.value.desc(), deals.c.order_id)
        )
        if top is not None:
            query = query.limit(top)
        listed = tuple(
            Deal(
                order_id,
                day,
                age,
                name,
                status,
                channel,
                from_minor(worth),
                probability,
                from_minor(value),
                klass,
            )
            for order_id, day, age, name, status, channel, worth, probability, value, klass in (
                session.execute(query)
            )
        )
    classes = dict.fromkeys(CLASSES, 0)
    for klass, count, _counted, _value in sums:
        classes["C" if klass == SLID else klass] += count
    return Forecast(
        day=today,
        total=from_minor(sum(minor or 0 for *_rest, minor in sums)),
        classes=classes,
        slid=sum(count for klass, count, _counted, _value in sums if klass == SLID),
        deals=listed,
        floor=floor,
        open_count=sum(count for _klass, count, _counted, _value in sums),
        counted_count=sum(counted or 0 for _klass, _count, counted, _value in sums),
    )


def remember_peak(session: Session, order_id: int, today: dt.date) -> None:
    """Keep the best class the deal has had (at a save): the mark that it can slide down from
    A or B. Not a deal (won, lost): nothing changes."""
    columns = deal_columns(load_scoring(session), today)
    row = session.execute(
        select(columns.base_class, Order.peak_class).where(Order.id == order_id)
    ).first()
    if row is None or row[0] not in CLASSES:
        return
    now, peak = row
    if peak is None or CLASSES.index(now) < CLASSES.index(peak):
        # a mark of Lavka's own, not an edit: the order's updated_at stays
        session.execute(
            update(Order)
            .where(Order.id == order_id)
            .values(peak_class=now, updated_at=Order.updated_at)
        )


def _table(key: SQLColumnExpression[int | None], modifiers: dict[int, int]) -> ColumnElement[int]:
    """The modifier of the row's status or channel, 0 for none."""
    used = {k: m for k, m in modifiers.items() if m}
    if not used:
        return literal(0)
    return case(used, value=key, else_=0)


def _whole(
    value: int | str,
    field: str,
    label: str,
    least: int,
    most: int,
    problems: list[Problem],
    line: int | None = None,
) -> int | None:
    typed = str(value).strip().replace("−", "-")
    try:
        number = int(typed)
    except ValueError:
        number = None
    if number is None or not least <= number <= most:
        problems.append(
            Problem.of(field, "score.whole_range", Label(label), typed, least, most, line=line)
        )
        return None
    return number


def check_modifier(
    value: int | str, field: str, problems: list[Problem], line: int | None = None
) -> int | None:
    """A modifier (of a status, a channel, an age band): whole percent from −100 to +100;
    None (and a problem added) when it is not."""
    return _whole(value, field, "Modifier, %", MODIFIER_MIN, MODIFIER_MAX, problems, line)


def _thresholds(thresholds: Sequence[MoneyInput], problems: list[Problem]) -> list[Decimal]:
    if len(thresholds) != len(CLASSES) - 1:
        raise ValueError(f"expected {len(CLASSES) - 1} thresholds (A–D), got {len(thresholds)}")
    limits: list[Decimal] = []
    above: tuple[str, Decimal] | None = None  # the class before, and its threshold
    for letter, typed in zip(CLASSES, thresholds, strict=False):
        field = f"threshold_{letter}"
        try:
            limit = parse_money(typed, field, "Class threshold")
        except ValidationError as error:
            problems.extend(error.problems)
            continue
        if limit <= 0:
            problems.append(Problem.of(field, "score.threshold_positive", letter))
        elif above is not None and limit >= above[1]:
            problems.append(Problem.of(field, "score.thresholds_order", letter, above[0]))
        limits.append(limit)
        above = (letter, limit)
    return limits
