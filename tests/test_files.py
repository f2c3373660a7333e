"""The shared file helpers: atomic writes, folders, discarding half-written files."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

import pytest

from services.errors import BackupError, Cancelled, LavkaError
from services.files import (
    atomic_write,
    atomic_writes,
    discard,
    failure,
    make_folder,
    reason_of,
)


@pytest.mark.parametrize("error", [OSError(errno.ENOSPC, "full"), Cancelled("cancelled")])
def test_a_failed_atomic_write_leaves_the_target_and_no_partial_file(tmp_path: Path, error):
    target = tmp_path / "export.csv"
    target.write_text("the old export")
    with pytest.raises(type(error)), atomic_write(target) as partial:
        partial.write_text("half of the new one")
        raise error
    assert target.read_text() == "the old export"
    assert [p.name for p in tmp_path.iterdir()] == ["export.csv"]


def test_an_atomic_write_appears_only_when_complete(tmp_path: Path):
    target = tmp_path / "report.pdf"
    with atomic_write(target) as partial:
        partial.write_bytes(b"%PDF")
        assert partial.parent == tmp_path and partial.name.startswith(".report.pdf.partial-")
        assert not target.exists()
    assert target.read_bytes() == b"%PDF"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_a_failure_in_a_set_of_atomic_writes_changes_none_of_them(tmp_path: Path):
    first, second = tmp_path / "contacts.csv", tmp_path / "orders.csv"
    first.write_text("old contacts")
    with pytest.raises(Cancelled), atomic_writes([first, second]) as partials:
        partials[0].write_text("new contacts")
        raise Cancelled("cancelled")
    assert [p.name for p in tmp_path.iterdir()] == ["contacts.csv"]
    assert first.read_text() == "old contacts"


def test_make_folder_says_why_with_the_callers_error(tmp_path: Path):
    blocker = tmp_path / "stick"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(BackupError) as caught:
        make_folder(blocker / "backups", BackupError)
    # a file where a folder is wanted: ENOTDIR, said in the system's own words
    assert caught.value.code == "files.folder.other"
    assert caught.value.params == (str(blocker / "backups"), os.strerror(errno.ENOTDIR))
    with pytest.raises(LavkaError) as caught:
        make_folder(blocker / "backups")
    assert caught.value.code == "files.folder.other"
    make_folder(tmp_path / "a" / "b")
    make_folder(tmp_path / "a" / "b")  # already there: nothing happens
    assert (tmp_path / "a" / "b").is_dir()


def test_discard_removes_a_file_and_its_sqlite_journals(tmp_path: Path):
    copy = tmp_path / "copy.sqlite3"
    for name in ("copy.sqlite3", "copy.sqlite3-wal", "copy.sqlite3-journal", "other.sqlite3"):
        (tmp_path / name).write_bytes(b"x")
    discard(copy)
    discard(tmp_path / "missing.sqlite3")  # nothing there: no error
    assert [p.name for p in tmp_path.iterdir()] == ["other.sqlite3"]


def test_the_reason_of_a_failure_is_a_code():
    assert reason_of(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))) == ("disk_full", ())
    assert reason_of(OSError(errno.EDQUOT, os.strerror(errno.EDQUOT))) == ("disk_full", ())
    assert reason_of(OSError(errno.EROFS, os.strerror(errno.EROFS))) == ("read_only", ())
    assert reason_of(PermissionError(errno.EACCES, "Permission denied")) == ("denied", ())
    assert reason_of(OSError(errno.EIO, os.strerror(errno.EIO))) == ("device", ())
    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorcode = 13  # SQLITE_FULL
    assert reason_of(full) == ("disk_full", ())
    # Windows: a file another program holds open is an EACCES with its own winerror
    held = PermissionError(errno.EACCES, "The process cannot access the file")
    held.winerror = 32  # ERROR_SHARING_VIOLATION (set by Python itself only on Windows)
    assert reason_of(held) == ("in_use", ())
    assert reason_of(ValueError("odd")) == ("other", ("odd",))


def test_a_failure_is_said_in_one_line_without_a_traceback(tmp_path: Path):
    """A full disk while writing a file (a backup, an export, the rejected rows) is a code
    and the path: one line, whatever the system's text was."""
    error = failure(LavkaError, "backup.failed", OSError(errno.ENOSPC, "No space"), tmp_path)
    assert (error.code, error.params) == ("backup.failed.disk_full", (str(tmp_path),))
    assert "\n" not in str(error)
    odd = failure(LavkaError, "backup.failed", OSError(errno.ENAMETOOLONG, "Name\ntoo  long"), "x")
    assert (odd.code, odd.params) == ("backup.failed.other", ("x", "Name too long"))
    assert "\n" not in str(odd)
