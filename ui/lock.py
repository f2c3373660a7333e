"""One Lavka per database: a lock file beside it (QLockFile), taken over when its owner died."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

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
    lock = QLockFile(str(lock_path(database_path)))
    lock.setStaleLockTime(0)  # never by age: a Lavka may stay open for weeks
    if lock.tryLock(200):
        return lock
    if lock.error() == QLockFile.LockError.LockFailedError:
        info = lock.getLockInfo()  # (pid, host, application) in PySide6
        who = f" (process {info[0]} on {info[1]})" if isinstance(info, tuple) and info else ""
        raise DatabaseInUse(
            f"'{database_path}' is already open in another Lavka{who}. "
            "Switch to that window, or close it and start Lavka again."
        )
    raise DatabaseInUse(
        f"Lavka cannot create its lock file beside '{database_path}' (the folder may be "
        "read-only), so it did not open the database."
    )
