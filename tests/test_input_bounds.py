"""Input bounds: messages as codes, phones with extensions, the dates Lavka keeps, money that
cannot overflow a sum, and control characters refused where they are typed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from sqlalchemy import func, select

from models import Contact, Order, Task
from services.contacts import (
    ContactInput,
    create_contact,
    find_by_phone,
    get_contact,
    search_contacts,
    update_contact,
)
from services.errors import DuplicatePhone, NotFound, ValidationError
from services.exchange import export_all
from services.figures import (
    Period,
    contact_figures,
    period_figures,
    product_figures,
    top_customers,
)
from services.importing import apply_import, plan_import, read_file
from services.messages import Label
from services.order_list import list_orders, order_groups
from services.orders import LineInput, OrderInput, get_order, reschedule_shipment, save_order
from services.phones import format_phone, normalize_phone, phone_search_keys
from services.products import ProductInput, create_product, get_product
from services.report import period_report
from services.segments import contact_segment
from services.storage import Database
from services.tasks import TaskInput, create_task
from services.timeline import add_note
from services.values import (
    DATE_MAX,
    DATE_MIN,
    MONEY_MAX,
    ORDER_TOTAL_MAX,
    QUANTITY_MAX,
    clean_text,
    parse_date,
    parse_decimal,
    parse_money,
    parse_quantity,
    required_name,
)
from tests.conftest import TODAY
from tests.more_databases import NewDatabases
from tests.test_importing import sheet


def refused(call, *args, **kwargs):
    """The problems of the ValidationError `call` raises, as (field, line, code, params)."""
    with pytest.raises(ValidationError) as caught:
        call(*args, **kwargs)
    return [(p.field, p.line, p.code, p.params) for p in caught.value.problems]


@pytest.fixture
def new_database(request, tmp_path):
    with NewDatabases(request, tmp_path) as databases:
        yield databases.open


def count(db: Database, model) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model))


# 1. Every message of values.py and phones.py is a code with its parameters.


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (
            lambda: parse_money("-1", "unit_price", "Unit price", 3),
            ("unit_price", 3, "money.negative", ("Unit price", "-1")),
        ),
        (
            lambda: parse_money("12.345", "price", "Price", 2),
            ("price", 2, "number.unclear", ("Price", "12.345", "12 345", "12,34")),
        ),
        (
            lambda: parse_money("двести", "default_cost", "Default cost"),
            ("default_cost", None, "number.not_number", ("Default cost", "двести")),
        ),
        (
            lambda: parse_money("NaN", "unit_cost", "Unit cost"),
            ("unit_cost", None, "number.not_number", ("Unit cost", "NaN")),
        ),
        (
            lambda: parse_money("12.3456", "unit_price", "Unit price"),
            ("unit_price", None, "money.too_precise", ("Unit price", "12.3456")),
        ),
        (
            lambda: parse_money("1000000000.01", "unit_price", "Unit price"),
            ("unit_price", None, "money.too_large", ("Unit price", "1000000000.01", "1000000000")),
        ),
        (
            lambda: parse_decimal("1e16", "price", "Price"),
            ("price", None, "number.too_large", ("Price", "1e16")),
        ),
        (lambda: parse_quantity("2,5", line=4), ("quantity", 4, "quantity.not_whole", ("2,5",))),
        (lambda: parse_quantity(0), ("quantity", None, "quantity.too_small", ("0",))),
        (
            lambda: parse_quantity(QUANTITY_MAX + 1),
            ("quantity", None, "quantity.too_large", ("1000001", "1000000")),
        ),
        (lambda: parse_date(""), ("date", None, "date.required", ())),
        (
            lambda: parse_date("31.02.2026", "due"),
            ("due", None, "date.no_such_day", ("31.02.2026",)),
        ),
        (lambda: parse_date("вчера"), ("date", None, "date.invalid", ("вчера",))),
        (
            lambda: required_name("  ", "name", "Product name"),
            ("name", None, "name.required", ("Product name",)),
        ),
        (
            lambda: required_name("я" * 201, "name", "Name"),
            ("name", None, "name.too_long", ("Name", "200", "201")),
        ),
        (
            lambda: normalize_phone("8 (000) 123-45-67"),
            ("phone", None, "phone.not_in_use", ("8 (000) 123-45-67",)),
        ),
        (
            lambda: normalize_phone("+7 916 123"),
            ("phone", None, "phone.too_short", ("+7 916 123",)),
        ),
        (
            lambda: normalize_phone("+7 916 123 45 67 89 01 23"),
            ("phone", None, "phone.too_long", ("+7 916 123 45 67 89 01 23",)),
        ),
        (
            lambda: normalize_phone("+7 916 1234 5678"),
            ("phone", None, "phone.wrong_length", ("+7 916 1234 5678",)),
        ),
        (lambda: normalize_phone("abc"), ("phone", None, "phone.not_a_number", ("abc",))),
    ],
)
def test_messages_of_values_and_phones_are_codes(call, expected):
    (problem,) = refused(call)
    assert problem == expected


def test_the_field_name_in_a_message_is_a_label_to_translate():
    (problem,) = problems_of(lambda: parse_money("-5", "price", "Price"))
    assert isinstance(problem.params[0], Label) and problem.params[0] == "Price"
    assert not isinstance(problem.params[1], Label)  # what was typed is shown as typed


def problems_of(call):
    with pytest.raises(ValidationError) as caught:
        call()
    return caught.value.problems


def test_service_messages_are_codes(db, shop):
    assert refused(create_product, db, ProductInput("кошелек classic", None, "-1")) == [
        ("default_price", None, "money.negative", ("Default price", "-1")),
        ("name", None, "product.name_taken", ("Кошелёк Classic",)),
    ]
    with pytest.raises(NotFound) as caught:
        get_product(db, 999)
    assert (caught.value.code, caught.value.params) == ("product.not_found", ("999",))
    assert refused(create_contact, db, ContactInput("Ира", email="ira@")) == [
        ("email", None, "email.invalid", ("ira@",))
    ]
    assert refused(save_order, db, OrderInput(None)) == [
        ("contact", None, "order.contact_required", ()),
        ("lines", None, "order.lines_required", ()),
    ]
    assert refused(save_order, db, OrderInput(shop.anna, lines=(LineInput(None),))) == [
        ("product", 1, "order.product_required", ())
    ]
    assert refused(save_order, db, OrderInput(shop.anna, status_id=999, lines=(LineInput(1),))) == [
        ("status", None, "status.not_found", ("999",))
    ]
    with pytest.raises(NotFound) as caught:
        get_order(db, 999)
    assert (caught.value.code, caught.value.params) == ("order.not_found", ("999",))
    with pytest.raises(NotFound) as caught:
        get_contact(db, 999)
    assert (caught.value.code, caught.value.params) == ("contact.not_found", ("999",))
    with pytest.raises(NotFound) as caught:
        reschedule_shipment(db, 999, TODAY)
    assert (caught.value.code, caught.value.params) == ("shipment.not_found", ("999",))


# 2. A phone's extension is kept: stored, shown, unique, found, exported and imported.

OFFICE = "+74951234567"


@pytest.mark.parametrize(
    "typed",
    [
        "+7 495 123-45-67 доб. 5",
        "+7 495 123-45-67 доб 5",
        "8 (495) 123-45-67 ext. 5",
        "+7 495 123-45-67 #5",
        "+7 495 123-45-67 x5",
        "+7 495 123-45-67,5",
        "+7 495 123-45-67, 5",
    ],
)
def test_an_extension_is_kept_not_cut(typed):
    assert normalize_phone(typed, "RU") == OFFICE + ";ext=5"


def test_an_extension_is_shown_after_a_comma_and_reads_back_as_itself():
    assert format_phone(OFFICE + ";ext=5") == "+7 495 123-45-67, 5"
    assert format_phone(OFFICE) == "+7 495 123-45-67"
    for stored in (OFFICE + ";ext=5", OFFICE + ";ext=123456789", "+79161234567"):
        assert normalize_phone(format_phone(stored), "RU") == stored


def test_an_extension_too_long_to_read_back_is_refused_not_cut():
    assert refused(normalize_phone, "+7 495 123-45-67 доб. 1234567890") == [
        ("phone", None, "phone.extension_too_long", ("+7 495 123-45-67 доб. 1234567890", "9"))
    ]


def test_extensions_make_different_numbers_and_are_found(db):
    desk = create_contact(db, ContactInput("Приёмная", "+7 495 123-45-67")).id
    five = create_contact(db, ContactInput("Бухгалтерия", "+7 495 123-45-67 доб. 5")).id
    six = create_contact(db, ContactInput("Склад", "8 495 123 45 67 ext. 6")).id
    assert get_contact(db, five).phone == OFFICE + ";ext=5"
    with pytest.raises(DuplicatePhone) as caught:
        create_contact(db, ContactInput("Ещё бухгалтерия", "+7 (495) 123-45-67 x5"))
    assert caught.value.existing_id == five
    assert caught.value.problems[0].params[0] == "+7 495 123-45-67, 5"
    assert count(db, Contact) == 3

    assert find_by_phone(db, "+7 495 123-45-67, 5").id == five
    assert find_by_phone(db, "+7 495 123-45-67").id == desk
    assert search_contacts(db, "495 123-45-67 доб. 6")[0].id == six  # the exact one first
    assert {c.id for c in search_contacts(db, "8 495 123-45-67")} == {desk, five, six}
    assert {c.id for c in search_contacts(db, "123-45-67")} == {desk, five, six}
    assert {c.id for c in search_contacts(db, "123-45-67, 5")} == {desk, five, six}
    assert phone_search_keys("123-45-67 доб. 5").digits == "1234567"


@pytest.mark.parametrize("file_format", ["xlsx", "csv"])
def test_an_extension_survives_the_exchange_export_and_import(
    db, tmp_path, file_format, new_database
):
    product = create_product(db, ProductInput("Кошелёк", None, "1000", "600")).id
    contact = create_contact(db, ContactInput("Бухгалтерия", "+7 495 123-45-67 доб. 5")).id
    save_order(db, OrderInput(contact, TODAY, lines=(LineInput(product, 1),)), today=TODAY)
    target = tmp_path / ("all.xlsx" if file_format == "xlsx" else "all")
    export_all(db, target, file_format, TODAY)
    copy = new_database("copy")
    try:
        files = read_file(target)
        plan = plan_import(copy, files, today=TODAY)
        assert plan.rejections == ()
        apply_import(copy, plan)
        with copy.session() as session:
            assert session.scalars(select(Contact.phone)).all() == [OFFICE + ";ext=5"]
    finally:
        copy.close()


# 3. Dates from 1990-01-01 to 2100-12-31; others refused, naming the field.


def test_dates_outside_the_kept_range_are_refused():
    assert parse_date("01.01.1990") == DATE_MIN == dt.date(1990, 1, 1)
    assert parse_date("2100-12-31") == DATE_MAX == dt.date(2100, 12, 31)
    bounds = ("1990-01-01", "2100-12-31")
    assert refused(parse_date, "31.12.1989", "due", 3) == [
        ("due", 3, "date.out_of_range", ("31.12.1989", *bounds))
    ]
    assert refused(parse_date, "01.01.2101") == [
        ("date", None, "date.out_of_range", ("01.01.2101", *bounds))
    ]
    assert refused(parse_date, dt.date(1, 1, 1)) == [
        ("date", None, "date.out_of_range", ("0001-01-01", *bounds))
    ]
    assert refused(parse_date, dt.datetime(9999, 12, 31, 10, 0))[0][2] == "date.out_of_range"


def test_every_service_refuses_a_date_out_of_range(db, shop):
    orders = count(db, Order)
    early = dt.date(1, 1, 1)
    line = LineInput(shop.product_a, 1, date=early)
    assert refused(save_order, db, OrderInput(shop.anna, early, lines=(line,))) == [
        ("date", None, "date.out_of_range", ("0001-01-01", "1990-01-01", "2100-12-31")),
        ("date", 1, "date.out_of_range", ("0001-01-01", "1990-01-01", "2100-12-31")),
    ]
    assert count(db, Order) == orders
    shipment = get_order(db, shop.o1).lines[0]
    assert refused(reschedule_shipment, db, shipment.id, "01.01.2200")[0][:3] == (
        "date",
        None,
        "date.out_of_range",
    )
    assert get_order(db, shop.o1).lines[0].date == shipment.date
    assert refused(create_task, db, TaskInput("Позвонить", "13.09.0213"))[0][:3] == (
        "due",
        None,
        "date.out_of_range",
    )
    assert refused(add_note, db, shop.anna, "Звонила", dt.date(2101, 1, 1))[0][:3] == (
        "day",
        None,
        "date.out_of_range",
    )


def test_an_imported_date_out_of_range_is_refused_naming_the_row(db):
    headers = ("Дата", "Клиент", "Телефон", "Товар", "Кол-во", "Цена")
    rows = [
        ("02.05.2026", "Иван", "+7 916 123-45-67", "Кошелёк", 1, "1500"),
        ("02.05.1899", "Иван", "+7 916 123-45-67", "Кошелёк", 1, "1500"),
    ]
    plan = plan_import(db, [sheet("Продажи", headers, rows)], today=TODAY)
    assert [(r.row, r.code) for r in plan.rejections] == [(3, "date.out_of_range")]


def test_an_imported_date_cell_out_of_range_is_refused_naming_the_row(db):
    headers = ("Дата", "Клиент", "Телефон", "Товар", "Кол-во", "Цена")
    rows = [("02.05.2026", "Иван", "+7 916 123-45-67", "Кошелёк", 1, "1500")]
    rows.append((dt.date(1800, 1, 1), "Иван", "+7 916 123-45-67", "Кошелёк", 1, "1500"))
    plan = plan_import(db, [sheet("Продажи", headers, rows)], today=TODAY)
    assert [(r.row, r.code) for r in plan.rejections] == [(3, "date.out_of_range")]


# 4. Money: an order holds at most ORDER_TOTAL_MAX, so no sum of a database can overflow.


def test_the_bounds_keep_every_sum_inside_sqlite_integers():
    kopecks = 100
    int64 = 2**63 - 1
    assert MONEY_MAX * QUANTITY_MAX * kopecks < int64  # one line's product, in a trigger
    assert ORDER_TOTAL_MAX * kopecks * 9_000_000 < int64  # nine million orders at the bound


def test_a_line_larger_than_an_order_may_hold_is_refused(db, shop):
    orders = count(db, Order)
    line = LineInput(shop.product_a, QUANTITY_MAX, str(MONEY_MAX), "0")
    assert refused(save_order, db, OrderInput(shop.anna, TODAY, lines=(line,))) == [
        ("unit_price", 1, "order.line_too_large", ("Amount", "1000000000000000.00", "10000000000"))
    ]
    assert count(db, Order) == orders


def test_an_order_whose_total_is_over_the_bound_is_refused_naming_the_field(db, shop):
    orders = count(db, Order)
    half = LineInput(shop.product_a, 5, "1000000000", "1")  # 5 × 10^9 = 5·10^9 each
    penny = LineInput(shop.product_a, 1, "0.01", "0")
    order = OrderInput(shop.anna, TODAY, lines=(half, half, penny))
    assert refused(save_order, db, order) == [
        ("lines", None, "order.total_too_large", ("Amount", "10000000000.01", "10000000000"))
    ]
    dear_cost = LineInput(shop.product_a, 6, "0", "1000000000")
    problems = refused(save_order, db, OrderInput(shop.anna, TODAY, lines=(dear_cost,) * 2))
    assert problems == [
        ("lines", None, "order.total_too_large", ("Cost", "12000000000.00", "10000000000"))
    ]
    assert count(db, Order) == orders


def test_orders_that_used_to_overflow_every_figure_are_refused(db, shop):
    # Before the bound: a hundred lines of 10^9 × 10^6 were accepted, and the period's SUM
    # over them (10^19 kopecks) failed with "integer overflow".
    line = LineInput(shop.product_a, QUANTITY_MAX, str(MONEY_MAX), str(MONEY_MAX))
    for _ in range(100):
        with pytest.raises(ValidationError):
            save_order(db, OrderInput(shop.anna, TODAY, lines=(line,)), today=TODAY)
    # the shop's realized sales: O1 3501 + O2 0 + O3 2400 + O5 2000 + O6 500
    assert period_figures(db, Period(), TODAY).realized.amount == D("8401.00")


def test_a_base_full_of_orders_at_the_bound_still_computes_every_figure(db):
    product = create_product(db, ProductInput("Станок", None, "1000000000", "999999999.99")).id
    contact = create_contact(db, ContactInput("Завод", "+7 916 000-00-01")).id
    at_bound = LineInput(product, 10)  # 10 × 10^9 = ORDER_TOTAL_MAX exactly
    for day in range(1, 51):
        date = dt.date(2026, 5, 1) + dt.timedelta(days=day % 28)
        save_order(db, OrderInput(contact, date, lines=(at_bound,)), today=TODAY)
    amount, cost = 50 * ORDER_TOTAL_MAX, 50 * D("9999999999.90")
    figures = period_figures(db, Period(), TODAY)
    assert (figures.realized.amount, figures.realized.cost) == (amount, cost)
    assert figures.realized.profit == D("5.00")
    assert contact_figures(db, contact, TODAY).realized.amount == amount
    assert product_figures(db, Period(), TODAY)[0].figures.amount == amount
    assert top_customers(db, Period(), "profit", today=TODAY)[0].figures.amount == amount
    assert list_orders(db).rows[0].figures.amount == ORDER_TOTAL_MAX
    (group,) = order_groups(db, "contact")
    assert (group.orders, group.figures.amount, group.figures.cost) == (50, amount, cost)
    report = period_report(db, Period(dt.date(2026, 5, 1), dt.date(2026, 5, 31)), TODAY)
    assert report.figures.realized.amount == amount
    assert contact_segment(db, contact, TODAY).contact_id == contact


def test_an_imported_order_over_the_bound_is_refused_naming_its_row(db):
    headers = ("№ заказа", "Дата", "Клиент", "Телефон", "Товар", "Кол-во", "Цена")
    rows = [
        ("1", "02.05.2026", "Иван", "+7 916 123-45-67", "Станок", QUANTITY_MAX, "1000000000"),
        ("2", "02.05.2026", "Иван", "+7 916 123-45-67", "Станок", 1, "1000"),
    ]
    plan = plan_import(db, [sheet("Продажи", headers, rows)], today=TODAY)
    assert [(r.row, r.code) for r in plan.rejections] == [(2, "order.line_too_large")]


# 5. Control characters are refused where they are typed, naming the field.


def test_control_characters_are_refused_naming_field_and_position():
    assert refused(required_name, "Ива\x07н", "name", "Name") == [
        ("name", None, "text.control_char", ("Name", "4", "U+0007"))
    ]
    assert refused(clean_text, "a\x1b[31m", field="notes", label="Notes") == [
        ("notes", None, "text.control_char", ("Notes", "2", "U+001B"))
    ]
    assert refused(clean_text, "x\x00", field="address", label="Address")[0][3][2] == "U+0000"
    assert refused(clean_text, "x\x85", field="address", label="Address")[0][3][2] == "U+0085"
    assert refused(clean_text, "x\ud800", field="notes", label="Notes")[0][2] == "text.control_char"
    # tab and line breaks are a note's own
    assert clean_text("первая\tстрока\nвторая\r\nтретья") == "первая\tстрока\nвторая\r\nтретья"


def test_every_typed_text_field_refuses_control_characters(db, shop):
    contacts, orders, tasks = count(db, Contact), count(db, Order), count(db, Task)
    bell = "звонок\x07"
    for field in ("name", "email", "address", "notes", "phone"):
        data = ContactInput(**{"name": "Ира", field: bell})
        assert refused(create_contact, db, data)[0][:3] == (field, None, "text.control_char")
    assert refused(update_contact, db, shop.anna, ContactInput("Анна", notes=bell))[0][0] == "notes"
    for field in ("name", "sku"):
        data = ProductInput(**{"name": "Ремень", field: bell})
        assert refused(create_product, db, data)[0][:3] == (field, None, "text.control_char")
    line = LineInput(shop.product_a, 1)
    assert refused(save_order, db, OrderInput(shop.anna, comment=bell, lines=(line,))) == [
        ("comment", None, "text.control_char", ("Comment", "7", "U+0007"))
    ]
    for field in ("title", "notes"):
        data = TaskInput(**{"title": "Позвонить", "due": TODAY, field: bell})
        assert refused(create_task, db, data)[0][:3] == (field, None, "text.control_char")
    assert refused(add_note, db, shop.anna, bell, TODAY)[0][:3] == (
        "note",
        None,
        "text.control_char",
    )
    assert (count(db, Contact), count(db, Order), count(db, Task)) == (contacts, orders, tasks)
    notes = "позвонить\tпосле 15-го\nлучше утром"
    assert create_contact(db, ContactInput("Ира", notes=notes)).notes == notes
