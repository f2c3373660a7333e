"""LibreOffice opens our XLSX export and sees the same figures, types and texts we wrote."""

from __future__ import annotations

import csv
import datetime as dt
import os
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from services.csv_writer import DIALECTS, write_csv
from services.tables import Column, Kind, Table
from services.xlsx_writer import write_xlsx

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

# Tokens: "," separator, '"' quote, UTF-8 (76), from line 1, no column formats, English (US),
# don't quote all text, (import only), raw values rather than "as shown", no formulas but
# their results, (import only), -1: every sheet into its own file (LibreOffice >= 7.2).
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1"

CONTACTS = Table(
    "Контакты",
    (Column("Имя", Kind.TEXT), Column("Телефон", Kind.TEXT), Column("Заметки", Kind.TEXT)),
    lambda: [
        ("Анна Ковальчук", "+79161234567", '=HYPERLINK("http://x","y")'),
        ("Игорь «Ёж»", "+74951234567", "-1+2"),
    ],
)
SHIPMENTS = Table(
    "Shipments",
    (
        Column("Shipment ID", Kind.INTEGER),
        Column("Date", Kind.DATE),
        Column("Product", Kind.TEXT),
        Column("Amount", Kind.MONEY),
        Column("Profit", Kind.MONEY),
        Column("Margin", Kind.PERCENT),
        Column("Planned", Kind.BOOLEAN),
    ),
    lambda: [
        (1, dt.date(2026, 3, 5), "Чай 100 г", Decimal("1250.50"), Decimal("-150.00"),
         Decimal("-0.12"), False),
        (2, dt.date(2025, 12, 31), "@SUM(1)", Decimal("1234567.89"), Decimal("308641.97"),
         Decimal("0.25"), True),
    ],
)  # fmt: skip


@pytest.fixture
def soffice() -> str:
    if SOFFICE is None:
        pytest.skip(
            "LibreOffice (soffice) is not installed; .ci/run installs libreoffice-calc-nogui "
            "when it can"
        )
    return SOFFICE


def run(soffice: str, tmp_path: Path, locale: str, *args: str) -> None:
    profile = (tmp_path / "lo-profile").as_uri()  # private: works as root, in parallel
    env = {**os.environ, "LC_ALL": locale, "LANG": locale}  # LibreOffice's locale follows these
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", *args]
    subprocess.run(command, check=True, capture_output=True, timeout=180, env=env)


def read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.reader(file))


def percent(text: str) -> Decimal:
    assert text.endswith("%"), text  # a number in a percent format, not a bare fraction
    return Decimal(text[:-1]) / 100


def test_libreoffice_reads_the_figures_we_wrote(soffice: str, tmp_path: Path) -> None:
    workbook = tmp_path / "export.xlsx"
    write_xlsx(workbook, [CONTACTS, SHIPMENTS])
    outdir = tmp_path / "csv"

    run(
        soffice,
        tmp_path,
        "C.UTF-8",
        "--convert-to",
        CSV_FILTER,
        "--outdir",
        str(outdir),
        str(workbook),
    )

    contacts = read(outdir / "export-Контакты.csv")
    assert contacts == [
        ["Имя", "Телефон", "Заметки"],
        ["Анна Ковальчук", "+79161234567", '=HYPERLINK("http://x","y")'],  # text, not run
        ["Игорь «Ёж»", "+74951234567", "-1+2"],  # not 1: text is never a formula
    ]
    header, first, second = read(outdir / "export-Shipments.csv")
    assert header == ["Shipment ID", "Date", "Product", "Amount", "Profit", "Margin", "Planned"]
    # Raw values: numbers without the currency, dates and percents in the en-US standard formats,
    # so each cell proves its type (a text cell would come back as we wrote it).
    assert first[0] == "1" and second[0] == "2"
    assert [dt.datetime.strptime(row[1], "%m/%d/%Y").date() for row in (first, second)] == [
        dt.date(2026, 3, 5), dt.date(2025, 12, 31)
    ]  # fmt: skip
    assert [first[2], second[2]] == ["Чай 100 г", "@SUM(1)"]
    assert [Decimal(first[3]), Decimal(first[4])] == [Decimal("1250.50"), Decimal("-150.00")]
    assert [Decimal(second[3]), Decimal(second[4])] == [Decimal("1234567.89"), Decimal("308641.97")]
    assert [percent(first[5]), percent(second[5])] == [Decimal("-0.12"), Decimal("0.25")]
    assert [first[6], second[6]] == ["FALSE", "TRUE"]


@pytest.mark.parametrize(
    ("key", "locale"), [("excel-ru", "ru_RU.UTF-8"), ("standard", "en_US.UTF-8")]
)
def test_libreoffice_opens_our_csv_with_typed_cells(soffice: str, tmp_path: Path, key, locale):
    """Opened in the locale its dialect is meant for, each CSV value becomes the right type."""
    dialect = DIALECTS[key]
    path = tmp_path / "shipments.csv"
    write_csv(path, SHIPMENTS, dialect)
    separator = str(ord(dialect.delimiter))

    run(soffice, tmp_path, locale, f"--infilter=Text - txt - csv (StarCalc):{separator},34,76,1",
        "--convert-to", "xlsx", "--outdir", str(tmp_path), str(path))  # fmt: skip

    rows = list(load_workbook(tmp_path / "shipments.xlsx").active.iter_rows(values_only=True))
    assert rows[1][:3] == (1, dt.datetime(2026, 3, 5), "Чай 100 г")
    assert rows[2][:3] == (2, dt.datetime(2025, 12, 31), "'@SUM(1)")  # neutralised, kept as text
    assert [Decimal(str(v)) for v in rows[1][3:6]] == [
        Decimal("1250.5"), Decimal("-150"), Decimal("-0.12")
    ]  # fmt: skip
    assert [Decimal(str(v)) for v in rows[2][3:6]] == [
        Decimal("1234567.89"), Decimal("308641.97"), Decimal("0.25")
    ]  # fmt: skip
    assert [rows[1][6], rows[2][6]] == [0, 1]
