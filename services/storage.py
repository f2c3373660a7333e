"""Opening the SQLite file: connection pragmas, schema creation or migration, sessions."""

from __future__ import annotations

import sqlite3
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

import platformdirs
from sqlalchemy import URL, Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

import models
from models import Base
from services.choices import seed_defaults
from services.errors import DamagedDatabase, StorageError

if TYPE_CHECKING:
    from alembic.config import Config

BUSY_TIMEOUT_MS = 5000
MIGRATIONS_DIR = Path(models.__file__).resolve().parent / "migrations"
# The newest migration. Known without Alembic so that a normal start, where the file is
# already current, never imports it (that import alone was half the time to first window).
# tests/test_storage.py checks it against the migration scripts.
SCHEMA_HEAD = "0003"
SQLITE_HEADER = b"SQLite format 3\x00"
SQLITE_READONLY_ROLLBACK = 776  # a read-only connection met a hot journal it may not roll back
SQLITE_CORRUPT, SQLITE_NOTADB = 11, 26  # primary codes of damage in a file that is SQLite's


def default_database_path() -> Path:
    """The database in the per-user data folder (created if missing)."""
    folder = Path(platformdirs.user_data_dir("Lavka", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "lavka.sqlite3"


def _set_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # The sqlite3 module's own transaction handling would commit around DDL; leave BEGIN to
    # SQLAlchemy (see _begin) so that a migration or a schema creation is all or nothing.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        # Reads of a large base spend their time in read() system calls; mapping the file and
        # a 64 MB page cache cut the grid's scans by a third (make bench).
        cursor.execute("PRAGMA mmap_size=268435456")
        cursor.execute("PRAGMA cache_size=-65536")
    finally:
        cursor.close()


# An execution option: BEGIN IMMEDIATE takes the write lock first (waiting out another
# writer) for a transaction that reads, then writes what it read; a plain BEGIN there could
# meet a newer snapshot at its first write and fail at once with "database is locked".
IMMEDIATE = "lavka_begin_immediate"


def _begin(connection: Connection) -> None:
    immediate = connection.get_execution_options().get(IMMEDIATE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def create_sqlite_engine(path: Path | str) -> Engine:
    """An engine whose every connection enforces foreign keys and writes durably."""
    # URL.create, not an f-string: a '?' in a folder name must stay part of the path.
    engine = create_engine(URL.create("sqlite", database=str(Path(path))))
    event.listen(engine, "connect", _set_pragmas)
    event.listen(engine, "begin", _begin)
    return engine


def alembic_config(engine: Engine | None = None, scripts: Path = MIGRATIONS_DIR) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(scripts))
    if engine is not None:
        config.attributes["engine"] = engine
    return config


def head_revision(scripts: Path = MIGRATIONS_DIR) -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config(scripts=scripts)).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The schema version stamped in the file, or None for a file without one."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def copy_database(source: Path | str, target: Path | str) -> None:
    """A consistent copy through the SQLite backup API (safe on a live WAL database)."""
    src = sqlite3.connect(str(source))
    dst = sqlite3.connect(str(target))
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def sqlite_uri(path: PurePath) -> str:
    """The `file:` URI of an absolute path, for sqlite3.connect(uri=True), without a query.

    Not Path.as_uri(): on Windows that puts a UNC path's server into the authority
    (file://server/share/x), which SQLite refuses. SQLite takes an empty authority and the
    whole path after it, so every path gets one: file:///home/x, file:///C:/x,
    file:////server/share/x. Percent-encoding keeps '?', '#' and '%' in the file name."""
    if isinstance(path, Path):
        path = path.absolute()
    elif not path.is_absolute():
        raise ValueError(f"'{path}' is not an absolute path")
    posix = path.as_posix()
    lead = "" if posix.startswith("/") else "/"  # C:/x: the path part of a URI starts with '/'
    return f"file://{lead}{urllib.parse.quote(posix, safe='/:')}"


def read_only_connection(path: Path | str) -> sqlite3.Connection:
    """A connection that can neither change `path`, create it, nor leave files beside it."""
    path = Path(path).absolute()
    with path.open("rb") as file:  # raises for a missing file: SQLite would create it
        header = file.read(20)
    # A read-only connection to a WAL file creates -wal and -shm and leaves them behind. No -wal
    # beside a WAL file means no connection has it open, so reading it as immutable (no locks,
    # no side files) is safe; otherwise the normal read-only path applies the WAL it finds.
    in_wal_mode = header.startswith(SQLITE_HEADER) and header[18:20] == b"\x02\x02"
    wal = path.with_name(path.name + "-wal")
    mode = "immutable=1" if in_wal_mode and not wal.exists() else "mode=ro"
    return sqlite3.connect(f"{sqlite_uri(path)}?{mode}", uri=True, isolation_level=None)


def require_sqlite_file(path: Path | str) -> None:
    """StorageError unless `path` is empty (SQLite's empty database) or starts with the SQLite
    header: anything else is some other program's file, never a damaged database of ours."""
    path = Path(path)
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except OSError as error:
        raise StorageError(
            f"'{path}' cannot be read ({_os_reason(error)}); Lavka did not change it."
        ) from error
    if header and header != SQLITE_HEADER:
        raise StorageError(
            f"'{path}' is not a Lavka database (not an SQLite file); Lavka did not change it."
        )


def quick_check(path: Path | str) -> str | None:
    """SQLite's quick_check of `path`, read-only: None if sound, else what is damaged.

    A reason comes back only for real damage, as the caller moves a damaged file aside: the
    file is SQLite's and either quick_check reports findings or SQLite calls it corrupt or not
    a database. Everything else raises StorageError and says why: no file, not an SQLite file
    (a workbook given as --db must never be renamed), or one that cannot be read now (locked,
    no permission, an I/O error). An empty file is SQLite's empty database: None."""
    path = Path(path)
    if not path.is_file():
        raise StorageError(f"There is no file at '{path}'.")
    require_sqlite_file(path)
    try:
        connection = read_only_connection(path)
    except (OSError, sqlite3.Error) as error:
        raise _unreadable(path, error) from error
    try:
        # The database itself sits on a local disk: mapping it halves the check (bench base:
        # 1.2 s → 0.55 s). Backups on a stick are checked unmapped, where a pulled stick
        # must be an error and not a crash.
        connection.execute("PRAGMA mmap_size=268435456")
        return check_problems(connection, "quick_check")
    except sqlite3.Error as error:
        code = getattr(error, "sqlite_errorcode", None) or 0
        if code == SQLITE_READONLY_ROLLBACK:
            # A transaction cut short in rollback-journal mode: not damage. The normal open
            # rolls it back; a verdict now would quarantine a sound file.
            return None
        if code & 0xFF in (SQLITE_CORRUPT, SQLITE_NOTADB):  # the header said SQLite: damage
            return str(error)
        raise _unreadable(path, error) from error
    finally:
        connection.close()


def _unreadable(path: Path, error: OSError | sqlite3.Error) -> StorageError:
    reason = _os_reason(error) if isinstance(error, OSError) else str(error)
    return StorageError(f"'{path}' cannot be checked now ({reason}); Lavka did not change it.")


def _os_reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


def check_problems(connection: sqlite3.Connection, check: str = "quick_check") -> str | None:
    """None if `PRAGMA <check>` (quick_check or integrity_check) says ok, else its first few
    findings on one line."""
    rows = connection.execute(f"PRAGMA {check}(5)").fetchall()
    if [row[0] for row in rows] == ["ok"]:
        return None
    # A finding may span lines; the "*** in database main ***" banner tells nothing.
    lines = [line for (text,) in rows for line in str(text).splitlines()]
    return "; ".join(line for line in lines if not line.startswith("***"))


@dataclass(frozen=True)
class SchemaResult:
    """What prepare_schema did: created a new file, upgraded an old one, or nothing."""

    action: str  # "created", "upgraded" or "current"
    backup: Path | None = None


def prepare_schema(engine: Engine, path: Path, scripts: Path = MIGRATIONS_DIR) -> SchemaResult:
    """New file: create_all + stamp head. Old schema: copy aside, then upgrade."""
    revision = current_revision(engine)
    if scripts == MIGRATIONS_DIR and revision == SCHEMA_HEAD:
        return SchemaResult("current")
    from alembic import command
    from alembic.script import ScriptDirectory

    head = head_revision(scripts)
    if revision == head:
        return SchemaResult("current")
    config = alembic_config(engine, scripts)
    if revision is None:
        foreign = set(inspect(engine).get_table_names()) - {"alembic_version"}
        if foreign:
            listed = ", ".join(sorted(foreign)[:5])
            raise StorageError(
                f"'{path}' already holds other data (tables: {listed}) but no Lavka schema "
                "version; Lavka did not change it."
            )
        with engine.begin() as connection:  # tables and version stamp in one transaction
            Base.metadata.create_all(connection)
            config.attributes["connection"] = connection
            command.stamp(config, "head")
        return SchemaResult("created")
    known = {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}
    if revision not in known:
        raise StorageError(
            f"'{path}' was written by a newer Lavka (schema {revision}); update Lavka to open it."
        )
    backup = path.with_name(f"{path.stem}.before-{head}{path.suffix}")
    copy_database(path, backup)
    try:
        command.upgrade(config, "head")
    except Exception as error:
        raise StorageError(
            f"Upgrading '{path}' to schema {head} failed ({error}). "
            f"The file as it was before is kept at '{backup}'."
        ) from error
    return SchemaResult("upgraded", backup)


class Database:
    """One open Lavka database: the engine, its session factory and the file it lives in."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.engine = create_sqlite_engine(self.path)
        self.session_factory = sessionmaker(self.engine, expire_on_commit=False)
        self.schema = SchemaResult("current")
        self.closed = False
        # The engine would reconnect on demand after dispose(); during a restore that would
        # write into the file being replaced. Every new SQLite connection passes here first.
        event.listen(self.engine, "do_connect", self._refuse_when_closed)
        # dispose() leaves a connection that was in use open even after it is given back.
        event.listen(self.engine, "checkin", self._close_when_closed)

    @classmethod
    def open(cls, path: Path | str, *, check: bool = True, language: str = "en") -> Database:
        """Open (creating or upgrading as needed) the database at `path`; a new one gets its
        lists (statuses, channels, loss reasons) in `language` ("en" or "ru").

        An existing file is checked first (quick_check, read-only): a damaged one raises
        DamagedDatabase before anything could write to it, so it can still be rescued.
        `check=False` is for a caller that already ran quick_check (in a thread, say: it takes
        ~0.6-0.9 s on the 160 MB bench base)."""
        path = Path(path)
        if path.parent and not path.parent.exists():
            raise StorageError(f"Folder '{path.parent}' does not exist.")
        if path.is_file():
            # Cheap, and even with check=False: another program's file is refused by name
            # rather than as "damaged", before SQLite is let near it.
            require_sqlite_file(path)
            if check and path.stat().st_size > 0:
                reason = quick_check(path)
                if reason is not None:
                    raise DamagedDatabase(path, reason)
        database = cls(path)
        try:
            database.schema = prepare_schema(database.engine, path)
            database.use_wal()
            seed_defaults(database, language)
        except DatabaseError as error:
            database.close()
            raise StorageError(
                f"'{path}' cannot be opened as a Lavka database: it is damaged or not a "
                f"database ({error.orig})."
            ) from error
        except Exception:
            database.close()
            raise
        return database

    def use_wal(self) -> None:
        """Write-ahead logging, kept in the file itself: set once the file is known to be ours
        (an SQLite file of another program is refused without a byte changed)."""
        raw = self.engine.raw_connection()
        try:
            raw.driver_connection.execute("PRAGMA journal_mode=WAL")  # outside any transaction
        finally:
            raw.close()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A read-only session; writes go through services.uow.UnitOfWork."""
        if self.closed:
            raise self._closed_error()
        with self.session_factory() as session:
            yield session

    def close(self) -> None:
        """Close every idle connection and refuse new ones for good (StorageError): nothing of
        this object touches the file again, e.g. while a restore replaces it. Idempotent.
        A connection still in use when this runs is closed when it is given back."""
        self.closed = True
        self.engine.dispose()

    def _refuse_when_closed(self, *_args: object) -> None:
        if self.closed:
            raise self._closed_error()

    def _close_when_closed(
        self, dbapi_connection: sqlite3.Connection | None, _record: object
    ) -> None:
        if self.closed and dbapi_connection is not None:
            dbapi_connection.close()

    def _closed_error(self) -> StorageError:
        return StorageError(f"The database '{self.path}' is closed.")
