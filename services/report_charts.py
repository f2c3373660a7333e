"""The report's charts as PNG images: matplotlib's object API on the Agg canvas.

No pyplot and no global backend switch, so the charts can be drawn in any thread (the
Reports section draws them off the UI thread) without touching a Qt backend.
"""

from __future__ import annotations

import io
from decimal import ROUND_HALF_UP, Decimal

from services.report import PeriodReport
from services.report_export import CHART_DPI, FONTS, _Labels


def render_charts(
    report: PeriodReport, labels: dict[str, str] | None = None, dpi: int = CHART_DPI
) -> list[bytes]:
    """Three PNG charts: revenue and profit by month/week, profit by product, revenue by
    channel. Thread-safe and Qt-free: a Figure on an Agg canvas, no pyplot."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties
    from matplotlib.ticker import FuncFormatter, ScalarFormatter

    tr = _Labels(labels)
    font = FontProperties(fname=str(FONTS / "DejaVuSans.ttf"))
    bold = FontProperties(fname=str(FONTS / "DejaVuSans-Bold.ttf"), size=12)
    revenue_colour, profit_colour = "#3b6ea8", "#4c9a5b"

    # Bars are drawn in whole roubles: a pixel is far coarser than a rouble, and no number
    # shown as text comes from them (the tables and the PDF format the Decimals themselves).
    def f(value: Decimal) -> int:
        return int(value.to_integral_value(ROUND_HALF_UP))

    def finish(figure: Figure, ax, title: str, empty: bool) -> bytes:
        ax.set_title(title, fontproperties=bold)
        for axis in (ax.xaxis, ax.yaxis):  # the money axis: 1 500 000, not "1.5 1e6"
            if not isinstance(axis.get_major_formatter(), ScalarFormatter):
                continue  # the axis of names or weeks keeps its labels
            axis.set_major_formatter(
                FuncFormatter(lambda value, _pos: f"{value:,.0f}".replace(",", "\u202f"))
            )
        if empty:
            ax.text(
                0.5,
                0.5,
                tr("Nothing sold in this period."),
                ha="center",
                va="center",
                transform=ax.transAxes,
                fontproperties=font,
                color="#777777",
            )
            ax.set_xticks([])
            ax.set_yticks([])
        for label in (*ax.get_xticklabels(), *ax.get_yticklabels()):
            label.set_fontproperties(font)
        ax.spines[["top", "right"]].set_visible(False)
        figure.tight_layout()
        buffer = io.BytesIO()
        FigureCanvasAgg(figure).print_png(buffer)
        return buffer.getvalue()

    charts = []

    # (a) revenue and profit by month or week
    figure = Figure(figsize=(8, 3.6), dpi=dpi)
    ax = figure.add_subplot()
    buckets = report.by_time
    xs = range(len(buckets))
    ax.bar(
        [x - 0.2 for x in xs],
        [f(b.revenue) for b in buckets],
        0.4,
        color=revenue_colour,
        label=tr("Revenue"),
    )
    ax.bar(
        [x + 0.2 for x in xs],
        [f(b.profit) for b in buckets],
        0.4,
        color=profit_colour,
        label=tr("Profit"),
    )
    if buckets:
        ax.set_xticks(list(xs), [b.label for b in buckets], rotation=45 if len(buckets) > 8 else 0)
        ax.legend(prop=font, frameon=False)
        ax.axhline(0, color="#999999", linewidth=0.6)
    unit = (
        "Revenue and profit by week"
        if report.time_unit == "week"
        else ("Revenue and profit by month")
    )
    charts.append(finish(figure, ax, tr(unit), not buckets))

    # (b) profit by product, the most profitable on top
    products = report.top_products
    figure = Figure(figsize=(8, max(2.6, 0.9 + 0.35 * len(products))), dpi=dpi)
    ax = figure.add_subplot()
    names = [_short(p.name) for p in reversed(products)]
    profits = [f(p.figures.profit) for p in reversed(products)]
    ax.barh(
        range(len(names)), profits, color=[profit_colour if v >= 0 else "#c0504d" for v in profits]
    )
    if products:
        ax.set_yticks(range(len(names)), names)
        ax.axvline(0, color="#999999", linewidth=0.6)
    charts.append(finish(figure, ax, tr("Profit by product"), not products))

    # (c) revenue by channel (horizontal bars: a pie cannot show a zero or a refund)
    channels = report.by_channel
    figure = Figure(figsize=(8, max(2.6, 0.9 + 0.35 * len(channels))), dpi=dpi)
    ax = figure.add_subplot()
    names = [_short(c.name or tr("No channel")) for c in reversed(channels)]
    ax.barh(range(len(names)), [f(c.revenue) for c in reversed(channels)], color=revenue_colour)
    if channels:
        ax.set_yticks(range(len(names)), names)
    charts.append(finish(figure, ax, tr("Revenue by channel"), not channels))
    return charts


def _short(text: str, limit: int = 32) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
