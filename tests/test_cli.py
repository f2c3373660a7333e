"""The command line, run as a person runs it: `python app.py COMMAND --db FILE`."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def lavka(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(REPO / "app.py"), *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )


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
    result = lavka("figures", "--db", str(db.path), "--from", "2026-01-01", "--to", "2026-12-31")
    assert result.returncode == 0, result.stderr
    revenue_line = next(line for line in result.stdout.splitlines() if line.startswith("Revenue"))
    assert revenue_line.split()[-2:] == ["13", "401.00"]


def test_a_second_demo_is_refused(tmp_path):
    db = str(tmp_path / "x.sqlite3")
    assert lavka("demo", "--db", db).returncode == 0
    again = lavka("demo", "--db", db)
    assert again.returncode == 1
    assert again.stderr.startswith("lavka demo: ")


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
    result = lavka("--version")
    assert result.returncode == 0 and result.stdout.startswith("lavka 0.")


def test_period_and_top_arguments_are_checked(db):
    reversed_period = lavka(
        "figures", "--db", str(db.path), "--from", "2026-06-01", "--to", "2026-05-01"
    )
    assert reversed_period.returncode == 1
    assert "is before --from" in reversed_period.stderr
    assert lavka("figures", "--db", str(db.path), "--top", "0").returncode == 2


def test_a_foreign_file_is_refused_by_every_command(tmp_path):
    foreign = tmp_path / "notes.sqlite3"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY)")
    connection.close()
    for command in ("figures", "demo"):
        result = lavka(command, "--db", str(foreign))
        assert result.returncode == 1
        assert "already holds other data" in result.stderr
        assert "Traceback" not in result.stderr
