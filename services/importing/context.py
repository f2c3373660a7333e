"""What the database already holds that an import plan depends on, read once: statuses by
the words people type for them, products by name, the phone region, existing phones."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import Contact, ContactPhone, LossReason, OrderStatus, Product, fold
from services.choices import business_settings, database_language
from services.errors import ValidationError
from services.phones import normalize_phone

# The note on a cancelled order imported without a reason, in the database's language.
NO_REASON_NOTES = {
    "en": "Cancelled in the imported file; no reason given.",
    "ru": "Отменён в импортированном файле; причина не указана.",
}
NO_REASON_NOTE = NO_REASON_NOTES["en"]

# Status words people type, by the built-in status code they mean (folded: ё = е).
_STATUS_WORDS = {
    "new": ("new", "новый", "новая", "новое"),
    "confirmed": ("confirmed", "подтвержден", "подтверждена", "подтверждено"),
    "paid": ("paid", "оплачен", "оплачена", "оплачено"),
    "shipped": ("shipped", "отгружен", "отгружена", "отгружено", "отправлен", "отправлено"),
    "completed": (
        *("completed", "complete", "done", "выполнен", "выполнена", "выполнено"),
        *("завершен", "завершена", "завершено"),
    ),
    "cancelled": ("cancelled", "canceled", "отменен", "отменена", "отменено", "отмена"),
}
_FALLBACK_REASONS = ("other", "другое", "imported", "импорт")
_IN_CHUNK = 500


class PhoneOwner(NamedTuple):
    """The contact a phone already belongs to."""

    id: int
    name: str
    kind: str  # models.CONTACT_KINDS


class Context:
    """What the database already holds that a plan depends on, read once."""

    def __init__(self, session: Session, today: dt.date) -> None:
        self.session = session
        self.today = today
        self.region = business_settings(session).phone_region
        self.language = database_language(session)
        rows = session.execute(
            select(OrderStatus.id, OrderStatus.code, OrderStatus.name, OrderStatus.role).order_by(
                OrderStatus.position, OrderStatus.id
            )
        ).all()
        self.roles = {sid: role for sid, _code, _name, role in rows}
        by_code = {code: sid for sid, code, _name, _role in rows if code}
        self.statuses: dict[str, int] = {}
        for code, words in _STATUS_WORDS.items():
            for word in words:
                if code in by_code:
                    self.statuses[word] = by_code[code]
        self.statuses.update({fold(name.strip()): sid for sid, _c, name, _r in rows})
        self.completed = by_code.get("completed") or _first(rows, "won")
        self.confirmed = by_code.get("confirmed") or _first(rows, "open")
        self.products = {
            fold(name.strip()): (pid, name, price, cost)
            for pid, name, price, cost in session.execute(
                select(Product.id, Product.name, Product.default_price, Product.default_cost)
            )
        }
        reasons = {fold(n): n for n in session.scalars(select(LossReason.name))}
        self.fallback_reason = next((reasons[r] for r in _FALLBACK_REASONS if r in reasons), None)
        self._phones: dict[str, str | ValidationError] = {}

    def status(self, text: str) -> int | None:
        return self.statuses.get(fold(text.strip()))

    def is_lost(self, status_id: int) -> bool:
        return self.roles.get(status_id) == "lost"

    def loss(
        self, status_id: int, reason: str | None, note: str | None
    ) -> tuple[str | None, str | None]:
        """(reason, note) for an order: a lost one without either gets the fallback."""
        if not self.is_lost(status_id):
            return None, None
        if reason or note:
            return reason, note
        if self.fallback_reason:
            return self.fallback_reason, None
        return None, NO_REASON_NOTES[self.language]

    def phone(self, raw: str) -> str | ValidationError:
        """The phone as E.164, or why it is none; the same text is parsed once."""
        if raw not in self._phones:
            try:
                self._phones[raw] = normalize_phone(raw, self.region)
            except ValidationError as error:
                self._phones[raw] = error
        return self._phones[raw]

    def existing_phones(self, phones: Iterable[str]) -> dict[str, int]:
        """Phone → the id of the contact that has it (as its main phone or a further one)."""
        return {phone: owner.id for phone, owner in self.phone_owners(phones).items()}

    def phone_owners(self, phones: Iterable[str]) -> dict[str, PhoneOwner]:
        """Phone → the contact that has it, as its main phone or a further one (a phone has
        one owner across both places)."""
        found: dict[str, PhoneOwner] = {}
        wanted = sorted(set(phones))
        owner = (Contact.id, Contact.name, Contact.kind)
        for start in range(0, len(wanted), _IN_CHUNK):
            chunk = wanted[start : start + _IN_CHUNK]
            main = select(Contact.phone, *owner).where(Contact.phone.in_(chunk))
            further = (
                select(ContactPhone.phone, *owner)
                .join(Contact, Contact.id == ContactPhone.contact_id)
                .where(ContactPhone.phone.in_(chunk))
            )
            for query in (main, further):
                found.update(
                    {
                        phone: PhoneOwner(cid, name, kind)
                        for phone, cid, name, kind in self.session.execute(query)
                        if phone is not None  # (IN never matches a NULL phone)
                    }
                )
        return found

    def phoneless_by_name(self, keys: Iterable[str]) -> dict[str, int]:
        """Folded name → the one existing contact without a phone of that name (if just one)."""
        found: dict[str, int] = {}
        wanted = sorted(set(keys))
        for start in range(0, len(wanted), _IN_CHUNK):
            chunk = wanted[start : start + _IN_CHUNK]
            query = (
                select(Contact.name_key, func.min(Contact.id))
                .where(Contact.phone.is_(None), Contact.name_key.in_(chunk))
                .group_by(Contact.name_key)
                .having(func.count() == 1)
            )
            found.update({key: cid for key, cid in self.session.execute(query)})
        return found


def _first(rows: Sequence[tuple[int, str | None, str, str]], role: str) -> int:
    return next(sid for sid, _code, _name, r in rows if r == role)
