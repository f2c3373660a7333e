"""Planning the import of Lavka's own exchange format (Contacts, Orders, Shipments, Products,
Payments).

The sheets are taken as they are: the file's Contact ID links an order to its contact and its
Order ID links a shipment to its order. A contact whose phone is already in the database is
linked to that contact. A rejected row rejects what hangs on it: a contact its orders, a
shipment its whole order (with the order's other shipments), an order its payments. A
rejected payment is left out alone. Payments are written with new orders only: an order
already in Lavka keeps the payments recorded there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from sqlalchemy import select

from models import Contact, Order, fold
from services.errors import ValidationError
from services.importing.cells import (
    cell_bool,
    cell_date,
    cell_datetime,
    cell_money,
    cell_quantity,
    cell_text,
)
from services.importing.context import Context
from services.importing.headers import normal_header
from services.importing.plan import (
    ImportPlan,
    PlannedContact,
    PlannedLine,
    PlannedOrder,
    PlannedPayment,
    PlannedProduct,
    Rejection,
    SkippedRow,
)
from services.importing.source import Cell, SourceSheet
from services.payments import NOTE_MAX, TERMS_MAX, parse_method, parse_payment_amount
from services.values import clean_text, order_total_problems, required_name

_REQUIRED = {
    "contacts": ("Contact ID", "Name", "Phone"),
    "orders": ("Order ID", "Date", "Status", "Contact ID"),
    "shipments": ("Order ID", "Date", "Product", "Quantity", "Unit price", "Unit cost"),
    "products": ("Product",),
    "payments": ("Order ID", "Date", "Amount"),
}


def exchange_sheets(sheets: Sequence[SourceSheet]) -> dict[str, SourceSheet] | None:
    """The sheets by role when they are the exchange format (Products optional), else None."""
    found: dict[str, SourceSheet] = {}
    for sheet in sheets:
        role = sheet.name.strip().casefold()
        keys = {normal_header(h) for h in sheet.headers}
        if role in _REQUIRED and all(normal_header(h) in keys for h in _REQUIRED[role]):
            found.setdefault(role, sheet)
    return found if {"contacts", "orders", "shipments"} <= found.keys() else None


class _Sheet:
    """Cells by exchange header, rejections named by the sheet's own header text."""

    def __init__(self, sheet: SourceSheet) -> None:
        self.sheet = sheet
        self.index = {}
        for i, header in enumerate(sheet.headers):
            self.index.setdefault(normal_header(header), i)
        self.rejections: list[Rejection] = []
        self.bad: dict[int, list[Rejection]] = {}  # row → its own problems

    def cell(self, cells: tuple[Cell, ...], header: str) -> Cell:
        i = self.index.get(normal_header(header))
        return cells[i] if i is not None else None

    def text(self, cells: tuple[Cell, ...], header: str) -> str | None:
        return cell_text(self.cell(cells, header))

    def column(self, header: str) -> str:
        """The sheet's own spelling of a header."""
        i = self.index.get(normal_header(header))
        return self.sheet.headers[i] if i is not None else header

    def refuse(self, row: int, header: str, code: str, *params: object) -> None:
        self._add(Rejection.of(row, self.column(header), self.sheet.name, code, *params))

    def refuse_for(self, row: int, header: str, error: ValidationError) -> None:
        """The first problem of `error` (from a parser) as the row's rejection."""
        problem = error.problems[0]
        self._add(Rejection.of_problem(row, self.column(header), self.sheet.name, problem))

    def _add(self, rejection: Rejection) -> None:
        self.rejections.append(rejection)
        self.bad.setdefault(rejection.row, []).append(rejection)

    def parse(self, row: int, header: str, parser, *args):
        try:
            return parser(self.cell(self._cells, header), *args)
        except ValidationError as error:
            self.refuse_for(row, header, error)
            return None

    def rows(self):
        for row, cells in self.sheet.rows():
            self._cells = tuple(cells)
            yield row, self._cells

    def ident(
        self, row: int, cells: tuple[Cell, ...], header: str, seen: dict | None
    ) -> int | None:
        text = self.text(cells, header)
        if text is None:
            if seen is not None:
                self.refuse(row, header, "import.required", header)
            return None
        if not text.isdigit():
            self.refuse(row, header, "import.not_whole", header, text)
            return None
        value = int(text)
        if seen is not None and value in seen:
            self.refuse(row, header, "import.id_twice", header, value, seen[value])
            return None
        return value

    def skipped(self, row: int, cells: tuple[Cell, ...]) -> SkippedRow:
        """The row left out, with its own rejections."""
        return SkippedRow(self.sheet.name, row, cells, tuple(self.bad[row]))

    def skipped_with(
        self, row: int, cells: tuple[Cell, ...], code: str, other: _Sheet, other_row: int
    ) -> SkippedRow:
        """The row left out along with `other_row` of `other` ("import.with_line" …), or for
        its own rejections when it has some."""
        if row in self.bad:
            return self.skipped(row, cells)
        why = Rejection.of(row, "", self.sheet.name, code, other.sheet.name, other_row)
        return SkippedRow(self.sheet.name, row, cells, (why,))


def _within_bounds(order: dict, orders_sheet: _Sheet, lines_sheet: _Sheet) -> None:
    """An order no larger than Lavka keeps exactly (values.order_total_problems), its lines
    already parsed: a line over the bound is refused on its row of the lines' sheet, an order
    over it on its own row."""
    lines = order["lines"]
    if order["row"] in orders_sheet.bad or any(line[0] in lines_sheet.bad for line in lines):
        return  # refused already; its parts may be missing
    parsed = ((row, quantity, price, cost) for row, *_rest, quantity, price, cost in lines)
    for problem in order_total_problems(parsed, line=order["row"]):
        if problem.field == "lines":
            orders_sheet.refuse_for(order["row"], "Order ID", ValidationError(problem))
        else:
            column = "Unit cost" if problem.field == "unit_cost" else "Unit price"
            lines_sheet.refuse_for(problem.line or order["row"], column, ValidationError(problem))


def _name(value: Cell, label: str) -> str:
    return required_name(cell_text(value), "name", label)


def _local_to_utc(value: dt.datetime | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        return value.astimezone(dt.UTC).replace(tzinfo=None)
    except (OverflowError, ValueError):  # at the ends of the calendar: as the export wrote it
        return value


def plan_exchange(context: Context, sheets: dict[str, SourceSheet]) -> ImportPlan:
    session = context.session
    keep_ids = (
        session.scalar(select(Contact.id).limit(1)) is None
        and session.scalar(select(Order.id).limit(1)) is None
    )
    skipped: list[SkippedRow] = []

    # Contacts
    contacts_sheet = _Sheet(sheets["contacts"])
    contacts: dict[int, PlannedContact] = {}
    contact_rows: dict[int, int] = {}
    phones: dict[str, int] = {}
    for row, cells in contacts_sheet.rows():
        cid = contacts_sheet.ident(row, cells, "Contact ID", contact_rows)
        name = contacts_sheet.parse(row, "Name", _name, "Name")
        phone = None
        raw = contacts_sheet.text(cells, "Phone")
        if raw:
            phone, why = context.phone(raw)
            if why:
                contacts_sheet.refuse_for(row, "Phone", why)
            elif phone in phones:
                contacts_sheet.refuse(row, "Phone", "import.phone_twice", raw, phones[phone])
            else:
                phones[phone] = row
        terms = contacts_sheet.parse(row, "Payment terms, days", _terms)
        if cid is not None:
            contact_rows[cid] = row
        if row in contacts_sheet.bad:
            skipped.append(contacts_sheet.skipped(row, cells))
            continue
        contacts[cid] = PlannedContact(  # type: ignore[index]
            key=f"id:{cid}",
            existing_id=None,
            name=name,
            phone=phone,
            email=contacts_sheet.text(cells, "Email"),
            address=contacts_sheet.text(cells, "Address"),
            notes=contacts_sheet.text(cells, "Notes"),
            channel=contacts_sheet.text(cells, "Channel"),
            archived=cell_bool(contacts_sheet.cell(cells, "Archived"), False),
            created_at=_local_to_utc(cell_datetime(contacts_sheet.cell(cells, "Created"))),
            source_id=cid,
            payment_terms_days=terms or 0,
        )
    existing = context.existing_phones(c.phone for c in contacts.values() if c.phone)
    for cid, contact in contacts.items():
        if contact.phone in existing:
            contacts[cid] = replace(contact, existing_id=existing[contact.phone])

    # Orders
    orders_sheet = _Sheet(sheets["orders"])
    orders: dict[int, dict] = {}
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
            why = "import.contact_rejected" if cid in contact_rows else "import.no_such_contact"
            orders_sheet.refuse(row, "Contact ID", why, cid)
        if oid is None:
            skipped.append(orders_sheet.skipped(row, cells))
            continue
        order_rows[oid] = row
        reason, note = (None, None)
        if status_id is not None:
            reason, note = context.loss(
                status_id,
                orders_sheet.text(cells, "Loss reason"),
                orders_sheet.text(cells, "Loss note"),
            )
        orders[oid] = {
            "row": row,
            "cells": cells,
            "contact_key": f"id:{cid}",
            "date": date,
            "status_id": status_id,
            "channel": orders_sheet.text(cells, "Channel"),
            "comment": orders_sheet.text(cells, "Comment"),
            "loss_reason": reason,
            "loss_note": note,
            "payment_due": (
                orders_sheet.parse(row, "Payment due", cell_date, row)
                if orders_sheet.text(cells, "Payment due")
                else None
            ),
            "expected_amount": (
                orders_sheet.parse(
                    row, "Expected amount", cell_money, "expected_amount", "Expected amount", row
                )
                if orders_sheet.text(cells, "Expected amount")
                else None
            ),
            "lines": [],
            "payments": [],
        }

    # Shipments
    lines_sheet = _Sheet(sheets["shipments"])
    line_names: dict[str, str] = {}
    for row, cells in lines_sheet.rows():
        oid = lines_sheet.ident(row, cells, "Order ID", None)
        if oid is None and row not in lines_sheet.bad:
            lines_sheet.refuse(row, "Order ID", "import.required", "Order ID")
        elif oid is not None and oid not in orders:
            lines_sheet.refuse(row, "Order ID", "import.no_such_order", oid)
        sid = lines_sheet.ident(row, cells, "Shipment ID", None)
        date = lines_sheet.parse(row, "Date", cell_date, row)
        product = lines_sheet.parse(row, "Product", _name, "Product")
        quantity = lines_sheet.parse(row, "Quantity", cell_quantity, row)
        price = lines_sheet.parse(row, "Unit price", cell_money, "unit_price", "Unit price", row)
        cost = lines_sheet.parse(row, "Unit cost", cell_money, "unit_cost", "Unit cost", row)
        if oid in orders:
            orders[oid]["lines"].append((row, cells, sid, date, product, quantity, price, cost))
        else:
            skipped.append(lines_sheet.skipped(row, cells))
        if product:
            line_names.setdefault(fold(product), product)

    payments_sheet = _payments(sheets.get("payments"), orders, skipped)

    planned_orders: list[PlannedOrder] = []
    used_products: dict[str, tuple[str, Decimal, Decimal]] = {}
    for oid, order in sorted(orders.items()):
        _within_bounds(order, orders_sheet, lines_sheet)
        bad_lines = [line[0] for line in order["lines"] if line[0] in lines_sheet.bad]
        if order["row"] in orders_sheet.bad or bad_lines:
            first_bad = bad_lines[0] if bad_lines else 0
            skipped.append(
                orders_sheet.skipped_with(
                    order["row"], order["cells"], "import.with_line", lines_sheet, first_bad
                )
            )
            for row, cells, *_rest in order["lines"]:
                skipped.append(
                    lines_sheet.skipped_with(
                        row, cells, "import.with_order", orders_sheet, order["row"]
                    )
                )
            for payment, cells in order["payments"]:
                assert payments_sheet is not None
                skipped.append(
                    payments_sheet.skipped_with(
                        payment.row, cells, "import.with_order", orders_sheet, order["row"]
                    )
                )
            continue
        lines = []
        for row, _cells, sid, date, product, quantity, price, cost in order["lines"]:
            lines.append(PlannedLine(row, date, fold(product), quantity, price, cost, sid))
            used_products.setdefault(fold(product), (product, price, cost))
        planned_orders.append(
            PlannedOrder(
                contact_key=order["contact_key"],
                date=order["date"],
                status_id=order["status_id"],
                lines=tuple(lines),
                rows=(order["row"], *(line.row for line in lines)),
                channel=order["channel"],
                comment=order["comment"],
                loss_reason=order["loss_reason"],
                loss_note=order["loss_note"],
                source_id=oid,
                payments=tuple(payment for payment, _cells in order["payments"]),
                payment_due=order["payment_due"],
                expected_amount=order["expected_amount"],
            )
        )

    products, products_sheet = _products(context, sheets.get("products"), used_products, skipped)
    sheets_used = [contacts_sheet, orders_sheet, lines_sheet] + [
        sheet for sheet in (products_sheet, payments_sheet) if sheet is not None
    ]
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
    )


def _products(
    context: Context,
    sheet: SourceSheet | None,
    used: dict[str, tuple[str, Decimal, Decimal]],
    skipped: list[SkippedRow],
) -> tuple[tuple[PlannedProduct, ...], _Sheet | None]:
    """The Products sheet's rows (with their defaults), then products only named by lines."""
    products: dict[str, PlannedProduct] = {}
    products_sheet = _Sheet(sheet) if sheet is not None else None
    if products_sheet is not None:
        for row, cells in products_sheet.rows():
            name = products_sheet.parse(row, "Product", _name, "Product")
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
            if row in products_sheet.bad or fold(name) in products:
                if row not in products_sheet.bad:
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
            )
    for key, (name, price, cost) in used.items():
        products.setdefault(key, PlannedProduct(key, None, name, None, price, cost))
    planned = []
    for key, product in products.items():
        existing = context.products.get(key)
        planned.append(PlannedProduct(key, existing[0], existing[1]) if existing else product)
    return tuple(planned), products_sheet


def _payments(
    sheet: SourceSheet | None, orders: dict[int, dict], skipped: list[SkippedRow]
) -> _Sheet | None:
    """The Payments sheet's rows, each put with its order (`orders[oid]["payments"]`); a row
    refused is left out alone. No date limit here: a file's payments are history."""
    if sheet is None:
        return None
    payments_sheet = _Sheet(sheet)
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
        payment = PlannedPayment(row, date, amount, method, note, pid)
        orders[oid]["payments"].append((payment, cells))  # type: ignore[index]
    return payments_sheet


def _terms(value: Cell) -> int:
    """Payment terms in whole days, 0 when the column is missing or empty (an older file)."""
    text = cell_text(value)
    if text is None:
        return 0
    if not text.isdigit() or int(text) > TERMS_MAX:
        raise ValidationError.of("payment_terms", "payment.terms_invalid", text, TERMS_MAX)
    return int(text)


def _amount(value: Cell, row: int) -> Decimal:
    return parse_payment_amount(cell_text(value) or "", "amount", row)


def _method(value: Cell, row: int) -> str:
    return parse_method(cell_text(value), "method", row)


def _note(value: Cell, row: int) -> str | None:
    return clean_text(cell_text(value), NOTE_MAX, "note", "Note", row)
