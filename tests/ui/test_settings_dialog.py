"""The Settings dialog driven through its widgets, checked through services.choices."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from services import choices
from services.choices import DEFAULT_CHANNELS, DEFAULT_SETTINGS, BusinessSettings
from ui.settings_dialog.dialog import SettingsDialog


def read_settings(db) -> BusinessSettings:
    with db.session() as session:
        return choices.business_settings(session)


def read_channels(db):
    with db.session() as session:
        return choices.channels(session, include_inactive=True)


@pytest.fixture
def dialog(qtbot, db):
    widget = SettingsDialog(db)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_loads_current_values(dialog):
    page = dialog.business
    assert page.currency_code.text() == "RUB"
    assert page.currency_symbol.text() == "₽"
    assert page.phone_region.currentData() == "RU"
    regions = [page.phone_region.itemData(i) for i in range(page.phone_region.count())]
    assert regions == sorted(regions) and "US" in regions
    names = [dialog.channels.item(i).text(0) for i in range(dialog.channels.count())]
    assert names == list(DEFAULT_CHANNELS)
    assert dialog.tabs.count() == 8  # business, three lists, tags, reminders, scoring, history


def test_ok_writes_symbol_and_channel_name(dialog, db):
    before = read_channels(db)
    dialog.business.currency_symbol.setText("руб.")
    dialog.channels.item(0).setText(0, "Avito.ru")
    ok(dialog)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Accepted
    assert read_settings(db) == BusinessSettings("RUB", "руб.", "RU")
    after = read_channels(db)
    assert [(c.id, c.name) for c in after] == [(before[0].id, "Avito.ru")] + [
        (c.id, c.name) for c in before[1:]
    ]


def test_add_move_and_untick_a_channel(dialog, db):
    page = dialog.channels
    page.add_button.click()
    page.list.currentItem().setText(0, "Instagram")
    page.up_button.click()
    page.item(0).setCheckState(0, Qt.CheckState.Unchecked)
    ok(dialog)
    names = [(c.name, c.active) for c in read_channels(db)]
    assert names == [
        ("Avito", False),
        ("Website", True),
        ("Referral", True),
        ("Phone call", True),
        ("Instagram", True),
        ("Repeat customer", True),
    ]


def test_invalid_region_keeps_dialog_open_and_writes_nothing(dialog, db, monkeypatch):
    page = dialog.business
    page.currency_symbol.setText("$")
    # Only a region this phonenumbers build knows is offered, so inject an unknown one.
    page.phone_region.addItem("XX", "XX")
    page.phone_region.setCurrentIndex(page.phone_region.count() - 1)
    dialog.tabs.setCurrentIndex(2)
    ok(dialog)
    assert dialog.isVisible()
    assert dialog.tabs.currentWidget() is page
    assert page.errors["phone_region"].isVisibleTo(page)
    assert "'XX'" in page.errors["phone_region"].text()
    assert read_settings(db) == BusinessSettings(**DEFAULT_SETTINGS)


def test_duplicate_channel_shows_the_row_and_stays_open(dialog, db):
    page = dialog.channels
    page.add_button.click()
    page.list.currentItem().setText(0, "avito")
    ok(dialog)
    assert dialog.isVisible() and dialog.tabs.currentWidget() is page
    assert page.errors.text().startswith(f"Row {len(DEFAULT_CHANNELS) + 1}: ")
    assert [c.name for c in read_channels(db)] == list(DEFAULT_CHANNELS)
    # Fixing it and pressing OK again saves (the business page is saved again, unchanged).
    page.list.currentItem().setText(0, "Avito 2")
    ok(dialog)
    assert not dialog.isVisible()
    assert [c.name for c in read_channels(db)][-1] == "Avito 2"


def test_status_role_is_picked_from_a_combo(dialog, db):
    page = dialog.statuses
    page.list.setCurrentItem(page.item(0))
    assert page.role_box.currentData() == "open"
    page.role_box.setCurrentIndex(page.role_box.findData("won"))
    page.role_box.activated.emit(page.role_box.currentIndex())
    ok(dialog)
    with db.session() as session:
        assert choices.statuses(session)[0].role == "won"


def test_cancel_discards(dialog, db):
    dialog.business.currency_symbol.setText("$")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert read_settings(db) == BusinessSettings(**DEFAULT_SETTINGS)


def test_ask_is_true_only_when_saved(qtbot, db, monkeypatch):
    monkeypatch.setattr(SettingsDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    assert SettingsDialog.ask(db) is True
    monkeypatch.setattr(SettingsDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert SettingsDialog.ask(db) is False


def test_reminder_numbers_out_of_sense_are_refused_by_field(dialog, db):
    from services.settings_store import load_reminder_settings

    page = dialog.reminders
    assert [page.edits[f].text() for f in page.FIELDS][::3] == ["30", "15"]
    page.edits["default_cadence"].setText("0")
    page.edits["awake_limit"].setText("2")
    page.edits["asleep_limit"].setText("1,5")  # below the awake limit: the wrong order
    ok(dialog)
    assert dialog.isVisible() and dialog.tabs.currentWidget() is page
    shown = {f for f, label in page.errors.items() if not label.isHidden()}
    assert shown == {"default_cadence", "asleep_limit"}
    assert "1 to 3650" in page.errors["default_cadence"].text()
    assert load_reminder_settings(db).rules.default_cadence == 30  # nothing saved
    page.edits["default_cadence"].setText("45")
    page.edits["asleep_limit"].setText("5")
    page.edits["follow_up_days"].setText("10")
    ok(dialog)
    assert not dialog.isVisible()
    saved = load_reminder_settings(db)
    assert (saved.rules.default_cadence, saved.rules.awake_limit, saved.rules.asleep_limit) == (
        45,
        D("2"),
        D("5"),
    )
    assert saved.follow_up_days == 10
