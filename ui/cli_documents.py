"""The command line of documents: `document invoice|delivery-note|receipt ORDER --out FILE`.

It issues the order's document (or takes the one issued before, with its number), writes it
as a PDF (an XLSX for a delivery note written to a .xlsx file) in the language asked, and
prints the document's number.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TextIO

from services.documents.issue import issue_document
from services.documents.words import LANGUAGES
from services.storage import Database
from ui.cli_common import Words, positive
from ui.messages import QT_TRANSLATE_NOOP

CONTEXT = "Cli"
KINDS = {"invoice": "invoice", "delivery-note": "delivery_note", "receipt": "receipt"}
TEXTS = {
    "invoice": QT_TRANSLATE_NOOP("Cli", "Invoice No. %1 of %2 for order %3: %4"),
    "delivery_note": QT_TRANSLATE_NOOP("Cli", "Delivery note No. %1 of %2 for order %3: %4"),
    "receipt": QT_TRANSLATE_NOOP("Cli", "Sales receipt No. %1 of %2 for order %3: %4"),
    "stale": QT_TRANSLATE_NOOP(
        "Cli",
        "The order has changed since this document was issued; --new-version issues a new "
        "one with the next number.",
    ),
    "xlsx_delivery_note_only": QT_TRANSLATE_NOOP(
        "Cli", "Only a delivery note is written as XLSX; choose a .pdf file instead of %1."
    ),
}


def add_commands(commands, common: argparse.ArgumentParser) -> None:
    document = commands.add_parser(
        "document",
        parents=[common],
        help=QT_TRANSLATE_NOOP(
            "Cli", "an invoice, delivery note or sales receipt of an order as a PDF"
        ),
    )
    document.add_argument("kind", choices=tuple(KINDS))
    document.add_argument(
        "order", type=positive, help=QT_TRANSLATE_NOOP("Cli", "the order's number")
    )
    document.add_argument(
        "--out",
        type=Path,
        required=True,
        help=QT_TRANSLATE_NOOP("Cli", "the .pdf file to write (.xlsx for a delivery note)"),
    )
    document.add_argument(
        "--lang",
        choices=LANGUAGES,
        help=QT_TRANSLATE_NOOP("Cli", "the document's language (the interface language)"),
    )
    document.add_argument(
        "--new-version",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "Cli", "issue a new document with the next number even if the order has one"
        ),
    )


def run_document(args: argparse.Namespace, out: TextIO) -> int:
    # Qt (the catalogue, the locale) is loaded when a document is written, not for --help.
    from ui.documents.render import DocumentFormat, write_pdf, write_xlsx
    from ui.lock import held
    from ui.translation import interface_language

    kind = KINDS[args.kind]
    out_path: Path = args.out
    words = Words(TEXTS, CONTEXT)
    if out_path.suffix.lower() == ".xlsx" and kind != "delivery_note":
        print(words("xlsx_delivery_note_only", out_path.name), file=out)
        return 2
    language = args.lang or interface_language()
    with held(args.db):  # issuing takes a number: never under a running Lavka's feet
        database = Database.open_existing(args.db)
        try:
            issued = issue_document(
                database, args.order, kind, dt.date.today(), new_version=args.new_version
            )
        finally:
            database.close()
    content = issued.content
    if out_path.suffix.lower() == ".xlsx":
        write_xlsx(content, out_path, language)
    else:
        write_pdf(content, issued.images, out_path, language)
    date = DocumentFormat(interface_language(), content.currency_symbol).date(content.date)
    print(words(kind, content.number, date, content.order_id, out_path), file=out)
    if issued.record.stale:
        print(words("stale"), file=out)
    return 0


HANDLERS = {"document": run_document}

__all__ = ["HANDLERS", "add_commands"]
