"""What an import reads: the sheets of a file, with their headers and numbered rows."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

# A cell as read: str, int, Decimal (never float: XLSX numbers arrive as Decimal of their
# 15 significant digits, as Excel shows them),
# datetime.date / datetime.datetime, bool, or None for an empty cell. CSV cells are str.
Cell = object


@dataclass(frozen=True)
class SourceSheet:
    """One sheet of a workbook, or one CSV file.

    `rows()` may be called more than once (a preview, then the import); each call reads the
    file again and yields (row number as the spreadsheet shows it, the cells). The header is
    the first row among the first few with enough filled cells (a title above it is left
    out); data rows follow it; empty rows are skipped. Every row has exactly len(headers)
    cells (padded with None, or cut).
    """

    name: str  # the sheet's name, or the CSV file's stem
    headers: tuple[str, ...]  # stripped header texts, as written
    rows: Callable[[], Iterator[tuple[int, tuple[Cell, ...]]]]
    total: int | None = None  # data rows, when known cheaply (for a progress bar)
