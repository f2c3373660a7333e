"""The catalogue: unique names, money defaults as typed, inactive products kept."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from services.contacts import ContactInput, update_contact
from services.errors import NotFound, ValidationError
from services.products import ProductInput, create_product, list_products, update_product


def test_product_defaults_are_parsed_money(db):
    product = create_product(db, ProductInput(" Кошелёк Slim ", "SL-2", "1 290,50", "640"))
    assert (product.name, product.default_price, product.default_cost) == (
        "Кошелёк Slim",
        D("1290.50"),
        D("640.00"),
    )


def test_bad_product_input_names_every_field(db):
    with pytest.raises(ValidationError) as caught:
        create_product(db, ProductInput("", default_price="-1", default_cost="abc"))
    assert caught.value.fields() == {"name", "default_price", "default_cost"}
    assert list_products(db, include_inactive=True) == []


def test_names_are_unique_but_a_product_keeps_its_own(db):
    slim = create_product(db, ProductInput("Slim", default_price="100"))
    create_product(db, ProductInput("Classic"))
    with pytest.raises(ValidationError, match="already exists"):
        create_product(db, ProductInput("Slim"))
    with pytest.raises(ValidationError, match="already exists"):
        update_product(db, slim.id, ProductInput("Classic"))
    assert update_product(
        db, slim.id, ProductInput("Slim", default_price="120")
    ).default_price == D("120.00")


def test_inactive_products_leave_pickers_but_stay_in_catalogue(db):
    old = create_product(db, ProductInput("Old model"))
    create_product(db, ProductInput("New model"))
    update_product(db, old.id, ProductInput("Old model", active=False))
    assert [p.name for p in list_products(db)] == ["New model"]
    assert [p.name for p in list_products(db, include_inactive=True)] == ["New model", "Old model"]


def test_editing_what_does_not_exist_is_a_clear_error(db):
    with pytest.raises(NotFound, match="Product #42 does not exist"):
        update_product(db, 42, ProductInput("X"))
    with pytest.raises(NotFound, match="Contact #42 does not exist"):
        update_contact(db, 42, ContactInput("X"))


def test_names_differing_only_in_case_or_yo_are_one_product(db):
    create_product(db, ProductInput("Кошелёк Slim"))
    with pytest.raises(ValidationError, match="'Кошелёк Slim' already exists"):
        create_product(db, ProductInput("кошелек slim"))


def test_invisible_or_overlong_names_are_refused(db):
    with pytest.raises(ValidationError, match="Product name is required"):
        create_product(db, ProductInput("\u200b"))
    with pytest.raises(ValidationError, match="longer than 200 characters"):
        create_product(db, ProductInput("x" * 201))
