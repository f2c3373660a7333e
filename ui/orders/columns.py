"""The order grid's columns, one entry each: its title, kind, value, width and sort follow
from it (the grid's model, its header, its export and its widths read them)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from services.order_list import OrderRow
from services.tables import Kind
from ui.formatting import Formatter
from ui.messages import QT_TRANSLATE_NOOP
from ui.widgets.tables import MONEY_SAMPLE, PHONE_SAMPLE


@dataclass(frozen=True)
class OrderColumn:
    """One column of the order grid. A new column is one more entry at the end of
    ORDER_COLUMNS (a remembered header layout matches columns by position), and its sort key
    in services.order_list (SORT_COLUMNS, or DEAL_SORTS for a score) unless it is not
    sortable: the headers, cells, alignment, sort, width and export all follow from it."""

    key: str  # its sort key in services.order_list.SORT_KEYS (when sortable)
    title: str  # English, marked for the "OrdersTableModel" context (QT_TRANSLATE_NOOP)
    kind: Kind  # how it is shown and exported; numbers are right-aligned
    # what the cell holds, and what an export writes: a Decimal, date, int… as `kind` says
    value: Callable[[OrderRow], Any]
    sample: str | int  # its widest content, or a width in pixels (the view sizes it so)
    negative: Callable[[OrderRow], bool] | None = None  # when it is shown red (a loss)
    shown: Callable[[Formatter, OrderRow], str] | None = None  # its own way to show the row's
    # Shown until the person chooses (the header's menu); at 1280 pixels a grid of every
    # column would leave the contact's name no room.
    shown_by_default: bool = True
    tip: str | None = None  # the header's tooltip, English, marked like the title
    sortable: bool = True


def _loss(row: OrderRow) -> bool:
    return row.figures.profit < 0


def _fraction(points: int | None) -> Decimal | None:
    """A probability in whole percent as the fraction an export's percent cell holds."""
    return None if points is None else Decimal(points) / 100


def _probability(f: Formatter, row: OrderRow) -> str:
    return "" if row.probability is None else f.percent_points(row.probability)


def _value(f: Formatter, row: OrderRow) -> str:
    return "" if row.value is None else f.money(row.value)


def tag_names(row: OrderRow) -> str:
    return ", ".join(tag.name for tag in row.tags)


ORDER_COLUMNS: tuple[OrderColumn, ...] = (
    # a number the customer is told, not a quantity: no grouping
    OrderColumn("number", QT_TRANSLATE_NOOP("OrdersTableModel", "No."), Kind.INTEGER,
                lambda r: r.id, "000 000", shown=lambda f, r: str(r.id)),
    OrderColumn("date", QT_TRANSLATE_NOOP("OrdersTableModel", "Date"), Kind.DATE,
                lambda r: r.date, "00.00.0000"),
    OrderColumn("contact", QT_TRANSLATE_NOOP("OrdersTableModel", "Contact"), Kind.TEXT,
                lambda r: r.contact_name, 200),
    OrderColumn("phone", QT_TRANSLATE_NOOP("OrdersTableModel", "Phone"), Kind.TEXT,
                lambda r: Formatter.phone(r.contact_phone), PHONE_SAMPLE),
    OrderColumn("status", QT_TRANSLATE_NOOP("OrdersTableModel", "Status"), Kind.TEXT,
                lambda r: r.status, 90),
    OrderColumn("lines", QT_TRANSLATE_NOOP("OrdersTableModel", "Lines"), Kind.INTEGER,
                lambda r: r.line_count, "000"),
    OrderColumn("amount", QT_TRANSLATE_NOOP("OrdersTableModel", "Amount"), Kind.MONEY,
                lambda r: r.figures.amount, MONEY_SAMPLE),
    # the amount less the profit: hidden until chosen, to leave the class and the contact's
    # name their room at 1280 pixels (the profit and the margin say what it costs)
    OrderColumn("cost", QT_TRANSLATE_NOOP("OrdersTableModel", "Cost"), Kind.MONEY,
                lambda r: r.figures.cost, MONEY_SAMPLE, shown_by_default=False),
    OrderColumn("profit", QT_TRANSLATE_NOOP("OrdersTableModel", "Profit"), Kind.MONEY,
                lambda r: r.figures.profit, MONEY_SAMPLE, _loss),
    OrderColumn("margin", QT_TRANSLATE_NOOP("OrdersTableModel", "Margin"), Kind.PERCENT,
                lambda r: r.figures.margin, "-100,0 %", _loss),
    # the amount less the balance: hidden until chosen, the balance says what matters
    OrderColumn("paid", QT_TRANSLATE_NOOP("OrdersTableModel", "Paid"), Kind.MONEY,
                lambda r: r.paid, MONEY_SAMPLE, shown_by_default=False),
    # what is still owed; negative is money to give back (overpaid, or paid and cancelled)
    OrderColumn("balance", QT_TRANSLATE_NOOP("OrdersTableModel", "Balance"), Kind.MONEY,
                lambda r: r.balance, MONEY_SAMPLE, lambda r: r.balance < 0),
    # A deal's score (services.scoring), empty for a won order; a lost one is class F. The
    # class says it in a letter; the probability and the value are there to choose.
    OrderColumn("probability", QT_TRANSLATE_NOOP("OrdersTableModel", "Probability"),
                Kind.PERCENT, lambda r: _fraction(r.probability), "100 %", shown=_probability,
                shown_by_default=False,
                tip=QT_TRANSLATE_NOOP("OrdersTableModel",
                                      "The chance an open deal is won: the default, plus its "
                                      "status's, its channel's and its age's modifiers")),
    OrderColumn("value", QT_TRANSLATE_NOOP("OrdersTableModel", "Value"), Kind.MONEY,
                lambda r: r.value, MONEY_SAMPLE, shown=_value, shown_by_default=False,
                tip=QT_TRANSLATE_NOOP("OrdersTableModel",
                                      "Probability × amount (or the expected amount while the "
                                      "order has no lines): the deal's part of the forecast")),
    OrderColumn("class", QT_TRANSLATE_NOOP("OrdersTableModel", "Class"), Kind.TEXT,
                lambda r: r.klass, "C2",
                tip=QT_TRANSLATE_NOOP("OrdersTableModel",
                                      "A to E by the deal's value; C2: slid down from A or B; "
                                      "F: lost")),
    # The customer's tags, drawn as chips (ui.tags.TagDelegate), exported as their names.
    # Hidden until chosen: at 1280 pixels it would leave the contact's name no room.
    OrderColumn("tags", QT_TRANSLATE_NOOP("OrdersTableModel", "Tags"), Kind.TEXT, tag_names, 160,
                sortable=False, shown_by_default=False,
                tip=QT_TRANSLATE_NOOP("OrdersTableModel", "The customer's tags")),
)  # fmt: skip
_COLUMN_OF = {column.key: index for index, column in enumerate(ORDER_COLUMNS)}
NUMBER, DATE, CONTACT, PHONE, STATUS, LINES = (
    _COLUMN_OF[key] for key in ("number", "date", "contact", "phone", "status", "lines")
)
AMOUNT, COST, PROFIT, MARGIN, PAID, BALANCE = (
    _COLUMN_OF[key] for key in ("amount", "cost", "profit", "margin", "paid", "balance")
)
PROBABILITY, VALUE, CLASS = (_COLUMN_OF[key] for key in ("probability", "value", "class"))
TAGS = _COLUMN_OF["tags"]
# order_list.SORT_KEYS key of each grid column, in column order (a column not sortable: its key)
SORT_KEYS = tuple(column.key for column in ORDER_COLUMNS)
