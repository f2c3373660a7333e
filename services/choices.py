"""The editable lists (order statuses, channels, loss reasons) and business-wide settings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import ScalarSelect, func, select
from sqlalchemy.orm import Session

from models import Channel, LossReason, OrderStatus, Setting
from services.errors import NotFound

if TYPE_CHECKING:  # services.storage seeds a new database with seed_defaults
    from services.storage import Database

# A new database's lists, in the interface language it is created in; after that they are
# the person's own words (Settings renames them), and nothing reads the words: statuses are
# known by code and role (Completed is the won state, Cancelled the lost one).
LANGUAGES = ("en", "ru")
STATUS_ROLES = (
    ("new", "open"),
    ("confirmed", "open"),
    ("paid", "open"),
    ("shipped", "open"),
    ("completed", "won"),
    ("cancelled", "lost"),
)
STATUS_NAMES = {
    "en": ("New", "Confirmed", "Paid", "Shipped", "Completed", "Cancelled"),
    "ru": ("Новый", "Подтверждён", "Оплачен", "Отгружен", "Выполнен", "Отменён"),
}
CHANNEL_NAMES = {
    "en": ("Avito", "Website", "Referral", "Phone call", "Repeat customer"),
    "ru": ("Авито", "Сайт", "Рекомендация", "Звонок", "Постоянный клиент"),
}
LOSS_REASON_NAMES = {
    "en": ("Price too high", "Out of stock", "Customer changed mind", "No answer"),
    "ru": ("Дорого", "Нет в наличии", "Клиент передумал", "Не отвечает"),
}
DEFAULT_CHANNELS = CHANNEL_NAMES["en"]
DEFAULT_LOSS_REASONS = LOSS_REASON_NAMES["en"]
DEFAULT_SETTINGS = {"currency_code": "RUB", "currency_symbol": "₽", "phone_region": "RU"}
_LAST = 1 << 30  # a position after any list's end
# Deliveries are followed up from this day on (services/follow_ups.py): the day a database
# was created, or first opened by a Lavka that has follow-ups; what was delivered before is
# history, not a pile of overdue calls.
FOLLOW_UPS_SINCE = "follow_ups_since"
# Money is owed only for orders dated from this day on (services/payments.py): set when a
# database that already held orders was upgraded to payments; absent in one that began with
# them.
PAYMENTS_SINCE = "payments_since"
# The language a database was created in ("en", "ru"): what Lavka itself writes into it (a
# note on an imported order, say) is in that language, like its lists. Older ones: English.
LANGUAGE = "language"


@dataclass(frozen=True)
class StatusView:
    id: int
    code: str | None
    name: str
    role: str

    @property
    def is_lost(self) -> bool:
        return self.role == "lost"


@dataclass(frozen=True)
class ChoiceView:
    id: int
    name: str
    active: bool


@dataclass(frozen=True)
class BusinessSettings:
    currency_code: str
    currency_symbol: str
    phone_region: str


def seed_defaults(database: Database, language: str = "en") -> None:
    """Fill empty lists (in `language`, "en" or "ru") and settings on a new database; leaves
    edited lists alone."""
    language = language if language in LANGUAGES else "en"
    with database.session_factory.begin() as session:
        if session.scalar(select(OrderStatus.id).limit(1)) is None:
            put_setting(session, LANGUAGE, language)
            names = STATUS_NAMES[language]
            for position, ((code, role), name) in enumerate(zip(STATUS_ROLES, names, strict=True)):
                session.add(OrderStatus(code=code, name=name, role=role, position=position))
        if session.scalar(select(Channel.id).limit(1)) is None:
            for position, name in enumerate(CHANNEL_NAMES[language]):
                session.add(Channel(name=name, position=position))
        if session.scalar(select(LossReason.id).limit(1)) is None:
            for position, name in enumerate(LOSS_REASON_NAMES[language]):
                session.add(LossReason(name=name, position=position))
        present = set(session.scalars(select(Setting.key)))
        for key, value in DEFAULT_SETTINGS.items():
            if key not in present:
                session.add(Setting(key=key, value=value))
        if FOLLOW_UPS_SINCE not in present:
            session.add(Setting(key=FOLLOW_UPS_SINCE, value=dt.date.today().isoformat()))


def setting(session: Session, key: str) -> str | None:
    """One stored setting's text; None when it was never set."""
    row = session.get(Setting, key)
    return None if row is None else row.value


def put_setting(session: Session, key: str, value: str | None) -> None:
    """Store (or, with None, forget) one setting, inside the caller's transaction."""
    row = session.get(Setting, key)
    if value is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def database_language(session: Session) -> str:
    """The language the database was created in: "en" or "ru"."""
    return setting(session, LANGUAGE) or "en"


def business_settings(session: Session) -> BusinessSettings:
    values = dict(DEFAULT_SETTINGS)
    values.update({s.key: s.value for s in session.scalars(select(Setting))})
    return BusinessSettings(**{k: values[k] for k in DEFAULT_SETTINGS})


def statuses(session: Session) -> list[StatusView]:
    rows = session.scalars(select(OrderStatus).order_by(OrderStatus.position, OrderStatus.id))
    return [StatusView(s.id, s.code, s.name, s.role) for s in rows]


def channels(session: Session, include_inactive: bool = False) -> list[ChoiceView]:
    query = select(Channel).order_by(Channel.position, Channel.id)
    if not include_inactive:
        query = query.where(Channel.active.is_(True))
    return [ChoiceView(c.id, c.name, c.active) for c in session.scalars(query)]


def loss_reasons(session: Session, include_inactive: bool = False) -> list[ChoiceView]:
    query = select(LossReason).order_by(LossReason.position, LossReason.id)
    if not include_inactive:
        query = query.where(LossReason.active.is_(True))
    return [ChoiceView(r.id, r.name, r.active) for r in session.scalars(query)]


def status_by_code(session: Session, code: str) -> StatusView:
    status = session.scalar(select(OrderStatus).where(OrderStatus.code == code))
    if status is None:
        raise NotFound.of("status.no_code", code)
    return StatusView(status.id, status.code, status.name, status.role)


def lost_status_ids() -> ScalarSelect[int]:
    """Subquery of the statuses whose orders are excluded from every sales figure."""
    return select(OrderStatus.id).where(OrderStatus.role == "lost").scalar_subquery()


def awaiting_shipment_status_ids() -> ScalarSelect[int]:
    """Subquery of the open statuses listed before Shipped (New, Confirmed, Paid, and any the
    person added there): an order in one of them has not gone out yet, whatever its lines'
    dates say. Without a Shipped status in the list, every open status."""
    shipped = select(OrderStatus.position).where(OrderStatus.code == "shipped").scalar_subquery()
    return (
        select(OrderStatus.id)
        .where(OrderStatus.role == "open", OrderStatus.position < func.coalesce(shipped, _LAST))
        .scalar_subquery()
    )
