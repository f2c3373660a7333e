"""Saving the business settings and the editable lists (statuses, channels, loss reasons)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from decimal import Decimal, InvalidOperation

import phonenumbers
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import STATUS_ROLES, Channel, LossReason, OrderStatus, fold
from services import choices
from services.choices import BusinessSettings
from services.documents.content import DocumentImages, SellerDetails
from services.documents.seller import checked_seller, put_seller
from services.errors import Problem, ValidationError
from services.follow_ups import FOLLOW_UP_DAYS, follow_up_days
from services.lifecycle import RULE_KEYS, LifecycleRules, forget_histories, load_rules
from services.scoring import check_modifier
from services.storage import Database
from services.uow import UnitOfWork

KINDS = ("statuses", "channels", "loss_reasons")
ListRow = OrderStatus | Channel | LossReason  # an entry of an editable list
_MODELS: dict[str, type[OrderStatus] | type[Channel] | type[LossReason]] = {
    "statuses": OrderStatus,
    "channels": Channel,
    "loss_reasons": LossReason,
}
NAME_MAX = 100  # String(100) in models/entities.py
SYMBOL_MAX = 5


@dataclass(frozen=True)
class ListEntry:
    """One row of an edited list; id None for a new entry. `role` only means something for
    statuses (None keeps the stored role, or "open" for a new status); `modifier` (whole
    percent a deal gains or loses, services/scoring.py) for statuses and channels (None keeps
    the stored one, or 0 for a new entry)."""

    id: int | None
    name: str
    active: bool = True
    role: str | None = None
    modifier: int | str | None = None


def load_business_settings(database: Database) -> BusinessSettings:
    with database.session() as session:
        return choices.business_settings(session)


def save_business_settings(
    database: Database, currency_code: str, currency_symbol: str, phone_region: str
) -> BusinessSettings:
    """Validate all three values, then write them in one transaction (or nothing at all)."""
    return save_business(database, currency_code, currency_symbol, phone_region)[0]


def save_business(
    database: Database,
    currency_code: str,
    currency_symbol: str,
    phone_region: str,
    seller: SellerDetails | None = None,
    images: DocumentImages | None = None,
    *,
    vat_rate: str | None = None,
) -> tuple[BusinessSettings, SellerDetails | None]:
    """Settings → Business as one action: the currency and phone region and, when given, the
    seller's details (checked as a business in the new region), all checked first and then
    written in one transaction, or nothing at all with every problem said at its field."""
    settings, problems = _checked_business(currency_code, currency_symbol, phone_region)
    checked_seller_details = None
    checked_images = None
    if seller is not None:
        region = settings.phone_region if settings else (phone_region or "").strip().upper()
        checked_seller_details, checked_images, found = checked_seller(
            seller, images, region, vat_rate=vat_rate
        )
        problems.extend(found)
    if problems or settings is None:
        raise ValidationError(problems)
    with UnitOfWork(database) as uow:
        for key, value in asdict(settings).items():
            choices.put_setting(uow.session, key, value)
        if checked_seller_details is not None:
            put_seller(uow.session, checked_seller_details, checked_images)
        uow.commit()
    return settings, checked_seller_details


def _checked_business(
    currency_code: str, currency_symbol: str, phone_region: str
) -> tuple[BusinessSettings | None, list[Problem]]:
    code = (currency_code or "").strip().upper()
    symbol = (currency_symbol or "").strip()
    region = (phone_region or "").strip().upper()
    problems = []
    if not re.fullmatch(r"[A-Z]{3}", code):
        problems.append(Problem.of("currency_code", "settings.currency_code", currency_code))
    if not symbol:
        problems.append(Problem.of("currency_symbol", "settings.symbol_required"))
    elif len(symbol) > SYMBOL_MAX:
        problems.append(
            Problem.of("currency_symbol", "settings.symbol_too_long", symbol, SYMBOL_MAX)
        )
    if region not in phonenumbers.SUPPORTED_REGIONS:
        problems.append(Problem.of("phone_region", "settings.phone_region", phone_region))
    if problems:
        return None, problems
    return BusinessSettings(currency_code=code, currency_symbol=symbol, phone_region=region), []


def load_list(database: Database, kind: str) -> list[ListEntry]:
    """The whole list as the settings page edits it: retired entries included, in order."""
    _check_kind(kind)
    with database.session() as session:
        if kind == "statuses":
            statuses = session.scalars(select(OrderStatus).order_by(OrderStatus.position))
            return [ListEntry(s.id, s.name, True, s.role, s.score_modifier) for s in statuses]
        if kind == "channels":
            channels = session.scalars(select(Channel).order_by(Channel.position, Channel.id))
            return [ListEntry(c.id, c.name, c.active, None, c.score_modifier) for c in channels]
        reasons = choices.loss_reasons(session, include_inactive=True)
        return [ListEntry(c.id, c.name, c.active) for c in reasons]


def save_list(database: Database, kind: str, entries: list[ListEntry]) -> None:
    """Save an edited list in one transaction: rename, reorder (position = index), (de)activate
    and add. Nothing is deleted: a channel or loss reason left out of `entries` is kept but
    retired; a status cannot be left out at all (orders may use it; rename it instead)."""
    _check_kind(kind)
    model = _MODELS[kind]
    with UnitOfWork(database) as uow:
        session = uow.session
        stored = _stored(session, kind)
        problems = _problems(kind, entries, stored)
        if problems:
            raise ValidationError(problems)
        listed = {entry.id for entry in entries if entry.id is not None}
        # Names are UNIQUE and SQLite checks each UPDATE, so swapping two names needs a detour.
        renamed = [
            i for e in entries if (i := e.id) is not None and stored[i].name != e.name.strip()
        ]
        for entry_id in renamed:
            stored[entry_id].name = f"\u2060renaming {entry_id}"
        session.flush()
        for position, entry in enumerate(entries):
            values: dict[str, object] = {"name": entry.name.strip(), "position": position}
            if kind == "statuses":
                if entry.role is not None:
                    values["role"] = entry.role
                elif entry.id is None:
                    values["role"] = "open"
            else:
                values["active"] = entry.active
            if kind != "loss_reasons" and entry.modifier is not None:
                values["score_modifier"] = int(str(entry.modifier).replace("−", "-"))
            if entry.id is None:
                session.add(model(**values))
            else:
                for key, value in values.items():
                    setattr(stored[entry.id], key, value)
        # Left-out entries (never statuses: refused above) go last, retired, in their old order.
        left_out = sorted((r for i, r in stored.items() if i not in listed), key=_order)
        for offset, row in enumerate(left_out, start=len(entries)):
            assert not isinstance(row, OrderStatus)  # a status left out was refused above
            row.position = offset
            row.active = False
        uow.name(f"list.{kind}")  # list.statuses, list.channels, list.loss_reasons
        uow.commit()


def _stored(session: Session, kind: str) -> dict[int, ListRow]:
    """The list's rows by id."""
    rows: Iterable[ListRow]
    if kind == "statuses":
        rows = session.scalars(select(OrderStatus))
    elif kind == "channels":
        rows = session.scalars(select(Channel))
    else:
        rows = session.scalars(select(LossReason))
    return {row.id: row for row in rows}


def _order(row: ListRow) -> tuple[int, int]:
    return (row.position, row.id)


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"Unknown list '{kind}'; expected one of {', '.join(KINDS)}.")


def _problems(kind: str, entries: list[ListEntry], stored: dict[int, ListRow]) -> list[Problem]:
    problems: list[Problem] = []
    seen_ids: set[int] = set()
    seen_names: dict[str, int] = {}
    listed = {entry.id for entry in entries if entry.id is not None}
    # A retired entry keeps its name, so a new or renamed entry may not take it.
    kept_names = {fold(row.name): row.name for i, row in stored.items() if i not in listed}
    for line, entry in enumerate(entries, start=1):
        name = (entry.name or "").strip()
        if entry.id is not None and entry.id not in stored:
            problems.append(Problem.of("id", "list.entry_gone", entry.id, line=line))
        elif entry.id is not None and entry.id in seen_ids:
            problems.append(Problem.of("id", "list.entry_twice", entry.id, line=line))
        if entry.id is not None:
            seen_ids.add(entry.id)
        if not name:
            problems.append(Problem.of("name", "list.name_required", line=line))
        elif len(name) > NAME_MAX:
            problems.append(Problem.of("name", "list.name_too_long", name, NAME_MAX, line=line))
        elif fold(name) in seen_names:
            problems.append(
                Problem.of("name", "list.name_used", name, seen_names[fold(name)], line=line)
            )
        elif fold(name) in kept_names:
            problems.append(
                Problem.of("name", "list.name_retired", name, kept_names[fold(name)], line=line)
            )
        if name:
            seen_names.setdefault(fold(name), line)
        if kind == "statuses" and entry.role is not None and entry.role not in STATUS_ROLES:
            problems.append(Problem.of("role", "list.role_unknown", entry.role, line=line))
        if kind != "loss_reasons" and entry.modifier is not None:
            check_modifier(entry.modifier, "modifier", problems, line)
    if kind == "statuses":
        statuses = {i: row for i, row in stored.items() if isinstance(row, OrderStatus)}
        problems.extend(_status_problems(entries, statuses, listed))
    return problems


def _status_problems(
    entries: list[ListEntry], stored: dict[int, OrderStatus], listed: set[int]
) -> list[Problem]:
    problems = []
    for status_id in sorted(set(stored) - listed):
        name = stored[status_id].name
        problems.append(Problem.of("statuses", "list.status_removed", name))
    roles = set()
    for entry in entries:
        if entry.role is not None:
            roles.add(entry.role)
        elif entry.id in stored:
            roles.add(stored[entry.id].role)
        else:
            roles.add("open")
    for role in ("won", "lost"):
        if role not in roles:
            code = "list.no_won_status" if role == "won" else "list.no_lost_status"
            problems.append(Problem.of("role", code))
    return problems


@dataclass(frozen=True)
class ReminderSettings:
    """The numbers behind Today: the lifecycle rules and the days until a follow-up."""

    rules: LifecycleRules
    follow_up_days: int


CADENCE_MAX = 3650  # ten years: any longer default cadence is a typo
LIMIT_MAX = Decimal(100)
FOLLOW_UP_MAX = 365


def load_reminder_settings(database: Database) -> ReminderSettings:
    with database.session() as session:
        return ReminderSettings(load_rules(session), follow_up_days(session))


def save_reminder_settings(
    database: Database,
    default_cadence: int | str,
    awake_limit: Decimal | str,
    asleep_limit: Decimal | str,
    follow_up_days: int | str,
) -> ReminderSettings:
    """Validate the four numbers together, then store them in one transaction. New lifecycle
    rules drop every computed history, so the next read classifies everyone by them."""
    problems: list[Problem] = []
    cadence = _whole(default_cadence, "default_cadence", CADENCE_MAX, problems)
    days = _whole(follow_up_days, "follow_up_days", FOLLOW_UP_MAX, problems)
    awake = _limit(awake_limit, "awake_limit", problems)
    asleep = _limit(asleep_limit, "asleep_limit", problems)
    if awake is not None and awake <= 1:
        problems.append(Problem.of("awake_limit", "reminders.awake_not_above_one"))
    elif awake is not None and asleep is not None and asleep <= awake:
        problems.append(
            Problem.of("asleep_limit", "reminders.limits_in_wrong_order", asleep, awake)
        )
    if problems:
        raise ValidationError(problems)
    assert cadence is not None and days is not None and awake is not None and asleep is not None
    rules = LifecycleRules(cadence, awake, asleep)
    with UnitOfWork(database) as uow:
        if load_rules(uow.session) != rules:
            forget_histories(uow.session)
        for field, key in RULE_KEYS.items():
            choices.put_setting(uow.session, key, str(getattr(rules, field)))
        choices.put_setting(uow.session, FOLLOW_UP_DAYS, str(days))
        uow.commit()
    return ReminderSettings(rules, days)


def _whole(value: int | str, field: str, most: int, problems: list[Problem]) -> int | None:
    text = str(value).strip()
    if text.isdigit() and 1 <= int(text) <= most:
        return int(text)
    problems.append(Problem.of(field, "reminders.days_out_of_range", text, most))
    return None


def _limit(value: Decimal | str, field: str, problems: list[Problem]) -> Decimal | None:
    """A limit on r like 1.5 or 1,5: more than 0, at most two decimals, at most 100."""
    text = str(value).strip().replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        number = None
    if (
        number is not None
        and number.is_finite()
        and 0 < number <= LIMIT_MAX
        and number == number.quantize(Decimal("0.01"))
    ):
        return number.normalize() if number == number.to_integral_value() else number
    problems.append(Problem.of(field, "reminders.limit_invalid", value, LIMIT_MAX))
    return None
