"""The window fits a 1280×720 screen in Russian: no name cut to "…", no chart title cut, a
time axis that reads as dates in the interface language, and an icon per section."""

from __future__ import annotations

import datetime as dt

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon, QPalette

from services.demo import create_demo_business
from services.figures import Period
from services.report import Bucket, period_report
from services.report_charts import (
    ENGLISH,
    MonthNames,
    chart_figures,
    month_label,
    time_labels,
    week_label,
)
from services.report_export import FONTS
from tests.conftest import TODAY
from ui.board.column import COLUMN_WIDTH
from ui.formatting import Formatter
from ui.main_window import MainWindow
from ui.reports.view import ReportsView

RUSSIAN = Formatter(QLocale(QLocale.Language.Russian, QLocale.Country.Russia), "₽")
ENGLISH_FMT = Formatter(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom), "₽")
RUSSIAN_MONTHS = MonthNames(RUSSIAN.month_names(), RUSSIAN.month_names(standalone=True))
JUNE = Period(dt.date(2026, 6, 1), dt.date(2026, 6, 30))
CELL_MARGIN = 8  # the item view's padding around a cell's text


# --- the time axis --------------------------------------------------------------------------
def test_a_week_reads_as_its_days_and_month():
    # 3 November 2025 is a Monday
    assert week_label(dt.date(2025, 11, 3), dt.date(2025, 11, 9)) == "3\u20139 Nov"
    assert week_label(dt.date(2025, 11, 3), dt.date(2025, 11, 9), RUSSIAN_MONTHS) == (
        "3\u20139 нояб."
    )


def test_a_week_across_two_months_names_both():
    assert week_label(dt.date(2025, 9, 29), dt.date(2025, 10, 5)) == "29 Sep \u2013 5 Oct"
    # after a day, Russian says the month in the genitive: "4 мая", not "4 май"
    assert week_label(dt.date(2026, 4, 27), dt.date(2026, 5, 3), RUSSIAN_MONTHS) == (
        "27 апр. \u2013 3 мая"
    )


def test_a_week_across_the_new_year():
    assert week_label(dt.date(2025, 12, 29), dt.date(2026, 1, 4)) == "29 Dec \u2013 4 Jan"
    assert week_label(dt.date(2025, 12, 29), dt.date(2026, 1, 4), RUSSIAN_MONTHS) == (
        "29 дек. \u2013 4 янв."
    )


def test_a_week_clipped_to_one_day_is_that_day():
    assert week_label(dt.date(2026, 6, 30), dt.date(2026, 6, 30)) == "30 Jun"


def test_months_carry_their_year_where_it_changes():
    buckets = [
        Bucket(day, day, "", None)  # the figures play no part in the label
        for day in (dt.date(2025, 11, 1), dt.date(2025, 12, 1), dt.date(2026, 1, 1))
    ]
    assert time_labels(buckets, "month") == ["Nov 2025", "Dec", "Jan 2026"]
    assert time_labels(buckets, "month", RUSSIAN_MONTHS) == ["нояб. 2025", "дек.", "янв. 2026"]
    # alone, Russian says the month in the nominative: "май", not "мая"
    assert month_label(dt.date(2026, 5, 1), RUSSIAN_MONTHS, year=False) == "май"


def test_month_names_travel_in_the_labels_to_the_pdf():
    labels = RUSSIAN_MONTHS.as_labels()
    assert MonthNames.from_labels(labels) == RUSSIAN_MONTHS
    assert MonthNames.from_labels({}) == ENGLISH


def _tick_texts(figure) -> list[str]:
    FigureCanvasAgg(figure).draw()
    return [label.get_text() for label in figure.axes[0].get_xticklabels()]


def test_the_weekly_chart_is_labelled_with_dates(db, shop):
    report = period_report(db, JUNE, TODAY)
    assert report.time_unit == "week"
    # 1 June 2026 is a Monday; the last week is clipped to the month's end
    figure = chart_figures(report)[0]
    assert _tick_texts(figure) == [
        "1\u20137 Jun",
        "8\u201314 Jun",
        "15\u201321 Jun",
        "22\u201328 Jun",
        "29\u201330 Jun",
    ]
    russian = chart_figures(report, names=RUSSIAN_MONTHS)[0]
    assert _tick_texts(russian)[0] == "1\u20137 июн."


def test_a_long_chart_title_wraps_inside_a_narrow_chart(db, shop):
    report = period_report(db, JUNE, TODAY)
    labels = {"Revenue and profit by week": "Выручка и прибыль по неделям"}
    figure = chart_figures(report, labels)[0]
    figure.set_size_inches(3.2, 3.2)  # 320 pixels: narrower than the title in one line
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    box = figure.axes[0].title.get_window_extent(canvas.get_renderer())
    assert box.x0 >= 0 and box.x1 <= figure.bbox.width
    assert box.y1 <= figure.bbox.height


# --- the window at 1280×720 -----------------------------------------------------------------
@pytest.fixture(autouse=True)
def desktop_font(qapp):
    """The font a Linux desktop draws with (DejaVu Sans, 9 pt), not the offscreen platform's
    narrower one: widths measured here are those a person sees."""
    QFontDatabase.addApplicationFont(str(FONTS / "DejaVuSans.ttf"))
    before = qapp.font()
    qapp.setFont(QFont("DejaVu Sans", 9))
    yield
    qapp.setFont(before)


@pytest.fixture
def demo(db):
    # the window's sections count from the machine's today: the demo's two years end there
    create_demo_business(db, dt.date.today())
    return db


def window_at(qtbot, db, tmp_path, formatter=RUSSIAN) -> MainWindow:
    settings = QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)
    window = MainWindow(db, formatter, settings)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    return window


def section_index(window: MainWindow, view) -> int:
    return next(i for i, (_title, shown) in enumerate(window.sections) if shown is view)


def show_reports(qtbot, window: MainWindow, preset: str = "last_12_months") -> ReportsView:
    reports = window.reports
    with qtbot.waitSignal(reports.loaded, timeout=30000):
        window.go(section_index(window, reports))
    with qtbot.waitSignal(reports.loaded, timeout=30000):
        reports.period.setCurrentIndex(reports.period.findData(preset))
    return reports


def cut_cells(table) -> list[str]:
    """The cells whose text is wider than their column (drawn with "…")."""
    metrics = table.fontMetrics()
    return [
        table.item(row, column).text()
        for row in range(table.rowCount())
        for column in range(table.columnCount())
        if table.item(row, column) is not None
        and metrics.horizontalAdvance(table.item(row, column).text()) + CELL_MARGIN
        > table.columnWidth(column)
    ]


def test_reports_show_every_customer_and_product_name_whole(qtbot, russian, demo, tmp_path):
    window = window_at(qtbot, demo, tmp_path)
    reports = show_reports(qtbot, window)
    assert reports.customers.rowCount() == 10
    names = [reports.customers.item(row, 0).text() for row in range(10)]
    widest = max(reports.customers.fontMetrics().horizontalAdvance(name) for name in names)
    assert reports.customers.columnWidth(0) >= widest + CELL_MARGIN
    for table in (
        reports.figures,
        reports.customers,
        reports.customers_by_profit,
        reports.products,
        reports.segments,
    ):
        if table is not reports.figures:  # a tab is laid out when it is shown
            reports.top_tabs.setCurrentWidget(table)
            qtbot.waitUntil(table.isVisible)
        assert cut_cells(table) == []
    # the page wraps: it scrolls down, never sideways
    assert reports.scroll_area.horizontalScrollBar().maximum() == 0


def test_reports_charts_keep_their_titles_and_wrap_into_rows(qtbot, russian, demo, tmp_path):
    window = window_at(qtbot, demo, tmp_path)
    reports = show_reports(qtbot, window)
    tops = sorted(
        {canvas.mapTo(reports.page, canvas.rect().topLeft()).y() for canvas in reports.canvases}
    )
    assert len(tops) >= 2  # not three in a row squeezed side by side at 1280 pixels
    for canvas in reports.canvases:
        assert canvas.width() >= 400
        canvas.draw()
        figure = canvas.figure
        box = figure.axes[0].title.get_window_extent(canvas.get_renderer())
        assert box.x0 >= 0 and box.x1 <= figure.bbox.width


def test_the_weekly_chart_in_the_window_says_russian_dates(qtbot, db, shop, tmp_path):
    view = ReportsView(db, RUSSIAN, today=TODAY)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    with qtbot.waitSignal(view.loaded, timeout=20000):
        view.show()
    texts = [label.get_text() for label in view.charts[0].axes[0].get_xticklabels()]
    assert texts[:2] == ["1\u20137 июн.", "8\u201314 июн."]


@pytest.mark.parametrize("language", ["ru", "en"])
def test_grids_fit_without_cutting_a_header_or_scrolling_sideways(
    qtbot, request, demo, tmp_path, language
):
    if language == "ru":
        request.getfixturevalue("russian")
    window = window_at(qtbot, demo, tmp_path, RUSSIAN if language == "ru" else ENGLISH_FMT)
    grids = (
        (window.contacts, window.contacts.list_view),
        (window.orders, window.orders.grid),
        (window.products, window.products.table),
        (window.purchases, window.purchases.purchase_table),
    )
    for view, grid in grids:
        window.go(section_index(window, view))
        qtbot.waitUntil(lambda g=grid: g.isVisible())
        header = grid.horizontalHeader()
        model = grid.model()
        for column in range(model.columnCount()):
            if header.isSectionHidden(column):  # a column the person can show (Paid, Balance)
                continue
            title = model.headerData(column, Qt.Orientation.Horizontal)
            assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(title), (
                view,
                title,
            )
        assert grid.horizontalScrollBar().maximum() == 0, view


def test_the_board_shows_every_card_whole_and_scrolls_sideways(qtbot, russian, demo, tmp_path):
    window = window_at(qtbot, demo, tmp_path)
    board = window.board
    window.go(section_index(window, board))
    qtbot.waitUntil(lambda: len(board.panels) == 6)
    qtbot.waitUntil(lambda: board.panels[0].list.viewport().width() < 640)  # laid out
    cut = []
    for panel in board.panels:
        metrics = panel.figures.fontMetrics()
        assert panel.figures.width() >= metrics.horizontalAdvance(panel.figures.text())
        delegate, cards = panel.list.itemDelegate(), panel.model
        for row in range(cards.rowCount()):
            rect = panel.list.visualRect(cards.index(row))
            pieces = delegate.layout(cards.card(row), rect, panel.list.font())
            cut += [piece.text for piece in pieces if piece.shown != piece.text]
    assert sum(panel.model.rowCount() for panel in board.panels) > 50
    assert cut == []
    # six columns do not fit 1280 pixels beside the sidebar: they scroll, never squeezed
    qtbot.waitUntil(lambda: board.scroll_area.horizontalScrollBar().maximum() > 0)
    assert min(panel.width() for panel in board.panels) >= COLUMN_WIDTH


def test_the_window_fits_a_1280x720_screen(qtbot, russian, demo, tmp_path):
    window = window_at(qtbot, demo, tmp_path)
    for index in range(len(window.sections)):
        window.go(index)
        # a task bar and a title bar take some 70 pixels of the 720
        assert window.minimumSizeHint().height() <= 650
        assert window.minimumSizeHint().width() <= 1280


# --- the sidebar ----------------------------------------------------------------------------
def _icon_lightness(icon: QIcon, mode: QIcon.Mode = QIcon.Mode.Normal) -> float:
    """The mean lightness of an icon's drawn (opaque) pixels."""
    image = icon.pixmap(20, 20, mode).toImage()
    drawn = [
        image.pixelColor(x, y)
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() > 200
    ]
    assert drawn, "the icon is blank"
    return sum(colour.lightness() for colour in drawn) / len(drawn)


def test_each_section_has_an_icon_in_the_colours_of_the_theme(qtbot, db, tmp_path):
    window = window_at(qtbot, db, tmp_path)
    icons = [window.sidebar.item(row).icon() for row in range(window.sidebar.count())]
    assert len(icons) == 9
    assert all(not icon.isNull() for icon in icons)
    dark = QPalette(window.palette())
    for role, colour in (
        (QPalette.ColorRole.Window, "#202124"),
        (QPalette.ColorRole.Base, "#1b1b1d"),
        (QPalette.ColorRole.Text, "#e8e8e8"),
        (QPalette.ColorRole.WindowText, "#e8e8e8"),
    ):
        dark.setColor(role, QColor(colour))
    light = QPalette(dark)
    light.setColor(QPalette.ColorRole.Text, QColor("#202020"))
    window.setPalette(light)
    assert _icon_lightness(window.sidebar.item(1).icon()) < 80  # dark lines on light
    window.setPalette(dark)  # as a switch to the dark scheme does
    assert _icon_lightness(window.sidebar.item(1).icon()) > 180  # light lines on dark
