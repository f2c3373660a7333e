"""The Today section driven through its widgets on the busy day of tests/conftest.py, and tasks
made from a card, put on the calendar, dragged there and marked done."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QLocale, QMimeData, QSettings, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from models import Order
from services.payments import record_payment
from services.tasks import TaskInput, create_task, get_task, list_tasks
from services.timeline import contact_timeline
from tests.conftest import TODAY
from tests.test_scoring import DAY, five_deals
from ui.calendar.view import CalendarView, task_from_mime
from ui.contacts.view import ContactsView
from ui.formatting import Formatter
from ui.main_window import MainWindow
from ui.today.alarm import Notifier, TaskAlarm
from ui.today.dialogs import FollowUpAnswer, SnoozeUntil
from ui.today.task_dialog import TaskDialog
from ui.today.view import TodayView, read_lists

FMT = Formatter(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), "₽")


@pytest.fixture
def view(qtbot, db, busy_day):
    widget = TodayView(db, FMT, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1200, 900)
    widget.show()
    return widget


def rows(view, key: str, column: int = 0) -> list[str]:
    model = view.sections[key].model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_counts_and_rows_of_a_busy_day(qtmodeltester, view):
    titles = {key: section.title.text() for key, section in view.sections.items()}
    assert titles == {
        "tasks_overdue": "Overdue tasks · 1",
        "tasks_due": "Tasks for today · 1",
        "shipments": "To ship: today's and overdue · 1",
        "stock": "Below minimum stock · 0",
        "follow_ups": "Ask how it went · 4",
        "debtors": "Payments overdue · 3",
        "reorder": "Due to reorder · 1",
        "asleep": "Fell asleep recently · 1",
    }
    # 1 + 1 tasks, 1 shipment, 4 follow-ups, 1 customer due to reorder
    assert view.summary.text() == "8 thing(s) due today."
    assert rows(view, "tasks_overdue", 2) == ["Позвонить Ольге"]
    overdue = view.sections["tasks_overdue"].model.index(0, 0)
    assert overdue.data() == "6/12/26" and overdue.data(Qt.ItemDataRole.ForegroundRole)
    assert rows(view, "tasks_due", 2) == ["Отправить счёт"]
    assert rows(view, "shipments", 2) == ["Вера, +7 916 000-00-03"]
    assert rows(view, "reorder") == ["Ольга Никитина, +7 917 784-78-76"]
    assert rows(view, "reorder", 2) == ["20 day(s)"]
    assert rows(view, "reorder", 5) == ["890.00\u00a0₽"]
    assert rows(view, "asleep") == ["Жанна, +7 916 000-00-07"]
    assert rows(view, "asleep", 1) == ["Recently asleep"]
    for section in view.sections.values():
        qtmodeltester.check(section.model)
        assert section.empty.isHidden() == bool(section.model.rowCount())
    # no product is below its minimum (nothing is counted in stock): the list is not shown
    assert view.sections["stock"].box.isHidden()
    assert not view.sections["shipments"].box.isHidden()


def test_every_row_opens_its_order_or_contact(qtbot, view, busy_day):
    def double_click(key: str):
        table = view.sections[key].table
        rect = table.visualRect(view.sections[key].model.index(0, 1))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    with qtbot.waitSignal(view.orderActivated) as order:
        double_click("shipments")
    assert order.args == [busy_day["today_order"]]
    with qtbot.waitSignal(view.orderActivated) as order:
        double_click("tasks_due")  # the task is about Vera's order
    assert order.args == [busy_day["today_order"]]
    with qtbot.waitSignal(view.contactActivated) as contact:
        double_click("reorder")
    assert contact.args == [busy_day["olga"]]
    with qtbot.waitSignal(view.contactActivated) as contact:
        double_click("debtors")  # Olga owes the most overdue money
    assert contact.args == [busy_day["olga"]]


def test_payments_overdue_most_overdue_money_first(qtmodeltester, qtbot, db, view, busy_day):
    """Every wallet is 890.00, nobody has paid, payment terms 0 days (due on the order's date).
    Olga: orders of 61, 41 and 21 days ago → 2 670.00 overdue since 61 days; Boris (35 days)
    and Zhanna (50 days) 890.00 each (equal money: by name); Vera's order of today is due
    today, not overdue: she is not listed."""
    debtors = view.sections["debtors"]
    qtmodeltester.check(debtors.model)
    assert [debtors.model.index(r, c).data() for r in range(3) for c in (0, 2, 3, 4)] == [
        *("Ольга Никитина, +7 917 784-78-76", "2,670.00\u00a0₽", "2,670.00\u00a0₽", "61"),
        *("Борис, +7 916 000-00-02", "890.00\u00a0₽", "890.00\u00a0₽", "35"),
        *("Жанна, +7 916 000-00-07", "890.00\u00a0₽", "890.00\u00a0₽", "50"),
    ]
    assert debtors.model.index(0, 1).data() == "3"  # Olga's three orders
    assert debtors.model.index(0, 3).data(Qt.ItemDataRole.ForegroundRole)  # overdue: red
    assert debtors.model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    # Boris pays: he is off the list, and the others stay in their order
    record_payment(db, boris_order(db, busy_day["boris"]), "890", TODAY, today=TODAY)
    view.refresh()
    assert debtors.title.text() == "Payments overdue · 2"
    assert rows(view, "debtors") == [
        "Ольга Никитина, +7 917 784-78-76",
        "Жанна, +7 916 000-00-07",
    ]
    # the Call button plans a call to the chosen debtor
    view.choose("debtors", 1)
    assert view.chosen("debtors").contact_id == busy_day["zhanna"]


def boris_order(db, contact: int) -> int:
    with db.session() as session:
        return session.scalars(select(Order.id).where(Order.contact_id == contact)).one()


def test_the_first_window_reads_the_lists_in_a_thread_then_shows_them(qtbot, db, busy_day):
    """The window paints while the lists are read: each says so, the stock list stays
    hidden, nothing claims "Nothing here today." yet; then the same page as a direct read."""
    view = TodayView(db, FMT, today=TODAY, later=True)
    qtbot.addWidget(view)
    assert view.page is None
    assert view.summary.text() == "Loading today's lists…"
    reading = {key: (s.title.text(), s.empty.text()) for key, s in view.sections.items()}
    assert reading["follow_ups"] == ("Ask how it went", "Loading…")
    assert reading["tasks_overdue"] == ("Overdue tasks", "Loading…")
    assert view.sections["stock"].box.isHidden()
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        pass
    assert view.summary.text() == "8 thing(s) due today."  # as the busy day's direct read
    assert view.sections["follow_ups"].title.text() == "Ask how it went · 4"
    assert rows(view, "tasks_overdue", 2) == ["Позвонить Ольге"]


def test_a_late_answer_to_an_older_read_is_dropped(qtbot, db, busy_day):
    """A task done while the first read was under way: the direct read after it stands,
    the thread's older answer (with the task still due) does not overwrite it."""
    view = TodayView(db, FMT, today=TODAY, later=True)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        pass
    older = read_lists(db, TODAY)
    view.choose("tasks_overdue", 0)
    view.task_done("tasks_overdue")
    assert view.summary.text() == "7 thing(s) due today."
    view._read((1, older))  # the first read's answer, arriving only now
    assert view.summary.text() == "7 thing(s) due today."
    assert rows(view, "tasks_overdue") == []


def test_nobody_owing_says_so(qtbot, db):
    view = TodayView(db, FMT, today=TODAY)
    qtbot.addWidget(view)
    assert view.sections["debtors"].title.text() == "Payments overdue · 0"
    assert not view.sections["debtors"].empty.isHidden()
    assert view.forecast.text() == "Forecast: no open deals."


def test_the_forecast_line_of_the_five_deals(qtbot, db):
    five_deals(db, DAY)
    view = TodayView(db, FMT, today=DAY)
    qtbot.addWidget(view)
    # 17 500 + 80 000 + 275 000 (the two deals at the floor are not counted); C counts
    # Ромашка and the Администрация района that slid to C2
    assert view.forecast.text() == "Forecast: 372,500.00\u00a0₽ · A 1 · B 1 · C 2 · D 0 · E 1"


def test_marking_a_task_done_takes_it_off_today(qtbot, db, view):
    view.choose("tasks_overdue", 0)
    with qtbot.waitSignal(view.countChanged) as count:
        view.task_done("tasks_overdue")
    assert count.args == [7]
    assert rows(view, "tasks_overdue") == []
    assert not view.sections["tasks_overdue"].empty.isHidden()
    assert [t.title for t in list_tasks(db, done=True)] == ["Позвонить Ольге"]


def test_snooze_not_interested_and_follow_ups(qtbot, db, view, busy_day, monkeypatch):
    view.snooze_for("reorder", 3)
    assert rows(view, "reorder") == []
    monkeypatch.setattr(SnoozeUntil, "ask", classmethod(lambda *a: TODAY + dt.timedelta(9)))
    view.snooze_for("asleep", None)
    assert rows(view, "asleep") == []
    # the newest follow-up is Olga's order of 21 days ago: done, with her answer in her notes
    follow_ups = view.sections["follow_ups"].model
    last = follow_ups.rowCount() - 1
    assert follow_ups.item(last).order_id == busy_day["last"]
    view.choose("follow_ups", last)
    monkeypatch.setattr(FollowUpAnswer, "ask", classmethod(lambda *a: "Всё отлично"))
    view.follow_up_done("follow_ups")
    view.choose("follow_ups", 0)
    view.dismiss("follow_ups")
    assert view.sections["follow_ups"].title.text() == "Ask how it went · 2"
    notes = [e.text for e in contact_timeline(db, busy_day["olga"]) if e.kind == "note"]
    assert notes == ["Всё отлично"]


def test_mark_the_order_shipped(qtbot, db, view, busy_day):
    from services.orders import get_order

    view.mark_shipped("shipments")
    assert rows(view, "shipments") == []
    assert get_order(db, busy_day["today_order"], today=TODAY).status == "Shipped"


def test_call_opens_the_card_and_plans_the_call(qtbot, db, view, busy_day, monkeypatch):
    asked = []

    def ask(cls, database, formatter, parent=None, **prefill):
        asked.append(prefill)
        return create_task(
            database, TaskInput(prefill["title"], prefill["due"], None, prefill["contact_id"])
        )

    monkeypatch.setattr(TaskDialog, "ask", classmethod(ask))
    with qtbot.waitSignal(view.contactActivated) as opened:
        view.call("reorder")
    assert opened.args == [busy_day["olga"]]
    assert asked == [{"contact_id": busy_day["olga"], "title": "Call Ольга Никитина", "due": TODAY}]
    assert rows(view, "tasks_due", 2) == ["Отправить счёт", "Call Ольга Никитина"]


def test_a_task_from_the_card_goes_on_the_calendar_and_moves_by_drag(
    qtbot, db, busy_day, monkeypatch
):
    contacts = ContactsView(db, FMT, today=TODAY)
    qtbot.addWidget(contacts)
    contacts.select_contact(busy_day["zhanna"])
    assert contacts.lifecycle.text() == "Recently asleep · last purchase 50 day(s) ago"

    def ask(cls, database, formatter, parent=None, **prefill):
        dialog = TaskDialog(database, formatter, parent=parent, **prefill)
        qtbot.addWidget(dialog)
        dialog.title.setText("Предложить новинки")
        dialog.due.setDate(dt.date(2026, 6, 18))
        dialog.time.setText("9:30")
        dialog.save()
        return dialog.task

    monkeypatch.setattr(TaskDialog, "ask", classmethod(ask))
    assert contacts.new_task()
    [task] = [t for t in list_tasks(db) if t.title == "Предложить новинки"]
    assert (task.contact_id, task.due_date, task.due_time) == (
        busy_day["zhanna"],
        dt.date(2026, 6, 18),
        dt.time(9, 30),
    )

    calendar = CalendarView(db, FMT, today=TODAY)
    qtbot.addWidget(calendar)
    calendar.resize(1200, 900)
    calendar.show()
    june_18 = calendar.month_model.index_of(dt.date(2026, 6, 18))
    assert june_18.data() == "18\n1 task(s)"
    calendar.select_day(dt.date(2026, 6, 18))
    tasks = calendar.task_model
    assert [tasks.index(0, c).data() for c in range(3)] == [
        "09:30",
        "Предложить новинки",
        "Жанна, +7 916 000-00-07",
    ]
    mime = tasks.mimeData([tasks.index(0, 1)])
    assert task_from_mime(mime) == task.id
    with qtbot.waitSignal(calendar.dataChanged, timeout=1000):
        move, drop = drop_on(calendar, dt.date(2026, 6, 22), mime)
    assert move.isAccepted() and drop.isAccepted()
    assert get_task(db, task.id).due_date == dt.date(2026, 6, 22)
    assert calendar.month_model.index_of(dt.date(2026, 6, 18)).data() == "18"
    assert calendar.month_model.index_of(dt.date(2026, 6, 22)).data() == "22\n1 task(s)"
    # an overdue task is marked on its day: Olga's of 12 June
    june_12 = calendar.month_model.index_of(dt.date(2026, 6, 12))
    assert june_12.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "1 task(s)" in june_12.data()


def drop_on(view, day: dt.date, mime: QMimeData):
    grid = view.grid
    pos = grid.visualRect(view.month_model.index_of(day)).center()  # QPoint: any PySide6
    args = (pos, Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0))
    enter, move, drop = (kind(*args) for kind in (QDragEnterEvent, QDragMoveEvent, QDropEvent))
    for event in (enter, move, drop):
        QApplication.sendEvent(grid.viewport(), event)
    return move, drop


def test_a_task_falling_due_is_announced_once(qtbot, db):
    task = create_task(db, TaskInput("Созвон с поставщиком", TODAY, "14:00"))
    alarm = TaskAlarm(db, now=dt.datetime.combine(TODAY, dt.time(13, 59)))
    with qtbot.waitSignal(alarm.tasksDue) as due:
        alarm.check(dt.datetime.combine(TODAY, dt.time(14, 0, 20)))
    assert [t.id for t in due.args[0]] == [task.id]
    with qtbot.assertNotEmitted(alarm.tasksDue):
        alarm.check(dt.datetime.combine(TODAY, dt.time(14, 0, 50)))
    with qtbot.waitSignal(alarm.dayChanged):
        alarm.check(dt.datetime.combine(TODAY + dt.timedelta(1), dt.time(0, 0, 10)))


def test_the_window_announces_a_due_task_and_counts_what_is_due(
    qtbot, db, busy_day, tmp_path, monkeypatch
):
    shown = []
    monkeypatch.setattr(Notifier, "show", classmethod(lambda cls, w, t, x: shown.append((t, x))))
    window = MainWindow(db, FMT, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    assert window.sidebar.item(0).text().startswith("Today (")
    task = create_task(db, TaskInput("Забрать возврат", dt.date.today(), "10:00"))
    window.announce([task])
    assert shown == [("Lavka: a task is due", "Забрать возврат")]
