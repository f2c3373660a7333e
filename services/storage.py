"""Opening the SQLite file: connection pragmas, schema creation or migration, sessions."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs
from sqlalchemy import URL, Connection, Engine, create_engine, event, inspect, make_url, text
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

import models
from models import Base
from models.roles import OWNER
from services import roles
from services.choices import seed_defaults
from services.costing import recost_pending
from services.errors import DamagedDatabase, NotAllowed, StorageError
from services.files import SQLITE_FULL, backup_temp_prefix, discard, failure, fsync
from services.sqlite_file import (
    SQLITE_CORRUPT,
    SQLITE_HEADER,
    SQLITE_NOTADB,
    quick_check,
    read_header,
    read_only_connection,
    require_sqlite_file,
    unreadable,
)
from services.targets import is_server

if TYPE_CHECKING:
    from alembic.config import Config

BUSY_TIMEOUT_MS = 5000
MIGRATIONS_DIR = Path(models.__file__).resolve().parent / "migrations"
# The newest migration. Known without Alembic so that a normal start, where the file is
# already current, never imports it (that import alone was half the time to first window).
# tests/test_storage.py checks it against the migration scripts.
SCHEMA_HEAD = "0013"


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
        # No memory map, and an 8 MB page cache per connection: a map of the file counts in
        # the process's memory once per pooled connection (report workers included), and
        # 64 MB caches with a 256 MB map took an every-section window to 670 MB. Without them
        # it stays under 250 MB and the grids keep their goals (make bench; 2 MB would cost
        # them 15-25 %).
        cursor.execute("PRAGMA cache_size=-8192")
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
    """An engine whose every connection enforces foreign keys and writes durably, and whose
    every statement or commit that meets a full disk raises StorageError "storage.disk_full"
    (SQLite has then undone the transaction: nothing of it was written)."""
    path = Path(path)
    # URL.create, not an f-string: a '?' in a folder name must stay part of the path.
    engine = create_engine(URL.create("sqlite", database=str(path)))
    event.listen(engine, "connect", _set_pragmas)
    event.listen(engine, "begin", _begin)

    def disk_full(context: ExceptionContext) -> None:
        # One place for every save and every import: they all run through this engine.
        code = getattr(context.original_exception, "sqlite_errorcode", None) or 0
        if code & 0xFF == SQLITE_FULL:
            raise StorageError.of("storage.disk_full", path) from context.original_exception

    event.listen(engine, "handle_error", disk_full)
    return engine


def server_url(target: str) -> URL:
    """The SQLAlchemy URL of a PostgreSQL database named as `postgresql://user@host/db`,
    through psycopg 3."""
    return make_url(target).set(drivername="postgresql+psycopg")


def shown_url(target: str) -> str:
    """The URL as said to a person: without the password."""
    return server_url(target).set(drivername="postgresql").render_as_string(hide_password=True)


INSUFFICIENT_PRIVILEGE = "42501"  # PostgreSQL's SQLSTATE for "permission denied"


def create_server_engine(target: str) -> Engine:
    """An engine on a PostgreSQL database: each transaction sees committed data (READ
    COMMITTED, the server's default) and says when the server has gone away. What the
    connected role may not do (models/roles.py) raises NotAllowed "users.not_allowed"."""
    engine = create_engine(server_url(target), pool_pre_ping=True)

    def not_allowed(context: ExceptionContext) -> None:
        if getattr(context.original_exception, "sqlstate", None) == INSUFFICIENT_PRIVILEGE:
            raise NotAllowed.of("users.not_allowed") from context.original_exception

    event.listen(engine, "handle_error", not_allowed)
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
    """A consistent copy through the SQLite backup API (safe on a live WAL database), written
    under a temporary name beside `target` and renamed onto it only when complete: a copy cut
    short (a full disk, a killed Lavka) never stands under `target`'s name."""
    target = Path(target)
    handle, name = tempfile.mkstemp(prefix=backup_temp_prefix(), suffix=".part", dir=target.parent)
    os.close(handle)
    temp = Path(name)
    try:
        src = sqlite3.connect(str(source))
        try:
            dst = sqlite3.connect(temp)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
        fsync(temp)
        os.replace(temp, target)
    except BaseException:
        discard(temp)
        raise


LAVKA_TABLES = frozenset({"alembic_version", "contacts", "orders", "shipments", "products"})


def _lavka_revision(path: Path) -> str | None:
    """The schema revision of a Lavka database at `path` (read-only), None for an SQLite file
    that is not one: without Lavka's tables, or stamped by another program's migrations
    (revisions that are not numbered like Lavka's 0001, 0002, …). Real damage is
    DamagedDatabase; a file that cannot be read now, StorageError."""
    try:
        connection = read_only_connection(path)
    except (OSError, sqlite3.Error) as error:
        raise unreadable(path, error) from error
    try:
        tables = {
            name
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        if not tables >= LAVKA_TABLES:
            return None
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error as error:
        code = getattr(error, "sqlite_errorcode", None) or 0
        if code & 0xFF in (SQLITE_CORRUPT, SQLITE_NOTADB):
            raise DamagedDatabase(path, str(error)) from error
        raise unreadable(path, error) from error
    finally:
        connection.close()
    revision = row[0] if row else None
    if not isinstance(revision, str) or not revision.isdigit():
        return None
    return revision


@dataclass(frozen=True)
class SchemaResult:
    """What prepare_schema did: created a new file, upgraded an old one, or nothing."""

    action: str  # "created", "upgraded" or "current"
    backup: Path | None = None


def known_revision(revision: str | None) -> bool:
    """Whether this Lavka knows the schema `revision` stamped in a file: its own (SCHEMA_HEAD)
    or an older one it upgrades. Without Alembic: migrations are numbered 0001, 0002, …"""
    return (
        revision is not None
        and len(revision) == len(SCHEMA_HEAD)
        and revision.isdigit()
        and 1 <= int(revision) <= int(SCHEMA_HEAD)
    )


def prepare_schema(
    engine: Engine, path: Path | None, scripts: Path = MIGRATIONS_DIR
) -> SchemaResult:
    """New file: create_all + stamp head. Old schema: copy aside, then upgrade. A server's
    database (`path` None) is upgraded in one transaction, which PostgreSQL undoes whole on
    failure, so nothing is copied aside."""
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
            listed = ", ".join(sorted(foreign)[:5])  # the file's own table names, as data
            raise StorageError.of("storage.foreign_data", path, listed)
        with engine.begin() as connection:  # tables and version stamp in one transaction
            Base.metadata.create_all(connection)
            config.attributes["connection"] = connection
            command.stamp(config, "head")
        return SchemaResult("created")
    known = {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}
    where = path if path is not None else shown_url(engine.url.render_as_string())
    if revision not in known:
        raise StorageError.of("storage.newer_schema", where, revision)
    if path is None:
        return _upgrade(engine, config, where, head, None)
    backup = path.with_name(f"{path.stem}.before-{head}{path.suffix}")
    try:
        copy_database(path, backup)
    except (OSError, sqlite3.Error) as error:  # nothing upgraded: the file is as it was
        raise failure(StorageError, "storage.not_upgraded", error, path) from error
    return _upgrade(engine, config, path, head, backup)


def _upgrade(
    engine: Engine, config: Config, where: Path | str, head: str, backup: Path | None
) -> SchemaResult:
    from alembic import command

    try:
        command.upgrade(config, "head")
    except StorageError:  # the disk filled up: said as such by the engine
        raise
    except Exception as error:
        # The reason is the migration's or the database's own text: a detail for whoever helps.
        detail = " ".join(str(error).split())
        if backup is None:
            raise StorageError.of("storage.server_upgrade_failed", where, head, detail) from error
        raise StorageError.of("storage.upgrade_failed", where, head, backup, detail) from error
    refresh_statistics(engine)
    return SchemaResult("upgraded", backup)


def refresh_statistics(engine: Engine) -> None:
    """ANALYZE a file that has the query planner's statistics (sqlite_stat1), after an upgrade.

    An index a migration adds has none, and a planner that has statistics for the others then
    walks those it knows: Today's shipments, on a million lines, took seconds instead of
    milliseconds (make bench). Lavka itself keeps no statistics (a file without them is
    planned by SQLite's defaults, which our queries are written for); those of a file that
    has them are made whole again, once per upgrade (2 s on the 300 MB bench base)."""
    with engine.begin() as connection:
        if connection.dialect.name != "sqlite":
            connection.exec_driver_sql("ANALYZE")  # PostgreSQL's autovacuum keeps the rest
            return
        kept = connection.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'"
        ).first()
        if kept is not None:
            connection.exec_driver_sql("ANALYZE")


class Database:
    """One open Lavka database: the engine, its session factory and the file it lives in
    (`path`), or the PostgreSQL server's database it is (`path` None, `url` set)."""

    def __init__(self, target: Path | str) -> None:
        self.path: Path | None = None
        self.url: str | None = None
        if is_server(target):
            self.url = str(target)
            self.engine = create_server_engine(self.url)
        else:
            self.path = Path(target)
            self.engine = create_sqlite_engine(self.path)
        self.session_factory = sessionmaker(self.engine, expire_on_commit=False)
        self.schema = SchemaResult("current")
        self.closed = False
        # The Lavka role of whoever is connected (models/roles.py): a file's user owns it.
        self.role = OWNER
        # The server's process of each of this database's connections: notices of changes
        # (models/notices.py) sent from these are this window's own (ui/server/live.py).
        self.backend_pids: set[int] = set()
        if self.url is not None:
            event.listen(self.engine, "connect", self._note_backend)
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
        if is_server(path):
            return cls._open_server(str(path), language)
        path = Path(path)
        if path.parent and not path.parent.exists():
            raise StorageError.of("storage.no_folder", path.parent)
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
            detail = " ".join(str(error.orig).split())  # SQLite's own words
            raise StorageError.of("storage.unopenable", path, detail) from error
        except Exception:
            database.close()
            raise
        return database

    @classmethod
    def _open_server(cls, url: str, language: str) -> Database:
        database = cls(url)
        try:
            with database.engine.connect() as connection:
                role = roles.role_of(connection)
                revision = current_revision(database.engine)
            if role is None:
                raise StorageError.of("storage.no_role", shown_url(url))
            if role == OWNER:
                database._prepare_as_owner(revision, language)
            elif revision != SCHEMA_HEAD:  # only the owner may upgrade (or create) it
                raise StorageError.of("storage.owner_upgrades", shown_url(url), SCHEMA_HEAD)
            else:
                database.role = role
                # Nor may a manager re-cost lines: a FIFO cost is read from purchases, which
                # only the owner reads. The marks wait for the owner's next save.
                database.session_factory.configure(info={"costs": False})
        except DatabaseError as error:
            database.close()
            detail = " ".join(str(error.orig).split())  # the server's own words
            raise StorageError.of("storage.server_unopenable", shown_url(url), detail) from error
        except Exception:
            database.close()
            raise
        return database

    def _note_backend(self, connection: Any, _record: object) -> None:
        self.backend_pids.add(int(connection.info.backend_pid))

    def _prepare_as_owner(self, revision: str | None, language: str) -> None:
        """Create or upgrade the schema, with the managers' views set aside while the tables
        change under them and made anew after."""
        with self.engine.begin() as connection:
            arranged = roles.arranged(connection)
            if arranged and revision != SCHEMA_HEAD:
                roles.set_aside(connection)
        self.schema = prepare_schema(self.engine, None)
        seed_defaults(self, language)
        if arranged and revision != SCHEMA_HEAD:
            with self.engine.begin() as connection:
                roles.arrange(connection)
        with self.session_factory.begin() as session:  # lines managers sold since
            recost_pending(session)

    @property
    def name(self) -> str:
        """The database as said to a person: its file, or its server's URL without password."""
        return str(self.path) if self.path is not None else shown_url(self.url or "")

    @property
    def title(self) -> str:
        """What the window's title calls it: the file's name, or the server's database name."""
        if self.path is not None:
            return self.path.name
        url = server_url(self.url or "")
        return f"{url.database} @ {url.host or 'localhost'}"

    @property
    def dialect(self) -> str:
        """ "sqlite" or "postgresql"."""
        return self.engine.dialect.name

    @classmethod
    def open_existing(
        cls, path: Path | str, *, check: bool = True, language: str = "en"
    ) -> Database:
        """Open the Lavka database that is already at `path`, as Database.open does (an older
        schema is upgraded), for a command that has nothing to say about anything else
        (figures, report, export, today). Everything that is not a Lavka database is refused
        with a StorageError, read-only, before a byte of it could change, never made into a
        new database: no file ("storage.no_database"), an empty file
        ("storage.empty_file"), a file that is not SQLite's ("storage.not_sqlite"), another
        program's SQLite file or one without tables ("storage.not_lavka"), one from a newer
        Lavka ("storage.newer_schema")."""
        if is_server(path):
            return cls._open_server(str(path), language)
        path = Path(path)
        if not path.is_file():
            raise StorageError.of("storage.no_database", path)
        header = read_header(path)
        if not header:
            raise StorageError.of("storage.empty_file", path)
        if header != SQLITE_HEADER:
            raise StorageError.of("storage.not_sqlite", path)
        revision = _lavka_revision(path)
        if revision is None:
            raise StorageError.of("storage.not_lavka", path)
        if not known_revision(revision):
            raise StorageError.of("storage.newer_schema", path, revision)
        return cls.open(path, check=check, language=language)

    def use_wal(self) -> None:
        """Write-ahead logging, kept in the file itself: set once the file is known to be ours
        (an SQLite file of another program is refused without a byte changed)."""
        raw = self.engine.raw_connection()
        try:
            driver = raw.driver_connection  # None only once the pool has closed it
            assert driver is not None
            driver.execute("PRAGMA journal_mode=WAL")  # outside any transaction
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
        return StorageError.of("storage.closed", self.name)
