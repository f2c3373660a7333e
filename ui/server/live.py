"""The window kept current while others work in the same server's database: their saves'
notices (services/notices.py) are read when the listening connection's socket has something,
and a short quiet moment after the last one, the window's sections read their data again,
once for a whole burst of saves."""

from __future__ import annotations

import psycopg
from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from services.notices import Listener
from services.storage import Database

QUIET_MS = 700  # a burst of saves (an import, say) is read again once, after it


class LiveRefresh(QObject):
    """Emits `changed` after others changed the database; stops quietly (and stays stopped)
    if the server goes away, or never starts if it gives no connection to listen on: the
    window's own reads say what is wrong."""

    changed = Signal()

    def __init__(self, database: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        assert database.url is not None
        self.quiet = QTimer(self)
        self.quiet.setSingleShot(True)
        self.quiet.setInterval(QUIET_MS)
        self.quiet.timeout.connect(self.changed)
        self.notifier: QSocketNotifier | None = None
        self.listener: Listener | None = None
        try:
            self.listener = Listener(database.url, lambda: database.backend_pids)
        except psycopg.Error:  # no connection to spare (the server's limit): no live refresh
            return
        self.notifier = QSocketNotifier(self.listener.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._read)

    def _read(self) -> None:
        if self.listener is None:
            return
        try:
            if self.listener.changed():
                self.quiet.start()
        except psycopg.Error:  # the server went away
            self.close()

    def close(self) -> None:
        if self.notifier is not None:
            self.notifier.setEnabled(False)
        self.quiet.stop()
        if self.listener is not None:
            self.listener.close()
            self.listener = None
