"""The English texts of the report's PDF, XLSX and charts, and their translation.

The services write the report in English; the Reports section hands them this table so that
the files and charts speak the window's language. The texts keep the "ReportsView" context
they have always had in the translation.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from services.lifecycle import SEGMENT_NAMES, SEGMENTS
from ui.messages import segment_name

TEXTS = (
    QT_TRANSLATE_NOOP("ReportsView", "Revenue"),
    QT_TRANSLATE_NOOP("ReportsView", "Cost"),
    QT_TRANSLATE_NOOP("ReportsView", "Profit"),
    QT_TRANSLATE_NOOP("ReportsView", "Margin"),
    QT_TRANSLATE_NOOP("ReportsView", "Orders"),
    QT_TRANSLATE_NOOP("ReportsView", "Lines"),
    QT_TRANSLATE_NOOP("ReportsView", "Units"),
    QT_TRANSLATE_NOOP("ReportsView", "Average check"),
    QT_TRANSLATE_NOOP("ReportsView", "New customers"),
    QT_TRANSLATE_NOOP("ReportsView", "Returning customers"),
    QT_TRANSLATE_NOOP("ReportsView", "Planned revenue"),
    QT_TRANSLATE_NOOP("ReportsView", "Planned profit"),
    QT_TRANSLATE_NOOP("ReportsView", "All time"),
    QT_TRANSLATE_NOOP("ReportsView", "By channel"),
    QT_TRANSLATE_NOOP("ReportsView", "Change"),
    QT_TRANSLATE_NOOP("ReportsView", "Channel"),
    QT_TRANSLATE_NOOP("ReportsView", "Customer"),
    QT_TRANSLATE_NOOP("ReportsView", "Figure"),
    QT_TRANSLATE_NOOP("ReportsView", "Key counts"),
    QT_TRANSLATE_NOOP("ReportsView", "Key figures"),
    QT_TRANSLATE_NOOP("ReportsView", "No channel"),
    QT_TRANSLATE_NOOP("ReportsView", "Nothing sold in this period."),
    QT_TRANSLATE_NOOP("ReportsView", "Period"),
    QT_TRANSLATE_NOOP("ReportsView", "Phone"),
    QT_TRANSLATE_NOOP("ReportsView", "Previous period"),
    QT_TRANSLATE_NOOP("ReportsView", "Product"),
    QT_TRANSLATE_NOOP("ReportsView", "Products"),
    QT_TRANSLATE_NOOP("ReportsView", "Profit by product"),
    QT_TRANSLATE_NOOP("ReportsView", "Revenue by channel"),
    QT_TRANSLATE_NOOP("ReportsView", "Revenue and profit by week"),
    QT_TRANSLATE_NOOP("ReportsView", "Revenue and profit by month"),
    QT_TRANSLATE_NOOP("ReportsView", "This period"),
    QT_TRANSLATE_NOOP("ReportsView", "Top customers by profit"),
    QT_TRANSLATE_NOOP("ReportsView", "Top customers by revenue"),
    QT_TRANSLATE_NOOP("ReportsView", "Top products by profit"),
    QT_TRANSLATE_NOOP("ReportsView", "Customers by segment"),
    QT_TRANSLATE_NOOP("ReportsView", "Segment"),
    QT_TRANSLATE_NOOP("ReportsView", "At the start"),
    QT_TRANSLATE_NOOP("ReportsView", "At the end"),
    QT_TRANSLATE_NOOP("ReportsView", "Moved in"),
    QT_TRANSLATE_NOOP("ReportsView", "Moved out"),
)


def report_labels() -> dict[str, str]:
    """Each English text of the report, as the installed translation says it (the segments'
    names as everywhere else in the window)."""
    labels = {text: QCoreApplication.translate("ReportsView", text) for text in TEXTS}
    labels.update({SEGMENT_NAMES[code]: segment_name(code) for code in SEGMENTS})
    return labels
