"""Planning the import of Lavka's own exchange format (Contacts, Orders, Shipments, and the
optional Companies, Products, Payments, Tags, and Purchases, PurchaseLines, Expenses and
StockAdjustments; services/exchange.py writes it).

The sheets are taken as they are: the file's Contact ID links an order to its customer (a
person of Contacts or a company of Companies: their IDs are one space), its Ordered by ID to
the person who placed it, and its Order ID links a shipment to its order. The cards (tags,
companies, people) are planned first, by services/importing/exchange_cards.py; a card whose
phone is already in the database is linked to that contact. A rejected row rejects what hangs
on it: a card its orders (and the orders it placed), a company its people, a shipment its
whole order (with the order's other shipments), an order its payments. A rejected payment is
left out alone. Payments are written with new orders only: an order already in Lavka keeps
the payments recorded there. A file from before companies and tags (no Companies or Tags
sheet, none of their columns) plans exactly as it did. The stock and expenses sheets are
planned by services/importing/exchange_stock.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select

from models import Contact, Order, fold, to_minor
from services.errors import ValidationError
from services.importing.cells import cell_bool, cell_date, cell_money, cell_quantity, cell_text
from services.importing.context import Context
from services.importing.exchange_cards import Cards, plan_cards
from services.importing.exchange_sheet import ExchangeSheet, name_cell
from services.importing.exchange_stock import REQUIRED as STOCK_REQUIRED
from services.importing.exchange_stock import plan_stock
from services.importing.headers import normal_header
from services.importing.plan import (
    ImportPlan,
    PlannedLine,
    PlannedOrder,
    PlannedPayment,
    PlannedProduct,
    SkippedRow,
)
from services.importing.source import Cell, SourceSheet
from services.payments import NOTE_MAX, parse_method, parse_payment_amount
from services.products import parse_min_stock
from services.values import clean_text, order_total_problems

_REQUIRED = {
    "contacts": ("Contact ID", "Name", "Phone"),
    "companies": ("Company ID", "Name"),
    "tags": ("Name",),
    "orders": ("Order ID", "Date", "Status", "Contact ID"),
    "shipments": ("Order ID", "Date", "Product", "Quantity", "Unit price", "Unit cost"),
    "products": ("Product",),
    "payments": ("Order ID", "Date", "Amount"),
    **STOCK_REQUIRED,
}


@dataclass
class _ReadShipment:
    """A row of Shipments as read (None where its cell was refused)."""

    row: int
    cells: tuple[Cell, ...]
    source_id: int | None
    date: dt.date | None
    product: str | None
    quantity: int | None
    price: Decimal | None
    cost: Decimal | None
    remainder: int  # minor units beyond quantity × unit cost (_remainder)


@dataclass
class _ReadOrder:
    """A row of Orders as read (None where its cell was refused), with its shipments and its
    payments (each with its row's cells)."""

    row: int
    cells: tuple[Cell, ...]
    contact_key: str
    person_key: str | None
    date: dt.date | None
    status_id: int | None
    channel: str | None
    comment: str | None
    loss_reason: str | None
    loss_note: str | None
    payment_due: dt.date | None
    expected_amount: Decimal | None
    lines: list[_ReadShipment] = field(default_factory=list)
    payments: list[tuple[PlannedPayment, tuple[Cell, ...]]] = field(default_factory=list)


def exchange_sheets(sheets: Sequence[SourceSheet]) -> dict[str, SourceSheet] | None:
    """The sheets by role when they are the exchange format (Contacts, Orders and Shipments;
    the others optional), else None."""
    found: dict[str, SourceSheet] = {}
    for sheet in sheets:
        role = sheet.name.strip().casefold()
        keys = {normal_header(h) for h in sheet.headers}
        if role in _REQUIRED and all(normal_header(h) in keys for h in _REQUIRED[role]):
            found.setdefault(role, sheet)
    return found if {"contacts", "orders", "shipments"} <= found.keys() else None


def _within_bounds(
    order: _ReadOrder, orders_sheet: ExchangeSheet, lines_sheet: ExchangeSheet
) -> None:
    """An order no larger than Lavka keeps exactly (values.order_total_problems), its lines
    already parsed: a line over the bound is refused on its row of the lines' sheet, an order
    over it on its own row."""
    lines = order.lines
    if order.row in orders_sheet.bad or any(line.row in lines_sheet.bad for line in lines):
        return  # refused already; its parts may be missing
    parsed: list[tuple[int | None, int, Decimal, Decimal]] = []
    for line in lines:  # none refused: each has its values
        assert line.quantity is not None and line.price is not None and line.cost is not None
        parsed.append((line.row, line.quantity, line.price, line.cost))
    for problem in order_total_problems(parsed, line=order.row):
        if problem.field == "lines":
            orders_sheet.refuse_for(order.row, "Order ID", ValidationError(problem))
        else:
            column = "Unit cost" if problem.field == "unit_cost" else "Unit price"
            lines_sheet.refuse_for(problem.line or order.row, column, ValidationError(problem))


def plan_exchange(context: Context, sheets: dict[str, SourceSheet]) -> ImportPlan:
    session = context.session
    keep_ids = (
        session.scalar(select(Contact.id).limit(1)) is None
        and session.scalar(select(Order.id).limit(1)) is None
    )
    skipped: list[SkippedRow] = []

    # Tags, companies and people
    cards = plan_cards(context, sheets, skipped)
    contacts = cards.contacts

    # Orders
    orders_sheet = ExchangeSheet(sheets["orders"])
    orders: dict[int, _ReadOrder] = {}
    order_rows: dict[int, int] = {}
    for row, cells in orders_sheet.rows():
        oid = orders_sheet.ident(row, cells, "Order ID", order_rows)
        date = orders_sheet.parse(row, "Date", cell_date, row)
        status = orders_sheet.text(cells, "Status")
        status_id = context.status(status) if status else None
        if status_id is None:
            if status:
                orders_sheet.refuse(row, "Status", "import.unknown_status", status)
            else:
                orders_sheet.refuse(row, "Status", "import.required", "Status")
        cid = orders_sheet.ident(row, cells, "Contact ID", None)
        if orders_sheet.text(cells, "Contact ID") is None:
            orders_sheet.refuse(row, "Contact ID", "import.required", "Contact ID")
        elif cid is not None and cid not in contacts:
            why = "import.contact_rejected" if cid in cards.seen else "import.no_such_contact"
            orders_sheet.refuse(row, "Contact ID", why, cid)
        person = _ordered_by(orders_sheet, row, cells, cards)
        if oid is None:
            skipped.append(orders_sheet.skipped(row, cells))
            continue
        order_rows[oid] = row
        reason: str | None = None
        note: str | None = None
        if status_id is not None:
            reason, note = context.loss(
                status_id,
                orders_sheet.text(cells, "Loss reason"),
                orders_sheet.text(cells, "Loss note"),
            )
        orders[oid] = _ReadOrder(
            row=row,
            cells=cells,
            contact_key=f"id:{cid}",
            person_key=person,
            date=date,
            status_id=status_id,
            channel=orders_sheet.text(cells, "Channel"),
            comment=orders_sheet.text(cells, "Comment"),
            loss_reason=reason,
            loss_note=note,
            payment_due=(
                orders_sheet.parse(row, "Payment due", cell_date, row)
                if orders_sheet.text(cells, "Payment due")
                else None
            ),
            expected_amount=(
                orders_sheet.parse(
                    row, "Expected amount", cell_money, "expected_amount", "Expected amount", row
                )
                if orders_sheet.text(cells, "Expected amount")
                else None
            ),
        )

    # Shipments
    lines_sheet = ExchangeSheet(sheets["shipments"])
    line_names: dict[str, str] = {}
    for row, cells in lines_sheet.rows():
        oid = lines_sheet.ident(row, cells, "Order ID", None)
        if oid is None and row not in lines_sheet.bad:
            lines_sheet.refuse(row, "Order ID", "import.required", "Order ID")
        elif oid is not None and oid not in orders:
            lines_sheet.refuse(row, "Order ID", "import.no_such_order", oid)
        sid = lines_sheet.ident(row, cells, "Shipment ID", None)
        date = lines_sheet.parse(row, "Date", cell_date, row)
        product = lines_sheet.parse(row, "Product", name_cell, "Product")
        quantity = lines_sheet.parse(row, "Quantity", cell_quantity, row)
        price = lines_sheet.parse(row, "Unit price", cell_money, "unit_price", "Unit price", row)
        cost = lines_sheet.parse(row, "Unit cost", cell_money, "unit_cost", "Unit cost", row)
        rest = _remainder(lines_sheet.cell(cells, "Cost"), quantity, cost)
        if oid is not None and oid in orders:
            orders[oid].lines.append(
                _ReadShipment(row, cells, sid, date, product, quantity, price, cost, rest)
            )
        else:
            skipped.append(lines_sheet.skipped(row, cells))
        if product:
            line_names.setdefault(fold(product), product)

    payments_sheet = _payments(sheets.get("payments"), orders, skipped)
    stock = plan_stock(context, sheets, cards, skipped)

    planned_orders: list[PlannedOrder] = []
    used_products: dict[str, tuple[str, Decimal, Decimal]] = {}
    for oid, order in sorted(orders.items()):
        _within_bounds(order, orders_sheet, lines_sheet)
        bad_lines = [line.row for line in order.lines if line.row in lines_sheet.bad]
        if order.row in orders_sheet.bad or bad_lines:
            first_bad = bad_lines[0] if bad_lines else 0
            skipped.append(
                orders_sheet.skipped_with(
                    order.row, order.cells, "import.with_line", lines_sheet, first_bad
                )
            )
            for line in order.lines:
                skipped.append(
                    lines_sheet.skipped_with(
                        line.row, line.cells, "import.with_order", orders_sheet, order.row
                    )
                )
            for payment, cells in order.payments:
                assert payments_sheet is not None
                skipped.append(
                    payments_sheet.skipped_with(
                        payment.row, cells, "import.with_order", orders_sheet, order.row
                    )
                )
            continue
        # Neither the order's row nor a line's was refused: each has its values.
        assert order.date is not None and order.status_id is not None
        lines = []
        for line in order.lines:
            product, price, cost = line.product, line.price, line.cost
            assert line.date is not None and line.quantity is not None
            assert product is not None and price is not None and cost is not None
            key = fold(product)
            lines.append(
                PlannedLine(
                    line.row,
                    line.date,
                    key,
                    line.quantity,
                    price,
                    cost,
                    line.source_id,
                    line.remainder,
                )
            )
            used_products.setdefault(key, (product, price, cost))
        planned_orders.append(
            PlannedOrder(
                contact_key=order.contact_key,
                date=order.date,
                status_id=order.status_id,
                lines=tuple(lines),
                rows=(order.row, *(line.row for line in lines)),
                channel=order.channel,
                comment=order.comment,
                loss_reason=order.loss_reason,
                loss_note=order.loss_note,
                source_id=oid,
                payments=tuple(payment for payment, _cells in order.payments),
                payment_due=order.payment_due,
                expected_amount=order.expected_amount,
                person_key=order.person_key,
            )
        )

    for key, named in stock.products.items():
        used_products.setdefault(key, named)
    products, products_sheet = _products(context, sheets.get("products"), used_products, skipped)
    sheets_used = [*cards.sheets, orders_sheet, lines_sheet] + [
        sheet for sheet in (products_sheet, payments_sheet) if sheet is not None
    ]
    sheets_used += stock.sheets
    rejections = [r for s in sheets_used for r in sorted(s.rejections, key=lambda r: r.row)]
    return ImportPlan(
        kind="exchange",
        contacts=tuple(contacts.values()),
        products=products,
        orders=tuple(planned_orders),
        rejections=tuple(rejections),
        skipped=tuple(skipped),
        headers={s.sheet.name: s.sheet.headers for s in sheets_used},
        keep_ids=keep_ids,
        tags=cards.tags,
        purchases=stock.purchases,
        expenses=stock.expenses,
        adjustments=stock.adjustments,
        stock_known=stock.known,
    )


def _ordered_by(
    sheet: ExchangeSheet, row: int, cells: tuple[Cell, ...], cards: Cards
) -> str | None:
    """The plan key of the person who placed the order (Ordered by ID), None for none."""
    pid = sheet.ident(row, cells, "Ordered by ID", None)
    if pid is None:
        return None
    person = cards.contacts.get(pid)
    if person is None:
        why = "import.contact_rejected" if pid in cards.seen else "import.no_such_contact"
        sheet.refuse(row, "Ordered by ID", why, pid)
        return None
    if person.kind == "company":
        sheet.refuse(row, "Ordered by ID", "order.person_is_company", person.name)
        return None
    return person.key


def _products(
    context: Context,
    sheet: SourceSheet | None,
    used: dict[str, tuple[str, Decimal, Decimal]],
    skipped: list[SkippedRow],
) -> tuple[tuple[PlannedProduct, ...], ExchangeSheet | None]:
    """The Products sheet's rows (with their defaults), then products only named by lines."""
    products: dict[str, PlannedProduct] = {}
    products_sheet = ExchangeSheet(sheet) if sheet is not None else None
    if products_sheet is not None:
        for row, cells in products_sheet.rows():
            name = products_sheet.parse(row, "Product", name_cell, "Product")
            price = (
                products_sheet.parse(
                    row, "Default price", cell_money, "default_price", "Default price", row
                )
                if products_sheet.text(cells, "Default price")
                else Decimal(0)
            )
            cost = (
                products_sheet.parse(
                    row, "Default cost", cell_money, "default_cost", "Default cost", row
                )
                if products_sheet.text(cells, "Default cost")
                else Decimal(0)
            )
            minimum = products_sheet.parse(row, "Min stock", _min_stock)
            refused = row in products_sheet.bad
            # (a value is None only on a row refused)
            if refused or name is None or price is None or cost is None or fold(name) in products:
                if not refused:
                    products_sheet.refuse(row, "Product", "import.product_twice", name)
                skipped.append(products_sheet.skipped(row, cells))
                continue
            products[fold(name)] = PlannedProduct(
                fold(name),
                None,
                name,
                products_sheet.text(cells, "SKU"),
                price,
                cost,
                cell_bool(products_sheet.cell(cells, "Active"), True),
                minimum,
            )
    for key, (name, price, cost) in used.items():
        products.setdefault(key, PlannedProduct(key, None, name, None, price, cost))
    planned = []
    for key, product in products.items():
        existing = context.products.get(key)
        planned.append(PlannedProduct(key, existing[0], existing[1]) if existing else product)
    return tuple(planned), products_sheet


def _payments(
    sheet: SourceSheet | None, orders: dict[int, _ReadOrder], skipped: list[SkippedRow]
) -> ExchangeSheet | None:
    """The Payments sheet's rows, each put with its order (`orders[oid].payments`); a row
    refused is left out alone. No date limit here: a file's payments are history."""
    if sheet is None:
        return None
    payments_sheet = ExchangeSheet(sheet)
    seen: dict[int, int] = {}
    for row, cells in payments_sheet.rows():
        pid = payments_sheet.ident(row, cells, "Payment ID", None)
        if pid is not None:
            if pid in seen:
                payments_sheet.refuse(row, "Payment ID", "import.id_twice", "Payment ID", pid,
                                      seen[pid])  # fmt: skip
            seen.setdefault(pid, row)
        oid = payments_sheet.ident(row, cells, "Order ID", None)
        if oid is None and row not in payments_sheet.bad:
            payments_sheet.refuse(row, "Order ID", "import.required", "Order ID")
        elif oid is not None and oid not in orders:
            payments_sheet.refuse(row, "Order ID", "import.no_such_order", oid)
        date = payments_sheet.parse(row, "Date", cell_date, row)
        if payments_sheet.text(cells, "Amount") is None:
            payments_sheet.refuse(row, "Amount", "import.required", "Amount")
            amount = None
        else:
            amount = payments_sheet.parse(row, "Amount", _amount, row)
        method = payments_sheet.parse(row, "Method", _method, row)
        note = payments_sheet.parse(row, "Note", _note, row)
        if row in payments_sheet.bad:
            skipped.append(payments_sheet.skipped(row, cells))
            continue
        # not refused: its order is in the file, and each parser gave its value
        assert oid is not None and date is not None and amount is not None and method is not None
        payment = PlannedPayment(row, date, amount, method, note, pid)
        orders[oid].payments.append((payment, cells))
    return payments_sheet


def _remainder(value: Cell, quantity: int | None, unit_cost: Decimal | None) -> int:
    """A line's cost beyond quantity × unit cost in minor units, from its Cost cell: what a
    FIFO line's exact splits leave (at most half a kopeck a unit); 0 for anything else (a
    typed cost, or a Cost column that no longer matches the line after an edit by hand)."""
    if quantity is None or unit_cost is None or cell_text(value) is None:
        return 0
    try:
        total = cell_money(value, "cost", "Cost")
    except ValidationError:
        return 0  # a column for the reader: the line's own cells decide
    rest = to_minor(total) - quantity * to_minor(unit_cost)
    return rest if 2 * abs(rest) <= quantity else 0


def _min_stock(value: Cell) -> int | None:
    """Whole units, 0 or more; empty (or no such column, an older file) for no minimum."""
    return parse_min_stock(cell_text(value))


def _amount(value: Cell, row: int) -> Decimal:
    return parse_payment_amount(cell_text(value) or "", "amount", row)


def _method(value: Cell, row: int) -> str:
    return parse_method(cell_text(value), "method", row)


def _note(value: Cell, row: int) -> str | None:
    return clean_text(cell_text(value), NOTE_MAX, "note", "Note", row)
