"""Backups: verified copies via the SQLite backup API, listed, checked and pruned.

What proves a backup whole
--------------------------
backup_to names a copy a backup (renames it from its hidden temporary name) only once it is
proven to be the database as it stood at one moment, intact on the device, and a sound
SQLite file of this Lavka:

1. One moment. The row counts and every page come from one read transaction on the database
   (_snapshot): SQLite's backup API copies the pages of that snapshot, whatever other
   connections commit or hold uncommitted meanwhile. The copy is page for page the database
   at that moment; only header fields differ (the journal mode, the change counter).
2. The bytes arrived (_write_proven). The copy is read right after SQLite wrote it, from the
   system's file cache, which holds the bytes handed to the device: a CRC-32 of each MiB.
   It is then flushed (fsync), its cached pages are dropped (posix_fadvise DONTNEED) and it
   is read back from the device: every checksum must match, else there is no backup
   ("backup.copy.damaged"). A device that stored something else (a failing or fake-capacity
   stick, a write cut short) fails here. CRC-32 misses no error burst of up to 32 bits, and
   any other error with a chance of 2^-32 per MiB; these errors are a device's, not an
   adversary's, so a cryptographic hash would only be slower.
3. A sound Lavka file. quick_check (every b-tree page and cell, page counts, the freelist,
   NOT NULL and CHECK constraints) runs on the copy, in a thread while step 2 reads and
   flushes it, then its schema version and row counts, which must equal the snapshot's.
   It reads the copy from the same file cache as step 2's first read, and step 2 proves
   that the device holds those very bytes: what the check found holds for the file there.

Left out, and why that is sound: integrity_check's comparison of every index with its table,
and foreign_key_check. They made a backup 10x the bare copy's time on the bench base, and
they prove nothing about the copy that steps 1 and 2 do not: whether an index matches its
table or a row's parent exists is a property of the content, and the content is the
snapshot's, byte for byte. They judge the database itself, which has its own guards: Lavka's
connections keep foreign_keys on, the start-up quick_check, the weekly thorough automatic
backup (services/retention.py: its refusal is said at the next start), `lavka check`
(check_database: integrity_check, foreign_key_check, the order totals), and verify_backup
(integrity_check and foreign_key_check) before a file is restored. quick_check of the copy
stays: it proves that SQLite can read the file, and it refuses a backup of a database whose
pages are damaged.
`thorough=True` adds both checks to a backup again.

Limits. Where the system cannot drop cached pages (Windows, macOS: no posix_fadvise) the read
back may come from the file cache, and step 2 proves what the file system holds rather than
the device. A page the system had flushed and evicted before step 2's first read is read
from the device both times. And step 2 starts from what the file holds after SQLite wrote
it: another program writing into the hidden temporary file before that first read would go
unseen by step 2, as by any check of the copy alone (step 3 still reads what it wrote).
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import tempfile
import zlib
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from services.errors import BackupError, Cancelled, LavkaError
from services.files import (
    BACKUP_TEMP_SUFFIX,
    OTHER,
    backup_temp_prefix,
    discard,
    failure,
    fsync,
    reason_of,
    remove_leftover_temps,
)
from services.sqlite_file import check_problems, read_only_connection, sqlite_uri
from services.storage import BUSY_TIMEOUT_MS, SCHEMA_HEAD

if TYPE_CHECKING:
    from services.tables import Progress

NAME = re.compile(r"lavka-(\d{8}-\d{6})(?:-(\d+))?\.sqlite3")
COUNTED = ("contacts", "orders", "shipments", "products")
STEP_PAGES = 1024  # pages copied between two progress calls (4 MB at Lavka's page size)
CHECKSUM_BYTES = 1 << 20  # the copy is checksummed a MiB at a time (CRC-32 each)
TEMP_SUFFIX = BACKUP_TEMP_SUFFIX
KEEP_ALL = 1_000_000  # a `keep` that prunes nothing
SQLITE_NOTADB = 26


@dataclass(frozen=True)
class BackupInfo:
    """One backup file. `counts` (rows per table) and `revision` are None when not read:
    list_backups reads them only on request; verify_backup and backup_to always do."""

    path: Path
    taken_at: datetime  # from the file name when it follows NAME, else the file's mtime
    size: int  # bytes
    counts: dict[str, int] | None = field(default=None, hash=False)
    revision: str | None = None  # the schema version stamped in the file
    # backup_to: proven whole (the module's docstring); verify_backup: passed integrity_check
    # (or quick_check) and foreign_key_check
    verified: bool = False


# Why a file cannot serve as a backup: the last part of "backup.unusable.<why>" (a file
# chosen to restore) and "backup.copy.<why>" (the copy a backup just wrote).
UNUSABLE = ("not_sqlite", "not_lavka", "newer", "damaged", "broken_link")


class _Unusable(Exception):
    """Why a file cannot serve as a backup (internal; becomes a BackupError): the last part of
    its code ("damaged", …) and that code's parameters after the file's name; or `cause`, an
    error reading the file (OSError, sqlite3.Error), said by its reason."""

    def __init__(
        self, why: str, *params: object, cause: OSError | sqlite3.Error | None = None
    ) -> None:
        super().__init__(why, *params)
        self.why, self.params, self.cause = why, params, cause

    def said(self, error: type[LavkaError], area: str, where: Path) -> LavkaError:
        """`error` coded "<area>.<why>" (or "<read_area>.<reason>" for a read error)."""
        if self.cause is not None:
            read_area = "backup.failed" if area == "backup.copy" else "storage.unreadable"
            return failure(error, read_area, self.cause, where)
        return error.of(f"{area}.{self.why}", where, *self.params)


def local_backup_folder(database_path: Path | str) -> Path:
    """Where automatic backups go: beside the database."""
    return Path(database_path).parent / "backups"


def backup_to(
    database_path: Path | str,
    folder: Path | str,
    keep: int = 10,
    now: datetime | None = None,
    progress: Progress | None = None,
    thorough: bool = False,
) -> BackupInfo:
    """Copy the database into `folder` as lavka-YYYYMMDD-HHMMSS.sqlite3 (SQLite backup API
    into a hidden temporary file there, then proven whole as the module's docstring says:
    checksums read back after the fsync, quick_check, row counts; then renamed), then keep
    only the newest `keep` backups there. `thorough=True` checks the copy with
    integrity_check and foreign_key_check instead of quick_check: the database's own health
    too, at 10x the bare copy's time on the bench base. `progress(pages done, pages total)`
    may raise Cancelled."""
    database_path, folder = Path(database_path), Path(folder)
    if keep < 1:
        raise ValueError("keep must be at least 1: the backup just written is kept")
    now = (now or datetime.now()).replace(microsecond=0)
    if not database_path.is_file():
        raise BackupError.of("storage.no_database", database_path)
    if not folder.exists():
        raise BackupError.of("backup.no_folder", folder)
    if not folder.is_dir():
        raise BackupError.of("backup.not_a_folder", folder)
    # Copies a killed Lavka left there; one that a running Lavka is writing stays.
    remove_leftover_temps(folder, now.timestamp())
    try:  # a hidden name that NAME does not match: listing and pruning never see it
        handle, name = tempfile.mkstemp(prefix=backup_temp_prefix(), suffix=TEMP_SUFFIX, dir=folder)
        os.close(handle)
    except OSError as error:
        raise _failed(folder, error) from error
    temp, placed = Path(name), None
    try:
        counts = _snapshot(database_path, temp, progress)
        try:
            revision, copied = _write_proven(temp, _check(thorough), links=thorough)
        except _Unusable as problem:
            if not folder.is_dir():
                raise BackupError.of("backup.failed.folder_gone", folder) from None
            raise problem.said(BackupError, "backup.copy", folder) from None
        if copied != counts:
            raise _count_difference(folder, copied, counts)
        size = temp.stat().st_size  # before the rename: after it the backup stands
        placed = _free_name(folder, now)
        os.replace(temp, placed)
        fsync(folder)
    except (Cancelled, BackupError, OSError, sqlite3.Error) as error:
        # A backup whose rename could not be made durable is not trusted either.
        for path in (temp, placed):
            if path is not None:
                discard(path)
        if isinstance(error, (Cancelled, BackupError)):
            raise
        raise _failed(folder, error) from error
    # The backup is written and durable: a stick pulled now must not turn that into a failure.
    # Pruning is simply skipped; the next backup there prunes again.
    with contextlib.suppress(OSError):
        prune_backups(folder, keep, protect=placed)
    return BackupInfo(placed, now, size, counts, revision, verified=True)


def tidy_leftovers(database_path: Path | str) -> list[Path]:
    """At start: remove what a Lavka that was killed left half-written beside the database
    and in its backup folders (local_backup_folder and the folders in it: before-restore,
    before-import), SQLite journals included; returns what was removed. A file that a
    running program is still writing (a backup from the command line, another database's
    Lavka sharing the folder) is left alone, as its writer's id in the name says. Other
    folders (a stick, an export's) are tidied when Lavka next writes there."""
    database_path = Path(database_path)
    backups = local_backup_folder(database_path)
    folders = [database_path.parent, backups]
    with contextlib.suppress(OSError):
        folders.extend(sorted(path for path in backups.iterdir() if path.is_dir()))
    return [path for folder in folders for path in remove_leftover_temps(folder)]


def verify_backup(path: Path | str, thorough: bool = True) -> BackupInfo:
    """The backup's details if it is a sound Lavka database this version can open, else
    BackupError with the reason: integrity_check (quick_check if not `thorough`) and
    foreign_key_check, as nothing is known of where the file has been. Opens the file
    read-only: it is never changed."""
    path = Path(path)
    if not path.is_file():
        raise BackupError.of("backup.no_backup", path)
    try:
        revision, counts = _inspect(path, _check(thorough), links=True)
    except _Unusable as problem:
        raise problem.said(BackupError, "backup.unusable", path) from None
    return BackupInfo(path, _taken_at(path), path.stat().st_size, counts, revision, True)


def list_backups(folder: Path | str, with_counts: bool = False) -> list[BackupInfo]:
    """The backups in `folder` (files named like NAME; nothing else), newest first, unverified.
    Cheap: a stat per file. `with_counts` also reads each file's row counts and schema
    version (read-only, no checks; None where unreadable): a few page reads per table, but
    that adds up over a slow USB stick, so a caller may do it in the background."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found = []
    with os.scandir(folder) as entries:
        named = [entry for entry in entries if NAME.fullmatch(entry.name)]
    for entry in named:
        try:
            if not entry.is_file():
                continue
            size = entry.stat().st_size
        except OSError:  # removed meanwhile
            continue
        path, revision, counts = Path(entry.path), None, None
        if with_counts:
            with contextlib.suppress(_Unusable):
                revision, counts = _inspect(path, check=None)
        found.append(BackupInfo(path, _taken_at(path), size, counts, revision))
    return sorted(found, key=_age, reverse=True)


def newest_verified_backup(folders: Iterable[Path | str]) -> BackupInfo | None:
    """The newest backup across `folders` that verifies (missing folders are skipped)."""
    candidates = [info for folder in folders for info in list_backups(folder)]
    for info in sorted(candidates, key=_age, reverse=True):
        try:
            return verify_backup(info.path)
        except BackupError:
            continue
    return None


def prune_backups(folder: Path | str, keep: int, protect: Path | str | None = None) -> list[Path]:
    """Delete all but the newest `keep` backups in `folder`; returns what was deleted.
    `protect` is never deleted; without it the newest backup that verifies is found and
    spared, so damaged newer files can never push the last good one out."""
    backups = list_backups(folder)
    return delete_backups(backups, [info.path for info in backups[:keep]], protect)


def _snapshot(source: Path, temp: Path, progress: Progress | None) -> dict[str, int]:
    """Copy `source` into the empty file `temp`; returns its row counts at that moment."""
    try:  # mode=rw: never create a database that is not there
        src = sqlite3.connect(f"{sqlite_uri(source)}?mode=rw", uri=True, isolation_level=None)
        src.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        src.execute("PRAGMA query_only=1")
    except sqlite3.Error as error:
        raise failure(BackupError, "storage.unreadable", error, source) from error
    try:
        try:
            # One read transaction for the counts and the copy: both see the same committed
            # state, whatever other connections write or hold uncommitted meanwhile.
            src.execute("BEGIN")
            counts = {t: src.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in COUNTED}
        except sqlite3.Error as error:
            detail = " ".join(str(error).split())  # SQLite's own words
            raise BackupError.of("backup.source_unusable", source, detail) from error
        dst = sqlite3.connect(temp, isolation_level=None)
        try:
            dst.execute("PRAGMA synchronous=OFF")  # the finished file is fsynced once instead
            copy_pages(src, dst, progress)
            # The source's WAL flag came with its pages; rollback-journal mode makes the copy
            # one self-contained file.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    return counts


def copy_pages(
    src: sqlite3.Connection, dst: sqlite3.Connection, progress: Progress | None = None
) -> None:
    """Copy the database open as `src` into `dst` through the SQLite backup API: in one step
    without `progress`, else STEP_PAGES pages at a time with `progress(pages done, pages
    total)` between them, which may raise Cancelled to stop there (the copy is then
    incomplete: the caller discards or rolls back `dst`)."""
    if progress is None:
        src.backup(dst)  # one step: fastest
        return

    def report(_status: int, remaining: int, total: int) -> None:
        progress(total - remaining, total)  # may raise Cancelled: the backup stops there

    src.backup(dst, pages=STEP_PAGES, progress=report)


def _write_proven(temp: Path, check: str, links: bool) -> tuple[str, dict[str, int]]:
    """Flush the copy SQLite just wrote at `temp` and prove it whole (the module's docstring,
    steps 2 and 3): its schema revision and row counts, or _Unusable; OSError for a device
    that fails to flush or to read."""
    # The check reads the copy's cached pages in a thread (SQLite lets go of the GIL) while
    # this one checksums the same pages and waits for the device to take them. Leaving the
    # block waits for the check, also when the flush failed.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="backup-check") as pool:
        checked = pool.submit(_inspect, temp, check, links)
        written = _checksums(temp)
        fsync(temp)
        revision, copied = checked.result()
    _drop_cached(temp)
    stored = _checksums(temp)  # from the device, where the system could drop its cache
    if stored != written:
        chunk = next(
            (n for n, (a, b) in enumerate(zip(stored, written, strict=False)) if a != b),
            min(len(stored), len(written)),
        )
        start = chunk * CHECKSUM_BYTES
        raise _Unusable(
            "damaged",
            f"read back from the drive, bytes {start}-{start + CHECKSUM_BYTES - 1} "
            "differ from those written",
        )
    return revision, copied


def _checksums(path: Path) -> list[int]:
    """The CRC-32 of each CHECKSUM_BYTES of the file (the last part may be shorter)."""
    sums = []
    chunk = bytearray(CHECKSUM_BYTES)
    view = memoryview(chunk)
    # A buffered file fills the chunk but at the end (a bare read may return less), so that
    # two reads of the same bytes give the same list.
    with path.open("rb") as file:
        while size := file.readinto(chunk):
            sums.append(zlib.crc32(view[:size]))
    return sums


def _drop_cached(path: Path) -> None:
    """Ask the system to forget its cached pages of `path` (flushed: they are clean), so that
    the next read comes from the device. Where it cannot (Windows, macOS), nothing."""
    advise = getattr(os, "posix_fadvise", None)
    if advise is None:
        return
    handle = os.open(path, os.O_RDONLY)
    try:
        advise(handle, 0, 0, os.POSIX_FADV_DONTNEED)
    except OSError:  # advice only: a file system may ignore it
        pass
    finally:
        os.close(handle)


def _count_difference(folder: Path, copied: dict[str, int], counts: dict[str, int]) -> BackupError:
    """The copy holds other row counts than the database had: the first table that differs."""
    table = next(t for t in COUNTED if copied.get(t) != counts.get(t))
    return BackupError.of("backup.copy.incomplete", folder, table, copied.get(table), counts[table])


def _check(thorough: bool) -> str:
    return "integrity_check" if thorough else "quick_check"


def _inspect(path: Path, check: str | None, links: bool = False) -> tuple[str, dict[str, int]]:
    """Schema revision and row counts of a Lavka file that passes `check` (a PRAGMA, or None
    for no check at all) and, with `links`, foreign_key_check; else _Unusable(why)."""
    try:
        connection = read_only_connection(path)
    except (OSError, sqlite3.Error) as error:
        raise _Unusable("unreadable", cause=error) from error
    try:
        try:
            connection.execute("PRAGMA cache_size=-65536")  # index checks revisit pages often
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        except sqlite3.DatabaseError as error:
            if (getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF == SQLITE_NOTADB:
                raise _Unusable("not_sqlite") from error
            raise
        missing = sorted({"alembic_version", *COUNTED} - tables)
        if missing:
            raise _Unusable("not_lavka", ", ".join(missing))  # table names, as data
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = row[0] if row else "none"
        older = revision.isdigit() and int(revision) < int(SCHEMA_HEAD)  # upgraded when opened
        if check and revision != SCHEMA_HEAD and not older:
            raise _Unusable("newer", revision)
        problems = check_problems(connection, check) if check else None
        if problems:
            raise _Unusable("damaged", problems)  # SQLite's own findings
        broken = connection.execute("PRAGMA foreign_key_check").fetchone() if links else None
        if broken:
            table, rowid, parent, _ = broken
            raise _Unusable("broken_link", table, rowid, parent)
        counts = {t: connection.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in COUNTED}
    except sqlite3.DatabaseError as error:
        if reason_of(error)[0] != OTHER:  # a pulled stick, a file in use: not the file's fault
            raise _Unusable("unreadable", cause=error) from error
        raise _Unusable("damaged", " ".join(str(error).split())) from error
    finally:
        connection.close()
    return revision, counts


def delete_backups(
    backups: list[BackupInfo], kept: list[Path], protect: Path | str | None
) -> list[Path]:
    """Delete the files of `backups` (list_backups of one folder, newest first) that are not
    in `kept`; returns what was deleted. `protect` is never deleted; when it is None the
    newest backup there that verifies is spared instead. A file that cannot be deleted is
    skipped: retention failing must not fail the backup just written."""
    doomed = [info.path for info in backups if info.path not in kept]
    if doomed and protect is None:
        newest = newest_verified_backup([backups[0].path.parent])
        protect = newest.path if newest else None
    if protect is not None:
        doomed = [path for path in doomed if path.absolute() != Path(protect).absolute()]
    deleted = []
    for path in doomed:
        try:
            path.unlink()
        except OSError:  # retention failing must not fail the backup just written
            continue
        deleted.append(path)
    return deleted


def _taken_at(path: Path) -> datetime:
    match = NAME.fullmatch(path.name)
    if match:
        try:
            return datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
        except ValueError:  # lavka-20261399-...: the name lies; the file's time does not
            pass
    return datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)


def _age(info: BackupInfo) -> tuple[datetime, int]:
    match = NAME.fullmatch(info.path.name)
    return info.taken_at, int(match.group(2) or 1) if match else 0


def _free_name(folder: Path, now: datetime) -> Path:
    """lavka-<now>.sqlite3, or -2, -3, ... when a backup of the same second is there."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    path, number = folder / f"lavka-{stamp}.sqlite3", 2
    while path.exists():
        path, number = folder / f"lavka-{stamp}-{number}.sqlite3", number + 1
    return path


def _failed(folder: Path, error: OSError | sqlite3.Error) -> BackupError:
    """Coded "backup.failed.<reason>" (older backups there are untouched), or
    "backup.failed.folder_gone" when the folder itself went away (a stick pulled)."""
    if not folder.is_dir():
        return BackupError.of("backup.failed.folder_gone", folder)
    return failure(BackupError, "backup.failed", error, folder)
