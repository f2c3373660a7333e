"""The shared file helpers: atomic writes, folders, discarding half-written files."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from services.errors import BackupError, Cancelled, LavkaError
from services.files import atomic_write, atomic_writes, discard, make_folder, os_reason


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
    with pytest.raises(BackupError, match=r"^Folder '.*stick.backups' cannot be created \("):
        make_folder(blocker / "backups", BackupError)
    with pytest.raises(LavkaError):
        make_folder(blocker / "backups")
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


def test_os_reason_in_plain_words():
    assert os_reason(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))) == (
        "no space left on the device"
    )
    assert os_reason(OSError(errno.EROFS, os.strerror(errno.EROFS))) == "the device is read-only"
    assert os_reason(ValueError("odd")) == "odd"
