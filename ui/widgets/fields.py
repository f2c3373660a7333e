"""A form's fields: the error said under a field, a date field in the locale's way, and
the conversions between Python's and Qt's dates."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime
from PySide6.QtWidgets import QDateEdit, QLabel, QVBoxLayout, QWidget

from ui.formatting import Formatter
from ui.widgets.style import NEGATIVE


def error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(f"color: {NEGATIVE.name()}")
    label.setWordWrap(True)
    label.hide()
    return label


def with_error(field: QWidget, *below: QWidget) -> QWidget:
    """The field with its error said right under it."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    for widget in (field, *below):
        layout.addWidget(widget)
    return box


def qt_date(day: dt.date) -> QDate:
    """The day as Qt's date (PySide6's stubs take no Python date where a QDate is asked)."""
    return QDate(day.year, day.month, day.day)


def qt_datetime(at: dt.datetime) -> QDateTime:
    """A local time as Qt's, to the millisecond (what QDateTime(at) makes of a naive time)."""
    return QDateTime(
        qt_date(at.date()), QTime(at.hour, at.minute, at.second, at.microsecond // 1000)
    )


def python_date(day: QDate) -> dt.date:
    """Qt's date as a Python date: what QDate.toPython() returns, typed."""
    return dt.date(day.year(), day.month(), day.day())


def date_edit(formatter: Formatter, day: dt.date) -> QDateEdit:
    """A date field with a calendar popup, written the way the locale writes dates."""
    edit = QDateEdit(qt_date(day))
    edit.setCalendarPopup(True)
    edit.setLocale(formatter.locale)
    edit.setDisplayFormat(formatter.locale.dateFormat(QLocale.FormatType.ShortFormat))
    return edit
