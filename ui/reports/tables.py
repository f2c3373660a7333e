"""The Reports section's tables: one read-only look, and the room a table needs on the page."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QTableView, QTableWidget

from ui.widgets.tables import read_only_rows, rows_height

TOP_ROWS = 10  # a top list (period_report's top) is tall enough to show them all
NAME_WIDTH = 180  # the least width of a name column, beside the figures
COUNT_SAMPLE = "000 000"  # the widest count a column is made to show whole


def look_read_only(table: QTableView) -> None:
    """Whole rows chosen one at a time, nothing edited, rows as tall as their text, striped."""
    read_only_rows(table)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setStretchLastSection(False)


def item_table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    look_read_only(table)
    return table


def model_table(model: QAbstractItemModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    look_read_only(table)
    return table


def least_width(
    table: QTableView, widths: list[int], name: int | None = NAME_WIDTH, column: int = 0
) -> int:
    """The width the table needs: its columns as fitted (the name `column` at `name`, when
    given), its frame and a vertical scroll bar."""
    named = widths[column] if name is None else name
    scroll = table.verticalScrollBar().sizeHint().width()
    return sum(widths) - widths[column] + named + scroll + 2 * table.frameWidth()


def fit_rows(table: QTableView, rows: int, most: int = TOP_ROWS) -> None:
    """As tall as its rows, up to `most` of them (more scroll inside the table)."""
    table.setFixedHeight(rows_height(table, max(1, min(rows, most))))
