"""A document written in a language: its texts from the catalogue, its figures and dates as
that language writes them ("1 декабря 2026 г.", "26 322,50"). The window and the command line
both write documents through here."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

from PySide6.QtCore import QDate, QLocale

from services.documents.content import DocumentContent, DocumentImages
from services.documents.pdf import write_document_pdf
from services.documents.words import LANGUAGES
from services.documents.xlsx import write_delivery_note_xlsx
from ui.formatting import Formatter
from ui.translation import catalogue_translate

# The catalogue in each document language, read from its file once.
translation_in = functools.cache(catalogue_translate)

__all__ = ["LANGUAGES", "DocumentFormat", "translation_in", "write_pdf", "write_xlsx"]


class DocumentFormat(Formatter):
    """A Formatter whose dates are written out, as documents date themselves."""

    def __init__(self, language: str, currency_symbol: str) -> None:
        if language == "ru":
            locale = QLocale(QLocale.Language.Russian, QLocale.Country.Russia)
        else:
            locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
        super().__init__(locale, currency_symbol)
        self.language = language

    def date(self, value: dt.date | None) -> str:
        if value is None:
            return ""
        text = self.locale.toString(QDate(value.year, value.month, value.day), "d MMMM yyyy")
        return f"{text} г." if self.language == "ru" else text


def write_pdf(
    content: DocumentContent, images: DocumentImages, path: Path | str, language: str
) -> int:
    """The document as a PDF at `path` in `language` ("ru" or "en"); its page count."""
    return write_document_pdf(
        content,
        path,
        language=language,
        translate=translation_in(language),
        fmt=DocumentFormat(language, content.currency_symbol),
        images=images,
    )


def write_xlsx(content: DocumentContent, path: Path | str, language: str) -> None:
    """The delivery note as a workbook at `path` in `language`."""
    write_delivery_note_xlsx(
        content,
        path,
        language=language,
        translate=translation_in(language),
        fmt=DocumentFormat(language, content.currency_symbol),
    )
