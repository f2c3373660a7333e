"""`app.py document invoice|delivery-note|receipt ORDER --out FILE`, run as Ivan runs it: the
demo business's seller, a shop's order, the PDF read back with pdftotext."""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from services.documents.words import amount_in_words
from tests.test_cli_russian import lavka_ru

DEMO_SELLER_INN = "500100732259"  # services/demo.py SELLER


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("documents")
    db = folder / "lavka.sqlite3"
    result = lavka_ru(folder, "demo", "--db", str(db))
    assert result.returncode == 0, result.stderr
    return db


def _shop_order(db: Path) -> tuple[int, str, list[str], Decimal]:
    """A company's order with lines: its number, the buyer's legal name, the products and the
    sum of quantity × price, added up here from the rows in kopecks."""
    with sqlite3.connect(db) as connection:
        order_id, buyer = connection.execute(
            "SELECT o.id, coalesce(c.legal_name, c.name) FROM orders o "
            "JOIN contacts c ON c.id = o.contact_id "
            "WHERE c.kind = 'company' AND o.line_count >= 2 ORDER BY o.id LIMIT 1"
        ).fetchone()
        rows = connection.execute(
            "SELECT p.name, s.quantity, s.unit_price FROM shipments s "
            "JOIN products p ON p.id = s.product_id WHERE s.order_id = ?",
            (order_id,),
        ).fetchall()
    kopecks = sum(quantity * price for _name, quantity, price in rows)
    return order_id, buyer, [name for name, _q, _p in rows], Decimal(kopecks) / 100


def _text(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    raw = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    return re.sub(r"\s+", " ", raw.replace("\u00a0", " "))


def test_an_invoice_in_russian_names_the_buyer_the_seller_and_the_total_in_words(demo, tmp_path):
    order_id, buyer, products, total = _shop_order(demo)
    pdf = tmp_path / "invoice.pdf"
    args = ("document", "invoice", str(order_id), "--out", str(pdf), "--db", str(demo))
    result = lavka_ru(tmp_path, *args, "--lang", "ru")
    assert result.returncode == 0, result.stderr
    number = re.search(r"№ (\d+)", result.stdout)
    assert number, result.stdout
    assert f"заказу {order_id}" in result.stdout or str(order_id) in result.stdout
    assert pdf.read_bytes().startswith(b"%PDF")
    text = _text(pdf)
    assert buyer in text
    assert DEMO_SELLER_INN in text
    for product in products:
        assert product in text
    assert amount_in_words(total, "ru", "RUB") in text
    # Printed again: the same number, not a new one.
    again = lavka_ru(tmp_path, *args)
    assert re.search(r"№ (\d+)", again.stdout).group(1) == number.group(1)


def test_a_delivery_note_as_xlsx_and_a_receipt_in_english(demo, tmp_path):
    order_id, _buyer, products, total = _shop_order(demo)
    xlsx = tmp_path / "note.xlsx"
    result = lavka_ru(
        tmp_path, "document", "delivery-note", str(order_id), "--out", str(xlsx), "--db", str(demo)
    )
    assert result.returncode == 0, result.stderr
    cells = [
        cell
        for row in openpyxl.load_workbook(xlsx).active.iter_rows(values_only=True)
        for cell in row
        if cell is not None
    ]
    assert all(product in cells for product in products)
    assert amount_in_words(total, "ru", "RUB") in cells
    pdf = tmp_path / "receipt.pdf"
    result = lavka_ru(
        tmp_path, "document", "receipt", str(order_id), "--out", str(pdf), "--lang", "en",
        "--db", str(demo),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = _text(pdf)
    assert "Sales receipt" in text and "Товарный чек" not in text
    assert amount_in_words(total, "en", "RUB") in text


def test_an_order_without_lines_is_refused_with_the_reason(demo, tmp_path):
    with sqlite3.connect(demo) as connection:
        (empty,) = connection.execute(
            "SELECT id FROM orders WHERE line_count = 0 ORDER BY id LIMIT 1"
        ).fetchone()
    pdf = tmp_path / "none.pdf"
    result = lavka_ru(
        tmp_path, "document", "invoice", str(empty), "--out", str(pdf), "--db", str(demo)
    )
    assert result.returncode == 1
    assert f"№ {empty}" in result.stderr and "нет строк" in result.stderr
    assert not pdf.exists()
