"""Thinning backups by day, week and month, the daily automatic backup, and when it is
thorough: the rule and where its last pass is kept."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from services.backup import (
    backup_to,
    list_backups,
    local_backup_folder,
    newest_verified_backup,
    prune_backups,
    tidy_leftovers,
)
from services.restore import restore_backup, safety_folder
from services.retention import (
    auto_backup,
    last_thorough_check,
    record_thorough_check,
    thin_backups,
    thorough_check_due,
    thorough_check_file,
)
from tests.test_backup import NOW, fake_backup, made

pytestmark = pytest.mark.sqlite_only("the automatic backups are copies of the SQLite file")


def test_thinning_keeps_one_per_day_week_and_month(tmp_path):
    """NOW is Wed 2026-06-17: the last 7 days are 06-11..06-17, the last 4 ISO weeks start
    on Mondays 05-25..06-15, the last 12 months are 2025-07..2026-06."""
    stamps = {
        "A": (2026, 6, 17, 11),  # kept: today's newest
        "B": (2026, 6, 17, 8),  # deleted: an older one of today
        "C": (2026, 6, 12, 10),  # kept: 5 days ago (and newest of week 06-08)
        "D": (2026, 6, 10, 10),  # deleted: 7 days ago, week 06-08 already has C
        "E": (2026, 6, 3, 10),  # kept: newest of week 06-01
        "F": (2026, 6, 2, 10),  # deleted
        "G": (2026, 5, 26, 10),  # kept: newest of week 05-25 (and of May)
        "H": (2026, 5, 20, 10),  # deleted: week 05-18 is too old, May has G
        "I": (2026, 4, 30, 10),  # kept: newest of April
        "J": (2026, 4, 1, 10),  # deleted
        "K": (2025, 7, 15, 10),  # kept: July 2025 is the 12th month
        "L": (2025, 6, 30, 10),  # deleted: 12 months ago is too old
        "M": (2026, 6, 20, 10),  # kept: dated in the future, fits no period
    }
    paths = {key: fake_backup(tmp_path, datetime(*when)) for key, when in stamps.items()}
    deleted = thin_backups(tmp_path, NOW, protect=paths["A"])
    assert sorted(deleted) == sorted(paths[key] for key in "BDFHJL")
    assert {p.name for p in tmp_path.iterdir()} == {paths[k].name for k in "ACEGIKM"}


def test_thinning_never_deletes_the_newest_verified_backup(db, tmp_path):
    good = backup_to(db.path, tmp_path, now=datetime(2024, 1, 5)).path  # beyond every period
    junk = [fake_backup(tmp_path, datetime(2026, 6, day), b"junk") for day in (16, 17)]
    deleted = thin_backups(tmp_path, NOW)
    assert deleted == [] and good.is_file() and all(p.is_file() for p in junk)


def test_auto_backup_is_daily_and_thins_its_folder(db, tmp_path):
    folder = local_backup_folder(db.path)
    assert folder == db.path.parent / "backups"
    ancient = fake_backup(folder, datetime(2024, 1, 1))
    first = auto_backup(db.path, now=NOW)
    assert first is not None and first.verified and first.path.parent == folder
    assert not ancient.exists()  # thinned: older than 12 months
    assert auto_backup(db.path, now=NOW.replace(hour=18)) is None
    second = auto_backup(db.path, folder, now=NOW.replace(day=18))
    assert second is not None
    assert [i.path for i in list_backups(folder)] == [second.path, first.path]


def test_safety_copies_before_a_restore_are_never_thinned_nor_counted(db, shop, tmp_path):
    """Two restores on one day save two safety copies; the automatic backups in the folder
    above neither count them as the day's backup, nor offer them, nor thin them away."""
    local, safety = local_backup_folder(db.path), safety_folder(db.path)
    assert safety == local / "before-restore"
    backup = backup_to(db.path, made(tmp_path / "stick"), now=NOW).path
    db.close()
    saved = [
        restore_backup(backup, db.path, safety, now=NOW.replace(hour=hour)).saved_current
        for hour in (9, 10)
    ]
    assert all(info is not None and info.path.parent == safety for info in saved)
    copies = [info.path for info in saved if info is not None]
    assert list_backups(local) == []
    assert newest_verified_backup([local]) is None  # a safety copy is not "the newest backup"
    today = auto_backup(db.path, now=NOW.replace(hour=18))
    assert today is not None and today.path.parent == local  # the safety copies did not count
    tomorrow = auto_backup(db.path, now=NOW + timedelta(days=1))
    assert tomorrow is not None
    assert [i.path for i in list_backups(local)] == [tomorrow.path, today.path]
    assert sorted(p for p in safety.iterdir()) == sorted(copies)
    prune_backups(local, keep=1)
    thin_backups(local, NOW + timedelta(days=400))
    assert sorted(p for p in safety.iterdir()) == sorted(copies)


def test_the_thorough_check_is_due_a_week_after_the_last_pass():
    passed = datetime(2026, 6, 10, 21, 0)  # a Wednesday evening
    assert thorough_check_due(None, NOW)  # never checked
    assert not thorough_check_due(passed, passed)
    assert not thorough_check_due(passed, datetime(2026, 6, 16, 23, 59))  # 6 days after
    # 7 days after by the calendar, however early: not yet 7 x 24 hours, due all the same.
    assert thorough_check_due(passed, datetime(2026, 6, 17, 8, 0))
    assert thorough_check_due(passed, datetime(2026, 7, 30, 12, 0))  # long overdue
    # A clock that goes backwards: a pass dated after today says nothing of how long ago it
    # was, so the check is due; one dated later today is still today's.
    assert thorough_check_due(passed, datetime(2026, 6, 9, 21, 0))
    assert thorough_check_due(datetime(2027, 1, 1), NOW)
    assert not thorough_check_due(NOW.replace(hour=23), NOW)


def test_the_last_pass_is_kept_beside_the_backups_and_is_no_backup(db, shop, tmp_path):
    folder = local_backup_folder(db.path)
    assert last_thorough_check(db.path, folder) is None  # nothing kept: due
    info = auto_backup(db.path, now=NOW)
    assert info is not None
    record = thorough_check_file(db.path, folder)
    assert record == folder / ".lavka.sqlite3.thorough-check"
    assert record.read_text(encoding="utf-8") == f"2026-06-17T12:00:00\n{info.path.name}\n"
    assert last_thorough_check(db.path, folder) == NOW
    # Another database beside this one keeps its own record (none yet).
    assert last_thorough_check(db.path.with_name("other.sqlite3"), folder) is None
    # Never listed, offered, pruned, thinned nor tidied away as a leftover.
    assert [i.path for i in list_backups(folder)] == [info.path]
    assert newest_verified_backup([folder]) is not None
    prune_backups(folder, keep=1)
    thin_backups(folder, NOW + timedelta(days=400))
    assert tidy_leftovers(db.path) == []
    assert record.is_file() and info.path.is_file()
    # Recording again replaces it whole, and leaves no temporary file.
    later = backup_to(db.path, folder, now=NOW + timedelta(days=7))
    record_thorough_check(db.path, later)
    assert last_thorough_check(db.path, folder) == later.taken_at
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [record.name, info.path.name, later.path.name]
    )


def test_a_garbled_record_makes_the_check_due(db, shop):
    folder = local_backup_folder(db.path)
    folder.mkdir()
    record = thorough_check_file(db.path, folder)
    for content in (b"", b"yesterday\n", b"\xff\xfe", b"2026-13-45T00:00:00\n"):
        record.write_bytes(content)
        assert last_thorough_check(db.path, folder) is None
    record.unlink()
    record.mkdir()  # not even a file
    assert last_thorough_check(db.path, folder) is None
    record.rmdir()
    assert auto_backup(db.path, now=NOW) is not None  # thorough, and recorded again
    assert last_thorough_check(db.path, folder) == NOW
