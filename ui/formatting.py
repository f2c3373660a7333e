"""Showing figures the way the user's locale writes them: money, percentages, dates, phones,
a customer as name and phone."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QDate, QLocale

from services.formatting import EMPTY, Format
from services.phones import format_phone

__all__ = ["EMPTY", "Formatter", "contact_label", "money_text"]


class Formatter(Format):
    """One locale and currency for the whole window (`Formatter(QLocale(), "₽")`): the
    services' Format (money, percentages, numbers) with the locale's own marks, and dates as
    the locale writes them. The command line and the report PDF use the same."""

    def __init__(self, locale: QLocale | None = None, currency_symbol: str = "₽") -> None:
        self.locale = locale or QLocale()
        super().__init__(
            self.locale.groupSeparator(),
            self.locale.decimalPoint(),
            self.locale.negativeSign(),
            currency_symbol=currency_symbol,
        )

    def date(self, value: dt.date | None) -> str:
        if value is None:
            return ""
        return self.locale.toString(
            QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat
        )

    def month_names(self, standalone: bool = False) -> tuple[str, ...]:
        """The locale's twelve short month names, January first: as written after a day
        ("3 нояб.", "3 мая") or, standalone, naming the month alone ("нояб.", "май")."""
        short = QLocale.FormatType.ShortFormat
        name = self.locale.standaloneMonthName if standalone else self.locale.monthName
        return tuple(name(month, short) for month in range(1, 13))

    def integer(self, value: int | None) -> str:
        return "" if value is None else self.locale.toString(int(value))

    @staticmethod
    def phone(e164: str | None) -> str:
        return format_phone(e164)


def contact_label(name: str, phone: str | None) -> str:
    """`Игорь, +7 916 123-45-68`: two customers may share a name, never a phone."""
    shown = Formatter.phone(phone)
    return f"{name}, {shown}" if shown else name


def money_text(value: Decimal, formatter: Formatter) -> str:
    """A sum as a person would type it in this locale: `2501.50` or `2501,50`, no grouping."""
    return str(value).replace(".", formatter.locale.decimalPoint())
