"""Writing an import plan in one transaction.

Rows go in by Core executemany INSERTs with ids handed out here (the transaction is the only
writer; on PostgreSQL it makes itself so, see _DIALECT_SQL): the ORM's bulk insert split 10k
rows into thousands of statements (a row's None columns change its statement). The order
totals and the marks for the lifecycle cache are the triggers' work; for the import's own
inserts it is done once, set-based (BulkLines). Orders updated from the file have their lines
replaced and their fields rewritten in place.

The exchange format's purchases, expenses and stock adjustments go in after the orders. The
FIFO costs follow by themselves: the shipments' and adjustments' triggers mark their products
in stock_dirty, the purchases mark theirs here (services.costing.mark_batches, as a saved
purchase does), and the unit of work re-costs every marked product before it commits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, select, text, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from models import (
    Channel,
    Contact,
    ContactEmail,
    ContactPhone,
    ContactTag,
    Expense,
    LossReason,
    Order,
    OrderOrigin,
    Payment,
    Product,
    Purchase,
    PurchaseLine,
    Shipment,
    StockAdjustment,
    Tag,
    fold,
    utc_now,
)
from models.triggers import (
    BULK_INSERT_TRIGGERS,
    LIFECYCLE_TRIGGERS,
    STAGE_INSERT,
    STAGE_TRIGGERS,
    TRIGGERS,
    recompute_totals,
)
from services.costing import mark_batches
from services.importing.match import chunks
from services.importing.plan import (
    ImportPlan,
    ImportRejected,
    ImportResult,
    PlannedContact,
    PlannedOrder,
    Progress,
)
from services.playback_aside import trigger_aside
from services.storage import Database
from services.uow import UnitOfWork

_BATCH_LINES = 2000
Row = dict[str, object]  # a row's values by column name, for a Core executemany


class _Ids:
    """Ids for new rows: the wanted one when it is free (a kept exchange id), else the next."""

    def __init__(
        self, session: Session, id_column: InstrumentedAttribute[int], wanted: Iterable[int | None]
    ) -> None:
        top = session.scalar(select(func.max(id_column))) or 0
        self.next = max([top, *(w for w in wanted if w is not None)]) + 1
        self.used: set[int] = set()
        self.given: list[int] = []

    def take(self, wanted: int | None = None) -> int:
        if wanted is not None and wanted not in self.used:
            self.used.add(wanted)
            value = wanted
        else:
            value = self.next
            self.next += 1
        self.given.append(value)
        return value


@dataclass(frozen=True)
class _DialectSql:
    """What a bulk write says in each database's own words: around the ids it hands out, how a
    per-row insert trigger is set aside and brought back, and the temporary table of the
    orders written."""

    hold_ids: tuple[str, ...]  # before any id is read
    continue_ids: tuple[str, ...]  # after every row is written
    create_written: str
    fill_written: str  # in the driver's own parameter style
    written_params: Callable[[Sequence[int]], Sequence[Any]]


_INSERT_TRIGGERS = {**TRIGGERS, **LIFECYCLE_TRIGGERS, **STAGE_TRIGGERS}


# The tables whose new rows get their ids here (_Ids: the highest + 1, or a file's own), not
# from the database.
_GIVEN_IDS = tuple(
    model.__tablename__
    for model in (
        Contact,
        Product,
        Tag,
        Order,
        Shipment,
        Payment,
        Purchase,
        PurchaseLine,
        Expense,
        StockAdjustment,
    )
)


def _continue_sequence(table: str) -> str:
    """The table's id sequence moved past its highest id (and never back). Orders have none
    (models/postgres.py lavka_next_id): there setval is given NULL, and does nothing."""
    sequence = f"pg_get_serial_sequence('{table}', 'id')"
    return (
        f"SELECT setval({sequence}, GREATEST("
        f"(SELECT COALESCE(MAX(id), 0) FROM {table}), nextval({sequence})))"
    )


# The one place the two databases differ for a bulk write.
# SQLite: the import's transaction is the only writer from its first write, so the ids it
# hands out are free and nothing takes ids behind its back; a trigger is dropped and created
# again from its text (both cheap there, and undone by a rollback); the written ids go in by
# executemany with qmark parameters.
# PostgreSQL: other people write at the same time, their rows taking ids from each table's
# sequence: the tables are locked against other writers (readers go on) until the commit, and
# each sequence is moved past the import's ids before it; others' saves wait, then go on after
# them. A trigger is disabled and enabled in the transaction (undone by a rollback too); the
# written ids go in as one array (`%s`: psycopg's parameter style).
_DIALECT_SQL = {
    "sqlite": _DialectSql(
        hold_ids=(),
        continue_ids=(),
        create_written="CREATE TEMP TABLE lavka_written (id INTEGER PRIMARY KEY)",
        fill_written="INSERT OR IGNORE INTO lavka_written (id) VALUES (?)",
        written_params=lambda ids: [(i,) for i in ids],
    ),
    "postgresql": _DialectSql(
        hold_ids=(f"LOCK TABLE {', '.join(_GIVEN_IDS)} IN SHARE ROW EXCLUSIVE MODE",),
        continue_ids=tuple(_continue_sequence(table) for table in _GIVEN_IDS),
        create_written="CREATE TEMP TABLE lavka_written (id INTEGER PRIMARY KEY) ON COMMIT DROP",
        fill_written="INSERT INTO lavka_written (id) SELECT DISTINCT unnest(%s::integer[])",
        written_params=lambda ids: (list(ids),),
    ),
}


def _dialect_sql(session: Session) -> _DialectSql:
    return _DIALECT_SQL[session.get_bind().dialect.name]


class BulkLines:
    """Orders and lines written in bulk: the per-row insert triggers (an order's totals
    recomputed at each of its lines, its contact marked at each order) are set aside for the
    transaction and their work done once, set-based, for every order written. A rollback
    brings the triggers back with everything else."""

    def __init__(self, session: Session) -> None:
        self.connection = session.connection()
        self.sql = _dialect_sql(session)
        dialect = self.connection.dialect.name
        # (set aside, bring back) per trigger, as History's playback sets its own aside
        self.aside = [
            trigger_aside(dialect, name, _INSERT_TRIGGERS[name]) for name in BULK_INSERT_TRIGGERS
        ]
        for set_aside, _back in self.aside:
            self.connection.exec_driver_sql(set_aside)

    def finish(self, order_ids: Sequence[int]) -> None:
        """Totals and ship dates of the orders written, their contacts marked, their first
        stage written; the triggers back in place."""
        run = self.connection.exec_driver_sql
        run(self.sql.create_written)
        if order_ids:
            run(self.sql.fill_written, self.sql.written_params(order_ids))
        written = "id IN (SELECT id FROM lavka_written)"
        run(recompute_totals(written))
        run(
            "INSERT INTO lifecycle_dirty (contact_id) "
            f"SELECT DISTINCT contact_id FROM orders WHERE {written} ON CONFLICT DO NOTHING"
        )
        run(f"{STAGE_INSERT} WHERE {written} AND id NOT IN (SELECT order_id FROM order_stages)")
        run("DROP TABLE lavka_written")
        for _set_aside, back in self.aside:
            run(back)


def apply_plan(
    database: Database,
    plan: ImportPlan,
    skip_rejected: bool = False,
    progress: Progress | None = None,
    prefer_file: bool = False,
    source_name: str | None = None,
) -> ImportResult:
    """Write the plan in one transaction, one entry of the history named after the file
    (`source_name`) with the number of records written."""
    if plan.rejections and not skip_rejected:
        raise ImportRejected(plan.rejections)
    report = progress or (lambda _done, _total: None)
    written = plan.written(prefer_file)
    total = len(written)
    report(0, total)
    with UnitOfWork(database) as uow:
        session = uow.session
        dialect_sql = _dialect_sql(session)
        for statement in dialect_sql.hold_ids:
            session.execute(text(statement))
        keep = (
            plan.keep_ids
            and session.scalar(select(Contact.id).limit(1)) is None
            and session.scalar(select(Order.id).limit(1)) is None
        )
        channels = _choice_ids(
            session,
            Channel,
            [c.channel for c in plan.contacts]
            + [o.channel for o in written]
            + [e.channel for e in plan.expenses],
        )
        reasons = _choice_ids(session, LossReason, [o.loss_reason for o in written])
        products, products_created = _products(session, plan)
        tags = _tags(session, plan)
        contacts, created, linked = _contacts(session, plan, channels, tags, keep)
        new = [o for o in written if o.state == "new"]
        order_ids = _Ids(session, Order.id, [o.source_id for o in new] if keep else [])
        wanted_lines = [ln.source_id for o in new for ln in o.lines] if keep else []
        line_ids = _Ids(session, Shipment.id, wanted_lines)
        wanted_payments = [p.source_id for o in new for p in o.payments] if keep else []
        payment_ids = _Ids(session, Payment.id, wanted_payments)
        batch = _Batch(session)
        now = utc_now()
        bulk = BulkLines(session) if written else None
        for done, order in enumerate(written, start=1):
            replacing = order.existing_id is not None
            order_id = order.existing_id or order_ids.take(order.source_id if keep else None)
            channel = plan.order_channel(order)
            row = {
                "id": order_id,
                "date": order.date,
                "status_id": order.status_id,
                "contact_id": contacts[order.contact_key],
                "channel_id": channels.get(channel) if channel else None,
                "comment": order.comment,
                "loss_reason_id": reasons.get(order.loss_reason or ""),
                "loss_note": order.loss_note,
                "updated_at": now,
            }
            if plan.kind == "exchange":  # a sales log has none of these: Lavka's are kept
                row["payment_due"] = order.payment_due
                row["expected_amount"] = order.expected_amount
                row["person_id"] = contacts[order.person_key] if order.person_key else None
            if replacing:
                batch.replaced.append(row)
            else:
                batch.orders.append({**row, "created_at": now})
            for position, line in enumerate(order.lines):
                batch.lines.append(
                    {
                        "id": line_ids.take(line.source_id if keep and not replacing else None),
                        "order_id": order_id,
                        "position": position,
                        "date": line.date,
                        "product_id": products[line.product_key],
                        "quantity": line.quantity,
                        "unit_price": line.unit_price,
                        "unit_cost": line.unit_cost,
                        "cost_remainder": line.cost_remainder,
                    }
                )
            for payment in () if replacing else order.payments:
                batch.payments.append(
                    {
                        "id": payment_ids.take(payment.source_id if keep else None),
                        "order_id": order_id,
                        "date": payment.date,
                        "amount": payment.amount,
                        "method": payment.method,
                        "note": payment.note,
                        "created_at": now,
                    }
                )
            batch.origin(order, order_id, now)
            if len(batch.lines) >= _BATCH_LINES or done == total:
                batch.flush()
                report(done, total)
        for order in plan.in_state("unchanged"):
            if order.adopt:
                batch.origin(order, order.existing_id, now)
        batch.flush()
        if bulk is not None:
            bulk.finish([o.existing_id or 0 for o in written if o.existing_id] + order_ids.given)
        lines_bought = _purchases(session, plan, products, contacts, now)
        _expenses(session, plan, channels, now)
        _adjustments(session, plan, products, now)
        records = created + products_created + total + len(plan.purchases)
        records += len(plan.expenses) + len(plan.adjustments)
        if source_name:
            uow.name("import.file", source_name, records)
        else:
            uow.name("import.records", records)
        for statement in dialect_sql.continue_ids:
            session.execute(text(statement))
        uow.commit()
    return ImportResult(
        contacts_created=created,
        contacts_linked=linked,
        products_created=products_created,
        orders=len(new),
        lines=sum(len(o.lines) for o in written),
        skipped=plan.skipped,
        rejections=plan.rejections,
        updated=len(written) - len(new),
        unchanged=plan.count("unchanged"),
        conflicts_kept=0 if prefer_file else plan.count("conflict"),
        purchases=len(plan.purchases),
        purchase_lines=lines_bought,
        expenses=len(plan.expenses),
        adjustments=len(plan.adjustments),
    )


class _Batch:
    """Rows waiting to be written together: new orders, replaced orders (their old lines go
    first), lines, new orders' payments, and origins (inserted, or brought up to date)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.orders: list[Row] = []
        self.replaced: list[Row] = []
        self.lines: list[Row] = []
        self.payments: list[Row] = []  # of new orders (their paid totals kept by triggers)
        self.origins: list[Row] = []

    def origin(self, order: PlannedOrder, order_id: int | None, now: dt.datetime) -> None:
        """Remember where the order came from (new, adopted, or found by its origin)."""
        if not order.records_origin or order.digest is None or order.source_digest is None:
            return
        self.origins.append(
            {
                "key": order.key,
                "order_id": order_id,
                "source_digest": order.source_digest,
                "order_digest": order.digest,
                "imported_at": now,
            }
        )

    def flush(self) -> None:
        session = self.session
        if self.replaced:
            ids = [row["id"] for row in self.replaced]
            for chunk in chunks(ids):
                session.execute(delete(Shipment).where(Shipment.order_id.in_(chunk)))
            columns = [c for c in self.replaced[0] if c != "id"]
            table = Order.__table__
            # An order rewritten from the file moves its version on: an editor open on it
            # meets a conflict on saving rather than putting the old order back.
            session.execute(
                update(table)
                .where(table.c.id == bindparam("order_id"))
                .values({**{c: bindparam(c) for c in columns}, "version": table.c.version + 1}),
                [{**{c: row[c] for c in columns}, "order_id": row["id"]} for row in self.replaced],
            )
        if self.orders:
            session.execute(insert(Order.__table__), self.orders)
        if self.lines:
            session.execute(insert(Shipment.__table__), self.lines)
        if self.payments:
            session.execute(insert(Payment.__table__), self.payments)
        if self.origins:
            keys = [row["key"] for row in self.origins]
            orders = [row["order_id"] for row in self.origins]
            for chunk in chunks(keys):
                session.execute(delete(OrderOrigin).where(OrderOrigin.key.in_(chunk)))
            for chunk in chunks(orders):
                session.execute(delete(OrderOrigin).where(OrderOrigin.order_id.in_(chunk)))
            session.execute(insert(OrderOrigin.__table__), self.origins)
        for rows in (self.orders, self.replaced, self.lines, self.payments, self.origins):
            rows.clear()


def _empty(session: Session, id_column: InstrumentedAttribute[int]) -> bool:
    return session.scalar(select(id_column).limit(1)) is None


def _purchases(
    session: Session,
    plan: ImportPlan,
    products: dict[str, int],
    contacts: dict[str, int],
    now: dt.datetime,
) -> int:
    """The plan's purchases with their lines, each product they feed marked for re-costing
    from its first new batch; how many lines. The file's ids are kept while the database has
    no purchase."""
    if not plan.purchases:
        return 0
    keep = _empty(session, Purchase.id) and _empty(session, PurchaseLine.id)
    purchase_ids = _Ids(session, Purchase.id, [p.source_id for p in plan.purchases] if keep else [])
    wanted = [line.source_id for p in plan.purchases for line in p.lines] if keep else []
    line_ids = _Ids(session, PurchaseLine.id, wanted)
    purchases, lines = [], []
    first: dict[int, tuple[str, int, int]] = {}  # product → its first new batch in the queue
    for purchase in plan.purchases:
        purchase_id = purchase_ids.take(purchase.source_id if keep else None)
        purchases.append(
            {
                "id": purchase_id,
                "date": purchase.date,
                "supplier_id": contacts[purchase.supplier_key] if purchase.supplier_key else None,
                "supplier_name": purchase.supplier_name,
                "document": purchase.document,
                "comment": purchase.comment,
                "delivery_cost": purchase.delivery_cost,
                "created_at": now,
                "updated_at": now,
            }
        )
        for position, line in enumerate(purchase.lines):
            line_id = line_ids.take(line.source_id if keep else None)
            product_id = products[line.product_key]
            lines.append(
                {
                    "id": line_id,
                    "purchase_id": purchase_id,
                    "position": position,
                    "product_id": product_id,
                    "quantity": line.quantity,
                    "unit_cost": line.unit_cost,
                    "delivery_share": line.delivery_share,
                }
            )
            key = (purchase.date.isoformat(), purchase_id, line_id)
            first[product_id] = min(first.get(product_id, key), key)
    session.execute(insert(Purchase.__table__), purchases)
    for chunk in range(0, len(lines), _BATCH_LINES):
        session.execute(insert(PurchaseLine.__table__), lines[chunk : chunk + _BATCH_LINES])
    for product_id, key in first.items():
        mark_batches(session, product_id, key)
    return len(lines)


def _expenses(
    session: Session, plan: ImportPlan, channels: dict[str, int], now: dt.datetime
) -> None:
    if not plan.expenses:
        return
    keep = _empty(session, Expense.id)
    ids = _Ids(session, Expense.id, [e.source_id for e in plan.expenses] if keep else [])
    rows = [
        {
            "id": ids.take(expense.source_id if keep else None),
            "date": expense.date,
            "amount": expense.amount,
            "category": expense.category,
            "channel_id": channels.get(expense.channel.strip()) if expense.channel else None,
            "comment": expense.comment,
            "created_at": now,
        }
        for expense in plan.expenses
    ]
    session.execute(insert(Expense.__table__), rows)


def _adjustments(
    session: Session, plan: ImportPlan, products: dict[str, int], now: dt.datetime
) -> None:
    """The plan's adjustments (their insert trigger marks their products for re-costing)."""
    if not plan.adjustments:
        return
    keep = _empty(session, StockAdjustment.id)
    wanted = [a.source_id for a in plan.adjustments] if keep else []
    ids = _Ids(session, StockAdjustment.id, wanted)
    rows = [
        {
            "id": ids.take(adjustment.source_id if keep else None),
            "date": adjustment.date,
            "product_id": products[adjustment.product_key],
            "kind": adjustment.kind,
            "quantity": adjustment.quantity,
            "reason": adjustment.reason,
            "created_at": now,
        }
        for adjustment in plan.adjustments
    ]
    session.execute(insert(StockAdjustment.__table__), rows)


def _choice_ids(
    session: Session, model: type[Channel] | type[LossReason], names: Iterable[str | None]
) -> dict[str, int]:
    """Name → id for every name given; names not in the list yet are added at its end."""
    known = {fold(n): i for i, n in session.execute(select(model.id, model.name))}
    position = session.scalar(select(func.max(model.position))) or 0
    found: dict[str, int] = {}
    for name in dict.fromkeys(n.strip() for n in names if n and n.strip()):
        if fold(name) not in known:
            position += 1
            record = model(name=name, position=position, active=True)
            session.add(record)
            session.flush()
            known[fold(name)] = record.id
        found[name] = known[fold(name)]
    return found


def _products(session: Session, plan: ImportPlan) -> tuple[dict[str, int], int]:
    """Folded name → product id; products named since the plan was made are linked too."""
    known = {fold(n): i for i, n in session.execute(select(Product.id, Product.name))}
    return _linked_or_added(
        session,
        Product,
        known,
        [
            (
                product.key,
                {
                    "name": product.name,
                    "sku": product.sku,
                    "default_price": product.default_price,
                    "default_cost": product.default_cost,
                    "active": product.active,
                    "min_stock": product.min_stock,
                },
            )
            for product in plan.products
        ],
    )


def _tags(session: Session, plan: ImportPlan) -> dict[str, int]:
    """Tag key → id; a tag named since the plan was made is linked (its colour as it is)."""
    known = {key: tid for key, tid in session.execute(select(Tag.name_key, Tag.id))}
    planned = [
        (tag.key, {"name": tag.name, "name_key": tag.key, "colour": tag.colour})
        for tag in plan.tags
    ]
    return _linked_or_added(session, Tag, known, planned)[0]


def _linked_or_added(
    session: Session,
    model: type[Product] | type[Tag],
    known: dict[str, int],
    planned: Sequence[tuple[str, Mapping[str, object]]],
) -> tuple[dict[str, int], int]:
    """Key → id of each planned row: the one known by that key, or a new row written with
    the next free id (one bulk insert); and how many were written."""
    ids = _Ids(session, model.id, [])
    found: dict[str, int] = {}
    rows: list[Row] = []
    for key, values in planned:
        if key in known:
            found[key] = known[key]
            continue
        found[key] = ids.take()
        rows.append({"id": found[key], **values})
    if rows:
        session.execute(insert(model.__table__), rows)
    return found, len(rows)


def _phone_owners(session: Session, phones: Sequence[str]) -> dict[str, int]:
    """Phone → the contact that has it, as its main phone or a further one."""
    found: dict[str, int] = {}
    for chunk in chunks(sorted(set(phones))):
        for query in (
            select(Contact.phone, Contact.id).where(Contact.phone.in_(chunk)),
            select(ContactPhone.phone, ContactPhone.contact_id).where(
                ContactPhone.phone.in_(chunk)
            ),
        ):
            # (IN never matches a NULL phone; the test says so to the type checker)
            found.update({p: cid for p, cid in session.execute(query) if p is not None})
    return found


def _contacts(
    session: Session, plan: ImportPlan, channels: dict[str, int], tags: dict[str, int], keep: bool
) -> tuple[dict[str, int], int, int]:
    """Plan key → contact id, and how many were created and linked. A phone that reached the
    database after the plan was made links as well. A new card's further phones, e-mails and
    tags go in after the cards (a company before its people: the plan lists it first)."""
    new = [c for c in plan.contacts if c.existing_id is None]
    taken = _phone_owners(session, [p for c in new for p in c.all_phones])
    ids = _Ids(session, Contact.id, [c.source_id for c in plan.contacts] if keep else [])
    found: dict[str, int] = {}
    rows: list[Row] = []
    phones: list[Row] = []
    emails: list[Row] = []
    card_tags: list[Row] = []
    now = utc_now()
    for contact in plan.contacts:
        existing = contact.existing_id or next(
            (taken[p] for p in contact.all_phones if p in taken), None
        )
        if existing is not None:
            found[contact.key] = existing
            continue
        cid = found[contact.key] = ids.take(contact.source_id if keep else None)
        company = found[contact.company_key] if contact.company_key else None
        rows.append(_contact_row(cid, contact, channels, company, now))
        for position, (phone, label) in enumerate(contact.phones, start=1):
            phones.append({"contact_id": cid, "position": position, "phone": phone, "label": label})
        for position, (email, label) in enumerate(contact.emails, start=1):
            emails.append({"contact_id": cid, "position": position, "email": email, "label": label})
        card_tags.extend({"contact_id": cid, "tag_id": tags[key]} for key in contact.tags)
    for model, values in (
        (Contact, rows),
        (ContactPhone, phones),
        (ContactEmail, emails),
        (ContactTag, card_tags),
    ):
        if values:
            session.execute(insert(model.__table__), values)
    return found, len(rows), len(plan.contacts) - len(rows)


def _contact_row(
    contact_id: int,
    contact: PlannedContact,
    channels: dict[str, int],
    company_id: int | None,
    now: dt.datetime,
) -> Row:
    return {
        "id": contact_id,
        "name": contact.name,
        "name_key": fold(contact.name),
        "phone": contact.phone,
        "email": contact.email,
        "address": contact.address,
        "notes": contact.notes,
        "channel_id": channels.get(contact.channel or ""),
        "archived": contact.archived,
        "payment_terms_days": contact.payment_terms_days,
        "kind": contact.kind,
        "company_id": company_id,
        "job_title": contact.job_title,
        "legal_name": contact.legal_name,
        "tax_id": contact.tax_id,
        "phone_label": contact.phone_label,
        "email_label": contact.email_label,
        "created_at": contact.created_at or now,
        "updated_at": now,
    }
