"""The Reports section's blocks of money owed and deals in flight (PeriodReport.pipeline): the
debtors and the forecast as of today, the conversion and the lost orders of the period.

Each block is a bold title, a line or two of totals, its tables, and a quiet line in place of
a table that has nothing to show. Their words are the report's texts (report_labels), so the
window, the PDF and the XLSX say the same.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from services.report import PeriodReport
from services.report_export import (
    Labels,
    conversion_totals,
    debt_totals,
    fill,
    forecast_lines,
)
from ui.formatting import Formatter
from ui.reports.models import (
    ConversionModel,
    DealsModel,
    DebtorsModel,
    LossesModel,
    ReportModel,
)
from ui.reports.tables import (
    COUNT_SAMPLE,
    NAME_WIDTH,
    TOP_ROWS,
    fit_rows,
    least_width,
    model_table,
)
from ui.widgets.tables import MONEY_SAMPLE, PHONE_SAMPLE, fit_columns, text_width

STAGE_WIDTH = 130  # the least width of a stage's name: statuses are a word or two
CELL_PADDING = 16  # a cell's margins around its text


class Block(QWidget):
    """A titled block of the Reports page; `least_width` is the width it reads well down to."""

    def __init__(self, formatter: Formatter, labels: dict[str, str], parent=None) -> None:
        super().__init__(parent)
        self._formatter = formatter
        self.label = Labels(labels)
        self.title = QLabel()
        bold = QFont(self.title.font())
        bold.setBold(True)
        self.title.setFont(bold)
        self.least_width = 0
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.addWidget(self.title)

    def line(self, text: str = "") -> QLabel:
        """A line of totals under the title."""
        label = QLabel(text)
        label.setWordWrap(True)
        self.column.addWidget(label)
        return label

    def quiet(self, text: str) -> QLabel:
        """What is said in place of an empty table, greyed."""
        label = QLabel(self.label(text))
        label.setEnabled(False)
        label.setWordWrap(True)
        self.column.addWidget(label)
        return label

    def table(
        self,
        model: ReportModel,
        samples: Mapping[int, str | int],
        name: int = 0,
        name_width: int = NAME_WIDTH,
    ):
        """The model's table, its columns fitted to their header and `samples`, the `name`
        column taking the room left (and never less than `name_width`); the block at least
        as wide as the table needs."""
        table = model_table(model)
        widths = fit_columns(table, samples, stretch=name)
        needed = least_width(table, widths, name_width, name)
        self.least_width = max(self.least_width, needed)
        self.column.addWidget(table)
        return table

    def show_report(self, report: PeriodReport) -> None:
        raise NotImplementedError


def _shown(table, empty: QLabel, rows: int, most: int = TOP_ROWS) -> None:
    """The table when it has rows (up to `most` in sight), the quiet line when not."""
    fit_rows(table, rows, most)
    table.setVisible(rows > 0)
    empty.setVisible(rows == 0)


class DebtorsBlock(Block):
    """Who owes money as of today, the most overdue first; a double-click opens the contact."""

    contactActivated = Signal(int)

    def __init__(self, formatter: Formatter, labels: dict[str, str], parent=None) -> None:
        super().__init__(formatter, labels, parent)
        self.summary = self.line()
        self.model = DebtorsModel(formatter, labels, self)
        day = formatter.date(dt.date(2026, 12, 31))
        money, count = MONEY_SAMPLE, COUNT_SAMPLE
        samples = {1: PHONE_SAMPLE, 2: count, 3: money, 4: money, 5: count, 6: day}
        self.view = self.table(self.model, samples)
        self.empty = self.quiet("No debtors.")
        self.view.doubleClicked.connect(self._activated)

    def show_report(self, report: PeriodReport) -> None:
        pipeline = report.pipeline
        assert pipeline is not None
        fmt, label = self._formatter, self.label
        title = fill(label("Debtors on %1"), fmt.date(report.today))
        self.title.setText(f"{title} · {fmt.integer(len(pipeline.debtors))}")
        self.model.set_rows(list(pipeline.debtors))
        self.summary.setText(debt_totals(pipeline, fmt, label))
        self.summary.setVisible(bool(pipeline.debtors))
        _shown(self.view, self.empty, len(pipeline.debtors))

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.contactActivated.emit(self.model.contact_id(index.row()))


class ConversionBlock(Block):
    """How the period's orders went on from each stage to won, and the period's totals."""

    def __init__(self, formatter: Formatter, labels: dict[str, str], parent=None) -> None:
        super().__init__(formatter, labels, parent)
        self.title.setText(self.label("Conversion"))
        self.model = ConversionModel(formatter, labels, self)
        rate = formatter.percent(Decimal(1))
        samples = {1: COUNT_SAMPLE, 2: COUNT_SAMPLE, 3: rate}
        self.view = self.table(self.model, samples, name_width=STAGE_WIDTH)
        self.totals = self.line()

    def show_report(self, report: PeriodReport) -> None:
        pipeline = report.pipeline
        assert pipeline is not None
        stages = pipeline.conversion.stages
        self.model.set_rows(list(stages))
        fit_rows(self.view, len(stages), len(stages))
        self.view.setVisible(bool(stages))
        self.totals.setText(conversion_totals(pipeline, self._formatter, self.label))


class LostBlock(Block):
    """The period's lost orders by reason and by stage, against the period before."""

    def __init__(self, formatter: Formatter, labels: dict[str, str], parent=None) -> None:
        super().__init__(formatter, labels, parent)
        self.title.setText(self.label("Lost orders"))
        self.compared = self.line()
        samples = {1: COUNT_SAMPLE, 2: "+" + COUNT_SAMPLE, 3: MONEY_SAMPLE, 4: "+" + MONEY_SAMPLE}
        self.by_reason = LossesModel(formatter, labels, "reason", self)
        self.reasons = self.table(self.by_reason, samples)
        self.by_stage = LossesModel(formatter, labels, "stage", self)
        self.stages = self.table(self.by_stage, samples)
        self.empty = self.quiet("No lost orders in this period or the one before.")

    def show_report(self, report: PeriodReport) -> None:
        pipeline = report.pipeline
        assert pipeline is not None
        losses, fmt = pipeline.losses, self._formatter
        self.compared.setVisible(losses is not None)
        if losses is not None:
            before = f"{fmt.date(losses.previous_start)} – {fmt.date(losses.previous_end)}"
            self.compared.setText(f"{self.label('Compared with')}: {before}")
        for model, table in ((self.by_reason, self.reasons), (self.by_stage, self.stages)):
            model.set_losses(losses)
            rows = model.rowCount()
            fit_rows(table, rows, rows)
            table.setVisible(rows > 0)
        self.empty.setVisible(self.by_reason.rowCount() == 0)


class ForecastBlock(Block):
    """The forecast of the open deals as of today, the deals per class, the most valuable
    deals; a double-click on one opens its order."""

    orderActivated = Signal(int)

    def __init__(self, formatter: Formatter, labels: dict[str, str], parent=None) -> None:
        super().__init__(formatter, labels, parent)
        self.total = self.line()
        bigger = QFont(self.total.font())
        bigger.setPointSizeF(bigger.pointSizeF() * 1.2)
        bigger.setBold(True)
        self.total.setFont(bigger)
        self.classes = self.line()
        self.top = self.line(self.label("Top deals"))
        self.model = DealsModel(formatter, labels, self)
        samples: dict[int, str | int] = {
            0: COUNT_SAMPLE,
            2: NAME_WIDTH // 2,  # a status
            3: formatter.percent_points(100),
            4: MONEY_SAMPLE,
            5: "C2",
        }
        self.view = self.table(self.model, samples, name=1)
        self.status_width = self.view.columnWidth(2)
        self.empty = self.quiet("No open deals.")
        self.view.doubleClicked.connect(self._activated)

    def show_report(self, report: PeriodReport) -> None:
        pipeline = report.pipeline
        assert pipeline is not None
        result, fmt = pipeline.forecast, self._formatter
        self.title.setText(fill(self.label("Forecast on %1"), fmt.date(result.day)))
        total, classes = forecast_lines(result, fmt, self.label)
        self.total.setText(total)
        self.classes.setText(classes)
        top = list(result.deals[: report.top])
        self.model.set_rows(top)
        # a status is as wide as the longest shown ("Подтверждён"), the customer takes the rest
        statuses = text_width(self.view, *(deal.status for deal in top)) + CELL_PADDING
        self.view.horizontalHeader().resizeSection(2, max(self.status_width, statuses))
        self.top.setVisible(bool(top))
        _shown(self.view, self.empty, len(top))

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.orderActivated.emit(self.model.order_id(index.row()))
