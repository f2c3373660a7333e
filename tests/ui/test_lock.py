"""One Lavka per database: a second one is refused, a crashed one's lock is taken over."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ui.lock import DatabaseInUse, acquire, lock_path

HOLD = (
    "import sys, time; from pathlib import Path; from ui.lock import acquire; "
    "lock = acquire(Path(sys.argv[1])); print('locked', flush=True); time.sleep(60)"
)


def holder(database: Path) -> subprocess.Popen:
    """Another Lavka process holding the lock on `database`."""
    root = Path(__file__).resolve().parents[2]
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(database)], cwd=root, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "locked"
    return child


def test_a_second_lavka_on_the_same_database_is_refused(tmp_path):
    database = tmp_path / "lavka.sqlite3"
    child = holder(database)
    try:
        with pytest.raises(
            DatabaseInUse, match=rf"already open in another Lavka \(process {child.pid}"
        ):
            acquire(database)
        acquire(tmp_path / "other.sqlite3").unlock()  # another database is not affected
    finally:
        child.kill()
        child.wait()


def test_the_lock_of_a_crashed_lavka_is_taken_over(tmp_path):
    database = tmp_path / "lavka.sqlite3"
    child = holder(database)
    child.kill()  # a crash: the lock file stays behind, naming a dead process
    child.wait()
    assert lock_path(database).exists()
    lock = acquire(database)
    assert lock.isLocked()
    lock.unlock()
    assert not lock_path(database).exists()
