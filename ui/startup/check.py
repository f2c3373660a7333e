"""The start check: PRAGMA quick_check of the database in a thread, started before Qt loads.

No Qt here, and services are imported only in the thread: app.py starts the check first so
that it (half a second on a large base; SQLite releases the GIL) hides behind the imports.
"""

from __future__ import annotations

import threading
from pathlib import Path


class StartCheck(threading.Thread):
    """PRAGMA quick_check of the database, run while Qt loads."""

    def __init__(self, db_path: Path) -> None:
        super().__init__(name="lavka-start-check", daemon=True)
        self.db_path = db_path
        self._reason: str | None = None
        self._failed = False

    def run(self) -> None:
        from services.storage import quick_check  # in the thread: SQLAlchemy loads here too

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
