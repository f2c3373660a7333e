"""Read the sheets of an XLSX workbook for an import (services.importing.reading decides that a
file is one and checks its size first).

openpyxl (through defusedxml) finds each sheet's header, streaming only its first rows, and
reads the data rows of a sheet python-calamine cannot be trusted with; calamine reads the
others, about fifteen times faster (services/importing/xlsx_calamine.py says when and how).

Formulas are never evaluated: a formula cell gives the value the spreadsheet last saved with
it (openpyxl data_only), or None when it has none (files written by openpyxl, for instance).

Cells (services.importing.source.Cell): XLSX gives str, int, Decimal, bool, datetime.datetime,
datetime.date, or None. A float cell becomes the Decimal of its 15 significant digits, the
precision Excel shows and computes with: a formula's cached 1100.0000000000002 (shown as
1 100,00) is Decimal("1100"), 0.1+0.2 is Decimal("0.3"); a whole number is an int or
Decimal ("3.0" may come as 3); the caller parses. A date cell at 00:00:00 whose number
format shows no time of day ("DD.MM.YYYY") becomes a datetime.date; one whose format shows
a time stays a datetime. A time-only or duration cell becomes its text ("12:30:00"); an error
cell its text ("#DIV/0!").

The `_xHHHH_` escapes of OOXML strings (ST_Xstring), which openpyxl leaves as they are, are
undone so that our own exports (services.xlsx_writer) read back exactly: `_x005F_` is "_" (our
writer and Excel escape a literal "_x000D_" as "_x005F_x000D_"), `_x000D_` is a CR (as Excel
writes it). Decoded in one left-to-right pass, as Excel does.

A text longer than a cell (services.xlsx_package.MAX_TEXT) goes on, in our exports, in
continuation columns at the right headed "Notes (2)", "Notes (3)"...: `rows()` joins each part
to the column it continues, and leaves its own cell empty, when the part before it fills its
cell (xlsx_package.full_part). A column a person named "Notes (2)" beside notes that fill no
cell is left as it is. Limits.max_cell applies to each cell as stored, before the joining.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar
from xml.etree.ElementTree import ParseError
from xml.parsers.expat import ExpatError

from services.errors import LavkaError
from services.importing.source import (
    Cell,
    ImportFileError,
    Limits,
    SourceSheet,
    find_header,
    fit,
    is_empty,
    megabytes,
    refused,
    too_many_rows,
    unreadable,
)
from services.importing.xlsx_calamine import WORKBOOK_RELS, calamine_rows, date_only, relations
from services.xlsx_package import continued_header, full_part

ZIP_MAGIC = b"PK\x03\x04"
MAX_MEMBERS = 10_000  # ZIP members; a workbook has tens, a few hundred with many images
RATIO_FLOOR = 1024 * 1024  # members smaller than this uncompressed are not ratio-checked
_OOXML_ESCAPE = re.compile("_x([0-9A-Fa-f]{4})_")
_MIDNIGHT = dt.time(0, 0)
Result = TypeVar("Result")


# --- XLSX -----------------------------------------------------------------------------------


def _check_zip(path: Path, limits: Limits) -> None:
    """Refuse an archive by its directory alone: nothing is decompressed."""
    try:
        entries = _zip_entries(path)
    except OSError as exc:
        raise unreadable(path, exc) from exc
    if entries is not None and entries > MAX_MEMBERS:
        raise refused(path, "too_many_parts", entries)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise refused(path, "damaged", exc) from exc
    except OSError as exc:
        raise unreadable(path, exc) from exc
    if any(m.flag_bits & 0x1 for m in members):
        raise refused(path, "encrypted")
    if not any(m.filename == "xl/workbook.xml" for m in members):
        raise refused(path, "not_a_workbook")
    total = sum(m.file_size for m in members)
    if total > limits.max_uncompressed:
        raise refused(
            path, "unpacks_too_large", megabytes(total), megabytes(limits.max_uncompressed)
        )
    strings = _shared_strings(path, members)
    if strings is not None and strings.file_size > limits.max_strings:
        raise refused(
            path, "texts_too_large", megabytes(strings.file_size), megabytes(limits.max_strings)
        )
    for m in members:
        if m.file_size > RATIO_FLOOR and m.file_size > limits.max_ratio * max(m.compress_size, 1):
            ratio = m.file_size // max(m.compress_size, 1)
            raise refused(path, "compressed_too_much", m.filename, ratio, limits.max_ratio)


def _shared_strings(path: Path, members: list[zipfile.ZipInfo]) -> zipfile.ZipInfo | None:
    """The shared-string part, where the workbook's relationships put it (or by its usual
    name): the size that matters is known from the directory, before any of it is read."""
    by_name = {m.filename: m for m in members}
    rels = by_name.get(WORKBOOK_RELS)
    if rels is not None and rels.file_size <= RATIO_FLOOR:
        try:
            with zipfile.ZipFile(path) as archive:
                found = relations(archive.read(rels))
        except Exception as exc:  # damaged, or entities: openpyxl will say which
            raise _xml_refusal(path, exc) from exc
        # The same reading of the relationships as the one calamine is given its texts by.
        targets = [name for _id, kind, name in found if kind == "sharedStrings"]
        if targets:
            return by_name.get(targets[-1])
    return by_name.get("xl/sharedStrings.xml")


def _zip_entries(path: Path) -> int | None:
    """The member count from the end-of-central-directory record, read before zipfile builds
    a ZipInfo for each; None when not found (zipfile then judges the archive)."""
    with open(path, "rb") as file:
        file.seek(0, 2)
        size = file.tell()
        file.seek(max(0, size - 65_557))  # the record (22 bytes) plus the longest comment
        tail = file.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) < at + 12:
        return None
    entries = int.from_bytes(tail[at + 10 : at + 12], "little")
    return None if entries == 0xFFFF else entries  # 0xFFFF: ZIP64, the count is elsewhere


@contextmanager
def _workbook(path: Path) -> Iterator[Any]:
    """The workbook opened read-only, values only, through defusedxml; closed on exit."""
    import openpyxl
    from openpyxl.xml import DEFUSEDXML

    if not DEFUSEDXML:  # never parse a stranger's XML without it (ENGINEERING.md)
        raise refused(path, "no_defusedxml")
    # A file object, not the path: openpyxl refuses a path by its suffix, and the content
    # already said this is a workbook (a renamed one, say). Closing the workbook does not
    # close a file object, hence both.
    with _guarded(path, lambda: open(path, "rb")) as file:
        workbook = _guarded(
            path,
            lambda: openpyxl.load_workbook(
                file, read_only=True, data_only=True, keep_links=False, keep_vba=False
            ),
        )
        try:
            yield workbook
        finally:
            workbook.close()


def _guarded(path: Path, action: Callable[[], Result]) -> Result:
    """action(), with whatever a damaged or hostile workbook makes openpyxl raise turned into
    an ImportFileError."""
    try:
        return action()
    except (LavkaError, MemoryError):
        raise
    except Exception as exc:
        raise _xml_refusal(path, exc) from exc


def _xml_refusal(path: Path, exc: BaseException) -> ImportFileError:
    from defusedxml import DefusedXmlException

    chain = [exc]  # openpyxl re-raises parse errors as a wordy ValueError: look beneath
    while (inner := chain[-1].__cause__ or chain[-1].__context__) and len(chain) < 10:
        chain.append(inner)
    if any(isinstance(e, DefusedXmlException) for e in chain):
        return refused(path, "xml_entities")
    if isinstance(exc, OSError) and not isinstance(exc, zipfile.BadZipFile):
        return unreadable(path, exc)
    root = chain[-1]
    detail = str(root) or type(root).__name__
    if any(isinstance(e, (ParseError, ExpatError)) for e in chain):
        detail = f"invalid XML ({detail})"
    return refused(path, "damaged", detail)


def read_xlsx(path: Path, limits: Limits) -> list[SourceSheet]:
    _check_zip(path, limits)
    found = _guarded(path, lambda: _scan_workbook(path, limits))
    return [
        SourceSheet(name, headers, _xlsx_rows(path, name, row, headers, limits), total)
        for name, headers, row, total in found
    ]


def _scan_workbook(
    path: Path, limits: Limits
) -> list[tuple[str, tuple[str, ...], int, int | None]]:
    """(name, headers, header row number, data rows by the sheet's dimension) per sheet
    that has a non-empty row. A sheet whose dimension declares far more rows than the cap is
    refused at once, before a row is read: the margin leaves room for blank rows and a title,
    and a sheet just over the cap, or one whose dimension lies, is stopped while its rows are
    read, at the first row over it."""
    found = []
    with _workbook(path) as workbook:
        for sheet in workbook.worksheets:
            declared = sheet.max_row  # from <dimension>; None when absent
            if declared and declared - 1 > limits.max_rows + max(limits.max_rows // 10, 1000):
                raise too_many_rows(path, sheet.title, limits)
            sheet.reset_dimensions()  # a wrong <dimension> must not cut rows or columns
            records = enumerate(sheet.iter_rows(), start=1)
            header = find_header((n, [_xlsx_value(cell) for cell in row]) for n, row in records)
            if header is not None:
                number, headers = header
                total = declared - number if declared and declared >= number else None
                found.append((sheet.title, headers, number, total))
    return found


def _xlsx_rows(
    path: Path, name: str, header_row: int, headers: tuple[str, ...], limits: Limits
) -> Callable[[], Iterator[tuple[int, tuple[Cell, ...]]]]:
    width = len(headers)
    continued = continuations(headers)

    def rows() -> Iterator[tuple[int, tuple[Cell, ...]]]:
        source = _fast_rows(path, name, header_row) or _openpyxl_rows(path, name, header_row)
        count = 0
        for number, cells in source:
            if is_empty(cells):
                continue
            if any(type(c) is str and len(c) > limits.max_cell for c in cells):
                raise refused(path, "cell_too_long", number, name, limits.max_cell)
            count += 1
            if count > limits.max_rows:
                raise too_many_rows(path, name, limits)
            row = fit(cells, width)
            yield number, (_joined(row, continued) if continued else row)

    return rows


def continuations(headers: Sequence[str]) -> tuple[tuple[int, tuple[int, ...]], ...]:
    """(index of a column, indexes of its continuation columns "<header> (2)", "<header> (3)"...
    in order) for each column that has them (services.xlsx_package.continued_header). Of two
    columns with one header, the one at the right: continuation columns come last."""
    index = {header: i for i, header in enumerate(headers)}
    found = []
    for i, header in enumerate(headers):
        parts: list[int] = []
        while (j := index.get(continued_header(header, len(parts) + 2))) is not None and j > i:
            parts.append(j)
        if parts:
            found.append((i, tuple(parts)))
    return tuple(found)


def _joined(
    cells: tuple[Cell, ...], continued: tuple[tuple[int, tuple[int, ...]], ...]
) -> tuple[Cell, ...]:
    """`cells` with each text's further parts joined to it (see the module's docstring)."""
    joined = list(cells)
    for first, parts in continued:
        text = joined[first]
        if type(text) is not str:
            continue
        last = text
        for j in parts:
            more = joined[j]
            if type(more) is not str or not full_part(last):
                break
            text, last, joined[j] = text + more, more, None
        joined[first] = text
    return tuple(joined)


def _fast_rows(path: Path, name: str, header_row: int) -> Iterator[tuple[int, list[Cell]]] | None:
    """The rows by python-calamine when it can read the sheet safely and faithfully (see
    xlsx_calamine); None, and openpyxl reads it, when not, or when calamine finds fault with
    a file openpyxl may still read (openpyxl then gives its own verdict)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return calamine_rows(archive, name, header_row)
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except BaseException:  # calamine's errors, a Rust panic (pyo3's PanicException) included
        return None


def _openpyxl_rows(path: Path, name: str, header_row: int) -> Iterator[tuple[int, list[Cell]]]:
    with _workbook(path) as workbook:
        sheet = _guarded(path, lambda: workbook[name])
        sheet.reset_dimensions()
        source = iter(enumerate(sheet.iter_rows(min_row=header_row + 1), header_row + 1))
        while True:
            item = _guarded(path, lambda: next(source, None))
            if item is None:
                return
            number, row = item
            yield number, _guarded(path, functools.partial(_xlsx_values, row))


def _xlsx_values(row: Iterable[Any]) -> list[Cell]:  # openpyxl's cells (it has no type stubs)
    return [_xlsx_value(cell) for cell in row]


def _xlsx_value(cell: Any) -> Cell:  # cell: openpyxl ReadOnlyCell or EmptyCell (no stubs)
    value = cell.value
    kind = type(value)
    if value is None or kind is int or kind is bool:
        return value
    if kind is str:
        return _unescape(value)
    if kind is float:
        if not math.isfinite(value):
            return repr(value)
        # Excel's 15 significant digits, not repr's 17: a formula's cached 1100.0000000000002
        # is 1 100,00 on screen and must pass the money check. "+ 0.0" makes -0.0 plain 0.
        return Decimal(format(value + 0.0, ".15g"))
    if kind is dt.datetime:
        if value.time() == _MIDNIGHT and date_only(cell.number_format):
            return value.date()
        return value
    if kind is dt.date:
        return value
    if kind is dt.time:
        return value.isoformat()
    if kind is dt.timedelta:
        return str(value)
    return str(value)


def _unescape(text: str) -> str:
    if "_x" not in text:
        return text
    return _OOXML_ESCAPE.sub(_unescape_one, text)


def _unescape_one(match: re.Match[str]) -> str:
    code = int(match.group(1), 16)
    # A lone surrogate cannot be stored or shown: such an "escape" stays as written.
    return match.group(0) if 0xD800 <= code <= 0xDFFF else chr(code)
