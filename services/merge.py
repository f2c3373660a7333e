"""Merging duplicate cards: two people or two companies become one, with everything of both.

`merge_preview` shows both cards field by field and counts what would move; `merge_contacts`
keeps one card (with the value of each field taken from the side chosen) and moves to it,
in one transaction, everything that points at the other: its orders (as the customer and as
"ordered by"), their payments and follow-ups (which hang on the orders), tasks, dated notes,
its answer to a reminder, phones, e-mails, tags and, for a company, its people. Then the
other card is deleted. Every statement is a bulk UPDATE over an index, so a customer with
thousands of orders merges in one short transaction.

Choices name a side per field: "keep" (the kept card's value) or "other"; notes also take
"both" (the kept card's, a blank line, the other's). A field left out takes the kept card's
value, unless that is empty and the other's is not (a merge never drops a value for nothing)
and, for notes that both cards have, both.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import Select, delete, func, insert, literal, select, text, update
from sqlalchemy.orm import Session

from models import (
    Channel,
    Contact,
    ContactEmail,
    ContactLifecycle,
    ContactNote,
    ContactPhone,
    ContactReminder,
    ContactTag,
    FollowUp,
    LifecycleDirty,
    Order,
    Payment,
    Purchase,
    Setting,
    Task,
    fold,
    utc_now,
)
from services.errors import NotFound, ValidationError
from services.storage import Database
from services.uow import UnitOfWork

KEEP, OTHER, BOTH = "keep", "other", "both"
# The fields a merge offers to choose, in the order the dialog shows them.
COMMON_FIELDS = ("name", "phone", "email", "address", "notes", "channel", "payment_terms")
COMPANY_FIELDS = (*COMMON_FIELDS[:1], "legal_name", "tax_id", *COMMON_FIELDS[1:])
PERSON_FIELDS = (*COMMON_FIELDS[:1], "job_title", "company", *COMMON_FIELDS[1:])
# Settings key of the pairs the person said are not duplicates (services/duplicates.py).
DISMISSED_KEY = "duplicates_dismissed"
# The contacts columns behind each simple field (phone, e-mail and notes are handled apart).
_COLUMNS = {
    "name": "name",
    "address": "address",
    "channel": "channel_id",
    "payment_terms": "payment_terms_days",
    "legal_name": "legal_name",
    "tax_id": "tax_id",
    "job_title": "job_title",
    "company": "company_id",
}


@dataclass(frozen=True)
class FieldPair:
    """One field of both cards: what each holds, as shown (a channel's or a company's name, a
    phone in E.164, payment terms in days), and whether they differ."""

    field: str
    keep: str | int | None
    other: str | int | None
    differs: bool
    default: str  # the choice a merge takes when none is given: keep, other or both


@dataclass(frozen=True)
class MergeCounts:
    """What moves from the other card to the kept one."""

    orders: int = 0  # as the customer
    ordered_by: int = 0  # orders of a company the other person placed
    payments: int = 0
    follow_ups: int = 0
    tasks: int = 0
    notes: int = 0  # dated notes of the history
    reminders: int = 0  # its answer to a reminder (snoozed, not interested)
    phones: int = 0  # every phone of the other card, the main one included
    emails: int = 0  # its e-mails the kept card does not have yet
    tags: int = 0  # its tags the kept card does not have yet
    people: int = 0  # a company's contact persons


@dataclass(frozen=True)
class CardSummary:
    id: int
    name: str
    kind: str  # person or company
    orders: int  # as the customer
    created_at: dt.datetime
    archived: bool


@dataclass(frozen=True)
class MergePreview:
    keep: CardSummary
    other: CardSummary
    fields: tuple[FieldPair, ...]
    moves: MergeCounts

    def field(self, name: str) -> FieldPair:
        return next(pair for pair in self.fields if pair.field == name)


@dataclass(frozen=True)
class MergeResult:
    kept_id: int
    removed_id: int
    moved: MergeCounts


def merge_preview(database: Database, keep_id: int, other_id: int) -> MergePreview:
    """Both cards side by side and what a merge into `keep_id` would move; refused as the
    merge itself would be."""
    with database.session() as session:
        keep, other = _pair(session, keep_id, other_id)
        return MergePreview(
            keep=_summary(session, keep),
            other=_summary(session, other),
            fields=tuple(_field_pairs(session, keep, other)),
            moves=_counts(session, keep, other),
        )


def suggested_keep(database: Database, first_id: int, second_id: int) -> int:
    """The card to keep by default: the one with more orders, then the older one."""
    with database.session() as session:
        keep, other = _pair(session, first_id, second_id)
        rank = {}
        for contact in (keep, other):
            rank[contact.id] = (-_order_count(session, contact.id), contact.created_at, contact.id)
    return min(rank, key=rank.__getitem__)


def merge_contacts(
    database: Database, keep_id: int, other_id: int, choices: Mapping[str, str] | None = None
) -> MergeResult:
    """Merge `other_id` into `keep_id` in one transaction; the other card is deleted."""
    choices = dict(choices or {})
    with UnitOfWork(database, immediate=True) as uow:
        session = uow.session
        keep, other = _pair(session, keep_id, other_id)
        pairs = {pair.field: pair for pair in _field_pairs(session, keep, other)}
        picked = _checked_choices(choices, pairs)
        moved = _counts(session, keep, other)
        values = _chosen_values(keep, other, picked)
        # the names the person saw side by side when merging
        uow.name("merge.contacts", other.name, keep.name, contact_id=keep.id)
        _move_orders(session, keep.id, other.id)
        _move_activity(session, keep.id, other.id)
        _merge_reminders(session, keep.id, other.id)
        _merge_phones(session, keep, other, picked.get("phone", KEEP))
        _merge_emails(session, keep, other, picked.get("email", KEEP))
        _merge_tags(session, keep.id, other.id)
        # the other company's people move to the kept one: a change of their cards
        session.execute(
            update(Contact)
            .where(Contact.company_id == other.id)
            .values(company_id=keep.id, version=Contact.version + 1)
            .execution_options(synchronize_session=False)
        )
        forget_dismissals(session, other.id)
        # Both histories are recomputed before they are read again (models/lifecycle.py).
        session.execute(_MARK_DIRTY, [{"contact_id": keep.id}, {"contact_id": other.id}])
        session.execute(delete(ContactLifecycle).where(ContactLifecycle.contact_id == other.id))
        session.execute(delete(Contact).where(Contact.id == other.id))
        # The kept card's version moves on (its fields, phones and tags are the card's save):
        # a card open on it elsewhere meets a conflict on saving rather than undoing the merge.
        session.execute(
            update(Contact)
            .where(Contact.id == keep.id)
            .values(**values, version=Contact.version + 1)
            .execution_options(synchronize_session=False)
        )
        session.expunge_all()
        uow.commit()
    return MergeResult(keep_id, other_id, moved)


# ON CONFLICT DO NOTHING, which both databases take (SQLite's OR IGNORE is its own).
_MARK_DIRTY = text(
    f"INSERT INTO {LifecycleDirty.__tablename__} (contact_id) VALUES (:contact_id)"
    " ON CONFLICT DO NOTHING"
)


def forget_dismissals(session: Session, contact_id: int) -> None:
    """Drop the "not duplicates" pairs that name a card about to go."""
    row = session.get(Setting, DISMISSED_KEY)
    if row is None:
        return
    pairs = [pair for pair in json.loads(row.value) if contact_id not in pair]
    row.value = json.dumps(pairs)
    session.flush()


def _pair(session: Session, keep_id: int, other_id: int) -> tuple[Contact, Contact]:
    if keep_id == other_id:
        raise ValidationError.of("merge", "merge.same_contact")
    cards = []
    for contact_id in (keep_id, other_id):
        contact = session.get(Contact, contact_id)
        if contact is None:
            raise NotFound.of("contact.not_found", contact_id)
        cards.append(contact)
    keep, other = cards
    if keep.kind != other.kind:
        raise ValidationError.of("merge", "merge.kinds_differ")
    return keep, other


def _order_count(session: Session, contact_id: int) -> int:
    return session.scalar(select(func.count()).where(Order.contact_id == contact_id)) or 0


def _summary(session: Session, contact: Contact) -> CardSummary:
    return CardSummary(
        id=contact.id,
        name=contact.name,
        kind=contact.kind,
        orders=_order_count(session, contact.id),
        created_at=contact.created_at,
        archived=bool(contact.archived),
    )


def fields_of(kind: str) -> tuple[str, ...]:
    """The fields a merge of two cards of this kind offers to choose."""
    return COMPANY_FIELDS if kind == "company" else PERSON_FIELDS


Entry = TypeVar("Entry")


def _raw(contact: Contact, field: str) -> object:
    """The stored value that decides whether two cards differ in a field."""
    if field == "phone":
        return contact.phone
    if field == "email":
        return contact.email.casefold() if contact.email else None
    if field == "notes":
        return contact.notes
    if field == "name":
        return " ".join(contact.name.split())
    return getattr(contact, _COLUMNS[field])


def _shown(session: Session, contact: Contact, field: str) -> str | int | None:
    if field == "phone":
        return contact.phone
    if field == "email":
        return contact.email
    if field == "notes":
        return contact.notes
    if field == "channel":
        channel = session.get(Channel, contact.channel_id) if contact.channel_id else None
        return channel.name if channel else None
    if field == "company":
        company = session.get(Contact, contact.company_id) if contact.company_id else None
        return company.name if company else None
    if field == "payment_terms":
        return contact.payment_terms_days or 0
    value: str | int | None = getattr(contact, _COLUMNS[field])  # a text or number column
    return value


def _empty(value: object) -> bool:
    return value is None or value == "" or value == 0


def _field_pairs(session: Session, keep: Contact, other: Contact) -> list[FieldPair]:
    pairs = []
    for field in fields_of(keep.kind):
        mine, theirs = _raw(keep, field), _raw(other, field)
        differs = mine != theirs
        default = KEEP
        if differs and _empty(mine) and not _empty(theirs):
            default = OTHER
        elif differs and field == "notes" and not _empty(theirs):
            default = BOTH
        shown = (_shown(session, keep, field), _shown(session, other, field))
        pairs.append(FieldPair(field, *shown, differs=differs, default=default))
    return pairs


def _checked_choices(choices: dict[str, str], pairs: dict[str, FieldPair]) -> dict[str, str]:
    """Each field's side: the one chosen, else its default. A field or a side that does not
    exist is the caller's mistake, not the person's."""
    for field, side in choices.items():
        if field not in pairs:
            raise ValueError(f"no field {field!r} to choose in this merge")
        if side not in (KEEP, OTHER) and not (field == "notes" and side == BOTH):
            raise ValueError(f"{side!r} is not a side to take {field!r} from")
    return {field: choices.get(field, pair.default) for field, pair in pairs.items()}


def _chosen_values(keep: Contact, other: Contact, picked: dict[str, str]) -> dict[str, object]:
    """The kept card's columns after the merge (phones and e-mails are moved apart)."""
    values: dict[str, object] = {
        "updated_at": utc_now(),
        "archived": bool(keep.archived and other.archived),
    }
    for field, side in picked.items():
        if field in ("phone", "email"):
            continue
        if field == "notes":
            values["notes"] = _notes(keep.notes, other.notes, side)
            continue
        column = _COLUMNS[field]
        values[column] = getattr(other if side == OTHER else keep, column)
    name = values.get("name")
    if isinstance(name, str):  # (chosen: a card's name is never NULL)
        values["name_key"] = fold(name)
    return values


def _notes(mine: str | None, theirs: str | None, side: str) -> str | None:
    if side == OTHER:
        return theirs
    if side == BOTH:
        return "\n\n".join(text for text in (mine, theirs) if text) or None
    return mine


def _counts(session: Session, keep: Contact, other: Contact) -> MergeCounts:
    def count(query: Select[int]) -> int:
        return session.scalar(query) or 0

    theirs = select(Order.id).where(Order.contact_id == other.id)
    kept_emails = {e.casefold() for e in _emails(session, keep)}
    new_emails = {e.casefold() for e in _emails(session, other)} - kept_emails
    kept_tags = select(ContactTag.tag_id).where(ContactTag.contact_id == keep.id)
    return MergeCounts(
        orders=count(select(func.count()).where(Order.contact_id == other.id)),
        ordered_by=count(select(func.count()).where(Order.person_id == other.id)),
        payments=count(select(func.count()).where(Payment.order_id.in_(theirs))),
        follow_ups=count(select(func.count()).where(FollowUp.order_id.in_(theirs))),
        tasks=count(select(func.count()).where(Task.contact_id == other.id)),
        notes=count(select(func.count()).where(ContactNote.contact_id == other.id)),
        reminders=count(select(func.count()).where(ContactReminder.contact_id == other.id)),
        phones=len(_phones(session, other)),
        emails=len(new_emails),
        tags=count(
            select(func.count()).where(
                ContactTag.contact_id == other.id, ContactTag.tag_id.not_in(kept_tags)
            )
        ),
        people=count(select(func.count()).where(Contact.company_id == other.id)),
    )


def _move_orders(session: Session, keep_id: int, other_id: int) -> None:
    """The other's orders, as the customer and as "ordered by"; their lines, payments and
    follow-ups hang on the orders and come with them. The triggers on orders mark both
    customers' histories for recomputing. Each moved order's version moves on: an editor open
    on one would otherwise save the removed card back as its customer."""
    for column in (Order.contact_id, Order.person_id):
        session.execute(
            update(Order)
            .where(column == other_id)
            .values({column.key: keep_id, "version": Order.version + 1})
            .execution_options(synchronize_session=False)
        )


def _move_activity(session: Session, keep_id: int, other_id: int) -> None:
    """Tasks, notes, and the purchases the other supplied."""
    session.execute(
        update(Purchase)
        .where(Purchase.supplier_id == other_id)
        .values(supplier_id=keep_id)
        .execution_options(synchronize_session=False)
    )
    for model in (Task, ContactNote):
        session.execute(
            update(model)
            .where(model.contact_id == other_id)
            .values(contact_id=keep_id)
            .execution_options(synchronize_session=False)
        )


def _merge_reminders(session: Session, keep_id: int, other_id: int) -> None:
    """One answer to a reminder per card: a snooze or a "not interested" said on either card
    holds, the later day of each."""
    theirs = session.get(ContactReminder, other_id)
    if theirs is None:
        return
    mine = session.get(ContactReminder, keep_id)
    snoozed, through = theirs.snoozed_until, theirs.not_interested_through
    session.delete(theirs)
    session.flush()
    if mine is None:
        session.add(
            ContactReminder(
                contact_id=keep_id, snoozed_until=snoozed, not_interested_through=through
            )
        )
    else:
        mine.snoozed_until = _later(mine.snoozed_until, snoozed)
        mine.not_interested_through = _later(mine.not_interested_through, through)
    session.flush()


def _later(first: dt.date | None, second: dt.date | None) -> dt.date | None:
    days = [day for day in (first, second) if day is not None]
    return max(days) if days else None


def _phones(session: Session, contact: Contact) -> list[tuple[str, str | None]]:
    """(phone, label) of the card, the main one first."""
    further = session.execute(
        select(ContactPhone.phone, ContactPhone.label)
        .where(ContactPhone.contact_id == contact.id)
        .order_by(ContactPhone.position, ContactPhone.id)
    ).all()
    main = [(contact.phone, contact.phone_label)] if contact.phone else []
    return main + [(phone, label) for phone, label in further]


def _emails_with_labels(session: Session, contact: Contact) -> list[tuple[str, str | None]]:
    further = session.execute(
        select(ContactEmail.email, ContactEmail.label)
        .where(ContactEmail.contact_id == contact.id)
        .order_by(ContactEmail.position, ContactEmail.id)
    ).all()
    main = [(contact.email, contact.email_label)] if contact.email else []
    return main + [(email, label) for email, label in further]


def _emails(session: Session, contact: Contact) -> list[str]:
    return [email for email, _label in _emails_with_labels(session, contact)]


def _ordered(mine: list[Entry], theirs: list[Entry], side: str) -> list[Entry]:
    """Both cards' entries with the chosen side's main one first (the other's when that side
    has none), then the rest of the kept card's, then the rest of the other's."""
    if side == OTHER and theirs:
        return [theirs[0], *mine, *theirs[1:]]
    return [*mine, *theirs]


def _merge_phones(session: Session, keep: Contact, other: Contact, side: str) -> None:
    """All phones of both on the kept card (see _ordered). A number has one owner at a time
    (models/search.py PHONE_TRIGGERS): each leaves its old place before it is written in the
    new one."""
    mine, theirs = _phones(session, keep), _phones(session, other)
    if theirs:
        _rewrite(session, keep, other, _ordered(mine, theirs, side), ContactPhone, "phone")


def _merge_emails(session: Session, keep: Contact, other: Contact, side: str) -> None:
    """Like the phones; an address both cards have (in any case) is kept once."""
    mine, theirs = _emails_with_labels(session, keep), _emails_with_labels(session, other)
    if not theirs:
        return
    ordered: list[tuple[str, str | None]] = []
    seen: set[str] = set()
    for email, label in _ordered(mine, theirs, side):
        if email.casefold() not in seen:
            seen.add(email.casefold())
            ordered.append((email, label))
    _rewrite(session, keep, other, ordered, ContactEmail, "email")


def _rewrite(
    session: Session,
    keep: Contact,
    other: Contact,
    ordered: list[tuple[str, str | None]],
    further_table: type[ContactPhone] | type[ContactEmail],
    column: str,
) -> None:
    """Both cards' phones (or e-mails) taken off, then `ordered` written on the kept card:
    the first as its main one (contacts.<column>, <column>_label), the others further."""
    (main, main_label), *further = ordered
    ids = (keep.id, other.id)
    label = f"{column}_label"
    session.execute(delete(further_table).where(further_table.contact_id.in_(ids)))
    session.execute(update(Contact).where(Contact.id.in_(ids)).values({column: None, label: None}))
    session.execute(
        update(Contact).where(Contact.id == keep.id).values({column: main, label: main_label})
    )
    if further:
        session.execute(
            insert(further_table),
            [
                {"contact_id": keep.id, "position": position, column: value, "label": tag}
                for position, (value, tag) in enumerate(further, start=1)
            ],
        )


def _merge_tags(session: Session, keep_id: int, other_id: int) -> None:
    """The other's tags the kept card does not have yet (the other's rows go with it)."""
    mine = select(ContactTag.tag_id).where(ContactTag.contact_id == keep_id)
    theirs = select(literal(keep_id), ContactTag.tag_id).where(
        ContactTag.contact_id == other_id, ContactTag.tag_id.not_in(mine)
    )
    session.execute(insert(ContactTag).from_select(["contact_id", "tag_id"], theirs))


__all__ = [
    "BOTH",
    "COMPANY_FIELDS",
    "DISMISSED_KEY",
    "KEEP",
    "OTHER",
    "PERSON_FIELDS",
    "CardSummary",
    "FieldPair",
    "MergeCounts",
    "MergePreview",
    "MergeResult",
    "fields_of",
    "forget_dismissals",
    "merge_contacts",
    "merge_preview",
    "suggested_keep",
]
