"""`stock` and `purchase add` on the command line: the documented JSON and the table of stock,
a purchase that re-costs an earlier sale, and bad input refused with the field named and
nothing saved; the import saying what it brings of purchases, expenses and adjustments."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import text

from services.exchange import export_all
from services.expenses import ExpenseInput, save_expense
from services.orders import LineInput, OrderInput, save_order
from services.products import ProductInput, create_product
from services.purchases import PurchaseInput, PurchaseLineInput, list_purchases, save_purchase
from services.stock import stock_level
from tests.conftest import TODAY, customer, status_id
from tests.more_databases import NewDatabases
from tests.test_cli import db_arg, lavka
from tests.test_cli_russian import lavka_ru


def said(result) -> str:
    """The output with the no-break spaces of figures as plain spaces."""
    return result.stdout.replace("\xa0", " ")


@pytest.fixture
def store(db):
    """Slim (minimum 5): bought 10 × 500.00 on 05-01; a sale of 12 on 06-01 (2 beyond the
    stock, costed at the last batch: 500.00); 3 planned for 06-20 → on TODAY (06-15) in stock
    10 − 12 = −2, reserved 3, available −5: below. Classic: never bought, not tracked."""
    slim = create_product(db, ProductInput("Slim", None, "900", "450", min_stock=5)).id
    classic = create_product(db, ProductInput("Classic", None, "1000", "600")).id
    lines = (PurchaseLineInput(slim, 10, "500"),)
    save_purchase(db, PurchaseInput(dt.date(2026, 5, 1), lines=lines), today=TODAY)
    buyer = customer(db, "Анна", "+79160000001")
    sale = save_order(
        db,
        OrderInput(buyer, dt.date(2026, 6, 1), status_id(db, "completed"),
                   lines=(LineInput(slim, 12, "900"),)),
        today=TODAY,
    ).id  # fmt: skip
    save_order(
        db,
        OrderInput(buyer, dt.date(2026, 6, 14), status_id(db, "confirmed"),
                   lines=(LineInput(slim, 3, "900", date=dt.date(2026, 6, 20)),)),
        today=TODAY,
    )  # fmt: skip
    return {"slim": slim, "classic": classic, "sale": sale}


@pytest.fixture
def new_database(request, tmp_path):
    with NewDatabases(request, tmp_path) as databases:
        yield databases.open


def unit_cost(db, order_id: int) -> int:
    with db.engine.connect() as connection:
        return connection.execute(
            text("SELECT unit_cost FROM shipments WHERE order_id = :o"), {"o": order_id}
        ).scalar_one()


def test_stock_json_gives_each_product_with_null_figures_when_untracked(db, store):
    result = lavka("stock", "--db", db_arg(db), "--date", TODAY.isoformat(), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        {
            "product_id": store["classic"],
            "product": "Classic",
            "in_stock": None,
            "reserved": None,
            "available": None,
            "min_stock": None,
            "below_min": None,
        },
        {
            "product_id": store["slim"],
            "product": "Slim",
            "in_stock": -2,
            "reserved": 3,
            "available": -5,
            "min_stock": 5,
            "below_min": True,
        },
    ]


def test_stock_table_leaves_an_untracked_products_figures_empty(db, store):
    result = lavka("stock", "--db", db_arg(db), "--date", TODAY.isoformat())
    assert result.returncode == 0, result.stderr
    lines = said(result).splitlines()
    assert lines[0] == "Stock on 6/15/26"
    assert lines[1].split() == [
        *("Product", "In", "stock", "Reserved", "Available", "Minimum", "Below", "minimum")
    ]
    assert lines[3].split() == ["Classic"]
    assert lines[4].split() == ["Slim", "-2", "3", "-5", "5", "yes"]
    assert "not tracked yet" in lines[-1]


def test_stock_of_an_empty_base(db):
    result = lavka("stock", "--db", db_arg(db))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "No products yet."
    listed = lavka("stock", "--db", db_arg(db), "--format", "json")
    assert json.loads(listed.stdout) == []


def test_purchase_add_by_name_recosts_the_earlier_sale(db, store):
    """A batch of 5 × 600.00 dated 05-20 feeds the sale of 12 on 06-01: 10 × 500 + 2 × 600 =
    6 200.00, 516.67 a unit (it was 500.00 with 2 beyond the stock)."""
    assert unit_cost(db, store["sale"]) == 50000
    result = lavka(
        "purchase", "add", "--db", db_arg(db), "--product", "SLIM", "--qty", "5",
        "--cost", "600", "--date", "2026-05-20",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    (purchase,) = [p for p in list_purchases(db) if p.date == dt.date(2026, 5, 20)]
    lines = said(result).splitlines()
    assert lines[0] == f"Purchase {purchase.id} of 5/20/26 saved: Slim, 5 × 600.00 ₽ = 3,000.00 ₽."
    level = stock_level(db, store["slim"])  # on the real today: 15 bought − 12 − what shipped
    assert level.in_stock + level.reserved == 0
    assert (
        lines[1].startswith("Slim on ")
        and (f"in stock {level.in_stock}, reserved {level.reserved}, available {level.available}.")
        in lines[1]
    )
    assert unit_cost(db, store["sale"]) == 51667
    assert (purchase.units, purchase.total) == (5, 3000)


def test_purchase_add_by_number_on_today(db, store):
    result = lavka(
        "purchase", "add", "--product", str(store["classic"]), "--qty", "2",
        "--cost", "1 250,50", "--db", db_arg(db),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    (purchase,) = [p for p in list_purchases(db) if p.products == "Classic"]
    assert (purchase.date, purchase.units, purchase.total) == (dt.date.today(), 2, 2501)
    assert "Classic, 2 × 1,250.50 ₽ = 2,501.00 ₽." in said(result)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--qty", "0", "--cost", "500"), "Quantity must be at least 1 (got 0)."),
        (("--qty", "-3", "--cost", "500"), "Quantity must be at least 1 (got -3)."),
        (("--qty", "2.5", "--cost", "500"), "Quantity '2.5' is not a whole number."),
        (("--qty", "1", "--cost", "-5"), "Unit cost must not be negative (got -5)."),
        (("--qty", "1", "--cost", "abc"), "Unit cost"),
        (("--qty", "1", "--cost", "5", "--date", "2026-13-01"), "2026-13-01"),
        (("--qty", "1", "--cost", "5", "--product", "Nope"), "There is no product 'Nope'"),
    ],
)
def test_purchase_add_refuses_bad_input_naming_the_field_and_saves_nothing(db, store, args, words):
    before = list_purchases(db)
    product = () if "--product" in args else ("--product", "Slim")
    result = lavka("purchase", "add", "--db", db_arg(db), *product, *args)
    assert result.returncode == 1, result.stdout
    assert result.stderr.startswith("lavka purchase: "), result.stderr
    assert words in result.stderr
    assert "Line 1" not in result.stderr  # one line: no line number
    assert list_purchases(db) == before


def test_purchase_add_needs_its_three_options(db, store):
    result = lavka("purchase", "add", "--db", db_arg(db), "--product", "Slim", "--qty", "1")
    assert result.returncode == 2
    assert "the following arguments are required: --cost" in result.stderr


def test_import_says_the_purchases_expenses_and_adjustments_it_brings(
    db, store, tmp_path, new_database
):
    save_expense(db, ExpenseInput("200", "delivery", dt.date(2026, 6, 3)), today=TODAY)
    folder = tmp_path / "export"
    export_all(db, folder, "csv", TODAY)
    target = db_arg(new_database("copy"))  # a new, empty database beside db
    result = lavka("import", str(folder), "--db", target)
    assert result.returncode == 0, result.stderr
    assert "Purchases: 1 new; expenses: 1 new; stock adjustments: 0 new; 0 already" in said(result)
    assert "Imported 1 purchases with 1 lines, 1 expenses, 0 stock adjustments." in said(result)
    stock = lavka("stock", "--db", target, "--date", TODAY.isoformat(), "--format", "json")
    assert [(s["product"], s["in_stock"], s["reserved"]) for s in json.loads(stock.stdout)] == [
        ("Classic", None, None),
        ("Slim", -2, 3),
    ]
    again = lavka("import", str(folder), "--db", target)
    assert again.returncode == 0, again.stderr
    assert "0 new; 2 already in the database" in said(again)  # the purchase and the expense
    assert "Nothing new" in said(again)


def test_stock_speaks_russian(db, store, tmp_path):
    """Needs the Russian catalogue to have the stock command's texts (make translations)."""
    result = lavka_ru(tmp_path, "stock", "--db", db_arg(db), "--date", TODAY.isoformat())
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Остатки на 15.06.2026"
    for word in ("Товар", "В наличии", "В резерве", "Доступно", "Минимум", "Ниже минимума"):
        assert word in lines[1]
    assert lines[4].split() == ["Slim", "-2", "3", "-5", "5", "да"]
    listed = lavka_ru(tmp_path, "stock", "--db", db_arg(db), "--format", "json")
    assert "in_stock" in json.loads(listed.stdout)[0]  # JSON keys stay English
