"""What Lavka does at start and at close, without Qt: the policy ui/startup/ carries out.

At start, a damaged database (SQLite's quick_check) is never written to: it is moved aside
untouched and a `Rescue` comes back instead of the database, naming the newest verified backup
that could take its place. Until the person decides, every start finds the file moved aside
and asks again, rather than quietly making a new empty database where their data was.

At close, the automatic local backup is due once a day, and once a week it is thorough: it
judges the database's own health too (services/retention.py: thorough_check_due, and where the
last pass is kept). Whatever stops it, damage that check found included, is a LavkaError the
window can say at the next start; a pass says nothing.
"""

from __future__ import annotations

import glob
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from services.backup import BackupInfo, local_backup_folder, newest_verified_backup
from services.errors import BackupError, DamagedDatabase
from services.files import failure
from services.restore import quarantine_damaged, restore_backup, safety_folder
from services.retention import auto_backup
from services.storage import Database


class RescueChoice(StrEnum):
    """What the person may choose for a damaged database."""

    RESTORE = "restore"  # the newest verified backup takes its place
    EMPTY = "empty"  # a new empty database takes its place
    QUIT = "quit"  # nothing now: the next start asks again


@dataclass(frozen=True)
class Verdict:
    """The start check's word on the file, reached before the database is opened (in a
    thread, while Qt loads). `reason`: what quick_check found wrong, None for a sound or new
    file. `known` False: the check itself failed, so opening the database checks again."""

    reason: str | None = None
    known: bool = True


@dataclass(frozen=True)
class Rescue:
    """A damaged database, moved aside untouched as `kept`, and what may take its place.
    `reason`: what the check found; None when an earlier start found it and the person quit.
    `backup`: the newest backup that verifies, None when there is none."""

    kept: Path
    reason: str | None
    backup: BackupInfo | None

    @property
    def choices(self) -> tuple[RescueChoice, ...]:
        """Restoring is offered only when there is a verified backup to restore."""
        if self.backup is None:
            return (RescueChoice.EMPTY, RescueChoice.QUIT)
        return (RescueChoice.RESTORE, RescueChoice.EMPTY, RescueChoice.QUIT)


_DAMAGED = re.compile(r"\.damaged(-\d+)?")


def earlier_damage(db_path: Path) -> Path | None:
    """The file an earlier start moved aside as damaged, when nothing took its place since
    (the newest of them, should there be several)."""
    if db_path.exists():
        return None
    prefix = db_path.name
    kept = [
        path
        for path in db_path.parent.glob(f"{glob.escape(prefix)}.damaged*")
        if _DAMAGED.fullmatch(path.name[len(prefix) :])
    ]
    return max(kept, key=lambda path: path.stat().st_mtime, default=None)


def start_database(
    db_path: Path,
    folders: Sequence[Path],
    verdict: Verdict | None = None,
    language: str = "en",
) -> Database | Rescue:
    """The database at `db_path` (created or upgraded as needed), or, when it is damaged, a
    Rescue: the file moved aside and the newest verified backup in `folders`. `verdict` is
    the start check's; without one (or when it is not known) the file is checked here."""
    try:
        if verdict is not None and verdict.reason is not None:
            raise DamagedDatabase(db_path, verdict.reason)
        if (kept := earlier_damage(db_path)) is not None:
            return Rescue(kept, None, newest_verified_backup(folders))
        checked = verdict is not None and verdict.known
        return Database.open(db_path, check=not checked, language=language)
    except DamagedDatabase as error:
        kept = quarantine_damaged(db_path)
        return Rescue(kept, error.reason, newest_verified_backup(folders))


def carry_out(
    rescue: Rescue, choice: RescueChoice, db_path: Path, language: str = "en"
) -> Database | None:
    """The person's choice for a damaged database: the backup restored in its place (the
    database file as it is now saved aside first) or a new empty database, opened; None to
    quit. A choice the rescue does not offer (restore without a backup) is quitting."""
    if choice not in rescue.choices or choice is RescueChoice.QUIT:
        return None
    if choice is RescueChoice.RESTORE and rescue.backup is not None:
        restore_backup(rescue.backup.path, db_path, safety_folder(db_path))
    return Database.open(db_path, language=language)


def close_time_backup(db_path: Path, now: datetime | None = None) -> BackupInfo | None:
    """The automatic local backup when Lavka closes: verified, at most one a day, thorough
    when a week has gone by without a thorough check passing (its pass recorded), the folder
    thinned (services.retention.auto_backup); None when today's is already there. Any failure
    is a LavkaError: damage the thorough check found is BackupError "backup.database.<what>",
    a system error BackupError "backup.failed.<reason>"."""
    now = now or datetime.now()
    folder = local_backup_folder(db_path)
    try:
        return auto_backup(db_path, folder, now)
    except OSError as error:
        raise failure(BackupError, "backup.failed", error, folder) from error
