"""The section's two grids: purchases and expenses, newest first, sorted here by a click on a
header (a few thousand rows, already totalled in SQL by the services)."""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QCollator, QModelIndex, QPersistentModelIndex, Qt

from services.expenses import ExpenseView
from services.purchases import PurchaseRow
from services.tables import Kind, Table, grid_table
from ui.formatting import Formatter
from ui.purchases.names import category_name
from ui.widgets.rows import RowsModel
from ui.widgets.tables import MONEY_SAMPLE

# the purchases grid
DATE, SUPPLIER, DOCUMENT, PRODUCTS, UNITS, TOTAL, COMMENT = range(7)
# the expenses grid
E_DATE, E_CATEGORY, E_CHANNEL, E_AMOUNT, E_COMMENT = range(5)

PURCHASE_SAMPLES: dict[int, str | int] = {
    DATE: "00.00.0000", SUPPLIER: 260, DOCUMENT: "УПД-000000", PRODUCTS: 260,
    UNITS: "000 000", TOTAL: MONEY_SAMPLE, COMMENT: 140,
}  # fmt: skip
EXPENSE_SAMPLES: dict[int, str | int] = {
    E_DATE: "00.00.0000", E_CATEGORY: "Packaging", E_CHANNEL: 160, E_AMOUNT: MONEY_SAMPLE,
    E_COMMENT: 200,
}  # fmt: skip
_PURCHASE_KINDS = (
    Kind.DATE, Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.INTEGER, Kind.MONEY, Kind.TEXT,
)  # fmt: skip
_EXPENSE_KINDS = (Kind.DATE, Kind.TEXT, Kind.TEXT, Kind.MONEY, Kind.TEXT)


class SortedRows(RowsModel):
    """Rows of frozen views, sorted on a header's click by each column's value: text as the
    locale sorts it, empty cells last either way; equal values keep the newest first."""

    TEXTS: tuple[int, ...] = ()  # columns compared as text; the others by their value
    TIPS: tuple[int, ...] = ()  # columns whose whole text shows as a tooltip

    def __init__(self, formatter: Formatter, headers: tuple[str, ...], parent=None) -> None:
        super().__init__(formatter, headers, parent)
        self._newest: list = []  # the rows as the service gave them
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._collator = QCollator(formatter.locale)
        self._collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def value(self, item, column: int):
        """What the column sorts by (None sorts last)."""
        raise NotImplementedError

    def export_table(self) -> Table:
        """The rows as an export writes them."""
        raise NotImplementedError

    def tip(self, item, column: int) -> str | None:
        """The whole text of a cell the grid may cut (a list of products, a comment)."""
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and index.column() in self.TIPS
            and 0 <= index.row() < len(self._rows)
        ):
            return self.tip(self._rows[index.row()], index.column()) or None
        return super().data(index, role)

    def item_id(self, row: int) -> int:
        return self.item(row).id

    def row_of(self, item_id: int) -> int | None:
        return next((n for n, item in enumerate(self._rows) if item.id == item_id), None)

    def set_rows(self, rows: list) -> None:
        self._newest = list(rows)
        super().set_rows(self._sorted(self._newest))

    def export_rows(self) -> list:
        return list(self._rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < self.columnCount():
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._rows[index.row()].id for index in before]
        self._rows = self._sorted(self._newest)
        self._texts = {}  # each row's cells, written again in their new places
        rows = {item.id: number for number, item in enumerate(self._rows)}
        after = [self.index(rows[i], index.column()) for i, index in zip(ids, before, strict=True)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _sorted(self, rows: list) -> list:
        if self._sort is None:
            return list(rows)
        column, order = self._sort
        descending = order == Qt.SortOrder.DescendingOrder
        value = functools.partial(self.value, column=column)
        empty = [item for item in rows if value(item) in (None, "")]
        full = [item for item in rows if value(item) not in (None, "")]
        key: Callable = value
        if column in self.TEXTS:
            compare = self._collator.compare
            key = functools.cmp_to_key(lambda left, right: compare(value(left), value(right)))
        return sorted(full, key=key, reverse=descending) + empty


class PurchasesModel(SortedRows):
    NUMBERS = (UNITS, TOTAL)
    TEXTS = (SUPPLIER, DOCUMENT, PRODUCTS, COMMENT)
    TIPS = (PRODUCTS, COMMENT)

    def __init__(self, formatter: Formatter, parent=None) -> None:
        super().__init__(formatter, (), parent)
        self._headers = (
            self.tr("Date"), self.tr("Supplier"), self.tr("Document"), self.tr("Products"),
            self.tr("Units"), self.tr("Total"), self.tr("Comment"),
        )  # fmt: skip

    def cells(self, item: PurchaseRow) -> tuple[str, ...]:
        fmt = self._formatter
        return (
            fmt.date(item.date),
            item.supplier or "",
            item.document or "",
            _one_line(item.products.replace(",", ", ")),
            fmt.integer(item.units),
            fmt.money(item.total),
            _one_line(item.comment or ""),
        )

    def value(self, item: PurchaseRow, column: int):
        return (
            item.date, item.supplier, item.document, item.products, item.units, item.total,
            item.comment,
        )[column]  # fmt: skip

    def export_table(self) -> Table:
        rows = [
            (r.date, r.supplier, r.document, r.products.replace(",", ", "), r.units, r.total,
             r.comment)
            for r in self._rows
        ]  # fmt: skip
        return grid_table(self.tr("Purchases"), self._headers, _PURCHASE_KINDS, lambda: rows)

    def tip(self, item: PurchaseRow, column: int) -> str | None:
        return item.products.replace(",", ", ") if column == PRODUCTS else item.comment


class ExpensesModel(SortedRows):
    NUMBERS = (E_AMOUNT,)
    TEXTS = (E_CATEGORY, E_CHANNEL, E_COMMENT)
    TIPS = (E_COMMENT,)

    def __init__(self, formatter: Formatter, parent=None) -> None:
        super().__init__(formatter, (), parent)
        self._headers = (
            self.tr("Date"), self.tr("Category"), self.tr("Channel"), self.tr("Amount"),
            self.tr("Comment"),
        )  # fmt: skip

    def cells(self, item: ExpenseView) -> tuple[str, ...]:
        fmt = self._formatter
        return (
            fmt.date(item.date),
            category_name(item.category),
            item.channel or "",
            fmt.money(item.amount),
            _one_line(item.comment or ""),
        )

    def value(self, item: ExpenseView, column: int):
        return (
            item.date, category_name(item.category), item.channel, item.amount, item.comment,
        )[column]  # fmt: skip

    def export_table(self) -> Table:
        rows = [
            (r.date, category_name(r.category), r.channel, r.amount, r.comment) for r in self._rows
        ]
        return grid_table(self.tr("Expenses"), self._headers, _EXPENSE_KINDS, lambda: rows)

    def tip(self, item: ExpenseView, column: int) -> str | None:
        return item.comment


def _one_line(text: str) -> str:
    """A comment of several lines, on the grid's one line."""
    return " ".join(text.split())
