"""Planning an import: a flat sales log's rows grouped into contacts, products and orders.

Nothing is written here; see services/importing.py for the rules decided and the types.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import Contact, LossReason, OrderStatus, Product, fold
from services.choices import business_settings
from services.errors import ValidationError
from services.import_match import digest, match_orders
from services.import_source import Cell, SourceSheet
from services.importing import (
    NO_REASON_NOTE,
    ImportPlan,
    PlannedContact,
    PlannedLine,
    PlannedOrder,
    PlannedProduct,
    Rejection,
    SkippedRow,
    cell_date,
    cell_money,
    cell_quantity,
    cell_text,
    match_headers,
)
from services.phones import format_phone, normalize_phone
from services.storage import Database
from services.values import required_name

# Status words people type, by the built-in status code they mean (folded: ё = е).
_STATUS_WORDS = {
    "new": ("new", "новый", "новая", "новое"),
    "confirmed": ("confirmed", "подтвержден", "подтверждена", "подтверждено"),
    "paid": ("paid", "оплачен", "оплачена", "оплачено"),
    "shipped": ("shipped", "отгружен", "отгружена", "отгружено", "отправлен", "отправлено"),
    "completed": (
        *("completed", "complete", "done", "выполнен", "выполнена", "выполнено"),
        *("завершен", "завершена", "завершено"),
    ),
    "cancelled": ("cancelled", "canceled", "отменен", "отменена", "отменено", "отмена"),
}
_FALLBACK_REASONS = ("other", "другое", "imported", "импорт")
_IN_CHUNK = 500
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")  # as services/contacts.py checks it
REQUIRED = ("date", "product", "price")


class Context:
    """What the database already holds that a plan depends on, read once."""

    def __init__(self, session: Session, today: dt.date) -> None:
        self.session = session
        self.today = today
        self.region = business_settings(session).phone_region
        rows = session.execute(
            select(OrderStatus.id, OrderStatus.code, OrderStatus.name, OrderStatus.role).order_by(
                OrderStatus.position, OrderStatus.id
            )
        ).all()
        self.roles = {sid: role for sid, _code, _name, role in rows}
        by_code = {code: sid for sid, code, _name, _role in rows if code}
        self.statuses: dict[str, int] = {}
        for code, words in _STATUS_WORDS.items():
            for word in words:
                if code in by_code:
                    self.statuses[word] = by_code[code]
        self.statuses.update({fold(name.strip()): sid for sid, _c, name, _r in rows})
        self.completed = by_code.get("completed") or _first(rows, "won")
        self.confirmed = by_code.get("confirmed") or _first(rows, "open")
        self.products = {
            fold(name.strip()): (pid, name, price, cost)
            for pid, name, price, cost in session.execute(
                select(Product.id, Product.name, Product.default_price, Product.default_cost)
            )
        }
        reasons = {fold(n): n for n in session.scalars(select(LossReason.name))}
        self.fallback_reason = next((reasons[r] for r in _FALLBACK_REASONS if r in reasons), None)
        self._phones: dict[str, tuple[str | None, str | None]] = {}

    def status(self, text: str) -> int | None:
        return self.statuses.get(fold(text.strip()))

    def is_lost(self, status_id: int) -> bool:
        return self.roles.get(status_id) == "lost"

    def loss(self, status_id: int, reason: str | None, note: str | None):
        """(reason, note) for an order: a lost one without either gets the fallback."""
        if not self.is_lost(status_id):
            return None, None
        if reason or note:
            return reason, note
        return (self.fallback_reason, None) if self.fallback_reason else (None, NO_REASON_NOTE)

    def phone(self, raw: str) -> tuple[str | None, str | None]:
        """(E.164, None) or (None, why not); the same text is parsed once."""
        if raw not in self._phones:
            try:
                self._phones[raw] = (normalize_phone(raw, self.region), None)
            except ValidationError as error:
                self._phones[raw] = (None, error.problems[0].message)
        return self._phones[raw]

    def existing_phones(self, phones: Iterable[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        wanted = sorted(set(phones))
        for start in range(0, len(wanted), _IN_CHUNK):
            chunk = wanted[start : start + _IN_CHUNK]
            query = select(Contact.phone, Contact.id).where(Contact.phone.in_(chunk))
            found.update({phone: cid for phone, cid in self.session.execute(query)})
        return found

    def phoneless_by_name(self, keys: Iterable[str]) -> dict[str, int]:
        """Folded name → the one existing contact without a phone of that name (if just one)."""
        found: dict[str, int] = {}
        wanted = sorted(set(keys))
        for start in range(0, len(wanted), _IN_CHUNK):
            chunk = wanted[start : start + _IN_CHUNK]
            query = (
                select(Contact.name_key, func.min(Contact.id))
                .where(Contact.phone.is_(None), Contact.name_key.in_(chunk))
                .group_by(Contact.name_key)
                .having(func.count() == 1)
            )
            found.update({key: cid for key, cid in self.session.execute(query)})
        return found


def _first(rows, role: str) -> int:
    return next(sid for sid, _code, _name, r in rows if r == role)


def build_plan(
    database: Database,
    sheets: Sequence[SourceSheet],
    mapping: Mapping[str | int, str | None] | None,
    today: dt.date,
) -> ImportPlan:
    from services.import_exchange import exchange_sheets, plan_exchange

    with database.session() as session:
        context = Context(session, today)
        exchange = exchange_sheets(sheets)
        if exchange is not None:
            return match_orders(session, plan_exchange(context, exchange))
        sheet, fields = _sales_sheet(sheets, mapping)
        return match_orders(session, SalesLog(context, sheet, fields).plan())


def _sales_sheet(
    sheets: Sequence[SourceSheet], mapping: Mapping[str | int, str | None] | None
) -> tuple[SourceSheet, dict[int, str]]:
    """The sheet whose headers feed the most fields (the first of equals)."""
    if not sheets:
        raise ValidationError.single("file", "The file has no sheet with data.")
    matches = [(sheet, match_headers(sheet.headers, mapping).fields) for sheet in sheets]
    sheet, fields = max(matches, key=lambda m: len(m[1]))
    present = set(fields.values())
    missing = [f for f in REQUIRED if f not in present]
    if not present & {"customer", "phone"}:
        missing.append("customer or phone")
    if missing:
        raise ValidationError.single(
            "mapping",
            f"Sheet '{sheet.name}' has no column for: {', '.join(missing)}. "
            "Choose which column holds it.",
        )
    return sheet, fields


@dataclass
class _Row:
    row: int
    cells: tuple[Cell, ...]
    problems: list[Rejection] = field(default_factory=list)
    date: dt.date | None = None
    contact_key: str | None = None
    phone: str | None = None
    name: str | None = None
    product: str | None = None
    product_key: str = ""
    quantity: int = 1
    price: Decimal = Decimal(0)
    cost: Decimal = Decimal(0)
    number: str | None = None
    status_id: int | None = None
    texts: dict[str, str | None] = field(default_factory=dict)
    source: tuple = ()  # what of the row makes its order: compared by a re-import


class SalesLog:
    """One row per sold line → contacts (by phone), products (by name), orders (by number or
    by date and customer)."""

    def __init__(self, context: Context, sheet: SourceSheet, fields: dict[int, str]) -> None:
        self.context = context
        self.sheet = sheet
        self.fields = fields
        self.column = {name: index for index, name in fields.items()}

    def header(self, name: str) -> str:
        return self.sheet.headers[self.column[name]]

    def plan(self) -> ImportPlan:
        groups: dict[tuple, list[_Row]] = {}
        for number, cells in self.sheet.rows():
            row = self._parse(number, cells)
            if row.number:
                key: tuple = ("number", row.number)
            elif row.date is not None and row.contact_key is not None:
                key = ("day", row.date, row.contact_key)
            else:
                key = ("row", number)  # already rejected: no date or no customer
            groups.setdefault(key, []).append(row)
        accepted, rejections, skipped = [], [], []
        for rows in groups.values():
            self._one_customer(rows)
            bad = [r for r in rows if r.problems]
            if not bad:
                accepted.append(rows)
                continue
            for row in rows:
                rejections.extend(row.problems)
                reason = "; ".join(f"{p.column}: {p.reason}" for p in row.problems)
                reason = reason or f"Skipped with row {bad[0].row} (the same order)."
                skipped.append(SkippedRow(self.sheet.name, row.row, row.cells, reason))
        rejections.sort(key=lambda r: r.row)
        skipped.sort(key=lambda s: s.row)
        return ImportPlan(
            kind="sales_log",
            contacts=self._contacts(accepted),
            products=self._products(accepted),
            orders=tuple(self._order(rows) for rows in accepted),
            rejections=tuple(rejections),
            skipped=tuple(skipped),
            headers={self.sheet.name: self.sheet.headers},
            fields=dict(self.fields),
        )

    # --- one row ----------------------------------------------------------------------------

    def _cell(self, cells: tuple[Cell, ...], name: str) -> Cell:
        index = self.column.get(name)
        return cells[index] if index is not None else None

    def _text(self, cells: tuple[Cell, ...], name: str) -> str | None:
        return cell_text(self._cell(cells, name))

    def _refuse(self, row: _Row, name: str, reason: str) -> None:
        row.problems.append(Rejection(row.row, self.header(name), reason, self.sheet.name))

    def _parse(self, number: int, cells: tuple[Cell, ...]) -> _Row:
        row = _Row(number, tuple(cells))
        self._parse_customer(row)
        try:
            row.date = cell_date(self._cell(cells, "date"), number)
        except ValidationError as error:
            self._refuse(row, "date", error.problems[0].message)
        row.number = self._text(cells, "order_number")
        status = self._text(cells, "status")
        if status:
            row.status_id = self.context.status(status)
            if row.status_id is None:
                self._refuse(row, "status", f"Status '{status}' is not in the list of statuses.")
        for name in ("comment", "address", "channel", "email", "notes"):
            row.texts[name] = self._text(cells, name)
        email = row.texts["email"]
        if email and not _EMAIL.match(email):
            self._refuse(row, "email", f"E-mail '{email}' is not an address like name@mail.ru.")
        self._parse_line(row)
        typed = {n: self._text(cells, n) is not None for n in ("quantity", "price", "cost")}
        row.source = (
            row.date,
            row.contact_key,
            row.product_key,
            *(getattr(row, n) if typed[n] else "" for n in ("quantity", "price", "cost")),
            fold(status or ""),
            row.texts["comment"],
            row.texts["channel"],
        )
        return row

    def _parse_customer(self, row: _Row) -> None:
        raw_phone = self._text(row.cells, "phone")
        try:
            row.name = (
                required_name(self._text(row.cells, "customer"), "name", "Name")
                if self._text(row.cells, "customer")
                else None
            )
        except ValidationError as error:
            self._refuse(row, "customer", error.problems[0].message)
        if raw_phone:
            row.phone, why = self.context.phone(raw_phone)
            if why:
                self._refuse(row, "phone", why)
            row.contact_key = row.phone
        elif row.name:
            row.contact_key = "name:" + fold(row.name)
        else:
            name = "customer" if "customer" in self.column else "phone"
            self._refuse(row, name, "No customer: the row has neither a name nor a phone.")

    def _parse_line(self, row: _Row) -> None:
        cells, number = row.cells, row.row
        product = self._text(cells, "product")
        existing = None
        if not product:
            self._refuse(row, "product", "Product is required.")
        else:
            try:
                row.product = required_name(product, "product", "Product name")
                row.product_key = fold(row.product)
                existing = self.context.products.get(row.product_key)
            except ValidationError as error:
                self._refuse(row, "product", error.problems[0].message)
        if "quantity" in self.column:
            try:
                row.quantity = cell_quantity(self._cell(cells, "quantity"), number)
            except ValidationError as error:
                self._refuse(row, "quantity", error.problems[0].message)
        for name, label, default in (("price", "Price", 2), ("cost", "Cost", 3)):
            if self._text(cells, name) is None:
                if existing is not None:
                    setattr(row, name, existing[default])
                elif name == "price" and row.product:
                    self._refuse(
                        row, name, f"Price is empty and '{row.product}' is not in the catalogue."
                    )
                continue
            try:
                setattr(row, name, cell_money(self._cell(cells, name), name, label, number))
            except ValidationError as error:
                self._refuse(row, name, error.problems[0].message)

    def _one_customer(self, rows: list[_Row]) -> None:
        """All rows of one order number must be for one customer."""
        first = next((r for r in rows if r.contact_key), None)
        for row in rows:
            if first is not None and row.contact_key and row.contact_key != first.contact_key:
                name = "phone" if "phone" in self.column else "customer"
                self._refuse(
                    row,
                    name,
                    f"Order {row.number} is for another customer in row {first.row}.",
                )

    # --- what the accepted rows make ----------------------------------------------------------

    def _contacts(self, accepted: list[list[_Row]]) -> tuple[PlannedContact, ...]:
        gathered: dict[str, list[_Row]] = {}
        for rows in accepted:
            for row in rows:
                gathered.setdefault(row.contact_key or "", []).append(row)
        by_phone = self.context.existing_phones(k for k in gathered if not k.startswith("name:"))
        by_name = self.context.phoneless_by_name(
            k.removeprefix("name:") for k in gathered if k.startswith("name:")
        )
        contacts = []
        for key, rows in gathered.items():
            existing = by_phone.get(key) if rows[0].phone else by_name.get(key[5:])
            names = list(dict.fromkeys(r.name for r in rows if r.name))
            spellings, others = set(), []
            for name in names:
                if fold(name) not in spellings:
                    spellings.add(fold(name))
                    others.append(name)
            notes = list(dict.fromkeys(n for r in rows if (n := r.texts.get("notes"))))
            if len(others) > 1:
                notes.append("Also written as: " + ", ".join(others[1:]))
            contacts.append(
                PlannedContact(
                    key=key,
                    existing_id=existing,
                    name=names[0] if names else format_phone(rows[0].phone),
                    phone=rows[0].phone,
                    email=_first_text(rows, "email"),
                    address=_first_text(rows, "address"),
                    notes="\n".join(notes) or None,
                    channel=_first_text(rows, "channel"),
                )
            )
        return tuple(contacts)

    def _products(self, accepted: list[list[_Row]]) -> tuple[PlannedProduct, ...]:
        products: dict[str, PlannedProduct] = {}
        for rows in accepted:
            for row in rows:
                if row.product_key in products:
                    continue
                existing = self.context.products.get(row.product_key)
                products[row.product_key] = (
                    PlannedProduct(row.product_key, existing[0], existing[1])
                    if existing
                    else PlannedProduct(
                        row.product_key, None, row.product or "", None, row.price, row.cost
                    )
                )
        return tuple(products.values())

    def _order(self, rows: list[_Row]) -> PlannedOrder:
        lines = tuple(
            PlannedLine(r.row, r.date, r.product_key, r.quantity, r.price, r.cost)  # type: ignore[arg-type]
            for r in rows
        )
        status = next((r.status_id for r in rows if r.status_id is not None), None)
        if status is None:
            past = all(line.date <= self.context.today for line in lines)
            status = self.context.completed if past else self.context.confirmed
        reason, note = self.context.loss(status, None, None)
        comments = dict.fromkeys(c for r in rows if (c := r.texts.get("comment")))
        number, first = rows[0].number, lines[0]
        key = f"number:{number}" if number else f"day:{first.date}|{rows[0].contact_key}"
        sources = sorted(tuple("" if v is None else str(v) for v in r.source) for r in rows)
        return PlannedOrder(
            contact_key=rows[0].contact_key or "",
            date=min(line.date for line in lines),
            status_id=status,
            lines=lines,
            rows=tuple(r.row for r in rows),
            channel=_first_text(rows, "channel"),
            comment="; ".join(comments) or None,
            loss_reason=reason,
            loss_note=note,
            key=key,
            source_digest=digest(part for source in sources for part in source),
        )


def _first_text(rows: list[_Row], name: str) -> str | None:
    return next((t for r in rows if (t := r.texts.get(name))), None)
