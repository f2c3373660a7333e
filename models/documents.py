"""Documents issued from an order: invoices, delivery notes and sales receipts.

Each kind has its own yearly sequence of numbers (1, 2, 3 … from each January), with no gaps
and no reuse: a number is taken when the document is first issued and kept when it is printed
again, and an issued document is never deleted (an order deleted later leaves it, with its
order number in `content`). What the document said is kept in `content` (JSON: the seller,
the buyer, the lines and the totals as issued), so a re-print is the same paper even after
the order or the seller's details changed; `fingerprint` is the order's part of it, hashed,
which tells whether the order has changed since.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base
from models.entities import utc_now
from models.types import Money

DOCUMENT_KINDS = ("invoice", "delivery_note", "receipt")


class Document(Base):
    __tablename__ = "documents"
    __table_args__ = (
        CheckConstraint("kind IN ('invoice', 'delivery_note', 'receipt')", name="kind_known"),
        CheckConstraint("number >= 1", name="number_positive"),
        UniqueConstraint("kind", "year", "number", name="uq_documents_number"),
        Index("ix_documents_order", "order_id", "kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    date: Mapped[dt.date] = mapped_column(Date)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id", ondelete="SET NULL"))
    amount: Mapped[Decimal] = mapped_column(Money)
    fingerprint: Mapped[str] = mapped_column(String(64))
    content: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
