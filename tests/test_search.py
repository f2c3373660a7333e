"""Search for everything: the index (SQLite's FTS5, PostgreSQL's tsvector) finds contacts and
companies by any of their words, phones in any form, e-mails, addresses and notes, orders by
number and comment, products by name and SKU; the triggers keep it right; nothing typed breaks
the query."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import delete, select, text, update

from models import Contact, ContactEmail, ContactPhone, Order
from services.contacts import ContactInput, create_contact, set_archived, update_contact
from services.orders import LineInput, OrderInput, delete_order, save_order
from services.products import ProductInput, create_product, update_product
from services.search import (
    COMPANY,
    ORDER,
    PERSON,
    PRODUCT,
    contact_condition,
    fts_query,
    search_everything,
    tsquery,
)
from services.uow import UnitOfWork
from tests.conftest import TODAY, status_id

HOSTILE = (
    '"', "'", "*", "**", "^", ":", "-", "+", "(", ")", "()", "{", "}", "AND", "OR", "NOT",
    "NEAR", "NEAR(", "NEAR(a b)", 'a"b', '"ков', "ков*", "title:ков", "{title}: ков",
    "phones : 916", "ко AND", "AND ко", "ко OR ив", "NOT ко", "ко -ив", "^ко", "ко\\", "\x00",
    "ко" * 200, "ко " * 100, "%", "_", "ко%", "🙂", "ё", "Ё",
)  # fmt: skip


def names(hits) -> list[str]:
    return [hit.title for hit in hits]


def found_contacts(db, text: str) -> set[int]:
    with db.session() as session:
        return set(session.scalars(select(Contact.id).where(contact_condition(text, "RU"))))


def run(db, statement) -> None:
    with UnitOfWork(db) as uow:
        uow.session.execute(statement)
        uow.commit()


@pytest.fixture
def people(db):
    """Ковалёв (Тверь, two phones, two e-mails), a shop with its buyer, and Anna (archived)."""
    kovalev = create_contact(
        db,
        ContactInput(
            "Ковалёв Пётр",
            "+7 916 123-45-67",
            "petr@kovalev.ru",
            "г. Тверь, ул. Советская, д. 5",
            "Просил звонить после обеда",
        ),
    ).id
    shop = create_contact(db, ContactInput("Кожа и стиль", "+7 495 765-43-21")).id
    buyer = create_contact(db, ContactInput("Ольга Смирнова", "+7 903 555-01-02")).id
    anna = create_contact(db, ContactInput("Анна Ковалёва", "+7 903 111-22-33")).id
    with UnitOfWork(db) as uow:
        session = uow.session
        session.execute(
            update(Contact)
            .where(Contact.id == shop)
            .values(kind="company", legal_name="ООО «Кожа и стиль»", tax_id="7707083893")
        )
        session.execute(
            update(Contact)
            .where(Contact.id == buyer)
            .values(company_id=shop, job_title="Закупщица")
        )
        session.add(ContactPhone(contact_id=kovalev, position=1, phone="+79261112233"))
        session.add(ContactEmail(contact_id=kovalev, position=1, email="sklad@kovalev.ru"))
        uow.commit()
    set_archived(db, anna)
    return {"kovalev": kovalev, "shop": shop, "buyer": buyer, "anna": anna}


@pytest.fixture
def trade(db, people):
    """Two products and two orders of Ковалёв, one with a comment."""
    wallet = create_product(db, ProductInput("Кошелёк Classic", "CL-1042", "1000", "600")).id
    belt = create_product(db, ProductInput("Ремень Slim", "BT-7", "800", "300")).id
    completed = status_id(db, "completed")
    commented = save_order(
        db,
        OrderInput(
            people["kovalev"],
            dt.date(2026, 6, 1),
            completed,
            comment="Упаковать в подарочную коробку",
            lines=(LineInput(wallet, 2), LineInput(belt, 1, "750")),
        ),
        today=TODAY,
    ).id
    plain = save_order(
        db,
        OrderInput(people["kovalev"], dt.date(2026, 6, 2), completed, lines=(LineInput(belt, 1),)),
        today=TODAY,
    ).id
    return {"wallet": wallet, "belt": belt, "commented": commented, "plain": plain}


def test_a_city_in_the_address_finds_the_contact_and_says_where(db, people):
    results = search_everything(db, "Тверь")
    assert names(results.people) == ["Ковалёв Пётр"]
    assert results.people[0].kind == PERSON and results.people[0].id == people["kovalev"]
    # why it was found: the address, after the phone and the e-mail
    assert results.people[0].detail == (
        "+7 916 123-45-67 · petr@kovalev.ru · г. Тверь, ул. Советская, д. 5"
    )
    assert found_contacts(db, "тверь") == {people["kovalev"]}


def test_e_without_dots_finds_yo_and_any_case(db, people):
    assert names(search_everything(db, "ковалев").people) == ["Ковалёв Пётр", "Анна Ковалёва"]
    assert names(search_everything(db, "КОВАЛЁВ").people) == ["Ковалёв Пётр", "Анна Ковалёва"]
    assert found_contacts(db, "ковалев петр") == {people["kovalev"]}


def test_archived_contacts_are_found_marked_and_listed_last(db, people):
    hits = search_everything(db, "Анна ковал").people
    assert [(h.title, h.archived) for h in hits] == [("Анна Ковалёва", True)]
    # a name beginning with the typed word comes first; the archived Anna after Пётр
    people_found = search_everything(db, "ковал").people
    assert [h.archived for h in people_found] == [False, True]


def test_a_phone_typed_the_national_way_finds_the_stored_number(db, people):
    assert fts_query("8 916 123", "RU") == (
        'phones : "8916123"* OR phones : "n7916123"* OR {title body} : "8 916 123"*'
    )
    results = search_everything(db, "8 916 123")
    assert names(results.people) == ["Ковалёв Пётр"]
    assert results.people[0].detail.startswith("+7 916 123-45-67")
    assert found_contacts(db, "8 916 123") == {people["kovalev"]}
    assert found_contacts(db, "+7 (916) 123-45-67") == {people["kovalev"]}
    assert found_contacts(db, "89161234567") == {people["kovalev"]}


def test_postgresql_asks_what_fts5_asks():
    # prefix `:*`, the column as its weight (title A, phones B, body C), a phrase as `<->`
    assert tsquery("8 916 123", "RU") == (
        "'8916123':*B | 'n7916123':*B | '8':AC <-> '916':AC <-> '123':*AC"
    )
    assert tsquery("Ковалёв г.Тве", "RU") == "'ковалев':* & 'г' <-> 'тве':*"
    assert tsquery("Иван 123_45", "RU") == "'иван':* & ('123':AC <-> '45':*AC | '12345':*B)"
    assert fts_query("Иван 123_45", "RU") == (
        '"иван"* AND ({title body} : "123 45"* OR phones : "12345"*)'
    )
    assert tsquery("José", "RU") == "'jose':*"  # the marks dropped, as the index drops them
    assert tsquery("", "RU") is None


def test_punctuation_parts_words_whatever_it_parts(db):
    # PostgreSQL's own parser would keep a link, a host or a decimal whole, as one word
    note = "Заказывает через http://shop.ru/item/42, ремень 1.5 м; José Müller, Zürich"
    sergey = create_contact(db, ContactInput("Сергей", None, None, None, note)).id
    for typed in ("shop.ru/item", "item/42", "ru", "1.5", "42", "http"):
        assert found_contacts(db, typed) == {sergey}, typed
    assert found_contacts(db, "shop.ru/item/43") == set()
    assert found_contacts(db, "1.6") == set()
    # Latin letters are found without their marks, and with them, in any case
    for typed in ("jose muller", "JOSÉ MÜLL", "zurich", "Zürich"):
        assert found_contacts(db, typed) == {sergey}, typed
    assert [h.id for h in search_everything(db, "muller").people] == [sergey]


def test_the_index_finds_through_its_own_index(db, people):
    """The search reads the index's index (FTS5's, or the words' GIN), never every document
    (a small table would be read whole by PostgreSQL's planner: it is told not to)."""
    statement = select(Contact.id).where(contact_condition("ковал 916", "RU"))
    with db.engine.connect() as connection:
        on_postgresql = connection.dialect.name == "postgresql"
        sql = str(statement.compile(connection, compile_kwargs={"literal_binds": True}))
        if on_postgresql:
            connection.execute(text("SET LOCAL enable_seqscan = off"))
        explain = "EXPLAIN" if on_postgresql else "EXPLAIN QUERY PLAN"
        plan = " ".join(str(row[-1]) for row in connection.exec_driver_sql(f"{explain} {sql}"))
    if on_postgresql:
        assert "ix_search_index_words" in plan and "Seq Scan on search_index" not in plan, plan
    else:
        assert "VIRTUAL TABLE INDEX" in plan, plan


def test_the_middle_digits_of_a_phone_find_it(db, people):
    assert found_contacts(db, "123-45") == {people["kovalev"]}
    assert found_contacts(db, "765-43") == {people["shop"]}
    assert found_contacts(db, "555 01") == {people["buyer"]}
    assert found_contacts(db, "12") == set()  # two digits are not a number to look for


def test_a_further_phone_is_found_and_shown(db, people):
    assert found_contacts(db, "8 926 111") == {people["kovalev"]}
    hit = search_everything(db, "926 111-22").people[0]
    assert hit.id == people["kovalev"]
    assert hit.detail.startswith("+7 926 111-22-33")  # the number that matched


def test_the_very_number_comes_first(db, people):
    office = create_contact(db, ContactInput("Алексей", "+7 916 123-45-67 доб. 5")).id
    # both numbers hold the digits typed; by name Алексей would come first
    assert names(search_everything(db, "916 123").people) == ["Алексей", "Ковалёв Пётр"]
    assert names(search_everything(db, "8 916 123-45-67").people) == [
        "Ковалёв Пётр",
        "Алексей",
    ]
    assert names(search_everything(db, "8 916 123-45-67 доб. 5").people) == [
        "Алексей",
        "Ковалёв Пётр",
    ]
    assert found_contacts(db, "8 916 123-45-67 доб. 5") == {office, people["kovalev"]}
    # a further number typed whole comes first too
    set_archived(db, people["anna"], False)
    assert names(search_everything(db, "111-22-33").people) == ["Анна Ковалёва", "Ковалёв Пётр"]
    assert names(search_everything(db, "8 926 111-22-33").people) == ["Ковалёв Пётр"]


def test_e_mails_any_of_them(db, people):
    assert found_contacts(db, "petr@kovalev.ru") == {people["kovalev"]}
    assert found_contacts(db, "sklad@") == {people["kovalev"]}
    assert found_contacts(db, "kovalev.ru") == {people["kovalev"]}
    assert found_contacts(db, "ivan@kovalev.ru") == set()


def test_notes_legal_name_inn_and_job_title(db, people):
    assert found_contacts(db, "после обеда") == {people["kovalev"]}
    assert found_contacts(db, "ООО кожа") == {people["shop"]}
    assert found_contacts(db, "7707083893") == {people["shop"]}
    assert found_contacts(db, "закупщ") == {people["buyer"]}


def test_companies_and_people_are_grouped_apart(db, people):
    results = search_everything(db, "кож")
    assert [(h.kind, h.title) for h in results.companies] == [(COMPANY, "Кожа и стиль")]
    assert results.people == ()
    assert results.companies[0].detail == "+7 495 765-43-21 · ООО «Кожа и стиль»"
    buyer = search_everything(db, "смирнова").people[0]
    assert buyer.detail == "+7 903 555-01-02 · Кожа и стиль · Закупщица"


def test_an_order_by_a_word_of_its_comment(db, people, trade):
    results = search_everything(db, "подарочн")
    assert [(h.kind, h.id) for h in results.orders] == [(ORDER, trade["commented"])]
    hit = results.orders[0]
    assert hit.title == "Ковалёв Пётр"
    assert hit.detail == "Упаковать в подарочную коробку"
    assert hit.date == dt.date(2026, 6, 1)
    assert hit.amount == Decimal("2750.00")  # 2 × 1000 + 1 × 750
    assert results.people == ()  # the comment is the order's, not its customer's


def test_an_order_by_its_number(db, people, trade):
    number = trade["plain"]  # no comment: found by its number alone
    for typed in (str(number), f"№ {number}", f"#{number}"):
        orders = search_everything(db, typed).orders
        assert [h.id for h in orders][:1] == [number], typed
        assert orders[0].amount == Decimal("800.00")
    assert search_everything(db, "999999").orders == ()


def test_products_by_name_and_sku(db, trade):
    by_name = search_everything(db, "кошел")
    assert [(h.kind, h.title, h.detail) for h in by_name.products] == [
        (PRODUCT, "Кошелёк Classic", "CL-1042")
    ]
    assert names(search_everything(db, "BT-7").products) == ["Ремень Slim"]
    assert names(search_everything(db, "cl-10").products) == ["Кошелёк Classic"]
    # "1042" is the SKU's digits, and an order number that does not exist
    assert names(search_everything(db, "CL 1042").products) == ["Кошелёк Classic"]


def test_limits_apply_per_kind(db):
    for n in range(12):
        create_contact(db, ContactInput(f"Тестов {n:02d}", f"+7 916 000-00-{n:02d}"))
    results = search_everything(db, "тестов", limit_per_kind=5)
    assert names(results.people) == [f"Тестов {n:02d}" for n in range(5)]
    assert len(found_contacts(db, "тестов")) == 12


def test_changes_reach_the_index(db, people, trade):
    kovalev = people["kovalev"]
    update_contact(
        db,
        kovalev,
        ContactInput("Ковалёв Пётр", "+7 917 000-11-22", "petr@kovalev.ru", "г. Клин", None),
    )
    assert found_contacts(db, "тверь") == set()
    assert found_contacts(db, "клин") == {kovalev}
    assert found_contacts(db, "8 916 123") == set()
    assert found_contacts(db, "8 917 000") == {kovalev}
    assert found_contacts(db, "обеда") == set()
    # a further phone changed, then removed
    further = update(ContactPhone).where(ContactPhone.contact_id == kovalev)
    run(db, further.values(phone="+79265550000"))
    assert found_contacts(db, "926 111") == set()
    assert found_contacts(db, "926 555") == {kovalev}
    run(db, delete(ContactPhone).where(ContactPhone.contact_id == kovalev))
    assert found_contacts(db, "926 555") == set()
    # an order's comment changed, then the order deleted
    run(db, update(Order).where(Order.id == trade["commented"]).values(comment="Срочно, курьером"))
    assert search_everything(db, "подарочн").orders == ()
    assert [h.id for h in search_everything(db, "курьер").orders] == [trade["commented"]]
    delete_order(db, trade["commented"])
    assert search_everything(db, "курьер").orders == ()
    # a product renamed
    update_product(db, trade["belt"], ProductInput("Пояс кожаный", "BT-7", "800", "300"))
    assert search_everything(db, "ремень").products == ()
    assert names(search_everything(db, "пояс").products) == ["Пояс кожаный"]
    # a contact deleted
    run(db, delete(Contact).where(Contact.id == people["anna"]))
    assert names(search_everything(db, "анна").people) == []


def test_marks_around_a_word_are_dropped(db, people):
    for typed in ('"ковал', 'ковал"', "ковал*", "(ковал)", "^ковал", "ковал:", "+ковал", "-ковал"):
        assert names(search_everything(db, typed).people) == ["Ковалёв Пётр", "Анна Ковалёва"]


def test_nothing_typed_breaks_the_query(db, people, trade):
    for typed in HOSTILE:
        search_everything(db, typed)  # no sqlite3.OperationalError: fts5 syntax error
        found_contacts(db, typed)
    # the words stay words, whatever marks come with them
    assert found_contacts(db, '"Тверь') == {people["kovalev"]}
    assert found_contacts(db, "NEAR(Тверь)") == set()  # "near" is not in the address


def test_words_of_the_query_language_are_searched_as_text(db):
    note = create_contact(db, ContactInput("Сергей", None, None, None, "NEAR the station AND")).id
    assert found_contacts(db, "near") == {note}
    assert found_contacts(db, "AND") == {note}
    assert found_contacts(db, "station AND") == {note}
    assert found_contacts(db, "OR") == set()


def test_empty_text_finds_nothing(db, people, trade):
    for typed in ("", "   ", "\t", "*", '"'):
        results = search_everything(db, typed)
        assert len(results) == 0 and list(results.groups()) == []
        assert found_contacts(db, typed) == set()
    assert fts_query("", "RU") is None
