"""The QApplication, and what stops a start before there is a window to say it in."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLockFile
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from services.errors import LavkaError
from ui.lock import acquire
from ui.messages import error_text
from ui.translation import install_translation

APP_NAME = "Lavka"
ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"


def start_application() -> QApplication:
    """The application (the one there is, in tests): its names, its icon, its language."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("lavka")  # ties the window to lavka.desktop (Wayland, task bars)
    icon = QIcon()
    for png in sorted(ICONS.glob("lavka-*.png")):
        icon.addFile(str(png))
    app.setWindowIcon(icon)
    install_translation(app)
    return app


def refuse(error: LavkaError, parent: QWidget | None = None) -> None:
    """Why Lavka cannot go on, in a box the person closes."""
    QMessageBox.critical(parent, APP_NAME, error_text(error))


def lock_or_refuse(db_path: Path) -> QLockFile | None:
    """The lock on the database (one Lavka per database); None when another Lavka has it,
    said to the person already."""
    try:
        return acquire(db_path)
    except LavkaError as error:
        refuse(error)
        return None
