"""Import of a flat sales log or of Lavka's exchange format: the public API and its types.

`plan_import(database, sheets)` reads the sheets a file reader produced (services.import_source)
and says what would be created, and which rows are refused and why; nothing is written.
`apply_import(database, plan)` writes the plan in one transaction, all or nothing.
The planning lives in services/import_plan.py, the writing in services/import_apply.py.

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
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from pathlib import Path

from services.errors import LavkaError, Problem, ValidationError
from services.import_source import Cell, SourceSheet
from services.storage import Database
from services.values import parse_date, parse_money, parse_quantity

NO_REASON_NOTE = "Cancelled in the imported file; no reason given."
FIELDS = (
    "date",
    "customer",
    "phone",
    "product",
    "quantity",
    "price",
    "cost",
    "order_number",
    "status",
    "comment",
    "address",
    "channel",
    "email",
    "notes",
)
ALIASES: dict[str, tuple[str, ...]] = {
    "date": ("Дата", "Дата заказа", "Дата продажи", "Дата отгрузки", "Date", "Order date"),
    "customer": (
        *("Имя", "Клиент", "Покупатель", "Заказчик", "ФИО", "Имя клиента", "Контакт"),
        *("Name", "Customer", "Contact name", "Contact", "Client", "Buyer", "Customer name"),
    ),
    "phone": (
        *("Телефон", "Тел", "Номер телефона", "Телефон клиента", "Мобильный"),
        *("Phone", "Contact phone", "Telephone", "Phone number", "Mobile", "Tel"),
    ),
    "product": ("Товар", "Модель", "Продукт", "Наименование", "Product", "Item", "Model"),
    "quantity": ("Кол-во", "Количество", "Кол", "Шт", "Qty", "Quantity", "Units"),
    "price": ("Цена", "Цена продажи", "Цена за шт", "Unit price", "Price", "Sale price"),
    "cost": (
        *("Закупка", "Себестоимость", "Цена закупки", "Закупочная цена"),
        *("Unit cost", "Cost price", "Cost", "Purchase price"),
    ),
    "order_number": (
        *("№ заказа", "Номер заказа", "Заказ", "Заказ №", "№"),
        *("Order ID", "Order number", "Order", "Order no", "Order #", "Order No."),
    ),
    "status": ("Статус", "Статус заказа", "Status", "Order status"),
    "comment": ("Комментарий", "Комментарий к заказу", "Comment", "Order comment"),
    "address": ("Адрес", "Адрес доставки", "Address", "Delivery address"),
    "channel": ("Канал", "Источник", "Channel", "Source"),
    "email": ("Email", "E-mail", "Почта", "Эл. почта", "Электронная почта"),
    "notes": ("Заметки", "Примечание", "Примечания", "Notes", "Note"),
}
_PUNCTUATION = re.compile(r"[\s.:_*]+")


def normal_header(text: str) -> str:
    """`  Тел.: ` and `тел` are one header: folded case, ё = е, no dots, colons or stars."""
    return _PUNCTUATION.sub(" ", str(text).casefold().replace("ё", "е")).strip()


_ALIAS_FIELD = {
    normal_header(alias): name for name, aliases in ALIASES.items() for alias in aliases
}
_ALIAS_FIELD.update({normal_header(name): name for name in FIELDS})


@dataclass(frozen=True)
class HeaderMatch:
    fields: dict[int, str]  # column index → field
    unmatched: tuple[int, ...]  # indexes of the columns that feed no field


def match_headers(
    headers: Sequence[str], mapping: Mapping[str | int, str | None] | None = None
) -> HeaderMatch:
    """Which column feeds which field. `mapping` (header text or column index → field, or None
    to ignore the column) wins over the aliases; a field is fed by one column only (the first)."""
    mapping = mapping or {}
    fields: dict[int, str] = {}
    for index, header in enumerate(headers):
        if index in mapping or header in mapping:
            chosen = mapping[index] if index in mapping else mapping[header]
            if chosen is not None and chosen not in FIELDS:
                raise ValueError(f"unknown import field {chosen!r}")
        else:
            chosen = _ALIAS_FIELD.get(normal_header(header))
        if chosen is not None:
            fields[index] = chosen
    # A field mapped by hand takes the column from an alias that also matched it.
    by_hand = {i for i in fields if i in mapping or headers[i] in mapping}
    taken: set[str] = set()
    chosen_columns: dict[int, str] = {}
    for index in sorted(fields, key=lambda i: (i not in by_hand, i)):
        if fields[index] not in taken:
            taken.add(fields[index])
            chosen_columns[index] = fields[index]
    unmatched = tuple(i for i in range(len(headers)) if i not in chosen_columns)
    return HeaderMatch(dict(sorted(chosen_columns.items())), unmatched)


# --- values as people type them -------------------------------------------------------------

_EXCEL_EPOCH = dt.date(1899, 12, 30)
_DATE_WITH_TIME = re.compile(r"^(\S+)[ T]\d{1,2}:\d{2}(:\d{2})?$")


def cell_text(cell: Cell) -> str | None:
    """A cell as trimmed text (None when empty), numbers without a spurious `.0`. (The CSV
    reader already takes off the apostrophe our export puts before formula-like text.)"""
    if cell is None:
        return None
    if isinstance(cell, bool):
        return "1" if cell else "0"
    if isinstance(cell, float):
        cell = Decimal(repr(cell))
    if isinstance(cell, Decimal):
        return str(int(cell)) if cell == cell.to_integral_value() else str(cell)
    if isinstance(cell, dt.datetime | dt.date):
        return cell.isoformat()
    return str(cell).strip() or None


def _number(cell: Cell) -> Decimal | int | str:
    if isinstance(cell, float):
        return Decimal(repr(cell))
    if isinstance(cell, Decimal | int) and not isinstance(cell, bool):
        return cell
    return cell_text(cell) or ""


def cell_date(cell: Cell, row: int | None = None) -> dt.date:
    """A date cell, an Excel serial number, or `13.09.2024`, `2024-09-13`, `13.09.24`."""
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    if isinstance(cell, int | Decimal) and not isinstance(cell, bool) and 1 <= cell < 2958466:
        return _EXCEL_EPOCH + dt.timedelta(days=int(cell))
    text = cell_text(cell) or ""
    timed = _DATE_WITH_TIME.match(text)
    return parse_date(timed.group(1) if timed else text, "date", row)


def cell_datetime(cell: Cell) -> dt.datetime | None:
    if isinstance(cell, dt.datetime):
        return cell
    text = cell_text(cell)
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return None


def cell_money(cell: Cell, field_name: str, label: str, row: int | None = None) -> Decimal:
    """`1 250,50`, `1250.5`, `1 250 ₽` or a number cell; ≥ 0, at most 2 decimals, ≤ MONEY_MAX."""
    return parse_money(_number(cell), field_name, label, row)


def cell_quantity(cell: Cell, row: int | None = None) -> int:
    """`3` or `3,0` (or a number cell): a whole number from 1 to QUANTITY_MAX."""
    value = _number(cell)
    if isinstance(value, Decimal):
        value = str(value)
    return parse_quantity(value, "quantity", row)


def cell_bool(cell: Cell, default: bool) -> bool:
    text = (cell_text(cell) or "").casefold()
    if text in ("1", "true", "yes", "да", "истина"):
        return True
    if text in ("0", "false", "no", "нет", "ложь"):
        return False
    return default


# --- the plan -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rejection:
    """A refused row: where (sheet, row number as the spreadsheet shows it, header) and why."""

    row: int
    column: str
    reason: str
    sheet: str = ""

    def __str__(self) -> str:
        where = f"{self.sheet}, row {self.row}" if self.sheet else f"Row {self.row}"
        return (
            f"{where}, {self.column}: {self.reason}" if self.column else f"{where}: {self.reason}"
        )


@dataclass(frozen=True)
class SkippedRow:
    """A source row left out of the import, with its cells (to be fixed) and the reason."""

    sheet: str
    row: int
    cells: tuple[Cell, ...]
    reason: str


@dataclass(frozen=True)
class PlannedContact:
    key: str  # the phone (E.164), or "name:<folded name>", or "id:<Contact ID>"
    existing_id: int | None
    name: str
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    notes: str | None = None
    channel: str | None = None
    archived: bool = False
    created_at: dt.datetime | None = None  # UTC
    source_id: int | None = None


@dataclass(frozen=True)
class PlannedProduct:
    key: str  # the folded name
    existing_id: int | None
    name: str
    sku: str | None = None
    default_price: Decimal = Decimal(0)
    default_cost: Decimal = Decimal(0)
    active: bool = True


@dataclass(frozen=True)
class PlannedLine:
    row: int
    date: dt.date
    product_key: str
    quantity: int
    unit_price: Decimal
    unit_cost: Decimal
    source_id: int | None = None


@dataclass(frozen=True)
class PlannedOrder:
    contact_key: str
    date: dt.date
    status_id: int
    lines: tuple[PlannedLine, ...]
    rows: tuple[int, ...]  # the source rows it came from
    channel: str | None = None
    comment: str | None = None
    loss_reason: str | None = None
    loss_note: str | None = None
    source_id: int | None = None
    # Re-import (services/import_match.py): the order's key in its file and a digest of its
    # rows there; what became of it: "new", "unchanged", "updated", "conflict" (changed in
    # the file and in Lavka since the last import) or "deleted" (in Lavka, since then).
    key: str | None = None
    source_digest: str | None = None
    digest: str | None = None  # the order as this import would write it
    state: str = "new"
    existing_id: int | None = None
    old_amount: Decimal | None = None  # the existing order's amount
    adopt: bool = False  # an existing order without an origin: the import records one
    by_origin: bool = False  # found through its origin (which the import brings up to date)

    @property
    def records_origin(self) -> bool:
        return self.key is not None and (self.state == "new" or self.adopt or self.by_origin)

    @property
    def amount(self) -> Decimal:
        return sum((line.quantity * line.unit_price for line in self.lines), Decimal(0))


ORDER_STATES = ("new", "updated", "unchanged", "conflict", "deleted")


@dataclass(frozen=True)
class ImportPlan:
    """What an import would do; `orders` and `contacts` hold only what passed every check."""

    kind: str  # "sales_log" or "exchange"
    contacts: tuple[PlannedContact, ...]
    products: tuple[PlannedProduct, ...]
    orders: tuple[PlannedOrder, ...]
    rejections: tuple[Rejection, ...]
    skipped: tuple[SkippedRow, ...]  # rejected rows and the other rows of their orders
    headers: dict[str, tuple[str, ...]] = field(default_factory=dict)  # sheet → its headers
    fields: dict[int, str] = field(default_factory=dict)  # sales log: column index → field
    keep_ids: bool = False

    @property
    def contacts_new(self) -> int:
        return sum(1 for c in self.contacts if c.existing_id is None)

    @property
    def contacts_existing(self) -> int:
        return sum(1 for c in self.contacts if c.existing_id is not None)

    @property
    def products_new(self) -> int:
        return sum(1 for p in self.products if p.existing_id is None)

    @property
    def products_existing(self) -> int:
        return sum(1 for p in self.products if p.existing_id is not None)

    def count(self, state: str) -> int:
        """How many of the file's orders are in `state` (one of ORDER_STATES)."""
        return sum(1 for o in self.orders if o.state == state)

    def in_state(self, *states: str) -> tuple[PlannedOrder, ...]:
        return tuple(o for o in self.orders if o.state in states)

    def written(self, prefer_file: bool = False) -> tuple[PlannedOrder, ...]:
        """The orders an import writes: new and updated ones, and the conflicts when the
        person prefers the file's version."""
        return self.in_state("new", "updated", *(("conflict",) if prefer_file else ()))

    @property
    def order_count(self) -> int:
        """Orders in the file (whatever their state)."""
        return len(self.orders)

    @property
    def line_count(self) -> int:
        """Lines of the orders written (new and updated)."""
        return sum(len(o.lines) for o in self.written())

    @property
    def has_work(self) -> bool:
        """Something to write: a new contact, a new order, an update or a conflict."""
        return self.contacts_new > 0 or any(
            o.state in ("new", "updated", "conflict") or o.adopt for o in self.orders
        )

    def order_channel(self, order: PlannedOrder) -> str | None:
        """The channel an order is written with: its own, or in a sales log its customer's."""
        if order.channel or self.kind != "sales_log":
            return order.channel
        return self._contact_channels.get(order.contact_key)

    @cached_property
    def _contact_channels(self) -> dict[str, str | None]:
        return {c.key: c.channel for c in self.contacts}

    @property
    def rejected_rows(self) -> tuple[tuple[str, int], ...]:
        """(sheet, row) of every refused row, in order."""
        return tuple(sorted({(r.sheet, r.row) for r in self.rejections}))


@dataclass(frozen=True)
class ImportResult:
    contacts_created: int
    contacts_linked: int
    products_created: int
    orders: int  # new orders
    lines: int  # lines written (of new and updated orders)
    skipped: tuple[SkippedRow, ...]
    rejections: tuple[Rejection, ...]
    updated: int = 0  # orders whose lines and fields were replaced by the file's
    unchanged: int = 0
    conflicts_kept: int = 0  # changed in both places, Lavka's version kept


SAID_REJECTIONS = 20  # rejections written out in the message; a message box must stay readable


class ImportRejected(ValidationError):
    """The file has rejected rows and the person did not choose to skip them: nothing was
    imported. Lists every rejected row with its column and reason."""

    def __init__(self, rejections: Sequence[Rejection]) -> None:
        self.rejections = tuple(rejections)
        super().__init__([Problem(r.column, r.reason, r.row) for r in self.rejections])
        rows = len({(r.sheet, r.row) for r in self.rejections})
        lines = [f"Nothing was imported: {rows} row(s) were rejected."]
        lines += [str(r) for r in self.rejections[:SAID_REJECTIONS]]
        if len(self.rejections) > SAID_REJECTIONS:  # all of them are in .rejections
            lines.append(f"… and {len(self.rejections) - SAID_REJECTIONS} more.")
        LavkaError.__init__(self, "\n".join(lines))


Progress = Callable[[int, int], None]


def plan_import(
    database: Database,
    sheets: Sequence[SourceSheet],
    mapping: Mapping[str | int, str | None] | None = None,
    today: dt.date | None = None,
) -> ImportPlan:
    """What importing these sheets would create; raises ValidationError when the file cannot
    be read as a sales log at all (a required column is missing: map it by hand)."""
    from services.import_plan import build_plan

    return build_plan(database, sheets, mapping, today or dt.date.today())


def apply_import(
    database: Database,
    plan: ImportPlan,
    skip_rejected: bool = False,
    progress: Progress | None = None,
    prefer_file: bool = False,
) -> ImportResult:
    """Write the plan in one transaction. Rejected rows and not `skip_rejected`: raises
    ImportRejected and writes nothing. `progress(done, total)` may raise Cancelled: rollback.
    Orders changed both in the file and in Lavka keep Lavka's version unless `prefer_file`."""
    from services.import_apply import apply_plan

    return apply_plan(database, plan, skip_rejected, progress, prefer_file)


def write_rejected(
    source: Path | str, headers: Sequence[str], rows: Sequence[SkippedRow], sheet: str = ""
) -> Path:
    """The skipped rows beside the source, `<stem>.rejected.csv` (or `<stem>.<sheet>.rejected
    .csv`): UTF-8 with BOM, `;`, the source's columns plus "Reason"."""
    from services.import_apply import write_rejected_csv

    return write_rejected_csv(Path(source), headers, rows, sheet)
