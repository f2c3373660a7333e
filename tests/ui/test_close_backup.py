"""The weekly thorough check at close, said at the next start: a broken index that only
integrity_check finds gets the automatic backup refused, and the person told why."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from services.backup import list_backups, local_backup_folder
from services.retention import last_thorough_check
from tests.test_startup import break_index
from ui.operation import ErrorBox
from ui.startup.close_backup import LAST_BACKUP_ERROR, backup_on_close, warn_if_backup_failed


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def shown(monkeypatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(ErrorBox, "show", staticmethod(lambda parent, text: said.append(text)))
    return said


def test_damage_the_weekly_check_finds_is_said_at_the_next_start(db, shop, settings, shown):
    db.close()
    break_index(db.path)
    backup_on_close(db.path, settings)  # the first close: no thorough check has passed yet
    assert list_backups(local_backup_folder(db.path)) == []  # refused
    warn_if_backup_failed(None, settings)
    warn_if_backup_failed(None, settings)  # once
    assert len(shown) == 1
    assert shown[0].startswith("The automatic backup when Lavka last closed was not made:\n")
    assert f"The weekly full check found damage in the database '{db.path}'" in shown[0]
    assert "sqlite_autoindex_products_1" in shown[0]  # SQLite's finding, for whoever repairs
    assert "File → Restore from backup…" in shown[0]


def test_a_passed_weekly_check_says_nothing(db, shop, settings, shown):
    db.close()
    backup_on_close(db.path, settings)
    folder = local_backup_folder(db.path)
    assert len(list_backups(folder)) == 1 and last_thorough_check(db.path, folder) is not None
    assert LAST_BACKUP_ERROR.get(settings) == ""
    warn_if_backup_failed(None, settings)
    assert shown == []
