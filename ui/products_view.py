"""The Products section: the catalogue with each product's units, revenue, profit and margin."""

from __future__ import annotations

import datetime as dt
import functools

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QCollator,
    QModelIndex,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QShowEvent
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
from services.storage import Database
from services.tables import Kind, Table, grid_table
from ui.formatting import Formatter
from ui.messages import error_text, problem_text
from ui.orders_models import period_range
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
PRODUCT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
PRESETS = ("all", "this_month", "last_month", "this_year", "last_12_months")
_KINDS = (
    Kind.TEXT, Kind.TEXT, Kind.MONEY, Kind.MONEY, Kind.BOOLEAN, Kind.INTEGER,
    Kind.MONEY, Kind.MONEY, Kind.PERCENT,
)  # fmt: skip
_NUMERIC = (PRICE, COST, UNITS, REVENUE, PROFIT, MARGIN)
_SAMPLES = {
    NAME: 220, SKU: "WL-TR-03-XL", PRICE: MONEY_SAMPLE, COST: MONEY_SAMPLE, ACTIVE: "000",
    UNITS: "000 000", REVENUE: MONEY_SAMPLE, PROFIT: MONEY_SAMPLE, MARGIN: "100,0 %",
}  # fmt: skip
_INACTIVE = QColor("#808080")  # a retired product stays listed, greyed
_DISPLAY = Qt.ItemDataRole.DisplayRole


class ProductsModel(QAbstractTableModel):
    """The catalogue rows, sorted here: a few dozen products, already aggregated in SQL."""

    def __init__(self, formatter: Formatter, parent=None) -> None:
        super().__init__(parent)
        self._formatter = formatter
        self._rows: list[ProductFigures] = []
        self._sort: tuple[int, Qt.SortOrder] = (PROFIT, Qt.SortOrder.DescendingOrder)
        self._collator = QCollator(formatter.locale)
        self._collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._headers = (
            self.tr("Name"), self.tr("SKU"), self.tr("Default price"), self.tr("Default cost"),
            self.tr("Active"), self.tr("Units"), self.tr("Revenue"), self.tr("Profit"),
            self.tr("Margin"),
        )  # fmt: skip

    def set_rows(self, rows: list[ProductFigures]) -> None:
        self.beginResetModel()
        self._rows = self._sorted(rows)
        self.endResetModel()

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
            )
            for r in self._rows
        ]
        return grid_table(self.tr("Products"), self._headers, _KINDS, lambda: rows, len(rows))

    def product_id(self, row: int) -> int:
        return self._rows[row].product_id

    def row_of(self, product_id: int) -> int | None:
        ids = [row.product_id for row in self._rows]
        return ids.index(product_id) if product_id in ids else None

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
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
            return None if row.active else _INACTIVE
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
        return values[column]() if column in values else ""

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
        key = _NUMBER_KEYS[column]
        # An empty margin ("—") goes last either way; ties stay in name order.
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

    FIELDS = ("name", "sku", "default_price", "default_cost")

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
        self.active = QCheckBox(self.tr("Offered in pickers"))
        self.active.setChecked(True)
        self.errors = {field: error_label() for field in self.FIELDS}
        self.general_error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("Name:"), with_error(self.name, self.errors["name"]))
        form.addRow(self.tr("SKU:"), with_error(self.sku, self.errors["sku"]))
        form.addRow(self.tr("Default price:"), with_error(self.price, self.errors["default_price"]))
        form.addRow(self.tr("Default cost:"), with_error(self.cost, self.errors["default_cost"]))
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
        self.active.setChecked(product.active)

    def _editable(self, value) -> str:
        # Without group separators: "1000,00" reads back in every locale, "1,000.00" does not.
        return self._formatter.number(value).replace(self._formatter.locale.groupSeparator(), "")

    def save(self) -> bool:
        for label in (*self.errors.values(), self.general_error):
            label.hide()
        data = ProductInput(
            self.name.text(), self.sku.text(), self.price.text(), self.cost.text(),
            self.active.isChecked(),
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
    """The catalogue table over a period preset, with New / Edit product."""

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
        self.new_action = QAction(self.tr("New product"), self)
        self.edit_action = QAction(self.tr("Edit product"), self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Period:")))
        bar.addWidget(self.period)
        bar.addStretch(1)
        bar.addWidget(self.new_button)
        bar.addWidget(self.edit_button)

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
        fit_columns(self.table, _SAMPLES, stretch=NAME)
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
        self.table.doubleClicked.connect(self._row_activated)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)
        self.refresh()

    # --- the section interface
    def section_actions(self) -> list[QAction]:
        return [self.new_action, self.edit_action]

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
            product_figures(self._database, self.current_period(), today=self.today())
        )
        if chosen is not None:
            self.select_product(chosen)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("products/header", self.table.horizontalHeader().saveState())
        settings.setValue("products/period", self.period.currentData())

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value("products/header")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.table.horizontalHeader().restoreState(state)  # the sort comes back too
            stretch_column(self.table, NAME)
        found = self.period.findData(settings.value("products/period", "all"))
        if found >= 0:
            self.period.setCurrentIndex(found)

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
        self.edit_action.setEnabled(chosen)
        self.edit_button.setEnabled(chosen)
