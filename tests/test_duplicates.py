"""The possible-duplicates finder lists exactly the prepared pairs, each once with all its
reasons, and none of the decoys; a dismissed pair is not listed again."""

from __future__ import annotations

import random

import pytest

from models import Contact, ContactEmail, ContactPhone
from services.contacts import ContactInput, create_contact
from services.duplicates import (
    EMAIL,
    NAME_CITY,
    PHONE_DIGIT,
    PHONE_SWAP,
    city_of,
    dismiss_pair,
    possible_duplicates,
)
from services.errors import ValidationError


@pytest.mark.parametrize(
    ("address", "city"),
    [
        ("г. Тверь, ул. Ленина 5", "тверь"),
        ("Тверь, Советская 3", "тверь"),
        ("г.Тверь, пр-т Чайковского, д. 5", "тверь"),
        ("170100, Тверская обл., Тверь, Советская 3", "тверь"),
        ("Россия, Тверь", "тверь"),
        ("Советская 3, ТВЕРЬ", "тверь"),
        ("город Нижний Новгород, ул. Большая Покровская 1", "нижний новгород"),
        ("Московская область, Химки, ул. Мира 1", "химки"),
        ("Санкт-Петербург, Невский пр., 1", "санкт-петербург"),
        ("пос. Лесной", "лесной"),
        ("Орёл, Ленина 1", "орел"),
        ("ул. Ленина, 5", None),
        ("", None),
        (None, None),
    ],
)
def test_the_city_of_an_address(address, city):
    assert city_of(address) == city


def card(db, name, phone=None, email=None, address=None, kind="person", archived=False) -> int:
    contact_id = create_contact(db, ContactInput(name, phone, email, address)).id
    if kind != "person" or archived:
        with db.session() as session:
            row = session.get(Contact, contact_id)
            row.kind, row.archived = kind, archived
            session.commit()
    return contact_id


def further(db, contact_id: int, phone: str | None = None, email: str | None = None) -> None:
    with db.session() as session:
        if phone:
            session.add(ContactPhone(contact_id=contact_id, phone=phone, position=1))
        if email:
            session.add(ContactEmail(contact_id=contact_id, email=email, position=1))
        session.commit()


@pytest.fixture
def cards(db) -> dict[str, int]:
    ids = {
        # same name and city, the city written two ways
        "tver1": card(db, "Ольга Смирнова", address="г. Тверь, ул. Ленина 5"),
        "tver2": card(db, " ольга  смирнова ", address="Тверь, Советская 3"),
        # the same e-mail, one of them a further one, in another case
        "mail1": card(db, "Павел", email="pavel@mail.ru"),
        "mail2": card(db, "Павел Кузнецов"),
        # phones one digit apart, one of them a further phone
        "digit1": card(db, "Сергей", "+7 916 555-12-34"),
        "digit2": card(db, "Сергей Б."),
        # two neighbouring digits swapped
        "swap1": card(db, "Елена", "+7 903 777-45-12"),
        "swap2": card(db, "Лена", "+7 903 777-54-12"),
        # two companies: the same name and city and a phone one digit apart (two reasons)
        "shop1": card(db, "Кожа и стиль", "+7 495 111-22-33", address="г. Тверь", kind="company"),
        "shop2": card(
            db, "Кожа и Стиль", "+7 495 111-22-39", address="Тверь, Трёхсвятская 1", kind="company"
        ),
        # decoys: the same name in another city
        "moscow": card(db, "Ольга Смирнова", address="г. Москва, ул. Лесная 1"),
        # phones two digits apart
        "far": card(db, "Игорь", "+7 916 555-12-99"),
        # archived: its phone is one digit from digit1, its e-mail pavel's
        "archived": card(db, "Сергей", "+7 916 555-12-35", email="PAVEL@mail.ru", archived=True),
        # a person one digit from shop1's phone, with the name and city of shop2
        "person": card(db, "Кожа и стиль", "+7 495 111-22-34", address="г. Тверь"),
        # a swap of digits two apart is not a neighbour swap
        "apart": card(db, "Марина", "+7 903 777-15-42"),
    }
    further(db, ids["mail2"], email="Pavel@Mail.ru")
    further(db, ids["digit2"], phone="+79165551244")
    return ids


def listed(db) -> dict[tuple[int, int], set[str]]:
    return {pair.ids: {r.code for r in pair.reasons} for pair in possible_duplicates(db)}


def test_the_finder_lists_the_prepared_pairs_and_no_others(db, cards):
    c = cards
    assert listed(db) == {
        (c["tver1"], c["tver2"]): {NAME_CITY},
        (c["mail1"], c["mail2"]): {EMAIL},
        (c["digit1"], c["digit2"]): {PHONE_DIGIT},
        (c["swap1"], c["swap2"]): {PHONE_SWAP},
        (c["shop1"], c["shop2"]): {NAME_CITY, PHONE_DIGIT},
    }


def test_a_pair_says_what_matched_on_each_card(db, cards):
    pairs = {pair.ids: pair for pair in possible_duplicates(db)}
    shops = pairs[(cards["shop1"], cards["shop2"])]
    assert pairs and next(iter(pairs)) == shops.ids  # two reasons: listed first
    assert [(r.code, r.first, r.second) for r in shops.reasons] == [
        (NAME_CITY, "тверь", "тверь"),
        (PHONE_DIGIT, "+74951112233", "+74951112239"),
    ]
    assert (shops.first.name, shops.second.name) == ("Кожа и стиль", "Кожа и Стиль")
    assert shops.first.city == "тверь" and shops.first.kind == "company"
    digits = pairs[(cards["digit1"], cards["digit2"])].reasons
    assert [(r.first, r.second) for r in digits] == [("+79165551234", "+79165551244")]
    swap = pairs[(cards["swap1"], cards["swap2"])].reasons
    assert [(r.code, r.first, r.second) for r in swap] == [
        (PHONE_SWAP, "+79037774512", "+79037775412")
    ]
    assert pairs[(cards["mail1"], cards["mail2"])].reasons[0].first.casefold() == "pavel@mail.ru"


def test_a_dismissed_pair_is_not_listed_again(db, cards):
    dismiss_pair(db, cards["swap2"], cards["swap1"])  # either order
    dismiss_pair(db, cards["swap1"], cards["swap2"])  # twice is once
    assert (cards["swap1"], cards["swap2"]) not in listed(db)
    assert len(listed(db)) == 4
    with pytest.raises(ValidationError):
        dismiss_pair(db, cards["swap1"], cards["swap1"])


def test_the_limit_keeps_the_pairs_with_most_reasons(db, cards):
    only = possible_duplicates(db, limit=1)
    assert [pair.ids for pair in only] == [(cards["shop1"], cards["shop2"])]


def test_many_phones_in_a_row_are_found_in_buckets(db):
    """A run of numbers one digit apart (…00 to …19): each pair differing in one digit is
    listed, those differing in two are not."""
    ids = [card(db, f"Клиент {n}", f"+7 916 000-00-{n:02d}") for n in range(20)]
    found = {pair.ids for pair in possible_duplicates(db, limit=1000)}
    expected = set()
    for i, a in enumerate(range(20)):
        for j, b in enumerate(range(20)):
            x, y = f"{a:02d}", f"{b:02d}"
            one_digit = sum(p != q for p, q in zip(x, y, strict=True)) == 1
            swapped = x[::-1] == y and x != y
            if i < j and (one_digit or swapped):
                expected.add((ids[i], ids[j]))
    assert found == expected
    assert (ids[1], ids[10]) in found  # 01 and 10: swapped
    assert (ids[1], ids[2]) in found and (ids[1], ids[12]) not in found


def test_the_buckets_find_what_comparing_every_pair_finds(db):
    """Numbers drawn close together (a few digits over a shared start), main and further
    ones, with extensions: the finder's pairs are exactly those a comparison of every two
    numbers gives, swaps across the parts of a number included."""
    rng = random.Random(16)
    numbers = set()
    while len(numbers) < 300:
        digits = "79161" + "".join(rng.choice("012") for _ in range(6))
        numbers.add(digits + (rng.choice(("", "", "", ";ext=1", ";ext=2"))))
    numbers = sorted(numbers)
    with db.session() as session:
        owners = {}
        for index, number in enumerate(numbers):
            if index % 3 == 2:  # every third number a further phone of the card before
                session.add(ContactPhone(contact_id=owners[numbers[index - 1]], phone="+" + number))
                owners[number] = owners[numbers[index - 1]]
                continue
            card = Contact(name=f"Клиент {index}", phone="+" + number)
            session.add(card)
            session.flush()
            owners[number] = card.id
        session.commit()

    def slip(a: str, b: str) -> str | None:
        (x, _, ext_a), (y, _, ext_b) = a.partition(";"), b.partition(";")
        if ext_a != ext_b or len(x) != len(y):
            return None
        differ = [i for i in range(len(x)) if x[i] != y[i]]
        if len(differ) == 1:
            return PHONE_DIGIT
        i = differ[0] if len(differ) == 2 and differ[1] == differ[0] + 1 else None
        return PHONE_SWAP if i is not None and (x[i], x[i + 1]) == (y[i + 1], y[i]) else None

    expected: dict[tuple[int, int], set[str]] = {}
    for i, a in enumerate(numbers):
        for b in numbers[i + 1 :]:
            kind = slip(a, b)
            pair = tuple(sorted((owners[a], owners[b])))
            if kind and pair[0] != pair[1]:
                expected.setdefault(pair, set()).add(kind)
    assert len(expected) > 50 and any(PHONE_SWAP in k for k in expected.values())
    found = {pair.ids: {r.code for r in pair.reasons} for pair in possible_duplicates(db, 10**6)}
    assert found == expected
