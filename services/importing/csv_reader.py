"""Read a CSV file for an import (services.importing.reading decides that a file is one).

CSV gives str cells as written (not stripped), "" for an empty field; headers are stripped.
The header row is found as for a workbook (source.find_header): a title line above it
is skipped. Row numbers of a CSV are its record numbers (a quoted field spanning lines is one
row, as a spreadsheet shows it).

Refused with an ImportFileError: text that is neither UTF-8 nor Windows-1251, or that contains
NUL characters; more than Limits.max_rows data rows (counted while reading: the error comes
from `rows()`).

Encoding: UTF-16 with a BOM (Excel's "Unicode text") when the file starts with one; otherwise
the whole file is decoded as UTF-8 (a BOM is skipped) in a streaming pass, and if that fails
anywhere, as Windows-1251 (cp1251 accepts nearly any byte, so it is the fallback, never the
first guess) — unless some of its rows are valid UTF-8 with letters beyond ASCII: a file
that is part UTF-8 and part cp1251 is refused, naming a row of each, never read as mojibake.
Delimiter: Excel's `sep=X` first line when present (then skipped, as Excel does);
otherwise whichever of ";", tab and "," occurs most often outside quotes in the first line with
content (ties: ";", tab, ","); none of them → one column. csv.Sniffer is not used: it guesses
wrongly on short files and on delimiters inside quotes.

Formula neutralising is undone, so that our own exports (services.csv_writer) read back
exactly: a cell that starts with one or more apostrophes followed by one of = + - @ tab CR
(services.tables.FORMULA_STARTS) loses one apostrophe, so "'=SUM(A1)" reads as "=SUM(A1)",
"'-5" as "-5" and "''=x" as "'=x" (a note that was "'=x"). A cell typed that way on purpose in
another program loses its apostrophe too; spreadsheets hide such an apostrophe anyway. Then
the writer's escapes are undone: "_x0000_" is NUL and "_x005F_" is "_", decoded in one
left-to-right pass as in XLSX (only these two: a CSV has no other use for Excel's escapes).

A field may be as long as the file (csv.field_size_limit is raised to Limits.max_bytes):
Limits.max_cell is a spreadsheet cell's limit and applies to XLSX only.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Callable, Generator, Iterator
from contextlib import closing
from pathlib import Path

from services.importing.source import (
    Cell,
    Limits,
    SourceSheet,
    find_header,
    fit,
    is_empty,
    refused,
    too_many_rows,
    unreadable,
)
from services.tables import FORMULA_STARTS

DELIMITERS = (";", "\t", ",")  # in the order preferred on a tie
_ESCAPE = re.compile("_x(0000|005[Ff])_")  # csv_writer's escapes
_CHUNK = 1024 * 1024
_HEAD_CHARS = 64 * 1024  # decoded text looked at for the delimiter
_NO_SPLIT = "\x00"  # the "delimiter" of a one-column CSV: NUL is refused in the text
_SEP_LINE = re.compile(r"sep=(.)[ \t]*(?:\r\n|\r|\n|$)")


def read_csv(path: Path, limits: Limits) -> list[SourceSheet]:
    """The one sheet of the CSV file at `path`, named by its stem; [] when it is empty."""
    encoding, lines = _csv_encoding(path)
    try:
        with open(path, encoding=encoding, newline="") as file:
            head = file.read(_HEAD_CHARS)
    except OSError as exc:
        raise unreadable(path, exc) from exc
    delimiter, skip = _csv_delimiter(head)
    with closing(_csv_records(path, encoding, delimiter, skip, limits)) as records:
        found = find_header(records)
    if found is None:
        return []
    number, headers = found
    rows = _csv_rows(path, encoding, delimiter, skip, number, len(headers), limits)
    total = max(lines - number - skip, 0)  # physical lines: an upper bound
    return [SourceSheet(path.stem, headers, rows, total)]


def _csv_encoding(path: Path) -> tuple[str, int]:
    """The encoding of the whole file, and its number of lines (for `total`). A file that is
    partly UTF-8 and partly Windows-1251 (rows pasted from two programs) is refused, naming a
    row of each: decoding it either way would turn one part into nonsense."""
    with open(path, "rb") as file:
        start = file.read(2)
    if start in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8-sig", "cp1251"]
    for encoding in candidates:
        if encoding == "cp1251":
            _refuse_mixed(path)
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
            raise unreadable(path, exc) from exc
        return encoding, lines + (1 if last not in ("", "\n") else 0)
    raise refused(path, "encoding")


def _refuse_mixed(path: Path) -> None:
    """Refuse a file that is not UTF-8 as a whole but has rows that are (with letters beyond
    ASCII): a Windows-1251 text is never valid UTF-8 once it has a word in Cyrillic."""
    utf8 = other = None
    try:
        with open(path, "rb") as file:
            for number, line in enumerate(file, start=1):
                if line.isascii():
                    continue
                try:
                    line.decode("utf-8")
                except UnicodeDecodeError:
                    other = other or number
                else:
                    utf8 = utf8 or number
                if utf8 and other:
                    raise refused(
                        path,
                        "mixed_encodings",
                        utf8,
                        other,
                    )
    except OSError as exc:
        raise unreadable(path, exc) from exc


def _scan_text(path: Path, text: str, lines: int, last: str) -> tuple[int, str]:
    if "\x00" in text:
        raise refused(path, "not_text")
    return lines + text.count("\n"), text[-1:] or last


def _csv_delimiter(head: str) -> tuple[str, int]:
    """(delimiter, records to skip before the data: 1 for a `sep=` line)."""
    sep = _SEP_LINE.match(head)
    if sep and sep.group(1) not in '\r\n"':
        return sep.group(1), 1
    offset = 0
    for line in head.splitlines(keepends=True):
        # The first line with content: the header, or a title above it, which Excel pads
        # with separators to the sheet's width ("Продажи за 2024;;;;").
        if line.strip(" \t\r\n;,\"'"):
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
    path: Path, encoding: str, delimiter: str, skip: int, limits: Limits
) -> Generator[tuple[int, list[str]], None, None]:
    """(record number as a spreadsheet shows it, fields) for every record, blank ones too."""
    # The csv module's default (131,072 characters) would refuse a long note our export
    # wrote; no field is longer than the file, which max_bytes bounds. (A process-wide
    # setting: only ever raised.)
    if csv.field_size_limit() < limits.max_bytes:
        csv.field_size_limit(limits.max_bytes)
    try:
        with open(path, encoding=encoding, newline="") as file:
            reader = csv.reader(file, delimiter=delimiter, quotechar='"', doublequote=True)
            number = 0
            for number, fields in enumerate(reader, start=1 - skip):
                if number >= 1:
                    yield number, fields
    except csv.Error as exc:
        raise refused(path, "bad_csv_row", number + 1, exc) from exc
    except UnicodeDecodeError as exc:  # the file changed since it was checked
        raise refused(path, "changed_encoding", encoding) from exc
    except OSError as exc:
        raise unreadable(path, exc) from exc


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
        for number, fields in _csv_records(path, encoding, delimiter, skip, limits):
            if number <= header_row or is_empty(fields):
                continue
            count += 1
            if count > limits.max_rows:
                raise too_many_rows(path, "", limits)
            yield number, fit([_field(f) for f in fields], width)

    return rows


def _field(text: str) -> str:
    """Undo csv_writer.text_field: "'=1+2" → "=1+2", "''=x" → "'=x", "_x0000_" → NUL; "'abc"
    and "'" stay as they are."""
    if text[:1] == "'" and text.lstrip("'").startswith(FORMULA_STARTS):
        text = text[1:]
    if "_x" in text:
        text = _ESCAPE.sub(_unescape, text)
    return text


def _unescape(match: re.Match[str]) -> str:
    return "\x00" if match.group(1) == "0000" else "_"
