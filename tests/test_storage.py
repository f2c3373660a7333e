"""The SQLite file: pragmas, migrations that match the models, refusing what it can't open."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import warnings
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from models import Base
from models.search import SEARCH_TABLE
from services import sqlite_file
from services.contacts import ContactInput, create_contact, search_contacts
from services.errors import DamagedDatabase, StorageError
from services.sqlite_file import SQLITE_HEADER, quick_check, sqlite_uri
from services.storage import (
    MIGRATIONS_DIR,
    SCHEMA_HEAD,
    Database,
    alembic_config,
    create_sqlite_engine,
    current_revision,
    head_revision,
    prepare_schema,
)

pytestmark = pytest.mark.sqlite_only(
    "opening, upgrading and copying the SQLite file (a server's: test_migrate.py)"
)

REPO = Path(__file__).resolve().parent.parent


def schema_objects(path: Path) -> dict[str, str]:
    """Every index and trigger in the file, by name, with whitespace-normalised SQL."""
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type IN ('index', 'trigger')"
            " AND sql IS NOT NULL"
        ).fetchall()
    finally:
        connection.close()
    return {name: " ".join(sql.split()) for name, sql in rows}


def not_search_index(name, type_, _parent) -> bool:
    """The FTS5 search index and its shadow tables are made by models/search.py's DDL, which
    reflection cannot read; schema_objects() compares its triggers."""
    return not (type_ == "table" and name.startswith(SEARCH_TABLE))


def foreign_keys(path: Path) -> set[tuple]:
    connection = sqlite3.connect(path)
    try:
        tables = [
            r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        return {
            (table, *row[2:])
            for table in tables
            for row in connection.execute(f"PRAGMA foreign_key_list('{table}')")
        }
    finally:
        connection.close()


def test_every_connection_enforces_keys_and_durability(db):
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 5000


def test_the_head_known_without_alembic_is_the_newest_migration():
    assert head_revision() == SCHEMA_HEAD


def test_new_file_is_created_at_head_and_reopened_unchanged(tmp_path):
    path = tmp_path / "new.sqlite3"
    first = Database.open(path)
    assert first.schema.action == "created"
    assert current_revision(first.engine) == head_revision()
    first.close()
    again = Database.open(path)
    assert again.schema.action == "current"
    again.close()


def test_migrations_at_head_match_the_models(tmp_path):
    migrated_path = tmp_path / "migrated.sqlite3"
    engine = create_sqlite_engine(migrated_path)
    command.upgrade(alembic_config(engine), "head")
    with engine.connect() as connection, warnings.catch_warnings():
        # reflection skips the expression index ix_orders_margin; schema_objects() covers it
        warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based")
        warnings.filterwarnings("ignore", "autogenerate skipping metadata-specified expression")
        differences = compare_metadata(
            MigrationContext.configure(
                connection, opts={"compare_type": True, "include_name": not_search_index}
            ),
            Base.metadata,
        )
    engine.dispose()
    assert differences == []
    created_path = tmp_path / "created.sqlite3"
    Database.open(created_path).close()
    assert foreign_keys(migrated_path) == foreign_keys(created_path)
    # indexes and the order-total triggers too, which compare_metadata does not look at
    assert schema_objects(migrated_path) == schema_objects(created_path)
    # 44 that keep derived data, 4 the group totals (models/order_totals.py), and the change
    # log's three (insert, update, delete) on each of the 23 logged tables (models/history.py)
    triggers = [n for n in schema_objects(created_path) if n.startswith("trg_")]
    assert len(triggers) == 44 + 4 + 23 * 3
    assert "ix_orders_margin" in schema_objects(migrated_path)


def test_grid_sorts_and_counts_through_indexes(db):
    """The order grid's hot queries are answered from indexes, not by sorting every order."""
    from services.order_list import OrderQuery, list_orders

    plans: list[str] = []

    def explain(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("SELECT"):
            rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()
            plans.append(" | ".join(row[-1] for row in rows))

    from sqlalchemy import event

    event.listen(db.engine, "before_cursor_execute", explain)
    try:
        for sort in ("margin", "profit", "date"):
            plans.clear()
            list_orders(db, OrderQuery(sort=sort))
            page, count = [p for p in plans if "orders" in p][-2:]
            index = {"margin": "ix_orders_margin", "profit": "ix_orders_profit"}.get(
                sort, "ix_orders_date"
            )
            assert index in page, page
            assert "TEMP B-TREE" not in page.split("SCAN")[1], page
            assert "contacts" not in count, count
    finally:
        event.remove(db.engine, "before_cursor_execute", explain)


def test_downgrade_to_base_and_up_again(tmp_path):
    engine = create_sqlite_engine(tmp_path / "x.sqlite3")
    config = alembic_config(engine)
    command.upgrade(config, "head")
    command.downgrade(config, "base")
    with engine.connect() as connection:
        tables = connection.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))
        assert {row[0] for row in tables} == {"alembic_version"}
    command.upgrade(config, "head")
    engine.dispose()


def test_file_from_a_newer_lavka_is_refused_untouched(tmp_path):
    path = tmp_path / "future.sqlite3"
    Database.open(path).close()
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    before = path.read_bytes()
    with pytest.raises(StorageError) as caught:
        Database.open(path)
    assert (caught.value.code, caught.value.params) == ("storage.newer_schema", (str(path), "9999"))
    assert path.read_bytes() == before


@pytest.mark.parametrize("table", ["contacts", "bookmarks"])
def test_another_programs_sqlite_file_is_refused_untouched(tmp_path, table):
    path = tmp_path / "odd.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY)")
    connection.close()
    before = path.read_bytes()
    with pytest.raises(StorageError) as caught:
        Database.open(path)
    assert (caught.value.code, caught.value.params) == ("storage.foreign_data", (str(path), table))
    assert path.read_bytes() == before


@pytest.mark.parametrize("check", [True, False])
def test_a_file_that_is_not_sqlite_is_refused_and_not_called_damaged(tmp_path, check):
    """`lavka --db report.xlsx`: refused by name, never DamagedDatabase (which the app answers
    by renaming the file to *.damaged)."""
    path = tmp_path / "report.xlsx"
    content = b"PK\x03\x04 a workbook" * 400
    path.write_bytes(content)
    expected = ("storage.not_sqlite", (str(path),))
    with pytest.raises(StorageError) as caught:
        Database.open(path, check=check)
    assert not isinstance(caught.value, DamagedDatabase)
    assert (caught.value.code, caught.value.params) == expected
    with pytest.raises(StorageError) as caught:
        quick_check(path)
    assert not isinstance(caught.value, DamagedDatabase)
    assert (caught.value.code, caught.value.params) == expected
    assert path.read_bytes() == content
    assert list(tmp_path.iterdir()) == [path]


def test_an_empty_file_is_a_new_database(tmp_path):
    path = tmp_path / "lavka.sqlite3"
    path.touch()
    assert quick_check(path) is None  # SQLite's empty database: nothing damaged
    database = Database.open(path)
    try:
        assert database.schema.action == "created"
    finally:
        database.close()


@pytest.mark.parametrize("tail", [b"", b"\xab" * 5000])
def test_an_sqlite_header_over_garbage_is_damage(tmp_path, tail):
    path = tmp_path / "lavka.sqlite3"
    path.write_bytes(SQLITE_HEADER + tail)
    assert quick_check(path) == "file is not a database"
    with pytest.raises(DamagedDatabase):
        Database.open(path)
    assert path.read_bytes() == SQLITE_HEADER + tail


def test_a_locked_database_is_not_damage(tmp_path):
    path = tmp_path / "lavka.sqlite3"
    Database.open(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA journal_mode=DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StorageError) as caught:
            quick_check(path)
        assert not isinstance(caught.value, DamagedDatabase)
        assert (caught.value.code, caught.value.params) == (
            "storage.unreadable.in_use",
            (str(path),),
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert quick_check(path) is None


@pytest.mark.parametrize(
    ("code", "message", "damaged"),
    [
        (10, "disk I/O error", "device"),  # SQLITE_IOERR: a stick pulled, not the file's fault
        (14, "unable to open database file", "other"),  # SQLITE_CANTOPEN
        (3, "access permission denied", "denied"),  # SQLITE_PERM
        (5, "database is locked", "in_use"),  # SQLITE_BUSY
        (11, "database disk image is malformed", True),  # SQLITE_CORRUPT
        (779, "database disk image is malformed", True),  # SQLITE_CORRUPT_INDEX
        (26, "file is not a database", True),  # SQLITE_NOTADB
    ],
)
def test_only_corrupt_or_not_a_database_from_sqlite_counts_as_damage(
    db, monkeypatch, code, message, damaged
):
    db.close()

    def failing(_connection, _check="quick_check"):
        error = sqlite3.DatabaseError(message)
        error.sqlite_errorcode = code
        raise error

    monkeypatch.setattr(sqlite_file, "check_problems", failing)
    if damaged is True:
        assert quick_check(db.path) == message
    else:
        with pytest.raises(StorageError) as caught:
            quick_check(db.path)
        assert not isinstance(caught.value, DamagedDatabase)
        assert caught.value.code == f"storage.unreadable.{damaged}"
        # a reason of no known kind is said in SQLite's own words
        extra = (message,) if damaged == "other" else ()
        assert caught.value.params == (str(db.path), *extra)


def test_an_unreadable_file_is_not_damage(tmp_path, monkeypatch):
    path = tmp_path / "lavka.sqlite3"
    Database.open(path).close()
    real_open = Path.open

    def refused(self, *args, **kwargs):
        if self == path:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refused)
    with pytest.raises(StorageError) as caught:
        quick_check(path)
    assert not isinstance(caught.value, DamagedDatabase)
    assert (caught.value.code, caught.value.params) == ("storage.unreadable.denied", (str(path),))
    with pytest.raises(StorageError) as caught:
        quick_check(tmp_path / "none.sqlite3")
    assert caught.value.code == "storage.no_database"


def test_a_closed_database_refuses_every_further_use(tmp_path):
    path = tmp_path / "lavka.sqlite3"
    database = Database.open(path)
    create_contact(database, ContactInput("Игорь", "+79161234567"))
    in_use = database.engine.connect()  # a connection taken before close, given back after
    raw = in_use.connection.dbapi_connection
    database.close()
    database.close()  # idempotent
    closed = ("storage.closed", (str(path),))

    def said(caught) -> tuple:
        return caught.value.code, caught.value.params

    with pytest.raises(StorageError) as caught, database.session():
        pass
    assert said(caught) == closed
    with pytest.raises(StorageError) as caught:
        search_contacts(database, "")
    assert said(caught) == closed
    with pytest.raises(StorageError) as caught:
        create_contact(database, ContactInput("Анна", "+79031112233"))
    assert said(caught) == closed
    with pytest.raises(StorageError) as caught:
        database.engine.connect()
    assert said(caught) == closed
    with pytest.raises(StorageError) as caught:
        database.use_wal()
    assert said(caught) == closed
    in_use.close()
    with pytest.raises(sqlite3.ProgrammingError):
        raw.execute("SELECT 1")
    again = Database.open(path)  # the file itself is fine: another Database may open it
    try:
        assert [c.name for c in search_contacts(again, "")] == ["Игорь"]
    finally:
        again.close()


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        (PurePosixPath("/home/igor/lavka.sqlite3"), "file:///home/igor/lavka.sqlite3"),
        (
            PurePosixPath("/home/a?b/#1 100%/Лавка.sqlite3"),
            "file:///home/a%3Fb/%231%20100%25/%D0%9B%D0%B0%D0%B2%D0%BA%D0%B0.sqlite3",
        ),
        (PurePosixPath("//odd/root.sqlite3"), "file:////odd/root.sqlite3"),
        (PureWindowsPath(r"C:\Users\Igor\lavka.sqlite3"), "file:///C:/Users/Igor/lavka.sqlite3"),
        (PureWindowsPath(r"C:\a?b#c\x.sqlite3"), "file:///C:/a%3Fb%23c/x.sqlite3"),
        # UNC: an empty authority, then the whole path; file://server/... SQLite refuses
        (
            PureWindowsPath(r"\\server\share\Лавка\lavka.sqlite3"),
            "file:////server/share/%D0%9B%D0%B0%D0%B2%D0%BA%D0%B0/lavka.sqlite3",
        ),
    ],
)
def test_sqlite_uri(path, uri):
    assert sqlite_uri(path) == uri


def test_sqlite_uri_refuses_a_relative_pure_path():
    with pytest.raises(ValueError, match="not an absolute path"):
        sqlite_uri(PureWindowsPath("lavka.sqlite3"))


def test_sqlite_uri_opens_the_very_file_whatever_its_name(tmp_path):
    folder = tmp_path / "a?b#c 100%20 Лавка"
    folder.mkdir()
    path = folder / "lavka.sqlite3"
    Database.open(path).close()
    connection = sqlite3.connect(f"{sqlite_uri(path)}?mode=ro", uri=True)
    try:
        assert connection.execute("SELECT COUNT(*) FROM contacts").fetchone() == (0,)
    finally:
        connection.close()
    assert quick_check(path) is None
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder.name]  # nothing made beside


def test_question_mark_in_a_folder_name_stays_in_the_path(tmp_path):
    folder = tmp_path / "a?b"
    folder.mkdir()
    Database.open(folder / "lavka.sqlite3").close()
    assert (folder / "lavka.sqlite3").is_file()
    assert not (tmp_path / "a").exists()


def test_schema_creation_is_one_transaction(tmp_path, monkeypatch):
    """A failure while stamping leaves no half-made schema behind (DDL is transactional)."""
    path = tmp_path / "half.sqlite3"

    def broken_stamp(*_args, **_kwargs):
        raise RuntimeError("power cut")

    monkeypatch.setattr(command, "stamp", broken_stamp)
    with pytest.raises(RuntimeError):
        Database.open(path)
    connection = sqlite3.connect(path)
    tables = connection.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall()
    connection.close()
    assert tables == []


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(StorageError) as caught:
        Database.open(tmp_path / "nowhere" / "lavka.sqlite3")
    assert (caught.value.code, caught.value.params) == (
        "storage.no_folder",
        (str(tmp_path / "nowhere"),),
    )


def test_models_and_services_import_no_qt():
    """Every module of models/ and services/ (and the command line) loads without Qt."""
    code = (
        "import importlib, pkgutil, sys, models, services\n"
        "for package in (models, services):\n"
        "    for info in pkgutil.walk_packages(package.__path__, package.__name__ + '.'):\n"
        "        if '.migrations' not in info.name:\n"
        "            importlib.import_module(info.name)\n"
        "importlib.import_module('ui.cli')\n"
        "assert 'services.orders' in sys.modules\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "assert not qt, qt\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True)


SCRATCH = f"{int(SCHEMA_HEAD) + 1:04d}"  # the revision after ours, made up by these tests


def _scripts_with_scratch(tmp_path: Path, upgrade_body: str) -> Path:
    """A copy of our migrations plus a throwaway next revision, to exercise the upgrade path."""
    scripts = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / f"{SCRATCH}_scratch.py").write_text(
        "import sqlalchemy as sa\nfrom alembic import op\n\n"
        f'revision = "{SCRATCH}"\ndown_revision = "{SCHEMA_HEAD}"\n'
        "branch_labels = None\ndepends_on = None\n\n\n"
        f"def upgrade():\n    {upgrade_body}\n\n\n"
        'def downgrade():\n    op.drop_table("scratch")\n'
    )
    return scripts


def test_old_schema_is_copied_aside_then_upgraded(tmp_path):
    path = tmp_path / "lavka.sqlite3"
    database = Database.open(path)
    create_contact(database, ContactInput("Игорь", "+79161234567"))
    database.close()
    scripts = _scripts_with_scratch(
        tmp_path, 'op.create_table("scratch", sa.Column("id", sa.Integer, primary_key=True))'
    )
    engine = create_sqlite_engine(path)
    result = prepare_schema(engine, path, scripts)
    engine.dispose()
    assert result.action == "upgraded"
    assert result.backup == tmp_path / f"lavka.before-{SCRATCH}.sqlite3"
    upgraded, before = sqlite3.connect(path), sqlite3.connect(result.backup)
    try:
        assert upgraded.execute("SELECT version_num FROM alembic_version").fetchone() == (SCRATCH,)
        assert upgraded.execute("SELECT COUNT(*) FROM scratch").fetchone() == (0,)
        assert before.execute("SELECT version_num FROM alembic_version").fetchone() == (
            SCHEMA_HEAD,
        )
        assert before.execute("SELECT name FROM contacts").fetchall() == [("Игорь",)]
        tables = {r[0] for r in before.execute("SELECT name FROM sqlite_master")}
        assert "scratch" not in tables
    finally:
        upgraded.close()
        before.close()


def test_an_upgrade_completes_the_statistics_of_a_file_that_has_them(tmp_path):
    """A new index without statistics beside indexes with them misleads SQLite's planner; a
    file without statistics stays without (SQLite's defaults plan it)."""
    scripts = _scripts_with_scratch(
        tmp_path,
        'op.create_table("scratch", sa.Column("id", sa.Integer, primary_key=True),'
        ' sa.Column("n", sa.Integer))\n'
        '    op.create_index("ix_scratch_n", "scratch", ["n"])\n'
        '    op.execute("INSERT INTO scratch (n) VALUES (1), (2), (2)")',
    )
    analysed, plain = tmp_path / "analysed.sqlite3", tmp_path / "plain.sqlite3"
    for path in (analysed, plain):
        Database.open(path).close()
    connection = sqlite3.connect(analysed)
    connection.execute("ANALYZE")
    connection.close()
    for path in (analysed, plain):
        engine = create_sqlite_engine(path)
        assert prepare_schema(engine, path, scripts).action == "upgraded"
        engine.dispose()
    connection = sqlite3.connect(analysed)
    indexes = {r[0] for r in connection.execute("SELECT idx FROM sqlite_stat1")}
    connection.close()
    assert "ix_scratch_n" in indexes  # three rows, two values of n: statistics of them
    connection = sqlite3.connect(plain)
    tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
    connection.close()
    assert "sqlite_stat1" not in tables


def test_failed_upgrade_says_where_the_old_file_is(tmp_path):
    path = tmp_path / "lavka.sqlite3"
    Database.open(path).close()
    scripts = _scripts_with_scratch(tmp_path, 'raise RuntimeError("disk on fire")')
    engine = create_sqlite_engine(path)
    with pytest.raises(StorageError) as caught:
        prepare_schema(engine, path, scripts)
    engine.dispose()
    kept = tmp_path / f"lavka.before-{SCRATCH}.sqlite3"
    assert caught.value.code == "storage.upgrade_failed"
    assert caught.value.params == (str(path), SCRATCH, str(kept), "disk on fire")
    check = sqlite3.connect(tmp_path / f"lavka.before-{SCRATCH}.sqlite3")
    assert check.execute("SELECT version_num FROM alembic_version").fetchone() == (SCHEMA_HEAD,)
    check.close()
