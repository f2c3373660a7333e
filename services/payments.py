"""Payments of orders: recording them, each order's balance and state, and who owes what.

An order owes its amount less what was paid. A cancelled order (a status whose role is lost)
owes nothing, so whatever was paid for it is to be given back: its owed is 0 − paid, and a
negative owed is always shown as a refund due. The state follows from the two numbers, never
from the status:

- ``unpaid``      nothing paid and something owed,
- ``partly_paid`` something paid, less than owed,
- ``paid``        paid exactly what is owed (an order of 0 with no payments, or a cancelled
                  order with none, is ``paid``: nobody owes anybody),
- ``overpaid``    paid more than owed (money to give back; every paid cancelled order).

An order's payment is due on its own due date when it has one, otherwise on its date plus its
contact's payment terms (days, 0 by default). It is overdue from the day after.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from models import PAYMENT_METHODS, Contact, Order, Payment
from models.types import from_minor
from services.choices import PAYMENTS_SINCE, setting
from services.errors import NotFound, ValidationError
from services.formatting import named_date, named_money
from services.messages import Label
from services.orders import order_row
from services.storage import Database
from services.uow import UnitOfWork
from services.values import (
    DateInput,
    MoneyInput,
    clean_text,
    parse_date,
    parse_decimal,
    parse_money,
)

STATES = ("unpaid", "partly_paid", "paid", "overpaid")
NOTE_MAX = 1000
TERMS_MAX = 365
# A payment may be dated tomorrow (a late evening in another time zone), not later.
FUTURE_GRACE = dt.timedelta(days=1)

# What a person or a file may write for a method; the code is what is stored.
METHOD_WORDS = {
    **{code: code for code in PAYMENT_METHODS},
    "наличные": "cash",
    "наличными": "cash",
    "нал": "cash",
    "карта": "card",
    "картой": "card",
    "перевод": "transfer",
    "другое": "other",
}


@dataclass(frozen=True)
class PaymentView:
    id: int
    order_id: int
    date: dt.date
    amount: Decimal
    method: str  # one of PAYMENT_METHODS
    note: str | None


@dataclass(frozen=True)
class Balance:
    """Where an order stands: `owed` < 0 is money to give back."""

    order_id: int
    amount: Decimal  # the order's amount (its lines), also for a cancelled order
    paid: Decimal
    owed: Decimal  # (0 for a cancelled order, else amount) − paid
    state: str  # one of STATES
    cancelled: bool
    due: dt.date

    @property
    def refund(self) -> Decimal:
        """Money to give back (0 when none)."""
        return max(-self.owed, Decimal("0.00"))


@dataclass(frozen=True)
class Recorded:
    """A payment as saved, and its order's balance after it."""

    payment: PaymentView
    balance: Balance


@dataclass(frozen=True)
class Debtor:
    """A contact with orders not fully paid (cancelled ones aside)."""

    contact_id: int
    name: str
    phone: str | None
    orders: int  # orders owing
    owed: Decimal  # the sum they owe
    overdue: Decimal  # the part of it past its due date
    overdue_days: int  # days since the oldest overdue due date; 0 when nothing is overdue
    oldest_due: dt.date  # the earliest due date among the orders owing


@dataclass(frozen=True)
class ContactDebt:
    orders: int
    owed: Decimal
    overdue: Decimal
    oldest_due: dt.date | None  # None when nothing is owed


def state_of(owed_amount: Decimal, paid: Decimal) -> str:
    """The state of an order that should be paid `owed_amount` (0 when cancelled) and was
    paid `paid`."""
    if paid > owed_amount:
        return "overpaid"
    if paid == owed_amount:
        return "paid"
    return "partly_paid" if paid > 0 else "unpaid"


def parse_method(value: str | None, field: str = "method", line: int | None = None) -> str:
    """A method code from its code or its Russian word, any case; empty means cash."""
    typed = (value or "").strip()
    if not typed:
        return "cash"
    code = METHOD_WORDS.get(typed.casefold())
    if code is None:
        raise ValidationError.of(field, "payment.method_unknown", typed, line=line)
    return code


def parse_payment_amount(
    value: MoneyInput, field: str = "amount", line: int | None = None
) -> Decimal:
    """A payment amount: more than 0, at most MONEY_MAX, in whole kopecks."""
    number = parse_decimal(value, field, "Amount", line)
    if number <= 0:
        raise ValidationError.of(
            field, "payment.amount_not_positive", Label("Amount"), value, line=line
        )
    return parse_money(number, field, "Amount", line)


def check_payment_date(
    value: DateInput, today: dt.date, field: str = "date", line: int | None = None
) -> dt.date:
    day = parse_date(value, field, line)
    if day > today + FUTURE_GRACE:
        raise ValidationError.of(field, "payment.in_future", day.isoformat(), line=line)
    return day


def record_payment(
    database: Database,
    order_id: int,
    amount: MoneyInput,
    day: DateInput | None = None,
    method: str | None = "cash",
    note: str | None = None,
    today: dt.date | None = None,
) -> Recorded:
    """Add a payment to an order (all or nothing); the payment and the order's new balance.

    Refused, with nothing written: an amount of 0 or less, a date more than a day ahead of
    `today`, an unknown method, a cancelled order, an order that does not exist."""
    today = today or dt.date.today()
    with UnitOfWork(database) as uow:
        order = order_row(uow.session, order_id)
        value = parse_payment_amount(amount)
        when = check_payment_date(today if day is None else day, today)
        code = parse_method(method)
        remark = clean_text(note, NOTE_MAX, "note", "Note")
        if order.status.role == "lost":
            raise ValidationError.of("order", "payment.order_cancelled", order_id)
        payment = Payment(order_id=order.id, date=when, amount=value, method=code, note=remark)
        uow.session.add(payment)
        uow.session.flush()
        uow.session.expire(order)  # the trigger-kept paid total
        recorded = Recorded(_payment_view(payment), _balance(uow.session, order))
        uow.name(
            "payment.recorded",
            order.id,
            named_money(value),
            contact_id=order.contact_id,
            order_id=order.id,
        )
        uow.commit()
    return recorded


def delete_payment(database: Database, payment_id: int) -> Balance:
    """Remove a payment (a mistake); the order's balance after it."""
    with UnitOfWork(database) as uow:
        payment = uow.session.get(Payment, payment_id)
        if payment is None:
            raise NotFound.of("payment.not_found", payment_id)
        order = payment.order
        uow.name(
            "payment.deleted",
            order.id,
            named_money(payment.amount),
            contact_id=order.contact_id,
            order_id=order.id,
        )
        uow.session.delete(payment)
        uow.session.flush()
        uow.session.expire(order)
        balance = _balance(uow.session, order)
        uow.commit()
    return balance


def parse_payment_terms(days: int | str, field: str = "payment_terms") -> int:
    """Payment terms as typed: whole days from 0 to TERMS_MAX (the contact card checks them
    with the rest of the contact)."""
    typed = str(days).strip()
    if not typed.isdigit() or int(typed) > TERMS_MAX:
        raise ValidationError.of(field, "payment.terms_invalid", typed, TERMS_MAX)
    return int(typed)


def set_payment_terms(database: Database, contact_id: int, days: int | str) -> int:
    """A contact's payment terms: whole days from 0 to TERMS_MAX after an order's date. They
    are a field of the card: its version moves on, so that a card open on the contact meets a
    conflict on saving rather than putting the old terms back."""
    terms = parse_payment_terms(days)
    with UnitOfWork(database) as uow:
        # locked on PostgreSQL, after any save of the card in flight (orders.order_row)
        contact = uow.session.get(Contact, contact_id, with_for_update=True)
        if contact is None:
            raise NotFound.of("contact.not_found", contact_id)
        contact.payment_terms_days = terms
        uow.move_version(contact)
        uow.name("contact.terms", contact.name, terms, contact_id=contact.id)
        uow.commit()
    return terms


def set_payment_due(database: Database, order_id: int, day: DateInput | None) -> Balance:
    """An order's own due date; None goes back to its date plus the contact's terms.

    The order's version stays: the due date is no field of the order's save, and the editor's
    Payments tab writes it while the editor is open."""
    with UnitOfWork(database) as uow:
        order = order_row(uow.session, order_id, lock=True)
        order.payment_due = None if day is None else parse_date(day, "payment_due")
        subjects = {"contact_id": order.contact_id, "order_id": order.id}
        if order.payment_due is None:
            uow.name("order.payment_due_reset", order.id, **subjects)
        else:
            uow.name("order.payment_due", order.id, named_date(order.payment_due), **subjects)
        uow.session.flush()
        balance = _balance(uow.session, order)
        uow.commit()
    return balance


def order_payments(database: Database, order_id: int) -> tuple[PaymentView, ...]:
    """An order's payments, oldest first."""
    with database.session() as session:
        order_row(session, order_id)
        rows = session.scalars(
            select(Payment).where(Payment.order_id == order_id).order_by(Payment.date, Payment.id)
        )
        return tuple(_payment_view(p) for p in rows)


def order_balance(database: Database, order_id: int) -> Balance:
    with database.session() as session:
        return _balance(session, order_row(session, order_id))


# Which orders owe money, one rule for the debtors list below and the order grid's "owes money"
# filter (services/order_list.py): more to pay than paid, not cancelled, dated from the day
# payments began (owing_since, bound as :since). `{o}` is the orders table's name or alias.
_OWING = (
    "{o}.amount > {o}.paid AND {day} >= :since"
    " AND {o}.status_id NOT IN (SELECT id FROM order_statuses WHERE role = 'lost')"
)


def owing_sql(dialect: str, o: str) -> str:
    """The orders owing (`o` the orders table's name or alias), said for `dialect`.

    The one place the two databases differ here: on SQLite a unary + keeps the planner from
    reading the date index for the date, a bound that is often the first day of all (the
    partial index of the orders owing, amount > paid, holds few); PostgreSQL has no unary +
    for a date, and plans by its own statistics."""
    day = f"+{o}.date" if dialect == "sqlite" else f"{o}.date"
    return _OWING.format(o=o, day=day)


# One pass over the orders owing (a partial covering index holds just those): each one's due
# date from its own or its contact's terms, summed per contact; then the owing contacts' names.
_DEBTS = """
WITH owing AS (
    SELECT o.contact_id AS contact_id,
           o.amount - o.paid AS owed,
           COALESCE(o.payment_due, {terms_due}) AS due
    FROM orders AS o{hint}
    JOIN contacts AS c ON c.id = o.contact_id
    WHERE {owing} {contact}
)
SELECT contact_id,
       COUNT(*) AS orders,
       SUM(owed) AS owed,
       COALESCE(SUM(CASE WHEN due < :today THEN owed END), 0) AS overdue,
       MIN(CASE WHEN due < :today THEN due END) AS oldest_overdue,
       MIN(due) AS oldest_due
FROM owing
GROUP BY contact_id
"""
_DEBTORS = (
    "SELECT d.contact_id, c.name, c.phone, d.orders, d.owed, d.overdue,"
    " d.oldest_overdue, d.oldest_due FROM ({debts}) AS d JOIN contacts AS c ON c.id = d.contact_id"
    " ORDER BY d.overdue DESC, d.owed DESC, c.name_key, d.contact_id"
)


def _debts_sql(session: Session, contact: str = "") -> str:
    """The debts query (`contact` a condition more on the orders `o`) in the session's
    database's words: SQLite is told to read the index of the orders owing (INDEXED BY) and
    adds the terms' days with its date modifier; PostgreSQL has no such hint and adds days to
    a date with +."""
    dialect = session.get_bind().dialect.name
    sqlite = dialect == "sqlite"
    return _DEBTS.format(
        terms_due=(
            "date(o.date, '+' || c.payment_terms_days || ' days')"
            if sqlite
            else "o.date + c.payment_terms_days"
        ),
        hint=" INDEXED BY ix_orders_owing" if sqlite else "",
        owing=owing_sql(dialect, "o"),
        contact=contact,
    )


def _day(value: dt.date | str) -> dt.date:
    """A date of a raw query: ISO text on SQLite, a date on PostgreSQL."""
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def debtors(database: Database, today: dt.date | None = None) -> list[Debtor]:
    """Contacts owing money for orders not cancelled, the most overdue first (then the most
    owed). Computed in one SQL query over the trigger-kept amount and paid totals."""
    today = today or dt.date.today()
    with database.session() as session:
        since = owing_since(session)
        query = text(_DEBTORS.format(debts=_debts_sql(session)))
        rows = session.execute(query, {"today": today.isoformat(), "since": since}).all()
    return [
        Debtor(
            row[0],
            row[1],
            row[2],
            row[3],
            from_minor(row[4]),
            from_minor(row[5]),
            (today - _day(row[6])).days if row[6] else 0,
            _day(row[7]),
        )
        for row in rows
    ]


def contact_debt(database: Database, contact_id: int, today: dt.date | None = None) -> ContactDebt:
    """What one contact owes (orders not cancelled), how much of it is overdue, and the
    earliest due date among the orders owing."""
    today = today or dt.date.today()
    with database.session() as session:
        if session.get(Contact, contact_id) is None:
            raise NotFound.of("contact.not_found", contact_id)
        query = text(_debts_sql(session, "AND o.contact_id = :contact"))
        values = {"contact": contact_id, "today": today.isoformat(), "since": owing_since(session)}
        row = session.execute(query, values).first()
    if row is None:
        return ContactDebt(0, Decimal("0.00"), Decimal("0.00"), None)
    return ContactDebt(
        row.orders,
        from_minor(row.owed),
        from_minor(row.overdue),
        _day(row.oldest_due),
    )


def owing_since(session: Session) -> str:
    """The first order date that can owe money: the day a database that already held orders
    was upgraded to payments (what came before was settled as its owner knew); none, so any
    date, for a database that started with payments."""
    return setting(session, PAYMENTS_SINCE) or "0001-01-01"


def due_date(order: Order) -> dt.date:
    """The order's own due date, or its date plus its contact's payment terms."""
    if order.payment_due is not None:
        return order.payment_due
    return order.date + dt.timedelta(days=order.contact.payment_terms_days)


def _balance(session: Session, order: Order) -> Balance:
    cancelled = order.status.role == "lost"
    should = Decimal("0.00") if cancelled else order.amount
    return Balance(
        order_id=order.id,
        amount=order.amount,
        paid=order.paid,
        owed=should - order.paid,
        state=state_of(should, order.paid),
        cancelled=cancelled,
        due=due_date(order),
    )


def _payment_view(p: Payment) -> PaymentView:
    return PaymentView(p.id, p.order_id, p.date, p.amount, p.method, p.note)
