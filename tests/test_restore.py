"""Restoring a backup, and finding and moving aside a damaged database."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from services import backup as backups
from services.backup import backup_to
from services.contacts import ContactInput, create_contact
from services.errors import BackupError, Cancelled, DamagedDatabase, StorageError
from services.restore import quarantine_damaged, restore_backup
from services.sqlite_file import quick_check
from services.storage import Database
from tests import test_backup
from tests.sqlite_pages import flip
from tests.test_backup import (
    NOW,
    corrupt,
    digest,
    foreign,
    made,
    not_sqlite,
    rows,
)

pytestmark = pytest.mark.sqlite_only("a restore replaces the SQLite file with a backup file")

# The demo database fixtures, bound by name so that pytest offers them in this module too.
demo_file = test_backup.demo_file
demo = test_backup.demo


def test_restore_round_trip(db, shop, tmp_path):
    saved_state = rows(db.path)
    info = backup_to(db.path, made(tmp_path / "stick"))
    create_contact(db, ContactInput("Пётр", "+7 999 000-00-00"))
    changed_state = rows(db.path)
    db.close()
    # Another program still reading the file: it must see the restored rows, as it would not
    # if the file were replaced underneath it.
    reader = sqlite3.connect(db.path)
    reader.execute("SELECT COUNT(*) FROM contacts").fetchone()
    safety = tmp_path / "safety"
    result = restore_backup(info.path, db.path, safety)
    assert result.restored == info
    assert result.saved_current is not None and result.saved_current.path.parent == safety
    assert rows(result.saved_current.path) == changed_state
    assert (
        reader.execute("SELECT * FROM contacts ORDER BY id").fetchall() == saved_state["contacts"]
    )
    reader.close()
    reopened = Database.open(db.path)
    try:
        assert rows(db.path) == saved_state
        with reopened.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        reopened.close()


def test_restore_over_a_crashed_database_ignores_its_stale_wal(db, shop, tmp_path):
    """Changes committed only to the -wal of a crashed database go into the safety copy, and
    do not come back into the restored database."""
    info = backup_to(db.path, made(tmp_path / "b"))
    create_contact(db, ContactInput("Пётр", "+7 999 000-00-00"))
    crashed = made(tmp_path / "crashed") / "lavka.sqlite3"
    for suffix in ("", "-wal"):  # as a power cut leaves them, while db is still open
        shutil.copyfile(f"{db.path}{suffix}", f"{crashed}{suffix}")
    assert Path(f"{crashed}-wal").stat().st_size > 0
    result = restore_backup(info.path, crashed, tmp_path / "safety")
    assert result.saved_current is not None
    assert "Пётр" in str(rows(result.saved_current.path)["contacts"])
    Database.open(crashed).close()
    assert rows(crashed) == rows(info.path)


@pytest.mark.parametrize(
    ("spoil", "code"),
    [
        (not_sqlite, "backup.unusable.not_sqlite"),
        (foreign, "backup.unusable.not_lavka"),
        (corrupt, "backup.unusable.damaged"),
    ],
)
def test_restore_refuses_a_bad_file_and_changes_nothing(db, shop, tmp_path, spoil, code):
    bad = tmp_path / "bad.sqlite3"
    if spoil is corrupt:
        backup_to(db.path, tmp_path, now=NOW).path.rename(bad)
    spoil(bad)
    db.close()
    before = digest(db.path)
    with pytest.raises(BackupError) as caught:
        restore_backup(bad, db.path, tmp_path / "safety")
    assert caught.value.code == code and caught.value.params[0] == str(bad)
    assert digest(db.path) == before
    assert not (tmp_path / "safety").exists()


def test_no_restore_without_a_safety_copy_proven_whole(db, shop, tmp_path, monkeypatch):
    """The copy of the current data that a restore saves first is a backup like any other:
    when the drive stores it wrong, the restore does not happen."""
    backup = backup_to(db.path, made(tmp_path / "stick"), now=NOW).path
    create_contact(db, ContactInput("Пётр", "+7 999 000-00-00"))
    db.close()
    before, real_fsync = rows(db.path), backups.fsync

    def stored_wrong(path):
        real_fsync(path)
        if path.suffix == backups.TEMP_SUFFIX:
            flip(path, "products", b"Travel", b"Gravel")

    monkeypatch.setattr(backups, "fsync", stored_wrong)
    safety = tmp_path / "safety"
    with pytest.raises(BackupError) as caught:
        restore_backup(backup, db.path, safety)
    assert caught.value.code == "restore.not_saved_aside"
    cause = caught.value.__cause__
    assert isinstance(cause, BackupError) and cause.code == "backup.copy.damaged"
    assert rows(db.path) == before and "Пётр" in str(before["contacts"])
    assert list(safety.iterdir()) == []


def test_a_cancelled_restore_leaves_the_database_as_it_was(
    demo_file, db, shop, tmp_path, monkeypatch
):
    monkeypatch.setattr(backups, "STEP_PAGES", 10)
    db.close()
    before = rows(db.path)

    def progress(done, total):
        if done >= 30:
            raise Cancelled("stopped")

    with pytest.raises(Cancelled):
        restore_backup(demo_file, db.path, tmp_path / "safety", progress=progress)
    Database.open(db.path).close()
    assert rows(db.path) == before


def test_restore_into_a_missing_file_and_across_page_sizes(db, shop, tmp_path):
    backup = backup_to(db.path, tmp_path, now=NOW).path
    big_pages = tmp_path / "big-pages.sqlite3"
    shutil.copyfile(backup, big_pages)  # a backup file, not a live database
    connection = sqlite3.connect(big_pages)
    connection.execute("PRAGMA page_size=8192")
    connection.execute("VACUUM")
    assert connection.execute("PRAGMA page_size").fetchone() == (8192,)
    connection.close()
    db.close()
    moved = quarantine_damaged(db.path)  # as after damage: no database there any more
    fresh = restore_backup(backup, db.path, tmp_path / "safety")
    assert fresh.saved_current is None and rows(db.path) == rows(moved)
    Database.open(db.path).close()  # back in WAL mode with 4096-byte pages
    result = restore_backup(big_pages, db.path, tmp_path / "safety")
    assert result.saved_current is not None
    assert rows(db.path) == rows(backup)


def test_quick_check_finds_damage_without_touching_the_file(demo, tmp_path):
    assert quick_check(demo) is None
    corrupt(demo)
    reason = quick_check(demo)
    assert reason is not None and "btreeInitPage" in reason
    with pytest.raises(StorageError) as caught:
        quick_check(tmp_path / "none.sqlite3")
    assert caught.value.code == "storage.no_database"
    assert sorted(tmp_path.iterdir()) == [demo]  # no -wal, -shm; nothing created


def test_a_damaged_database_is_refused_before_anything_writes(demo, tmp_path):
    corrupt(demo)
    before = digest(demo)
    with pytest.raises(DamagedDatabase) as caught:
        Database.open(demo)
    assert isinstance(caught.value, StorageError) and caught.value.path == demo
    assert f"'{demo}' cannot be opened as a Lavka database: it is damaged" in str(caught.value)
    assert digest(demo) == before
    assert sorted(tmp_path.iterdir()) == [demo]


def test_a_transaction_cut_short_is_not_damage(tmp_path):
    """A hot rollback journal (a crash mid-write in rollback mode) is rolled back on open,
    not reported as damage."""
    path, crashed = tmp_path / "a.sqlite3", tmp_path / "crashed.sqlite3"
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("CREATE TABLE t (x)")
    connection.executemany("INSERT INTO t VALUES (?)", [("a" * 200,) for _ in range(3000)])
    connection.execute("PRAGMA cache_size=5")  # the update spills into the file mid-way
    connection.execute("BEGIN")
    connection.execute("UPDATE t SET x = 'b' || x")
    for suffix in ("", "-journal"):
        shutil.copyfile(f"{path}{suffix}", f"{crashed}{suffix}")
    connection.execute("ROLLBACK")
    connection.close()
    assert quick_check(crashed) is None


def test_quarantine_moves_the_file_with_its_companions(tmp_path):
    path = tmp_path / "lavka.sqlite3"
    for round_ in (1, 2):
        path.write_bytes(b"damaged")
        Path(f"{path}-wal").write_bytes(b"wal")
        Path(f"{path}-shm").write_bytes(b"shm")
        moved = quarantine_damaged(path)
        suffix = ".damaged" if round_ == 1 else ".damaged-2"
        assert moved == tmp_path / f"lavka.sqlite3{suffix}"
        assert Path(f"{moved}-wal").read_bytes() == b"wal"
        assert Path(f"{moved}-shm").read_bytes() == b"shm"
        assert not path.exists() and not Path(f"{path}-wal").exists()
    assert len(list(tmp_path.iterdir())) == 6


def test_quarantine_is_all_or_nothing(tmp_path, monkeypatch):
    """The database is moved first; when a file beside it cannot follow, everything moved goes
    back, so a -wal is never separated from its database."""
    path = tmp_path / "lavka.sqlite3"
    files = {path: b"damaged", Path(f"{path}-wal"): b"wal", Path(f"{path}-shm"): b"shm"}
    for name, content in files.items():
        name.write_bytes(content)
    real_replace = os.replace
    moves = []

    def held(source, target):
        if Path(source) == Path(f"{path}-shm"):
            raise PermissionError(errno.EACCES, "File in use by another process")
        moves.append((Path(source).name, Path(target).name))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", held)
    with pytest.raises(BackupError) as caught:
        quarantine_damaged(path)
    assert (caught.value.code, caught.value.params) == ("restore.not_moved.denied", (str(path),))
    assert moves[:2] == [  # the database first, then its -wal
        ("lavka.sqlite3", "lavka.sqlite3.damaged"),
        ("lavka.sqlite3-wal", "lavka.sqlite3.damaged-wal"),
    ]
    assert {p: p.read_bytes() for p in tmp_path.iterdir()} == files


def test_quarantine_says_what_it_could_not_put_back(tmp_path, monkeypatch):
    path = tmp_path / "lavka.sqlite3"
    path.write_bytes(b"damaged")
    Path(f"{path}-wal").write_bytes(b"wal")
    real_replace = os.replace

    def held(source, target):
        if Path(source).name in ("lavka.sqlite3-wal", "lavka.sqlite3.damaged"):
            raise PermissionError(errno.EACCES, "File in use by another process")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", held)
    with pytest.raises(BackupError) as caught:
        quarantine_damaged(path)
    moved = tmp_path / "lavka.sqlite3.damaged"
    assert (caught.value.code, caught.value.params) == ("restore.stuck", (str(path), str(moved)))
    assert moved.read_bytes() == b"damaged" and Path(f"{path}-wal").read_bytes() == b"wal"
