"""Export: a grid as shown, or the whole database, to XLSX or CSV, off the UI thread."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QHeaderView, QMessageBox, QWidget

from services.exchange import export_all, export_table
from services.storage import Database
from services.tables import Table
from ui import settings as options
from ui.operation import Operation

LAST_FORMAT = options.Option("export/format", "xlsx")  # "xlsx", "csv:excel-ru", "csv:standard"
LAST_FOLDER = options.Option("export/folder", "")


@dataclass(frozen=True)
class Target:
    """Where and how to write: a path, "xlsx" or "csv", and the CSV dialect."""

    path: Path
    file_format: str
    dialect: str = "excel-ru"

    @property
    def key(self) -> str:
        return self.file_format if self.file_format == "xlsx" else f"csv:{self.dialect}"


def _filters() -> dict[str, str]:
    """The save dialog's file types; the CSV dialect is chosen with the type."""
    return {
        "xlsx": QCoreApplication.translate("Export", "Excel workbook (*.xlsx)"),
        "csv:excel-ru": QCoreApplication.translate(
            "Export", "CSV for Excel in Russian: separator ; decimal comma (*.csv)"
        ),
        "csv:standard": QCoreApplication.translate(
            "Export", "CSV standard: separator , decimal point (*.csv)"
        ),
    }


class SaveDialog:
    """The native save dialog; remembers the folder and the file type (tests patch `ask`)."""

    @staticmethod
    def ask(
        parent: QWidget | None,
        title: str,
        name: str,
        settings: QSettings,
        prefer: str | None = None,
    ) -> Target | None:
        """`prefer` "xlsx" or "csv" preselects that type (CSV in the last dialect used)."""
        filters = _filters()
        last = LAST_FORMAT.get(settings)
        last = last if last in filters else "xlsx"
        if prefer == "xlsx" or (prefer == "csv" and last == "xlsx"):
            last = "xlsx" if prefer == "xlsx" else "csv:excel-ru"
        folder = LAST_FOLDER.get(settings) or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        suffix = ".xlsx" if last == "xlsx" else ".csv"
        path, chosen = QFileDialog.getSaveFileName(
            parent, title, str(Path(folder) / f"{file_name(name)}{suffix}"),
            ";;".join(filters.values()),
            filters[last],
        )  # fmt: skip
        if not path:
            return None
        key = next((k for k, text in filters.items() if text == chosen), last)
        file_format, _, dialect = key.partition(":")
        target = Target(with_suffix(Path(path), f".{file_format}"), file_format, dialect)
        LAST_FORMAT.set(settings, target.key)
        LAST_FOLDER.set(settings, str(target.path.parent))
        return target


def as_shown(table: Table, header: QHeaderView) -> Table:
    """The columns in the order the person dragged them into, hidden ones left out; columns
    only the file has (past the view's) stay at the end."""
    order = [header.logicalIndex(visual) for visual in range(header.count())]
    order = [i for i in order if 0 <= i < len(table.columns) and not header.isSectionHidden(i)]
    order += range(header.count(), len(table.columns))
    if order == list(range(len(table.columns))):
        return table
    rows = table.rows

    def arranged():
        return ([row[i] for i in order] for row in rows())

    return Table(table.name, tuple(table.columns[i] for i in order), arranged, table.total)


def file_name(name: str) -> str:
    """A title as a file name: no path separators or characters Windows refuses."""
    return re.sub(r'[\\/:*?"<>|]+', "-", name).strip(" .") or "export"


def with_suffix(path: Path, suffix: str) -> Path:
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


class Done:
    """Said after an export: what was written, and an offer to open it (tests patch `offer`)."""

    @staticmethod
    def offer(parent: QWidget | None, files: list[Path]) -> None:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(QCoreApplication.translate("Export", "Export finished"))
        listed = "\n".join(str(path) for path in files)
        box.setText(QCoreApplication.translate("Export", "Written:\n%1").replace("%1", listed))
        open_file = box.addButton(
            QCoreApplication.translate("Export", "Open file"), QMessageBox.ButtonRole.AcceptRole
        )
        open_folder = box.addButton(
            QCoreApplication.translate("Export", "Open folder"), QMessageBox.ButtonRole.ActionRole
        )
        box.addButton(QMessageBox.StandardButton.Close)
        if len(files) != 1:
            open_file.hide()
        box.exec()
        if box.clickedButton() is open_file:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(files[0])))
        elif box.clickedButton() is open_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(files[0].parent)))


def export_grid(
    parent: QWidget, table: Table, currency: str, settings: QSettings, prefer: str | None = None
) -> Operation | None:
    """Ask where, then write the grid's rows (as filtered and sorted) in the background."""
    title = QCoreApplication.translate("Export", "Export %1").replace("%1", table.name)
    target = SaveDialog.ask(parent, title, table.name, settings, prefer)
    if target is None:
        return None

    def work(progress) -> list[Path]:
        return [
            export_table(table, target.path, target.file_format, target.dialect, currency, progress)
        ]

    label = QCoreApplication.translate("Export", "Exporting to %1…").replace("%1", target.path.name)
    return Operation(parent, label, work, lambda files: Done.offer(parent, files)).start()


def export_database(
    parent: QWidget, database: Database, currency: str, settings: QSettings, today: dt.date
) -> Operation | None:
    """File → Export all: one workbook, or a folder of CSV files named as the chosen file."""
    name = f"lavka-{today.isoformat()}"
    target = SaveDialog.ask(
        parent, QCoreApplication.translate("Export", "Export all data"), name, settings
    )
    if target is None:
        return None
    # "lavka-2026-11-23.csv" stands for the folder "lavka-2026-11-23" with one file per table
    path = target.path if target.file_format == "xlsx" else target.path.with_suffix("")

    def work(progress) -> list[Path]:
        return export_all(
            database, path, target.file_format, today, target.dialect, currency, progress
        )

    label = QCoreApplication.translate("Export", "Exporting all data to %1…").replace(
        "%1", path.name
    )
    return Operation(parent, label, work, lambda files: Done.offer(parent, files)).start()
