"""The delivery note as a workbook an accountant re-types from: the title, the supplier and the
buyer, the lines with real numbers in their cells (money as #,##0.00), the totals, the amount
in words and the signature lines. Said in the delivery note's own texts (delivery_note and
pdf mark them). No Qt; openpyxl is loaded when a workbook is written."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from services.documents import delivery_note
from services.documents.content import DocumentContent
from services.documents.pdf import (
    BUYER,
    FULL_NAME,
    SIGNATURE,
    SUPPLIER,
    TOTAL,
    basis_text,
    buyer_contact,
    buyer_parts,
    document_format,
    seller_parts,
    translator,
    units_of,
    vat_text,
)
from services.documents.pdf import COLUMN_HEADERS as HEADERS
from services.documents.pdf import PIECES as UNIT
from services.documents.words import amount_in_words
from services.files import atomic_write
from services.formatting import Format
from services.messages import QT_TRANSLATE_NOOP, Translate, english
from services.report_export import fill
from services.tables import FORMULA_STARTS

SHEET = QT_TRANSLATE_NOOP("Documents", "Delivery note")  # the sheet's name

MONEY = "#,##0.00"
COUNT = "#,##0"
# The columns: No., goods, SKU, unit, quantity, price, amount (widths in characters).
KEYS = ("number", "goods", "sku", "unit", "quantity", "price", "amount")
WIDTHS = (13, 45, 16, 7, 9, 13, 14)
LAST = len(KEYS)  # the last column's number
ROW_HEIGHT = 15  # points, of a line of text at 10 points
TITLE_HEIGHT = 24
FONT = "Calibri"  # the workbook's own font: bold and small texts in it too


def write_delivery_note_xlsx(
    content: DocumentContent,
    path: Path | str,
    *,
    language: str = "ru",
    translate: Translate = english,
    fmt: Format | None = None,
) -> None:
    """Write the delivery note `content` as a one-sheet workbook at `path`, its texts said
    through `translate`, its dates and the money in its sentences by `fmt` (Russian marks when
    not given), the amount in words in `language`. Any text a spreadsheet would take for a
    formula (=, +, -, @) stays text. The file appears only when complete."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    say = translator(translate)
    fmt = document_format(fmt, content)
    title = fill(say(delivery_note.TITLE), str(content.number), fmt.date(content.date))
    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    bold = Font(name=FONT, bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")

    book = Workbook()
    sheet = book.active
    sheet.title = sheet_name(say(SHEET))
    book.properties.title = title
    book.properties.creator = content.seller.name or "Lavka"
    for column, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[letter(column)].width = width

    def put(row: int, column: int, value: object, **style: Any) -> Any:
        """A value in a cell; text is always text (see text_value)."""
        cell = sheet.cell(row=row, column=column)
        if isinstance(value, str):
            text_value(cell, value)
        else:
            cell.value = value
        for name, setting in style.items():
            setattr(cell, name, setting)
        return cell

    def across(row: int, first: int, text: str, height_of: int | None = None, **style: Any) -> None:
        """A text over the merged cells first…LAST of `row`, wrapped; the row made as tall as
        its lines need (a spreadsheet does not fit a merged cell's height itself)."""
        style.setdefault("alignment", wrap)
        put(row, first, text, **style)
        if first < LAST:
            sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=LAST)
        room = sum(WIDTHS[first - 1 :])
        sheet.row_dimensions[row].height = height_of or ROW_HEIGHT * text_lines(text, room)

    row = 1
    across(row, 1, title, TITLE_HEIGHT, font=Font(name=FONT, bold=True, size=14))
    row += 2
    buyer = content.buyer
    for label, text in (
        (say(SUPPLIER), ", ".join(seller_parts(content.seller, say))),
        (
            say(BUYER),
            "\n".join(
                part
                for part in (", ".join(buyer_parts(buyer, say)), buyer_contact(buyer, say))
                if part
            ),
        ),
    ):
        put(row, 1, label, alignment=wrap)
        across(row, 2, text, font=bold)
        row += 1
    across(row, 1, basis_text(content, say, fmt))
    row += 2

    header_row = row
    for column, key in enumerate(KEYS, start=1):
        put(
            row,
            column,
            say(HEADERS[key]),
            font=bold,
            border=box,
            fill=PatternFill("solid", fgColor="EEEEEE"),
            alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
        )
    for number, line in enumerate(content.lines, start=1):
        row += 1
        values = (number, line.product, line.sku, say(UNIT), line.quantity, line.unit_price)
        for column, value in enumerate((*values, line.amount), start=1):
            cell = put(row, column, value, border=box, alignment=wrap)
            if column == 1 or column == 4:
                cell.alignment = Alignment(horizontal="center", vertical="top")
            elif column == 5:
                cell.number_format = COUNT
            elif column > 5:
                cell.number_format = MONEY
        names = max(text_lines(line.product, WIDTHS[1]), text_lines(line.sku, WIDTHS[2]))
        if names > 1:
            sheet.row_dimensions[row].height = ROW_HEIGHT * names

    right = Alignment(horizontal="right", vertical="top")
    for label, value in ((say(TOTAL), content.total), (vat_text(content, say), content.vat)):
        row += 1
        put(row, 2, label, font=bold, alignment=right)
        sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=LAST - 1)
        if value is not None:
            put(row, LAST, value, font=bold, number_format=MONEY)
    row += 2
    released = fill(
        say(delivery_note.RELEASED),
        fmt.integer(units_of(content)),
        fmt.integer(len(content.lines)),
        fmt.money(content.total),
    )
    across(row, 1, released)
    row += 1
    words = amount_in_words(content.total, language, content.currency_code)
    across(row, 1, words, font=bold)

    caption = Font(name=FONT, size=8, color="555555")
    underline = Border(bottom=thin)
    for label, name in (
        (say(delivery_note.RELEASED_BY), content.seller.signer),
        (say(delivery_note.RECEIVED_BY), ""),
    ):
        row += 2
        put(row, 1, label, font=bold)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        for first, last in ((3, 4), (5, LAST)):
            for column in range(first, last + 1):
                sheet.cell(row=row, column=column).border = underline
            sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
        put(row, 5, name, alignment=Alignment(horizontal="center"))
        row += 1
        centre = Alignment(horizontal="center", vertical="top")
        put(row, 3, say(SIGNATURE), font=caption, alignment=centre)
        sheet.merge_cells(start_row=row, start_column=3, end_row=row, end_column=4)
        put(row, 5, say(FULL_NAME), font=caption, alignment=centre)
        sheet.merge_cells(start_row=row, start_column=5, end_row=row, end_column=LAST)

    # Printed on A4 across one page's width, the lines' header on every page.
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.print_area = f"A1:{letter(LAST)}{row}"

    with atomic_write(path) as partial:
        book.save(partial)


def text_value(cell: Any, text: str) -> None:
    """`text` in `cell` as a string, never a formula: openpyxl would take one starting with
    "=" for a formula; such text (and one starting with + - @) is also marked quotePrefix, so a
    spreadsheet keeps it text when the person edits the cell."""
    cell.value = text
    if text.startswith(FORMULA_STARTS):
        cell.data_type = "s"
        cell.quotePrefix = True


def text_lines(text: str, width: int) -> int:
    """About how many lines `text` takes in a cell `width` characters wide."""
    room = max(1, int(width * 1.1))  # a column's width counts digits; letters are narrower
    return sum(max(1, math.ceil(len(part) / room)) for part in text.split("\n")) or 1


def sheet_name(name: str) -> str:
    """A sheet's name as a spreadsheet takes it: none of []:*?/\\ and at most 31 characters."""
    cleaned = "".join("-" if char in "[]:*?/\\" else char for char in name).strip("'")
    return cleaned[:31] or "Sheet"


def letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(column))
