"""The report's texts (services/report_export.TEXTS) in the window's language, for its PDF,
XLSX and charts."""

from __future__ import annotations

from services.report_export import report_labels as labels_in
from ui.messages import window_translate


def report_labels() -> dict[str, str]:
    """Each English text of the report, as the installed translation says it."""
    return labels_in(window_translate)
