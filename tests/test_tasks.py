"""Tasks: created, refused with the field named, moved, done; notes and the card's timeline."""

from __future__ import annotations

import datetime as dt

import pytest

from services.contacts import ContactInput, create_contact
from services.errors import NotFound, ValidationError
from services.follow_ups import resolve_follow_up
from services.tasks import (
    TaskInput,
    create_task,
    delete_task,
    get_task,
    list_tasks,
    move_task,
    set_task_done,
    update_task,
)
from services.timeline import add_note, contact_timeline
from tests.conftest import TODAY


def test_a_task_with_a_time_and_a_contact(db, shop):
    task = create_task(
        db, TaskInput("  Перезвонить Игорю ", "18.06.2026", "9:05", shop.igor1, notes=" про Slim ")
    )
    assert (task.title, task.due_date, task.due_time) == (
        "Перезвонить Игорю",
        dt.date(2026, 6, 18),
        dt.time(9, 5),
    )
    assert (task.contact_id, task.contact_name, task.contact_phone) == (
        shop.igor1,
        "Игорь",
        "+79161234567",
    )
    assert (task.notes, task.done, task.order_id) == ("про Slim", False, None)
    assert get_task(db, task.id) == task


def test_an_order_brings_its_contact(db, shop):
    task = create_task(db, TaskInput("Отправить счёт", TODAY, order_id=shop.o3))
    assert (task.order_id, task.contact_id) == (shop.o3, shop.igor2)


@pytest.mark.parametrize(
    ("data", "fields", "codes"),
    [
        (TaskInput("   ", "18.06.2026"), {"title"}, {"task.title_empty"}),
        (TaskInput("x" * 201, "18.06.2026"), {"title"}, {"task.title_too_long"}),
        (TaskInput("Позвонить", "31.02.2026"), {"due"}, {"date.no_such_day"}),
        (TaskInput("Позвонить", "завтра"), {"due"}, {"date.invalid"}),
        (TaskInput("Позвонить", ""), {"due"}, {"task.due_required"}),
        (TaskInput("Позвонить", "18.06.2026", "25:00"), {"due_time"}, {"task.time_invalid"}),
        (TaskInput("Позвонить", "18.06.2026", contact_id=999), {"contact"}, {"task.no_contact"}),
        (TaskInput("Позвонить", "18.06.2026", order_id=999), {"order"}, {"task.no_order"}),
        # every problem at once
        (TaskInput("", "abc", "x", 999), {"title", "due", "due_time", "contact"}, None),
    ],
)
def test_bad_input_names_the_field_and_saves_nothing(db, data, fields, codes):
    with pytest.raises(ValidationError) as caught:
        create_task(db, data)
    assert caught.value.fields() == fields
    if codes is not None:
        assert {p.code for p in caught.value.problems} == codes
    assert list_tasks(db, done=None) == []


def test_an_order_of_another_contact_is_refused(db, shop):
    with pytest.raises(ValidationError) as caught:
        create_task(db, TaskInput("Счёт", TODAY, contact_id=shop.anna, order_id=shop.o1))
    assert [p.code for p in caught.value.problems] == ["task.order_of_another"]


def test_edit_move_done_and_delete(db, shop):
    task = create_task(db, TaskInput("Позвонить", "16.06.2026", contact_id=shop.anna))
    edited = update_task(db, task.id, TaskInput("Позвонить Анне", "17.06.2026", "14:30"))
    assert (edited.title, edited.due_date, edited.due_time, edited.contact_id) == (
        "Позвонить Анне",
        dt.date(2026, 6, 17),
        dt.time(14, 30),
        None,
    )
    moved = move_task(db, task.id, dt.date(2026, 6, 20))
    assert (moved.due_date, moved.due_time) == (dt.date(2026, 6, 20), dt.time(14, 30))
    done = set_task_done(db, task.id)
    assert done.done and done.done_at is not None
    assert list_tasks(db) == [] and list_tasks(db, done=True) == [done]
    reopened = set_task_done(db, task.id, False)
    assert not reopened.done and reopened.done_at is None
    delete_task(db, task.id)
    with pytest.raises(NotFound) as caught:
        get_task(db, task.id)
    assert caught.value.code == "task.not_found"


def test_a_bad_move_changes_nothing(db):
    task = create_task(db, TaskInput("Позвонить", "16.06.2026"))
    with pytest.raises(ValidationError):
        move_task(db, task.id, "32.06.2026")
    assert get_task(db, task.id).due_date == dt.date(2026, 6, 16)


def test_tasks_of_a_range_in_day_and_time_order(db):
    late = create_task(db, TaskInput("Вечером", "16.06.2026", "18:00"))
    morning = create_task(db, TaskInput("Утром", "16.06.2026", "09:00"))
    any_time = create_task(db, TaskInput("Когда-нибудь", "16.06.2026"))
    before = create_task(db, TaskInput("Вчера", "15.06.2026"))
    create_task(db, TaskInput("Потом", "20.06.2026"))
    titles = [t.title for t in list_tasks(db, dt.date(2026, 6, 15), dt.date(2026, 6, 16))]
    assert titles == [before.title, any_time.title, morning.title, late.title]


def test_the_timeline_is_newest_first(db, shop):
    note = add_note(db, shop.anna, "  Звонила, закажет после 20-го ", "15.06.2026")
    task = create_task(db, TaskInput("Позвонить Анне", "14.06.2026", contact_id=shop.anna))
    set_task_done(db, task.id)
    resolve_follow_up(db, shop.o5, "done", dt.date(2026, 6, 10), "Всё понравилось")
    timeline = contact_timeline(db, shop.anna)
    today = dt.date.today()  # the task was marked done now, whatever TODAY the test uses
    kinds = [(entry.day, entry.kind) for entry in timeline]
    expected = sorted(
        [
            (today, "task"),
            (dt.date(2026, 6, 15), "note"),
            (dt.date(2026, 6, 14), "order"),  # O6
            (dt.date(2026, 6, 10), "note"),  # the follow-up's answer
            (dt.date(2026, 6, 10), "follow_up"),
            (dt.date(2026, 6, 5), "order"),  # O4, cancelled: still history
            (dt.date(2026, 5, 20), "order"),  # O5
        ],
        key=lambda pair: pair[0],
        reverse=True,
    )
    assert kinds == expected
    first_note = next(e for e in timeline if e.note_id == note)
    assert first_note.text == "Звонила, закажет после 20-го"
    answer = next(e for e in timeline if e.kind == "note" and e.order_id == shop.o5)
    assert answer.text == "Всё понравилось"
    cancelled = next(e for e in timeline if e.order_id == shop.o4 and e.kind == "order")
    assert cancelled.status_role == "lost"


def test_an_empty_note_is_refused(db, shop):
    with pytest.raises(ValidationError) as caught:
        add_note(db, shop.anna, "   ", TODAY)
    assert caught.value.problems[0].code == "note.empty"
    assert [e for e in contact_timeline(db, shop.anna) if e.kind == "note"] == []


def test_a_note_for_a_missing_contact(db):
    igor = create_contact(db, ContactInput("Игорь")).id
    with pytest.raises(NotFound):
        add_note(db, igor + 1, "текст", TODAY)
