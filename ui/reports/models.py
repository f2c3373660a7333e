"""The Reports section's tables of the channels and the expenses, and of money owed and deals in
flight: debtors, conversion by stage, lost orders by reason or stage, the top deals of the
forecast.

Their headers are the report's texts (services/report_export.TEXTS) as the window's language
says them, the same words as the PDF and XLSX; figures are written by the window's Formatter,
an empty one as "—".
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from services.funnel import StageConversion
from services.losses import LossAnalysis, LossLine
from services.payments import Debtor
from services.report import ChannelFigures
from services.report_export import (
    CHANNEL_HEADER,
    Labels,
    channel_cells,
    loss_name,
    signed_count,
    signed_money,
)
from services.scoring import Deal
from ui.formatting import EMPTY, Formatter
from ui.widgets.rows import RowsModel

_DISPLAY = Qt.ItemDataRole.DisplayRole


class ReportModel(RowsModel):
    """Read-only rows of a report table, under the report's own words for its headers."""

    def __init__(
        self, formatter: Formatter, labels: dict[str, str], headers: tuple[str, ...], parent=None
    ) -> None:
        self.label = Labels(labels)
        super().__init__(formatter, tuple(self.label(h) for h in headers), parent)


class ChannelsModel(ReportModel):
    """Each channel of the period: revenue, gross profit, ad spend, customers acquired, cost
    per acquired customer, ROI; a loss and a negative ROI in red."""

    NUMBERS = (1, 2, 3, 4, 5, 6)

    def __init__(self, formatter: Formatter, labels: dict[str, str], parent=None) -> None:
        super().__init__(formatter, labels, CHANNEL_HEADER, parent)

    def cells(self, channel: ChannelFigures) -> tuple[str, ...]:
        return channel_cells(channel, self._formatter, self.label)

    def red(self, channel: ChannelFigures, column: int) -> bool:
        if column == 2:
            return channel.gross_profit < 0
        return column == 6 and channel.roi is not None and channel.roi < 0


class ExpensesModel(ReportModel):
    """The period's expenses by category (named as the report names them), their total last
    in bold: rows of services.report_export.expense_rows."""

    NUMBERS = (1,)
    HEADERS = ("Category", "Amount")

    def __init__(self, formatter: Formatter, labels: dict[str, str], parent=None) -> None:
        super().__init__(formatter, labels, self.HEADERS, parent)

    def cells(self, row: tuple[str, Decimal]) -> tuple[str, ...]:
        return (row[0], self._formatter.money(row[1]))

    def bold(self, row: tuple[str, Decimal]) -> bool:
        return bool(self._rows) and row is self._rows[-1]


class DebtorsModel(ReportModel):
    """Who owes, the most overdue first (as services.payments.debtors sorts them)."""

    NUMBERS = (2, 3, 4, 5, 6)
    HEADERS = ("Customer", "Phone", "Orders", "Owed", "Overdue", "Days overdue", "Oldest due date")

    def __init__(self, formatter: Formatter, labels: dict[str, str], parent=None) -> None:
        super().__init__(formatter, labels, self.HEADERS, parent)

    def cells(self, debtor: Debtor) -> tuple[str, ...]:
        fmt = self._formatter
        return (
            debtor.name,
            fmt.phone(debtor.phone),
            fmt.integer(debtor.orders),
            fmt.money(debtor.owed),
            fmt.money(debtor.overdue),
            fmt.integer(debtor.overdue_days) if debtor.overdue_days else EMPTY,
            fmt.date(debtor.oldest_due),
        )

    def red(self, debtor: Debtor, column: int) -> bool:
        return column in (4, 5) and debtor.overdue > 0

    def contact_id(self, row: int) -> int:
        return self._rows[row].contact_id


class ConversionModel(ReportModel):
    """Each open stage: the period's orders that reached it, of them won, the share won."""

    NUMBERS = (1, 2, 3)
    HEADERS = ("Stage", "Reached", "Won", "Conversion")

    def __init__(self, formatter: Formatter, labels: dict[str, str], parent=None) -> None:
        super().__init__(formatter, labels, self.HEADERS, parent)

    def cells(self, stage: StageConversion) -> tuple[str, ...]:
        fmt = self._formatter
        return (
            stage.name,
            fmt.integer(stage.reached),
            fmt.integer(stage.won),
            fmt.percent(stage.rate),
        )


class LossesModel(ReportModel):
    """Lost orders by reason (`by` "reason") or by the stage they were lost at ("stage"), each
    against the period before, and their total as the last row."""

    NUMBERS = (1, 2, 3, 4)

    def __init__(self, formatter: Formatter, labels: dict[str, str], by: str, parent=None) -> None:
        first = "Reason" if by == "reason" else "Stage"
        super().__init__(formatter, labels, (first, "Orders", "Change", "Amount", "Change"), parent)
        self.by = by
        self._total: LossLine | None = None

    def set_losses(self, losses: LossAnalysis | None) -> None:
        """The lines of the analysis (none when nothing was lost then or before), the total
        after them."""
        if losses is None:
            lines: tuple[LossLine, ...] = ()
        else:
            lines = losses.by_reason if self.by == "reason" else losses.by_stage
        self._total = losses.total if losses is not None and lines else None
        self.set_rows([*lines, self._total] if lines else [])

    def cells(self, line: LossLine) -> tuple[str, ...]:
        fmt = self._formatter
        name = self.label("Total") if self.bold(line) else loss_name(line, self.by, self.label)
        return (
            name,
            fmt.integer(line.orders),
            signed_count(line.orders_change, fmt),
            fmt.money(line.amount),
            signed_money(line.amount_change, fmt),
        )

    def bold(self, line: LossLine) -> bool:
        return line is self._total


class DealsModel(ReportModel):
    """The most valuable open deals: probability, value and class."""

    NUMBERS = (0, 3, 4)
    CENTRED = (5,)
    HEADERS = ("Order", "Customer", "Status", "Probability", "Value", "Class")

    def __init__(self, formatter: Formatter, labels: dict[str, str], parent=None) -> None:
        super().__init__(formatter, labels, self.HEADERS, parent)

    def cells(self, deal: Deal) -> tuple[str, ...]:
        fmt = self._formatter
        return (
            str(deal.order_id),  # a number people quote: no group separator
            deal.contact_name,
            deal.status,
            fmt.percent_points(deal.probability),
            fmt.money(deal.value),
            deal.klass,
        )

    def order_id(self, row: int) -> int:
        return self._rows[row].order_id
