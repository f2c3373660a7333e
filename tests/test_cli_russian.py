"""The command line in Russian, as Ivan runs it with a Russian locale: headings, --help,
argparse's own complaints, the services' messages and the report files."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from tests.test_cli import lavka

NBSP = "\u00a0"


def lavka_ru(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    """`python app.py ARGS` with LANG=ru_RU.UTF-8 and settings of its own (no language set:
    the locale decides)."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    return lavka(
        *args,
        env={
            "LANG": "ru_RU.UTF-8",
            "LC_ALL": "ru_RU.UTF-8",
            "LANGUAGE": "ru",
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
        },
    )


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("ru")
    db = folder / "lavka.sqlite3"
    result = lavka_ru(folder, "demo", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "Демо-бизнес записан" in result.stdout
    return db


def test_figures_prints_russian_headings(demo, tmp_path):
    result = lavka_ru(tmp_path, "figures", "--db", str(demo), "--from", "2025-01-01")
    assert result.returncode == 0, result.stderr
    for heading in ("Выручка", "Прибыль", "Маржа", "Лучшие клиенты по выручке", "Показатель"):
        assert heading in result.stdout
    assert "Revenue" not in result.stdout and "Period" not in result.stdout
    # Figures the Russian way: a decimal comma and ₽.
    revenue = next(line for line in result.stdout.splitlines() if line.startswith("Выручка"))
    assert revenue.rstrip().endswith("₽") and "," in revenue


def test_a_demo_database_made_in_russian_has_russian_statuses(demo, tmp_path):
    import sqlite3

    with sqlite3.connect(demo) as connection:
        names = [row[0] for row in connection.execute("SELECT name FROM order_statuses")]
    assert "Выполнен" in names and "Completed" not in names


def test_report_pdf_and_xlsx_are_in_russian(demo, tmp_path):
    pdf = tmp_path / "report.pdf"
    result = lavka_ru(tmp_path, "report", "--db", str(demo), "--format", "pdf", "--out", str(pdf))
    assert result.returncode == 0, result.stderr
    assert "Записано" in result.stdout
    xlsx = tmp_path / "report.xlsx"
    result = lavka_ru(tmp_path, "report", "--db", str(demo), "--format", "xlsx", "--out", str(xlsx))
    assert result.returncode == 0, result.stderr
    assert "Основные показатели" in openpyxl.load_workbook(xlsx).sheetnames
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    assert "Выручка" in text and "Отчёт Лавки" in text
    assert "Revenue" not in text


def test_help_and_argparse_complaints_are_in_russian(tmp_path):
    result = lavka_ru(tmp_path, "figures", "--help")
    assert result.returncode == 0
    assert "показать эту справку и выйти" in result.stdout
    assert "Использование:" in result.stdout
    assert "show this help" not in result.stdout and "usage:" not in result.stdout
    result = lavka_ru(tmp_path, "backup", "--db", str(tmp_path / "x.sqlite3"))
    assert result.returncode == 2
    assert "обязательные аргументы не указаны: --to" in result.stderr
    result = lavka_ru(tmp_path, "figures", "--top", "0")
    assert "'0' — не целое число не меньше 1" in result.stderr


def test_a_service_refusal_is_said_in_russian(tmp_path):
    result = lavka_ru(tmp_path, "figures", "--db", str(tmp_path / "none.sqlite3"))
    assert result.returncode == 1
    assert result.stderr.startswith("lavka figures: ")
    assert "Базы данных" in result.stderr and "none.sqlite3" in result.stderr
    assert not (tmp_path / "none.sqlite3").exists()
