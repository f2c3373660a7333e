"""Companies and their people, several phones and e-mails, INN, delete — against a real file."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from services.contacts import (
    ContactInput,
    EmailEntry,
    PhoneEntry,
    create_contact,
    delete_contact,
    find_by_phone,
    get_contact,
    list_companies,
    update_contact,
)
from services.errors import DuplicatePhone, ValidationError
from services.figures import Period, contact_figures, period_figures, top_customers
from services.orders import LineInput, OrderInput, get_order, save_order
from services.report import period_report
from services.segments import contact_segment, segment_counts
from services.tags import create_tag
from services.tax_ids import inn_is_valid
from tests.conftest import TODAY, status_id

JUNE = Period(dt.date(2026, 6, 1), dt.date(2026, 6, 30))
SHOP = ContactInput(
    "Магазин «Кожа и стиль»",
    kind="company",
    legal_name="ООО «Кожа и стиль»",
    tax_id="7707083893",
    address="г. Тверь, ул. Советская, 3",
)


def person(db, name, phone, company_id=None, **extra):
    return create_contact(db, ContactInput(name, phone, company_id=company_id, **extra)).id


def order(db, contact_id, day, product, quantity, person_id=None):
    data = OrderInput(
        contact_id,
        day,
        status_id(db, "completed"),
        lines=(LineInput(product, quantity, "1000", "600", date=day),),
        person_id=person_id,
    )
    return save_order(db, data, today=TODAY).id


def test_a_company_with_two_people_is_one_customer_in_figures_and_segments(db, wallet):
    shop = create_contact(db, SHOP).id
    owner = person(db, "Ольга Кожина", "+7 916 100-00-01", shop, job_title="владелец")
    buyer = person(db, "Пётр Закупкин", "+7 916 100-00-02", shop, job_title="закупщик")
    loner = person(db, "Иван Сам", "+7 916 100-00-03")
    order(db, shop, dt.date(2026, 6, 2), wallet, 3, person_id=owner)  # 3 000 / 1 800
    order(db, shop, dt.date(2026, 6, 9), wallet, 2, person_id=buyer)  # 2 000 / 1 200
    order(db, loner, dt.date(2026, 6, 5), wallet, 1)  # 1 000 / 600

    company = contact_figures(db, shop, today=TODAY)
    assert company.orders == 2
    assert company.realized.amount == D("5000.00") and company.realized.profit == D("2000.00")
    top = top_customers(db, JUNE, today=TODAY)
    assert [(row.name, row.orders, row.figures.amount) for row in top] == [
        ("Магазин «Кожа и стиль»", 2, D("5000.00")),
        ("Иван Сам", 1, D("1000.00")),
    ]
    # two customers bought in June, both for the first time: the shop and Ivan
    june = period_figures(db, JUNE, today=TODAY)
    assert june.new_customers == 2
    assert contact_segment(db, shop, TODAY).purchases == 2
    # the shop's people are not customers on their own: no "no purchases" leads
    assert segment_counts(db, TODAY).get("no_purchases", 0) == 0
    # the period report: the shop once among the top customers, two customers in segments
    report = period_report(db, JUNE, TODAY, workers=1)
    assert [(row.name, row.orders) for row in report.top_by_revenue] == [
        ("Магазин «Кожа и стиль»", 2),
        ("Иван Сам", 1),
    ]
    assert report.figures.new_customers == 2
    assert sum(report.segments.after.values()) == 2

    card = get_contact(db, shop)
    assert card.is_company and card.legal_name == "ООО «Кожа и стиль»"
    assert [(p.name, p.job_title) for p in card.people] == [
        ("Ольга Кожина", "владелец"),
        ("Пётр Закупкин", "закупщик"),
    ]
    assert get_contact(db, buyer).company == "Магазин «Кожа и стиль»"
    assert get_order(db, order(db, shop, TODAY, wallet, 1, buyer)).person_name == "Пётр Закупкин"
    assert list_companies(db) == [(shop, "Магазин «Кожа и стиль»")]


def test_several_phones_and_emails_with_labels_each_phone_found(db):
    contact = create_contact(
        db,
        ContactInput(
            "Анна",
            phones=[
                PhoneEntry("8 916 123-45-67", "mobile"),
                PhoneEntry("+7 495 123-45-67 доб. 5", "work"),
                PhoneEntry("89031112233", "whatsapp"),
            ],
            emails=[EmailEntry("anna@mail.ru", "home"), EmailEntry("anna@work.ru", "work")],
        ),
    )
    assert contact.phone == "+79161234567"  # the first is the main one, shown in grids
    assert [(p.number, p.label) for p in contact.phones] == [
        ("+79161234567", "mobile"),
        ("+74951234567;ext=5", "work"),
        ("+79031112233", "whatsapp"),
    ]
    assert contact.email == "anna@mail.ru"
    assert [e.address for e in contact.emails] == ["anna@mail.ru", "anna@work.ru"]
    for typed in ("8 (903) 111-22-33", "+7 916 123 45 67"):
        assert find_by_phone(db, typed).id == contact.id
    # reordered: the WhatsApp number becomes the main one, the old main a further one
    moved = update_contact(
        db,
        contact.id,
        ContactInput(
            "Анна",
            phones=[PhoneEntry("+79031112233", "whatsapp"), PhoneEntry("+79161234567", "mobile")],
            emails=[EmailEntry("anna@work.ru", "work")],
        ),
    )
    assert [p.number for p in moved.phones] == ["+79031112233", "+79161234567"]
    assert moved.emails == (EmailEntry("anna@work.ru", "work"),)


def test_a_phone_another_contact_has_in_any_place_is_refused_and_nothing_saved(db):
    anna = create_contact(
        db, ContactInput("Анна", phones=[PhoneEntry("+79161234567"), PhoneEntry("+79031112233")])
    )
    with pytest.raises(DuplicatePhone) as refused:
        create_contact(db, ContactInput("Борис", "8 903 111-22-33"))
    assert refused.value.existing_id == anna.id and "Анна" in str(refused.value)
    with pytest.raises(ValidationError) as twice:
        create_contact(
            db, ContactInput("Вера", phones=[PhoneEntry("+79990001122"), PhoneEntry("89990001122")])
        )
    assert twice.value.problems[0].code == "phone.repeated"
    assert twice.value.problems[0].line == 2
    assert find_by_phone(db, "+79990001122") is None  # nothing of Вера was saved


@pytest.mark.parametrize(
    ("inn", "code"),
    [
        ("7707083894", "tax_id.bad_checksum"),
        ("77070838", "tax_id.wrong_length"),
        ("77070838A3", "tax_id.not_digits"),
    ],
)
def test_a_wrong_inn_is_refused_naming_the_field(db, inn, code):
    with pytest.raises(ValidationError) as refused:
        create_contact(db, ContactInput("ООО Ромашка", kind="company", tax_id=inn))
    assert [(p.field, p.code) for p in refused.value.problems] == [("tax_id", code)]
    assert list_companies(db) == []


def test_inn_check_digits():
    assert inn_is_valid("7707083893") and inn_is_valid("500100732259")
    assert not inn_is_valid("500100732258") and not inn_is_valid("7707083890")


def test_company_rules_empty_name_person_as_company_company_in_company(db):
    with pytest.raises(ValidationError) as empty:
        create_contact(db, ContactInput("  ", kind="company"))
    assert empty.value.problems[0].field == "name"
    assert "Company name" in str(empty.value)
    shop = create_contact(db, SHOP).id
    ivan = person(db, "Иван", None)
    with pytest.raises(ValidationError) as not_company:
        person(db, "Пётр", None, company_id=ivan)
    assert not_company.value.problems[0].code == "contact.company_is_person"
    with pytest.raises(ValidationError) as nested:
        create_contact(db, ContactInput("Филиал", kind="company", company_id=shop))
    assert nested.value.problems[0].code == "contact.company_has_company"
    person(db, "Ольга", None, company_id=shop)
    with pytest.raises(ValidationError) as has_people:
        update_contact(db, shop, ContactInput("Магазин", kind="person"))
    assert has_people.value.problems[0].code == "contact.company_has_people"


def test_who_ordered_must_be_a_person(db, wallet):
    shop = create_contact(db, SHOP).id
    other = create_contact(db, ContactInput("ООО Другое", kind="company")).id
    with pytest.raises(ValidationError) as refused:
        order(db, shop, TODAY, wallet, 1, person_id=other)
    assert refused.value.problems[0].code == "order.person_is_company"


def test_delete_a_contact_without_orders_refuse_one_with_orders(db, wallet):
    shop = create_contact(db, SHOP).id
    buyer = person(db, "Пётр", "+7 916 100-00-02", shop)
    tag = create_tag(db, "опт")
    update_contact(db, shop, ContactInput(SHOP.name, kind="company", tag_ids=[tag.id]))
    placed = order(db, shop, TODAY, wallet, 1, person_id=buyer)
    with pytest.raises(ValidationError) as refused:
        delete_contact(db, shop)
    assert refused.value.problems[0].code == "contact.has_orders"
    assert "archive" in str(refused.value)
    delete_contact(db, buyer)  # who ordered is forgotten, the order stays
    assert get_order(db, placed).person_id is None
    assert find_by_phone(db, "+79161000002") is None
    assert [p.name for p in get_contact(db, shop).people] == []
