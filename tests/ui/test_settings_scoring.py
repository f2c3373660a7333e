"""Settings → deal scoring and the modifiers of statuses and channels, driven through the
dialog's widgets and read back through the services (load_list, score_rules)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QLineEdit,
    QSpinBox,
    QStyleOptionViewItem,
)

from services.scoring import AGE_MAX, ScoreRules, score_rules
from services.settings_store import ListEntry, load_list, save_list
from ui.formatting import Formatter
from ui.settings_dialog.dialog import SettingsDialog
from ui.settings_dialog.lists import MODIFIER
from ui.settings_dialog.scoring import DAYS, START, AgeBandsModel, threshold_text
from ui.settings_dialog.scoring import MODIFIER as BAND_MODIFIER

ENGLISH = Formatter(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom), "₽")
RUSSIAN = Formatter(QLocale(QLocale.Language.Russian, QLocale.Country.Russia), "₽")
EDIT = Qt.ItemDataRole.EditRole


@pytest.fixture
def dialog(qtbot, db):
    widget = SettingsDialog(db, formatter=ENGLISH)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def modifiers(db, kind: str) -> dict[str, int]:
    return {entry.name: entry.modifier for entry in load_list(db, kind)}


def type_modifier(qtbot, page, row: int, value: int) -> None:
    """Edit the row's modifier as a person does: open its spin box, type, press Enter."""
    page.window().tabs.setCurrentWidget(page)
    item = page.item(row)
    page.list.setCurrentItem(item, MODIFIER)
    page.list.editItem(item, MODIFIER)
    editor = page.list.viewport().findChild(QSpinBox)
    assert editor is not None and (editor.minimum(), editor.maximum()) == (-100, 100)
    editor.selectAll()
    qtbot.keyClicks(editor, str(value))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # the delegate commits and closes its editor through the event loop
    qtbot.waitUntil(lambda: item.data(MODIFIER, EDIT) == value)
    assert page.list.state() == QAbstractItemView.State.NoState  # the editor closed


def shown_modifier(page, row: int) -> str:
    """The text the modifier's cell is drawn with."""
    option = QStyleOptionViewItem()
    page.delegate.initStyleOption(option, page.list.model().index(row, MODIFIER))
    return option.text


# --- the modifier column of statuses and channels -------------------------------------------
def test_the_modifier_column_shows_what_is_stored(qtbot, db):
    entries = load_list(db, "channels")
    avito = ListEntry(entries[0].id, entries[0].name, modifier=-15)
    save_list(db, "channels", [avito, *entries[1:]])
    statuses = load_list(db, "statuses")
    first = statuses[0]
    save_list(db, "statuses", [ListEntry(first.id, first.name, modifier=30), *statuses[1:]])
    widget = SettingsDialog(db, formatter=ENGLISH)
    qtbot.addWidget(widget)
    assert widget.statuses.item(0).data(MODIFIER, EDIT) == 30
    assert widget.channels.item(0).data(MODIFIER, EDIT) == -15
    assert widget.channels.item(1).data(MODIFIER, EDIT) == 0
    # the cells read as modifiers: +30, -15, 0
    cells = [(widget.statuses, 0), (widget.channels, 0), (widget.channels, 1)]
    assert [shown_modifier(page, row) for page, row in cells] == ["+30", "-15", "0"]
    assert widget.loss_reasons.list.columnCount() == 1  # no modifier for a loss reason


def test_status_and_channel_modifiers_are_saved_with_their_lists(qtbot, dialog, db):
    type_modifier(qtbot, dialog.statuses, 1, 40)  # Confirmed
    type_modifier(qtbot, dialog.channels, 2, -15)  # Referral
    dialog.channels.item(2).setText(0, "Word of mouth")  # the same save: name and modifier
    ok(dialog)
    assert not dialog.isVisible()
    assert modifiers(db, "statuses") == {
        "New": 0,
        "Confirmed": 40,
        "Paid": 0,
        "Shipped": 0,
        "Completed": 0,
        "Cancelled": 0,
    }
    assert modifiers(db, "channels") == {
        "Avito": 0,
        "Website": 0,
        "Word of mouth": -15,
        "Phone call": 0,
        "Repeat customer": 0,
    }


def test_a_new_channel_takes_its_modifier(qtbot, dialog, db):
    page = dialog.channels
    dialog.tabs.setCurrentWidget(page)
    page.add_button.click()  # a new row, its name being edited
    name = page.list.viewport().findChild(QLineEdit)
    qtbot.keyClicks(name, "Conference")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.item(page.count() - 1).text(0) == "Conference")
    type_modifier(qtbot, page, page.count() - 1, 10)
    ok(dialog)
    assert modifiers(db, "channels")["Conference"] == 10


def test_a_channel_modifier_of_101_is_refused_and_nothing_of_the_list_saved(dialog, db):
    page = dialog.channels
    page.item(0).setText(0, "Avito.ru")
    # the spin box stops at 100; a value past it (typed elsewhere, pasted) still meets the service
    page.item(1).setData(MODIFIER, EDIT, 101)
    dialog.tabs.setCurrentIndex(0)
    ok(dialog)
    assert dialog.isVisible() and dialog.tabs.currentWidget() is page
    assert page.errors.text() == (
        "Row 2: Modifier, % must be a whole number from -100 to 100 (got '101')."
    )
    assert page.list.currentItem() is page.item(1)
    assert page.list.currentColumn() == MODIFIER
    assert dialog.focusWidget() is page.list
    assert modifiers(db, "channels")["Website"] == 0
    assert load_list(db, "channels")[0].name == "Avito"


# --- the deal scoring page ------------------------------------------------------------------
def test_the_page_shows_the_stored_rules(dialog):
    page = dialog.scoring
    assert (page.default.value(), page.floor.value()) == (20, 5)
    assert (page.default.maximum(), page.floor.maximum()) == (100, 95)
    assert page.bands.bands() == [(0, 0), (8, -10), (15, -15), (30, -30), (60, -60)]
    days = [page.bands.index(row, DAYS).data() for row in range(5)]
    assert days == ["0\u20137", "8\u201314", "15\u201329", "30\u201359", "60+"]
    assert page.bands.index(1, BAND_MODIFIER).data() == "-10"
    texts = [page.thresholds[letter].text() for letter in "ABCD"]
    assert texts == ["200000", "50000", "10000", "5000"]
    assert dialog.tabs.tabText(dialog.tabs.indexOf(page)) == "Deal scoring"


def test_the_page_saves_new_rules(dialog, db):
    page = dialog.scoring
    page.default.setValue(25)
    page.floor.setValue(10)
    bands = page.bands
    assert bands.setData(bands.index(1, START), 10)
    assert bands.setData(bands.index(1, BAND_MODIFIER), -5)
    page.bands_view.setCurrentIndex(bands.index(4, START))
    page.remove_band_button.click()  # 60+ −60 goes
    page.add_band_button.click()  # a month after the last (30): day 60, the last modifier
    assert bands.bands()[-1] == (60, -30)
    assert bands.setData(bands.index(4, START), 90)
    assert bands.setData(bands.index(4, BAND_MODIFIER), "−70")  # a typed minus sign
    page.thresholds["A"].setText("300 000")
    page.thresholds["B"].setText("60000")
    page.thresholds["C"].setText("12500.50")
    page.thresholds["D"].setText("4000 ₽")
    ok(dialog)
    assert not dialog.isVisible()
    assert score_rules(db) == ScoreRules(
        25,
        10,
        ((0, 0), (10, -5), (15, -15), (30, -30), (90, -70)),
        (D("300000"), D("60000"), D("12500.50"), D("4000")),
    )
    # reloaded as stored, the way this locale types them
    assert [page.thresholds[letter].text() for letter in "ABCD"] == [
        "300000",
        "60000",
        "12500.50",
        "4000",
    ]


def test_thresholds_out_of_order_are_refused_and_nothing_saved(dialog, db):
    page = dialog.scoring
    page.default.setValue(30)  # fine, and still not saved: the rules go in together or not
    page.thresholds["C"].setText("60000")  # above B's 50 000
    dialog.tabs.setCurrentIndex(0)
    ok(dialog)
    assert dialog.isVisible() and dialog.tabs.currentWidget() is page
    shown = {field for field, label in page.errors.items() if not label.isHidden()}
    assert shown == {"threshold_C"}
    assert page.errors["threshold_C"].text() == (
        "The threshold of class C must be lower than that of class B."
    )
    assert dialog.focusWidget() is page.thresholds["C"]
    assert score_rules(db) == ScoreRules()
    # fixed, the next OK saves
    page.thresholds["C"].setText("20000")
    ok(dialog)
    assert not dialog.isVisible()
    thresholds = (D(200000), D(50000), D(20000), D(5000))
    assert score_rules(db) == ScoreRules(default=30, thresholds=thresholds)


def test_a_band_modifier_of_101_is_refused_on_its_row_and_nothing_saved(dialog, db):
    page = dialog.scoring
    page.floor.setValue(8)
    # the spin box stops at 100: the model takes any whole number, the service says no
    assert page.bands.setData(page.bands.index(2, BAND_MODIFIER), 101)
    ok(dialog)
    assert dialog.isVisible() and dialog.tabs.currentWidget() is page
    assert page.errors["age_bands"].text() == (
        "Row 3: Modifier, % must be a whole number from -100 to 100 (got '101')."
    )
    assert page.other_errors.isHidden()
    assert page.bands_view.currentIndex().row() == 2
    assert page.bands_view.currentIndex().column() == BAND_MODIFIER
    assert dialog.focusWidget() is page.bands_view
    assert score_rules(db) == ScoreRules()


def test_bands_out_of_order_name_the_row(dialog, db):
    page = dialog.scoring
    page.bands.setData(page.bands.index(3, START), 12)  # after 15: not after the one above
    assert page.bands.index(2, DAYS).data() == "—"  # 15 until day 11: no days at all
    ok(dialog)
    assert page.errors["age_bands"].text() == (
        "Row 4: An age band must start after the one above it: day 12 is not after day 15."
    )
    assert page.bands_view.currentIndex().row() == 3
    assert score_rules(db) == ScoreRules()


def test_the_band_editors_stop_at_the_limits(dialog):
    page = dialog.scoring
    view = page.bands_view
    for column, limits in ((START, (0, AGE_MAX)), (BAND_MODIFIER, (-100, 100))):
        index = page.bands.index(1, column)
        view.setCurrentIndex(index)
        view.edit(index)
        editor = view.indexWidget(index) or view.viewport().findChild(QSpinBox)
        assert isinstance(editor, QSpinBox)
        assert (editor.minimum(), editor.maximum()) == limits
        assert editor.value() == page.bands.bands()[1][column]
        view.closeEditor(editor, view.itemDelegate().EndEditHint.NoHint)
    assert not (page.bands.flags(page.bands.index(0, DAYS)) & Qt.ItemFlag.ItemIsEditable)


def test_age_bands_model(qtmodeltester):
    model = AgeBandsModel(ENGLISH)
    model.set_bands([(0, 0), (8, -10), (15, -15)])
    qtmodeltester.check(model)
    changed = []
    model.dataChanged.connect(lambda first, last: changed.append((first.row(), last.row())))
    assert model.setData(model.index(1, START), 10)
    assert changed == [(1, 1), (0, 1)]  # the cell, then the days of it and the band above
    assert model.index(0, DAYS).data() == "0\u20139"
    assert not model.setData(model.index(1, DAYS), "5")
    assert not model.setData(model.index(1, START), "ten")
    assert model.append_band() == 3
    assert model.bands()[-1] == (45, -15)
    model.remove_band(0)
    assert model.bands() == [(10, -10), (15, -15), (45, -15)]
    qtmodeltester.check(model)


def test_thresholds_are_typed_as_the_locale_writes_them():
    assert threshold_text(D("200000.00"), RUSSIAN) == "200000"
    assert threshold_text(D("12500.5"), RUSSIAN) == "12500,50"
    assert threshold_text(D("12500.5"), ENGLISH) == "12500.50"


def test_in_russian_every_tab_is_in_sight(qtbot, db, russian):
    widget = SettingsDialog(db, formatter=RUSSIAN)
    qtbot.addWidget(widget)
    widget.show()
    widget.resize(widget.minimumSizeHint())
    bar = widget.tabs.tabBar()
    assert widget.tabs.tabText(1) == "Статусы заказов"
    for tab in range(bar.count()):
        assert bar.rect().contains(bar.tabRect(tab)), bar.tabText(tab)
    page = widget.scoring
    assert page.thresholds["C"].text() == "10000"
