"""The entries of the change log with what the chosen one changed below them: the History
section's main tab, and the History tab of the contact card and of the order editor."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QItemSelection, QSettings, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from services import undoing
from services.errors import LavkaError
from services.history import HistoryEntry, HistoryFilter
from services.storage import Database
from services.tables import Table
from ui.formatting import Formatter
from ui.history.details import HistoryDetails
from ui.history.models import ACTION, SAMPLES, HistoryModel
from ui.history.refusal import UndoRefusal
from ui.widgets.tables import fit_columns, read_only_rows, stretch_column

MINIMUM_HEIGHT = 36  # of the grid and of the details, in pixels


class HistoryList(QWidget):
    """The entries under a filter, newest first, and the chosen entry's changes in words.
    Loads when first shown (a hidden tab costs nothing). `undoable` adds "Undo this change";
    `changed` says an entry was undone from here."""

    changed = Signal()

    def __init__(
        self,
        database: Database,
        formatter: Formatter,
        parent=None,
        undoable: bool = False,
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._filter: HistoryFilter | None = None
        self._stale = False
        self.model = HistoryModel(database, formatter, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        read_only_rows(self.table)
        self.table.setAlternatingRowColors(True)
        fit_columns(self.table, SAMPLES, stretch=ACTION)
        self.details = HistoryDetails(database, formatter)
        # small at least: a tab of the contact card must not make the card taller
        self.table.setMinimumHeight(MINIMUM_HEIGHT)
        self.details.setMinimumHeight(MINIMUM_HEIGHT)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter, 1)
        self.undo_button: QPushButton | None = None
        if undoable:
            self.undo_button = QPushButton(self.tr("Undo this change"))
            self.undo_button.setToolTip(
                self.tr(
                    "Put back what the chosen change changed "
                    "(refused when later changes rest on it)"
                )
            )
            self.undo_button.clicked.connect(self.undo_current)
            buttons = QHBoxLayout()
            buttons.addWidget(self.undo_button)
            buttons.addStretch(1)
            layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(self._chosen)
        self.model.modelReset.connect(self._chosen)
        self._chosen()

    # --- what it shows
    def set_filter(self, selection: HistoryFilter | None) -> None:
        """Show the entries `selection` picks (None: none); read now if on screen."""
        self._filter = selection
        self.refresh()

    def history_filter(self) -> HistoryFilter | None:
        return self._filter

    def refresh(self) -> None:
        """Read the entries again; the chosen one stays chosen."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        chosen = self.current_entry()
        self.details.forget()
        self.model.set_filter(self._filter)
        if chosen is not None:
            self.select_entry(chosen.id)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def current_entry(self) -> HistoryEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.entry(rows[0].row()) if rows else None

    def select_entry(self, entry_id: int) -> bool:
        row = self.model.row_of(entry_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def export_table(self) -> Table:
        from ui.exchange.export import as_shown

        return as_shown(self.model.export_table(), self.table.horizontalHeader())

    # --- undo
    def undo_current(self) -> bool:
        """Undo the chosen entry (an undo's undo is a redo); the refusal said when refused."""
        entry = self.current_entry()
        if entry is None:
            return False
        try:
            done = undoing.undo(self._database, entry.id)
        except LavkaError as error:
            UndoRefusal.say(self, error)
            return False
        self.refresh()
        self.select_entry(done.id)
        self.changed.emit()
        return True

    # --- remembered layout
    def save_state(self, settings: QSettings, key: str) -> None:
        settings.setValue(f"{key}/header", self.table.horizontalHeader().saveState())
        settings.setValue(f"{key}/splitter", self.splitter.saveState())

    def restore_state(self, settings: QSettings, key: str) -> None:
        state = settings.value(f"{key}/header")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.table.horizontalHeader().restoreState(state)
            stretch_column(self.table, ACTION)
        state = settings.value(f"{key}/splitter")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.splitter.restoreState(state)

    # --- inside
    def _chosen(self, *_args: QItemSelection) -> None:
        entry = self.current_entry()
        self.details.show_entry(
            None if entry is None else entry.id, entry is not None and entry.compacted
        )
        if self.undo_button is not None:
            self.undo_button.setEnabled(
                entry is not None and entry.reverted_by is None and not entry.compacted
            )
