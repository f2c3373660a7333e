"""Planning the stock and expenses of Lavka's exchange format (issue #18): the optional sheets
Purchases with PurchaseLines, Expenses and StockAdjustments (services/exchange.py writes them).

A purchase's `Supplier ID` is a card of the file (a person of Contacts or a company of
Companies), linked as an order's `Contact ID` is; its lines name it by `Purchase ID`, and their
products go by name like the shipments' (a product only they name is made, its default cost
the line's). A refused line refuses its whole purchase, and a refused purchase its lines. The
lines keep the file's delivery shares when every line has one and they add up to the
purchase's delivery cost (what Lavka wrote comes back as it was); otherwise (no such column,
or a delivery cost edited by hand) the delivery is spread again, as services/purchases.py
spreads it.
An expense's channel goes by name, as an order's does; its category and an adjustment's kind
are codes (ads, count, write_off, …) or words for them.

A row already in the database — a purchase with the same date, supplier, document, comment,
delivery and lines, an expense or an adjustment with the same fields — is not written again
(each row of the database stands for one row of the file): importing a database's own export
again adds nothing. A file without these sheets plans nothing here.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Hashable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import TypeVar

from sqlalchemy import select

from models import (
    Channel,
    Expense,
    Product,
    Purchase,
    PurchaseLine,
    StockAdjustment,
    fold,
    from_minor,
    to_minor,
)
from services.errors import ValidationError
from services.importing.cells import cell_date, cell_money, cell_quantity, cell_text
from services.importing.context import Context
from services.importing.exchange_cards import Cards
from services.importing.exchange_sheet import ExchangeSheet, name_cell
from services.importing.plan import (
    PlannedAdjustment,
    PlannedExpense,
    PlannedPurchase,
    PlannedPurchaseLine,
    SkippedRow,
)
from services.importing.source import Cell, SourceSheet
from services.messages import Label
from services.purchases import DOCUMENT_MAX, SUPPLIER_MAX, spread_delivery
from services.values import QUANTITY_MAX, check_typed_text, clean_text, parse_decimal, parse_money

# The sheets' roles (folded sheet names) and the columns each must have.
REQUIRED = {
    "purchases": ("Purchase ID", "Date"),
    "purchaselines": ("Purchase ID", "Product", "Quantity", "Unit cost"),
    "expenses": ("Date", "Amount"),
    "stockadjustments": ("Date", "Product", "Quantity", "Reason"),
}

# What a file may write for a category or a kind (folded): the code, and words for it.
CATEGORY_WORDS: dict[str, str] = {
    fold(word): code
    for code, words in {
        "ads": ("ads", "ad", "advertising", "реклама"),
        "delivery": ("delivery", "доставка"),
        "packaging": ("packaging", "упаковка"),
        "fees": ("fees", "fee", "комиссии", "комиссия"),
        "other": ("other", "прочее", "другое", "прочие"),
    }.items()
    for word in words
}
KIND_WORDS: dict[str, str] = {
    fold(word): code
    for code, words in {
        "count": ("count", "recount", "пересчёт", "инвентаризация"),
        "write_off": ("write_off", "write-off", "write off", "writeoff", "списание"),
    }.items()
    for word in words
}


# What stands for a row in the database and in a file alike (_Known).
PurchaseKey = tuple[
    dt.date, str | None, str | None, str | None, Decimal, tuple[tuple[str, int, Decimal], ...]
]
ExpenseKey = tuple[dt.date, Decimal, str, str | None, str | None]
AdjustmentKey = tuple[dt.date, str, str, int, str]
Key = TypeVar("Key", bound=Hashable)


@dataclass
class _ReadLine:
    """A row of PurchaseLines as read (None where its cell was refused)."""

    row: int
    cells: tuple[Cell, ...]
    source_id: int | None
    product: str | None
    quantity: int | None
    cost: Decimal | None
    share: Decimal | None


@dataclass
class _ReadPurchase:
    """A row of Purchases as read (None where its cell was refused), with its lines."""

    row: int
    cells: tuple[Cell, ...]
    date: dt.date | None
    supplier_key: str | None
    supplier_name: str | None
    document: str | None
    comment: str | None
    delivery: Decimal | None
    lines: list[_ReadLine] = field(default_factory=list)


@dataclass(frozen=True)
class Stock:
    """What the stock sheets plan: the rows not in the database yet, how many are."""

    purchases: tuple[PlannedPurchase, ...] = ()
    expenses: tuple[PlannedExpense, ...] = ()
    adjustments: tuple[PlannedAdjustment, ...] = ()
    known: int = 0
    # Products their rows name: folded name → (name, default price, default cost) if new.
    products: dict[str, tuple[str, Decimal, Decimal]] = field(default_factory=dict)
    sheets: tuple[ExchangeSheet, ...] = ()


def plan_stock(
    context: Context, sheets: dict[str, SourceSheet], cards: Cards, skipped: list[SkippedRow]
) -> Stock:
    """The Purchases (with PurchaseLines), Expenses and StockAdjustments sheets the file has,
    planned; the rows refused go to `skipped`."""
    planner = _Planner(context, cards, skipped)
    purchases = planner.purchases(sheets.get("purchases"), sheets.get("purchaselines"))
    expenses = planner.expenses(sheets.get("expenses"))
    adjustments = planner.adjustments(sheets.get("stockadjustments"))
    known = _Known(context)
    purchases = [p for p in purchases if not known.claim(known.purchases, _purchase_key(p))]
    expenses = [e for e in expenses if not known.claim(known.expenses, _expense_key(e))]
    adjustments = [a for a in adjustments if not known.claim(known.adjustments, _adjustment_key(a))]
    return Stock(
        tuple(purchases),
        tuple(expenses),
        tuple(adjustments),
        known.taken,
        planner.products,
        tuple(planner.sheets),
    )


class _Planner:
    def __init__(self, context: Context, cards: Cards, skipped: list[SkippedRow]) -> None:
        self.context = context
        self.cards = cards
        self.skipped = skipped
        self.products: dict[str, tuple[str, Decimal, Decimal]] = {}
        self.sheets: list[ExchangeSheet] = []

    # --- purchases ----------------------------------------------------------------------------

    def purchases(
        self, source: SourceSheet | None, lines_source: SourceSheet | None
    ) -> list[PlannedPurchase]:
        found: dict[int, _ReadPurchase] = {}
        # without a Purchases sheet, every row of PurchaseLines names a purchase not there
        sheet = ExchangeSheet(source) if source is not None else None
        if sheet is not None:
            self.sheets.append(sheet)
            self._purchase_rows(sheet, found)
        lines_sheet = ExchangeSheet(lines_source) if lines_source is not None else None
        if lines_sheet is not None:
            self.sheets.append(lines_sheet)
            self._lines(lines_sheet, found)
        planned = []
        for pid, purchase in sorted(found.items()):
            assert sheet is not None  # found holds the Purchases sheet's rows
            row, lines = purchase.row, purchase.lines
            if not lines and row not in sheet.bad:
                sheet.refuse(row, "Purchase ID", "purchase.lines_required")
            bad_lines = [line.row for line in lines if lines_sheet and line.row in lines_sheet.bad]
            if row in sheet.bad or bad_lines:
                if row in sheet.bad:
                    self.skipped.append(sheet.skipped(row, purchase.cells))
                else:
                    assert lines_sheet is not None
                    self.skipped.append(
                        sheet.skipped_with(
                            row, purchase.cells, "import.with_line", lines_sheet, bad_lines[0]
                        )
                    )
                for line in lines:
                    assert lines_sheet is not None  # a purchase has lines only from that sheet
                    self.skipped.append(
                        lines_sheet.skipped_with(
                            line.row, line.cells, "import.with_order", sheet, row
                        )
                    )
                continue
            # Neither the purchase's row nor a line's was refused: each has its values.
            assert purchase.date is not None and purchase.delivery is not None
            read = []
            for line in lines:
                assert line.product is not None and line.quantity is not None
                assert line.cost is not None
                read.append((line, line.product, line.quantity, line.cost))
            shares = _shares(purchase.delivery, [(q, c, ln.share) for ln, _p, q, c in read])
            planned_lines = []
            for (line, product, quantity, cost), share in zip(read, shares, strict=True):
                planned_lines.append(
                    PlannedPurchaseLine(
                        line.row, fold(product), quantity, cost, line.source_id, share
                    )
                )
                self.products.setdefault(fold(product), (product, Decimal(0), cost))
            planned.append(
                PlannedPurchase(
                    row=row,
                    date=purchase.date,
                    supplier_key=purchase.supplier_key,
                    supplier_name=purchase.supplier_name,
                    document=purchase.document,
                    comment=purchase.comment,
                    delivery_cost=purchase.delivery,
                    lines=tuple(planned_lines),
                    source_id=pid,
                )
            )
        return planned

    def _purchase_rows(self, sheet: ExchangeSheet, found: dict[int, _ReadPurchase]) -> None:
        """The Purchases sheet's rows with an ID into `found`, by their ID."""
        rows: dict[int, int] = {}
        for row, cells in sheet.rows():
            pid = sheet.ident(row, cells, "Purchase ID", rows)
            date = sheet.parse(row, "Date", cell_date, row)
            supplier_key, supplier = self._supplier(sheet, row, cells)
            name = sheet.parse(row, "Supplier", _text, SUPPLIER_MAX, "supplier", "Supplier", row)
            document = sheet.parse(
                row, "Document", _text, DOCUMENT_MAX, "document", "Document", row
            )
            comment = sheet.parse(row, "Comment", _text, None, "comment", "Comment", row)
            delivery = sheet.parse(row, "Delivery cost", _delivery, row)
            if pid is None:
                self.skipped.append(sheet.skipped(row, cells))
                continue
            rows[pid] = row
            found[pid] = _ReadPurchase(
                row=row,
                cells=cells,
                date=date,
                supplier_key=supplier_key,
                supplier_name=name or (supplier[:SUPPLIER_MAX] if supplier else None),
                document=document,
                comment=comment,
                delivery=delivery,
            )

    def _lines(self, sheet: ExchangeSheet, purchases: dict[int, _ReadPurchase]) -> None:
        seen: dict[int, int] = {}
        for row, cells in sheet.rows():
            pid = sheet.ident(row, cells, "Purchase ID", None)
            if pid is None and row not in sheet.bad:
                sheet.refuse(row, "Purchase ID", "import.required", "Purchase ID")
            elif pid is not None and pid not in purchases:
                sheet.refuse(row, "Purchase ID", "purchase.not_found", pid)
            lid = _optional_id(sheet, row, cells, "Line ID", seen)
            product = sheet.parse(row, "Product", name_cell, "Product")
            quantity = sheet.parse(row, "Quantity", cell_quantity, row)
            cost = sheet.parse(row, "Unit cost", cell_money, "unit_cost", "Unit cost", row)
            share = _share(sheet.cell(cells, "Delivery share"))
            if pid is not None and pid in purchases:
                line = _ReadLine(row, cells, lid, product, quantity, cost, share)
                purchases[pid].lines.append(line)
            else:
                self.skipped.append(sheet.skipped(row, cells))

    def _supplier(
        self, sheet: ExchangeSheet, row: int, cells: tuple[Cell, ...]
    ) -> tuple[str | None, str | None]:
        """(plan key, name) of the purchase's supplier card; (None, None) for none."""
        sid = sheet.ident(row, cells, "Supplier ID", None)
        if sid is None:
            return None, None
        contact = self.cards.contacts.get(sid)
        if contact is None:
            why = "import.contact_rejected" if sid in self.cards.seen else "import.no_such_contact"
            sheet.refuse(row, "Supplier ID", why, sid)
            return None, None
        return contact.key, contact.name

    # --- expenses -----------------------------------------------------------------------------

    def expenses(self, source: SourceSheet | None) -> list[PlannedExpense]:
        if source is None:
            return []
        sheet = ExchangeSheet(source)
        self.sheets.append(sheet)
        seen: dict[int, int] = {}
        planned = []
        for row, cells in sheet.rows():
            eid = _optional_id(sheet, row, cells, "Expense ID", seen)
            date = sheet.parse(row, "Date", cell_date, row)
            category = sheet.parse(row, "Category", _category)
            channel = sheet.text(cells, "Channel")
            if channel is not None and category not in (None, "ads"):
                sheet.refuse(row, "Channel", "expense.channel_for_ads")
            amount = sheet.parse(row, "Amount", _expense_amount, row)
            comment = sheet.parse(row, "Comment", _text, None, "comment", "Comment", row)
            if row in sheet.bad:
                self.skipped.append(sheet.skipped(row, cells))
                continue
            assert date is not None and amount is not None and category is not None  # not refused
            planned.append(PlannedExpense(row, date, amount, category, channel, comment, eid))
        return planned

    # --- adjustments --------------------------------------------------------------------------

    def adjustments(self, source: SourceSheet | None) -> list[PlannedAdjustment]:
        if source is None:
            return []
        sheet = ExchangeSheet(source)
        self.sheets.append(sheet)
        seen: dict[int, int] = {}
        planned = []
        for row, cells in sheet.rows():
            aid = _optional_id(sheet, row, cells, "Adjustment ID", seen)
            date = sheet.parse(row, "Date", cell_date, row)
            product = sheet.parse(row, "Product", name_cell, "Product")
            kind = sheet.parse(row, "Kind", _kind)
            quantity = sheet.parse(row, "Quantity", _adjustment_quantity, row)
            reason = sheet.parse(row, "Reason", _reason, row)
            if row in sheet.bad:
                self.skipped.append(sheet.skipped(row, cells))
                continue
            # the row was not refused: each parser gave its value
            assert date is not None and product is not None and kind is not None
            assert quantity is not None and reason is not None
            if kind == "write_off":  # a write-off takes goods away, whichever sign was written
                quantity = -abs(quantity)
            planned.append(PlannedAdjustment(row, date, fold(product), kind, quantity, reason, aid))
            self.products.setdefault(fold(product), (product, Decimal(0), Decimal(0)))
        return planned


# --- what the database has already --------------------------------------------------------------


def _purchase_key(p: PlannedPurchase) -> PurchaseKey:
    lines = tuple((line.product_key, line.quantity, line.unit_cost) for line in p.lines)
    return (p.date, p.supplier_name, p.document, p.comment, p.delivery_cost, lines)


def _expense_key(e: PlannedExpense) -> ExpenseKey:
    return (e.date, e.amount, e.category, fold(e.channel) if e.channel else None, e.comment)


def _adjustment_key(a: PlannedAdjustment) -> AdjustmentKey:
    return (a.date, a.product_key, a.kind, a.quantity, a.reason)


class _Known:
    """The database's purchases, expenses and adjustments as keys, each standing for one row
    of a file; each kind read only when the file has rows of it."""

    def __init__(self, context: Context) -> None:
        self.session = context.session
        self.taken = 0

    def claim(self, known: Counter[Key], key: Key) -> bool:
        """Whether a row with this key is in the database and not claimed yet (then it is)."""
        if known[key] <= 0:
            return False
        known[key] -= 1
        self.taken += 1
        return True

    @cached_property
    def purchases(self) -> Counter[PurchaseKey]:
        lines: dict[int, list[tuple[str, int, Decimal]]] = {}
        query = (
            select(
                PurchaseLine.purchase_id,
                Product.name,
                PurchaseLine.quantity,
                PurchaseLine.unit_cost,
            )
            .join(Product, Product.id == PurchaseLine.product_id)
            .order_by(PurchaseLine.purchase_id, PurchaseLine.position, PurchaseLine.id)
        )
        for pid, name, quantity, cost in self.session.execute(query):
            lines.setdefault(pid, []).append((fold(name), quantity, cost))
        heads = select(
            Purchase.id,
            Purchase.date,
            Purchase.supplier_name,
            Purchase.document,
            Purchase.comment,
            Purchase.delivery_cost,
        )
        return Counter(
            (date, name, document, comment, delivery, tuple(lines.get(pid, ())))
            for pid, date, name, document, comment, delivery in self.session.execute(heads)
        )

    @cached_property
    def expenses(self) -> Counter[ExpenseKey]:
        query = select(
            Expense.date, Expense.amount, Expense.category, Channel.name, Expense.comment
        ).outerjoin(Channel, Channel.id == Expense.channel_id)
        return Counter(
            (date, amount, category, fold(channel) if channel else None, comment)
            for date, amount, category, channel, comment in self.session.execute(query)
        )

    @cached_property
    def adjustments(self) -> Counter[AdjustmentKey]:
        query = select(
            StockAdjustment.date,
            Product.name,
            StockAdjustment.kind,
            StockAdjustment.quantity,
            StockAdjustment.reason,
        ).join(Product, Product.id == StockAdjustment.product_id)
        return Counter(
            (date, fold(name), kind, quantity, reason)
            for date, name, kind, quantity, reason in self.session.execute(query)
        )


# --- cells ----------------------------------------------------------------------------------------


def _optional_id(
    sheet: ExchangeSheet, row: int, cells: tuple[Cell, ...], header: str, seen: dict[int, int]
) -> int | None:
    """The row's ID when it has one: a whole number, not on another row of the sheet."""
    value = sheet.ident(row, cells, header, None)
    if value is None:
        return None
    if value in seen:
        sheet.refuse(row, header, "import.id_twice", header, value, seen[value])
        return None
    seen[value] = row
    return value


def _text(value: Cell, max_length: int | None, field: str, label: str, row: int) -> str | None:
    return clean_text(cell_text(value), max_length, field, label, row)


def _share(value: Cell) -> Decimal | None:
    """A line's delivery share as the file has it; None when empty or not money (the delivery
    is then spread again: the column is Lavka's own record, not something a person types)."""
    if cell_text(value) is None:
        return None
    try:
        return cell_money(value, "delivery_share", "Delivery share")
    except ValidationError:
        return None


def _shares(delivery: Decimal, lines: list[tuple[int, Decimal, Decimal | None]]) -> list[Decimal]:
    """Each line's share of the delivery (lines as (quantity, unit cost, the file's share)):
    the file's when they add up to it, else spread by value
    (services.purchases.spread_delivery)."""
    given = [share for _quantity, _cost, share in lines if share is not None]
    if len(given) == len(lines) and sum(given) == delivery:
        return given
    goods = [to_minor(cost) * quantity for quantity, cost, _share in lines]
    quantities = [quantity for quantity, _cost, _share in lines]
    return [from_minor(s) for s in spread_delivery(to_minor(delivery), goods, quantities)]


def _delivery(value: Cell, row: int) -> Decimal:
    if cell_text(value) is None:
        return Decimal(0)
    return cell_money(value, "delivery_cost", "Delivery cost", row)


def _category(value: Cell) -> str:
    """A category's code from its code or a word for it; empty is "other", as on the form."""
    text = cell_text(value)
    if text is None:
        return "other"
    code = CATEGORY_WORDS.get(fold(text))
    if code is None:
        raise ValidationError.of("category", "expense.category_unknown", text)
    return code


def _kind(value: Cell) -> str:
    """An adjustment's kind from its code or a word for it; empty is a count."""
    text = cell_text(value)
    if text is None:
        return "count"
    code = KIND_WORDS.get(fold(text))
    if code is None:
        raise ValidationError.of("kind", "adjustment.kind_unknown", text)
    return code


def _expense_amount(value: Cell, row: int) -> Decimal:
    """More than 0, in money (as services/expenses.py takes it)."""
    text = cell_text(value) or ""
    number = parse_decimal(text, "amount", "Amount", row) if text else Decimal(0)
    if number <= 0:
        raise ValidationError.of(
            "amount", "expense.amount_not_positive", Label("Amount"), text, line=row
        )
    return parse_money(number, "amount", "Amount", row)


def _adjustment_quantity(value: Cell, row: int) -> int:
    """Whole units added (12) or taken away (-3); never 0."""
    text = cell_text(value) or ""
    number = parse_decimal(text, "quantity", "Quantity", row) if text else Decimal(0)
    if number == 0 or number != int(number) or abs(number) > QUANTITY_MAX:
        raise ValidationError.of("quantity", "adjustment.quantity_zero", line=row)
    return int(number)


def _reason(value: Cell, row: int) -> str:
    reason = check_typed_text(cell_text(value) or "", "reason", "Reason", row).strip()
    if not reason:
        raise ValidationError.of("reason", "adjustment.reason_required", line=row)
    return reason
