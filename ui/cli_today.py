"""The command line of Today: `today`, `segments` and `task add|list|done`.

`--format json` prints one JSON document for scripts (keys in English, money as exact
strings like "1250.50", dates as YYYY-MM-DD); the text format speaks the interface language.
`--date` means "compute as if today were that day": the output depends only on the database
and the date.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import TextIO

from services.contacts import find_by_phone
from services.errors import ValidationError
from services.follow_ups import FollowUpItem
from services.segments import ContactSegment, contact_segments
from services.settings_store import load_business_settings
from services.storage import Database
from services.tasks import TaskInput, TaskView, create_task, list_tasks, set_task_done
from services.today import CustomerDue, ShipmentDue, TodayPage, today_page
from ui.cli_common import Words, as_of_and_format, positive, table
from ui.messages import QT_TRANSLATE_NOOP, segment_name

CONTEXT = "TodayCommand"
WORDS = {
    "title": QT_TRANSLATE_NOOP("TodayCommand", "Today, %1: %n thing(s) due"),
    "tasks_overdue": QT_TRANSLATE_NOOP("TodayCommand", "Overdue tasks"),
    "tasks_due": QT_TRANSLATE_NOOP("TodayCommand", "Tasks for today"),
    "shipments": QT_TRANSLATE_NOOP("TodayCommand", "Shipments: today's and overdue"),
    "follow_ups": QT_TRANSLATE_NOOP("TodayCommand", "Follow-ups: ask how it went"),
    "reorder": QT_TRANSLATE_NOOP("TodayCommand", "Due to reorder"),
    "asleep": QT_TRANSLATE_NOOP("TodayCommand", "Fell asleep recently"),
    "nothing": QT_TRANSLATE_NOOP("TodayCommand", "nothing"),
    "due": QT_TRANSLATE_NOOP("TodayCommand", "Due"),
    "time": QT_TRANSLATE_NOOP("TodayCommand", "Time"),
    "task": QT_TRANSLATE_NOOP("TodayCommand", "Task"),
    "customer": QT_TRANSLATE_NOOP("TodayCommand", "Customer"),
    "phone": QT_TRANSLATE_NOOP("TodayCommand", "Phone"),
    "order": QT_TRANSLATE_NOOP("TodayCommand", "Order"),
    "date": QT_TRANSLATE_NOOP("TodayCommand", "Date"),
    "product": QT_TRANSLATE_NOOP("TodayCommand", "Product"),
    "quantity": QT_TRANSLATE_NOOP("TodayCommand", "Qty"),
    "amount": QT_TRANSLATE_NOOP("TodayCommand", "Amount"),
    "late": QT_TRANSLATE_NOOP("TodayCommand", "Days late"),
    "shipped": QT_TRANSLATE_NOOP("TodayCommand", "Shipped"),
    "segment": QT_TRANSLATE_NOOP("TodayCommand", "Segment"),
    "cadence": QT_TRANSLATE_NOOP("TodayCommand", "Every, days"),
    "since": QT_TRANSLATE_NOOP("TodayCommand", "Days since"),
    "usual": QT_TRANSLATE_NOOP("TodayCommand", "Usually buys"),
    "check": QT_TRANSLATE_NOOP("TodayCommand", "Average check"),
    "purchases": QT_TRANSLATE_NOOP("TodayCommand", "Purchases"),
    "id": QT_TRANSLATE_NOOP("TodayCommand", "No."),
    "done": QT_TRANSLATE_NOOP("TodayCommand", "Done"),
    "yes": QT_TRANSLATE_NOOP("TodayCommand", "yes"),
    "segments_title": QT_TRANSLATE_NOOP("TodayCommand", "Customers by segment on %1"),
    "added": QT_TRANSLATE_NOOP("TodayCommand", "Task %1 added: %2, due %3."),
    "marked_done": QT_TRANSLATE_NOOP("TodayCommand", "Task %1 is done: %2."),
    "no_tasks": QT_TRANSLATE_NOOP("TodayCommand", "No open tasks."),
}


def add_commands(commands, common: argparse.ArgumentParser) -> None:
    today = commands.add_parser(
        "today",
        parents=[common],
        help=QT_TRANSLATE_NOOP(
            "Cli", "what to do today: tasks, shipments, follow-ups, customers to call"
        ),
    )
    segments = commands.add_parser(
        "segments",
        parents=[common],
        help=QT_TRANSLATE_NOOP("Cli", "every contact's lifecycle segment and cadence"),
    )
    for parser in (today, segments):
        as_of_and_format(parser)
    task = commands.add_parser(
        "task", parents=[common], help=QT_TRANSLATE_NOOP("Cli", "tasks: add, list, done")
    )
    actions = task.add_subparsers(dest="task_command", metavar="ACTION", required=True)
    add = actions.add_parser("add", parents=[common], help=QT_TRANSLATE_NOOP("Cli", "add a task"))
    add.add_argument("--title", required=True, help=QT_TRANSLATE_NOOP("Cli", "what is to be done"))
    add.add_argument(
        "--due",
        required=True,
        help=QT_TRANSLATE_NOOP("Cli", "the day it is due (YYYY-MM-DD or DD.MM.YYYY)"),
    )
    add.add_argument("--time", help=QT_TRANSLATE_NOOP("Cli", "the time it is due (14:30)"))
    add.add_argument(
        "--phone", help=QT_TRANSLATE_NOOP("Cli", "the contact it is about, by phone in any form")
    )
    add.add_argument(
        "--order",
        type=positive,
        help=QT_TRANSLATE_NOOP("Cli", "the order it is about (its number)"),
    )
    add.add_argument("--notes", help=QT_TRANSLATE_NOOP("Cli", "more words"))
    listing = actions.add_parser(
        "list", parents=[common], help=QT_TRANSLATE_NOOP("Cli", "open tasks by due day")
    )
    listing.add_argument(
        "--all", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "done tasks too")
    )
    listing.add_argument("--format", dest="output", choices=("text", "json"), default="text")
    done = actions.add_parser(
        "done", parents=[common], help=QT_TRANSLATE_NOOP("Cli", "mark a task done")
    )
    done.add_argument(
        "id", type=positive, help=QT_TRANSLATE_NOOP("Cli", "the task's number (task list shows it)")
    )


class _Words(Words):
    """The command's texts, and its cadences and segments, in the interface language."""

    def __init__(self, database: Database) -> None:
        super().__init__(WORDS, CONTEXT, load_business_settings(database).currency_symbol)

    def days(self, value: Decimal | None) -> str:
        """A cadence in days: whole, or with its half (23,5 in Russian)."""
        if value is None:
            return ""
        whole = value == value.to_integral_value()
        return self.fmt.integer(int(value)) if whole else self.fmt.number(value, 1)

    def segment(self, code: str) -> str:
        return segment_name(code, self.translate)


def run_today(args: argparse.Namespace, out: TextIO) -> int:
    day = args.date or dt.date.today()
    with _open(args.db) as database:
        page = today_page(database, day)
        if args.output == "json":
            json.dump(today_json(page), out, ensure_ascii=False, indent=2)
            print(file=out)
            return 0
        words = _Words(database)
    _today_text(page, words, out)
    return 0


def run_segments(args: argparse.Namespace, out: TextIO) -> int:
    day = args.date or dt.date.today()
    with _open(args.db) as database:
        found = contact_segments(database, day)
        if args.output == "json":
            json.dump([segment_json(s) for s in found], out, ensure_ascii=False, indent=2)
            print(file=out)
            return 0
        words = _Words(database)
    fmt = words.fmt
    print(words("segments_title", fmt.date(day)), file=out)
    rows = [
        (
            s.name,
            fmt.phone(s.phone),
            words.segment(s.segment),
            str(s.purchases),
            words.days(s.cadence_days),
            "" if s.days_since_last is None else str(s.days_since_last),
        )
        for s in found
    ]
    headers = ("customer", "phone", "segment", "purchases", "cadence", "since")
    table(out, [words(h) for h in headers], rows, right={3, 4, 5})
    return 0


def run_task(args: argparse.Namespace, out: TextIO) -> int:
    with _open(args.db) as database:
        words = _Words(database)
        if args.task_command == "add":
            task = create_task(database, _task_input(database, args))
            when = words.fmt.date(task.due_date)
            print(words("added", str(task.id), task.title, when), file=out)
        elif args.task_command == "done":
            task = set_task_done(database, args.id)
            print(words("marked_done", str(task.id), task.title), file=out)
        else:
            tasks = list_tasks(database, done=None if args.all else False)
            if args.output == "json":
                json.dump([task_json(t) for t in tasks], out, ensure_ascii=False, indent=2)
                print(file=out)
            elif tasks:
                _tasks_table(tasks, words, out, with_state=args.all)
            else:
                print(words("no_tasks"), file=out)
    return 0


HANDLERS = {"today": run_today, "segments": run_segments, "task": run_task}


# --- JSON ---------------------------------------------------------------------------------
def today_json(page: TodayPage) -> dict:
    return {
        "date": page.date.isoformat(),
        "tasks_overdue": [task_json(t) for t in page.tasks_overdue],
        "tasks_due": [task_json(t) for t in page.tasks_due],
        "shipments": [_shipment_json(s) for s in page.shipments],
        "follow_ups": [
            {
                "order": f.order_id,
                "phone": f.phone,
                "name": f.name,
                "shipped": f.shipped.isoformat(),
                "due": f.due.isoformat(),
                "days_overdue": f.days_overdue,
                "amount": _money(f.amount),
            }
            for f in page.follow_ups
        ],
        "reorder": [_customer_json(c, usual=True) for c in page.reorder],
        "asleep": [_customer_json(c) for c in page.asleep],
    }


def task_json(task: TaskView) -> dict:
    return {
        "id": task.id,
        "title": task.title,
        "due": task.due_date.isoformat(),
        "time": task.due_time.strftime("%H:%M") if task.due_time else None,
        "phone": task.contact_phone,
        "name": task.contact_name,
        "order": task.order_id,
        "notes": task.notes,
        "done": task.done,
    }


def segment_json(found: ContactSegment) -> dict:
    return {
        "phone": found.phone,
        "name": found.name,
        "segment": found.segment,
        "cadence_days": _number(found.cadence_days),
        "days_since_last": found.days_since_last,
        "purchases": found.purchases,
        "last_purchase": found.last_purchase.isoformat() if found.last_purchase else None,
        "due_to_reorder": found.due_to_reorder,
        "archived": found.archived,
    }


def _shipment_json(line: ShipmentDue) -> dict:
    return {
        "order": line.order_id,
        "shipment": line.shipment_id,
        "date": line.date.isoformat(),
        "phone": line.phone,
        "name": line.name,
        "product": line.product,
        "quantity": line.quantity,
        "amount": _money(line.amount),
        "days_overdue": line.days_overdue,
    }


def _customer_json(customer: CustomerDue, usual: bool = False) -> dict:
    found = {
        "phone": customer.phone,
        "name": customer.name,
        "segment": customer.segment,
        "cadence_days": _number(customer.cadence_days),
        "days_since_last": customer.days_since_last,
        "last_purchase": customer.last_purchase.isoformat(),
    }
    if usual:
        found["usual_product"] = customer.usual_product
        found["average_check"] = _money(customer.average_check)
    return found


def _number(value: Decimal | None) -> int | float | None:
    """A count of days: whole, or a half (exact in binary) for a median of two."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _money(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


# --- text ---------------------------------------------------------------------------------
def _today_text(page: TodayPage, words: _Words, out: TextIO) -> None:
    print(words("title", words.fmt.date(page.date), n=page.due_count), file=out)
    for key, tasks in (("tasks_overdue", page.tasks_overdue), ("tasks_due", page.tasks_due)):
        if _heading(key, len(tasks), tasks, words, out):
            _tasks_table(tasks, words, out)
    if _heading("shipments", page.shipments_total, page.shipments, words, out):
        _shipments_table(page.shipments, words, out)
    if _heading("follow_ups", page.follow_ups_total, page.follow_ups, words, out):
        _follow_ups_table(page.follow_ups, words, out)
    for key, customers, total in (
        ("reorder", page.reorder, page.reorder_total),
        ("asleep", page.asleep, page.asleep_total),
    ):
        if _heading(key, total, customers, words, out):
            _customers_table(customers, words, out, usual=key == "reorder")


def _heading(key: str, total: int, rows: Sequence[object], words: _Words, out: TextIO) -> bool:
    """A section's title and its total; "nothing" under it when it is empty. True when it
    has rows to list."""
    print(f"\n{words(key)} ({total})", file=out)
    if not rows:
        print(f"  {words('nothing')}", file=out)
    return bool(rows)


def _shipments_table(shipments: Sequence[ShipmentDue], words: _Words, out: TextIO) -> None:
    fmt = words.fmt
    table(
        out,
        [words(h) for h in ("date", "order", "customer", "phone", "product")]
        + [words(h) for h in ("quantity", "amount", "late")],
        [
            (
                fmt.date(s.date),
                str(s.order_id),
                s.name,
                fmt.phone(s.phone),
                s.product,
                str(s.quantity),
                fmt.money(s.amount),
                str(s.days_overdue),
            )
            for s in shipments
        ],
        right={1, 5, 6, 7},
    )


def _follow_ups_table(follow_ups: Sequence[FollowUpItem], words: _Words, out: TextIO) -> None:
    fmt = words.fmt
    table(
        out,
        [words(h) for h in ("order", "customer", "phone", "shipped", "late", "amount")],
        [
            (
                str(f.order_id),
                f.name,
                fmt.phone(f.phone),
                fmt.date(f.shipped),
                str(f.days_overdue),
                fmt.money(f.amount),
            )
            for f in follow_ups
        ],
        right={0, 4, 5},
    )


def _tasks_table(
    tasks: tuple[TaskView, ...] | list[TaskView], words: _Words, out: TextIO, with_state=False
) -> None:
    fmt = words.fmt
    headers = ["id", "due", "time", "task", "customer", "phone", "order"]
    rows = []
    for t in tasks:
        row = [
            str(t.id),
            fmt.date(t.due_date),
            t.due_time.strftime("%H:%M") if t.due_time else "",
            t.title,
            t.contact_name or "",
            fmt.phone(t.contact_phone),
            "" if t.order_id is None else str(t.order_id),
        ]
        if with_state:
            row.append(words("yes") if t.done else "")
        rows.append(row)
    if with_state:
        headers.append("done")
    table(out, [words(h) for h in headers], rows, right={0, 6})


def _customers_table(rows, words: _Words, out: TextIO, usual: bool) -> None:
    fmt = words.fmt
    headers = ["customer", "phone", "segment", "cadence", "since"]
    if usual:
        headers += ["usual", "check"]
    lines = []
    for c in rows:
        line = [
            c.name,
            fmt.phone(c.phone),
            words.segment(c.segment),
            words.days(c.cadence_days),
            str(c.days_since_last),
        ]
        if usual:
            line += [c.usual_product or "", fmt.money(c.average_check)]
        lines.append(line)
    table(out, [words(h) for h in headers], lines, right={3, 4, 6})


def _task_input(database: Database, args: argparse.Namespace) -> TaskInput:
    contact_id = None
    if args.phone:
        contact = find_by_phone(database, args.phone)
        if contact is None:
            raise ValidationError.of("phone", "task.no_contact_with_phone", args.phone)
        contact_id = contact.id
    return TaskInput(args.title, args.due, args.time, contact_id, args.order, args.notes)


class _open:
    """The database named by --db, which must be a Lavka database already (these commands
    never create one)."""

    def __init__(self, path: Path) -> None:
        self.database = Database.open_existing(path)

    def __enter__(self) -> Database:
        return self.database

    def __exit__(self, *_exc) -> None:
        self.database.close()


__all__ = ["HANDLERS", "add_commands", "segment_json", "task_json", "today_json"]
