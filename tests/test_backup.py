"""Backups: taking, verifying, listing and pruning them, on real SQLite files in tmp_path."""

from __future__ import annotations

import errno
import hashlib
import os
import re
import shutil
import sqlite3
import stat
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from services import backup as backups
from services.backup import (
    backup_to,
    list_backups,
    newest_verified_backup,
    prune_backups,
    verify_backup,
)
from services.errors import BackupError, Cancelled
from services.sqlite_file import read_only_connection
from services.storage import SCHEMA_HEAD, Database, copy_database
from tests.sqlite_pages import flip

pytestmark = pytest.mark.sqlite_only(
    "backups copy the SQLite file; a server's database is backed up by its server"
)

REPO = Path(__file__).resolve().parent.parent
NOW = datetime(2026, 6, 17, 12, 0, 0)  # a Wednesday
TABLES = ("contacts", "products", "orders", "shipments")
SHOP_COUNTS = {"contacts": 3, "orders": 6, "shipments": 8, "products": 3}


def rows(path: Path) -> dict[str, list[tuple]]:
    """Every row of the business tables, to compare two files' contents."""
    connection = sqlite3.connect(path)
    try:
        return {t: connection.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in TABLES}
    finally:
        connection.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def corrupt(path: Path, part: str = "orders") -> None:
    """Zero the b-tree header of a table's or an index's root page (page 3 or later): real
    damage that SQLite's quick_check reports, in a file that was closed cleanly."""
    connection = sqlite3.connect(path)
    root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (part,))
    page, page_size = root.fetchone()[0], connection.execute("PRAGMA page_size").fetchone()[0]
    connection.close()
    assert page >= 3
    with path.open("r+b") as file:
        file.seek((page - 1) * page_size)
        file.write(bytes(64))


def made(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def fake_backup(folder: Path, when: datetime, content: bytes = b"not checked") -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / f"lavka-{when:%Y%m%d-%H%M%S}.sqlite3"
    path.write_bytes(content)
    return path


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    """The demo business (about 1,000 orders, 120 pages), built once for this module."""
    from services.demo import create_demo_business

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    database = Database.open(path)
    create_demo_business(database, today=NOW.date())
    database.close()
    return path


@pytest.fixture
def demo(demo_file, tmp_path) -> Path:
    path = tmp_path / "lavka.sqlite3"
    copy_database(demo_file, path)
    return path


def test_backup_is_a_verified_standalone_copy(db, shop, tmp_path):
    folder = tmp_path / "stick"
    folder.mkdir()
    info = backup_to(db.path, folder, now=NOW)
    assert info.path == folder / "lavka-20260617-120000.sqlite3"
    assert (info.taken_at, info.revision, info.verified) == (NOW, SCHEMA_HEAD, True)
    assert info.counts == SHOP_COUNTS
    assert info.size == info.path.stat().st_size > 0
    assert sorted(p.name for p in folder.iterdir()) == [info.path.name]  # no temp, no journal
    assert info.path.read_bytes()[18:20] == b"\x01\x01"  # rollback journal: one file holds all
    assert rows(info.path) == rows(db.path)
    assert verify_backup(info.path) == info


def test_backup_holds_the_committed_state_while_another_connection_writes(db, shop, tmp_path):
    before = rows(db.path)
    writer = sqlite3.connect(db.path, isolation_level=None)
    writer.execute("PRAGMA cache_size=5")  # spill uncommitted pages into the WAL file
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE contacts SET name = 'uncommitted'")
    writer.execute("DELETE FROM shipments")
    writer.executemany(
        "INSERT INTO products (name, default_price, default_cost, active) VALUES (?, 0, 0, 1)",
        [(f"uncommitted {n}",) for n in range(3000)],
    )
    try:
        info = backup_to(db.path, tmp_path, now=NOW)
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert info.counts == SHOP_COUNTS
    assert rows(info.path) == before


def test_a_commit_during_the_copy_is_not_in_it(demo, tmp_path, monkeypatch):
    """The counts and the pages come from one snapshot, even when a writer commits between two
    steps of the copy."""
    monkeypatch.setattr(backups, "STEP_PAGES", 10)
    before = rows(demo)
    writer = sqlite3.connect(demo, isolation_level=None)
    calls = []

    def progress(done, total):
        calls.append((done, total))
        if len(calls) == 2:
            writer.execute("DELETE FROM shipments WHERE order_id IN (SELECT id FROM orders)")
            writer.execute("DELETE FROM orders WHERE id > 10")

    folder = tmp_path / "backups"
    folder.mkdir()
    info = backup_to(demo, folder, now=NOW, progress=progress)
    writer.close()
    assert len(calls) > 5 and calls[-1][0] == calls[-1][1]
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert rows(info.path) == before
    assert info.counts["orders"] == len(before["orders"]) > 10
    assert rows(demo)["shipments"] == []  # the commit did happen, after the snapshot


def test_cancel_removes_the_half_written_file(demo, tmp_path, monkeypatch):
    monkeypatch.setattr(backups, "STEP_PAGES", 10)
    folder = tmp_path / "backups"
    older = fake_backup(folder, datetime(2026, 6, 1))

    def progress(done, total):
        if done > 20:
            raise Cancelled("stopped")

    with pytest.raises(Cancelled):
        backup_to(demo, folder, now=NOW, progress=progress)
    assert list(folder.iterdir()) == [older]


def test_two_backups_in_one_second_both_stay(db, tmp_path):
    first = backup_to(db.path, tmp_path, now=NOW)
    second = backup_to(db.path, tmp_path, now=NOW)
    assert second.path.name == "lavka-20260617-120000-2.sqlite3"
    assert first.path.is_file() and second.path.is_file()
    assert [info.path for info in list_backups(tmp_path)] == [second.path, first.path]


def test_keep_prunes_only_backups_and_only_the_oldest(db, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    others = [folder / "notes.txt", folder / "lavka-old.sqlite3", folder / "lavka.sqlite3"]
    for other in others:
        other.write_text("mine")
    made = [backup_to(db.path, folder, keep=3, now=NOW.replace(day=day)) for day in range(1, 6)]
    assert {p for p in folder.iterdir() if p not in others} == {i.path for i in made[2:]}
    assert all(other.read_text() == "mine" for other in others)


def test_pruning_spares_the_newest_verified_backup_behind_damaged_ones(db, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    oldest = backup_to(db.path, folder, now=datetime(2026, 6, 1)).path
    good = backup_to(db.path, folder, now=datetime(2026, 6, 2)).path
    damaged = [fake_backup(folder, datetime(2026, 6, day), b"junk" * 100) for day in (3, 4)]
    deleted = prune_backups(folder, keep=1, protect=None)
    assert deleted == [damaged[0], oldest]
    assert sorted(folder.iterdir()) == [good, damaged[1]]


def test_a_full_disk_keeps_older_backups_and_leaves_no_temp(db, tmp_path, monkeypatch):
    folder = tmp_path / "stick"
    older = backup_to(db.path, made(folder), now=datetime(2026, 6, 1)).path
    before = digest(older)

    def full(_fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(BackupError) as caught:
        backup_to(db.path, folder, now=NOW)
    assert (caught.value.code, caught.value.params) == ("backup.failed.disk_full", (str(folder),))
    assert list(folder.iterdir()) == [older] and digest(older) == before


@pytest.mark.skipif(os.name != "posix", reason="RLIMIT_FSIZE is POSIX")
def test_a_write_failing_inside_sqlite_midway_cleans_up(demo, tmp_path):
    """A file-size limit makes SQLite's own writes fail half-way through the copy."""
    folder = tmp_path / "stick"
    older = backup_to(demo, made(folder), now=datetime(2026, 6, 1)).path
    before = digest(older)
    script = (
        "import resource, signal, sys\n"
        "from services.backup import backup_to\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))\n"
        "from services.errors import BackupError\n"
        "try:\n"
        "    backup_to(sys.argv[1], sys.argv[2])\n"
        "except BackupError as error:\n"
        "    print(error.code, *error.params)\n"
        "    sys.exit(3)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script, str(demo), str(folder)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 3, run.stderr
    # SQLite says EFBIG as an I/O error of the device
    assert run.stdout.strip() == f"backup.failed.device {folder}"
    assert list(folder.iterdir()) == [older] and digest(older) == before


def test_a_folder_removed_midway_is_reported(demo, tmp_path, monkeypatch):
    monkeypatch.setattr(backups, "STEP_PAGES", 10)
    folder = tmp_path / "stick"
    folder.mkdir()
    with pytest.raises(BackupError) as caught:
        backup_to(demo, folder, progress=lambda done, total: shutil.rmtree(folder, True))
    assert (caught.value.code, caught.value.params) == ("backup.failed.folder_gone", (str(folder),))
    assert not folder.exists()


def test_a_folder_that_is_missing_not_a_folder_or_not_writable(db, tmp_path, monkeypatch):
    with pytest.raises(BackupError) as caught:
        backup_to(db.path, tmp_path / "nowhere")
    assert (caught.value.code, caught.value.params) == (
        "backup.no_folder",
        (str(tmp_path / "nowhere"),),
    )
    (tmp_path / "file").write_text("")
    with pytest.raises(BackupError) as caught:
        backup_to(db.path, tmp_path / "file")
    assert caught.value.code == "backup.not_a_folder"

    def refused(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(backups.tempfile, "mkstemp", refused)
    with pytest.raises(BackupError) as caught:
        backup_to(db.path, tmp_path)
    assert (caught.value.code, caught.value.params) == ("backup.failed.denied", (str(tmp_path),))


def test_a_missing_database_is_an_error_and_is_not_created(tmp_path):
    with pytest.raises(BackupError) as caught:
        backup_to(tmp_path / "none.sqlite3", tmp_path)
    assert caught.value.code == "storage.no_database"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("part", "code", "detail"),
    [
        ("orders", "backup.copy.damaged", r"Page \d+: btree"),
        # an index too wide for COUNT(*) to read: only the check of the copy meets the damage
        ("ix_orders_purchases", "backup.copy.damaged", r"Page \d+: btree"),
        (None, "backup.source_unusable", "file is not a database"),
    ],
)
def test_a_damaged_database_gives_no_backup(demo, tmp_path, part, code, detail):
    if part is None:
        demo.write_bytes(b"garbage" * 1000)
    else:
        corrupt(demo, part)
    folder = made(tmp_path / "backups")
    with pytest.raises(BackupError) as caught:
        backup_to(demo, folder)
    where = demo if part is None else folder
    assert caught.value.code == code and caught.value.params[0] == str(where)
    assert re.match(detail, caught.value.params[1])
    assert list(folder.iterdir()) == []


def not_sqlite(path: Path) -> None:
    path.write_bytes(b"PK\x03\x04 a zip, say" * 300)


def foreign(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY)")
    connection.close()


def newer(path: Path) -> None:
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()


def _broken_link(path: Path) -> None:
    connection = sqlite3.connect(path)  # foreign_keys is off on a bare connection
    with connection:
        connection.execute("UPDATE shipments SET product_id = 999 WHERE id = 1")
    connection.close()


@pytest.mark.parametrize(
    ("spoil", "code", "params"),
    [
        (not_sqlite, "backup.unusable.not_sqlite", ()),
        (
            foreign,
            "backup.unusable.not_lavka",
            ("alembic_version, contacts, products, shipments",),
        ),
        (newer, "backup.unusable.newer", ("9999",)),
        (corrupt, "backup.unusable.damaged", None),  # SQLite's findings
        (_broken_link, "backup.unusable.broken_link", ("shipments", "1", "products")),
    ],
)
def test_verify_refuses_with_a_reason_and_changes_nothing(db, shop, tmp_path, spoil, code, params):
    folder = tmp_path / "backups"
    path = backup_to(db.path, made(folder), now=NOW).path
    if spoil in (not_sqlite, foreign):
        path.unlink()
    spoil(path)
    before = digest(path)
    with pytest.raises(BackupError) as caught:
        verify_backup(path)
    assert caught.value.code == code and caught.value.params[0] == str(path)
    if params is not None:
        assert caught.value.params[1:] == params
    assert digest(path) == before
    assert list(folder.iterdir()) == [path]  # no -journal, -wal or -shm either


def test_verify_reads_a_wal_file_without_leaving_files_beside_it(demo, tmp_path):
    path = tmp_path / "copy.sqlite3"
    shutil.copyfile(demo, path)
    assert path.read_bytes()[18:20] == b"\x02\x02"
    source = read_only_connection(demo)  # the demo's own count, read without side files
    orders = source.execute("SELECT COUNT(*) FROM orders").fetchone()[0]
    source.close()
    info = verify_backup(path)
    assert orders > 900 and info.counts["orders"] == orders
    assert sorted(tmp_path.iterdir()) == sorted([demo, path])


def test_time_of_a_backup_comes_from_its_name_else_from_the_file(db, tmp_path):
    named = backup_to(db.path, tmp_path, now=NOW).path
    other = tmp_path / "friday.sqlite3"
    shutil.copyfile(named, other)
    os.utime(other, (datetime(2026, 5, 1, 9, 30).timestamp(),) * 2)
    assert verify_backup(named).taken_at == NOW
    assert verify_backup(other).taken_at == datetime(2026, 5, 1, 9, 30)


def test_list_is_newest_first_cheap_and_counts_on_request(db, shop, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    old = backup_to(db.path, folder, now=datetime(2026, 6, 1)).path
    junk = fake_backup(folder, datetime(2026, 6, 10))
    new = backup_to(db.path, folder, now=NOW).path
    (folder / "holiday.jpg").write_bytes(b"jpeg")
    cheap = list_backups(folder)
    assert [i.path for i in cheap] == [new, junk, old]
    assert [i.taken_at.day for i in cheap] == [17, 10, 1]
    assert all(i.counts is None and not i.verified for i in cheap)
    counted = list_backups(folder, with_counts=True)
    assert [i.counts for i in counted] == [SHOP_COUNTS, None, SHOP_COUNTS]
    assert list_backups(tmp_path / "missing") == []


def test_newest_verified_backup_looks_across_folders(db, tmp_path):
    local, stick = tmp_path / "local", tmp_path / "stick"
    good = backup_to(db.path, made(local), now=datetime(2026, 6, 10)).path
    backup_to(db.path, made(stick), now=datetime(2026, 6, 1))
    fake_backup(stick, datetime(2026, 6, 12), b"junk")
    found = newest_verified_backup([stick, local, tmp_path / "missing"])
    assert found is not None and found.path == good and found.verified
    assert newest_verified_backup([tmp_path / "missing"]) is None


def test_a_copy_that_lost_rows_is_refused_and_removed(db, shop, tmp_path, monkeypatch):
    """The copy's row counts are compared with the source's snapshot: a copy that passes
    SQLite's checks but lacks a row is still no backup."""
    real_copy = backups.copy_pages

    def lossy(src, dst, progress):
        real_copy(src, dst, progress)
        dst.execute("DELETE FROM shipments WHERE id = (SELECT MAX(id) FROM shipments)")

    monkeypatch.setattr(backups, "copy_pages", lossy)
    folder = made(tmp_path / "stick")
    with pytest.raises(BackupError) as caught:
        backup_to(db.path, folder, now=NOW)
    assert caught.value.code == "backup.copy.incomplete"
    assert caught.value.params == (str(folder), "shipments", "7", "8")
    assert list(folder.iterdir()) == []


def test_the_copy_gets_its_name_only_when_finished(demo, tmp_path, monkeypatch):
    """Written under a hidden temporary name, renamed at the end: a backup file by its name
    is always a complete one."""
    monkeypatch.setattr(backups, "STEP_PAGES", 10)
    folder = made(tmp_path / "stick")
    seen = []

    def progress(done, total):
        seen.append(
            (
                sorted(p.name for p in folder.glob("lavka-*.sqlite3")),
                [p.name for p in folder.glob(".lavka-*.part")],
            )
        )

    info = backup_to(demo, folder, now=NOW, progress=progress)
    assert len(seen) > 5
    assert all(named == [] and len(temp) == 1 for named, temp in seen)
    assert [p.name for p in folder.iterdir()] == [info.path.name]


def test_the_copy_and_its_rename_are_fsynced(db, tmp_path, monkeypatch):
    """The copy is flushed to the device before it is renamed (SQLite wrote it with
    synchronous=OFF), and on POSIX the folder after, which makes the rename durable."""
    folder = made(tmp_path / "stick")
    real_fsync = os.fsync
    calls = []

    def spy(fd):
        st = os.fstat(fd)
        named = sorted(p.name for p in folder.glob("lavka-*.sqlite3"))
        calls.append((st.st_ino, stat.S_ISDIR(st.st_mode), named))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", spy)
    info = backup_to(db.path, folder, now=NOW)
    copy_inode = info.path.stat().st_ino  # a rename keeps the inode
    assert (copy_inode, False, []) in calls  # the copy itself, while still unnamed
    if os.name == "posix":
        folder_inode = folder.stat().st_ino
        assert (folder_inode, True, [info.path.name]) in calls  # the folder, after the rename
        assert calls.index((copy_inode, False, [])) < calls.index(
            (folder_inode, True, [info.path.name])
        )


def test_pruning_that_fails_after_the_backup_does_not_fail_it(db, tmp_path, monkeypatch):
    """The stick pulled right after the rename: the backup was made, and says so."""
    folder = made(tmp_path / "stick")
    real_scandir = os.scandir

    def gone(path):
        if Path(path) == folder:
            raise FileNotFoundError(errno.ENOENT, "No such file or directory", str(path))
        return real_scandir(path)

    older = backup_to(db.path, folder, now=datetime(2026, 6, 1)).path
    monkeypatch.setattr(os, "scandir", gone)
    info = backup_to(db.path, folder, keep=1, now=NOW)
    assert info.verified and info.path.is_file() and info.size == info.path.stat().st_size
    assert older.is_file()  # not pruned this time; the next backup will
    monkeypatch.setattr(os, "scandir", real_scandir)
    assert backup_to(db.path, folder, keep=1, now=NOW.replace(hour=13)).path.is_file()
    assert not older.exists() and not info.path.exists()


def test_a_day_old_half_written_copy_is_cleared_a_fresh_one_is_not(db, tmp_path):
    folder = made(tmp_path / "stick")
    stale, fresh = folder / ".lavka-old.part", folder / ".lavka-new.part"
    for temp in (stale, fresh):
        temp.write_bytes(b"half a copy, from a Lavka that was killed")
    day_ago = NOW.timestamp() - 25 * 3600
    os.utime(stale, (day_ago, day_ago))
    os.utime(fresh, (NOW.timestamp(), NOW.timestamp()))
    backup_to(db.path, folder, now=NOW)
    assert not stale.exists() and fresh.exists()


def test_a_copy_the_drive_stored_wrong_is_no_backup(db, shop, tmp_path, monkeypatch):
    """A byte of the copy changes on the drive after Lavka handed it over (the device stores
    something else): SQLite's checks pass such a file, the checksums read back do not."""
    folder = made(tmp_path / "stick")
    older = backup_to(db.path, folder, now=datetime(2026, 6, 1)).path
    real_fsync, seen = backups.fsync, tmp_path / "as stored.sqlite3"

    def stored_wrong(path):
        real_fsync(path)
        if path.suffix == backups.TEMP_SUFFIX:  # the copy, not the folder
            flip(path, "products", b"Travel", b"Gravel")
            shutil.copyfile(path, seen)

    monkeypatch.setattr(backups, "fsync", stored_wrong)
    with pytest.raises(BackupError) as caught:
        backup_to(db.path, folder, now=NOW)
    assert (caught.value.code, caught.value.params[0]) == ("backup.copy.damaged", str(folder))
    assert caught.value.params[1].startswith("read back from the drive, bytes 0-1048575 differ")
    assert list(folder.iterdir()) == [older]  # no backup, no temporary file
    # What the drive held passes quick_check, foreign_key_check and the counts
    assert verify_backup(seen, thorough=False).counts == SHOP_COUNTS
    stored = sqlite3.connect(seen)
    names = [name for (name,) in stored.execute("SELECT name FROM products NOT INDEXED")]
    stored.close()
    assert "Портмоне Gravel" in names


@pytest.mark.skipif(not hasattr(os, "posix_fadvise"), reason="no way to drop cached pages")
def test_the_copy_is_read_back_after_the_flush_with_its_cached_pages_dropped(
    db, tmp_path, monkeypatch
):
    folder = made(tmp_path / "stick")
    real_fsync, real_advise, calls = os.fsync, os.posix_fadvise, []

    def fsync(fd):
        calls.append(("fsync", os.fstat(fd).st_ino))
        real_fsync(fd)

    def advise(fd, offset, length, advice):
        calls.append(("advise", os.fstat(fd).st_ino, advice))
        real_advise(fd, offset, length, advice)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "posix_fadvise", advise)
    copy = backup_to(db.path, folder, now=NOW).path.stat().st_ino  # a rename keeps the inode
    dropped = ("advise", copy, os.POSIX_FADV_DONTNEED)
    assert dropped in calls and calls.index(("fsync", copy)) < calls.index(dropped)


def test_the_database_changing_while_the_copy_is_checked_changes_nothing(
    demo, tmp_path, monkeypatch
):
    """A commit to the database after the copy, while the copy is flushed and checked: the
    backup is the snapshot, and it is one."""
    before = rows(demo)
    real_fsync, writes = backups.fsync, []

    def commit_meanwhile(path):
        if path.suffix == backups.TEMP_SUFFIX:
            writer = sqlite3.connect(demo, isolation_level=None)
            writer.execute("DELETE FROM shipments WHERE order_id IN (SELECT id FROM orders)")
            writes.append(writer.execute("DELETE FROM orders WHERE id > 10").rowcount)
            writer.close()
        real_fsync(path)

    monkeypatch.setattr(backups, "fsync", commit_meanwhile)
    info = backup_to(demo, made(tmp_path / "stick"), now=NOW)
    assert writes and writes[0] > 900 and rows(demo)["shipments"] == []  # the commit happened
    assert info.verified and rows(info.path) == before
    assert info.counts["orders"] == len(before["orders"])


def test_a_broken_link_in_the_database_is_copied_faithfully_or_refused_when_thorough(
    db, shop, tmp_path
):
    """A row pointing to a missing parent (written with foreign keys off, outside Lavka) is
    the database's own state: the backup keeps it, byte for byte. thorough=True judges the
    database too and refuses it."""
    db.close()
    _broken_link(db.path)
    folder = made(tmp_path / "stick")
    info = backup_to(db.path, folder, now=NOW)
    assert rows(info.path) == rows(db.path)
    with pytest.raises(BackupError) as caught:
        backup_to(db.path, folder, now=NOW, thorough=True)
    assert caught.value.code == "backup.copy.broken_link"
    assert caught.value.params == (str(folder), "shipments", "1", "products")
    assert list(folder.iterdir()) == [info.path]
