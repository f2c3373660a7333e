"""The stages an order went through: one row each time it entered a status.

Written by triggers on `orders` (models/triggers.py STAGE_TRIGGERS), so that every path that
creates an order or moves its status (the editor, the board, an import) leaves the same trace.
The funnel's conversion (how many orders that reached a stage went on to be won) and the stage
a lost order was lost at are read from it (services/funnel.py).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base


class OrderStage(Base):
    __tablename__ = "order_stages"
    __table_args__ = (Index("ix_order_stages_order", "order_id", "status_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    # Statuses are never deleted (services/settings_store.py), so the trace always names one.
    status_id: Mapped[int] = mapped_column(ForeignKey("order_statuses.id", ondelete="RESTRICT"))
    # The order's date for the status it was created in; the day of the move after that.
    entered_on: Mapped[dt.date] = mapped_column(Date)
