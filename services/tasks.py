"""Tasks: something to do on a day, maybe at a time, maybe about a contact or an order."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from models import Contact, Order, Task, utc_now
from services.errors import NotFound, Problem, ValidationError
from services.formatting import named_date
from services.storage import Database
from services.uow import UnitOfWork
from services.values import DateInput, check_typed_text, clean_text, parse_date

TITLE_MAX = 200
_TIME = re.compile(r"(\d{1,2})[:.](\d{2})")


@dataclass(frozen=True)
class TaskInput:
    """A task as typed: the due date as a date or text; the time as `14:30` or empty."""

    title: str
    due: DateInput | None
    due_time: dt.time | str | None = None
    contact_id: int | None = None
    order_id: int | None = None  # the contact follows from the order when none is given
    notes: str | None = None


@dataclass(frozen=True)
class TaskView:
    id: int
    title: str
    due_date: dt.date
    due_time: dt.time | None
    contact_id: int | None
    contact_name: str | None
    contact_phone: str | None
    order_id: int | None
    notes: str | None
    done: bool
    done_at: dt.datetime | None  # UTC

    def overdue(self, today: dt.date) -> bool:
        return not self.done and self.due_date < today


def create_task(database: Database, data: TaskInput) -> TaskView:
    with UnitOfWork(database) as uow:
        task = Task(**_validated(uow.session, data))
        uow.session.add(task)
        uow.session.flush()
        view = _view(uow.session, task)
        _name(uow, "task.created", task)
        uow.commit()
    return view


def update_task(database: Database, task_id: int, data: TaskInput) -> TaskView:
    with UnitOfWork(database) as uow:
        task = _get(uow.session, task_id)
        for key, value in _validated(uow.session, data).items():
            setattr(task, key, value)
        uow.session.flush()
        view = _view(uow.session, task)
        _name(uow, "task.saved", task)
        uow.commit()
    return view


def move_task(database: Database, task_id: int, new_date: DateInput) -> TaskView:
    """Another due day, same time (the calendar's drag and drop)."""
    with UnitOfWork(database) as uow:
        task = _get(uow.session, task_id)
        task.due_date = _due(new_date)
        uow.session.flush()
        view = _view(uow.session, task)
        _name(uow, "task.moved", task, named_date(task.due_date))
        uow.commit()
    return view


def set_task_done(database: Database, task_id: int, done: bool = True) -> TaskView:
    with UnitOfWork(database) as uow:
        task = _get(uow.session, task_id)
        task.done, task.done_at = done, (utc_now() if done else None)
        uow.session.flush()
        view = _view(uow.session, task)
        _name(uow, "task.done" if done else "task.reopened", task)
        uow.commit()
    return view


def delete_task(database: Database, task_id: int) -> None:
    with UnitOfWork(database) as uow:
        task = _get(uow.session, task_id)
        _name(uow, "task.deleted", task)
        uow.session.delete(task)
        uow.commit()


def _name(uow: UnitOfWork, code: str, task: Task, *more: str) -> None:
    """Name the action on `task` in the history, with its contact and order as subjects."""
    uow.name(code, task.title, *more, contact_id=task.contact_id, order_id=task.order_id)


def get_task(database: Database, task_id: int) -> TaskView:
    with database.session() as session:
        return _view(session, _get(session, task_id))


def list_tasks(
    database: Database,
    start: dt.date | None = None,
    end: dt.date | None = None,
    done: bool | None = False,
    contact_id: int | None = None,
) -> list[TaskView]:
    """Tasks due in [start, end] (open-ended where None), open ones by default (done=None:
    both), by due day and time (a task without a time first in its day)."""
    query = task_query()
    if start is not None:
        query = query.where(Task.due_date >= start)
    if end is not None:
        query = query.where(Task.due_date <= end)
    if done is not None:
        query = query.where(Task.done.is_(done))
    if contact_id is not None:
        query = query.where(Task.contact_id == contact_id)
    with database.session() as session:
        return read_tasks(session, query)


def tasks_falling_due(database: Database, since: dt.datetime, until: dt.datetime) -> list[TaskView]:
    """Open tasks that fall due after `since` and by `until` (local times): at their time, or
    at the start of their day when they have none. What a running Lavka announces."""
    query = task_query().where(
        Task.done.is_(False), Task.due_date >= since.date(), Task.due_date <= until.date()
    )
    with database.session() as session:
        tasks = read_tasks(session, query)
    return [t for t in tasks if since < falls_due(t) <= until]


def falls_due(task: TaskView) -> dt.datetime:
    return dt.datetime.combine(task.due_date, task.due_time or dt.time())


def task_query() -> Select[Task, str, str | None]:
    """Every task with its contact's name and phone, in the order lists show them."""
    return (
        select(Task, Contact.name, Contact.phone)
        .outerjoin(Contact, Contact.id == Task.contact_id)
        .order_by(Task.due_date, Task.due_time.is_not(None), Task.due_time, Task.id)
    )


def read_tasks(session: Session, query: Select[Task, str, str | None]) -> list[TaskView]:
    return [_as_view(task, name, phone) for task, name, phone in session.execute(query)]


def parse_time(value: dt.time | str | None) -> dt.time | None:
    """`14:30`, `9.05` or a time; empty means no time."""
    if value is None or isinstance(value, dt.time):
        return value
    text = value.strip()
    if not text:
        return None
    match = _TIME.fullmatch(text)
    if match and int(match[1]) < 24 and int(match[2]) < 60:
        return dt.time(int(match[1]), int(match[2]))
    raise ValidationError.of("due_time", "task.time_invalid", text)


def _validated(session: Session, data: TaskInput) -> dict[str, object]:
    """Every problem with the input at once, or the values to store (by column)."""
    problems: list[Problem] = []
    values: dict[str, object] = {}
    for key, parse in (
        ("title", lambda: _title(data.title)),
        ("notes", lambda: clean_text(data.notes, field="notes", label="Notes")),
        ("due_date", lambda: _due(data.due)),
        ("due_time", lambda: parse_time(data.due_time)),
    ):
        try:
            values[key] = parse()
        except ValidationError as error:
            problems.extend(error.problems)
    contact_id = data.contact_id
    if contact_id is not None and session.get(Contact, contact_id) is None:
        problems.append(Problem.of("contact", "task.no_contact", contact_id))
    if data.order_id is not None:
        order = session.get(Order, data.order_id)
        if order is None:
            problems.append(Problem.of("order", "task.no_order", data.order_id))
        elif contact_id is None:
            contact_id = order.contact_id
        elif order.contact_id != contact_id:
            problems.append(Problem.of("order", "task.order_of_another", order.id))
    if problems:
        raise ValidationError(problems)
    values.update(contact_id=contact_id, order_id=data.order_id)
    return values


def _title(typed: str | None) -> str:
    title = check_typed_text(typed or "", "title", "Title").strip()
    if not title:
        raise ValidationError.of("title", "task.title_empty")
    if len(title) > TITLE_MAX:
        raise ValidationError.of("title", "task.title_too_long", TITLE_MAX, len(title))
    return title


def _due(value: DateInput | None) -> dt.date:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValidationError.of("due", "task.due_required")
    return parse_date(value, "due")


def _get(session: Session, task_id: int) -> Task:
    task = session.get(Task, task_id)
    if task is None:
        raise NotFound.of("task.not_found", task_id)
    return task


def _view(session: Session, task: Task) -> TaskView:
    contact = session.get(Contact, task.contact_id) if task.contact_id is not None else None
    return _as_view(task, contact.name if contact else None, contact.phone if contact else None)


def _as_view(task: Task, name: str | None, phone: str | None) -> TaskView:
    return TaskView(
        id=task.id,
        title=task.title,
        due_date=task.due_date,
        due_time=task.due_time,
        contact_id=task.contact_id,
        contact_name=name,
        contact_phone=phone,
        order_id=task.order_id,
        notes=task.notes,
        done=task.done,
        done_at=task.done_at,
    )


__all__ = [
    "TaskInput",
    "TaskView",
    "create_task",
    "delete_task",
    "falls_due",
    "get_task",
    "list_tasks",
    "move_task",
    "parse_time",
    "read_tasks",
    "set_task_done",
    "task_query",
    "tasks_falling_due",
    "update_task",
]
