"""Import of a flat sales log or of Lavka's exchange format, through one front door:

    sheets = read_file(path)                      # readers: XLSX, CSV → numbered rows
    plan = plan_import(database, sheets, mapping) # exchange format or sales log → a plan
    outcome = run_import(database, path, plan)    # one transaction (a backup first if large)

`plan_import` decides the kind of file (the exchange format by its sheets, else a sales log
read from its main sheet) and says what would be created, updated or left as it is, and which
rows are refused and why; nothing is written. `run_import` writes it all or nothing and puts
the skipped rows beside the file. The window and the command line use only these.

The package, in the order a file goes through it: source (what a reader produces, its limits),
xlsx_reader and csv_reader, reading (which reader, by content); headers and cells (columns and
values as people type them); context (what the database holds); sales_log and exchange (the
planners; exchange_sheet and exchange_cards read the exchange format's sheets and its cards:
tags, companies, people; exchange_stock its purchases, expenses and stock adjustments); match
(what is already imported); plan (the plan's types); apply (the write); rejected (the rows left
out); run (backup, write, rejected rows).

Decisions (issue #5):
- Headers are matched after stripping, case folding, ё = е and dropping `.`, `:`, `_`, `*`
  (`Тел.` = `тел`), in English and Russian (ALIASES). A `mapping` from the UI overrides or
  completes the match: header text (or column index) → field name, None to ignore a column.
- A sales log needs columns for date, product, price and a customer (name or phone); no
  quantity column means 1 each, no cost column means the catalogue's default cost (0 for a new
  product). An empty price takes the product's default price; a new product must have one.
- The phone is the identity: rows with one phone are one contact (first name kept, other
  spellings in notes as "Also written as: …"), a phone already in the database links to that
  contact (which is left unchanged). A row with a name and no phone is one contact per name,
  linked to an existing phoneless contact of that name when exactly one exists.
- Products are matched by name, case- and ё-insensitively (as the catalogue refuses names that
  differ only so); new products take the first row's price and cost as their defaults.
- Rows with one order number are one order; rows with no order number (or no such column) are
  grouped by date and customer. The order's date is its earliest line's date; each line is
  shipped on its row's date (a date after today is a planned shipment). An order's status,
  channel and comment come from its first row that has them; all its rows must be for one
  customer. No status → Completed when every line is dated up to today, else Confirmed.
- A Cancelled (lost) order needs a loss reason: an existing reason named Other / Другое /
  Imported is used when there is one, else the order gets the loss note NO_REASON_NOTE.
- Channels and loss reasons named in the file but not in the lists are added to the lists.
- A rejected row rejects its whole order: with skip_rejected the order's other rows are
  skipped too (and listed), so no order is imported half.
- The exchange format keeps its Contact / Order / Shipment IDs when the database has no
  contacts and no orders yet (order numbers people know survive a move to a new computer);
  otherwise new ids are given and the file's ids only link its sheets.

Re-import (issue #13; services/importing/match.py): every imported order remembers its key in
the file (its order number, or its date and customer) and digests of its rows and of the order
written. Importing the file again leaves unchanged orders alone, replaces the ones whose rows
changed (unless they were changed in Lavka too: a conflict, Lavka's version kept unless the
person prefers the file's), adds the new ones, and does not bring back orders deleted here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from services.importing.apply import apply_plan as apply_import
from services.importing.context import NO_REASON_NOTE, Context
from services.importing.exchange import exchange_sheets, plan_exchange
from services.importing.headers import FIELDS, match_headers
from services.importing.match import match_orders
from services.importing.plan import (
    ORDER_STATES,
    ImportPlan,
    ImportRejected,
    ImportResult,
    Rejection,
    SkippedRow,
)
from services.importing.reading import header_key, read_file
from services.importing.rejected import write_rejected
from services.importing.run import ImportOutcome, run_import
from services.importing.sales_log import SalesLog, main_sheet, sales_fields
from services.importing.source import ImportFileError, Limits, SourceSheet
from services.storage import Database


def plan_import(
    database: Database,
    sheets: Sequence[SourceSheet],
    mapping: Mapping[str | int, str | None] | None = None,
    today: dt.date | None = None,
) -> ImportPlan:
    """What importing these sheets would do. An exchange-format file is planned from its
    sheets; any other file is a sales log read from its main sheet, whose columns `mapping`
    (header text or column index → field, None to ignore a column) may assign by hand. Raises
    ValidationError when a sales log lacks a required column (the person maps it)."""
    with database.session() as session:
        context = Context(session, today or dt.date.today())
        exchange = exchange_sheets(sheets)
        if exchange is not None:
            plan = plan_exchange(context, exchange)
        else:
            sheet = main_sheet(sheets)
            plan = SalesLog(context, sheet, sales_fields(sheet, mapping)).plan()
        return match_orders(session, plan)


__all__ = [
    "FIELDS",
    "NO_REASON_NOTE",
    "ORDER_STATES",
    "ImportFileError",
    "ImportOutcome",
    "ImportPlan",
    "ImportRejected",
    "ImportResult",
    "Limits",
    "Rejection",
    "SkippedRow",
    "SourceSheet",
    "apply_import",
    "header_key",
    "main_sheet",
    "match_headers",
    "plan_import",
    "read_file",
    "run_import",
    "write_rejected",
]
