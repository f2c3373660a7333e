"""What an import would do and did: the planned contacts, products and orders, what became of
each order already imported before, the rows refused and why."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from services import messages
from services.errors import Problem, ValidationError
from services.importing.source import Cell
from services.messages import Translate, english


@dataclass(frozen=True, slots=True)
class Rejection:
    """A refused row: where (sheet, row number as the spreadsheet shows it, header) and why:
    the reason's code and parameters (services/messages.py), and its English sentence."""

    row: int
    column: str
    reason: str
    sheet: str = ""
    code: str | None = None
    params: tuple[str, ...] = ()

    @classmethod
    def of(cls, row: int, column: str, sheet: str, code: str, *params: object) -> Rejection:
        said = messages.params_of(params)
        return cls(row, column, messages.text(code, said), sheet, code, said)

    @classmethod
    def of_problem(cls, row: int, column: str, sheet: str, problem: Problem) -> Rejection:
        return cls(row, column, problem.message, sheet, problem.code, problem.params)

    def why(self, translate: Translate = english) -> str:
        """The reason alone, in the language of `translate`."""
        if self.code is None:
            return self.reason
        return messages.text(self.code, self.params, translate)

    def said(self, translate: Translate = english) -> str:
        """ "Orders, row 3, Price: …" in the language of `translate`."""
        if self.sheet:
            where = messages.text("import.sheet_row", (self.sheet, str(self.row)), translate)
        else:
            where = messages.text("import.row", (str(self.row),), translate)
        if self.column:
            return messages.text(
                "import.where_column", (where, self.column, self.why(translate)), translate
            )
        return messages.text("import.where", (where, self.why(translate)), translate)

    def __str__(self) -> str:
        return self.said()


@dataclass(frozen=True, slots=True)
class SkippedRow:
    """A source row left out of the import, with its cells (to be fixed) and why: its own
    rejections, or one saying which rejected row of its order took it along."""

    sheet: str
    row: int
    cells: tuple[Cell, ...]
    rejections: tuple[Rejection, ...]

    def said(self, translate: Translate = english) -> str:
        """The reason for the rejected-rows file, in the language of `translate`."""
        return "; ".join(
            messages.text("import.where", (r.column, r.why(translate)), translate)
            if r.column
            else r.why(translate)
            for r in self.rejections
        )

    @property
    def reason(self) -> str:
        return self.said()


@dataclass(frozen=True, slots=True)
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
    payment_terms_days: int = 0
    # The exchange format's companies and people (issue #16): a company is planned before
    # its people, who name it by its plan key.
    kind: str = "person"  # models.CONTACT_KINDS
    company_key: str | None = None
    job_title: str | None = None
    legal_name: str | None = None
    tax_id: str | None = None
    phone_label: str | None = None  # a code of models.CHANNEL_LABELS
    email_label: str | None = None
    phones: tuple[tuple[str, str | None], ...] = ()  # the further ones: (E.164, label)
    emails: tuple[tuple[str, str | None], ...] = ()
    tags: tuple[str, ...] = ()  # the keys of plan.tags

    @property
    def all_phones(self) -> tuple[str, ...]:
        """The main phone and the further ones."""
        return ((self.phone,) if self.phone else ()) + tuple(p for p, _label in self.phones)


@dataclass(frozen=True, slots=True)
class PlannedTag:
    key: str  # the folded name (models.fold), as tags.name_key
    existing_id: int | None
    name: str
    colour: str  # '#rrggbb'


@dataclass(frozen=True, slots=True)
class PlannedProduct:
    key: str  # the folded name
    existing_id: int | None
    name: str
    sku: str | None = None
    default_price: Decimal = Decimal(0)
    default_cost: Decimal = Decimal(0)
    active: bool = True
    min_stock: int | None = None


@dataclass(frozen=True, slots=True)
class PlannedLine:
    row: int
    date: dt.date
    product_key: str
    quantity: int
    unit_price: Decimal
    unit_cost: Decimal
    source_id: int | None = None
    # The exchange format's line cost beyond quantity × unit cost, in minor units (a FIFO
    # line's exact splits: |remainder| ≤ quantity / 2); 0 for a typed cost.
    cost_remainder: int = 0


@dataclass(frozen=True, slots=True)
class PlannedPayment:
    row: int
    date: dt.date
    amount: Decimal
    method: str  # a code of models.PAYMENT_METHODS
    note: str | None = None
    source_id: int | None = None


@dataclass(frozen=True, slots=True)
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
    # Re-import (services/importing/match.py): the order's key in its file and a digest of its
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
    # The exchange format's payments of the order: written with a new order only (an order
    # already in Lavka keeps the payments recorded there).
    payments: tuple[PlannedPayment, ...] = ()
    payment_due: dt.date | None = None  # the exchange format's own due date of the order
    expected_amount: Decimal | None = None  # what a deal without lines is expected to bring
    person_key: str | None = None  # the exchange format's "ordered by": a contact's plan key

    @property
    def records_origin(self) -> bool:
        return self.key is not None and (self.state == "new" or self.adopt or self.by_origin)

    @property
    def amount(self) -> Decimal:
        return sum((line.quantity * line.unit_price for line in self.lines), Decimal(0))


@dataclass(frozen=True, slots=True)
class PlannedPurchaseLine:
    row: int
    product_key: str  # a key of plan.products
    quantity: int
    unit_cost: Decimal
    source_id: int | None = None
    delivery_share: Decimal = Decimal(0)  # the line's part of its purchase's delivery cost


@dataclass(frozen=True, slots=True)
class PlannedPurchase:
    """A purchase of the exchange format with its lines (in the file's order), the delivery
    cost shared over them (services/importing/exchange_stock.py)."""

    row: int
    date: dt.date
    supplier_key: str | None  # a contact's plan key, or None for a supplier typed as text
    supplier_name: str | None
    document: str | None
    comment: str | None
    delivery_cost: Decimal
    lines: tuple[PlannedPurchaseLine, ...]
    source_id: int | None = None


@dataclass(frozen=True, slots=True)
class PlannedExpense:
    row: int
    date: dt.date
    amount: Decimal
    category: str  # a code of models.EXPENSE_CATEGORIES
    channel: str | None  # by name, added to the list when new (ads only)
    comment: str | None = None
    source_id: int | None = None


@dataclass(frozen=True, slots=True)
class PlannedAdjustment:
    row: int
    date: dt.date
    product_key: str
    kind: str  # a code of models.ADJUSTMENT_KINDS
    quantity: int  # signed: units added or taken away
    reason: str
    source_id: int | None = None


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
    tags: tuple[PlannedTag, ...] = ()  # the exchange format's tags (sheet and cards)
    # The exchange format's stock and expenses (issue #18): only those not in the database
    # yet; `stock_known` counts the rows that are (the same purchase, expense or adjustment).
    purchases: tuple[PlannedPurchase, ...] = ()
    expenses: tuple[PlannedExpense, ...] = ()
    adjustments: tuple[PlannedAdjustment, ...] = ()
    stock_known: int = 0

    @property
    def contacts_new(self) -> int:
        return sum(1 for c in self.contacts if c.existing_id is None)

    @property
    def contacts_existing(self) -> int:
        return sum(1 for c in self.contacts if c.existing_id is not None)

    @property
    def tags_new(self) -> int:
        return sum(1 for t in self.tags if t.existing_id is None)

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
        """Something to write: a new contact or tag, a new order, an update or a conflict."""
        return (
            self.contacts_new > 0
            or self.tags_new > 0
            or bool(self.purchases or self.expenses or self.adjustments)
            or any(o.state in ("new", "updated", "conflict") or o.adopt for o in self.orders)
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
    purchases: int = 0  # new purchases (with their lines), expenses, stock adjustments
    purchase_lines: int = 0
    expenses: int = 0
    adjustments: int = 0


SAID_REJECTIONS = 20  # rejections written out in the message; a message box must stay readable


class ImportRejected(ValidationError):
    """The file has rejected rows and the person did not choose to skip them: nothing was
    imported. Lists every rejected row with its column and reason."""

    def __init__(self, rejections: Sequence[Rejection]) -> None:
        self.rejections = tuple(rejections)
        super().__init__(
            [Problem(r.column, r.reason, r.row, r.code, r.params) for r in self.rejections]
        )
        self.args = (self.said(),)

    def said(self, translate: Translate = english) -> str:
        """How many rows, and the first SAID_REJECTIONS of them, in `translate`'s language."""
        rows = len({(r.sheet, r.row) for r in self.rejections})
        lines = [messages.text("import.rejected", (str(rows),), translate)]
        lines += [r.said(translate) for r in self.rejections[:SAID_REJECTIONS]]
        if len(self.rejections) > SAID_REJECTIONS:  # all of them are in .rejections
            more = len(self.rejections) - SAID_REJECTIONS
            lines.append(messages.text("import.more_rejected", (str(more),), translate))
        return "\n".join(lines)


Progress = Callable[[int, int], None]
