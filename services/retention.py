"""Automatic daily backups and their thinning: a week of days, a month of weeks, a year."""

from __future__ import annotations

import contextlib
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
from services.files import make_folder


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


def auto_backup(
    database_path: Path | str, folder: Path | str | None = None, now: datetime | None = None
) -> BackupInfo | None:
    """At most one verified backup a day into `folder` (default: local_backup_folder), then
    thin that folder. None when today's backup is already there."""
    now = now or datetime.now()
    folder = Path(folder) if folder is not None else local_backup_folder(database_path)
    if not backup_due(list_backups(folder), now):
        return None
    make_folder(folder, BackupError)
    info = backup_to(database_path, folder, keep=KEEP_ALL, now=now)
    with contextlib.suppress(OSError):  # as in backup_to: the backup stands regardless
        thin_backups(folder, now, protect=info.path)
    return info
