"""The report as a file: where to save it (PDF or XLSX), and writing it in the background."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from services.report import PeriodReport
from services.report_charts import render_charts
from services.report_export import write_report_pdf, write_report_xlsx
from ui.exchange.export import Done, file_name, with_suffix
from ui.formatting import Formatter
from ui.operation import Operation


class ReportFile:
    """Where to save the report (tests patch `ask`); None when the person cancelled."""

    @staticmethod
    def ask(parent: QWidget | None, suffix: str, name: str = "report") -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        if suffix == ".pdf":
            title = QCoreApplication.translate("ReportsView", "Export report as PDF")
            kind = QCoreApplication.translate("ReportsView", "PDF document (*.pdf)")
        else:
            title = QCoreApplication.translate("ReportsView", "Export report as XLSX")
            kind = QCoreApplication.translate("ReportsView", "Excel workbook (*.xlsx)")
        chosen, _ = QFileDialog.getSaveFileName(
            parent, title, str(Path(folder) / f"{file_name(name)}{suffix}"), kind
        )
        if not chosen:
            return None
        return with_suffix(Path(chosen), suffix)


def export_report(
    parent: QWidget,
    report: PeriodReport,
    suffix: str,
    name: str,
    title: str,
    currency: str,
    labels: dict[str, str],
) -> Operation | None:
    """Ask where, then write the report as PDF (its charts drawn in print colours) or XLSX,
    off the UI thread."""
    path = ReportFile.ask(parent, suffix, name)
    if path is None:
        return None

    def work(progress) -> list[Path]:
        if suffix == ".pdf":
            progress(0, 2)
            charts = render_charts(report, labels)
            progress(1, 2)
            write_report_pdf(report, path, title, Formatter(QLocale(), currency), charts, labels)
            progress(2, 2)
        else:
            write_report_xlsx(report, path, currency, progress, labels)
        return [path]

    label = QCoreApplication.translate("ReportsView", "Exporting to %1…").replace("%1", path.name)
    return Operation(parent, label, work, lambda files: Done.offer(parent, files)).start()
