"""What others changed in a shared PostgreSQL database: a connection of its own LISTENs for
the notices the tables' triggers send (models/notices.py), and says which tables were
changed by someone else since it was last asked. It never waits: the window asks when the
connection's socket has something to read (ui/server/live.py)."""

from __future__ import annotations

from collections.abc import Callable

import psycopg
from sqlalchemy import make_url

from models.notices import CHANNEL


class Listener:
    """LISTEN on the database at `url`; notices from the server processes `own()` names (this
    program's own connections) are not someone else's."""

    def __init__(self, url: str, own: Callable[[], set[int]]) -> None:
        conninfo = make_url(url).set(drivername="postgresql").render_as_string(False)
        self._own = own
        self.connection = psycopg.connect(conninfo, autocommit=True)
        self.connection.execute(f"LISTEN {CHANNEL}")

    def fileno(self) -> int:
        """The socket to watch: readable when a notice (or the server's going away) came."""
        return self.connection.fileno()

    def changed(self) -> set[str]:
        """The tables others changed since the last call (empty if only this program did).
        Raises psycopg.OperationalError when the server has gone away."""
        found = set()
        for notice in self.connection.notifies(timeout=0):
            if notice.pid not in self._own():
                found.add(notice.payload)
        return found

    def close(self) -> None:
        self.connection.close()
