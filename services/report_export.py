"""The period report as files: XLSX sheets and a PDF with an embedded Cyrillic font.

No Qt here: the Reports section runs these off the UI thread and the CLI calls them directly.
The charts the PDF shows are drawn by services.report_charts.
"""

from __future__ import annotations

import io
import struct
import threading
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from models import EXPENSE_CATEGORIES
from services.figures import CustomerRow
from services.files import atomic_write
from services.formatting import Format
from services.lifecycle import SEGMENTS
from services.losses import LossLine
from services.messages import (
    EXPENSE_CATEGORY_NAMES,
    QT_TRANSLATE_NOOP,
    SEGMENT_NAMES,
    Translate,
    expense_category_name,
    segment_name,
)
from services.phones import format_phone
from services.report import KEY_FIGURES, ChannelFigures, PeriodReport, Pipeline
from services.scoring import CLASSES, Forecast
from services.tables import Column, Kind, Progress, Row, Table
from services.xlsx_writer import write_xlsx

FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"
FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
DASH = "—"
CHART_DPI = 150
PDF_DEBTORS = 30  # the PDF lists the most overdue debtors; the XLSX every one

# The key figures by the kind of their value: a column has one kind, so each kind is a sheet.
MONEY_FIGURES = (
    "revenue",
    "cost",
    "profit",
    "expenses",
    "net_profit",
    "average_check",
    "planned_revenue",
    "planned_profit",
)
COUNT_FIGURES = ("orders", "lines", "units", "new_customers", "returning_customers")
PERCENT_FIGURES = ("margin",)
assert set(MONEY_FIGURES + COUNT_FIGURES + PERCENT_FIGURES) == set(KEY_FIGURES)

CONTEXT = "ReportsView"  # the texts' context in the translation, as the Reports section's
FIGURE_NAMES = {
    "revenue": QT_TRANSLATE_NOOP("ReportsView", "Revenue"),
    "cost": QT_TRANSLATE_NOOP("ReportsView", "Cost"),
    "profit": QT_TRANSLATE_NOOP("ReportsView", "Profit"),
    "margin": QT_TRANSLATE_NOOP("ReportsView", "Margin"),
    "expenses": QT_TRANSLATE_NOOP("ReportsView", "Expenses"),
    "net_profit": QT_TRANSLATE_NOOP("ReportsView", "Net profit"),
    "orders": QT_TRANSLATE_NOOP("ReportsView", "Orders"),
    "lines": QT_TRANSLATE_NOOP("ReportsView", "Lines"),
    "units": QT_TRANSLATE_NOOP("ReportsView", "Units"),
    "average_check": QT_TRANSLATE_NOOP("ReportsView", "Average check"),
    "new_customers": QT_TRANSLATE_NOOP("ReportsView", "New customers"),
    "returning_customers": QT_TRANSLATE_NOOP("ReportsView", "Returning customers"),
    "planned_revenue": QT_TRANSLATE_NOOP("ReportsView", "Planned revenue"),
    "planned_profit": QT_TRANSLATE_NOOP("ReportsView", "Planned profit"),
}
# The channel table's header: the channel, then its figures (see channel_cells).
CHANNEL_HEADER = (
    QT_TRANSLATE_NOOP("ReportsView", "Channel"),
    QT_TRANSLATE_NOOP("ReportsView", "Revenue"),
    QT_TRANSLATE_NOOP("ReportsView", "Gross profit"),
    QT_TRANSLATE_NOOP("ReportsView", "Ad spend"),
    QT_TRANSLATE_NOOP("ReportsView", "Acquired"),
    QT_TRANSLATE_NOOP("ReportsView", "Cost per customer"),
    QT_TRANSLATE_NOOP("ReportsView", "ROI"),
)
# Every other English text of the report's files and charts, marked for the translation
# (lupdate reads this file): the window and the command line translate them all.
TEXTS = (
    *FIGURE_NAMES.values(),
    *CHANNEL_HEADER,
    QT_TRANSLATE_NOOP("ReportsView", "Channels"),
    QT_TRANSLATE_NOOP("ReportsView", "Expenses by category"),
    QT_TRANSLATE_NOOP("ReportsView", "Category"),
    QT_TRANSLATE_NOOP("ReportsView", "No expenses in this period."),
    QT_TRANSLATE_NOOP("ReportsView", "Gross profit %1 − expenses %2 = net profit %3"),
    QT_TRANSLATE_NOOP("ReportsView", "Lavka report"),
    QT_TRANSLATE_NOOP("ReportsView", "All time"),
    QT_TRANSLATE_NOOP("ReportsView", "By channel"),
    QT_TRANSLATE_NOOP("ReportsView", "By week"),
    QT_TRANSLATE_NOOP("ReportsView", "By month"),
    QT_TRANSLATE_NOOP("ReportsView", "Change"),
    QT_TRANSLATE_NOOP("ReportsView", "Compared with"),
    QT_TRANSLATE_NOOP("ReportsView", "Customer"),
    QT_TRANSLATE_NOOP("ReportsView", "Figure"),
    QT_TRANSLATE_NOOP("ReportsView", "From"),
    QT_TRANSLATE_NOOP("ReportsView", "To"),
    QT_TRANSLATE_NOOP("ReportsView", "Key counts"),
    QT_TRANSLATE_NOOP("ReportsView", "Key figures"),
    QT_TRANSLATE_NOOP("ReportsView", "No channel"),
    QT_TRANSLATE_NOOP("ReportsView", "Nothing sold in this period."),
    QT_TRANSLATE_NOOP("ReportsView", "Period"),
    QT_TRANSLATE_NOOP("ReportsView", "Phone"),
    QT_TRANSLATE_NOOP("ReportsView", "Previous period"),
    QT_TRANSLATE_NOOP("ReportsView", "Product"),
    QT_TRANSLATE_NOOP("ReportsView", "Products"),
    QT_TRANSLATE_NOOP("ReportsView", "Profit by product"),
    QT_TRANSLATE_NOOP("ReportsView", "Revenue by channel"),
    QT_TRANSLATE_NOOP("ReportsView", "Revenue and profit by week"),
    QT_TRANSLATE_NOOP("ReportsView", "Revenue and profit by month"),
    QT_TRANSLATE_NOOP("ReportsView", "This period"),
    QT_TRANSLATE_NOOP("ReportsView", "Top customers by profit"),
    QT_TRANSLATE_NOOP("ReportsView", "Top customers by revenue"),
    QT_TRANSLATE_NOOP("ReportsView", "Top products by profit"),
    QT_TRANSLATE_NOOP("ReportsView", "Customers by segment"),
    *(
        SEGMENT_HEADER := (
            QT_TRANSLATE_NOOP("ReportsView", "Segment"),
            QT_TRANSLATE_NOOP("ReportsView", "At the start"),
            QT_TRANSLATE_NOOP("ReportsView", "At the end"),
            QT_TRANSLATE_NOOP("ReportsView", "Moved in"),
            QT_TRANSLATE_NOOP("ReportsView", "Moved out"),
        )
    ),
    # money owed and deals in flight (PeriodReport.pipeline)
    QT_TRANSLATE_NOOP("ReportsView", "Debtors"),
    QT_TRANSLATE_NOOP("ReportsView", "Debtors on %1"),
    QT_TRANSLATE_NOOP("ReportsView", "Owed"),
    QT_TRANSLATE_NOOP("ReportsView", "Overdue"),
    QT_TRANSLATE_NOOP("ReportsView", "Days overdue"),
    QT_TRANSLATE_NOOP("ReportsView", "Oldest due date"),
    QT_TRANSLATE_NOOP("ReportsView", "Owed %1, of it overdue %2"),
    QT_TRANSLATE_NOOP("ReportsView", "No debtors."),
    QT_TRANSLATE_NOOP("ReportsView", "The first %1 of %2 are shown."),
    QT_TRANSLATE_NOOP("ReportsView", "Conversion"),
    QT_TRANSLATE_NOOP("ReportsView", "Stage"),
    QT_TRANSLATE_NOOP("ReportsView", "Reached"),
    QT_TRANSLATE_NOOP("ReportsView", "Won"),
    QT_TRANSLATE_NOOP("ReportsView", "All orders"),
    QT_TRANSLATE_NOOP("ReportsView", "Orders: %1 · won: %2 · lost: %3 · conversion: %4"),
    QT_TRANSLATE_NOOP("ReportsView", "Lost orders"),
    QT_TRANSLATE_NOOP("ReportsView", "Lost by reason"),
    QT_TRANSLATE_NOOP("ReportsView", "Lost by stage"),
    QT_TRANSLATE_NOOP("ReportsView", "Reason"),
    QT_TRANSLATE_NOOP("ReportsView", "Amount"),
    QT_TRANSLATE_NOOP("ReportsView", "Orders before"),
    QT_TRANSLATE_NOOP("ReportsView", "Amount before"),
    QT_TRANSLATE_NOOP("ReportsView", "Total"),
    QT_TRANSLATE_NOOP("ReportsView", "No reason given"),
    QT_TRANSLATE_NOOP("ReportsView", "Stage unknown"),
    QT_TRANSLATE_NOOP("ReportsView", "No lost orders in this period or the one before."),
    QT_TRANSLATE_NOOP("ReportsView", "Forecast"),
    QT_TRANSLATE_NOOP("ReportsView", "Forecast on %1"),
    QT_TRANSLATE_NOOP("ReportsView", "Forecast: %1 (deals counted: %2 of %3)"),
    QT_TRANSLATE_NOOP("ReportsView", "Classes: %1"),
    QT_TRANSLATE_NOOP("ReportsView", "slid down (C2): %1"),
    QT_TRANSLATE_NOOP("ReportsView", "Class"),
    QT_TRANSLATE_NOOP("ReportsView", "Deals"),
    QT_TRANSLATE_NOOP("ReportsView", "Top deals"),
    QT_TRANSLATE_NOOP("ReportsView", "Order"),
    QT_TRANSLATE_NOOP("ReportsView", "Date"),
    QT_TRANSLATE_NOOP("ReportsView", "Status"),
    QT_TRANSLATE_NOOP("ReportsView", "Probability"),
    QT_TRANSLATE_NOOP("ReportsView", "Value"),
    QT_TRANSLATE_NOOP("ReportsView", "Counted"),
    QT_TRANSLATE_NOOP("ReportsView", "No open deals."),
)


class Labels:
    """English texts, translated through the `labels` dict the caller passes (if any)."""

    def __init__(self, labels: dict[str, str] | None) -> None:
        self.labels = labels or {}

    def __call__(self, text: str) -> str:
        return self.labels.get(text, text)


def report_labels(translate: Translate) -> dict[str, str]:
    """Each English text of the report (segments' names included) in `translate`'s language."""
    labels = {text: translate(CONTEXT, text, -1) for text in TEXTS}
    labels.update({SEGMENT_NAMES[code]: segment_name(code, translate) for code in SEGMENTS})
    labels.update(
        {
            EXPENSE_CATEGORY_NAMES[code]: expense_category_name(code, translate)
            for code in EXPENSE_CATEGORIES
        }
    )
    return labels


def format_period(report: PeriodReport, fmt: Format, labels: Labels | None = None) -> str:
    label = labels or Labels(None)
    start, end = report.period.start, report.period.end
    if start is None and end is None:
        return label("All time")
    return f"{fmt.date(start) if start else '…'} – {fmt.date(end) if end else '…'}"


def _figure_text(name: str, value: Decimal | int | None, fmt: Format) -> str:
    if name in MONEY_FIGURES:
        return fmt.money(value)
    if name in PERCENT_FIGURES:
        return fmt.percent(None if value is None else Decimal(value))
    return fmt.integer(None if value is None else int(value)) or DASH


# --- money owed and deals in flight, as the window and the files say them ---------------------


def fill(template: str, *values: str) -> str:
    """A translated template with its %1, %2… filled (Qt's way: the last first, so %1 never
    eats the start of %10)."""
    for number in range(len(values), 0, -1):
        template = template.replace(f"%{number}", values[number - 1])
    return template


def signed_count(change: int, fmt: Format) -> str:
    """A change of a count against the period before: "+1", "-2", "0"."""
    return ("+" if change > 0 else "") + fmt.integer(change)


def signed_money(change: Decimal, fmt: Format) -> str:
    """A change of a sum against the period before: "+3 000,00 ₽", "-2 000,00 ₽"."""
    return ("+" if change > 0 else "") + fmt.money(change)


def loss_name(line: LossLine, by: str, label: Labels) -> str:
    """A reason's or a stage's name; the line of the orders lost without one (`by` "reason" or
    "stage") named for what it is."""
    if line.name is not None:
        return line.name
    return label("No reason given" if by == "reason" else "Stage unknown")


def conversion_totals(pipeline: Pipeline, fmt: Format, label: Labels) -> str:
    """ "Orders: 6 · won: 1 · lost: 3 · conversion: 16,7 %" for the period's orders."""
    flow = pipeline.conversion
    return fill(
        label("Orders: %1 · won: %2 · lost: %3 · conversion: %4"),
        fmt.integer(flow.orders),
        fmt.integer(flow.won),
        fmt.integer(flow.lost),
        fmt.percent(flow.rate),
    )


def debt_totals(pipeline: Pipeline, fmt: Format, label: Labels) -> str:
    """ "Owed 9 300,00 ₽, of it overdue 4 300,00 ₽" over every debtor."""
    owed = sum((d.owed for d in pipeline.debtors), Decimal("0.00"))
    overdue = sum((d.overdue for d in pipeline.debtors), Decimal("0.00"))
    return fill(label("Owed %1, of it overdue %2"), fmt.money(owed), fmt.money(overdue))


def class_counts(result: Forecast, fmt: Format) -> str:
    """ "A 1 · B 1 · C 2 · D 0 · E 1" (C counts the deals that slid down to C2)."""
    return " · ".join(f"{letter} {fmt.integer(result.classes[letter])}" for letter in CLASSES)


def forecast_lines(result: Forecast, fmt: Format, label: Labels) -> tuple[str, str]:
    """The forecast and the deals it counts; the deals per class, and how many slid."""
    total = fill(
        label("Forecast: %1 (deals counted: %2 of %3)"),
        fmt.money(result.total),
        fmt.integer(result.counted_count),
        fmt.integer(result.open_count),
    )
    classes = fill(label("Classes: %1"), class_counts(result, fmt))
    if result.slid:
        classes += ", " + fill(label("slid down (C2): %1"), fmt.integer(result.slid))
    return total, classes


def probability(points: int) -> Decimal:
    """A deal's whole percent as a fraction (35 → 0.35): a percent cell."""
    return Decimal(points) / 100


# --- channels and expenses, as the window and the files say them -------------------------------


ChannelValues = tuple[str, Decimal, Decimal, Decimal, int, Decimal | None, Decimal | None]


def channel_values(channel: ChannelFigures, label: Labels) -> ChannelValues:
    """A channel's row under CHANNEL_HEADER, typed: name, revenue, gross profit, ad spend,
    customers acquired, cost per acquired customer (None: nobody acquired), ROI (a fraction;
    None: no ad spend)."""
    return (
        channel.name or label("No channel"),
        channel.revenue,
        channel.gross_profit,
        channel.ad_spend,
        channel.acquired,
        channel.cost_per_customer,
        channel.roi,
    )


def channel_cells(channel: ChannelFigures, fmt: Format, label: Labels) -> tuple[str, ...]:
    """A channel's row under CHANNEL_HEADER as text; an empty figure as "—"."""
    name, revenue, profit, spend, acquired, per_customer, roi = channel_values(channel, label)
    return (
        name,
        fmt.money(revenue),
        fmt.money(profit),
        fmt.money(spend),
        fmt.integer(acquired),
        fmt.money(per_customer),
        fmt.percent(roi),
    )


def expense_rows(report: PeriodReport, label: Labels) -> list[tuple[str, Decimal]]:
    """The period's expenses by category, then their total; none when nothing was spent."""
    spent = report.expenses
    if not spent.by_category:
        return []
    names = EXPENSE_CATEGORY_NAMES
    rows = [(label(names[category]), amount) for category, amount in spent.by_category]
    return [*rows, (label("Total"), spent.total)]


def net_profit_line(report: PeriodReport, fmt: Format, label: Labels) -> str:
    """ "Gross profit 3 500,50 ₽ − expenses 1 200,00 ₽ = net profit 2 300,50 ₽"."""
    return fill(
        label("Gross profit %1 − expenses %2 = net profit %3"),
        fmt.money(report.value("profit")),
        fmt.money(report.expenses.total),
        fmt.money(report.net_profit),
    )


# --- XLSX ---------------------------------------------------------------------------------------


def report_tables(report: PeriodReport, labels: dict[str, str] | None = None) -> list[Table]:
    """The report as typed tables, one sheet each.

    The key figures are split by kind ("Key figures" holds the money ones, "Key counts" the
    counts, "Margin" the ratio) because a column has a single kind, so every cell stays typed.
    """
    label = Labels(labels)

    def key_table(name: str, figures: Sequence[str], kind: Kind) -> Table:
        columns = (
            Column(label("Figure")),
            Column(label("This period"), kind),
            Column(label("Previous period"), kind),
            Column(label("Change"), Kind.PERCENT),
        )
        rows = [
            (
                label(FIGURE_NAMES[f]),
                report.value(f),
                report.previous_value(f),
                report.change(f),
            )
            for f in figures
        ]
        return Table(name, columns, lambda: rows, len(rows))

    customer_columns = (
        Column(label("Customer")),
        Column(label("Phone")),
        Column(label("Orders"), Kind.INTEGER),
        Column(label("Revenue"), Kind.MONEY),
        Column(label("Profit"), Kind.MONEY),
        Column(label("Margin"), Kind.PERCENT),
    )

    def customers(name: str, rows_of: Sequence[CustomerRow]) -> Table:
        rows = [
            (
                c.name,
                format_phone(c.phone) or None,
                c.orders,
                c.figures.amount,
                c.figures.profit,
                c.figures.margin,
            )
            for c in rows_of
        ]
        return Table(name, customer_columns, lambda: rows, len(rows))

    products = [
        (p.name, p.units, p.figures.amount, p.figures.profit, p.figures.margin)
        for p in report.products
    ]
    # A week or a month as its first and last day: dates a spreadsheet sorts and filters.
    by_time = [(b.start, b.end, b.revenue, b.profit) for b in report.by_time]
    by_channel = [channel_values(c, label) for c in report.by_channel]
    channel_columns = tuple(
        Column(label(text), kind)
        for text, kind in zip(
            CHANNEL_HEADER,
            (Kind.TEXT, Kind.MONEY, Kind.MONEY, Kind.MONEY, Kind.INTEGER, Kind.MONEY, Kind.PERCENT),
            strict=True,
        )
    )
    expenses = expense_rows(report, label)
    money_pair = (Column(label("Revenue"), Kind.MONEY), Column(label("Profit"), Kind.MONEY))
    return [
        key_table(label("Key figures"), MONEY_FIGURES, Kind.MONEY),
        key_table(label("Key counts"), COUNT_FIGURES, Kind.INTEGER),
        key_table(label("Margin"), PERCENT_FIGURES, Kind.PERCENT),
        customers(label("Top customers by revenue"), report.top_by_revenue),
        customers(label("Top customers by profit"), report.top_by_profit),
        Table(
            label("Products"),
            (
                Column(label("Product")),
                Column(label("Units"), Kind.INTEGER),
                Column(label("Revenue"), Kind.MONEY),
                Column(label("Profit"), Kind.MONEY),
                Column(label("Margin"), Kind.PERCENT),
            ),
            lambda: products,
            len(products),
        ),
        Table(
            label("By week" if report.time_unit == "week" else "By month"),
            (Column(label("From"), Kind.DATE), Column(label("To"), Kind.DATE), *money_pair),
            lambda: by_time,
            len(by_time),
        ),
        Table(label("By channel"), channel_columns, lambda: by_channel, len(by_channel)),
        Table(
            label("Expenses by category"),
            (Column(label("Category")), Column(label("Amount"), Kind.MONEY)),
            lambda: expenses,
            len(expenses),
        ),
        *_segment_tables(report, label),
        *(pipeline_tables(report.pipeline, label) if report.pipeline else ()),
    ]


def segment_rows(report: PeriodReport) -> list[tuple[str, int, int, int, int]]:
    """Customers per lifecycle segment on the eve of the period and at its end, and how many
    entered and left each; empty for a report without them (an open period)."""
    shift = report.segments
    if shift is None:
        return []
    return [
        (
            SEGMENT_NAMES[code],
            shift.before[code],
            shift.after[code],
            shift.moved_in[code],
            shift.moved_out[code],
        )
        for code in SEGMENTS
    ]


def _segment_tables(report: PeriodReport, label: Labels) -> list[Table]:
    rows = [(label(name), *counts) for name, *counts in segment_rows(report)]
    if not rows:
        return []
    first, *counts = SEGMENT_HEADER
    columns = (Column(label(first)), *(Column(label(text), Kind.INTEGER) for text in counts))
    return [Table(label("Customers by segment"), columns, lambda: rows, len(rows))]


def pipeline_tables(pipeline: Pipeline, label: Labels) -> list[Table]:
    """Debtors, conversion, losses by reason and by stage, the forecast by class and the
    deals, one sheet each, every cell typed."""
    debtors = [
        (
            d.name,
            format_phone(d.phone) or None,
            d.orders,
            d.owed,
            d.overdue,
            d.overdue_days,
            d.oldest_due,
        )
        for d in pipeline.debtors
    ]
    flow = pipeline.conversion
    stages = [(s.name, s.reached, s.won, s.rate) for s in flow.stages]
    stages.append((label("All orders"), flow.orders, flow.won, flow.rate))
    result = pipeline.forecast
    counted = {letter: Decimal("0.00") for letter in CLASSES}
    for deal in result.counted:
        counted[deal.counted_class] += deal.value
    by_class = [(letter, result.classes[letter], counted[letter]) for letter in CLASSES]
    by_class.append((label("Total"), result.open_count, result.total))
    deals = [
        (
            d.order_id,
            d.date,
            d.contact_name,
            d.status,
            d.channel,
            d.worth,
            probability(d.probability),
            d.value,
            d.klass,
            d.probability > result.floor,
        )
        for d in result.deals
    ]
    tables = [
        _sheet(
            label("Debtors"),
            (
                Column(label("Customer")),
                Column(label("Phone")),
                Column(label("Orders"), Kind.INTEGER),
                Column(label("Owed"), Kind.MONEY),
                Column(label("Overdue"), Kind.MONEY),
                Column(label("Days overdue"), Kind.INTEGER),
                Column(label("Oldest due date"), Kind.DATE),
            ),
            debtors,
        ),
        _sheet(
            label("Conversion"),
            (
                Column(label("Stage")),
                Column(label("Reached"), Kind.INTEGER),
                Column(label("Won"), Kind.INTEGER),
                Column(label("Conversion"), Kind.PERCENT),
            ),
            stages,
        ),
    ]
    if pipeline.losses is not None:
        losses = pipeline.losses
        for sheet, first, by, lines in (
            ("Lost by reason", "Reason", "reason", losses.by_reason),
            ("Lost by stage", "Stage", "stage", losses.by_stage),
        ):
            rows = [_loss_row(line, loss_name(line, by, label)) for line in lines]
            rows.append(_loss_row(losses.total, label("Total")))
            columns = (
                Column(label(first)),
                Column(label("Orders"), Kind.INTEGER),
                Column(label("Orders before"), Kind.INTEGER),
                Column(label("Change"), Kind.INTEGER),
                Column(label("Amount"), Kind.MONEY),
                Column(label("Amount before"), Kind.MONEY),
                Column(label("Change"), Kind.MONEY),
            )
            tables.append(_sheet(label(sheet), columns, rows))
    tables += [
        _sheet(
            label("Forecast"),
            (
                Column(label("Class")),
                Column(label("Deals"), Kind.INTEGER),
                Column(label("Forecast"), Kind.MONEY),
            ),
            by_class,
        ),
        _sheet(
            label("Deals"),
            (
                Column(label("Order"), Kind.INTEGER),
                Column(label("Date"), Kind.DATE),
                Column(label("Customer")),
                Column(label("Status")),
                Column(label("Channel")),
                Column(label("Amount"), Kind.MONEY),
                Column(label("Probability"), Kind.PERCENT),
                Column(label("Value"), Kind.MONEY),
                Column(label("Class")),
                Column(label("Counted"), Kind.BOOLEAN),
            ),
            deals,
        ),
    ]
    return tables


def _sheet(name: str, columns: tuple[Column, ...], rows: Sequence[Row]) -> Table:
    return Table(name, columns, lambda: rows, len(rows))


def _loss_row(line: LossLine, name: str) -> tuple[str, int, int, int, Decimal, Decimal, Decimal]:
    return (
        name,
        line.orders,
        line.previous_orders,
        line.orders_change,
        line.amount,
        line.previous_amount,
        line.amount_change,
    )


def write_report_xlsx(
    report: PeriodReport,
    path: Path | str,
    currency: str = "₽",
    progress: Progress | None = None,
    labels: dict[str, str] | None = None,
) -> int:
    """Write the report's tables as one workbook (atomic, see write_xlsx); return rows written."""
    return write_xlsx(Path(path), report_tables(report, labels), currency, progress)


# --- PDF ----------------------------------------------------------------------------------------

_fonts_lock = threading.Lock()


def register_fonts() -> None:
    """Register DejaVu Sans (regular and bold) with reportlab once; it embeds them as subsets."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    with _fonts_lock:
        if FONT in pdfmetrics.getRegisteredFontNames():
            return
        pdfmetrics.registerFont(TTFont(FONT, str(FONTS / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont(FONT_BOLD, str(FONTS / "DejaVuSans-Bold.ttf")))
        for bold, italic, name in (
            (0, 0, FONT),
            (1, 0, FONT_BOLD),
            (0, 1, FONT),
            (1, 1, FONT_BOLD),
        ):
            addMapping(FONT, bold, italic, name)


def write_report_pdf(
    report: PeriodReport,
    path: Path | str,
    title: str = "Lavka report",
    fmt: Format | None = None,
    charts: list[bytes] | None = None,
    labels: dict[str, str] | None = None,
) -> None:
    """Write the report as an A4 PDF at `path`: title, period, key figures with their change,
    top customers, products, then the charts (PNG bytes) scaled to the page width. Figures
    are written by `fmt` (the caller's language; Russian marks and ₽ when not given), texts
    through `labels` (see report_labels).

    The file appears only when complete; on any error the temporary file is removed.
    """
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        Image,
        KeepTogether,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        TableStyle,
    )
    from reportlab.platypus import Table as PdfTable

    register_fonts()
    label = Labels(labels)
    fmt = fmt or Format()
    path = Path(path)
    styles = {
        "title": ParagraphStyle("title", fontName=FONT_BOLD, fontSize=18, leading=22),
        "heading": ParagraphStyle(
            "heading",
            fontName=FONT_BOLD,
            fontSize=12,
            leading=15,
            spaceBefore=10,
            spaceAfter=4,
            keepWithNext=1,  # a heading never ends a page without its table
        ),
        "body": ParagraphStyle("body", fontName=FONT, fontSize=10, leading=13),
        "cell": ParagraphStyle("cell", fontName=FONT, fontSize=8.5, leading=10.5),
    }

    def table(header: Sequence[object], rows: list[list[Any]], widths: Sequence[float]) -> PdfTable:
        if not rows:
            return Paragraph(escape(label("Nothing sold in this period.")), styles["body"])
        grid = PdfTable([list(header), *rows], colWidths=list(widths), repeatRows=1)
        grid.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), FONT, 8.5),
                    ("FONT", (0, 0), (-1, 0), FONT_BOLD, 8.5),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8ecf2")),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.HexColor("#8895a7")),
                    ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#d5dae1")),
                    ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ]
            )
        )
        return grid

    def name_cell(text: str | None) -> Paragraph:
        return Paragraph(escape(text or DASH), styles["cell"])

    # Numbers go in as plain strings (drawn as they are), so their non-breaking spaces stay.
    story: list[Any] = [
        Paragraph(escape(title), styles["title"]),
        Spacer(1, 3 * mm),
        Paragraph(
            escape(f"{label('Period')}: {format_period(report, fmt, label)}"), styles["body"]
        ),
    ]
    if report.previous_period is not None:
        before = report.previous_period
        text = f"{label('Compared with')}: {fmt.date(before.start)} – {fmt.date(before.end)}"
        story.append(Paragraph(escape(text), styles["body"]))
    story.append(Paragraph(escape(label("Key figures")), styles["heading"]))
    key_rows = [
        [
            label(FIGURE_NAMES[name]),
            _figure_text(name, report.value(name), fmt),
            _figure_text(name, report.previous_value(name), fmt),
            fmt.percent(report.change(name), signed=True),
        ]
        for name in KEY_FIGURES
    ]
    header = [label("Figure"), label("This period"), label("Previous period"), label("Change")]
    story.append(table(header, key_rows, (60 * mm, 40 * mm, 40 * mm, 30 * mm)))

    customer_header = [
        label("Customer"),
        label("Phone"),
        label("Orders"),
        label("Revenue"),
        label("Profit"),
        label("Margin"),
    ]
    widths = (48 * mm, 34 * mm, 15 * mm, 28 * mm, 28 * mm, 17 * mm)
    for heading, rows_of in (
        ("Top customers by revenue", report.top_by_revenue),
        ("Top customers by profit", report.top_by_profit),
    ):
        rows = [
            [
                name_cell(c.name),
                format_phone(c.phone) or DASH,
                fmt.integer(c.orders),
                fmt.money(c.figures.amount),
                fmt.money(c.figures.profit),
                fmt.percent(c.figures.margin),
            ]
            for c in rows_of
        ]
        story.append(
            KeepTogether(
                [
                    Paragraph(escape(label(heading)), styles["heading"]),
                    table(customer_header, rows, widths),
                ]
            )
        )

    product_rows = [
        [
            name_cell(p.name),
            fmt.integer(p.units),
            fmt.money(p.figures.amount),
            fmt.money(p.figures.profit),
            fmt.percent(p.figures.margin),
        ]
        for p in report.top_products
    ]
    story.append(Paragraph(escape(label("Top products by profit")), styles["heading"]))
    product_header = [
        label("Product"),
        label("Units"),
        label("Revenue"),
        label("Profit"),
        label("Margin"),
    ]
    story.append(table(product_header, product_rows, (66 * mm, 18 * mm, 32 * mm, 32 * mm, 22 * mm)))

    segments = [
        [label(name), *(fmt.integer(count) for count in counts)]
        for name, *counts in segment_rows(report)
    ]
    if segments:
        story.append(
            KeepTogether(
                [
                    Paragraph(escape(label("Customers by segment")), styles["heading"]),
                    table(
                        [label(text) for text in SEGMENT_HEADER],
                        segments,
                        (50 * mm, 30 * mm, 30 * mm, 30 * mm, 30 * mm),
                    ),
                ]
            )
        )

    story += _channel_story(report, fmt, label, table, styles)
    if report.pipeline is not None:
        story += _pipeline_story(report, fmt, label, table, styles)

    with atomic_write(path) as partial:
        doc = SimpleDocTemplate(
            str(partial),
            pagesize=A4,
            title=title,
            author="Lavka",
            leftMargin=18 * mm,
            rightMargin=18 * mm,
            topMargin=16 * mm,
            bottomMargin=16 * mm,
        )
        for png in charts or ():
            width, height = png_size(png)
            shown = doc.width
            story.append(Spacer(1, 5 * mm))
            story.append(Image(io.BytesIO(png), width=shown, height=shown * height / width))
        doc.build(story)


# write_report_pdf's table maker (header, rows, column widths → a flowable) and its paragraph
# styles by name; reportlab has no type information, so its objects are Any.
PdfTableMaker = Callable[[Sequence[object], list[list[Any]], Sequence[float]], Any]
PdfStyles = dict[str, Any]


def _channel_story(
    report: PeriodReport, fmt: Format, label: Labels, table: PdfTableMaker, styles: PdfStyles
) -> list[Any]:
    """The PDF's channels (sales, ad spend, customers acquired, ROI), the expenses by category
    and the net profit (`table` and `styles` are write_report_pdf's)."""
    from xml.sax.saxutils import escape

    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, TableStyle

    head = ParagraphStyle("head", fontName=FONT_BOLD, fontSize=8.5, leading=10.5)
    head_right = ParagraphStyle("head_right", parent=head, alignment=TA_RIGHT)

    def para(text: str, style: str = "body") -> Paragraph:
        return Paragraph(escape(text), styles[style])

    # headers wrap (Russian titles run long): the name on the left, the figures on the right
    header = [Paragraph(escape(label(text)), head_right if i else head)
              for i, text in enumerate(CHANNEL_HEADER)]  # fmt: skip
    rows = [
        [para(name, "cell"), *figures]
        for name, *figures in (channel_cells(c, fmt, label) for c in report.by_channel)
    ]
    widths = (28 * mm, 26 * mm, 26 * mm, 24 * mm, 22 * mm, 24 * mm, 20 * mm)
    story = [KeepTogether([para(label("Channels"), "heading"), table(header, rows, widths)])]
    expenses = expense_rows(report, label)
    if expenses:
        *categories, (total, spent) = expenses  # the total last, in bold
        rows = [[para(name, "cell"), fmt.money(amount)] for name, amount in categories]
        rows.append([Paragraph(escape(total), head), fmt.money(spent)])
        grid = table([label("Category"), label("Amount")], rows, (60 * mm, 40 * mm))
        grid.setStyle(TableStyle([("FONT", (0, -1), (-1, -1), FONT_BOLD, 8.5)]))
        grid.hAlign = "LEFT"  # a short list under the page-wide tables: on the left edge
        parts = [grid]
    else:
        parts = [para(label("No expenses in this period."))]
    parts += [Spacer(1, 1.5 * mm), para(net_profit_line(report, fmt, label))]
    story.append(KeepTogether([para(label("Expenses by category"), "heading"), *parts]))
    return story


def _pipeline_story(
    report: PeriodReport, fmt: Format, label: Labels, table: PdfTableMaker, styles: PdfStyles
) -> list[Any]:
    """The PDF's debtors, conversion, lost orders and forecast: a heading, a line of totals
    and a table each (`table` and `styles` are write_report_pdf's)."""
    from xml.sax.saxutils import escape

    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, TableStyle

    pipeline = report.pipeline
    assert pipeline is not None
    head = ParagraphStyle("head", fontName=FONT_BOLD, fontSize=8.5, leading=10.5)
    head_right = ParagraphStyle("head_right", parent=head, alignment=TA_RIGHT)
    cell = styles["cell"]

    def para(text: str, style: str = "body") -> Paragraph:
        return Paragraph(escape(text), styles[style])

    def header(*texts: str, left: int = 1) -> list[Paragraph]:
        """Header cells that wrap (Russian titles run long): the first `left` over text on the
        left, the rest over figures on the right."""
        return [
            Paragraph(escape(label(text)), head if i < left else head_right)
            for i, text in enumerate(texts)
        ]

    def section(title: str, *parts: Any) -> KeepTogether:
        return KeepTogether([para(title, "heading"), *parts])

    story: list[Any] = []
    shown = pipeline.debtors[:PDF_DEBTORS]
    if shown:
        rows = [
            [
                _customer_cell(d.name, d.phone, cell),
                fmt.integer(d.orders),
                fmt.money(d.owed),
                fmt.money(d.overdue),
                fmt.integer(d.overdue_days) if d.overdue_days else DASH,
                fmt.date(d.oldest_due),
            ]
            for d in shown
        ]
        # the phone under the name: seven columns would not fit the page's width
        widths: tuple[float, ...] = (48 * mm, 18 * mm, 29 * mm, 29 * mm, 24 * mm, 26 * mm)
        titles: tuple[str, ...] = ("Customer", "Orders", "Owed", "Overdue", "Days overdue")
        parts = [
            para(debt_totals(pipeline, fmt, label)),
            table(header(*titles, "Oldest due date"), rows, widths),
        ]
        if len(pipeline.debtors) > len(shown):
            first, total = fmt.integer(len(shown)), fmt.integer(len(pipeline.debtors))
            parts.append(para(fill(label("The first %1 of %2 are shown."), first, total)))
    else:
        parts = [para(label("No debtors."))]
    story.append(section(fill(label("Debtors on %1"), fmt.date(report.today)), *parts))

    flow = pipeline.conversion
    rows = [
        [
            Paragraph(escape(s.name), cell),
            fmt.integer(s.reached),
            fmt.integer(s.won),
            fmt.percent(s.rate),
        ]
        for s in flow.stages
    ]
    widths = (84 * mm, 30 * mm, 30 * mm, 30 * mm)
    parts = [table(header("Stage", "Reached", "Won", "Conversion"), rows, widths)] if rows else []
    parts += [Spacer(1, 1.5 * mm), para(conversion_totals(pipeline, fmt, label))]
    story.append(section(label("Conversion"), *parts))

    losses = pipeline.losses
    if losses is not None:
        before = f"{label('Compared with')}: {fmt.date(losses.previous_start)} – " + fmt.date(
            losses.previous_end
        )
        parts = [para(before)]
        if losses.by_reason or losses.by_stage:
            widths = (54 * mm, 20 * mm, 25 * mm, 37 * mm, 38 * mm)
            space = 3 * mm
            for first, by, lines in (
                ("Reason", "reason", losses.by_reason),
                ("Stage", "stage", losses.by_stage),
            ):
                rows = [_loss_cells(line, loss_name(line, by, label), fmt, cell) for line in lines]
                rows.append(_loss_cells(losses.total, label("Total"), fmt, head))
                titles = (first, "Orders", "Change", "Amount", "Change")
                grid = table(header(*titles), rows, widths)
                grid.setStyle(TableStyle([("FONT", (1, -1), (-1, -1), FONT_BOLD, 8.5)]))
                parts += [Spacer(1, space), grid]
        else:
            parts.append(para(label("No lost orders in this period or the one before.")))
        story.append(section(label("Lost orders"), *parts))

    result = pipeline.forecast
    total, classes = forecast_lines(result, fmt, label)
    parts = [para(total), para(classes)]
    if result.deals:
        rows = [
            [
                str(d.order_id),
                Paragraph(escape(d.contact_name), cell),
                Paragraph(escape(d.status), cell),
                fmt.percent_points(d.probability),
                fmt.money(d.value),
                d.klass,
            ]
            for d in result.deals[: report.top]
        ]
        widths = (16 * mm, 50 * mm, 34 * mm, 26 * mm, 32 * mm, 16 * mm)
        titles = ("Order", "Customer", "Status", "Probability", "Value", "Class")
        parts += [
            Spacer(1, 2 * mm),
            para(label("Top deals"), "heading"),
            table(header(*titles, left=3), rows, widths),
        ]
    else:
        parts.append(para(label("No open deals.")))
    story.append(section(fill(label("Forecast on %1"), fmt.date(result.day)), *parts))
    return story


def _customer_cell(name: str, phone: str | None, style: Any) -> Any:
    """The customer's name, and their phone on a line of its own, in a PDF table cell."""
    from xml.sax.saxutils import escape

    from reportlab.platypus import Paragraph

    shown = escape(name)
    if phone:
        shown += f'<br/><font color="#5f6b7a">{escape(format_phone(phone))}</font>'
    return Paragraph(shown, style)


def _loss_cells(line: LossLine, name: str, fmt: Format, style: Any) -> list[Any]:
    from xml.sax.saxutils import escape

    from reportlab.platypus import Paragraph

    return [
        Paragraph(escape(name), style),
        fmt.integer(line.orders),
        signed_count(line.orders_change, fmt),
        fmt.money(line.amount),
        signed_money(line.amount_change, fmt),
    ]


def png_size(png: bytes) -> tuple[int, int]:
    """(width, height) in pixels from a PNG's IHDR chunk."""
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("A chart must be a PNG image")
    return struct.unpack(">II", png[16:24])


__all__ = [
    "CHANNEL_HEADER",
    "channel_cells",
    "channel_values",
    "class_counts",
    "conversion_totals",
    "debt_totals",
    "expense_rows",
    "fill",
    "forecast_lines",
    "loss_name",
    "net_profit_line",
    "pipeline_tables",
    "register_fonts",
    "report_labels",
    "report_tables",
    "signed_count",
    "signed_money",
    "write_report_pdf",
    "write_report_xlsx",
]
