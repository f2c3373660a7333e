"""Read the sheets of an XLSX workbook or a CSV file for an import, distrusting the file.

`read_file` also takes a folder (every .csv in it) and one CSV file of the exchange format
(services.exchange.export_all writes contacts.csv, orders.csv, shipments.csv and products.csv
into a folder): choosing any of them reads all of them, since an import takes one path and
the format is useless in parts. The limits below apply to each file.

What is refused, always before the part concerned is parsed, with an ImportFileError whose
message names the file and says why:

- a file larger than Limits.max_bytes (checked on the file system, nothing read);
- a file that is neither a ZIP archive (an XLSX) nor named .csv/.txt/.tsv. The choice is by
  content: a workbook renamed to .csv is read as a workbook; a password-protected workbook or
  an old .xls (both OLE compound files) is named as such;
- an XLSX whose ZIP directory (read with zipfile, nothing extracted) is damaged, encrypted,
  has too many members, unpacks to more than Limits.max_uncompressed, has a member compressed
  more than Limits.max_ratio times (a zip bomb), or has no xl/workbook.xml;
- XML with entity declarations or external references (a "billion laughs" file): openpyxl
  parses through defusedxml, which stops at the declaration, before any expansion. Any other
  XML or structural damage is reported as a damaged workbook;
- a sheet or CSV file with more than Limits.max_rows data rows (counted while reading: the
  error comes from `rows()`);
- CSV text that is neither UTF-8 nor Windows-1251, or that contains NUL characters (CSV is
  read by services.import_csv, which says more).

The header row (both formats): hand-kept sheets often start with a title merged across the
columns ("Продажи за 2024 год") and a blank row. Among the first HEADER_SEARCH non-empty rows,
the header is the first whose non-empty cells number at least max(2, half the most any of
those rows has); the rows above it are skipped. When no row has two (a one-column file), it is
the first non-empty row. Rows keep the sheet's own numbers.

Formulas are never evaluated: a formula cell gives the value the spreadsheet last saved with
it (openpyxl data_only), or None when it has none (files written by openpyxl, for instance).

Cells (services.import_source.Cell): XLSX gives str, int, Decimal, bool, datetime.datetime,
datetime.date, or None. A float cell becomes the Decimal of its 15 significant digits, the
precision Excel shows and computes with: a formula's cached 1100.0000000000002 (shown as
1 100,00) is Decimal("1100"), 0.1+0.2 is Decimal("0.3"), 3.0 is Decimal("3"); the caller
parses. A date cell at 00:00:00 whose number format shows no time of day ("DD.MM.YYYY")
becomes a datetime.date; one whose format shows a time stays a datetime. A time-only or
duration cell becomes its text ("12:30:00"); an error cell its text ("#DIV/0!").

The `_xHHHH_` escapes of OOXML strings (ST_Xstring), which openpyxl leaves as they are, are
undone so that our own exports (services.xlsx_writer) read back exactly: `_x005F_` is "_" (our
writer and Excel escape a literal "_x000D_" as "_x005F_x000D_"), `_x000D_` is a CR (as Excel
writes it). Decoded in one left-to-right pass, as Excel does.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError
from xml.parsers.expat import ExpatError

from services.errors import LavkaError
from services.import_source import Cell, SourceSheet, find_header, fit, is_empty


class ImportFileError(LavkaError):
    """A file refused as a whole: the message names the file and says why."""


@dataclass(frozen=True)
class Limits:
    """Caps on what an import reads; anything beyond them is refused, never truncated."""

    # Size of the file on disk, in bytes. 50 MB is far beyond a hand-kept sales log (a 10k-row
    # XLSX is about 1 MB) and keeps a CSV's decoding and the XML parsers' memory modest.
    max_bytes: int = 50 * 1024 * 1024
    # Data rows of one sheet or CSV file (the header and empty rows not counted).
    max_rows: int = 200_000
    # XLSX: the sum of the ZIP members' declared uncompressed sizes. zipfile enforces the
    # declared sizes while reading (a member that inflates further fails its CRC check).
    max_uncompressed: int = 500 * 1024 * 1024
    # XLSX: the largest uncompressed/compressed ratio of one member. Real sheets compress
    # about 5-20x; deflate reaches ~1000x on repetitive bombs. Only members above 1 MiB
    # uncompressed are checked: a small member cannot hurt whatever its ratio.
    max_ratio: int = 100


DEFAULT_LIMITS = Limits()

CSV_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and any password-protected .xlsx
MAX_MEMBERS = 10_000  # ZIP members; a workbook has tens, a few hundred with many images
RATIO_FLOOR = 1024 * 1024  # members smaller than this uncompressed are not ratio-checked
# The exchange format's CSV files (services.csv_writer names them so); products.csv optional.
EXCHANGE_FILES = ("contacts.csv", "orders.csv", "shipments.csv", "products.csv")
EXCHANGE_REQUIRED = EXCHANGE_FILES[:3]
_OOXML_ESCAPE = re.compile("_x([0-9A-Fa-f]{4})_")
_MIDNIGHT = dt.time(0, 0)
_FORMAT_NOISE = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')  # literals, [colours], escapes
_DAMAGED = "the workbook is damaged or not a real XLSX"


def read_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> list[SourceSheet]:
    """The sheets that have a header row: of the XLSX workbook or CSV file at `path`; of
    every .csv file in it (by name) when `path` is a folder; of all the exchange format's CSV
    files (by name) when `path` is one of them and the required ones lie beside it.

    Raises ImportFileError when a file is refused (see the module's docstring) or when no
    sheet has anything in it. Each SourceSheet's `rows()` reads its file again, and may raise
    ImportFileError too (too many rows, damage found further into the file).
    """
    path = Path(path)
    if path.is_dir():
        files = _csv_files(path)
        if not files:
            raise _refused(path, "it is a folder without CSV files")
    else:
        files = _exchange_files(path) or [path]
    sheets = [sheet for file in files for sheet in _read_one(file, limits)]
    if not sheets:
        raise _refused(path, "it has nothing to import: every sheet is empty")
    return sheets


def _csv_files(folder: Path) -> list[Path]:
    try:
        found = [p for p in folder.iterdir() if p.suffix.casefold() == ".csv" and p.is_file()]
    except OSError as exc:
        raise _refused(folder, f"it cannot be read ({exc.strerror or exc})") from exc
    return sorted(found, key=lambda p: p.name.casefold())


def _exchange_files(path: Path) -> list[Path] | None:
    """The exchange format's files beside `path` (itself included) when `path` is one of them
    and contacts.csv, orders.csv and shipments.csv all exist; else None (read `path` alone).
    A sales log that happens to be called orders.csv is read alone unless the others are
    there too."""
    name = path.name.casefold()
    if name not in EXCHANGE_FILES:
        return None
    beside = {n: path if n == name else path.parent / n for n in EXCHANGE_FILES}
    if not all(beside[n].is_file() for n in EXCHANGE_REQUIRED):
        return None
    return sorted((p for p in beside.values() if p.is_file()), key=lambda p: p.name.casefold())


def _read_one(path: Path, limits: Limits) -> list[SourceSheet]:
    """The sheets of one file ([] when all are empty), the file refused by the limits first."""
    from services.import_csv import read_csv  # import_csv imports this module's helpers

    try:
        size = path.stat().st_size
        with open(path, "rb") as file:
            magic = file.read(len(OLE_MAGIC))
    except OSError as exc:
        raise _refused(path, f"it cannot be read ({exc.strerror or exc})") from exc
    if size > limits.max_bytes:
        raise _refused(
            path,
            f"it is {_mb(size)}, larger than the {_mb(limits.max_bytes)} Lavka imports "
            "from one file",
        )
    if magic.startswith(ZIP_MAGIC):
        return _read_xlsx(path, limits)
    if magic == OLE_MAGIC:
        raise _refused(
            path,
            "it is a password-protected workbook or an old Excel 97-2003 (.xls) file; "
            "open it in Excel and save it as .xlsx without a password",
        )
    if path.suffix.casefold() in CSV_SUFFIXES:
        return read_csv(path, limits)
    raise _refused(path, "it is not an XLSX workbook or a CSV file")


def header_key(headers: Iterable[str]) -> str:
    """A stable key of a header row, to remember a column mapping per header set: the same
    for headers differing only in case or in spaces (around or inside), different for a
    different order. 16 hex digits of SHA-1."""
    text = "\x1f".join(" ".join(str(h).split()).casefold() for h in headers)
    return hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()[:16]


def _refused(path: Path, why: str) -> ImportFileError:
    return ImportFileError(f"'{path.name}' cannot be imported: {why}.")


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB" if size >= 1024 * 1024 else f"{size:,} bytes"


def _too_many_rows(path: Path, sheet: str, limits: Limits) -> ImportFileError:
    where = f"sheet '{sheet}' has" if sheet else "it has"
    return _refused(
        path,
        f"{where} more than {limits.max_rows:,} rows, the most Lavka imports at once; "
        "split it into smaller files",
    )


# --- XLSX -----------------------------------------------------------------------------------


def _check_zip(path: Path, limits: Limits) -> None:
    """Refuse an archive by its directory alone: nothing is decompressed."""
    try:
        entries = _zip_entries(path)
    except OSError as exc:
        raise _refused(path, f"it cannot be read ({exc.strerror or exc})") from exc
    if entries is not None and entries > MAX_MEMBERS:
        raise _refused(path, f"{_DAMAGED}: it holds {entries:,} files")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise _refused(path, f"{_DAMAGED}: {exc}") from exc
    except OSError as exc:
        raise _refused(path, f"it cannot be read ({exc.strerror or exc})") from exc
    if any(m.flag_bits & 0x1 for m in members):
        raise _refused(path, "the workbook is encrypted; save it without a password")
    if not any(m.filename == "xl/workbook.xml" for m in members):
        raise _refused(path, f"{_DAMAGED}: it is a ZIP archive without xl/workbook.xml")
    total = sum(m.file_size for m in members)
    if total > limits.max_uncompressed:
        raise _refused(
            path,
            f"it would unpack to {_mb(total)}, more than the {_mb(limits.max_uncompressed)} "
            "Lavka accepts (possibly a zip bomb)",
        )
    for m in members:
        if m.file_size > RATIO_FLOOR and m.file_size > limits.max_ratio * max(m.compress_size, 1):
            raise _refused(
                path,
                f"its part '{m.filename}' is compressed {m.file_size // max(m.compress_size, 1):,}"
                f" times, more than the {limits.max_ratio} Lavka accepts (a zip bomb)",
            )


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
        raise _refused(path, "XLSX files cannot be read safely: defusedxml is not installed")
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
        return _refused(
            path,
            f"{_DAMAGED}: its XML declares entities or external references, which Lavka "
            "never reads (a 'billion laughs' file?)",
        )
    if isinstance(exc, OSError) and not isinstance(exc, zipfile.BadZipFile):
        return _refused(path, f"it cannot be read ({exc.strerror or exc})")
    root = chain[-1]
    detail = str(root) or type(root).__name__
    if any(isinstance(e, (ParseError, ExpatError)) for e in chain):
        detail = f"invalid XML ({detail})"
    return _refused(path, f"{_DAMAGED}: {detail}")


def _read_xlsx(path: Path, limits: Limits) -> list[SourceSheet]:
    _check_zip(path, limits)
    found = _guarded(path, lambda: _scan_workbook(path))
    return [
        SourceSheet(name, headers, _xlsx_rows(path, name, row, len(headers), limits), total)
        for name, headers, row, total in found
    ]


def _scan_workbook(path: Path) -> list[tuple[str, tuple[str, ...], int, int | None]]:
    """(name, headers, header row number, data rows by the sheet's dimension) per sheet
    that has a non-empty row."""
    found = []
    with _workbook(path) as workbook:
        for sheet in workbook.worksheets:
            declared = sheet.max_row  # from <dimension>; None when absent
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
        with _workbook(path) as workbook:
            sheet = _guarded(path, lambda: workbook[name])
            sheet.reset_dimensions()
            source = iter(enumerate(sheet.iter_rows(min_row=header_row + 1), header_row + 1))
            count = 0
            while True:
                item = _guarded(path, lambda: next(source, None))
                if item is None:
                    return
                number, row = item
                cells = _guarded(path, lambda row=row: [_xlsx_value(cell) for cell in row])
                if is_empty(cells):
                    continue
                count += 1
                if count > limits.max_rows:
                    raise _too_many_rows(path, name, limits)
                yield number, fit(cells, width)

    return rows


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
        if value.time() == _MIDNIGHT and _date_only(cell.number_format):
            return value.date()
        return value
    if kind is dt.date:
        return value
    if kind is dt.time:
        return value.isoformat()
    if kind is dt.timedelta:
        return str(value)
    return str(value)


def _date_only(number_format: str | None) -> bool:
    """Whether a date format shows no time of day: no h, s or AM/PM outside quoted text,
    [brackets] and escapes. (openpyxl's is_datetime misses upper-case "DD.MM.YYYY".)"""
    code = _FORMAT_NOISE.sub("", (number_format or "").split(";")[0]).casefold()
    if not any(c in code for c in "dmy"):
        return False
    return not any(c in code for c in "hs") and "am/pm" not in code and "a/p" not in code


def _unescape(text: str) -> str:
    if "_x" not in text:
        return text
    return _OOXML_ESCAPE.sub(_unescape_one, text)


def _unescape_one(match: re.Match[str]) -> str:
    code = int(match.group(1), 16)
    # A lone surrogate cannot be stored or shown: such an "escape" stays as written.
    return match.group(0) if 0xD800 <= code <= 0xDFFF else chr(code)
