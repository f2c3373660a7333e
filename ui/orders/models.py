"""The order grid's table models: orders and group totals, both paged and sorted in SQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
)

from services.order_list import (
    GROUP_PAGE,
    GROUP_SORTS,
    GroupQuery,
    GroupRow,
    OrderFilter,
    OrderQuery,
    OrderRow,
    iter_orders,
    list_groups,
    list_orders,
)
from services.scoring import SLID
from services.storage import Database
from services.tables import Kind, Table, grid_table
from ui.formatting import Formatter, contact_label
from ui.orders.columns import ORDER_COLUMNS, SORT_KEYS, OrderColumn, tag_names
from ui.tags import TAGS_ROLE
from ui.widgets.style import NEGATIVE, RIGHT

PAGE_SIZE = 200  # rows per fetchMore; read at call time so tests can make it small
GROUP_PAGE_SIZE = GROUP_PAGE  # groups per fetchMore, the same
ORDER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
GROUP_KEY_ROLE = Qt.ItemDataRole.UserRole + 2
GROUP, ORDERS, CANCELLED, G_AMOUNT, G_PROFIT, G_MARGIN, AVERAGE = range(7)
_GROUP_KINDS = (
    Kind.TEXT, Kind.INTEGER, Kind.INTEGER, Kind.MONEY, Kind.MONEY, Kind.PERCENT, Kind.MONEY,
)  # fmt: skip
_NUMERIC = (Kind.INTEGER, Kind.MONEY, Kind.PERCENT)
_CENTER = Qt.AlignmentFlag.AlignCenter


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
            return row.tags if role == TAGS_ROLE else tag_names(row) or None
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


# What each group column shows, in column order (a month's label is its YYYY-MM key).
_GROUP_VALUES = (
    lambda g: g.label,
    lambda g: g.orders,
    lambda g: g.cancelled,
    lambda g: g.figures.amount,
    lambda g: g.figures.profit,
    lambda g: g.figures.margin,
    lambda g: g.average_check,
)


class GroupsTableModel(QAbstractTableModel):
    """Group totals fetched so far, page by page, sorted and counted in SQL: a year by contact
    is some 35 000 groups (services.order_list.list_groups)."""

    def __init__(self, database: Database, formatter: Formatter, parent=None) -> None:
        super().__init__(parent)
        self._database, self._formatter = database, formatter
        self._groups: list[GroupRow] = []
        self._total = 0
        self.grouping = "contact"
        self._filter: OrderFilter | None = None  # None: not loaded yet
        self._sort_column, self._descending = G_PROFIT, True
        self._headers = (
            self.tr("Group"),
            self.tr("Orders"),
            self.tr("Cancelled"),
            self.tr("Amount"),
            self.tr("Profit"),
            self.tr("Margin"),
            self.tr("Average check"),
        )

    @property
    def total(self) -> int:
        """How many groups there are (not only the ones fetched)."""
        return self._total

    @property
    def sort_key(self) -> tuple[str, bool]:
        return GROUP_SORTS[self._sort_column], self._descending

    def load(self, grouping: str, flt: OrderFilter, sort: tuple[int, bool] | None = None) -> None:
        """The first page of the groups; `sort` (column, descending) with them, else as now."""
        self.grouping, self._filter = grouping, flt
        if sort is not None:
            self._sort_column, self._descending = sort
        self._reset()

    def _query(self, offset: int, limit: int | None) -> GroupQuery:
        assert self._filter is not None, "loaded first"
        sort = GROUP_SORTS[self._sort_column]
        return GroupQuery(self.grouping, self._filter, sort, self._descending, offset, limit)

    def _reset(self) -> None:
        self.beginResetModel()
        page = list_groups(self._database, self._query(0, GROUP_PAGE_SIZE))
        self._groups, self._total = page.rows, page.total
        self.endResetModel()

    def export_table(self) -> Table:
        """Every group in the grid's sort, not only those fetched, labelled as in the grid."""
        if self._filter is None:
            return grid_table(self.tr("Groups"), self._headers, _GROUP_KINDS, lambda: (), 0)
        # read in the export's thread: what it needs, taken now
        database, query, by_contact = self._database, self._query(0, None), self._by_contact

        def rows():
            for g in list_groups(database, query).rows:
                yield (
                    contact_label(g.label, g.phone) if by_contact else g.label,
                    g.orders,
                    g.cancelled,
                    g.figures.amount,
                    g.figures.profit,
                    g.figures.margin,
                    g.average_check,
                )

        return grid_table(self.tr("Groups"), self._headers, _GROUP_KINDS, rows, self._total)

    def group(self, row: int) -> GroupRow:
        return self._groups[row]

    @property
    def _by_contact(self) -> bool:  # a contact's name shows its phone: two may share a name
        return self.grouping == "contact"

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._headers):
            return
        wanted = (column, order == Qt.SortOrder.DescendingOrder)
        if wanted == (self._sort_column, self._descending):  # the header repeats it on setup
            return
        self._sort_column, self._descending = wanted
        if self._filter is not None:
            self._reset()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._groups)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and len(self._groups) < self._total

    def fetchMore(self, parent=QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        page = list_groups(self._database, self._query(len(self._groups), GROUP_PAGE_SIZE))
        if not page.rows:  # groups went meanwhile: nothing more to fetch
            self._total = len(self._groups)
            return
        start = len(self._groups)
        self.beginInsertRows(QModelIndex(), start, start + len(page.rows) - 1)
        self._groups.extend(page.rows)
        self._total = page.total
        self.endInsertRows()

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
            return contact_label(group.label, group.phone) if self._by_contact else group.label
        if column in (ORDERS, CANCELLED):
            return f.integer(group.orders if column == ORDERS else group.cancelled)
        value: Decimal | None = _GROUP_VALUES[column](group)
        return f.percent(value) if column == G_MARGIN else f.money(value)
