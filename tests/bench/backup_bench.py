"""Bench figures for backups: a verified backup against the bare SQLite backup API."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def figures(db_path: Path, tmp: Path) -> list:
    """`backup_to` on the big base (integrity_check, then quick_check) against a bare
    `Connection.backup` into a file. Each call writes one backup of ~160 MB into `tmp`;
    keep=1 prunes the previous one, so `tmp` holds at most a few files."""
    # Imported here: run.py may import this module, and run as __main__ it is imported again
    # under its own name, which is harmless (it only defines things) and breaks no cycle.
    from services.backup import backup_to
    from tests.bench.run import Figure

    verified, quick, raw = tmp / "verified", tmp / "quick", tmp / "bare.sqlite3"
    for folder in (verified, quick):
        folder.mkdir(parents=True, exist_ok=True)

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
            note="integrity_check + foreign_key_check",
        ),
        Figure(
            "backup: quick-verified, big base",
            lambda: backup_to(db_path, quick, keep=1, thorough=False),
            goal_ratio=2,
            raw=bare,
            raw_label="bare backup API",
            note="quick_check + foreign_key_check",
        ),
    ]
