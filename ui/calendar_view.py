"""The Calendar section: a month of planned shipments; drag a shipment to another day to move it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QLocale,
    QMimeData,
    QModelIndex,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from services.calendar import DaySummary, PlannedShipment, planned_shipments, summarize
from services.errors import LavkaError
from services.orders import reschedule_shipment
from services.report import month_start
from services.storage import Database
from services.tables import Kind, Table, grid_table
from ui.formatting import Formatter
from ui.orders_models import contact_label
from ui.widgets import RIGHT, RowsModel, error_label

SHIPMENT_MIME = "application/x-lavka-shipment"
DATE_ROLE = Qt.ItemDataRole.UserRole + 1
WEEKS, DAYS = 6, 7
NAMES_SHOWN = 2  # first names written in a cell; the tooltip lists everyone
_TODAY_BACKGROUND = QColor("#fff3c4")
_OTHER_MONTH = QColor("#9e9e9e")
_DISPLAY = Qt.ItemDataRole.DisplayRole
CONTACT, PRODUCT, QUANTITY, AMOUNT = range(4)


def grid_start(month: dt.date) -> dt.date:
    """The Monday on or before the first of the month: the grid's top-left day."""
    first = month.replace(day=1)
    return first - dt.timedelta(days=first.weekday())


def shipment_mime(shipment_id: int) -> QMimeData:
    mime = QMimeData()
    mime.setData(SHIPMENT_MIME, QByteArray(str(shipment_id).encode("ascii")))
    return mime


def shipment_from_mime(mime: QMimeData | None) -> int | None:
    if mime is None or not mime.hasFormat(SHIPMENT_MIME):
        return None
    text = bytes(mime.data(SHIPMENT_MIME).data()).decode("ascii", "replace")
    return int(text) if text.isdigit() else None


class MonthModel(QAbstractTableModel):
    """Six weeks from Monday to Sunday; each day with its planned count, customers and amount."""

    def __init__(self, formatter: Formatter, parent=None) -> None:
        super().__init__(parent)
        self._formatter = formatter
        self._month = dt.date.today().replace(day=1)
        self._today = dt.date.today()
        self._days: dict[dt.date, DaySummary] = {}

    def set_month(self, month: dt.date, today: dt.date, days: dict[dt.date, DaySummary]) -> None:
        self.beginResetModel()
        self._month, self._today, self._days = month.replace(day=1), today, dict(days)
        self.endResetModel()

    def date_at(self, index: QModelIndex) -> dt.date:
        return grid_start(self._month) + dt.timedelta(days=index.row() * DAYS + index.column())

    def index_of(self, day: dt.date) -> QModelIndex:
        offset = (day - grid_start(self._month)).days
        if not 0 <= offset < WEEKS * DAYS:
            return QModelIndex()
        return self.index(offset // DAYS, offset % DAYS)

    def summary(self, day: dt.date) -> DaySummary | None:
        return self._days.get(day)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else WEEKS

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else DAYS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal and 0 <= section < DAYS:
            # Monday first, as the brief's grid is drawn, whatever the locale's first day.
            short = QLocale.FormatType.ShortFormat
            return self._formatter.locale.dayName(section + 1, short)
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled
        )

    def data(self, index: QModelIndex, role: int = _DISPLAY):
        if not index.isValid() or not self.checkIndex(index):
            return None
        day = self.date_at(index)
        summary = self._days.get(day)
        if role == _DISPLAY:
            return self._display(day, summary)
        if role == Qt.ItemDataRole.ToolTipRole and summary is not None:
            return "\n".join((*summary.customers, self._formatter.money(summary.amount)))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        if role == Qt.ItemDataRole.ForegroundRole and day.month != self._month.month:
            return _OTHER_MONTH
        if role == Qt.ItemDataRole.BackgroundRole and day == self._today:
            return _TODAY_BACKGROUND
        if role == Qt.ItemDataRole.FontRole and day == self._today:
            font = QFont()
            font.setBold(True)
            return font
        if role == DATE_ROLE:
            return day
        return None

    def _display(self, day: dt.date, summary: DaySummary | None) -> str:
        if summary is None:
            return str(day.day)
        first_names = [name.split()[0] for name in summary.customers]
        names = ", ".join(first_names[:NAMES_SHOWN])
        if len(first_names) > NAMES_SHOWN:
            names += f" +{len(first_names) - NAMES_SHOWN}"
        return "\n".join(
            (
                str(day.day),
                self.tr("%n shipment(s)", "", summary.count),
                names,
                self._formatter.money(summary.amount),
            )
        )


class DayShipmentsModel(RowsModel):
    """The planned lines of one day; each row can be dragged onto another day."""

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

    def shipment(self, row: int) -> PlannedShipment:
        return self._rows[row]

    def data(self, index: QModelIndex, role: int = _DISPLAY):
        if not index.isValid() or not self.checkIndex(index):
            return None
        line: PlannedShipment = self._rows[index.row()]
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
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def mimeTypes(self) -> list[str]:
        return [SHIPMENT_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData | None:
        rows = sorted({index.row() for index in indexes if index.isValid()})
        return shipment_mime(self._rows[rows[0]].shipment_id) if rows else None

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction


class MonthGrid(QTableView):
    """The month's table; a shipment dropped on a day is handed over as (shipment id, date)."""

    shipmentDropped = Signal(int, object)

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
        self.verticalHeader().setMinimumSectionSize(self.fontMetrics().height() * 4 + 8)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if shipment_from_mime(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        on_day = self.indexAt(event.position().toPoint()).isValid()
        if on_day and shipment_from_mime(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        shipment_id = shipment_from_mime(event.mimeData())
        index = self.indexAt(event.position().toPoint())
        if shipment_id is None or not index.isValid():
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        self.shipmentDropped.emit(shipment_id, index.data(DATE_ROLE))


class CalendarView(QWidget):
    """A month grid of planned shipments above the list of the chosen day's shipments."""

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
        self._shipments: list[PlannedShipment] = []

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
        self.day_table = QTableView()
        self.day_table.setModel(self.day_model)
        self.day_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.day_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.day_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.day_table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.day_table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.day_table.verticalHeader().hide()
        money = self.day_table.fontMetrics().horizontalAdvance("00 000 000,00 ₽") + 16
        for column, width in ((CONTACT, 300), (PRODUCT, 240), (QUANTITY, 90), (AMOUNT, money)):
            self.day_table.setColumnWidth(column, width)
        self.error = error_label()
        hint = QLabel(self.tr("Drag a shipment onto another day to reschedule it."))
        hint.setEnabled(False)  # a quiet hint, drawn greyed
        below = QWidget()
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addWidget(self.day_title)
        below_layout.addWidget(self.day_table, 1)
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
        self.day_table.doubleClicked.connect(self._shipment_activated)
        self.refresh()

    def _button(self, action: QAction) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        return button

    # --- the section interface
    def section_actions(self) -> list[QAction]:
        return [self.previous_action, self.today_action, self.next_action]

    def export_table(self) -> Table:
        """The chosen day's planned lines, as listed under the month."""
        day = self._formatter.date(self._day) if self._day else ""
        from ui.export import as_shown

        table = self.day_model.export_table(self.tr("Planned shipments %1").replace("%1", day))
        return as_shown(table, self.day_table.horizontalHeader())

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def month(self) -> dt.date:
        return self._month

    def selected_day(self) -> dt.date | None:
        return self._day

    def refresh(self) -> None:
        """Reload the visible six weeks of planned shipments; the chosen day stays chosen."""
        start = grid_start(self._month)
        end = start + dt.timedelta(days=WEEKS * DAYS - 1)
        self._shipments = planned_shipments(self._database, start, end, today=self.today())
        self.month_model.set_month(self._month, self.today(), summarize(self._shipments))
        name = self._formatter.locale.standaloneMonthName(self._month.month)
        self.title.setText(f"{name[:1].upper()}{name[1:]} {self._month.year}")
        self.select_day(self._day)

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("calendar/splitter", self.splitter.saveState())
        settings.setValue("calendar/day_header", self.day_table.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        splitter = settings.value("calendar/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        header = settings.value("calendar/day_header")
        if isinstance(header, QByteArray) and not header.isEmpty():
            self.day_table.horizontalHeader().restoreState(header)

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
        self.day_model.set_rows(lines)
        if day is None:
            self.day_title.setText(self.tr("Choose a day to see its shipments."))
        elif lines:
            self.day_title.setText(
                self.tr("Planned shipments on %1:").replace("%1", self._formatter.date(day))
            )
        else:
            self.day_title.setText(
                self.tr("No planned shipments on %1.").replace("%1", self._formatter.date(day))
            )

    # --- rescheduling and opening
    def move_shipment(self, shipment_id: int, new_date: dt.date) -> bool:
        """Reschedule one line (one transaction), then show the day it moved to."""
        self.error.hide()
        if any(s.shipment_id == shipment_id and s.date == new_date for s in self._shipments):
            return False  # dropped back on its own day: nothing to write
        try:
            reschedule_shipment(self._database, shipment_id, new_date)
        except LavkaError as error:
            self.error.setText(str(error))
            self.error.show()
            return False
        self._day = new_date
        self.refresh()
        self.dataChanged.emit()
        return True

    def _shipment_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.orderActivated.emit(self.day_model.shipment(index.row()).order_id)
