"""Tables of records: read-only rows, columns as wide as their title (Russian titles run long)
and their widest content, the height that shows a number of rows; and a text's width."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from models.roles import OWNER

if TYPE_CHECKING:
    from services.storage import Database

MONEY_SAMPLE = "00 000 000,00 ₽"  # the widest sum a column of money is made to show whole
PHONE_SAMPLE = "+7 999 999-99-99"
_HEADER_PADDING = 28  # the header's margins and its sort arrow
_CELL_PADDING = 16


def text_width(widget: QWidget, *texts: str) -> int:
    """The widest of the texts in the widget's font, in pixels."""
    metrics = widget.fontMetrics()
    return max((metrics.horizontalAdvance(text) for text in texts), default=0)


def fit_columns(
    view: QTableView, samples: Mapping[int, str | int], stretch: int | None = None
) -> list[int]:
    """Each column as wide as its header's title (Russian titles run long) and as its widest
    expected content: a sample text ("00 000 000,00 ₽") or a width in pixels. The `stretch`
    column (a name, a title) takes the room left, so it is cut last. Returns the widths."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    model = view.model()
    widths = []
    for column in range(model.columnCount()):
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        width = header.fontMetrics().horizontalAdvance(title) + _HEADER_PADDING
        sample = samples.get(column, "")
        if isinstance(sample, int):
            width = max(width, sample)
        else:
            width = max(width, text_width(view, sample) + _CELL_PADDING)
        header.resizeSection(column, width)
        widths.append(width)
    if stretch is not None:
        stretch_column(view, stretch)
    return widths


def stretch_column(view: QTableView, column: int) -> None:
    """The column takes the room the others leave (again after a remembered header state
    was restored: an older one kept every column at a fixed width)."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)


def read_only_rows(view: QTableView) -> None:
    """A list of records: whole rows chosen one at a time, nothing edited in place, one line
    per row as tall as its text, no row numbers."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)


def rows_height(view: QTableView, rows: int) -> int:
    """The height a table needs to show `rows` rows under its header, without a scroll bar."""
    header = view.horizontalHeader()
    header_height = header.sizeHint().height() if not header.isHidden() else 0
    row = view.verticalHeader().defaultSectionSize()
    return header_height + row * rows + 2 * view.frameWidth()


def closed_columns(database: Database, columns: Iterable[int]) -> tuple[int, ...]:
    """Of a grid's `columns` of costs and what follows from them (profit, margin), those the
    connected person's role does not read (models/roles.py): all of them for a manager or a
    viewer on a server, whose database gives them as empty; none for the owner."""
    return () if database.role == OWNER else tuple(columns)


def hide_columns(view: QTableView, columns: Iterable[int]) -> None:
    """Hide `columns` whatever a remembered layout says."""
    header = view.horizontalHeader()
    for column in columns:
        header.setSectionHidden(column, True)
