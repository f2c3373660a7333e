"""Possible duplicates: pairs of cards that may be one customer twice, for a person to review.

Two cards of the same kind (two people or two companies), neither archived, are a pair when
they have
- the same name and the same city: names compared case- and ё-insensitively with the spaces
  trimmed and collapsed, the city read from the address by `city_of`;
- the same e-mail, main or further, in any case;
- phones (main or further) that differ as a slip of the finger does: the same number of
  digits with exactly one digit different, or two neighbouring digits swapped; an extension
  must be the same.

A pair is listed once with all its reasons. Phones are compared in buckets, never all pairs
(see `_phone_slips`): a number's digits are cut in four parts, and only numbers equal in all
parts but one are compared.

"Not duplicates" is remembered in the settings table (key `duplicates_dismissed`, a JSON
list of [smaller id, larger id]); a dismissed pair is not listed again. A merge forgets the
pairs of the card it removes (services/merge.py).
"""

from __future__ import annotations

import heapq
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, pairwise

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import Contact, ContactEmail, ContactPhone, Order, Setting, fold
from services.errors import ValidationError
from services.merge import DISMISSED_KEY
from services.storage import Database
from services.uow import UnitOfWork

NAME_CITY, EMAIL, PHONE_DIGIT, PHONE_SWAP = "name_city", "email", "phone_digit", "phone_swap"
REASONS = (NAME_CITY, EMAIL, PHONE_DIGIT, PHONE_SWAP)
# A number's digits are cut in this many parts to be compared (see _phone_slips): four leave
# a bucket key of some 8 digits of 11, which only near numbers share.
PARTS = 4

# What may stand before a settlement's name ("г. Тверь", "город Тверь", "пос. Лесной").
_CITY_MARK = re.compile(
    r"^(?:г|гор|город|пгт|пос|посёлок|поселок|с|село|д|дер|деревня)(?:\.\s*|\s+)(?=\S)"
)
# Parts of an address that are not the settlement: regions, districts, countries, streets,
# houses. Compared with the beginning or the end of a part (folded, ё as е).
_NOT_CITY_WORDS = (
    "обл", "область", "край", "респ", "республика", "р-н", "район", "ао", "округ",
    "россия", "рф", "ул", "улица", "пр", "пр-т", "просп", "проспект", "пер", "переулок",
    "ш", "шоссе", "наб", "набережная", "пл", "площадь", "б-р", "бульвар", "мкр", "микрорайон",
    "д", "дом", "кв", "квартира", "корп", "корпус", "стр", "строение", "офис", "оф", "тц",
    "тупик", "проезд", "аллея", "линия",
)  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@dataclass(frozen=True)
class DuplicateCard:
    """What the list shows of each card."""

    id: int
    name: str
    kind: str
    phone: str | None  # E.164, the main one
    email: str | None  # the main one
    address: str | None
    city: str | None  # as city_of reads it from the address (folded)
    orders: int


@dataclass(frozen=True)
class DuplicateReason:
    """Why two cards look like one: its code (REASONS) and what matched on each card (the
    city, the e-mail, or each card's phone in E.164)."""

    code: str
    first: str
    second: str


@dataclass(frozen=True)
class DuplicatePair:
    first: DuplicateCard  # the smaller id
    second: DuplicateCard
    reasons: tuple[DuplicateReason, ...] = field(default_factory=tuple)

    @property
    def ids(self) -> tuple[int, int]:
        return self.first.id, self.second.id


def city_of(address: str | None) -> str | None:
    """The settlement an address names, folded (case, ё as е), or None.

    The rule: the address is cut at its commas. A part that starts with a settlement mark
    ("г.", "г ", "город", "пгт", "пос.", "с.", "д.", "дер.") names it: "г. Тверь, ул. Ленина
    5" → "тверь". Else the first part made of words only (letters and hyphens, no digits)
    that is not a region, a district, the country or a street ("обл.", "край", "р-н",
    "Россия", "ул.", "пр-т" …) is taken: "Тверь, Советская 3" → "тверь", "Тверская обл.,
    Тверь, Советская 3" → "тверь", "Советская 3, Тверь" → "тверь". A postcode is skipped.
    """
    if not address:
        return None
    parts = [" ".join(fold(part).split()) for part in address.split(",")]
    for part in parts:
        marked = _CITY_MARK.match(part)
        if marked and not re.search(r"\d", part):
            return _settlement(part[marked.end() :])
    for part in parts:
        if not part or re.search(r"\d", part):
            continue
        words = [w for w in re.split(r"[\s.]+", part) if w]
        if not words or not all(_WORD.fullmatch(word) for word in words):
            continue
        if words[0] in _NOT_CITY_WORDS or words[-1] in _NOT_CITY_WORDS:
            continue
        return " ".join(words)
    return None


def _settlement(text: str) -> str | None:
    words = [w for w in re.split(r"[\s.]+", text) if w]
    return " ".join(words) or None


def possible_duplicates(database: Database, limit: int = 200) -> list[DuplicatePair]:
    """Pairs of cards that may be one customer, those with most reasons first, then by name;
    at most `limit`. Pairs the person dismissed are left out."""
    with database.session() as session:
        cards = _cards(session)
        found: dict[tuple[int, int], set[tuple[str, str, str]]] = defaultdict(set)
        for (a, b), (code, mine, theirs) in chain(
            _same_name_and_city(cards), _same_email(session, cards), _phone_slips(session, cards)
        ):
            if a == b or cards[a].kind != cards[b].kind:
                continue
            if a > b:
                a, b, mine, theirs = b, a, theirs, mine
            found[(a, b)].add((code, mine, theirs))
        for pair in dismissed(session):
            found.pop(pair, None)
        chosen = heapq.nsmallest(
            limit, found, key=lambda key: (-len(found[key]), cards[key[0]].key, key)
        )
        orders = _order_counts(session, {i for key in chosen for i in key})
    return [
        DuplicatePair(
            _card(cards[a], orders),
            _card(cards[b], orders),
            tuple(
                DuplicateReason(*reason)
                for reason in sorted(found[(a, b)], key=lambda r: (REASONS.index(r[0]), r))
            ),
        )
        for a, b in chosen
    ]


def dismiss_pair(database: Database, first_id: int, second_id: int) -> None:
    """Remember that the two cards are not duplicates: the pair is not listed again."""
    if first_id == second_id:
        raise ValidationError.of("merge", "merge.same_contact")
    pair = (min(first_id, second_id), max(first_id, second_id))
    with UnitOfWork(database) as uow:
        known = dismissed(uow.session)
        if pair not in known:
            _store(uow.session, [*sorted(known), pair])
        uow.commit()


def dismissed(session: Session) -> set[tuple[int, int]]:
    """The pairs the person said are not duplicates, as (smaller id, larger id)."""
    row = session.get(Setting, DISMISSED_KEY)
    if row is None:
        return set()
    try:
        stored = json.loads(row.value)
    except ValueError:
        return set()  # edited by hand into nonsense: as if nothing was dismissed
    pairs = set()
    for item in stored if isinstance(stored, list) else ():
        if isinstance(item, list) and len(item) == 2 and all(isinstance(i, int) for i in item):
            pairs.add((min(item), max(item)))
    return pairs


def _store(session: Session, pairs: Iterable[tuple[int, int]]) -> None:
    text = json.dumps([list(pair) for pair in pairs])
    row = session.get(Setting, DISMISSED_KEY)
    if row is None:
        session.add(Setting(key=DISMISSED_KEY, value=text))
    else:
        row.value = text


@dataclass(frozen=True)
class _Card:
    id: int
    name: str
    kind: str
    phone: str | None
    email: str | None
    address: str | None
    key: str  # the name compared: folded, the spaces trimmed and collapsed


def _cards(session: Session) -> dict[int, _Card]:
    """Every card that may be a duplicate: not archived. Read as plain rows (50k of them)."""
    c = Contact.__table__.c
    query = select(c.id, c.name, c.kind, c.phone, c.email, c.address, c.name_key).where(
        c.archived.is_(False)
    )
    # name_key is the name folded (models.fold) by whoever wrote it
    return {
        row[0]: _Card(*row[:6], key=" ".join(row[6].split()))
        for row in session.connection().execute(query)
    }


def _card(card: _Card, orders: dict[int, int]) -> DuplicateCard:
    return DuplicateCard(
        id=card.id,
        name=card.name,
        kind=card.kind,
        phone=card.phone,
        email=card.email,
        address=card.address,
        city=city_of(card.address),
        orders=orders.get(card.id, 0),
    )


def _order_counts(session: Session, ids: set[int]) -> dict[int, int]:
    if not ids:
        return {}
    query = (
        select(Order.contact_id, func.count())
        .where(Order.contact_id.in_(ids))
        .group_by(Order.contact_id)
    )
    return {contact_id: n for contact_id, n in session.execute(query)}


def _pairs_within(ids: list[int]) -> Iterator[tuple[int, int]]:
    unique = sorted(set(ids))
    for index, a in enumerate(unique):
        for b in unique[index + 1 :]:
            yield a, b


# Two cards (by id) and why they may be one: (code, what the first has, what the second has).
_Match = tuple[tuple[int, int], tuple[str, str, str]]


def _same_name_and_city(cards: dict[int, _Card]) -> Iterator[_Match]:
    """The cards of one kind and name, grouped by city (read only for names met twice)."""
    names: dict[tuple[str, str], list[_Card]] = defaultdict(list)
    for card in cards.values():
        if card.address:
            names[(card.kind, card.key)].append(card)
    cities: dict[str | None, str | None] = {}  # address → its city
    for same_name in names.values():
        if len(same_name) < 2:
            continue
        by_city: dict[str, list[int]] = defaultdict(list)
        for card in same_name:
            if card.address not in cities:
                cities[card.address] = city_of(card.address)
            city = cities[card.address]
            if city is not None:
                by_city[city].append(card.id)
        for city, ids in by_city.items():
            for pair in _pairs_within(ids):
                yield pair, (NAME_CITY, city, city)


def _same_email(session: Session, cards: dict[int, _Card]) -> Iterator[_Match]:
    owned: list[tuple[int, str]] = [(c.id, c.email) for c in cards.values() if c.email]
    further = select(ContactEmail.contact_id, ContactEmail.email)
    owned += [(cid, email) for cid, email in session.execute(further) if cid in cards]
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    shown: dict[tuple[str, str], str] = {}
    for contact_id, email in owned:
        key = (cards[contact_id].kind, email.strip().casefold())
        groups[key].append(contact_id)
        shown.setdefault(key, email.strip())
    for key, ids in groups.items():
        if len(ids) > 1:
            for pair in _pairs_within(ids):
                yield pair, (EMAIL, shown[key], shown[key])


def _phone_slips(session: Session, cards: dict[int, _Card]) -> Iterator[_Match]:
    """Pairs whose phones differ in one digit, or by two neighbouring digits swapped.

    A number is stored once in the whole base (models/search.py), so a phone names its card.
    Its digits are cut in PARTS parts; two numbers one slip apart differ in one part only, so
    each number goes into one bucket per part, keyed by the number without that part (and by
    the part's place and the extension), and only numbers that share a bucket are compared.
    A swap across two parts is looked up directly."""
    owner = {c.phone: c.id for c in cards.values() if c.phone}
    further = select(ContactPhone.contact_id, ContactPhone.phone)
    owner.update((phone, cid) for cid, phone in session.execute(further) if cid in cards)
    first: dict[tuple[int, int, str, str], str] = {}
    met: dict[tuple[int, int, str, str], list[str]] = {}
    for phone in owner:
        end = phone.find(";")
        end = len(phone) if end < 0 else end  # the digits are phone[1:end], after the "+"
        for low, high in _parts(end):
            key = (low, high, phone[:low], phone[high:])  # the extension is in the tail
            seen = first.setdefault(key, phone)
            if seen is not phone:
                met.setdefault(key, [seen]).append(phone)
            # a swap of the last digit of a part with the first of the next, each pair once:
            # from the number whose two digits stand in ascending order
            if high < end and phone[high - 1] < phone[high]:
                swapped = f"{phone[: high - 1]}{phone[high]}{phone[high - 1]}{phone[high + 1 :]}"
                if swapped in owner:
                    yield (owner[phone], owner[swapped]), (PHONE_SWAP, phone, swapped)
    for (low, high, _head, _tail), phones in met.items():
        for index, phone_a in enumerate(phones):
            for phone_b in phones[index + 1 :]:
                slip = _slip(phone_a, phone_b, low, high)
                if slip is not None:
                    yield (owner[phone_a], owner[phone_b]), (slip, phone_a, phone_b)


def _parts(end: int) -> list[tuple[int, int]]:
    """The PARTS parts of the digits phone[1:end], as (start, end)."""
    bounds = [1 + (end - 1) * part // PARTS for part in range(PARTS + 1)]
    return list(pairwise(bounds))


def _slip(a: str, b: str, low: int, high: int) -> str | None:
    """How two numbers equal outside a[low:high] differ there: one digit, two neighbours
    swapped, or more (None)."""
    differ = [i for i in range(low, high) if a[i] != b[i]]
    if len(differ) == 1:
        return PHONE_DIGIT
    if len(differ) == 2 and differ[1] == differ[0] + 1:
        i = differ[0]
        if a[i] == b[i + 1] and a[i + 1] == b[i]:
            return PHONE_SWAP
    return None


__all__ = [
    "EMAIL",
    "NAME_CITY",
    "PHONE_DIGIT",
    "PHONE_SWAP",
    "REASONS",
    "DuplicateCard",
    "DuplicatePair",
    "DuplicateReason",
    "city_of",
    "dismiss_pair",
    "dismissed",
    "possible_duplicates",
]
