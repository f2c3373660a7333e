"""An SQLite file as a file: its header, a read-only connection, and SQLite's quick_check.

No SQLAlchemy and no Qt: the start-up check (ui/startup/check.py) runs quick_check in a thread
from the first moment, while the window's modules load, instead of waiting first for the
half second SQLAlchemy and the models take to import (make bench: "first window painted").
services/storage.py, which opens the database through SQLAlchemy, uses them; so do the backup,
the restore and the health check.
"""

from __future__ import annotations

import sqlite3
import urllib.parse
from pathlib import Path, PurePath

from services.errors import StorageError
from services.files import failure

SQLITE_HEADER = b"SQLite format 3\x00"
SQLITE_READONLY_ROLLBACK = 776  # a read-only connection met a hot journal it may not roll back
SQLITE_CORRUPT, SQLITE_NOTADB = 11, 26  # primary codes of damage in a file that is SQLite's


def sqlite_uri(path: PurePath) -> str:
    """The `file:` URI of an absolute path, for sqlite3.connect(uri=True), without a query.

    Not Path.as_uri(): on Windows that puts a UNC path's server into the authority
    (file://server/share/x), which SQLite refuses. SQLite takes an empty authority and the
    whole path after it, so every path gets one: file:///home/x, file:///C:/x,
    file:////server/share/x. Percent-encoding keeps '?', '#' and '%' in the file name."""
    if isinstance(path, Path):
        path = path.absolute()
    elif not path.is_absolute():
        raise ValueError(f"'{path}' is not an absolute path")
    posix = path.as_posix()
    lead = "" if posix.startswith("/") else "/"  # C:/x: the path part of a URI starts with '/'
    return f"file://{lead}{urllib.parse.quote(posix, safe='/:')}"


def read_only_connection(path: Path | str) -> sqlite3.Connection:
    """A connection that can neither change `path`, create it, nor leave files beside it."""
    path = Path(path).absolute()
    with path.open("rb") as file:  # raises for a missing file: SQLite would create it
        header = file.read(20)
    # A read-only connection to a WAL file creates -wal and -shm and leaves them behind. No -wal
    # beside a WAL file means no connection has it open, so reading it as immutable (no locks,
    # no side files) is safe; otherwise the normal read-only path applies the WAL it finds.
    in_wal_mode = header.startswith(SQLITE_HEADER) and header[18:20] == b"\x02\x02"
    wal = path.with_name(path.name + "-wal")
    mode = "immutable=1" if in_wal_mode and not wal.exists() else "mode=ro"
    return sqlite3.connect(f"{sqlite_uri(path)}?{mode}", uri=True, isolation_level=None)


def require_sqlite_file(path: Path | str) -> None:
    """StorageError unless `path` is empty (SQLite's empty database) or starts with the SQLite
    header: anything else is some other program's file, never a damaged database of ours."""
    path = Path(path)
    if read_header(path) not in (b"", SQLITE_HEADER):
        raise StorageError.of("storage.not_sqlite", path)


def read_header(path: Path) -> bytes:
    """The file's first bytes (as many as SQLite's header), or StorageError
    "storage.unreadable.<reason>"."""
    try:
        with path.open("rb") as file:
            return file.read(len(SQLITE_HEADER))
    except OSError as error:
        raise unreadable(path, error) from error


def quick_check(path: Path | str) -> str | None:
    """SQLite's quick_check of `path`, read-only: None if sound, else what is damaged.

    A reason comes back only for real damage, as the caller moves a damaged file aside: the
    file is SQLite's and either quick_check reports findings or SQLite calls it corrupt or not
    a database. Everything else raises StorageError and says why: no file, not an SQLite file
    (a workbook given as --db must never be renamed), or one that cannot be read now (locked,
    no permission, an I/O error). An empty file is SQLite's empty database: None.

    The file is read, not mapped: quick_check touches every page, and mapped pages count in
    the process's resident memory (the whole 300 MB bench base at once: make bench "peak
    RSS"), for no gain in time (1.5 s mapped or read on the bench base, 2 cores)."""
    path = Path(path)
    if not path.is_file():
        raise StorageError.of("storage.no_database", path)
    require_sqlite_file(path)
    try:
        connection = read_only_connection(path)
    except (OSError, sqlite3.Error) as error:
        raise unreadable(path, error) from error
    try:
        return check_problems(connection, "quick_check")
    except sqlite3.Error as error:
        code = getattr(error, "sqlite_errorcode", None) or 0
        if code == SQLITE_READONLY_ROLLBACK:
            # A transaction cut short in rollback-journal mode: not damage. The normal open
            # rolls it back; a verdict now would quarantine a sound file.
            return None
        if code & 0xFF in (SQLITE_CORRUPT, SQLITE_NOTADB):  # the header said SQLite: damage
            return str(error)
        raise unreadable(path, error) from error
    finally:
        connection.close()


def unreadable(path: Path, error: OSError | sqlite3.Error) -> StorageError:
    """Coded "storage.unreadable.<reason>": the file cannot be read now, for a reason that
    is not the file's (in use, no permission, a device error); Lavka did not change it."""
    return failure(StorageError, "storage.unreadable", error, path)


def check_problems(connection: sqlite3.Connection, check: str = "quick_check") -> str | None:
    """None if `PRAGMA <check>` (quick_check or integrity_check) says ok, else its first few
    findings on one line."""
    rows = connection.execute(f"PRAGMA {check}(5)").fetchall()
    if [row[0] for row in rows] == ["ok"]:
        return None
    # A finding may span lines; the "*** in database main ***" banner tells nothing.
    lines = [line for (text,) in rows for line in str(text).splitlines()]
    return "; ".join(line for line in lines if not line.startswith("***"))
