"""Bytes changed on the root page of a table or index of an SQLite file: the damage tests make
(garbage SQLite sees, or a changed value that leaves every b-tree well formed)."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def root_page(path: Path, name: str) -> tuple[int, int]:
    """Where the root page of the table or index `name` starts in the file, and its size."""
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,))
        page = root.fetchone()[0]
        size = connection.execute("PRAGMA page_size").fetchone()[0]
    finally:
        connection.close()
    return (page - 1) * size, size


def overwrite_root_page(path: Path, name: str, garbage: bytes) -> Path:
    """`garbage` over the start of the root page of `name`."""
    start, _size = root_page(path, name)
    with path.open("r+b") as file:
        file.seek(start)
        file.write(garbage)
    return path


def flip(path: Path, name: str, old: bytes, new: bytes) -> Path:
    """Change `old` to `new` (as long) on the root page of the table or index `name`: the
    b-tree stays well formed, the value in it does not."""
    assert len(old) == len(new)
    start, size = root_page(path, name)
    with path.open("r+b") as file:
        file.seek(start)
        content = file.read(size)
        assert content.count(old) == 1
        file.seek(start + content.index(old))
        file.write(new)
    return path
