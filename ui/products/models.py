"""The Products section's table: each product's figures over a period and its stock."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCollator, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from services.figures import ProductFigures
from services.stock import StockLevel
from services.tables import Kind, Table, grid_table
from ui.formatting import Formatter
from ui.widgets.style import NEGATIVE, RIGHT
from ui.widgets.tables import MONEY_SAMPLE

NAME, SKU, PRICE, COST, ACTIVE, UNITS, REVENUE, PROFIT, MARGIN = range(9)
IN_STOCK, RESERVED, AVAILABLE, MINIMUM = range(9, 13)
PRODUCT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_KINDS = (
    Kind.TEXT, Kind.TEXT, Kind.MONEY, Kind.MONEY, Kind.BOOLEAN, Kind.INTEGER,
    Kind.MONEY, Kind.MONEY, Kind.PERCENT, Kind.INTEGER, Kind.INTEGER, Kind.INTEGER, Kind.INTEGER,
)  # fmt: skip
_STOCK = (IN_STOCK, RESERVED, AVAILABLE, MINIMUM)
_NUMERIC = (PRICE, COST, UNITS, REVENUE, PROFIT, MARGIN, *_STOCK)
SAMPLES: dict[int, str | int] = {  # each column's widest content, or its width in pixels
    NAME: 220, SKU: "WL-TR-03-XL", PRICE: MONEY_SAMPLE, COST: MONEY_SAMPLE, ACTIVE: "000",
    UNITS: "000 000", REVENUE: MONEY_SAMPLE, PROFIT: MONEY_SAMPLE, MARGIN: "100,0 %",
    IN_STOCK: "-00 000", RESERVED: "00 000", AVAILABLE: "-00 000", MINIMUM: "00 000",
}  # fmt: skip
# Shown when the person ticks them in the header's menu: the default price and cost gave their
# room to the stock (they are in the product's dialog); a window 1280 wide has all the rest whole.
HIDDEN_AT_FIRST = (PRICE, COST)
_INACTIVE = QColor("#808080")  # a retired product stays listed, greyed
_DISPLAY = Qt.ItemDataRole.DisplayRole


class ProductsModel(QAbstractTableModel):
    """The catalogue rows, sorted here: a few dozen products, already aggregated in SQL."""

    def __init__(self, formatter: Formatter, parent=None) -> None:
        super().__init__(parent)
        self._formatter = formatter
        self._rows: list[ProductFigures] = []
        self._levels: dict[int, StockLevel] = {}  # by product id; an untracked one has None
        self._sort: tuple[int, Qt.SortOrder] = (PROFIT, Qt.SortOrder.DescendingOrder)
        self._collator = QCollator(formatter.locale)
        self._collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._headers = (
            self.tr("Name"), self.tr("SKU"), self.tr("Default price"), self.tr("Default cost"),
            self.tr("Active"), self.tr("Units"), self.tr("Revenue"), self.tr("Profit"),
            self.tr("Margin"), self.tr("In stock"), self.tr("Reserved"), self.tr("Available"),
            self.tr("Min."),
        )  # fmt: skip

    def set_rows(self, rows: list[ProductFigures], levels: Iterable[StockLevel] = ()) -> None:
        """The figures of each product, and its stock (joined by product id)."""
        self.beginResetModel()
        self._levels = {level.product_id: level for level in levels}
        self._rows = self._sorted(rows)
        self.endResetModel()

    def level(self, product_id: int) -> StockLevel | None:
        return self._levels.get(product_id)

    def stock(self, row: ProductFigures, column: int) -> int | None:
        """The product's in stock, reserved, available or minimum; None when untracked
        (the minimum shows whenever it is set)."""
        level = self._levels.get(row.product_id)
        if level is None:
            return None
        if column == MINIMUM:
            return level.min_stock
        return {IN_STOCK: level.in_stock, RESERVED: level.reserved, AVAILABLE: level.available}[
            column
        ]

    def below_min(self, row: ProductFigures) -> bool:
        level = self._levels.get(row.product_id)
        return level is not None and level.below_min

    def export_table(self) -> Table:
        rows = [
            (
                r.name,
                r.sku,
                r.default_price,
                r.default_cost,
                r.active,
                r.units,
                r.figures.amount,
                r.figures.profit,
                r.figures.margin,
                *(self.stock(r, column) for column in _STOCK),
            )
            for r in self._rows
        ]
        return grid_table(self.tr("Products"), self._headers, _KINDS, lambda: rows, len(rows))

    def product_id(self, row: int) -> int:
        return self._rows[row].product_id

    def row_of(self, product_id: int) -> int | None:
        ids = [row.product_id for row in self._rows]
        return ids.index(product_id) if product_id in ids else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == _DISPLAY:
            return self._headers[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in _NUMERIC:
            return RIGHT
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == _DISPLAY:
            return self._display(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMERIC:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == PROFIT and row.figures.profit < 0:
                return NEGATIVE
            if column == AVAILABLE and self.below_min(row):
                return NEGATIVE
            return None if row.active else _INACTIVE
        if role == Qt.ItemDataRole.FontRole and column == AVAILABLE and self.below_min(row):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column in _STOCK:
            return self._stock_tip(row)
        if role == PRODUCT_ID_ROLE:
            return row.product_id
        return None

    def _display(self, row: ProductFigures, column: int) -> str:
        fmt, product, figures = self._formatter, row, row.figures
        values = {
            NAME: lambda: product.name,
            SKU: lambda: product.sku or "",
            PRICE: lambda: fmt.money(product.default_price),
            COST: lambda: fmt.money(product.default_cost),
            ACTIVE: lambda: self.tr("Yes") if product.active else self.tr("No"),
            UNITS: lambda: fmt.integer(row.units),
            REVENUE: lambda: fmt.money(figures.amount),
            PROFIT: lambda: fmt.money(figures.profit),
            MARGIN: lambda: fmt.percent(figures.margin),
        }
        if column in _STOCK:
            return fmt.integer(self.stock(row, column))  # untracked: empty, not 0
        return values[column]() if column in values else ""

    def _stock_tip(self, row: ProductFigures) -> str | None:
        level = self._levels.get(row.product_id)
        if level is None:
            return None
        if level.below_min:
            return self.tr("Below the minimum of %1").replace(
                "%1", self._formatter.integer(level.min_stock)
            )
        if not level.tracked:
            return self.tr("Stock is counted from the product's first purchase or adjustment")
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._headers):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._rows[index.row()].product_id for index in before]
        self._rows = self._sorted(self._rows)
        rows = {row.product_id: number for number, row in enumerate(self._rows)}
        after = [
            self.index(rows[pid], index.column()) for pid, index in zip(ids, before, strict=True)
        ]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _sorted(self, rows: list[ProductFigures]) -> list[ProductFigures]:
        column, order = self._sort
        descending = order == Qt.SortOrder.DescendingOrder
        by_name = sorted(rows, key=self._text_key(lambda r: r.name))
        if column in (NAME, SKU):
            text = (lambda r: r.name) if column == NAME else (lambda r: r.sku or "")
            return sorted(by_name, key=self._text_key(text), reverse=descending)
        key: Callable[[ProductFigures], Any] = _NUMBER_KEYS.get(column) or functools.partial(
            self.stock, column=column
        )
        # An empty margin or stock ("—") goes last either way; ties stay in name order.
        empty = [row for row in by_name if key(row) is None]
        full = sorted((row for row in by_name if key(row) is not None), key=key, reverse=descending)
        return full + empty

    def _text_key(self, text):
        """Names compared as the locale sorts them (Cyrillic too), not by code point."""
        compare = self._collator.compare
        return functools.cmp_to_key(lambda left, right: compare(text(left), text(right)))


# a figure's sort key: Decimal, int or bool (a margin None: sorted apart)
_NUMBER_KEYS: dict[int, Callable[[ProductFigures], Any]] = {
    PRICE: lambda r: r.default_price,
    COST: lambda r: r.default_cost,
    ACTIVE: lambda r: r.active,
    UNITS: lambda r: r.units,
    REVENUE: lambda r: r.figures.amount,
    PROFIT: lambda r: r.figures.profit,
    MARGIN: lambda r: r.figures.margin,
}
