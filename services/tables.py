"""Tables to export: typed columns and lazily produced rows, shared by the XLSX and CSV writers."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    """What a column holds; the writers format and type cells by it."""

    TEXT = "text"  # str; neutralised against formula injection
    INTEGER = "integer"  # int
    MONEY = "money"  # Decimal, shown with 2 decimals (and the currency in XLSX)
    PERCENT = "percent"  # Decimal fraction: 0.25 is 25 %
    DATE = "date"  # datetime.date
    DATETIME = "datetime"  # datetime.datetime (naive, local time)
    BOOLEAN = "boolean"  # bool


@dataclass(frozen=True)
class Column:
    header: str
    kind: Kind = Kind.TEXT


Row = Sequence[object]  # one value per column; None is an empty cell


@dataclass(frozen=True)
class Table:
    """One sheet of a workbook, or one CSV file.

    `rows` is called once, in the thread that writes the file: it may run SQL, but must not
    touch a widget. `total` is the number of rows expected, for a progress bar (None: unknown).
    """

    name: str  # the sheet's name; the CSV file's stem
    columns: tuple[Column, ...]
    rows: Callable[[], Iterable[Row]]
    total: int | None = None


# Progress(done, total) is called every few hundred rows; it may raise errors.Cancelled.
Progress = Callable[[int, int | None], None]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def grid_table(
    name: str,
    headers: Sequence[str],
    kinds: Sequence[Kind],
    rows: Callable[[], Iterable[Row]],
    total: int | None = None,
) -> Table:
    """A table from a grid's (translated) headers and the kind of each of its columns."""
    columns = tuple(Column(h, k) for h, k in zip(headers, kinds, strict=True))
    return Table(name, columns, rows, total)
