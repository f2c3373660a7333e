"""The calendar's tables: the month's days, and one day's shipments and tasks to drag."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QLocale,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

from services.calendar import DayShipment, DaySummary
from services.tables import Kind, Table, grid_table
from services.tasks import TaskView
from ui.formatting import Formatter, contact_label
from ui.widgets.rows import RowsModel
from ui.widgets.style import NEGATIVE, RIGHT

SHIPMENT_MIME = "application/x-lavka-shipment"
TASK_MIME = "application/x-lavka-task"
DATE_ROLE = Qt.ItemDataRole.UserRole + 1
WEEKS, DAYS = 6, 7
NAMES_SHOWN = 2  # first names written in a cell; the tooltip lists everyone
_TODAY_LIGHT, _TODAY_DARK = QColor("#fff3c4"), QColor("#5c4b12")  # today, on light or dark
_MUTED = QColor("#9e9e9e")  # another month's day; a day (or a shipment) that is past
_DISPLAY = Qt.ItemDataRole.DisplayRole
CONTACT, PRODUCT, QUANTITY, AMOUNT = range(4)
TIME, TITLE, CUSTOMER = range(3)


def grid_start(month: dt.date) -> dt.date:
    """The Monday on or before the first of the month: the grid's top-left day."""
    first = month.replace(day=1)
    return first - dt.timedelta(days=first.weekday())


def _mime(kind: str, ident: int) -> QMimeData:
    mime = QMimeData()
    mime.setData(kind, QByteArray(str(ident).encode("ascii")))
    return mime


def _from_mime(kind: str, mime: QMimeData | None) -> int | None:
    if mime is None or not mime.hasFormat(kind):
        return None
    text = bytes(mime.data(kind).data()).decode("ascii", "replace")
    return int(text) if text.isdigit() else None


def shipment_mime(shipment_id: int) -> QMimeData:
    return _mime(SHIPMENT_MIME, shipment_id)


def shipment_from_mime(mime: QMimeData | None) -> int | None:
    return _from_mime(SHIPMENT_MIME, mime)


def task_mime(task_id: int) -> QMimeData:
    return _mime(TASK_MIME, task_id)


def task_from_mime(mime: QMimeData | None) -> int | None:
    return _from_mime(TASK_MIME, mime)


class MonthModel(QAbstractTableModel):
    """Six weeks from Monday to Sunday; each day with its shipments (count, customers, amount;
    greyed once past) and its tasks (red while one is overdue)."""

    def __init__(self, formatter: Formatter, parent=None) -> None:
        super().__init__(parent)
        self._formatter = formatter
        self._month = dt.date.today().replace(day=1)
        self._today = dt.date.today()
        self._days: dict[dt.date, DaySummary] = {}
        self._tasks: dict[dt.date, list[TaskView]] = {}

    def set_month(
        self,
        month: dt.date,
        today: dt.date,
        days: dict[dt.date, DaySummary],
        tasks: Iterable[TaskView] = (),
    ) -> None:
        self.beginResetModel()
        self._month, self._today, self._days = month.replace(day=1), today, dict(days)
        self._tasks = {}
        for task in tasks:
            self._tasks.setdefault(task.due_date, []).append(task)
        self.endResetModel()

    def date_at(self, index: QModelIndex | QPersistentModelIndex) -> dt.date:
        return grid_start(self._month) + dt.timedelta(days=index.row() * DAYS + index.column())

    def index_of(self, day: dt.date) -> QModelIndex:
        offset = (day - grid_start(self._month)).days
        if not 0 <= offset < WEEKS * DAYS:
            return QModelIndex()
        return self.index(offset // DAYS, offset % DAYS)

    def summary(self, day: dt.date) -> DaySummary | None:
        return self._days.get(day)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else WEEKS

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else DAYS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal and 0 <= section < DAYS:
            # Monday first, as the brief's grid is drawn, whatever the locale's first day.
            short = QLocale.FormatType.ShortFormat
            return self._formatter.locale.dayName(section + 1, short)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled
        )

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY):
        if not index.isValid() or not self.checkIndex(index):
            return None
        day = self.date_at(index)
        summary = self._days.get(day)
        tasks = self._tasks.get(day, [])
        if role == _DISPLAY:
            return self._display(day, summary, tasks)
        if role == Qt.ItemDataRole.ToolTipRole and (summary is not None or tasks):
            lines = [*summary.customers, self._formatter.money(summary.amount)] if summary else []
            return "\n".join([*lines, *(task.title for task in tasks)])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        if role == Qt.ItemDataRole.ForegroundRole:
            if any(task.overdue(self._today) for task in tasks):
                return NEGATIVE
            if day.month != self._month.month or day < self._today:
                return _MUTED
        if role == Qt.ItemDataRole.BackgroundRole and day == self._today:
            base = QGuiApplication.palette().color(QPalette.ColorRole.Base)
            return _TODAY_LIGHT if base.lightness() >= 128 else _TODAY_DARK
        if role == Qt.ItemDataRole.FontRole and day == self._today:
            font = QFont()
            font.setBold(True)
            return font
        if role == DATE_ROLE:
            return day
        return None

    def _display(self, day: dt.date, summary: DaySummary | None, tasks: list[TaskView]) -> str:
        lines = [str(day.day)]
        if summary is not None:
            first_names = [name.split()[0] for name in summary.customers]
            names = ", ".join(first_names[:NAMES_SHOWN])
            if len(first_names) > NAMES_SHOWN:
                names += f" +{len(first_names) - NAMES_SHOWN}"
            lines += [
                self.tr("%n shipment(s)", "", summary.count),
                names,
                self._formatter.money(summary.amount),
            ]
        open_tasks = [task for task in tasks if not task.done]
        if open_tasks:
            lines.append(self.tr("%n task(s)", "", len(open_tasks)))
        return "\n".join(lines)


class DayShipmentsModel(RowsModel):
    """The lines of one day; a planned one can be dragged onto another day."""

    def __init__(self, formatter: Formatter, parent=None) -> None:
        headers = (self.tr("Contact"), self.tr("Product"), self.tr("Quantity"), self.tr("Amount"))
        super().__init__(formatter, headers, parent)

    def export_table(self, name: str) -> Table:
        rows = [
            (contact_label(r.contact_name, r.contact_phone), r.product, r.quantity, r.amount)
            for r in self._rows
        ]
        kinds = (Kind.TEXT, Kind.TEXT, Kind.INTEGER, Kind.MONEY)
        return grid_table(name, self._headers, kinds, lambda: rows, len(rows))

    def shipment(self, row: int) -> DayShipment:
        return self._rows[row]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY):
        if not index.isValid() or not self.checkIndex(index):
            return None
        line: DayShipment = self._rows[index.row()]
        column = index.column()
        if role == _DISPLAY:
            values = {
                CONTACT: contact_label(line.contact_name, line.contact_phone),
                PRODUCT: line.product,
                QUANTITY: self._formatter.integer(line.quantity),
                AMOUNT: self._formatter.money(line.amount),
            }
            return values.get(column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (QUANTITY, AMOUNT):
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and not line.planned:
            return _MUTED
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._rows[index.row()].planned:  # history stays where it happened
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def mimeTypes(self) -> list[str]:
        return [SHIPMENT_MIME]

    # Qt takes no data (nullptr) as "nothing to drag"; PySide6's stub leaves None out
    def mimeData(  # type: ignore[override]  # None: no drag, as Qt's nullptr
        self, indexes: Sequence[QModelIndex]
    ) -> QMimeData | None:
        rows = sorted({index.row() for index in indexes if index.isValid()})
        return shipment_mime(self._rows[rows[0]].shipment_id) if rows else None

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction


class DayTasksModel(RowsModel):
    """The tasks of one day: time, task, customer; an overdue one in red, a done one greyed.
    Any of them can be dragged onto another day."""

    def __init__(self, formatter: Formatter, parent=None) -> None:
        headers = (self.tr("Time"), self.tr("Task"), self.tr("Customer"))
        super().__init__(formatter, headers, parent)
        self.today = dt.date.today()

    def task(self, row: int) -> TaskView:
        return self._rows[row]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY):
        if not index.isValid() or not self.checkIndex(index):
            return None
        task: TaskView = self._rows[index.row()]
        if role == _DISPLAY:
            customer = (
                contact_label(task.contact_name, task.contact_phone) if task.contact_name else ""
            )
            return (
                task.due_time.strftime("%H:%M") if task.due_time else "",
                task.title,
                customer,
            )[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole:
            if task.done:
                return _MUTED
            if task.overdue(self.today):
                return NEGATIVE
        if role == Qt.ItemDataRole.FontRole and task.done:
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def mimeTypes(self) -> list[str]:
        return [TASK_MIME]

    # Qt takes no data (nullptr) as "nothing to drag"; PySide6's stub leaves None out
    def mimeData(  # type: ignore[override]  # None: no drag, as Qt's nullptr
        self, indexes: Sequence[QModelIndex]
    ) -> QMimeData | None:
        rows = sorted({index.row() for index in indexes if index.isValid()})
        return task_mime(self._rows[rows[0]].id) if rows else None

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction
