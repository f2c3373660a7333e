"""Stream typed tables into an XLSX workbook: hand-written SpreadsheetML, atomic, no formulas."""

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
from typing import IO
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
    XML,
    content_types,
    core_properties,
    styles,
    workbook,
    workbook_rels,
)

MAX_ROWS = 1_048_576  # Excel's limit, header included; a longer sheet needs a "repair"
MAX_TEXT = 32_767  # Excel's limit for one cell's text
PROGRESS_EVERY = 500  # rows between progress calls; also the rows encoded per write
WIDTH_SAMPLE = 100  # rows looked at for column widths (buffered before the sheet starts)

_EPOCH = dt.date(1899, 12, 30).toordinal()  # day 0 of the 1900 date system

# Characters XML 1.0 forbids (and lone surrogates UTF-8 cannot encode) are dropped. A CR is
# written as a character reference because XML parsers turn a literal CR into LF. `_xHHHH_`
# is Excel's own escape for control characters, so a literal one gets its "_" escaped.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_EXCEL_ESCAPE = re.compile("_(x[0-9A-Fa-f]{4}_)")
_NEEDS_WORK = re.compile(
    "[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]|_x[0-9A-Fa-f]{4}_"
)

CellWriter = Callable[[object, str], str]  # (value, row number) -> "<c .../>" or ""


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
    # <dimension> precedes the rows but needs their count: the rows go to an unnamed spool
    # file first (memory stays flat), then into the archive behind the finished head.
    with tempfile.TemporaryFile() as spool:
        count = _write_rows(spool, table, chain(sample, rows), counter)
        last = (column_letter(max(len(table.columns), 1)), count + 1)
        head = _sheet_head(table.columns, sample, last, index == 1, currency).encode()
        tail = _sheet_tail(table.columns, last).encode()
        size = len(head) + spool.tell() + len(tail)
        spool.seek(0)
        name = f"xl/worksheets/sheet{index}.xml"
        with archive.open(name, "w", force_zip64=size > zipfile.ZIP64_LIMIT) as member:
            member.write(head)
            shutil.copyfileobj(spool, member, 1 << 20)
            member.write(tail)
    return last


def _write_rows(
    out: IO[bytes], table: Table, rows: Iterable[Sequence[object]], counter: _Counter
) -> int:
    letters = [column_letter(i) for i in range(1, len(table.columns) + 1)]
    cells = [_cell_writer(letter, c.kind) for letter, c in zip(letters, table.columns, strict=True)]
    header = "".join(
        f'<c r="{letter}1" t="inlineStr" s="{HEADER}"><is>{_text(c.header)}</is></c>'
        for letter, c in zip(letters, table.columns, strict=True)
    )
    chunk = [f'<row r="1">{header}</row>']
    count = 0
    for count, row in enumerate(rows, start=1):
        number = str(count + 1)
        # A short row leaves its last cells empty, hence strict=False.
        values = zip(row, cells, strict=False)
        cells_xml = "".join([cell(v, number) for v, cell in values if v is not None])
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
        raise LavkaError(
            f"'{table.name}' has more than {MAX_ROWS - 1:,} rows, more than a spreadsheet "
            "can hold. Export it to CSV instead."
        )


def _cell_writer(col: str, kind: Kind) -> CellWriter:
    """A function writing one cell of column `col`; "" for a value that makes no cell."""
    if kind is Kind.TEXT:

        def cell(value: object, row: str) -> str:
            text = value if type(value) is str else str(value)
            if not text:
                return ""
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

        def cell(value: object, row: str) -> str:
            return f'<c r="{col}{row}" s="{DATE}"><v>{value.toordinal() - _EPOCH}</v></c>'  # type: ignore[attr-defined]

    elif kind is Kind.DATETIME:

        def cell(value: object, row: str) -> str:
            return f'<c r="{col}{row}" s="{DATETIME}"><v>{_serial(value)}</v></c>'

    elif kind is Kind.BOOLEAN:

        def cell(value: object, row: str) -> str:
            return f'<c r="{col}{row}" t="b"><v>{1 if value else 0}</v></c>'

    else:
        raise ValueError(f"No XLSX cell type for column kind {kind!r}")
    return cell


def _text(text: str) -> str:
    """The <t> element of an inline string: escaped, cleaned, within Excel's length limit."""
    text = text[:MAX_TEXT]
    xml = text
    if _NEEDS_WORK.search(text):
        text = _EXCEL_ESCAPE.sub(r"_x005F_\1", _ILLEGAL.sub("", text))
        xml = escape(text, {"\r": "&#13;"})
    # Leading/trailing spaces, tabs and newlines are data; without this they may be trimmed.
    space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    return f"<t{space}>{xml}</t>"


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
    return _number(Decimal(value))  # type: ignore[arg-type]


def _serial(value: object) -> str:
    """Days since 1899-12-30, the time of day as the fraction (naive local time)."""
    days = value.toordinal() - _EPOCH  # type: ignore[attr-defined]
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


def _sheet_head(
    columns: Sequence[Column],
    sample: list[Sequence[object]],
    last: tuple[str, int],
    selected: bool,
    currency: str,
) -> str:
    cols = []
    for i, column in enumerate(columns):
        longest = len(column.header) + 3  # bold, and the filter's drop-down button
        for row in sample:
            if i < len(row) and row[i] is not None:
                longest = max(longest, _shown_length(row[i], column.kind, currency))
        width = min(max(longest + 1, 6), 60)
        cols.append(f'<col min="{i + 1}" max="{i + 1}" width="{width}" customWidth="1"/>')
    tab = ' tabSelected="1"' if selected else ""
    return (
        f'{XML}<worksheet xmlns="{MAIN}" xmlns:r="{DOC_RELS}">'
        f'<dimension ref="A1:{last[0]}{last[1]}"/>'
        f'<sheetViews><sheetView{tab} workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
        '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>'
        + (f"<cols>{''.join(cols)}</cols>" if cols else "")
        + "<sheetData>"
    )


def _sheet_tail(columns: Sequence[Column], last: tuple[str, int]) -> str:
    autofilter = f'<autoFilter ref="A1:{last[0]}{last[1]}"/>' if columns else ""
    return (
        f"</sheetData>{autofilter}"
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
        "</worksheet>"
    )
