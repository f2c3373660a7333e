"""The command line of payments: `pay ORDER AMOUNT` and `debtors`.

`debtors --format json` prints one JSON document for scripts (keys in English, money as exact
strings like "1250.50"); the text format speaks the interface language. `debtors --date`
means "compute as if today were that day".
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from decimal import Decimal
from typing import TextIO

from services.payments import Balance, Debtor, debtors, record_payment
from services.settings_store import load_business_settings
from services.storage import Database
from ui.cli_common import Words, as_of_and_format, positive, table
from ui.messages import QT_TRANSLATE_NOOP

CONTEXT = "Cli"
TEXTS = {
    "recorded": QT_TRANSLATE_NOOP("Cli", "Payment of %1 recorded for order %2 (%3)."),
    "balance": QT_TRANSLATE_NOOP("Cli", "Order %1: amount %2, paid %3, owed %4: %5."),
    "balance_refund": QT_TRANSLATE_NOOP(
        "Cli", "Order %1: amount %2, paid %3, to give back %4: %5."
    ),
    "unpaid": QT_TRANSLATE_NOOP("Cli", "unpaid"),
    "partly_paid": QT_TRANSLATE_NOOP("Cli", "partly paid"),
    "paid": QT_TRANSLATE_NOOP("Cli", "paid"),
    "overpaid": QT_TRANSLATE_NOOP("Cli", "overpaid"),
    "cancelled": QT_TRANSLATE_NOOP("Cli", "cancelled, overpaid"),
    "cash": QT_TRANSLATE_NOOP("Cli", "cash"),
    "card": QT_TRANSLATE_NOOP("Cli", "card"),
    "transfer": QT_TRANSLATE_NOOP("Cli", "transfer"),
    "other": QT_TRANSLATE_NOOP("Cli", "other"),
    "debtors_title": QT_TRANSLATE_NOOP("Cli", "Debtors on %1: %2 owe %3, overdue %4"),
    "no_debtors": QT_TRANSLATE_NOOP("Cli", "Nobody owes anything on %1."),
    "customer": QT_TRANSLATE_NOOP("Cli", "Customer"),
    "phone": QT_TRANSLATE_NOOP("Cli", "Phone"),
    "orders_owing": QT_TRANSLATE_NOOP("Cli", "Orders"),
    "owed": QT_TRANSLATE_NOOP("Cli", "Owed"),
    "overdue": QT_TRANSLATE_NOOP("Cli", "Overdue"),
    "overdue_days": QT_TRANSLATE_NOOP("Cli", "Days overdue"),
}


def add_commands(commands, common: argparse.ArgumentParser) -> None:
    pay = commands.add_parser(
        "pay", parents=[common], help=QT_TRANSLATE_NOOP("Cli", "record a payment for an order")
    )
    pay.add_argument("order", type=positive, help=QT_TRANSLATE_NOOP("Cli", "the order's number"))
    pay.add_argument(
        "amount", help=QT_TRANSLATE_NOOP("Cli", "the amount paid (1250.50 or 1 250,50)")
    )
    pay.add_argument(
        "--date",
        dest="day",
        help=QT_TRANSLATE_NOOP("Cli", "the day it was paid (YYYY-MM-DD or DD.MM.YYYY; today)"),
    )
    pay.add_argument(
        "--method",
        default="cash",
        help=QT_TRANSLATE_NOOP("Cli", "cash, card, transfer or other (cash)"),
    )
    pay.add_argument("--note", help=QT_TRANSLATE_NOOP("Cli", "a note on the payment"))
    owing = commands.add_parser(
        "debtors",
        parents=[common],
        help=QT_TRANSLATE_NOOP("Cli", "who owes money, the most overdue first"),
    )
    as_of_and_format(owing)


def run_pay(args: argparse.Namespace, out: TextIO) -> int:
    from ui.lock import held

    with held(args.db):  # never under a running Lavka's feet (opening may upgrade the file)
        database = Database.open_existing(args.db)
        try:
            recorded = record_payment(
                database,
                args.order,
                args.amount,
                args.day,
                args.method,
                args.note,
                dt.date.today(),
            )
            words = _words(database)
        finally:
            database.close()
    payment = recorded.payment
    amount = words.fmt.money(payment.amount)
    print(words("recorded", amount, payment.order_id, words(payment.method)), file=out)
    print(balance_words(words, recorded.balance), file=out)
    return 0


def balance_words(words: Words, balance: Balance) -> str:
    fmt = words.fmt
    state = "cancelled" if balance.cancelled and balance.refund else balance.state
    if balance.owed < 0:
        key, owed = "balance_refund", balance.refund
    else:
        key, owed = "balance", balance.owed
    return words(
        key,
        balance.order_id,
        fmt.money(balance.amount),
        fmt.money(balance.paid),
        fmt.money(owed),
        words(state),
    )


def run_debtors(args: argparse.Namespace, out: TextIO) -> int:
    day = args.date or dt.date.today()
    database = Database.open_existing(args.db)
    try:
        found = debtors(database, day)
        if args.output == "json":
            json.dump([debtor_json(d) for d in found], out, ensure_ascii=False, indent=2)
            print(file=out)
            return 0
        words = _words(database)
    finally:
        database.close()
    fmt = words.fmt
    if not found:
        print(words("no_debtors", fmt.date(day)), file=out)
        return 0
    owed = sum((d.owed for d in found), Decimal(0))
    overdue = sum((d.overdue for d in found), Decimal(0))
    print(
        words(
            "debtors_title",
            fmt.date(day),
            fmt.integer(len(found)),
            fmt.money(owed),
            fmt.money(overdue),
        ),
        file=out,
    )
    rows = [
        (
            d.name,
            fmt.phone(d.phone),
            fmt.integer(d.orders),
            fmt.money(d.owed),
            fmt.money(d.overdue),
            fmt.integer(d.overdue_days) if d.overdue_days else "",
        )
        for d in found
    ]
    headers = ("customer", "phone", "orders_owing", "owed", "overdue", "overdue_days")
    table(out, [words(h) for h in headers], rows, right={2, 3, 4, 5})
    return 0


def debtor_json(debtor: Debtor) -> dict:
    return {
        "contact": debtor.contact_id,
        "phone": debtor.phone,
        "name": debtor.name,
        "orders": debtor.orders,
        "owed": f"{debtor.owed:.2f}",
        "overdue": f"{debtor.overdue:.2f}",
        "overdue_days": debtor.overdue_days,
        "oldest_due": debtor.oldest_due.isoformat(),
    }


HANDLERS = {"pay": run_pay, "debtors": run_debtors}


def _words(database: Database) -> Words:
    return Words(TEXTS, CONTEXT, load_business_settings(database).currency_symbol)


__all__ = ["HANDLERS", "add_commands", "balance_words", "debtor_json"]
