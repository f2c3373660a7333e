"""The Calendar section: a month of shipments and tasks; drag one to another day to move it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QByteArray,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFontMetrics,
    QPainter,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
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
    CUSTOMER,
    DATE_ROLE,
    DAYS,
    PRODUCT,
    QUANTITY,
    SHIPMENT_MIME,
    TASK_MIME,
    TIME,
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
from ui.today.task_dialog import TaskDialog
from ui.widgets.fields import error_label
from ui.widgets.tables import MONEY_SAMPLE, PHONE_SAMPLE, fit_columns, stretch_column

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

_CUSTOMER_SAMPLE = "Светлана Кузнецова, +7 999 999-99-99"  # a customer with a phone
_NAME_SAMPLE = PHONE_SAMPLE + "MM"  # a name over a phone, each as wide
CELL_LINES = 4  # what a day says under its number: shipments, customers, sum, tasks
_MARGIN = 4


class NameOverPhone(QStyledItemDelegate):
    """ "Name, +7 916 000-00-07" shown as the name with the phone under it: a narrow column,
    and the phone never broken across lines."""

    def displayText(self, value, locale) -> str:
        return str(value or "").replace(", ", "\u2028", 1)  # Qt's line separator


class DayCell(QStyledItemDelegate):
    """A day of the month: its number in the top right corner, beside the first of the lines
    under it, so four lines fit a day's height (a month fits a 1280×720 screen)."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        number, *lines = str(index.data() or "").split("\n")
        opt.text = ""  # the style draws the background, the selection and the focus
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        metrics = QFontMetrics(opt.font)
        box = opt.rect.adjusted(_MARGIN, 2, -_MARGIN, -2)
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(role))
        painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, number)
        beside = metrics.horizontalAdvance(number) + 2 * _MARGIN
        y = box.top()
        for i, line in enumerate(lines):
            width = box.width() - (beside if i == 0 else 0)
            text = metrics.elidedText(line, Qt.TextElideMode.ElideRight, max(width, 0))
            flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
            painter.drawText(QRect(box.left(), y, width, metrics.height()), flags, text)
            y += metrics.lineSpacing()
        painter.restore()


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
        self.setItemDelegate(DayCell(self))
        self.verticalHeader().setMinimumSectionSize(
            self.fontMetrics().lineSpacing() * CELL_LINES + 6
        )

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
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
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
        # figures and headers whole in any language; the product, the task take the rest
        fit_columns(
            self.day_table,
            {CONTACT: _CUSTOMER_SAMPLE, QUANTITY: "00 000", AMOUNT: MONEY_SAMPLE},
            stretch=PRODUCT,
        )
        self.tasks_title = QLabel()
        self.task_model = DayTasksModel(formatter, self)
        self.task_table = _day_table(self.task_model)
        fit_columns(self.task_table, {TIME: "00:00", CUSTOMER: _NAME_SAMPLE}, TITLE)
        # a task's title is free text: it wraps onto as many lines as it needs, never cut;
        # the customer's phone goes under the name
        self.task_table.setItemDelegateForColumn(CUSTOMER, NameOverPhone(self.task_table))
        self.task_table.setWordWrap(True)
        self.task_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
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
        self.day_splitter.setStretchFactor(0, 3)  # the shipments have the more columns
        self.day_splitter.setStretchFactor(1, 2)
        below = QWidget()
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addWidget(self.day_splitter, 1)
        below_layout.addWidget(hint)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        # the month never shorter than its six weeks at four lines a day: the day's lists
        # below take what is left (a few rows on a 1280×720 screen)
        grid_header = self.grid.horizontalHeader().sizeHint().height()
        weeks = WEEKS * self.grid.verticalHeader().minimumSectionSize()
        self.grid.setMinimumHeight(grid_header + weeks + 2 * self.grid.frameWidth())
        self.splitter.addWidget(self.grid)
        self.splitter.addWidget(below)
        self.splitter.setStretchFactor(0, 2)  # the month; on a 1280×720 screen the day's
        self.splitter.setStretchFactor(1, 1)  # lists below still show a few rows
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
        from ui.exchange.export import as_shown

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
        stretch_column(self.day_table, PRODUCT)
        stretch_column(self.task_table, TITLE)

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
