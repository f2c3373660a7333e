"""History and undo through the window: Edit → Undo after a drag on the calendar, the Trash,
the History section's list and details, its filters, and the History tabs."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication

from services import history
from services.history import HistoryFilter, RowChange
from services.orders import change_status, get_order, reschedule_shipment
from tests.conftest import TODAY, buy, customer, status_id
from ui.formatting import Formatter
from ui.history.details import Describer
from ui.history.models import ACTION, ROWS, STATE, HistoryModel, TrashModel
from ui.history.refusal import UndoRefusal
from ui.history.view import CHANGES_TAB, TRASH_TAB
from ui.main_window import MainWindow
from ui.widgets.confirm import Confirm

FMT = Formatter(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom), "₽")


def make(qtbot, db, tmp_path) -> MainWindow:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(db, FMT, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def named(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")  # how a date is written inside an action's name


def planned_line(db, order_id: int):
    return next(line for line in get_order(db, order_id).lines)


def drop_on(view, day: dt.date, mime) -> QDropEvent:
    """A drag as Qt delivers it to the calendar grid's viewport: enter, move, drop."""
    pos = view.grid.visualRect(view.month_model.index_of(day)).center()
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0)
    for kind in (QDragEnterEvent, QDragMoveEvent, QDropEvent):
        event = kind(pos, Qt.DropAction.MoveAction, mime, buttons, modifiers)
        QApplication.sendEvent(view.grid.viewport(), event)
    return event


@pytest.fixture
def future_order(db, wallet) -> tuple[int, dt.date]:
    """A paid order whose one line ships a week from the real today (the calendar's today)."""
    ship = dt.date.today() + dt.timedelta(days=7)
    order = buy(db, customer(db, "Игорь", "+79161234567"), wallet, TODAY, "paid", ship=ship)
    return order, ship


def test_a_shipment_dragged_on_the_calendar_comes_back_with_ctrl_z(
    qtbot, db, future_order, tmp_path
):
    order_id, ship = future_order
    target = ship + dt.timedelta(days=2)
    window = make(qtbot, db, tmp_path)
    # nothing this run did yet: plain, greyed Undo (the order was made before the window)
    assert window.undo_action.text() == "Undo" and not window.undo_action.isEnabled()
    calendar = window.calendar
    window.go(window.sections.index(("Calendar", calendar)))
    calendar.show_month(ship, ship)
    calendar.select_day(ship)
    mime = calendar.day_model.mimeData([calendar.day_model.index(0, 0)])
    drop = drop_on(calendar, target, mime)
    assert drop.isAccepted()
    assert planned_line(db, order_id).date == target

    window.edit_menu.aboutToShow.emit()  # the menu says what Ctrl+Z will undo
    text = window.undo_action.text()
    assert text == f"Undo: Order No. {order_id}: move shipment to {named(target)}"
    assert window.undo_action.isEnabled()
    assert window.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)

    window.activateWindow()  # a shortcut reaches the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    calendar.grid.setFocus()
    qtbot.keyClick(calendar.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert planned_line(db, order_id).date == ship  # back on its day
    assert window.statusBar().currentMessage() == text.replace("Undo:", "Undone:")
    # the calendar read again: the day it was dragged to is empty
    assert calendar.month_model.index_of(target).data() == str(target.day)
    # and Redo (Ctrl+Shift+Z, or Ctrl+Y) moves it again
    assert window.redo_action.text() == text.replace("Undo:", "Redo:")
    assert QKeySequence("Ctrl+Y") in window.redo_action.shortcuts()
    qtbot.keyClick(calendar.grid, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert planned_line(db, order_id).date == target
    assert window.undo_action.text() == text


def test_a_deleted_order_comes_back_from_the_trash_with_its_lines(
    qtbot, db, shop, tmp_path, monkeypatch
):
    before = get_order(db, shop.o3)
    lines = sorted((ln.product_id, ln.quantity, ln.unit_price, ln.date) for ln in before.lines)
    assert len(lines) == 2
    monkeypatch.setattr(Confirm, "ask", staticmethod(lambda parent, title, text: True))
    window = make(qtbot, db, tmp_path)
    orders = window.orders
    window.go(window.sections.index(("Orders", orders)))
    row = next(r for r in range(orders.model.rowCount()) if orders.model.order_id(r) == shop.o3)
    orders.grid.setCurrentIndex(orders.model.index(row, 0))
    assert orders.delete_order()
    assert all(orders.model.order_id(r) != shop.o3 for r in range(orders.model.rowCount()))

    section = window.history
    window.go(window.sections.index(("History", section)))
    section.show_trash()
    assert section.tabs.currentIndex() == TRASH_TAB
    assert section.trash_model.rowCount() == 1
    assert section.trash_model.index(0, 0).data() == f"Order No. {shop.o3} deleted"
    assert section.trash_model.index(0, 2).data() == "30"  # days left
    assert not section.restore_button.isEnabled()  # nothing chosen yet
    section.trash_table.selectRow(0)
    assert section.restore_button.isEnabled()
    qtbot.mouseClick(section.restore_button, Qt.MouseButton.LeftButton)

    after = get_order(db, shop.o3)
    assert sorted((ln.product_id, ln.quantity, ln.unit_price, ln.date) for ln in after.lines) == (
        lines
    )
    assert (after.contact_id, after.status_id, after.figures) == (
        before.contact_id,
        before.status_id,
        before.figures,
    )
    assert section.trash_model.rowCount() == 0
    # every section read again: the order is back in the Orders grid
    assert any(orders.model.order_id(r) == shop.o3 for r in range(orders.model.rowCount()))


def test_the_section_lists_changes_and_names_old_and_new_values(
    qtbot, qtmodeltester, db, shop, tmp_path
):
    window = make(qtbot, db, tmp_path)
    shipped = status_id(db, "shipped")
    change_status(db, shop.o3, shipped, today=TODAY)
    window.refresh_all()
    section = window.history
    window.go(window.sections.index(("History", section)))
    assert section.tabs.currentIndex() == CHANGES_TAB
    model = section.changes.model
    qtmodeltester.check(model)
    qtmodeltester.check(section.trash_model)
    assert model.rowCount() == model.total == history.history_count(db, HistoryFilter())
    newest = model.index(0, ACTION).data()
    assert newest == f"Order No. {shop.o3}: status Paid → Shipped"
    assert model.index(0, ROWS).data() == "2"  # the order and its stage
    assert model.index(0, STATE).data() == ""
    section.changes.table.selectRow(0)
    details = section.changes.details.toPlainText()
    assert f"Order No. {shop.o3}: Status Paid → Shipped" in details

    # the text search matches the name, case aside; the kind filter keeps a family
    section.search.setText("SHIPPED")
    section.refresh()
    assert [model.index(r, ACTION).data() for r in range(model.rowCount())] == [newest]
    section.search.clear()
    section.kind.setCurrentIndex(section.kind.findData("payments"))
    assert model.rowCount() == 0
    section.kind.setCurrentIndex(section.kind.findData("orders"))
    assert model.index(0, ACTION).data() == newest

    # "Undo this change" puts the status back; the entry reads Undone
    assert not section.changes.undo_button.isEnabled()  # the filter changed: none chosen
    section.changes.table.selectRow(0)
    assert section.changes.undo_button.isEnabled()
    qtbot.mouseClick(section.changes.undo_button, Qt.MouseButton.LeftButton)
    assert get_order(db, shop.o3).status_id == status_id(db, "paid")
    # still chosen (the undo itself is of the "undo and redo" kind, not listed here)
    assert model.index(0, ACTION).data() == newest and model.index(0, STATE).data() == "Undone"
    assert not section.changes.undo_button.isEnabled()  # undone already
    assert window.redo_action.text() == f"Redo: {newest}"  # the undo is this run's
    section.kind.setCurrentIndex(section.kind.findData("undo"))
    assert model.index(0, ACTION).data() == f"Undo: {newest}"


def test_an_undo_over_a_later_change_is_refused_in_words(
    qtbot, db, future_order, tmp_path, monkeypatch
):
    said = []
    monkeypatch.setattr(UndoRefusal, "show", staticmethod(lambda parent, text: said.append(text)))
    order_id, ship = future_order
    line = planned_line(db, order_id)
    window = make(qtbot, db, tmp_path)
    first, second = ship + dt.timedelta(days=1), ship + dt.timedelta(days=2)
    reschedule_shipment(db, line.id, first)
    reschedule_shipment(db, line.id, second)
    section = window.history
    window.go(window.sections.index(("History", section)))
    model = section.changes.model
    row = next(r for r in range(model.rowCount()) if named(first) in model.index(r, ACTION).data())
    section.changes.table.selectRow(row)
    assert not section.changes.undo_current()
    assert len(said) == 1 and named(second) in said[0]  # the later change is named
    assert planned_line(db, order_id).date == second  # nothing changed


def test_history_tabs_on_the_order_and_the_card(qtbot, qtmodeltester, db, shop, tmp_path):
    from ui.orders.editor import OrderEditor

    change_status(db, shop.o3, status_id(db, "shipped"), today=TODAY)
    editor = OrderEditor(db, FMT, order_id=shop.o3, today=TODAY)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.tabs.isTabEnabled(editor.HISTORY_TAB)
    editor.tabs.setCurrentIndex(editor.HISTORY_TAB)
    model = editor.history.model
    qtmodeltester.check(model)
    names = [model.index(r, ACTION).data() for r in range(model.rowCount())]
    assert names[0] == f"Order No. {shop.o3}: status Paid → Shipped"
    assert all(f"No. {shop.o3}" in name for name in names)  # this order's only
    assert editor.history.undo_button is None  # the editor's form is the way to change it

    window = make(qtbot, db, tmp_path)
    window.show_contact(shop.anna)
    card = window.contacts
    card.tabs.setCurrentWidget(card.history)
    anna = history.history_count(db, HistoryFilter(contact_id=shop.anna))
    assert anna > 0 and card.history.model.rowCount() == anna
    assert card.history.model.history_filter() == HistoryFilter(contact_id=shop.anna)


def test_the_details_say_each_row_in_words():
    describe = Describer(FMT, translate=lambda _context, text: text)
    assert describe.line(RowChange("orders", 5, "i", {}, {})) == "Order No. 5 created"
    assert (
        describe.line(RowChange("shipments", 12, "u", {"quantity": 2}, {"quantity": 3}))
        == "Order line No. 12: Quantity 2 → 3"
    )
    gone = RowChange("contacts", 4, "d", {"name": "Анна", "name_key": "анна", "phone": None}, {})
    assert describe.line(gone) == "Contact #4 deleted (Name: Анна)"
    # a change of what Lavka keeps by itself is no line
    assert describe.line(RowChange("orders", 5, "u", {"updated_at": 1}, {"updated_at": 2})) == ""
    money = RowChange("shipments", 1, "u", {"unit_price": "1000"}, {"unit_price": "900.5"})
    assert describe.line(money) == "Order line No. 1: Unit price 1,000.00\u00a0₽ → 900.50\u00a0₽"


def test_the_models_pass_the_model_tester_empty(qtmodeltester, db):
    empty = HistoryModel(db, FMT)
    qtmodeltester.check(empty)
    empty.set_filter(HistoryFilter())
    qtmodeltester.check(empty)
    trash = TrashModel(FMT)
    qtmodeltester.check(trash)


def test_paging_fetches_more_as_asked(db, wallet, monkeypatch):
    import ui.history.models as models

    monkeypatch.setattr(models, "PAGE_SIZE", 2)
    for name in ("Анна", "Борис", "Вера", "Глеб", "Дина"):
        customer(db, name)
    model = HistoryModel(db, FMT)
    model.set_filter(HistoryFilter(families=frozenset({"contact"})))
    assert (model.rowCount(), model.total) == (2, 5)
    assert model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 5 and not model.canFetchMore()
    assert model.index(0, ACTION).data() == "New contact Дина"  # newest first
    exported = list(model.export_table().rows())
    assert [row[1] for row in exported][-1] == "New contact Анна"


def test_settings_keep_the_details_for_the_months_chosen(qtbot, db):
    from ui.settings_dialog.dialog import SettingsDialog

    dialog = SettingsDialog(db, formatter=FMT)
    qtbot.addWidget(dialog)
    page = dialog.history
    assert page.keep_months.value() == history.KEEP_MONTHS_DEFAULT
    page.keep_months.setValue(0)
    assert page.keep_months.text() == "for ever"
    dialog.save_all()
    assert history.keep_months(db) == 0


def test_the_russian_edit_menu_says_what_it_undoes(qtbot, russian, db, future_order, tmp_path):
    if QCoreApplication.translate("MainWindow", "Undo: %1") == "Undo: %1":
        pytest.skip("the Russian catalogue does not have the Edit menu's undo texts yet")
    order_id, ship = future_order
    window = make(qtbot, db, tmp_path)
    reschedule_shipment(db, planned_line(db, order_id).id, ship + dt.timedelta(days=1))
    window.edit_menu.aboutToShow.emit()
    assert window.undo_action.text().startswith("Отменить: ")
    assert named(ship + dt.timedelta(days=1)) in window.undo_action.text()
