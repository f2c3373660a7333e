"""Payments: balances and states computed by hand, refusals, the debtors list, the upgrade."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from alembic import command
from sqlalchemy import text

from services.errors import NotFound, ValidationError
from services.importing import apply_import, plan_import, read_file
from services.orders import LineInput, OrderInput, change_status, delete_order, save_order
from services.payments import (
    contact_debt,
    debtors,
    delete_payment,
    order_balance,
    order_payments,
    record_payment,
    set_payment_due,
    set_payment_terms,
)
from services.products import ProductInput, create_product
from services.storage import SCHEMA_HEAD, Database, alembic_config, current_revision
from tests.conftest import TODAY, ago, buy, customer, loss_reason_id, status_id
from tests.more_databases import NewDatabases
from tests.test_exchange_fidelity import export, round_trip, tables_of


def order_of(db, contact: int, product: int, quantity: int, day: dt.date, code="completed"):
    """An order of `quantity` wallets at 1000.00 each."""
    data = OrderInput(contact, day, status_id(db, code), lines=(LineInput(product, quantity),))
    return save_order(db, data, today=TODAY).id


def pay(db, order: int, amount, day=None, method="cash", note=None):
    return record_payment(db, order, amount, day or TODAY, method, note, today=TODAY).balance


def payment_rows(db) -> list[tuple]:
    with db.session() as session:
        return session.execute(text("SELECT order_id, date, amount, method FROM payments")).all()


def test_a_partial_payment_leaves_the_rest_owed(db, wallet):
    order = order_of(db, customer(db, "Анна"), wallet, 1, ago(3))  # 1000.00
    balance = pay(db, order, "400,50")
    assert (balance.amount, balance.paid, balance.owed) == (
        Decimal("1000.00"),
        Decimal("400.50"),
        Decimal("599.50"),
    )
    assert balance.state == "partly_paid"
    assert balance.refund == Decimal("0.00")


def test_two_payments_add_up_to_paid(db, wallet):
    order = order_of(db, customer(db, "Анна"), wallet, 2, ago(3))  # 2000.00
    assert order_balance(db, order).state == "unpaid"
    pay(db, order, "1 250", ago(2), "card")
    balance = pay(db, order, Decimal("750.00"), ago(1), "перевод", "остаток")
    assert (balance.paid, balance.owed, balance.state) == (
        Decimal("2000.00"),
        Decimal("0.00"),
        "paid",
    )
    listed = order_payments(db, order)
    assert [(p.date, p.amount, p.method, p.note) for p in listed] == [
        (ago(2), Decimal("1250.00"), "card", None),
        (ago(1), Decimal("750.00"), "transfer", "остаток"),
    ]


def test_an_overpayment_is_kept_and_shown_as_money_to_give_back(db, wallet):
    order = order_of(db, customer(db, "Анна"), wallet, 1, ago(3))  # 1000.00
    balance = pay(db, order, "1250.50")
    assert (balance.paid, balance.owed, balance.state, balance.refund) == (
        Decimal("1250.50"),
        Decimal("-250.50"),
        "overpaid",
        Decimal("250.50"),
    )


def test_an_order_cancelled_after_payment_shows_the_refund_and_takes_no_more(db, wallet):
    order = order_of(db, customer(db, "Анна"), wallet, 3, ago(5))  # 3000.00
    pay(db, order, "300")
    change_status(db, order, status_id(db, "cancelled"), loss_reason_id(db), today=TODAY)
    balance = order_balance(db, order)
    # a cancelled order owes 0, so the 300.00 paid is to be given back
    assert (balance.amount, balance.paid, balance.owed, balance.refund) == (
        Decimal("3000.00"),
        Decimal("300.00"),
        Decimal("-300.00"),
        Decimal("300.00"),
    )
    assert (balance.state, balance.cancelled) == ("overpaid", True)
    with pytest.raises(ValidationError) as refused:
        pay(db, order, "100")
    assert refused.value.problems[0].code == "payment.order_cancelled"
    assert refused.value.problems[0].field == "order"
    assert len(payment_rows(db)) == 1


def test_a_cancelled_order_without_payments_is_settled(db, wallet):
    order = buy(db, customer(db, "Анна"), wallet, ago(5), code="cancelled")
    balance = order_balance(db, order)
    assert (balance.owed, balance.state) == (Decimal("0.00"), "paid")


@pytest.mark.parametrize(
    ("amount", "day", "method", "field", "code"),
    [
        ("0", TODAY, "cash", "amount", "payment.amount_not_positive"),
        ("-5", TODAY, "cash", "amount", "payment.amount_not_positive"),
        ("0,00", TODAY, "cash", "amount", "payment.amount_not_positive"),
        ("abc", TODAY, "cash", "amount", "number.not_number"),
        ("10.5051", TODAY, "cash", "amount", "money.too_precise"),
        ("100", TODAY + dt.timedelta(days=2), "cash", "date", "payment.in_future"),
        ("100", "31.02.2026", "cash", "date", "date.no_such_day"),
        ("100", TODAY, "bitcoin", "method", "payment.method_unknown"),
    ],
)
def test_bad_payments_are_refused_by_field_and_nothing_is_saved(
    db, wallet, amount, day, method, field, code
):
    order = order_of(db, customer(db, "Анна"), wallet, 1, ago(3))
    with pytest.raises(ValidationError) as refused:
        record_payment(db, order, amount, day, method, today=TODAY)
    assert [(p.field, p.code) for p in refused.value.problems] == [(field, code)]
    assert payment_rows(db) == []
    assert order_balance(db, order).paid == Decimal("0.00")


def test_tomorrow_is_allowed_and_russian_method_words_are_read(db, wallet):
    order = order_of(db, customer(db, "Анна"), wallet, 1, ago(3))
    pay(db, order, "100", TODAY + dt.timedelta(days=1), "Наличные")
    pay(db, order, "100", TODAY, "карта")
    pay(db, order, "100", TODAY, "другое")
    assert [row.method for row in payment_rows(db)] == ["cash", "card", "other"]


def test_a_payment_for_a_missing_order_is_not_found(db):
    with pytest.raises(NotFound) as missing:
        pay(db, 999, "100")
    assert (missing.value.code, missing.value.params) == ("order.not_found", ("999",))


def test_deleting_a_payment_or_its_order_keeps_the_paid_total_right(db, wallet):
    order = order_of(db, customer(db, "Анна"), wallet, 1, ago(3))
    pay(db, order, "300")
    pay(db, order, "200")
    first = order_payments(db, order)[0]
    balance = delete_payment(db, first.id)
    assert (balance.paid, balance.owed, balance.state) == (
        Decimal("200.00"),
        Decimal("800.00"),
        "partly_paid",
    )
    delete_order(db, order)
    assert payment_rows(db) == []
    with pytest.raises(NotFound):
        delete_payment(db, first.id)


def test_debtors_are_sorted_by_overdue_amount_then_owed(db, wallet):
    """TODAY is 2026-06-15; every wallet costs 1000.00.

    Anna   one order 06-01 (terms 0: due 06-01), paid 200   → owed 800, overdue 800, 14 days
    Boris  05-01 ×2 paid 500 (due 05-01) + 06-14 ×1 (due 06-14) → owed 2500, overdue 2500, 45 d
    Vera   06-01 ×5, terms 30 days (due 07-01)                   → owed 5000, overdue 0
    Gleb   06-10 ×1, own due date 06-12                           → owed 1000, overdue 1000, 3 d
    Dina   paid in full; Egor overpaid; Zoya cancelled and unpaid → not listed
    """
    anna, boris, vera, gleb = (
        customer(db, name, phone)
        for name, phone in [
            ("Анна", "+79160000001"),
            ("Борис", "+79160000002"),
            ("Вера", "+79160000003"),
            ("Глеб", "+79160000004"),
        ]
    )
    dina, egor, zoya = customer(db, "Дина"), customer(db, "Егор"), customer(db, "Зоя")
    pay(db, order_of(db, anna, wallet, 1, dt.date(2026, 6, 1)), "200")
    pay(db, order_of(db, boris, wallet, 2, dt.date(2026, 5, 1)), "500")
    order_of(db, boris, wallet, 1, dt.date(2026, 6, 14))
    set_payment_terms(db, vera, 30)
    order_of(db, vera, wallet, 5, dt.date(2026, 6, 1))
    glebs = order_of(db, gleb, wallet, 1, dt.date(2026, 6, 10))
    assert set_payment_due(db, glebs, "12.06.2026").due == dt.date(2026, 6, 12)
    pay(db, order_of(db, dina, wallet, 1, dt.date(2026, 5, 1)), "1000")
    pay(db, order_of(db, egor, wallet, 1, dt.date(2026, 5, 1)), "1500")
    buy(db, zoya, wallet, dt.date(2026, 5, 1), code="cancelled")

    rows = debtors(db, TODAY)
    assert [
        (r.contact_id, r.name, r.phone, r.orders, r.owed, r.overdue, r.overdue_days) for r in rows
    ] == [
        (boris, "Борис", "+79160000002", 2, Decimal("2500.00"), Decimal("2500.00"), 45),
        (gleb, "Глеб", "+79160000004", 1, Decimal("1000.00"), Decimal("1000.00"), 3),
        (anna, "Анна", "+79160000001", 1, Decimal("800.00"), Decimal("800.00"), 14),
        (vera, "Вера", "+79160000003", 1, Decimal("5000.00"), Decimal("0.00"), 0),
    ]
    assert rows[3].oldest_due == dt.date(2026, 7, 1)

    boris_debt = contact_debt(db, boris, TODAY)
    assert (boris_debt.orders, boris_debt.owed, boris_debt.overdue, boris_debt.oldest_due) == (
        2,
        Decimal("2500.00"),
        Decimal("2500.00"),
        dt.date(2026, 5, 1),
    )
    assert contact_debt(db, dina, TODAY).owed == Decimal("0.00")
    assert contact_debt(db, dina, TODAY).oldest_due is None
    # on 06-12 (Gleb's due day, Boris's 06-14 order not yet due): 1500 and 800 overdue
    earlier = [(r.contact_id, r.overdue) for r in debtors(db, dt.date(2026, 6, 12))]
    assert earlier[:2] == [(boris, Decimal("1500.00")), (anna, Decimal("800.00"))]


def test_payment_terms_are_whole_days(db):
    anna = customer(db, "Анна")
    with pytest.raises(ValidationError) as refused:
        set_payment_terms(db, anna, "-3")
    assert refused.value.problems[0].code == "payment.terms_invalid"


def test_a_database_of_the_previous_schema_is_upgraded_with_its_orders(tmp_path):
    path = tmp_path / "old.sqlite3"
    old = Database.open(path)
    wallet = create_product(old, ProductInput("Кошелёк", None, "1000", "600")).id
    order = order_of(old, customer(old, "Анна"), wallet, 2, ago(3))
    command.downgrade(alembic_config(old.engine), "0003")
    assert current_revision(old.engine) == "0003"
    old.close()
    upgraded = Database.open(path)
    try:
        assert upgraded.schema.action == "upgraded"
        assert current_revision(upgraded.engine) == SCHEMA_HEAD
        balance = order_balance(upgraded, order)
        assert (balance.amount, balance.paid, balance.state) == (
            Decimal("2000.00"),
            Decimal("0.00"),
            "unpaid",
        )
        assert balance.due == ago(3)  # terms of 0 days for a contact of the old schema
        # The orders from before the upgrade were settled as Ivan knew: none is a debt now,
        # though no payment is recorded; an order from the upgrade day on is.
        today = dt.date.today()
        assert debtors(upgraded, today) == []
        boris = customer(upgraded, "Борис")
        assert contact_debt(upgraded, boris, today).owed == Decimal("0.00")
        new = order_of(upgraded, boris, wallet, 1, today)
        assert [(d.contact_id, d.owed) for d in debtors(upgraded, today)] == [
            (boris, Decimal("1000.00"))
        ]
        assert pay(upgraded, new, "400").owed == Decimal("600.00")
        assert pay(upgraded, order, "500").owed == Decimal("1500.00")
    finally:
        upgraded.close()


@pytest.fixture
def new_database(request, tmp_path):
    with NewDatabases(request, tmp_path) as databases:
        yield databases.open


@pytest.fixture
def paid_shop(db, shop):
    """The conftest shop with payments: O1 (3501.00) paid 1000 in cash and 2501.00 by card,
    O3 (7400.00) 500 by transfer with a note, O4 (cancelled, 10000) paid 300 before it was
    cancelled (a refund due), O5 (2000.00) overpaid 2100.50. Anna pays within 14 days; O3 is
    due on 2026-06-30."""
    pay(db, shop.o1, "1000", ago(14), "cash")
    pay(db, shop.o1, "2501", ago(10), "card")
    pay(db, shop.o3, "500", ago(3), "transfer", "=предоплата")  # formula-like: kept as text
    with db.engine.begin() as connection:  # a payment from before the order was cancelled
        connection.execute(
            text(
                "INSERT INTO payments (order_id, date, amount, method, note, created_at)"
                " VALUES (:order, '2026-06-06', 30000, 'other', NULL, '2026-06-06 10:00:00')"
            ),
            {"order": shop.o4},
        )
    pay(db, shop.o5, "2100.50", ago(20), "card")
    set_payment_terms(db, shop.anna, 14)
    set_payment_due(db, shop.o3, "30.06.2026")
    return shop


@pytest.mark.parametrize("file_format", ["xlsx", "csv-excel-ru", "csv-standard"])
def test_the_exchange_round_trip_keeps_payments_and_balances(
    db, paid_shop, tmp_path, file_format, new_database
):
    s = paid_shop
    copy = round_trip(db, tmp_path, file_format, new_database)
    try:
        assert tables_of(copy)["Payments"] == tables_of(db)["Payments"]
        payments = tables_of(copy)["Payments"]
        assert [(r[1], r[3], r[4], r[5]) for r in payments] == [
            (s.o1, Decimal("1000.00"), "cash", None),
            (s.o1, Decimal("2501.00"), "card", None),
            (s.o3, Decimal("500.00"), "transfer", "=предоплата"),
            (s.o4, Decimal("300.00"), "other", None),
            (s.o5, Decimal("2100.50"), "card", None),
        ]
        for order, owed, state in [
            (s.o1, "0.00", "paid"),
            (s.o3, "6900.00", "partly_paid"),
            (s.o4, "-300.00", "overpaid"),  # cancelled: the 300 is to be given back
            (s.o5, "-100.50", "overpaid"),
            (s.o6, "500.00", "unpaid"),
        ]:
            balance = order_balance(copy, order)
            assert (balance.owed, balance.state) == (Decimal(owed), state), order
        assert order_balance(copy, s.o3).due == dt.date(2026, 6, 30)  # its own due date
        assert order_balance(copy, s.o6).due == dt.date(2026, 6, 28)  # 06-14 + Anna's 14 days
        assert order_balance(copy, s.o1).due == dt.date(2026, 6, 1)  # Igor: 0 days
        again = tmp_path / "again"
        again.mkdir()
        export(copy, again, file_format)
        assert tables_of(copy) == tables_of(db)
    finally:
        copy.close()


def test_reimporting_an_export_adds_no_payment_twice(db, paid_shop, tmp_path):
    path = export(db, tmp_path, "xlsx")
    before = tables_of(db)["Payments"]
    plan = plan_import(db, read_file(path), today=TODAY)
    assert plan.rejections == () and plan.count("new") == 0
    apply_import(db, plan)
    assert tables_of(db)["Payments"] == before


def test_an_export_without_payments_still_imports(db, shop, tmp_path, new_database):
    folder = export(db, tmp_path, "csv-excel-ru")
    (folder / "payments.csv").unlink()
    copy = new_database("copy")
    try:
        plan = plan_import(copy, read_file(folder / "orders.csv"), today=TODAY)
        assert plan.rejections == () and plan.count("new") == 6
        apply_import(copy, plan)
        assert tables_of(copy)["Payments"] == []
    finally:
        copy.close()


def test_a_bad_payment_row_is_refused_by_row_and_column(db, shop, tmp_path, new_database):
    folder = export(db, tmp_path, "csv-standard")
    (folder / "payments.csv").write_text(
        "Payment ID,Order ID,Date,Amount,Method,Note\n"
        f"1,{shop.o1},2026-06-01,0,cash,\n"
        f"2,{shop.o1},2026-06-01,100,bitcoin,\n"
        "3,999,2026-06-01,100,card,\n"
        f"4,{shop.o1},2026-06-01,1 250.50,наличные,\n",
        encoding="utf-8",
    )
    copy = new_database("copy")
    try:
        plan = plan_import(copy, read_file(folder), today=TODAY)
        assert [(r.row, r.column, r.code) for r in plan.rejections] == [
            (2, "Amount", "payment.amount_not_positive"),
            (3, "Method", "payment.method_unknown"),
            (4, "Order ID", "import.no_such_order"),
        ]
        order = next(o for o in plan.orders if o.source_id == shop.o1)
        assert [(p.amount, p.method) for p in order.payments] == [(Decimal("1250.50"), "cash")]
    finally:
        copy.close()
