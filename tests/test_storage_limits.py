"""Where storage runs out or was left half-done: a full disk, files a killed Lavka left, a
schema from a newer Lavka, a file that is not a Lavka database. Nothing changes silently."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import event, text

from services import messages
from services.backup import UNUSABLE, backup_to, local_backup_folder, tidy_leftovers
from services.contacts import ContactInput, create_contact
from services.errors import StorageError
from services.files import REASONS, atomic_write, backup_temp_prefix, remove_leftover_temps
from services.importing import apply_import, plan_import, read_file, run_import
from services.maintenance import check_database
from services.orders import LineInput, OrderInput, save_order
from services.products import ProductInput, create_product
from services.restore import safety_folder
from services.storage import Database
from tests.conftest import TODAY, status_id

pytestmark = pytest.mark.sqlite_only(
    "the SQLite file's limits: its folder, its disk, another program's lock"
)

REPO = Path(__file__).resolve().parent.parent
TABLES = ("contacts", "products", "orders", "shipments", "order_origins")


def contents(path: Path) -> dict[str, int]:
    """Rows per table, and the schema's objects (the import sets triggers aside and back)."""
    connection = sqlite3.connect(path)
    try:
        counts = {t: connection.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}
        counts["schema objects"] = connection.execute(
            "SELECT COUNT(*) FROM sqlite_master"
        ).fetchone()[0]
        return counts
    finally:
        connection.close()


def fill_the_disk(database: Database) -> Callable[..., None]:
    """From now on the file may not grow by a page: SQLite answers SQLITE_FULL ("database or
    disk is full") at the first page it needs, exactly as on a full disk."""

    def limit(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    event.listen(database.engine, "connect", limit)
    database.engine.dispose()  # pooled connections come back with the limit
    return limit


def sales_log(path: Path, rows: int) -> Path:
    """A CSV sales log of `rows` orders, one line each, for new customers and products."""
    lines = ["Дата;Клиент;Телефон;Товар;Кол-во;Цена;Закупка;Комментарий"]
    for n in range(rows):
        lines.append(
            f"01.06.2026;Клиент {n};+7916{n:07d};Товар {n % 40};2;1500;900;"
            f"Заказ номер {n}, доставка до двери"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("through", ["run_import", "apply_import"])
def test_a_full_disk_during_an_import_is_said_and_writes_nothing(db, tmp_path, through):
    source = sales_log(tmp_path / "sales.csv", 300)
    plan = plan_import(db, read_file(source), today=TODAY)
    assert plan.line_count == 300 and not plan.rejections
    before = contents(db.path)
    fill_the_disk(db)
    with pytest.raises(StorageError) as caught:
        if through == "run_import":
            run_import(db, source, plan)
        else:
            apply_import(db, plan)
    assert (caught.value.code, caught.value.params) == ("storage.disk_full", (str(db.path),))
    assert contents(db.path) == before
    assert check_database(db.path).ok  # the triggers set aside for the import are back


def test_a_full_disk_while_saving_an_order_is_said_and_writes_nothing(db, tmp_path):
    contact = create_contact(db, ContactInput("Игорь", "+79161234567")).id
    product = create_product(db, ProductInput("Кошелёк", None, "1000", "600")).id
    before = contents(db.path)
    full = fill_the_disk(db)
    lines = tuple(LineInput(product, n + 1) for n in range(300))  # more than a page of lines
    order = OrderInput(contact, TODAY, status_id(db, "completed"), lines=lines)
    with pytest.raises(StorageError) as caught:
        save_order(db, order, today=TODAY)
    assert (caught.value.code, caught.value.params) == ("storage.disk_full", (str(db.path),))
    assert "\n" not in str(caught.value)  # one line: no traceback, no SQL
    assert contents(db.path) == before
    # Space again (a new connection without the limit): the same order saves.
    event.remove(db.engine, "connect", full)
    db.engine.dispose()
    saved = save_order(db, order, today=TODAY)
    assert len(saved.lines) == 300


# --- files a killed Lavka left ------------------------------------------------------------

KILLED_BACKUP = """
import os, sys
from services.backup import backup_to

def killed(done, total):
    os._exit(9)  # as if the power went: no cleanup of any kind

backup_to(sys.argv[1], sys.argv[2], progress=killed)
"""


def killed_backup(database: Path, folder: Path) -> list[str]:
    """What a Lavka killed half-way through a backup into `folder` leaves there."""
    folder.mkdir(parents=True, exist_ok=True)
    run = subprocess.run(
        [sys.executable, "-c", KILLED_BACKUP, str(database), str(folder)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 9, run.stderr
    return sorted(p.name for p in folder.iterdir())


def test_what_a_killed_backup_left_is_removed_at_the_next_start(db, tmp_path):
    backups = local_backup_folder(db.path)
    for folder in (backups, safety_folder(db.path), backups / "before-import"):
        left = killed_backup(db.path, folder)
        assert left and all(name.startswith(".lavka-") for name in left), left
        assert any(name.endswith(".part") for name in left)
    removed = tidy_leftovers(db.path)
    assert len(removed) >= 3
    for folder in (backups, safety_folder(db.path), backups / "before-import"):
        assert [p for p in folder.iterdir() if p.is_file()] == []


def test_a_temporary_file_still_being_written_is_left_alone(db, tmp_path):
    """One Lavka per database (ui/lock.py), but not one per folder: the command line's
    `backup`, or the Lavka of another database beside this one, may be writing right now."""
    backups = local_backup_folder(db.path)
    backups.mkdir()
    writing = backups / f"{backup_temp_prefix()}abcd1234.part"  # this process: running
    writing.write_bytes(b"a copy being written")
    Path(f"{writing}-journal").write_bytes(b"its journal")
    sibling = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        another = backups / f".lavka-{sibling.pid}-efgh5678.part"
        another.write_bytes(b"another Lavka's copy")
        dead = backups / f".lavka-{finished_process()}-ijkl9012.part"
        dead.write_bytes(b"a killed Lavka's copy")
        Path(f"{dead}-journal").write_bytes(b"its journal")
        removed = tidy_leftovers(db.path)
        assert sorted(removed) == [dead, Path(f"{dead}-journal")]
        assert sorted(p.name for p in backups.iterdir()) == sorted(
            [writing.name, f"{writing.name}-journal", another.name]
        )
    finally:
        sibling.kill()
        sibling.wait()


def finished_process() -> int:
    """The id of a process that ran and is gone."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_half_written_export_beside_the_database_is_removed_at_start(db, tmp_path):
    script = (
        "import os, sys\n"
        "from services.files import atomic_write\n"
        "with atomic_write(sys.argv[1]) as partial:\n"
        "    partial.write_text('half an export')\n"
        "    os._exit(9)\n"
    )
    target = db.path.parent / "orders.csv"
    run = subprocess.run([sys.executable, "-c", script, str(target)], cwd=REPO)
    assert run.returncode == 9
    [left] = [p for p in db.path.parent.iterdir() if ".partial-" in p.name]
    assert not target.exists()
    assert tidy_leftovers(db.path) == [left]
    assert not left.exists()
    with atomic_write(target) as partial:  # one being written now stays
        partial.write_text("a whole export")
        assert tidy_leftovers(db.path) == [] and partial.exists()
    assert target.read_text() == "a whole export"


def test_a_temporary_file_named_before_writers_were_named_waits_a_day(tmp_path):
    old, new = tmp_path / ".lavka-abcd1234.part", tmp_path / ".orders.csv.partial-0123abcd"
    for path in (old, new):
        path.write_bytes(b"left by an older Lavka")
    now = dt.datetime(2026, 6, 17, 12).timestamp()
    os.utime(old, (now - 25 * 3600,) * 2)
    os.utime(new, (now - 3600,) * 2)
    (tmp_path / "lavka-20260617-120000.sqlite3").write_bytes(b"a backup: never touched")
    (tmp_path / "notes.part").write_bytes(b"not hidden: not ours")
    assert remove_leftover_temps(tmp_path, now) == [old]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [new.name, "lavka-20260617-120000.sqlite3", "notes.part"]
    )
    assert remove_leftover_temps(tmp_path / "not there") == []


def test_a_day_unwritten_temporary_file_goes_even_if_its_writers_id_runs(tmp_path):
    """After a restart the id of a killed writer may belong to some other process."""
    now = dt.datetime(2026, 6, 17, 12).timestamp()
    old = tmp_path / f"{backup_temp_prefix()}abcd1234.part"  # an id that runs: this process
    fresh = tmp_path / f"{backup_temp_prefix()}efgh5678.part"
    for path, age in ((old, 25 * 3600), (fresh, 3600)):
        path.write_bytes(b"a copy")
        os.utime(path, (now - age,) * 2)
    assert remove_leftover_temps(tmp_path, now) == [old]
    assert fresh.exists()


def test_the_temporary_file_of_a_backup_carries_its_writers_id(db, tmp_path):
    seen = []

    def progress(_done, _total):
        seen.extend(p.name for p in tmp_path.glob(".lavka-*.part"))

    backup_to(db.path, tmp_path, progress=progress)
    assert seen and all(name.startswith(f".lavka-{os.getpid()}-") for name in seen)


# --- check: a schema this Lavka does not know ---------------------------------------------


def stamp(path: Path, revision: str) -> None:
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    connection.close()


def test_check_reports_a_schema_from_a_newer_lavka_as_a_problem(db):
    create_contact(db, ContactInput("Игорь", "+79161234567"))
    db.close()
    assert check_database(db.path).ok
    stamp(db.path, "0099")
    before = db.path.read_bytes()
    result = check_database(db.path)
    assert not result.ok
    assert [(p.field, p.code, p.params) for p in result.problems] == [
        ("schema", "check.unknown_schema", ("0099",))
    ]
    assert db.path.read_bytes() == before


def test_check_reports_a_file_without_a_schema_version(tmp_path):
    path = tmp_path / "notes.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY)")
    connection.close()
    result = check_database(path)
    assert [p.code for p in result.problems] == ["check.no_schema_version"] + [
        "check.missing_table"
    ] * 4
    assert [p.params for p in result.problems[1:]] == [
        ("contacts",),
        ("products",),
        ("orders",),
        ("shipments",),
    ]


def test_check_problems_are_codes(db, shop):
    db.close()
    connection = sqlite3.connect(db.path)  # foreign keys off: a bare connection
    with connection:
        connection.execute("UPDATE orders SET amount = amount + 1 WHERE id = ?", (shop.o1,))
        connection.execute("UPDATE shipments SET product_id = 999 WHERE order_id = ?", (shop.o2,))
    connection.close()
    result = check_database(db.path)
    said = {(p.field, p.code, p.params) for p in result.problems}
    assert said == {
        ("shipments", "check.missing_parent", ("shipments", "3", "products")),
        ("orders", "check.order_totals", (str(shop.o1),)),
    }


# --- commands that only read: never make a file into a database ---------------------------


def foreign_sqlite(path: Path) -> Path:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE bookmarks (id INTEGER PRIMARY KEY, url TEXT)")
    connection.execute("INSERT INTO bookmarks (url) VALUES ('https://example.org')")
    connection.commit()
    connection.close()
    return path


def empty_sqlite(path: Path) -> Path:
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 1")  # a header and a page, no tables
    connection.close()
    return path


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda path: path.write_bytes(b""), "storage.empty_file"),
        (
            lambda path: path.write_text("Иван;+79161234567\n", encoding="utf-8"),
            "storage.not_sqlite",
        ),
        (foreign_sqlite, "storage.not_lavka"),
        (empty_sqlite, "storage.not_lavka"),
    ],
)
def test_opening_an_existing_database_refuses_anything_else_untouched(tmp_path, make, code):
    path = tmp_path / "shop.sqlite3"
    make(path)
    before = path.read_bytes()
    with pytest.raises(StorageError) as caught:
        Database.open_existing(path)
    assert (caught.value.code, caught.value.params) == (code, (str(path),))
    assert path.read_bytes() == before
    assert list(tmp_path.iterdir()) == [path]  # no -wal, -shm, -journal, backup copy


def test_opening_an_existing_database_refuses_a_missing_file_and_creates_none(tmp_path):
    path = tmp_path / "shop.sqlite3"
    with pytest.raises(StorageError) as caught:
        Database.open_existing(path)
    assert (caught.value.code, caught.value.params) == ("storage.no_database", (str(path),))
    assert list(tmp_path.iterdir()) == []


def test_opening_an_existing_database_refuses_a_newer_one(db):
    db.close()
    stamp(db.path, "0099")
    before = db.path.read_bytes()
    with pytest.raises(StorageError) as caught:
        Database.open_existing(db.path)
    assert (caught.value.code, caught.value.params) == (
        "storage.newer_schema",
        (str(db.path), "0099"),
    )
    assert db.path.read_bytes() == before


def test_opening_an_existing_database_opens_a_lavka_database(db):
    create_contact(db, ContactInput("Игорь", "+79161234567"))
    db.close()
    again = Database.open_existing(db.path)
    try:
        assert again.schema.action == "current"
        with again.session() as session:
            assert session.execute(text("SELECT COUNT(*) FROM contacts")).scalar() == 1
    finally:
        again.close()


def test_the_plain_open_still_makes_an_empty_file_a_new_database(tmp_path):
    """The difference open_existing makes: Database.open (the window, `demo`, `import`)
    creates a database in an empty file, as it should for a file chosen as a new one."""
    path = tmp_path / "new.sqlite3"
    path.write_bytes(b"")
    Database.open(path).close()
    assert check_database(path).ok


def test_check_of_a_file_locked_by_another_program_is_no_verdict(db):
    db.close()
    holder = sqlite3.connect(db.path, isolation_level=None)
    holder.execute("PRAGMA journal_mode=DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StorageError) as caught:
            check_database(db.path)
        assert (caught.value.code, caught.value.params) == (
            "storage.unreadable.in_use",
            (str(db.path),),
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert check_database(db.path).ok


# --- every code made of parts has its sentence ----------------------------------------------

# Codes that are put together from a reason (services.files.REASONS) or a kind of unusable
# file (services.backup.UNUSABLE): the scan of literal codes (tests/test_messages.py) cannot
# see them, so they are listed here.
COMPOSED = sorted(
    {
        f"{area}.{reason}"
        for area in (
            "files.folder",
            "backup.failed",
            "storage.unreadable",
            "storage.not_upgraded",
            "restore.failed",
            "restore.not_moved",
        )
        for reason in REASONS
    }
    | {f"backup.{where}.{why}" for where in ("unusable", "copy") for why in UNUSABLE}
    | {"backup.failed.folder_gone", "contact.not_found", "product.not_found"}
)


def test_every_code_made_of_parts_has_its_sentence():
    assert [code for code in COMPOSED if code not in messages.TEXTS] == []
