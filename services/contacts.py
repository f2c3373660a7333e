"""Customer cards, of people and of companies: create, update, archive, delete, find by any
of their phones in any form, search as you type."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import ColumnElement, Select, delete, func, or_, select
from sqlalchemy.orm import Session, joinedload, object_session
from sqlalchemy.orm.exc import StaleDataError

from models import (
    CHANNEL_LABELS,
    CONTACT_KINDS,
    Channel,
    Contact,
    ContactEmail,
    ContactPhone,
    Order,
    fold,
)
from services.choices import business_settings
from services.errors import DuplicatePhone, EditConflict, NotFound, Problem, ValidationError
from services.messages import Label
from services.payments import parse_payment_terms
from services.phones import format_phone, normalize_phone, phone_search_keys
from services.search import contact_condition
from services.storage import Database
from services.tags import TagView, contact_tags, find_or_create_tags, set_contact_tags
from services.tax_ids import check_tax_id
from services.uow import UnitOfWork
from services.values import clean_text, required_name

NAME_MAX = 200
JOB_TITLE_MAX = 100
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class PhoneEntry:
    """One phone of a contact: as typed (input) or as stored, E.164 (view), and its label
    (models.CHANNEL_LABELS: "mobile", "work", …, or None)."""

    number: str
    label: str | None = None


@dataclass(frozen=True)
class EmailEntry:
    address: str
    label: str | None = None


@dataclass(frozen=True)
class ContactInput:
    """What a person typed on the contact or company card."""

    name: str
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    notes: str | None = None
    channel_id: int | None = None
    # Days after an order's date its payment is due; None leaves them as they are (0 for a
    # new contact). Text as typed is checked like the rest.
    payment_terms_days: int | str | None = None
    kind: str = "person"
    company_id: int | None = None
    job_title: str | None = None
    legal_name: str | None = None
    tax_id: str | None = None
    # Every phone (e-mail), the first the main one; None keeps `phone` (`email`) as the main
    # one and leaves the further ones as they are.
    phones: Sequence[PhoneEntry] | None = None
    emails: Sequence[EmailEntry] | None = None
    # The contact's tags; None leaves them as they are. `new_tags` are names typed on the
    # card that are no tag yet: made (or found) and put on the contact in its transaction.
    tag_ids: Sequence[int] | None = None
    new_tags: Sequence[str] = ()
    # The version the card was opened at (ContactView.version): a save from an older one is
    # refused with EditConflict. None saves whatever the version (import, commands).
    version: int | None = None


@dataclass(frozen=True)
class PersonView:
    """One of a company's people, as its card lists them."""

    id: int
    name: str
    job_title: str | None
    phone: str | None
    email: str | None
    archived: bool


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
    version: int  # moves on with every save of the card (ContactInput.version)
    payment_terms_days: int = 0
    kind: str = "person"
    company_id: int | None = None
    company: str | None = None
    job_title: str | None = None
    legal_name: str | None = None
    tax_id: str | None = None
    # Every phone and e-mail, the main one first.
    phones: tuple[PhoneEntry, ...] = ()
    emails: tuple[EmailEntry, ...] = ()
    tags: tuple[TagView, ...] = ()
    people: tuple[PersonView, ...] = ()

    @property
    def is_company(self) -> bool:
        return self.kind == "company"


def _view(contact: Contact) -> ContactView:
    session = object_session(contact)
    assert session is not None
    return _views(session, [contact])[0]


def _views(session: Session, contacts: list[Contact]) -> list[ContactView]:
    """The cards of `contacts`, their further phones and e-mails, tags, companies and (for a
    company) people read in one query each, whatever their number."""
    ids = [c.id for c in contacts]
    further_phones = _grouped(
        session,
        select(ContactPhone.contact_id, ContactPhone.phone, ContactPhone.label)
        .where(ContactPhone.contact_id.in_(ids))
        .order_by(ContactPhone.contact_id, ContactPhone.position, ContactPhone.id),
    )
    further_emails = _grouped(
        session,
        select(ContactEmail.contact_id, ContactEmail.email, ContactEmail.label)
        .where(ContactEmail.contact_id.in_(ids))
        .order_by(ContactEmail.contact_id, ContactEmail.position, ContactEmail.id),
    )
    tags = contact_tags(session, ids)
    company_ids = {c.company_id for c in contacts if c.company_id is not None}
    company_names = {
        company_id: name
        for company_id, name in session.execute(
            select(Contact.id, Contact.name).where(Contact.id.in_(company_ids))
        )
    }
    people: dict[int, list[PersonView]] = {}
    companies = [c.id for c in contacts if c.kind == "company"]
    if companies:
        for p in session.scalars(
            select(Contact)
            .where(Contact.company_id.in_(companies))
            .order_by(Contact.archived, Contact.name_key, Contact.id)
        ):
            assert p.company_id is not None  # chosen by its company
            people.setdefault(p.company_id, []).append(
                PersonView(p.id, p.name, p.job_title, p.phone, p.email, p.archived)
            )
    views = []
    for contact in contacts:
        phones = [PhoneEntry(contact.phone, contact.phone_label)] if contact.phone else []
        phones += [
            PhoneEntry(number, label) for number, label in further_phones.get(contact.id, ())
        ]
        emails = [EmailEntry(contact.email, contact.email_label)] if contact.email else []
        emails += [EmailEntry(*entry) for entry in further_emails.get(contact.id, ())]
        views.append(
            ContactView(
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
                version=contact.version,
                payment_terms_days=contact.payment_terms_days or 0,
                kind=contact.kind,
                company_id=contact.company_id,
                company=(
                    None if contact.company_id is None else company_names.get(contact.company_id)
                ),
                job_title=contact.job_title,
                legal_name=contact.legal_name,
                tax_id=contact.tax_id,
                phones=tuple(phones),
                emails=tuple(emails),
                tags=tuple(tags.get(contact.id, ())),
                people=tuple(people.get(contact.id, ())),
            )
        )
    return views


def _grouped(
    session: Session, query: Select[int, str, str | None]
) -> dict[int, list[tuple[str, str | None]]]:
    """Rows (contact id, value, label) as {contact id: [(value, label), …]}, in the query's
    order."""
    found: dict[int, list[tuple[str, str | None]]] = {}
    for contact_id, value, label in session.execute(query):
        found.setdefault(contact_id, []).append((value, label))
    return found


@dataclass
class _Clean:
    """Validated card: the contact's own columns, and its phones, e-mails and tags to write
    (None: left as they are)."""

    values: dict[str, object]  # by column
    phones: list[PhoneEntry] | None = None
    emails: list[EmailEntry] | None = None
    tag_ids: list[int] | None = None


def _validated(session: Session, data: ContactInput, contact_id: int | None) -> _Clean:
    """Every problem with the input at once, or the clean values to store."""
    problems: list[Problem] = []
    region = business_settings(session).phone_region
    company = data.kind == "company"
    values: dict[str, object] = {"channel_id": data.channel_id, "kind": data.kind}
    name_label = "Company name" if company else "Name"
    for key, parse in (
        ("name", lambda: required_name(data.name, "name", name_label, NAME_MAX)),
        ("address", lambda: clean_text(data.address, field="address", label="Address")),
        ("notes", lambda: clean_text(data.notes, field="notes", label="Notes")),
        ("payment_terms_days", lambda: _terms(data.payment_terms_days)),
        ("job_title", lambda: _short(data.job_title, "job_title", "Job title", JOB_TITLE_MAX)),
        ("legal_name", lambda: clean_text(data.legal_name, field="legal_name", label="Legal name")),
        ("tax_id", lambda: check_tax_id(data.tax_id, region)),
    ):
        try:
            values[key] = parse()
        except ValidationError as error:
            problems.extend(error.problems)
    phones = _phones(data, region, problems)
    emails = _emails(data, problems)
    if data.kind not in CONTACT_KINDS:
        problems.append(Problem.of("kind", "contact.kind_unknown", data.kind))
    if data.channel_id is not None and session.get(Channel, data.channel_id) is None:
        problems.append(Problem.of("channel", "channel.not_found", data.channel_id))
    values["company_id"] = _company(session, data, contact_id, problems)
    if company:
        values["job_title"] = None
    if problems:
        raise ValidationError(problems)
    if values["payment_terms_days"] is None:
        del values["payment_terms_days"]  # kept as they are
    _refuse_taken(session, phones, contact_id)
    values["phone"] = phones[0].number if phones else None
    values["email"] = emails[0].address if emails else None
    # Given as a list, the main one's label comes with it; a bare `phone` keeps its label.
    if data.phones is not None:
        values["phone_label"] = phones[0].label if phones else None
    if data.emails is not None:
        values["email_label"] = emails[0].label if emails else None
    return _Clean(
        values,
        phones=None if data.phones is None else phones[1:],
        emails=None if data.emails is None else emails[1:],
        tag_ids=None if data.tag_ids is None else list(dict.fromkeys(data.tag_ids)),
    )


def _short(typed: str | None, field: str, label: str, limit: int) -> str | None:
    text = clean_text(typed, field=field, label=label)
    if text is not None and len(text) > limit:
        raise ValidationError.of(field, "name.too_long", Label(label), limit, len(text))
    return text


def _label(label: str | None, field: str, line: int, problems: list[Problem]) -> str | None:
    if label in (None, ""):
        return None
    if label not in CHANNEL_LABELS:
        problems.append(Problem.of(field, "label.unknown", label, line=line))
    return label


def _phones(data: ContactInput, region: str, problems: list[Problem]) -> list[PhoneEntry]:
    """The phones to store, main first; with `phones` not given, just the main `phone`."""
    listed = data.phones is not None
    typed = list(data.phones) if data.phones is not None else [PhoneEntry(data.phone or "", None)]
    field = "phones" if listed else "phone"
    entries = [(entry.number, entry.label) for entry in typed]
    clean = _entries(
        entries,
        field,
        listed,
        lambda text: _phone(text, region, field),
        lambda number: number,
        lambda number: Problem.of(field, "phone.repeated", format_phone(number)),
        problems,
    )
    return [PhoneEntry(number, label) for number, label in clean]


def _emails(data: ContactInput, problems: list[Problem]) -> list[EmailEntry]:
    listed = data.emails is not None
    typed = list(data.emails) if data.emails is not None else [EmailEntry(data.email or "", None)]
    field = "emails" if listed else "email"
    entries = [(entry.address, entry.label) for entry in typed]
    clean = _entries(
        entries,
        field,
        listed,
        lambda text: check_email(text, field),
        fold,
        lambda address: Problem.of(field, "email.repeated", address),
        problems,
    )
    return [EmailEntry(address, label) for address, label in clean]


def _entries(
    typed: list[tuple[str, str | None]],
    field: str,
    listed: bool,
    parse: Callable[[str], str | None],
    key: Callable[[str], str],
    repeated: Callable[[str], Problem],
    problems: list[Problem],
) -> list[tuple[str, str | None]]:
    """Phones or e-mails as stored, each once, with their labels; every problem is added to
    `problems`, naming its row when they were typed as a list."""
    clean: list[tuple[str, str | None]] = []
    seen: set[str] = set()
    for line, (text, label) in enumerate(typed, start=1):
        at = line if listed else None
        try:
            value = parse(text)
        except ValidationError as error:
            problems.extend(
                Problem.of(p.field, p.code or "", *p.params, line=at) for p in error.problems
            )
            continue
        if value is None:
            continue
        if key(value) in seen:
            problems.append(replace(repeated(value), line=at))
            continue
        seen.add(key(value))
        clean.append((value, _label(label, field, line, problems)))
    return clean


def _refuse_taken(session: Session, phones: list[PhoneEntry], contact_id: int | None) -> None:
    """DuplicatePhone naming the contact that has one of these numbers already."""
    numbers = [p.number for p in phones]
    owners = session.execute(
        select(Contact.phone, Contact.id, Contact.name)
        .where(Contact.phone.in_(numbers))
        .union_all(
            select(ContactPhone.phone, Contact.id, Contact.name)
            .join(Contact, Contact.id == ContactPhone.contact_id)
            .where(ContactPhone.phone.in_(numbers))
        )
    ).all()
    for number, owner_id, owner_name in owners:
        if owner_id != contact_id:
            raise DuplicatePhone(format_phone(number), owner_id, owner_name)


def _company(
    session: Session, data: ContactInput, contact_id: int | None, problems: list[Problem]
) -> int | None:
    """The company a person works at, checked; a company belongs to none, and stays a
    company while it has people."""
    if data.kind == "company":
        if data.company_id is not None:
            problems.append(Problem.of("company", "contact.company_has_company"))
        return None
    if contact_id is not None:
        people = session.scalar(
            select(func.count()).select_from(Contact).where(Contact.company_id == contact_id)
        )
        if people:
            name = session.scalar(select(Contact.name).where(Contact.id == contact_id))
            problems.append(Problem.of("kind", "contact.company_has_people", name, people))
    if data.company_id is None:
        return None
    company = session.get(Contact, data.company_id)
    if company is None:
        problems.append(Problem.of("company", "contact.company_not_found", data.company_id))
    elif company.kind != "company":
        problems.append(Problem.of("company", "contact.company_is_person", company.name))
    return data.company_id


def _phone(typed: str | None, region: str, field: str = "phone") -> str | None:
    """The number as stored (E.164, with its extension), None when none was typed."""
    text = clean_text(typed, field=field, label="Phone")
    if text is None:
        return None
    return normalize_phone(text, region, field)


def _terms(typed: int | str | None) -> int | None:
    return None if typed is None else parse_payment_terms(typed)


def check_email(typed: str | None, field: str = "email") -> str | None:
    email = clean_text(typed, field=field, label="E-mail")
    if email and not _EMAIL.match(email):
        raise ValidationError.of(field, "email.invalid", email)
    return email


def _save(database: Database, contact_id: int | None, data: ContactInput) -> ContactView:
    """Create (contact_id None) or update a card with its phones, e-mails and tags, in one
    transaction.

    An update that changes the card (its phones, e-mails or tags alone too) moves its version
    on. A save that gives the version the card was opened at (`data.version`) is refused with
    EditConflict, nothing written, when someone else saved the card since: before this save
    read it, or between that read and its write (the ORM's versioned UPDATE then matches no
    row)."""
    try:
        return _write(database, contact_id, data)
    except StaleDataError as error:
        if contact_id is None:
            raise
        raise EditConflict(
            kind="contact", record_id=contact_id, theirs=get_contact(database, contact_id)
        ) from error


def _write(database: Database, contact_id: int | None, data: ContactInput) -> ContactView:
    with UnitOfWork(database) as uow:
        session = uow.session
        contact = None
        if contact_id is not None:
            contact = _get(session, contact_id)
            if data.version not in (None, contact.version):
                raise EditConflict(kind="contact", record_id=contact_id, theirs=_view(contact))
        clean = _validated(session, data, contact_id)
        if contact is not None:
            # the further phones go first: a number may move between main and further ones
            further = delete(ContactPhone).where(ContactPhone.contact_id == contact.id)
            if clean.phones is None:  # only the main one given: it leaves the further ones
                further = further.where(ContactPhone.phone == clean.values["phone"])
            session.execute(further)
        if contact is None:
            contact = Contact(**clean.values)
            session.add(contact)
        else:
            for key, value in clean.values.items():
                setattr(contact, key, value)
        session.flush()
        _write_further(session, contact.id, clean)
        if clean.tag_ids is not None or data.new_tags:
            ids = clean.tag_ids
            if ids is None:
                ids = [t.id for t in contact_tags(session, [contact.id])[contact.id]]
            ids += [tag.id for tag in find_or_create_tags(session, data.new_tags)]
            set_contact_tags(session, contact.id, ids)
        session.flush()
        if contact_id is not None:
            uow.move_version(contact)
        session.expire(contact)
        view = _view(contact)
        code = "contact.created" if contact_id is None else "contact.saved"
        uow.name(code, view.name, contact_id=view.id)
        uow.commit()
    return view


def _write_further(session: Session, contact_id: int, clean: _Clean) -> None:
    if clean.phones is not None:
        session.add_all(
            ContactPhone(contact_id=contact_id, position=i, phone=p.number, label=p.label)
            for i, p in enumerate(clean.phones, start=1)
        )
    if clean.emails is not None:
        session.execute(delete(ContactEmail).where(ContactEmail.contact_id == contact_id))
        session.add_all(
            ContactEmail(contact_id=contact_id, position=i, email=e.address, label=e.label)
            for i, e in enumerate(clean.emails, start=1)
        )


def create_contact(database: Database, data: ContactInput) -> ContactView:
    return _save(database, None, data)


def update_contact(database: Database, contact_id: int, data: ContactInput) -> ContactView:
    return _save(database, contact_id, data)


def delete_contact(database: Database, contact_id: int) -> None:
    """Remove a card that has no orders (its notes, reminders and phones go with it; its
    tasks stay, without a contact). One with orders is refused: archive or merge it."""
    with UnitOfWork(database) as uow:
        contact = _get(uow.session, contact_id, lock=True)
        orders = uow.session.scalar(
            select(func.count()).select_from(Order).where(Order.contact_id == contact_id)
        )
        if orders:
            raise ValidationError.of("contact", "contact.has_orders", contact.name, orders)
        uow.name("contact.deleted", contact.name, contact_id=contact_id)
        uow.session.delete(contact)
        uow.commit()


def set_archived(database: Database, contact_id: int, archived: bool = True) -> ContactView:
    """Archived contacts leave the list but keep their history and figures.

    The card's version stays: being archived is no field of the card's save (a card open on
    the contact elsewhere cannot put it back), and the card itself archives while open."""
    with UnitOfWork(database) as uow:
        contact = _get(uow.session, contact_id, lock=True)
        contact.archived = archived
        uow.session.flush()
        view = _view(contact)
        code = "contact.archived" if archived else "contact.unarchived"
        uow.name(code, contact.name, contact_id=contact_id)
        uow.commit()
    return view


def list_companies(database: Database) -> list[tuple[int, str]]:
    """(id, name) of every company not archived, by name: what a person's card offers."""
    with database.session() as session:
        return [
            (company_id, name)
            for company_id, name in session.execute(
                select(Contact.id, Contact.name)
                .where(Contact.kind == "company", Contact.archived.is_(False))
                .order_by(Contact.name_key, Contact.id)
            )
        ]


def contact_exists(database: Database, contact_id: int) -> bool:
    with database.session() as session:
        return session.get(Contact, contact_id) is not None


def get_contact(database: Database, contact_id: int) -> ContactView:
    with database.session() as session:
        return _view(_get(session, contact_id))


def find_by_phone(database: Database, text: str) -> ContactView | None:
    """The contact with this phone, however it is written; None when nobody has it."""
    with database.session() as session:
        region = business_settings(session).phone_region
        phone = normalize_phone(text, region)
        contact = session.scalar(
            select(Contact).where(
                or_(
                    Contact.phone == phone,
                    Contact.id.in_(
                        select(ContactPhone.contact_id).where(ContactPhone.phone == phone)
                    ),
                )
            )
        )
        return _view(contact) if contact else None


def search_contacts(
    database: Database, text: str, limit: int | None = 200, include_archived: bool = False
) -> list[ContactView]:
    """Contacts matching the text (contact_matches); exact phone matches first, then by
    name."""
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
        return _views(session, list(session.scalars(query)))


def contact_matches(text: str, region: str) -> ColumnElement[bool]:
    """SQL condition: the contact matches the text in its name, legal name, INN, job title,
    any phone in any written form, any e-mail, its address or notes — words found by their
    beginning, any case, ё = е, through the search index (services/search.py)."""
    return contact_condition(text, region)


def _get(session: Session, contact_id: int, *, lock: bool = False) -> Contact:
    """The contact as a row of the caller's session; NotFound if none. `lock` for a write that
    does not answer to a version the person saw (services/orders.py order_row)."""
    contact = session.get(Contact, contact_id, with_for_update=lock)
    if contact is None:
        raise NotFound.of("contact.not_found", contact_id)
    return contact
