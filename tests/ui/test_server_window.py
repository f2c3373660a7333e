"""The window on a server's database (PostgreSQL), and File → Move to a server…: a shop's file
moved into an empty database on a real throw-away cluster, then worked on there."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, QSettings

import ui.server as server_ui
from services.orders import get_order
from ui.formatting import Formatter
from ui.main_window import MainWindow
from ui.operation import ErrorBox
from ui.startup.keeper import WindowKeeper

FMT = Formatter(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), "₽")


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def said(monkeypatch):
    messages: list[str] = []
    monkeypatch.setattr(ErrorBox, "show", staticmethod(lambda p, t: messages.append(t)))
    return messages


def test_a_file_moves_to_the_server_and_the_window_goes_on_there(
    qtbot, db, shop, settings, empty_postgres, monkeypatch, said
):
    if db.path is None:
        pytest.skip("moves a file: the window here is already on a server")
    ids = (shop.o1, shop.o2, shop.o3, shop.o4, shop.o5, shop.o6)
    before = [get_order(db, order) for order in ids]
    window = MainWindow(db, FMT, settings)
    qtbot.addWidget(window)
    keeper = WindowKeeper(db.path, window)
    asked: list[str] = []
    monkeypatch.setattr(
        server_ui.ServerAddress, "ask", staticmethod(lambda p, t, label: empty_postgres)
    )
    monkeypatch.setattr(
        server_ui.Answer, "confirm", staticmethod(lambda p, text: asked.append(text) or True)
    )
    operation = window.move_to_server()
    assert operation is not None
    qtbot.waitUntil(lambda: not operation.running, timeout=60_000)
    assert said == [] and operation.error is None
    assert "rows" in asked[0] and "Work on the server's database" in asked[0]
    moved = keeper.window
    assert moved is not window and moved.database.url == empty_postgres
    assert empty_postgres.rsplit("/", 1)[1] in moved.windowTitle()
    assert [get_order(moved.database, order) for order in ids] == before
    # The server backs its database up: the file's backup and restore are not offered there.
    assert not moved.backup_action.isEnabled() and not moved.restore_action.isEnabled()
    assert not moved.move_action.isEnabled() and moved.open_server_action.isEnabled()
    moved.close()
    moved.database.close()


def test_a_wrong_address_is_said_and_asked_again(qtbot, monkeypatch):
    answers = iter([("C:/lavka.sqlite3", True), ("", False)])
    warned: list[str] = []
    monkeypatch.setattr(server_ui.QInputDialog, "getText", lambda *a: next(answers))
    monkeypatch.setattr(server_ui.QMessageBox, "warning", lambda p, t, text: warned.append(text))
    assert server_ui.ask_server(None) is None
    assert "'C:/lavka.sqlite3' is not a PostgreSQL database's address" in warned[0]


def test_a_server_that_cannot_be_opened_leaves_the_window_as_it_was(
    qtbot, db, settings, postgres_admin, monkeypatch
):
    window = MainWindow(db, FMT, settings)
    qtbot.addWidget(window)
    keeper = WindowKeeper(db.path or "", window)
    refused: list[str] = []
    monkeypatch.setattr(
        "ui.startup.window.refuse", lambda error, parent=None: refused.append(str(error))
    )
    nowhere = postgres_admin.rsplit("/", 1)[0] + "/no_such_database"
    monkeypatch.setattr(server_ui.ServerAddress, "ask", staticmethod(lambda p, t, label: nowhere))
    window.open_server()
    assert keeper.window is window and not window.database.closed
    assert "no_such_database" in refused[0]
