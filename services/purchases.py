"""Purchases: goods bought in batches, each line a batch that sold lines take their cost from
(services/costing.py). A purchase and its lines are saved together in one transaction, and the
lines the change reaches are re-costed in it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import Integer, func, select, type_coerce
from sqlalchemy.orm import Session

from models import Contact, CostSplit, Product, Purchase, PurchaseLine, fold, from_minor, to_minor
from services.costing import mark_batches, recost_pending, round_div
from services.errors import NotFound, Problem, ValidationError
from services.formatting import named_date
from services.line_items import line_product, replace_lines
from services.storage import Database
from services.uow import UnitOfWork
from services.values import (
    DateInput,
    MoneyInput,
    clean_text,
    parse_date,
    parse_money,
    parse_quantity,
)

SUPPLIER_MAX, DOCUMENT_MAX = 200, 100


@dataclass(frozen=True)
class PurchaseLineInput:
    """One batch as typed; an empty cost takes the product's default cost. `id` keeps an
    existing line when editing."""

    product_id: int | None
    quantity: int | str = 1
    unit_cost: MoneyInput | None = None
    id: int | None = None


@dataclass(frozen=True)
class PurchaseInput:
    date: DateInput | None = None  # None means today
    supplier_id: int | None = None  # a contact (a company or a person) …
    supplier_name: str | None = None  # … or a name typed as text
    document: str | None = None
    comment: str | None = None
    delivery_cost: MoneyInput | None = None
    lines: tuple[PurchaseLineInput, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class PurchaseLineView:
    id: int
    position: int
    product_id: int
    product: str
    quantity: int
    unit_cost: Decimal
    delivery_share: Decimal
    sold: int  # units of this batch that lines and write-offs have taken

    @property
    def total(self) -> Decimal:
        """What the batch cost in all: its goods and its share of the delivery."""
        return self.unit_cost * self.quantity + self.delivery_share

    @property
    def landed_unit_cost(self) -> Decimal:
        """The cost of one unit with the delivery, to the kopeck."""
        return from_minor(round_div(to_minor(self.total), self.quantity))


@dataclass(frozen=True)
class PurchaseView:
    id: int
    date: dt.date
    supplier_id: int | None
    supplier: str | None
    document: str | None
    comment: str | None
    delivery_cost: Decimal
    lines: tuple[PurchaseLineView, ...]

    @property
    def total(self) -> Decimal:
        return sum((line.total for line in self.lines), Decimal(0))

    @property
    def units(self) -> int:
        return sum(line.quantity for line in self.lines)


@dataclass(frozen=True)
class PurchaseRow:
    """One purchase in the grid."""

    id: int
    date: dt.date
    supplier: str | None
    document: str | None
    products: str
    units: int
    total: Decimal
    comment: str | None


def spread_delivery(delivery: int, values: list[int], quantities: list[int]) -> list[int]:
    """The delivery's minor units shared over lines by their value (by quantity when they are
    all free), largest remainders first, so the shares add up to the delivery exactly."""
    weights = values if sum(values) > 0 else quantities
    whole = sum(weights)
    if delivery == 0 or whole == 0:
        return [0] * len(weights)
    shares = [delivery * weight // whole for weight in weights]
    rest = delivery - sum(shares)
    by_remainder = sorted(range(len(weights)), key=lambda i: (-(delivery * weights[i] % whole), i))
    for index in by_remainder[:rest]:
        shares[index] += 1
    return shares


def save_purchase(
    database: Database,
    data: PurchaseInput,
    purchase_id: int | None = None,
    today: dt.date | None = None,
) -> PurchaseView:
    """Create (purchase_id None) or replace a purchase and its lines. All or nothing."""
    today = today or dt.date.today()
    with UnitOfWork(database) as uow:
        session = uow.session
        purchase = Purchase() if purchase_id is None else purchase_row(session, purchase_id)
        before = _batch_keys(purchase)
        values, lines = _validated(session, data, purchase, today)
        for key, value in values.items():
            setattr(purchase, key, value)
        if purchase_id is None:
            session.add(purchase)
        purchase.lines = replace_lines(purchase.lines, lines, PurchaseLine)
        session.flush()
        _mark(session, before, _batch_keys(purchase))
        recost_pending(session)
        view = _view(session, purchase_row(session, purchase.id))
        code = "purchase.created" if purchase_id is None else "purchase.saved"
        uow.name(code, named_date(purchase.date), contact_id=purchase.supplier_id)
        uow.commit()
    return view


def delete_purchase(database: Database, purchase_id: int) -> None:
    """Remove a purchase; the lines it fed take their cost from the batches left."""
    with UnitOfWork(database) as uow:
        purchase = purchase_row(uow.session, purchase_id)
        before = _batch_keys(purchase)
        uow.name("purchase.deleted", named_date(purchase.date), contact_id=purchase.supplier_id)
        uow.session.delete(purchase)
        uow.session.flush()
        _mark(uow.session, before, {})
        uow.commit()


def get_purchase(database: Database, purchase_id: int) -> PurchaseView:
    with database.session() as session:
        return _view(session, purchase_row(session, purchase_id))


def list_purchases(
    database: Database,
    start: dt.date | None = None,
    end: dt.date | None = None,
    text: str | None = None,
) -> list[PurchaseRow]:
    """Purchases newest first, within [start, end]; `text` finds the supplier, the document,
    the comment or a product's name."""
    supplier = func.coalesce(Contact.name, Purchase.supplier_name)
    query = (
        select(
            Purchase.id,
            Purchase.date,
            supplier,
            Purchase.document,
            func.group_concat(func.distinct(Product.name)),
            func.coalesce(func.sum(PurchaseLine.quantity), 0),
            func.coalesce(
                func.sum(
                    PurchaseLine.quantity * type_coerce(PurchaseLine.unit_cost, Integer)
                    + type_coerce(PurchaseLine.delivery_share, Integer)
                ),
                0,
            ),
            Purchase.comment,
        )
        .outerjoin(Contact, Contact.id == Purchase.supplier_id)
        .outerjoin(PurchaseLine, PurchaseLine.purchase_id == Purchase.id)
        .outerjoin(Product, Product.id == PurchaseLine.product_id)
        # the supplier's id too: PostgreSQL lets a group show only what its keys determine
        .group_by(Purchase.id, Contact.id)
        .order_by(Purchase.date.desc(), Purchase.id.desc())
    )
    if start is not None:
        query = query.where(Purchase.date >= start)
    if end is not None:
        query = query.where(Purchase.date <= end)
    with database.session() as session:
        rows = [
            PurchaseRow(id_, day, who, doc, names or "", units, from_minor(total), comment)
            for id_, day, who, doc, names, units, total, comment in session.execute(query)
        ]
    if text and text.strip():
        key = fold(text.strip())
        rows = [
            row
            for row in rows
            if any(key in fold(part or "") for part in (row.supplier, row.document, row.comment))
            or key in fold(row.products)
        ]
    return rows


def purchase_row(session: Session, purchase_id: int) -> Purchase:
    purchase = session.get(Purchase, purchase_id)
    if purchase is None:
        raise NotFound.of("purchase.not_found", purchase_id)
    return purchase


# --- inside -------------------------------------------------------------------------------------


def _batch_keys(purchase: Purchase) -> dict[int, tuple[str, int, int]]:
    """Each product's first batch of the purchase, as its place in the FIFO queue."""
    if purchase.id is None:
        return {}
    keys: dict[int, tuple[str, int, int]] = {}
    for line in purchase.lines:
        if line.id is None:
            continue
        key = (purchase.date.isoformat(), purchase.id, line.id)
        keys[line.product_id] = min(keys.get(line.product_id, key), key)
    return keys


BatchKey = tuple[str, int, int]  # a batch's place in the FIFO queue: date, purchase, line
# A row's column values by name, as the form's checks leave them (set on the model).
RowValues = dict[str, Any]


def _mark(session: Session, before: dict[int, BatchKey], after: dict[int, BatchKey]) -> None:
    """Mark each product whose batches changed from the earliest place that moved."""
    for product_id in before.keys() | after.keys():
        keys = [k for k in (before.get(product_id), after.get(product_id)) if k is not None]
        mark_batches(session, product_id, min(keys))


def _validated(
    session: Session, data: PurchaseInput, purchase: Purchase, today: dt.date
) -> tuple[RowValues, list[RowValues]]:
    problems: list[Problem] = []
    values: RowValues = {}

    def collect(key: str, parse: Callable[[], object]) -> None:
        try:
            values[key] = parse()
        except ValidationError as error:
            problems.extend(error.problems)

    collect("date", lambda: today if data.date in (None, "") else parse_date(data.date, "date"))
    collect(
        "document",
        lambda: clean_text(data.document, DOCUMENT_MAX, field="document", label="Document"),
    )
    collect("comment", lambda: clean_text(data.comment, field="comment", label="Comment"))
    collect(
        "delivery_cost",
        lambda: parse_money(
            data.delivery_cost if data.delivery_cost not in (None, "") else Decimal(0),
            "delivery_cost",
            "Delivery cost",
        ),
    )
    collect(
        "supplier_name",
        lambda: clean_text(data.supplier_name, SUPPLIER_MAX, field="supplier", label="Supplier"),
    )
    values["supplier_id"] = data.supplier_id
    if data.supplier_id is not None:
        supplier = session.get(Contact, data.supplier_id)
        if supplier is None:
            problems.append(Problem.of("supplier", "purchase.supplier_not_found", data.supplier_id))
        else:
            values["supplier_name"] = supplier.name[:SUPPLIER_MAX]
    if not data.lines:
        problems.append(Problem.of("lines", "purchase.lines_required"))
    existing = {line.id for line in purchase.lines} if purchase.id is not None else set()
    lines = []
    for number, line in enumerate(data.lines, start=1):
        try:
            lines.append(_validated_line(session, line, number, existing))
        except ValidationError as error:
            problems.extend(error.problems)
    if problems:
        raise ValidationError(problems)
    goods = [to_minor(line["unit_cost"]) * line["quantity"] for line in lines]
    shares = spread_delivery(
        to_minor(values["delivery_cost"]), goods, [line["quantity"] for line in lines]
    )
    for row, share in zip(lines, shares, strict=True):
        row["delivery_share"] = from_minor(share)
    return values, lines


def _validated_line(
    session: Session, line: PurchaseLineInput, number: int, existing: set[int]
) -> RowValues:
    product, problems = line_product(session, line.product_id, number)
    if line.id is not None and line.id not in existing:
        problems.append(Problem.of("id", "purchase.line_not_in_purchase", line.id, line=number))
    values: RowValues = {"id": line.id, "product_id": line.product_id}
    try:
        values["quantity"] = parse_quantity(line.quantity, "quantity", number)
    except ValidationError as error:
        problems.extend(error.problems)
    try:
        if line.unit_cost in (None, ""):
            values["unit_cost"] = product.default_cost if product is not None else Decimal(0)
        else:
            values["unit_cost"] = parse_money(line.unit_cost, "unit_cost", "Unit cost", number)
    except ValidationError as error:
        problems.extend(error.problems)
    if problems:
        raise ValidationError(problems)
    return values


def _view(session: Session, purchase: Purchase) -> PurchaseView:
    ids = [line.id for line in purchase.lines]
    sold = dict(
        session.execute(
            select(CostSplit.purchase_line_id, func.sum(CostSplit.quantity))
            .where(
                CostSplit.purchase_line_id.in_(ids),
                CostSplit.beyond_stock.is_(False),
            )
            .group_by(CostSplit.purchase_line_id)
        ).all()
    )
    supplier = purchase.supplier_name
    if purchase.supplier_id is not None:
        contact = session.get(Contact, purchase.supplier_id)
        supplier = contact.name if contact is not None else supplier
    return PurchaseView(
        id=purchase.id,
        date=purchase.date,
        supplier_id=purchase.supplier_id,
        supplier=supplier,
        document=purchase.document,
        comment=purchase.comment,
        delivery_cost=purchase.delivery_cost,
        lines=tuple(
            PurchaseLineView(
                line.id,
                line.position,
                line.product_id,
                line.product.name,
                line.quantity,
                line.unit_cost,
                line.delivery_share,
                int(sold.get(line.id, 0)),
            )
            for line in purchase.lines
        ),
    )
