"""Read the sheets of an XLSX workbook or a CSV file for an import, distrusting the file.

`read_file` also takes a folder (every .csv in it) and one CSV file of the exchange format
(services.exchange.export_all writes contacts.csv, orders.csv, shipments.csv, companies.csv,
products.csv, payments.csv, tags.csv, purchases.csv, purchaselines.csv, expenses.csv and
stockadjustments.csv into a folder): choosing any of them reads all of
them, since an import takes one path and the format is useless in parts. The limits below
apply to each file.

What is refused, always before the part concerned is parsed, with an ImportFileError whose
message names the file and says why:

- a file larger than Limits.max_bytes (checked on the file system, nothing read);
- a file that is neither a ZIP archive (an XLSX) nor named .csv/.txt/.tsv. The choice is by
  content: a workbook renamed to .csv is read as a workbook; a password-protected workbook or
  an old .xls (both OLE compound files) is named as such;
- an XLSX whose ZIP directory (read with zipfile, nothing extracted) is damaged, encrypted,
  has too many members, unpacks to more than Limits.max_uncompressed, has a member compressed
  more than Limits.max_ratio times (a zip bomb), has a table of texts (shared strings, which
  a reader holds whole) larger than Limits.max_strings, or has no xl/workbook.xml;
- XML with entity declarations or external references (a "billion laughs" file): openpyxl
  parses through defusedxml, which stops at the declaration, before any expansion. Any other
  XML or structural damage is reported as a damaged workbook;
- a sheet whose dimension declares far more than Limits.max_rows rows (before a row is read);
  a sheet or CSV file with more than Limits.max_rows data rows (counted while reading: the
  error comes from `rows()`, at the first row over the cap);
- a cell longer than Limits.max_cell characters (Excel's limit; from `rows()`);
- CSV text that is neither UTF-8 nor Windows-1251, that mixes the two, or that contains NUL
  characters (CSV is read by services.importing.csv_reader, which says more).

The header row (both formats): hand-kept sheets often start with a title merged across the
columns ("Продажи за 2024 год") and a blank row. Among the first HEADER_SEARCH non-empty rows,
the header is the first whose non-empty cells number at least max(2, half the most any of
those rows has); the rows above it are skipped. When no row has two (a one-column file), it is
the first non-empty row. Rows keep the sheet's own numbers.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from services.importing.csv_reader import read_csv
from services.importing.source import (
    DEFAULT_LIMITS,
    Limits,
    SourceSheet,
    megabytes,
    refused,
    unreadable,
)
from services.importing.xlsx_reader import ZIP_MAGIC, read_xlsx

CSV_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and any password-protected .xlsx
# The exchange format's CSV files (services.csv_writer names them so); all but the first three
# optional.
EXCHANGE_FILES = (
    *("contacts.csv", "orders.csv", "shipments.csv"),
    *("companies.csv", "products.csv", "payments.csv", "tags.csv"),
    *("purchases.csv", "purchaselines.csv", "expenses.csv", "stockadjustments.csv"),
)
EXCHANGE_REQUIRED = EXCHANGE_FILES[:3]


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
            raise refused(path, "folder_without_csv")
    else:
        files = _exchange_files(path) or [path]
    sheets = [sheet for file in files for sheet in _read_one(file, limits)]
    if not sheets:
        raise refused(path, "empty")
    return sheets


def _csv_files(folder: Path) -> list[Path]:
    try:
        found = [p for p in folder.iterdir() if p.suffix.casefold() == ".csv" and p.is_file()]
    except OSError as exc:
        raise unreadable(folder, exc) from exc
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
    try:
        size = path.stat().st_size
        with open(path, "rb") as file:
            magic = file.read(len(OLE_MAGIC))
    except OSError as exc:
        raise unreadable(path, exc) from exc
    if size > limits.max_bytes:
        raise refused(path, "too_large", megabytes(size), megabytes(limits.max_bytes))
    if magic.startswith(ZIP_MAGIC):
        return read_xlsx(path, limits)
    if magic == OLE_MAGIC:
        raise refused(path, "old_or_protected")
    if path.suffix.casefold() in CSV_SUFFIXES:
        return read_csv(path, limits)
    raise refused(path, "unknown_kind")


def header_key(headers: Iterable[str]) -> str:
    """A stable key of a header row, to remember a column mapping per header set: the same
    for headers differing only in case or in spaces (around or inside), different for a
    different order. 16 hex digits of SHA-1."""
    text = "\x1f".join(" ".join(str(h).split()).casefold() for h in headers)
    return hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()[:16]
