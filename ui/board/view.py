"""The Board section: a column per status, a card per order; drag a card to change its status.

One services.funnel.board() call fills every column, one conversion() call the strip under
them: nothing is asked per card, so a base with thousands of open deals loads at once.
"""

from __future__ import annotations

import contextlib
import datetime as dt

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCursor, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from services import choices
from services.errors import LavkaError
from services.funnel import BoardColumn, BoardFilter, Card, board, conversion
from services.orders import change_status
from services.report import LAST_30_DAYS, month_start
from services.storage import Database
from ui.board.column import ColumnPanel
from ui.board.conversion import ConversionStrip
from ui.board.models import CARD_ROLE
from ui.formatting import Formatter
from ui.messages import error_text
from ui.orders.loss_reason import LossReasonDialog
from ui.widgets.fields import date_edit, python_date, qt_date
from ui.widgets.periods import CUSTOM, period_range

PERIODS = ("all", "this_month", LAST_30_DAYS, "this_quarter", "this_year", CUSTOM)
_EDGE, _STEP = 48, 24  # a drag this near the board's side scrolls it, this far per tick


class ErrorMessage:
    """A refused move, said in plain words (tests monkeypatch `show`)."""

    @staticmethod
    def show(parent: QWidget | None, text: str) -> None:
        title = QCoreApplication.translate("BoardView", "The card was not moved")
        QMessageBox.warning(parent, title, text)


class BoardView(QWidget):
    """A filter bar (period, channel), the columns side by side, the conversion strip."""

    orderActivated = Signal(int)
    dataChanged = Signal()

    def __init__(
        self,
        database: Database,
        formatter: Formatter,
        parent: QWidget | None = None,
        today: dt.date | None = None,
        lazy: bool = False,
    ) -> None:
        super().__init__(parent)
        self._database, self._formatter, self._today = database, formatter, today
        # lazy: while hidden, a refresh only marks the board stale; it loads when shown
        self._lazy, self._stale = lazy, False
        self.panels: list[ColumnPanel] = []
        self._current: ColumnPanel | None = None  # the column whose card is chosen

        self.period = QComboBox()
        labels = (
            self.tr("All time"), self.tr("This month"), self.tr("Last 30 days"),
            self.tr("This quarter"), self.tr("This year"), self.tr("Custom…"),
        )  # fmt: skip
        for key, label in zip(PERIODS, labels, strict=True):
            self.period.addItem(label, key)
        self.date_from = date_edit(formatter, month_start(self.today()))
        self.date_to = date_edit(formatter, self.today())
        self.channel = QComboBox()
        self.channel.addItem(self.tr("All channels"), None)
        hint = QLabel(self.tr("Drag a card to another column to change its status."))
        hint.setEnabled(False)  # a quiet hint, drawn greyed
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Period:")))
        bar.addWidget(self.period)
        bar.addWidget(self.date_from)
        bar.addWidget(self.date_to)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Channel:")))
        bar.addWidget(self.channel)
        bar.addStretch(1)
        bar.addWidget(hint)

        self.columns = QWidget()
        self.columns_layout = QHBoxLayout(self.columns)
        self.columns_layout.setContentsMargins(0, 0, 0, 0)
        self.columns_layout.setSpacing(10)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)  # columns share a wide window, scroll on a narrow
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self.columns)
        self.strip = ConversionStrip(formatter)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(line)
        layout.addWidget(self.strip)

        self.open_action = QAction(self.tr("Open order"), self)
        self.open_action.triggered.connect(self.open_current)
        self.move_menu = QMenu(self.tr("Move to"), self)
        self.move_action = self.move_menu.menuAction()
        self._drag_scroll = QTimer(self)
        self._drag_scroll.setInterval(40)
        self._drag_scroll.timeout.connect(self._scroll_while_dragging)

        self._period_shown()
        self.period.currentIndexChanged.connect(self._period_changed)
        self.channel.currentIndexChanged.connect(self.refresh)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self.refresh)
        self._update_actions()
        self.refresh()

    # --- the section interface
    def section_actions(self) -> list[QAction]:
        return [self.open_action, self.move_action]

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def refresh(self) -> None:
        """Reload the columns and the conversion from the database (while hidden, only mark
        them stale: they load when the section is shown)."""
        if self._lazy and not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self._load_channels()
        self._load()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("board/period", self.period.currentData())
        settings.setValue("board/from", python_date(self.date_from.date()).isoformat())
        settings.setValue("board/to", python_date(self.date_to.date()).isoformat())
        channel = self.channel.currentData()
        settings.setValue("board/channel", "" if channel is None else str(channel))

    def restore_state(self, settings: QSettings) -> None:
        widgets = (self.period, self.channel, self.date_from, self.date_to)
        for widget in widgets:
            widget.blockSignals(True)
        preset = settings.value("board/period")
        self.period.setCurrentIndex(max(0, self.period.findData(preset)))
        for key, edit in (("board/from", self.date_from), ("board/to", self.date_to)):
            # never saved, or not a date: the field keeps its default
            with contextlib.suppress(ValueError):
                edit.setDate(qt_date(dt.date.fromisoformat(str(settings.value(key, "")))))
        channel = str(settings.value("board/channel", "") or "")
        self._load_channels(int(channel) if channel.isdigit() else None)
        for widget in widgets:
            widget.blockSignals(False)
        self._period_shown()
        self.refresh()

    # --- the filter
    def current_filter(self) -> BoardFilter:
        preset = self.period.currentData()
        start: dt.date | None
        end: dt.date | None
        if preset == CUSTOM:
            start, end = python_date(self.date_from.date()), python_date(self.date_to.date())
        else:
            start, end = period_range(preset, self.today())
        return BoardFilter(start, end, self.channel.currentData())

    def _period_changed(self) -> None:
        self._period_shown()
        self.refresh()

    def _period_shown(self) -> None:
        custom = self.period.currentData() == CUSTOM
        self.date_from.setVisible(custom)
        self.date_to.setVisible(custom)

    def _load_channels(self, chosen: int | None = -1) -> None:
        """The channels, as the settings list them now; the chosen one stays chosen (when
        `chosen` is -1; else that one, if it is still there)."""
        if chosen == -1:
            chosen = self.channel.currentData()
        with self._database.session() as session:
            listed = choices.channels(session)
        blocked = self.channel.blockSignals(True)
        self.channel.clear()
        self.channel.addItem(self.tr("All channels"), None)
        for entry in listed:
            self.channel.addItem(entry.name, entry.id)
        self.channel.setCurrentIndex(max(0, self.channel.findData(chosen)))
        self.channel.blockSignals(blocked)

    # --- the columns
    def _load(self) -> None:
        flt = self.current_filter()
        columns = board(self._database, flt, self.today())
        self.strip.show_conversion(conversion(self._database, flt))
        self._show(columns)

    def _show(self, columns: tuple[BoardColumn, ...]) -> None:
        """Each column's new cards; the panels are built again only when the statuses changed
        (one renamed, added or removed in the settings)."""
        shape = [(c.status_id, c.name, c.role) for c in columns]
        if shape != [(p.column.status_id, p.column.name, p.column.role) for p in self.panels]:
            self._build(columns)
        else:
            for panel, column in zip(self.panels, columns, strict=True):
                panel.set_column(column)
        self._update_actions()

    def _build(self, columns: tuple[BoardColumn, ...]) -> None:
        for panel in self.panels:
            self.columns_layout.removeWidget(panel)
            panel.deleteLater()
        self.panels, self._current = [], None
        for column in columns:
            panel = ColumnPanel(column, self._formatter)
            # after the drag is over: a question (the loss reason) in the middle of a drop
            # would block the drag's own event loop on some platforms
            panel.model.cardDropped.connect(self.move_card, Qt.ConnectionType.QueuedConnection)
            panel.list.activated.connect(self._activated)  # double-click and Enter
            panel.list.selectionModel().currentChanged.connect(
                lambda current, _previous, p=panel: self._chosen(p, current)
            )
            panel.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            panel.list.customContextMenuRequested.connect(
                lambda pos, p=panel: self._show_context_menu(p, pos)
            )
            for watched in (panel, panel.list.viewport()):
                watched.installEventFilter(self)
            self.columns_layout.addWidget(panel, 1)
            self.panels.append(panel)
        self._load_move_menu()

    def panel_of(self, status_id: int) -> ColumnPanel | None:
        return next((p for p in self.panels if p.column.status_id == status_id), None)

    # --- choosing and opening a card
    def current_card(self) -> Card | None:
        if self._current is None:
            return None
        index = self._current.list.currentIndex()
        return self._current.model.card(index.row()) if index.isValid() else None

    def select_card(self, order_id: int) -> bool:
        """Choose the order's card wherever it is on the board; False when it is not shown."""
        for panel in self.panels:
            row = panel.model.row_of(order_id)
            if row is not None:
                index = panel.model.index(row)
                panel.list.setCurrentIndex(index)
                panel.list.scrollTo(index)
                return True
        return False

    def _chosen(self, panel: ColumnPanel, current: QModelIndex) -> None:
        if current.isValid():
            self._current = panel
            for other in self.panels:  # one card chosen on the whole board
                if other is not panel:
                    other.list.selectionModel().clear()
        elif panel is self._current:
            self._current = None
        self._update_actions()

    def _update_actions(self) -> None:
        chosen = self.current_card() is not None
        self.open_action.setEnabled(chosen)
        self.move_action.setEnabled(chosen)
        if chosen:
            assert self._current is not None  # a card is chosen in it
            for action in self.move_menu.actions():
                action.setEnabled(action.data() != self._current.column.status_id)

    def _activated(self, index: QModelIndex) -> None:
        card = index.data(CARD_ROLE) if index.isValid() else None
        if card is not None:
            self.orderActivated.emit(card.order_id)

    def open_current(self) -> None:
        card = self.current_card()
        if card is not None:
            self.orderActivated.emit(card.order_id)

    def _load_move_menu(self) -> None:
        self.move_menu.clear()
        for panel in self.panels:
            action = self.move_menu.addAction(panel.column.name)
            action.setData(panel.column.status_id)
            action.triggered.connect(
                lambda _=False, status=panel.column.status_id: self._move_current(status)
            )

    def _move_current(self, status_id: int) -> bool:
        card = self.current_card()
        return card is not None and self.move_card(card.order_id, status_id)

    def _show_context_menu(self, panel: ColumnPanel, pos: QPoint) -> None:
        index = panel.list.indexAt(pos)
        if not index.isValid():
            return
        panel.list.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addAction(self.open_action)
        menu.addMenu(self.move_menu)
        menu.exec(panel.list.viewport().mapToGlobal(pos))
        menu.deleteLater()

    # --- moving a card
    def move_card(self, order_id: int, status_id: int) -> bool:
        """The order to the status (a lost one asks why first; Cancel leaves it where it
        was), then the board and the conversion again. True when written."""
        target = self.panel_of(status_id)
        if target is None:
            return False
        reason_id = note = None
        if target.column.role == "lost":
            with self._database.session() as session:
                reasons = choices.loss_reasons(session)
            answer = LossReasonDialog.ask(self, reasons)
            if answer is None:
                return False
            reason_id, note = answer
        try:
            change_status(self._database, order_id, status_id, reason_id, note, self.today())
        except LavkaError as error:
            ErrorMessage.show(self, error_text(error))
            return False
        self._load()
        self.select_card(order_id)
        self.dataChanged.emit()
        return True

    # --- a drag near the board's side scrolls it to the columns out of sight
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            self._drag_scroll.start()
        elif kind == QEvent.Type.Drop:
            self._drag_scroll.stop()
        return super().eventFilter(watched, event)

    def _scroll_while_dragging(self) -> None:
        viewport = self.scroll_area.viewport()
        pos = viewport.mapFromGlobal(QCursor.pos())
        dragging = QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton
        if not dragging or not viewport.rect().contains(pos):
            self._drag_scroll.stop()
            return
        bar = self.scroll_area.horizontalScrollBar()
        if pos.x() < _EDGE:
            bar.setValue(bar.value() - _STEP)
        elif pos.x() > viewport.width() - _EDGE:
            bar.setValue(bar.value() + _STEP)
