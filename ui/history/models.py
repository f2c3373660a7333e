"""The History grids: the entries of the change log, fetched page by page newest first, and the
Trash (deleted orders and contacts that can still be restored)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from services import history
from services.history import HistoryEntry, HistoryFilter
from services.messages import Translate
from services.storage import Database
from services.tables import Kind, Table, grid_table
from ui.formatting import Formatter
from ui.messages import window_translate
from ui.widgets.fields import qt_datetime
from ui.widgets.rows import RowsModel
from ui.widgets.style import RIGHT

PAGE_SIZE = history.PAGE  # rows per fetchMore; read at call time so tests can make it small
WHEN, ACTION, ROWS, STATE = range(4)
SAMPLES: dict[int, str | int] = {WHEN: "00.00.0000 00:00", ACTION: 420, ROWS: "000 000",
                                 STATE: "Compacted"}  # fmt: skip
_KINDS = (Kind.DATETIME, Kind.TEXT, Kind.INTEGER, Kind.TEXT)
# the Trash
T_WHAT, T_WHEN, T_DAYS = range(3)
TRASH_SAMPLES: dict[int, str | int] = {T_WHAT: 360, T_WHEN: "00.00.0000 00:00", T_DAYS: "00"}
_TRASH_KINDS = (Kind.TEXT, Kind.DATETIME, Kind.INTEGER)
_DISPLAY = Qt.ItemDataRole.DisplayRole


def when_text(locale: QLocale, at: dt.datetime) -> str:
    """An entry's time as the locale writes a date and a time, to the minute."""
    minute = qt_datetime(at.replace(second=0, microsecond=0))
    return locale.toString(minute, QLocale.FormatType.ShortFormat)


class HistoryModel(QAbstractTableModel):
    """The entries under a filter, newest first; more are fetched as the grid scrolls."""

    def __init__(
        self,
        database: Database,
        formatter: Formatter,
        parent=None,
        translate: Translate = window_translate,
    ) -> None:
        super().__init__(parent)
        self._database, self._formatter, self._translate = database, formatter, translate
        self._filter: HistoryFilter | None = None  # None: nothing to show yet
        self._rows: list[HistoryEntry] = []
        self._total = 0
        self._headers = (self.tr("When"), self.tr("Action"), self.tr("Records"), self.tr("State"))

    # --- reading
    @property
    def total(self) -> int:
        """How many entries match the filter (not only the ones fetched)."""
        return self._total

    def history_filter(self) -> HistoryFilter | None:
        return self._filter

    def set_filter(self, selection: HistoryFilter | None) -> None:
        self._filter = selection
        self.reload()

    def reload(self) -> None:
        """Read the first page again (or as many rows as were fetched)."""
        self.beginResetModel()
        if self._filter is None:
            self._rows, self._total = [], 0
        else:
            wanted = max(len(self._rows), PAGE_SIZE)
            self._rows = history.history_page(self._database, self._filter, 0, wanted)
            self._total = history.history_count(self._database, self._filter)
        self.endResetModel()

    def entry(self, row: int) -> HistoryEntry:
        return self._rows[row]

    def row_of(self, entry_id: int) -> int | None:
        return next((n for n, entry in enumerate(self._rows) if entry.id == entry_id), None)

    def name(self, entry: HistoryEntry) -> str:
        return entry.name(self._translate)

    def state(self, entry: HistoryEntry) -> str:
        if entry.reverted_by is not None:
            return self.tr("Undone")
        if entry.compacted:
            return self.tr("Compacted")
        return ""

    def export_table(self) -> Table:
        """Every entry under the filter, not only those fetched."""
        database, selection = self._database, self._filter or HistoryFilter()

        def rows():
            offset = 0
            while True:
                page = history.history_page(database, selection, offset)
                for entry in page:
                    yield (entry.at, self.name(entry), entry.rows, self.state(entry))
                if len(page) < history.PAGE:
                    return
                offset += len(page)

        return grid_table(self.tr("History"), self._headers, _KINDS, rows, self._total)

    # --- Qt model interface
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and self._filter is not None and len(self._rows) < self._total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        assert self._filter is not None
        rows = history.history_page(self._database, self._filter, len(self._rows), PAGE_SIZE)
        if not rows:  # entries went meanwhile (compacted away): nothing more to fetch
            self._total = len(self._rows)
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            if role == _DISPLAY:
                return self._headers[section]
            if role == Qt.ItemDataRole.TextAlignmentRole and section == ROWS:
                return int(RIGHT)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY):
        if not (0 <= index.row() < len(self._rows) and 0 <= index.column() < len(self._headers)):
            return None
        entry, column = self._rows[index.row()], index.column()
        if role == _DISPLAY:
            if column == WHEN:
                return when_text(self._formatter.locale, entry.at)
            if column == ACTION:
                return self.name(entry)
            if column == ROWS:
                return self._formatter.integer(entry.rows)
            return self.state(entry)
        if role == Qt.ItemDataRole.ToolTipRole and column == ACTION:
            return self.name(entry)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == ROWS:
            return int(RIGHT)
        if role == Qt.ItemDataRole.ForegroundRole and entry.reverted_by is not None:
            return self._undone_colour()
        return None

    @staticmethod
    def _undone_colour():
        return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)


class TrashModel(RowsModel):
    """What was deleted, when, and how many of the Trash's days it has left."""

    NUMBERS = (T_DAYS,)

    def __init__(
        self,
        formatter: Formatter,
        parent=None,
        translate: Translate = window_translate,
    ) -> None:
        super().__init__(formatter, (), parent)
        self._translate = translate
        self._now = dt.datetime.now()
        self._headers = (self.tr("What"), self.tr("Deleted"), self.tr("Days left"))

    def set_entries(self, entries: list[HistoryEntry], now: dt.datetime | None = None) -> None:
        self._now = now or dt.datetime.now()
        self.set_rows(entries)

    def entry(self, row: int) -> HistoryEntry:
        return self._rows[row]

    def row_of(self, entry_id: int) -> int | None:
        return next((n for n, entry in enumerate(self._rows) if entry.id == entry_id), None)

    def days_left(self, entry: HistoryEntry) -> int:
        return max(0, history.TRASH_DAYS - (self._now - entry.at).days)

    def cells(self, item: HistoryEntry) -> tuple[str, ...]:
        return (
            item.name(self._translate),
            when_text(self._formatter.locale, item.at),
            self._formatter.integer(self.days_left(item)),
        )

    def export_table(self) -> Table:
        rows = [(e.name(self._translate), e.at, self.days_left(e)) for e in self._rows]
        return grid_table(self.tr("Trash"), self._headers, _TRASH_KINDS, lambda: rows)
