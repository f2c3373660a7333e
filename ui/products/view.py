"""The Products section: the catalogue with each product's units, revenue, profit and margin,
and its stock (in stock, reserved, available against its minimum) with adjustments to it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QByteArray, QModelIndex, QPoint, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from services.figures import Period, product_figures
from services.products import ProductView
from services.stock import stock_levels
from services.storage import Database
from services.tables import Table
from ui.formatting import Formatter
from ui.products.dialog import ProductDialog
from ui.products.models import (
    COST,
    HIDDEN_AT_FIRST,
    MARGIN,
    NAME,
    PROFIT,
    REVENUE,
    SAMPLES,
    ProductsModel,
)
from ui.stock.adjustment import AdjustmentDialog
from ui.stock.adjustments import AdjustmentsDialog
from ui.widgets.periods import period_range
from ui.widgets.tables import closed_columns, fit_columns, hide_columns, stretch_column

PRESETS = ("all", "this_month", "last_month", "this_year", "last_12_months")


class ProductsView(QWidget):
    """The catalogue table over a period preset, with its stock; New / Edit product, and
    adjustments of a product's stock."""

    dataChanged = Signal()

    def __init__(
        self,
        database: Database,
        formatter: Formatter,
        parent=None,
        today: dt.date | None = None,
        lazy: bool = False,
    ) -> None:
        super().__init__(parent)
        self._database, self._formatter, self._today = database, formatter, today
        # lazy: while hidden, a refresh only marks the figures stale; they are computed when
        # the section is shown (all-time figures of a big base take a second: not at start)
        self._lazy, self._stale = lazy, False
        self.period = QComboBox()
        labels = (
            self.tr("All time"), self.tr("This month"), self.tr("Last month"),
            self.tr("This year"), self.tr("Last 12 months"),
        )  # fmt: skip
        for preset, label in zip(PRESETS, labels, strict=True):
            self.period.addItem(label, preset)
        self.new_button = QPushButton(self.tr("New product"))
        self.edit_button = QPushButton(self.tr("Edit product"))
        self.adjust_button = QPushButton(self.tr("Stock adjustment…"))
        self.new_action = QAction(self.tr("New product"), self)
        self.edit_action = QAction(self.tr("Edit product"), self)
        self.adjust_action = QAction(self.tr("Stock adjustment…"), self)
        self.adjust_action.setToolTip(
            self.tr("Correct the product's stock after a count, or write goods off, with why")
        )
        self.adjust_button.setToolTip(self.adjust_action.toolTip())
        self.adjustments_action = QAction(self.tr("Adjustments…"), self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Period:")))
        bar.addWidget(self.period)
        bar.addStretch(1)
        bar.addWidget(self.new_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.adjust_button)

        # a manager or viewer on a server reads no cost (models/roles.py), nor changes products
        self._closed = closed_columns(database, (COST, PROFIT, MARGIN))
        self.model = ProductsModel(formatter, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionsMovable(True)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        # wide enough for the figures and for the header in any language (Russian runs long);
        # the name takes the room left
        self._widths = fit_columns(self.table, SAMPLES, stretch=NAME)
        self._column_defaults(range(self.model.columnCount()))
        header = self.table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_columns_menu)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(REVENUE if self._closed else PROFIT, Qt.SortOrder.DescendingOrder)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

        self.period.currentIndexChanged.connect(self.refresh)
        for trigger in (self.new_button.clicked, self.new_action.triggered):
            trigger.connect(self.new_product)
        for trigger in (self.edit_button.clicked, self.edit_action.triggered):
            trigger.connect(self.edit_product)
        for trigger in (self.adjust_button.clicked, self.adjust_action.triggered):
            trigger.connect(lambda _checked=False: self.adjust_stock())
        self.adjustments_action.triggered.connect(lambda _checked=False: self.show_adjustments())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._show_context_menu)
        self.table.doubleClicked.connect(self._row_activated)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)
        self._update_actions()
        self.refresh()

    # --- the section interface
    def section_actions(self) -> list[QAction]:
        return [self.new_action, self.edit_action, self.adjust_action]

    def export_table(self) -> Table:
        from ui.exchange.export import as_shown

        return as_shown(self.model.export_table(), self.table.horizontalHeader())

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def current_period(self) -> Period:
        start, end = period_range(self.period.currentData(), self.today())
        return Period(start, end)

    def refresh(self) -> None:
        """Reload the catalogue and its figures; the selected product stays selected."""
        if self._lazy and not self.isVisible():
            self._stale = True
            return
        self._stale = False
        chosen = self.current_product_id()
        self.model.set_rows(
            product_figures(self._database, self.current_period(), today=self.today()),
            stock_levels(self._database, self.today()),
        )
        if chosen is not None:
            self.select_product(chosen)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("products/header", self.table.horizontalHeader().saveState())
        settings.setValue("products/columns", self.model.columnCount())
        settings.setValue("products/period", self.period.currentData())

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value("products/header")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.table.horizontalHeader().restoreState(state)  # the sort comes back too
            # a layout remembered before the stock came: its columns at their own width, and
            # the default price and cost hidden to make room for them
            known = int(str(settings.value("products/columns", MARGIN + 1)))
            if known < self.model.columnCount():
                self._column_defaults([*HIDDEN_AT_FIRST, *range(known, self.model.columnCount())])
            stretch_column(self.table, NAME)
        hide_columns(self.table, self._closed)
        found = self.period.findData(settings.value("products/period", "all"))
        if found >= 0:
            self.period.setCurrentIndex(found)

    # --- the columns
    def columns_menu(self) -> QMenu:
        """The columns to tick on or off (remembered with the header's layout)."""
        menu = QMenu(self.tr("Columns"), self)
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            if column in self._closed:
                continue
            action = menu.addAction(self.model.headerData(column, Qt.Orientation.Horizontal))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setEnabled(column != NAME)  # the name stays
            action.toggled.connect(lambda on, c=column: self.show_column(c, on))
        return menu

    def show_column(self, column: int, shown: bool = True) -> None:
        header = self.table.horizontalHeader()
        header.setSectionHidden(column, not shown)
        if shown and column != NAME and header.sectionSize(column) < self._widths[column] // 2:
            header.resizeSection(column, self._widths[column])

    def _show_columns_menu(self, pos: QPoint) -> None:
        menu = self.columns_menu()
        menu.exec(self.table.horizontalHeader().mapToGlobal(pos))
        menu.deleteLater()

    def _column_defaults(self, columns) -> None:
        """Columns new to a remembered layout (or to a first start): their own width, and
        shown unless they make room for others."""
        header = self.table.horizontalHeader()
        for column in columns:
            if column != NAME:  # the name takes the room left
                header.resizeSection(column, self._widths[column])
            header.setSectionHidden(column, column in HIDDEN_AT_FIRST or column in self._closed)

    # --- products
    def current_product_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.product_id(rows[0].row())

    def select_product(self, product_id: int) -> None:
        row = self.model.row_of(product_id)
        if row is not None:
            self.table.selectRow(row)

    def new_product(self) -> None:
        saved = ProductDialog.ask(self._database, self._formatter, None, self)
        self._after_write(saved)

    def edit_product(self, product_id: int | None = None) -> None:
        product_id = product_id or self.current_product_id()
        if product_id is None:
            return
        saved = ProductDialog.ask(self._database, self._formatter, product_id, self)
        self._after_write(saved)

    def adjust_stock(self, product_id: int | None = None) -> None:
        """A count correction or a write-off of the chosen product."""
        product_id = product_id or self.current_product_id()
        if product_id is None:
            return
        saved = AdjustmentDialog.ask(
            self._database, self._formatter, product_id, self, today=self.today()
        )
        if saved is not None:
            self._stock_changed(saved.product_id)

    def show_adjustments(self, product_id: int | None = None) -> None:
        """The product's adjustments, newest first; new ones made and mistaken ones removed."""
        product_id = product_id or self.current_product_id()
        if product_id is None:
            return
        if AdjustmentsDialog.ask(self._database, self._formatter, product_id, self, self.today()):
            self._stock_changed(product_id)

    def context_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.addAction(self.edit_action)
        menu.addSeparator()
        menu.addAction(self.adjust_action)
        menu.addAction(self.adjustments_action)
        return menu

    def _show_context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        self.table.selectRow(index.row())
        menu = self.context_menu()
        menu.exec(self.table.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _stock_changed(self, product_id: int) -> None:
        self.refresh()
        self.select_product(product_id)
        self.dataChanged.emit()

    def _after_write(self, saved: ProductView | None) -> None:
        if saved is None:
            return
        self.refresh()
        self.select_product(saved.id)
        self.dataChanged.emit()

    def _row_activated(self, index: QModelIndex) -> None:
        if index.isValid() and not self._closed:
            self.edit_product(self.model.product_id(index.row()))

    def _update_actions(self) -> None:
        chosen = bool(self.table.selectionModel().selectedRows())
        owner = not self._closed  # products and stock are the owner's to change
        for widget in (
            self.edit_action, self.edit_button, self.adjust_action, self.adjust_button,
            self.adjustments_action,
        ):  # fmt: skip
            widget.setEnabled(chosen and owner)
        for widget in (self.new_action, self.new_button):
            widget.setEnabled(owner)
