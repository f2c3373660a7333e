"""The window on a server's database reads its sections again when someone else saves
(models/notices.py → ui/server/live.py), and not for its own saves."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSettings

from services.contacts import ContactInput, create_contact
from services.storage import Database
from ui.formatting import Formatter
from ui.main_window import MainWindow
from ui.sections import CONTACTS

FMT = Formatter(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), "₽")


def test_someone_elses_new_contact_appears_without_a_refresh(qtbot, empty_postgres, tmp_path):
    ivan = Database.open(empty_postgres)
    window = MainWindow(ivan, FMT, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.go(CONTACTS)
    contacts = window.section_view(CONTACTS)
    assert contacts.list_model.rowCount() == 0
    refreshed: list[bool] = []
    window.live.changed.connect(lambda: refreshed.append(True))
    create_contact(ivan, ContactInput(name="Olga"))  # Ivan's own save: his window knows
    qtbot.wait(1500)  # longer than the quiet moment a notice would wait for
    assert refreshed == []
    anna = Database.open(empty_postgres)
    create_contact(anna, ContactInput(name="Petr"))
    qtbot.waitUntil(lambda: contacts.list_model.rowCount() == 2, timeout=10_000)
    assert refreshed == [True]  # once, for Anna's save
    anna.close()
    window.close()
    ivan.close()
