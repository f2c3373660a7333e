"""The History section: every change over a period, of a kind, found by its name; what each
changed; undo of any of them; and the Trash of deleted orders and contacts."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from services import history, undoing
from services.errors import LavkaError
from services.history import HistoryEntry, HistoryFilter
from services.report import LAST_30_DAYS
from services.storage import Database
from services.tables import Table
from ui.formatting import Formatter
from ui.history.grid import HistoryList
from ui.history.models import T_WHAT, TRASH_SAMPLES, TrashModel
from ui.history.refusal import UndoRefusal
from ui.messages import QT_TRANSLATE_NOOP, window_translate
from ui.widgets.fields import python_date
from ui.widgets.periods import CUSTOM, period_range
from ui.widgets.tables import fit_columns, read_only_rows

CHANGES_TAB, TRASH_TAB = 0, 1
PERIODS = (
    ("all", QT_TRANSLATE_NOOP("HistoryView", "All time")),
    ("this_month", QT_TRANSLATE_NOOP("HistoryView", "This month")),
    (LAST_30_DAYS, QT_TRANSLATE_NOOP("HistoryView", "Last 30 days")),
    ("this_year", QT_TRANSLATE_NOOP("HistoryView", "This year")),
    (CUSTOM, QT_TRANSLATE_NOOP("HistoryView", "Custom…")),
)
# The kinds of change the filter offers: the families (code prefixes) each one takes.
KINDS: tuple[tuple[str, frozenset[str] | None, str], ...] = (
    ("all", None, QT_TRANSLATE_NOOP("HistoryView", "All kinds")),
    ("orders", frozenset({"order", "document"}), QT_TRANSLATE_NOOP("HistoryView", "Orders")),
    ("contacts", frozenset({"contact", "tag"}), QT_TRANSLATE_NOOP("HistoryView", "Contacts")),
    ("payments", frozenset({"payment"}), QT_TRANSLATE_NOOP("HistoryView", "Payments")),
    (
        "products",
        frozenset({"product", "stock"}),
        QT_TRANSLATE_NOOP("HistoryView", "Products and stock"),
    ),
    (
        "purchases",
        frozenset({"purchase", "expense"}),
        QT_TRANSLATE_NOOP("HistoryView", "Purchases and expenses"),
    ),
    ("tasks", frozenset({"task"}), QT_TRANSLATE_NOOP("HistoryView", "Tasks")),
    (
        "imports",
        frozenset({"import", "merge", "demo"}),
        QT_TRANSLATE_NOOP("HistoryView", "Imports and merges"),
    ),
    ("settings", frozenset({"list"}), QT_TRANSLATE_NOOP("HistoryView", "Settings lists")),
    ("undo", frozenset({"undo", "redo"}), QT_TRANSLATE_NOOP("HistoryView", "Undo and redo")),
)


def name_matches(text: str):
    """A test of an entry's name in the window's language, case aside; None for no text."""
    needle = text.strip().casefold()
    if not needle:
        return None
    return lambda entry: needle in entry.name(window_translate).casefold()


class HistoryView(QWidget):
    """Changes over a period preset or two dates, of one kind, found by a word of their name;
    the chosen one's details and "Undo this change"; the Trash with Restore."""

    dataChanged = Signal()

    def __init__(
        self,
        database: Database,
        formatter: Formatter,
        parent=None,
        today: dt.date | None = None,
        lazy: bool = True,
    ) -> None:
        super().__init__(parent)
        self._database, self._formatter, self._today = database, formatter, today
        self._lazy, self._stale = lazy, False
        self.period = QComboBox()
        for key, text in PERIODS:
            self.period.addItem(self.tr(text), key)
        start = QDate.currentDate()
        self.date_from = QDateEdit(start.addDays(1 - start.day()))
        self.date_to = QDateEdit(start)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setLocale(formatter.locale)
            edit.setVisible(False)
            edit.dateChanged.connect(self.refresh)
        self.kind = QComboBox()
        for key, _families, text in KINDS:
            self.kind.addItem(self.tr(text), key)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("A word of the change's name…"))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Period:")))
        bar.addWidget(self.period)
        bar.addWidget(self.date_from)
        bar.addWidget(self.date_to)
        bar.addWidget(QLabel(self.tr("Kind:")))
        bar.addWidget(self.kind)
        bar.addWidget(self.search, 1)

        self.changes = HistoryList(database, formatter, undoable=True)
        self.trash_model = TrashModel(formatter, self)
        self.trash_table = QTableView()
        self.trash_table.setModel(self.trash_model)
        read_only_rows(self.trash_table)
        self.trash_table.setAlternatingRowColors(True)
        fit_columns(self.trash_table, TRASH_SAMPLES, stretch=T_WHAT)
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.setToolTip(
            self.tr("Put the chosen order or contact back with everything it had")
        )
        trash_note = QLabel(
            self.tr("Deleted orders and contacts stay here for %1 days.").replace(
                "%1", str(history.TRASH_DAYS)
            )
        )
        trash_note.setWordWrap(True)
        trash_buttons = QHBoxLayout()
        trash_buttons.addWidget(self.restore_button)
        trash_buttons.addWidget(trash_note, 1)
        self.trash_tab = QWidget()
        trash_layout = QVBoxLayout(self.trash_tab)
        trash_layout.setContentsMargins(0, 0, 0, 0)
        trash_layout.addWidget(self.trash_table, 1)
        trash_layout.addLayout(trash_buttons)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.changes, self.tr("Changes"))
        self.tabs.addTab(self.trash_tab, self.tr("Trash"))
        self.status_line = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status_line)

        self.undo_action = QAction(self.tr("Undo this change"), self)
        self.undo_action.triggered.connect(lambda: self.undo_current())
        self.restore_action = QAction(self.tr("Restore"), self)
        self.restore_action.triggered.connect(lambda: self.restore_current())
        self.restore_button.clicked.connect(lambda: self.restore_current())
        self.changes.changed.connect(self._undone)
        self.changes.model.modelReset.connect(self._update)
        self.changes.model.rowsInserted.connect(self._update)
        self.changes.table.selectionModel().selectionChanged.connect(self._update)
        self.trash_table.selectionModel().selectionChanged.connect(self._update)
        self.trash_model.modelReset.connect(self._update)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)  # one search when typing pauses
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._debounce.start)
        self.period.currentIndexChanged.connect(self._period_changed)
        self.kind.currentIndexChanged.connect(self.refresh)
        self.tabs.currentChanged.connect(self._update)
        self.refresh()

    # --- the section interface
    def section_actions(self) -> list[QAction]:
        return [self.undo_action, self.restore_action]

    def export_table(self) -> Table:
        """The tab on screen: the changes as filtered (all of them, not only those fetched),
        or the Trash."""
        from ui.exchange.export import as_shown

        if self.tabs.currentIndex() == TRASH_TAB:
            return as_shown(self.trash_model.export_table(), self.trash_table.horizontalHeader())
        return self.changes.export_table()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def current_filter(self) -> HistoryFilter:
        preset = self.period.currentData()
        since: dt.date | None
        until: dt.date | None
        if preset == CUSTOM:
            since, until = python_date(self.date_from.date()), python_date(self.date_to.date())
        else:
            since, until = period_range(preset, self.today())
        families = next(f for key, f, _text in KINDS if key == self.kind.currentData())
        return HistoryFilter(
            since=since, until=until, families=families, matches=name_matches(self.search.text())
        )

    def refresh(self) -> None:
        """Read the changes and the Trash again (when on screen; else when next shown)."""
        self._debounce.stop()
        if self._lazy and not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self.changes.set_filter(self.current_filter())
        chosen = self.current_trash_entry()
        self.trash_model.set_entries(history.trash(self._database))
        if chosen is not None:
            self.select_trash_entry(chosen.id)
        self._update()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def save_state(self, settings: QSettings) -> None:
        self.changes.save_state(settings, "history/changes")
        settings.setValue("history/trash_header", self.trash_table.horizontalHeader().saveState())
        settings.setValue("history/period", self.period.currentData())

    def restore_state(self, settings: QSettings) -> None:
        self.changes.restore_state(settings, "history/changes")
        found = self.period.findData(settings.value("history/period", "all"))
        if found >= 0 and self.period.itemData(found) != CUSTOM:
            self.period.setCurrentIndex(found)

    # --- the Trash
    def show_trash(self) -> None:
        self.tabs.setCurrentWidget(self.trash_tab)

    def current_trash_entry(self) -> HistoryEntry | None:
        rows = self.trash_table.selectionModel().selectedRows()
        return self.trash_model.entry(rows[0].row()) if rows else None

    def select_trash_entry(self, entry_id: int) -> bool:
        row = self.trash_model.row_of(entry_id)
        if row is None:
            return False
        self.trash_table.selectRow(row)
        return True

    def restore_current(self) -> bool:
        """Put the chosen deleted order or contact back; every section reads again."""
        entry = self.current_trash_entry()
        if entry is None:
            return False
        try:
            undoing.restore(self._database, entry.id)
        except LavkaError as error:
            UndoRefusal.say(self, error)
            return False
        self.refresh()
        self.dataChanged.emit()
        return True

    def undo_current(self) -> bool:
        return self.changes.undo_current()

    # --- inside
    def _undone(self) -> None:
        self.refresh()
        self.dataChanged.emit()

    def _period_changed(self) -> None:
        custom = self.period.currentData() == CUSTOM
        self.date_from.setVisible(custom)
        self.date_to.setVisible(custom)
        self.refresh()

    def _update(self, *_args) -> None:
        trash = self.tabs.currentIndex() == TRASH_TAB
        entry = self.changes.current_entry()
        self.undo_action.setEnabled(
            not trash and entry is not None and entry.reverted_by is None and not entry.compacted
        )
        self.restore_action.setEnabled(trash and self.current_trash_entry() is not None)
        self.restore_button.setEnabled(self.current_trash_entry() is not None)
        if trash:
            text = self.tr("%n deleted record(s) in the Trash", "", self.trash_model.rowCount())
        else:
            text = self.tr("%n change(s)", "", self.changes.model.total)
        self.status_line.setText(text)
