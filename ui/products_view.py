"""The Products section: the catalogue with each product's units, revenue, profit and margin,
and its stock (in stock, reserved, available against its minimum) with adjustments to it."""

from __future__ import annotations

import datetime as dt
import functools

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QCollator,
    QModelIndex,
    QPoint,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from services.errors import LavkaError, ValidationError
from services.figures import Period, ProductFigures, product_figures
from services.products import (
    ProductInput,
    ProductView,
    create_product,
    get_product,
    update_product,
)
from services.stock import StockLevel, stock_levels
from services.storage import Database
from services.tables import Kind, Table, grid_table
from ui.formatting import Formatter
from ui.messages import error_text, problem_text
from ui.orders_models import period_range
from ui.stock.adjustment import AdjustmentDialog
from ui.stock.adjustments import AdjustmentsDialog
from ui.widgets import (
    MONEY_SAMPLE,
    NEGATIVE,
    RIGHT,
    error_label,
    fit_columns,
    stretch_column,
    with_error,
)

NAME, SKU, PRICE, COST, ACTIVE, UNITS, REVENUE, PROFIT, MARGIN = range(9)
IN_STOCK, RESERVED, AVAILABLE, MINIMUM = range(9, 13)
PRODUCT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
PRESETS = ("all", "this_month", "last_month", "this_year", "last_12_months")
_KINDS = (
    Kind.TEXT, Kind.TEXT, Kind.MONEY, Kind.MONEY, Kind.BOOLEAN, Kind.INTEGER,
    Kind.MONEY, Kind.MONEY, Kind.PERCENT, Kind.INTEGER, Kind.INTEGER, Kind.INTEGER, Kind.INTEGER,
)  # fmt: skip
_STOCK = (IN_STOCK, RESERVED, AVAILABLE, MINIMUM)
_NUMERIC = (PRICE, COST, UNITS, REVENUE, PROFIT, MARGIN, *_STOCK)
_SAMPLES = {
    NAME: 220, SKU: "WL-TR-03-XL", PRICE: MONEY_SAMPLE, COST: MONEY_SAMPLE, ACTIVE: "000",
    UNITS: "000 000", REVENUE: MONEY_SAMPLE, PROFIT: MONEY_SAMPLE, MARGIN: "100,0 %",
    IN_STOCK: "-00 000", RESERVED: "00 000", AVAILABLE: "-00 000", MINIMUM: "00 000",
}  # fmt: skip
# Shown when the person ticks them in the header's menu: the default price and cost gave their
# room to the stock (they are in the product's dialog); a window 1280 wide has all the rest whole.
HIDDEN_AT_FIRST = (PRICE, COST)
_INACTIVE = QColor("#808080")  # a retired product stays listed, greyed
_DISPLAY = Qt.ItemDataRole.DisplayRole


class ProductsModel(QAbstractTableModel):
    """The catalogue rows, sorted here: a few dozen products, already aggregated in SQL."""

    def __init__(self, formatter: Formatter, parent=None) -> None:
        super().__init__(parent)
        self._formatter = formatter
        self._rows: list[ProductFigures] = []
        self._levels: dict[int, StockLevel] = {}  # by product id; an untracked one has None
        self._sort: tuple[int, Qt.SortOrder] = (PROFIT, Qt.SortOrder.DescendingOrder)
        self._collator = QCollator(formatter.locale)
        self._collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._headers = (
            self.tr("Name"), self.tr("SKU"), self.tr("Default price"), self.tr("Default cost"),
            self.tr("Active"), self.tr("Units"), self.tr("Revenue"), self.tr("Profit"),
            self.tr("Margin"), self.tr("In stock"), self.tr("Reserved"), self.tr("Available"),
            self.tr("Min."),
        )  # fmt: skip

    def set_rows(self, rows: list[ProductFigures], levels: list[StockLevel] = ()) -> None:
        """The figures of each product, and its stock (joined by product id)."""
        self.beginResetModel()
        self._levels = {level.product_id: level for level in levels}
        self._rows = self._sorted(rows)
        self.endResetModel()

    def level(self, product_id: int) -> StockLevel | None:
        return self._levels.get(product_id)

    def stock(self, row: ProductFigures, column: int) -> int | None:
        """The product's in stock, reserved, available or minimum; None when untracked
        (the minimum shows whenever it is set)."""
        level = self._levels.get(row.product_id)
        if level is None:
            return None
        if column == MINIMUM:
            return level.min_stock
        return {IN_STOCK: level.in_stock, RESERVED: level.reserved, AVAILABLE: level.available}[
            column
        ]

    def below_min(self, row: ProductFigures) -> bool:
        level = self._levels.get(row.product_id)
        return level is not None and level.below_min

    def export_table(self) -> Table:
        rows = [
            (
                r.name,
                r.sku,
                r.default_price,
                r.default_cost,
                r.active,
                r.units,
                r.figures.amount,
                r.figures.profit,
                r.figures.margin,
                *(self.stock(r, column) for column in _STOCK),
            )
            for r in self._rows
        ]
        return grid_table(self.tr("Products"), self._headers, _KINDS, lambda: rows, len(rows))

    def product_id(self, row: int) -> int:
        return self._rows[row].product_id

    def row_of(self, product_id: int) -> int | None:
        ids = [row.product_id for row in self._rows]
        return ids.index(product_id) if product_id in ids else None

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == _DISPLAY:
            return self._headers[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in _NUMERIC:
            return RIGHT
        return None

    def data(self, index: QModelIndex, role: int = _DISPLAY):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == _DISPLAY:
            return self._display(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMERIC:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == PROFIT and row.figures.profit < 0:
                return NEGATIVE
            if column == AVAILABLE and self.below_min(row):
                return NEGATIVE
            return None if row.active else _INACTIVE
        if role == Qt.ItemDataRole.FontRole and column == AVAILABLE and self.below_min(row):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column in _STOCK:
            return self._stock_tip(row)
        if role == PRODUCT_ID_ROLE:
            return row.product_id
        return None

    def _display(self, row: ProductFigures, column: int) -> str:
        fmt, product, figures = self._formatter, row, row.figures
        values = {
            NAME: lambda: product.name,
            SKU: lambda: product.sku or "",
            PRICE: lambda: fmt.money(product.default_price),
            COST: lambda: fmt.money(product.default_cost),
            ACTIVE: lambda: self.tr("Yes") if product.active else self.tr("No"),
            UNITS: lambda: fmt.integer(row.units),
            REVENUE: lambda: fmt.money(figures.amount),
            PROFIT: lambda: fmt.money(figures.profit),
            MARGIN: lambda: fmt.percent(figures.margin),
        }
        if column in _STOCK:
            return fmt.integer(self.stock(row, column))  # untracked: empty, not 0
        return values[column]() if column in values else ""

    def _stock_tip(self, row: ProductFigures) -> str | None:
        level = self._levels.get(row.product_id)
        if level is None:
            return None
        if level.below_min:
            return self.tr("Below the minimum of %1").replace(
                "%1", self._formatter.integer(level.min_stock)
            )
        if not level.tracked:
            return self.tr("Stock is counted from the product's first purchase or adjustment")
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._headers):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._rows[index.row()].product_id for index in before]
        self._rows = self._sorted(self._rows)
        rows = {row.product_id: number for number, row in enumerate(self._rows)}
        after = [
            self.index(rows[pid], index.column()) for pid, index in zip(ids, before, strict=True)
        ]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _sorted(self, rows: list[ProductFigures]) -> list[ProductFigures]:
        column, order = self._sort
        descending = order == Qt.SortOrder.DescendingOrder
        by_name = sorted(rows, key=self._text_key(lambda r: r.name))
        if column in (NAME, SKU):
            text = (lambda r: r.name) if column == NAME else (lambda r: r.sku or "")
            return sorted(by_name, key=self._text_key(text), reverse=descending)
        key = _NUMBER_KEYS.get(column) or functools.partial(self.stock, column=column)
        # An empty margin or stock ("—") goes last either way; ties stay in name order.
        empty = [row for row in by_name if key(row) is None]
        full = sorted((row for row in by_name if key(row) is not None), key=key, reverse=descending)
        return full + empty

    def _text_key(self, text):
        """Names compared as the locale sorts them (Cyrillic too), not by code point."""
        compare = self._collator.compare
        return functools.cmp_to_key(lambda left, right: compare(text(left), text(right)))


_NUMBER_KEYS = {
    PRICE: lambda r: r.default_price,
    COST: lambda r: r.default_cost,
    ACTIVE: lambda r: r.active,
    UNITS: lambda r: r.units,
    REVENUE: lambda r: r.figures.amount,
    PROFIT: lambda r: r.figures.profit,
    MARGIN: lambda r: r.figures.margin,
}


class ProductDialog(QDialog):
    """New or edit product; Save writes through the service and keeps the dialog open on errors."""

    FIELDS = ("name", "sku", "default_price", "default_cost", "min_stock")

    def __init__(
        self,
        database: Database,
        formatter: Formatter,
        product_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._database, self._formatter, self._product_id = database, formatter, product_id
        self.saved_product: ProductView | None = None
        self.setWindowTitle(self.tr("New product") if product_id is None else self.tr("Product"))
        self.name, self.sku, self.price, self.cost = (QLineEdit() for _ in range(4))
        self.min_stock = QLineEdit()
        self.min_stock.setPlaceholderText(self.tr("none"))
        self.min_stock.setToolTip(
            self.tr(
                "Units under which the product is to be bought again: below it, the product "
                "is marked here and listed on Today"
            )
        )
        self.active = QCheckBox(self.tr("Offered in pickers"))
        self.active.setChecked(True)
        self.errors = {field: error_label() for field in self.FIELDS}
        self.general_error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("Name:"), with_error(self.name, self.errors["name"]))
        form.addRow(self.tr("SKU:"), with_error(self.sku, self.errors["sku"]))
        form.addRow(self.tr("Default price:"), with_error(self.price, self.errors["default_price"]))
        form.addRow(self.tr("Default cost:"), with_error(self.cost, self.errors["default_cost"]))
        form.addRow(self.tr("Minimum stock:"), with_error(self.min_stock, self.errors["min_stock"]))
        form.addRow(self.tr("Active:"), self.active)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 36)
        if product_id is not None:
            self._load(product_id)

    @classmethod
    def ask(
        cls,
        database: Database,
        formatter: Formatter,
        product_id: int | None = None,
        parent: QWidget | None = None,
    ) -> ProductView | None:
        """The saved product, or None when the user cancelled (tests monkeypatch this)."""
        dialog = cls(database, formatter, product_id, parent)
        return dialog.saved_product if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _load(self, product_id: int) -> None:
        try:
            product = get_product(self._database, product_id)
        except LavkaError as error:
            self._say(self.general_error, error_text(error))
            return
        self.name.setText(product.name)
        self.sku.setText(product.sku or "")
        self.price.setText(self._editable(product.default_price))
        self.cost.setText(self._editable(product.default_cost))
        self.min_stock.setText("" if product.min_stock is None else str(product.min_stock))
        self.active.setChecked(product.active)

    def _editable(self, value) -> str:
        # Without group separators: "1000,00" reads back in every locale, "1,000.00" does not.
        return self._formatter.number(value).replace(self._formatter.locale.groupSeparator(), "")

    def save(self) -> bool:
        for label in (*self.errors.values(), self.general_error):
            label.hide()
        data = ProductInput(
            self.name.text(), self.sku.text(), self.price.text(), self.cost.text(),
            self.active.isChecked(), self.min_stock.text().strip(),
        )  # fmt: skip
        try:
            if self._product_id is None:
                self.saved_product = create_product(self._database, data)
            else:
                self.saved_product = update_product(self._database, self._product_id, data)
        except ValidationError as error:
            for problem in error.problems:
                self._say(self.errors.get(problem.field, self.general_error), problem_text(problem))
            self.adjustSize()  # wrapped messages need their height
            return False
        except LavkaError as error:
            self._say(self.general_error, error_text(error))
            return False
        self.accept()
        return True

    @staticmethod
    def _say(label: QLabel, message: str) -> None:
        text = label.text() if label.isVisibleTo(label.parentWidget()) else ""
        label.setText(f"{text}\n{message}" if text else message)
        label.show()


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
        self._widths = fit_columns(self.table, _SAMPLES, stretch=NAME)
        self._column_defaults(range(self.model.columnCount()))
        header = self.table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_columns_menu)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(PROFIT, Qt.SortOrder.DescendingOrder)
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
        self.refresh()

    # --- the section interface
    def section_actions(self) -> list[QAction]:
        return [self.new_action, self.edit_action, self.adjust_action]

    def export_table(self) -> Table:
        from ui.export import as_shown

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
            known = int(settings.value("products/columns", MARGIN + 1))
            if known < self.model.columnCount():
                self._column_defaults([*HIDDEN_AT_FIRST, *range(known, self.model.columnCount())])
            stretch_column(self.table, NAME)
        found = self.period.findData(settings.value("products/period", "all"))
        if found >= 0:
            self.period.setCurrentIndex(found)

    # --- the columns
    def columns_menu(self) -> QMenu:
        """The columns to tick on or off (remembered with the header's layout)."""
        menu = QMenu(self.tr("Columns"), self)
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
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
            header.setSectionHidden(column, column in HIDDEN_AT_FIRST)

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
        if index.isValid():
            self.edit_product(self.model.product_id(index.row()))

    def _update_actions(self) -> None:
        chosen = bool(self.table.selectionModel().selectedRows())
        for widget in (
            self.edit_action, self.edit_button, self.adjust_action, self.adjust_button,
            self.adjustments_action,
        ):  # fmt: skip
            widget.setEnabled(chosen)
