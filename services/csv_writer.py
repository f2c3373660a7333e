"""Write typed tables as CSV files in a spreadsheet's dialect: atomic, formula-safe, UTF-8 BOM.

Values by column kind, chosen so that Excel and LibreOffice open them as the right type in any
locale and our import reads them back exactly:

- TEXT: as it is, control characters too, but neutralised: a leading ' when it starts with
  = + - @ tab or CR (the OWASP advice), and also when it starts with apostrophes followed by
  one of those, so that the import (services.importing.csv_reader), which takes off one
  apostrophe from such text, gives back the text as stored ("'=x" is written "''=x").
  NUL, which ends a field for some readers and makes ours take the file for binary, is
  written as Excel's escape "_x0000_"; a literal "_x0000_" or "_x005F_" in the text (or a
  "_x0000"/"_x005F" before a NUL) gets its "_" escaped as "_x005F_" (see csv_reader).
- MONEY: a plain number with 2 decimals and the dialect's decimal mark, no group separators,
  a '-' for negatives ("-150,00"). Numbers are never neutralised: they stay numbers.
- PERCENT: the fraction with 4 decimals ("0,2500" is 25 %). "25%" or "25,0" would be
  ambiguous or read as text (LibreOffice takes "25%" as a number only with "detect special
  numbers" on), while a plain fraction reads as a number everywhere and round-trips exactly
  to the 0.01 % the app shows.
- INTEGER: digits. DATE: ISO "YYYY-MM-DD", DATETIME: "YYYY-MM-DD HH:MM:SS" (both programs
  take ISO dates as dates whatever the locale). BOOLEAN: 1 or 0. None: an empty field.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from services.files import atomic_write, atomic_writes
from services.tables import FORMULA_STARTS, Kind, Progress, Table

PROGRESS_EVERY = 500
_CENT = Decimal("0.01")
_BASIS_POINT = Decimal("0.0001")
# The escapes of the module's docstring, in the grammar csv_reader decodes.
_LITERAL = re.compile("_(?=x(?:0000|005[Ff])[_\x00])")


@dataclass(frozen=True)
class CsvDialect:
    key: str  # stored in settings
    label: str  # shown to the person (translated by the UI)
    delimiter: str
    decimal: str  # the decimal mark of numbers


DIALECTS = {
    "excel-ru": CsvDialect("excel-ru", "Excel (Russian)", ";", ","),
    "standard": CsvDialect("standard", "Standard", ",", "."),
}


def write_csv(
    path: Path, table: Table, dialect: CsvDialect, progress: Progress | None = None
) -> int:
    """Write `table` to `path`; return the data rows written. The file appears only when
    complete: an error or errors.Cancelled from `progress` leaves what was there untouched."""
    with atomic_write(path) as partial:
        return _write(partial, table, dialect, _Counter(progress, table.total))


def write_csv_files(
    folder: Path, tables: Sequence[Table], dialect: CsvDialect, progress: Progress | None = None
) -> list[Path]:
    """Write each table to `<folder>/<name lowercased>.csv` (contacts.csv, orders.csv, ...).

    All or nothing as far as a file system allows: every file is written to a temporary name
    first and renamed only when all are complete; an error or a cancel removes the temporaries
    and leaves the folder as it was.
    """
    folder = Path(folder)
    targets = [folder / f"{table.name.lower()}.csv" for table in tables]
    if len({t.name.casefold() for t in targets}) != len(targets):
        raise ValueError(f"Two tables would write the same file: {[t.name for t in targets]}")
    total = None if any(t.total is None for t in tables) else sum(t.total or 0 for t in tables)
    counter = _Counter(progress, total)
    with atomic_writes(targets) as partials:
        for table, partial in zip(tables, partials, strict=True):
            _write(partial, table, dialect, counter)
    return targets


class _Counter:
    """Rows written so far over all files, reported to `progress` every few hundred."""

    def __init__(self, progress: Progress | None, total: int | None) -> None:
        self.progress, self.total, self.done = progress, total, 0

    def report(self) -> None:
        if self.progress:
            self.progress(self.done, self.total)


def _write(path: Path, table: Table, dialect: CsvDialect, counter: _Counter) -> int:
    counter.report()  # a cancel pressed before the first row is honoured too
    formats = [_formatter(column.kind, dialect.decimal) for column in table.columns]
    count = 0
    # newline="": the csv module writes its own \r\n and must see embedded newlines as is.
    # errors="replace": a lone surrogate, which UTF-8 cannot encode (and no database text
    # holds), is written as "?", as the XLSX writer does.
    with open(path, "w", encoding="utf-8-sig", errors="replace", newline="") as file:
        writer = csv.writer(
            file, delimiter=dialect.delimiter, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n"
        )
        writer.writerow([column.header for column in table.columns])
        for count, row in enumerate(table.rows(), start=1):
            writer.writerow(["" if v is None else f(v) for v, f in zip(row, formats, strict=False)])
            if count % PROGRESS_EVERY == 0:
                counter.done += PROGRESS_EVERY
                counter.report()
        counter.done += count % PROGRESS_EVERY
    counter.report()
    return count


def _formatter(kind: Kind, decimal: str) -> Callable[[object], str]:
    if kind is Kind.TEXT:
        return lambda v: text_field(v if type(v) is str else str(v))
    if kind is Kind.MONEY:
        return lambda v: _fixed(v, _CENT, decimal)
    if kind is Kind.PERCENT:
        return lambda v: _fixed(v, _BASIS_POINT, decimal)
    if kind is Kind.INTEGER:
        return lambda v: str(int(v))  # type: ignore[call-overload]  # an INTEGER column holds ints
    if kind is Kind.DATE:
        return _date
    if kind is Kind.DATETIME:
        return _datetime
    if kind is Kind.BOOLEAN:
        return lambda v: "1" if v else "0"
    raise ValueError(f"No CSV format for column kind {kind!r}")


def text_field(text: str) -> str:
    """A text as this module writes it (see its docstring); csv_reader reads it back as is."""
    if "_x" in text or "\x00" in text:
        text = _LITERAL.sub("_x005F_", text).replace("\x00", "_x0000_")
    if text.startswith(FORMULA_STARTS) or (
        text[:1] == "'" and text.lstrip("'").startswith(FORMULA_STARTS)
    ):
        return "'" + text
    return text


def _fixed(value: object, places: Decimal, decimal: str) -> str:
    """A plain decimal number: no exponent, no group separators, rounded half up."""
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    if not number.is_finite():
        return ""
    rounded = number.quantize(places, ROUND_HALF_UP)
    text = f"{rounded if rounded else abs(rounded):f}"  # no "-0.00"
    return text.replace(".", decimal) if decimal != "." else text


def _date(value: object) -> str:
    # Not strftime: it does not pad a year below 1000 to four digits on every platform.
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"  # type: ignore[attr-defined]  # a DATE cell


def _datetime(value: object) -> str:
    if not isinstance(value, dt.datetime):
        return f"{_date(value)} 00:00:00"
    return f"{_date(value)} {value.hour:02d}:{value.minute:02d}:{value.second:02d}"
