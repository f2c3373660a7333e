"""The tables: contacts, products, orders with their shipment lines, and the editable lists."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from models.base import Base
from models.formulas import MARGIN_POSTGRESQL_SQL, MARGIN_SQL
from models.postgres import on_dialect
from models.types import Money

STATUS_ROLES = ("open", "won", "lost")
PAYMENT_METHODS = ("cash", "card", "transfer", "other")


def utc_now() -> dt.datetime:
    """Naive UTC timestamp (SQLite has no time zones; we always store UTC)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def fold(text: str) -> str:
    """Case- and ё-insensitive search key; SQLite's lower() only folds ASCII."""
    return text.casefold().replace("ё", "е")


class Setting(Base):
    """Business-wide settings that belong with the data (currency, phone region)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class OrderStatus(Base):
    __tablename__ = "order_statuses"
    __table_args__ = (
        CheckConstraint("role IN ('open', 'won', 'lost')", name="role"),
        CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Built-in statuses keep a code so the UI can translate them; user-added ones have none.
    code: Mapped[str | None] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(10), default="open")
    position: Mapped[int] = mapped_column(Integer, default=0)
    # Percentage points a deal in this status adds to its probability (services/scoring.py).
    score_modifier: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class _ChoiceList:
    """Columns of an editable pick list: a unique name, its place in the list, and whether it
    is still offered (retired entries stay for the records that use them)."""

    __table_args__ = (CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Channel(_ChoiceList, Base):
    """Where customers come from (Avito, Website, Referral, …)."""

    __tablename__ = "channels"

    # Percentage points a deal from this channel adds to its probability (services/scoring.py).
    score_modifier: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class LossReason(_ChoiceList, Base):
    """Why an order was lost (asked when an order is Cancelled)."""

    __tablename__ = "loss_reasons"


class Contact(Base):
    __tablename__ = "contacts"
    __table_args__ = (
        CheckConstraint("length(trim(name)) BETWEEN 1 AND 200", name="name_length"),
        # Search as you type scans this index (name and phone) without touching the rows.
        Index("ix_contacts_search", "name_key", "phone", "archived"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200))
    # E.164; the identity of a customer. NULLs do not collide in a SQLite UNIQUE index.
    phone: Mapped[str | None] = mapped_column(String(20), unique=True)
    email: Mapped[str | None] = mapped_column(String(254))
    address: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    channel_id: Mapped[int | None] = mapped_column(
        ForeignKey("channels.id", ondelete="SET NULL"), index=True
    )
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    # A person (the default) or a company (models/people.py CONTACT_KINDS). A company is a
    # customer like a person: its orders point at it, so figures group a shop's orders from
    # several buyers as one customer. A person may work at one company. (Kept by triggers,
    # models/triggers.py PEOPLE_TRIGGERS, rather than a foreign key: SQLite cannot drop a
    # column with a table's key, and the column came with ALTER TABLE.)
    kind: Mapped[str] = mapped_column(String(10), default="person", server_default="person")
    company_id: Mapped[int | None] = mapped_column(Integer, index=True)
    job_title: Mapped[str | None] = mapped_column(String(100))
    legal_name: Mapped[str | None] = mapped_column(Text)
    # INN or another tax id; checked when it is a Russian INN (services/companies.py).
    tax_id: Mapped[str | None] = mapped_column(String(20))
    # What the main phone and e-mail are for (models/people.py CHANNEL_LABELS).
    phone_label: Mapped[str | None] = mapped_column(String(20))
    email_label: Mapped[str | None] = mapped_column(String(20))
    # Days after an order's date its payment is due (an order may name its own due date).
    payment_terms_days: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now, onupdate=utc_now)
    # Counts the card's saves (services/contacts.py): a save from a card opened at another
    # version is refused as an edit conflict. The ORM checks it in its UPDATE (StaleDataError).
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    channel: Mapped[Channel | None] = relationship()
    orders: Mapped[list[Order]] = relationship(back_populates="contact")

    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}  # noqa: RUF012

    @validates("name")
    def _keep_name_key(self, _key: str, value: str) -> str:
        self.name_key = fold(value)
        return value


class Product(Base):
    __tablename__ = "products"
    __table_args__ = (
        CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
        CheckConstraint("default_price >= 0", name="default_price_not_negative"),
        CheckConstraint("default_cost >= 0", name="default_cost_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    sku: Mapped[str | None] = mapped_column(String(100))
    default_price: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    default_cost: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Units of stock under which the product is to be bought again (None: no minimum).
    min_stock: Mapped[int | None] = mapped_column(Integer)


class Order(Base):
    __tablename__ = "orders"
    __table_args__ = (
        # A customer's orders by date; with the status and first ship date in the index, a
        # purchase history (services/lifecycle.py) is read without touching the rows.
        Index("ix_orders_purchases", "contact_id", "date", "status_id", "first_ship_date"),
        Index("ix_orders_first_ship_date", "first_ship_date"),
        Index("ix_orders_last_ship_date", "last_ship_date"),
        Index("ix_orders_profit", "profit"),
        Index("ix_orders_amount", "amount"),
        # services/order_list.py sorts by exactly this expression so that SQLite can use it.
        # (PostgreSQL's is below: it wants the expression in parentheses of its own.)
        Index("ix_orders_margin", text(MARGIN_SQL)).ddl_if(dialect="sqlite"),
        # Few orders carry a comment: the grid's text filter scans just those.
        Index(
            "ix_orders_comment",
            "comment",
            sqlite_where=text("comment IS NOT NULL"),
            postgresql_where=text("comment IS NOT NULL"),
        ),
        # The orders not fully paid, with all the debtors list needs (services/payments.py):
        # once payments are kept, few orders owe, and the list reads just those.
        Index(
            "ix_orders_owing",
            "contact_id",
            "status_id",
            "date",
            "payment_due",
            "amount",
            "paid",
            sqlite_where=text("amount > paid"),
            postgresql_where=text("amount > paid"),
        ),
        # The funnel board and the forecast (services/funnel.py, scoring.py): each column's
        # count and sum, its newest cards, every open deal's score, read from the index alone.
        Index(
            "ix_orders_board",
            "status_id",
            "date",
            "channel_id",
            "amount",
            "line_count",
            "expected_amount",
            "contact_id",
            "peak_class",
        ),
    )

    # The id is the order number shown to people ("No. 1042").
    id: Mapped[int] = mapped_column(primary_key=True)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    status_id: Mapped[int] = mapped_column(
        ForeignKey("order_statuses.id", ondelete="RESTRICT"), index=True
    )
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="RESTRICT"))
    # Who placed the order when the customer is a company ("ordered by"); optional. A
    # contact's id kept by triggers like contacts.company_id.
    person_id: Mapped[int | None] = mapped_column(Integer, index=True)
    channel_id: Mapped[int | None] = mapped_column(
        ForeignKey("channels.id", ondelete="SET NULL"), index=True
    )
    comment: Mapped[str | None] = mapped_column(Text)
    loss_reason_id: Mapped[int | None] = mapped_column(
        ForeignKey("loss_reasons.id", ondelete="SET NULL")
    )
    loss_note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now, onupdate=utc_now)

    # Totals of the lines, kept by SQLite triggers on `shipments` (see models/triggers.py) so
    # that the order grid can sort 300k orders by profit through an index. Never set by hand.
    amount: Mapped[Decimal] = mapped_column(Money, server_default="0")
    cost: Mapped[Decimal] = mapped_column(Money, server_default="0")
    profit: Mapped[Decimal] = mapped_column(Money, server_default="0")
    line_count: Mapped[int] = mapped_column(Integer, server_default="0")
    units: Mapped[int] = mapped_column(Integer, server_default="0")
    # The first and the last line's date (same triggers): an order is a purchase once its
    # first line is shipped, and is followed up some days after its last one.
    first_ship_date: Mapped[dt.date | None] = mapped_column(Date)
    last_ship_date: Mapped[dt.date | None] = mapped_column(Date)
    # The sum of the order's payments, kept by triggers on `payments` like the totals above,
    # so that balances and the debtors list aggregate orders without a join per order.
    paid: Mapped[Decimal] = mapped_column(Money, server_default="0")
    # An explicit payment due date; NULL means the order's date + the contact's payment terms.
    payment_due: Mapped[dt.date | None] = mapped_column(Date)
    # What a deal is expected to bring while it has no lines yet (services/scoring.py).
    expected_amount: Mapped[Decimal | None] = mapped_column(Money)
    # The best class (A–E) the deal has had when it was saved: one that had A or B and fell
    # is shown as "slid down" (C2) until it rises again.
    peak_class: Mapped[str | None] = mapped_column(String(1))
    # Counts the order's saves, its lines' included (services/orders.py): a save from an editor
    # opened at another version is refused as an edit conflict, as Contact.version is.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    status: Mapped[OrderStatus] = relationship()
    contact: Mapped[Contact] = relationship(back_populates="orders", foreign_keys=[contact_id])
    person: Mapped[Contact | None] = relationship(
        primaryjoin="foreign(Order.person_id) == Contact.id", viewonly=True
    )
    channel: Mapped[Channel | None] = relationship()
    loss_reason: Mapped[LossReason | None] = relationship()
    lines: Mapped[list[Shipment]] = relationship(
        back_populates="order",
        cascade="all, delete-orphan",
        order_by="Shipment.position",
        passive_deletes=True,
    )
    payments: Mapped[list[Payment]] = relationship(
        back_populates="order",
        cascade="all, delete-orphan",
        order_by="(Payment.date, Payment.id)",
        passive_deletes=True,
    )

    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}  # noqa: RUF012


class Shipment(Base):
    """One line of an order: what was (or will be) shipped, at what price and cost."""

    __tablename__ = "shipments"
    __table_args__ = (
        CheckConstraint("quantity >= 1", name="quantity_positive"),
        CheckConstraint("unit_price >= 0", name="unit_price_not_negative"),
        CheckConstraint("unit_cost >= 0", name="unit_cost_not_negative"),
        Index("ix_shipments_order_id", "order_id"),
        Index("ix_shipments_product_id", "product_id"),
        Index("ix_shipments_date", "date"),
        # A product's stock and its FIFO sequence (models/stock.py): the last consumer up to
        # a day, and the planned units after it, read from the index alone.
        Index("ix_shipments_stock", "product_id", "date", "fifo_start", "quantity"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    date: Mapped[dt.date] = mapped_column(Date)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="RESTRICT"))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price: Mapped[Decimal] = mapped_column(Money)
    unit_cost: Mapped[Decimal] = mapped_column(Money)
    # Units the product's earlier consumers took, once its stock is tracked (models/stock.py);
    # None for a line before the product's first purchase or adjustment, or of a lost order.
    fifo_start: Mapped[int | None] = mapped_column(Integer)
    # Minor units the line's cost differs from quantity × unit cost: a FIFO-costed line's unit
    # cost is its splits' total over its quantity to the kopeck, and this keeps the line's cost
    # the splits' exact total (|remainder| ≤ quantity / 2). 0 for a typed cost. Every line cost
    # is quantity × unit_cost + cost_remainder (models/triggers.py, services/figures.py).
    cost_remainder: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    order: Mapped[Order] = relationship(back_populates="lines")
    product: Mapped[Product] = relationship()


class Payment(Base):
    """Money received for an order (or, for a cancelled one, money to give back)."""

    __tablename__ = "payments"
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount_positive"),
        CheckConstraint("method IN ('cash', 'card', 'transfer', 'other')", name="method_known"),
        Index("ix_payments_order_id", "order_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    date: Mapped[dt.date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(Money)
    method: Mapped[str] = mapped_column(String(10), default="cash")
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)

    order: Mapped[Order] = relationship(back_populates="payments")


# The grid sorts by margin best first with the orders of no margin last (DESC NULLS LAST,
# services/order_list.py): an index in that order serves it; a plain one cannot, walked
# backwards (migration 0013).
MARGIN_INDEX_POSTGRESQL = (
    f"CREATE INDEX ix_orders_margin ON orders (({MARGIN_POSTGRESQL_SQL}) DESC NULLS LAST)"
)
on_dialect(Order.__table__, MARGIN_INDEX_POSTGRESQL, "postgresql")
# An order's id is its number: on PostgreSQL the next one is taken as SQLite takes it (the
# highest + 1, under a lock to the transaction's end), not from a sequence that a rolled-back
# save leaves a gap in (models/postgres.py lavka_next_id).
on_dialect(
    Order.__table__,
    "ALTER TABLE orders ALTER COLUMN id SET DEFAULT lavka_next_id('orders')",
    "postgresql",
)
