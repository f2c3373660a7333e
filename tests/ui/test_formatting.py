"""Money, percentages and dates as the user's locale writes them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from PySide6.QtCore import QLocale

from ui.formatting import EMPTY, Formatter

RU = Formatter(QLocale(QLocale.Language.Russian, QLocale.Country.Russia), "₽")
EN = Formatter(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), "$")


def test_russian_money_percent_and_date():
    assert RU.money(D("1250.50")) == "1\u00a0250,50\u00a0₽"
    assert RU.money(D("-1234567.5")) == "-1\u00a0234\u00a0567,50\u00a0₽"
    assert RU.percent(D("0.42857")) == "42,9\u00a0%"
    assert RU.date(dt.date(2026, 9, 13)) == "13.09.2026"


def test_english_marks_and_half_up_rounding():
    assert EN.money(D("1250.5")) == "1,250.50\u00a0$"
    assert EN.money(D("0.005")) == "0.01\u00a0$"
    assert EN.percent(D("-0.25")) == "-25.0\u00a0%"


def test_empty_figures_are_a_dash():
    assert RU.money(None) == RU.percent(None) == EMPTY
    assert RU.date(None) == ""
