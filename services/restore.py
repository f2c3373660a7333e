"""Restore from a backup, and a damaged database moved aside: the file-replacing side."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from services.backup import (
    KEEP_ALL,
    BackupInfo,
    backup_to,
    copy_pages,
    local_backup_folder,
    verify_backup,
)
from services.errors import BackupError, Cancelled
from services.files import COMPANIONS, beside, discard, failure, make_folder
from services.sqlite_file import read_only_connection
from services.storage import BUSY_TIMEOUT_MS

if TYPE_CHECKING:
    from services.tables import Progress


@dataclass(frozen=True)
class RestoreResult:
    restored: BackupInfo
    saved_current: BackupInfo | None  # the database as it was before; None if there was none


def safety_folder(database_path: Path | str) -> Path:
    """Where restore_backup saves the database as it was before a restore: a subfolder of
    local_backup_folder. list_backups reads only the files directly in a folder, so the daily
    check, thinning, pruning and newest_verified_backup over local_backup_folder never see
    these copies: they cannot count as the day's backup, be offered as the newest backup, or
    be deleted to make room. Nothing deletes them automatically."""
    return local_backup_folder(database_path) / "before-restore"


def restore_backup(
    backup: Path | str,
    database_path: Path | str,
    safety_folder: Path | str,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> RestoreResult:
    """Replace the database's contents with `backup`, in one transaction, after verifying the
    backup and saving the current database into `safety_folder` (normally
    safety_folder(database_path); never pruned here). The caller closes its Database before
    and opens it again after (which upgrades an older schema)."""
    backup, database_path = Path(backup), Path(database_path)
    restored = verify_backup(backup)
    if database_path.exists() and os.path.samefile(backup, database_path):
        raise BackupError.of("restore.same_file", backup)
    if not database_path.parent.is_dir():
        raise BackupError.of("storage.no_folder", database_path.parent)
    saved = None
    if database_path.is_file() and database_path.stat().st_size > 0:
        try:
            make_folder(Path(safety_folder), BackupError)
            saved = backup_to(database_path, safety_folder, keep=KEEP_ALL, now=now)
        except BackupError as error:
            # Why the copy failed is the cause (`__cause__`, a coded BackupError of its own).
            raise BackupError.of("restore.not_saved_aside", backup, safety_folder) from error
    _copy_into(backup, database_path, progress)
    return RestoreResult(restored, saved)


def quarantine_damaged(path: Path | str) -> Path:
    """Move a damaged database aside as `<name>.damaged` (or .damaged-2, ...) with its
    -wal/-shm/-journal, so that SQLite never applies them to a new file; returns the new path.
    All or nothing: if one file cannot be moved, those already moved go back, BackupError."""
    path = Path(path)
    number = 1
    while True:
        target = path.with_name(path.name + ".damaged" + (f"-{number}" if number > 1 else ""))
        if not any(beside(target, suffix).exists() for suffix in ("", *COMPANIONS)):
            break
        number += 1
    # The database first: it is the file another program (a sync client, say) may hold, and
    # if it stays, its -wal must stay with it.
    moved: list[tuple[Path, Path]] = []
    try:
        for suffix in ("", *COMPANIONS):
            source, moved_to = beside(path, suffix), beside(target, suffix)
            if suffix and not source.exists():
                continue
            os.replace(source, moved_to)
            moved.append((source, moved_to))
    except OSError as error:
        stuck = []
        for source, moved_to in reversed(moved):
            try:
                os.replace(moved_to, source)
            except OSError:
                stuck.append(moved_to)
        if stuck:  # the names differ only by what comes after `target` and `path`
            raise BackupError.of("restore.stuck", path, target) from error
        raise failure(BackupError, "restore.not_moved", error, path) from error
    return target


def _copy_into(backup: Path, database_path: Path, progress: Progress | None) -> None:
    """The backup API into the database file: one write transaction on it, through its WAL
    if it has one, so a failure or a cancel leaves it as it was."""
    created = not database_path.exists()
    try:
        source = read_only_connection(backup)
        try:
            target = sqlite3.connect(database_path, isolation_level=None)
            try:
                target.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
                wal = target.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
                size = "PRAGMA page_size"
                if wal and target.execute(size).fetchone() != source.execute(size).fetchone():
                    # The backup API cannot change the page size of a WAL database.
                    target.execute("PRAGMA journal_mode=DELETE")
                copy_pages(source, target, progress)
            finally:
                target.close()
        finally:
            source.close()
    except (Cancelled, sqlite3.Error, OSError) as error:
        if created:
            discard(database_path)
        if isinstance(error, Cancelled):
            raise
        # The database was not changed: the copy saved aside before is not needed to undo it.
        raise failure(BackupError, "restore.failed", error, backup, database_path) from error
