"""The Reports section's block of the channels and the expenses: per channel its sales, the ads
paid for it, the customers it brought, what each cost and the return on the ads; then the
period's expenses by category and the net profit they leave."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtGui import QFont

from services.report import PeriodReport
from services.report_export import expense_rows, net_profit_line
from ui.formatting import Formatter
from ui.reports.models import ChannelsModel, ExpensesModel
from ui.reports.pipeline import STAGE_WIDTH, Block
from ui.reports.tables import COUNT_SAMPLE, fit_rows, least_width
from ui.widgets.tables import MONEY_SAMPLE

CATEGORY_WIDTH = 130  # the least width of a category's name ("Упаковка", "Комиссии")


class ChannelsBlock(Block):
    """Channels, most revenue first, then the expenses by category and the net profit line."""

    def __init__(self, formatter: Formatter, labels: dict[str, str], parent=None) -> None:
        super().__init__(formatter, labels, parent)
        self.title.setText(self.label("Channels"))
        self.model = ChannelsModel(formatter, labels, self)
        money, rate = MONEY_SAMPLE, formatter.percent(Decimal("-10"))  # −1 000,0 %
        samples = {1: money, 2: money, 3: money, 4: COUNT_SAMPLE, 5: money, 6: rate}
        self.view = self.table(self.model, samples, name_width=STAGE_WIDTH)
        self.empty = self.quiet("Nothing sold in this period.")
        self.expenses_title = self.line(self.label("Expenses by category"))
        bold = QFont(self.expenses_title.font())
        bold.setBold(True)
        self.expenses_title.setFont(bold)
        self.expenses = ExpensesModel(formatter, labels, self)
        self.categories = self.table(self.expenses, {1: money}, name_width=CATEGORY_WIDTH)
        # a short list: as narrow as its figures, not stretched under the wide channel table
        widths = [CATEGORY_WIDTH, self.categories.columnWidth(1)]
        self.categories.setMaximumWidth(least_width(self.categories, widths, CATEGORY_WIDTH))
        self.no_expenses = self.quiet("No expenses in this period.")
        self.net_profit = self.line()

    def show_report(self, report: PeriodReport) -> None:
        channels = list(report.by_channel)
        self.model.set_rows(channels)
        fit_rows(self.view, len(channels), len(channels))
        self.view.setVisible(bool(channels))
        self.empty.setVisible(not channels)
        rows = expense_rows(report, self.label)
        self.expenses.set_rows(rows)
        fit_rows(self.categories, len(rows), len(rows))
        self.categories.setVisible(bool(rows))
        self.no_expenses.setVisible(not rows)
        self.net_profit.setText(net_profit_line(report, self._formatter, self.label))
