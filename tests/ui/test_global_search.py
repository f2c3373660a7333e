"""Ctrl+K: the global search pops up over the window, lists what it finds under a header per
kind as you type, moves over the hits with Up/Down, and Enter opens the chosen one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtGui import QKeySequence

from services.orders import LineInput, OrderInput, save_order
from services.search import PERSON, search_everything
from tests.conftest import TODAY, status_id
from ui.formatting import Formatter
from ui.main_window import MainWindow
from ui.search.models import DETAIL_ROLE, HEADER_ROLE, SearchResultsModel
from ui.search.popup import GlobalSearch

FMT = Formatter(QLocale(QLocale.Language.Russian, QLocale.Country.Russia), "₽")


@pytest.fixture
def gift(db, shop) -> int:
    """Anna's order with a comment that names her: 2 × Кошелёк Classic at 1 000,00 ₽."""
    data = OrderInput(
        shop.anna,
        "14.06.2026",
        status_id(db, "confirmed"),
        comment="Подарочная упаковка для Соколовой",
        lines=(LineInput(shop.product_a, 2),),
    )
    return save_order(db, data, today=TODAY).id


@pytest.fixture
def window(qtbot, db, shop, tmp_path) -> MainWindow:
    main = MainWindow(db, FMT, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def search(qtbot, window: MainWindow, text: str) -> GlobalSearch:
    """Ctrl+K, then the text typed letter by letter; the hits once the typing has paused."""
    window.search_action.trigger()
    popup = window.global_search
    assert popup is not None and popup.isVisible()
    popup.edit.clear()
    type_in(popup, text)
    qtbot.waitUntil(lambda: not popup.timer.isActive() and popup.model.results.text == text)
    return popup


def type_in(popup: GlobalSearch, text: str) -> None:
    """Letter by letter, as typed (QTest's key clicks know no Cyrillic)."""
    for letter in text:
        popup.edit.insert(letter)


def shown(popup: GlobalSearch) -> list[str]:
    model = popup.model
    rows = []
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        marker = "# " if index.data(HEADER_ROLE) else ""
        rows.append(marker + index.data())
    return rows


def test_ctrl_k_opens_the_search_in_the_edit_menu_and_toolbar(qtbot, window):
    assert window.search_action.shortcut() == QKeySequence("Ctrl+K")
    edit_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    assert window.search_action in edit_menu.actions()
    assert window.search_action in window.section_bar.actions()
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    popup = window.global_search
    assert popup is not None and popup.isVisible()
    assert popup.edit.hasFocus()
    assert not popup.list.isVisible()  # nothing typed: a hint of what can be found
    assert "order's number" in popup.message.text()


def test_a_word_of_an_orders_comment_finds_it_and_enter_opens_its_editor(qtbot, window, shop, gift):
    from ui.orders.editor import OrderEditor

    popup = search(qtbot, window, "подароч")
    assert shown(popup) == ["# Orders", f"No. {gift} · Анна Соколова"]
    detail = popup.model.index(1, 0).data(DETAIL_ROLE)
    assert detail == "14.06.2026 · 2\u00a0000,00\u00a0₽ · Подарочная упаковка для Соколовой"
    assert popup.current_row() == 1  # the first hit is chosen at once
    qtbot.keyClick(popup.edit, Qt.Key.Key_Return)
    assert not popup.isVisible()
    editors = window.findChildren(OrderEditor)
    assert len(editors) == 1 and editors[0].windowTitle() == f"Order No. {gift}"


def test_enter_right_after_typing_searches_first(qtbot, window, gift):
    """A fast typist presses Enter before the pause: the search runs, then opens."""
    from ui.orders.editor import OrderEditor

    window.search_action.trigger()
    popup = window.global_search
    type_in(popup, "упаковк")
    assert popup.timer.isActive()
    qtbot.keyClick(popup.edit, Qt.Key.Key_Enter)
    assert [e.windowTitle() for e in window.findChildren(OrderEditor)] == [f"Order No. {gift}"]


def test_a_contact_opens_on_its_card_and_up_down_skip_the_headers(qtbot, window, shop):
    popup = search(qtbot, window, "игорь")
    assert shown(popup) == ["# People", "Игорь", "Игорь"]
    assert popup.current_row() == 1
    qtbot.keyClick(popup.edit, Qt.Key.Key_Up)  # nothing above the first hit: stays
    assert popup.current_row() == 1
    qtbot.keyClick(popup.edit, Qt.Key.Key_Down)
    assert popup.current_row() == 2
    qtbot.keyClick(popup.edit, Qt.Key.Key_Down)  # the last: stays
    assert popup.current_row() == 2
    second = popup.model.hit(2)
    assert second.kind == PERSON and second.id == shop.igor2
    qtbot.keyClick(popup.edit, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.contacts
    assert window.contacts.current_contact_id() == shop.igor2


def test_a_phone_and_a_product_grouped_apart(qtbot, window, shop):
    popup = search(qtbot, window, "916 123")
    assert shown(popup) == ["# People", "Игорь", "Игорь"]
    assert popup.model.index(1, 0).data(DETAIL_ROLE) == "+7 916 123-45-67"
    popup = search(qtbot, window, "CL-1")
    assert shown(popup) == ["# Products", "Кошелёк Classic"]
    qtbot.keyClick(popup.edit, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.products
    assert window.products.current_product_id() == shop.product_a


def test_up_and_down_cross_the_headers(qtbot, window, shop, gift):
    popup = search(qtbot, window, "соколов")  # Anna's name, and her order's comment
    assert shown(popup) == [
        "# People", "Анна Соколова", "# Orders", f"No. {gift} · Анна Соколова",
    ]  # fmt: skip
    assert popup.current_row() == 1
    qtbot.keyClick(popup.edit, Qt.Key.Key_Down)
    assert popup.current_row() == 3
    qtbot.keyClick(popup.edit, Qt.Key.Key_Up)
    assert popup.current_row() == 1
    qtbot.keyClick(popup.edit, Qt.Key.Key_PageDown)
    assert popup.current_row() == 3


def test_an_order_by_its_number(qtbot, window, shop, gift):
    popup = search(qtbot, window, f"№ {shop.o5}")
    assert shown(popup) == ["# Orders", f"No. {shop.o5} · Анна Соколова"]


def test_nothing_found_says_so_and_esc_closes(qtbot, window, shop):
    popup = search(qtbot, window, "Тверь")
    assert popup.model.rowCount() == 0
    assert not popup.list.isVisible()
    assert popup.message.text() == "Nothing found for “Тверь”"
    qtbot.keyClick(popup.edit, Qt.Key.Key_Return)  # nothing to open: stays
    assert popup.isVisible()
    qtbot.keyClick(popup.edit, Qt.Key.Key_Escape)
    assert not popup.isVisible()
    # opened again: the last text chosen, searched again
    window.search_action.trigger()
    assert popup.isVisible() and popup.edit.selectedText() == "Тверь"


def test_the_results_model(qtmodeltester, db, shop, gift):
    model = SearchResultsModel(FMT)
    qtmodeltester.check(model)
    model.set_results(search_everything(db, "Игорь"))
    qtmodeltester.check(model)
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsSelectable  # the header
    assert model.flags(model.index(1, 0)) & Qt.ItemFlag.ItemIsSelectable
    assert model.step(0, 1) == 1 and model.step(1, -1) is None and model.step(2, 1) is None
    model.set_results(search_everything(db, str(gift)))
    qtmodeltester.check(model)
