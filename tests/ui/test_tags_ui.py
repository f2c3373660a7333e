"""Tags in the window: the card's editor, the filter, the orders grid's column and filter,
Settings → Tags, and chips drawn in the tag's colour."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout

from services.tags import (
    PALETTE,
    TagView,
    create_tag,
    delete_tag,
    list_tags,
    set_contact_tags,
)
from services.uow import UnitOfWork
from tests.conftest import TODAY
from ui.formatting import Formatter
from ui.orders.columns import TAGS
from ui.orders.models import OrdersTableModel
from ui.orders.view import OrdersView
from ui.settings_dialog import tags as tags_page
from ui.settings_dialog.dialog import SettingsDialog
from ui.settings_dialog.tags import COLOUR, COUNT, NAME, TagsPage
from ui.tags import TAGS_ROLE, TagChips, TagEditor, TagFilter, text_colour
from ui.tags.chips import chip_font, cross_rect

FMT = Formatter(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), "₽")


def put_tags(db, contact_id: int, *tag_ids: int) -> None:
    with UnitOfWork(db) as uow:
        set_contact_tags(uow.session, contact_id, tag_ids)
        uow.commit()


@pytest.fixture
def tagged(db, shop):
    """VIP (blue): Igor1; опт (green): Igor2 and Anna; Тверь: nobody."""
    vip = create_tag(db, "VIP", "#1976d2")
    opt = create_tag(db, "опт", "#388e3c")
    tver = create_tag(db, "Тверь", "#fbc02d")
    put_tags(db, shop.igor1, vip.id)
    put_tags(db, shop.igor2, opt.id)
    put_tags(db, shop.anna, opt.id)
    return {"vip": vip, "opt": opt, "tver": tver}


# --- the card's editor ----------------------------------------------------------------------
def test_the_editor_adds_an_existing_tag_by_any_case_and_keeps_a_new_name_for_the_save(
    qtbot, db, tagged
):
    editor = TagEditor(db)
    qtbot.addWidget(editor)
    editor.set_tags([tagged["vip"]])
    assert editor.tag_ids() == [tagged["vip"].id] and editor.new_names() == []
    with qtbot.waitSignal(editor.changed):
        editor.field.setText("ОПТ")
        editor.field.returnPressed.emit()
    assert editor.tag_ids() == [tagged["vip"].id, tagged["opt"].id]
    assert editor.field.text() == ""
    editor.field.setText("  Новые  клиенты ")
    editor.field.returnPressed.emit()
    assert editor.new_names() == ["Новые клиенты"]
    editor.field.setText("новые КЛИЕНТЫ")  # once
    editor.field.returnPressed.emit()
    editor.field.setText("vip")  # already on
    editor.field.returnPressed.emit()
    assert editor.new_names() == ["Новые клиенты"]
    chips = editor.chips.chips()
    assert [(c.name, c.new) for c in chips] == [
        ("VIP", False),
        ("опт", False),
        ("Новые клиенты", True),
    ]
    assert chips[2].colour == PALETTE[3]  # three tags exist: the fourth colour, as when saved
    # the completer offers the tags not on yet
    offered = editor.completer.model()
    assert [offered.index(r, 0).data() for r in range(offered.rowCount())] == ["Тверь"]


def test_the_editor_removes_a_tag_by_its_cross_and_by_backspace(qtbot, db, tagged):
    editor = TagEditor(db)
    qtbot.addWidget(editor)
    editor.resize(500, 60)
    editor.show()
    qtbot.waitExposed(editor)
    editor.set_tags([tagged["vip"], tagged["opt"]])
    editor.add_name("Новая")
    rects = editor.chips.chip_rects()
    cross = cross_rect(QFontMetrics(chip_font(editor.chips.font())), rects[0])
    with qtbot.waitSignal(editor.changed):
        qtbot.mouseClick(editor.chips, Qt.MouseButton.LeftButton, pos=cross.center())
    assert editor.tag_ids() == [tagged["opt"].id]
    assert editor.new_names() == ["Новая"]
    # a click on a chip's name does not remove it
    name = editor.chips.chip_rects()[0].topLeft() + QPoint(3, 3)
    qtbot.mouseClick(editor.chips, Qt.MouseButton.LeftButton, pos=name)
    assert editor.tag_ids() == [tagged["opt"].id]
    editor.field.setFocus()
    qtbot.keyClick(editor.field, Qt.Key.Key_Backspace)
    assert editor.new_names() == []
    qtbot.keyClick(editor.field, Qt.Key.Key_Backspace)
    assert editor.tag_ids() == []
    assert editor.chips.chips() == []


def test_enter_in_the_field_adds_the_tag_and_does_not_press_the_dialogs_button(qtbot, db, tagged):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    editor = TagEditor(db, dialog)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, dialog)
    buttons.accepted.connect(dialog.accept)
    layout = QVBoxLayout(dialog)
    layout.addWidget(editor)
    layout.addWidget(buttons)
    dialog.show()
    qtbot.waitExposed(dialog)
    editor.field.setFocus()
    editor.field.setText("Тверь")  # QTest types ASCII only
    qtbot.keyClick(editor.field, Qt.Key.Key_Return)
    assert editor.tag_ids() == [tagged["tver"].id]
    assert dialog.isVisible() and dialog.result() == 0


def test_set_tags_forgets_what_was_not_saved(qtbot, db, tagged):
    editor = TagEditor(db)
    qtbot.addWidget(editor)
    editor.add_name("черновик")
    editor.set_tags([tagged["tver"]])
    assert editor.new_names() == [] and editor.tags() == [tagged["tver"]]


# --- the filter -----------------------------------------------------------------------------
def test_the_filter_emits_the_ticked_tags_and_all_tags_clears_them(qtbot, db, tagged):
    chooser = TagFilter(db)
    qtbot.addWidget(chooser)
    actions = {a.text(): a for a in chooser.tag_actions()}
    assert list(actions) == ["VIP", "опт", "Тверь"]  # by name
    assert chooser.text() == "All tags" and chooser.all_action.isChecked()
    with qtbot.waitSignal(chooser.changed) as said:
        actions["опт"].trigger()
    assert said.args == [[tagged["opt"].id]]
    assert chooser.text() == "опт" and not chooser.all_action.isChecked()
    with qtbot.waitSignal(chooser.changed) as said:
        actions["VIP"].trigger()
    assert sorted(said.args[0]) == sorted([tagged["vip"].id, tagged["opt"].id])
    assert chooser.text() == "2 tag(s)"
    with qtbot.waitSignal(chooser.changed) as said:
        chooser.all_action.trigger()
    assert said.args == [[]]
    assert not any(a.isChecked() for a in chooser.tag_actions())
    assert chooser.all_action.isChecked()


def test_the_filter_drops_a_deleted_tag_on_reload(qtbot, db, tagged):
    chooser = TagFilter(db)
    qtbot.addWidget(chooser)
    chooser.set_selected([tagged["vip"].id, tagged["opt"].id])
    delete_tag(db, tagged["vip"].id)
    with qtbot.waitSignal(chooser.changed) as said:
        assert chooser.reload()
    assert said.args == [[tagged["opt"].id]]
    assert [a.text() for a in chooser.tag_actions()] == [t.name for t in list_tags(db)]


# --- the orders grid ------------------------------------------------------------------------
@pytest.fixture
def orders(qtbot, db, tagged):
    widget = OrdersView(db, FMT)
    widget.today = lambda: TODAY
    qtbot.addWidget(widget)
    return widget


def test_the_orders_grid_filtered_by_a_tag_shows_only_its_customers_orders(orders, shop, tagged):
    assert orders.model.rowCount() == 6
    opt = next(a for a in orders.tag_filter.tag_actions() if a.text() == "опт")
    opt.trigger()
    ids = {orders.model.order_id(row) for row in range(orders.model.rowCount())}
    assert ids == {shop.o2, shop.o3, shop.o4, shop.o5, shop.o6}
    assert orders.status_line.text() == "5 order(s)"
    assert orders.current_filter().tag_ids == (tagged["opt"].id,)
    # grouped by contact, the same filter holds
    orders.group_by.setCurrentIndex(orders.group_by.findData("contact"))
    assert {orders.groups.group(r).key for r in range(orders.groups.rowCount())} == {
        str(shop.igor2),
        str(shop.anna),
    }


def test_the_tags_column_shows_chips_and_exports_the_names(qtbot, orders, shop, tagged):
    model = orders.model
    header = orders.grid.horizontalHeader()
    assert header.isSectionHidden(TAGS)  # chosen from the header's menu, like Cost
    assert model.headerData(TAGS, Qt.Orientation.Horizontal) == "Tags"
    orders.show_column(TAGS)
    row = next(r for r in range(model.rowCount()) if model.order_id(r) == shop.o1)
    index = model.index(row, TAGS)
    assert [t.name for t in index.data(TAGS_ROLE)] == ["VIP"]
    assert index.data() == "VIP"
    table = orders.export_table()
    assert table.columns[-1].header == "Tags"
    exported = {values[0]: values[-1] for values in table.rows()}
    assert exported[shop.o1] == "VIP" and exported[shop.o5] == "опт"
    # the chip is drawn in the tag's colour
    orders.resize(1600, 500)
    orders.show()
    qtbot.waitExposed(orders)
    orders.grid.scrollTo(index)
    rect = orders.grid.visualRect(index)
    image = orders.grid.viewport().grab().toImage()
    colours = {
        image.pixelColor(x, rect.center().y()).name()
        for x in range(rect.left() + 4, min(rect.right(), rect.left() + 30))
    }
    assert "#1976d2" in colours


def test_a_click_on_the_tags_header_leaves_the_sort_as_it_was(orders):
    header = orders.grid.horizontalHeader()
    orders.show_column(TAGS)
    before = orders.model.sort_key
    header.setSortIndicator(TAGS, Qt.SortOrder.AscendingOrder)
    assert orders.model.sort_key == before
    assert header.sortIndicatorSection() != TAGS


def test_the_orders_model_with_tags_passes_the_model_tester(qtmodeltester, db, tagged):
    model = OrdersTableModel(db, FMT, today=lambda: TODAY)
    assert any(model.index(r, TAGS).data(TAGS_ROLE) for r in range(model.rowCount()))
    qtmodeltester.check(model)


# --- chips ----------------------------------------------------------------------------------
def test_chip_text_is_black_or_white_whichever_reads_better():
    assert text_colour(QColor("#fbc02d")).name() == "#000000"  # yellow
    assert text_colour(QColor("#1976d2")).name() == "#ffffff"  # blue
    assert text_colour(QColor("#ffffff")).name() == "#000000"
    assert text_colour(QColor("#000000")).name() == "#ffffff"


def test_chips_wrap_to_the_width(qtbot):
    chips = TagChips()
    qtbot.addWidget(chips)
    tags = [TagView(n, f"Метка номер {n}", PALETTE[n]) for n in range(6)]
    chips.set_tags(tags)
    one_row = chips.heightForWidth(5000)
    assert chips.heightForWidth(150) > 2 * one_row


# --- Settings → Tags ------------------------------------------------------------------------
@pytest.fixture
def page(qtbot, db, tagged):
    widget = TagsPage(db, FMT)
    qtbot.addWidget(widget)
    widget.load()
    return widget


def rows(page) -> list[tuple[str, str, str]]:
    return [
        (page.item(r).text(NAME), page.item(r).text(COLOUR), page.item(r).text(COUNT))
        for r in range(page.count())
    ]


def test_the_page_lists_each_tag_with_its_colour_and_count(page):
    assert rows(page) == [
        ("VIP", "#1976d2", "1"),
        ("опт", "#388e3c", "2"),
        ("Тверь", "#fbc02d", "0"),
    ]


def test_the_page_adds_renames_recolours_and_saves_on_ok(page, db, monkeypatch):
    item = page.add()
    item.setText(NAME, "Новые")
    page.list.setCurrentItem(page.item(0))
    page.item(0).setText(NAME, "Важные")
    monkeypatch.setattr(tags_page.ColourDialog, "ask", lambda parent, colour, name: "#000000")
    assert page.choose_colour()
    assert [t.name for t in list_tags(db)] == ["VIP", "опт", "Тверь"]  # nothing until OK
    page.save()
    saved = {t.name: (t.colour, t.contact_count) for t in list_tags(db)}
    assert saved == {
        "Важные": ("#000000", 1),
        "опт": ("#388e3c", 2),
        "Тверь": ("#fbc02d", 0),
        "Новые": (PALETTE[3], 0),
    }


def test_delete_asks_naming_how_many_contacts_carry_the_tag(page, db, monkeypatch):
    asked = []

    def answer(parent, name, count):
        asked.append((name, count))
        return len(asked) > 1  # no the first time, yes the second

    monkeypatch.setattr(tags_page.ConfirmDelete, "ask", answer)
    page.list.setCurrentItem(page.item(1))
    assert not page.delete()
    assert page.count() == 3
    assert page.delete()
    assert asked == [("опт", 2), ("опт", 2)]
    assert [page.item(r).text(NAME) for r in range(page.count())] == ["VIP", "Тверь"]
    page.save()
    assert [(t.name, t.contact_count) for t in list_tags(db)] == [("VIP", 1), ("Тверь", 0)]


def test_the_settings_dialog_refuses_a_taken_name_on_its_row_and_stays_open(qtbot, db, tagged):
    dialog = SettingsDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    page = dialog.tags
    item = page.add()
    item.setText(NAME, "vip")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and dialog.tabs.currentWidget() is page
    assert page.errors.text() == "Row 4: Tag 'VIP' already exists."
    assert page.list.currentItem() is item
    assert [t.name for t in list_tags(db)] == ["VIP", "опт", "Тверь"]
    item.setText(NAME, "")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert page.errors.text() == "Row 4: Tag is required."
    item.setText(NAME, "Новые")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()
    assert "Новые" in [t.name for t in list_tags(db)]
