"""Back up and restore from the window, the drive list, and a damaged database at start."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings

import app
from services.backup import backup_to, list_backups, local_backup_folder
from services.orders import delete_order
from services.restore import safety_folder
from services.storage import Database
from tests.test_backup import corrupt
from ui import backup as backup_ui
from ui.backup import FOLDER_NAME, LAST_TARGET, BackupTargetDialog, Drive, RestoreDialog
from ui.formatting import Formatter
from ui.main_window import MainWindow
from ui.operation import ErrorBox
from ui.startup.close_backup import LAST_BACKUP_ERROR, backup_on_close, warn_if_backup_failed
from ui.startup.keeper import WindowKeeper
from ui.startup.rescue import DamagedOffer
from ui.startup.window import open_window

FMT = Formatter(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), "₽")


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, db, shop, settings):
    widget = MainWindow(db, FMT, settings)
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def said(monkeypatch):
    """What the window tells the person (information and errors), instead of modal boxes."""
    messages: list[str] = []
    monkeypatch.setattr(backup_ui.Notice, "inform", staticmethod(lambda p, t: messages.append(t)))
    monkeypatch.setattr(ErrorBox, "show", staticmethod(lambda p, t: messages.append(t)))
    return messages


def finish(qtbot, operation):
    assert operation is not None
    qtbot.waitUntil(lambda: not operation.running, timeout=15_000)
    return operation


def folder(path: Path) -> Path:
    path.mkdir(exist_ok=True)
    return path


def count_orders(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT COUNT(*) FROM orders").fetchone()[0]
    finally:
        connection.close()


def test_back_up_to_a_stick_writes_a_verified_copy_and_says_what(
    qtbot, window, tmp_path, monkeypatch, said
):
    stick = tmp_path / "media" / "STICK"
    stick.mkdir(parents=True)
    target = stick / FOLDER_NAME  # made on the drive by the first backup
    monkeypatch.setattr(BackupTargetDialog, "ask", classmethod(lambda cls, s, p: (target, 3)))
    finish(qtbot, window.back_up())
    (written,) = target.glob("lavka-*.sqlite3")
    assert count_orders(written) == 6
    assert str(written) in said[0] and "6 orders" in said[0] and "3 contacts" in said[0]


def test_a_pulled_stick_is_reported_and_nothing_is_written(
    qtbot, window, tmp_path, monkeypatch, said
):
    gone = tmp_path / "media" / "GONE" / FOLDER_NAME  # the drive is not mounted any more
    monkeypatch.setattr(BackupTargetDialog, "ask", classmethod(lambda cls, s, p: (gone, 10)))
    operation = finish(qtbot, window.back_up())
    assert operation.error is not None and "does not exist" in said[0]
    assert not gone.parent.exists()


def test_target_dialog_lists_drives_and_remembers_the_last_target(
    qtbot, settings, tmp_path, monkeypatch
):
    stick = Drive("STICK", tmp_path / "STICK", 8 * 1024**3)
    monkeypatch.setattr(backup_ui, "removable_drives", lambda: [stick])
    LAST_TARGET.set(settings, str(tmp_path / "elsewhere"))
    dialog = BackupTargetDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.paths() == [stick.folder, tmp_path / "elsewhere"]
    assert dialog.target() == tmp_path / "elsewhere"  # the last target is chosen again
    assert "STICK" in dialog.targets.item(0).text()


class _Volume:
    """What removable_drives reads of a QStorageInfo."""

    def __init__(self, root: str, read_only: bool = False) -> None:
        self.root, self.read_only = root, read_only

    def isValid(self) -> bool:
        return True

    def isReady(self) -> bool:
        return True

    def isReadOnly(self) -> bool:
        return self.read_only

    def rootPath(self) -> str:
        return self.root

    def displayName(self) -> str:
        return Path(self.root).name

    def bytesAvailable(self) -> int:
        return 1000


@pytest.mark.skipif(not Path("/proc").exists(), reason="mount points of Linux")
def test_removable_drives_are_the_writable_media_mounts():
    volumes = [
        _Volume("/"),
        _Volume("/home"),
        _Volume("/media/ivan/STICK"),
        _Volume("/run/media/ivan/CARD"),
        _Volume("/media/ivan/CDROM", read_only=True),
    ]
    drives = backup_ui.removable_drives(volumes)
    assert [d.name for d in drives] == ["STICK", "CARD"]
    assert drives[0].folder == Path("/media/ivan/STICK") / FOLDER_NAME


def test_restore_dialog_lists_backups_newest_first_with_counts(qtbot, db, shop, tmp_path):
    first = backup_to(db.path, folder(tmp_path / "b"))
    delete_order(db, shop.o6)
    second = backup_to(db.path, folder(tmp_path / "b"))
    dialog = RestoreDialog([tmp_path / "b", tmp_path / "missing"])
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    assert [dialog.table.item(r, 3).text() for r in range(2)] == ["5", "6"]  # orders
    assert dialog.table.item(0, 0).data(backup_ui._PATH_ROLE) == str(second.path)
    dialog.accept()
    assert dialog.chosen == second.path and first.path != second.path


def test_restore_from_the_window_brings_the_data_back(qtbot, window, db, shop, monkeypatch, said):
    saved = backup_to(db.path, folder(db.path.parent / "stick"))
    delete_order(db, shop.o1)
    monkeypatch.setattr(RestoreDialog, "ask", classmethod(lambda cls, folders, p: saved.path))
    monkeypatch.setattr(backup_ui.Notice, "confirm", staticmethod(lambda p, t: True))
    with qtbot.waitSignal(window.databaseReplaced, timeout=15_000):
        window.restore_from_backup()
    assert count_orders(db.path) == 6  # O1 is back
    assert "Restored the backup" in said[-1]
    (before,) = list_backups(safety_folder(db.path))  # today's data, saved aside first
    assert count_orders(before.path) == 5


def test_restore_not_confirmed_changes_nothing(window, db, shop, monkeypatch, said):
    saved = backup_to(db.path, folder(db.path.parent / "stick"))
    delete_order(db, shop.o1)
    monkeypatch.setattr(RestoreDialog, "ask", classmethod(lambda cls, folders, p: saved.path))
    monkeypatch.setattr(backup_ui.Notice, "confirm", staticmethod(lambda p, t: False))
    assert window.restore_from_backup() is None
    assert count_orders(db.path) == 5


def test_a_damaged_database_at_start_is_kept_aside_and_the_backup_offered(
    qtbot, tmp_path, monkeypatch
):
    path = tmp_path / "lavka.sqlite3"
    database = Database.open(path)
    from services.demo import create_demo_business

    create_demo_business(database)
    orders = count_orders(path)
    database.close()
    backup_to(path, folder(local_backup_folder(path)))
    corrupt(path)
    damaged = hashlib.sha256(path.read_bytes()).hexdigest()
    offered = []

    def ask(rescue):
        offered.append((rescue.kept, rescue.backup))
        return "restore"

    monkeypatch.setattr(DamagedOffer, "ask", staticmethod(ask))
    window = open_window(path)
    qtbot.addWidget(window)
    try:
        ((kept, backup),) = offered
        assert backup is not None and backup.counts["orders"] == orders
        assert kept == tmp_path / "lavka.sqlite3.damaged"
        assert hashlib.sha256(kept.read_bytes()).hexdigest() == damaged  # not written to
        assert window.orders.model.total == orders  # the backup's data, in a new window
    finally:
        window.database.close()


def test_a_damaged_database_without_a_backup_asks_again_until_the_person_decides(
    qtbot, tmp_path, monkeypatch
):
    path = tmp_path / "lavka.sqlite3"
    database = Database.open(path)
    from services.demo import create_demo_business

    create_demo_business(database)
    database.close()
    corrupt(path)
    asked = []

    def ask(rescue):
        asked.append((rescue.reason, rescue.kept, rescue.backup))
        return "quit"

    monkeypatch.setattr(DamagedOffer, "ask", staticmethod(ask))
    assert open_window(path) is None
    kept = tmp_path / "lavka.sqlite3.damaged"
    assert kept.exists() and not path.exists()
    assert asked[0][0] and asked[0][1:] == (kept, None)
    # The next start does not quietly make a new empty file: it asks again...
    assert open_window(path) is None and not path.exists()
    assert asked[1] == (None, kept, None)
    # ...until the person chooses to start empty.
    monkeypatch.setattr(DamagedOffer, "ask", staticmethod(lambda rescue: "empty"))
    window = open_window(path, offer_demo=False)
    qtbot.addWidget(window)
    try:
        assert window.orders.model.total == 0 and kept.exists()
    finally:
        window.database.close()


def test_closing_makes_one_local_backup_a_day(db, shop):
    db.close()
    backup_on_close(db.path)
    backup_on_close(db.path)  # the same day: no second copy
    (made,) = list_backups(local_backup_folder(db.path))
    assert count_orders(made.path) == 6


def test_after_a_restore_a_new_window_opens_on_the_restored_data(
    qtbot, tmp_path, monkeypatch, said
):
    path = tmp_path / "lavka.sqlite3"
    from ui.main_window import DemoOffer

    monkeypatch.setattr(DemoOffer, "ask", staticmethod(lambda parent: True))
    old = open_window(path)  # a new file: the demo business is accepted
    qtbot.addWidget(old)
    keeper = WindowKeeper(path, old)
    orders = old.orders.model.total
    saved = backup_to(path, folder(tmp_path / "stick"))
    delete_order(old.database, old.orders.model.order_id(0))
    monkeypatch.setattr(RestoreDialog, "ask", classmethod(lambda cls, folders, p: saved.path))
    monkeypatch.setattr(backup_ui.Notice, "confirm", staticmethod(lambda p, t: True))
    with qtbot.waitSignal(old.databaseReplaced, timeout=15_000):
        old.restore_from_backup()
    new = keeper.window
    qtbot.addWidget(new)
    try:
        assert new is not old and not old.isVisible() and new.isVisible()
        assert new.orders.model.total == orders  # the deleted order is back on screen
    finally:
        new.database.close()


def test_a_failed_automatic_backup_is_said_at_the_next_start(db, shop, settings, monkeypatch):
    db.close()
    blocker = local_backup_folder(db.path)
    blocker.write_text("a file where the backups folder should be")
    backup_on_close(db.path, settings)
    assert LAST_BACKUP_ERROR.get(settings)  # kept: there is no window to say it in now
    shown: list[str] = []
    monkeypatch.setattr(ErrorBox, "show", staticmethod(lambda p, t: shown.append(t)))
    warn_if_backup_failed(None, settings)
    warn_if_backup_failed(None, settings)  # once
    assert len(shown) == 1 and "automatic backup" in shown[0]
    blocker.unlink()
    backup_on_close(db.path, settings)
    assert LAST_BACKUP_ERROR.get(settings) == ""


def test_the_window_is_refused_when_another_lavka_has_the_database(db, shop, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from tests.ui.test_lock import holder

    db.close()
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda p, t, text: said.append(text)))
    child = holder(db.path)
    try:
        assert app.run_gui(db.path) == 1
    finally:
        child.kill()
        child.wait()
    assert "already open in another Lavka" in said[0]


def test_the_start_check_runs_in_the_real_start_path(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "lavka.sqlite3"
    database = Database.open(path)
    from services.demo import create_demo_business

    create_demo_business(database)
    database.close()
    corrupt(path)
    damaged = hashlib.sha256(path.read_bytes()).hexdigest()
    monkeypatch.setattr(DamagedOffer, "ask", staticmethod(lambda rescue: "quit"))
    assert app.run_gui(path) == 1
    kept = tmp_path / "lavka.sqlite3.damaged"
    assert hashlib.sha256(kept.read_bytes()).hexdigest() == damaged and not path.exists()
