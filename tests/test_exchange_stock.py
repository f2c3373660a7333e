"""Stock and expenses in the exchange format (issue #18): Purchases, PurchaseLines, Expenses and
StockAdjustments written and read back without a loss — the FIFO costs and stock levels the
same after the trip — and files from before them still importing."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal as D
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import text

from services import choices
from services.contacts import ContactInput, create_contact
from services.expenses import ExpenseInput, save_expense
from services.importing import apply_import, plan_import, read_file
from services.orders import LineInput, OrderInput, change_status, save_order
from services.products import ProductInput, create_product
from services.purchases import PurchaseInput, PurchaseLineInput, save_purchase
from services.stock import AdjustmentInput, add_adjustment, settle, stock_levels
from services.storage import Database
from tests.conftest import TODAY, loss_reason_id, status_id
from tests.more_databases import NewDatabases, sound
from tests.test_exchange_companies import export

FORMATS = ["xlsx", "csv-excel-ru", "csv-standard"]
STOCK_SHEETS = ("Purchases", "PurchaseLines", "Expenses", "StockAdjustments")


@pytest.fixture
def new_database(request, tmp_path):
    with NewDatabases(request, tmp_path) as databases:
        yield databases.open


class Stocked:
    """Ids of the base below (and the ad channel's name)."""

    def __init__(self, **ids: int | str) -> None:
        self.__dict__.update(ids)


@pytest.fixture
def stocked(db: Database) -> Stocked:
    """A seller with batches, on TODAY 2026-06-15:

    Slim (min 5):  04-20 sold 2 at a typed 450.00 (before its first purchase: history)
                   05-01 bought 10 × 500.00 from "Фабрика" (typed), document Н-1
                   05-10 bought 10 × 560.00 from the company, with Travel 4 × 1000.00 and a
                         delivery of 300.00 spread by value (5600 : 4000): 175.00 and 125.00,
                         so that batch is 5775.00 for 10 units
                   06-01 sold 15: 10 × 500 + 5 of 5775/10 → 5000 + 2887.50 = 7887.50,
                         525.83 a unit
                   06-03 an order of 3 cancelled (takes nothing)
                   06-05 written off 1 ("брак"): the batch's sixth unit, 577.50
                   06-10 bought 2 × 610.00
                   06-12 sold 6, cancelled after: it cost 4 × 577.50 + 2 × 610.00 = 3530.00,
                         588.33 a unit and 0.02 over (the line keeps them, out of the sequence)
                   06-20 2 planned (reserved)
                   → in stock 22 − 16 = 6, reserved 2, available 4: below its minimum
    Travel:        06-10 sold 1 of 4125/4 → 1031.25; in stock 3
    Mini:          05-15 counted +20 (no purchase: its lines keep their typed cost);
                   06-12 sold 3 at 300.00 → in stock 17
    Classic:       06-02 sold 1 at a typed 600.00, never bought: not tracked
    Expenses:      06-03 ads 1500.00 on a channel ("Авито"), delivery 200.00, fees 99.90
    """
    slim = create_product(db, ProductInput("Slim", "SL-1", "900", "450", min_stock=5)).id
    travel = create_product(db, ProductInput("Travel", None, "1500", "900")).id
    mini = create_product(db, ProductInput("Mini", None, "500", "300", min_stock=0)).id
    classic = create_product(db, ProductInput("Classic", None, "1000", "600")).id
    company = create_contact(db, ContactInput("ООО «Кожа»", "+7 495 123-45-67", kind="company")).id
    ivan = create_contact(db, ContactInput("Иван", "+7 916 000-00-01")).id
    p1 = save_purchase(
        db,
        PurchaseInput(
            dt.date(2026, 5, 1),
            supplier_name="Фабрика",
            document="Н-1",
            lines=(PurchaseLineInput(slim, 10, "500"),),
        ),
        today=TODAY,
    ).id
    p2 = save_purchase(
        db,
        PurchaseInput(
            dt.date(2026, 5, 10),
            supplier_id=company,
            document="УПД-7",
            comment="с доставкой",
            delivery_cost="300",
            lines=(PurchaseLineInput(slim, 10, "560"), PurchaseLineInput(travel, 4, "1000")),
        ),
        today=TODAY,
    ).id
    p3 = save_purchase(
        db,
        PurchaseInput(dt.date(2026, 6, 10), lines=(PurchaseLineInput(slim, 2, "610"),)),
        today=TODAY,
    ).id
    completed = status_id(db, "completed")

    def sell(day, *lines, code=None, **extra):
        status = status_id(db, code) if code else completed
        data = OrderInput(ivan, day, status, lines=tuple(lines), **extra)
        return save_order(db, data, today=TODAY).id

    early = sell(dt.date(2026, 4, 20), LineInput(slim, 2, "900", "450"))
    sale = sell(dt.date(2026, 6, 1), LineInput(slim, 15, "900"))
    lost = sell(
        dt.date(2026, 6, 3),
        LineInput(slim, 3, "900"),
        code="cancelled",
        loss_reason_id=loss_reason_id(db),
    )
    planned = sell(
        dt.date(2026, 6, 14), LineInput(slim, 2, "900", date=dt.date(2026, 6, 20)), code="confirmed"
    )
    travel_sale = sell(dt.date(2026, 6, 10), LineInput(travel, 1, "1500"))
    add_adjustment(
        db, AdjustmentInput(mini, 20, "инвентаризация", "count", dt.date(2026, 5, 15)), TODAY
    )
    mini_sale = sell(dt.date(2026, 6, 12), LineInput(mini, 3, "500", "300"))
    classic_sale = sell(dt.date(2026, 6, 2), LineInput(classic, 1, "1000", "600"))
    add_adjustment(db, AdjustmentInput(slim, -1, "брак", "write_off", dt.date(2026, 6, 5)), TODAY)
    later_lost = sell(dt.date(2026, 6, 12), LineInput(slim, 6, "900"))
    change_status(db, later_lost, status_id(db, "cancelled"), loss_reason_id(db), today=TODAY)
    with db.session() as session:
        first = choices.channels(session)[0]
    channel, channel_name = first.id, first.name
    for amount, category, extra in (
        ("1500", "ads", {"channel_id": channel, "comment": "Авито"}),
        ("200", "delivery", {}),
        ("99.90", "fees", {"comment": "эквайринг"}),
    ):
        save_expense(db, ExpenseInput(amount, category, dt.date(2026, 6, 3), **extra), today=TODAY)
    return Stocked(
        slim=slim, travel=travel, mini=mini, classic=classic, company=company, ivan=ivan,
        p1=p1, p2=p2, p3=p3, early=early, later_lost=later_lost, sale=sale, lost=lost,
        planned=planned,
        travel_sale=travel_sale, mini_sale=mini_sale, classic_sale=classic_sale,
        channel=channel, channel_name=channel_name,
    )  # fmt: skip


# What must come back, row for row: ids included, but products by name (the exchange format
# names them, so a new base numbers them in the Products sheet's order); the stamps of when a
# row was written are not data of the business.
ROWS = {
    "purchases": """
        SELECT id, date, supplier_id, supplier_name, document, comment, delivery_cost
        FROM purchases ORDER BY id""",
    "purchase_lines": """
        SELECT pl.id, pl.purchase_id, pl.position, p.name, pl.quantity, pl.unit_cost,
               pl.delivery_share
        FROM purchase_lines pl JOIN products p ON p.id = pl.product_id ORDER BY pl.id""",
    "expenses": """
        SELECT e.id, e.date, e.amount, e.category, ch.name, e.comment
        FROM expenses e LEFT JOIN channels ch ON ch.id = e.channel_id ORDER BY e.id""",
    "stock_adjustments": """
        SELECT a.id, a.date, p.name, a.kind, a.quantity, a.reason, a.fifo_start
        FROM stock_adjustments a JOIN products p ON p.id = a.product_id ORDER BY a.id""",
    "cost_splits": """
        SELECT shipment_id, adjustment_id, purchase_line_id, quantity, cost, beyond_stock
        FROM cost_splits ORDER BY shipment_id, adjustment_id, purchase_line_id""",
    "shipments": """
        SELECT s.id, s.order_id, p.name, s.quantity, s.unit_cost, s.cost_remainder, s.fifo_start
        FROM shipments s JOIN products p ON p.id = s.product_id ORDER BY s.id""",
    "orders": "SELECT id, amount, cost, profit FROM orders ORDER BY id",
    "products": "SELECT name, sku, min_stock, default_cost FROM products ORDER BY name",
}


def rows_of(database: Database) -> dict[str, list[tuple]]:
    with database.engine.connect() as connection:
        return {
            name: [tuple(r) for r in connection.execute(text(sql))] for name, sql in ROWS.items()
        }


def levels(database: Database) -> list[tuple]:
    return [
        (s.name, s.tracked, s.in_stock, s.reserved, s.available, s.min_stock, s.below_min)
        for s in stock_levels(database, TODAY)
    ]


def unit_cost(database: Database, order_id: int) -> D:
    with database.engine.connect() as connection:
        minor = connection.execute(
            text("SELECT unit_cost FROM shipments WHERE order_id = :o"), {"o": order_id}
        ).scalar_one()
    return D(minor) / 100


def fresh_import(path: Path, copy: Database, **kwargs):
    plan = plan_import(copy, read_file(path), today=TODAY)
    assert plan.rejections == ()
    result = apply_import(copy, plan, **kwargs)
    return plan, result, copy


def test_the_stocked_base_is_as_computed_by_hand(db, stocked):
    s = stocked
    assert unit_cost(db, s.early) == D("450.00")  # before Slim's first purchase: as typed
    assert unit_cost(db, s.sale) == D("525.83")  # 7887.50 / 15
    assert unit_cost(db, s.travel_sale) == D("1031.25")
    assert unit_cost(db, s.mini_sale) == D("300.00")  # counted, never bought: typed
    assert unit_cost(db, s.classic_sale) == D("600.00")
    assert unit_cost(db, s.later_lost) == D("588.33")
    with db.engine.connect() as connection:
        cost = connection.execute(
            text("SELECT cost FROM orders WHERE id = :o"), {"o": s.later_lost}
        ).scalar_one()
    assert cost == 353000  # 6 × 588.33 + 0.02
    assert levels(db) == [
        ("Classic", False, None, None, None, None, False),
        ("Mini", True, 17, 0, 17, 0, False),
        ("Slim", True, 6, 2, 4, 5, True),
        ("Travel", True, 3, 0, 3, None, False),
    ]


def test_the_sheets_say_purchases_lines_expenses_and_adjustments(db, stocked, tmp_path):
    s = stocked
    path = export(db, tmp_path, "xlsx")
    book = openpyxl.load_workbook(path, read_only=True)
    assert book.sheetnames[-4:] == list(STOCK_SHEETS)
    sheets = {
        name: [list(r) for r in book[name].iter_rows(values_only=True)] for name in book.sheetnames
    }
    book.close()
    day = dt.datetime
    assert sheets["Purchases"] == [
        [
            "Purchase ID", "Date", "Supplier ID", "Supplier", "Document", "Delivery cost",
            "Comment", "Total",
        ],
        [s.p1, day(2026, 5, 1), None, "Фабрика", "Н-1", 0, None, 5000],
        # 10 × 560 + 4 × 1000 + 300 of delivery
        [s.p2, day(2026, 5, 10), s.company, "ООО «Кожа»", "УПД-7", 300, "с доставкой", 9900],
        [s.p3, day(2026, 6, 10), None, None, None, 0, None, 1220],
    ]  # fmt: skip
    header, *lines = sheets["PurchaseLines"]
    assert header == [
        "Line ID", "Purchase ID", "Product", "Quantity", "Unit cost", "Delivery share", "Total"
    ]  # fmt: skip
    assert [row[1:] for row in lines] == [
        [s.p1, "Slim", 10, 500, 0, 5000],
        [s.p2, "Slim", 10, 560, 175, 5775],  # 300 × 5600 / 9600
        [s.p2, "Travel", 4, 1000, 125, 4125],
        [s.p3, "Slim", 2, 610, 0, 1220],
    ]
    assert [(*row[1:4], D(str(row[4])), row[5]) for row in sheets["Expenses"][1:]] == [
        (day(2026, 6, 3), "ads", s.channel_name, D("1500"), "Авито"),  # the channel by name
        (day(2026, 6, 3), "delivery", None, D("200"), None),
        (day(2026, 6, 3), "fees", None, D("99.9"), "эквайринг"),
    ]
    assert [row[1:] for row in sheets["StockAdjustments"][1:]] == [
        [day(2026, 5, 15), "Mini", "count", 20, "инвентаризация"],
        [day(2026, 6, 5), "Slim", "write_off", -1, "брак"],
    ]
    products = {row[0]: row for row in sheets["Products"][1:]}
    assert sheets["Products"][0][-1] == "Min stock"
    assert (products["Slim"][-1], products["Mini"][-1], products["Classic"][-1]) == (5, 0, None)


@pytest.mark.parametrize("file_format", FORMATS)
def test_a_stocked_base_comes_back_with_the_same_costs_and_stock(
    db, stocked, tmp_path, file_format, new_database
):
    before, stock_before = rows_of(db), levels(db)
    assert len(before["cost_splits"]) == 5  # the sale's two parts, the write-off, Travel's, …
    path = export(db, tmp_path, file_format)
    plan, result, copy = fresh_import(path, new_database("copy"))
    try:
        assert (len(plan.purchases), len(plan.expenses), len(plan.adjustments)) == (3, 3, 2)
        assert (result.purchases, result.purchase_lines) == (3, 4)
        assert (result.expenses, result.adjustments) == (3, 2)
        after, stock_after = rows_of(copy), levels(copy)
        assert sound(copy)
        assert unit_cost(copy, stocked.sale) == D("525.83")
    finally:
        copy.close()
    for table in ROWS:
        assert after[table] == before[table], table
    assert stock_after == stock_before


def test_delivery_shares_come_back_as_stored_or_are_spread_when_the_cost_was_edited(
    db, stocked, tmp_path, new_database
):
    """Shares written otherwise than services.purchases spreads them (175.00 / 125.00 made
    174.99 / 125.01 past the services, then re-costed) come back as they were; a delivery cost
    edited in the file (300 → 400) is spread again by value: 400 × 5600 / 9600 = 233.33 and
    166.67 (the kopeck left over to the larger remainder)."""
    with db.engine.begin() as connection:
        for product, share in ((stocked.slim, 17499), (stocked.travel, 12501)):
            connection.execute(
                text(
                    "UPDATE purchase_lines SET delivery_share = :share WHERE purchase_id = :p"
                    " AND product_id = :product"
                ),
                {"share": share, "p": stocked.p2, "product": product},
            )
            connection.execute(
                text("INSERT INTO stock_dirty (product_id, since) VALUES (:product, '2026-05-10')"),
                {"product": product},
            )
    settle(db)
    before = rows_of(db)
    assert [row[6] for row in before["purchase_lines"]] == [0, 17499, 12501, 0]
    folder = export(db, tmp_path, "csv-standard")
    _plan, _result, copy = fresh_import(folder, new_database("copy"))
    try:
        assert rows_of(copy) == before
    finally:
        copy.close()
    file = folder / "purchases.csv"
    text_ = file.read_text(encoding="utf-8-sig")
    assert ",300.00," in text_
    file.write_text(text_.replace(",300.00,", ",400.00,"), encoding="utf-8-sig")
    _plan, _result, edited = fresh_import(folder, new_database("edited"))
    try:
        shares = [row[6] for row in rows_of(edited)["purchase_lines"]]
    finally:
        edited.close()
    assert shares == [0, 23333, 16667, 0]


def test_the_own_export_again_adds_no_purchase_expense_or_adjustment(db, stocked, tmp_path):
    path = export(db, tmp_path, "csv-excel-ru")
    before = rows_of(db)
    plan = plan_import(db, read_file(path), today=TODAY)
    assert (plan.purchases, plan.expenses, plan.adjustments) == ((), (), ())
    assert plan.stock_known == 3 + 3 + 2
    apply_import(db, plan)
    assert rows_of(db) == before


def test_a_second_identical_expense_in_the_file_is_added_once_more(db, stocked, tmp_path):
    """Each row of the database stands for one row of the file: a twin is new."""
    folder = export(db, tmp_path, "csv-standard")
    with open(folder / "expenses.csv", encoding="utf-8-sig") as handle:
        header, *rows = handle.read().splitlines()
    twin = rows[1].split(",", 1)[1]  # the delivery of 200.00, without its id
    with open(folder / "expenses.csv", "w", encoding="utf-8-sig") as handle:
        handle.write("\n".join([header, *rows, "," + twin]) + "\n")
    plan = plan_import(db, read_file(folder), today=TODAY)
    assert [(e.category, e.amount) for e in plan.expenses] == [("delivery", D("200.00"))]
    assert plan.has_work


def as_before(path: Path) -> None:
    """The export made into one from before stock: no stock sheets, no Min stock column."""
    if path.suffix == ".xlsx":
        book = openpyxl.load_workbook(path)
        for name in STOCK_SHEETS:
            del book[name]
        products = book["Products"]
        assert products.cell(1, products.max_column).value == "Min stock"
        products.delete_cols(products.max_column)
        book.save(path)
        return
    for name in STOCK_SHEETS:
        (path / f"{name.lower()}.csv").unlink()
    file = path / "products.csv"
    raw = file.read_text(encoding="utf-8-sig")
    delimiter = ";" if raw.splitlines()[0].count(";") else ","
    rows = list(csv.reader(raw.splitlines(keepends=True), delimiter=delimiter))
    with open(file, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(row[:-1] for row in rows)


@pytest.mark.parametrize("file_format", ["xlsx", "csv-excel-ru"])
def test_a_file_from_before_stock_imports_with_its_typed_costs(
    db, stocked, tmp_path, file_format, new_database
):
    before = rows_of(db)
    path = export(db, tmp_path, file_format)
    as_before(path)
    plan, result, copy = fresh_import(path, new_database("copy"))
    try:
        assert (plan.purchases, plan.expenses, plan.adjustments, plan.stock_known) == (
            (),
            (),
            (),
            0,
        )
        assert (result.purchases, result.expenses, result.adjustments) == (0, 0, 0)
        after = rows_of(copy)
        assert all(not level[1] for level in levels(copy))  # nothing tracked
        assert unit_cost(copy, stocked.sale) == D("525.83")  # the file's cost, kept as typed
        assert sound(copy)
    finally:
        copy.close()
    assert after["purchases"] == after["cost_splits"] == after["stock_adjustments"] == []
    assert [row[:6] for row in after["shipments"]] == [row[:6] for row in before["shipments"]]
    assert all(row[6] is None for row in after["shipments"])  # no FIFO sequence
    assert [row[2] for row in after["products"]] == [None] * 4  # no minimums in the file


def test_purchases_imported_into_a_base_recost_its_typed_sales(db, tmp_path, new_database):
    """The issue's example: a sale of 15 typed at 450.00 becomes 10 × 500 + 5 × 560 = 7 800,00
    once the file's two batches are in (through the unit of work's re-costing)."""
    slim = create_product(db, ProductInput("Slim", None, "900", "450")).id
    ivan = create_contact(db, ContactInput("Иван", "+7 916 000-00-01")).id
    sale = save_order(
        db,
        OrderInput(ivan, dt.date(2026, 6, 1), status_id(db, "completed"),
                   lines=(LineInput(slim, 15, "900", "450"),)),
        today=TODAY,
    ).id  # fmt: skip
    assert unit_cost(db, sale) == D("450.00")
    source = new_database("supplier")
    try:
        other = create_product(source, ProductInput("SLIM", None, "0", "0")).id  # any case
        for day, cost in ((dt.date(2026, 5, 1), "500"), (dt.date(2026, 5, 10), "560")):
            lines = (PurchaseLineInput(other, 10, cost),)
            save_purchase(source, PurchaseInput(day, lines=lines), today=TODAY)
        path = export(source, tmp_path, "xlsx")
    finally:
        source.close()
    plan = plan_import(db, read_file(path), today=TODAY)
    assert plan.rejections == () and len(plan.purchases) == 2 and plan.products_new == 0
    apply_import(db, plan)
    with db.engine.connect() as connection:
        cost = connection.execute(
            text("SELECT cost FROM orders WHERE id = :o"), {"o": sale}
        ).scalar_one()
    assert D(cost) / 100 == D("7800.00")
    assert unit_cost(db, sale) == D("520.00")
    assert levels(db) == [("Slim", True, 5, 0, 5, None, False)]
    assert sound(db)


CARDS = {
    "contacts.csv": "Contact ID,Name,Phone\n",
    "orders.csv": "Order ID,Date,Status,Contact ID\n",
    "shipments.csv": "Order ID,Date,Product,Quantity,Unit price,Unit cost\n",
}
BAD = {
    "purchases.csv": (
        "Purchase ID,Date,Supplier ID,Supplier,Document,Delivery cost,Comment\n"
        "1,2026-05-01,,Фабрика,,,\n"
        "2,2026-05-02,999,,,,\n"
        "3,2026-05-03,,,,-5,\n"
        "4,2026-05-04,,,,,\n"
        "5,2026-05-05,,Склад,,,\n"
    ),
    "purchaselines.csv": (
        "Line ID,Purchase ID,Product,Quantity,Unit cost\n"
        "1,1,Slim,0,500\n"
        "2,2,Slim,1,500\n"
        "3,3,Slim,1,500\n"
        "4,7,Slim,1,500\n"
        "5,5,Slim,3,400\n"
    ),
    "expenses.csv": (
        "Expense ID,Date,Category,Channel,Amount,Comment\n"
        "1,2026-06-01,delivery,Авито,100,\n"
        "2,2026-06-01,ads,,0,\n"
        "3,2026-06-01,bribes,,10,\n"
        "4,2026-06-01,Реклама,Авито,10,\n"
    ),
    "stockadjustments.csv": (
        "Adjustment ID,Date,Product,Kind,Quantity,Reason\n"
        "1,2026-06-01,Slim,count,5,\n"
        "2,2026-06-01,Slim,theft,-1,x\n"
        "3,2026-06-01,Slim,count,0,x\n"
        "4,2026-06-02,Slim,списание,2,брак\n"
    ),
}


def test_bad_stock_rows_are_refused_by_sheet_row_and_column(db, tmp_path):
    folder = tmp_path / "file"
    folder.mkdir()
    for name, content in {**CARDS, **BAD}.items():
        (folder / name).write_text(content, encoding="utf-8")
    plan = plan_import(db, read_file(folder), today=TODAY)
    assert [(r.sheet, r.row, r.column, r.code) for r in plan.rejections] == [
        ("purchases", 3, "Supplier ID", "import.no_such_contact"),
        ("purchases", 4, "Delivery cost", "money.negative"),
        ("purchases", 5, "Purchase ID", "purchase.lines_required"),
        ("purchaselines", 2, "Quantity", "quantity.too_small"),
        ("purchaselines", 5, "Purchase ID", "purchase.not_found"),
        ("expenses", 2, "Channel", "expense.channel_for_ads"),
        ("expenses", 3, "Amount", "expense.amount_not_positive"),
        ("expenses", 4, "Category", "expense.category_unknown"),
        ("stockadjustments", 2, "Reason", "adjustment.reason_required"),
        ("stockadjustments", 3, "Kind", "adjustment.kind_unknown"),
        ("stockadjustments", 4, "Quantity", "adjustment.quantity_zero"),
    ]
    # a refused line takes its purchase along, and a refused purchase its lines
    skipped = {(row.sheet, row.row) for row in plan.skipped}
    assert {("purchases", 2), ("purchaselines", 3), ("purchaselines", 4)} <= skipped
    result = apply_import(db, plan, skip_rejected=True)
    assert (result.purchases, result.purchase_lines) == (1, 1)
    assert (result.expenses, result.adjustments) == (1, 1)
    rows = rows_of(db)
    assert [row[3:5] for row in rows["purchases"]] == [("Склад", None)]
    assert [row[3:] for row in rows["expenses"]] == [("ads", "Авито", None)]
    # the write-off, written as 2, takes 2 units of the 3 bought at 400.00: 800.00
    assert [row[3:6] for row in rows["stock_adjustments"]] == [("write_off", -2, "брак")]
    assert [row[2:5] for row in rows["cost_splits"]] == [(5, 2, 80000)]  # line 5, the file's id
    assert levels(db) == [("Slim", True, 1, 0, 1, None, False)]


def test_nothing_is_written_while_a_stock_row_is_refused(db, tmp_path):
    folder = tmp_path / "file"
    folder.mkdir()
    for name, content in {**CARDS, **BAD}.items():
        (folder / name).write_text(content, encoding="utf-8")
    plan = plan_import(db, read_file(folder), today=TODAY)
    with pytest.raises(Exception, match="rejected"):
        apply_import(db, plan)
    assert all(rows == [] for name, rows in rows_of(db).items() if name != "products")
