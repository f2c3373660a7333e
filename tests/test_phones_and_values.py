"""Phones in every form people write them, and dates, money and quantities as typed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from services.errors import ValidationError
from services.phones import PhoneSearch, format_phone, normalize_phone, phone_search_keys
from services.values import parse_date, parse_decimal, parse_money, parse_quantity


@pytest.mark.parametrize(
    "typed",
    ["8 (916) 123-45-67", "+7 916 1234567", "89161234567", "9161234567", " +7(916)123 45 67 "],
)
def test_russian_number_forms_are_one_number(typed):
    assert normalize_phone(typed, "RU") == "+79161234567"


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("8 (000) 123-45-67", "phone.not_in_use"),
        ("+7 916 123", "phone.too_short"),
        ("abc", "phone.not_a_number"),
        ("", "phone.not_a_number"),
    ],
)
def test_invalid_numbers_are_refused_with_a_reason(typed, code):
    with pytest.raises(ValidationError) as caught:
        normalize_phone(typed, "RU")
    (problem,) = caught.value.problems
    assert (problem.field, problem.code, problem.params) == ("phone", code, (typed.strip(),))


def test_phone_is_shown_in_international_format():
    assert format_phone("+79161234567") == "+7 916 123-45-67"
    assert format_phone(None) == ""


def test_search_keys_turn_national_8_into_stored_7():
    assert phone_search_keys("8916", "RU") == PhoneSearch(None, "8916", "+7916")
    assert phone_search_keys("4567", "RU") == PhoneSearch(None, "4567", None)
    whole = phone_search_keys("8 916 123-45-67", "RU")
    assert whole == PhoneSearch("+79161234567", "89161234567", "+79161234567")
    assert phone_search_keys("Ив", "RU") == PhoneSearch()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1 250,50", D("1250.50")),
        ("1250.5", D("1250.50")),
        ("1 250 ₽", D("1250.00")),
        ("1\u00a0250,50", D("1250.50")),
        (D("99.9"), D("99.90")),
        (0, D("0.00")),
    ],
)
def test_money_as_people_type_it(typed, expected):
    assert parse_money(typed, "unit_price", "Unit price") == expected


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("-1", "money.negative"),
        ("12.3456", "money.too_precise"),
        ("12.345", "number.unclear"),
        ("двести", "number.not_number"),
        ("NaN", "number.not_number"),
        ("1000000000.01", "money.too_large"),
    ],
)
def test_bad_money_is_refused(typed, code):
    with pytest.raises(ValidationError) as caught:
        parse_money(typed, "unit_price", "Unit price")
    (problem,) = caught.value.problems
    assert (problem.field, problem.code, problem.params[:2]) == (
        "unit_price",
        code,
        ("Unit price", typed),
    )


def test_float_money_is_a_programming_error():
    with pytest.raises(TypeError):
        parse_money(12.5, "unit_price", "Unit price")  # type: ignore[arg-type]  # a float, refused


def test_quantities():
    assert parse_quantity("3,0") == 3
    assert parse_quantity(7) == 7
    for bad, code in (
        ("0", "quantity.too_small"),
        (-2, "quantity.too_small"),
        ("2,5", "quantity.not_whole"),
        (1_000_001, "quantity.too_large"),
    ):
        with pytest.raises(ValidationError) as caught:
            parse_quantity(bad)
        assert [(p.field, p.code, p.params[0]) for p in caught.value.problems] == [
            ("quantity", code, str(bad))
        ]


def test_dates():
    assert parse_date("13.09.2024") == dt.date(2024, 9, 13)
    assert parse_date("2024-09-13") == dt.date(2024, 9, 13)
    assert parse_date("13.09.24") == dt.date(2024, 9, 13)
    for typed, code in (("31.02.2026", "date.no_such_day"), ("вчера", "date.invalid")):
        with pytest.raises(ValidationError) as caught:
            parse_date(typed)
        assert [(p.code, p.params) for p in caught.value.problems] == [(code, (typed,))]


@pytest.mark.parametrize("typed", ["12,500", "1.250", "1.000", "125,000", "-1,500"])
def test_a_lone_separator_before_three_digits_is_refused_as_unclear(typed):
    # 12,500 is twelve and a half to some, twelve thousand five hundred to others
    with pytest.raises(ValidationError) as caught:
        parse_decimal(typed, "price", "Price")
    assert [p.code for p in caught.value.problems] == ["number.unclear"]


@pytest.mark.parametrize(
    ("typed", "value"),
    [("0,500", "0.500"), ("12 500", "12500"), ("12,50", "12.50"), ("1 250,50", "1250.50")],
)
def test_clear_numbers_still_read(typed, value):
    assert parse_decimal(typed, "price", "Price") == D(value)
