"""Re-import: which of a file's orders are already in the database, and what became of them.

A planned order is matched to an existing one by its origin (models/origins.py): the key it
had in its file when it was first imported. Then:

- the file's rows have the digest they had then → *unchanged* (whatever Lavka did since);
- the rows changed and the order is as the import wrote it → *updated* (the file's version
  replaces the order: its fields and lines);
- both changed → *conflict*: Lavka's version is kept unless the person prefers the file's
  (unless both now say the same, which is *unchanged*);
- the order was deleted in Lavka → *deleted*: left out, so a re-import does not bring it back.

Without an origin:
- an exchange-format order whose Order ID is an order of the same customer in this database
  (a re-import of Lavka's own export) is that order: unchanged when equal, else updated;
- a sales-log order equal to an order of the same customer and day that no import recorded
  (one imported before re-import existed, or typed by hand) is that order, unchanged;
- anything else is *new*.

Orders are compared through a digest of what a person sees of them, by names rather than
ids (so an export imported into a new database compares equal): customer (phone, else name),
date, status, channel, comment, loss reason and note, every line's date, product, quantity,
price and cost, and who placed it (phone, else name) when someone is named: an order without
one digests as it did before "ordered by" existed, so the origins recorded then still match.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from decimal import Decimal
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from models import (
    Channel,
    Contact,
    LossReason,
    Order,
    OrderOrigin,
    OrderStatus,
    Product,
    Shipment,
    fold,
)
from services.importing.plan import ImportPlan, PlannedContact, PlannedOrder

IN_CHUNK = 500
Item = TypeVar("Item")
DigestLine = tuple[dt.date, str, int, Decimal, Decimal]  # a line's date, product, qty, price, cost
Origin = tuple[str, int | None, str, str]  # key, order id, source digest, order digest


def digest(parts: Iterable[object]) -> str:
    """A short, stable digest of a sequence of values (text, numbers, dates, None)."""
    text = "\x1f".join("" if part is None else str(part) for part in parts)
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def _money(value: Decimal) -> str:
    return f"{value:.2f}"


def order_digest(
    customer: str,
    date: dt.date,
    status: str,
    channel: str | None,
    comment: str | None,
    loss_reason: str | None,
    loss_note: str | None,
    lines: Sequence[DigestLine],
    ordered_by: str | None = None,
) -> str:
    """The digest of an order as a person sees it; `customer` and `ordered_by` from
    `customer_identity`, `status` from `status_identity`, each line (date, product name,
    quantity, price, cost)."""
    head = (customer, date, status, fold(channel or ""), comment or "")
    loss = (fold(loss_reason or ""), loss_note or "")
    body = (
        part
        for day, product, quantity, price, cost in lines
        for part in (day, fold(product), quantity, _money(price), _money(cost))
    )
    person = () if ordered_by is None else ("ordered by", ordered_by)
    return digest((*head, *loss, len(lines), *body, *person))


def customer_identity(phone: str | None, name: str) -> str:
    return phone or "name:" + fold(name)


def status_identity(code: str | None, name: str) -> str:
    return code or "name:" + fold(name)


def chunks(values: Sequence[Item], size: int = IN_CHUNK) -> Iterator[Sequence[Item]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def current_orders(session: Session, ids: Iterable[int]) -> dict[int, tuple[str, int, Decimal]]:
    """{order id: (digest, contact id, amount)} of the orders that exist among `ids`."""
    wanted = sorted(set(ids))
    found: dict[int, tuple[str, int, Decimal]] = {}
    person = aliased(Contact)
    for chunk in chunks(wanted):
        heads = session.execute(
            select(
                Order.id,
                Order.contact_id,
                Order.amount,
                Order.date,
                Contact.phone,
                Contact.name,
                OrderStatus.code,
                OrderStatus.name,
                Channel.name,
                Order.comment,
                LossReason.name,
                Order.loss_note,
                person.phone,
                person.name,
            )
            .join(Contact, Contact.id == Order.contact_id)
            .outerjoin(person, person.id == Order.person_id)
            .join(OrderStatus, OrderStatus.id == Order.status_id)
            .outerjoin(Channel, Channel.id == Order.channel_id)
            .outerjoin(LossReason, LossReason.id == Order.loss_reason_id)
            .where(Order.id.in_(chunk))
        ).all()
        lines: dict[int, list[DigestLine]] = {}
        for order_id, date, product, quantity, price, cost in session.execute(
            select(
                Shipment.order_id,
                Shipment.date,
                Product.name,
                Shipment.quantity,
                Shipment.unit_price,
                Shipment.unit_cost,
            )
            .join(Product, Product.id == Shipment.product_id)
            .where(Shipment.order_id.in_(chunk))
            .order_by(Shipment.order_id, Shipment.position, Shipment.id)
        ):
            lines.setdefault(order_id, []).append((date, product, quantity, price, cost))
        for oid, cid, amount, date, phone, name, code, status, channel, *rest in heads:
            comment, reason, note, person_phone, person_name = rest
            found[oid] = (
                order_digest(
                    customer_identity(phone, name),
                    date,
                    status_identity(code, status),
                    channel,
                    comment,
                    reason,
                    note,
                    lines.get(oid, []),
                    None if person_name is None else customer_identity(person_phone, person_name),
                ),
                cid,
                amount,
            )
    return found


def match_orders(session: Session, plan: ImportPlan) -> ImportPlan:
    """The plan with every order's digest and state (and, for a known order, its id)."""
    statuses = {
        sid: status_identity(code, name)
        for sid, code, name in session.execute(
            select(OrderStatus.id, OrderStatus.code, OrderStatus.name)
        )
    }
    contacts = {c.key: c for c in plan.contacts}
    # Orders the planner already found unchanged through their origin stay as they are.
    orders = [
        order
        if order.by_origin
        else replace(order, digest=_planned_digest(plan, order, contacts, statuses))
        for order in plan.orders
    ]
    if plan.kind == "exchange":  # the file's Order ID, of this customer (another database's
        # order with the same number is another order)
        orders = [
            replace(o, source_digest=o.digest, key=f"id:{o.source_id}|{_identity(o, contacts)}")
            for o in orders
        ]
    pending = [i for i, o in enumerate(orders) if not o.by_origin]
    found = origins(session, [key for i in pending if (key := orders[i].key)])
    matched = {i: found[key] for i in pending if (key := orders[i].key) in found}
    current = current_orders(
        session, [order_id for _key, order_id, *_ in matched.values() if order_id is not None]
    )
    for i, (_key, order_id, source, written) in matched.items():
        orders[i] = _known(orders[i], order_id, source, written, current.get(order_id or 0))
    rest = [i for i in pending if i not in matched]
    if plan.kind == "exchange":
        _same_ids(session, orders, rest, contacts)
    else:
        _same_content(session, orders, rest, contacts)
    return replace(plan, orders=tuple(orders))


def _identity(order: PlannedOrder, contacts: dict[str, PlannedContact]) -> str:
    contact = contacts[order.contact_key]
    return customer_identity(contact.phone, contact.name)


def _planned_digest(
    plan: ImportPlan,
    order: PlannedOrder,
    contacts: dict[str, PlannedContact],
    statuses: dict[int, str],
) -> str:
    return order_digest(
        _identity(order, contacts),
        order.date,
        statuses[order.status_id],
        plan.order_channel(order),
        order.comment,
        order.loss_reason,
        order.loss_note,
        [(ln.date, ln.product_key, ln.quantity, ln.unit_price, ln.unit_cost) for ln in order.lines],
        None if order.person_key is None else _person_identity(order.person_key, contacts),
    )


def _person_identity(key: str, contacts: dict[str, PlannedContact]) -> str:
    person = contacts[key]
    return customer_identity(person.phone, person.name)


def origins(session: Session, keys: Sequence[str]) -> dict[str, Origin]:
    """{key: (key, order id or None, source digest, order digest)} of the keys recorded."""
    found: dict[str, Origin] = {}
    for chunk in chunks(keys):
        query = select(
            OrderOrigin.key,
            OrderOrigin.order_id,
            OrderOrigin.source_digest,
            OrderOrigin.order_digest,
        ).where(OrderOrigin.key.in_(chunk))
        found.update(
            {key: (key, oid, source, order) for key, oid, source, order in session.execute(query)}
        )
    return found


def _known(
    order: PlannedOrder,
    order_id: int | None,
    source: str,
    written: str,
    current: tuple[str, int, Decimal] | None,
) -> PlannedOrder:
    """An order the file had when it was imported before."""
    if order_id is None or current is None:
        return replace(order, state="deleted")
    now, _contact, amount = current
    known = replace(order, existing_id=order_id, old_amount=amount, by_origin=True)
    if source == order.source_digest or now == order.digest:
        return replace(known, state="unchanged")
    return replace(known, state="updated" if now == written else "conflict")


def _same_ids(
    session: Session,
    orders: list[PlannedOrder],
    rest: list[int],
    contacts: dict[str, PlannedContact],
) -> None:
    """Exchange orders whose Order ID is an order of the same customer here."""
    wanted = {orders[i].source_id: i for i in rest if orders[i].source_id is not None}
    current = current_orders(session, [oid for oid in wanted if oid is not None])
    if not current:
        return
    identities = _identities(session, {cid for _d, cid, _a in current.values()})
    recorded = _with_origin(session, list(current))
    for oid, (now, contact_id, amount) in current.items():
        i = wanted[oid]
        order = orders[i]
        contact = contacts[order.contact_key]
        if identities.get(contact_id) != customer_identity(contact.phone, contact.name):
            continue  # another database's order with the same number: a new one here
        orders[i] = replace(
            order,
            existing_id=oid,
            old_amount=amount,
            state="unchanged" if now == order.digest else "updated",
            adopt=oid not in recorded,
        )


def _same_content(
    session: Session,
    orders: list[PlannedOrder],
    rest: list[int],
    contacts: dict[str, PlannedContact],
) -> None:
    """Sales-log orders equal to an order of the same customer and day that no import
    recorded: those orders, unchanged (the import records their origin)."""
    by_day: dict[tuple[int, dt.date], list[int]] = {}
    for i in rest:
        existing = contacts[orders[i].contact_key].existing_id
        if existing is not None:
            by_day.setdefault((existing, orders[i].date), []).append(i)
    if not by_day:
        return
    candidates: dict[tuple[int, dt.date], list[int]] = {}
    people = sorted({cid for cid, _day in by_day})
    for chunk in chunks(people):
        query = (
            select(Order.contact_id, Order.date, Order.id)
            .outerjoin(OrderOrigin, OrderOrigin.order_id == Order.id)
            .where(Order.contact_id.in_(chunk), OrderOrigin.id.is_(None))
            .order_by(Order.id)
        )
        for cid, day, oid in session.execute(query):
            if (cid, day) in by_day:
                candidates.setdefault((cid, day), []).append(oid)
    current = current_orders(session, [oid for ids in candidates.values() for oid in ids])
    for place, indexes in by_day.items():
        free = list(candidates.get(place, ()))
        for i in indexes:
            same = next((oid for oid in free if current[oid][0] == orders[i].digest), None)
            if same is not None:
                free.remove(same)
                orders[i] = replace(
                    orders[i],
                    existing_id=same,
                    old_amount=current[same][2],
                    state="unchanged",
                    adopt=True,
                )


def _identities(session: Session, contact_ids: Iterable[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    for chunk in chunks(sorted(contact_ids)):
        query = select(Contact.id, Contact.phone, Contact.name).where(Contact.id.in_(chunk))
        found.update(
            {cid: customer_identity(phone, name) for cid, phone, name in session.execute(query)}
        )
    return found


def _with_origin(session: Session, order_ids: Sequence[int]) -> set[int]:
    found: set[int] = set()
    for chunk in chunks(order_ids):
        query = select(OrderOrigin.order_id).where(OrderOrigin.order_id.in_(chunk))
        found.update(session.scalars(query))
    return found
