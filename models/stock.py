"""Goods in and money out: purchases in batches, stock adjustments, the FIFO cost split of each
shipped line, and expenses.

A product's stock is tracked from its first purchase or adjustment (its *start*): lines dated
before it are history, kept with their typed cost and not counted in stock. From the start on,
the product's *consumers* — lines of orders that are not lost, and adjustments that take goods
away — are numbered in a sequence (date, then adjustments after the day's lines, then id), and
each keeps in `fifo_start` how many units all the consumers before it took. When the product
has purchases, each consumer takes its units from the batches (purchase lines, oldest first);
what it took is kept in `cost_splits`, and a line's unit cost is the splits' total over its
quantity. Units beyond every batch are costed at the last batch (`beyond_stock`) until stock
arrives. The sequence and the splits are recomputed from the earliest change by
services/costing.py, in the transaction of the change: triggers write that change into
`stock_dirty` and the unit of work recomputes before it commits.
"""

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
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base
from models.entities import Product, utc_now
from models.types import Money

EXPENSE_CATEGORIES = ("ads", "delivery", "packaging", "fees", "other")
ADJUSTMENT_KINDS = ("count", "write_off")


class Purchase(Base):
    """Goods bought: from a supplier (a contact, or a name typed as text), with a document."""

    __tablename__ = "purchases"
    __table_args__ = (
        CheckConstraint("delivery_cost >= 0", name="delivery_cost_not_negative"),
        Index("ix_purchases_date", "date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    date: Mapped[dt.date] = mapped_column(Date)
    supplier_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), index=True
    )
    # The supplier's name as typed, or the contact's name when it was saved (kept if the
    # contact is deleted later).
    supplier_name: Mapped[str | None] = mapped_column(String(200))
    document: Mapped[str | None] = mapped_column(String(100))
    comment: Mapped[str | None] = mapped_column(Text)
    # Spread over the lines by their value (services/purchases.py) into `delivery_share`.
    delivery_cost: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now, onupdate=utc_now)

    lines: Mapped[list[PurchaseLine]] = relationship(
        back_populates="purchase",
        cascade="all, delete-orphan",
        order_by="PurchaseLine.position",
        passive_deletes=True,
    )


class PurchaseLine(Base):
    """One batch: a product, how many, at what unit cost, with its share of the delivery."""

    __tablename__ = "purchase_lines"
    __table_args__ = (
        CheckConstraint("quantity >= 1", name="quantity_positive"),
        CheckConstraint("unit_cost >= 0", name="unit_cost_not_negative"),
        CheckConstraint("delivery_share >= 0", name="delivery_share_not_negative"),
        Index("ix_purchase_lines_purchase", "purchase_id"),
        Index("ix_purchase_lines_product", "product_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    purchase_id: Mapped[int] = mapped_column(ForeignKey("purchases.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="RESTRICT"))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_cost: Mapped[Decimal] = mapped_column(Money)
    delivery_share: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))

    purchase: Mapped[Purchase] = relationship(back_populates="lines")
    product: Mapped[Product] = relationship()


class StockAdjustment(Base):
    """A dated, explained change of a product's stock: a count correction (either sign) or a
    write-off (goods taken away). Never an edit of history."""

    __tablename__ = "stock_adjustments"
    __table_args__ = (
        CheckConstraint("quantity != 0", name="quantity_not_zero"),
        CheckConstraint("kind IN ('count', 'write_off')", name="kind_known"),
        CheckConstraint("kind != 'write_off' OR quantity < 0", name="write_off_takes"),
        CheckConstraint("length(trim(reason)) > 0", name="reason_not_blank"),
        Index("ix_stock_adjustments_product", "product_id", "date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    date: Mapped[dt.date] = mapped_column(Date)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="RESTRICT"))
    kind: Mapped[str] = mapped_column(String(10), default="count")
    # Units added (positive) or taken away (negative).
    quantity: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    # The consumer sequence (see the module's text) for one that takes goods away.
    fifo_start: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)

    product: Mapped[Product] = relationship()


class CostSplit(Base):
    """What one consumer (a shipped line or a write-off) took from one batch, and its cost."""

    __tablename__ = "cost_splits"
    __table_args__ = (
        CheckConstraint("quantity >= 1", name="quantity_positive"),
        CheckConstraint("(shipment_id IS NULL) != (adjustment_id IS NULL)", name="one_consumer"),
        Index("ix_cost_splits_shipment", "shipment_id"),
        Index("ix_cost_splits_adjustment", "adjustment_id"),
        Index("ix_cost_splits_batch", "purchase_line_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    shipment_id: Mapped[int | None] = mapped_column(ForeignKey("shipments.id", ondelete="CASCADE"))
    adjustment_id: Mapped[int | None] = mapped_column(
        ForeignKey("stock_adjustments.id", ondelete="CASCADE")
    )
    purchase_line_id: Mapped[int] = mapped_column(
        ForeignKey("purchase_lines.id", ondelete="CASCADE")
    )
    quantity: Mapped[int] = mapped_column(Integer)
    # Integer minor units: the exact cost of these units of the batch.
    cost: Mapped[Decimal] = mapped_column(Money)
    # Units beyond every batch, costed at the last one until stock arrives.
    beyond_stock: Mapped[bool] = mapped_column(Boolean, default=False)


class StockDirty(Base):
    """Products whose consumers changed from `since` on (written by models/triggers.py)."""

    __tablename__ = "stock_dirty"

    product_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    since: Mapped[dt.date] = mapped_column(Date, primary_key=True)


class Expense(Base):
    """Money spent that is not goods: ads (per channel), delivery, packaging, fees, other."""

    __tablename__ = "expenses"
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount_positive"),
        CheckConstraint(
            "category IN ('ads', 'delivery', 'packaging', 'fees', 'other')",
            name="category_known",
        ),
        Index("ix_expenses_date", "date", "category", "channel_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    date: Mapped[dt.date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(Money)
    category: Mapped[str] = mapped_column(String(10), default="other")
    channel_id: Mapped[int | None] = mapped_column(
        ForeignKey("channels.id", ondelete="SET NULL"), index=True
    )
    comment: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
