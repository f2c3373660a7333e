"""The command line of stock: `stock` and `purchase add`.

`stock --format json` prints one JSON document for scripts: a list of products by name, each
with the English keys product_id, product, in_stock, reserved, available, min_stock and
below_min (null figures for a product not tracked yet: no purchase or adjustment); the text
format speaks the interface language, leaving an untracked product's figures empty. `--date`
means "compute as if today were that day".

`purchase add --product P --qty N --cost C [--date D]` records a purchase of one batch (P is a
product's name or number); the lines it reaches are re-costed in its transaction. Refused
input prints the service's message naming the field, exits 1 and saves nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from dataclasses import replace
from typing import TextIO

from models import fold
from services.errors import LavkaError, ValidationError
from services.products import list_products
from services.purchases import PurchaseInput, PurchaseLineInput, save_purchase
from services.settings_store import load_business_settings
from services.stock import StockLevel, stock_level, stock_levels
from services.storage import Database
from ui.cli_common import Words, as_of_and_format, table
from ui.messages import QT_TRANSLATE_NOOP

CONTEXT = "Cli"
TEXTS = {
    "stock_title": QT_TRANSLATE_NOOP("Cli", "Stock on %1"),
    "no_products": QT_TRANSLATE_NOOP("Cli", "No products yet."),
    "product": QT_TRANSLATE_NOOP("Cli", "Product"),
    "in_stock": QT_TRANSLATE_NOOP("Cli", "In stock"),
    "reserved": QT_TRANSLATE_NOOP("Cli", "Reserved"),
    "available": QT_TRANSLATE_NOOP("Cli", "Available"),
    "minimum": QT_TRANSLATE_NOOP("Cli", "Minimum"),
    "below_min": QT_TRANSLATE_NOOP("Cli", "Below minimum"),
    "yes": QT_TRANSLATE_NOOP("Cli", "yes"),
    "untracked_note": QT_TRANSLATE_NOOP(
        "Cli", "Empty figures: a product not tracked yet (no purchase or adjustment)."
    ),
    "no_product": QT_TRANSLATE_NOOP(
        "Cli", "There is no product '%1': give a product's name or its number."
    ),
    "purchase_saved": QT_TRANSLATE_NOOP("Cli", "Purchase %1 of %2 saved: %3, %4 × %5 = %6."),
    "stock_now": QT_TRANSLATE_NOOP("Cli", "%1 on %2: in stock %3, reserved %4, available %5."),
}


def add_commands(commands, common: argparse.ArgumentParser) -> None:
    stock = commands.add_parser(
        "stock",
        parents=[common],
        help=QT_TRANSLATE_NOOP(
            "Cli", "stock per product: in stock, reserved, available, below the minimum"
        ),
    )
    as_of_and_format(stock)
    purchase = commands.add_parser(
        "purchase", help=QT_TRANSLATE_NOOP("Cli", "record goods bought (purchase add)")
    )
    actions = purchase.add_subparsers(dest="purchase_command", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add",
        parents=[common],
        help=QT_TRANSLATE_NOOP("Cli", "record a purchase of one product (one batch)"),
    )
    add.add_argument(
        "--product",
        required=True,
        help=QT_TRANSLATE_NOOP("Cli", "the product's name or number"),
    )
    add.add_argument(
        "--qty", required=True, help=QT_TRANSLATE_NOOP("Cli", "how many units were bought")
    )
    add.add_argument(
        "--cost",
        required=True,
        help=QT_TRANSLATE_NOOP("Cli", "the cost of one unit (500 or 1 250,50)"),
    )
    add.add_argument(
        "--date",
        dest="day",
        metavar="DATE",
        help=QT_TRANSLATE_NOOP("Cli", "the day it was bought (YYYY-MM-DD or DD.MM.YYYY; today)"),
    )


def run_stock(args: argparse.Namespace, out: TextIO) -> int:
    day = args.date or dt.date.today()
    database = Database.open_existing(args.db)
    try:
        levels = stock_levels(database, day)
        if args.output == "json":
            json.dump([level_json(level) for level in levels], out, ensure_ascii=False, indent=2)
            print(file=out)
            return 0
        words = _words(database)
    finally:
        database.close()
    if not levels:
        print(words("no_products"), file=out)
        return 0
    fmt = words.fmt
    print(words("stock_title", fmt.date(day)), file=out)
    rows = [
        (
            level.name,
            fmt.integer(level.in_stock),
            fmt.integer(level.reserved),
            fmt.integer(level.available),
            fmt.integer(level.min_stock),
            words("yes") if level.below_min else "",
        )
        for level in levels
    ]
    headers = ("product", "in_stock", "reserved", "available", "minimum", "below_min")
    table(out, [words(h) for h in headers], rows, right={1, 2, 3, 4})
    if any(not level.tracked for level in levels):
        print("\n" + words("untracked_note"), file=out)
    return 0


def level_json(level: StockLevel) -> dict:
    """A product's stock for scripts; the figures null while it is not tracked."""
    return {
        "product_id": level.product_id,
        "product": level.name,
        "in_stock": level.in_stock,
        "reserved": level.reserved,
        "available": level.available,
        "min_stock": level.min_stock,
        "below_min": level.below_min if level.tracked else None,
    }


def run_purchase(args: argparse.Namespace, out: TextIO) -> int:
    from ui.lock import held

    with held(args.db):  # never under a running Lavka's feet (opening may upgrade the file)
        database = Database.open_existing(args.db)
        try:
            words = _words(database)
            product_id = product_named(database, args.product)
            if product_id is None:  # said as the services' refusals are (cli.run)
                raise LavkaError(words("no_product", args.product))
            line = PurchaseLineInput(product_id, args.qty, args.cost)
            data = PurchaseInput(args.day, lines=(line,))
            try:
                saved = save_purchase(database, data, today=dt.date.today())
            except ValidationError as error:
                # one line: "Line 1:" before each problem would say nothing
                raise ValidationError([replace(p, line=None) for p in error.problems]) from None
            level = stock_level(database, product_id)
        finally:
            database.close()
    fmt = words.fmt
    (bought,) = saved.lines
    print(
        words(
            "purchase_saved",
            saved.id,
            fmt.date(saved.date),
            bought.product,
            fmt.integer(bought.quantity),
            fmt.money(bought.unit_cost),
            fmt.money(bought.total),
        ),
        file=out,
    )
    print(
        words(
            "stock_now",
            level.name,
            fmt.date(dt.date.today()),
            fmt.integer(level.in_stock),
            fmt.integer(level.reserved),
            fmt.integer(level.available),
        ),
        file=out,
    )
    return 0


def product_named(database: Database, typed: str) -> int | None:
    """The product of that name (any case, ё = е), else of that number; None for none."""
    products = list_products(database, include_inactive=True)
    key = fold(typed.strip())
    for product in products:
        if fold(product.name) == key:
            return product.id
    text = typed.strip().lstrip("#№")
    if text.isdigit():
        for product in products:
            if product.id == int(text):
                return product.id
    return None


def _words(database: Database) -> Words:
    return Words(TEXTS, CONTEXT, load_business_settings(database).currency_symbol)


HANDLERS = {"stock": run_stock, "purchase": run_purchase}


__all__ = ["HANDLERS", "add_commands", "level_json", "product_named", "run_purchase", "run_stock"]
