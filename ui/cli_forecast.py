"""The command line of deal scoring: `forecast`.

`forecast --format json` prints one JSON document for scripts: `forecast` (money as an exact
string like "372500.00"), `classes` ({letter: count}, C counting the deals that slid down),
`slid`, `floor`, and `deals` [{order, contact, probability, value, class}], the most valuable
first. The text format speaks the interface language. `--date` scores as if today were that
day.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import TextIO

from services.scoring import CLASSES, Forecast, forecast
from services.settings_store import load_business_settings
from services.storage import Database
from ui.cli_common import Words, as_of_and_format, table
from ui.messages import QT_TRANSLATE_NOOP

CONTEXT = "Cli"
TEXTS = {
    "forecast": QT_TRANSLATE_NOOP("Cli", "Forecast on %1: %2 from %3 of %4 open deals"),
    "floor": QT_TRANSLATE_NOOP(
        "Cli", "(the deals at the floor of %1 are not counted in the forecast)"
    ),
    "classes": QT_TRANSLATE_NOOP("Cli", "Classes: %1"),
    "slid": QT_TRANSLATE_NOOP("Cli", "of them C2, slid down: %1"),
    "no_deals": QT_TRANSLATE_NOOP("Cli", "No open deals on %1: the forecast is 0."),
    "order": QT_TRANSLATE_NOOP("Cli", "Order"),
    "customer": QT_TRANSLATE_NOOP("Cli", "Customer"),
    "status": QT_TRANSLATE_NOOP("Cli", "Status"),
    "age": QT_TRANSLATE_NOOP("Cli", "Days"),
    "worth": QT_TRANSLATE_NOOP("Cli", "Amount"),
    "probability": QT_TRANSLATE_NOOP("Cli", "Probability"),
    "value": QT_TRANSLATE_NOOP("Cli", "Value"),
    "class": QT_TRANSLATE_NOOP("Cli", "Class"),
}


def add_commands(commands, common: argparse.ArgumentParser) -> None:
    command = commands.add_parser(
        "forecast",
        parents=[common],
        help=QT_TRANSLATE_NOOP("Cli", "the sales forecast: every open deal scored"),
    )
    as_of_and_format(command)


def run_forecast(args: argparse.Namespace, out: TextIO) -> int:
    day = args.date or dt.date.today()
    database = Database.open_existing(args.db)
    try:
        result = forecast(database, day)
        if args.output == "json":
            json.dump(forecast_json(result), out, ensure_ascii=False, indent=2)
            print(file=out)
            return 0
        words = Words(TEXTS, CONTEXT, load_business_settings(database).currency_symbol)
    finally:
        database.close()
    print_forecast(words, result, out)
    return 0


def print_forecast(words: Words, result: Forecast, out: TextIO) -> None:
    fmt = words.fmt
    if not result.open_count:
        print(words("no_deals", fmt.date(result.day)), file=out)
        return
    counted, listed = fmt.integer(result.counted_count), fmt.integer(result.open_count)
    total = fmt.money(result.total)
    print(words("forecast", fmt.date(result.day), total, counted, listed), file=out)
    print(words("floor", fmt.percent_points(result.floor)), file=out)
    classes = " · ".join(f"{letter} {result.classes[letter]}" for letter in CLASSES)
    line = words("classes", classes)
    if result.slid:
        line += f"; {words('slid', fmt.integer(result.slid))}"
    print(line, file=out)
    print(file=out)
    rows = [
        (
            str(deal.order_id),
            deal.contact_name,
            deal.status,
            fmt.integer(deal.age),
            fmt.money(deal.worth),
            fmt.percent_points(deal.probability),
            fmt.money(deal.value),
            deal.klass,
        )
        for deal in result.deals
    ]
    headers = ("order", "customer", "status", "age", "worth", "probability", "value", "class")
    table(out, [words(h) for h in headers], rows, right={0, 3, 4, 5, 6})


def forecast_json(result: Forecast) -> dict:
    return {
        "date": result.day.isoformat(),
        "forecast": f"{result.total:.2f}",
        "classes": result.classes,
        "slid": result.slid,
        "floor": result.floor,
        "deals": [
            {
                "order": deal.order_id,
                "contact": deal.contact_name,
                "probability": deal.probability,
                "value": f"{deal.value:.2f}",
                "class": deal.klass,
            }
            for deal in result.deals
        ],
    }


HANDLERS = {"forecast": run_forecast}

__all__ = ["HANDLERS", "add_commands", "forecast_json", "print_forecast"]
