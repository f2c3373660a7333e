"""The Reports section: key figures of a period against the previous one (the expenses and the
net profit among them), top lists, the channels with their ad spend, acquired customers and
ROI, the expenses by category, charts, money owed and deals in flight (debtors, conversion,
lost orders, forecast), and the report as PDF or XLSX.

The report takes seconds on a big base, so it is computed off the UI thread (ui.operation)
and only once the section is first shown. The charts' figures are built there too and shown
here on matplotlib's Qt canvas (FigureCanvasQTAgg), in the colours of the window's palette:
a switch between light and dark rebuilds them.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QDate, QEvent, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from services.figures import Period
from services.messages import SEGMENT_NAMES
from services.report import KEY_FIGURES, PeriodReport, period_report, preset_period
from services.report_charts import SCREEN_DPI, ChartStyle, chart_figures
from services.report_export import (
    COUNT_FIGURES,
    FIGURE_NAMES,
    MONEY_FIGURES,
    segment_rows,
)
from services.storage import Database
from ui.formatting import EMPTY, Formatter
from ui.operation import Operation
from ui.reports.channels import ChannelsBlock
from ui.reports.export import export_report
from ui.reports.labels import report_labels
from ui.reports.pipeline import ConversionBlock, DebtorsBlock, ForecastBlock, LostBlock
from ui.reports.tables import NAME_WIDTH, TOP_ROWS, item_table, least_width
from ui.widgets.fields import python_date, qt_date
from ui.widgets.flow import FlowRows
from ui.widgets.periods import CUSTOM
from ui.widgets.style import NEGATIVE, RIGHT
from ui.widgets.tables import MONEY_SAMPLE, PHONE_SAMPLE, fit_columns, rows_height

PRESETS = ("this_month", "last_month", "this_quarter", "this_year", "last_12_months", CUSTOM)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
CHART_HEIGHT = 320  # the least height a chart is shown at, in pixels
CHART_WIDTH = 400  # the least width of a chart: narrower, the charts go one under another


def _item(text: str, right: bool = False, negative: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if right:
        item.setTextAlignment(RIGHT)
    if negative:
        item.setForeground(NEGATIVE)
    return item


class ReportsView(QWidget):
    """A period picker over key figures, top customers and products, the channels and the
    expenses, three charts, and the debtors, conversion, lost orders and forecast."""

    loaded = Signal()  # a report was computed and shown
    # a double-click on a top customer or a debtor: the contact's id
    contactActivated = Signal(int)
    productActivated = Signal(int)  # a double-click on a top product: the product's id
    orderActivated = Signal(int)  # a double-click on a deal of the forecast: the order's id

    def __init__(
        self,
        database: Database,
        formatter: Formatter,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self._database, self._formatter, self._today = database, formatter, today
        self.report: PeriodReport | None = None
        self.charts: list = []  # the shown charts' matplotlib Figures
        self.canvases: list[QWidget] = []  # their FigureCanvasQTAgg widgets
        self.operation: Operation | None = None  # the computation under way
        self._stale = True  # computed on the first show, not at the app's start
        self._again = False  # the period changed while a computation ran

        self.period = QComboBox()
        period_labels = (
            self.tr("This month"), self.tr("Last month"), self.tr("This quarter"),
            self.tr("This year"), self.tr("Last 12 months"), self.tr("Custom"),
        )  # fmt: skip
        for preset, label in zip(PRESETS, period_labels, strict=True):
            self.period.addItem(label, preset)
        self.start = QDateEdit()
        self.end = QDateEdit()
        month = preset_period("this_month", self.today())
        for edit, day in ((self.start, month.start), (self.end, month.end)):
            edit.setCalendarPopup(True)
            assert day is not None  # a month has both ends
            edit.setDate(qt_date(day))
        self.period_label = QLabel()
        self.period_label.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Period:")))
        bar.addWidget(self.period)
        bar.addWidget(QLabel(self.tr("From:")))
        bar.addWidget(self.start)
        bar.addWidget(QLabel(self.tr("To:")))
        bar.addWidget(self.end)
        bar.addWidget(self.period_label, 1)

        self.figures = item_table(
            [self.tr("Figure"), self.tr("This period"), self.tr("Previous period"),
             self.tr("Change")]
        )  # fmt: skip
        customer_headers = (
            [self.tr("Customer"), self.tr("Phone"), self.tr("Orders"), self.tr("Revenue"),
             self.tr("Profit"), self.tr("Margin")]
        )  # fmt: skip
        self.customers = item_table(customer_headers)  # by revenue
        self.customers_by_profit = item_table(customer_headers)
        self.products = item_table(
            [self.tr("Product"), self.tr("Units"), self.tr("Revenue"), self.tr("Profit"),
             self.tr("Margin")]
        )  # fmt: skip
        self.segments = item_table(
            [self.tr("Segment"), self.tr("At the start"), self.tr("At the end"),
             self.tr("Moved in"), self.tr("Moved out")]
        )  # fmt: skip
        # every column as wide as its figures and its header in this language; the names
        # take the room left, and never less than NAME_WIDTH
        count, percent = "000 000", "+1 000,0 %"
        names = self._figure_names().values()
        labels = self.export_labels()
        widest_segment = max((labels.get(n, n) for n in SEGMENT_NAMES.values()), key=len)
        customer_samples = {1: PHONE_SAMPLE, 2: count, 3: MONEY_SAMPLE, 4: MONEY_SAMPLE, 5: percent}
        least = {
            table: least_width(table, fit_columns(table, samples, stretch=0), name)
            for table, samples, name in (
                (self.figures, {0: max(names, key=len), 1: MONEY_SAMPLE, 2: MONEY_SAMPLE,
                                3: percent}, None),
                (self.customers, customer_samples, NAME_WIDTH),
                (self.customers_by_profit, customer_samples, NAME_WIDTH),
                (self.products, {1: count, 2: MONEY_SAMPLE, 3: MONEY_SAMPLE, 4: percent},
                 NAME_WIDTH),
                (self.segments, {0: widest_segment, 1: count, 2: count, 3: count, 4: count},
                 None),
            )
        }  # fmt: skip
        for table, rows in (
            (self.figures, len(KEY_FIGURES)),
            (self.customers, TOP_ROWS),
            (self.customers_by_profit, TOP_ROWS),
            (self.products, TOP_ROWS),
            (self.segments, TOP_ROWS),
        ):
            table.setFixedHeight(rows_height(table, rows))  # every row shown: no inner scroll

        key_figures = QWidget()
        column = QVBoxLayout(key_figures)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(f"<b>{self.tr('Key figures')}</b>"))
        column.addWidget(self.figures)
        self.top_tabs = QTabWidget()
        self.top_tabs.addTab(self.customers, self.tr("Top customers by revenue"))
        self.top_tabs.addTab(self.customers_by_profit, self.tr("Top customers by profit"))
        self.top_tabs.addTab(self.products, self.tr("Top products by profit"))
        self.top_tabs.addTab(self.segments, self.tr("Customers by segment"))
        # the channels and the expenses, money owed and deals in flight, in the report's words
        # (as its PDF and XLSX)
        self.channels = ChannelsBlock(formatter, labels)
        self.debtors = DebtorsBlock(formatter, labels)
        self.forecast = ForecastBlock(formatter, labels)
        self.conversion = ConversionBlock(formatter, labels)
        self.lost = LostBlock(formatter, labels)
        self.pipeline_blocks = (self.debtors, self.forecast, self.conversion, self.lost)
        self.chart_boxes = [QWidget() for _chart in range(3)]
        for box in self.chart_boxes:
            QVBoxLayout(box).setContentsMargins(0, 0, 0, 0)
            box.setFixedHeight(CHART_HEIGHT)

        # The page wraps: the key figures beside the chart of months or weeks, the top lists,
        # the channels, the debtors, forecast, conversion and lost orders, then the other two
        # charts, as many side by side as the width holds; it scrolls down, never sideways
        # (unless the window is narrower than the widest block).
        self.page = QWidget()
        self.blocks = FlowRows(self.page)
        self.blocks.setContentsMargins(0, 0, 0, 0)
        tabs_width = max(
            self.top_tabs.tabBar().sizeHint().width() + 8,
            *(least[t] for t in (self.customers, self.products, self.segments)),
        )
        self.blocks.add(key_figures, least[self.figures])
        self.blocks.add(self.chart_boxes[0], CHART_WIDTH)
        self.blocks.add(self.top_tabs, tabs_width)
        self.blocks.add(self.channels, self.channels.least_width)
        for block in self.pipeline_blocks:
            self.blocks.add(block, block.least_width)
        self.blocks.add(self.chart_boxes[1], CHART_WIDTH)
        self.blocks.add(self.chart_boxes[2], CHART_WIDTH)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.page)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.scroll_area, 1)

        self.pdf_action = QAction(self.tr("Export PDF…"), self)
        self.xlsx_action = QAction(self.tr("Export XLSX…"), self)
        self.pdf_action.triggered.connect(self.export_pdf)
        self.xlsx_action.triggered.connect(self.export_xlsx)
        self._update_actions()

        self.period.currentIndexChanged.connect(self._period_changed)
        self.start.dateChanged.connect(self._dates_changed)
        self.end.dateChanged.connect(self._dates_changed)
        for table in (self.customers, self.customers_by_profit):
            table.cellDoubleClicked.connect(
                lambda row, _column, table=table: self._activated(table, row, self.contactActivated)
            )
        self.products.cellDoubleClicked.connect(
            lambda row, _column: self._activated(self.products, row, self.productActivated)
        )
        self.debtors.contactActivated.connect(self.contactActivated)
        self.forecast.orderActivated.connect(self.orderActivated)
        self._period_changed()

    # --- the section interface
    def section_actions(self) -> list[QAction]:
        return [self.pdf_action, self.xlsx_action]

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def current_period(self) -> Period:
        preset = self.period.currentData()
        if preset == CUSTOM:
            return Period(python_date(self.start.date()), python_date(self.end.date()))
        return preset_period(preset, self.today())

    def refresh(self) -> None:
        """Recompute the report; while the section is hidden, only mark it stale."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        if self.operation is not None and self.operation.running:
            self._again = True
            return
        period = self.current_period()
        if period.start and period.end and period.end < period.start:
            self.period_label.setText(self.tr("The period ends before it starts."))
            return
        today, database, labels = self.today(), self._database, self.export_labels()
        style = self.chart_style()

        def work(progress) -> tuple[PeriodReport, list]:
            progress(0, 2)
            report = period_report(database, period, today, pipeline=True)
            progress(1, 2)
            figures = chart_figures(report, labels, style)  # no canvas yet: shown on the UI thread
            progress(2, 2)
            return report, figures

        self.operation = Operation(self, self.tr("Computing the report…"), work)
        self.operation.done.connect(self._computed)
        self.operation.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.report is not None:
            # light ↔ dark: the same report, its charts rebuilt in the new colours
            self._show_charts(chart_figures(self.report, self.export_labels(), self.chart_style()))

    def chart_style(self) -> ChartStyle:
        """The charts' colours from this window's palette, so they read in light and dark."""
        palette = self.palette()
        return ChartStyle.on(
            palette.color(QPalette.ColorRole.Base).name(),
            palette.color(QPalette.ColorRole.Text).name(),
            palette.color(QPalette.ColorRole.PlaceholderText).name(),
        )

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("reports/period", self.period.currentData())
        settings.setValue("reports/from", python_date(self.start.date()).isoformat())
        settings.setValue("reports/to", python_date(self.end.date()).isoformat())
        settings.setValue("reports/tab", self.top_tabs.currentIndex())

    def restore_state(self, settings: QSettings) -> None:
        for edit, key in ((self.start, "reports/from"), (self.end, "reports/to")):
            try:
                day = dt.date.fromisoformat(str(settings.value(key, "")))
            except ValueError:
                continue
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        tab = settings.value("reports/tab", 0)
        if str(tab).isdigit():
            self.top_tabs.setCurrentIndex(int(str(tab)))
        found = self.period.findData(settings.value("reports/period", "this_month"))
        if found >= 0 and found != self.period.currentIndex():
            self.period.setCurrentIndex(found)

    # --- export
    def export_pdf(self) -> Operation | None:
        return self._export(".pdf")

    def export_xlsx(self) -> Operation | None:
        return self._export(".xlsx")

    def _export(self, suffix: str) -> Operation | None:
        if self.report is None:
            return None
        days = "_".join(
            str(day or "") for day in (self.report.period.start, self.report.period.end)
        )
        return export_report(
            self, self.report, suffix,
            self.tr("Lavka report %1").replace("%1", days), self.tr("Lavka report"),
            self._formatter.symbol, self.export_labels(),
        )  # fmt: skip

    def export_labels(self) -> dict[str, str]:
        """The English texts of the PDF, XLSX and charts, as this window's language says them,
        and the month names of the charts' time axis (which the PDF's charts read from here)."""
        return report_labels(self._formatter)

    # --- showing a report
    def _period_changed(self) -> None:
        custom = self.period.currentData() == CUSTOM
        self.start.setEnabled(custom)
        self.end.setEnabled(custom)
        if not custom:
            period = self.current_period()
            for edit, day in ((self.start, period.start), (self.end, period.end)):
                assert day is not None  # every preset of the reports has both ends
                edit.blockSignals(True)
                edit.setDate(qt_date(day))
                edit.blockSignals(False)
        self.refresh()

    def _dates_changed(self) -> None:
        if self.period.currentData() == CUSTOM:
            self.refresh()

    def _computed(self, result) -> None:
        if self._again:
            self._again = False
            self.refresh()
            return
        if result is None:  # failed (said in a box) or cancelled
            return
        self.report, figures = result
        self._show(self.report)
        self._show_charts(figures)
        self._update_actions()
        self.loaded.emit()

    def _show(self, report: PeriodReport) -> None:
        fmt = self._formatter
        text = self.tr("%1, compared with %2").replace("%1", self._period_name(report.period))
        before = report.previous_period
        self.period_label.setText(
            text.replace("%2", self._period_name(before))
            if before
            else self._period_name(report.period)
        )
        names = self._figure_names()
        self.figures.setRowCount(len(KEY_FIGURES))
        for row, name in enumerate(KEY_FIGURES):
            value, previous, change = (
                report.value(name),
                report.previous_value(name),
                report.change(name),
            )
            self.figures.setItem(row, 0, _item(names[name]))
            self.figures.setItem(row, 1, _item(self._figure(name, value), True, _lost(value)))
            self.figures.setItem(row, 2, _item(self._figure(name, previous), True, _lost(previous)))
            self.figures.setItem(row, 3, _item(_signed(fmt, change), True, _lost(change)))

        for table, top in (
            (self.customers, report.top_by_revenue),
            (self.customers_by_profit, report.top_by_profit),
        ):
            table.setRowCount(len(top))
            for row, customer in enumerate(top):
                figures = customer.figures
                name_item = _item(customer.name)
                name_item.setData(ID_ROLE, customer.contact_id)
                table.setItem(row, 0, name_item)
                table.setItem(row, 1, _item(fmt.phone(customer.phone)))
                table.setItem(row, 2, _item(fmt.integer(customer.orders), True))
                table.setItem(row, 3, _item(fmt.money(figures.amount), True))
                table.setItem(row, 4, _item(fmt.money(figures.profit), True, _lost(figures.profit)))
                table.setItem(row, 5, _item(fmt.percent(figures.margin), True))

        self.products.setRowCount(len(report.top_products))
        for row, product in enumerate(report.top_products):
            figures = product.figures
            name_item = _item(product.name)
            name_item.setData(ID_ROLE, product.product_id)
            self.products.setItem(row, 0, name_item)
            self.products.setItem(row, 1, _item(fmt.integer(product.units), True))
            self.products.setItem(row, 2, _item(fmt.money(figures.amount), True))
            self.products.setItem(
                row, 3, _item(fmt.money(figures.profit), True, _lost(figures.profit))
            )
            self.products.setItem(row, 4, _item(fmt.percent(figures.margin), True))
        self._show_segments(report)
        self.channels.show_report(report)
        if report.pipeline is not None:
            for block in self.pipeline_blocks:
                block.show_report(report)

    def _show_segments(self, report: PeriodReport) -> None:
        """Customers per segment on the eve of the period and at its end, who moved."""
        rows = segment_rows(report)
        self.segments.setRowCount(len(rows))
        labels = self.export_labels()
        for row, (name, *counts) in enumerate(rows):
            self.segments.setItem(row, 0, _item(labels.get(name, name)))
            for column, count in enumerate(counts, start=1):
                self.segments.setItem(row, column, _item(self._formatter.integer(count), True))

    def _show_charts(self, figures: list) -> None:
        """Put the figures on matplotlib's Qt canvas, in place of the charts shown before."""
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg  # loaded on first use

        for canvas in self.canvases:
            _layout_of(canvas.parentWidget()).removeWidget(canvas)
            canvas.deleteLater()
        self.charts, self.canvases = list(figures), []
        for box, figure in zip(self.chart_boxes, figures, strict=False):
            canvas = FigureCanvasQTAgg(figure)
            # as tall as the figure was drawn (a bar per product): its labels keep their room
            height = max(CHART_HEIGHT, round(figure.get_figheight() * SCREEN_DPI))
            canvas.setMinimumWidth(CHART_WIDTH // 2)
            canvas.setFixedHeight(height)
            # the page scrolls under the mouse wheel, also where a chart is
            canvas.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            box.setFixedHeight(height)
            _layout_of(box).addWidget(canvas)
            self.canvases.append(canvas)

    def _figure(self, name: str, value: Decimal | int | None) -> str:
        if value is None:
            return EMPTY
        if name in MONEY_FIGURES:
            return self._formatter.money(value)
        if name in COUNT_FIGURES:
            return self._formatter.integer(int(value))  # an int: what integer() makes of it
        return self._formatter.percent(Decimal(value))  # the margin, a Decimal already

    def _figure_names(self) -> dict[str, str]:
        labels = self.export_labels()
        return {name: labels[english] for name, english in FIGURE_NAMES.items()}

    def _period_name(self, period: Period) -> str:
        def day(value: dt.date | None) -> str:
            return self._formatter.date(value) if value else "…"

        return f"{day(period.start)} – {day(period.end)}"

    def _activated(self, table: QTableWidget, row: int, signal) -> None:
        item = table.item(row, 0)
        if item is not None and item.data(ID_ROLE) is not None:
            signal.emit(int(item.data(ID_ROLE)))

    def _update_actions(self) -> None:
        ready = self.report is not None
        self.pdf_action.setEnabled(ready)
        self.xlsx_action.setEnabled(ready)


def _layout_of(box: QWidget | None) -> QLayout:
    """The layout of a chart's box (each is given one as it is made)."""
    assert box is not None  # a canvas is shown in its box
    layout = box.layout()
    assert layout is not None
    return layout


def _lost(value) -> bool:
    return value is not None and value < 0


def _signed(formatter: Formatter, change: Decimal | None) -> str:
    if change is None:
        return EMPTY
    text = formatter.percent(change)
    return f"+{text}" if change > 0 else text
