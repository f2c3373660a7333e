"""`pay` and `debtors` on the command line: the balance said after a payment, the documented
JSON of the debtors list, and bad input refused with nothing written."""

from __future__ import annotations

import datetime as dt
import json

from services.payments import order_payments
from tests.conftest import TODAY, customer
from tests.test_cli import db_arg, lavka
from tests.test_payments import order_of


def said(result) -> str:
    """The output with the no-break spaces between a figure and its ₽ as plain spaces."""
    return result.stdout.replace("\xa0", " ")


def test_pay_says_the_new_balance_and_state(db, wallet):
    order = order_of(db, customer(db, "Анна", "+79160000001"), wallet, 2, TODAY)  # 2000.00
    first = lavka("pay", str(order), "1 250,50", "--db", db_arg(db), "--method", "card")
    assert first.returncode == 0, first.stderr
    assert f"Payment of 1,250.50 ₽ recorded for order {order} (card)." in said(first)
    assert (
        f"Order {order}: amount 2,000.00 ₽, paid 1,250.50 ₽, owed 749.50 ₽: partly paid."
        in said(first)
    )
    second = lavka(
        "pay", str(order), "1000", "--db", db_arg(db), "--date", TODAY.isoformat(),
        "--method", "перевод", "--note", "остаток",
    )  # fmt: skip
    assert second.returncode == 0, second.stderr
    assert (
        f"Order {order}: amount 2,000.00 ₽, paid 2,250.50 ₽, to give back 250.50 ₽: overpaid."
        in said(second)
    )
    assert [(p.date, str(p.amount), p.method, p.note) for p in order_payments(db, order)] == [
        (TODAY, "1000.00", "transfer", "остаток"),  # oldest first
        (dt.date.today(), "1250.50", "card", None),
    ]


def test_pay_refuses_bad_input_and_writes_nothing(db, wallet):
    order = order_of(db, customer(db, "Анна"), wallet, 1, TODAY)
    future = (dt.date.today() + dt.timedelta(days=2)).isoformat()
    for args in (
        [str(order), "0"],
        [str(order), "-5"],
        [str(order), "100", "--date", future],
        [str(order), "100", "--method", "bitcoin"],
        ["999", "100"],
    ):
        result = lavka("pay", *args, "--db", db_arg(db))
        assert result.returncode == 1, (args, result.stdout)
        assert result.stderr.startswith("lavka pay: "), result.stderr
    assert order_payments(db, order) == ()


def test_debtors_json_is_sorted_by_overdue_amount(db, wallet):
    """On TODAY (2026-06-15), wallets at 1000.00: Anna's order of 06-01 (due the same day)
    owes 1000, 14 days overdue; Boris's of 05-01 ×3 paid 500 owes 2500, 45 days; Vera's of
    today owes 1000, not yet overdue."""
    anna = customer(db, "Анна", "+79160000001")
    boris = customer(db, "Борис", "+79160000002")
    vera = customer(db, "Вера", "+79160000003")
    order_of(db, anna, wallet, 1, dt.date(2026, 6, 1))
    borises = order_of(db, boris, wallet, 3, dt.date(2026, 5, 1))
    order_of(db, vera, wallet, 1, TODAY)
    paid = lavka("pay", str(borises), "500", "--db", db_arg(db), "--date", "2026-05-02")
    assert paid.returncode == 0, paid.stderr
    result = lavka("debtors", "--db", db_arg(db), "--date", TODAY.isoformat(), "--format", "json")
    assert result.returncode == 0, result.stderr
    listed = json.loads(result.stdout)
    assert [(d["name"], d["owed"], d["overdue"], d["overdue_days"]) for d in listed] == [
        ("Борис", "2500.00", "2500.00", 45),
        ("Анна", "1000.00", "1000.00", 14),
        ("Вера", "1000.00", "0.00", 0),
    ]
    assert listed[0] == {
        "contact": boris,
        "phone": "+79160000002",
        "name": "Борис",
        "orders": 1,
        "owed": "2500.00",
        "overdue": "2500.00",
        "overdue_days": 45,
        "oldest_due": "2026-05-01",
    }
    text = lavka("debtors", "--db", db_arg(db), "--date", TODAY.isoformat())
    assert text.returncode == 0, text.stderr
    lines = said(text).splitlines()
    assert lines[0] == "Debtors on 6/15/26: 3 owe 4,500.00 ₽, overdue 3,500.00 ₽"
    assert [line.split()[0] for line in lines[3:]] == ["Борис", "Анна", "Вера"]


def test_debtors_of_a_base_where_everything_is_paid(db, wallet):
    order = order_of(db, customer(db, "Анна"), wallet, 1, TODAY)
    assert lavka("pay", str(order), "1000", "--db", db_arg(db)).returncode == 0
    result = lavka("debtors", "--db", db_arg(db), "--date", TODAY.isoformat())
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Nobody owes anything on 6/15/26."
    empty = lavka("debtors", "--db", db_arg(db), "--format", "json")
    assert json.loads(empty.stdout) == []
