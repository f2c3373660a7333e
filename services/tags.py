"""Tags on contacts and companies: the list with its counts, the checks on a name and a
colour, a contact's tags, and the conditions that filter contacts and orders by them.

A tag is known by its case- and ё-folded name (models.fold): "VIP" and "vip" are one tag.
A contact has any number of tags (contact_tags); filters keep a contact that has ANY of the
chosen ones, and an order whose customer (orders.contact_id) does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, delete, false, func, insert, select
from sqlalchemy.orm import Session

from models import Contact, ContactTag, Order, Tag, fold
from services.errors import NotFound, Problem, ValidationError
from services.storage import Database
from services.uow import UnitOfWork
from services.values import required_name

NAME_MAX = 60  # the tags table's own check (models/people.py)
# Ten colours far enough apart to tell at a glance, each readable with black or white text
# (ui/tags picks which); a new tag takes the next one no tag has yet (new_colours).
PALETTE = (
    "#1976d2",  # blue
    "#388e3c",  # green
    "#d32f2f",  # red
    "#f57c00",  # orange
    "#7b1fa2",  # purple
    "#00838f",  # teal
    "#fbc02d",  # yellow
    "#5d4037",  # brown
    "#ec407a",  # pink
    "#546e7a",  # blue grey
)
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
# SQLite's own bound is 32,766 variables; a page of a grid is far below, an export's batch not.
_IDS_PER_QUERY = 900


@dataclass(frozen=True)
class TagView:
    id: int
    name: str
    colour: str  # "#rrggbb", lower case
    contact_count: int = 0  # contacts carrying it (list_tags); 0 where not counted


@dataclass(frozen=True)
class TagEntry:
    """One row of Settings → Tags as edited: an existing tag (id) or a new one (id None).
    A colour None takes the palette's next one."""

    id: int | None
    name: str
    colour: str | None = None


_NEAR = 64  # RGB distance under which two colours read as the same on a chip


def palette_colour(index: int) -> str:
    """The palette's colour for the tag made when `index` tags exist already (it rotates)."""
    return PALETTE[index % len(PALETTE)]


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _near(one: str, other: str) -> bool:
    return sum((a - b) ** 2 for a, b in zip(_rgb(one), _rgb(other), strict=True)) < _NEAR**2


def new_colours(used: Sequence[str], count: int = 1) -> list[str]:
    """The colours for `count` new tags beside tags of the `used` colours: the palette's ones
    no tag has (nor one close to it), in turn from where the rotation stands; when every one
    is taken, the rotation alone (palette_colour)."""
    taken = [colour.lower() for colour in used if _COLOUR.fullmatch(colour or "")]
    found: list[str] = []
    for _ in range(count):
        index = len(taken)
        start = index % len(PALETTE)
        turn = PALETTE[start:] + PALETTE[:start]
        colour = next((c for c in turn if not any(_near(c, t) for t in taken)), None)
        found.append(colour or palette_colour(index))
        taken.append(found[-1])
    return found


def _next_colour(session: Session) -> str:
    return new_colours(list(session.scalars(select(Tag.colour))))[0]


def check_colour(typed: str | None, field: str = "colour", line: int | None = None) -> str:
    """`#RRGGBB` or `#rrggbb` (spaces around forgiven) as stored: lower case."""
    text = (typed or "").strip()
    if not _COLOUR.fullmatch(text):
        raise ValidationError.of(field, "tag.colour_invalid", typed or "", line=line)
    return text.lower()


def check_name(typed: str | None, field: str = "name", line: int | None = None) -> str:
    """A tag's name, trimmed: something visible, at most NAME_MAX characters."""
    return required_name(typed, field, "Tag", NAME_MAX, line=line)


def _view(tag: Tag, count: int = 0) -> TagView:
    return TagView(tag.id, tag.name, tag.colour, count)


def _taken_by(session: Session, name: str, tag_id: int | None = None) -> Tag | None:
    """The other tag already called `name` (case and ё aside), if any."""
    query = select(Tag).where(Tag.name_key == fold(name))
    if tag_id is not None:
        query = query.where(Tag.id != tag_id)
    return session.scalar(query)


def _checked(
    session: Session, name: str | None, colour: str | None, tag_id: int | None = None
) -> tuple[str, str | None]:
    """The clean name and colour (None: to be picked), or every problem with them."""
    problems: list[Problem] = []
    clean_name = clean_colour = None
    try:
        clean_name = check_name(name)
    except ValidationError as error:
        problems.extend(error.problems)
    if colour is not None:
        try:
            clean_colour = check_colour(colour)
        except ValidationError as error:
            problems.extend(error.problems)
    if clean_name is not None:
        other = _taken_by(session, clean_name, tag_id)
        if other is not None:
            problems.append(Problem.of("name", "tag.taken", other.name))
    if problems:
        raise ValidationError(problems)
    assert clean_name is not None
    return clean_name, clean_colour


def list_tags(database: Database) -> list[TagView]:
    """Every tag with how many contacts carry it (archived ones too), by name."""
    query = (
        select(Tag.id, Tag.name, Tag.colour, func.count(ContactTag.contact_id))
        .outerjoin(ContactTag, ContactTag.tag_id == Tag.id)
        .group_by(Tag.id)
        .order_by(Tag.name_key, Tag.id)
    )
    with database.session() as session:
        return [TagView(*row) for row in session.execute(query)]


def create_tag(database: Database, name: str, colour: str | None = None) -> TagView:
    """A new tag; without a colour it takes the palette's next one no tag has (new_colours)."""
    with UnitOfWork(database) as uow:
        clean_name, clean_colour = _checked(uow.session, name, colour)
        tag = Tag(
            name=clean_name,
            name_key=fold(clean_name),
            colour=clean_colour or _next_colour(uow.session),
        )
        uow.session.add(tag)
        uow.session.flush()
        view = _view(tag)
        uow.name("tag.created", tag.name)
        uow.commit()
    return view


def update_tag(database: Database, tag_id: int, name: str, colour: str | None = None) -> TagView:
    """Rename a tag and change its colour (None keeps it); its contacts keep it."""
    with UnitOfWork(database) as uow:
        tag = uow.session.get(Tag, tag_id)
        if tag is None:
            raise NotFound.of("tag.not_found", tag_id)
        clean_name, clean_colour = _checked(uow.session, name, colour, tag_id)
        tag.name, tag.name_key = clean_name, fold(clean_name)
        if clean_colour is not None:
            tag.colour = clean_colour
        uow.session.flush()
        count = _carried(uow.session, tag_id)
        view = _view(tag, count)
        uow.name("tag.saved", tag.name)
        uow.commit()
    return view


def _carried(session: Session, tag_id: int) -> int:
    query = select(func.count()).select_from(ContactTag).where(ContactTag.tag_id == tag_id)
    return session.scalar(query) or 0


def delete_tag(database: Database, tag_id: int) -> None:
    """Remove a tag, and with it from every contact that carried it (nothing else changes)."""
    with UnitOfWork(database) as uow:
        tag = uow.session.get(Tag, tag_id)
        if tag is None:
            raise NotFound.of("tag.not_found", tag_id)
        uow.name("tag.deleted", tag.name)
        _delete(uow.session, [tag_id])
        uow.commit()


def _delete(session: Session, tag_ids: Sequence[int]) -> None:
    session.execute(delete(ContactTag).where(ContactTag.tag_id.in_(tag_ids)))
    session.execute(delete(Tag).where(Tag.id.in_(tag_ids)))


def save_tags(database: Database, entries: Sequence[TagEntry], deleted: Iterable[int]) -> None:
    """Settings → Tags in one transaction: the `deleted` tags go (from their contacts too),
    the listed ones are renamed and recoloured, the new ones added. Every problem is said
    with its row (1-based); nothing is written while there is one. A tag neither listed nor
    deleted (made on a card meanwhile) stays as it is."""
    gone = set(deleted)
    with UnitOfWork(database) as uow:
        session = uow.session
        stored = {tag.id: tag for tag in session.scalars(select(Tag))}
        listed = {entry.id for entry in entries if entry.id is not None}
        problems, clean = _entry_problems(entries, stored, listed | gone)
        if problems:
            raise ValidationError(problems)
        _delete(session, [tag_id for tag_id in gone if tag_id in stored])
        # name_key is UNIQUE and SQLite checks each UPDATE: swapping two names needs a detour
        # (a control character, which no typed name can hold).
        renamed = [
            i for e in clean if (i := e.id) is not None and stored[i].name_key != fold(e.name)
        ]
        for tag_id in renamed:
            stored[tag_id].name_key = f"\x01{tag_id}"
        session.flush()
        # the colours the tags will have, for the new ones to keep clear of
        used = [t.colour for i, t in stored.items() if i not in gone and i not in listed]
        used += [e.colour or stored[e.id].colour for e in clean if e.id is not None]
        used += [e.colour for e in clean if e.id is None and e.colour is not None]
        for entry in clean:
            if entry.id is None:
                colour = entry.colour or new_colours(used)[0]
                session.add(Tag(name=entry.name, name_key=fold(entry.name), colour=colour))
                used.append(colour)
            else:
                tag = stored[entry.id]
                tag.name, tag.name_key = entry.name, fold(entry.name)
                if entry.colour is not None:
                    tag.colour = entry.colour
        uow.name("tag.list_saved")
        uow.commit()


def _entry_problems(
    entries: Sequence[TagEntry], stored: dict[int, Tag], accounted: set[int]
) -> tuple[list[Problem], list[TagEntry]]:
    """Every problem of the rows, and the rows with their name and colour clean."""
    problems: list[Problem] = []
    clean: list[TagEntry] = []
    # a tag the page did not list (made on a card meanwhile) keeps its name
    kept = {tag.name_key: tag.name for i, tag in stored.items() if i not in accounted}
    seen: dict[str, str] = {}
    for line, entry in enumerate(entries, start=1):
        if entry.id is not None and entry.id not in stored:
            problems.append(Problem.of("id", "tag.not_found", entry.id, line=line))
        name = colour = None
        try:
            name = check_name(entry.name, line=line)
        except ValidationError as error:
            problems.extend(error.problems)
        if entry.colour is not None:
            try:
                colour = check_colour(entry.colour, line=line)
            except ValidationError as error:
                problems.extend(error.problems)
        if name is not None:
            key = fold(name)
            if key in seen or key in kept:
                other = seen.get(key) or kept[key]
                problems.append(Problem.of("name", "tag.taken", other, line=line))
            seen.setdefault(key, name)
            clean.append(TagEntry(entry.id, name, colour))
    return problems, clean


def set_contact_tags(session: Session, contact_id: int, tag_ids: Iterable[int]) -> None:
    """Give a contact exactly these tags (in the caller's transaction: the contact card saves
    its tags with the rest). An unknown tag id is refused ("tags", tag.not_found) before
    anything changes; the contact must exist (flushed, when new)."""
    wanted = list(dict.fromkeys(tag_ids))
    if session.get(Contact, contact_id) is None:
        raise NotFound.of("contact.not_found", contact_id)
    existing = set(session.scalars(select(Tag.id).where(Tag.id.in_(wanted)))) if wanted else set()
    missing = [tag_id for tag_id in wanted if tag_id not in existing]
    if missing:
        raise ValidationError([Problem.of("tags", "tag.not_found", i) for i in missing])
    carried = set(
        session.scalars(select(ContactTag.tag_id).where(ContactTag.contact_id == contact_id))
    )
    dropped = carried - set(wanted)
    if dropped:
        session.execute(
            delete(ContactTag).where(
                ContactTag.contact_id == contact_id, ContactTag.tag_id.in_(dropped)
            )
        )
    added = [{"contact_id": contact_id, "tag_id": i} for i in wanted if i not in carried]
    if added:
        session.execute(insert(ContactTag), added)


def contact_tags(session: Session, contact_ids: Iterable[int]) -> dict[int, list[TagView]]:
    """Each contact's tags by name, for a grid's page or a card: one query per 900 contacts,
    never one per contact. Every contact asked for is a key (an empty list: no tags)."""
    ids = list(dict.fromkeys(contact_ids))
    found: dict[int, list[TagView]] = {contact_id: [] for contact_id in ids}
    views: dict[int, TagView] = {}
    for start in range(0, len(ids), _IDS_PER_QUERY):
        chunk = ids[start : start + _IDS_PER_QUERY]
        query = (
            select(ContactTag.contact_id, Tag.id, Tag.name, Tag.colour)
            .join(Tag, Tag.id == ContactTag.tag_id)
            .where(ContactTag.contact_id.in_(chunk))
            .order_by(Tag.name_key, Tag.id)
        )
        for contact_id, tag_id, name, colour in session.execute(query):
            view = views.get(tag_id)
            if view is None:
                view = views[tag_id] = TagView(tag_id, name, colour)
            found[contact_id].append(view)
    return found


def _tagged(tag_ids: Sequence[int]) -> Select[int]:
    """The ids of the contacts carrying any of the tags, read off ix_contact_tags_tag."""
    return select(ContactTag.contact_id).where(ContactTag.tag_id.in_(list(tag_ids)))


def tag_condition(tag_ids: Sequence[int]) -> ColumnElement[bool]:
    """On Contact: the contact carries ANY of the tags. No tags: no contact (callers leave the
    condition out to mean "all tags")."""
    if not tag_ids:
        return false()
    return Contact.id.in_(_tagged(tag_ids))


def order_tag_condition(tag_ids: Sequence[int], by_customer: bool = True) -> ColumnElement[bool]:
    """On Order: the order's customer (orders.contact_id) carries ANY of the tags.

    `by_customer=False` says the same in a way SQLite cannot answer through the orders'
    index on their customer (`contact_id + 0`): for a query better served by walking another
    index of orders in its order and testing each one (a grid's page, sorted by date, of the
    orders of a tag many customers carry) than by sorting every order of those customers."""
    if not tag_ids:
        return false()
    customer = Order.contact_id if by_customer else Order.contact_id + 0
    return customer.in_(_tagged(tag_ids))


def tagged_share(session: Session, tag_ids: Sequence[int]) -> float:
    """About how many of the contacts carry any of the tags, as a fraction (their count over
    the highest contact id: no count of every contact)."""
    if not tag_ids:
        return 0.0
    carried = select(func.count(func.distinct(ContactTag.contact_id))).where(
        ContactTag.tag_id.in_(list(tag_ids))
    )
    tagged = session.scalar(carried) or 0
    highest = session.scalar(select(func.max(Contact.id))) or 0
    return tagged / highest if highest else 0.0


def find_or_create_tags(
    session: Session, names: Iterable[str], field: str = "tags"
) -> list[TagView]:
    """The tags called so (case and ё aside), made with the palette's next colours when new,
    in the order given, each once: for a name typed on a card, or a column of an import. In
    the caller's transaction; a blank or too long name is refused naming `field`."""
    problems: list[Problem] = []
    wanted: dict[str, str] = {}
    for typed in names:
        try:
            name = check_name(typed, field)
        except ValidationError as error:
            problems.extend(error.problems)
            continue
        wanted.setdefault(fold(name), name)
    if problems:
        raise ValidationError(problems)
    if not wanted:
        return []
    known = {
        tag.name_key: tag for tag in session.scalars(select(Tag).where(Tag.name_key.in_(wanted)))
    }
    used = list(session.scalars(select(Tag.colour)))
    found: list[TagView] = []
    for key, name in wanted.items():
        tag = known.get(key)
        if tag is None:
            tag = Tag(name=name, name_key=key, colour=new_colours(used)[0])
            session.add(tag)
            session.flush()
            used.append(tag.colour)
        found.append(_view(tag))
    return found


__all__ = [
    "NAME_MAX",
    "PALETTE",
    "TagEntry",
    "TagView",
    "check_colour",
    "check_name",
    "contact_tags",
    "create_tag",
    "delete_tag",
    "find_or_create_tags",
    "list_tags",
    "new_colours",
    "order_tag_condition",
    "palette_colour",
    "save_tags",
    "set_contact_tags",
    "tag_condition",
    "tagged_share",
    "update_tag",
]
