"""Help → About: the version, where the database is, and a way to open its folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from services.about import version


class AboutDialog(QDialog):
    """Lavka's version, the database file and the data folder beside it (backups live there)."""

    def __init__(
        self, database_path: Path, parent: QWidget | None = None, *, shown: str | None = None
    ) -> None:
        """`database_path` is the file, or for a server's database the folder its settings
        and exports start in, with `shown` the server's URL to show."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Lavka"))
        self.data_folder = database_path.parent if shown is None else database_path
        icon = QLabel()
        icon.setPixmap(QIcon.fromTheme("lavka", self.windowIcon()).pixmap(64, 64))
        name = self.tr("Lavka")
        self.title = QLabel(f"<h2>{name} {version()}</h2>")
        blurb = QLabel(self.tr("A desktop CRM for a one-person business that sells goods."))
        self.database_label = _path_label(shown or str(database_path))
        self.folder_label = _path_label(self.data_folder)

        self.open_button = QPushButton(self.tr("Open data folder"))
        self.open_button.clicked.connect(self.open_data_folder)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        grid = QGridLayout(self)
        grid.addWidget(icon, 0, 0, 2, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.title, 0, 1, 1, 2)
        grid.addWidget(blurb, 1, 1, 1, 2)
        grid.addWidget(QLabel(self.tr("Database:")), 2, 1)
        grid.addWidget(self.database_label, 2, 2)
        grid.addWidget(QLabel(self.tr("Data folder:")), 3, 1)
        grid.addWidget(self.folder_label, 3, 2)
        grid.addWidget(buttons, 4, 0, 1, 3)
        grid.setColumnStretch(2, 1)

    def open_data_folder(self) -> None:
        Folder.open(self.data_folder)


class Folder:
    """Opens a folder in the system's file manager (tests patch `open`)."""

    @staticmethod
    def open(path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _path_label(path: Path | str) -> QLabel:
    label = QLabel(str(path))
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
