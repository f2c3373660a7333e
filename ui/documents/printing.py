"""Printing a document's PDF: the system's print dialog, then each page drawn as an image at
the printer's resolution (300 dpi at most: sharp on paper, light on memory)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium_c
from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QImage, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from services.errors import LavkaError
from ui.widgets.busy import wait_cursor

MAX_DPI = 300
POINTS_PER_INCH = 72


class PrintChoice:
    """The system's print dialog over `printer` (tests patch `ask`): True to print."""

    @staticmethod
    def ask(printer: QPrinter, parent: QWidget | None, pages: int) -> bool:
        dialog = QPrintDialog(printer, parent)
        dialog.setMinMax(1, max(pages, 1))
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintCurrentPage, False)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintSelection, False)
        return dialog.exec() == QDialog.DialogCode.Accepted


def print_pdf_file(parent: QWidget | None, path: Path, title: str) -> int:
    """Ask where and what to print, then print the PDF at `path`; the pages printed (0 when
    the person cancelled). A printer that refuses raises LavkaError."""
    with pypdfium2.PdfDocument(str(path)) as pdf:
        pages = len(pdf)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))  # the documents' paper
    printer.setFullPage(True)  # the PDF brings its own margins
    if not PrintChoice.ask(printer, parent, pages):
        return 0
    with wait_cursor():
        return print_pdf(path, printer)


def print_pdf(path: Path, printer: QPrinter) -> int:
    """Draw the PDF's pages (those of the printer's page range, else all) on `printer`, each
    scaled to the paper keeping its proportions and centred; the count of pages printed."""
    with pypdfium2.PdfDocument(str(path)) as pdf:
        numbers = _page_numbers(printer, len(pdf))
        painter = QPainter()
        if not painter.begin(printer):
            raise LavkaError(
                QCoreApplication.translate("Printing", "The printer could not be started.")
            )
        try:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            dpi = min(printer.resolution(), MAX_DPI)
            target = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
            if not printer.fullPage():
                target = QRectF(printer.pageRect(QPrinter.Unit.DevicePixel))
            target.moveTo(0, 0)  # the painter's origin is the drawable area's corner
            for count, number in enumerate(numbers):
                if count and not printer.newPage():
                    raise LavkaError(
                        QCoreApplication.translate("Printing", "The printer refused a page.")
                    )
                image = page_image(pdf[number], dpi)
                painter.drawImage(_fitted(image, target), image)
        finally:
            painter.end()
    return len(numbers)


def page_image(page: pypdfium2.PdfPage, dpi: int) -> QImage:
    """The page rendered on white at `dpi`."""
    bitmap = page.render(
        scale=dpi / POINTS_PER_INCH,
        force_bitmap_format=pdfium_c.FPDFBitmap_BGRx,
        rev_byteorder=True,  # RGBx: the byte order QImage's RGBX8888 reads on any machine
    )
    try:
        image = QImage(
            bytes(bitmap.buffer),
            bitmap.width,
            bitmap.height,
            bitmap.stride,
            QImage.Format.Format_RGBX8888,
        )
        return image.copy()  # its own pixels, not the bitmap's buffer
    finally:
        bitmap.close()
        page.close()


def _page_numbers(printer: QPrinter, count: int) -> list[int]:
    """The 0-based pages to print: the range chosen in the dialog, or every page."""
    first, last = printer.fromPage(), printer.toPage()
    if printer.printRange() != QPrinter.PrintRange.PageRange or first <= 0:
        return list(range(count))
    last = min(last if last > 0 else count, count)
    return list(range(first - 1, last))


def _fitted(image: QImage, target: QRectF) -> QRectF:
    """The largest rectangle of the image's proportions inside `target`, centred."""
    if image.width() <= 0 or image.height() <= 0:
        return target
    scale = min(target.width() / image.width(), target.height() / image.height())
    width, height = image.width() * scale, image.height() * scale
    return QRectF(
        target.x() + (target.width() - width) / 2,
        target.y() + (target.height() - height) / 2,
        width,
        height,
    )
