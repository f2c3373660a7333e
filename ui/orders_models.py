"""The order grid's table models: paged orders and group totals, both computed in SQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
)

from services.order_list import (
    GroupRow,
    OrderFilter,
    OrderQuery,
    OrderRow,
    iter_orders,
    list_orders,
    order_groups,
)
from services.report import LAST_30_DAYS, PRESETS, preset_period
from services.scoring import SLID
from services.storage import Database
from services.tables import Kind, Table, grid_table
from ui.formatting import Formatter
from ui.messages import QT_TRANSLATE_NOOP
from ui.tags import TAGS_ROLE
from ui.widgets import MONEY_SAMPLE, NEGATIVE, PHONE_SAMPLE, RIGHT

PAGE_SIZE = 200  # rows per fetchMore; read at call time so tests can make it small
ORDER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
GROUP_KEY_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class OrderColumn:
    """One column of the order grid. A new column is one more entry at the end of
    ORDER_COLUMNS (a remembered header layout matches columns by position), and its sort key
    in services.order_list (SORT_COLUMNS, or DEAL_SORTS for a score) unless it is not
    sortable: the headers, cells, alignment, sort, width and export all follow from it."""

    key: str  # its sort key in services.order_list.SORT_KEYS (when sortable)
    title: str  # English, marked for the "OrdersTableModel" context (QT_TRANSLATE_NOOP)
    kind: Kind  # how it is shown and exported; numbers are right-aligned
    value: Callable[[OrderRow], object]  # what the cell holds, and what an export writes
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


def _tags(row: OrderRow) -> str:
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
    OrderColumn("tags", QT_TRANSLATE_NOOP("OrdersTableModel", "Tags"), Kind.TEXT, _tags, 160,
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
GROUP, ORDERS, CANCELLED, G_AMOUNT, G_PROFIT, G_MARGIN, AVERAGE = range(7)
CUSTOM = "custom"
DAY = dt.timedelta(days=1)
_GROUP_KINDS = (
    Kind.TEXT, Kind.INTEGER, Kind.INTEGER, Kind.MONEY, Kind.MONEY, Kind.PERCENT, Kind.MONEY,
)  # fmt: skip
_NUMERIC = (Kind.INTEGER, Kind.MONEY, Kind.PERCENT)
_CENTER = Qt.AlignmentFlag.AlignCenter


def period_range(preset: str, today: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """The dates a period preset stands for; whole months and quarters, (None, None) for all
    (and for "custom": its dates come from the date fields)."""
    if preset not in (*PRESETS, LAST_30_DAYS):
        return None, None
    period = preset_period(preset, today)
    return period.start, period.end


def contact_label(name: str, phone: str | None) -> str:
    """`Игорь, +7 916 123-45-68`: two customers may share a name, never a phone."""
    shown = Formatter.phone(phone)
    return f"{name}, {shown}" if shown else name


class OrdersTableModel(QAbstractTableModel):
    """The orders fetched so far, page by page, in the order and filter the SQL gave them."""

    def __init__(
        self,
        database: Database,
        formatter: Formatter,
        parent=None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self._database, self._formatter = database, formatter
        self._today = today  # the day deals are scored for, asked at every query
        self._filter = OrderFilter()
        self._sort, self._descending = "date", True
        self._rows: list[OrderRow] = []
        self._total = 0
        self._headers = tuple(
            QCoreApplication.translate("OrdersTableModel", column.title) for column in ORDER_COLUMNS
        )
        self._tips = tuple(
            column.tip and QCoreApplication.translate("OrdersTableModel", column.tip)
            for column in ORDER_COLUMNS
        )
        self._rows, self._total = self._page(0, PAGE_SIZE)

    @property
    def total(self) -> int:
        """How many orders match the filter (not only the ones fetched)."""
        return self._total

    @property
    def sort_key(self) -> tuple[str, bool]:
        return self._sort, self._descending

    def order_filter(self) -> OrderFilter:
        return self._filter

    def order_id(self, row: int) -> int:
        return self._rows[row].id

    def order_row(self, row: int) -> OrderRow:
        return self._rows[row]

    def export_table(self) -> Table:
        """Every order under the current filter, in the current sort, not only those fetched."""
        database, total = self._database, self._total
        query = OrderQuery(self._filter, self._sort, self._descending, today=self._today())
        values = [column.value for column in ORDER_COLUMNS]
        kinds = [column.kind for column in ORDER_COLUMNS]

        def rows():
            for row in iter_orders(database, query):
                yield tuple(value(row) for value in values)

        return grid_table(self.tr("Orders"), self._headers, kinds, rows, total)

    def _page(self, offset: int, limit: int) -> tuple[list[OrderRow], int]:
        query = OrderQuery(self._filter, self._sort, self._descending, offset, limit, self._today())
        page = list_orders(self._database, query)
        return list(page.rows), page.total

    def _reset(self) -> None:
        self.beginResetModel()
        self._rows, self._total = self._page(0, PAGE_SIZE)
        self.endResetModel()

    def setFilter(self, flt: OrderFilter) -> None:
        self._filter = flt
        self._reset()

    def reload(self) -> None:
        """Re-read the rows fetched so far; selection and scroll stay when the orders stay put."""
        rows, total = self._page(0, max(len(self._rows), PAGE_SIZE))
        if [r.id for r in rows] != [r.id for r in self._rows]:
            self.beginResetModel()
            self._rows, self._total = rows, total
            self.endResetModel()
            return
        self._rows, self._total = rows, total
        if rows:
            last = self.index(len(rows) - 1, len(self._headers) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    # --- Qt model interface
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent=QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        rows, total = self._page(len(self._rows), PAGE_SIZE)
        if not rows:  # orders were deleted meanwhile: nothing more to fetch
            self._total = len(self._rows)
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self._rows.extend(rows)
        self._total = total
        self.endInsertRows()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(SORT_KEYS) or not ORDER_COLUMNS[column].sortable:
            return
        wanted = (SORT_KEYS[column], order == Qt.SortOrder.DescendingOrder)
        if wanted != (self._sort, self._descending):  # the header repeats the sort on setup
            self._sort, self._descending = wanted
            self._reset()

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                if ORDER_COLUMNS[section].key == "class":
                    return _CENTER
                return RIGHT if ORDER_COLUMNS[section].kind in _NUMERIC else None
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._tips[section]
            return None
        return super().headerData(section, orientation, role)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], ORDER_COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind in _NUMERIC:
            return RIGHT
        if role == Qt.ItemDataRole.TextAlignmentRole and column.key == "class":
            return _CENTER  # a letter under its header
        if role == Qt.ItemDataRole.ForegroundRole and column.negative is not None:
            return NEGATIVE if column.negative(row) else None
        if role == Qt.ItemDataRole.ToolTipRole and column.key == "balance" and row.balance < 0:
            text = self.tr("Refund due: %1") if row.cancelled else self.tr("Overpaid by %1")
            return text.replace("%1", self._formatter.money(-row.balance))
        if role == Qt.ItemDataRole.ToolTipRole and column.key == "class" and row.klass == SLID:
            return self.tr("Slid down: the deal had class A or B")
        if role == ORDER_ID_ROLE:
            return row.id
        if column.key == "tags" and role in (TAGS_ROLE, Qt.ItemDataRole.ToolTipRole):
            return row.tags if role == TAGS_ROLE else _tags(row) or None
        return None

    def _display(self, row: OrderRow, column: OrderColumn) -> str:
        f = self._formatter
        if column.shown is not None:
            return column.shown(f, row)
        value = column.value(row)
        if column.kind == Kind.MONEY:
            return f.money(value)
        if column.kind == Kind.PERCENT:
            return f.percent(value)
        if column.kind == Kind.DATE:
            return f.date(value)
        if column.kind == Kind.INTEGER:
            return f.integer(value)
        return "" if value is None else str(value)


# What each group column sorts by, in column order (a month's label is its YYYY-MM key).
_GROUP_VALUES = (
    lambda g: g.key if g.label == g.key else g.label.casefold(),
    lambda g: g.orders,
    lambda g: g.cancelled,
    lambda g: g.figures.amount,
    lambda g: g.figures.profit,
    lambda g: g.figures.margin,
    lambda g: g.average_check,
)


class GroupsTableModel(QAbstractTableModel):
    """Group totals from SQL; sorted here, because there are at most a few thousand groups."""

    def __init__(self, database: Database, formatter: Formatter, parent=None) -> None:
        super().__init__(parent)
        self._database, self._formatter = database, formatter
        self._groups: list[GroupRow] = []
        self.grouping = "contact"
        self._sort_column: int | None = None  # None: as the service gives them
        self._descending = True
        self._headers = (
            self.tr("Group"),
            self.tr("Orders"),
            self.tr("Cancelled"),
            self.tr("Amount"),
            self.tr("Profit"),
            self.tr("Margin"),
            self.tr("Average check"),
        )

    def load(self, grouping: str, flt: OrderFilter) -> None:
        self.beginResetModel()
        self.grouping = grouping
        self._groups = self._sorted(order_groups(self._database, grouping, flt))
        self.endResetModel()

    def export_table(self) -> Table:
        """The groups as listed, labelled as in the grid."""
        rows = [
            (
                self._display(g, GROUP),
                g.orders,
                g.cancelled,
                g.figures.amount,
                g.figures.profit,
                g.figures.margin,
                g.average_check,
            )
            for g in self._groups
        ]
        return grid_table(self.tr("Groups"), self._headers, _GROUP_KINDS, lambda: rows, len(rows))

    def group(self, row: int) -> GroupRow:
        return self._groups[row]

    def _sorted(self, groups: list[GroupRow]) -> list[GroupRow]:
        if self._sort_column is None:
            return groups
        value = _GROUP_VALUES[self._sort_column]
        present = [g for g in groups if value(g) is not None]
        missing = [g for g in groups if value(g) is None]  # "—" stays last either way
        present.sort(key=value, reverse=self._descending)
        return present + missing

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._headers):
            return
        self.beginResetModel()
        self._sort_column, self._descending = column, order == Qt.SortOrder.DescendingOrder
        self._groups = self._sorted(self._groups)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._groups)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section] if role == Qt.ItemDataRole.DisplayRole else None
        return super().headerData(section, orientation, role)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._groups):
            return None
        group, column = self._groups[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(group, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != GROUP:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column in (G_PROFIT, G_MARGIN):
            return NEGATIVE if group.figures.profit < 0 else None
        if role == GROUP_KEY_ROLE:
            return group.key
        return None

    def _display(self, group: GroupRow, column: int) -> str:
        f = self._formatter
        if column == GROUP:
            if self.grouping == "contact":
                return contact_label(group.label, group.phone)
            return group.label
        if column in (ORDERS, CANCELLED):
            return f.integer(group.orders if column == ORDERS else group.cancelled)
        value: Decimal | None = _GROUP_VALUES[column](group)
        return f.percent(value) if column == G_MARGIN else f.money(value)
