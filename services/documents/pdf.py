"""A document as an A4 PDF: the pieces the invoice, the delivery note and the receipt share
(styles, the parties, the lines table, the totals, the amount in words, the signatures, the
images, the footer) and the entry point, write_document_pdf.

Each document's layout is its own module (invoice, delivery_note, receipt): a function that
builds the story from the content, a Kit of these pieces and the texts' translation. No Qt
here; reportlab is loaded when a PDF is written, not when the window starts.
"""

from __future__ import annotations

import copy
import functools
import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple, Protocol
from xml.sax.saxutils import escape

from services.documents import delivery_note, invoice, receipt
from services.documents.content import (
    BuyerDetails,
    DocumentContent,
    DocumentImages,
    DocumentLine,
    SellerDetails,
)
from services.documents.words import amount_in_words
from services.files import atomic_write
from services.formatting import NBSP, Format
from services.messages import QT_TRANSLATE_NOOP, Translate, english
from services.phones import format_phone
from services.report_export import FONT, FONT_BOLD, fill, register_fonts

CONTEXT = "Documents"  # the texts' context in the translation
Say = Callable[[str], str]  # an English text of CONTEXT in the document's language
MM = 72 / 25.4  # points in a millimetre
PAGE_MARGIN = 15 * MM
FRAME_PADDING = 6  # points: reportlab's frame pads what it holds
CELL_PADDING = 3  # points, at either side of a table's cell
STAMP_SIZE = 38 * MM  # the longer side of the stamp-with-signature
LOGO_BOX = (50 * MM, 20 * MM)  # the logo fits in this (width, height)
TAIL_ROWS = 2  # the table's last rows kept on the page of the totals and signatures


# reportlab has no type stubs: what Lavka calls on its objects, written down.
class Flowable(Protocol):
    """What reportlab lays out on a page (Paragraph, Table, Spacer, our own Probe…)."""

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]: ...

    def drawOn(self, canvas: Any, x: float, y: float) -> None: ...  # canvas: reportlab's


class PdfTable(Flowable, Protocol):
    """reportlab's Table."""

    _rowHeights: list[float]  # reportlab's: the rows' heights, once wrapped

    def setStyle(self, style: Any) -> None: ...  # style: reportlab's TableStyle


class Picture(Protocol):
    """An image reportlab has read (its ImageReader)."""

    def getSize(self) -> tuple[int, int]: ...


class PdfCanvas(Protocol):
    """The page a footer is drawn on (reportlab's Canvas)."""

    def saveState(self) -> None: ...

    def restoreState(self) -> None: ...

    def setFont(self, name: str, size: float) -> None: ...

    def drawRightString(self, x: float, y: float, text: str) -> None: ...


Cell = Flowable | str  # a table's cell: a paragraph, or a text drawn as it is
# A layout's lines column as a plain tuple (LinesColumn's fields): ("goods", 88, say(GOODS)).
ColumnSpec = tuple[str, float] | tuple[str, float, str]
# A table's style command: ("GRID", (0, 0), (-1, -1), 0.6, colors.black).
TableCommand = tuple[str, tuple[int, int], tuple[int, int], *tuple[object, ...]]
# A layout's signature as a plain tuple (SignatureSlot's fields): (label, name, stamped).
SlotSpec = tuple[str] | tuple[str, str] | tuple[str, str, bool]

# The texts every document shares, marked for the translation (lupdate reads this file).
NUMBER_HEADER = QT_TRANSLATE_NOOP("Documents", "No.")
GOODS_HEADER = QT_TRANSLATE_NOOP("Documents", "Goods")
SKU_HEADER = QT_TRANSLATE_NOOP("Documents", "SKU")
UNIT_HEADER = QT_TRANSLATE_NOOP("Documents", "Unit")
QUANTITY_HEADER = QT_TRANSLATE_NOOP("Documents", "Qty")
PRICE_HEADER = QT_TRANSLATE_NOOP("Documents", "Price")
AMOUNT_HEADER = QT_TRANSLATE_NOOP("Documents", "Amount")
PIECES = QT_TRANSLATE_NOOP("Documents", "pcs")  # the unit of every line
SUPPLIER = QT_TRANSLATE_NOOP("Documents", "Supplier:")
BUYER = QT_TRANSLATE_NOOP("Documents", "Buyer:")
BASIS = QT_TRANSLATE_NOOP("Documents", "Basis: order No. %1 of %2")
TAX_ID = QT_TRANSLATE_NOOP("Documents", "INN %1")
KPP = QT_TRANSLATE_NOOP("Documents", "KPP %1")
OGRN = QT_TRANSLATE_NOOP("Documents", "OGRN %1")
OGRNIP = QT_TRANSLATE_NOOP("Documents", "OGRNIP %1")  # a sole trader's, 15 digits
PHONE = QT_TRANSLATE_NOOP("Documents", "phone %1")
CONTACT_PERSON = QT_TRANSLATE_NOOP("Documents", "Contact person: %1")
TOTAL = QT_TRANSLATE_NOOP("Documents", "Total:")
WITHOUT_VAT = QT_TRANSLATE_NOOP("Documents", "Without VAT")
VAT_AT_RATE = QT_TRANSLATE_NOOP("Documents", "Including VAT %1%:")
VAT_INCLUDED = QT_TRANSLATE_NOOP("Documents", "Including VAT:")  # a VAT with no rate kept
ITEMS_AND_AMOUNT = QT_TRANSLATE_NOOP("Documents", "Items: %1, for the amount of %2")
SIGNATURE = QT_TRANSLATE_NOOP("Documents", "signature")
FULL_NAME = QT_TRANSLATE_NOOP("Documents", "full name")
STAMP_PLACE = QT_TRANSLATE_NOOP("Documents", "Stamp")
PAGE_OF = QT_TRANSLATE_NOOP("Documents", "Page %1 of %2")

# A lines table's columns: each one's header text, its cell, and how it is aligned.
COLUMN_HEADERS = {
    "number": NUMBER_HEADER,
    "goods": GOODS_HEADER,
    "sku": SKU_HEADER,
    "unit": UNIT_HEADER,
    "quantity": QUANTITY_HEADER,
    "price": PRICE_HEADER,
    "amount": AMOUNT_HEADER,
}
RIGHT_COLUMNS = ("quantity", "price", "amount")
CENTRED_COLUMNS = ("number", "unit")


class LinesColumn(NamedTuple):
    """A column of a document's lines table: `key` of COLUMN_HEADERS, its width in mm and,
    for one whose header is the document's own ("Goods, work, services"), that header. A
    layout passes it as a plain tuple: ("goods", 88, say(GOODS))."""

    key: str
    width: float
    header: str = ""


class SignatureSlot(NamedTuple):
    """One signature: its label ("Released (supplier)"), the signer's name (blank: a line to
    write it on), and whether the seller's stamp goes on it. A layout passes a plain tuple."""

    label: str
    name: str = ""
    stamped: bool = False


def document_format(fmt: Format | None, content: DocumentContent) -> Format:
    """The caller's Format (Russian marks when none; a subclass keeps its own ways, such as
    dates written out) saying the document's own currency symbol: a document says the money
    it was issued in."""
    fmt = fmt or Format()
    if not content.currency_symbol or fmt.symbol == content.currency_symbol:
        return fmt
    shown = copy.copy(fmt)
    shown.symbol = content.currency_symbol
    return shown


def translator(translate: Translate) -> Say:
    return lambda text: translate(CONTEXT, text, -1)


def seller_parts(seller: SellerDetails, say: Say, *, full: bool = True) -> list[str]:
    """The seller as a document names it: name, INN, then (when `full`) KPP and OGRN, then
    the address and (when `full`) the phone; blanks left out."""
    parts = [seller.name]
    if seller.tax_id:
        parts.append(unbroken(fill(say(TAX_ID), seller.tax_id)))
    if full and seller.kpp:
        parts.append(unbroken(fill(say(KPP), seller.kpp)))
    if full and seller.ogrn:
        ogrn = say(OGRNIP if len(seller.ogrn) == 15 else OGRN)
        parts.append(unbroken(fill(ogrn, seller.ogrn)))
    parts.append(seller.address)
    if full and seller.phone:
        parts.append(unbroken(fill(say(PHONE), format_phone(seller.phone) or seller.phone)))
    return [part for part in parts if part]


def buyer_parts(buyer: BuyerDetails, say: Say) -> list[str]:
    """A company: name, INN, address; a person: name, phone, address."""
    parts = [buyer.name]
    if buyer.is_company and buyer.tax_id:
        parts.append(unbroken(fill(say(TAX_ID), buyer.tax_id)))
    if not buyer.is_company and buyer.phone:
        parts.append(unbroken(fill(say(PHONE), format_phone(buyer.phone) or buyer.phone)))
    parts.append(buyer.address)
    return [part for part in parts if part]


def unbroken(text: str) -> str:
    """A label with its number ("INN 7701234567", "phone +7 495 123-45-67") kept on one line."""
    return text.replace(" ", NBSP)


def buyer_contact(buyer: BuyerDetails, say: Say) -> str:
    """ "Contact person: …" for who ordered for a company; empty otherwise."""
    return fill(say(CONTACT_PERSON), buyer.person) if buyer.person else ""


def basis_text(content: DocumentContent, say: Say, fmt: Format) -> str:
    return fill(say(BASIS), str(content.order_id), fmt.date(content.order_date))


def vat_text(content: DocumentContent, say: Say) -> str:
    """The VAT line's label: "Without VAT", or "Including VAT 20%:"."""
    if content.vat is None:
        return say(WITHOUT_VAT)
    if content.seller.vat_rate is None:
        return say(VAT_INCLUDED)
    return fill(say(VAT_AT_RATE), str(content.seller.vat_rate))


def units_of(content: DocumentContent) -> int:
    return content.units or sum(line.quantity for line in content.lines)


def line_values(line: DocumentLine, index: int, say: Say, fmt: Format) -> dict[str, str]:
    """A line's cells as text, by column key (the goods and the SKU as they are)."""
    return {
        "number": str(index),
        "goods": line.product,
        "sku": line.sku,
        "unit": say(PIECES),
        "quantity": fmt.integer(line.quantity),
        "price": fmt.number(line.unit_price),
        "amount": fmt.number(line.amount),
    }


class Kit:
    """The shared pieces of a document's story, in its language and with its marks."""

    def __init__(
        self,
        content: DocumentContent,
        say: Say,
        fmt: Format,
        language: str,
        images: DocumentImages,
        tail_header: bool,
    ) -> None:
        from reportlab.lib import colors
        from reportlab.lib.enums import TA_CENTER, TA_RIGHT
        from reportlab.lib.styles import ParagraphStyle

        self.content, self.say, self.fmt, self.language = content, say, fmt, language
        self.width = 210 * MM - 2 * PAGE_MARGIN
        self.tail_header = tail_header  # the last rows start a page: give them the header
        self.seen: dict[str, int] = {}  # probe → the page it was drawn on
        self.grey = colors.HexColor("#555555")
        self.logo_data = images.logo
        self.logo_image = picture(images.logo)
        self.stamp_image = picture(images.stamp)

        def style(name: str, **values: Any) -> ParagraphStyle:
            values.setdefault("fontName", FONT)
            values.setdefault("fontSize", 9)
            values.setdefault("leading", values["fontSize"] * 1.25)
            return ParagraphStyle(name, **values)

        self.styles = {
            "body": style("body"),
            "bold": style("bold", fontName=FONT_BOLD),
            "words": style("words", fontName=FONT_BOLD, spaceBefore=1 * MM),
            "title": style("title", fontName=FONT_BOLD, fontSize=14, spaceBefore=4 * MM),
            "cell": style("cell", fontSize=8.5),
            "head": style("head", fontName=FONT_BOLD, fontSize=8.5, alignment=TA_CENTER),
            "caption": style("caption", fontSize=6.5, textColor=self.grey, alignment=TA_CENTER),
            "small": style("small", fontSize=7, textColor=self.grey),
            "centre": style("centre", alignment=TA_CENTER),
            "right": style("right", fontName=FONT_BOLD, alignment=TA_RIGHT),
        }

    # --- text ------------------------------------------------------------------------------

    def para(self, text: str, style: str = "body") -> Flowable:
        """A paragraph of plain (user's or translated) text: its markup characters escaped."""
        from reportlab.platypus import Paragraph

        paragraph: Flowable = Paragraph(escape(text), self.styles[style])
        return paragraph

    def lines_para(self, lines: Sequence[str], style: str = "body") -> Flowable:
        """Several texts, each on a line of its own, in one paragraph."""
        from reportlab.platypus import Paragraph

        text = "<br/>".join(escape(line) for line in lines if line)
        paragraph: Flowable = Paragraph(text, self.styles[style])
        return paragraph

    def space(self, millimetres: float) -> Flowable:
        from reportlab.platypus import Spacer

        spacer: Flowable = Spacer(1, millimetres * MM)
        return spacer

    def title(self, template: str) -> list[Flowable]:
        """ "Invoice No. 12 of 13.09.2026" in bold over a heavy rule, as Russian forms put it."""
        from reportlab.platypus import HRFlowable

        return [
            self.para(self.title_text(template), "title"),
            HRFlowable(width="100%", thickness=1.6, color=self.grey, spaceBefore=1, spaceAfter=6),
        ]

    @staticmethod
    def fill(template: str, *values: str) -> str:
        """A translated template with its %1, %2… filled."""
        return fill(template, *values)

    def units(self) -> int:
        return units_of(self.content)

    def title_text(self, template: str) -> str:
        return fill(self.say(template), str(self.content.number), self.fmt.date(self.content.date))

    # --- images ----------------------------------------------------------------------------

    def logo(self) -> list[Flowable]:
        """The seller's logo at the top left, fitted in LOGO_BOX; nothing without one."""
        from reportlab.platypus import Image

        if self.logo_image is None or self.logo_data is None:
            return []
        width, height = fitted(self.logo_image, *LOGO_BOX)
        image = Image(io.BytesIO(self.logo_data), width=width, height=height, hAlign="LEFT")
        return [image, self.space(2)]

    # --- the parties -----------------------------------------------------------------------

    def parties(self, rows: Sequence[tuple[str, Sequence[str]]]) -> Flowable:
        """The parties: a label on the left ("Supplier:"), on the right the party's details in
        bold (the first text of the row's sequence), then its further texts ("Contact person:
        …") each on a line of its own."""
        from reportlab.platypus import Paragraph, Table, TableStyle

        data: list[list[Cell]] = []
        for label, texts in rows:
            head, *more = texts
            body = escape(head) + "".join(
                f'<br/><font name="{FONT}">{escape(text)}</font>' for text in more if text
            )
            data.append([self.para(label), Paragraph(body, self.styles["bold"])])
        label_width = 32 * MM
        table: PdfTable = Table(
            data, colWidths=[label_width, self.width - label_width], hAlign="LEFT"
        )
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (0, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        return table

    def bank_details(
        self, bank: str, bik: str, correspondent: str, account: str, recipient: str
    ) -> Flowable:
        """The bordered block of the seller's bank details at the top of a Russian invoice:

            | bank name               | BIK           | 044525225            |
            | (recipient's bank)      | Corr. account | 30101810400000000225 |
            | INN …      | KPP …      | Account       | 40702810…            |
            | seller's name (recipient)|               |                      |

        The arguments are the labels, translated; the values are the seller's."""
        from reportlab.lib import colors
        from reportlab.platypus import Table, TableStyle

        seller = self.content.seller

        def named(value: str, caption: str) -> list[Flowable]:
            return [self.para(value, "body"), self.para(caption, "small")]

        data: list[list[Cell | list[Flowable]]] = [
            [named(seller.bank, bank), "", self.para(bik), self.para(seller.bik, "bold")],
            ["", "", self.para(correspondent), self.para(seller.correspondent_account, "bold")],
            [
                self.para(fill(self.say(TAX_ID), seller.tax_id) if seller.tax_id else ""),
                self.para(fill(self.say(KPP), seller.kpp) if seller.kpp else ""),
                self.para(account),
                self.para(seller.account, "bold"),
            ],
            [named(seller.name, recipient), "", "", ""],
        ]
        widths = [48 * MM, 42 * MM, 27 * MM]
        table: PdfTable = Table(data, colWidths=[*widths, self.width - sum(widths)])
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                    ("SPAN", (0, 0), (1, 1)),
                    ("SPAN", (2, 2), (2, 3)),
                    ("SPAN", (3, 2), (3, 3)),
                    ("SPAN", (0, 3), (1, 3)),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ]
            )
        )
        return table

    def seller_text(self, *, full: bool = True) -> str:
        return ", ".join(seller_parts(self.content.seller, self.say, full=full))

    def supplier_row(self) -> tuple[str, list[str]]:
        return self.say(SUPPLIER), [self.seller_text()]

    def buyer_row(self) -> tuple[str, list[str]]:
        buyer = self.content.buyer
        return self.say(BUYER), [
            ", ".join(buyer_parts(buyer, self.say)),
            buyer_contact(buyer, self.say),
        ]

    def basis(self) -> Flowable:
        return self.para(basis_text(self.content, self.say, self.fmt))

    # --- the lines -------------------------------------------------------------------------

    def lines(self, specs: Sequence[ColumnSpec]) -> tuple[list[Flowable], Flowable]:
        """The lines table as (what goes first, its last rows). The first part repeats its
        header on every page; the last rows (TAIL_ROWS, a table of the same columns) go into
        `closing` with the totals, so the totals never start a page alone."""
        from reportlab.platypus import Paragraph

        columns = [LinesColumn(*spec) for spec in specs]
        widths = [column.width * MM for column in columns]
        header: list[Cell] = [
            Paragraph(
                escape(self.say(column.header or COLUMN_HEADERS[column.key])), self.styles["head"]
            )
            for column in columns
        ]
        rows: list[list[Cell]] = []
        for index, line in enumerate(self.content.lines, start=1):
            values = line_values(line, index, self.say, self.fmt)
            # Names and SKUs wrap in their cells; numbers are drawn as they are (their
            # non-breaking spaces kept).
            rows.append(
                [
                    self.para(values[c.key], "cell") if c.key in ("goods", "sku") else values[c.key]
                    for c in columns
                ]
            )
        keys = [column.key for column in columns]
        first, last = rows[:-TAIL_ROWS], rows[-TAIL_ROWS:]
        if not first:
            return [], self._grid([header, *last], widths, keys, header=True)
        head = [
            self._grid([header, *first], widths, keys, header=True, repeat=True),
            flowables().probe(self.seen, "table_end"),
        ]
        tail = self._grid(
            [header, *last] if self.tail_header else last, widths, keys, self.tail_header
        )
        return head, tail

    def _grid(
        self,
        rows: list[list[Cell]],
        widths: list[float],
        keys: list[str],
        header: bool,
        repeat: bool = False,
    ) -> Flowable:
        from reportlab.lib import colors
        from reportlab.platypus import Table, TableStyle

        table: PdfTable = Table(rows, colWidths=widths, repeatRows=1 if repeat else 0)
        commands: list[TableCommand] = [
            ("FONT", (0, 0), (-1, -1), FONT, 8.5),
            ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ]
        for index, key in enumerate(keys):
            if key in RIGHT_COLUMNS:
                commands.append(("ALIGN", (index, 0), (index, -1), "RIGHT"))
            elif key in CENTRED_COLUMNS:
                commands.append(("ALIGN", (index, 0), (index, -1), "CENTER"))
        if header:
            commands += [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
                ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
            ]
        table.setStyle(TableStyle(commands))
        return table

    # --- totals, words, signatures -----------------------------------------------------------

    def totals(self, rows: Sequence[tuple[str, str]], amount_width: float) -> Flowable:
        """Labels and sums in bold at the right, the sums under the table's Amount column
        (`amount_width` mm); a row with no sum ("Without VAT") is its label alone."""
        from reportlab.platypus import Table, TableStyle

        data = [[self.para(label, "right"), value] for label, value in rows]
        label_width = 90 * MM
        table: PdfTable = Table(data, colWidths=[label_width, amount_width * MM], hAlign="RIGHT")
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), FONT_BOLD, 9),
                    ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                    ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ]
            )
        )
        return table

    def total_row(self) -> tuple[str, str]:
        return self.say(TOTAL), self.fmt.number(self.content.total)

    def vat_row(self) -> tuple[str, str]:
        vat = self.content.vat
        return vat_text(self.content, self.say), "" if vat is None else self.fmt.number(vat)

    def items_line(self) -> Flowable:
        """ "Items: 3, for the amount of 26 322,50 ₽"."""
        count = self.fmt.integer(len(self.content.lines))
        return self.para(fill(self.say(ITEMS_AND_AMOUNT), count, self.money_total()))

    def money_total(self) -> str:
        return self.fmt.money(self.content.total)

    def words(self) -> Flowable:
        """The total in words, in bold: "Двадцать шесть тысяч … рубля 50 копеек"."""
        content = self.content
        return self.para(
            amount_in_words(content.total, self.language, content.currency_code), "words"
        )

    def rule(self) -> Flowable:
        from reportlab.platypus import HRFlowable

        rule: Flowable = HRFlowable(
            width="100%", thickness=1.6, color=self.grey, spaceBefore=3, spaceAfter=4
        )
        return rule

    def signatures(self, specs: Sequence[SlotSpec]) -> Flowable:
        """The signature lines side by side: label, a line to sign on, the name over a line,
        "signature" and "full name" under them; the stamp over the stamped slot's line (its
        place "Stamp" marked when there is no stamp image)."""
        from reportlab.lib import colors
        from reportlab.platypus import Table, TableStyle

        slots = [SignatureSlot(*spec) for spec in specs]
        gap, between = 10 * MM, 3 * MM  # between two slots; between a signature and a name
        if len(slots) == 1:
            parts = (55 * MM, 40 * MM, between, 52 * MM)
        else:
            room = (self.width - gap * (len(slots) - 1)) / len(slots) - between
            parts = (room * 0.32, room * 0.3, between, room * 0.38)
        widths: list[float] = []
        top: list[Cell] = []
        bottom: list[Cell] = []
        commands: list[TableCommand] = [
            ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
            ("VALIGN", (0, 1), (-1, 1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 1),
            ("RIGHTPADDING", (0, 0), (-1, -1), 1),
            ("TOPPADDING", (0, 1), (-1, 1), 0.5),
        ]
        stamp_column = None
        for index, slot in enumerate(slots):
            if index:
                widths.append(gap)
                top.append("")
                bottom.append("")
            first = len(widths)
            widths += parts
            top += [self.para(slot.label, "bold"), "", "", self.para(slot.name, "centre")]
            stamp_here = slot.stamped and self.stamp_image is None
            bottom += [
                self.para(self.say(STAMP_PLACE) if stamp_here else "", "small"),
                self.para(self.say(SIGNATURE), "caption"),
                "",
                self.para(self.say(FULL_NAME), "caption"),
            ]
            commands += [
                ("LINEBELOW", (first + 1, 0), (first + 1, 0), 0.6, colors.black),
                ("LINEBELOW", (first + 3, 0), (first + 3, 0), 0.6, colors.black),
                ("LEFTPADDING", (first, 0), (first, -1), 0),
            ]
            if slot.stamped:
                stamp_column = first + 1
        rest = self.width - sum(widths)
        if rest > 1:
            widths.append(rest)
            top.append("")
            bottom.append("")
        table: PdfTable = Table([top, bottom], colWidths=widths, hAlign="LEFT")
        table.setStyle(TableStyle(commands))
        if self.stamp_image is None or stamp_column is None:
            return table
        return flowables().stamped(
            table, self.stamp_image, sum(widths[:stamp_column]) + widths[stamp_column] / 2
        )

    def paragraphs(self, text: str, style: str = "body") -> list[Flowable]:
        """A free text of the seller's (payment terms), its own line breaks kept."""
        lines = [line for line in text.splitlines() if line.strip()]
        return [self.lines_para(lines, style)] if lines else []

    def closing(self, parts: Sequence[Flowable]) -> Flowable:
        """The table's last rows with what follows them, kept on one page."""
        from reportlab.platypus import KeepTogether

        kept: Flowable = KeepTogether([flowables().probe(self.seen, "tail"), *parts])
        return kept

    @property
    def tail_moved(self) -> bool:
        """Whether the table's last rows went on a page after the rest of the table (so they
        should carry the header there)."""
        end, tail = self.seen.get("table_end"), self.seen.get("tail")
        return end is not None and tail is not None and tail > end


LAYOUTS: dict[str, Callable[[DocumentContent, Kit, Say], list[Flowable]]] = {
    "invoice": invoice.story,
    "delivery_note": delivery_note.story,
    "receipt": receipt.story,
}
TITLES = {
    "invoice": invoice.TITLE,
    "delivery_note": delivery_note.TITLE,
    "receipt": receipt.TITLE,
}


def write_document_pdf(
    content: DocumentContent,
    path: Path | str,
    *,
    language: str = "ru",
    translate: Translate = english,
    fmt: Format | None = None,
    images: DocumentImages = DocumentImages(),  # noqa: B008 - frozen, so shared safely
) -> int:
    """Write `content` as an A4 PDF at `path` (by its kind: an invoice, a delivery note or a
    sales receipt); return its number of pages. Texts are said through `translate`, figures
    by `fmt` (Russian marks when not given) with the document's currency, the amount in words
    in `language`. The file appears only when complete (services.files.atomic_write)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    layout = LAYOUTS[content.kind]
    register_fonts()
    say = translator(translate)
    fmt = document_format(fmt, content)
    title = fill(say(TITLES[content.kind]), str(content.number), fmt.date(content.date))
    footer = footer_paragraph(content.seller.footer)
    footer_height = footer.wrap(210 * MM - 2 * PAGE_MARGIN, 100 * MM)[1] if footer else 0
    pages: list[int] = []

    def draw_footer(canvas: PdfCanvas, page: int, total: int) -> None:
        canvas.saveState()
        if footer is not None:
            footer.drawOn(canvas, PAGE_MARGIN, 12 * MM)
        if total > 1:
            canvas.setFont(FONT, 7.5)
            canvas.drawRightString(
                210 * MM - PAGE_MARGIN, 7 * MM, fill(say(PAGE_OF), str(page), str(total))
            )
        canvas.restoreState()

    def build(partial: Path, tail_header: bool) -> Kit:
        kit = Kit(content, say, fmt, language, images, tail_header)
        doc = SimpleDocTemplate(
            str(partial),
            pagesize=A4,
            title=title,
            author=content.seller.name or "Lavka",
            subject=basis_text(content, say, fmt),
            creator="Lavka",
            # The frame pads its content by FRAME_PADDING: the content starts at PAGE_MARGIN.
            leftMargin=PAGE_MARGIN - FRAME_PADDING,
            rightMargin=PAGE_MARGIN - FRAME_PADDING,
            topMargin=PAGE_MARGIN - FRAME_PADDING,
            bottomMargin=max(PAGE_MARGIN, 15 * MM + footer_height) - FRAME_PADDING,
        )
        doc.build(layout(content, kit, kit.say), canvasmaker=numbered_canvas(draw_footer, pages))
        return kit

    with atomic_write(path) as partial:
        if build(partial, tail_header=False).tail_moved:
            build(partial, tail_header=True)  # the last rows start a page: with the header
    return pages[-1]


def footer_paragraph(text: str) -> Flowable | None:
    """The seller's free text under every page, small and grey; None when there is none."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return None
    style = ParagraphStyle(
        "footer", fontName=FONT, fontSize=7, leading=8.5, textColor=colors.HexColor("#555555")
    )
    paragraph: Flowable = Paragraph("<br/>".join(escape(line) for line in lines), style)
    return paragraph


def numbered_canvas(
    draw_footer: Callable[[PdfCanvas, int, int], None], pages: list[int]
) -> type[PdfCanvas]:
    """A canvas class that holds the pages back until the end, so that each can say "Page 2
    of 3" (draw_footer(canvas, page, total)); the count is appended to `pages`."""
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type stubs
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.held: list[dict[str, Any]] = []  # each held page's drawing state

        def showPage(self) -> None:  # reportlab calls it so
            self.held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self.held)
            for number, state in enumerate(self.held, start=1):
                self.__dict__.update(state)
                draw_footer(self, number, total)
                super().showPage()
            pages.append(total)
            super().save()

    return NumberedCanvas


def picture(data: bytes | None) -> Picture | None:
    """PNG or JPEG bytes as an image reportlab draws; None for none, or for bytes that are no
    image it can read (a document is still written, without it)."""
    from reportlab.lib.utils import ImageReader

    if not data:
        return None
    try:
        image: Picture = ImageReader(io.BytesIO(data))
        image.getSize()
    except Exception:  # any picture it cannot read is left out alike
        return None
    return image


def fitted(image: Picture, width: float, height: float) -> tuple[float, float]:
    """The image's size scaled to fit in width × height, its proportions kept."""
    own_width, own_height = image.getSize()
    scale = min(width / own_width, height / own_height)
    return own_width * scale, own_height * scale


class OwnFlowables(NamedTuple):
    """Makers of the flowables of our own (see flowables)."""

    probe: Callable[[dict[str, int], str], Flowable]
    stamped: Callable[[PdfTable, Picture, float], Flowable]


@functools.cache
def flowables() -> OwnFlowables:
    """The two flowables of our own, Probe and Stamped (made when a PDF is first written:
    reportlab is not loaded before)."""
    from reportlab.platypus import Flowable as Base

    class Probe(Base):  # type: ignore[misc]  # reportlab has no type stubs
        """Takes no room; notes in `seen` the page it was drawn on."""

        def __init__(self, seen: dict[str, int], key: str) -> None:
            super().__init__()
            self.seen, self.key = seen, key

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            return 0, 0

        def draw(self) -> None:
            self.seen[self.key] = self.canv.getPageNumber()

    class Stamped(Base):  # type: ignore[misc]  # reportlab has no type stubs
        """The signatures table with the stamp drawn over a signature line (centred at
        `centre` across, on the line under the table's first row), its room reserved above
        and below."""

        def __init__(self, table: PdfTable, stamp: Picture, centre: float) -> None:
            super().__init__()
            self.table, self.stamp, self.centre = table, stamp, centre
            self.stamp_width, self.stamp_height = fitted(stamp, STAMP_SIZE, STAMP_SIZE)

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            width, height = self.table.wrap(available_width, available_height)
            self.table_height = height
            self.line_from_top = self.table._rowHeights[0]
            half = self.stamp_height / 2
            self.above = max(0.0, half - self.line_from_top)
            self.below = max(0.0, half - (height - self.line_from_top))
            self.width, self.height = width, height + self.above + self.below
            return self.width, self.height

        def draw(self) -> None:
            self.table.drawOn(self.canv, 0, self.below)
            line = self.below + self.table_height - self.line_from_top
            self.canv.drawImage(
                self.stamp,
                self.centre - self.stamp_width / 2,
                line - self.stamp_height / 2,
                self.stamp_width,
                self.stamp_height,
                mask="auto",
            )

    return OwnFlowables(Probe, Stamped)
