"""The main window, kept: after a restore, a new window on the restored data takes its place."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from ui.main_window import MainWindow
from ui.startup.window import open_window_or_refuse


class WindowKeeper:
    """The main window; after a restore, a new one on the restored data takes its place."""

    def __init__(self, db_path: Path | str, window: MainWindow) -> None:
        self.db_path, self.window = db_path, window
        self._watch(window)

    def _watch(self, window: MainWindow) -> None:
        window.databaseReplaced.connect(self.reopen)
        window.databaseSwitched.connect(self.switch)

    def reopen(self) -> None:
        old = self.window
        old.save_layout()  # the new window opens with the columns and section as they were
        new = open_window_or_refuse(self.db_path, offer_demo=False, parent=old)
        if new is None:  # the old window's database is closed: nothing sensible is left open
            old.close()
            QApplication.quit()
            return
        self._replace(old, new)

    def switch(self, target: str) -> None:
        """A window on the database `target` (a server's URL) takes this one's place; when
        it cannot be opened, this one stays as it is."""
        old = self.window
        old.save_layout()
        new = open_window_or_refuse(target, offer_demo=False, parent=old)
        if new is None:
            return
        self.db_path = target
        self._replace(old, new)

    def _replace(self, old: MainWindow, new: MainWindow) -> None:
        self.window = new
        self._watch(new)
        old.close()
        old.database.close()
        old.deleteLater()
