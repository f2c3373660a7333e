"""Bench figures for backups: a verified backup against the bare SQLite backup API."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def figures(db_path: Path, tmp: Path) -> list:
    """`backup_to` on the big base against a bare `Connection.backup` into a new file (whose
    commit flushes it: synchronous=FULL). Each call writes one backup of the base's size into
    `tmp`; keep=1 prunes the previous one, so `tmp` holds at most a few files.

    backup_to proves the copy whole by checksums read back after the flush, quick_check and
    row counts (services/backup.py says why that is sound). Its `thorough=True` (adding
    integrity_check and foreign_key_check, the database's own health) was this figure until
    #20: about 10x the bare copy."""
    # Imported here: run.py may import this module, and run as __main__ it is imported again
    # under its own name, which is harmless (it only defines things) and breaks no cycle.
    from services.backup import backup_to
    from tests.bench.run import Figure

    verified, raw = tmp / "verified", tmp / "bare.sqlite3"
    verified.mkdir(parents=True, exist_ok=True)

    def bare() -> None:
        raw.unlink(missing_ok=True)
        source, target = sqlite3.connect(db_path), sqlite3.connect(raw)
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()

    return [
        Figure(
            "backup: verified, big base",
            lambda: backup_to(db_path, verified, keep=1),
            goal_ratio=2,
            raw=bare,
            raw_label="bare backup API",
            note="checksums read back after fsync + quick_check + counts",
        ),
    ]
