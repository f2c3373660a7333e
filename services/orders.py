"""Orders with their shipment lines: saved together in one transaction, or not at all."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from models import (
    Channel,
    Contact,
    LossReason,
    Order,
    OrderStatus,
    Product,
    Shipment,
    from_minor,
)
from services.costing import recost_pending
from services.errors import EditConflict, NotFound, Problem, ValidationError
from services.figures_math import Figures, known, line_figures
from services.formatting import named_date
from services.line_items import line_product, replace_lines
from services.scoring import remember_peak
from services.storage import Database
from services.uow import UnitOfWork
from services.values import (
    DateInput,
    MoneyInput,
    clean_text,
    order_total_problems,
    parse_date,
    parse_money,
    parse_quantity,
)

# A line's column values by name, as replace_lines sets them on the Shipment.
LineValues = dict[str, Any]


@dataclass(frozen=True)
class LineInput:
    """One shipment line as typed. Price and cost left empty take the product's defaults;
    an empty date takes the order's date. `id` keeps an existing line when editing."""

    product_id: int | None
    quantity: int | str = 1
    unit_price: MoneyInput | None = None
    unit_cost: MoneyInput | None = None
    date: DateInput | None = None
    id: int | None = None


@dataclass(frozen=True)
class OrderInput:
    contact_id: int | None
    date: DateInput | None = None  # None means today
    status_id: int | None = None  # None means the first status of the list (New)
    channel_id: int | None = None  # None means the contact's channel
    comment: str | None = None
    loss_reason_id: int | None = None
    loss_note: str | None = None
    lines: tuple[LineInput, ...] = field(default_factory=tuple)
    # What an open deal is expected to bring while it has no lines (its value in the forecast).
    expected_amount: MoneyInput | None = None
    # Who ordered, when the customer is a company: one of its people, or anyone.
    person_id: int | None = None
    # The version the editor opened the order at (OrderView.version): a save from an older
    # one is refused with EditConflict. None saves whatever the version (import, commands).
    version: int | None = None


@dataclass(frozen=True)
class LineView:
    id: int
    position: int
    date: dt.date
    product_id: int
    product: str
    quantity: int
    unit_price: Decimal
    unit_cost: Decimal
    figures: Figures
    planned: bool


@dataclass(frozen=True)
class OrderView:
    id: int
    date: dt.date
    status_id: int
    status: str
    status_role: str
    contact_id: int
    contact_name: str
    contact_phone: str | None
    channel_id: int | None
    channel: str | None
    comment: str | None
    loss_reason_id: int | None
    loss_reason: str | None
    loss_note: str | None
    lines: tuple[LineView, ...]
    figures: Figures
    version: int  # moves on with every save of the order (OrderInput.version)
    expected_amount: Decimal | None = None
    person_id: int | None = None
    person_name: str | None = None


def save_order(
    database: Database,
    data: OrderInput,
    order_id: int | None = None,
    today: dt.date | None = None,
) -> OrderView:
    """Create (order_id None) or replace an order and its lines. All or nothing.

    A save that changes the order moves its version on, one of its lines alone too (one that
    changes nothing leaves it, as it leaves the history). A save that gives the version the
    order was opened at (`data.version`) is refused with EditConflict, nothing written, when
    someone else saved the order since: before this save read it, or between that read and
    its write (the ORM's versioned UPDATE then matches no row)."""
    today = today or dt.date.today()
    try:
        return _save_order(database, data, order_id, today)
    except StaleDataError as error:
        if order_id is None:
            raise
        raise EditConflict(
            kind="order", record_id=order_id, theirs=get_order(database, order_id, today)
        ) from error


def _save_order(
    database: Database, data: OrderInput, order_id: int | None, today: dt.date
) -> OrderView:
    with UnitOfWork(database) as uow:
        session = uow.session
        order = Order() if order_id is None else order_row(session, order_id)
        if order_id is not None and data.version not in (None, order.version):
            raise EditConflict(kind="order", record_id=order_id, theirs=_view(order, today))
        values, lines = _validated(session, data, order, today)
        for key, value in values.items():
            setattr(order, key, value)
        if order_id is None:
            session.add(order)
        order.lines = replace_lines(order.lines, lines, Shipment, _typed_cost_is_exact)
        session.flush()
        if order_id is not None:
            uow.move_version(order)
        session.expire(order)  # reload relationships and the trigger-kept totals
        remember_peak(session, order.id, today)
        recost_pending(session)  # the view shows the lines' FIFO costs
        view = _view(order, today)
        code = "order.created" if order_id is None else "order.saved"
        uow.name(code, order.id, contact_id=order.contact_id, order_id=order.id)
        uow.commit()
    return view


def change_status(
    database: Database,
    order_id: int,
    status_id: int,
    loss_reason_id: int | None = None,
    loss_note: str | None = None,
    today: dt.date | None = None,
) -> OrderView:
    """Move an order to another status; Cancelled (a lost status) needs a loss reason. The
    order's version moves on: an editor open on it then meets a conflict on saving, rather
    than putting the old status back."""
    with UnitOfWork(database) as uow:
        order = order_row(uow.session, order_id, lock=True)
        status = _status(uow.session, status_id)
        reason_id, note = _loss(uow.session, status, loss_reason_id, loss_note)
        uow.name(
            "order.status",
            order.id,
            order.status.name,
            status.name,
            contact_id=order.contact_id,
            order_id=order.id,
        )
        order.status_id, order.loss_reason_id, order.loss_note = status.id, reason_id, note
        uow.move_version(order)
        uow.session.expire(order)
        today = today or dt.date.today()
        remember_peak(uow.session, order.id, today)
        recost_pending(uow.session)
        view = _view(order, today)
        uow.commit()
    return view


def reschedule_shipment(database: Database, shipment_id: int, new_date: DateInput) -> None:
    """Move one shipment line to another day (the calendar's drag and drop). The lines are
    the order's: its version moves on, as a save of them would move it."""
    with UnitOfWork(database) as uow:
        line = uow.session.get(Shipment, shipment_id)
        if line is None:
            raise NotFound.of("shipment.not_found", shipment_id)
        line.date = parse_date(new_date)
        order = order_row(uow.session, line.order_id, lock=True)
        uow.move_version(order)
        uow.name(
            "order.shipment_moved",
            order.id,
            named_date(line.date),
            contact_id=order.contact_id,
            order_id=order.id,
        )
        uow.commit()


def delete_order(database: Database, order_id: int) -> None:
    with UnitOfWork(database) as uow:
        order = order_row(uow.session, order_id, lock=True)
        uow.name("order.deleted", order.id, contact_id=order.contact_id, order_id=order.id)
        uow.session.delete(order)
        uow.commit()


def get_order(database: Database, order_id: int, today: dt.date | None = None) -> OrderView:
    with database.session() as session:
        return _view(order_row(session, order_id), today or dt.date.today())


def new_line_for(database: Database, product_id: int) -> LineInput:
    """A line pre-filled from the product's default price and cost."""
    with database.session() as session:
        product = session.get(Product, product_id)
        if product is None:
            raise NotFound.of("product.not_found", product_id)
        return LineInput(product.id, 1, product.default_price, known(product.default_cost))


def _validated(
    session: Session, data: OrderInput, order: Order, today: dt.date
) -> tuple[dict[str, object], list[LineValues]]:
    problems: list[Problem] = []
    contact = None
    if data.contact_id is None:
        problems.append(Problem.of("contact", "order.contact_required"))
    else:
        contact = session.get(Contact, data.contact_id)
        if contact is None:
            problems.append(Problem.of("contact", "contact.not_found", data.contact_id))
    if data.person_id is not None:
        person = session.get(Contact, data.person_id)
        if person is None:
            problems.append(Problem.of("person", "order.person_not_found", data.person_id))
        elif person.kind == "company":
            problems.append(Problem.of("person", "order.person_is_company", person.name))
    order_date = today
    if data.date is not None and data.date != "":
        try:
            order_date = parse_date(data.date, "date")
        except ValidationError as error:
            problems.extend(error.problems)
    status = None
    try:
        status = _status(session, data.status_id)
    except ValidationError as error:
        problems.extend(error.problems)
    reason_id, note = None, None
    if status is not None:
        try:
            reason_id, note = _loss(session, status, data.loss_reason_id, data.loss_note)
        except ValidationError as error:
            problems.extend(error.problems)
    channel_id = data.channel_id
    if channel_id is None and contact is not None:
        channel_id = contact.channel_id
    elif channel_id is not None and session.get(Channel, channel_id) is None:
        problems.append(Problem.of("channel", "channel.not_found", channel_id))
    expected = None
    if data.expected_amount is not None and data.expected_amount != "":
        try:
            expected = parse_money(data.expected_amount, "expected_amount", "Expected amount")
        except ValidationError as error:
            problems.extend(error.problems)
    if not data.lines and expected is None:
        problems.append(Problem.of("lines", "order.lines_required"))
    elif not data.lines and status is not None and status.role != "open":
        problems.append(Problem.of("lines", "order.expected_amount_open_only"))
    lines = []
    existing = {line.id for line in order.lines} if order.id is not None else set()
    seen: set[int] = set()
    for number, line in enumerate(data.lines, start=1):
        if line.id is not None and line.id in seen:
            problems.append(Problem.of("id", "shipment.listed_twice", line.id, line=number))
            continue
        if line.id is not None:
            seen.add(line.id)
        try:
            lines.append(_validated_line(session, line, number, order_date, existing))
        except ValidationError as error:
            problems.extend(error.problems)
    comment = None
    try:
        comment = clean_text(data.comment, field="comment", label="Comment")
    except ValidationError as error:
        problems.extend(error.problems)
    if not problems:
        problems = order_total_problems(
            (number, line["quantity"], line["unit_price"], known(line["unit_cost"]))
            for number, line in enumerate(lines, start=1)
        )
    if problems:
        raise ValidationError(problems)
    assert status is not None  # else its problem was raised
    values: dict[str, object] = {
        "contact_id": data.contact_id,
        "date": order_date,
        "status_id": status.id,
        "channel_id": channel_id,
        "comment": comment,
        "loss_reason_id": reason_id,
        "loss_note": note,
        "expected_amount": expected,
        "person_id": data.person_id,
    }
    return values, lines


def _validated_line(
    session: Session, line: LineInput, number: int, order_date: dt.date, existing: set[int]
) -> LineValues:
    product, problems = line_product(session, line.product_id, number)
    if line.id is not None and line.id not in existing:
        problems.append(Problem.of("id", "shipment.not_in_order", line.id, line=number))
    values: LineValues = {"id": line.id, "product_id": line.product_id}
    checks = (
        ("quantity", lambda: parse_quantity(line.quantity, "quantity", number)),
        ("date", lambda: _line_date(line.date, order_date, number)),
        ("unit_price", lambda: _line_money(line.unit_price, product, "price", number)),
        ("unit_cost", lambda: _line_money(line.unit_cost, product, "cost", number)),
    )
    for key, parse in checks:
        try:
            values[key] = parse()
        except ValidationError as error:
            problems.extend(error.problems)
    if problems:
        raise ValidationError(problems)
    return values


def _line_date(value: DateInput | None, order_date: dt.date, number: int) -> dt.date:
    if value is None or value == "":
        return order_date
    return parse_date(value, "date", number)


def _line_money(
    value: MoneyInput | None, product: Product | None, kind: str, number: int
) -> Decimal | None:
    field, label = ("unit_price", "Unit price") if kind == "price" else ("unit_cost", "Unit cost")
    if value is None or value == "":
        if product is None:
            return None  # the missing product is already reported
        return product.default_price if kind == "price" else product.default_cost
    return parse_money(value, field, label, number)


def _typed_cost_is_exact(line: Shipment, values: LineValues) -> None:
    """A line whose quantity or cost is typed anew loses its FIFO remainder (FIFO sets its
    own again)."""
    if line.quantity != values["quantity"] or line.unit_cost != values["unit_cost"]:
        line.cost_remainder = 0


def _status(session: Session, status_id: int | None) -> OrderStatus:
    if status_id is None:
        status = session.scalar(select(OrderStatus).order_by(OrderStatus.position).limit(1))
    else:
        status = session.get(OrderStatus, status_id)
    if status is None:
        raise ValidationError.of("status", "status.not_found", status_id)
    return status


def _loss(
    session: Session, status: OrderStatus, reason_id: int | None, note: str | None
) -> tuple[int | None, str | None]:
    """A lost (Cancelled) order must say why; other statuses carry no loss reason."""
    if status.role != "lost":
        return None, None
    note = clean_text(note, field="loss_note", label="Loss note")
    if reason_id is None and not note:
        raise ValidationError.of("loss_reason", "order.loss_reason_required", status.name)
    if reason_id is not None and session.get(LossReason, reason_id) is None:
        raise ValidationError.of("loss_reason", "loss_reason.not_found", reason_id)
    return reason_id, note


def order_row(session: Session, order_id: int, *, lock: bool = False) -> Order:
    """The order as a row of the caller's session; NotFound ("order.not_found") if none.

    `lock` for a write that does not answer to a version the person saw (a status changed on
    the board, a due date): on PostgreSQL the row is read FOR UPDATE, after any save of it in
    flight, so that the ORM's versioned UPDATE finds the version it read. (SQLite has one
    writer at a time, from the unit of work's first statement: nothing to lock there.)"""
    order = session.get(Order, order_id, with_for_update=lock)
    if order is None:
        raise NotFound.of("order.not_found", order_id)
    return order


def _view(order: Order, today: dt.date) -> OrderView:
    lines = tuple(
        LineView(
            id=line.id,
            position=line.position,
            date=line.date,
            product_id=line.product_id,
            product=line.product.name,
            quantity=line.quantity,
            unit_price=line.unit_price,
            unit_cost=known(line.unit_cost),
            figures=line_figures(
                line.quantity,
                line.unit_price,
                known(line.unit_cost),
                from_minor(line.cost_remainder or 0),
            ),
            planned=line.date > today,
        )
        for line in order.lines
    )
    return OrderView(
        id=order.id,
        date=order.date,
        status_id=order.status_id,
        status=order.status.name,
        status_role=order.status.role,
        contact_id=order.contact_id,
        contact_name=order.contact.name,
        contact_phone=order.contact.phone,
        channel_id=order.channel_id,
        channel=order.channel.name if order.channel else None,
        comment=order.comment,
        loss_reason_id=order.loss_reason_id,
        loss_reason=order.loss_reason.name if order.loss_reason else None,
        loss_note=order.loss_note,
        lines=lines,
        figures=Figures(order.amount, known(order.cost)),
        version=order.version,
        expected_amount=order.expected_amount,
        person_id=order.person_id,
        person_name=order.person.name if order.person else None,
    )
