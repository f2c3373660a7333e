"""The Reports section driven through its widgets: key figures, top lists, charts, export."""

from __future__ import annotations

import datetime as dt
import warnings

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette

from services.contacts import ContactInput, create_contact
from services.demo import create_demo_business
from services.orders import LineInput, OrderInput, save_order
from services.payments import set_payment_terms
from services.report import KEY_FIGURES
from services.report_export import FONTS
from services.storage import Database
from tests.conftest import TODAY, status_id
from tests.test_funnel import DAY, Shop
from tests.test_report_channels import Business
from tests.test_scoring import five_deals
from ui.exchange import export
from ui.formatting import Formatter
from ui.reports.export import ReportFile
from ui.reports.view import ReportsView

FMT = Formatter(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), "₽")
RUSSIAN = Formatter(QLocale(QLocale.Language.Russian, QLocale.Country.Russia), "₽")


@pytest.fixture
def view(qtbot, db, shop):
    widget = ReportsView(db, FMT, today=TODAY)
    qtbot.addWidget(widget)
    return widget


def shown(qtbot, view) -> ReportsView:
    view.resize(1400, 900)
    with qtbot.waitSignal(view.loaded, timeout=20000):
        view.show()
    return view


def cells(table) -> list[list[str]]:
    return [
        [table.item(row, col).text() for col in range(table.columnCount())]
        for row in range(table.rowCount())
    ]


def test_nothing_is_computed_until_shown(view):
    assert view.report is None and view.operation is None
    view.refresh()
    assert view.operation is None
    assert not view.pdf_action.isEnabled()


def test_key_figures_of_this_month_against_last_month(qtbot, view):
    assert view.period.currentData() == "this_month"
    shown(qtbot, view)
    rows = cells(view.figures)
    assert len(rows) == len(KEY_FIGURES)
    by_name = {row[0]: row[1:] for row in rows}
    # June: O1 3501 + O2 0 + O3 2400 + O6 500 = 6401; May: O5 2000 → +220.1 %
    assert by_name["Revenue"] == ["6,401.00\u00a0₽", "2,000.00\u00a0₽", "+220.1\u00a0%"]
    assert by_name["Orders"][:2] == ["4", "1"]
    # O3's line of 06-20 is planned; nothing was planned in May: no base, no change
    assert by_name["Planned revenue"] == ["5,000.00\u00a0₽", "0.00\u00a0₽", "—"]
    assert view.pdf_action.isEnabled() and view.xlsx_action.isEnabled()


def test_the_two_igors_are_two_customers_and_a_double_click_opens_one(qtbot, view, shop):
    shown(qtbot, view)
    rows = cells(view.customers)
    igors = [row for row in rows if row[0] == "Игорь"]
    assert len(igors) == 2
    assert {row[3] for row in igors} == {"3,501.00\u00a0₽", "2,400.00\u00a0₽"}
    number = next(i for i, row in enumerate(rows) if row[3] == "2,400.00\u00a0₽")
    item = view.customers.item(number, 0)
    pos = view.customers.visualItemRect(item).center()
    qtbot.mouseClick(view.customers.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    with qtbot.waitSignal(view.contactActivated, timeout=1000) as blocker:
        qtbot.mouseDClick(view.customers.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == [shop.igor2]
    products = cells(view.products)
    assert [row[0] for row in products] == ["Кошелёк Classic", "Картхолдер Mini"]


def test_customers_by_profit_have_their_own_tab(qtbot, view, shop):
    shown(qtbot, view)
    view.top_tabs.setCurrentWidget(view.customers_by_profit)
    rows = cells(view.customers_by_profit)
    # June profit: Igor 2 2400 − 600 = 1800; Igor 1 3501 − 2000.50 = 1500.50; Anna 200
    assert [row[4] for row in rows] == ["1,800.00\u00a0₽", "1,500.50\u00a0₽", "200.00\u00a0₽"]
    assert rows[0][5] == "75.0\u00a0%"  # 1800 / 2400
    item = view.customers_by_profit.item(0, 0)
    pos = view.customers_by_profit.visualItemRect(item).center()
    qtbot.mouseClick(view.customers_by_profit.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    with qtbot.waitSignal(view.contactActivated, timeout=1000) as blocker:
        qtbot.mouseDClick(view.customers_by_profit.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == [shop.igor2]


def _pixels(canvas) -> tuple[QColor, set[int]]:
    """The colour of a chart's corner, and the set of colours drawn in it."""
    image = canvas.grab().toImage()
    corner = image.pixelColor(2, 2)
    drawn = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    return corner, drawn


def test_three_charts_on_matplotlibs_qt_canvas_without_warnings(qtbot, qtlog, view):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        shown(qtbot, view)
        for canvas in view.canvases:
            canvas.grab()  # drawn for real, offscreen
    assert len(view.charts) == 3
    assert all(type(c).__name__ == "FigureCanvasQTAgg" for c in view.canvases)
    assert [c.figure for c in view.canvases] == view.charts
    for canvas in view.canvases:
        _corner, drawn = _pixels(canvas)
        assert len(drawn) > 3  # bars and text, not a blank square
    warned = [
        m.message
        for m in qtlog.records
        if m.type.name in ("QtWarningMsg", "QtCriticalMsg")
        # the offscreen platform says this of any top-level window whose size hints change
        and "propagateSizeHints" not in m.message
    ]
    assert warned == []


def test_charts_follow_a_dark_palette(qtbot, view):
    shown(qtbot, view)
    light, _ = _pixels(view.canvases[0])
    assert light.lightness() > 200
    dark = QPalette(view.palette())
    for role, colour in (
        (QPalette.ColorRole.Window, "#202124"),
        (QPalette.ColorRole.Base, "#1b1b1d"),
        (QPalette.ColorRole.Text, "#e8e8e8"),
        (QPalette.ColorRole.WindowText, "#e8e8e8"),
        (QPalette.ColorRole.PlaceholderText, "#9a9a9a"),
    ):
        dark.setColor(role, QColor(colour))
    before = list(view.charts)
    view.setPalette(dark)  # as a switch to the dark scheme does
    assert view.charts and view.charts != before  # rebuilt, not only repainted
    figure = view.charts[0]
    assert figure.get_facecolor()[:3] == pytest.approx((0x1B / 255, 0x1B / 255, 0x1D / 255))
    title = figure.axes[0].title
    assert title.get_color() == "#e8e8e8"  # light text on the dark background
    corner, _ = _pixels(view.canvases[0])
    assert corner.lightness() < 50


def test_changing_the_period_recomputes(qtbot, view):
    shown(qtbot, view)
    with qtbot.waitSignal(view.loaded, timeout=20000):
        view.period.setCurrentIndex(view.period.findData("last_month"))
    assert cells(view.figures)[0][1] == "2,000.00\u00a0₽"
    assert not view.start.isEnabled()
    with qtbot.waitSignal(view.loaded, timeout=20000):
        view.period.setCurrentIndex(view.period.findData("custom"))
    assert view.start.isEnabled() and view.end.isEnabled()
    assert cells(view.figures)[0][1] == "2,000.00\u00a0₽"  # the dates stay those of May


def test_export_pdf_and_xlsx(qtbot, view, tmp_path, monkeypatch):
    shown(qtbot, view)
    written = []
    monkeypatch.setattr(export.Done, "offer", staticmethod(lambda parent, f: written.extend(f)))
    monkeypatch.setattr(
        ReportFile, "ask", staticmethod(lambda parent, suffix, name="": tmp_path / f"r{suffix}")
    )
    operation = view.export_pdf()
    qtbot.waitUntil(lambda: not operation.running, timeout=20000)
    assert operation.error is None
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    operation = view.export_xlsx()
    qtbot.waitUntil(lambda: not operation.running, timeout=20000)
    assert operation.error is None
    assert written == [tmp_path / "r.pdf", tmp_path / "r.xlsx"]
    assert load_workbook(tmp_path / "r.xlsx").sheetnames


def test_the_period_is_remembered(qtbot, db, shop, view, tmp_path):
    settings = QSettings(str(tmp_path / "state.ini"), QSettings.Format.IniFormat)
    view.period.setCurrentIndex(view.period.findData("last_12_months"))
    view.save_state(settings)
    again = ReportsView(db, FMT, today=TODAY)
    qtbot.addWidget(again)
    again.restore_state(settings)
    assert again.period.currentData() == "last_12_months"
    assert again.operation is None  # still hidden: nothing computed yet


def test_customers_by_segment_at_the_start_and_end_of_the_month(qtbot, view):
    shown(qtbot, view)
    # hand-computed in tests/test_report.py: 31 May → 15 June
    assert cells(view.segments) == [
        ["No purchases", "2", "0", "0", "2"],
        ["New", "1", "1", "1", "1"],
        ["Regular", "0", "2", "2", "0"],
        ["Woken", "0", "0", "0", "0"],
        ["Recently asleep", "0", "0", "0", "0"],
        ["Long asleep", "0", "0", "0", "0"],
    ]


def model_cells(model) -> list[list[str]]:
    return [
        [model.index(row, col).data() for col in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


# --- channels, expenses and the net profit ----------------------------------------------------
def test_channels_with_ad_spend_acquired_cost_and_roi_and_the_net_profit(qtbot, qtmodeltester, db):
    """June of tests/test_report_channels.py, hand-computed there."""
    Business(db).june()
    view = ReportsView(db, FMT, today=TODAY)
    qtbot.addWidget(view)
    shown(qtbot, view)
    block = view.channels
    for model in (block.model, block.expenses):
        qtmodeltester.check(model)
    headers = [block.model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    assert headers == [
        "Channel",
        "Revenue",
        "Gross profit",
        "Ad spend",
        "Acquired",
        "Cost per customer",
        "ROI",
    ]
    assert model_cells(block.model) == [
        ["Avito", "6,000.00\u00a0₽", "2,400.00\u00a0₽", "1,500.00\u00a0₽", "2",
         "750.00\u00a0₽", "60.0\u00a0%"],
        ["Website", "2,000.00\u00a0₽", "800.00\u00a0₽", "1,000.00\u00a0₽", "2",
         "500.00\u00a0₽", "-20.0\u00a0%"],
    ]  # fmt: skip
    assert block.model.index(1, 6).data(Qt.ItemDataRole.ForegroundRole) is not None  # red
    assert block.model.index(0, 6).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model_cells(block.expenses) == [
        ["Ads", "2,500.00\u00a0₽"],
        ["Packaging", "300.00\u00a0₽"],
        ["Total", "2,800.00\u00a0₽"],
    ]
    assert block.expenses.index(2, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert block.no_expenses.isHidden() and not block.categories.isHidden()
    assert block.net_profit.text() == (
        "Gross profit 3,200.00\u00a0₽ − expenses 2,800.00\u00a0₽ = net profit 400.00\u00a0₽"
    )
    # the key figures: June against May (ads 300, Roman's wallet 1000 / 600)
    by_name = {row[0]: row[1:] for row in cells(view.figures)}
    assert by_name["Expenses"] == ["2,800.00\u00a0₽", "300.00\u00a0₽", "+833.3\u00a0%"]
    assert by_name["Net profit"] == ["400.00\u00a0₽", "100.00\u00a0₽", "+300.0\u00a0%"]


def test_a_period_without_expenses_says_so(qtbot, view):
    shown(qtbot, view)  # the shop: no channels on its orders, nothing spent
    block = view.channels
    assert model_cells(block.model) == [
        ["No channel", "6,401.00\u00a0₽", "3,500.50\u00a0₽", "0.00\u00a0₽", "2", "0.00\u00a0₽",
         "—"],
    ]  # fmt: skip
    assert block.categories.isHidden() and not block.no_expenses.isHidden()
    assert block.no_expenses.text() == "No expenses in this period."
    by_name = {row[0]: row[1:] for row in cells(view.figures)}
    assert by_name["Net profit"][0] == "3,500.50\u00a0₽"


# --- money owed and deals in flight -----------------------------------------------------------


@pytest.fixture
def funnel(qtbot, db):
    """The Shop of tests/test_funnel.py (its November: conversion and losses computed there by
    hand), seen on 1 December, with two more debtors from October (wallets at 1 000.00):
    Анна, 1 wallet on 20 October, terms 0 → 1 000.00 overdue since 42 days; Борис, 3 wallets on
    25 October, terms 60 days (due 24 December) → owes 3 000.00, nothing overdue. The shop
    itself owes o1 (Completed) and o4 (Paid, as a status only): 2 000.00, due 10 November."""
    shop = Shop(db)
    anna = create_contact(db, ContactInput("Анна", "+79160000001")).id
    boris = create_contact(db, ContactInput("Борис")).id
    set_payment_terms(db, boris, 60)
    for contact, day, quantity in (
        (anna, dt.date(2026, 10, 20), 1),
        (boris, dt.date(2026, 10, 25), 3),
    ):
        data = OrderInput(
            contact, day, status_id(db, "completed"), lines=(LineInput(shop.wallet, quantity),)
        )
        save_order(db, data, today=DAY)
    view = ReportsView(db, FMT, today=DAY)
    qtbot.addWidget(view)
    view.period.setCurrentIndex(view.period.findData("last_month"))  # November
    shown(qtbot, view)
    return view, anna


def test_debtors_are_listed_most_overdue_first_and_open_their_contact(qtbot, qtmodeltester, funnel):
    view, anna = funnel
    model = view.debtors.model
    qtmodeltester.check(model)
    assert view.debtors.title.text() == "Debtors on 12/1/26 · 3"
    assert model_cells(model) == [
        ["Магазин", "", "2", "2,000.00\u00a0₽", "2,000.00\u00a0₽", "21", "11/10/26"],
        ["Анна", "+7 916 000-00-01", "1", "1,000.00\u00a0₽", "1,000.00\u00a0₽", "42", "10/20/26"],
        # owes the most, but nothing of it is overdue yet: last
        ["Борис", "", "1", "3,000.00\u00a0₽", "0.00\u00a0₽", "—", "12/24/26"],
    ]
    assert view.debtors.summary.text() == "Owed 6,000.00\u00a0₽, of it overdue 3,000.00\u00a0₽"
    assert model.index(0, 4).data(Qt.ItemDataRole.ForegroundRole) is not None  # overdue: red
    assert model.index(2, 4).data(Qt.ItemDataRole.ForegroundRole) is None
    table = view.debtors.view
    rect = table.visualRect(model.index(1, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(view.contactActivated, timeout=1000) as blocker:
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [anna]


def test_conversion_of_the_period_by_stage_with_its_totals(qtmodeltester, funnel):
    view = funnel[0]
    qtmodeltester.check(view.conversion.model)
    # tests/test_funnel.py: of the six November orders five reached New, one of them won...
    assert model_cells(view.conversion.model) == [
        ["New", "5", "1", "20.0\u00a0%"],
        ["Confirmed", "3", "1", "33.3\u00a0%"],
        ["Paid", "2", "1", "50.0\u00a0%"],
        ["Shipped", "1", "1", "100.0\u00a0%"],
    ]
    # 1 won of 6 orders = 16.7 %
    assert view.conversion.totals.text() == (
        "Orders: 6 · won: 1 · lost: 3 · conversion: 16.7\u00a0%"
    )


def test_lost_orders_by_reason_and_stage_against_the_period_before(qtmodeltester, funnel):
    view = funnel[0]
    lost = view.lost
    for model in (lost.by_reason, lost.by_stage):
        qtmodeltester.check(model)
    # November: o5 out of stock 3 000, o2 price 2 000 (lost at Confirmed), o3 no answer 1 000
    # (lost at New); 2–31 October: o0, price, 4 000, created lost (stage unknown)
    assert lost.compared.text() == "Compared with: 10/1/26 – 10/31/26"  # the month before
    assert model_cells(lost.by_reason) == [
        ["Out of stock", "1", "+1", "3,000.00\u00a0₽", "+3,000.00\u00a0₽"],
        ["Price too high", "1", "0", "2,000.00\u00a0₽", "-2,000.00\u00a0₽"],
        ["No answer", "1", "+1", "1,000.00\u00a0₽", "+1,000.00\u00a0₽"],
        ["Total", "3", "+2", "6,000.00\u00a0₽", "+2,000.00\u00a0₽"],
    ]
    assert model_cells(lost.by_stage) == [
        ["Stage unknown", "1", "0", "3,000.00\u00a0₽", "-1,000.00\u00a0₽"],
        ["Confirmed", "1", "+1", "2,000.00\u00a0₽", "+2,000.00\u00a0₽"],
        ["New", "1", "+1", "1,000.00\u00a0₽", "+1,000.00\u00a0₽"],
        ["Total", "3", "+2", "6,000.00\u00a0₽", "+2,000.00\u00a0₽"],
    ]
    total = lost.by_reason.index(3, 0).data(Qt.ItemDataRole.FontRole)
    assert total is not None and total.bold()
    assert lost.empty.isHidden()


def test_the_forecast_panel_of_the_five_deals(qtbot, qtmodeltester, db):
    ids = five_deals(db, DAY)
    view = ReportsView(db, FMT, today=DAY)
    qtbot.addWidget(view)
    shown(qtbot, view)
    panel = view.forecast
    qtmodeltester.check(panel.model)
    assert panel.title.text() == "Forecast on 12/1/26"
    # 17 500 + 80 000 + 275 000; Тюльпан and Администрация района are at the floor (5 %)
    assert panel.total.text() == "Forecast: 372,500.00\u00a0₽ (deals counted: 3 of 5)"
    assert panel.classes.text() == "Classes: A 1 · B 1 · C 2 · D 0 · E 1, slid down (C2): 1"
    assert [row[1:] for row in model_cells(panel.model)] == [
        ["Сбер", "КП", "55\u00a0%", "275,000.00\u00a0₽", "A"],
        ["Гладиолус", "КП", "80\u00a0%", "80,000.00\u00a0₽", "B"],
        ["ООО «Ромашка»", "Встреча", "35\u00a0%", "17,500.00\u00a0₽", "C"],
        ["Администрация района", "Встреча", "5\u00a0%", "10,000.00\u00a0₽", "C2"],
        ["Тюльпан", "Целевой", "5\u00a0%", "2,500.00\u00a0₽", "E"],
    ]
    assert panel.model.index(0, 0).data() == str(ids["Сбер"])
    table = panel.view
    rect = table.visualRect(panel.model.index(0, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(view.orderActivated, timeout=1000) as blocker:
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [ids["Сбер"]]
    # nothing owed, nothing lost: said in words, no empty tables
    assert view.debtors.view.isHidden() and not view.debtors.empty.isHidden()
    assert view.debtors.empty.text() == "No debtors."
    assert view.lost.reasons.isHidden() and view.lost.stages.isHidden()
    assert view.lost.empty.text() == "No lost orders in this period or the one before."
    assert not view.lost.empty.isHidden()


def test_a_business_without_deals_says_so(qtbot, db):
    view = ReportsView(db, FMT, today=TODAY)
    qtbot.addWidget(view)
    shown(qtbot, view)
    assert view.forecast.total.text() == "Forecast: 0.00\u00a0₽ (deals counted: 0 of 0)"
    assert view.forecast.view.isHidden() and not view.forecast.empty.isHidden()
    assert view.conversion.totals.text() == "Orders: 0 · won: 0 · lost: 0 · conversion: —"
    assert [row[1:] for row in model_cells(view.conversion.model)] == [["0", "0", "—"]] * 4


def test_the_exported_xlsx_has_the_debtors_conversion_losses_and_forecast(
    qtbot, funnel, tmp_path, monkeypatch
):
    view = funnel[0]
    monkeypatch.setattr(export.Done, "offer", staticmethod(lambda parent, f: None))
    monkeypatch.setattr(
        ReportFile, "ask", staticmethod(lambda parent, suffix, name="": tmp_path / f"r{suffix}")
    )
    operation = view.export_xlsx()
    qtbot.waitUntil(lambda: not operation.running, timeout=20000)
    assert operation.error is None
    book = load_workbook(tmp_path / "r.xlsx")
    debtors = [row[0] for row in book["Debtors"].iter_rows(min_row=2, values_only=True)]
    assert debtors == ["Магазин", "Анна", "Борис"]
    total = list(book["Lost by reason"].iter_rows(values_only=True))[-1]
    assert total == ("Total", 3, 1, 2, 6000, 4000, 2000)


def cut(table) -> list[str]:
    """The cells of a table whose text is wider than their column (drawn with "…")."""
    model, metrics = table.model(), table.fontMetrics()
    return [
        model.index(row, column).data()
        for row in range(model.rowCount())
        for column in range(model.columnCount())
        if metrics.horizontalAdvance(model.index(row, column).data()) + 8
        > table.columnWidth(column)
    ]


def test_the_demo_in_russian_shows_every_figure_and_name_whole(qtbot, qapp, russian, tmp_path):
    """The demo business (its statuses in Russian: "Подтверждён") at the width the window
    gives Reports on a 1280×720 screen, in the font a Linux desktop draws with: no cell cut,
    no sideways scrolling."""
    QFontDatabase.addApplicationFont(str(FONTS / "DejaVuSans.ttf"))
    before = qapp.font()
    qapp.setFont(QFont("DejaVu Sans", 9))
    db = Database.open(tmp_path / "demo.sqlite3", language="ru")
    try:
        create_demo_business(db, TODAY)
        view = ReportsView(db, RUSSIAN, today=TODAY)
        qtbot.addWidget(view)
        view.resize(1080, 650)
        shown(qtbot, view)
        assert view.debtors.model.rowCount() and view.forecast.model.rowCount()
        assert view.channels.model.rowCount() and view.channels.expenses.rowCount()
        for table in (
            view.channels.view,
            view.channels.categories,
            view.debtors.view,
            view.forecast.view,
            view.conversion.view,
            view.lost.reasons,
            view.lost.stages,
        ):
            assert cut(table) == []
        assert view.scroll_area.horizontalScrollBar().maximum() == 0
    finally:
        qapp.setFont(before)
        db.close()
