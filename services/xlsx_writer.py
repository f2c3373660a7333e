"""Stream typed tables into an XLSX workbook: hand-written SpreadsheetML, atomic, no formulas.

Hand-written because it is measured 6–9× faster than XlsxWriter's constant_memory mode writing
the same cells (tests/bench/export_bench.py, `make bench`; issue #20 keeps it while ≥ 1.5×).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from itertools import chain, islice
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape

from services.errors import LavkaError
from services.files import atomic_write
from services.tables import FORMULA_STARTS, Column, Kind, Progress, Table
from services.xlsx_package import (
    APP_PROPERTIES,
    DATE,
    DATETIME,
    DOC_RELS,
    HEADER,
    MAIN,
    MONEY,
    PERCENT,
    QUOTED,
    ROOT_RELS,
    SURELY_FITS,
    XML,
    content_types,
    continued_header,
    core_properties,
    styles,
    text_parts,
    workbook,
    workbook_rels,
)

MAX_ROWS = 1_048_576  # Excel's limit, header included; a longer sheet needs a "repair"
MAX_COLUMNS = 16_384  # Excel's limit (XFD)
PROGRESS_EVERY = 500  # rows between progress calls; also the rows encoded per write
WIDTH_SAMPLE = 100  # rows looked at for column widths (buffered before the sheet starts)

_EPOCH = dt.date(1899, 12, 30).toordinal()  # day 0 of the 1900 date system
# Serial 60 is 1900-02-29 to Excel (a day that never was), and every reader counts the serials
# below it from 1899-12-31: a date before 1900-03-01 (serial 61) cannot be a date cell that
# reads back as itself. Such dates are written as ISO text, as in CSV ("1899-12-31").
_FIRST_SERIAL = 61

# Control characters that XML 1.0 forbids, and the non-characters U+FFFE and U+FFFF, are
# written as Excel's own escape `_xHHHH_`, which Excel and both our readers turn back; so a
# literal "_xHHHH_" in the text (or an "_xHHHH" that such an escape follows) gets its "_"
# escaped as "_x005F_". A lone surrogate, which UTF-8 cannot encode (and no database text
# holds), is written as "?", as the CSV writer does. A CR is written as a character
# reference because XML parsers turn a literal CR into LF.
_ESCAPED = "\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff"
_CONTROL = re.compile(f"[{_ESCAPED}]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_LITERAL = re.compile(f"_(?=x[0-9A-Fa-f]{{4}}(?:_|[{_ESCAPED}]))")
_NEEDS_WORK = re.compile(f"[&<>\r{_ESCAPED}\ud800-\udfff]|_x[0-9A-Fa-f]{{4}}")
# Sheet names cannot be escaped: what XML forbids is left out of them.
_ILLEGAL = re.compile(f"[{_ESCAPED}\ud800-\udfff]")

# (value, row number) -> "<c .../>" or ""; the value is of the column's kind (services.tables).
CellWriter = Callable[[Any, str], str]


def write_xlsx(
    path: Path,
    tables: Sequence[Table],
    currency: str = "₽",
    progress: Progress | None = None,
) -> int:
    """Write `tables` as the sheets of one workbook at `path`; return the data rows written.

    The file appears only when complete: any error, or errors.Cancelled raised by `progress`,
    leaves whatever was at `path` before untouched and no temporary file behind.
    """
    if not tables:
        raise ValueError("A workbook needs at least one sheet")  # Excel refuses an empty one
    total = None if any(t.total is None for t in tables) else sum(t.total or 0 for t in tables)
    counter = _Counter(progress, total)
    with atomic_write(path) as partial:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
            _write_workbook(archive, tables, currency, counter)
        counter.report(force=True)
    return counter.done


def sheet_names(wanted: Sequence[str]) -> list[str]:
    """Names Excel accepts: no []:*?/\\, not starting or ending with ', at most 31 characters,
    unique regardless of case, not "History"; an empty name becomes "Sheet<n>"."""
    names: list[str] = []
    taken: set[str] = set()
    for index, name in enumerate(wanted, start=1):
        clean = re.sub(r"[\[\]:*?/\\]", "_", _ILLEGAL.sub("", name)).strip().strip("'")
        clean = clean[:31].strip().strip("'") or f"Sheet{index}"
        candidate, copy = clean, 1
        while candidate.casefold() in taken or candidate.casefold() == "history":
            copy += 1
            suffix = f" ({copy})"
            candidate = clean[: 31 - len(suffix)] + suffix
        taken.add(candidate.casefold())
        names.append(candidate)
    return names


def column_letter(index: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


class _Counter:
    """Rows written so far over all sheets, reported to `progress` every few hundred."""

    def __init__(self, progress: Progress | None, total: int | None) -> None:
        self.progress, self.total, self.done, self.reported = progress, total, 0, -1

    def advance(self, rows: int) -> None:
        self.done += rows
        self.report()

    def report(self, force: bool = False) -> None:
        if self.progress and (force or self.done - self.reported >= PROGRESS_EVERY):
            self.reported = self.done
            self.progress(self.done, self.total)


def _write_workbook(
    archive: zipfile.ZipFile, tables: Sequence[Table], currency: str, counter: _Counter
) -> None:
    counter.report(force=True)  # a cancel pressed before the first row is honoured too
    names = sheet_names([t.name for t in tables])
    # [Content_Types].xml first: file-type sniffers look at the first member.
    archive.writestr("[Content_Types].xml", content_types(len(tables)))
    archive.writestr("_rels/.rels", ROOT_RELS)
    archive.writestr("docProps/core.xml", core_properties())
    archive.writestr("docProps/app.xml", APP_PROPERTIES)
    lasts = [
        _write_sheet(archive, index, table, currency, counter)
        for index, table in enumerate(tables, start=1)
    ]
    archive.writestr("xl/workbook.xml", workbook(names, lasts))
    archive.writestr("xl/_rels/workbook.xml.rels", workbook_rels(len(tables)))
    archive.writestr("xl/styles.xml", styles(currency))


def _write_sheet(
    archive: zipfile.ZipFile, index: int, table: Table, currency: str, counter: _Counter
) -> tuple[str, int]:
    """Write one worksheet; return the last column's letter and the last row's number."""
    rows = iter(table.rows())
    sample = list(islice(rows, WIDTH_SAMPLE))
    continued = _Continued(table)
    # <dimension> precedes the rows but needs their count, and the header row needs the
    # continuation columns the rows turn out to need: the rows go to an unnamed spool file
    # first (memory stays flat), then into the archive behind the finished head.
    with tempfile.TemporaryFile() as spool:
        count = _write_rows(spool, table, chain(sample, rows), counter, continued)
        width = len(table.columns) + len(continued.headers)
        last = (column_letter(max(width, 1)), count + 1)
        head = _sheet_head(table.columns, continued.headers, sample, last, index == 1, currency)
        head_xml, tail = head.encode(), _sheet_tail(table.columns, last).encode()
        size = len(head_xml) + spool.tell() + len(tail)
        spool.seek(0)
        name = f"xl/worksheets/sheet{index}.xml"
        with archive.open(name, "w", force_zip64=size > zipfile.ZIP64_LIMIT) as member:
            member.write(head_xml)
            shutil.copyfileobj(spool, member, 1 << 20)
            member.write(tail)
    return last


class _Continued:
    """The continuation columns of one sheet (xlsx_package.MAX_TEXT): added at its right, in
    the order the rows first need them ("Notes (2)", then "Comment (2)", "Notes (3)"...)."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.headers: list[str] = []
        self.numbers: dict[tuple[int, int], int] = {}  # (column index, part) → column number
        self.pending: list[tuple[int, list[str]]] = []  # the current row's further parts

    def cells(self, row: str) -> str:
        """The current row's continuation cells, in column order; `pending` emptied."""
        found = []
        for index, parts in self.pending:
            for part, text in enumerate(parts, start=2):
                number = self.numbers.get((index, part))
                if number is None:
                    number = len(self.table.columns) + len(self.headers) + 1
                    if number > MAX_COLUMNS:
                        raise LavkaError.of("export.text_too_long", self.table.name, row)
                    self.numbers[(index, part)] = number
                    self.headers.append(continued_header(self.table.columns[index].header, part))
                found.append((number, text))
        self.pending.clear()
        found.sort()
        return "".join(_string_cell(f"{column_letter(n)}{row}", text) for n, text in found)


def _write_rows(
    out: IO[bytes],
    table: Table,
    rows: Iterable[Sequence[object]],
    counter: _Counter,
    continued: _Continued,
) -> int:
    letters = [column_letter(i) for i in range(1, len(table.columns) + 1)]
    cells = [
        _cell_writer(letter, c.kind, index, continued)
        for index, (letter, c) in enumerate(zip(letters, table.columns, strict=True))
    ]
    chunk = []
    count = 0
    for count, row in enumerate(rows, start=1):
        number = str(count + 1)
        # A short row leaves its last cells empty, hence strict=False.
        values = zip(row, cells, strict=False)
        cells_xml = "".join([cell(v, number) for v, cell in values if v is not None])
        if continued.pending:
            cells_xml += continued.cells(number)
        chunk.append(f'<row r="{number}">{cells_xml}</row>')
        if count % PROGRESS_EVERY == 0:
            _check_size(table, count)
            out.write("".join(chunk).encode())
            chunk.clear()
            counter.advance(PROGRESS_EVERY)
    _check_size(table, count)
    out.write("".join(chunk).encode())
    counter.advance(count % PROGRESS_EVERY)
    return count


def _check_size(table: Table, count: int) -> None:
    if count >= MAX_ROWS:
        raise LavkaError.of("export.too_many_rows", table.name, MAX_ROWS - 1)


def _cell_writer(col: str, kind: Kind, index: int, continued: _Continued) -> CellWriter:
    """A function writing one cell of column `col` (the `index`th column); "" for a value that
    makes no cell. A text longer than a cell leaves its further parts in `continued`."""
    if kind is Kind.TEXT:

        def cell(value: object, row: str) -> str:
            text = value if type(value) is str else str(value)
            if not text:
                return ""
            if len(text) > SURELY_FITS:
                parts = text_parts(text)
                if len(parts) > 1:
                    continued.pending.append((index, parts[1:]))
                    text = parts[0]
            # quotePrefix: Excel keeps such a cell text even after the person edits it.
            style = f' s="{QUOTED}"' if text.startswith(FORMULA_STARTS) else ""
            return f'<c r="{col}{row}"{style} t="inlineStr"><is>{_text(text)}</is></c>'

    elif kind is Kind.MONEY or kind is Kind.PERCENT:
        style = MONEY if kind is Kind.MONEY else PERCENT

        def cell(value: object, row: str) -> str:
            number = _number(value)
            return f'<c r="{col}{row}" s="{style}"><v>{number}</v></c>' if number else ""

    elif kind is Kind.INTEGER:

        def cell(value: object, row: str) -> str:
            number = _number(value)
            return f'<c r="{col}{row}"><v>{number}</v></c>' if number else ""

    elif kind is Kind.DATE:

        def date_cell(value: dt.date, row: str) -> str:
            days = value.toordinal() - _EPOCH
            if days < _FIRST_SERIAL:
                return _string_cell(f"{col}{row}", _iso(value, timed=False))
            return f'<c r="{col}{row}" s="{DATE}"><v>{days}</v></c>'

        return date_cell

    elif kind is Kind.DATETIME:

        def datetime_cell(value: dt.date, row: str) -> str:
            if value.toordinal() - _EPOCH < _FIRST_SERIAL:
                return _string_cell(f"{col}{row}", _iso(value, timed=True))
            return f'<c r="{col}{row}" s="{DATETIME}"><v>{_serial(value)}</v></c>'

        return datetime_cell

    elif kind is Kind.BOOLEAN:

        def cell(value: object, row: str) -> str:
            return f'<c r="{col}{row}" t="b"><v>{1 if value else 0}</v></c>'

    else:
        raise ValueError(f"No XLSX cell type for column kind {kind!r}")
    return cell


def _string_cell(ref: str, text: str) -> str:
    style = f' s="{QUOTED}"' if text.startswith(FORMULA_STARTS) else ""
    return f'<c r="{ref}"{style} t="inlineStr"><is>{_text(text)}</is></c>'


def _iso(value: dt.date, timed: bool) -> str:
    """A date as text, as the CSV writer writes it: 0001-01-01 (0001-01-01 00:00:00 when
    `timed`)."""
    day = f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
    if not timed:
        return day
    if not isinstance(value, dt.datetime):
        return f"{day} 00:00:00"
    return f"{day} {value.hour:02d}:{value.minute:02d}:{value.second:02d}"


def _text(text: str) -> str:
    """The <t> element of an inline string: escaped (see _ESCAPED), whitespace kept. The caller
    keeps it within xlsx_package.MAX_TEXT."""
    xml = text
    if _NEEDS_WORK.search(text):
        text = _SURROGATE.sub("?", text)
        if "_x" in text:
            text = _LITERAL.sub("_x005F_", text)
        text = _CONTROL.sub(_escape, text)
        xml = escape(text, {"\r": "&#13;"})
    # Leading/trailing spaces, tabs and newlines are data; without this they may be trimmed.
    space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    return f"<t{space}>{xml}</t>"


def _escape(match: re.Match[str]) -> str:
    return f"_x{ord(match.group()):04X}_"


def _number(value: object) -> str:
    """The exact decimal text of a number; "" for NaN and infinities, which no cell holds."""
    if type(value) is Decimal:  # exact: never through float
        if not value.is_finite():
            return ""
        text = str(value)  # 4x faster than format(); "1E+3" is valid but unusual, so avoided
        return text if "E" not in text else format(value, "f")
    if type(value) is int:
        return str(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else ""
    if isinstance(value, Decimal | int | str):  # a subclass (a bool), or a number as text
        return _number(Decimal(value))
    raise TypeError(f"Not a number: {value!r}")


def _serial(value: dt.date) -> str:
    """Days since 1899-12-30, the time of day as the fraction (naive local time)."""
    days = value.toordinal() - _EPOCH
    if not isinstance(value, dt.datetime):
        return str(days)
    seconds = value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6
    return repr(days + seconds / 86400)


def _shown_length(value: object, kind: Kind, currency: str) -> int:
    """About how many characters a spreadsheet shows for the value."""
    if kind is Kind.TEXT:
        return max((len(line) for line in str(value).splitlines()), default=0)
    if kind is Kind.MONEY:
        digits = len(_number(value).split(".")[0].lstrip("-"))
        return digits + (digits - 1) // 3 + 4 + len(currency)  # groups, ",00", sign, " ₽"
    if kind is Kind.PERCENT:
        return len(_number(value).split(".")[0]) + 5  # "25.0 %" of a 0.25
    if kind is Kind.INTEGER:
        return len(_number(value))
    return {Kind.DATE: 10, Kind.DATETIME: 16, Kind.BOOLEAN: 6}.get(kind, 10)


def column_widths(
    columns: Sequence[Column], sample: Sequence[Sequence[object]], currency: str
) -> list[int]:
    """Each column's width in characters: its header's or its longest value's in `sample` (the
    first rows), within 6…60."""
    widths = []
    for i, column in enumerate(columns):
        longest = len(column.header) + 3  # bold, and the filter's drop-down button
        for row in sample:
            if i < len(row) and row[i] is not None:
                longest = max(longest, _shown_length(row[i], column.kind, currency))
        widths.append(min(max(longest + 1, 6), 60))
    return widths


def _sheet_head(
    columns: Sequence[Column],
    continued: Sequence[str],
    sample: list[Sequence[object]],
    last: tuple[str, int],
    selected: bool,
    currency: str,
) -> str:
    """Everything before the data rows: the sheet's properties, its columns' widths and the
    header row, continuation columns (their headers `continued`) included."""
    cols = [
        f'<col min="{i}" max="{i}" width="{width}" customWidth="1"/>'
        for i, width in enumerate(column_widths(columns, sample, currency), start=1)
    ]
    if continued:  # full of text, like the column each continues
        first, end = len(columns) + 1, len(columns) + len(continued)
        cols.append(f'<col min="{first}" max="{end}" width="60" customWidth="1"/>')
    headers = [column.header for column in columns] + list(continued)
    header = "".join(
        f'<c r="{column_letter(i)}1" t="inlineStr" s="{HEADER}"><is>{_text(text)}</is></c>'
        for i, text in enumerate(headers, start=1)
    )
    tab = ' tabSelected="1"' if selected else ""
    return (
        f'{XML}<worksheet xmlns="{MAIN}" xmlns:r="{DOC_RELS}">'
        f'<dimension ref="A1:{last[0]}{last[1]}"/>'
        f'<sheetViews><sheetView{tab} workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
        '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>'
        + (f"<cols>{''.join(cols)}</cols>" if cols else "")
        + f'<sheetData><row r="1">{header}</row>'
    )


def _sheet_tail(columns: Sequence[Column], last: tuple[str, int]) -> str:
    autofilter = f'<autoFilter ref="A1:{last[0]}{last[1]}"/>' if columns else ""
    return (
        f"</sheetData>{autofilter}"
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
        "</worksheet>"
    )
