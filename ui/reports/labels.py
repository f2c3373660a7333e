"""The report's texts (services/report_export.TEXTS) and its charts' month names in a
language, for its PDF, XLSX and charts: the window's and the command line's."""

from __future__ import annotations

from services.messages import Translate
from services.report_charts import MonthNames
from services.report_export import report_labels as labels_in
from ui.formatting import Formatter
from ui.messages import window_translate


def report_labels(formatter: Formatter, translate: Translate = window_translate) -> dict[str, str]:
    """Each English text of the report as `translate` says it, and the month names of the
    charts' time axis as `formatter`'s locale writes them ("3–9 нояб.")."""
    return labels_in(translate) | month_names(formatter).as_labels()


def month_names(formatter: Formatter) -> MonthNames:
    return MonthNames(formatter.month_names(), formatter.month_names(True))
