"""services/sqlite_file.py: SQLite's quick_check of a file, without SQLAlchemy, without a map."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from services.errors import StorageError
from services.sqlite_file import quick_check

REPO = Path(__file__).resolve().parent.parent


def a_base(path: Path, rows: int = 2000) -> Path:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, note TEXT)")
    connection.executemany(
        "INSERT INTO orders (note) VALUES (?)", [(f"order {n} " * 20,) for n in range(rows)]
    )
    connection.commit()
    connection.close()
    return path


def test_a_sound_file_passes_and_a_damaged_one_says_why(tmp_path):
    sound = a_base(tmp_path / "sound.sqlite3")
    assert quick_check(sound) is None
    damaged = a_base(tmp_path / "damaged.sqlite3")
    with damaged.open("r+b") as file:  # garbage over the orders table's pages
        file.seek(4096 * 2)
        file.write(b"\xde\xad\xbe\xef" * 512)
    assert quick_check(damaged) is not None


def test_a_file_that_is_not_sqlite_is_refused_not_called_damaged(tmp_path):
    workbook = tmp_path / "orders.xlsx"
    workbook.write_bytes(b"PK\x03\x04 a workbook, not a database")
    with pytest.raises(StorageError) as refused:
        quick_check(workbook)
    assert refused.value.code == "storage.not_sqlite"


def test_the_check_loads_neither_sqlalchemy_nor_qt_and_maps_nothing(tmp_path):
    """The start-up check runs it in a thread while the window's modules load: it must not
    wait for SQLAlchemy's import, nor hold the file's pages mapped, where they would count in
    the window's resident memory (make bench "peak RSS")."""
    base = a_base(tmp_path / "base.sqlite3", rows=150_000)  # ~30 MB
    script = (
        "import sys\n"
        "from services.sqlite_file import quick_check\n"
        "def peak():\n"
        "    status = open('/proc/self/status').read().split('VmHWM:')[1]\n"
        "    return int(status.split()[0]) // 1024\n"
        "before = peak()\n"
        f"assert quick_check({str(base)!r}) is None\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'PySide6')))\n"
        "print(peak() - before)\n"
    )
    said = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.split("\n")
    assert said[0] == "[]"
    if sys.platform == "linux":  # VmHWM: the process's peak resident memory
        assert int(said[1]) < 10  # MB: SQLite's own small page cache, not the 30 MB file
