"""An import as a person runs it: a backup before a large one, the write, the skipped rows."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text

from services.backup import KEEP_ALL, BackupInfo, backup_to, local_backup_folder
from services.errors import BackupError, LavkaError
from services.files import failure, make_folder
from services.importing.apply import apply_plan
from services.importing.plan import ImportPlan, ImportResult
from services.importing.rejected import write_skipped
from services.messages import Translate, english
from services.storage import Database
from services.tables import Progress

# From this many lines an import is "large": the database is copied aside first, so a file
# imported by mistake can be undone with File → Restore from backup.
LARGE_IMPORT_LINES = 500


@dataclass(frozen=True)
class ImportOutcome:
    result: ImportResult
    backup: BackupInfo | None  # the copy taken before, if the import was large
    rejected_files: tuple[Path, ...]  # the skipped rows, beside the source, for fixing
    # Why the skipped rows could not be written (the data is imported regardless): an
    # import that committed must never look failed, or the person imports it twice.
    rejected_error: LavkaError | None = None  # why the skipped rows could not be written


def before_import_folder(database_path: Path) -> Path:
    """Copies taken before large imports: apart from the daily backups, never thinned."""
    return local_backup_folder(database_path) / "before-import"


def run_import(
    database: Database,
    source: Path,
    plan: ImportPlan,
    skip_rejected: bool = False,
    progress: Progress | None = None,
    prefer_file: bool = False,
    translate: Translate = english,
) -> ImportOutcome:
    """Back up when the import is large and the database holds data, write the plan in one
    transaction, then write the skipped rows beside the source (their reasons in the
    language of `translate`)."""
    if plan.rejections and not skip_rejected:
        rejected = apply_plan(database, plan, source_name=source.name)  # raises ImportRejected
        return ImportOutcome(rejected, None, ())
    backup = None
    # (A server's database is backed up by its server: there is no file to copy here.)
    path = database.path
    if path is not None and plan.line_count >= LARGE_IMPORT_LINES and _holds_data(database):
        folder = before_import_folder(path)
        make_folder(folder, BackupError)
        backup = backup_to(path, folder, keep=KEEP_ALL)
    result = apply_plan(database, plan, skip_rejected, progress, prefer_file, source.name)
    if not skip_rejected:
        return ImportOutcome(result, backup, ())
    try:
        files = write_skipped(source, plan, translate)
    except LavkaError as error:  # the rejected file left open in Excel, say
        return ImportOutcome(result, backup, (), error)
    except OSError as error:
        said = failure(LavkaError, "import.rejected_file", error, source)
        return ImportOutcome(result, backup, (), said)
    return ImportOutcome(result, backup, files)


def _holds_data(database: Database) -> bool:
    with database.session() as session:
        # (1 or 0 on SQLite, true or false on PostgreSQL)
        return bool(session.execute(text("SELECT EXISTS (SELECT 1 FROM orders)")).scalar_one())
