"""What an import reads: the sheets of a file, with their headers and numbered rows; how a
reader shapes them (the header row found, every row as wide as the header); and the limits
every reader enforces, with the error that refuses a file."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from services.errors import LavkaError
from services.files import failure

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


HEADER_SEARCH = 20  # non-empty rows looked at for the header: a title and notes fit above it

# What trimming takes off a cell's text: white space (spaces, tabs, line breaks, the Unicode
# spaces), but not the control characters str.strip() also takes for white space (U+000B,
# U+000C, U+001C-U+001F, U+0085): they are data, and an export must read back with them.
TRIM = (
    " \t\n\r\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)


def blank(cell: Cell) -> bool:
    return cell is None or (type(cell) is str and not cell.strip(TRIM))


def is_empty(cells: Sequence[Cell]) -> bool:
    return all(blank(c) for c in cells)


def find_header(
    records: Iterable[tuple[int, Sequence[Cell]]],
) -> tuple[int, tuple[str, ...]] | None:
    """(row number, headers) of the header row (the first of the first
    HEADER_SEARCH non-empty rows with at least half as many cells as the widest), or
    None when every record is empty. Reads at most HEADER_SEARCH non-empty records."""
    candidates: list[tuple[int, Sequence[Cell], int]] = []
    for number, cells in records:
        filled = sum(1 for c in cells if not blank(c))
        if filled:
            candidates.append((number, cells, filled))
            if len(candidates) == HEADER_SEARCH:
                break
    if not candidates:
        return None
    # Half, not all: a header may have a few unnamed columns, and data rows or notes below
    # it may stick out further. A title merged across the columns is one cell.
    need = max(2, max(filled for _, _, filled in candidates) / 2)
    number, cells, _ = next((c for c in candidates if c[2] >= need), candidates[0])
    return number, header_texts(cells)


def header_texts(cells: Sequence[Cell]) -> tuple[str, ...]:
    texts = ["" if c is None else str(c).strip() for c in cells]
    while texts and not texts[-1]:
        texts.pop()
    return tuple(texts)


def fit(cells: Sequence[Cell], width: int) -> tuple[Cell, ...]:
    if len(cells) >= width:
        return tuple(cells[:width])
    return (*cells, *([None] * (width - len(cells))))


# --- what a reader refuses -----------------------------------------------------------------


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
    # XLSX: the shared-string table (every text of the workbook, which a reader holds in
    # memory whole), uncompressed. A 200k-row log of names, phones and comments needs ~50 MB.
    max_strings: int = 80 * 1024 * 1024
    # XLSX: characters in one cell as stored, Excel's own limit. Our export continues a longer
    # text in further cells, which the reader joins after this check (xlsx_reader). A CSV
    # field has no limit of its own: max_bytes bounds it.
    max_cell: int = 32_767


DEFAULT_LIMITS = Limits()


def refused(path: Path, what: str, *params: object) -> ImportFileError:
    """ "'<file>' cannot be imported: …", said by the code "import.file.<what>" with the
    file's name as its first parameter."""
    return ImportFileError.of(f"import.file.{what}", path.name, *params)


def unreadable(path: Path, error: OSError) -> ImportFileError:
    """The file cannot be read: "import.file.unreadable.<reason>" (a full disk, no access…)."""
    return failure(ImportFileError, "import.file.unreadable", error, path.name)


def megabytes(size: int) -> str:
    """Bytes as megabytes with one decimal, for a message that says "MB" after it."""
    return f"{size / (1024 * 1024):.1f}"


def too_many_rows(path: Path, sheet: str, limits: Limits) -> ImportFileError:
    if sheet:
        return refused(path, "sheet_too_many_rows", sheet, limits.max_rows)
    return refused(path, "too_many_rows", limits.max_rows)
