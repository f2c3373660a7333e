"""Lavka's database schema (SQLAlchemy 2 ORM). No Qt, no business rules beyond constraints."""

from models import notices as _notices  # noqa: F401  (registers PostgreSQL's change notices)
from models import search as _search  # noqa: F401  (registers the search index DDL)
from models import triggers as _triggers  # noqa: F401  (registers the trigger DDL)
from models.activity import FOLLOW_UP_STATES, ContactNote, ContactReminder, FollowUp, Task
from models.base import Base
from models.documents import DOCUMENT_KINDS, Document
from models.entities import (
    PAYMENT_METHODS,
    STATUS_ROLES,
    Channel,
    Contact,
    LossReason,
    Order,
    OrderStatus,
    Payment,
    Product,
    Setting,
    Shipment,
    fold,
    utc_now,
)
from models.history import LOGGED_TABLES, TABLE_NAMES, ChangeEntry, ChangeOpen, ChangeRow
from models.lifecycle import AWAKE_SEGMENTS, ContactLifecycle, LifecycleDirty
from models.order_totals import OrderContactTotal, OrderMonthTotal
from models.origins import OrderOrigin
from models.people import (
    CHANNEL_LABELS,
    CONTACT_KINDS,
    ContactEmail,
    ContactPhone,
    ContactTag,
    Tag,
)
from models.stages import OrderStage
from models.stock import (
    ADJUSTMENT_KINDS,
    EXPENSE_CATEGORIES,
    CostSplit,
    Expense,
    Purchase,
    PurchaseLine,
    StockAdjustment,
    StockDirty,
)
from models.types import Money, MoneyPrecisionError, from_minor, to_minor

__all__ = [
    "ADJUSTMENT_KINDS",
    "AWAKE_SEGMENTS",
    "CHANNEL_LABELS",
    "CONTACT_KINDS",
    "DOCUMENT_KINDS",
    "EXPENSE_CATEGORIES",
    "FOLLOW_UP_STATES",
    "LOGGED_TABLES",
    "PAYMENT_METHODS",
    "STATUS_ROLES",
    "TABLE_NAMES",
    "Base",
    "ChangeEntry",
    "ChangeOpen",
    "ChangeRow",
    "Channel",
    "Contact",
    "ContactEmail",
    "ContactLifecycle",
    "ContactNote",
    "ContactPhone",
    "ContactReminder",
    "ContactTag",
    "CostSplit",
    "Document",
    "Expense",
    "FollowUp",
    "LifecycleDirty",
    "LossReason",
    "Money",
    "MoneyPrecisionError",
    "Order",
    "OrderContactTotal",
    "OrderMonthTotal",
    "OrderOrigin",
    "OrderStage",
    "OrderStatus",
    "Payment",
    "Product",
    "Purchase",
    "PurchaseLine",
    "Setting",
    "Shipment",
    "StockAdjustment",
    "StockDirty",
    "Tag",
    "Task",
    "fold",
    "from_minor",
    "to_minor",
    "utc_now",
]
