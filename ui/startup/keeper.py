"""The main window, kept: after a restore, a new window on the restored data takes its place."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from ui.main_window import MainWindow
from ui.startup.window import open_window_or_refuse


class WindowKeeper:
    """The main window; after a restore, a new one on the restored data takes its place."""

    def __init__(self, db_path: Path, window: MainWindow) -> None:
        self.db_path, self.window = db_path, window
        window.databaseReplaced.connect(self.reopen)

    def reopen(self) -> None:
        old = self.window
        old.save_layout()  # the new window opens with the columns and section as they were
        new = open_window_or_refuse(self.db_path, offer_demo=False, parent=old)
        if new is None:  # the old window's database is closed: nothing sensible is left open
            old.close()
            QApplication.quit()
            return
        self.window = new
        new.databaseReplaced.connect(self.reopen)
        old.close()
        old.database.close()
        old.deleteLater()
