"""An issued document's dialog: its title and total, the language to write it in, and Open,
Save as… and Print…; a document the order has outgrown offers a new version."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from services.documents.issue import IssuedDocument, issue_document
from services.errors import LavkaError
from services.storage import Database
from ui import settings as options
from ui.documents.names import (
    document_title,
    needs_new_version,
)
from ui.documents.printing import print_pdf_file
from ui.documents.render import (
    LANGUAGES,
    DocumentFormat,
    translation_in,
    write_pdf,
    write_xlsx,
)
from ui.exchange.export import file_name, with_suffix
from ui.formatting import Formatter
from ui.messages import QT_TRANSLATE_NOOP, error_text
from ui.translation import interface_language
from ui.widgets.busy import wait_cursor
from ui.widgets.fields import error_label
from ui.widgets.style import WARNING

LAST_FOLDER = options.Option("documents/folder", "")  # where "Save as…" wrote last
# each language's name in itself: whoever reads the menu knows their own
LANGUAGE_NAMES = {"ru": "Русский", "en": "English"}
# A written document's file name, in the document's language: kind, number, ISO date
_FILE_NAMES = {
    "invoice": QT_TRANSLATE_NOOP("DocumentDialog", "Invoice %1 %2"),
    "delivery_note": QT_TRANSLATE_NOOP("DocumentDialog", "Delivery note %1 %2"),
    "receipt": QT_TRANSLATE_NOOP("DocumentDialog", "Sales receipt %1 %2"),
}


def cache_folder() -> Path:
    """Where "Open" writes documents for the PDF viewer: the user's cache, not their files."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    return Path(base) / "documents"


def document_file_name(issued: IssuedDocument, language: str) -> str:
    """ "Счёт 12 от 2026-12-01", "Invoice 12 2026-12-01": no suffix."""
    content = issued.content
    said = translation_in(language)("DocumentDialog", _FILE_NAMES[content.kind], -1)
    said = said.replace("%1", str(content.number)).replace("%2", content.date.isoformat())
    return file_name(said)


class Viewer:
    """The system's viewer for a written file (tests patch `show`)."""

    @staticmethod
    def show(path: Path) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class SaveDocument:
    """The native save dialog: a PDF, or for the delivery note also a workbook, by the type
    chosen or the suffix typed; the folder is remembered."""

    @staticmethod
    def ask(parent: QWidget | None, name: str, workbook: bool) -> Path | None:
        translate = QCoreApplication.translate
        filters = {".pdf": translate("DocumentDialog", "PDF document (*.pdf)")}
        if workbook:
            filters[".xlsx"] = translate("DocumentDialog", "Excel workbook (*.xlsx)")
        settings = options.user_settings()
        folder = LAST_FOLDER.get(settings) or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        path, chosen = QFileDialog.getSaveFileName(
            parent,
            translate("DocumentDialog", "Save the document"),
            str(Path(folder) / f"{name}.pdf"),
            ";;".join(filters.values()),
            filters[".pdf"],
        )
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() not in filters:
            suffix = next((key for key, text in filters.items() if text == chosen), ".pdf")
            target = with_suffix(target, suffix)
        LAST_FOLDER.set(settings, str(target.parent))
        return target


class DocumentDialog(QDialog):
    """What was issued, and what to do with it. `issued` is the document shown: after "Issue
    a new version" it is the new one."""

    def __init__(
        self,
        database: Database,
        formatter: Formatter,
        issued: IssuedDocument,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
        ready: Callable[[], int | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._database, self._formatter, self._today = database, formatter, today
        # the order to issue a new version from: the editor saves its changes first
        self._ready = ready
        self.issued = issued
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.order = QLabel()
        self.buyer = QLabel()
        self.buyer.setWordWrap(True)
        self.total = QLabel()
        self.language = QComboBox()
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(max(self.language.findData(interface_language()), 0))
        self.language.setToolTip(self.tr("The language the document is written in"))
        form = QFormLayout()
        form.addRow(self.tr("Order:"), self.order)
        form.addRow(self.tr("Buyer:"), self.buyer)
        form.addRow(self.tr("Total:"), self.total)
        form.addRow(self.tr("Language:"), self.language)

        self.stale = QLabel()
        self.stale.setWordWrap(True)
        self.stale.setStyleSheet(f"color: {WARNING}")
        self.new_version_button = QPushButton(self.tr("Issue a new version"))
        self.new_version_button.setToolTip(
            self.tr("A new document with the next number, made from the order as it is now")
        )
        self.new_version_button.clicked.connect(self.new_version)
        stale_row = QHBoxLayout()
        stale_row.addWidget(self.stale, 1)
        stale_row.addWidget(self.new_version_button)
        self.error = error_label()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        role = QDialogButtonBox.ButtonRole.ActionRole
        self.open_button = buttons.addButton(self.tr("Open"), role)
        self.open_button.setToolTip(self.tr("Show the PDF in the system's viewer"))
        self.save_button = buttons.addButton(self.tr("Save as…"), role)
        self.print_button = buttons.addButton(self.tr("Print…"), role)
        self.print_button.setToolTip(self.tr("Print the document (Ctrl+P)"))
        self.open_button.clicked.connect(self.open_pdf)
        self.save_button.clicked.connect(self.save_as)
        self.print_button.clicked.connect(self.print_document)
        self.open_button.setDefault(True)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_document)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addLayout(stale_row)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self._show()

    @classmethod
    def show_for(
        cls,
        database: Database,
        formatter: Formatter,
        issued: IssuedDocument,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
        ready: Callable[[], int | None] | None = None,
    ) -> IssuedDocument:
        """Show the dialog until closed; the document it showed last (a new version, when
        one was issued)."""
        dialog = cls(database, formatter, issued, parent, today=today, ready=ready)
        dialog.exec()
        return dialog.issued

    # --- reading
    def chosen_language(self) -> str:
        return self.language.currentData()

    def title_text(self) -> str:
        content = self.issued.content
        date = DocumentFormat(interface_language(), content.currency_symbol).date(content.date)
        return document_title(content.kind, content.number, date)

    # --- actions
    def open_pdf(self) -> Path | None:
        """The PDF written to the cache folder and shown by the system's viewer."""
        folder = cache_folder()
        path = folder / f"{document_file_name(self.issued, self.chosen_language())}.pdf"
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            self._show_error(str(error))
            return None
        if not self._write(path):
            return None
        if not Viewer.show(path):
            self._show_error(
                self.tr("No program to show PDF files was found. The document is at %1").replace(
                    "%1", str(path)
                )
            )
        return path

    def save_as(self) -> Path | None:
        """A PDF (or the delivery note's workbook) where the person chooses."""
        workbook = self.issued.content.kind == "delivery_note"
        name = document_file_name(self.issued, self.chosen_language())
        path = SaveDocument.ask(self, name, workbook)
        if path is None:
            return None
        return path if self._write(path) else None

    def print_document(self) -> int:
        """The system's print dialog, then the document's pages; the pages printed."""
        with tempfile.TemporaryDirectory(prefix="lavka-print-") as folder:
            path = Path(folder) / "document.pdf"
            if not self._write(path):
                return 0
            try:
                return print_pdf_file(self, path, self.title_text())
            except LavkaError as error:
                self._show_error(error_text(error))
                return 0

    def new_version(self) -> bool:
        """Issue the document again from the order as it is now, with the next number."""
        record = self.issued.record
        order_id = self._ready() if self._ready is not None else record.order_id
        if order_id is None:
            return False
        try:
            with wait_cursor():
                self.issued = issue_document(
                    self._database, order_id, record.kind, self._today, new_version=True
                )
        except LavkaError as error:
            self._show_error(error_text(error))
            return False
        self._show()
        return True

    # --- showing
    def _show(self) -> None:
        issued, content = self.issued, self.issued.content
        self.setWindowTitle(self.title_text())
        self.title.setText(self.title_text())
        order = self.tr("No. %1 of %2").replace("%1", str(content.order_id))
        self.order.setText(order.replace("%2", self._formatter.date(content.order_date)))
        self.buyer.setText(content.buyer.name)
        money = Formatter(self._formatter.locale, content.currency_symbol)
        self.total.setText(money.money(content.total))
        if needs_new_version(issued.record):
            self.stale.setText(self._stale_text(content.kind))
        elif issued.record.superseded:
            self.stale.setText(self.tr("A newer version of this document was issued."))
        self.stale.setVisible(issued.record.stale or issued.record.superseded)
        self.new_version_button.setVisible(needs_new_version(issued.record))
        self.error.hide()

    def _stale_text(self, kind: str) -> str:
        texts = {
            "invoice": self.tr("The order has changed since this invoice was issued."),
            "delivery_note": self.tr("The order has changed since this delivery note was issued."),
            "receipt": self.tr("The order has changed since this sales receipt was issued."),
        }
        return texts[kind]

    def _write(self, path: Path) -> bool:
        """The document at `path`: a workbook for ".xlsx", else a PDF. False, said, when the
        file could not be written."""
        language = self.chosen_language()
        try:
            with wait_cursor():
                if path.suffix.lower() == ".xlsx":
                    write_xlsx(self.issued.content, path, language)
                else:
                    write_pdf(self.issued.content, self.issued.images, path, language)
        except LavkaError as error:
            self._show_error(error_text(error))
            return False
        except OSError as error:
            text = self.tr("The file %1 could not be written: %2")
            self._show_error(text.replace("%1", str(path)).replace("%2", error.strerror or ""))
            return False
        self.error.hide()
        return True

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
