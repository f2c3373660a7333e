"""The Calendar section: a month of shipments and tasks; drag one to another day to move it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QByteArray, QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from services.calendar import DayShipment, day_shipments, summarize
from services.errors import LavkaError
from services.orders import reschedule_shipment
from services.report import month_start
from services.storage import Database
from services.tables import Table
from services.tasks import TaskView, list_tasks, move_task, set_task_done
from ui.calendar.models import (
    AMOUNT,
    CONTACT,
    DATE_ROLE,
    DAYS,
    PRODUCT,
    QUANTITY,
    SHIPMENT_MIME,
    TASK_MIME,
    TITLE,
    WEEKS,
    DayShipmentsModel,
    DayTasksModel,
    MonthModel,
    grid_start,
    shipment_from_mime,
    task_from_mime,
)
from ui.formatting import Formatter
from ui.messages import error_text
from ui.task_dialog import TaskDialog
from ui.widgets import error_label

# the names tests and callers have always taken from here
__all__ = [
    "AMOUNT",
    "CONTACT",
    "PRODUCT",
    "QUANTITY",
    "SHIPMENT_MIME",
    "TASK_MIME",
    "CalendarView",
    "MonthGrid",
    "grid_start",
    "shipment_from_mime",
    "task_from_mime",
]


class MonthGrid(QTableView):
    """The month's table; a shipment or a task dropped on a day is handed over with it."""

    shipmentDropped = Signal(int, object)
    taskDropped = Signal(int, object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setDropIndicatorShown(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.setCornerButtonEnabled(False)
        self.verticalHeader().hide()
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setMinimumSectionSize(self.fontMetrics().height() * 5 + 8)

    @staticmethod
    def _carried(event) -> tuple[str, int] | None:
        mime = event.mimeData()
        for kind, read in (("shipment", shipment_from_mime), ("task", task_from_mime)):
            ident = read(mime)
            if ident is not None:
                return kind, ident
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._carried(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        on_day = self.indexAt(event.position().toPoint()).isValid()
        if on_day and self._carried(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        carried = self._carried(event)
        index = self.indexAt(event.position().toPoint())
        if carried is None or not index.isValid():
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        kind, ident = carried
        signal = self.shipmentDropped if kind == "shipment" else self.taskDropped
        signal.emit(ident, index.data(DATE_ROLE))


def _day_table(model) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
    table.setDefaultDropAction(Qt.DropAction.MoveAction)
    table.verticalHeader().hide()
    return table


class CalendarView(QWidget):
    """A month grid over the chosen day's shipments and tasks."""

    orderActivated = Signal(int)
    dataChanged = Signal()

    def __init__(
        self,
        database: Database,
        formatter: Formatter,
        parent=None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self._database, self._formatter, self._today = database, formatter, today
        self._month = month_start(self.today())
        self._day: dt.date | None = self.today()
        self._shipments: list[DayShipment] = []
        self._tasks: list[TaskView] = []

        self.previous_action = QAction(self.tr("Previous month"), self)
        self.today_action = QAction(self.tr("Today"), self)
        self.next_action = QAction(self.tr("Next month"), self)
        bar = QHBoxLayout()
        self.previous_button, self.today_button, self.next_button = (
            self._button(action)
            for action in (self.previous_action, self.today_action, self.next_action)
        )
        self.title = QLabel()
        title_font = self.title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.3)
        title_font.setBold(True)
        self.title.setFont(title_font)
        for button in (self.previous_button, self.today_button, self.next_button):
            bar.addWidget(button)
        bar.addSpacing(12)
        bar.addWidget(self.title)
        bar.addStretch(1)

        self.month_model = MonthModel(formatter, self)
        self.grid = MonthGrid()
        self.grid.setModel(self.month_model)
        self.day_title = QLabel()
        self.day_model = DayShipmentsModel(formatter, self)
        self.day_table = _day_table(self.day_model)
        money = self.day_table.fontMetrics().horizontalAdvance("00 000 000,00 ₽") + 16
        for column, width in ((CONTACT, 280), (PRODUCT, 200), (QUANTITY, 80), (AMOUNT, money)):
            self.day_table.setColumnWidth(column, width)
        self.tasks_title = QLabel()
        self.task_model = DayTasksModel(formatter, self)
        self.task_table = _day_table(self.task_model)
        self.task_table.horizontalHeader().setStretchLastSection(True)
        self.task_table.setColumnWidth(TITLE, 240)
        self.new_task_button = QPushButton(self.tr("New task…"))
        self.done_button = QPushButton(self.tr("Done"))
        self.error = error_label()
        hint = QLabel(self.tr("Drag a planned shipment or a task onto another day to move it."))
        hint.setEnabled(False)  # a quiet hint, drawn greyed

        shipments = QWidget()
        shipments_layout = QVBoxLayout(shipments)
        shipments_layout.setContentsMargins(0, 0, 0, 0)
        shipments_layout.addWidget(self.day_title)
        shipments_layout.addWidget(self.day_table, 1)
        tasks = QWidget()
        tasks_layout = QVBoxLayout(tasks)
        tasks_layout.setContentsMargins(0, 0, 0, 0)
        tasks_bar = QHBoxLayout()
        tasks_bar.addWidget(self.tasks_title, 1)
        tasks_bar.addWidget(self.new_task_button)
        tasks_bar.addWidget(self.done_button)
        tasks_layout.addLayout(tasks_bar)
        tasks_layout.addWidget(self.task_table, 1)
        self.day_splitter = QSplitter()
        self.day_splitter.addWidget(shipments)
        self.day_splitter.addWidget(tasks)
        below = QWidget()
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addWidget(self.day_splitter, 1)
        below_layout.addWidget(hint)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.grid)
        self.splitter.addWidget(below)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.error)
        layout.addWidget(self.splitter, 1)

        self.previous_action.triggered.connect(self.previous_month)
        self.next_action.triggered.connect(self.next_month)
        self.today_action.triggered.connect(self.go_today)
        self.grid.selectionModel().currentChanged.connect(self._day_chosen)
        self.grid.shipmentDropped.connect(self.move_shipment)
        self.grid.taskDropped.connect(self.move_task)
        self.day_table.doubleClicked.connect(self._shipment_activated)
        self.task_table.doubleClicked.connect(self._task_activated)
        self.new_task_button.clicked.connect(self.new_task)
        self.done_button.clicked.connect(self.task_done)
        self.refresh()

    def _button(self, action: QAction) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        return button

    # --- the section interface
    def section_actions(self) -> list[QAction]:
        return [self.previous_action, self.today_action, self.next_action]

    def export_table(self) -> Table:
        """The chosen day's shipments, as listed under the month."""
        day = self._formatter.date(self._day) if self._day else ""
        from ui.export import as_shown

        table = self.day_model.export_table(self.tr("Shipments %1").replace("%1", day))
        return as_shown(table, self.day_table.horizontalHeader())

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def month(self) -> dt.date:
        return self._month

    def selected_day(self) -> dt.date | None:
        return self._day

    def refresh(self) -> None:
        """Reload the visible six weeks of shipments and tasks; the chosen day stays chosen."""
        start = grid_start(self._month)
        end = start + dt.timedelta(days=WEEKS * DAYS - 1)
        self._shipments = day_shipments(self._database, start, end, today=self.today())
        self._tasks = list_tasks(self._database, start, end, done=None)
        self.task_model.today = self.today()
        summaries = summarize(self._shipments)
        self.month_model.set_month(self._month, self.today(), summaries, self._tasks)
        name = self._formatter.locale.standaloneMonthName(self._month.month)
        self.title.setText(f"{name[:1].upper()}{name[1:]} {self._month.year}")
        self.select_day(self._day)

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("calendar/splitter", self.splitter.saveState())
        settings.setValue("calendar/day_splitter", self.day_splitter.saveState())
        settings.setValue("calendar/day_header", self.day_table.horizontalHeader().saveState())
        settings.setValue("calendar/task_header", self.task_table.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        for key, restore in (
            ("calendar/splitter", self.splitter.restoreState),
            ("calendar/day_splitter", self.day_splitter.restoreState),
            ("calendar/day_header", self.day_table.horizontalHeader().restoreState),
            ("calendar/task_header", self.task_table.horizontalHeader().restoreState),
        ):
            state = settings.value(key)
            if isinstance(state, QByteArray) and not state.isEmpty():
                restore(state)

    # --- moving through months and days
    def show_month(self, month: dt.date, day: dt.date | None = None) -> None:
        self._month = month_start(month)
        self._day = day or self._month
        self.refresh()

    def previous_month(self) -> None:
        self.show_month(month_start(self._month, 1))

    def next_month(self) -> None:
        self.show_month(month_start(self._month, -1))

    def go_today(self) -> None:
        self.show_month(self.today(), self.today())

    def select_day(self, day: dt.date | None) -> None:
        """Mark the day in the grid (when it is on this page) and list its shipments."""
        index = self.month_model.index_of(day) if day is not None else QModelIndex()
        if index.isValid():
            self.grid.setCurrentIndex(index)  # lists the day through _day_chosen
        else:
            self.grid.selectionModel().clear()
            self._show_day(None)

    def _day_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_day(self.month_model.date_at(current) if current.isValid() else None)

    def _show_day(self, day: dt.date | None) -> None:
        self._day = day
        lines = [line for line in self._shipments if line.date == day]
        tasks = [task for task in self._tasks if task.due_date == day]
        self.day_model.set_rows(lines)
        self.task_model.set_rows(tasks)
        self.new_task_button.setEnabled(day is not None)
        self.done_button.setEnabled(any(not task.done for task in tasks))
        when = self._formatter.date(day) if day else ""
        if day is None:
            self.day_title.setText(self.tr("Choose a day to see its shipments."))
            self.tasks_title.clear()
            return
        if not lines:
            self.day_title.setText(self.tr("No shipments on %1.").replace("%1", when))
        elif day > self.today():
            self.day_title.setText(self.tr("Planned shipments on %1:").replace("%1", when))
        else:
            self.day_title.setText(self.tr("Shipped on %1:").replace("%1", when))
        self.tasks_title.setText(
            self.tr("Tasks on %1:").replace("%1", when)
            if tasks
            else self.tr("No tasks on %1.").replace("%1", when)
        )

    # --- moving, opening, adding
    def move_shipment(self, shipment_id: int, new_date: dt.date) -> bool:
        """Reschedule one line (one transaction), then show the day it moved to."""
        if any(s.shipment_id == shipment_id and s.date == new_date for s in self._shipments):
            return False  # dropped back on its own day: nothing to write
        return self._moved(
            lambda: reschedule_shipment(self._database, shipment_id, new_date), new_date
        )

    def move_task(self, task_id: int, new_date: dt.date) -> bool:
        """Another due day for the task (one transaction), then show that day."""
        if any(t.id == task_id and t.due_date == new_date for t in self._tasks):
            return False
        return self._moved(lambda: move_task(self._database, task_id, new_date), new_date)

    def new_task(self) -> bool:
        """A task due on the chosen day."""
        if self._day is None:
            return False
        task = TaskDialog.ask(self._database, self._formatter, self, due=self._day)
        if task is None:
            return False
        self._after_write(task.due_date)
        return True

    def task_done(self) -> bool:
        """Mark the chosen task of the day done (the first open one when none is chosen)."""
        model, index = self.task_model, self.task_table.currentIndex()
        row = index.row() if index.isValid() else 0
        open_rows = [r for r in range(model.rowCount()) if not model.task(r).done]
        if not open_rows:
            return False
        task = model.task(row if row in open_rows else open_rows[0])
        return self._moved(lambda: set_task_done(self._database, task.id), task.due_date)

    def _moved(self, write, day: dt.date) -> bool:
        self.error.hide()
        try:
            write()
        except LavkaError as error:
            self.error.setText(error_text(error))
            self.error.show()
            return False
        self._after_write(day)
        return True

    def _after_write(self, day: dt.date) -> None:
        self._day = day
        self.refresh()
        self.dataChanged.emit()

    def _shipment_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.orderActivated.emit(self.day_model.shipment(index.row()).order_id)

    def _task_activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        task = self.task_model.task(index.row())
        if TaskDialog.ask(self._database, self._formatter, self, task_id=task.id) is not None:
            self._after_write(self._day or task.due_date)
