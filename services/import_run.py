"""An import as a person runs it: a backup before a large one, the write, the skipped rows."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from models import Setting
from services.backup import KEEP_ALL, BackupInfo, _make_folder, backup_to, local_backup_folder
from services.errors import LavkaError
from services.importing import ImportPlan, ImportResult, apply_import, write_rejected
from services.storage import Database
from services.tables import Progress
from services.uow import UnitOfWork

# From this many lines an import is "large": the database is copied aside first, so a file
# imported by mistake can be undone with File → Restore from backup.
LARGE_IMPORT_LINES = 500
_IMPORTED = "imported:"  # + the file's SHA-256, in the settings table: when it was imported


@dataclass(frozen=True)
class ImportOutcome:
    result: ImportResult
    backup: BackupInfo | None  # the copy taken before, if the import was large
    rejected_files: tuple[Path, ...]  # the skipped rows, beside the source, for fixing
    # Why the skipped rows could not be written (the data is imported regardless): an
    # import that committed must never look failed, or the person imports it twice.
    rejected_error: str | None = None


def before_import_folder(database_path: Path) -> Path:
    """Copies taken before large imports: apart from the daily backups, never thinned."""
    return local_backup_folder(database_path) / "before-import"


def run_import(
    database: Database,
    source: Path,
    plan: ImportPlan,
    skip_rejected: bool = False,
    progress: Progress | None = None,
) -> ImportOutcome:
    """Back up when the import is large and the database holds data, write the plan in one
    transaction, then write the skipped rows beside the source."""
    if plan.rejections and not skip_rejected:
        return ImportOutcome(apply_import(database, plan), None, ())  # raises ImportRejected
    backup = None
    if plan.line_count >= LARGE_IMPORT_LINES and _holds_data(database):
        folder = before_import_folder(database.path)
        _make_folder(folder)
        backup = backup_to(database.path, folder, keep=KEEP_ALL)
    result = apply_import(database, plan, skip_rejected, progress)
    with contextlib.suppress(OSError, LavkaError):  # only the warning next time is at stake
        _remember_import(database, source)
    if not skip_rejected:
        return ImportOutcome(result, backup, ())
    try:
        files = write_skipped(source, plan)
    except OSError as error:  # the rejected file left open in Excel, say
        return ImportOutcome(result, backup, (), error.strerror or str(error))
    return ImportOutcome(result, backup, files)


def fingerprint(source: Path) -> str:
    """The file's (or the folder's CSV files') SHA-256: the same bytes, the same import."""
    digest = hashlib.sha256()
    files = sorted(source.glob("*.csv")) if source.is_dir() else [source]
    for path in files:
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    return digest.hexdigest()


def imported_before(database: Database, source: Path) -> dt.datetime | None:
    """When these very bytes were imported into this database before (importing them again
    would add every order a second time); None if never."""
    with database.session() as session:
        setting = session.get(Setting, _IMPORTED + fingerprint(source))
    return dt.datetime.fromisoformat(setting.value) if setting is not None else None


def _remember_import(database: Database, source: Path) -> None:
    with UnitOfWork(database) as uow:
        key = _IMPORTED + fingerprint(source)
        setting = uow.session.get(Setting, key)
        stamp = dt.datetime.now().replace(microsecond=0).isoformat()
        if setting is None:
            uow.session.add(Setting(key=key, value=stamp))
        else:
            setting.value = stamp
        uow.commit()


def _holds_data(database: Database) -> bool:
    from sqlalchemy import text

    with database.session() as session:
        return session.execute(text("SELECT EXISTS (SELECT 1 FROM orders)")).scalar_one() == 1


def write_skipped(source: Path, plan: ImportPlan) -> tuple[Path, ...]:
    """One `<stem>[.<sheet>].rejected.csv` per sheet with skipped rows."""
    sheets = sorted({row.sheet for row in plan.skipped})
    several = len(plan.headers) > 1
    return tuple(
        write_rejected(
            source,
            plan.headers.get(sheet, ()),
            [row for row in plan.skipped if row.sheet == sheet],
            sheet if several else "",
        )
        for sheet in sheets
    )
