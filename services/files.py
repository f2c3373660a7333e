"""Files written safely: atomic replacement, folders, fsync, and a failure as a code.

Shared by backup, restore, retention and the export writers. No Qt, no database: SQLite's
files come in only as names (a database's -wal/-shm/-journal) and as error codes.

A temporary file carries the id of the process writing it (`.lavka-<pid>-….part` for a
backup, `.<name>.partial-<pid>-…` for any other file), so that one left by a Lavka that was
killed can be told from one that a running Lavka is writing: remove_leftover_temps.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import re
import secrets
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TypeVar

from services.errors import LavkaError

E = TypeVar("E", bound=LavkaError)

COMPANIONS = ("-wal", "-shm", "-journal")  # the files SQLite keeps beside a database
# SQLite's primary result codes (sqlite3.Error.sqlite_errorcode & 0xFF) that are the device's.
SQLITE_PERM, SQLITE_BUSY, SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL = 3, 5, 8, 10, 13
WINDOWS_SHARING_VIOLATION, WINDOWS_LOCK_VIOLATION = 32, 33
# Why a file could not be read or written, as the last part of a message's code
# ("backup.failed.disk_full"); OTHER carries the system's own words as the last parameter.
DISK_FULL, DENIED, READ_ONLY, IN_USE, DEVICE, OTHER = (
    "disk_full",
    "denied",
    "read_only",
    "in_use",
    "device",
    "other",
)
REASONS = (DISK_FULL, DENIED, READ_ONLY, IN_USE, DEVICE, OTHER)
BACKUP_TEMP_SUFFIX = ".part"
# The temporary files of a backup (`.lavka-<pid>-<random>.part`; before the pid was written,
# `.lavka-<random>.part`) and of atomic_write (`.<name>.partial-<pid>-<hex>`; before,
# `.<name>.partial-<hex>`), each perhaps with an SQLite journal after it.
_TEMP = re.compile(
    r"\.(?:lavka-(?:(?P<backup_pid>\d+)-)?[a-z0-9_]+\.part"
    r"|.+\.partial-(?:(?P<partial_pid>\d+)-)?[0-9a-f]{8})"
    r"(?:-wal|-shm|-journal)?"
)
STALE_TEMP_SECONDS = 24 * 3600  # unwritten this long, a temporary file is nobody's any more


def reason_of(error: BaseException) -> tuple[str, tuple[str, ...]]:
    """Why a file could not be read or written, as (reason, extra parameters): an OSError by
    its errno, an sqlite3.Error by its result code (a full disk, a pulled stick, a file in
    use). An error of no known kind is OTHER with its own text, on one line."""
    code = getattr(error, "errno", None)
    sqlite_code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
    if code in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT) or sqlite_code == SQLITE_FULL:
        return DISK_FULL, ()
    if getattr(error, "winerror", None) in (WINDOWS_SHARING_VIOLATION, WINDOWS_LOCK_VIOLATION):
        return IN_USE, ()  # Windows: another program holds the file open (an EACCES too)
    if code in (errno.EACCES, errno.EPERM) or sqlite_code == SQLITE_PERM:
        return DENIED, ()
    if code == errno.EROFS or sqlite_code == SQLITE_READONLY:
        return READ_ONLY, ()
    if sqlite_code == SQLITE_BUSY or code == errno.EBUSY:
        return IN_USE, ()
    if code == errno.EIO or sqlite_code == SQLITE_IOERR:
        return DEVICE, ()
    said = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    return OTHER, (" ".join(said.split()) or type(error).__name__,)


def failure(kind: type[E], code: str, error: BaseException, *params: object) -> E:
    """`kind` said by `code` plus the reason of `error`: failure(BackupError,
    "backup.failed", error, folder) is BackupError.of("backup.failed.disk_full", folder) for
    a full disk, and ("backup.failed.other", folder, "<the system's words>") for an error of
    no known kind."""
    reason, extra = reason_of(error)
    return kind.of(f"{code}.{reason}", *params, *extra)


def make_folder(folder: Path | str, error: type[LavkaError] = LavkaError) -> None:
    """Create `folder` and any missing parents; nothing happens if it is there. When the
    device refuses, raises `error` (a LavkaError class: backup passes BackupError) with the
    code "files.folder.<reason>" and the folder."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as problem:
        raise failure(error, "files.folder", problem, folder) from problem


def beside(path: Path, suffix: str) -> Path:
    """`path` with `suffix` added to its whole name: beside(db, "-wal") is db's WAL file."""
    return path.with_name(path.name + suffix)


def discard(path: Path) -> None:
    """Remove a half-written file and the SQLite journals beside it (COMPANIONS), as far as
    the device still lets us: a failure to remove is ignored, never raised."""
    for suffix in ("", *COMPANIONS):
        with contextlib.suppress(OSError):
            beside(path, suffix).unlink(missing_ok=True)


def fsync(path: Path) -> None:
    """Flush a file's contents to the device. A folder's fsync makes a rename in it durable
    (POSIX; Windows cannot open folders, so there it does nothing). A file system without
    fsync is no error; any other failure (a full device, say) is raised as OSError."""
    if path.is_dir() and os.name == "nt":
        return
    # Windows flushes only a handle open for writing.
    flags = os.O_RDONLY if path.is_dir() else os.O_RDWR | getattr(os, "O_BINARY", 0)
    handle = os.open(path, flags)
    try:
        os.fsync(handle)
    except OSError as error:
        if error.errno not in (errno.EINVAL, errno.ENOTSUP):  # a file system without it
            raise
    finally:
        os.close(handle)


@contextlib.contextmanager
def atomic_write(path: Path | str) -> Iterator[Path]:
    """Write a file that appears at `path` only when complete.

        with atomic_write(target) as partial:
            partial.write_bytes(...)

    The block writes to `partial`, a hidden name beside `path` in the same folder; when it
    ends normally the partial file is fsynced and renamed onto `path` (os.replace). Any
    exception, errors.Cancelled and KeyboardInterrupt included, removes the partial file
    and leaves whatever was at `path` untouched."""
    with atomic_writes([path]) as (partial,):
        yield partial


@contextlib.contextmanager
def atomic_writes(paths: Sequence[Path | str]) -> Iterator[list[Path]]:
    """atomic_write for several files that appear together: the block writes one partial
    file per path (in the same order); they are all fsynced first, then renamed one by one.
    Any exception before the renames removes every partial file and changes none of
    `paths`; one during the renames (a file held open by another program, say) leaves those
    already renamed in place and removes the rest."""
    partials = [_partial(Path(path)) for path in paths]
    try:
        yield partials
        for partial in partials:
            fsync(partial)  # the rename must not publish a file still in the cache
        for partial, path in zip(partials, paths, strict=True):
            os.replace(partial, path)
    except BaseException:
        for partial in partials:
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)
        raise


def _partial(path: Path) -> Path:
    """A hidden name beside `path`, unique per write: two writes of one file never meet."""
    return path.with_name(f".{path.name}.partial-{os.getpid()}-{secrets.token_hex(4)}")


def backup_temp_prefix() -> str:
    """The start of a backup's temporary name (tempfile.mkstemp adds the rest and
    BACKUP_TEMP_SUFFIX): hidden, and never matched by the names of finished backups."""
    return f".lavka-{os.getpid()}-"


def remove_leftover_temps(folder: Path | str, now: float | None = None) -> list[Path]:
    """Remove the temporary files in `folder` that no running program is writing any more (a
    backup or an export whose Lavka was killed, with their SQLite journals); returns what
    was removed. One whose writer is still running is left alone, unless nothing wrote to
    it for a day (its writer's id then belongs to another process); one named before the
    writer's id was part of the name goes when a day old. Tidying only: a file that cannot
    be removed, or a folder that cannot be read, is skipped without an error."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        with os.scandir(folder) as entries:
            found = [entry for entry in entries if entry.name.startswith(".")]
    except OSError:  # no such folder (a stick not plugged in), or not readable
        return removed
    for entry in found:
        match = _TEMP.fullmatch(entry.name)
        if match is None:
            continue
        pid = match.group("backup_pid") or match.group("partial_pid")
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            # A day unwritten, no backup or export is still at work on it: its id may have
            # been given to another process since (after a restart, say).
            stale = now - entry.stat().st_mtime > STALE_TEMP_SECONDS
            if not stale and (pid is None or process_running(int(pid))):
                continue
            os.unlink(entry.path)
        except OSError:  # removed meanwhile, or held open (Windows): left for next time
            continue
        removed.append(Path(entry.path))
    return removed


def process_running(pid: int) -> bool:
    """Whether a process with this id runs now (on this computer). The own process runs."""
    if pid == os.getpid():
        return True
    if pid <= 0:
        return False
    if os.name == "nt":
        return _windows_process_running(pid)
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process is there
    except ProcessLookupError:
        return False
    except OSError:  # there, but another user's (EPERM)
        return True
    return True


def _windows_process_running(pid: int) -> bool:
    # os.kill on Windows would terminate the process; ask the kernel instead.
    if sys.platform != "win32":  # (called on Windows only: the type checker reads on as such)
        raise RuntimeError("the kernel is asked on Windows only")
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.OpenProcess.restype = ctypes.c_void_p  # a HANDLE: pointer-sized
    kernel32.OpenProcess.argtypes = (ctypes.c_ulong, ctypes.c_int, ctypes.c_ulong)
    kernel32.GetExitCodeProcess.argtypes = (ctypes.c_void_p, ctypes.POINTER(ctypes.c_ulong))
    kernel32.CloseHandle.argtypes = (ctypes.c_void_p,)
    query_limited_information, still_active, access_denied = 0x1000, 259, 5
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return ctypes.get_last_error() == access_denied
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)
