"""Where imported orders came from, so that importing the same file again updates them.

One row per order an import created: the order's key in its file (its order number there, or
its date and customer), a digest of the file's rows as they were imported, and a digest of
the order as Lavka wrote it. A re-import compares the file with the first and the order with
the second: which side changed since says whether the order is unchanged, updated, or changed
on both sides (a conflict). The row outlives its order (order_id becomes NULL), so an order
deleted in Lavka is not brought back by the next import of the same file.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base
from models.entities import utc_now


class OrderOrigin(Base):
    __tablename__ = "order_origins"

    id: Mapped[int] = mapped_column(primary_key=True)
    # "number:<order number in the file>", "day:<date>|<customer>", or for Lavka's own
    # export "id:<Order ID>|<customer>" (customer: the phone, else "name:" and the name)
    key: Mapped[str] = mapped_column(String(300), unique=True)
    order_id: Mapped[int | None] = mapped_column(
        ForeignKey("orders.id", ondelete="SET NULL"), unique=True
    )
    source_digest: Mapped[str] = mapped_column(String(64))  # the file's rows when imported
    order_digest: Mapped[str] = mapped_column(String(64))  # the order as the import wrote it
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
