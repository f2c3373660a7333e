"""The start-up policy without Qt (services/startup.py): what becomes of a damaged database,
and when the automatic backup at close is due. Real SQLite files; damage is garbage written
over a table's root page in a copy of a sound file."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from services import backup as backups
from services import messages, retention, startup
from services.backup import BackupInfo, backup_to, list_backups, local_backup_folder
from services.contacts import search_contacts
from services.errors import BackupError
from services.retention import backup_due, last_thorough_check, thorough_check_file
from services.sqlite_file import quick_check
from services.startup import (
    Rescue,
    RescueChoice,
    Verdict,
    carry_out,
    close_time_backup,
    earlier_damage,
    start_database,
)
from services.storage import Database
from tests.sqlite_pages import flip, overwrite_root_page

pytestmark = pytest.mark.sqlite_only("the start-up check and rescue are about the SQLite file")

ORDERS = 6  # the `shop` fixture's orders (tests/conftest.py)
CONTACTS = 3


def damaged_copy(source: Path, target: Path) -> Path:
    """A copy of the sound file `source`, damaged."""
    shutil.copyfile(source, target)
    return damage(target)


def damage(target: Path) -> Path:
    """Garbage over the root page of the orders table."""
    return overwrite_root_page(target, "orders", b"\xde\xad\xbe\xef" * 16)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def count(path: Path, table: str) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    finally:
        connection.close()


@pytest.fixture
def sound(db, shop) -> Path:
    """The shop's database file, closed cleanly."""
    db.close()
    return db.path


@pytest.fixture
def damaged(sound, tmp_path) -> Path:
    return damaged_copy(sound, tmp_path / "shop.sqlite3")


def test_the_garbage_is_damage_quick_check_reports(damaged):
    assert quick_check(damaged) is not None


def test_a_sound_file_with_a_sound_verdict_opens(sound):
    opened = start_database(sound, [], Verdict(None))
    assert isinstance(opened, Database)
    try:
        assert len(search_contacts(opened, "")) == CONTACTS
    finally:
        opened.close()


def test_a_new_file_opens_created(tmp_path):
    opened = start_database(tmp_path / "new.sqlite3", [], Verdict(None))
    assert isinstance(opened, Database)
    try:
        assert opened.schema.action == "created"
    finally:
        opened.close()


def test_a_damaged_verdict_moves_the_file_aside_untouched(damaged, tmp_path):
    before = sha(damaged)
    reason = quick_check(damaged)
    rescue = start_database(damaged, [tmp_path / "no backups"], Verdict(reason))
    assert rescue == Rescue(tmp_path / "shop.sqlite3.damaged", reason, None)
    assert not damaged.exists()
    assert sha(rescue.kept) == before  # not one byte written
    assert rescue.choices == (RescueChoice.EMPTY, RescueChoice.QUIT)  # nothing to restore


@pytest.mark.parametrize("verdict", [None, Verdict(None, known=False)], ids=["none", "failed"])
def test_without_a_verdict_opening_checks_and_finds_the_damage(damaged, tmp_path, verdict):
    rescue = start_database(damaged, [], verdict)
    assert isinstance(rescue, Rescue)
    assert rescue.kept == tmp_path / "shop.sqlite3.damaged"
    assert rescue.reason  # SQLite's own words on what is damaged
    assert not damaged.exists()


def test_the_newest_verified_backup_is_offered(sound, tmp_path):
    backups = tmp_path / "backups"
    backups.mkdir()
    good = backup_to(sound, backups, now=datetime(2026, 6, 14, 18, 0))
    # A newer "backup" that does not verify is passed over for the older sound one.
    damaged_copy(sound, backups / "lavka-20260615-090000.sqlite3")
    damage(sound)
    rescue = start_database(sound, [tmp_path / "missing", backups], Verdict(quick_check(sound)))
    assert isinstance(rescue, Rescue)
    assert rescue.backup is not None and rescue.backup.path == good.path
    assert rescue.choices == (RescueChoice.RESTORE, RescueChoice.EMPTY, RescueChoice.QUIT)


def test_restore_puts_the_backup_in_place(sound, tmp_path):
    backups = tmp_path / "backups"
    backups.mkdir()
    backup_to(sound, backups)
    damage(sound)
    rescue = start_database(sound, [backups], None)
    assert isinstance(rescue, Rescue)
    opened = carry_out(rescue, RescueChoice.RESTORE, sound)
    assert isinstance(opened, Database)
    opened.close()
    assert count(sound, "orders") == ORDERS and count(sound, "contacts") == CONTACTS
    assert rescue.kept.exists()  # the damaged file stays where it was put


def test_empty_starts_a_new_database_and_keeps_the_damaged_file(damaged, tmp_path):
    rescue = start_database(damaged, [], None)
    assert isinstance(rescue, Rescue)
    opened = carry_out(rescue, RescueChoice.EMPTY, damaged)
    assert isinstance(opened, Database)
    try:
        assert opened.schema.action == "created"
        assert search_contacts(opened, "") == []
    finally:
        opened.close()
    assert rescue.kept.exists()


def test_quit_leaves_no_file_and_the_next_start_asks_again(damaged, tmp_path):
    first = start_database(damaged, [], None)
    assert isinstance(first, Rescue)
    assert carry_out(first, RescueChoice.QUIT, damaged) is None
    assert not damaged.exists()
    again = start_database(damaged, [], Verdict(None))  # no file now: the check said nothing
    assert again == Rescue(first.kept, None, None)  # found by the earlier start, said so
    assert not damaged.exists()  # no empty database quietly made in its place


def test_restore_is_not_carried_out_without_a_backup(damaged):
    rescue = start_database(damaged, [], None)
    assert isinstance(rescue, Rescue)
    assert carry_out(rescue, RescueChoice.RESTORE, damaged) is None
    assert not damaged.exists()


def test_earlier_damage_is_the_newest_file_moved_aside(tmp_path):
    db_path = tmp_path / "shop.sqlite3"
    assert earlier_damage(db_path) is None
    older, newer = tmp_path / "shop.sqlite3.damaged", tmp_path / "shop.sqlite3.damaged-2"
    for when, path in ((1_000_000, older), (2_000_000, newer)):
        path.write_bytes(b"x")
        os.utime(path, (when, when))
    (tmp_path / "shop.sqlite3.damaged-2.bak").write_bytes(b"x")  # not one of ours
    (tmp_path / "shop.sqlite3.damaged-2-wal").write_bytes(b"x")
    assert earlier_damage(db_path) == newer
    db_path.write_bytes(b"")  # something took its place since
    assert earlier_damage(db_path) is None


def info(taken_at: datetime) -> BackupInfo:
    return BackupInfo(Path(f"lavka-{taken_at:%Y%m%d-%H%M%S}.sqlite3"), taken_at, 1)


def test_the_automatic_backup_is_due_once_a_day():
    now = datetime(2026, 6, 15, 10, 0)
    assert backup_due([], now)
    assert backup_due([info(datetime(2026, 6, 14, 23, 59))], now)  # yesterday's
    assert not backup_due([info(datetime(2026, 6, 15, 0, 0))], now)  # today's, however early
    assert not backup_due([info(datetime(2026, 6, 15, 23, 59))], now)
    # A backup dated tomorrow (a clock that was wrong) does not stand in for today's.
    assert backup_due([info(datetime(2026, 6, 16, 8, 0))], now)


def test_close_time_backup_makes_one_a_day(sound):
    morning, evening = datetime(2026, 6, 15, 9, 0), datetime(2026, 6, 15, 21, 0)
    made = close_time_backup(sound, morning)
    assert made is not None and made.taken_at == morning
    assert close_time_backup(sound, evening) is None  # the same day: no second copy
    tomorrow = close_time_backup(sound, datetime(2026, 6, 16, 9, 0))
    assert tomorrow is not None
    (newest, first) = list_backups(local_backup_folder(sound))
    assert (newest.path, first.path) == (tomorrow.path, made.path)
    assert count(newest.path, "orders") == ORDERS


def test_close_time_backup_failures_are_lavka_errors(sound, monkeypatch):
    local_backup_folder(sound).write_text("a file where the backups folder should be")
    with pytest.raises(BackupError):
        close_time_backup(sound)
    local_backup_folder(sound).unlink()

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")  # ENOSPC

    monkeypatch.setattr(startup, "auto_backup", full)
    with pytest.raises(BackupError) as raised:
        close_time_backup(sound)
    assert raised.value.code == "backup.failed.disk_full"


# The weekly thorough check (services/retention.py): a broken index is damage that only
# integrity_check finds. quick_check at start and the daily backup's checks pass such a file.

PASSED = datetime(2026, 6, 15, 21, 0)  # a Monday evening: the first close, a thorough pass


def break_index(path: Path) -> Path:
    """The products' name index (its UNIQUE constraint) says "Портмоне Gravel" where the
    table says "Портмоне Travel": a search by that name no longer finds the product."""
    return flip(path, "sqlite_autoindex_products_1", b"Travel", b"Gravel")


def integrity(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [row[0] for row in connection.execute("PRAGMA integrity_check")]
    finally:
        connection.close()


def test_a_broken_index_is_damage_only_integrity_check_finds(sound):
    break_index(sound)
    assert quick_check(sound) is None  # the start-up check lets it through
    assert integrity(sound) == ["row 3 missing from index sqlite_autoindex_products_1"]
    connection = sqlite3.connect(sound)
    found = connection.execute("SELECT id FROM products WHERE name = 'Портмоне Travel'")
    assert found.fetchall() == []  # the index is used, and it lies
    connection.close()


@pytest.fixture
def thoroughness(monkeypatch) -> list[bool]:
    """Whether each backup the automatic one made was thorough (backup_to still runs)."""
    seen: list[bool] = []
    real = retention.backup_to

    def spy(*args, **kwargs):
        seen.append(kwargs.get("thorough", False))
        return real(*args, **kwargs)

    monkeypatch.setattr(retention, "backup_to", spy)
    return seen


def test_close_time_backup_is_thorough_once_a_week_and_records_the_pass(sound, thoroughness):
    folder = local_backup_folder(sound)
    assert last_thorough_check(sound, folder) is None
    first = close_time_backup(sound, PASSED)  # never checked: due
    assert first is not None and thoroughness == [True]
    assert last_thorough_check(sound, folder) == PASSED
    assert close_time_backup(sound, PASSED.replace(hour=22)) is None  # today's is there
    for day in range(16, 22):  # six days after the pass: daily backups, not thorough
        assert close_time_backup(sound, datetime(2026, 6, day, 21, 0)) is not None
    assert thoroughness == [True] + [False] * 6
    assert last_thorough_check(sound, folder) == PASSED
    # Seven days after, in the morning (not yet 7 x 24 hours): thorough again.
    week_later = close_time_backup(sound, datetime(2026, 6, 22, 9, 0))
    assert week_later is not None and thoroughness[-1] is True
    assert last_thorough_check(sound, folder) == datetime(2026, 6, 22, 9, 0)
    assert close_time_backup(sound, datetime(2026, 6, 23, 21, 0)) is not None
    assert thoroughness[-1] is False
    # The record is no backup: the listing, the thinning and tidying never count it.
    assert all(info.path.name.startswith("lavka-") for info in list_backups(folder))
    assert thorough_check_file(sound, folder).is_file()


def test_a_broken_index_gets_the_weekly_backup_refused_and_the_daily_ones_made(sound):
    folder = local_backup_folder(sound)
    assert close_time_backup(sound, PASSED) is not None  # sound then: the pass is recorded
    break_index(sound)
    daily = [close_time_backup(sound, datetime(2026, 6, day, 21, 0)) for day in (16, 21)]
    assert all(info is not None and info.verified for info in daily)
    # ...faithful copies: the damage is in them as in the database, none of them says so.
    assert all(info is not None and integrity(info.path) == integrity(sound) for info in daily)
    before = sorted(folder.iterdir())
    with pytest.raises(BackupError) as refused:
        close_time_backup(sound, datetime(2026, 6, 22, 21, 0))
    assert refused.value.code == "backup.database.damaged"
    assert refused.value.params == (
        str(sound),
        "row 3 missing from index sqlite_autoindex_products_1",
    )
    said = messages.text(refused.value.code, refused.value.params)
    assert "weekly full check found damage in the database" in said
    assert "Restore from backup" in said  # what to do
    assert sorted(folder.iterdir()) == before  # no backup, no leftover, nothing thinned
    assert last_thorough_check(sound, folder) == PASSED
    # Every close checks again until the database is sound: the next day too.
    with pytest.raises(BackupError) as again:
        close_time_backup(sound, datetime(2026, 6, 23, 21, 0))
    assert again.value.code == "backup.database.damaged"
    flip(sound, "sqlite_autoindex_products_1", b"Gravel", b"Travel")  # repaired
    repaired = close_time_backup(sound, datetime(2026, 6, 24, 21, 0))
    assert repaired is not None
    assert last_thorough_check(sound, folder) == datetime(2026, 6, 24, 21, 0)


def test_a_broken_link_gets_the_weekly_backup_refused_naming_the_row(sound):
    connection = sqlite3.connect(sound)  # foreign_keys is off on a bare connection
    with connection:
        connection.execute("UPDATE shipments SET product_id = 999 WHERE id = 1")
    connection.close()
    with pytest.raises(BackupError) as refused:
        close_time_backup(sound, PASSED)
    assert refused.value.code == "backup.database.broken_link"
    assert refused.value.params == (str(sound), "shipments", "1", "products")
    assert list_backups(local_backup_folder(sound)) == []


def test_a_drive_that_stores_the_copy_wrong_is_not_called_the_database_s_damage(sound, monkeypatch):
    """The weekly backup's copy differs on the drive from what was written: the database
    itself is checked again, found sound, and the refusal stays the copy's."""
    real_fsync = backups.fsync

    def stored_wrong(path):
        real_fsync(path)
        if path.suffix == backups.TEMP_SUFFIX:  # the copy, not the folder
            flip(path, "products", b"TR-1", b"TR-9")  # a value that no check sees

    monkeypatch.setattr(backups, "fsync", stored_wrong)
    with pytest.raises(BackupError) as refused:
        close_time_backup(sound, PASSED)
    assert refused.value.code == "backup.copy.damaged"
    assert refused.value.params[1].startswith("read back from the drive")
    assert last_thorough_check(sound, local_backup_folder(sound)) is None
