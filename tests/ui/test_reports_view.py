"""The Reports section driven through its widgets: key figures, top lists, charts, export."""

from __future__ import annotations

import warnings

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtGui import QColor, QPalette

from services.report import KEY_FIGURES
from tests.conftest import TODAY
from ui import export
from ui.formatting import Formatter
from ui.report_files import ReportFile
from ui.reports_view import ReportsView

FMT = Formatter(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), "₽")


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
