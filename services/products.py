"""The catalogue: products with their default price and purchase cost."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Product, fold
from services.errors import NotFound, Problem, ValidationError
from services.storage import Database
from services.uow import save_record
from services.values import (
    QUANTITY_MAX,
    MoneyInput,
    clean_text,
    parse_decimal,
    parse_money,
    required_name,
)


@dataclass(frozen=True)
class ProductInput:
    name: str
    sku: str | None = None
    default_price: MoneyInput = Decimal(0)
    default_cost: MoneyInput = Decimal(0)
    active: bool = True
    # Units under which the product is to be bought again; None or "" means no minimum.
    min_stock: int | str | None = None


@dataclass(frozen=True)
class ProductView:
    id: int
    name: str
    sku: str | None
    default_price: Decimal
    default_cost: Decimal
    active: bool
    min_stock: int | None = None


def _view(product: Product) -> ProductView:
    return ProductView(
        product.id,
        product.name,
        product.sku,
        product.default_price,
        product.default_cost,
        product.active,
        product.min_stock,
    )


def _validated(session: Session, data: ProductInput, product_id: int | None) -> dict[str, object]:
    """Every problem with the input at once, or the values to store (by column)."""
    problems: list[Problem] = []
    values: dict[str, object] = {"active": bool(data.active)}
    for field, parse in (
        ("name", lambda: required_name(data.name, "name", "Product name")),
        ("sku", lambda: clean_text(data.sku, field="sku", label="SKU")),
        (
            "default_price",
            lambda: parse_money(data.default_price, "default_price", "Default price"),
        ),
        ("default_cost", lambda: parse_money(data.default_cost, "default_cost", "Default cost")),
    ):
        try:
            values[field] = parse()
        except ValidationError as error:
            problems.extend(error.problems)
    try:
        values["min_stock"] = parse_min_stock(data.min_stock)
    except ValidationError as error:
        problems.extend(error.problems)
    name = values.get("name")
    if isinstance(name, str) and name:  # (a name, unless it was refused)
        # "Slim" and "slim" are one product to a person (the catalogue is small: compare here,
        # since SQLite's lower() does not fold Cyrillic)
        for other_id, other_name in session.execute(select(Product.id, Product.name)):
            if fold(other_name) == fold(name) and other_id != product_id:
                problems.append(Problem.of("name", "product.name_taken", other_name))
    if problems:
        raise ValidationError(problems)
    return values


def parse_min_stock(value: int | str | None) -> int | None:
    """A minimum stock: a whole number of units, 0 or more; empty means none."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise TypeError("min_stock: pass int or text, not bool")
    try:
        number = (
            value if isinstance(value, int) else parse_decimal(value, "min_stock", "Minimum stock")
        )
    except ValidationError:
        raise ValidationError.of("min_stock", "stock.min_negative", value) from None
    if number != int(number) or not 0 <= number <= QUANTITY_MAX:
        raise ValidationError.of("min_stock", "stock.min_negative", value)
    return int(number)


def create_product(database: Database, data: ProductInput) -> ProductView:
    return save_record(
        database,
        Product,
        None,
        lambda s: _validated(s, data, None),
        _view,
        lambda uow, product: uow.name("product.created", product.name),
    )


def update_product(database: Database, product_id: int, data: ProductInput) -> ProductView:
    return save_record(
        database,
        Product,
        product_id,
        lambda s: _validated(s, data, product_id),
        _view,
        lambda uow, product: uow.name("product.saved", product.name),
    )


def list_products(database: Database, include_inactive: bool = False) -> list[ProductView]:
    """Active products for pickers; inactive ones too for the catalogue."""
    with database.session() as session:
        query = select(Product).order_by(Product.name)
        if not include_inactive:
            query = query.where(Product.active.is_(True))
        return [_view(p) for p in session.scalars(query)]


def get_product(database: Database, product_id: int) -> ProductView:
    with database.session() as session:
        return _view(get_product_row(session, product_id))


def get_product_row(session: Session, product_id: int) -> Product:
    product = session.get(Product, product_id)
    if product is None:
        raise NotFound.of("product.not_found", product_id)
    return product
