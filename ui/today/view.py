"""The Today page: tasks, shipments to send, products below their minimum stock, follow-ups,
payments overdue, customers due to reorder or asleep, and the forecast of the open deals in a
line.

Each list has a count and a few actions for its chosen row; a double-click opens the row's
order, contact or product. The lists are computed in one service call (services/today.py), the
debtors, the stock and the forecast in one each (services/payments.py, services/stock.py,
services/scoring.py), fast enough for the UI thread even on a big base; long lists show their
most pressing rows. The stock list is shown only when a product is below its minimum (a shop
that does not count its stock never sees it). In the first window the lists are read in a
thread (`later`): the window paints at once, and they fill in a moment after.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import cast

from PySide6.QtCore import QDate, QLocale, QModelIndex, QSettings, Signal
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from services import choices
from services.errors import LavkaError
from services.follow_ups import resolve_follow_up
from services.orders import change_status
from services.payments import Debtor, debtors
from services.reminders import not_interested, snooze
from services.scoring import Forecast, forecast
from services.stock import StockLevel, below_minimum
from services.storage import Database
from services.tasks import move_task, set_task_done
from services.today import SHOWN, TodayPage, today_page
from ui.formatting import Formatter
from ui.messages import error_text
from ui.operation import in_background
from ui.today.dialogs import FollowUpAnswer, SnoozeUntil
from ui.today.models import (
    BelowMinimumModel,
    CustomersModel,
    FollowUpsModel,
    PaymentsOverdueModel,
    ShipmentsModel,
    TasksModel,
    TodayModel,
)
from ui.today.task_dialog import TaskDialog
from ui.widgets.fields import error_label

VISIBLE_ROWS = 8  # a list taller than this scrolls inside the page
HIDDEN_WHEN_EMPTY = ("stock",)  # lists about something not every shop keeps


@dataclass(frozen=True)
class TodayLists:
    """What the page shows, read in one go: Today's own lists, who owes money past its due
    date (the most overdue first), the open deals' forecast, the products below minimum."""

    day: dt.date
    page: TodayPage
    owing: list[Debtor]
    deals: Forecast
    short: list[StockLevel]


def read_lists(database: Database, today: dt.date) -> TodayLists:
    """The page's lists for `today` (any thread: each service call has its own session)."""
    return TodayLists(
        today,
        today_page(database, today, SHOWN),
        [d for d in debtors(database, today) if d.overdue > 0],
        forecast(database, today, top=0),  # the sum and the classes only
        below_minimum(database, today),
    )


@dataclass
class Section:
    """One list of the page: its title, its table and what is said when it is empty."""

    key: str
    title: QLabel
    table: QTableView
    model: TodayModel
    empty: QLabel
    box: QWidget


class TodayView(QWidget):
    orderActivated = Signal(int)
    contactActivated = Signal(int)
    productActivated = Signal(int)  # a product below its minimum: open it in Products
    dataChanged = Signal()
    countChanged = Signal(int)  # things due: the sidebar's badge and the window title
    loaded = Signal()  # the lists were read and shown

    def __init__(
        self,
        database: Database,
        formatter: Formatter,
        parent=None,
        today: dt.date | None = None,
        later: bool = False,
    ) -> None:
        super().__init__(parent)
        self._database, self._formatter, self._today = database, formatter, today
        self.page: TodayPage | None = None
        self._reads = 0  # reads asked for so far: a late answer to an older one is dropped
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.summary = QLabel()
        self.forecast = QLabel()  # the forecast of the open deals and their classes
        self.error = error_label()
        body = QWidget()
        self.body_layout = QVBoxLayout(body)
        self.sections: dict[str, Section] = {}
        self._build_sections()
        self.body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        new_button = QPushButton(self.tr("New task…"))
        new_button.clicked.connect(lambda: self.new_task())
        top.addWidget(new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.forecast)
        layout.addWidget(self.error)
        layout.addWidget(scroll, 1)
        if later:
            self.refresh_later()
        else:
            self.refresh()

    # --- building -------------------------------------------------------------------------
    def _build_sections(self) -> None:
        fmt, today = self._formatter, self.today()
        specs: tuple[tuple[str, TodayModel, list], ...] = (
            ("tasks_overdue", TasksModel(fmt, today, self), self._task_buttons()),
            ("tasks_due", TasksModel(fmt, today, self), self._task_buttons()),
            (
                "shipments",
                ShipmentsModel(fmt, self),
                [(self.tr("Mark the order shipped"), self.mark_shipped)],
            ),
            ("stock", BelowMinimumModel(fmt, self), []),
            (
                "follow_ups",
                FollowUpsModel(fmt, self),
                [(self.tr("Done…"), self.follow_up_done), (self.tr("Dismiss"), self.dismiss)],
            ),
            ("debtors", PaymentsOverdueModel(fmt, self), [(self.tr("Call…"), self.call)]),
            (
                "reorder",
                CustomersModel(fmt, usual=True, parent=self),
                self._customer_buttons(),
            ),
            (
                "asleep",
                CustomersModel(fmt, usual=False, parent=self),
                self._customer_buttons(),
            ),
        )
        for key, model, buttons in specs:
            self.sections[key] = self._section(key, model, buttons)
            self.body_layout.addWidget(self.sections[key].box)

    def _customer_buttons(self) -> list:
        return [
            (self.tr("Call…"), self.call),
            (self.tr("Snooze"), None),  # a menu: 3 days, a week, until a day
            (self.tr("Not interested"), self.not_interested),
        ]

    def _task_buttons(self) -> list:
        return [
            (self.tr("Done"), self.task_done),
            (self.tr("Edit…"), self.edit_task),
            (self.tr("Tomorrow"), self.task_tomorrow),
        ]

    def _section(self, key: str, model: TodayModel, buttons: list) -> Section:
        box = QWidget()
        title = QLabel()
        bold = QFont(title.font())
        bold.setBold(True)
        title.setFont(bold)
        header = QHBoxLayout()
        header.setContentsMargins(0, 8, 0, 0)
        header.addWidget(title)
        header.addStretch(1)
        table = QTableView()
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header_view = table.horizontalHeader()
        header_view.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # fitted to the rows in sight, not to all of a long list's (Qt's default is 1 000
        # rows, measured cell by cell at every layout: half a second of the first window)
        header_view.setResizeContentsPrecision(VISIBLE_ROWS)
        # the widest text (the task, the customer) takes the room left; numbers keep theirs
        header_view.setSectionResizeMode(model.STRETCH, QHeaderView.ResizeMode.Stretch)
        table.doubleClicked.connect(lambda index, k=key: self._open(k, index))
        for text, act in buttons:
            button = QToolButton()
            button.setText(text)
            if act is None:
                button.setMenu(self._snooze_menu(key))
                button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            else:
                button.clicked.connect(lambda _=False, a=act, k=key: a(k))
            header.addWidget(button)
        empty = QLabel(self.tr("Nothing here today."))
        empty.setEnabled(False)  # a quiet line, drawn greyed
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(table)
        layout.addWidget(empty)
        return Section(key, title, table, model, empty, box)

    def _snooze_menu(self, key: str) -> QMenu:
        """Snooze the chosen customer of the list `key`: 3 days, a week, or until a day."""
        menu = QMenu(self)
        menu.addAction(self.tr("For 3 days"), lambda: self.snooze_for(key, 3))
        menu.addAction(self.tr("For a week"), lambda: self.snooze_for(key, 7))
        menu.addAction(self.tr("Until…"), lambda: self.snooze_for(key, None))
        return menu

    # --- the section interface --------------------------------------------------------------
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def section_actions(self) -> list[QAction]:
        return []  # the window's New task (Ctrl+T) is on every section's bar already

    def refresh(self) -> None:
        """Compute the page again (for today: the day may have turned since)."""
        self._reads += 1
        try:
            lists = read_lists(self._database, self.today())
        except LavkaError as error:
            self._say(error_text(error))
            return
        self._show(lists)

    def refresh_later(self) -> None:
        """Read the lists in a thread and show them once read; until then each list says it
        is being read (the first window paints without waiting for them)."""
        self._reads += 1
        read, database, today = self._reads, self._database, self.today()
        self.heading.setText(self._heading(today))
        self.summary.setText(self.tr("Loading today's lists…"))
        for key, section in self.sections.items():
            section.title.setText(self._name(key))
            section.table.hide()
            section.empty.setText(self.tr("Loading…"))
            section.empty.show()
            section.box.setVisible(key not in HIDDEN_WHEN_EMPTY)
        in_background(lambda: (read, read_lists(database, today)), self._read)

    def _read(self, result: object) -> None:
        if isinstance(result, LavkaError):
            self._say(error_text(result))
            return
        if isinstance(result, BaseException):
            raise result  # a bug: as a synchronous read would have raised it
        read, lists = cast(tuple[int, TodayLists], result)
        if read == self._reads:  # else a newer read is under way or done
            self._show(lists)

    def _show(self, lists: TodayLists) -> None:
        page, today = lists.page, lists.day
        self.page = page
        self.forecast.setText(self._forecast_text(lists.deals))
        self.heading.setText(self._heading(today))
        shown = {
            "tasks_overdue": (page.tasks_overdue, len(page.tasks_overdue)),
            "tasks_due": (page.tasks_due, len(page.tasks_due)),
            "shipments": (page.shipments, page.shipments_total),
            "stock": (lists.short[:SHOWN], len(lists.short)),
            "follow_ups": (page.follow_ups, page.follow_ups_total),
            "debtors": (lists.owing[:SHOWN], len(lists.owing)),
            "reorder": (page.reorder, page.reorder_total),
            "asleep": (page.asleep, page.asleep_total),
        }
        for key, (rows, total) in shown.items():
            section = self.sections[key]
            if isinstance(section.model, TasksModel):
                section.model.today = today
            section.model.set_rows(list(rows))
            section.title.setText(self._title(key, len(rows), total))
            section.empty.setText(self.tr("Nothing here today."))
            section.table.setVisible(bool(rows))
            section.empty.setVisible(not rows)
            section.box.setVisible(bool(rows) or key not in HIDDEN_WHEN_EMPTY)
            visible = min(len(rows), VISIBLE_ROWS)
            header = section.table.horizontalHeader().sizeHint().height()
            rows_height = section.table.verticalHeader().defaultSectionSize() * visible
            section.table.setFixedHeight(header + rows_height + 2 * section.table.frameWidth() + 2)
        self.summary.setText(
            self.tr("%n thing(s) due today.", "", page.due_count)
            if page.due_count
            else self.tr("Nothing is due today.")
        )
        self.countChanged.emit(page.due_count)
        self.loaded.emit()

    def save_state(self, settings: QSettings) -> None:
        """Nothing to remember: the lists fit their columns to what they show."""

    def restore_state(self, settings: QSettings) -> None:
        """See save_state."""

    # --- actions on the chosen row ----------------------------------------------------------
    def chosen(self, key: str):
        """The chosen row of a list (the first one when none is chosen), or None if empty."""
        section = self.sections[key]
        if not section.model.rowCount():
            return None
        index = section.table.currentIndex()
        return section.model.item(index.row() if index.isValid() else 0)

    def choose(self, key: str, row: int) -> None:
        section = self.sections[key]
        section.table.setCurrentIndex(section.model.index(row, 0))

    def new_task(self, **prefill) -> bool:
        prefill.setdefault("due", self.today())
        task = TaskDialog.ask(self._database, self._formatter, self, **prefill)
        if task is None:
            return False
        self._changed()
        return True

    def task_done(self, key: str) -> None:
        task = self.chosen(key)
        if task is not None:
            self._write(lambda: set_task_done(self._database, task.id))

    def edit_task(self, key: str) -> None:
        task = self.chosen(key)
        if task is not None and TaskDialog.ask(
            self._database, self._formatter, self, task_id=task.id
        ):
            self._changed()

    def task_tomorrow(self, key: str) -> None:
        task = self.chosen(key)
        if task is not None:
            tomorrow = self.today() + dt.timedelta(days=1)
            self._write(lambda: move_task(self._database, task.id, tomorrow))

    def mark_shipped(self, key: str) -> None:
        line = self.chosen(key)
        if line is None:
            return
        with self._database.session() as session:
            shipped = choices.status_by_code(session, "shipped").id
        self._write(lambda: change_status(self._database, line.order_id, shipped))

    def follow_up_done(self, key: str) -> None:
        item = self.chosen(key)
        if item is None:
            return
        answer = FollowUpAnswer.ask(item.name, self._formatter.integer(item.order_id), self)
        if answer is not None:
            self._write(
                lambda: resolve_follow_up(
                    self._database, item.order_id, "done", self.today(), answer or None
                )
            )

    def dismiss(self, key: str) -> None:
        item = self.chosen(key)
        if item is not None:
            self._write(
                lambda: resolve_follow_up(self._database, item.order_id, "dismissed", self.today())
            )

    def call(self, key: str) -> None:
        """Open the customer's card and plan the call as a task for today."""
        customer = self.chosen(key)
        if customer is None:
            return
        self.contactActivated.emit(customer.contact_id)
        title = self.tr("Call %1").replace("%1", customer.name)
        self.new_task(contact_id=customer.contact_id, title=title)

    def snooze_for(self, key: str, days: int | None) -> None:
        """Snooze the chosen customer for `days`, or (None) until a day the person picks."""
        customer = self.chosen(key)
        if customer is None:
            return
        if days is None:
            until = SnoozeUntil.ask(self._formatter, self.today(), customer.name, self)
            if until is None:
                return
        else:
            until = self.today() + dt.timedelta(days=days)
        self._write(lambda: snooze(self._database, customer.contact_id, until, self.today()))

    def not_interested(self, key: str) -> None:
        customer = self.chosen(key)
        if customer is not None:
            self._write(lambda: not_interested(self._database, customer.contact_id, self.today()))

    # --- internals ----------------------------------------------------------------------------
    def _write(self, work) -> None:
        self.error.hide()
        try:
            work()
        except LavkaError as error:
            self._say(error_text(error))
            return
        self._changed()

    def _changed(self) -> None:
        self.refresh()
        self.dataChanged.emit()

    def _open(self, key: str, index: QModelIndex) -> None:
        if not index.isValid():
            return
        target = self.sections[key].model.target(index.row())
        if target is None:
            self.edit_task(key)
        elif target[0] == "order":
            self.orderActivated.emit(target[1])
        elif target[0] == "product":
            self.productActivated.emit(target[1])
        else:
            self.contactActivated.emit(target[1])

    def _say(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _heading(self, day: dt.date) -> str:
        when = QDate(day.year, day.month, day.day)
        long = self._formatter.locale.toString(when, QLocale.FormatType.LongFormat)
        return self.tr("Today, %1").replace("%1", long)

    def _forecast_text(self, result: Forecast) -> str:
        """ "Forecast: 372 500,00 ₽ · A 1 · B 1 · C 2 · D 0 · E 1" (C counts those slid to C2)."""
        if not result.open_count:
            return self.tr("Forecast: no open deals.")
        fmt = self._formatter
        classes = " · ".join(f"{letter} {fmt.integer(n)}" for letter, n in result.classes.items())
        return (
            self.tr("Forecast: %1 · %2")
            .replace("%1", fmt.money(result.total))
            .replace("%2", classes)
        )

    def _title(self, key: str, shown: int, total: int) -> str:
        text = f"{self._name(key)} · {self._formatter.integer(total)}"
        if total > shown:
            text += " " + self.tr("(the first %1 shown)").replace(
                "%1", self._formatter.integer(shown)
            )
        return text

    def _name(self, key: str) -> str:
        return {
            "tasks_overdue": self.tr("Overdue tasks"),
            "tasks_due": self.tr("Tasks for today"),
            "shipments": self.tr("To ship: today's and overdue"),
            "stock": self.tr("Below minimum stock"),
            "follow_ups": self.tr("Ask how it went"),
            "debtors": self.tr("Payments overdue"),
            "reorder": self.tr("Due to reorder"),
            "asleep": self.tr("Fell asleep recently"),
        }[key]


__all__ = ["SHOWN", "Section", "TodayView"]
