"""`today`, `segments` and `task` on the command line: the documented JSON, deterministic for a
database and a --date, and bad input refused with the field named."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from services.tasks import list_tasks
from tests.conftest import TODAY, customer
from tests.test_cli import db_arg, lavka

DATE = ["--date", TODAY.isoformat()]


def test_today_json_has_the_documented_keys_and_values(db, busy_day):
    result = lavka("today", "--db", db_arg(db), *DATE, "--format", "json")
    assert result.returncode == 0, result.stderr
    page = json.loads(result.stdout)
    assert list(page) == [
        "date", "tasks_overdue", "tasks_due", "shipments", "follow_ups", "reorder", "asleep",
    ]  # fmt: skip
    assert page["date"] == "2026-06-15"
    [overdue] = page["tasks_overdue"]
    assert (overdue["title"], overdue["due"], overdue["time"]) == (
        "Позвонить Ольге",
        "2026-06-12",
        "10:30",
    )
    assert (overdue["phone"], overdue["name"]) == ("+79177847876", "Ольга Никитина")
    [due] = page["tasks_due"]
    assert (due["title"], due["order"], due["name"]) == (
        "Отправить счёт",
        busy_day["today_order"],
        "Вера",
    )
    [shipment] = page["shipments"]
    assert (shipment["order"], shipment["phone"], shipment["name"], shipment["amount"]) == (
        busy_day["today_order"],
        "+79160000003",
        "Вера",
        "890.00",
    )
    # follow-ups: deliveries from 16 April (due from 1 May) to 31 May (due today), oldest
    # first; Olga's first (15 April) fell due on 30 April, before follow-ups began
    assert [(f["name"], f["shipped"], f["days_overdue"]) for f in page["follow_ups"]] == [
        ("Жанна", "2026-04-26", 35),
        ("Ольга Никитина", "2026-05-05", 26),
        ("Борис", "2026-05-11", 20),
        ("Ольга Никитина", "2026-05-25", 6),
    ]
    assert page["follow_ups"][-1]["order"] == busy_day["last"]
    assert page["follow_ups"][-1]["phone"] == "+79177847876"
    [olga] = page["reorder"]
    assert olga == {
        "phone": "+79177847876",
        "name": "Ольга Никитина",
        "segment": "regular",
        "cadence_days": 20,
        "days_since_last": 21,
        "last_purchase": "2026-05-25",
        "usual_product": "Кошелёк Slim",
        "average_check": "890.00",
    }
    [zhanna] = page["asleep"]
    assert (zhanna["name"], zhanna["cadence_days"], zhanna["days_since_last"]) == (
        "Жанна",
        30,
        50,
    )


def test_today_and_segments_are_deterministic_for_a_date(db, busy_day):
    runs = [
        lavka(command, "--db", db_arg(db), *DATE, "--format", "json").stdout
        for command in ("today", "segments", "today", "segments")
    ]
    assert runs[0] == runs[2] and runs[1] == runs[3]
    # the real today in between does not change an answer about 15 June
    lavka("today", "--db", db_arg(db))
    assert lavka("segments", "--db", db_arg(db), *DATE, "--format", "json").stdout == runs[1]


def test_segments_json_lists_every_contact(db, busy_day):
    customer(db, "Лид без покупок", "+79160000099")
    result = lavka("segments", "--db", db_arg(db), *DATE, "--format", "json")
    assert result.returncode == 0, result.stderr
    found = {c["name"]: c for c in json.loads(result.stdout)}
    assert set(found) == {"Ольга Никитина", "Жанна", "Борис", "Вера", "Лид без покупок"}
    assert found["Лид без покупок"] == {
        "phone": "+79160000099",
        "name": "Лид без покупок",
        "segment": "no_purchases",
        "cadence_days": None,
        "days_since_last": None,
        "purchases": 0,
        "last_purchase": None,
        "due_to_reorder": False,
        "archived": False,
    }
    olga = found["Ольга Никитина"]
    assert (olga["segment"], olga["cadence_days"], olga["days_since_last"]) == ("regular", 20, 21)
    assert (found["Борис"]["segment"], found["Борис"]["days_since_last"]) == ("new", 35)
    assert found["Вера"]["segment"] == "new"
    assert found["Жанна"]["segment"] == "recently_asleep"


def test_text_today_in_english_and_in_russian(db, busy_day, tmp_path):
    english = lavka(
        "today",
        "--db",
        db_arg(db),
        *DATE,
        env={"LANG": "en_US.UTF-8", "XDG_CONFIG_HOME": str(tmp_path)},
    )
    assert english.returncode == 0, english.stderr
    assert "Due to reorder (1)" in english.stdout and "Ольга Никитина" in english.stdout
    russian = lavka(
        "today",
        "--db",
        db_arg(db),
        *DATE,
        env={"LANG": "ru_RU.UTF-8", "XDG_CONFIG_HOME": str(tmp_path)},
    )
    assert russian.returncode == 0, russian.stderr
    assert russian.stdout.startswith("Сегодня, 15.06.2026: дел — 8\n")
    assert "Пора повторить заказ (1)" in russian.stdout
    assert "15.06.2026" in russian.stdout
    assert "Постоянный" in russian.stdout  # Olga's segment
    assert "Due" not in russian.stdout


def test_task_add_list_done(db, busy_day):
    path = db_arg(db)
    added = lavka(
        "task", "add", "--db", path, "--title", "Привезти образцы", "--due", "2026-06-20",
        "--time", "15:00", "--phone", "8 (917) 784-78-76",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    [task] = [t for t in list_tasks(db) if t.title == "Привезти образцы"]
    assert (task.contact_id, task.due_date, task.due_time) == (
        busy_day["olga"],
        dt.date(2026, 6, 20),
        dt.time(15),
    )
    listed = lavka("task", "list", "--db", path, "--format", "json")
    assert [t["title"] for t in json.loads(listed.stdout)] == [
        "Позвонить Ольге",
        "Отправить счёт",
        "Привезти образцы",
    ]
    done = lavka("task", "done", str(task.id), "--db", path)
    assert done.returncode == 0, done.stderr
    assert task.id not in [t.id for t in list_tasks(db)]
    by_order = lavka("task", "add", "--db", path, "--title", "Счёт", "--due", "20.06.2026",
                     "--order", str(busy_day["today_order"]))  # fmt: skip
    assert by_order.returncode == 0, by_order.stderr


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--title", "  ", "--due", "2026-06-20"], "Enter what is to be done."),
        (["--title", "Позвонить", "--due", "2026-02-30"], "does not exist in the calendar"),
        (["--title", "Позвонить", "--due", "завтра"], "'завтра' is not a date"),
        (["--title", "Позвонить", "--due", "2026-06-20", "--time", "25:61"], "not a time"),
        (["--title", "Позвонить", "--due", "2026-06-20", "--phone", "+7 999 000-00-00"],
         "No contact has the phone"),
        (["--title", "Позвонить", "--due", "2026-06-20", "--order", "9999"],
         "Order No. 9999 does not exist"),
    ],
)  # fmt: skip
def test_bad_task_input_is_refused_and_nothing_saved(db, busy_day, tmp_path, args, words):
    before = list_tasks(db, done=None)
    result = lavka(
        "task", "add", "--db", db_arg(db), *args,
        env={"LANG": "en_US.UTF-8", "XDG_CONFIG_HOME": str(tmp_path)},
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.startswith("lavka task: ")
    assert words in result.stderr
    assert list_tasks(db, done=None) == before


def test_a_missing_database_is_not_created(tmp_path):
    path = tmp_path / "none.sqlite3"
    result = lavka("today", "--db", str(path))
    assert result.returncode == 1 and "There is no database" in result.stderr
    assert not path.exists()
