"""The period report as files: XLSX sheets and a PDF with an embedded Cyrillic font.

No Qt here: the Reports section runs these off the UI thread and the CLI calls them directly.
The charts the PDF shows are drawn by services.report_charts.
"""

from __future__ import annotations

import datetime as dt
import io
import struct
import threading
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from services.files import atomic_write
from services.lifecycle import SEGMENT_NAMES, SEGMENTS
from services.phones import format_phone
from services.report import KEY_FIGURES, PeriodReport
from services.tables import Column, Kind, Progress, Table
from services.xlsx_writer import write_xlsx

FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"
FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
NBSP = "\u00a0"
DASH = "—"
CHART_DPI = 150

# The key figures by the kind of their value: a column has one kind, so each kind is a sheet.
MONEY_FIGURES = (
    "revenue",
    "cost",
    "profit",
    "average_check",
    "planned_revenue",
    "planned_profit",
)
COUNT_FIGURES = ("orders", "lines", "units", "new_customers", "returning_customers")
PERCENT_FIGURES = ("margin",)
assert set(MONEY_FIGURES + COUNT_FIGURES + PERCENT_FIGURES) == set(KEY_FIGURES)

FIGURE_NAMES = {
    "revenue": "Revenue",
    "cost": "Cost",
    "profit": "Profit",
    "margin": "Margin",
    "orders": "Orders",
    "lines": "Lines",
    "units": "Units",
    "average_check": "Average check",
    "new_customers": "New customers",
    "returning_customers": "Returning customers",
    "planned_revenue": "Planned revenue",
    "planned_profit": "Planned profit",
}


class Labels:
    """English texts, translated through the `labels` dict the caller passes (if any)."""

    def __init__(self, labels: dict[str, str] | None) -> None:
        self.labels = labels or {}

    def __call__(self, text: str) -> str:
        return self.labels.get(text, text)


# --- formatting (Decimal only, never float) ---------------------------------------------------


def format_money(value: Decimal | int | None, currency: str = "₽") -> str:
    """1250.5 → "1 250,50 ₽" with non-breaking spaces; "—" for None."""
    if value is None:
        return DASH
    amount = Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign = "-" if amount < 0 else ""
    whole, fraction = f"{abs(amount):f}".split(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    text = f"{sign}{NBSP.join(groups)},{fraction}"
    return f"{text}{NBSP}{currency}" if currency else text


def format_count(value: int | None) -> str:
    if value is None:
        return DASH
    digits = str(abs(value))
    groups = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return ("-" if value < 0 else "") + NBSP.join(groups)


def format_percent(value: Decimal | None, signed: bool = False) -> str:
    """0.255 → "25,5 %" ("+25,5 %" when signed); "—" for None."""
    if value is None:
        return DASH
    shown = (Decimal(value) * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    sign = "+" if signed and shown > 0 else ""
    return f"{sign}{shown:f}".replace(".", ",").replace("-", "−") + f"{NBSP}%"


def format_date(day: dt.date | None) -> str:
    return DASH if day is None else day.strftime("%d.%m.%Y")


def format_period(report: PeriodReport, labels: Labels | None = None) -> str:
    tr = labels or Labels(None)
    start, end = report.period.start, report.period.end
    if start is None and end is None:
        return tr("All time")
    return f"{format_date(start) if start else '…'} – {format_date(end) if end else '…'}"


def _figure_text(report: PeriodReport, name: str, value, currency: str) -> str:
    if name in MONEY_FIGURES:
        return format_money(value, currency)
    if name in PERCENT_FIGURES:
        return format_percent(value)
    return format_count(value)


# --- XLSX ---------------------------------------------------------------------------------------


def report_tables(report: PeriodReport, labels: dict[str, str] | None = None) -> list[Table]:
    """The report as typed tables, one sheet each.

    The key figures are split by kind ("Key figures" holds the money ones, "Key counts" the
    counts, "Margin" the ratio) because a column has a single kind, so every cell stays typed.
    """
    tr = Labels(labels)

    def key_table(name: str, figures: Sequence[str], kind: Kind) -> Table:
        columns = (
            Column(tr("Figure")),
            Column(tr("This period"), kind),
            Column(tr("Previous period"), kind),
            Column(tr("Change"), Kind.PERCENT),
        )
        rows = [
            (
                tr(FIGURE_NAMES[f]),
                report.value(f),
                report.previous_value(f),
                report.change(f),
            )
            for f in figures
        ]
        return Table(name, columns, lambda: rows, len(rows))

    customer_columns = (
        Column(tr("Customer")),
        Column(tr("Phone")),
        Column(tr("Orders"), Kind.INTEGER),
        Column(tr("Revenue"), Kind.MONEY),
        Column(tr("Profit"), Kind.MONEY),
        Column(tr("Margin"), Kind.PERCENT),
    )

    def customers(name: str, rows_of) -> Table:
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
    by_time = [(b.label, b.revenue, b.profit) for b in report.by_time]
    by_channel = [
        (c.name or tr("No channel"), c.revenue, c.figures.profit) for c in report.by_channel
    ]
    money_pair = (Column(tr("Revenue"), Kind.MONEY), Column(tr("Profit"), Kind.MONEY))
    return [
        key_table(tr("Key figures"), MONEY_FIGURES, Kind.MONEY),
        key_table(tr("Key counts"), COUNT_FIGURES, Kind.INTEGER),
        key_table(tr("Margin"), PERCENT_FIGURES, Kind.PERCENT),
        customers(tr("Top customers by revenue"), report.top_by_revenue),
        customers(tr("Top customers by profit"), report.top_by_profit),
        Table(
            tr("Products"),
            (
                Column(tr("Product")),
                Column(tr("Units"), Kind.INTEGER),
                Column(tr("Revenue"), Kind.MONEY),
                Column(tr("Profit"), Kind.MONEY),
                Column(tr("Margin"), Kind.PERCENT),
            ),
            lambda: products,
            len(products),
        ),
        Table(
            tr("By week" if report.time_unit == "week" else "By month"),
            (Column(tr("Period")), *money_pair),
            lambda: by_time,
            len(by_time),
        ),
        Table(
            tr("By channel"),
            (Column(tr("Channel")), *money_pair),
            lambda: by_channel,
            len(by_channel),
        ),
        *_segment_tables(report, tr),
    ]


SEGMENT_HEADER = ("Segment", "At the start", "At the end", "Moved in", "Moved out")


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


def _segment_tables(report: PeriodReport, tr: Labels) -> list[Table]:
    rows = [(tr(name), *counts) for name, *counts in segment_rows(report)]
    if not rows:
        return []
    first, *counts = SEGMENT_HEADER
    columns = (Column(tr(first)), *(Column(tr(text), Kind.INTEGER) for text in counts))
    return [Table(tr("Customers by segment"), columns, lambda: rows, len(rows))]


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
    currency: str = "₽",
    charts: list[bytes] | None = None,
    labels: dict[str, str] | None = None,
) -> None:
    """Write the report as an A4 PDF at `path`: title, period, key figures with their change,
    top customers, products, then the charts (PNG bytes) scaled to the page width.

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
    tr = Labels(labels)
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

    def table(header: Sequence[str], rows: list[list], widths: Sequence[float]) -> PdfTable:
        if not rows:
            return Paragraph(escape(tr("Nothing sold in this period.")), styles["body"])
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
    story: list = [
        Paragraph(escape(title), styles["title"]),
        Spacer(1, 3 * mm),
        Paragraph(escape(f"{tr('Period')}: {format_period(report, tr)}"), styles["body"]),
    ]
    if report.previous_period is not None:
        before = report.previous_period
        text = f"{tr('Compared with')}: {format_date(before.start)} – {format_date(before.end)}"
        story.append(Paragraph(escape(text), styles["body"]))
    story.append(Paragraph(escape(tr("Key figures")), styles["heading"]))
    key_rows = [
        [
            tr(FIGURE_NAMES[name]),
            _figure_text(report, name, report.value(name), currency),
            _figure_text(report, name, report.previous_value(name), currency),
            format_percent(report.change(name), signed=True),
        ]
        for name in KEY_FIGURES
    ]
    header = [tr("Figure"), tr("This period"), tr("Previous period"), tr("Change")]
    story.append(table(header, key_rows, (60 * mm, 40 * mm, 40 * mm, 30 * mm)))

    customer_header = [
        tr("Customer"),
        tr("Phone"),
        tr("Orders"),
        tr("Revenue"),
        tr("Profit"),
        tr("Margin"),
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
                format_count(c.orders),
                format_money(c.figures.amount, currency),
                format_money(c.figures.profit, currency),
                format_percent(c.figures.margin),
            ]
            for c in rows_of
        ]
        story.append(
            KeepTogether(
                [
                    Paragraph(escape(tr(heading)), styles["heading"]),
                    table(customer_header, rows, widths),
                ]
            )
        )

    product_rows = [
        [
            name_cell(p.name),
            format_count(p.units),
            format_money(p.figures.amount, currency),
            format_money(p.figures.profit, currency),
            format_percent(p.figures.margin),
        ]
        for p in report.top_products
    ]
    story.append(Paragraph(escape(tr("Top products by profit")), styles["heading"]))
    product_header = [tr("Product"), tr("Units"), tr("Revenue"), tr("Profit"), tr("Margin")]
    story.append(table(product_header, product_rows, (66 * mm, 18 * mm, 32 * mm, 32 * mm, 22 * mm)))

    segments = [
        [tr(name), *(format_count(count) for count in counts)]
        for name, *counts in segment_rows(report)
    ]
    if segments:
        story.append(
            KeepTogether(
                [
                    Paragraph(escape(tr("Customers by segment")), styles["heading"]),
                    table(
                        [tr(text) for text in SEGMENT_HEADER],
                        segments,
                        (50 * mm, 30 * mm, 30 * mm, 30 * mm, 30 * mm),
                    ),
                ]
            )
        )

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


def png_size(png: bytes) -> tuple[int, int]:
    """(width, height) in pixels from a PNG's IHDR chunk."""
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("A chart must be a PNG image")
    return struct.unpack(">II", png[16:24])


__all__ = [
    "format_money",
    "format_percent",
    "register_fonts",
    "report_tables",
    "write_report_pdf",
    "write_report_xlsx",
]
