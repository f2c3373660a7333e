"""Planning the import of a flat sales log: its rows grouped into contacts, products and orders.

Nothing is written here; the rules decided are in services/importing/__init__.py.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Concatenate, Literal, ParamSpec, TypeVar, cast

from models import fold
from services.errors import Problem, ValidationError
from services.importing.cells import cell_date, cell_money, cell_quantity, cell_text
from services.importing.context import Context
from services.importing.headers import match_headers
from services.importing.match import digest, origins
from services.importing.plan import (
    ImportPlan,
    PlannedContact,
    PlannedLine,
    PlannedOrder,
    PlannedProduct,
    Rejection,
    SkippedRow,
)
from services.importing.source import Cell, SourceSheet
from services.messages import Label
from services.phones import format_phone
from services.values import order_total_problems, required_name

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")  # as services/contacts.py checks it
_KEPT_TEXTS = ("comment", "address", "channel", "email", "notes")  # what a row keeps as text
REQUIRED = ("date", "product", "price")
# The fields a sheet must have a column for, as a message names them.
FIELD_LABELS = {
    "date": Label("Date"),
    "product": Label("Product"),
    "price": Label("Price"),
    "customer_or_phone": Label("Customer or phone"),
}

Args = ParamSpec("Args")
Parsed = TypeVar("Parsed")
Given = TypeVar("Given")  # a cell, or a text read from one
# The order a row belongs to: its number, or its day and customer (_Group says which); a row
# with neither is an order of its own.
_Keyed = tuple[Literal["number"], str] | tuple[Literal["day"], dt.date, str | None]
_Group = _Keyed | tuple[Literal["row"], int]
_Member = tuple[int, tuple[Cell, ...], str]  # a row of a group: its number, cells, digest


def main_sheet(sheets: Sequence[SourceSheet]) -> SourceSheet:
    """The sheet a sales log is read from: the one whose headers feed the most fields (the
    first of equals), not simply the first (an "Инструкция" sheet may come first)."""
    if not sheets:
        raise ValidationError.of("file", "import.no_sheet")
    return max(sheets, key=lambda sheet: len(match_headers(sheet.headers).fields))


def sales_fields(
    sheet: SourceSheet, mapping: Mapping[str | int, str | None] | None
) -> dict[int, str]:
    """Column index → field of the sheet (the mapping made by hand wins over the headers);
    a ValidationError names the fields no column holds."""
    fields = match_headers(sheet.headers, mapping).fields
    present = set(fields.values())
    missing = [f for f in REQUIRED if f not in present]
    if not present & {"customer", "phone"}:
        missing.append("customer_or_phone")
    if missing:
        columns = ", ".join(f"«{h}»" for h in sheet.headers if h) or "—"
        known = ", ".join(f"«{sheet.headers[i]}»" for i in fields) or "—"
        problems = [
            Problem.of("mapping", "import.missing_column", sheet.name, Label(FIELD_LABELS[name]))
            for name in missing
        ]
        problems.append(Problem.of("mapping", "import.columns_are", columns, known))
        raise ValidationError(problems)
    return fields


@dataclass(slots=True)
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


class SalesLog:
    """One row per sold line → contacts (by phone), products (by name), orders (by number or
    by date and customer)."""

    def __init__(self, context: Context, sheet: SourceSheet, fields: dict[int, str]) -> None:
        self.context = context
        self.sheet = sheet
        self.fields = fields
        self.column = {name: index for index, name in fields.items()}
        # (parser, the cell's type, the cell) → what the parser made of it
        self._seen: dict[tuple[Callable[..., object], type, Cell], object] = {}

    def header(self, name: str) -> str:
        return self.sheet.headers[self.column[name]]

    def plan(self) -> ImportPlan:
        """Rows grouped into orders (by order number, else by day and customer); an order
        imported before whose rows are as they were is known at once, without parsing them
        (a weekly re-import of a long log reads most of it that way)."""
        groups: dict[_Group, list[_Member]] = {}
        columns, as_text = tuple(self.column.items()), self._as_text
        for number, cells in self.sheet.rows():
            texts = {name: as_text(cells[index]) for name, index in columns}
            text = digest(texts.get(name) for name in self._compared)  # kept short: 100k rows
            groups.setdefault(self._group(number, cells, texts), []).append((number, cells, text))
        keys: dict[_Group, str] = {g: _origin_key(g) for g in groups if g[0] != "row"}
        known = origins(self.context.session, list(keys.values()))
        unchanged: list[PlannedOrder] = []
        accepted: list[tuple[list[_Row], str]] = []
        rejections: list[Rejection] = []
        skipped: list[SkippedRow] = []
        for group, members in groups.items():
            source = digest(sorted(text for _number, _cells, text in members))
            origin = known.get(keys.get(group, ""))
            if origin is not None and origin[1] is not None and origin[2] == source:
                unchanged.append(_unchanged(keys[group], origin[1], source, members))
                continue
            rows = [self._parse(number, cells) for number, cells, _text in members]
            self._one_customer(rows)
            if not any(r.problems for r in rows):
                self._within_bounds(rows)
            bad = [r for r in rows if r.problems]
            if not bad:
                accepted.append((rows, source))
                continue
            for row in rows:
                rejections.extend(row.problems)
                why = row.problems or [
                    Rejection.of(row.row, "", self.sheet.name, "import.skipped_with", bad[0].row)
                ]
                skipped.append(SkippedRow(self.sheet.name, row.row, row.cells, tuple(why)))
        rejections.sort(key=lambda r: r.row)
        skipped.sort(key=lambda s: s.row)
        groups_rows = [rows for rows, _source in accepted]
        return ImportPlan(
            kind="sales_log",
            contacts=self._contacts(groups_rows),
            products=self._products(groups_rows),
            orders=(*(self._order(rows, source) for rows, source in accepted), *unchanged),
            rejections=tuple(rejections),
            skipped=tuple(skipped),
            headers={self.sheet.name: self.sheet.headers},
            fields=dict(self.fields),
        )

    @property
    def _compared(self) -> tuple[str, ...]:
        """The fields whose text a re-import compares: what makes the order (the name only
        when there is no phone: an existing customer's name is not the order's)."""
        skip = {"address", "email", "notes"} | ({"customer"} if "phone" in self.column else set())
        return tuple(name for name in self.column if name not in skip)

    def _group(self, number: int, cells: tuple[Cell, ...], texts: dict[str, str | None]) -> _Group:
        """The order a row belongs to: its order number, else its day and customer; a row
        without a date or a customer is an order of its own (and is refused)."""
        if order := texts.get("order_number"):
            return ("number", order)
        contact = self._contact_key(texts)
        try:
            day = self._parsed(cell_date, self._cell(cells, "date"), number)
        except ValidationError:
            return ("row", number)
        return ("day", day, contact) if contact is not None else ("row", number)

    def _contact_key(self, texts: dict[str, str | None]) -> str | None:
        """The customer's identity: the phone (E.164) when there is one, else the folded
        name; None when neither is usable."""
        if raw_phone := texts.get("phone"):
            phone = self.context.phone(raw_phone)
            return None if isinstance(phone, ValidationError) else phone
        if name := texts.get("customer"):
            try:
                return "name:" + fold(self._parsed(required_name, name, "name", "Name"))
            except ValidationError:
                return None
        return None

    # --- one row ----------------------------------------------------------------------------

    def _cell(self, cells: tuple[Cell, ...], name: str) -> Cell:
        index = self.column.get(name)
        return cells[index] if index is not None else None

    def _as_text(self, cell: Cell) -> str | None:
        """cell_text, once per distinct number or date (a text cell is cheap to trim)."""
        if type(cell) is str or cell is None:
            return cell_text(cell)
        return self._parsed(cell_text, cell)

    def _parsed(
        self,
        parse: Callable[Concatenate[Given, Args], Parsed],
        cell: Given,
        *args: Args.args,
        **kwargs: Args.kwargs,
    ) -> Parsed:
        """parse(cell, *args), computed once per distinct cell value: a log repeats its dates,
        prices and quantities thousands of times. Refusals are not kept (they name the row)."""
        key = (parse, type(cell), cell)
        try:
            return cast(Parsed, self._seen[key])  # what this parser made of this cell
        except KeyError:
            value = self._seen[key] = parse(cell, *args, **kwargs)
            return value

    def _refuse(self, row: _Row, name: str, code: str, *params: object) -> None:
        row.problems.append(
            Rejection.of(row.row, self.header(name), self.sheet.name, code, *params)
        )

    def _refused(self, row: _Row, name: str, error: ValidationError) -> None:
        """The first problem of `error` (from a parser) as the row's rejection."""
        problem = error.problems[0]
        row.problems.append(
            Rejection.of_problem(row.row, self.header(name), self.sheet.name, problem)
        )

    def _parse(self, number: int, cells: tuple[Cell, ...]) -> _Row:
        texts = {name: self._as_text(cells[index]) for name, index in self.column.items()}
        row = _Row(number, tuple(cells))
        self._parse_customer(row, texts)
        try:
            row.date = self._parsed(cell_date, self._cell(cells, "date"), number)
        except ValidationError as error:
            self._refused(row, "date", error)
        row.number = texts.get("order_number")
        status = texts.get("status")
        if status:
            row.status_id = self.context.status(status)
            if row.status_id is None:
                self._refuse(row, "status", "import.unknown_status", status)
        row.texts = {n: text for n in _KEPT_TEXTS if (text := texts.get(n))}
        email = row.texts.get("email")
        if email and not _EMAIL.match(email):
            self._refuse(row, "email", "import.bad_email", email)
        self._parse_line(row, texts)
        return row

    def _parse_customer(self, row: _Row, texts: dict[str, str | None]) -> None:
        raw_phone, name = texts.get("phone"), texts.get("customer")
        try:
            row.name = required_name(name, "name", "Name") if name else None
        except ValidationError as error:
            self._refused(row, "customer", error)
        row.contact_key = self._contact_key(texts)
        if raw_phone:
            phone = self.context.phone(raw_phone)
            row.phone = None if isinstance(phone, ValidationError) else phone
            if isinstance(phone, ValidationError):
                self._refused(row, "phone", phone)
        elif not row.name:
            name = "customer" if "customer" in self.column else "phone"
            self._refuse(row, name, "import.no_customer")

    def _parse_line(self, row: _Row, texts: dict[str, str | None]) -> None:
        cells, number = row.cells, row.row
        product = texts.get("product")
        existing = None
        if not product:
            self._refuse(row, "product", "import.no_product")
        else:
            try:
                row.product = self._parsed(required_name, product, "product", "Product name")
                row.product_key = fold(row.product)
                existing = self.context.products.get(row.product_key)
            except ValidationError as error:
                self._refused(row, "product", error)
        if "quantity" in self.column:
            try:
                row.quantity = self._parsed(cell_quantity, self._cell(cells, "quantity"), number)
            except ValidationError as error:
                self._refused(row, "quantity", error)
        for name, label, default in (("price", "Price", 2), ("cost", "Cost", 3)):
            if texts.get(name) is None:
                if existing is not None:
                    setattr(row, name, existing[default])
                elif name == "price" and row.product:
                    self._refuse(row, name, "import.no_price", row.product)
                continue
            try:
                value = self._parsed(cell_money, self._cell(cells, name), name, label, number)
                setattr(row, name, value)
            except ValidationError as error:
                self._refused(row, name, error)

    def _within_bounds(self, rows: list[_Row]) -> None:
        """An order no larger than Lavka keeps exactly (values.order_total_problems): a line
        over the bound is refused on its row, an order over it on its first row."""
        lines = ((r.row, r.quantity, r.price, r.cost) for r in rows)
        by_row = {r.row: r for r in rows}
        for problem in order_total_problems(lines, line=rows[0].row):
            row = by_row[problem.line or rows[0].row]
            column = "cost" if problem.field == "unit_cost" else "price"
            rejection = Rejection.of_problem(row.row, self.header(column), self.sheet.name, problem)
            row.problems.append(rejection)

    def _one_customer(self, rows: list[_Row]) -> None:
        """All rows of one order number must be for one customer."""
        first = next((r for r in rows if r.contact_key), None)
        for row in rows:
            if first is not None and row.contact_key and row.contact_key != first.contact_key:
                name = "phone" if "phone" in self.column else "customer"
                self._refuse(row, name, "import.other_customer", row.number, first.row)

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
        contacts: list[PlannedContact] = []
        for key, rows in gathered.items():
            existing = by_phone.get(key) if rows[0].phone else by_name.get(key[5:])
            names = list(dict.fromkeys(r.name for r in rows if r.name))
            spellings: set[str] = set()
            others: list[str] = []
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

    def _order(self, rows: list[_Row], source: str) -> PlannedOrder:
        planned: list[PlannedLine] = []
        for r in rows:
            assert r.date is not None  # a row without a date was refused
            planned.append(PlannedLine(r.row, r.date, r.product_key, r.quantity, r.price, r.cost))
        lines = tuple(planned)
        status = next((r.status_id for r in rows if r.status_id is not None), None)
        if status is None:
            past = all(line.date <= self.context.today for line in lines)
            status = self.context.completed if past else self.context.confirmed
        reason, note = self.context.loss(status, None, None)
        comments = dict.fromkeys(c for r in rows if (c := r.texts.get("comment")))
        number, first = rows[0].number, lines[0]
        group: _Keyed = ("number", number) if number else ("day", first.date, rows[0].contact_key)
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
            key=_origin_key(group),
            source_digest=source,
        )


def _origin_key(group: _Keyed) -> str:
    """The key an order keeps in order_origins: "number:57" or "day:2026-05-10|+7916…"."""
    return f"number:{group[1]}" if group[0] == "number" else f"day:{group[1]}|{group[2]}"


def _unchanged(key: str, order_id: int, source: str, members: list[_Member]) -> PlannedOrder:
    """An order of the file already imported, whose rows are as they were then."""
    return PlannedOrder(
        contact_key="",
        date=dt.date.min,
        status_id=0,
        lines=(),
        rows=tuple(number for number, _cells, _text in members),
        key=key,
        source_digest=source,
        state="unchanged",
        existing_id=order_id,
        by_origin=True,
    )


def _first_text(rows: list[_Row], name: str) -> str | None:
    return next((t for r in rows if (t := r.texts.get(name))), None)
