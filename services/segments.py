"""Customers by lifecycle segment: every contact's, one contact's, counts, and who moved."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    SQLColumnExpression,
    String,
    case,
    func,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session

from models import Contact, ContactLifecycle
from services.choices import business_settings
from services.contacts import contact_matches
from services.errors import NotFound
from services.lifecycle import SEGMENTS, due_to_reorder, lifecycle_session, segment_of
from services.phones import phone_search_keys
from services.storage import Database
from services.tags import contact_tags, tag_condition

DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class ContactSegment:
    """A contact's segment on a day, with what it was computed from."""

    contact_id: int
    name: str
    phone: str | None  # E.164
    archived: bool
    segment: str  # one of SEGMENTS
    purchases: int  # distinct purchase dates
    cadence_days: Decimal | None  # None without a purchase
    last_purchase: dt.date | None
    days_since_last: int | None
    due_to_reorder: bool
    kind: str = "person"
    company: str | None = None  # the company a person works at
    tags: tuple[str, ...] = ()  # their names, when asked for (contact_list's with_tags)

    @property
    def customer(self) -> bool:
        """A shop's person who has bought nothing of their own is not a customer apart."""
        return self.company is None or self.purchases > 0


def is_customer() -> ColumnElement[bool]:
    """SQL (with ContactLifecycle joined): the contact counts among the customers, in
    segments and their counts: all but a company's people with no purchase of their own
    (the company's orders are the company's)."""
    return or_(Contact.company_id.is_(None), ContactLifecycle.purchases > 0)


# A row of segment_query: id, name, phone, archived, segment, purchases, cadence in half days,
# the last purchase (ISO text on SQLite, a date on PostgreSQL), due to reorder, kind, company
# (the lifecycle's columns NULL for a contact without one yet: an outer join).
SegmentColumns = tuple[
    int,
    str,
    str | None,
    bool,
    str,
    int | None,
    int | None,
    str | dt.date | None,
    bool,
    str,
    int | None,
]


def segment_query(today: dt.date) -> Select[*SegmentColumns]:
    """Every contact with the columns of ContactSegment (and no order: callers add theirs)."""
    lc = ContactLifecycle
    return select(
        Contact.id,
        Contact.name,
        Contact.phone,
        Contact.archived,
        segment_of(today),
        lc.purchases,
        lc.cadence_halves,
        # as its text: SQLAlchemy's own reading of SQLite dates costs more than the query
        # when 50k rows come back (read_segments parses it)
        type_coerce(lc.last_purchase, String),
        due_to_reorder(today),
        Contact.kind,
        Contact.company_id,
    ).outerjoin(lc, lc.contact_id == Contact.id)


def read_segments(
    session: Session, query: Select[*SegmentColumns], today: dt.date, with_tags: bool = False
) -> list[ContactSegment]:
    """Rows of `segment_query` (filtered and ordered by the caller) as ContactSegments, with
    their tags' names when asked."""
    found = []
    parse, halve = dt.date.fromisoformat, {}
    # Core rows: no ORM bookkeeping per row
    rows = session.connection().execute(query).all()
    # the companies' names for the rows read, not joined to every row sorted
    company_ids = {row.company_id for row in rows if row.company_id is not None}
    companies = dict(
        session.connection()
        .execute(select(Contact.id, Contact.name).where(Contact.id.in_(company_ids)))
        .all()
    )
    tags = contact_tags(session, [row.id for row in rows]) if with_tags else {}
    for cid, name, phone, archived, segment, purchases, halves, text, due, kind, works in rows:
        # ISO text on SQLite, already a date on PostgreSQL (whose driver reads dates itself)
        last = parse(text) if isinstance(text, str) else text
        if halves not in halve:
            halve[halves] = None if halves is None else Decimal(halves) / 2
        found.append(
            ContactSegment(
                contact_id=cid,
                name=name,
                phone=phone,
                archived=archived,
                segment=segment,
                purchases=purchases or 0,
                cadence_days=halve[halves],
                last_purchase=last,
                days_since_last=None if last is None else (today - last).days,
                due_to_reorder=bool(due),
                kind=kind,
                company=None if works is None else companies.get(works),
                tags=tuple(tag.name for tag in tags.get(cid, ())),
            )
        )
    return found


def contact_segments(
    database: Database, today: dt.date, include_archived: bool = True
) -> list[ContactSegment]:
    """Every customer's segment on `today`, by name then id (two Igors stay apart)."""
    query = segment_query(today).where(is_customer()).order_by(Contact.name_key, Contact.id)
    if not include_archived:
        query = query.where(Contact.archived.is_(False))
    with lifecycle_session(database, today) as session:
        return read_segments(session, query, today)


def contact_segment(database: Database, contact_id: int, today: dt.date) -> ContactSegment:
    """One contact's segment on `today` (the card's "buys every ~30 days, last 41 days ago")."""
    with lifecycle_session(database, today) as session:
        found = read_segments(session, segment_query(today).where(Contact.id == contact_id), today)
    if not found:
        raise NotFound.of("contact.not_found", contact_id)
    return found[0]


LIST_SORTS = ("name", "phone", "segment")


def contact_list(
    database: Database,
    today: dt.date,
    text: str = "",
    segment: str | None = None,
    sort: str = "name",
    descending: bool = False,
    limit: int | None = 500,
    include_archived: bool = False,
    tag_ids: Sequence[int] = (),
    kind: str | None = None,
    with_tags: bool = False,
) -> list[ContactSegment]:
    """The Contacts list: contacts matching `text` (name, or phone in any form), of one
    segment or all, carrying any of `tag_ids` (none given: whatever their tags), sorted in SQL
    by name, phone or segment (in SEGMENTS' order, then by name); people or companies only
    when `kind` says so; a phone typed in full puts its owner first."""
    if sort not in LIST_SORTS:
        raise ValueError(f"Contacts sort by one of {', '.join(LIST_SORTS)}, not {sort!r}.")
    found = segment_of(today)
    query = segment_query(today)
    if not include_archived:
        query = query.where(Contact.archived.is_(False))
    if segment is not None:
        query = query.where(found == segment)
    if tag_ids:
        query = query.where(tag_condition(tag_ids))
    if kind is not None:
        query = query.where(Contact.kind == kind)
    with lifecycle_session(database, today) as session:
        text = text.strip()
        keys: list[SQLColumnExpression[Any]] = []  # the order of the rows
        if text:
            region = business_settings(session).phone_region
            exact = phone_search_keys(text, region).exact
            query = query.where(contact_matches(text, region))
            if exact:
                keys.append((Contact.phone == exact).desc())
        column = {
            "name": Contact.name_key,
            "phone": Contact.phone,
            "segment": case({code: i for i, code in enumerate(SEGMENTS)}, value=found),
        }[sort]
        keys.append(column.desc() if descending else column.asc())
        keys.extend((Contact.name_key, Contact.id))
        return read_segments(session, query.order_by(*keys).limit(limit), today, with_tags)


def segment_map(session: Session, today: dt.date) -> dict[int, str]:
    """{contact id: segment on `today`} of the contacts not archived (in a lifecycle session)."""
    query = (
        select(Contact.id, segment_of(today))
        .outerjoin(ContactLifecycle, ContactLifecycle.contact_id == Contact.id)
        .where(Contact.archived.is_(False), is_customer())
    )
    return {contact_id: segment for contact_id, segment in session.execute(query)}


def segment_counts(database: Database, today: dt.date) -> dict[str, int]:
    """How many contacts (not archived) are in each segment on `today`, counted in SQL."""
    segment = segment_of(today)
    query = (
        select(segment, func.count())
        .select_from(Contact)
        .outerjoin(ContactLifecycle, ContactLifecycle.contact_id == Contact.id)
        .where(Contact.archived.is_(False), is_customer())
        .group_by(segment)
    )
    with lifecycle_session(database, today) as session:
        return _in_order({code: count for code, count in session.execute(query)})


@dataclass(frozen=True)
class SegmentShift:
    """Contacts (not archived) per segment at the start and the end of a period, and how many
    entered or left each one in between. `start` is the day before the period."""

    start: dt.date
    end: dt.date
    before: Mapping[str, int]
    after: Mapping[str, int]
    moved_in: Mapping[str, int]
    moved_out: Mapping[str, int]

    @property
    def moved(self) -> int:
        """Contacts whose segment at the end is not the one they had at the start."""
        return sum(self.moved_in.values())


def segment_shift(
    database: Database, first_day: dt.date, last_day: dt.date, today: dt.date
) -> SegmentShift:
    """Segments on the eve of `first_day` against those on `last_day` (today, if that is
    sooner: the future has no segments yet)."""
    start, end = first_day - DAY, min(last_day, today)
    with lifecycle_session(database, start) as session:
        before = segment_map(session, start)
    with lifecycle_session(database, end) as session:
        after = segment_map(session, end)
    moved_in: Counter[str] = Counter()
    moved_out: Counter[str] = Counter()
    for contact_id, segment in after.items():
        was = before.get(contact_id, "no_purchases")
        if was != segment:
            moved_in[segment] += 1
            moved_out[was] += 1
    return SegmentShift(
        start=start,
        end=end,
        before=_counted(before),
        after=_counted(after),
        moved_in=_in_order(moved_in),
        moved_out=_in_order(moved_out),
    )


def _counted(segments: Mapping[int, str]) -> dict[str, int]:
    return _in_order(Counter(segments.values()))


def _in_order(counts: Mapping[str, int]) -> dict[str, int]:
    return {segment: counts.get(segment, 0) for segment in SEGMENTS}


__all__ = [
    "LIST_SORTS",
    "ContactSegment",
    "SegmentShift",
    "contact_list",
    "contact_segment",
    "contact_segments",
    "is_customer",
    "read_segments",
    "segment_counts",
    "segment_map",
    "segment_query",
    "segment_shift",
]
