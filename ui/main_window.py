"""The main window (sections arrive with the main-window issue)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QWidget

from services.storage import Database


class DemoOffer:
    """First-run question: fill the empty database with a demo business?"""

    @classmethod
    def ask(cls, parent: QWidget | None) -> bool:
        answer = QMessageBox.question(
            parent,
            QMainWindow.tr("Welcome to Lavka"),
            QMainWindow.tr(
                "Your database is empty.\n\n"
                "Would you like to look around with a demo business first (a wholesaler "
                "of wallets with two years of orders)? You can start a clean database later."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes


class MainWindow(QMainWindow):
    def __init__(self, database: Database) -> None:
        super().__init__()
        self.database = database
        self.setWindowTitle(self.tr("Lavka — %1").replace("%1", database.path.name))
        self.resize(1100, 720)
        placeholder = QLabel(
            self.tr("Lavka is ready.\nDatabase: %1").replace("%1", str(database.path))
        )
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(placeholder)
        self.statusBar().showMessage(self.tr("Ready"))
