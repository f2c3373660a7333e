"""The data rows of an XLSX sheet read by python-calamine (Rust: ~15 times faster than
openpyxl), when that is safe and faithful; None otherwise, and xlsx_reader reads it with
openpyxl.

Calamine holds a sheet as a dense grid, 32 bytes a cell, from its first cell to its last,
allocated before the first row comes out: a tiny file with a cell at A1 and another at
XFD1048576 asks for 512 GiB and aborts the process, which no exception handler survives
(tafia/calamine#661). So calamine never opens the file itself. The sheet's XML is read
(bounded), checked, and handed over in a workbook built here that holds nothing else but
the styles and the table of texts (both bounded by the ZIP checks): no relationship of the
original file decides what calamine loads. The sheet goes to openpyxl instead when

- a cell's start tag does not begin with a plain position (r="A1": no entity, no other
  quoting, no missing position), so that the grid cannot be bounded from the text;
- the grid spanned by the positions would exceed MAX_CELLS (256 MB);
- it has error cells (calamine reads "#DIV/0!" as an empty cell: a price would silently
  become the catalogue's) or ISO-date cells;
- its XML is larger than MAX_SHEET_BYTES, or the styles larger than MAX_STYLES_BYTES (the
  table of texts is bounded by the ZIP checks);
- it or the table of texts holds an `_xHHHH_` escape of a character above U+00FF, which
  calamine leaves as it is (it decodes `_x0000_` to `_x00FF_` only) while OOXML, Excel and
  xlsx_reader decode it. Our own writer makes such escapes only for U+FFFE and U+FFFF and as
  the literal half of an escaped "_x005F_" (a text holding "_x0410_", say).

Values are as xlsx_reader's: a date-time at midnight is a date when its number format shows
no time of day (calamine says date either way: the cells styled with a time are found in the
XML and made datetimes again). One difference remains: a whole number stored as 3.0 is the
int 3 (openpyxl: Decimal("3")), equal in every use.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import posixpath
import re
import zipfile
from collections.abc import Hashable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

from defusedxml import ElementTree

from services.importing.source import Cell

if TYPE_CHECKING:  # loaded when a sheet is read, not with the window
    from python_calamine import CalamineSheet

# A value as calamine reads it.
CalamineValue = int | float | str | bool | dt.time | dt.date | dt.datetime | dt.timedelta

MAX_CELLS = 8_000_000  # 200k rows of 40 columns
MAX_SHEET_BYTES = 256 * 1024 * 1024  # the sheet's XML, held in memory while calamine reads it
MAX_STYLES_BYTES = 16 * 1024 * 1024  # a workbook's styles take kilobytes
_INT_MAX = 2**53
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
WORKBOOK_RELS = "xl/_rels/workbook.xml.rels"
_TAG = rb"<(?:[\w.-]+:)?c(?=[\s/>])"  # a cell's start tag (<c ...>, <x:c ...>, <c/>)
_PREFIXED = re.compile(rb"<[\w.-]+:c[\s/>]")  # <x:c ...>: read by calamine, not counted here
_ODD_POSITION = re.compile(rb'<c r="(?![A-Z]{1,3}[0-9]{1,7}")')  # "b2", "&#66;2", " B2"...
_ERRORS = re.compile(rb"""\st\s*=\s*["'][ed]["']""")  # error and ISO-date cells
_ENTITY_VALUE = re.compile(rb"""=\s*["']&""")  # an attribute spelled with a reference
_STYLED = re.compile(_TAG + rb' r="([A-Z]{1,3})([0-9]{1,7})"[^>]*?\ss="([0-9]+)"')
_WIDE_ESCAPE = re.compile(rb"_x(?!00)[0-9A-Fa-f]{4}_")  # see the module's docstring
_FORMAT_NOISE = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')  # literals, [colours], escapes


def calamine_rows(
    archive: zipfile.ZipFile, sheet_name: str, header_row: int
) -> Iterator[tuple[int, list[Cell]]] | None:
    """(row number, cells from column A) of every row after the header, or None when the
    sheet must be read with openpyxl (see the module's docstring)."""
    try:
        import python_calamine
    except ImportError:  # an installation without it still imports, at openpyxl's pace
        return None
    parts = _parts(archive, sheet_name)
    if parts is None:
        return None
    sheet = archive.getinfo(parts["sheet"])
    if sheet.file_size > MAX_SHEET_BYTES:
        return None
    if "styles" in parts and archive.getinfo(parts["styles"]).file_size > MAX_STYLES_BYTES:
        return None
    data = archive.read(sheet)
    if not _bounded(data):
        return None
    styles = archive.read(parts["styles"]) if "styles" in parts else None
    timed = _timed_styles(styles) if styles is not None else frozenset()
    if "0" in timed:  # every unstyled number is a date-time: leave it to openpyxl
        return None
    used = [style for style in timed if f' s="{style}"'.encode() in data]
    moments = _positions(data, frozenset(used)) if used else frozenset()
    date1904 = parts.pop("date1904") == "1"
    members = {role: archive.read(name) for role, name in parts.items()}
    strings = members.get("strings", b"")
    if any(b"_x" in text and _WIDE_ESCAPE.search(text) for text in (data, strings)):
        return None
    book = _workbook(members, data, date1904)
    del data
    workbook = python_calamine.CalamineWorkbook.from_filelike(book)
    try:
        grid = workbook.get_sheet_by_name("Sheet")
    finally:
        workbook.close()
    return _rows(grid, header_row, moments)


def _rows(
    grid: CalamineSheet, header_row: int, moments: frozenset[tuple[int, int]]
) -> Iterator[tuple[int, list[Cell]]]:
    if grid.start is None:  # no cell at all
        return
    pad: list[Cell] = [None] * grid.start[1]
    # One object per distinct value: a log repeats its customers, products, prices and days
    # a hundred thousand times, and the planner holds every row until it has them all.
    seen: dict[type, dict[Hashable, Cell]] = {str: {}, Decimal: {}, dt.date: {}}  # 3 is not 3.0
    for index, raw in enumerate(grid.iter_rows()):  # from row 1: above the first, empty ones
        number = index + 1
        if number <= header_row:
            continue
        cells = pad + [_once(seen, _value(v)) for v in raw]
        if moments:
            for column, value in enumerate(cells):
                if type(value) is dt.date and (number, column) in moments:
                    cells[column] = dt.datetime(value.year, value.month, value.day)
        yield number, cells


def _once(seen: dict[type, dict[Hashable, Cell]], value: Cell) -> Cell:
    same = seen.get(type(value))
    return value if same is None else same.setdefault(value, value)


def _value(value: CalamineValue) -> Cell:
    if type(value) is str:
        return value or None
    if type(value) is float:
        if not math.isfinite(value):
            return repr(value)
        if value.is_integer() and -_INT_MAX < value < _INT_MAX:
            return int(value)
        # Excel's 15 significant digits, as xlsx_reader: 1100.0000000000002 is 1100.
        return Decimal(format(value + 0.0, ".15g"))
    if type(value) is dt.time:
        return value.isoformat()
    if type(value) is dt.timedelta:
        return str(value)
    return value  # int, bool, date, datetime


def _bounded(data: bytes) -> bool:
    """Every cell plainly placed, the grid they span within MAX_CELLS, no error cells. Done
    with byte counts and searches that stop at the first hit, not a list of every cell: the
    check must cost a fraction of what it saves."""
    tags = sum(data.count(b"<c" + end) for end in (b" ", b">", b"/", b"\t", b"\n", b"\r"))
    if tags != data.count(b'<c r="'):  # a cell whose position is not its first attribute
        return False
    if any(odd.search(data) for odd in (_PREFIXED, _ODD_POSITION, _ERRORS, _ENTITY_VALUE)):
        return False
    width = 26
    for letters in (3, 2):  # the widest column, when it is past Z
        found = set(re.findall(rb'<c r="([A-Z]{%d})[0-9]' % letters, data))
        if found:
            width = max(_column(column) for column in found)
            break
    last_row = MAX_CELLS // width  # the grid starts at row 1 or below
    long = re.findall(rb'<c r="[A-Z]{1,3}([0-9]{%d,})"' % len(str(last_row)), data)
    return all(int(row) <= last_row for row in long)


def date_only(number_format: str | None) -> bool:
    """Whether a date format shows no time of day: no h, s or AM/PM outside quoted text,
    [brackets] and escapes. (openpyxl's is_datetime misses upper-case "DD.MM.YYYY".)"""
    code = _FORMAT_NOISE.sub("", (number_format or "").split(";")[0]).casefold()
    if not any(c in code for c in "dmy"):
        return False
    return not any(c in code for c in "hs") and "am/pm" not in code and "a/p" not in code


def _timed_styles(styles: bytes) -> frozenset[str]:
    """The cell styles (their index, as s="" writes it) whose format shows a date and a time."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

    root = ElementTree.fromstring(styles)
    codes = {
        fmt.get("numFmtId"): fmt.get("formatCode")
        for fmt in root.iterfind(f"{{{_MAIN}}}numFmts/{{{_MAIN}}}numFmt")
    }
    timed = set()
    for index, xf in enumerate(root.iterfind(f"{{{_MAIN}}}cellXfs/{{{_MAIN}}}xf")):
        number = xf.get("numFmtId", "0")
        code = codes.get(number)
        if code is None and number.isdigit():
            code = BUILTIN_FORMATS.get(int(number))
        if code and is_date_format(code) and not date_only(code):
            timed.add(str(index))
    return frozenset(timed)


def _positions(data: bytes, styles: frozenset[str]) -> frozenset[tuple[int, int]]:
    """(row, column from 0) of the cells in one of `styles`."""
    return frozenset(
        (int(row), _column(letters) - 1)
        for letters, row, style in _STYLED.findall(data)
        if style.decode() in styles
    )


def _column(letters: bytes) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + letter - 64
    return index


def relations(rels: bytes) -> list[tuple[str, str, str]]:
    """(Id, kind: the last word of its Type, such as "worksheet" or "sharedStrings", and the
    ZIP member it points to) of each relationship in the workbook's WORKBOOK_RELS."""
    found = []
    for relation in ElementTree.fromstring(rels):
        kind = str(relation.get("Type", "")).rsplit("/", 1)[-1]
        target = str(relation.get("Target", ""))
        name = posixpath.normpath(target.lstrip("/") if target.startswith("/") else f"xl/{target}")
        found.append((str(relation.get("Id", "")), kind, name))
    return found


def _parts(archive: zipfile.ZipFile, sheet_name: str) -> dict[str, str] | None:
    """The members of the sheet, the styles and the table of texts as the workbook's own
    relationships place them (and its date system); None when anything is unclear."""
    names = set(archive.namelist())
    if "xl/workbook.xml" not in names or WORKBOOK_RELS not in names:
        return None
    book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    ids = [
        sheet.get(f"{{{_RELS}}}id")
        for sheet in book.iter(f"{{{_MAIN}}}sheet")
        if sheet.get("name") == sheet_name
    ]
    properties = book.find(f"{{{_MAIN}}}workbookPr")
    date1904 = properties.get("date1904", "0") if properties is not None else "0"
    if len(ids) != 1:
        return None
    found = {"date1904": "1" if date1904 in ("1", "true") else "0"}
    for ident, kind, name in relations(archive.read(WORKBOOK_RELS)):
        role = (
            "sheet"
            if ident == ids[0]
            else {"styles": "styles", "sharedStrings": "strings"}.get(kind)
        )
        if role is not None:
            if name not in names:
                return None
            found[role] = name
    return found if "sheet" in found else None


def _workbook(parts: dict[str, bytes], sheet: bytes, date1904: bool) -> io.BytesIO:
    """A workbook of one sheet, "Sheet", with the original's styles and texts."""
    rels = ['<Relationship Id="rId1" Type="{0}/worksheet" Target="worksheets/sheet1.xml"/>']
    types = ['<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{1}worksheet+xml"/>']
    files = {"xl/worksheets/sheet1.xml": sheet}
    for number, (role, member, kind) in enumerate(
        (("styles", "styles.xml", "styles"), ("strings", "sharedStrings.xml", "sharedStrings")),
        start=2,
    ):
        if role in parts:
            files[f"xl/{member}"] = parts[role]
            rels.append(f'<Relationship Id="rId{number}" Type="{{0}}/{kind}" Target="{member}"/>')
            types.append(f'<Override PartName="/xl/{member}" ContentType="{{1}}{kind}+xml"/>')
    office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    content = "application/vnd.openxmlformats-officedocument.spreadsheetml."
    files["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{content}sheet.main+xml"/>'
        + "".join(types).format(office, content)
        + "</Types>"
    ).encode()
    files["_rels/.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PACKAGE}">'
        f'<Relationship Id="rId1" Type="{office}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    ).encode()
    files["xl/workbook.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_MAIN}" xmlns:r="{_RELS}">'
        f'<workbookPr date1904="{int(date1904)}"/>'
        '<sheets><sheet name="Sheet" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ).encode()
    files["xl/_rels/workbook.xml.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PACKAGE}">'
        + "".join(rels).format(office, content)
        + "</Relationships>"
    ).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as out:
        for name, payload in files.items():
            out.writestr(name, payload)
    buffer.seek(0)
    return buffer
