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
"""

from __future__ import annotations

import datetime as dt
import math
import re
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any
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
)
from services.importing.xlsx_calamine import WORKBOOK_RELS, calamine_rows, date_only, relations

ZIP_MAGIC = b"PK\x03\x04"
MAX_MEMBERS = 10_000  # ZIP members; a workbook has tens, a few hundred with many images
RATIO_FLOOR = 1024 * 1024  # members smaller than this uncompressed are not ratio-checked
_OOXML_ESCAPE = re.compile("_x([0-9A-Fa-f]{4})_")
_MIDNIGHT = dt.time(0, 0)
_DAMAGED = "the workbook is damaged or not a real XLSX"


# --- XLSX -----------------------------------------------------------------------------------


def _check_zip(path: Path, limits: Limits) -> None:
    """Refuse an archive by its directory alone: nothing is decompressed."""
    try:
        entries = _zip_entries(path)
    except OSError as exc:
        raise refused(path, f"it cannot be read ({exc.strerror or exc})") from exc
    if entries is not None and entries > MAX_MEMBERS:
        raise refused(path, f"{_DAMAGED}: it holds {entries:,} files")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise refused(path, f"{_DAMAGED}: {exc}") from exc
    except OSError as exc:
        raise refused(path, f"it cannot be read ({exc.strerror or exc})") from exc
    if any(m.flag_bits & 0x1 for m in members):
        raise refused(path, "the workbook is encrypted; save it without a password")
    if not any(m.filename == "xl/workbook.xml" for m in members):
        raise refused(path, f"{_DAMAGED}: it is a ZIP archive without xl/workbook.xml")
    total = sum(m.file_size for m in members)
    if total > limits.max_uncompressed:
        raise refused(
            path,
            f"it would unpack to {megabytes(total)}, more than the "
            f"{megabytes(limits.max_uncompressed)} Lavka accepts (possibly a zip bomb)",
        )
    strings = _shared_strings(path, members)
    if strings is not None and strings.file_size > limits.max_strings:
        raise refused(
            path,
            f"its table of texts would unpack to {megabytes(strings.file_size)}, more than the "
            f"{megabytes(limits.max_strings)} Lavka reads (a sales log needs a few MB)",
        )
    for m in members:
        if m.file_size > RATIO_FLOOR and m.file_size > limits.max_ratio * max(m.compress_size, 1):
            raise refused(
                path,
                f"its part '{m.filename}' is compressed {m.file_size // max(m.compress_size, 1):,}"
                f" times, more than the {limits.max_ratio} Lavka accepts (a zip bomb)",
            )


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
        raise refused(path, "XLSX files cannot be read safely: defusedxml is not installed")
    # A file object, not the path: openpyxl refuses a path by its suffix, and the content
    # already said this is a workbook (a renamed one, say). Closing the workbook does not
    # close a file object, hence both.
    with _guarded(path, lambda: open(path, "rb")) as file:  # type: ignore[attr-defined]
        workbook = _guarded(
            path,
            lambda: openpyxl.load_workbook(
                file, read_only=True, data_only=True, keep_links=False, keep_vba=False
            ),
        )
        try:
            yield workbook
        finally:
            workbook.close()  # type: ignore[attr-defined]


def _guarded(path: Path, action: Callable[[], object]) -> Any:
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
        return refused(
            path,
            f"{_DAMAGED}: its XML declares entities or external references, which Lavka "
            "never reads (a 'billion laughs' file?)",
        )
    if isinstance(exc, OSError) and not isinstance(exc, zipfile.BadZipFile):
        return refused(path, f"it cannot be read ({exc.strerror or exc})")
    root = chain[-1]
    detail = str(root) or type(root).__name__
    if any(isinstance(e, (ParseError, ExpatError)) for e in chain):
        detail = f"invalid XML ({detail})"
    return refused(path, f"{_DAMAGED}: {detail}")


def read_xlsx(path: Path, limits: Limits) -> list[SourceSheet]:
    _check_zip(path, limits)
    found = _guarded(path, lambda: _scan_workbook(path, limits))
    return [
        SourceSheet(name, headers, _xlsx_rows(path, name, row, len(headers), limits), total)
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
    path: Path, name: str, header_row: int, width: int, limits: Limits
) -> Callable[[], Iterator[tuple[int, tuple[Cell, ...]]]]:
    def rows() -> Iterator[tuple[int, tuple[Cell, ...]]]:
        source = _fast_rows(path, name, header_row) or _openpyxl_rows(path, name, header_row)
        count = 0
        for number, cells in source:
            if is_empty(cells):
                continue
            if any(type(c) is str and len(c) > limits.max_cell for c in cells):
                raise refused(
                    path,
                    f"row {number} of sheet '{name}' has a cell of more than "
                    f"{limits.max_cell:,} characters, the most a spreadsheet cell holds",
                )
            count += 1
            if count > limits.max_rows:
                raise too_many_rows(path, name, limits)
            yield number, fit(cells, width)

    return rows


def _fast_rows(path: Path, name: str, header_row: int) -> Iterator | None:
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
            yield number, _guarded(path, lambda row=row: [_xlsx_value(cell) for cell in row])


def _xlsx_value(cell) -> Cell:  # cell: openpyxl ReadOnlyCell or EmptyCell
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
