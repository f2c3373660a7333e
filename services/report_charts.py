"""The report's charts: matplotlib figures built with its object API (no pyplot).

`chart_figures` builds the three figures in any thread — no pyplot, no global backend, no
Qt — in a given colour style: the Reports section shows them on matplotlib's Qt canvas in
the colours of the window's palette (light or dark). `render_charts` draws the same
figures on the Agg canvas as PNG images in print colours, for the PDF.

The time axis reads as dates ("3–9 Nov", "29 Sep – 5 Oct", "Jun 2026"), in month names the
caller gives (`MonthNames`: the window makes them with QLocale in the interface language).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from services.report import Bucket, PeriodReport
from services.report_export import CHART_DPI, FONTS, Labels

if TYPE_CHECKING:  # matplotlib is loaded when a chart is drawn, not with the window
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

SCREEN_DPI = 100
MOST_TIME_LABELS = 13  # a longer time axis names every second (third…) bucket


@dataclass(frozen=True)
class ChartStyle:
    """The colours of a chart. The default is for paper: dark text on white."""

    background: str = "#ffffff"
    text: str = "#222222"
    muted: str = "#777777"
    revenue: str = "#3b6ea8"
    profit: str = "#4c9a5b"
    loss: str = "#c0504d"

    @classmethod
    def on(cls, background: str, text: str, muted: str) -> ChartStyle:
        """The style for a window of these colours (#rrggbb): on a dark background the bars
        are lighter, so they keep their contrast."""
        if _lightness(background) >= 0.5:
            return cls(background, text, muted)
        return cls(background, text, muted, revenue="#7aa7e0", profit="#82c98f", loss="#e8827f")


PRINT = ChartStyle()

ENGLISH_MONTHS = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)
_IN_DATE, _ALONE = "month in a date %1", "month alone %1"  # their keys in a labels dict


@dataclass(frozen=True)
class MonthNames:
    """Short month names for the time axis, January first. `in_date` follows a day number
    ("3 Nov", "3 нояб.", "3 мая"); `alone` names the month by itself ("Nov", "нояб.", "май").
    Plain strings: the window makes them with QLocale (services know no Qt)."""

    in_date: tuple[str, ...] = ENGLISH_MONTHS
    alone: tuple[str, ...] = ENGLISH_MONTHS

    def as_labels(self) -> dict[str, str]:
        """The names as entries of a labels dict, which carries them to the PDF's charts."""
        keys = {_IN_DATE: self.in_date, _ALONE: self.alone}
        return {
            key.replace("%1", str(m + 1)): names[m]
            for key, names in keys.items()
            for m in range(12)
        }

    @classmethod
    def from_labels(cls, labels: dict[str, str] | None) -> MonthNames:
        """The names a labels dict carries (see as_labels); English for what it lacks."""
        found = labels or {}

        def names(key: str) -> tuple[str, ...]:
            return tuple(
                found.get(key.replace("%1", str(m + 1)), ENGLISH_MONTHS[m]) for m in range(12)
            )

        return cls(names(_IN_DATE), names(_ALONE))


ENGLISH = MonthNames()


def week_label(start: dt.date, end: dt.date, names: MonthNames = ENGLISH) -> str:
    """A week (or the part of it within the period): "3–9 Nov", "29 Sep – 5 Oct", "30 Nov"."""

    def day(value: dt.date) -> str:
        return f"{value.day} {names.in_date[value.month - 1]}"

    if start == end:
        return day(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}\u2013{day(end)}"
    return f"{day(start)} \u2013 {day(end)}"


def month_label(first: dt.date, names: MonthNames = ENGLISH, year: bool = True) -> str:
    """A month: "Jun 2026", or "Jun" where the year is said already."""
    name = names.alone[first.month - 1]
    return f"{name} {first.year}" if year else name


def time_labels(buckets: Sequence[Bucket], unit: str, names: MonthNames = ENGLISH) -> list[str]:
    """The time axis: a week by its days; a month by its name, with the year on the first
    month and wherever the year changes ("Nov 2025", "Dec", "Jan 2026")."""
    if unit == "week":
        return [week_label(b.start, b.end, names) for b in buckets]
    return [
        month_label(b.start, names, year=i == 0 or b.start.year != buckets[i - 1].start.year)
        for i, b in enumerate(buckets)
    ]


def _lightness(colour: str) -> float:
    red, green, blue = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def chart_figures(
    report: PeriodReport,
    labels: dict[str, str] | None = None,
    style: ChartStyle = PRINT,
    dpi: int = SCREEN_DPI,
    names: MonthNames | None = None,
) -> list[Figure]:
    """Three matplotlib Figures: revenue and profit by month/week, profit by product, revenue
    by channel. They have no canvas yet: the caller attaches Agg or Qt. The month names are
    `names`, else those the labels carry (MonthNames.as_labels), else English."""
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties
    from matplotlib.ticker import FuncFormatter, MaxNLocator, ScalarFormatter

    tr = Labels(labels)
    months = names or MonthNames.from_labels(labels)
    font = FontProperties(fname=str(FONTS / "DejaVuSans.ttf"))
    bold = FontProperties(fname=str(FONTS / "DejaVuSans-Bold.ttf"), size=12)

    # Bars are drawn in whole roubles: a pixel is far coarser than a rouble, and no number
    # shown as text comes from them (the tables and the PDF format the Decimals themselves).
    def f(value: Decimal) -> int:
        return int(value.to_integral_value(ROUND_HALF_UP))

    def new(height: float) -> tuple[Figure, Axes]:
        figure = Figure(figsize=(8, height), dpi=dpi, layout="constrained")
        figure.set_facecolor(style.background)
        ax = figure.add_subplot()
        ax.set_facecolor(style.background)
        return figure, ax

    def finish(figure: Figure, ax: Axes, title: str, empty: bool) -> Figure:
        # a title wider than a narrow chart goes on two lines rather than past its edges
        ax.set_title(title, fontproperties=bold, color=style.text, wrap=True)
        for axis in (ax.xaxis, ax.yaxis):  # the money axis: 1 500 000, not "1.5 1e6"
            if not isinstance(axis.get_major_formatter(), ScalarFormatter):
                continue  # the axis of names or weeks keeps its labels
            axis.set_major_formatter(
                FuncFormatter(lambda value, _pos: f"{value:,.0f}".replace(",", "\u202f"))
            )
            if axis is ax.xaxis:  # money across a narrow chart: few ticks, so they never touch
                axis.set_major_locator(MaxNLocator(4))
        if empty:
            ax.text(
                0.5,
                0.5,
                tr("Nothing sold in this period."),
                ha="center",
                va="center",
                transform=ax.transAxes,
                fontproperties=font,
                color=style.muted,
            )
            ax.set_xticks([])
            ax.set_yticks([])
        ax.tick_params(colors=style.text)
        for label in (*ax.get_xticklabels(), *ax.get_yticklabels()):
            label.set_fontproperties(font)
        ax.spines[["top", "right"]].set_visible(False)
        ax.spines[["bottom", "left"]].set_color(style.muted)
        legend = ax.get_legend()
        if legend is not None:
            for text in legend.get_texts():
                text.set_color(style.text)
        return figure

    figures = []

    # (a) revenue and profit by month or week
    figure, ax = new(3.6)
    buckets = report.by_time
    xs = range(len(buckets))
    ax.bar(
        [x - 0.2 for x in xs],
        [f(b.revenue) for b in buckets],
        0.4,
        color=style.revenue,
        label=tr("Revenue"),
    )
    ax.bar(
        [x + 0.2 for x in xs],
        [f(b.profit) for b in buckets],
        0.4,
        color=style.profit,
        label=tr("Profit"),
    )
    if buckets:
        many = len(buckets) > 4  # "29 Sep – 5 Oct" labels side by side would touch: slant them
        step = -(-len(buckets) // MOST_TIME_LABELS)  # two years of months: every other one
        ax.set_xticks(
            list(xs)[::step],
            time_labels(buckets[::step], report.time_unit, months),
            rotation=35 if many else 0,
            ha="right" if many else "center",
            rotation_mode="anchor",
        )
        ax.legend(prop=font, frameon=False)
        ax.axhline(0, color=style.muted, linewidth=0.6)
    unit = (
        "Revenue and profit by week"
        if report.time_unit == "week"
        else ("Revenue and profit by month")
    )
    figures.append(finish(figure, ax, tr(unit), not buckets))

    # (b) profit by product, the most profitable on top
    products = report.top_products
    figure, ax = new(max(2.6, 0.9 + 0.35 * len(products)))
    product_names = [_short(p.name) for p in reversed(products)]
    profits = [f(p.figures.profit) for p in reversed(products)]
    ax.barh(
        range(len(product_names)),
        profits,
        color=[style.profit if v >= 0 else style.loss for v in profits],
    )
    if products:
        ax.set_yticks(range(len(product_names)), product_names)
        ax.axvline(0, color=style.muted, linewidth=0.6)
    figures.append(finish(figure, ax, tr("Profit by product"), not products))

    # (c) revenue by channel (horizontal bars: a pie cannot show a zero or a refund)
    channels = report.by_channel
    figure, ax = new(max(2.6, 0.9 + 0.35 * len(channels)))
    channel_names = [_short(c.name or tr("No channel")) for c in reversed(channels)]
    revenues = [f(c.revenue) for c in reversed(channels)]
    ax.barh(range(len(channel_names)), revenues, color=style.revenue)
    if channels:
        ax.set_yticks(range(len(channel_names)), channel_names)
    figures.append(finish(figure, ax, tr("Revenue by channel"), not channels))
    return figures


def render_charts(
    report: PeriodReport,
    labels: dict[str, str] | None = None,
    dpi: int = CHART_DPI,
    names: MonthNames | None = None,
) -> list[bytes]:
    """The three charts as PNG images in print colours, drawn on the Agg canvas: thread-safe
    and Qt-free, for the PDF."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    images = []
    for figure in chart_figures(report, labels, PRINT, dpi, names):
        buffer = io.BytesIO()
        FigureCanvasAgg(figure).print_png(buffer)  # type: ignore[no-untyped-call]  # matplotlib leaves it unannotated
        images.append(buffer.getvalue())
    return images


def _short(text: str, limit: int = 32) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
