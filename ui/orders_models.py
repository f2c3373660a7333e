"""The order grid's table models: paged orders and group totals, both computed in SQL."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import (
    QAbstractTableModel,
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
from services.report import PRESETS, preset_period
from services.storage import Database
from services.tables import Kind, Table, grid_table
from ui.formatting import Formatter
from ui.widgets import NEGATIVE, RIGHT

PAGE_SIZE = 200  # rows per fetchMore; read at call time so tests can make it small
ORDER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
GROUP_KEY_ROLE = Qt.ItemDataRole.UserRole + 2
NUMBER, DATE, CONTACT, PHONE, STATUS, LINES, AMOUNT, COST, PROFIT, MARGIN = range(10)
# order_list.SORT_COLUMNS key of each grid column, in column order
SORT_KEYS = (
    "number",
    "date",
    "contact",
    "phone",
    "status",
    "lines",
    "amount",
    "cost",
    "profit",
    "margin",
)
GROUP, ORDERS, CANCELLED, G_AMOUNT, G_PROFIT, G_MARGIN, AVERAGE = range(7)
CUSTOM = "custom"
DAY = dt.timedelta(days=1)
_ORDER_KINDS = (
    Kind.INTEGER, Kind.DATE, Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.INTEGER,
    Kind.MONEY, Kind.MONEY, Kind.MONEY, Kind.PERCENT,
)  # fmt: skip
_GROUP_KINDS = (
    Kind.TEXT, Kind.INTEGER, Kind.INTEGER, Kind.MONEY, Kind.MONEY, Kind.PERCENT, Kind.MONEY,
)  # fmt: skip
_NUMERIC = (NUMBER, LINES, AMOUNT, COST, PROFIT, MARGIN)
_MONEY = {AMOUNT: "amount", COST: "cost", PROFIT: "profit"}


def period_range(preset: str, today: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """The dates a period preset stands for; whole months and quarters, (None, None) for all
    (and for "custom": its dates come from the date fields)."""
    if preset not in PRESETS:
        return None, None
    period = preset_period(preset, today)
    return period.start, period.end


def contact_label(name: str, phone: str | None) -> str:
    """`Игорь, +7 916 123-45-68`: two customers may share a name, never a phone."""
    shown = Formatter.phone(phone)
    return f"{name}, {shown}" if shown else name


class OrdersTableModel(QAbstractTableModel):
    """The orders fetched so far, page by page, in the order and filter the SQL gave them."""

    def __init__(self, database: Database, formatter: Formatter, parent=None) -> None:
        super().__init__(parent)
        self._database, self._formatter = database, formatter
        self._filter = OrderFilter()
        self._sort, self._descending = "date", True
        self._rows: list[OrderRow] = []
        self._total = 0
        self._headers = (
            self.tr("No."),
            self.tr("Date"),
            self.tr("Contact"),
            self.tr("Phone"),
            self.tr("Status"),
            self.tr("Lines"),
            self.tr("Amount"),
            self.tr("Cost"),
            self.tr("Profit"),
            self.tr("Margin"),
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
        query = OrderQuery(self._filter, self._sort, self._descending)

        def rows():
            for row in iter_orders(database, query):
                figures = row.figures
                yield (
                    row.id, row.date, row.contact_name, Formatter.phone(row.contact_phone),
                    row.status, row.line_count, figures.amount, figures.cost, figures.profit,
                    figures.margin,
                )  # fmt: skip

        return grid_table(self.tr("Orders"), self._headers, _ORDER_KINDS, rows, total)

    def _page(self, offset: int, limit: int) -> tuple[list[OrderRow], int]:
        query = OrderQuery(self._filter, self._sort, self._descending, offset, limit)
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
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: B008
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
        if not 0 <= column < len(SORT_KEYS):
            return
        wanted = (SORT_KEYS[column], order == Qt.SortOrder.DescendingOrder)
        if wanted != (self._sort, self._descending):  # the header repeats the sort on setup
            self._sort, self._descending = wanted
            self._reset()

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section]
            if role == Qt.ItemDataRole.TextAlignmentRole and section in _NUMERIC:
                return RIGHT
            return None
        return super().headerData(section, orientation, role)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMERIC:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column in (PROFIT, MARGIN):
            return NEGATIVE if row.figures.profit < 0 else None
        if role == ORDER_ID_ROLE:
            return row.id
        return None

    def _display(self, row: OrderRow, column: int) -> str:
        f = self._formatter
        if column in _MONEY:
            return f.money(getattr(row.figures, _MONEY[column]))
        if column == MARGIN:
            return f.percent(row.figures.margin)
        if column == NUMBER:
            return str(row.id)  # a number the customer is told, not a quantity: no grouping
        if column == DATE:
            return f.date(row.date)
        if column == PHONE:
            return f.phone(row.contact_phone)
        if column == LINES:
            return f.integer(row.line_count)
        return row.contact_name if column == CONTACT else row.status


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

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._groups)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
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
