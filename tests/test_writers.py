"""The XLSX and CSV export writers: typed cells, formula safety, atomic files, flat memory."""

from __future__ import annotations

import csv
import datetime as dt
import re
import tracemalloc
import weakref
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from services import xlsx_writer
from services.csv_writer import DIALECTS, CsvDialect, write_csv, write_csv_files
from services.errors import Cancelled, LavkaError
from services.tables import Column, Kind, Table
from services.xlsx_writer import sheet_names, write_xlsx

INJECTIONS = ['=HYPERLINK("http://x","y")', "@SUM(1)", "+1", "-1+2", "\tx", "\rx"]
CENT = Decimal("0.01")

SHIPMENT_COLUMNS = (
    Column("Shipment ID", Kind.INTEGER),
    Column("Date", Kind.DATE),
    Column("Product", Kind.TEXT),
    Column("Amount", Kind.MONEY),
    Column("Profit", Kind.MONEY),
    Column("Margin", Kind.PERCENT),
    Column("Planned", Kind.BOOLEAN),
    Column("Changed", Kind.DATETIME),
)
SHIPMENT_ROWS = [
    (1, dt.date(2026, 3, 5), "Чай «Эрл Грей» 100 г", Decimal("1250.50"), Decimal("-150.00"),
     Decimal("-0.12"), False, dt.datetime(2026, 3, 5, 14, 30, 15)),
    (2, dt.date(2025, 12, 31), "Кофе ₽", Decimal("1234567.89"), Decimal("0.10"),
     Decimal("0.25"), True, dt.datetime(2025, 12, 31, 23, 59, 59)),
    (3, dt.date(2026, 1, 1), None, Decimal("0.00"), None, None, None, None),
]  # fmt: skip


def table(name: str, columns: tuple[Column, ...], rows, total: int | None = -1) -> Table:
    materialised = list(rows)
    return Table(name, columns, lambda: materialised, len(materialised) if total == -1 else total)


def shipments() -> Table:
    return table("Shipments", SHIPMENT_COLUMNS, SHIPMENT_ROWS)


def texts(values: list[str]) -> Table:
    return table(
        "Notes", (Column("ID", Kind.INTEGER), Column("Text", Kind.TEXT)), enumerate(values)
    )


def sheet_xml(path: Path, number: int = 1) -> str:
    return zipfile.ZipFile(path).read(f"xl/worksheets/sheet{number}.xml").decode()


def read_csv(path: Path, dialect: CsvDialect) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as file:  # newline="": keep a CR in text
        return list(csv.reader(file, delimiter=dialect.delimiter))


# --- XLSX ---------------------------------------------------------------------------------------


def test_xlsx_cells_are_typed_and_the_header_is_bold_and_frozen(tmp_path: Path) -> None:
    path = tmp_path / "export.xlsx"

    assert write_xlsx(path, [shipments()]) == 3

    ws = load_workbook(path)["Shipments"]
    assert [c.value for c in ws[1]] == [
        "Shipment ID", "Date", "Product", "Amount", "Profit", "Margin", "Planned", "Changed"
    ]  # fmt: skip
    assert all(c.font.b for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:H4"
    assert ws.dimensions == "A1:H4"
    first = ws[2]
    assert first[0].value == 1 and first[0].data_type == "n"
    assert first[1].value == dt.datetime(2026, 3, 5) and first[1].is_date
    assert first[2].value == "Чай «Эрл Грей» 100 г"
    assert Decimal(str(first[3].value)).quantize(CENT) == Decimal("1250.50")
    assert Decimal(str(first[4].value)).quantize(CENT) == Decimal("-150.00")
    assert first[3].number_format == '#,##0.00 "₽"'
    assert first[4].data_type == "n" and first[4].number_format == '#,##0.00 "₽"'
    assert first[5].value == pytest.approx(-0.12) and first[5].number_format == "0.0%"
    assert first[6].value is False
    assert first[7].value == dt.datetime(2026, 3, 5, 14, 30, 15) and first[7].is_date
    second = ws[3]
    assert Decimal(str(second[3].value)).quantize(CENT) == Decimal("1234567.89")
    assert Decimal(str(second[4].value)).quantize(CENT) == Decimal("0.10")
    assert second[5].value == pytest.approx(0.25)
    assert second[6].value is True
    assert second[7].value == dt.datetime(2025, 12, 31, 23, 59, 59)
    assert [c.value for c in ws[4]] == [3, dt.datetime(2026, 1, 1), None, 0, None, None, None, None]


def test_xlsx_writes_money_exactly_not_through_float(tmp_path: Path) -> None:
    path = tmp_path / "money.xlsx"
    columns = (Column("Amount", Kind.MONEY),)
    write_xlsx(path, [table("M", columns, [(Decimal("0.10"),), (Decimal("1E+3"),)])])

    xml = sheet_xml(path)
    assert "<v>0.10</v>" in xml and "<v>1000</v>" in xml


def test_xlsx_column_widths_follow_header_and_values_within_limits(tmp_path: Path) -> None:
    path = tmp_path / "widths.xlsx"
    columns = (Column("Name", Kind.TEXT), Column("Note", Kind.TEXT), Column("N", Kind.INTEGER))
    write_xlsx(path, [table("W", columns, [("Анна Каренина-Вронская", "x" * 500, 1)])])

    ws = load_workbook(path)["W"]
    assert 22 <= ws.column_dimensions["A"].width <= 30
    assert ws.column_dimensions["B"].width == 60
    assert ws.column_dimensions["C"].width == 6


@pytest.mark.parametrize("text", INJECTIONS)
def test_xlsx_formula_like_text_is_a_string_cell_never_a_formula(tmp_path: Path, text) -> None:
    path = tmp_path / "inject.xlsx"
    write_xlsx(path, [texts([text])])

    cell = load_workbook(path)["Notes"]["B2"]
    assert cell.data_type == "s"
    assert cell.value == text  # no apostrophe: the string type is the protection
    assert cell.quotePrefix  # and Excel keeps it text when the person edits the cell
    xml = sheet_xml(path)
    assert "<f>" not in xml and "<f " not in xml


def cell_facts(path: Path, sheet: str) -> list[list[tuple]]:
    """What a reader sees of each cell: value, type, number format, quotePrefix, bold."""
    ws = load_workbook(path)[sheet]
    return [
        [(c.value, c.data_type, c.number_format, c.quotePrefix, c.font.b) for c in row]
        for row in ws.iter_rows()
    ]


def column_widths(path: Path) -> dict[int, float]:
    """Each column's width by its number, from the sheet's <col> ranges."""
    ranges = re.findall(r'<col min="(\d+)" max="(\d+)" width="([\d.]+)"', sheet_xml(path))
    return {n: float(w) for lo, hi, w in ranges for n in range(int(lo), int(hi) + 1)}


def test_the_benchs_xlsxwriter_baseline_writes_what_ours_writes(tmp_path: Path) -> None:
    """tests/bench/export_bench.py times our writer against XlsxWriter (issue #20: ours stays
    only while ≥ 1.5× faster for the same output): the two workbooks must hold the same
    typed, formula-safe cells, or the comparison says nothing."""
    pytest.importorskip("xlsxwriter")
    from tests.bench.export_bench import xlsxwriter_export  # imports xlsxwriter: after the skip

    columns = (*SHIPMENT_COLUMNS, Column("Note", Kind.TEXT))
    rows = [(*row, text) for row, text in zip(SHIPMENT_ROWS, INJECTIONS, strict=False)]
    rows += [(4, dt.date(1899, 12, 31), "Кофе", None, None, None, True, dt.datetime(1900, 1, 1, 9),
              "  пробел  ")]  # fmt: skip
    ours, theirs = tmp_path / "ours.xlsx", tmp_path / "theirs.xlsx"

    assert write_xlsx(ours, [table("Отгрузки", columns, rows)]) == 4
    assert xlsxwriter_export(theirs, table("Отгрузки", columns, rows)) == 4

    facts = cell_facts(ours, "Отгрузки")
    assert facts == cell_facts(theirs, "Отгрузки")
    assert facts[1][8] == ('=HYPERLINK("http://x","y")', "s", "General", True, False)
    assert facts[1][3][1:3] == ("n", '#,##0.00 "₽"') and facts[4][1][:2] == ("1899-12-31", "s")
    mine, library = load_workbook(ours)["Отгрузки"], load_workbook(theirs)["Отгрузки"]
    assert mine.freeze_panes == library.freeze_panes == "A2"
    assert mine.auto_filter.ref == library.auto_filter.ref == "A1:I5"
    widths, padded = column_widths(ours), column_widths(theirs)
    assert len(widths) == 9 and widths[9] == 27  # the longest note (=HYPERLINK…, 26) + 1
    assert all(widths[n] <= padded[n] < widths[n] + 1 for n in widths)  # Excel's padding added
    xml = zipfile.ZipFile(theirs).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml


def test_xlsx_phone_is_readable_text(tmp_path: Path) -> None:
    path = tmp_path / "phone.xlsx"
    write_xlsx(path, [texts(["+79161234567"])])

    cell = load_workbook(path)["Notes"]["B2"]
    assert cell.data_type == "s" and cell.value == "+79161234567"


def test_xlsx_escapes_characters_xml_forbids_and_keeps_whitespace(tmp_path: Path) -> None:
    """Characters XML cannot hold are written as Excel's _xHHHH_ escapes (kept, not dropped)."""
    path = tmp_path / "control.xlsx"
    values = ["a\x00b\x08c\x0bd\x0ce\x1ff", "tab\there\nnew line", "  spaced  ", "<&> \"'"]
    write_xlsx(path, [texts(values)])

    ws = load_workbook(path)["Notes"]
    assert [ws[f"B{n}"].value for n in range(2, 6)] == [
        "a_x0000_b_x0008_c_x000B_d_x000C_e_x001F_f", "tab\there\nnew line", "  spaced  ",
        "<&> \"'",
    ]  # fmt: skip


def test_xlsx_round_trips_unicode_and_the_currency_sign(tmp_path: Path) -> None:
    path = tmp_path / "юникод.xlsx"
    columns = (Column("Имя", Kind.TEXT), Column("Сумма", Kind.MONEY))
    write_xlsx(path, [table("Контакты", columns, [("Ёжик в тумане 🦔", Decimal("10.00"))])])

    ws = load_workbook(path)["Контакты"]
    assert [c.value for c in ws[1]] == ["Имя", "Сумма"]
    assert ws["A2"].value == "Ёжик в тумане 🦔"
    assert ws["B2"].number_format == '#,##0.00 "₽"'


def test_xlsx_currency_with_a_quote_makes_a_valid_number_format(tmp_path: Path) -> None:
    path = tmp_path / "usd.xlsx"
    write_xlsx(path, [table("M", (Column("A", Kind.MONEY),), [(Decimal(1),)])], currency='US"$')

    assert load_workbook(path)["M"]["A2"].number_format == '#,##0.00 "US"\\""$"'


def test_sheet_names_are_made_acceptable_to_excel() -> None:
    wanted = ["Contacts", "a/b:c*d?e[f]g\\h", "x" * 40, "CONTACTS", "", "History", "'Q'"]

    assert sheet_names(wanted) == [
        "Contacts",
        "a_b_c_d_e_f_g_h",
        "x" * 31,
        "CONTACTS (2)",
        "Sheet5",
        "History (2)",
        "Q",
    ]


def test_xlsx_with_three_sheets_opens_on_the_first(tmp_path: Path) -> None:
    path = tmp_path / "all.xlsx"
    one = (Column("ID", Kind.INTEGER),)
    tables = [table(name, one, [(1,), (2,)]) for name in ("Contacts", "Orders", "Shipments")]

    assert write_xlsx(path, tables) == 6

    book = load_workbook(path)
    assert book.sheetnames == ["Contacts", "Orders", "Shipments"]
    assert book.active.title == "Contacts"
    assert all(ws.freeze_panes == "A2" and ws.max_row == 3 for ws in book.worksheets)


def test_xlsx_reports_progress_up_to_the_total(tmp_path: Path) -> None:
    calls: list[tuple[int, int | None]] = []
    rows = [(n,) for n in range(1200)]
    write_xlsx(tmp_path / "p.xlsx", [table("T", (Column("N", Kind.INTEGER),), rows)], None, None)
    write_xlsx(
        tmp_path / "p.xlsx",
        [table("T", (Column("N", Kind.INTEGER),), rows)],
        progress=lambda done, total: calls.append((done, total)),
    )

    assert calls[0] == (0, 1200) and calls[-1] == (1200, 1200)
    assert (500, 1200) in calls and (1000, 1200) in calls


def test_xlsx_progress_total_is_none_when_a_table_does_not_know(tmp_path: Path) -> None:
    calls: list[tuple[int, int | None]] = []
    unknown = table("T", (Column("N", Kind.INTEGER),), [(1,)], total=None)
    write_xlsx(tmp_path / "p.xlsx", [unknown], progress=lambda *call: calls.append(call))

    assert calls[-1] == (1, None)


def cancel_after(rows: int):
    def progress(done: int, _total: int | None) -> None:
        if done >= rows:
            raise Cancelled("cancelled")

    return progress


@pytest.mark.parametrize("after", [0, 500])
def test_cancelled_xlsx_leaves_no_file_and_keeps_the_old_one(tmp_path: Path, after) -> None:
    path = tmp_path / "export.xlsx"
    path.write_bytes(b"the previous export")
    rows = [(n,) for n in range(2000)]

    with pytest.raises(Cancelled):
        write_xlsx(
            path, [table("T", (Column("N", Kind.INTEGER),), rows)], progress=cancel_after(after)
        )

    assert path.read_bytes() == b"the previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["export.xlsx"]


def test_failing_rows_leave_no_xlsx(tmp_path: Path) -> None:
    def rows():
        yield (1,)
        raise RuntimeError("database went away")

    failing = Table("T", (Column("N", Kind.INTEGER),), rows)
    with pytest.raises(RuntimeError):
        write_xlsx(tmp_path / "export.xlsx", [failing])

    assert list(tmp_path.iterdir()) == []


def test_xlsx_refuses_more_rows_than_a_sheet_holds(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(xlsx_writer, "MAX_ROWS", 1001)  # 1000 data rows + the header
    columns = (Column("N", Kind.INTEGER),)

    write_xlsx(tmp_path / "fits.xlsx", [table("T", columns, [(n,) for n in range(1000)])])
    with pytest.raises(LavkaError, match="CSV"):
        write_xlsx(tmp_path / "big.xlsx", [table("T", columns, [(n,) for n in range(1001)])])

    assert [p.name for p in tmp_path.iterdir()] == ["fits.xlsx"]


class TrackedRow(list):
    """A row that a weak reference can watch, to see whether the writer keeps it."""

    __slots__ = ("__weakref__",)
    __hash__ = object.__hash__  # by identity, so that a WeakSet can hold it
    __eq__ = object.__eq__


def test_xlsx_streams_100k_rows_without_holding_them(tmp_path: Path) -> None:
    columns = (Column("ID", Kind.INTEGER), Column("Date", Kind.DATE), Column("Product", Kind.TEXT))
    alive: weakref.WeakSet[TrackedRow] = weakref.WeakSet()
    most_alive = 0

    def rows():  # a generator: nothing but the writer could hold the rows
        for n in range(1, 100_001):
            row = TrackedRow((n, dt.date(2026, 1, 1), f"Товар {n}"))
            alive.add(row)
            yield row

    def progress(_done: int, _total: int | None) -> None:
        nonlocal most_alive
        most_alive = max(most_alive, len(alive))

    path = tmp_path / "big.xlsx"
    assert write_xlsx(path, [Table("Big", columns, rows, 100_000)], progress=progress) == 100_000

    assert most_alive <= 101  # the first rows, sampled for column widths, and the current one
    with zipfile.ZipFile(path).open("xl/worksheets/sheet1.xml") as sheet:
        head = sheet.read(400).decode()
        while chunk := sheet.read(1 << 20):
            tail = chunk[-300:].decode("utf-8", "ignore")
    assert '<dimension ref="A1:C100001"/>' in head
    assert '<row r="100001"><c r="A100001"><v>100000</v></c>' in tail
    assert "Товар 100000</t>" in tail


def test_xlsx_memory_stays_flat(tmp_path: Path) -> None:
    columns = (Column("ID", Kind.INTEGER), Column("Note", Kind.TEXT))

    def rows():  # 40,000 notes of ~210 letters: 17 MB of sheet XML
        for n in range(40_000):
            yield n, f"Заметка {n} " + "ж" * 200

    tracemalloc.start()
    try:
        write_xlsx(tmp_path / "notes.xlsx", [Table("Notes", columns, rows, 40_000)])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert peak < 6 * 2**20, f"peak {peak / 2**20:.1f} MB"


# --- CSV ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["excel-ru", "standard"])
def test_csv_parses_back_to_the_same_figures(tmp_path: Path, key) -> None:
    dialect = DIALECTS[key]
    path = tmp_path / "shipments.csv"

    assert write_csv(path, shipments(), dialect) == 3

    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") == 4 and b"\n" not in raw.replace(b"\r\n", b"")
    header, *rows = read_csv(path, dialect)
    assert header == [c.header for c in SHIPMENT_COLUMNS]

    def number(text: str) -> Decimal:
        return Decimal(text.replace(dialect.decimal, "."))

    assert rows[0][0] == "1" and rows[0][1] == "2026-03-05"
    assert rows[0][2] == "Чай «Эрл Грей» 100 г"
    assert [number(rows[0][3]), number(rows[0][4]), number(rows[0][5])] == [
        Decimal("1250.50"), Decimal("-150.00"), Decimal("-0.12")
    ]  # fmt: skip
    assert rows[0][6:] == ["0", "2026-03-05 14:30:15"]
    assert number(rows[1][3]) == Decimal("1234567.89") and rows[1][6] == "1"
    assert rows[2] == ["3", "2026-01-01", "", "0" + dialect.decimal + "00", "", "", "", ""]


def test_csv_numbers_use_the_dialect_decimal_mark_and_fixed_places(tmp_path: Path) -> None:
    write_csv(tmp_path / "ru.csv", shipments(), DIALECTS["excel-ru"])
    write_csv(tmp_path / "en.csv", shipments(), DIALECTS["standard"])

    ru = (tmp_path / "ru.csv").read_text("utf-8-sig").splitlines()
    en = (tmp_path / "en.csv").read_text("utf-8-sig").splitlines()
    assert ru[1].split(";")[3:6] == ["1250,50", "-150,00", "-0,1200"]
    assert en[1].split(",")[3:6] == ["1250.50", "-150.00", "-0.1200"]
    assert ru[2].split(";")[3:6] == ["1234567,89", "0,10", "0,2500"]


@pytest.mark.parametrize("key", ["excel-ru", "standard"])
def test_csv_neutralises_formula_like_text_but_not_numbers(tmp_path: Path, key) -> None:
    dialect = DIALECTS[key]
    columns = (Column("Text", Kind.TEXT), Column("Profit", Kind.MONEY))
    rows = [(text, Decimal("-150.00")) for text in [*INJECTIONS, "+79161234567"]]
    path = tmp_path / "t.csv"
    write_csv(path, table("T", columns, rows), dialect)

    _header, *parsed = read_csv(path, dialect)
    assert [row[0] for row in parsed] == [
        "'=HYPERLINK(\"http://x\",\"y\")", "'@SUM(1)", "'+1", "'-1+2", "'\tx", "'\rx",
        "'+79161234567",
    ]  # fmt: skip
    assert {row[1] for row in parsed} == {"-150" + dialect.decimal + "00"}


def test_csv_quotes_delimiters_and_newlines_and_escapes_nul(tmp_path: Path) -> None:
    dialect = DIALECTS["excel-ru"]
    path = tmp_path / "t.csv"
    write_csv(path, texts(["a;b", 'say "hi"', "line\nbreak", "nul\x00here"]), dialect)

    _header, *parsed = read_csv(path, dialect)
    # NUL, which no CSV reader takes, is written as Excel's escape; Lavka's import reads it back.
    assert [row[1] for row in parsed] == ["a;b", 'say "hi"', "line\nbreak", "nul_x0000_here"]


def test_csv_files_are_named_after_the_tables(tmp_path: Path) -> None:
    one = (Column("ID", Kind.INTEGER),)
    tables = [table(name, one, [(1,)]) for name in ("Contacts", "Orders", "Shipments")]

    paths = write_csv_files(tmp_path, tables, DIALECTS["standard"])

    assert paths == [tmp_path / "contacts.csv", tmp_path / "orders.csv", tmp_path / "shipments.csv"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "contacts.csv",
        "orders.csv",
        "shipments.csv",
    ]
    assert (tmp_path / "orders.csv").read_bytes() == b"\xef\xbb\xbfID\r\n1\r\n"


def test_cancelled_csv_set_writes_nothing_and_keeps_old_files(tmp_path: Path) -> None:
    (tmp_path / "contacts.csv").write_text("old contacts")
    one = (Column("ID", Kind.INTEGER),)
    tables = [
        table("Contacts", one, [(n,) for n in range(10)]),
        table("Orders", one, [(n,) for n in range(2000)]),
    ]

    with pytest.raises(Cancelled):
        write_csv_files(tmp_path, tables, DIALECTS["excel-ru"], progress=cancel_after(1000))

    assert [p.name for p in tmp_path.iterdir()] == ["contacts.csv"]
    assert (tmp_path / "contacts.csv").read_text() == "old contacts"


def test_cancelled_single_csv_leaves_no_file(tmp_path: Path) -> None:
    one = (Column("ID", Kind.INTEGER),)
    with pytest.raises(Cancelled):
        write_csv(
            tmp_path / "orders.csv",
            table("Orders", one, [(n,) for n in range(600)]),
            DIALECTS["standard"],
            progress=cancel_after(0),
        )

    assert list(tmp_path.iterdir()) == []
