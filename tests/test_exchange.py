"""The exchange format: the whole database as Contacts, Orders, Shipments, written and read back."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal as D

import openpyxl
import pytest

from services.errors import Cancelled
from services.exchange import ExportError, Snapshot, export_all, export_table
from services.tables import Column, Kind, Table
from tests.conftest import TODAY

# PRODUCT.md's columns, in its order; extra columns may only follow them.
SPEC = {
    "Contacts": ["Contact ID", "Name", "Phone", "Email", "Address", "Notes", "Channel", "Created"],
    "Orders": [
        "Order ID", "Date", "Status", "Contact ID", "Contact name", "Contact phone", "Channel",
        "Comment", "Amount", "Cost", "Profit", "Margin",
    ],
    "Shipments": [
        "Shipment ID", "Order ID", "Date", "Product", "Quantity", "Unit price", "Unit cost",
        "Amount", "Cost", "Profit", "Margin", "Planned",
    ],
}  # fmt: skip


def by_header(table: Table) -> list[dict]:
    headers = [c.header for c in table.columns]
    return [dict(zip(headers, row, strict=True)) for row in table.rows()]


def test_tables_follow_the_product_spec_and_hold_hand_computed_figures(db, shop):
    s = shop
    with Snapshot(db) as snapshot:
        tables = {t.name: t for t in snapshot.tables(TODAY)}
        for name, headers in SPEC.items():
            assert [c.header for c in tables[name].columns][: len(headers)] == headers
        orders = {row["Order ID"]: row for row in by_header(tables["Orders"])}
        shipments = by_header(tables["Shipments"])
        contacts = {row["Contact ID"]: row for row in by_header(tables["Contacts"])}
    assert tables["Orders"].total == 6 and tables["Shipments"].total == 8
    o1 = orders[s.o1]
    assert o1["Date"] == dt.date(2026, 6, 1) and o1["Status"] == "Completed"
    assert (o1["Contact name"], o1["Contact phone"]) == ("Игорь", "+7 916 123-45-67")
    # 3×1000 + 2×250.50 = 3501.00; 3×600 + 2×100.25 = 2000.50
    assert (o1["Amount"], o1["Cost"], o1["Profit"]) == (D("3501.00"), D("2000.50"), D("1500.50"))
    assert round(o1["Margin"], 6) == D("0.428592")  # 1500.50 / 3501
    assert orders[s.o2]["Margin"] is None  # a gift: no amount, so no margin (not a crash)
    assert orders[s.o3]["Amount"] == D("7400.00")  # 2400 shipped + 5000 planned
    assert orders[s.o4]["Status"] == "Cancelled" and orders[s.o4]["Loss reason"]
    planned = [(r["Order ID"], r["Quantity"]) for r in shipments if r["Planned"]]
    assert planned == [(s.o3, 5)]  # dated 06-20, after TODAY 06-15
    line = next(r for r in shipments if r["Unit price"] == D("250.50"))
    assert (line["Amount"], line["Cost"], line["Profit"]) == (D("501.00"), D("200.50"), D("300.50"))
    assert contacts[s.igor2]["Phone"] == "+7 916 123-45-68"  # typed as 8 916 …, kept E.164
    assert isinstance(contacts[s.anna]["Created"], dt.datetime)


def test_xlsx_workbook_reads_back_with_typed_cells(db, shop, tmp_path):
    path = tmp_path / "all.xlsx"
    assert export_all(db, path, "xlsx", TODAY) == [path]
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[:3] == ["Contacts", "Orders", "Shipments"]
    orders = book["Orders"]
    assert [c.value for c in orders[1]][:12] == SPEC["Orders"]
    rows = {r[0].value: r for r in orders.iter_rows(min_row=2)}
    o1 = rows[shop.o1]
    assert o1[1].value == dt.datetime(2026, 6, 1)  # a real date cell
    assert o1[5].value == "+7 916 123-45-67" and o1[5].data_type == "s"
    assert D(str(o1[8].value)) == D("3501") and D(str(o1[10].value)) == D("1500.5")
    assert "%" in o1[11].number_format and "0.00" in o1[8].number_format
    assert rows[shop.o2][11].value is None  # empty margin, not 0 and not an error
    total = sum(D(str(r[8].value)) for r in orders.iter_rows(min_row=2))
    assert total == D("3501") + 0 + 7400 + 10000 + 2000 + 500  # every order, cancelled too


@pytest.mark.parametrize(
    ("dialect", "delimiter", "mark"), [("excel-ru", ";", ","), ("standard", ",", ".")]
)
def test_csv_files_in_both_dialects_parse_back_to_the_same_figures(
    db, shop, tmp_path, dialect, delimiter, mark
):
    folder = tmp_path / "export"
    files = export_all(db, folder, "csv", TODAY, dialect)
    assert {f.name for f in files} >= {"contacts.csv", "orders.csv", "shipments.csv"}
    raw = (folder / "orders.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel reads the Cyrillic right
    with open(folder / "shipments.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=delimiter))
    assert len(rows) == 8
    amounts = [D(r["Amount"].replace(mark, ".")) for r in rows]
    # O1 3000 + 501; O2 0; O3 2400 + 5000; O4 10000; O5 2000; O6 500
    assert sum(amounts) == D("23401.00")
    assert all(r["Amount"].count(mark) == 1 for r in rows)  # 2 decimals, this dialect's mark
    planned = [r for r in rows if r["Planned"] == "1"]
    assert len(planned) == 1 and planned[0]["Date"] == "2026-06-20"


def test_a_cancelled_export_leaves_no_file(tmp_path):
    rows = [(n, f"row {n}") for n in range(3000)]
    table = Table("Rows", (Column("N", Kind.INTEGER), Column("Text")), lambda: rows, 3000)

    def cancel(done: int, total: int | None) -> None:
        if done:
            raise Cancelled("cancelled")

    for file_format in ("xlsx", "csv"):
        target = tmp_path / f"out.{file_format}"
        with pytest.raises(Cancelled):
            export_table(table, target, file_format, progress=cancel)
        assert list(tmp_path.iterdir()) == []


def test_a_folder_that_cannot_be_written_is_said_plainly(db, shop, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(ExportError, match="Nothing was exported"):
        export_all(db, blocker / "export", "csv", TODAY)
    with pytest.raises(ExportError, match="Could not write"):
        export_all(db, blocker / "all.xlsx", "xlsx", TODAY)
