"""The command line, run as a person runs it: `python app.py COMMAND --db FILE`."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from sqlalchemy import text as sql

from services.storage import Database

REPO = Path(__file__).resolve().parent.parent


def lavka(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`python app.py ARGS`; `env` adds to (or overrides) the environment."""
    return subprocess.run(
        [sys.executable, str(REPO / "app.py"), *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
        env=None if env is None else {**os.environ, **env},
    )


def db_arg(database: Database) -> str:
    """--db's value for the test's database: its file, or its server's URL."""
    return str(database.path) if database.path is not None else str(database.url)


def test_demo_then_figures_then_check(tmp_path):
    db = str(tmp_path / "x.sqlite3")
    demo = lavka("demo", "--db", db)
    assert demo.returncode == 0, demo.stderr
    assert "Demo business written" in demo.stdout
    figures = lavka("figures", "--db", db, "--from", "2025-01-01")
    assert figures.returncode == 0, figures.stderr
    for heading in ("Revenue", "Profit", "Margin", "Planned revenue", "Top customers", "Products"):
        assert heading in figures.stdout
    assert "Игорь" in figures.stdout  # a top customer of the demo business
    check = lavka("check", "--db", db)
    assert check.returncode == 0 and ": OK (" in check.stdout


def test_figures_match_the_service_totals(tmp_path, db, shop):
    """The text table prints the same revenue as the hand-computed shop (all time, any today
    after June 2026: 3501.00 + 0 + 2400 + 5000 (now shipped) + 2000 + 500)."""
    result = lavka("figures", "--db", db_arg(db), "--from", "2026-01-01", "--to", "2026-12-31")
    assert result.returncode == 0, result.stderr
    revenue_line = next(line for line in result.stdout.splitlines() if line.startswith("Revenue"))
    assert revenue_line.split()[-2:] == ["13,401.00", "₽"]  # English marks: no Russian locale


def test_a_second_demo_is_refused(tmp_path):
    db = str(tmp_path / "x.sqlite3")
    assert lavka("demo", "--db", db).returncode == 0
    again = lavka("demo", "--db", db)
    assert again.returncode == 1
    assert again.stderr.startswith("lavka demo: ")


@pytest.mark.sqlite_only("`lavka check` judges an SQLite file (integrity_check, foreign_key_check)")
def test_check_finds_drifted_totals(db, shop):
    connection = sqlite3.connect(db.path)
    with connection:
        connection.execute("DROP TRIGGER trg_shipments_totals_update")
        connection.execute("UPDATE shipments SET quantity = 99 WHERE order_id = ?", (shop.o5,))
    connection.close()
    result = lavka("check", "--db", str(db.path))
    assert result.returncode == 1
    assert f"order #{shop.o5}: stored totals differ" in result.stdout


def test_check_reports_a_damaged_file(tmp_path):
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"this is not a database at all" * 100)
    result = lavka("check", "--db", str(damaged))
    assert result.returncode == 1
    assert "problem" in result.stdout


def test_missing_database_is_a_clear_error(tmp_path):
    for command in ("check", "figures"):
        result = lavka(command, "--db", str(tmp_path / "none.sqlite3"))
        assert result.returncode == 1
        assert "There is no database at" in result.stderr
        assert not (tmp_path / "none.sqlite3").exists()


def test_bad_date_argument(tmp_path):
    result = lavka("figures", "--db", str(tmp_path / "x.sqlite3"), "--from", "31.02.2026")
    assert result.returncode == 2
    assert "is not a date like 2026-09-13" in result.stderr


def test_version():
    written = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]
    result = lavka("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"lavka {written}"


def test_the_window_opens_and_closes_itself_with_quit_after(tmp_path):
    """The whole start and close of the GUI, as `lavka --quit-after` runs it in an installed
    copy: shown, closed as a person closes it, the close-time backup made, no traceback."""
    db = tmp_path / "shop.sqlite3"
    assert lavka("demo", "--db", str(db)).returncode == 0
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, str(REPO / "app.py"), "--db", str(db), "--quit-after", "1"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert "lavka: window shown" in result.stderr
    assert "Traceback" not in result.stderr
    assert list((tmp_path / "backups").glob("lavka-*.sqlite3"))


def test_period_and_top_arguments_are_checked(db):
    reversed_period = lavka(
        "figures", "--db", db_arg(db), "--from", "2026-06-01", "--to", "2026-05-01"
    )
    assert reversed_period.returncode == 1
    assert "is before --from" in reversed_period.stderr
    assert lavka("figures", "--db", db_arg(db), "--top", "0").returncode == 2


def test_a_foreign_file_is_refused_by_every_command(tmp_path):
    foreign = tmp_path / "notes.sqlite3"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY)")
    connection.close()
    for command, said in (
        ("figures", "is not a Lavka database; Lavka did not change it"),
        ("demo", "already holds other data"),
    ):
        result = lavka(command, "--db", str(foreign))
        assert result.returncode == 1
        assert said in result.stderr
        assert "Traceback" not in result.stderr


def test_backup_then_restore(tmp_path):
    db, stick = tmp_path / "x.sqlite3", tmp_path / "stick"
    stick.mkdir()
    assert lavka("demo", "--db", str(db)).returncode == 0
    backup = lavka("backup", "--db", str(db), "--to", str(stick), "--keep", "3")
    assert backup.returncode == 0, backup.stderr
    (written,) = stick.iterdir()
    assert f"Backup written: {written}" in backup.stdout
    assert ", verified" in backup.stdout and re.search(r" orders: [\d,]+, ", backup.stdout)
    connection = sqlite3.connect(db)
    with connection:
        connection.execute("UPDATE contacts SET name = 'changed'")
    connection.close()
    restore = lavka("restore", str(written), "--db", str(db))
    assert restore.returncode == 0, restore.stderr
    assert f"Restored {db} from {written}" in restore.stdout
    (safety,) = (tmp_path / "backups" / "before-restore").iterdir()
    assert f"The database as it was is saved at {safety}" in restore.stdout
    connection = sqlite3.connect(db)
    names = {name for (name,) in connection.execute("SELECT name FROM contacts")}
    connection.close()
    assert "changed" not in names and len(names) > 10


def test_backup_of_a_missing_database_is_a_clear_error(tmp_path):
    result = lavka("backup", "--db", str(tmp_path / "none.sqlite3"), "--to", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.startswith("lavka backup: There is no database at")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.sqlite_only("`lavka backup` copies the SQLite file; a server backs itself up")
def test_backup_to_a_missing_folder_and_bad_keep(db):
    nowhere = db.path.parent / "nowhere"
    result = lavka("backup", "--db", str(db.path), "--to", str(nowhere))
    assert result.returncode == 1
    assert f"The backup folder '{nowhere}' does not exist" in result.stderr
    keep = lavka("backup", "--db", str(db.path), "--to", str(db.path.parent), "--keep", "0")
    assert keep.returncode == 2


@pytest.mark.sqlite_only("`lavka restore` replaces the SQLite file with a backup file")
def test_restore_refuses_a_file_that_is_not_a_lavka_backup(db, shop, tmp_path):
    db.close()
    foreign = tmp_path / "notes.sqlite3"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY)")
    connection.close()
    before = db.path.read_bytes()
    result = lavka("restore", str(foreign), "--db", str(db.path))
    assert result.returncode == 1
    assert "cannot be used as a backup: it is not a Lavka database" in result.stderr
    assert "Traceback" not in result.stderr
    assert db.path.read_bytes() == before


def test_export_writes_the_exchange_format_in_both_forms(db, shop, tmp_path):
    import csv

    import openpyxl

    db.close()
    book = tmp_path / "all.xlsx"
    result = lavka("export", "--db", db_arg(db), "--format", "xlsx", "--out", str(book))
    assert result.returncode == 0, result.stderr
    assert f"Written: {book}" in result.stdout
    sheets = openpyxl.load_workbook(book, read_only=True).sheetnames
    assert sheets[:3] == ["Contacts", "Orders", "Shipments"]
    folder = tmp_path / "csv"
    args = ("--format", "csv", "--dialect", "standard", "--out", str(folder))
    result = lavka("export", "--db", db_arg(db), *args)
    assert result.returncode == 0, result.stderr
    with open(folder / "orders.csv", encoding="utf-8-sig", newline="") as handle:
        amounts = [row["Amount"] for row in csv.DictReader(handle)]
    # the six orders of the shop, cancelled O4 included: 3501 0 7400 10000 2000 500
    assert sorted(amounts) == sorted(
        ["3501.00", "0.00", "7400.00", "10000.00", "2000.00", "500.00"]
    )


def test_export_of_a_missing_database_creates_nothing(tmp_path):
    missing = tmp_path / "none.sqlite3"
    out = tmp_path / "x.xlsx"
    result = lavka("export", "--db", str(missing), "--format", "xlsx", "--out", str(out))
    assert result.returncode == 1 and "There is no database" in result.stderr
    assert not missing.exists() and not out.exists()


@pytest.mark.sqlite_only("the lock is a file beside the SQLite file, and so is the backup")
def test_restore_is_refused_while_lavka_has_the_database_open(db, shop, tmp_path):
    from services.backup import backup_to
    from tests.ui.test_lock import holder

    (tmp_path / "b").mkdir()
    backup = backup_to(db.path, tmp_path / "b")
    child = holder(db.path)
    try:
        result = lavka("restore", str(backup.path), "--db", str(db.path))
    finally:
        child.kill()
        child.wait()
    assert result.returncode == 1 and "already open in another Lavka" in result.stderr


SALES_LOG = (
    "Дата;Клиент;Телефон;Товар;Кол-во;Цена;Закупка\r\n"
    "13.09.2024;Игорь;8 916 123-45-67;Кошелёк Classic;2;1 250,50;600\r\n"
    "13.09.2024;Игорь;+7 (916) 123-45-67;Картхолдер Mini;1;500;300\r\n"
    "14.09.24;Анна;89031112233;Кошелёк Classic;3;1250,5;600\r\n"
)


def _query(target: Path | str, statement: str) -> list[tuple]:
    """The rows of `statement` on the database at `target` (a file, or a server's URL),
    opened anew: the test's own was closed for the command line; committed when it writes."""
    database = Database.open_existing(target)
    try:
        with database.engine.begin() as connection:
            result = connection.execute(sql(statement))
            return [tuple(row) for row in result] if result.returns_rows else []
    finally:
        database.close()


def _count(target: Path | str, table: str) -> int:
    return _query(target, f"SELECT COUNT(*) FROM {table}")[0][0]


def test_import_of_a_cp1251_sales_log_with_semicolons(db, tmp_path):
    db.close()
    log = tmp_path / "продажи.csv"
    log.write_bytes(SALES_LOG.encode("cp1251"))
    dry = lavka("import", str(log), "--db", db_arg(db), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    # Igor's two rows share a date and a phone: one order; Anna another
    assert "Would import" in dry.stdout and "2 new contacts" in dry.stdout
    assert "orders: 2 new, 0 updated, 0 unchanged; 3 lines to write" in dry.stdout
    assert _count(db_arg(db), "orders") == 0
    done = lavka("import", str(log), "--db", db_arg(db))
    assert done.returncode == 0, done.stderr
    assert "Imported 2 new orders and updated 0, with 3 lines" in done.stdout
    amounts = sorted(a for (a,) in _query(db_arg(db), "SELECT amount FROM orders"))
    # Igor: 2 × 1250.50 + 500 = 3001.00; Anna: 3 × 1250.50 = 3751.50 (in kopecks)
    assert amounts == [300100, 375150]
    again = lavka("import", str(log), "--db", db_arg(db), "--dry-run")
    assert "orders: 0 new, 0 updated, 2 unchanged; 0 lines to write" in again.stdout
    assert "Nothing new: every order of the file is already in the database." in again.stdout


def test_import_again_lists_each_update_and_keeps_lavkas_edits_unless_told(db, tmp_path):
    db.close()
    log = tmp_path / "log.csv"
    log.write_bytes(SALES_LOG.encode("utf-8-sig"))
    assert lavka("import", str(log), "--db", db_arg(db)).returncode == 0
    # Anna's order edited in Lavka: 3 × 1250.50 → 3 × 1000.00
    _query(db_arg(db), "UPDATE shipments SET unit_price = 100000 WHERE order_id = 2")
    # In the file, Igor's Mini costs 600 (3001.00 → 3101.00) and Anna buys 4 (→ 5002.00)
    changed = SALES_LOG.replace(";1;500;", ";1;600;").replace(";3;1250,5;", ";4;1250,5;")
    log.write_bytes(changed.encode("utf-8-sig"))
    kept = lavka("import", str(log), "--db", db_arg(db))
    assert kept.returncode == 0, kept.stderr
    assert "orders: 0 new, 1 updated, 0 unchanged" in kept.stdout
    nbsp = "\u00a0"
    assert f"Order 1 (Игорь): 3,001.00{nbsp}₽ → 3,101.00{nbsp}₽, updated" in kept.stdout
    assert f"Order 2 (Анна): 3,000.00{nbsp}₽ → 5,002.00{nbsp}₽, changed in Lavka too" in kept.stdout
    assert "Orders changed on both sides that kept Lavka's version: 1." in kept.stdout
    taken = lavka("import", str(log), "--db", db_arg(db), "--prefer-file")
    assert "updated 1" in taken.stdout
    amounts = [a for (a,) in _query(db_arg(db), "SELECT amount FROM orders ORDER BY id")]
    assert amounts == [310100, 500200]


def test_import_into_a_database_that_does_not_exist_creates_it(tmp_path):
    log = tmp_path / "log.csv"
    log.write_bytes(SALES_LOG.encode("utf-8-sig"))
    target = tmp_path / "new.sqlite3"
    dry = lavka("import", str(log), "--db", str(target), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "the import would create it" in dry.stdout and not target.exists()
    done = lavka("import", str(log), "--db", str(target))
    assert done.returncode == 0, done.stderr
    assert f"Created a new database at '{target}'." in done.stdout
    assert _count(target, "orders") == 2 and _count(target, "order_statuses") > 0
    nowhere = lavka("import", str(log), "--db", str(tmp_path / "no" / "such.sqlite3"))
    assert nowhere.returncode == 1 and "does not exist" in nowhere.stderr


@pytest.mark.sqlite_only("the window's lock is a file beside the SQLite file")
def test_import_is_refused_while_a_window_has_the_database(db, tmp_path):
    from ui.lock import acquire

    db.close()
    log = tmp_path / "log.csv"
    log.write_bytes(SALES_LOG.encode("utf-8-sig"))
    lock = acquire(db.path)  # as the window holds it
    try:
        refused = lavka("import", str(log), "--db", str(db.path))
    finally:
        lock.unlock()
    assert refused.returncode == 1
    assert "is already open in another Lavka" in refused.stderr
    assert _count(db.path, "orders") == 0


def test_import_with_a_bad_row_imports_nothing_unless_told_to_skip_it(db, tmp_path):
    db.close()
    log = tmp_path / "log.csv"
    bad = SALES_LOG + "15.09.2024;Олег;8 999 000-00-00;Портмоне;0;900;500\r\n"
    log.write_bytes(bad.encode("utf-8-sig"))
    refused = lavka("import", str(log), "--db", db_arg(db))
    assert refused.returncode == 1
    assert "row 5" in refused.stdout and "Nothing was imported" in refused.stdout
    assert _count(db_arg(db), "orders") == 0 and _count(db_arg(db), "contacts") == 0
    skipped = lavka("import", str(log), "--db", db_arg(db), "--skip-bad-rows")
    assert skipped.returncode == 0, skipped.stderr
    assert "Imported 2 new orders" in skipped.stdout
    (rejected,) = tmp_path.glob("log*.rejected.csv")
    assert f"Skipped rows written to {rejected}" in skipped.stdout
    assert "Олег" in rejected.read_text(encoding="utf-8-sig")


def test_report_as_text_pdf_and_xlsx(db, shop, tmp_path):
    import openpyxl

    db.close()
    period = ("--from", "2026-06-01", "--to", "2026-06-30")
    text = lavka("report", "--db", db_arg(db), *period)
    assert text.returncode == 0, text.stderr
    assert "against 5/1/26 – 5/31/26" in text.stdout  # the English locale's short dates
    # The CLI's today is the real date, after June 2026, so O3's 06-20 line is sold too:
    # O1 3501 + O2 0 + O3 (2400 + 5000) + O6 500 = 11 401.00; O4 is cancelled
    assert "11,401.00" in text.stdout and "Игорь" in text.stdout
    book = tmp_path / "june.xlsx"
    made = lavka("report", "--db", db_arg(db), *period, "--format", "xlsx", "--out", str(book))
    assert made.returncode == 0, made.stderr
    assert "Key figures" in openpyxl.load_workbook(book, read_only=True).sheetnames
    pdf = tmp_path / "june.pdf"
    made = lavka("report", "--db", db_arg(db), *period, "--format", "pdf", "--out", str(pdf))
    assert made.returncode == 0 and pdf.read_bytes().startswith(b"%PDF")
    refused = lavka("report", "--db", db_arg(db), "--format", "pdf")
    assert refused.returncode == 1 and "needs --out" in refused.stderr


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path):
    """`app.py figures | head -1`: the pipe closes under the command; it stops quietly."""
    db = tmp_path / "x.sqlite3"
    assert lavka("demo", "--db", str(db)).returncode == 0
    command = f"'{sys.executable}' '{REPO / 'app.py'}' segments --db '{db}' | head -1"
    result = subprocess.run(
        command, shell=True, capture_output=True, text=True, timeout=120, cwd=REPO
    )
    assert result.stdout.count("\n") == 1
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr
