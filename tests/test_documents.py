"""Documents from an order: the amount in words, numbers per kind and year, the sums, the
seller's details checked, and what an issued document keeps."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest

from services.contacts import ContactInput, create_contact
from services.documents.content import DocumentContent, SellerDetails
from services.documents.issue import (
    issue_document,
    open_document,
    order_documents,
    vat_included,
)
from services.documents.seller import load_seller, save_seller
from services.documents.words import amount_in_words
from services.errors import ValidationError
from services.orders import LineInput, OrderInput, delete_order, get_order, save_order
from services.products import ProductInput, create_product
from services.settings_store import load_business_settings, save_business
from services.storage import Database
from tests.at_once import run_at_once
from tests.conftest import TODAY, status_id

SELLER = SellerDetails(
    name="ИП Петров Иван Сергеевич",
    tax_id="500100732259",
    ogrn="304500116000157",
    bank="ПАО Сбербанк",
    bik="044525225",
    account="40802810838000012345",
    correspondent_account="30101810400000000225",
)


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        ("1", "Один рубль 00 копеек"),
        ("2", "Два рубля 00 копеек"),
        ("5", "Пять рублей 00 копеек"),
        ("11", "Одиннадцать рублей 00 копеек"),
        ("21", "Двадцать один рубль 00 копеек"),
        ("1000", "Одна тысяча рублей 00 копеек"),
        ("1000000", "Один миллион рублей 00 копеек"),
        ("0.01", "Ноль рублей 01 копейка"),
        ("0.02", "Ноль рублей 02 копейки"),
        ("0.05", "Ноль рублей 05 копеек"),
        ("26322.50", "Двадцать шесть тысяч триста двадцать два рубля 50 копеек"),
        ("2001.21", "Две тысячи один рубль 21 копейка"),
        ("5000000.11", "Пять миллионов рублей 11 копеек"),
    ],
)
def test_amount_in_words_in_russian(amount: str, words: str) -> None:
    assert amount_in_words(Decimal(amount), "ru", "RUB") == words


def test_amount_in_words_in_english_and_other_currencies() -> None:
    assert amount_in_words(Decimal("21.05"), "en", "RUB") == "Twenty-one roubles 05 kopeks"
    assert amount_in_words(Decimal("1"), "en", "USD") == "One dollar 00 cents"
    # A currency num2words has no forms for is named by its code.
    assert amount_in_words(Decimal("3.50"), "en", "KZT") == "Three KZT 50"


@pytest.fixture
def seller(db: Database) -> SellerDetails:
    return save_seller(db, SELLER)


def _order(db: Database, *lines: LineInput, day: str = "01.06.2026", contact=None) -> int:
    contact = contact or create_contact(db, ContactInput("Анна Соколова")).id
    data = OrderInput(contact, day, status_id(db, "completed"), lines=tuple(lines))
    return save_order(db, data, today=TODAY).id


def test_the_document_sum_is_the_order_amount_to_the_kopeck(db, seller) -> None:
    a = create_product(db, ProductInput("Кошелёк Classic", "CL-1", "1234.57", "600")).id
    b = create_product(db, ProductInput("Визитница", None, "0.01", "0")).id
    order = _order(db, LineInput(a, 7), LineInput(b, 3))
    issued = issue_document(db, order, "invoice", TODAY)
    # 7 × 1 234,57 = 8 641,99; 3 × 0,01 = 0,03; together 8 642,02.
    assert [line.amount for line in issued.content.lines] == [Decimal("8641.99"), Decimal("0.03")]
    assert issued.content.total == Decimal("8642.02")
    assert issued.content.units == 10
    assert issued.content.vat is None  # no rate set: "without VAT"
    assert issued.record.amount == Decimal("8642.02")
    assert [line.sku for line in issued.content.lines] == ["CL-1", ""]


def test_vat_is_the_share_inside_the_total() -> None:
    # 1 200,00 at 20 %: 1 200 × 20 / 120 = 200,00; 3 501,00 at 20 %: 583,50; at 10 %:
    # 3 501 × 10 / 110 = 318,2727… → 318,27; at 0 % a zero VAT, not "without VAT".
    assert vat_included(Decimal("1200.00"), 20) == Decimal("200.00")
    assert vat_included(Decimal("3501.00"), 20) == Decimal("583.50")
    assert vat_included(Decimal("3501.00"), 10) == Decimal("318.27")
    assert vat_included(Decimal("3501.00"), 0) == Decimal("0.00")
    assert vat_included(Decimal("3501.00"), None) is None


def test_numbers_run_per_kind_and_year_and_survive_a_restart(db, db_target, seller) -> None:
    a = create_product(db, ProductInput("Кошелёк", None, "1000", "600")).id
    first, second, third = (_order(db, LineInput(a, n)) for n in (1, 2, 3))
    day = dt.date(2026, 12, 1)
    assert issue_document(db, first, "invoice", day).content.number == 1
    assert issue_document(db, second, "invoice", day).content.number == 2
    # Another kind has its own sequence; asking again keeps the number and the date.
    assert issue_document(db, first, "delivery_note", day).content.number == 1
    again = issue_document(db, first, "invoice", day + dt.timedelta(days=3))
    assert (again.content.number, again.content.date, again.new) == (1, day, False)
    db.close()

    db = Database.open(db_target)  # a restart: the sequence goes on from what the base holds
    assert issue_document(db, third, "invoice", day).content.number == 3
    # A new year starts again from 1, and the old year's numbers stay as they were.
    new_year = issue_document(db, first, "receipt", dt.date(2027, 1, 2))
    assert (new_year.content.number, new_year.content.date.year) == (1, 2027)
    assert (
        issue_document(db, second, "invoice", dt.date(2027, 1, 2), new_version=True).content.number
        == 1
    )
    numbers = sorted(
        (r.kind, r.date.year, r.number)
        for o in (first, second, third)
        for r in order_documents(db, o)
    )
    assert numbers == [
        ("delivery_note", 2026, 1),
        ("invoice", 2026, 1),
        ("invoice", 2026, 2),
        ("invoice", 2026, 3),
        ("invoice", 2027, 1),
        ("receipt", 2027, 1),
    ]
    db.close()


def test_a_changed_order_makes_its_document_stale_and_a_new_version_takes_a_number(
    db, seller
) -> None:
    a = create_product(db, ProductInput("Кошелёк", None, "1000", "600")).id
    order = _order(db, LineInput(a, 2))
    first = issue_document(db, order, "invoice", TODAY)
    assert not first.record.stale and first.content.total == Decimal("2000.00")
    assert open_document(db, first.record.id).content == first.content
    data = OrderInput(  # the same order with one more wallet
        get_order(db, order).contact_id,
        "01.06.2026",
        status_id(db, "completed"),
        lines=(LineInput(a, 3),),
    )
    save_order(db, data, order, today=TODAY)
    kept = issue_document(db, order, "invoice", TODAY)
    # The invoice as issued: same number and sum, but known to be out of date.
    assert (kept.content.number, kept.content.total, kept.record.stale) == (
        1,
        Decimal("2000.00"),
        True,
    )
    newer = issue_document(db, order, "invoice", TODAY, new_version=True)
    assert (newer.content.number, newer.content.total, newer.record.stale) == (
        2,
        Decimal("3000.00"),
        False,
    )
    listed = order_documents(db, order)
    assert [(r.number, r.stale, r.superseded) for r in listed] == [
        (2, False, False),
        (1, True, True),
    ]


def test_the_buyer_is_the_company_with_its_details(db, seller) -> None:
    shop = create_contact(
        db,
        ContactInput(
            "Кожгалантерея",
            "+7 495 100-20-30",
            kind="company",
            legal_name='ООО "Кожгалантерея"',
            tax_id="7707083893",
            address="г. Тверь, ул. Советская, 1",
        ),
    ).id
    a = create_product(db, ProductInput("Кошелёк", None, "1000", "600")).id
    order = _order(db, LineInput(a, 1), contact=shop)
    buyer = issue_document(db, order, "delivery_note", TODAY).content.buyer
    assert buyer.is_company
    assert (buyer.name, buyer.tax_id) == ('ООО "Кожгалантерея"', "7707083893")
    assert buyer.address == "г. Тверь, ул. Советская, 1"


def test_an_order_without_lines_or_a_seller_without_a_name_is_refused(db) -> None:
    contact = create_contact(db, ContactInput("Анна", "+7 903 111-22-33")).id
    empty = save_order(
        db,
        OrderInput(contact, "01.06.2026", status_id(db, "new"), expected_amount="5000"),
        today=TODAY,
    ).id
    a = create_product(db, ProductInput("Кошелёк", None, "1000", "600")).id
    order = _order(db, LineInput(a, 1), contact=contact)
    with pytest.raises(ValidationError) as no_seller:
        issue_document(db, order, "invoice", TODAY)
    assert no_seller.value.problems[0].code == "document.no_seller"
    save_seller(db, SELLER)
    with pytest.raises(ValidationError) as no_lines:
        issue_document(db, empty, "invoice", TODAY)
    assert (no_lines.value.problems[0].field, no_lines.value.problems[0].code) == (
        "lines",
        "document.no_lines",
    )
    assert order_documents(db, empty) == []  # nothing kept, no number taken
    assert issue_document(db, order, "invoice", TODAY).content.number == 1


def test_bad_seller_details_are_refused_by_field_and_nothing_is_saved(db, seller) -> None:
    bad = replace(
        SELLER,
        name="Другое имя",
        tax_id="500100732258",  # the last check digit off by one
        kpp="77АБ01001",  # Cyrillic letters
        ogrn="304500116000158",
        account="40802810938000012345",  # does not fit the BIK
        correspondent_account="3010181040000000022",  # 19 digits
        email="petrov@",
    )
    with pytest.raises(ValidationError) as refused:
        save_seller(db, bad, vat_rate="двадцать")
    fields = {problem.field for problem in refused.value.problems}
    assert fields == {
        "tax_id",
        "kpp",
        "ogrn",
        "account",
        "correspondent_account",
        "email",
        "vat_rate",
    }
    details, _images = load_seller(db)
    assert details == SELLER  # nothing of the bad save was kept
    # An account cannot be checked without its bank's BIK.
    with pytest.raises(ValidationError) as no_bik:
        save_seller(db, replace(SELLER, bik=""))
    assert [p.field for p in no_bik.value.problems] == ["bik"]


def test_a_deleted_order_leaves_its_documents_as_issued(db, seller) -> None:
    a = create_product(db, ProductInput("Кошелёк", None, "1000", "600")).id
    order = _order(db, LineInput(a, 2))
    issued = issue_document(db, order, "receipt", TODAY)
    delete_order(db, order)
    kept = open_document(db, issued.record.id)
    assert kept.content == issued.content
    assert kept.record.order_id is None and not kept.record.stale
    # Its number is not given again.
    other = _order(db, LineInput(a, 1))
    assert issue_document(db, other, "receipt", TODAY).content.number == 2


def test_content_round_trips_through_json(db, seller) -> None:
    a = create_product(db, ProductInput("Кошелёк «Люкс»", "LX-1", "1250.50", "600")).id
    order = _order(db, LineInput(a, 3))
    content = issue_document(db, order, "invoice", TODAY).content
    assert DocumentContent.from_json(content.to_json()) == content


def test_business_settings_and_seller_are_saved_together_or_not_at_all(db, seller) -> None:
    bad = replace(SELLER, name="Новое имя", bik="04452522")  # 8 digits
    with pytest.raises(ValidationError) as refused:
        save_business(db, "us", "$", "ru", bad)
    assert {p.field for p in refused.value.problems} == {"currency_code", "bik"}
    assert load_business_settings(db).currency_code == "RUB"
    assert load_seller(db)[0].name == SELLER.name
    settings, saved = save_business(db, "usd", "$", "kz", replace(SELLER, name="Новое имя"))
    assert (settings.currency_code, settings.phone_region) == ("USD", "KZ")
    assert load_seller(db)[0] == saved and saved.name == "Новое имя"


PER_PROCESS = 8


def issue_invoices(target, orders, start, numbers) -> None:
    """One person's Lavka: opens the database, waits for the other, issues its invoices."""
    database = Database.open(target)
    try:
        start.wait()
        for order in orders:
            numbers.put(issue_document(database, order, "invoice", TODAY).content.number)
    finally:
        database.close()


def test_two_people_issuing_at_once_get_distinct_numbers_without_gaps(
    db, db_target, seller
) -> None:
    a = create_product(db, ProductInput("Кошелёк", None, "1000", "600")).id
    orders = [_order(db, LineInput(a, 1)) for _ in range(2 * PER_PROCESS)]
    arguments = [(db_target, mine) for mine in (orders[:PER_PROCESS], orders[PER_PROCESS:])]
    taken = run_at_once(issue_invoices, arguments, 2 * PER_PROCESS)
    # Sixteen invoices issued at the same moment by two people: 1…16, each once.
    assert sorted(taken) == list(range(1, 2 * PER_PROCESS + 1))
    listed = sorted(r.number for order in orders for r in order_documents(db, order))
    assert listed == list(range(1, 2 * PER_PROCESS + 1))
