"""Thinning backups by day, week and month, and the daily automatic backup."""

from __future__ import annotations

from datetime import datetime, timedelta

from services.backup import (
    backup_to,
    list_backups,
    local_backup_folder,
    newest_verified_backup,
    prune_backups,
)
from services.restore import restore_backup, safety_folder
from services.retention import auto_backup, thin_backups
from tests.test_backup import NOW, fake_backup, made


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
