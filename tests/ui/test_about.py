"""Help → About: the version from pyproject.toml, the database, and "Open data folder"."""

from __future__ import annotations

import tomllib
from pathlib import Path

from PySide6.QtCore import QLocale, QSettings, Qt

from services.about import project_version, version
from ui.about import AboutDialog, Folder
from ui.formatting import Formatter
from ui.main_window import MainWindow

REPO = Path(__file__).resolve().parent.parent.parent


def written_version() -> str:
    return tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]


def test_the_version_is_the_one_in_pyproject():
    assert version() == written_version()
    assert project_version() == written_version()


def test_an_unreadable_pyproject_gives_unknown(tmp_path):
    assert project_version(tmp_path / "missing.toml") == "unknown"
    broken = tmp_path / "pyproject.toml"
    broken.write_text("[project\nname = 'x'")
    assert project_version(broken) == "unknown"
    (tmp_path / "other.toml").write_text("[tool.x]\na = 1\n")
    assert project_version(tmp_path / "other.toml") == "unknown"


def test_about_shows_version_database_and_opens_the_data_folder(qtbot, tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr(Folder, "open", staticmethod(opened.append))
    path = tmp_path / "shop" / "lavka.sqlite3"
    dialog = AboutDialog(path)
    qtbot.addWidget(dialog)
    assert written_version() in dialog.title.text()
    assert dialog.database_label.text() == str(path)
    assert dialog.folder_label.text() == str(tmp_path / "shop")
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert opened == [tmp_path / "shop"]


def test_help_about_opens_the_dialog_on_this_database(qtbot, db, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(AboutDialog, "exec", lambda self: shown.append(self) or 0)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(db, Formatter(QLocale(), "₽"), settings)
    qtbot.addWidget(window)
    window.about_action.trigger()
    assert len(shown) == 1
    assert shown[0].database_label.text() == str(db.path)
