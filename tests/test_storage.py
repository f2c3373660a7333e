"""The SQLite file: pragmas, migrations that match the models, refusing what it can't open."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from models import Base
from services.contacts import ContactInput, create_contact
from services.errors import StorageError
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
            MigrationContext.configure(connection, opts={"compare_type": True}), Base.metadata
        )
    engine.dispose()
    assert differences == []
    created_path = tmp_path / "created.sqlite3"
    Database.open(created_path).close()
    # indexes and the order-total triggers too, which compare_metadata does not look at
    assert schema_objects(migrated_path) == schema_objects(created_path)
    assert len([n for n in schema_objects(created_path) if n.startswith("trg_")]) == 3
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
    with pytest.raises(StorageError, match="newer Lavka"):
        Database.open(path)
    assert path.read_bytes() == before


@pytest.mark.parametrize("table", ["contacts", "bookmarks"])
def test_another_programs_sqlite_file_is_refused_untouched(tmp_path, table):
    path = tmp_path / "odd.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY)")
    connection.close()
    before = path.read_bytes()
    with pytest.raises(StorageError, match=f"already holds other data \\(tables: {table}\\)"):
        Database.open(path)
    assert path.read_bytes() == before


def test_damaged_or_non_database_file_is_a_clear_error(tmp_path):
    path = tmp_path / "garbage.sqlite3"
    path.write_bytes(b"not a database" * 400)
    with pytest.raises(StorageError, match="damaged or not a database"):
        Database.open(path)
    assert path.read_bytes() == b"not a database" * 400


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
    with pytest.raises(StorageError, match="does not exist"):
        Database.open(tmp_path / "nowhere" / "lavka.sqlite3")


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


def _scripts_with_0002(tmp_path: Path, upgrade_body: str) -> Path:
    """A copy of our migrations plus a throwaway revision 0002, to exercise the upgrade path."""
    scripts = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "0002_scratch.py").write_text(
        "import sqlalchemy as sa\nfrom alembic import op\n\n"
        'revision = "0002"\ndown_revision = "0001"\nbranch_labels = None\ndepends_on = None\n\n\n'
        f"def upgrade():\n    {upgrade_body}\n\n\n"
        'def downgrade():\n    op.drop_table("scratch")\n'
    )
    return scripts


def test_old_schema_is_copied_aside_then_upgraded(tmp_path):
    path = tmp_path / "lavka.sqlite3"
    database = Database.open(path)
    create_contact(database, ContactInput("Игорь", "+79161234567"))
    database.close()
    scripts = _scripts_with_0002(
        tmp_path, 'op.create_table("scratch", sa.Column("id", sa.Integer, primary_key=True))'
    )
    engine = create_sqlite_engine(path)
    result = prepare_schema(engine, path, scripts)
    engine.dispose()
    assert result.action == "upgraded"
    assert result.backup == tmp_path / "lavka.before-0002.sqlite3"
    upgraded, before = sqlite3.connect(path), sqlite3.connect(result.backup)
    try:
        assert upgraded.execute("SELECT version_num FROM alembic_version").fetchone() == ("0002",)
        assert upgraded.execute("SELECT COUNT(*) FROM scratch").fetchone() == (0,)
        assert before.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert before.execute("SELECT name FROM contacts").fetchall() == [("Игорь",)]
        tables = {r[0] for r in before.execute("SELECT name FROM sqlite_master")}
        assert "scratch" not in tables
    finally:
        upgraded.close()
        before.close()


def test_failed_upgrade_says_where_the_old_file_is(tmp_path):
    path = tmp_path / "lavka.sqlite3"
    Database.open(path).close()
    scripts = _scripts_with_0002(tmp_path, 'raise RuntimeError("disk on fire")')
    engine = create_sqlite_engine(path)
    with pytest.raises(StorageError, match=r"lavka\.before-0002\.sqlite3") as caught:
        prepare_schema(engine, path, scripts)
    engine.dispose()
    assert "disk on fire" in str(caught.value)
    check = sqlite3.connect(tmp_path / "lavka.before-0002.sqlite3")
    assert check.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    check.close()
