"""A form's fields: the error said under a field, and a date field in the locale's way."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale
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


def date_edit(formatter: Formatter, day: dt.date) -> QDateEdit:
    """A date field with a calendar popup, written the way the locale writes dates."""
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setLocale(formatter.locale)
    edit.setDisplayFormat(formatter.locale.dateFormat(QLocale.FormatType.ShortFormat))
    return edit
