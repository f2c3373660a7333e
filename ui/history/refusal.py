"""An undo or a restore that was refused, said in plain words (tests monkeypatch `show`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from services.errors import LavkaError
from ui.messages import error_text


class UndoRefusal:
    @staticmethod
    def show(parent: QWidget | None, text: str) -> None:
        title = QCoreApplication.translate("UndoRefusal", "Nothing was undone")
        QMessageBox.warning(parent, title, text)

    @classmethod
    def say(cls, parent: QWidget | None, error: LavkaError) -> None:
        cls.show(parent, error_text(error))
