"""Figures as text, one way for the window, the PDFs and the command line: money, percentages,
whole numbers and dates, with a language's marks (1 250,50 ₽ in Russian, 1,250.50 ₽ in
English). Decimal in, never float; an empty figure is a dash, never an error.

The window's Formatter (ui/formatting.py) is this with the marks of its QLocale; a service
that writes text (the report PDF) takes one from its caller, in the caller's language.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

EMPTY = "—"  # an empty figure (a margin over a zero amount), never an error
NBSP = "\u00a0"


class Format:
    """Number marks and a date pattern; Russian ones (1 250,50 ₽, 13.09.2026) by default."""

    def __init__(
        self,
        group: str = NBSP,
        decimal: str = ",",
        minus: str = "-",
        date_pattern: str = "%d.%m.%Y",
        currency_symbol: str = "₽",
    ) -> None:
        self.group, self.decimal, self.minus = group, decimal, minus
        self.date_pattern = date_pattern
        self.symbol = currency_symbol

    def number(self, value: Decimal | int | None, places: int = 2) -> str:
        if value is None:
            return EMPTY
        # Formatted from the Decimal itself with the language's own marks: no float on the way.
        exact = Decimal(value).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
        marks = {",": self.group, ".": self.decimal, "-": self.minus}
        return "".join(marks.get(char, char) for char in f"{exact:,.{places}f}")

    def money(self, value: Decimal | int | None) -> str:
        """`1 250,50 ₽` in Russian, `1,250.50 ₽` in English."""
        if value is None:
            return EMPTY
        return f"{self.number(value)}{NBSP}{self.symbol}" if self.symbol else self.number(value)

    def percent(self, fraction: Decimal | None, signed: bool = False) -> str:
        """A margin of Decimal('0.4286') → `42,9 %`; `+42,9 %` when `signed`."""
        if fraction is None:
            return EMPTY
        shown = self.number(fraction * 100, 1)
        plus = "+" if signed and fraction * 1000 >= Decimal("0.5") else ""
        return f"{plus}{shown}{NBSP}%"

    def percent_points(self, points: int | None) -> str:
        """A whole percentage (a deal's probability, 35) → `35 %`."""
        return EMPTY if points is None else f"{self.number(points, 0)}{NBSP}%"

    def integer(self, value: int | None) -> str:
        return "" if value is None else self.number(value, 0)

    def date(self, value: dt.date | None) -> str:
        return "" if value is None else value.strftime(self.date_pattern)


# The figures an action's name in the history holds (services/change_log.py): written once,
# when the person acts, so in one way whatever the language: 1 234,50 and 13.09.2026.
_NAMED = Format(group=" ", currency_symbol="")


def named_date(value: dt.date | None) -> str:
    """A date inside an action's name: 13.09.2026."""
    return _NAMED.date(value)


def named_money(value: Decimal | int | None) -> str:
    """An amount inside an action's name: 1 234,50."""
    return _NAMED.number(value)
