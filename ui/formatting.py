"""Showing figures the way the user's locale writes them: money, percentages, dates, phones."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from PySide6.QtCore import QDate, QLocale

from services.phones import format_phone

EMPTY = "—"  # an empty figure (a margin over a zero amount), never an error


class Formatter:
    """One locale and currency for the whole window (`Formatter(QLocale(), "₽")`)."""

    def __init__(self, locale: QLocale | None = None, currency_symbol: str = "₽") -> None:
        self.locale = locale or QLocale()
        self.symbol = currency_symbol

    def number(self, value: Decimal | None, places: int = 2) -> str:
        if value is None:
            return EMPTY
        # Formatted from the Decimal itself with the locale's own marks: no float on the way.
        text = f"{value.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP):,.{places}f}"
        marks = {",": self.locale.groupSeparator(), ".": self.locale.decimalPoint()}
        marks["-"] = self.locale.negativeSign()
        return "".join(marks.get(char, char) for char in text)

    def money(self, value: Decimal | None) -> str:
        """`1 250,50 ₽` in Russian, `1,250.50 ₽` in English."""
        if value is None:
            return EMPTY
        return f"{self.number(value)}\u00a0{self.symbol}" if self.symbol else self.number(value)

    def percent(self, fraction: Decimal | None) -> str:
        """A margin of Decimal('0.4286') → `42,9 %`."""
        if fraction is None:
            return EMPTY
        return f"{self.number(fraction * 100, 1)}\u00a0%"

    def date(self, value: dt.date | None) -> str:
        if value is None:
            return ""
        return self.locale.toString(QDate(value.year, value.month, value.day), QLocale.ShortFormat)

    def integer(self, value: int | None) -> str:
        return "" if value is None else self.locale.toString(int(value))

    @staticmethod
    def phone(e164: str | None) -> str:
        return format_phone(e164)
