"""Nothing changed silently: what the exchange format writes (XLSX, CSV in both dialects) reads
back exactly — long texts, apostrophes, control characters, dates a spreadsheet cannot hold."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import text

from services.csv_writer import DIALECTS, write_csv
from services.errors import LavkaError
from services.exchange import Snapshot, export_all, export_table
from services.importing import apply_import, plan_import, read_file
from services.storage import Database
from services.tables import Column, Kind, Table
from services.xlsx_package import MAX_TEXT, text_parts
from services.xlsx_writer import write_xlsx
from tests.conftest import TODAY
from tests.more_databases import NewDatabases

FORMATS = ["xlsx", "csv-excel-ru", "csv-standard"]


@pytest.fixture
def reader(request, monkeypatch):
    """Which XLSX reader reads the data rows: the other one fails the test if asked."""
    import python_calamine

    from services.importing import xlsx_reader

    def refuse(*args, **kwargs):
        raise AssertionError("the other reader was asked")

    if request.param == "calamine":
        monkeypatch.setattr(xlsx_reader, "_openpyxl_rows", refuse)
    elif request.param == "openpyxl":
        monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_filelike", refuse)
    return request.param


@pytest.fixture
def new_database(request, tmp_path):
    with NewDatabases(request, tmp_path) as databases:
        yield databases.open


def set_old_data(db: Database, sql: str, **params) -> None:
    """Text a database from before today's checks may hold, written past the services."""
    with db.engine.begin() as connection:
        connection.execute(text(sql), params)


def export(db: Database, folder: Path, file_format: str) -> Path:
    """The whole database in `file_format` ("xlsx" or "csv-<dialect>"); the path to import."""
    if file_format == "xlsx":
        target = folder / "all.xlsx"
        export_all(db, target, "xlsx", TODAY)
        return target
    target = folder / "csv"
    export_all(db, target, "csv", TODAY, file_format.removeprefix("csv-"))
    return target


def tables_of(db: Database) -> dict[str, list[tuple]]:
    with Snapshot(db) as taken:
        return {t.name: [tuple(r) for r in t.rows()] for t in taken.tables(TODAY)}


def round_trip(db: Database, tmp_path: Path, file_format: str, new_database) -> Database:
    """`db` exported in `file_format` and imported into a new database (returned, open)."""
    path = export(db, tmp_path, file_format)
    copy = new_database("copy")
    plan = plan_import(copy, read_file(path), today=TODAY)
    assert plan.rejections == ()
    apply_import(copy, plan)
    return copy


def notes_of(database: Database, contact_id: int) -> str:
    with database.engine.connect() as connection:
        return connection.execute(
            text("SELECT notes FROM contacts WHERE id = :id"), {"id": contact_id}
        ).scalar_one()


def comment_of(database: Database, order_id: int) -> str:
    with database.engine.connect() as connection:
        return connection.execute(
            text("SELECT comment FROM orders WHERE id = :id"), {"id": order_id}
        ).scalar_one()


def utf16(text_: str) -> int:
    return len(text_.encode("utf-16-le")) // 2


# --- 1. Text longer than a cell ------------------------------------------------------------

# 40,000 characters, 44,000 in Excel's count (every tenth is a hedgehog of two UTF-16 units):
# two cells. 70,000 plain letters: three cells.
LONG_NOTES = ("Заметка 🦔 " * 4000)[:39_999] + "."
LONG_COMMENT = "".join(chr(0x430 + n % 32) for n in range(70_000))


@pytest.mark.parametrize("reader", ["calamine", "openpyxl"], indirect=True)
def test_a_text_longer_than_a_cell_survives_the_xlsx_round_trip(
    db, shop, tmp_path, reader, new_database
):
    set_old_data(db, "UPDATE contacts SET notes = :n WHERE id = :id", n=LONG_NOTES, id=shop.anna)
    set_old_data(db, "UPDATE orders SET comment = :c WHERE id = :id", c=LONG_COMMENT, id=shop.o1)
    before = tables_of(db)

    copy = round_trip(db, tmp_path, "xlsx", new_database)
    try:
        assert notes_of(copy, shop.anna) == LONG_NOTES
        assert comment_of(copy, shop.o1) == LONG_COMMENT
        assert tables_of(copy) == before
    finally:
        copy.close()

    book = openpyxl.load_workbook(tmp_path / "all.xlsx", read_only=True)
    contacts = [list(r) for r in book["Contacts"].iter_rows(values_only=True)]
    orders = [list(r) for r in book["Orders"].iter_rows(values_only=True)]
    book.close()
    # The continuation columns follow the documented ones; no cell holds more than Excel does.
    assert contacts[0][-1] == "Notes (2)" and "Notes (3)" not in contacts[0]
    assert orders[0][-2:] == ["Comment (2)", "Comment (3)"]
    for row in contacts + orders:
        assert all(utf16(v) <= MAX_TEXT for v in row if isinstance(v, str))
    anna = next(r for r in contacts if r[0] == shop.anna)
    notes = contacts[0].index("Notes")
    assert anna[notes] + anna[-1] == LONG_NOTES
    assert utf16(anna[notes]) in (MAX_TEXT - 1, MAX_TEXT)


def test_text_parts_fill_every_cell_but_the_last_and_never_split_a_character():
    assert text_parts("a" * MAX_TEXT) == ["a" * MAX_TEXT]
    assert text_parts("a" * (MAX_TEXT + 1)) == ["a" * MAX_TEXT, "a"]
    # The hedgehog (two units) would straddle the cut: it starts the next part instead.
    assert text_parts("a" * (MAX_TEXT - 1) + "🦔b") == ["a" * (MAX_TEXT - 1), "🦔b"]
    hedgehogs = "🦔" * MAX_TEXT  # 65,534 units: 16,383 + 16,383 + 1 hedgehogs
    parts = text_parts(hedgehogs)
    assert [len(p) for p in parts] == [16_383, 16_383, 1] and "".join(parts) == hedgehogs


@pytest.mark.parametrize("reader", ["calamine", "openpyxl"], indirect=True)
def test_a_grid_export_continues_a_long_text_and_reads_it_back_whole(tmp_path, reader):
    long = "x" * MAX_TEXT + "=tail"  # the second part looks like a formula: still text
    columns = (Column("ID", Kind.INTEGER), Column("Notes"), Column("Comment"))
    rows = [(1, "short", None), (2, long, "c" * (2 * MAX_TEXT + 5)), (3, None, "plain")]
    table = Table("Grid", columns, lambda: rows, 3)
    path = tmp_path / "grid.xlsx"
    export_table(table, path, "xlsx")

    (sheet,) = read_file(path)
    # Notes (2) is met first (row 2, column B), then Comment (2) and Comment (3).
    assert sheet.headers == ("ID", "Notes", "Comment", "Notes (2)", "Comment (2)", "Comment (3)")
    got = [cells for _number, cells in sheet.rows()]
    assert got[0] == (1, "short", None, None, None, None)
    assert got[1] == (2, long, "c" * (2 * MAX_TEXT + 5), None, None, None)
    assert got[2] == (3, None, "plain", None, None, None)
    with zipfile.ZipFile(path) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert '<dimension ref="A1:F4"/>' in sheet_xml and '<autoFilter ref="A1:F4"/>' in sheet_xml


def test_a_column_a_person_named_like_a_continuation_is_left_alone(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Name", "Notes", "Notes (2)"])
    sheet.append(["Иван", "first", "second"])
    sheet.append(["Олег", "a" * 100, "b"])
    book.save(tmp_path / "people.xlsx")

    (read,) = read_file(tmp_path / "people.xlsx")
    assert [cells for _n, cells in read.rows()] == [
        ("Иван", "first", "second"),
        ("Олег", "a" * 100, "b"),
    ]


def test_a_table_with_its_own_notes_2_column_keeps_it_apart_from_the_continuation(tmp_path):
    long = "n" * (MAX_TEXT + 3)
    columns = (Column("Notes"), Column("Notes (2)"))
    path = tmp_path / "own.xlsx"
    write_xlsx(path, [Table("Own", columns, lambda: [(long, "mine")])])

    (sheet,) = read_file(path)
    assert sheet.headers == ("Notes", "Notes (2)", "Notes (2)")
    assert [cells for _n, cells in sheet.rows()] == [(long, "mine", None)]


@pytest.mark.parametrize("dialect", ["excel-ru", "standard"])
def test_a_csv_field_longer_than_the_csv_modules_default_limit_reads_back(tmp_path, dialect):
    long = "ж" * 200_000  # the csv module refuses fields over 131,072 characters by default
    table = Table("Contacts", (Column("ID", Kind.INTEGER), Column("Notes")), lambda: [(1, long)])
    path = tmp_path / "notes.csv"
    write_csv(path, table, DIALECTS[dialect])

    (sheet,) = read_file(path)
    assert [cells for _n, cells in sheet.rows()] == [("1", long)]


@pytest.mark.parametrize("dialect", ["excel-ru", "standard"])
def test_a_long_note_survives_the_csv_round_trip(db, shop, tmp_path, dialect, new_database):
    notes = LONG_NOTES * 5  # 200,000 characters
    set_old_data(db, "UPDATE contacts SET notes = :n WHERE id = :id", n=notes, id=shop.anna)
    copy = round_trip(db, tmp_path, f"csv-{dialect}", new_database)
    try:
        assert notes_of(copy, shop.anna) == notes
    finally:
        copy.close()


# --- 2. Apostrophes ------------------------------------------------------------------------

APOSTROPHES = [
    "'=x",
    "''=x",
    "'+7 916 123-45-67",
    "'-5",
    "'@user",
    "'",
    "''",
    "'abc",
    "=SUM(A1)",
    "-5",
    "@x",
    "+7",
    "it's",
]


@pytest.mark.parametrize("file_format", FORMATS)
def test_text_starting_with_an_apostrophe_comes_back_as_stored(tmp_path, file_format):
    columns = (Column("ID", Kind.INTEGER), Column("Notes"))
    table = Table("Notes", columns, lambda: list(enumerate(APOSTROPHES, start=1)))
    if file_format == "xlsx":
        path = tmp_path / "notes.xlsx"
        write_xlsx(path, [table])
    else:
        path = tmp_path / "notes.csv"
        write_csv(path, table, DIALECTS[file_format.removeprefix("csv-")])

    (sheet,) = read_file(path)
    assert [cells[1] for _n, cells in sheet.rows()] == APOSTROPHES


def test_csv_still_protects_formula_like_text_and_its_apostrophe_form(tmp_path):
    columns = (Column("Notes"),)
    table = Table("Notes", columns, lambda: [("=1+2",), ("'=1+2",), ("'abc",)])
    path = tmp_path / "notes.csv"
    write_csv(path, table, DIALECTS["standard"])
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    # No cell starts with "=": the one that was "'=1+2" gets a second apostrophe.
    assert lines == ["Notes", "'=1+2", "''=1+2", "'abc"]


@pytest.mark.parametrize("file_format", FORMATS)
def test_a_note_starting_with_an_apostrophe_survives_the_exchange_round_trip(
    db, shop, tmp_path, file_format, new_database
):
    set_old_data(db, "UPDATE contacts SET notes = '''=x' WHERE id = :id", id=shop.anna)
    set_old_data(db, "UPDATE orders SET comment = '''-5 шт' WHERE id = :id", id=shop.o1)
    before = tables_of(db)
    copy = round_trip(db, tmp_path, file_format, new_database)
    try:
        assert notes_of(copy, shop.anna) == "'=x"
        assert comment_of(copy, shop.o1) == "'-5 шт"
        assert tables_of(copy) == before
    finally:
        copy.close()


# --- 3. Control characters -----------------------------------------------------------------

# Every C0 control but tab, LF and CR, DEL and C1 controls, at both ends too (str.strip()
# takes U+001C-U+001F for white space), and literal escapes that must not be decoded.
CONTROLS = (
    "\x1f\x0b"
    + "".join(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r")
    + " \x7f\x80\x85\x9f"
    + " _x0000 _x0041_ _x005F_ _x005f_x0000_ _x0000\x00 _x0041\x01_"
    + "\x0c\x1c"
)
# Escapes of characters above U+00FF, which calamine does not decode: openpyxl reads them.
WIDE = "\ufffe\uffff _x0410_ и _xFFFE_"


@pytest.mark.parametrize(
    ("file_format", "reader"),
    [
        ("xlsx", "calamine"),
        ("xlsx", "openpyxl"),
        ("csv-excel-ru", "any"),
        ("csv-standard", "any"),
    ],
    indirect=["reader"],
)
def test_control_characters_survive_every_format(
    db, shop, tmp_path, file_format, reader, new_database
):
    # PostgreSQL's text cannot hold NUL at all (so no database there holds one): every other
    # control character goes there and back.
    controls, comment = CONTROLS, "a\x00b"
    if db.dialect == "postgresql":
        controls, comment = CONTROLS.replace("\x00", ""), "a\x02b"
    set_old_data(db, "UPDATE contacts SET notes = :n WHERE id = :id", n=controls, id=shop.anna)
    set_old_data(db, "UPDATE orders SET comment = :c WHERE id = :id", c=comment, id=shop.o1)
    set_old_data(db, "UPDATE orders SET loss_note = :c WHERE id = :id", c="\x01", id=shop.o4)
    before = tables_of(db)

    copy = round_trip(db, tmp_path, file_format, new_database)
    try:
        assert notes_of(copy, shop.anna) == controls
        assert comment_of(copy, shop.o1) == comment
        assert tables_of(copy) == before
    finally:
        copy.close()


@pytest.mark.parametrize("file_format", FORMATS)
def test_escapes_beyond_latin1_and_non_characters_survive(
    db, shop, tmp_path, file_format, new_database
):
    set_old_data(db, "UPDATE contacts SET notes = :n WHERE id = :id", n=WIDE, id=shop.anna)
    copy = round_trip(db, tmp_path, file_format, new_database)
    try:
        assert notes_of(copy, shop.anna) == WIDE
    finally:
        copy.close()


def test_xlsx_writes_control_characters_as_excels_escapes(tmp_path):
    table = Table("T", (Column("Text"),), lambda: [("a\x00b\x1fc_x0041_d",)])
    write_xlsx(tmp_path / "t.xlsx", [table])
    with zipfile.ZipFile(tmp_path / "t.xlsx") as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<t>a_x0000_b_x001F_c_x005F_x0041_d</t>" in xml


# --- 4. Dates a spreadsheet cannot hold ----------------------------------------------------

DAYS = [
    dt.date(1, 1, 1),
    dt.date(1899, 12, 30),  # serial 0
    dt.date(1899, 12, 31),
    dt.date(1900, 1, 1),
    dt.date(1900, 2, 28),  # serial 60: 1900-02-29 to Excel
    dt.date(1900, 3, 1),  # serial 61: the first one that reads back as itself
    dt.date(2026, 6, 15),
    dt.date(9999, 12, 31),
]


@pytest.mark.parametrize("reader", ["calamine", "openpyxl"], indirect=True)
def test_dates_before_1900_03_01_are_written_as_iso_text(tmp_path, reader):
    columns = (Column("Day", Kind.DATE), Column("At", Kind.DATETIME))
    rows = [(day, dt.datetime(day.year, day.month, day.day, 9, 30)) for day in DAYS]
    path = tmp_path / "days.xlsx"
    write_xlsx(path, [Table("Days", columns, lambda: rows)])

    (sheet,) = read_file(path)
    got = [cells for _n, cells in sheet.rows()]
    early = [
        ("0001-01-01", "0001-01-01 09:30:00"),
        ("1899-12-30", "1899-12-30 09:30:00"),
        ("1899-12-31", "1899-12-31 09:30:00"),
        ("1900-01-01", "1900-01-01 09:30:00"),
        ("1900-02-28", "1900-02-28 09:30:00"),
    ]
    assert got[:5] == early
    assert got[5:] == [(day, dt.datetime(day.year, day.month, day.day, 9, 30)) for day in DAYS[5:]]
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    serials = [float(v) for v in re.findall(r' s="[45]"><v>([^<]+)</v>', xml)]
    assert len(serials) == 6 and min(serials) >= 61


def outcome(copy: Database, path: Path):
    """What importing `path` into the new database `copy` plans: the order dates, and the
    rejections (sheet, row, column) — whatever the date checks of the day accept."""
    plan = plan_import(copy, read_file(path), today=TODAY)
    rejected = sorted((r.sheet.casefold(), r.row, r.column) for r in plan.rejections)
    return sorted(str(order.date) for order in plan.orders), rejected


def test_an_old_order_date_imports_from_xlsx_as_from_csv(db, shop, tmp_path, new_database):
    set_old_data(db, "UPDATE orders SET date = '1899-12-31' WHERE id = :id", id=shop.o5)
    set_old_data(db, "UPDATE shipments SET date = '1899-12-31' WHERE order_id = :id", id=shop.o5)
    set_old_data(db, "UPDATE orders SET date = '0001-01-01' WHERE id = :id", id=shop.o6)
    set_old_data(db, "UPDATE shipments SET date = '0001-01-01' WHERE order_id = :id", id=shop.o6)
    xlsx = export(db, tmp_path, "xlsx")
    csv_folder = export(db, tmp_path, "csv-excel-ru")

    from_xlsx = outcome(new_database("a"), xlsx)
    from_csv = outcome(new_database("b"), csv_folder)
    assert from_xlsx == from_csv
    dates, rejected = from_xlsx
    # Either the dates come back as they were, or the row is refused naming its Date.
    assert all(column == "Date" for _sheet, _row, column in rejected)
    kept = {"0001-01-01", "1899-12-31"} & set(dates)
    assert len(kept) + len({(s, r) for s, r, _c in rejected if s == "orders"}) == 2


@pytest.fixture
def far_west(monkeypatch):
    """Local time in New York: year 1 in UTC is year 0 here, which no datetime holds."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize("file_format", ["xlsx", "csv-standard"])
def test_a_creation_time_at_the_end_of_the_calendar_neither_crashes_nor_moves(
    db, shop, tmp_path, far_west, file_format, new_database
):
    set_old_data(
        db, "UPDATE contacts SET created_at = '0001-01-01 00:00:00' WHERE id = :id", id=shop.anna
    )
    set_old_data(
        db, "UPDATE contacts SET created_at = '1899-12-31 12:00:00' WHERE id = :id", id=shop.igor1
    )
    before = tables_of(db)
    copy = round_trip(db, tmp_path, file_format, new_database)
    try:
        assert tables_of(copy) == before
    finally:
        copy.close()


def test_a_text_needing_more_columns_than_a_sheet_has_is_refused_by_name(tmp_path, monkeypatch):
    from services import xlsx_writer

    monkeypatch.setattr(xlsx_writer, "MAX_COLUMNS", 3)  # A, B and one continuation column
    columns = (Column("ID", Kind.INTEGER), Column("Notes"))
    fits = Table("Fits", columns, lambda: [(1, "n" * (MAX_TEXT + 1))])
    write_xlsx(tmp_path / "fits.xlsx", [fits])
    too_long = Table("Notes", columns, lambda: [(1, "short"), (2, "n" * (2 * MAX_TEXT + 1))])
    with pytest.raises(LavkaError) as raised:
        write_xlsx(tmp_path / "long.xlsx", [too_long])
    assert (raised.value.code, raised.value.params) == ("export.text_too_long", ("Notes", "3"))
    assert not (tmp_path / "long.xlsx").exists()


# --- A spreadsheet program in between ------------------------------------------------------

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_keeps_long_texts_and_control_characters_when_it_saves_our_workbook(
    tmp_path,
):
    texts = ["a\x01b\x1fc", "_x0041_ и _x005F_", "x" * MAX_TEXT + "хвост", "'=x", "\x7f\x85"]
    columns = (Column("ID", Kind.INTEGER), Column("Notes"), Column("Day", Kind.DATE))
    rows = [(n, t, dt.date(1899, 12, 31)) for n, t in enumerate(texts, start=1)]
    ours = tmp_path / "ours.xlsx"
    write_xlsx(ours, [Table("Notes", columns, lambda: rows)])
    saved = tmp_path / "saved"
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--norestore",
         "--convert-to", "xlsx", "--outdir", str(saved), str(ours)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip

    (sheet,) = read_file(saved / "ours.xlsx")
    got = [cells[:3] for _n, cells in sheet.rows()]
    assert got == [(n, t, "1899-12-31") for n, t, _day in rows]
