"""Documents from an order in the window: the "Documents ▾" menu in the grid, the card and the
editor; the document's dialog (open, save as, print, a new version); the order's list."""

from __future__ import annotations

import zipfile
from decimal import Decimal as D
from pathlib import Path

import pypdfium2
import pytest
from PySide6.QtCore import QLocale, QModelIndex, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QToolBar, QToolButton

from services.documents.issue import issue_document
from services.documents.seller import save_seller
from services.orders import LineInput, OrderInput, get_order, save_order
from services.products import ProductInput, create_product
from tests.conftest import TODAY, status_id
from tests.test_documents import SELLER
from ui.contacts.view import ContactsView
from ui.documents import dialog as dialog_module
from ui.documents.dialog import LAST_FOLDER, DocumentDialog, Viewer
from ui.documents.menu import DocumentRefused, DocumentsMenu, SellerSettings
from ui.documents.order_list import STATE
from ui.documents.printing import PrintChoice
from ui.documents.render import write_pdf
from ui.formatting import Formatter
from ui.orders.editor import OrderEditor
from ui.orders.questions import SaveFirst
from ui.orders.view import OrdersView
from ui.settings import user_settings

FMT = Formatter(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), "₽")
# The shop's O1 (tests/conftest.py): 3 × 1000.00 + 2 × 250.50 = 3501.00


@pytest.fixture
def seller(db):
    save_seller(db, SELLER)


@pytest.fixture
def shown(monkeypatch):
    """The documents the dialog was shown with (its exec replaced)."""
    documents = []

    def show_for(cls, database, formatter, issued, parent=None, **_kwargs):
        documents.append(issued)
        return issued

    monkeypatch.setattr(DocumentDialog, "show_for", classmethod(show_for))
    return documents


@pytest.fixture
def refused(monkeypatch):
    """The refusals said (their text, and whether Settings was offered)."""
    said = []

    def show(parent, text, settings=False):
        said.append((text, settings))
        return False

    monkeypatch.setattr(DocumentRefused, "show", staticmethod(show))
    return said


@pytest.fixture
def grid(qtbot, db, shop):
    view = OrdersView(db, FMT)
    view.today = lambda: TODAY
    qtbot.addWidget(view)
    return view


def choose_order(view: OrdersView, order_id: int) -> None:
    row = next(r for r in range(view.model.rowCount()) if view.model.order_id(r) == order_id)
    view.grid.setCurrentIndex(view.model.index(row, 0))


def menu_of(context_menu) -> DocumentsMenu:
    return next(a.menu() for a in context_menu.actions() if isinstance(a.menu(), DocumentsMenu))


def choose(menu: DocumentsMenu, kind: str) -> None:
    """A person opening the menu and clicking the kind."""
    menu.aboutToShow.emit()
    assert menu.kind_actions[kind].isEnabled()
    menu.kind_actions[kind].trigger()


def with_quantity(db, order_id: int, quantity: int) -> None:
    """The order saved again with its first line's quantity changed."""
    view = get_order(db, order_id, TODAY)
    lines = tuple(
        LineInput(
            line.product_id,
            quantity if n == 0 else line.quantity,
            str(line.unit_price),
            str(line.unit_cost),
            line.date,
            line.id,
        )
        for n, line in enumerate(view.lines)
    )
    data = OrderInput(view.contact_id, view.date, view.status_id, lines=lines)
    save_order(db, data, order_id, TODAY)


def test_the_grid_issues_an_invoice_keeps_its_number_and_offers_a_new_version(
    qtbot, qtmodeltester, db, shop, seller, grid, shown
):
    choose_order(grid, shop.o1)
    menu = menu_of(grid.context_menu())
    assert [a.text() for a in menu.actions()][:3] == [
        "Invoice…",
        "Delivery note…",
        "Sales receipt…",
    ]
    choose(menu, "invoice")
    first = shown[-1]
    assert first.record.number == 1 and first.new and not first.record.stale
    assert first.content.total == D("3501.00")  # 3 × 1000.00 + 2 × 250.50
    assert first.content.date == TODAY

    choose(menu, "invoice")  # asked again: the same document, not a new number
    assert shown[-1].record.number == 1 and not shown[-1].new
    menu.aboutToShow.emit()  # the order's documents are listed under the kinds
    assert "Invoice No. 1 of 6/15/26" in [a.text() for a in menu.actions()]

    with_quantity(db, shop.o1, 4)  # 4 × 1000.00 + 501.00 = 4501.00
    choose(menu, "invoice")
    stale = shown[-1]
    assert stale.record.number == 1 and stale.record.stale
    assert stale.content.total == D("3501.00")  # as issued

    dialog = DocumentDialog(db, FMT, stale, today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Invoice No. 1 of 15 June 2026"
    assert not dialog.stale.isHidden()
    assert dialog.stale.text() == "The order has changed since this invoice was issued."
    assert dialog.total.text() == FMT.money(D("3501.00"))
    qtbot.mouseClick(dialog.new_version_button, Qt.MouseButton.LeftButton)
    assert dialog.issued.record.number == 2 and dialog.issued.content.total == D("4501.00")
    assert dialog.windowTitle() == "Invoice No. 2 of 15 June 2026"
    assert dialog.stale.isHidden() and dialog.new_version_button.isHidden()

    editor = OrderEditor(db, FMT, shop.o1, today=TODAY)
    qtbot.addWidget(editor)
    model = editor.document_list.model
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert [model.record(r).number for r in range(2)] == [2, 1]
    assert model.data(model.index(0, STATE)) == "Current"
    assert model.data(model.index(1, STATE)) == "Replaced by a newer version"
    assert editor.stale_notice.isHidden()  # the newest invoice is as the order is


def test_the_editor_warns_when_the_order_outgrew_its_invoice(qtbot, db, shop, seller, shown):
    issue_document(db, shop.o1, "invoice", TODAY)
    with_quantity(db, shop.o1, 5)
    editor = OrderEditor(db, FMT, shop.o1, today=TODAY)
    qtbot.addWidget(editor)
    assert editor.tabs.isTabEnabled(editor.DOCUMENTS_TAB)
    assert not editor.stale_notice.isHidden()
    label, button = editor.stale_notice.rows[0]
    assert label.text() == "The order changed after invoice No. 1 was issued."
    model = editor.document_list.model
    assert model.data(model.index(0, STATE)) == "Order changed since"

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert shown[-1].record.number == 2 and shown[-1].content.total == D("5501.00")
    assert model.rowCount() == 2  # the list read again
    assert editor.stale_notice.isHidden()

    opened = []
    editor.documents.show = lambda issued: opened.append(issued) or issued
    editor.document_list.table.setCurrentIndex(model.index(1, 0))
    editor.document_list.open_button.click()  # the old one, as it was issued
    assert opened[-1].record.number == 1 and opened[-1].content.total == D("3501.00")


def test_an_unsaved_order_is_saved_first_and_the_editor_stays_open(
    qtbot, monkeypatch, db, shop, seller, shown
):
    editor = OrderEditor(db, FMT, contact_id=shop.anna, today=TODAY)
    qtbot.addWidget(editor)
    editor.lines.setData(editor.lines.index(0, 1), shop.product_b, Qt.ItemDataRole.EditRole)
    assert not editor.tabs.isTabEnabled(editor.DOCUMENTS_TAB)
    monkeypatch.setattr(SaveFirst, "ask", staticmethod(lambda parent: False))
    editor.documents_menu.aboutToShow.emit()
    editor.documents_menu.kind_actions["receipt"].trigger()
    assert shown == [] and editor.order_id() is None  # not saved: no document

    monkeypatch.setattr(SaveFirst, "ask", staticmethod(lambda parent: True))
    editor.documents_menu.kind_actions["receipt"].trigger()
    invoice = editor.documents_menu.kind_actions["invoice"]  # Ctrl+P in the editor
    assert invoice.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    assert invoice in editor.actions()
    order_id = editor.order_id()
    assert order_id is not None and not editor.is_dirty()
    assert shown[-1].record.order_id == order_id and shown[-1].record.number == 1
    assert shown[-1].content.total == D("500.00")  # one Mini at its price
    assert editor.windowTitle() == f"Order No. {order_id}"
    assert editor.tabs.isTabEnabled(editor.DOCUMENTS_TAB)
    assert editor.document_list.model.rowCount() == 1
    assert editor.lines.rowCount() == 1  # saved once: a second save keeps one line
    assert len(get_order(db, order_id, TODAY).lines) == 1


def test_save_as_writes_a_pdf_and_the_delivery_notes_workbook(
    qtbot, monkeypatch, tmp_path, db, shop, seller
):
    asked = []

    def save_file(parent, title, start, filters, chosen):
        asked.append((start, filters))
        return answers.pop(0)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_file))
    invoice = DocumentDialog(db, FMT, issue_document(db, shop.o1, "invoice", TODAY))
    qtbot.addWidget(invoice)
    invoice.language.setCurrentIndex(invoice.language.findData("en"))
    answers = [(str(tmp_path / "out" / "счёт"), "PDF document (*.pdf)")]
    (tmp_path / "out").mkdir()
    path = invoice.save_as()
    assert path == tmp_path / "out" / "счёт.pdf"
    assert path.read_bytes().startswith(b"%PDF")
    start, filters = asked[-1]
    assert Path(start).name == "Invoice 1 2026-06-15.pdf"
    assert "xlsx" not in filters  # an invoice is a PDF only
    assert LAST_FOLDER.get(user_settings()) == str(tmp_path / "out")

    note = DocumentDialog(db, FMT, issue_document(db, shop.o1, "delivery_note", TODAY))
    qtbot.addWidget(note)
    note.language.setCurrentIndex(note.language.findData("en"))
    answers = [(str(tmp_path / "out" / "note"), "Excel workbook (*.xlsx)")]
    path = note.save_as()
    assert path == tmp_path / "out" / "note.xlsx" and zipfile.is_zipfile(path)
    start, filters = asked[-1]
    assert Path(start).parent == tmp_path / "out"  # the folder remembered
    assert "*.xlsx" in filters
    answers = [(str(tmp_path / "out" / "note.pdf"), "Excel workbook (*.xlsx)")]
    assert note.save_as().read_bytes().startswith(b"%PDF")  # the suffix typed wins

    answers = [("", "")]
    assert note.save_as() is None  # cancelled


def test_open_writes_the_pdf_to_the_cache_and_shows_it(
    qtbot, monkeypatch, tmp_path, db, shop, seller
):
    viewed = []
    monkeypatch.setattr(dialog_module, "cache_folder", lambda: tmp_path / "cache")
    monkeypatch.setattr(Viewer, "show", staticmethod(lambda path: viewed.append(path) or True))
    dialog = DocumentDialog(db, FMT, issue_document(db, shop.o1, "receipt", TODAY))
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert viewed == [tmp_path / "cache" / "Sales receipt 1 2026-06-15.pdf"]
    assert viewed[0].read_bytes().startswith(b"%PDF")
    assert dialog.error.isHidden()


def many_lines_order(db, shop) -> int:
    """An order long enough to take more than one page."""
    products = [
        create_product(db, ProductInput(f"Кошелёк модель {n}", f"W-{n}", "1000", "600")).id
        for n in range(60)
    ]
    lines = tuple(LineInput(product, 1) for product in products)
    data = OrderInput(shop.anna, TODAY, status_id(db, "confirmed"), lines=lines)
    return save_order(db, data, today=TODAY).id


def pages_of(path: Path) -> int:
    with pypdfium2.PdfDocument(str(path)) as pdf:
        return len(pdf)


def test_print_draws_every_page_of_the_document(qtbot, monkeypatch, tmp_path, db, shop, seller):
    issued = issue_document(db, many_lines_order(db, shop), "delivery_note", TODAY)
    pages = write_pdf(issued.content, issued.images, tmp_path / "note.pdf", "en")
    assert pages >= 2 and pages_of(tmp_path / "note.pdf") == pages
    chosen: dict = {}

    def ask(printer: QPrinter, parent, count):
        assert count == pages
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / chosen["name"]))
        if chosen.get("range"):
            printer.setPrintRange(QPrinter.PrintRange.PageRange)
            printer.setFromTo(*chosen["range"])
        return True

    monkeypatch.setattr(PrintChoice, "ask", staticmethod(ask))
    dialog = DocumentDialog(db, FMT, issued)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    chosen.update(name="printed.pdf")
    assert dialog.print_document() == pages
    assert pages_of(tmp_path / "printed.pdf") == pages
    chosen.update(name="second.pdf", range=(2, 2))  # "Pages from 2 to 2"
    assert dialog.print_document() == 1
    assert pages_of(tmp_path / "second.pdf") == 1

    monkeypatch.setattr(PrintChoice, "ask", staticmethod(lambda *args: False))
    assert dialog.print_document() == 0  # cancelled: nothing printed


def test_an_order_without_lines_is_refused_with_the_reason(
    qtbot, db, shop, seller, grid, shown, refused
):
    lead = save_order(
        db,
        OrderInput(shop.anna, TODAY, status_id(db, "new"), expected_amount="5000"),
        today=TODAY,
    ).id
    grid.model.reload()
    choose_order(grid, lead)
    choose(menu_of(grid.context_menu()), "invoice")
    assert refused == [
        (f"Order No. {lead} has no lines: a document lists what is sold, add it first.", False)
    ]
    assert shown == []  # no dialog


def test_no_seller_offers_the_settings_and_tries_again(qtbot, monkeypatch, db, shop, grid, shown):
    offered = []

    def show(parent, text, settings=False):
        offered.append((text, settings))
        return True  # "Open Settings…"

    def enter_seller(database, parent, formatter):
        save_seller(database, SELLER)
        return True

    monkeypatch.setattr(DocumentRefused, "show", staticmethod(show))
    monkeypatch.setattr(SellerSettings, "ask", staticmethod(enter_seller))
    choose_order(grid, shop.o6)
    choose(menu_of(grid.context_menu()), "receipt")
    assert offered == [
        ("Enter the seller's name in Settings → Business before making documents.", True)
    ]
    assert shown[-1].record.number == 1 and shown[-1].content.seller.name == SELLER.name


def test_the_card_and_the_toolbar_carry_the_same_menu(qtbot, db, shop, seller, grid, shown):
    bar = QToolBar()
    qtbot.addWidget(bar)
    grid.grid.setCurrentIndex(QModelIndex())
    bar.addActions(grid.section_actions())  # as the window does when the section is shown
    assert not bar.widgetForAction(grid.documents_action).isEnabled()  # no order chosen
    choose_order(grid, shop.o5)
    button = bar.widgetForAction(grid.documents_action)
    assert isinstance(button, QToolButton) and button.isEnabled()
    assert button.popupMode() == QToolButton.ToolButtonPopupMode.InstantPopup
    assert button.menu() is grid.documents_menu
    grid.grid.setCurrentIndex(QModelIndex())  # no order chosen: nothing to make
    assert not button.isEnabled()
    choose_order(grid, shop.o5)

    card = ContactsView(db, FMT)
    card._today = TODAY
    qtbot.addWidget(card)
    card.select_contact(shop.anna)
    model = card.orders_model
    card.orders_view.setCurrentIndex(model.index(model.row_of(shop.o5), 0))
    choose(menu_of(card.orders_menu()), "delivery_note")
    assert shown[-1].record.order_id == shop.o5 and shown[-1].record.kind == "delivery_note"
    assert shown[-1].content.total == D("2000.00")  # 4 × 500.00


def test_the_menu_and_the_file_names_in_russian(qtbot, russian, db, shop, seller, grid):
    menu = menu_of(grid.context_menu())
    assert [a.text() for a in menu.actions()][:3] == [
        "Счёт на оплату…",
        "Товарная накладная…",
        "Товарный чек…",
    ]
    issued = issue_document(db, shop.o1, "invoice", TODAY)
    assert dialog_module.document_file_name(issued, "ru") == "Счёт 1 от 2026-06-15"
    dialog = DocumentDialog(db, FMT, issued)
    qtbot.addWidget(dialog)
    assert dialog.open_button.text() == "Открыть"
