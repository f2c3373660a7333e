"""Reading XLSX for import: SourceSheets, hostile files refused, export round trips."""

from __future__ import annotations

import datetime as dt
import tracemalloc
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import openpyxl.xml
import pytest

from services.csv_writer import DIALECTS, write_csv
from services.importing import ImportFileError, Limits, header_key, read_file, reading
from services.tables import Column, Kind, Table
from services.xlsx_writer import write_xlsx


def rows_of(sheet):
    return list(sheet.rows())


def rewrite_zip(path: Path, replace: dict[str, bytes], add: dict[str, bytes] | None = None):
    """Rewrite the archive at `path` with some members replaced or added."""
    with zipfile.ZipFile(path) as src:
        members = [(info.filename, src.read(info)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in members:
            out.writestr(name, replace.get(name, data))
        for name, data in (add or {}).items():
            out.writestr(name, data)


def simple_workbook(path: Path, rows=(("Name", "Qty"), ("Иван", 3))) -> Path:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(list(row))
    workbook.save(path)
    return path


@pytest.fixture
def no_parsing(monkeypatch):
    """Fail the test if openpyxl is asked to parse the workbook."""

    def refuse(*args, **kwargs):
        raise AssertionError("the workbook was parsed")

    monkeypatch.setattr(openpyxl, "load_workbook", refuse)


def test_openpyxl_parses_through_defusedxml():
    assert openpyxl.xml.DEFUSEDXML is True


# --- XLSX -----------------------------------------------------------------------------------


def test_xlsx_values_rows_and_sheets(tmp_path):
    workbook = openpyxl.Workbook()
    sales = workbook.active
    sales.title = "Продажи"
    # Row 1 empty: the header is row 2, the first filled at least half as wide as the widest.
    sales.append([])
    sales.append(["  Дата ", "Сумма", "Кол-во", "Товар", "Оплачен", "Удвоено", "Время", None])
    sales.append([dt.datetime(2024, 9, 13), 1250.5, 3, "Чехол", True, "=C3*2"])
    sales.append([])  # an empty row inside the data is skipped
    sales.append([dt.datetime(2024, 9, 14, 15, 30), 0.1, 2.0, "  Кабель ", False])
    sales.append([dt.datetime(2024, 9, 15), None, None, None, None, None, None, "extra"])
    sales["A3"].number_format = "DD.MM.YYYY"  # a date-only format: a date
    sales["A5"].number_format = "DD.MM.YYYY HH:MM"
    sales["A6"].number_format = "yyyy-mm-dd hh:mm"  # midnight, but a format with time
    workbook.create_sheet("Пустой")
    other = workbook.create_sheet("Clients")
    other.append(["Имя", "Телефон"])
    other.append(["Пётр", "+7 999 123-45-67"])
    path = tmp_path / "book.xlsx"
    workbook.save(path)

    sheets = read_file(path)

    assert [s.name for s in sheets] == ["Продажи", "Clients"]
    sales_sheet, clients = sheets
    assert sales_sheet.headers == (
        "Дата",
        "Сумма",
        "Кол-во",
        "Товар",
        "Оплачен",
        "Удвоено",
        "Время",
    )
    assert rows_of(sales_sheet) == [
        # openpyxl writes a formula without a cached value: None, never evaluated.
        (3, (dt.date(2024, 9, 13), Decimal("1250.5"), 3, "Чехол", True, None, None)),
        (5, (dt.datetime(2024, 9, 14, 15, 30), Decimal("0.1"), 2, "  Кабель ", False, None, None)),
        (6, (dt.datetime(2024, 9, 15, 0, 0), None, None, None, None, None, None)),
    ]
    assert sales_sheet.total == 4  # rows 3-6 by the sheet's dimension, the empty one included
    assert clients.headers == ("Имя", "Телефон")
    assert rows_of(clients) == [(2, ("Пётр", "+7 999 123-45-67"))]
    assert rows_of(clients) == [(2, ("Пётр", "+7 999 123-45-67"))]  # rows() reads again


def test_xlsx_floats_become_decimal_and_cached_formula_values_are_read(tmp_path):
    path = simple_workbook(tmp_path / "f.xlsx", [("A", "B", "C"), (2.5, 21, "=B2*2")])
    # Give the formula the cached value a spreadsheet would have saved with it.
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    assert b"<f>B2*2</f><v />" in sheet
    rewrite_zip(path, {"xl/worksheets/sheet1.xml": sheet.replace(b"<v />", b"<v>42.0</v>")})

    (only,) = read_file(path)

    assert rows_of(only) == [(2, (Decimal("2.5"), 21, Decimal("42")))]
    assert all(type(v) is not float for _, row in rows_of(only) for v in row)


def test_xlsx_floats_keep_excels_15_significant_digits(tmp_path):
    # The 17 digits Excel saves for a formula's result: =1,1*1000 caches 1100.0000000000002,
    # shown as 1 100,00; repr would give 13 decimals and fail the money check. openpyxl
    # rounds floats when it writes, so the saved values are put into the XML by hand.
    saved = ["1100.0000000000002", "0.30000000000000004", "1250.5", "1E+20", "3.0", "-0.0"]
    path = simple_workbook(tmp_path / "floats.xlsx", [("N",), *((i,) for i in range(6))])
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    for i, value in enumerate(saved):
        assert sheet.count(f"<v>{i}</v>".encode()) == 1
        sheet = sheet.replace(f"<v>{i}</v>".encode(), f"<v>{value}</v>".encode())
    rewrite_zip(path, {"xl/worksheets/sheet1.xml": sheet})
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    cells = [row[0].value for row in workbook.active.iter_rows(min_row=2)]
    workbook.close()
    assert cells == [float(v) for v in saved] and cells[0] != 1100  # floats, as Excel's

    (only,) = read_file(path)

    got = [row[0] for _, row in rows_of(only)]
    # Never a float; a whole number may be an int (calamine cannot tell 3 from 3.0).
    assert all(type(v) in (Decimal, int) for v in got)
    assert [str(v) for v in got] == ["1100", "0.3", "1250.5", "1E+20", "3", "0"]


def test_xlsx_title_rows_above_the_header_are_skipped(tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["A1"] = "Продажи за 2024 год"
    sheet.merge_cells("A1:F1")
    # Row 2 empty; the header in row 3, one column unnamed; a short note in row 5.
    sheet.append([])
    sheet.append(["Дата", "Клиент", "Телефон", None, "Сумма", "Комментарий"])
    sheet.append([dt.datetime(2024, 9, 13), "Игорь", "+79991234567", None, 700, "звонить"])
    sheet.append(["итого за сентябрь", None, None, None, 700])
    path = tmp_path / "titled.xlsx"
    workbook.save(path)

    (only,) = read_file(path)

    assert only.headers == ("Дата", "Клиент", "Телефон", "", "Сумма", "Комментарий")
    assert rows_of(only) == [
        (4, (dt.datetime(2024, 9, 13), "Игорь", "+79991234567", None, 700, "звонить")),
        (5, ("итого за сентябрь", None, None, None, 700, None)),
    ]
    assert only.total == 2


def test_xlsx_one_column_keeps_its_first_row_as_the_header(tmp_path):
    path = simple_workbook(tmp_path / "one.xlsx", [(None,), ("Телефон",), ("+79991234567",)])
    (only,) = read_file(path)
    assert only.headers == ("Телефон",)
    assert rows_of(only) == [(3, ("+79991234567",))]


def test_xlsx_without_dimension_and_a_lying_dimension_lose_no_rows(tmp_path):
    path = simple_workbook(tmp_path / "d.xlsx", [("A", "B"), (1, 2), (3, 4), (5, 6, 7)])
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    assert b'<dimension ref="A1:C4" />' in sheet
    rewrite_zip(path, {"xl/worksheets/sheet1.xml": sheet.replace(b"A1:C4", b"A1:A2")})

    (only,) = read_file(path)

    assert only.headers == ("A", "B")
    assert rows_of(only) == [(2, (1, 2)), (3, (3, 4)), (4, (5, 6))]


def test_xlsx_rows_cap(tmp_path):
    path = simple_workbook(tmp_path / "cap.xlsx", [("N",), (1,), (2,), (None,), (3,)])
    (at_cap,) = read_file(path, Limits(max_rows=3))
    assert [number for number, _ in rows_of(at_cap)] == [2, 3, 5]

    path = simple_workbook(tmp_path / "over.xlsx", [("N",), (1,), (2,), (3,), (4,)])
    (sheet,) = read_file(path, Limits(max_rows=3))
    with pytest.raises(ImportFileError, match=r"'over.xlsx'.*more than 3 rows"):
        rows_of(sheet)


def raw_sheet(rows: int, dimension: int | None = None) -> bytes:
    """A worksheet of `rows` rows (a header, then numbered lines), written as XML directly."""
    body = b"".join(
        b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>Line</t></is></c><c r="B%d"><v>%d</v></c>'
        b"</row>" % (n, n, n, n)
        for n in range(2, rows + 1)
    )
    return (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<dimension ref="A1:B%d"/><sheetData>'
        % (dimension or rows)
        + b'<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c>'
        b'<c r="B1" t="inlineStr"><is><t>Qty</t></is></c></row>'
        + body
        + b"</sheetData></worksheet>"
    )


def test_an_oversized_sheet_is_refused_by_its_dimension_before_a_row_is_read(tmp_path):
    path = simple_workbook(tmp_path / "huge.xlsx")
    rewrite_zip(path, {"xl/worksheets/sheet1.xml": raw_sheet(250_001)})  # 250,000 data rows
    with pytest.raises(ImportFileError, match=r"'huge.xlsx'.*more than 200000 rows"):
        read_file(path)  # from the sheet's dimension: rows() is never reached


def test_a_sheet_whose_dimension_lies_is_stopped_at_the_first_row_over_the_cap(tmp_path):
    path = simple_workbook(tmp_path / "liar.xlsx")
    rewrite_zip(path, {"xl/worksheets/sheet1.xml": raw_sheet(1_201, dimension=2)})
    (sheet,) = read_file(path, Limits(max_rows=1_000))
    seen = []
    with pytest.raises(ImportFileError, match=r"more than 1000 rows"):
        for number, _cells in sheet.rows():
            seen.append(number)
    assert seen[-1] == 1_001  # the 1,000th data row; the next one is refused


@pytest.mark.slow  # builds a 100 MB table of texts
def test_an_inflated_table_of_texts_is_refused_unread_with_bounded_memory(tmp_path, no_parsing):
    import random

    rng = random.Random(13)
    words = ["".join(rng.choices("абвгдежзиклмнопрстуфхцчшщыэюя", k=7)) for _ in range(4096)]
    chosen = rng.choices(words, k=6_500_000)  # ~100 MB of strings as UTF-8 XML
    table = b"".join(
        b"<si><t>%s</t></si>" % " ".join(chosen[i : i + 8]).encode()
        for i in range(0, len(chosen), 8)
    )
    path = simple_workbook(tmp_path / "strings.xlsx")
    with_shared_strings(
        path,
        b'<sst xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main">' + table + b"</sst>",
    )
    del table, chosen
    assert path.stat().st_size < 50 * 1024 * 1024  # within the file-size cap

    tracemalloc.start()
    try:
        with pytest.raises(ImportFileError, match=r"'strings.xlsx'.*table of texts.*more than"):
            read_file(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20 * 1024 * 1024


def test_a_cell_longer_than_a_spreadsheet_cell_is_refused(tmp_path):
    path = simple_workbook(tmp_path / "long.xlsx")  # openpyxl itself cuts what it writes
    sheet_xml = raw_sheet(3).replace(b"<t>Line</t>", ("<t>" + "я" * 40_000 + "</t>").encode(), 1)
    rewrite_zip(path, {"xl/worksheets/sheet1.xml": sheet_xml})
    (sheet,) = read_file(path)
    with pytest.raises(ImportFileError, match=r"row 2 of sheet 'Sheet'.*more than 32767"):
        rows_of(sheet)


def test_every_sheet_empty_is_refused(tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active["B5"] = "   "
    workbook.save(tmp_path / "empty.xlsx")
    with pytest.raises(ImportFileError, match=r"'empty.xlsx'.*nothing to import"):
        read_file(tmp_path / "empty.xlsx")


BILLION_LAUGHS_DTD = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'.encode()
        for i in range(1, 10)
    )
    + b"]>\n"
)


def billion_laughs_sheet() -> bytes:
    return BILLION_LAUGHS_DTD + (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c></row>'
        b'<row r="2"><c r="A2" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
        b"</sheetData></worksheet>"
    )


def billion_laughs_shared_strings() -> bytes:
    return BILLION_LAUGHS_DTD + (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
        b'uniqueCount="1"><si><t>&lol9;</t></si></sst>'
    )


def with_shared_strings(path: Path, table: bytes) -> None:
    """Give the workbook at `path` a shared-string part holding `table`."""
    types_name, rels_name = "[Content_Types].xml", "xl/_rels/workbook.xml.rels"
    with zipfile.ZipFile(path) as archive:
        types, rels = archive.read(types_name), archive.read(rels_name)
    types = types.replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    rels = rels.replace(
        b"</Relationships>",
        b'<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/'
        b'2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    )
    rewrite_zip(path, {types_name: types, rels_name: rels}, {"xl/sharedStrings.xml": table})


@pytest.mark.parametrize("part", ["sheet", "sharedStrings"])
def test_billion_laughs_is_refused_with_bounded_memory(tmp_path, part):
    path = simple_workbook(tmp_path / "lol.xlsx")
    if part == "sheet":
        rewrite_zip(path, {"xl/worksheets/sheet1.xml": billion_laughs_sheet()})
    else:  # a valid workbook with a shared-strings part declared and the bomb inside it
        with_shared_strings(path, billion_laughs_shared_strings())

    tracemalloc.start()
    try:
        with pytest.raises(ImportFileError) as caught:
            for sheet in read_file(path):
                rows_of(sheet)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    message = str(caught.value)
    assert "'lol.xlsx'" in message and "declares entities or external references" in message
    assert "entities" in message
    assert peak < 20 * 1024 * 1024  # expanded, &lol9; alone would be 3 GB


def test_broken_xml_is_a_damaged_workbook(tmp_path):
    path = simple_workbook(tmp_path / "broken.xlsx")
    rewrite_zip(path, {"xl/worksheets/sheet1.xml": b"<worksheet><sheetData><row"})
    with pytest.raises(ImportFileError, match=r"'broken.xlsx'.*not a real XLSX \(invalid XML"):
        for sheet in read_file(path):
            rows_of(sheet)


def test_zip_bomb_is_refused_before_parsing(tmp_path, no_parsing):
    path = tmp_path / "bomb.xlsx"
    simple_workbook(path)
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/media/zeros.bin", "w") as member,
    ):
        for _ in range(50):
            member.write(bytes(1024 * 1024))
    assert path.stat().st_size < 1024 * 1024

    with pytest.raises(ImportFileError, match=r"'bomb.xlsx'.*xl/media/zeros.bin.*zip bomb"):
        read_file(path)


def test_too_large_when_unpacked_is_refused_before_parsing(tmp_path, no_parsing):
    path = simple_workbook(tmp_path / "big.xlsx")
    with pytest.raises(ImportFileError, match=r"'big.xlsx'.*would unpack to"):
        read_file(path, Limits(max_uncompressed=1000))


def test_oversized_file_is_refused_before_parsing(tmp_path, no_parsing, monkeypatch):
    path = simple_workbook(tmp_path / "huge.xlsx")
    with pytest.raises(
        ImportFileError, match=r"'huge.xlsx'.*is [0-9.]+ MB, larger than the [0-9.]+ MB"
    ):
        read_file(path, Limits(max_bytes=100))

    csv_path = tmp_path / "huge.csv"
    csv_path.write_text("a;b\n" + "1;2\n" * 100, encoding="utf-8")
    monkeypatch.setattr(reading, "read_csv", lambda *a: pytest.fail("CSV was parsed"))
    with pytest.raises(ImportFileError, match=r"'huge.csv'.*larger than"):
        read_file(csv_path, Limits(max_bytes=100))


@pytest.mark.parametrize(
    ("name", "content", "why"),
    [
        ("fake.xlsx", b"Name;Phone\r\n", "not an XLSX workbook or a CSV file"),
        ("photo.jpg", b"\xff\xd8\xff\xe0JFIF", "not an XLSX workbook or a CSV file"),
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "password-protected"),
        ("cut.xlsx", b"PK\x03\x04" + bytes(100), "damaged or not a real XLSX"),
    ],
)
def test_files_that_are_not_workbooks_are_refused(tmp_path, no_parsing, name, content, why):
    (tmp_path / name).write_bytes(content)
    with pytest.raises(ImportFileError, match=f"'{name}' cannot be imported: .*{why}"):
        read_file(tmp_path / name)


def test_zip_that_is_not_a_workbook_and_encrypted_zip_are_refused(tmp_path, no_parsing):
    path = tmp_path / "doc.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    with pytest.raises(ImportFileError, match=r"without xl/workbook.xml"):
        read_file(path)

    path = simple_workbook(tmp_path / "secret.xlsx")
    data = bytearray(path.read_bytes())
    # Set the "encrypted" flag bit in every local and central directory header.
    for signature, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        while at >= 0:
            data[at + flag_at] |= 1
            at = data.find(signature, at + 4)
    path.write_bytes(bytes(data))
    with pytest.raises(ImportFileError, match=r"'secret.xlsx'.*encrypted"):
        read_file(path)


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(ImportFileError, match=r"'nope.csv' cannot be imported: it cannot be read"):
        read_file(tmp_path / "nope.csv")


def test_workbook_renamed_to_csv_is_read_as_a_workbook(tmp_path):
    path = simple_workbook(tmp_path / "export.xlsx")
    renamed = path.rename(tmp_path / "export.csv")
    (only,) = read_file(renamed)
    assert only.name == "Sheet"
    assert rows_of(only) == [(2, ("Иван", 3))]


# --- Round trips of our own exports ---------------------------------------------------------

TEXTS = [
    "Иван Петров",
    '=HYPERLINK("http://evil")',
    "-5 шт",
    "+7 999 123-45-67",
    "@user",
    "\tотступ",
    "литерал _x000D_ и _x005F_",
    "1 250 ₽",
    "строка 1\r\nстрока 2",
]


def export_table() -> Table:
    columns = (
        Column("Текст"),
        Column("Сумма", Kind.MONEY),
        Column("Кол-во", Kind.INTEGER),
        Column("Дата", Kind.DATE),
        Column("Создан", Kind.DATETIME),
        Column("Оплачен", Kind.BOOLEAN),
        Column("Скидка", Kind.PERCENT),
    )
    rows = [
        (
            text,
            Decimal("1250.50") + i,
            i,
            dt.date(2024, 9, 13 + i),
            dt.datetime(2024, 9, 1, 9, i),
            i % 2 == 0,
            Decimal("0.25"),
        )
        for i, text in enumerate(TEXTS)
    ]
    rows.append((None, None, None, None, dt.datetime(2024, 9, 2), None, None))
    return Table("Заказы", columns, lambda: rows, len(rows))


def test_round_trip_of_our_xlsx(tmp_path):
    path = tmp_path / "export.xlsx"
    write_xlsx(path, [export_table()])

    (sheet,) = read_file(path)

    assert sheet.name == "Заказы"
    assert sheet.headers == ("Текст", "Сумма", "Кол-во", "Дата", "Создан", "Оплачен", "Скидка")
    assert sheet.total == len(TEXTS) + 1
    got = rows_of(sheet)
    assert [number for number, _ in got] == list(range(2, len(TEXTS) + 3))
    for i, (_, row) in enumerate(got[:-1]):
        assert row == (
            TEXTS[i],  # no apostrophe in XLSX: a string cell; _x005F_ escapes undone
            Decimal("1250.5") + i,
            i,
            dt.date(2024, 9, 13 + i),
            dt.datetime(2024, 9, 1, 9, i),
            i % 2 == 0,
            Decimal("0.25"),
        )
    # A datetime at midnight in a date-and-time format stays a datetime.
    assert got[-1][1] == (None, None, None, None, dt.datetime(2024, 9, 2), None, None)


@pytest.mark.parametrize(("dialect", "amount"), [("excel-ru", "1250,50"), ("standard", "1250.50")])
def test_round_trip_of_our_csv(tmp_path, dialect, amount):
    path = tmp_path / "orders.csv"
    write_csv(path, export_table(), DIALECTS[dialect])
    assert path.read_text(encoding="utf-8-sig").count("'=HYPERLINK") == 1  # neutralised

    (sheet,) = read_file(path)

    assert sheet.name == "orders"
    assert sheet.headers == ("Текст", "Сумма", "Кол-во", "Дата", "Создан", "Оплачен", "Скидка")
    got = rows_of(sheet)
    assert [number for number, _ in got] == list(range(2, len(TEXTS) + 3))
    first = ("Иван Петров", amount, "0", "2024-09-13", "2024-09-01 09:00:00", "1")
    assert got[0][1][:6] == first
    assert [row[0] for _, row in got[:-1]] == TEXTS  # neutralising undone, \r\n kept
    percent = "0,2500" if dialect == "excel-ru" else "0.2500"
    assert all(row[6] == percent for _, row in got[:-1])
    assert got[-1][1] == ("", "", "", "", "2024-09-02 00:00:00", "", "")


# --- header_key -----------------------------------------------------------------------------


def test_header_key_is_stable_under_case_and_spaces():
    key = header_key(["Дата", "Клиент", "Цена за шт"])
    assert key == header_key([" дата", "КЛИЕНТ ", "цена  за\u00a0шт"])
    assert len(key) == 16 and int(key, 16) >= 0
    assert key != header_key(["Клиент", "Дата", "Цена за шт"])
    assert key != header_key(["Дата", "Клиент"])
    assert header_key(["ё"]) != header_key(["е"])


# --- the fast reader (python-calamine) and when it steps aside ---------------------------------


@pytest.fixture
def no_calamine(monkeypatch):
    """Fail the test if calamine is handed a workbook."""
    import python_calamine

    def refuse(*args, **kwargs):
        raise AssertionError("calamine was given the workbook")

    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_filelike", refuse)


@pytest.fixture
def calamine_only(monkeypatch):
    """Fail the test if openpyxl reads the data rows (it still finds the header)."""
    from services.importing import xlsx_reader

    def refuse(*args, **kwargs):
        raise AssertionError("openpyxl read the rows")

    monkeypatch.setattr(xlsx_reader, "_openpyxl_rows", refuse)


def test_a_plain_sheet_is_read_by_calamine(tmp_path, calamine_only):
    path = simple_workbook(
        tmp_path / "plain.xlsx",
        [("Дата", "Кол-во", "Цена"), (dt.date(2024, 9, 13), 3, 1250.5), (None, None, None)],
    )
    (sheet,) = read_file(path)
    assert rows_of(sheet) == [(2, (dt.date(2024, 9, 13), 3, Decimal("1250.5")))]


def test_cells_far_apart_never_reach_calamine(tmp_path, no_calamine):
    # Two cells at A1 and XFD1048576: calamine's grid for them is 512 GiB, and the process
    # would abort. openpyxl streams the sheet instead.
    sheet = (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c>'
        b'<c r="B1" t="inlineStr"><is><t>Qty</t></is></c></row>'
        b'<row r="2"><c r="A2" t="inlineStr"><is><t>Ivan</t></is></c><c r="B2"><v>2</v></c>'
        b'</row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>'
    )
    path = simple_workbook(tmp_path / "far.xlsx")
    rewrite_zip(path, {"xl/worksheets/sheet1.xml": sheet})
    (only,) = read_file(path)
    assert rows_of(only)[0] == (2, ("Ivan", 2))


@pytest.mark.parametrize(
    "cell",
    [
        b'<c r="B2" t="e"><v>#DIV/0!</v></c>',  # calamine would make the error an empty cell
        b'<c r="&#66;2"><v>5</v></c>',  # a position calamine would decode, the check would not
        b"<c><v>5</v></c>",  # no position at all
    ],
)
def test_cells_calamine_cannot_be_trusted_with_go_to_openpyxl(tmp_path, no_calamine, cell):
    sheet = (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c>'
        b'<c r="B1" t="inlineStr"><is><t>Qty</t></is></c></row>'
        b'<row r="2"><c r="A2" t="inlineStr"><is><t>Ivan</t></is></c>' + cell + b"</row>"
        b"</sheetData></worksheet>"
    )
    path = simple_workbook(tmp_path / "odd.xlsx")
    rewrite_zip(path, {"xl/worksheets/sheet1.xml": sheet})
    (only,) = read_file(path)
    rows = rows_of(only)
    assert rows[0][1][0] == "Ivan"
    if b't="e"' in cell:
        assert rows[0][1][1] == "#DIV/0!"  # said, never silently empty


def test_a_1904_workbook_keeps_its_dates(tmp_path, calamine_only):
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    workbook = openpyxl.Workbook()
    workbook.epoch = CALENDAR_MAC_1904
    workbook.active.append(["Дата", "Сумма"])
    workbook.active.append([dt.date(2024, 9, 13), 100])
    workbook.active["A2"].number_format = "DD.MM.YYYY"
    workbook.save(tmp_path / "mac.xlsx")
    with zipfile.ZipFile(tmp_path / "mac.xlsx") as archive:
        assert b'date1904="1"' in archive.read("xl/workbook.xml")
    (sheet,) = read_file(tmp_path / "mac.xlsx")
    assert rows_of(sheet) == [(2, (dt.date(2024, 9, 13), 100))]
