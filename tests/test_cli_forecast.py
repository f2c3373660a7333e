"""`forecast` on the command line: the research's five deals print the same forecast as the
services compute (372 500, A=1 B=1 C=2), in JSON for scripts and in words for people."""

from __future__ import annotations

import json

from tests.test_cli import db_arg, lavka
from tests.test_cli_russian import NBSP, lavka_ru
from tests.test_scoring import DAY, five_deals


def test_forecast_json_of_the_five_deals(db):
    ids = five_deals(db)
    result = lavka("forecast", "--db", db_arg(db), "--date", DAY.isoformat(), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["forecast"] == "372500.00"
    assert data["classes"] == {"A": 1, "B": 1, "C": 2, "D": 0, "E": 1}
    assert data["slid"] == 1
    deals = {deal["order"]: deal for deal in data["deals"]}
    assert deals[ids["Сбер"]] == {
        "order": ids["Сбер"],
        "contact": "Сбер",
        "probability": 55,
        "value": "275000.00",
        "class": "A",
    }
    assert (
        deals[ids["Администрация района"]]["value"],
        deals[ids["Администрация района"]]["class"],
    ) == (
        "10000.00",
        "C2",
    )
    assert [deal["order"] for deal in data["deals"]][:3] == [
        ids["Сбер"],
        ids["Гладиолус"],
        ids["ООО «Ромашка»"],
    ]


def test_forecast_text_in_english_and_in_russian(db, tmp_path):
    five_deals(db)
    english = lavka("forecast", "--db", db_arg(db), "--date", DAY.isoformat())
    assert english.returncode == 0, english.stderr
    out = english.stdout.replace(NBSP, " ")
    assert "Forecast on 12/1/26: 372,500.00 ₽ from 3 of 5 open deals" in out
    assert "Classes: A 1 · B 1 · C 2 · D 0 · E 1; of them C2, slid down: 1" in out
    russian = lavka_ru(tmp_path, "forecast", "--db", db_arg(db), "--date", DAY.isoformat())
    assert russian.returncode == 0, russian.stderr
    said = russian.stdout.replace(NBSP, " ")
    assert "Прогноз на 01.12.2026: 372 500,00 ₽" in said
    assert "Классы: A 1 · B 1 · C 2 · D 0 · E 1" in said
    assert "Forecast" not in said and "Probability" not in said


def test_forecast_of_a_base_without_deals(db):
    result = lavka("forecast", "--db", db_arg(db), "--date", DAY.isoformat())
    assert result.returncode == 0, result.stderr
    assert "No open deals" in result.stdout
