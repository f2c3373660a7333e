"""The command line's move to a server: `migrate-to --to postgresql://user@host/db [--db FILE]`.

Copies the database file into the empty PostgreSQL database in one transaction and proves the
copy (services/migrate.py); prints what moved, or the reason nothing did, in the interface
language, and exits 1 on a refusal.
"""

from __future__ import annotations

import argparse
from typing import TextIO

from services.migrate import migrate_to
from ui.cli_common import Words
from ui.messages import QT_TRANSLATE_NOOP

CONTEXT = "Cli"
TEXTS = {
    "moved": QT_TRANSLATE_NOOP(
        "Cli", "Moved %1 to %2: %3 rows in %4 tables, each table's rows and money totals checked."
    ),
    "next": QT_TRANSLATE_NOOP("Cli", "Open it with: lavka --db %1"),
}


def add_commands(commands, common: argparse.ArgumentParser) -> None:
    migrate = commands.add_parser(
        "migrate-to",
        parents=[common],
        help=QT_TRANSLATE_NOOP(
            "Cli", "copy the database file into an empty PostgreSQL database (a shared server)"
        ),
    )
    migrate.add_argument(
        "--to",
        required=True,
        metavar="URL",
        help=QT_TRANSLATE_NOOP("Cli", "the empty database: postgresql://user@host/database"),
    )


def _migrate(args: argparse.Namespace, out: TextIO) -> int:
    result = migrate_to(args.db, args.to)
    words = Words(TEXTS, CONTEXT)
    rows, tables = words.fmt.integer(result.rows), len(result.tables)
    print(words("moved", args.db, result.target, rows, tables), file=out)
    print(words("next", result.target), file=out)
    return 0


HANDLERS = {"migrate-to": _migrate}
