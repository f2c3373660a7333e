"""What names a Lavka database: a file's path, or a PostgreSQL server's URL. No SQLAlchemy:
the command line reads its --db with this before anything heavy loads."""

from __future__ import annotations

from pathlib import Path

SERVER_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def is_server(target: Path | str) -> bool:
    """Whether `target` names a PostgreSQL database (a URL) rather than a file."""
    return isinstance(target, str) and target.startswith(SERVER_SCHEMES)


def database_target(text: str) -> Path | str:
    """--db's value: a server's URL as it is, anything else a file's path."""
    return text if is_server(text) else Path(text)
