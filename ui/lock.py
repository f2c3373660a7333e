"""One Lavka per database file: a lock file beside it (QLockFile), taken over when its owner
died. (A server's database has no file, and several Lavkas at once.)"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile

from services.errors import LavkaError


class DatabaseInUse(LavkaError):
    """Another running Lavka has this database open."""


def lock_path(database_path: Path) -> Path:
    return database_path.with_name(database_path.name + ".lock")


def acquire(database_path: Path) -> QLockFile:
    """The lock on this database, held until `unlock()` (or the process ends).

    A lock left by a Lavka that crashed names a process that no longer runs: QLockFile sees
    that and takes the lock over, so a crash never locks Ivan out of his own data.
    """
    # The resolved path: the same file reached through a link must find the same lock.
    lock = QLockFile(str(lock_path(database_path.resolve())))
    lock.setStaleLockTime(0)  # never by age: a Lavka may stay open for weeks
    if lock.tryLock(200):
        return lock
    if lock.error() == QLockFile.LockError.LockFailedError:
        info = lock.getLockInfo()  # (pid, host, application) in PySide6
        known = isinstance(info, tuple) and len(info) >= 2
        said = (
            QCoreApplication.translate(
                "Lock",
                "'%1' is already open in another Lavka (process %2 on %3). "
                "Switch to that window, or close it and start Lavka again.",
            )
            if known
            else QCoreApplication.translate(
                "Lock",
                "'%1' is already open in another Lavka. "
                "Switch to that window, or close it and start Lavka again.",
            )
        )
        if known:
            said = said.replace("%2", str(info[0])).replace("%3", str(info[1]))
        raise DatabaseInUse(said.replace("%1", str(database_path)))
    said = QCoreApplication.translate(
        "Lock",
        "Lavka cannot create its lock file beside '%1' (the folder may be read-only), "
        "so it did not open the database.",
    )
    raise DatabaseInUse(said.replace("%1", str(database_path)))


@contextmanager
def held(target: Path | str) -> Iterator[None]:
    """The file's lock for the duration of a command that writes (acquire); a server's
    database takes none: several people work in it at once, kept apart by its transactions."""
    if not isinstance(target, Path):
        yield
        return
    lock = acquire(target)
    try:
        yield
    finally:
        lock.unlock()
