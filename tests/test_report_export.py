"""The period report exported: typed XLSX cells, a PDF with Cyrillic text and ₽, PNG charts."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import warnings
from decimal import Decimal

import openpyxl
import pytest

from services.figures import Period
from services.formatting import Format
from services.report import period_report
from services.report_charts import PRINT, ChartStyle, chart_figures, render_charts
from services.report_export import report_tables, write_report_pdf, write_report_xlsx
from tests.conftest import TODAY
from tests.test_funnel import DAY as FUNNEL_DAY
from tests.test_funnel import NOVEMBER
from tests.test_funnel import Shop as FunnelShop
from tests.test_report_channels import Business
from tests.test_scoring import five_deals

JUNE = Period(dt.date(2026, 6, 1), dt.date(2026, 6, 30))
PNG = b"\x89PNG\r\n\x1a\n"
NBSP = "\u00a0"


@pytest.fixture
def report(db, shop):
    return period_report(db, JUNE, TODAY)


def test_money_is_grouped_with_a_decimal_comma():
    fmt = Format()  # the PDF's default: Russian marks
    assert fmt.money(Decimal("1250.5")) == f"1{NBSP}250,50{NBSP}₽"
    assert fmt.money(Decimal("-1234567.005")) == f"-1{NBSP}234{NBSP}567,01{NBSP}₽"
    assert fmt.money(Decimal("0")) == f"0,00{NBSP}₽"
    assert fmt.money(None) == "—"
    assert fmt.percent(Decimal("0.255"), signed=True) == f"+25,5{NBSP}%"
    assert fmt.percent(Decimal("0.0004"), signed=True) == f"0,0{NBSP}%"
    assert fmt.percent(None) == "—"
    english = Format(",", ".", "-", "%m/%d/%Y", "$")
    assert english.money(Decimal("-1234567.005")) == f"-1,234,567.01{NBSP}$"
    assert english.date(dt.date(2026, 9, 3)) == "09/03/2026"


def test_tables_hold_typed_values(report):
    tables = {t.name: t for t in report_tables(report)}
    assert "By week" in tables  # June is ≤ 62 days: charted by week
    # Weeks as dates, not ISO codes: 2026-06-01 is a Monday, so the first week is 1–7 June.
    first_week = next(iter(tables["By week"].rows()))
    assert first_week[:2] == (dt.date(2026, 6, 1), dt.date(2026, 6, 7))
    revenue = next(row for row in tables["Key figures"].rows() if row[0] == "Revenue")
    assert revenue[1] == Decimal("6401.00")


def test_xlsx_has_typed_cells(report, tmp_path):
    path = tmp_path / "report.xlsx"
    write_report_xlsx(report, path)
    book = openpyxl.load_workbook(path)
    assert "Key figures" in book.sheetnames
    assert "Top customers by revenue" in book.sheetnames
    sheet = book["Key figures"]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    revenue = rows["Revenue"][1]
    assert revenue.data_type == "n"
    assert Decimal(str(revenue.value)) == Decimal("6401.00")
    assert "₽" in revenue.number_format
    counts = {row[0].value: row for row in book["Key counts"].iter_rows(min_row=2)}
    assert counts["Orders"][1].value == 4  # O1, O2, O3, O6 (O3's planned line apart)
    assert isinstance(counts["Orders"][1].value, int)
    customers = [[c.value for c in row] for row in book["Top customers by revenue"].iter_rows()]
    names = [row[0] for row in customers[1:]]
    assert names.count("Игорь") == 2  # two contacts named Igor stay apart
    assert "Анна Соколова" in names
    assert not list(tmp_path.glob(".*partial*"))


def test_charts_are_three_pngs_without_warnings(report, capsys):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        charts = render_charts(report)
    assert len(charts) == 3
    assert all(png.startswith(PNG) for png in charts)
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


def test_a_dark_style_keeps_text_and_bars_readable(report):
    paper = chart_figures(report)
    dark_style = ChartStyle.on("#1b1b1d", "#e8e8e8", "#9a9a9a")
    assert dark_style.revenue != PRINT.revenue  # lighter bars on the dark background
    dark = chart_figures(report, style=dark_style)
    assert paper[0].get_facecolor()[:3] == (1.0, 1.0, 1.0)
    assert dark[0].get_facecolor()[:3] == pytest.approx((0x1B / 255, 0x1B / 255, 0x1D / 255))
    for figure in dark:
        ax = figure.axes[0]
        assert ax.title.get_color() == "#e8e8e8"
        assert {label.get_color() for label in ax.get_yticklabels()} <= {"#e8e8e8"}
    # a light window keeps the print colours of the bars
    assert ChartStyle.on("#ffffff", "#000000", "#777777").revenue == PRINT.revenue


def test_empty_period_still_renders(db, shop):
    empty = period_report(db, Period(dt.date(2020, 1, 1), dt.date(2020, 1, 31)), TODAY)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        charts = render_charts(empty)
    assert all(png.startswith(PNG) for png in charts)


def test_pdf_has_cyrillic_text_the_rouble_and_totals(report, tmp_path):
    path = tmp_path / "report.pdf"
    write_report_pdf(report, path, title="Отчёт Лавки", charts=render_charts(report))
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"DejaVuSans" in data  # the TTF is embedded, not Helvetica
    assert not list(tmp_path.glob(".*partial*"))
    text = pdf_text(path)
    assert "Отчёт Лавки" in text
    assert "Игорь" in text
    assert "Анна Соколова" in text
    assert "₽" in text
    assert "6 401,00" in text
    assert "01.06.2026 – 30.06.2026" in text


def test_pdf_failure_leaves_no_file(report, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "report.pdf"
    with pytest.raises(ValueError):
        write_report_pdf(report, path, charts=[b"not a png"])
    # a PNG head with a broken body fails inside reportlab's build, after the file is open
    broken = PNG + b"\x00\x00\x00\rIHDR" + (100).to_bytes(4, "big") * 2 + b"garbage"
    with pytest.raises(Exception):  # noqa: B017 - whatever PIL raises for a broken image
        write_report_pdf(report, path, charts=[broken])
    assert list(folder.iterdir()) == []


# --- money owed and deals in flight ------------------------------------------------------------
def pdf_text(path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        check=True,
        text=True,
        encoding="utf-8",
    ).stdout
    return text.replace(NBSP, " ").replace("\u202f", " ")


def test_the_forecast_sheets_of_the_five_deals(db):
    ids = five_deals(db, FUNNEL_DAY)
    report = period_report(db, Period(*NOVEMBER), FUNNEL_DAY, pipeline=True)
    tables = {t.name: t for t in report_tables(report)}
    # by class, the values the forecast counts (above the floor): Сбер 275 000 (A), Гладиолус
    # 80 000 (B), Ромашка 17 500 (C; Администрация района, C2, is at the floor)
    assert list(tables["Forecast"].rows()) == [
        ("A", 1, Decimal("275000.00")),
        ("B", 1, Decimal("80000.00")),
        ("C", 2, Decimal("17500.00")),
        ("D", 0, Decimal("0.00")),
        ("E", 1, Decimal("0.00")),
        ("Total", 5, Decimal("372500.00")),
    ]
    deals = list(tables["Deals"].rows())
    assert deals[0] == (
        ids["Сбер"],
        dt.date(2026, 11, 11),
        "Сбер",
        "КП",
        "конференция",
        Decimal("500000.00"),
        Decimal("0.55"),
        Decimal("275000.00"),
        "A",
        True,
    )
    assert [(d[2], d[8], d[9]) for d in deals[3:]] == [
        ("Администрация района", "C2", False),
        ("Тюльпан", "E", False),
    ]
    assert list(tables["Debtors"].rows()) == []


def test_the_loss_and_debt_sheets_are_typed(db):
    FunnelShop(db)
    report = period_report(db, Period(*NOVEMBER), FUNNEL_DAY, pipeline=True)
    tables = {t.name: t for t in report_tables(report)}
    assert list(tables["Debtors"].rows()) == [
        ("Магазин", None, 2, Decimal("2000.00"), Decimal("2000.00"), 21, dt.date(2026, 11, 10))
    ]
    # reason, orders, before, change, amount, before, change (tests/test_funnel.py)
    assert list(tables["Lost by stage"].rows()) == [
        ("Stage unknown", 1, 1, 0, Decimal("3000.00"), Decimal("4000.00"), Decimal("-1000.00")),
        ("Confirmed", 1, 0, 1, Decimal("2000.00"), Decimal("0.00"), Decimal("2000.00")),
        ("New", 1, 0, 1, Decimal("1000.00"), Decimal("0.00"), Decimal("1000.00")),
        ("Total", 3, 1, 2, Decimal("6000.00"), Decimal("4000.00"), Decimal("2000.00")),
    ]
    conversion = list(tables["Conversion"].rows())
    assert conversion[0] == ("New", 5, 1, Decimal("0.2"))
    assert conversion[-1][:3] == ("All orders", 6, 1)
    # the sheets' names and headers in another language, through the labels
    russian = {"Lost by stage": "Потери по этапам", "Stage unknown": "Этап неизвестен"}
    named = {t.name: t for t in report_tables(report, russian)}
    assert next(iter(named["Потери по этапам"].rows()))[0] == "Этап неизвестен"


def test_the_pdf_has_the_debtors_conversion_losses_and_forecast(db, tmp_path):
    FunnelShop(db)
    report = period_report(db, Period(*NOVEMBER), FUNNEL_DAY, pipeline=True)
    path = tmp_path / "report.pdf"
    write_report_pdf(report, path)
    text = pdf_text(path)
    assert "Debtors on 01.12.2026" in text
    assert "Owed 2 000,00 ₽, of it overdue 2 000,00 ₽" in text
    assert "Orders: 6 · won: 1 · lost: 3 · conversion: 16,7 %" in text
    assert "Compared with: 01.10.2026 – 31.10.2026" in text
    assert "Stage unknown" in text and "-1 000,00 ₽" in text and "+2 000,00 ₽" in text
    assert "Forecast: 0,00 ₽ (deals counted: 0 of 2)" in text


def test_the_pdf_of_the_five_deals_says_the_forecast(db, tmp_path):
    five_deals(db, FUNNEL_DAY)
    report = period_report(db, Period(*NOVEMBER), FUNNEL_DAY, pipeline=True)
    path = tmp_path / "report.pdf"
    write_report_pdf(report, path)
    text = pdf_text(path)
    assert "Forecast: 372 500,00 ₽ (deals counted: 3 of 5)" in text
    assert "Classes: A 1 · B 1 · C 2 · D 0 · E 1, slid down (C2): 1" in text
    assert "Администрация района" in text
    assert "No debtors." in text
    assert "No lost orders in this period or the one before." in text


# --- channels, expenses and the net profit -------------------------------------------------------
def test_the_pdf_has_the_channels_expenses_and_net_profit(db, tmp_path):
    """June of tests/test_report_channels.py, in the PDF's Russian marks."""
    Business(db).june()
    path = tmp_path / "channels.pdf"
    write_report_pdf(period_report(db, JUNE, TODAY), path)
    text = pdf_text(path)
    assert "Channels" in text and "Expenses by category" in text
    for header in ("Gross profit", "Ad spend", "Acquired", "Cost per", "ROI"):  # headers wrap
        assert header in text
    # Avito: 6 000 revenue, 2 400 gross profit, 1 500 ads, 2 acquired at 750, ROI 60 %
    assert "750,00 ₽" in text and "60,0 %" in text
    assert "-20,0 %" in text  # the website: (800 − 1 000) / 1 000
    assert "Packaging" in text and "2 800,00 ₽" in text
    assert "Gross profit 3 200,00 ₽ − expenses 2 800,00 ₽ = net profit 400,00 ₽" in text


def test_the_xlsx_has_typed_channel_and_expense_sheets(db, tmp_path):
    Business(db).june()
    path = tmp_path / "channels.xlsx"
    write_report_xlsx(period_report(db, JUNE, TODAY), path)
    book = openpyxl.load_workbook(path)
    rows = list(book["By channel"].iter_rows(values_only=True))
    assert rows[0] == (
        "Channel",
        "Revenue",
        "Gross profit",
        "Ad spend",
        "Acquired",
        "Cost per customer",
        "ROI",
    )
    assert rows[1] == ("Avito", 6000, 2400, 1500, 2, 750, 0.6)
    assert rows[2] == ("Website", 2000, 800, 1000, 2, 500, -0.2)
    assert "%" in book["By channel"]["G2"].number_format
    assert list(book["Expenses by category"].iter_rows(min_row=2, values_only=True)) == [
        ("Ads", 2500),
        ("Packaging", 300),
        ("Total", 2800),
    ]
    key = {row[0]: row[1:] for row in book["Key figures"].iter_rows(min_row=2, values_only=True)}
    assert key["Net profit"][:2] == (400, 100)


def test_a_channel_without_ads_leaves_its_roi_cell_empty(db, shop, tmp_path):
    path = tmp_path / "shop.xlsx"
    write_report_xlsx(period_report(db, JUNE, TODAY), path)
    [row] = list(book_rows(path, "By channel"))
    assert row == ("No channel", 6401, 3500.5, 0, 2, 0, None)


def book_rows(path, sheet: str):
    return openpyxl.load_workbook(path)[sheet].iter_rows(min_row=2, values_only=True)
