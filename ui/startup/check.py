"""The start check: PRAGMA quick_check of the database in a thread, started before Qt loads.

No Qt and no SQLAlchemy here (services/sqlite_file.py is the sqlite3 module alone): app.py
starts the check first, so that it (a second and more on a large base; SQLite releases the
GIL) runs while SQLAlchemy, the models and Qt import, instead of after SQLAlchemy.
"""

from __future__ import annotations

import threading
from pathlib import Path

from services.sqlite_file import quick_check


class StartCheck(threading.Thread):
    """PRAGMA quick_check of the database, run while Qt loads."""

    def __init__(self, db_path: Path) -> None:
        super().__init__(name="lavka-start-check", daemon=True)
        self.db_path = db_path
        self._reason: str | None = None
        self._failed = False

    def run(self) -> None:
        try:
            if self.db_path.is_file() and self.db_path.stat().st_size > 0:
                self._reason = quick_check(self.db_path)
        except Exception:  # not a verdict: Database.open checks again and says why
            self._failed = True

    @property
    def failed(self) -> bool:
        """True when the check itself failed: no verdict, the file is checked again."""
        self.join()
        return self._failed

    def reason(self) -> str | None:
        """What quick_check found wrong; None for a sound (or new) file, or no verdict."""
        self.join()
        return self._reason
