"""Documents as files: the invoice, the delivery note and the receipt as PDF (read back with
pdftotext), and the delivery note as XLSX (read back with openpyxl)."""

from __future__ import annotations

import ast
import datetime as dt
import io
import re
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from PIL import Image

from services.documents.content import (
    BuyerDetails,
    DocumentContent,
    DocumentImages,
    DocumentLine,
    SellerDetails,
)
from services.documents.pdf import LAYOUTS, write_document_pdf
from services.documents.words import amount_in_words
from services.documents.xlsx import write_delivery_note_xlsx
from services.formatting import Format
from services.messages import english

KINDS = ("invoice", "delivery_note", "receipt")
NBSP = "\u00a0"
ENGLISH = Format(group=",", decimal=".")
SOURCES = Path(__file__).resolve().parent.parent / "services" / "documents"
A4_WIDTH = 595.28  # points
MARGIN = 15 * 72 / 25.4

SELLER = SellerDetails(
    name="ООО «Ромашка»",
    tax_id="7701234567",
    kpp="770101001",
    ogrn="1027700132195",
    address="123456, г. Москва, ул. Ленина, д. 1",
    phone="+74951234567",
    bank="ПАО Сбербанк",
    bik="044525225",
    account="40702810938000012345",
    correspondent_account="30101810400000000225",
    signer="Петров И. И.",
    signer_title="Директор",
    payment_terms="Оплата в течение 3 банковских дней",
    footer="Спасибо за покупку!",
)
BUYER = BuyerDetails(
    name="ООО «Клиент & Ко»",
    is_company=True,
    tax_id="7707083893",
    address="г. Санкт-Петербург, Невский пр., д. 10",
    person="Сидоров Пётр",
)
# 2 × 2 490,00 + 5 × 350,50 + 1 × 19 590,00 = 4 980,00 + 1 752,50 + 19 590,00 = 26 322,50
THREE_LINES = (
    DocumentLine("Чайник электрический", "KT-1", 2, Decimal("2490.00"), Decimal("4980.00")),
    DocumentLine("Кружка <белая> & синяя", "MUG-2", 5, Decimal("350.50"), Decimal("1752.50")),
    DocumentLine("Набор ножей", "KNF-3", 1, Decimal("19590.00"), Decimal("19590.00")),
)
THREE_TOTAL = Decimal("26322.50")
THREE_WORDS = "Двадцать шесть тысяч триста двадцать два рубля 50 копеек"


def document(
    kind: str,
    lines=THREE_LINES,
    total: Decimal = THREE_TOTAL,
    vat: Decimal | None = None,
    seller: SellerDetails = SELLER,
) -> DocumentContent:
    return DocumentContent(
        kind=kind,
        number=12,
        date=dt.date(2026, 9, 13),
        order_id=345,
        order_date=dt.date(2026, 9, 10),
        seller=seller,
        buyer=BUYER,
        lines=tuple(lines),
        total=total,
        vat=vat,
        currency_code="RUB",
        currency_symbol="₽",
        units=sum(line.quantity for line in lines),
    )


def numbered_lines(count: int) -> tuple[list[DocumentLine], Decimal]:
    """`count` lines "Товар 1"…, line i: i % 3 + 1 pieces at 100 + i roubles."""
    lines = []
    for i in range(1, count + 1):
        price = Decimal(100 + i)
        lines.append(DocumentLine(f"Товар {i}", f"A{i}", i % 3 + 1, price, price * (i % 3 + 1)))
    return lines, sum((line.amount for line in lines), Decimal(0))


def pdf_text(path: Path, page: int | None = None, layout: bool = False) -> str:
    """The PDF's text (of one page when given), whitespace collapsed (pdftotext breaks lines
    where the PDF does; non-breaking spaces read as spaces). With `layout`, what stands on one
    line of the page is read as one line (a label and its sum)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    options = ["-f", str(page), "-l", str(page)] if page else []
    if layout:
        options.append("-layout")
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *options, str(path), "-"],
        capture_output=True,
        check=True,
        text=True,
        encoding="utf-8",
    ).stdout
    return collapse(text)


def collapse(text: str) -> str:
    return " ".join(text.replace(NBSP, " ").replace("\u202f", " ").split())


def png(width: int, height: int, mode: str = "RGBA") -> bytes:
    data = io.BytesIO()
    Image.new(mode, (width, height), (40, 60, 200, 200) if mode == "RGBA" else (200, 60, 60)).save(
        data, "PNG"
    )
    return data.getvalue()


# --- what each document says -----------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_each_document_names_the_parties_the_goods_the_total_and_its_words(tmp_path, kind):
    path = tmp_path / f"{kind}.pdf"
    assert write_document_pdf(document(kind), path) == 1
    text = pdf_text(path)
    assert "ООО «Клиент & Ко»" in text  # the buyer, its markup characters escaped
    assert "INN 7701234567" in text  # the seller's INN
    assert "INN 7707083893" in text  # the buyer's
    for name in ("Чайник электрический", "Кружка <белая> & синяя", "Набор ножей"):
        assert name in text
    assert "4 980,00" in text and "1 752,50" in text and "19 590,00" in text
    assert "26 322,50" in text  # the total, with Russian marks
    assert THREE_WORDS in text
    assert "Items: 3" in text or "items: 3" in text
    assert "Contact person: Сидоров Пётр" in text


def test_the_invoice_has_the_bank_details_basis_terms_and_signer(tmp_path):
    path = tmp_path / "invoice.pdf"
    write_document_pdf(document("invoice"), path)
    text = pdf_text(path, layout=True)
    for shown in (
        "ПАО Сбербанк",
        "044525225",
        "30101810400000000225",
        "40702810938000012345",
        "KPP 770101001",
        "OGRN 1027700132195",
        "Invoice No. 12 of 13.09.2026",
        "Basis: order No. 345 of 10.09.2026",
        "Without VAT",
        "Total to pay: 26 322,50",
        "Items: 3, for the amount of 26 322,50 ₽",
        "Оплата в течение 3 банковских дней",
        "Директор",
        "Петров И. И.",
        "Спасибо за покупку!",  # the seller's footer
    ):
        assert shown in text, shown


def test_the_delivery_note_counts_the_units_and_has_both_signatures(tmp_path):
    path = tmp_path / "note.pdf"
    write_document_pdf(document("delivery_note"), path)
    text = pdf_text(path)
    assert "Delivery note No. 12 of 13.09.2026" in text
    for sku in ("KT-1", "MUG-2", "KNF-3"):
        assert sku in text
    # 2 + 5 + 1 = 8 units of 3 goods
    assert "Total units released: 8, items: 3, for the amount of 26 322,50 ₽" in text
    assert "Released (supplier)" in text and "Received (buyer)" in text
    assert "Петров И. И." in text


def test_the_receipt_names_the_seller_briefly(tmp_path):
    path = tmp_path / "receipt.pdf"
    write_document_pdf(document("receipt"), path)
    text = pdf_text(path)
    assert "Sales receipt No. 12 of 13.09.2026" in text
    assert "Seller: ООО «Ромашка», INN 7701234567, 123456, г. Москва, ул. Ленина, д. 1" in text
    assert "KPP" not in text and "ПАО Сбербанк" not in text


def test_the_texts_go_through_the_translation(tmp_path):
    russian = {
        "Invoice No. %1 of %2": "Счёт на оплату № %1 от %2",
        "Including VAT %1%:": "В том числе НДС %1%:",
        "Page %1 of %2": "Страница %1 из %2",
    }
    asked = []

    def translate(context: str, text: str, n: int = -1) -> str:
        asked.append((context, text))
        return russian.get(text, text)

    lines, total = numbered_lines(60)
    path = tmp_path / "invoice.pdf"
    write_document_pdf(
        document("invoice", lines, total, Decimal("10.00")), path, translate=translate
    )
    text = pdf_text(path)
    assert "Счёт на оплату № 12 от 13.09.2026" in text
    assert "Страница 2 из 2" in text
    assert {context for context, _text in asked} == {"Documents"}


@pytest.mark.parametrize("kind", KINDS)
def test_english_words_and_marks(tmp_path, kind):
    path = tmp_path / f"{kind}.pdf"
    write_document_pdf(document(kind), path, language="en", translate=english, fmt=ENGLISH)
    text = pdf_text(path)
    assert "26,322.50" in text
    assert "Twenty-six thousand, three hundred and twenty-two roubles 50 kopeks" in text
    assert "26 322,50" not in text


class WrittenDates(Format):
    """A caller's Format of its own kind: dates written out, as the window passes them."""

    def date(self, value: dt.date | None) -> str:
        return "" if value is None else f"{value.day} сентября {value.year} г."


def test_the_callers_format_is_kept_with_the_documents_currency(tmp_path):
    path = tmp_path / "invoice.pdf"
    fmt = WrittenDates(currency_symbol="$")  # the window's currency now; the document's is ₽
    write_document_pdf(document("invoice"), path, fmt=fmt)
    text = pdf_text(path)
    assert "Invoice No. 12 of 13 сентября 2026 г." in text
    assert "Basis: order No. 345 of 10 сентября 2026 г." in text
    assert "for the amount of 26 322,50 ₽" in text and "$" not in text
    assert fmt.symbol == "$"  # the caller's own is left as it was


@pytest.mark.parametrize("kind", ("invoice", "delivery_note"))
def test_the_vat_the_caller_gives_is_shown_at_the_sellers_rate(tmp_path, kind):
    seller = SellerDetails(name="ООО «Ромашка»", tax_id="7701234567", vat_rate=20)
    line = DocumentLine("Стол", "T-1", 1, Decimal("1200.00"), Decimal("1200.00"))
    # 1 200,00 × 20 / 120 = 200,00 of VAT included
    content = document(kind, [line], Decimal("1200.00"), Decimal("200.00"), seller)
    path = tmp_path / f"{kind}.pdf"
    write_document_pdf(content, path)
    text = pdf_text(path)
    assert "Including VAT 20%: 200,00" in text
    assert "Without VAT" not in text
    assert "Одна тысяча двести рублей 00 копеек" in text


def test_a_receipt_without_vat_says_nothing_of_it(tmp_path):
    path = tmp_path / "receipt.pdf"
    write_document_pdf(document("receipt"), path)
    assert "VAT" not in pdf_text(path)


# --- pages -------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_a_long_order_repeats_the_table_header_on_the_next_page(tmp_path, kind):
    lines, total = numbered_lines(60)
    path = tmp_path / f"{kind}.pdf"
    pages = write_document_pdf(document(kind, lines, total), path)
    assert pages > 1
    assert pdf_text(path).count("Page 1 of") == 1
    second = pdf_text(path, page=2)
    assert "No." in second and "Qty" in second and "Price" in second and "Amount" in second
    assert f"Page 2 of {pages}" in second
    # The header comes before the page's first line of goods.
    first_line = re.search(r"Товар \d+", second)
    assert first_line and second.index("Price") < first_line.start()
    every = pdf_text(path)
    assert all(f"Товар {i} " in every + " " for i in range(1, 61))


@pytest.mark.parametrize("kind", KINDS)
def test_the_totals_never_start_a_page_alone(tmp_path, kind):
    """Whatever the number of lines, the last page holds goods as well as the total in words,
    and the table's header above them. The counts cross the first page's end, where the
    totals would not fit under the table: there its last two lines go over with them."""
    path = tmp_path / f"{kind}.pdf"
    carried_over = []
    for count in range(25, 51):
        lines, total = numbered_lines(count)
        pages = write_document_pdf(document(kind, lines, total), path)
        last = pdf_text(path, page=pages)
        assert re.search(r"Товар \d+", last), count
        assert collapse(amount_in_words(total)) in last, count
        assert "Price" in last, count  # the header over the goods on that page
        assert f"Товар {count} " in last + " ", count
        if pages > 1 and f"Товар {count - 2} " not in last:
            assert f"Товар {count - 1} " in last, count
            carried_over.append(count)
    assert carried_over, "no count in the range carries lines over: widen the range"


# --- images, escaping, wrapping --------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_the_logo_and_the_stamp_are_drawn(tmp_path, kind):
    path = tmp_path / f"{kind}.pdf"
    images = DocumentImages(logo=png(400, 120, "RGB"), stamp=png(300, 300))
    write_document_pdf(document(kind), path, images=images)
    assert path.read_bytes().count(b"/Subtype /Image") >= 2
    text = pdf_text(path)
    assert "Stamp" not in text  # the stamp's place is taken by the stamp
    without = tmp_path / f"{kind}-plain.pdf"
    write_document_pdf(document(kind), without)
    assert b"/Subtype /Image" not in without.read_bytes()
    assert "Stamp" in pdf_text(without)


def test_an_unreadable_image_is_left_out(tmp_path):
    path = tmp_path / "invoice.pdf"
    images = DocumentImages(logo=b"not an image", stamp=b"\x89PNG broken")
    assert write_document_pdf(document("invoice"), path, images=images) == 1
    assert THREE_WORDS in pdf_text(path)


@pytest.mark.parametrize("kind", KINDS)
def test_long_names_wrap_inside_the_page(tmp_path, kind):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    name = " ".join(["Очень-длинное-название товара"] * 12)
    lines = [DocumentLine(name, "SKU-1234567890", 3, Decimal("10.00"), Decimal("30.00"))]
    path = tmp_path / f"{kind}.pdf"
    write_document_pdf(document(kind, lines, Decimal("30.00")), path)
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    right_edges = [float(x) for x in re.findall(r'xMax="([\d.]+)"', boxes)]
    left_edges = [float(x) for x in re.findall(r'xMin="([\d.]+)"', boxes)]
    assert right_edges and max(right_edges) <= A4_WIDTH - MARGIN + 1
    assert min(left_edges) >= MARGIN - 1
    assert pdf_text(path).count("Очень-длинное-название") == 12


def test_the_document_info_names_it(tmp_path):
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    path = tmp_path / "invoice.pdf"
    write_document_pdf(document("invoice"), path)
    info = subprocess.run(
        ["pdfinfo", str(path)], capture_output=True, check=True, text=True, encoding="utf-8"
    ).stdout
    assert re.search(r"^Title:\s+Invoice No. 12 of 13.09.2026$", info, re.M)
    assert re.search(r"^Author:\s+ООО «Ромашка»$", info, re.M)
    assert re.search(r"^Page size:\s+595.2\d* x 841.8\d* pts \(A4\)", info, re.M)


# --- written safely ----------------------------------------------------------------------------


def test_a_pdf_is_written_whole_or_not_at_all(tmp_path, monkeypatch):
    missing = tmp_path / "no such folder" / "invoice.pdf"
    with pytest.raises(OSError):
        write_document_pdf(document("invoice"), missing)
    assert not missing.parent.exists()

    path = tmp_path / "invoice.pdf"
    path.write_bytes(b"the old file")

    def broken(content, kit, say):
        raise RuntimeError("layout failed")

    monkeypatch.setitem(LAYOUTS, "invoice", broken)
    with pytest.raises(RuntimeError):
        write_document_pdf(document("invoice"), path)
    assert path.read_bytes() == b"the old file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["invoice.pdf"]  # no partial file


def test_an_xlsx_into_a_missing_folder_raises_and_leaves_nothing(tmp_path):
    missing = tmp_path / "no such folder" / "note.xlsx"
    with pytest.raises(OSError):
        write_delivery_note_xlsx(document("delivery_note"), missing)
    assert not missing.parent.exists()


# --- the delivery note as XLSX -----------------------------------------------------------------


def cells(path: Path) -> list[list]:
    sheet = openpyxl.load_workbook(path).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_the_delivery_note_workbook_has_typed_numbers(tmp_path):
    injected = DocumentLine("=SUM(A1:A9)", "+7-000", 3, Decimal("0.10"), Decimal("0.30"))
    lines = [*THREE_LINES, injected]
    total = THREE_TOTAL + Decimal("0.30")  # 26 322,80
    path = tmp_path / "note.xlsx"
    write_delivery_note_xlsx(document("delivery_note", lines, total, seller=SELLER), path)

    rows = cells(path)
    by_name = {row[1]: row for row in rows if row[1] in {line.product for line in lines}}
    assert set(by_name) == {line.product for line in lines}
    for line in lines:
        _number, _name, sku, unit, quantity, price, amount = by_name[line.product]
        assert sku == line.sku and unit == "pcs"
        assert isinstance(quantity, int) and quantity == line.quantity
        assert isinstance(price, int | float | Decimal) and isinstance(
            amount, int | float | Decimal
        )
        assert Decimal(str(price)) == line.unit_price
        assert Decimal(str(amount)) == line.amount
    assert [by_name[line.product][0] for line in lines] == [1, 2, 3, 4]

    total_row = next(row for row in rows if row[1] == "Total:")
    assert Decimal(str(total_row[-1])) == Decimal("26322.80")
    assert next(row for row in rows if row[1] == "Without VAT")[-1] is None
    texts = [value for row in rows for value in row if isinstance(value, str)]
    assert "Двадцать шесть тысяч триста двадцать два рубля 80 копеек" in texts
    assert "Total units released: 11, items: 4, for the amount of 26 322,80 ₽" in [
        t.replace(NBSP, " ") for t in texts
    ]
    assert "Delivery note No. 12 of 13.09.2026" in texts
    assert "Released (supplier)" in texts and "Received (buyer)" in texts
    assert "Петров И. И." in texts

    sheet = openpyxl.load_workbook(path).active
    price_cell = next(row[5] for row in sheet.iter_rows() if row[1].value == "Чайник электрический")
    assert price_cell.number_format == "#,##0.00"
    # The formula-looking name stays text: no formula in the sheet's XML.
    with zipfile.ZipFile(path) as package:
        sheet_xml = package.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml
    formula_cell = next(row[1] for row in sheet.iter_rows() if row[1].value == "=SUM(A1:A9)")
    assert formula_cell.data_type == "s"


def test_the_workbook_in_english_with_vat(tmp_path):
    seller = SellerDetails(name="Shop", tax_id="7701234567", vat_rate=20)
    line = DocumentLine("Table", "T-1", 1, Decimal("1200.00"), Decimal("1200.00"))
    content = document("delivery_note", [line], Decimal("1200.00"), Decimal("200.00"), seller)
    path = tmp_path / "note.xlsx"
    write_delivery_note_xlsx(content, path, language="en", fmt=ENGLISH)
    rows = cells(path)
    vat_row = next(row for row in rows if row[1] == "Including VAT 20%:")
    assert Decimal(str(vat_row[-1])) == Decimal("200.00")
    texts = [value for row in rows for value in row if isinstance(value, str)]
    assert "One thousand, two hundred roubles 00 kopeks" in texts
    assert "Supplier:" in texts and "Buyer:" in texts


# --- the texts are marked for the translation ------------------------------------------------


def marked_texts() -> set[tuple[str, str]]:
    """Every QT_TRANSLATE_NOOP(context, text) in the modules that write the files."""
    found = set()
    for module in ("pdf", "invoice", "delivery_note", "receipt", "xlsx"):
        source = SOURCES / f"{module}.py"
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP"
                and all(isinstance(arg, ast.Constant) for arg in node.args)
            ):
                found.add((node.args[0].value, node.args[1].value))
    return found


def test_every_text_the_files_say_is_marked_for_the_translation(tmp_path):
    asked = set()

    def translate(context: str, text: str, n: int = -1) -> str:
        asked.add((context, text))
        return text

    lines, total = numbered_lines(60)
    for kind in KINDS:
        for vat in (None, Decimal("10.00")):
            content = document(kind, lines, total, vat)
            write_document_pdf(content, tmp_path / f"{kind}.pdf", translate=translate)
    write_delivery_note_xlsx(document("delivery_note"), tmp_path / "n.xlsx", translate=translate)
    marked = marked_texts()
    assert asked <= marked, asked - marked
    assert {context for context, _text in marked} == {"Documents"}
