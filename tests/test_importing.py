"""Import: a Russian sales log by hand-computed figures, rejected rows, the exchange round trip."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal as D

import openpyxl
import pytest
from sqlalchemy import func, select

from models import Contact, Order, Product, Shipment
from services import choices
from services.contacts import ContactInput, create_contact, set_archived
from services.errors import Cancelled, ValidationError
from services.exchange import Snapshot, export_all
from services.figures import Period, contact_figures, period_figures
from services.importing import (
    NO_REASON_NOTE,
    ImportRejected,
    SourceSheet,
    apply_import,
    match_headers,
    plan_import,
    read_file,
    write_rejected,
)
from services.orders import LineInput, OrderInput, get_order, save_order
from services.products import ProductInput, create_product
from services.storage import Database
from tests.conftest import TODAY
from tests.more_databases import NewDatabases


@pytest.fixture
def new_database(request, tmp_path):
    with NewDatabases(request, tmp_path) as databases:
        yield databases.open


def sheet(name: str, headers, rows) -> SourceSheet:
    """Rows numbered as a spreadsheet shows them: the header is row 1."""
    numbered = [(number, tuple(cells)) for number, cells in enumerate(rows, start=2)]
    return SourceSheet(name, tuple(headers), lambda: iter(numbered), len(numbered))


LOG_HEADERS = (
    *("Дата", "Клиент", "Тел.", "Товар", "Кол-во", "Цена"),
    *("Закупка", "Статус", "Комментарий", "Адрес"),
)
CLASSIC, MINI, TRAVEL = "Кошелёк Classic", "Картхолдер Mini", "Портмоне Travel"
# TODAY is 2026-06-15. Orders (no order-number column: grouped by date and phone):
# A 05-10 Иван   Выполнен: 2×1500/900 + 1×1250.50/700     → 4250.50 / 2500
# B 05-20 Иван   (none → Completed): 3×1500/900            → 4500 / 2700
# C 05-21 Иван   Оплачен: 1×2000/1100                       → 2000 / 1100
# D 06-01 Игорь1 Выполнен: 1×1450.50/900                    → 1450.50 / 900
# E 06-01 Игорь2 Отменен: 2×1400/900                        → cancelled, excluded
# F 06-20 Игорь1 (none → Confirmed, planned): 2×1200/700    → planned 2400 / 1400
# G 06-14 Мария  Выполнен: 1×800/400 (new product)          → 800 / 400
LOG_ROWS = [
    (dt.datetime(2026, 5, 10), "Иван Петров", "+7 916 123-45-67", CLASSIC, 2, D("1500"), D("900"),
     "Выполнен", "Самовывоз", "Москва, ул. Ленина, 1"),
    ("10.05.2026", "Иван", "8 (916) 123-45-67", MINI, "1", "1 250,50", "700", "выполнен",
     None, None),
    ("2026-05-20", "иван петров", "89161234567", "кошелек classic", "3,0", "1\u00a0500 ₽",
     "900", None, None, None),
    ("21.05.26", None, "916 123 45 67", TRAVEL, "1", "2 000", "1 100", "Оплачен", None, None),
    ("01.06.2026", "Игорь", "+7 903 555-11-22", CLASSIC, "1", "1450.5", "900", "Выполнен",
     None, None),
    ("01.06.2026", "Игорь", "+7 905 777-88-99", CLASSIC, "2", "1400", "900", "Отменён",
     None, None),
    ("20.06.2026", "Игорь", "+7 903 555-11-22", MINI, "2", "1200", "700", None, None, None),
    ("14.06.2026", "Мария", "+7 926 000-11-22", "Ремень Strap", "1", "800", "400", "Выполнен",
     None, None),
]  # fmt: skip


def count(db: Database, model) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model))


def contact_by_phone(db: Database, phone: str) -> Contact:
    with db.session() as session:
        return session.scalar(select(Contact).where(Contact.phone == phone))


def orders_of(db: Database, contact_id: int) -> list:
    with db.session() as session:
        ids = session.scalars(
            select(Order.id).where(Order.contact_id == contact_id).order_by(Order.date)
        )
        return [get_order(db, i, TODAY) for i in ids]


def test_headers_match_in_russian_and_english_and_a_mapping_completes_them():
    match = match_headers(["Дата заказа", " ТЕЛЕФОН ", "Покупатель", "Qty", "Сумма", "Модель"])
    assert match.fields == {0: "date", 1: "phone", 2: "customer", 3: "quantity", 5: "product"}
    assert match.unmatched == (4,)
    assert match_headers(["Cost price", "Order ID", "Контакт name"]).fields == {
        0: "cost",
        1: "order_number",
    }
    mapped = match_headers(
        ["Дата", "Сумма", "Кто"], {"Сумма": "price", 2: "customer", "Дата": None}
    )
    assert mapped.fields == {1: "price", 2: "customer"} and mapped.unmatched == (0,)


def test_a_russian_sales_log_imports_to_the_hand_computed_shop(db):
    plan = plan_import(db, [sheet("Продажи", LOG_HEADERS, LOG_ROWS)], today=TODAY)
    assert plan.rejections == ()
    assert (plan.contacts_new, plan.contacts_existing) == (4, 0)
    assert (plan.products_new, plan.products_existing) == (4, 0)
    assert (plan.order_count, plan.line_count) == (7, 8)
    result = apply_import(db, plan)
    assert (result.contacts_created, result.orders, result.lines) == (4, 7, 8)
    assert (count(db, Contact), count(db, Order), count(db, Shipment)) == (4, 7, 8)

    ivan = contact_by_phone(db, "+79161234567")  # four spellings of one phone: one contact
    assert ivan.name == "Иван Петров" and ivan.address == "Москва, ул. Ленина, 1"
    assert ivan.notes == "Also written as: Иван"  # "иван петров" is the same spelling
    igor1, igor2 = contact_by_phone(db, "+79035551122"), contact_by_phone(db, "+79057778899")
    assert igor1.name == igor2.name == "Игорь" and igor1.id != igor2.id

    a, b, c = orders_of(db, ivan.id)
    assert (a.date, a.status, len(a.lines)) == (dt.date(2026, 5, 10), "Completed", 2)
    assert (a.figures.amount, a.figures.cost) == (D("4250.50"), D("2500.00"))
    assert a.comment == "Самовывоз"
    assert (b.status, b.figures.amount, b.lines[0].quantity) == ("Completed", D("4500.00"), 3)
    assert b.lines[0].product == CLASSIC  # "кошелек classic" is the same product
    assert c.status == "Paid" and c.date == dt.date(2026, 5, 21)
    d, f = orders_of(db, igor1.id)
    assert d.figures.amount == D("1450.50")
    assert f.status == "Confirmed" and f.lines[0].planned  # dated 06-20, after TODAY
    (e,) = orders_of(db, igor2.id)
    assert e.status == "Cancelled" and e.loss_note == NO_REASON_NOTE

    figures = period_figures(db, Period(), TODAY)
    # realized: A 4250.50 + B 4500 + C 2000 + D 1450.50 + G 800; E cancelled, F planned
    assert (figures.realized.amount, figures.realized.cost) == (D("13001.00"), D("7600.00"))
    assert (figures.planned.amount, figures.planned.cost) == (D("2400.00"), D("1400.00"))
    assert (figures.orders, figures.lines) == (5, 6)
    ivan_figures = contact_figures(db, ivan.id, TODAY)
    assert ivan_figures.orders == 3 and ivan_figures.realized.amount == D("10750.50")
    assert ivan_figures.realized.profit == D("4450.50")  # 10750.50 − (2500 + 2700 + 1100)
    assert contact_figures(db, igor2.id, TODAY).realized.amount == 0

    with db.session() as session:
        defaults = {
            p.name: (p.default_price, p.default_cost) for p in session.scalars(select(Product))
        }
    assert defaults[CLASSIC] == (D("1500.00"), D("900.00"))  # the first row's price and cost
    assert defaults["Ремень Strap"] == (D("800.00"), D("400.00"))


def test_the_russian_log_as_a_real_workbook_imports_the_same(db, tmp_path):
    """The same log typed into Excel: real date cells, numbers, text — read from the file."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Продажи"
    ws.append(LOG_HEADERS)
    for row in LOG_ROWS:
        ws.append([float(c) if isinstance(c, D) else c for c in row])
    # G's date typed as Excel's own day number (a date cell whose format was lost)
    serial = (dt.date(2026, 6, 14) - dt.date(1899, 12, 30)).days
    ws.cell(row=len(LOG_ROWS) + 1, column=1, value=serial)
    path = tmp_path / "продажи.xlsx"
    book.save(path)
    plan = plan_import(db, read_file(path), today=TODAY)
    assert plan.rejections == () and (plan.order_count, plan.line_count) == (7, 8)
    apply_import(db, plan)
    figures = period_figures(db, Period(), TODAY)
    assert (figures.realized.amount, figures.realized.cost) == (D("13001.00"), D("7600.00"))
    assert (figures.planned.amount, figures.planned.cost) == (D("2400.00"), D("1400.00"))


NUMBERED = ("№ заказа", "Дата", "Имя", "Телефон", "Товар", "Количество", "Цена", "Себестоимость")
NUMBERED_ROWS = [
    ("1", "01.06.2026", "Анна", "+7 903 111-22-33", CLASSIC, "1", "1000", "600"),
    ("1", "02.06.2026", "Анна", "+7 903 111-22-33", MINI, "0", "500", "300"),  # row 3: qty 0
    ("2", "03.06.2026", "Олег", "+7 926 222-33-44", CLASSIC, "2", "1000", "600"),
    ("3", "04.06.2026", "Вера", "8 (000) 123", CLASSIC, "1", "1000", "600"),  # row 5: phone
]


def test_one_bad_row_imports_nothing_and_names_the_row_and_column(db):
    plan = plan_import(db, [sheet("Лист1", NUMBERED, NUMBERED_ROWS)], today=TODAY)
    assert [(r.row, r.column) for r in plan.rejections] == [(3, "Количество"), (5, "Телефон")]
    assert plan.rejections[0].code == "quantity.too_small"
    assert plan.order_count == 1  # only order 2 is whole
    with pytest.raises(ImportRejected) as caught:
        apply_import(db, plan)
    assert caught.value.rejections == plan.rejections
    assert "Лист1, row 3, Количество:" in str(caught.value)
    assert "Лист1, row 5, Телефон:" in str(caught.value)
    assert (count(db, Contact), count(db, Order), count(db, Product)) == (0, 0, 0)


def test_skip_rejected_imports_the_rest_and_writes_the_skipped_rows_beside_the_source(db, tmp_path):
    source_sheet = sheet("Лист1", NUMBERED, NUMBERED_ROWS)
    plan = plan_import(db, [source_sheet], today=TODAY)
    result = apply_import(db, plan, skip_rejected=True)
    assert (result.orders, result.lines, result.contacts_created) == (1, 1, 1)
    # order 1 is skipped whole (row 2 with its bad row 3), and order 3's row 5
    assert [s.row for s in result.skipped] == [2, 3, 5]
    assert "row 3" in result.skipped[0].reason
    (order,) = orders_of(db, contact_by_phone(db, "+79262223344").id)
    assert order.figures.amount == D("2000.00") and order.status == "Completed"

    source = tmp_path / "sales.xlsx"
    written = write_rejected(source, source_sheet.headers, result.skipped)
    assert written == tmp_path / "sales.rejected.csv"
    assert written.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(written, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0] == [*NUMBERED, "Reason"]
    assert [r[0] for r in rows[1:]] == ["1", "1", "3"]
    assert rows[2][5] == "0" and "Количество" in rows[2][-1]
    assert rows[3][3] == "8 (000) 123"
    # the fixed file reads back as a sales log: the Reason column is just not matched
    assert plan_import(db, [sheet("x", rows[0], rows[1:2])], today=TODAY).rejections == ()


def test_an_existing_phone_links_to_the_existing_contact(db):
    anna = create_contact(db, ContactInput("Анна Соколова", "+7 903 111-22-33"))
    create_product(db, ProductInput(CLASSIC, "CL-1", "1000", "600"))
    rows = [("05.06.2026", "Аня", "8 903 111 22 33", "кошелёк CLASSIC", "2", None, None)]
    headers = ("Date", "Customer", "Phone", "Product", "Qty", "Price", "Cost")
    plan = plan_import(db, [sheet("Sales", headers, rows)], today=TODAY)
    assert (plan.contacts_new, plan.contacts_existing, plan.products_existing) == (0, 1, 1)
    result = apply_import(db, plan)
    assert (result.contacts_created, result.contacts_linked) == (0, 1)
    (order,) = orders_of(db, anna.id)
    # empty price and cost take the catalogue's defaults: 2×1000 / 2×600
    assert (order.figures.amount, order.figures.cost) == (D("2000.00"), D("1200.00"))
    assert contact_by_phone(db, "+79031112233").name == "Анна Соколова"  # left as it was
    assert count(db, Contact) == 1 and count(db, Product) == 1


def test_a_missing_required_column_asks_for_a_mapping(db):
    headers = ("Дата", "Клиент", "Непонятно", "Цена")
    rows = [("01.06.2026", "Игорь", CLASSIC, "100")]
    with pytest.raises(ValidationError, match="Product"):
        plan_import(db, [sheet("s", headers, rows)], today=TODAY)
    plan = plan_import(db, [sheet("s", headers, rows)], {"Непонятно": "product"}, today=TODAY)
    assert (plan.order_count, plan.contacts_new, plan.rejections) == (1, 1, ())


def test_cancel_from_progress_imports_nothing(db):
    plan = plan_import(db, [sheet("Продажи", LOG_HEADERS, LOG_ROWS)], today=TODAY)
    calls = []

    def cancel(done: int, total: int) -> None:
        calls.append((done, total))
        if done == total:  # everything was inserted, the transaction not yet committed
            raise Cancelled("cancelled")

    with pytest.raises(Cancelled):
        apply_import(db, plan, progress=cancel)
    assert calls == [(0, 7), (7, 7)]
    counts = [count(db, m) for m in (Contact, Product, Order, Shipment)]
    assert counts == [0, 0, 0, 0]


# --- the exchange format round trip ----------------------------------------------------------


def read_xlsx(path) -> list[SourceSheet]:
    return read_file(path)


def read_csv_folder(folder) -> list[SourceSheet]:
    return [sheet for path in sorted(folder.glob("*.csv")) for sheet in read_file(path)]


def exported(db: Database) -> dict[str, list]:
    with Snapshot(db) as snapshot:
        return {t.name: [tuple(r) for r in t.rows()] for t in snapshot.tables(TODAY)}


@pytest.mark.parametrize("file_format", ["xlsx", "csv"])
def test_the_exchange_format_round_trip_is_lossless(db, shop, tmp_path, file_format, new_database):
    extra = create_contact(
        db,
        ContactInput("=Опасная Ольга", None, "olga@mail.ru", "Тверь", "VIP\nзвонить днём", 1),
    )
    set_archived(db, extra.id)
    create_product(db, ProductInput("Старый кошелёк", None, "10.10", "5.05", active=False))
    with db.session() as session:
        channel = choices.channels(session)[-1].id
        reason = choices.loss_reasons(session)[0].id
        completed = choices.status_by_code(session, "completed").id
        cancelled = choices.status_by_code(session, "cancelled").id
    for status, extra_fields in (
        (completed, {"channel_id": channel, "comment": "Самовывоз; =не формула"}),
        (cancelled, {"loss_reason_id": reason, "loss_note": "Передумал, купил у соседа"}),
    ):
        save_order(
            db,
            OrderInput(shop.anna, "03.06.2026", status, lines=(LineInput(shop.product_c, 1),),
                       **extra_fields),
            today=TODAY,
        )  # fmt: skip
    target = tmp_path / ("all.xlsx" if file_format == "xlsx" else "all")
    export_all(db, target, file_format, TODAY)
    sheets = read_xlsx(target) if file_format == "xlsx" else read_csv_folder(target)

    copy = new_database("copy")
    try:
        plan = plan_import(copy, sheets, today=TODAY)
        assert plan.kind == "exchange" and plan.rejections == ()
        assert (plan.contacts_new, plan.order_count, plan.line_count) == (4, 8, 10)
        apply_import(copy, plan)
        before, after = exported(db), exported(copy)
    finally:
        copy.close()
    for name in ("Contacts", "Orders", "Shipments", "Products"):
        assert after[name] == before[name], name


def test_a_bad_shipment_row_in_the_exchange_format_rejects_its_whole_order(
    db, shop, tmp_path, new_database
):
    target = tmp_path / "all.xlsx"
    export_all(db, target, "xlsx", TODAY)
    sheets = read_xlsx(target)
    lines = next(s for s in sheets if s.name == "Shipments")
    rows = list(lines.rows())
    number, cells = rows[0]  # the first line of O1
    bad = list(cells)
    bad[lines.headers.index("Quantity")] = "-1"
    rows[0] = (number, tuple(bad))
    broken = SourceSheet("Shipments", lines.headers, lambda: iter(rows), len(rows))
    sheets = [broken if s is lines else s for s in sheets]

    copy = new_database("copy")
    try:
        plan = plan_import(copy, sheets, today=TODAY)
        assert [(r.sheet, r.row, r.column) for r in plan.rejections] == [
            ("Shipments", 2, "Quantity")
        ]
        assert (plan.order_count, plan.line_count) == (5, 6)  # O1 and its two lines left out
        with pytest.raises(ImportRejected):
            apply_import(copy, plan)
        assert count(copy, Contact) == 0
        result = apply_import(copy, plan, skip_rejected=True)
        assert [(s.sheet, s.row) for s in result.skipped] == [
            ("Orders", 2), ("Shipments", 2), ("Shipments", 3)
        ]  # fmt: skip
        assert count(copy, Order) == 5 and count(copy, Contact) == 3
        with copy.session() as session:
            assert session.get(Order, shop.o1) is None and session.get(Order, shop.o2) is not None
    finally:
        copy.close()


def test_a_large_import_copies_the_database_aside_first(db, shop, tmp_path, monkeypatch):
    from services.backup import list_backups
    from services.importing import run as import_run

    monkeypatch.setattr(import_run, "LARGE_IMPORT_LINES", 2)  # the shop's log counts as large
    plan = plan_import(db, [sheet("Продажи", LOG_HEADERS, LOG_ROWS)], today=TODAY)
    outcome = import_run.run_import(db, tmp_path / "log.xlsx", plan)
    if db.path is None:  # a server's database: no file here to copy (its server backs it up)
        assert outcome.backup is None and outcome.result.orders == 7
        assert count(db, Order) == 6 + 7
        return
    assert outcome.backup is not None and outcome.result.orders == 7
    (saved,) = list_backups(import_run.before_import_folder(db.path), with_counts=True)
    assert saved.counts["orders"] == 6  # the shop as it was, before the 7 imported orders
    assert outcome.rejected_files == ()


def test_a_committed_import_stays_a_success_when_its_rejected_rows_cannot_be_written(
    db, tmp_path, monkeypatch
):
    from services.importing import run as import_run

    def locked(source, plan, translate):
        raise PermissionError(13, "The file is open in another program")

    monkeypatch.setattr(import_run, "write_skipped", locked)
    plan = plan_import(db, [sheet("Лист1", NUMBERED, NUMBERED_ROWS)], today=TODAY)
    outcome = import_run.run_import(db, tmp_path / "log.xlsx", plan, skip_rejected=True)
    # imported once, and said so: a failure here would invite a second, duplicate import
    assert outcome.result.orders == 1 and count(db, Order) == 1
    assert outcome.rejected_error.code == "import.rejected_file.denied"
