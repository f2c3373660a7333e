"""Files written safely: atomic replacement, folders, fsync, and a failure in a person's words.

Shared by backup, restore, retention and the export writers. No Qt, no database: SQLite's
files come in only as names (a database's -wal/-shm/-journal) and as error codes.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Iterator, Sequence
from pathlib import Path

from services.errors import LavkaError

COMPANIONS = ("-wal", "-shm", "-journal")  # the files SQLite keeps beside a database
# SQLite's primary result codes (sqlite3.Error.sqlite_errorcode & 0xFF) that are the device's.
SQLITE_BUSY, SQLITE_IOERR, SQLITE_FULL = 5, 10, 13


def make_folder(folder: Path | str, error: type[LavkaError] = LavkaError) -> None:
    """Create `folder` and any missing parents; nothing happens if it is there. When the
    device refuses, raises `error` (a LavkaError class: backup passes BackupError) saying
    "Folder '<folder>' cannot be created (<reason>)."."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as problem:
        reason = problem.strerror or str(problem)
        raise error(f"Folder '{folder}' cannot be created ({reason}).") from problem


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


def os_reason(error: BaseException) -> str:
    """A person's words for why a file could not be read or written: an OSError by its errno,
    an sqlite3.Error by its result code (a full disk, a pulled stick, a file in use);
    otherwise the error's own text."""
    code = getattr(error, "errno", None)
    sqlite_code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
    if code in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT) or sqlite_code == SQLITE_FULL:
        return "no space left on the device"
    if code in (errno.EACCES, errno.EPERM):
        return "Lavka is not allowed to write there"
    if code == errno.EROFS:
        return "the device is read-only"
    if sqlite_code == SQLITE_BUSY:
        return "the file is in use by another program (is Lavka running?)"
    if code == errno.EIO or sqlite_code == SQLITE_IOERR:
        return "the device reported a read or write error (was it removed?)"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error)


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
    return path.with_name(f".{path.name}.partial-{secrets.token_hex(4)}")
