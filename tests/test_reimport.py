"""Re-import: the same growing sales log imported every week, and Lavka's own export again."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from sqlalchemy import delete, func, select, text

from models import Order, OrderOrigin, Shipment
from services.contacts import ContactInput, create_contact
from services.errors import Cancelled
from services.exchange import Snapshot, export_all
from services.figures import Period, period_figures
from services.importing import apply_import, plan_import, read_file
from services.orders import LineInput, OrderInput, delete_order, get_order, save_order
from services.products import ProductInput, create_product
from services.storage import Database
from tests.conftest import TODAY, status_id
from tests.more_databases import NewDatabases
from tests.test_importing import sheet

HEADERS = ("№ заказа", "Дата", "Клиент", "Телефон", "Товар", "Кол-во", "Цена", "Закупка")
IVAN, OLEG = ("Иван Петров", "+7 916 123-45-67"), ("Олег Смирнов", "+7 903 111-22-33")
CLASSIC, MINI = "Кошелёк Classic", "Картхолдер Mini"
# TODAY is 2026-06-15; every line is in the past, so every order is Completed.
# 1  05-02 Иван  Classic 2×1500/900 + Mini 1×800/400  → 3800
# 2  05-10 Олег  Classic 1×1500/900                    → 1500
# 3  06-01 Иван  Mini 3×800/400                        → 2400      together 7700
BASE = [
    ("1", "02.05.2026", *IVAN, CLASSIC, 2, "1500", "900"),
    ("1", "02.05.2026", *IVAN, MINI, 1, "800", "400"),
    ("2", "10.05.2026", *OLEG, CLASSIC, 1, "1500", "900"),
    ("3", "01.06.2026", *IVAN, MINI, 3, "800", "400"),
]
# Ten more orders, 4…13, Олег, Mini 1×800/400 each: 8000.
MORE = [(str(n), "12.06.2026", *OLEG, MINI, 1, "800", "400") for n in range(4, 14)]


@pytest.fixture
def new_database(request, tmp_path):
    with NewDatabases(request, tmp_path) as databases:
        yield databases.open


def log(rows):
    return [sheet("Продажи", HEADERS, rows)]


def imported(db: Database, rows, prefer_file: bool = False):
    plan = plan_import(db, log(rows), today=TODAY)
    assert plan.rejections == ()
    return plan, apply_import(db, plan, prefer_file=prefer_file)


def revenue(db: Database) -> D:
    return period_figures(db, Period(), TODAY).realized.amount


def order_of(db: Database, key: str) -> int:
    with db.session() as session:
        return session.scalar(select(OrderOrigin.order_id).where(OrderOrigin.key == key))


def counts(db: Database) -> tuple[int, int]:
    with db.session() as session:
        orders = session.scalar(select(func.count()).select_from(Order))
        return orders, session.scalar(select(func.count()).select_from(Shipment))


def stamps(db: Database) -> list:
    with db.session() as session:
        return session.execute(select(Order.id, Order.updated_at).order_by(Order.id)).all()


def buy_four_in_lavka(db: Database, order_id: int) -> None:
    """Order 3 edited in the order editor's way: 4 Mini instead of 3 (3200.00)."""
    view = get_order(db, order_id, TODAY)
    lines = (LineInput(view.lines[0].product_id, 4, "800", "400", "01.06.2026"),)
    data = OrderInput(view.contact_id, view.date, view.status_id, lines=lines)
    save_order(db, data, order_id, TODAY)


def test_the_same_log_again_changes_nothing(db):
    plan, result = imported(db, BASE)
    assert (plan.count("new"), result.orders, result.lines) == (3, 3, 4)
    assert revenue(db) == D("7700.00")
    before = stamps(db)

    again, result = imported(db, BASE)
    assert [o.state for o in again.orders] == ["unchanged"] * 3
    assert not again.has_work and again.line_count == 0
    assert (result.orders, result.updated, result.unchanged, result.lines) == (0, 0, 3, 0)
    assert counts(db) == (3, 4) and revenue(db) == D("7700.00")
    assert stamps(db) == before  # nothing written


def test_ten_more_orders_and_one_new_price(db):
    imported(db, BASE)
    second = order_of(db, "number:2")
    grown = [*BASE[:2], (*BASE[2][:6], "1700", "900"), BASE[3], *MORE]

    plan, result = imported(db, grown)
    assert (plan.count("new"), plan.count("updated"), plan.count("unchanged")) == (10, 1, 2)
    (update,) = plan.in_state("updated")
    assert (update.existing_id, update.old_amount, update.amount) == (
        second,
        D("1500.00"),
        D("1700"),
    )
    assert (result.orders, result.updated, result.unchanged) == (10, 1, 2)
    assert counts(db) == (13, 14)
    # 3800 + 1700 + 2400 + 10 × 800
    assert revenue(db) == D("15900.00")
    assert get_order(db, second, TODAY).id == second  # the same order, its line replaced
    assert imported(db, grown)[0].count("unchanged") == 13


def test_an_order_edited_in_lavka_is_a_conflict_and_lavkas_version_is_kept(db):
    imported(db, BASE)
    third = order_of(db, "number:3")
    buy_four_in_lavka(db, third)  # 4 × 800 = 3200 in Lavka
    changed = [*BASE[:3], (*BASE[3][:6], "900", "400")]  # 3 × 900 = 2700 in the file

    plan, result = imported(db, changed)
    (conflict,) = plan.in_state("conflict")
    assert (conflict.existing_id, conflict.old_amount, conflict.amount) == (
        third,
        D("3200.00"),
        D("2700"),
    )
    assert (result.updated, result.conflicts_kept) == (0, 1)
    assert get_order(db, third, TODAY).figures.amount == D("3200.00")

    plan, result = imported(db, changed, prefer_file=True)
    assert plan.count("conflict") == 1 and (result.updated, result.conflicts_kept) == (1, 0)
    assert get_order(db, third, TODAY).figures.amount == D("2700.00")
    assert imported(db, changed)[0].count("unchanged") == 3


def test_an_order_changed_in_lavka_alone_stays_as_lavka_has_it(db):
    imported(db, BASE)
    third = order_of(db, "number:3")
    buy_four_in_lavka(db, third)
    plan, _result = imported(db, BASE)
    assert plan.count("unchanged") == 3
    assert get_order(db, third, TODAY).figures.amount == D("3200.00")


def test_an_order_deleted_in_lavka_is_not_brought_back(db):
    imported(db, BASE)
    delete_order(db, order_of(db, "number:2"))
    plan, result = imported(db, BASE)
    assert (plan.count("deleted"), plan.count("unchanged"), result.orders) == (1, 2, 0)
    assert counts(db) == (2, 3) and revenue(db) == D("6200.00")  # 3800 + 2400


def test_a_log_without_order_numbers_is_matched_by_day_and_customer(db):
    rows = [row[1:] for row in BASE]
    headers = HEADERS[1:]
    plan = plan_import(db, [sheet("Продажи", headers, rows)], today=TODAY)
    apply_import(db, plan)
    changed = [*rows[:3], (*rows[3][:5], "900", "400")]
    plan = plan_import(db, [sheet("Продажи", headers, changed)], today=TODAY)
    assert (plan.count("new"), plan.count("updated"), plan.count("unchanged")) == (0, 1, 2)
    apply_import(db, plan)
    assert counts(db) == (3, 4) and revenue(db) == D("8000.00")  # 3800 + 1500 + 2700


def test_orders_imported_before_origins_were_kept_are_recognised(db):
    imported(db, BASE)
    with db.session() as session:  # as a database imported into by an older Lavka
        session.execute(delete(OrderOrigin))
        session.commit()
    plan, _result = imported(db, BASE)
    assert [(o.state, o.adopt) for o in plan.orders] == [("unchanged", True)] * 3
    assert counts(db) == (3, 4)
    plan, _result = imported(db, [*BASE[:3], (*BASE[3][:6], "900", "400")])
    assert plan.count("updated") == 1  # adopted: the origin is known from now on


def snapshot(db: Database) -> dict[str, list]:
    with Snapshot(db) as taken:
        return {t.name: [tuple(r) for r in t.rows()] for t in taken.tables(TODAY)}


def test_an_export_imported_twice_into_a_new_database_changes_nothing(
    db, shop, tmp_path, new_database
):
    target = tmp_path / "all.xlsx"
    export_all(db, target, "xlsx", TODAY)
    copy = new_database("copy")
    try:
        first = plan_import(copy, read_file(target), today=TODAY)
        assert first.count("new") == 6
        apply_import(copy, first)
        before = snapshot(copy)
        again = plan_import(copy, read_file(target), today=TODAY)
        assert again.count("unchanged") == 6 and not again.has_work
        result = apply_import(copy, again)
        assert (result.orders, result.updated, result.contacts_created) == (0, 0, 0)
        assert snapshot(copy) == before
    finally:
        copy.close()


def test_the_own_export_again_is_a_no_op_and_applies_spreadsheet_edits(db, shop, tmp_path):
    import openpyxl

    target = tmp_path / "all.xlsx"
    export_all(db, target, "xlsx", TODAY)
    before = snapshot(db)
    plan = plan_import(db, read_file(target), today=TODAY)
    assert plan.count("unchanged") == 6 and plan.count("new") == 0
    apply_import(db, plan)
    assert snapshot(db) == before

    book = openpyxl.load_workbook(target)
    lines = book["Shipments"]
    header = [c.value for c in lines[1]]
    for row in lines.iter_rows(min_row=2):
        if row[header.index("Order ID")].value == shop.o6:
            row[header.index("Quantity")].value = 3  # O6: Anna, B 1×500 → 3×500
    book.save(target)
    plan = plan_import(db, read_file(target), today=TODAY)
    (update,) = plan.in_state("updated")
    assert (update.existing_id, update.old_amount, update.amount) == (
        shop.o6,
        D("500.00"),
        D("1500.00"),
    )
    apply_import(db, plan)
    assert get_order(db, shop.o6, TODAY).figures.amount == D("1500.00")
    assert counts(db) == (6, 8)


def test_another_databases_export_gets_new_orders(db, shop, tmp_path, new_database):
    target = tmp_path / "all.xlsx"
    export_all(db, target, "xlsx", TODAY)
    other = new_database("other")
    try:
        strangers = [(*row[:3], "+7 926 000-00-01", *row[4:]) for row in BASE]
        imported(other, strangers)  # orders 1…3 of other customers hold the same numbers
        plan = plan_import(other, read_file(target), today=TODAY)
        assert plan.count("new") == 6 and not plan.keep_ids
        apply_import(other, plan)
        assert counts(other) == (9, 12)
        # 7700 + O1 3501 + O2 0 + O3 2400 + O5 2000 + O6 500 (O4 cancelled)
        assert revenue(other) == D("16101.00")
    finally:
        other.close()


def test_a_changed_line_date_moves_the_order_date_too(db):
    imported(db, BASE)
    moved = [*BASE[:3], ("3", "03.06.2026", *BASE[3][2:])]
    plan, _result = imported(db, moved)
    assert plan.count("updated") == 1
    assert get_order(db, order_of(db, "number:3"), TODAY).date == dt.date(2026, 6, 3)


# The triggers that are in force: SQLite's in the schema (a bulk write drops them), the
# server's enabled ones (a bulk write disables them).
TRIGGERS = {
    "sqlite": "SELECT name FROM sqlite_master WHERE type = 'trigger'",
    "postgresql": "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'D'",
}


def triggers(db: Database) -> set[str]:
    with db.session() as session:
        return {name for (name,) in session.execute(text(TRIGGERS[db.dialect]))}


def test_the_insert_triggers_set_aside_for_an_import_are_back_after_it(db):
    before = triggers(db)
    assert {"trg_shipments_totals_insert", "trg_orders_lifecycle_insert"} <= before
    imported(db, BASE)
    assert triggers(db) == before

    def cancel(done, total):
        if done:
            raise Cancelled()

    with pytest.raises(Cancelled):
        apply_import(db, plan_import(db, log(MORE), today=TODAY), progress=cancel)
    assert triggers(db) == before and counts(db) == (3, 4)  # rolled back, triggers included
    # the totals kept by the set-based recompute equal the lines: 3800, 1500, 2400
    with db.session() as session:
        amounts = session.scalars(select(Order.amount).order_by(Order.date)).all()
    assert amounts == [D("3800.00"), D("1500.00"), D("2400.00")]


def test_what_is_saved_after_an_import_takes_the_next_ids(db, shop, tmp_path, new_database):
    """An import hands out ids itself (a new database keeps the file's): what is saved after
    it goes on after them, whoever gives the ids (SQLite's highest + 1, a server's sequence)."""
    target = tmp_path / "all.xlsx"
    export_all(db, target, "xlsx", TODAY)
    copy = new_database("copy")
    plan = plan_import(copy, read_file(target), today=TODAY)
    assert plan.keep_ids
    apply_import(copy, plan)
    # The shop: contacts 1…3, products 1…3, orders 1…6 with 8 lines (ids 1…8).
    contact = create_contact(copy, ContactInput("Вера", "+7 916 555-00-01")).id
    product = create_product(copy, ProductInput("Ремень", None, "700", "300")).id
    order = save_order(
        copy,
        OrderInput(contact, TODAY, status_id(copy, "new"), lines=(LineInput(product, 2),)),
        today=TODAY,
    )
    assert (contact, product, order.id) == (4, 4, 7)
    with copy.session() as session:
        assert session.scalars(select(Shipment.id).where(Shipment.order_id == 7)).all() == [9]
