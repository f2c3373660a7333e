"""Customer cards: create, update, archive, find by phone in any form, search as you type."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session, joinedload

from models import Channel, Contact, fold
from services.choices import business_settings
from services.errors import DuplicatePhone, NotFound, Problem, ValidationError
from services.payments import parse_payment_terms
from services.phones import format_phone, normalize_phone, phone_search_keys
from services.storage import Database
from services.uow import UnitOfWork, save_record
from services.values import clean_text, required_name

NAME_MAX = 200
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class ContactInput:
    """What a person typed on the contact card."""

    name: str
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    notes: str | None = None
    channel_id: int | None = None
    # Days after an order's date its payment is due; None leaves them as they are (0 for a
    # new contact). Text as typed is checked like the rest.
    payment_terms_days: int | str | None = None


@dataclass(frozen=True)
class ContactView:
    id: int
    name: str
    phone: str | None  # E.164
    email: str | None
    address: str | None
    notes: str | None
    channel_id: int | None
    channel: str | None
    archived: bool
    created_at: dt.datetime
    updated_at: dt.datetime
    payment_terms_days: int = 0


def _view(contact: Contact) -> ContactView:
    return ContactView(
        id=contact.id,
        name=contact.name,
        phone=contact.phone,
        email=contact.email,
        address=contact.address,
        notes=contact.notes,
        channel_id=contact.channel_id,
        channel=contact.channel.name if contact.channel else None,
        archived=contact.archived,
        created_at=contact.created_at,
        updated_at=contact.updated_at,
        payment_terms_days=contact.payment_terms_days or 0,
    )


def _validated(session: Session, data: ContactInput, contact_id: int | None) -> dict:
    """Every problem with the input at once, or the clean values to store."""
    problems: list[Problem] = []
    values: dict = {"channel_id": data.channel_id}
    for key, parse in (
        ("name", lambda: required_name(data.name, "name", "Name", NAME_MAX)),
        ("phone", lambda: _phone(session, data.phone)),
        ("email", lambda: _email(data.email)),
        ("address", lambda: clean_text(data.address, field="address", label="Address")),
        ("notes", lambda: clean_text(data.notes, field="notes", label="Notes")),
        ("payment_terms_days", lambda: _terms(data.payment_terms_days)),
    ):
        try:
            values[key] = parse()
        except ValidationError as error:
            problems.extend(error.problems)
    if data.channel_id is not None and session.get(Channel, data.channel_id) is None:
        problems.append(Problem.of("channel", "channel.not_found", data.channel_id))
    if problems:
        raise ValidationError(problems)
    if values["payment_terms_days"] is None:
        del values["payment_terms_days"]  # kept as they are
    phone = values["phone"]
    if phone:
        owner = session.scalar(select(Contact).where(Contact.phone == phone))
        if owner is not None and owner.id != contact_id:
            raise DuplicatePhone(format_phone(phone), owner.id, owner.name)
    return values


def _phone(session: Session, typed: str | None) -> str | None:
    """The number as stored (E.164, with its extension), None when none was typed."""
    text = clean_text(typed, field="phone", label="Phone")
    if text is None:
        return None
    return normalize_phone(text, business_settings(session).phone_region)


def _terms(typed: int | str | None) -> int | None:
    return None if typed is None else parse_payment_terms(typed)


def _email(typed: str | None) -> str | None:
    email = clean_text(typed, field="email", label="E-mail")
    if email and not _EMAIL.match(email):
        raise ValidationError.of("email", "email.invalid", email)
    return email


def create_contact(database: Database, data: ContactInput) -> ContactView:
    return save_record(database, Contact, None, lambda s: _validated(s, data, None), _view)


def update_contact(database: Database, contact_id: int, data: ContactInput) -> ContactView:
    return save_record(
        database, Contact, contact_id, lambda s: _validated(s, data, contact_id), _view
    )


def set_archived(database: Database, contact_id: int, archived: bool = True) -> ContactView:
    """Archived contacts leave the list but keep their history and figures."""
    with UnitOfWork(database) as uow:
        contact = _get(uow.session, contact_id)
        contact.archived = archived
        uow.session.flush()
        view = _view(contact)
        uow.commit()
    return view


def get_contact(database: Database, contact_id: int) -> ContactView:
    with database.session() as session:
        return _view(_get(session, contact_id))


def find_by_phone(database: Database, text: str) -> ContactView | None:
    """The contact with this phone, however it is written; None when nobody has it."""
    with database.session() as session:
        region = business_settings(session).phone_region
        phone = normalize_phone(text, region)
        contact = session.scalar(select(Contact).where(Contact.phone == phone))
        return _view(contact) if contact else None


def search_contacts(
    database: Database, text: str, limit: int | None = 200, include_archived: bool = False
) -> list[ContactView]:
    """Contacts whose name contains the text (any case, ё = е) or whose phone contains its
    digits, in any written form; exact phone matches first, then by name."""
    with database.session() as session:
        query = select(Contact).options(joinedload(Contact.channel))
        if not include_archived:
            query = query.where(Contact.archived.is_(False))
        text = text.strip()
        exact = None
        if text:
            region = business_settings(session).phone_region
            exact = phone_search_keys(text, region).exact
            query = query.where(contact_matches(text, region))
        query = query.order_by(
            (Contact.phone == exact).desc() if exact else Contact.name_key,
            Contact.name_key,
            Contact.id,
        ).limit(limit)
        return [_view(c) for c in session.scalars(query)]


def contact_matches(text: str, region: str) -> ColumnElement[bool]:
    """SQL condition: the contact's name contains the text (any case, ё = е), or its phone is
    the number typed or contains its digits, whichever way the number was written."""
    phone = phone_search_keys(text, region)
    conditions = [Contact.name_key.contains(fold(text), autoescape=True)]
    if phone.digits:
        conditions.append(Contact.phone.contains(phone.digits, autoescape=True))
    if phone.prefix:
        conditions.append(Contact.phone.startswith(phone.prefix, autoescape=True))
    if phone.exact:
        conditions.append(Contact.phone == phone.exact)
    return or_(*conditions)


def _get(session: Session, contact_id: int) -> Contact:
    contact = session.get(Contact, contact_id)
    if contact is None:
        raise NotFound.of("contact.not_found", contact_id)
    return contact
