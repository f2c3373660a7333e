"""Read the sheets of an XLSX workbook or a CSV file for an import, distrusting the file.

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
- CSV text that is neither UTF-8 nor Windows-1251, or that contains NUL characters.

Formulas are never evaluated: a formula cell gives the value the spreadsheet last saved with
it (openpyxl data_only), or None when it has none (files written by openpyxl, for instance).

Cells (services.import_source.Cell): XLSX gives str, int, Decimal (a float cell becomes
Decimal(repr(value)): 3.0 stays Decimal("3.0"), the caller parses), bool, datetime.datetime,
datetime.date, or None. A date cell at 00:00:00 whose number format shows no time of day
("DD.MM.YYYY") becomes a datetime.date; one whose format shows a time stays a datetime. A
time-only or duration cell becomes its text ("12:30:00"); an error cell its text ("#DIV/0!").
CSV gives str as written (not stripped), "" for an empty field; headers are stripped.

Undone on reading, so that our own exports (services.xlsx_writer, services.csv_writer) read
back exactly:
- XLSX: the `_xHHHH_` escapes of OOXML strings (ST_Xstring), which openpyxl leaves as they
  are: `_x005F_` is "_" (our writer and Excel escape a literal "_x000D_" as "_x005F_x000D_"),
  `_x000D_` is a CR (as Excel writes it). Decoded in one left-to-right pass, as Excel does.
- CSV: formula neutralising. A cell that starts with an apostrophe followed by one of
  = + - @ tab CR (services.tables.FORMULA_STARTS) loses that one apostrophe, so "'=SUM(A1)"
  reads as "=SUM(A1)" and "'-5" as "-5". A cell typed that way on purpose in another program
  loses its apostrophe too; spreadsheets hide such an apostrophe anyway.

CSV encoding: UTF-16 with a BOM (Excel's "Unicode text") when the file starts with one;
otherwise the whole file is decoded as UTF-8 (a BOM is skipped) in a streaming pass, and if
that fails anywhere, as Windows-1251 (cp1251 accepts nearly any byte, so it is the fallback,
never the first guess). Delimiter: Excel's `sep=X` first line when present (then skipped, as
Excel does); otherwise whichever of ";", tab and "," occurs most often outside quotes in the
header line (ties: ";", tab, ","); none of them → one column. csv.Sniffer is not used: it
guesses wrongly on short files and on delimiters inside quotes. Row numbers of a CSV are its
record numbers (a quoted field spanning lines is one row, as a spreadsheet shows it).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import math
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError
from xml.parsers.expat import ExpatError

from services.errors import LavkaError
from services.import_source import Cell, SourceSheet
from services.tables import FORMULA_STARTS


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
DELIMITERS = (";", "\t", ",")  # in the order preferred on a tie
_CHUNK = 1024 * 1024
_HEAD_CHARS = 64 * 1024  # decoded text looked at for the delimiter
_NO_SPLIT = "\x00"  # the "delimiter" of a one-column CSV: NUL is refused in the text
_SEP_LINE = re.compile(r"sep=(.)[ \t]*(?:\r\n|\r|\n|$)")
_OOXML_ESCAPE = re.compile("_x([0-9A-Fa-f]{4})_")
_MIDNIGHT = dt.time(0, 0)
_FORMAT_NOISE = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')  # literals, [colours], escapes
_DAMAGED = "the workbook is damaged or not a real XLSX"


def read_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> list[SourceSheet]:
    """The sheets of the XLSX workbook or CSV file at `path` that have a header row.

    Raises ImportFileError when the file is refused (see the module's docstring) or when no
    sheet has anything in it. Each SourceSheet's `rows()` reads the file again, and may raise
    ImportFileError too (too many rows, damage found further into the file).
    """
    path = Path(path)
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
        sheets = _read_xlsx(path, limits)
    elif magic == OLE_MAGIC:
        raise _refused(
            path,
            "it is a password-protected workbook or an old Excel 97-2003 (.xls) file; "
            "open it in Excel and save it as .xlsx without a password",
        )
    elif path.suffix.casefold() in CSV_SUFFIXES:
        sheets = _read_csv(path, limits)
    else:
        raise _refused(path, "it is not an XLSX workbook or a CSV file")
    if not sheets:
        raise _refused(path, "it has nothing to import: every sheet is empty")
    return sheets


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


def _is_empty(cells: Sequence[Cell]) -> bool:
    return all(c is None or (type(c) is str and not c.strip()) for c in cells)


def _header(cells: Sequence[Cell]) -> tuple[str, ...]:
    texts = ["" if c is None else str(c).strip() for c in cells]
    while texts and not texts[-1]:
        texts.pop()
    return tuple(texts)


def _fit(cells: Sequence[Cell], width: int) -> tuple[Cell, ...]:
    if len(cells) >= width:
        return tuple(cells[:width])
    return (*cells, *([None] * (width - len(cells))))


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
            for number, row in enumerate(sheet.iter_rows(), start=1):
                cells = [_xlsx_value(cell) for cell in row]
                if not _is_empty(cells):
                    headers = _header(cells)
                    total = declared - number if declared and declared >= number else None
                    found.append((sheet.title, headers, number, total))
                    break
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
                if _is_empty(cells):
                    continue
                count += 1
                if count > limits.max_rows:
                    raise _too_many_rows(path, name, limits)
                yield number, _fit(cells, width)

    return rows


def _xlsx_value(cell) -> Cell:  # cell: openpyxl ReadOnlyCell or EmptyCell
    value = cell.value
    kind = type(value)
    if value is None or kind is int or kind is bool:
        return value
    if kind is str:
        return _unescape(value)
    if kind is float:
        return Decimal(repr(value)) if math.isfinite(value) else repr(value)
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


# --- CSV ------------------------------------------------------------------------------------


def _read_csv(path: Path, limits: Limits) -> list[SourceSheet]:
    encoding, lines = _csv_encoding(path)
    try:
        with open(path, encoding=encoding, newline="") as file:
            head = file.read(_HEAD_CHARS)
    except OSError as exc:
        raise _refused(path, f"it cannot be read ({exc.strerror or exc})") from exc
    delimiter, skip = _csv_delimiter(head)
    for number, cells in _csv_records(path, encoding, delimiter, skip):
        if not _is_empty(cells):
            headers = _header(cells)
            rows = _csv_rows(path, encoding, delimiter, skip, number, len(headers), limits)
            total = max(lines - number - skip, 0)  # physical lines: an upper bound
            return [SourceSheet(path.stem, headers, rows, total)]
    return []


def _csv_encoding(path: Path) -> tuple[str, int]:
    """The encoding of the whole file, and its number of lines (for `total`)."""
    with open(path, "rb") as file:
        start = file.read(2)
    if start in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8-sig", "cp1251"]
    for encoding in candidates:
        decoder = codecs.getincrementaldecoder(encoding)("strict")
        lines, last = 0, ""
        try:
            with open(path, "rb") as file:
                while chunk := file.read(_CHUNK):
                    text = decoder.decode(chunk)
                    lines, last = _scan_text(path, text, lines, last)
            lines, last = _scan_text(path, decoder.decode(b"", final=True), lines, last)
        except UnicodeDecodeError:
            continue
        except OSError as exc:
            raise _refused(path, f"it cannot be read ({exc.strerror or exc})") from exc
        return encoding, lines + (1 if last not in ("", "\n") else 0)
    raise _refused(path, "its text is neither UTF-8 nor Windows-1251 (cp1251)")


def _scan_text(path: Path, text: str, lines: int, last: str) -> tuple[int, str]:
    if "\x00" in text:
        raise _refused(path, "it is not a text file (it contains NUL characters)")
    return lines + text.count("\n"), text[-1:] or last


def _csv_delimiter(head: str) -> tuple[str, int]:
    """(delimiter, records to skip before the data: 1 for a `sep=` line)."""
    sep = _SEP_LINE.match(head)
    if sep and sep.group(1) not in '\r\n"':
        return sep.group(1), 1
    offset = 0
    for line in head.splitlines(keepends=True):
        if line.strip(" \t\r\n;,\"'"):  # the first line with content: the header
            break
        offset += len(line)
    else:  # nothing but blanks and separators within the head
        return DELIMITERS[0], 0
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in head[offset:]:
        if char == '"':
            quoted = not quoted  # "" inside quotes toggles twice: still quoted
        elif not quoted:
            if char in "\r\n":
                break
            if char in counts:
                counts[char] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])  # max keeps the first of equals
    return (best if counts[best] else _NO_SPLIT), 0


def _csv_records(
    path: Path, encoding: str, delimiter: str, skip: int
) -> Iterator[tuple[int, list[str]]]:
    """(record number as a spreadsheet shows it, fields) for every record, blank ones too."""
    try:
        with open(path, encoding=encoding, newline="") as file:
            reader = csv.reader(file, delimiter=delimiter, quotechar='"', doublequote=True)
            number = 0
            for number, fields in enumerate(reader, start=1 - skip):
                if number >= 1:
                    yield number, fields
    except csv.Error as exc:
        raise _refused(path, f"row {number + 1} cannot be read as CSV ({exc})") from exc
    except UnicodeDecodeError as exc:  # the file changed since it was checked
        raise _refused(path, f"its text is no longer valid {encoding} ({exc.reason})") from exc
    except OSError as exc:
        raise _refused(path, f"it cannot be read ({exc.strerror or exc})") from exc


def _csv_rows(
    path: Path,
    encoding: str,
    delimiter: str,
    skip: int,
    header_row: int,
    width: int,
    limits: Limits,
) -> Callable[[], Iterator[tuple[int, tuple[Cell, ...]]]]:
    def rows() -> Iterator[tuple[int, tuple[Cell, ...]]]:
        count = 0
        for number, fields in _csv_records(path, encoding, delimiter, skip):
            if number <= header_row or _is_empty(fields):
                continue
            count += 1
            if count > limits.max_rows:
                raise _too_many_rows(path, "", limits)
            yield number, _fit([_unneutralise(f) for f in fields], width)

    return rows


def _unneutralise(text: str) -> str:
    """Undo tables.neutralise: "'=1+2" → "=1+2"; "'abc" and "'" stay as they are."""
    return text[1:] if text[:1] == "'" and text.startswith(FORMULA_STARTS, 1) else text
