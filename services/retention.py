"""Automatic daily backups, thorough once a week, and their thinning: a week of days, a month
of weeks, a year.

The weekly thorough check
-------------------------
A daily backup proves the copy to be the database byte for byte (services/backup.py), which
says nothing of the database's own health beyond quick_check: an index that no longer matches
its table, or a row whose parent is gone, is copied faithfully and nobody hears of it. So the
automatic backup is `thorough` (integrity_check and foreign_key_check) when no thorough check
has passed in the last THOROUGH_EVERY days (thorough_check_due). Damage it finds refuses the
backup with "backup.database.<what>", which says what is wrong and what to do; as no backup
is made, nothing is thinned either, and the backups from before the damage stay. Every close
checks again until the database is sound.

Where the last pass is kept: a small text file in the backup folder, named after the database
(thorough_check_file: `.lavka.sqlite3.thorough-check` beside the backups of lavka.sqlite3),
holding the time of the pass and the backup it made. It is written atomically
(services.files.atomic_write, whose leftovers tidy_leftovers removes) and never into the
database, whose bytes are what the backups prove. list_backups, the thinning and the restore
dialog never see it: its name is not a backup's. A missing, unreadable or garbled file makes
the check due: the worst a lost record costs is one more thorough backup.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable
from datetime import datetime, timedelta
from pathlib import Path

from services.backup import (
    KEEP_ALL,
    BackupInfo,
    backup_to,
    delete_backups,
    list_backups,
    local_backup_folder,
)
from services.errors import BackupError
from services.files import OTHER, atomic_write, make_folder, reason_of
from services.sqlite_file import check_problems, read_only_connection

THOROUGH_EVERY = timedelta(days=7)  # the most days between two thorough automatic backups
THOROUGH_SUFFIX = ".thorough-check"


def thin_backups(
    folder: Path | str,
    now: datetime | None = None,
    daily: int = 7,
    weekly: int = 4,
    monthly: int = 12,
    protect: Path | str | None = None,
) -> list[Path]:
    """Keep the newest backup of each of the last `daily` days, `weekly` ISO weeks and
    `monthly` months (this one included), delete the rest; returns what was deleted.
    Backups dated after `now` (a clock that was wrong) are kept: they fit no period.
    `protect` as in prune_backups."""
    now = now or datetime.now()
    today = now.date()
    this_monday = today - timedelta(days=today.weekday())
    backups = list_backups(folder)
    seen: set[tuple[object, ...]] = set()
    kept = []
    for info in backups:  # newest first, so the first one met in a period is its newest
        day = info.taken_at.date()
        if day > today:
            kept.append(info.path)
            continue
        monday = day - timedelta(days=day.weekday())
        periods: list[tuple[object, ...]] = []  # ("day", day), ("week", monday), ("month", y, m)
        if (today - day).days < daily:
            periods.append(("day", day))
        if (this_monday - monday).days // 7 < weekly:
            periods.append(("week", monday))
        if (today.year - day.year) * 12 + today.month - day.month < monthly:
            periods.append(("month", day.year, day.month))
        if any(period not in seen for period in periods):
            kept.append(info.path)
            seen.update(periods)
    return delete_backups(backups, kept, protect)


def backup_due(backups: Iterable[BackupInfo], now: datetime) -> bool:
    """The automatic backup is due unless one was already taken on `now`'s day; one dated
    later (a clock that was wrong) does not stand in for today's."""
    return all(info.taken_at.date() != now.date() for info in backups)


def thorough_check_due(last_passed: datetime | None, now: datetime) -> bool:
    """The automatic backup is thorough unless a thorough check passed in the last
    THOROUGH_EVERY calendar days (so on the same weekday, whatever the hour of closing): due
    when none ever passed, and when the last pass is dated after `now`'s day (a clock that
    was wrong then or is now: how long ago it was is not known)."""
    if last_passed is None:
        return True
    days = (now.date() - last_passed.date()).days
    return days < 0 or days >= THOROUGH_EVERY.days


def thorough_check_file(database_path: Path | str, folder: Path | str) -> Path:
    """Where the last thorough check of the database that passed is kept (the module's
    docstring): a hidden file in the backup folder, named after the database; never in the
    database itself."""
    return Path(folder) / f".{Path(database_path).name}{THOROUGH_SUFFIX}"


def last_thorough_check(database_path: Path | str, folder: Path | str) -> datetime | None:
    """When the last thorough check of the database passed, as kept in `folder`; None when
    nothing readable is kept there."""
    try:
        words = thorough_check_file(database_path, folder).read_text(encoding="utf-8").split()
        return datetime.fromisoformat(words[0])
    except (OSError, UnicodeDecodeError, ValueError, IndexError):
        return None


def record_thorough_check(database_path: Path | str, backup: BackupInfo) -> None:
    """Keep that `backup` passed the thorough check, in its folder; atomically: the file is
    the old record or the new one, never half of one. Raises OSError."""
    path = thorough_check_file(database_path, backup.path.parent)
    with atomic_write(path) as partial:
        partial.write_text(f"{backup.taken_at.isoformat()}\n{backup.path.name}\n", "utf-8")


def auto_backup(
    database_path: Path | str, folder: Path | str | None = None, now: datetime | None = None
) -> BackupInfo | None:
    """At most one verified backup a day into `folder` (default: local_backup_folder), then
    thin that folder. None when today's backup is already there. Once a week it is thorough
    (thorough_check_due): a pass is recorded (record_thorough_check), damage refuses the
    backup with BackupError "backup.database.<what>" (the module's docstring)."""
    now = now or datetime.now()
    folder = Path(folder) if folder is not None else local_backup_folder(database_path)
    if not backup_due(list_backups(folder), now):
        return None
    make_folder(folder, BackupError)
    thorough = thorough_check_due(last_thorough_check(database_path, folder), now)
    try:
        info = backup_to(database_path, folder, keep=KEEP_ALL, now=now, thorough=thorough)
    except BackupError as error:
        damage = _of_the_database(error, Path(database_path)) if thorough else None
        if damage is None:
            raise
        raise damage from None
    if thorough:
        # Not kept (a full disk, say): the next backup is thorough again, nothing worse.
        with contextlib.suppress(OSError):
            record_thorough_check(database_path, info)
    with contextlib.suppress(OSError):  # as in backup_to: the backup stands regardless
        thin_backups(folder, now, protect=info.path)
    return info


def _of_the_database(error: BackupError, database_path: Path) -> BackupError | None:
    """A thorough backup's refusal said as the database's damage when it is: "the copy is
    damaged" becomes "backup.database.<what>", naming the database and what to do; None
    when the refusal is not the database's damage.

    A broken link in the copy is the database's (the copy is its content, byte for byte). A
    damaged copy may be the drive's instead (the checksums read back differ), so the
    database itself is checked again: a cost paid only when a backup was refused. Any other
    refusal, or a database that cannot be read now, keeps the backup's own error."""
    if error.code == "backup.copy.broken_link":
        _folder, table, rowid, parent = error.params
        return BackupError.of("backup.database.broken_link", database_path, table, rowid, parent)
    if error.code != "backup.copy.damaged":
        return None
    try:
        connection = read_only_connection(database_path)
    except (OSError, sqlite3.Error):
        return None
    try:
        connection.execute("PRAGMA cache_size=-65536")  # as in backup_to: index checks revisit
        problems = check_problems(connection, "integrity_check")
    except sqlite3.DatabaseError as failed:
        if reason_of(failed)[0] != OTHER:  # in use, a device error: not a verdict
            return None
        problems = " ".join(str(failed).split())  # SQLite's own words: "malformed"
    finally:
        connection.close()
    if problems is None:
        return None
    return BackupError.of("backup.database.damaged", database_path, problems)
