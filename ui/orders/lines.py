"""The order editor's shipment lines: an editable table model and its product picker. A line
says where its cost comes from: typed, or by FIFO from the purchases (then not typed at all)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
)

from services.errors import LavkaError, Problem, ValidationError
from services.figures_math import Figures
from services.figures_math import line_figures as figures_of_line
from services.orders import LineInput, new_line_for
from services.products import ProductView
from services.stock import UNTRACKED, CostSource, Tracking, line_cost_sources, tracking_of
from services.storage import Database
from services.values import parse_money, parse_quantity
from ui.formatting import Formatter
from ui.messages import problem_text
from ui.stock.sources import CostSourceText
from ui.widgets.fields import python_date
from ui.widgets.style import NEGATIVE, RIGHT

PRODUCT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
DATE, PRODUCT, QUANTITY, PRICE, COST, AMOUNT, PROFIT, MARGIN, SOURCE = range(9)
_TEXT = {QUANTITY: "quantity", PRICE: "unit_price", COST: "unit_cost"}
_COLUMN_OF = {"date": DATE, "product": PRODUCT, "id": PRODUCT, **{v: k for k, v in _TEXT.items()}}
_BAD_CELL = QColor("#ffcdd2")


@dataclass
class _Line:
    """One line as typed: numbers stay text until save, so a half-typed value is kept."""

    date: dt.date
    product_id: int | None = None
    product: str = ""
    quantity: str = "1"
    unit_price: str = ""
    unit_cost: str = ""
    id: int | None = None
    problems: dict[int, str] = field(default_factory=dict)  # refused by the last save
    # (product, quantity, date) as saved: its cost source holds while they are unchanged
    saved: tuple[int, int, dt.date] | None = None
    # The saved cost's few kopecks beyond quantity × unit cost (a FIFO split's exact total),
    # with the quantity and cost text they belong to
    rest: tuple[Decimal, str, str] | None = None


class LinesModel(QAbstractTableModel):
    """The shipments subform: editable date, product, quantity, price, cost; computed rest."""

    def __init__(self, database: Database, formatter: Formatter, products, parent=None) -> None:
        super().__init__(parent)
        self._database = database
        self._formatter = formatter
        self._names = {p.id: p.name for p in products}
        self._lines: list[_Line] = []
        self._tracking: dict[int, Tracking] = {}  # by product, asked for as products appear
        self._sources: dict[int, CostSource] = {}  # by saved line id
        self._lost = False  # the order is lost: its lines take no stock, keep the typed cost
        self.words = CostSourceText(formatter, self)
        self._headers = (
            self.tr("Date"),
            self.tr("Product"),
            self.tr("Quantity"),
            self.tr("Unit price"),
            self.tr("Unit cost"),
            self.tr("Amount"),
            self.tr("Profit"),
            self.tr("Margin"),
            self.tr("Cost source"),
        )

    # --- Qt model interface
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return str(section + 1)

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == COST and self.cost_by_fifo(index.row()):
            return flags  # the service computes it from the purchases
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() <= COST else flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line, column = self._lines[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(index.row(), column)
        if role == Qt.ItemDataRole.EditRole:
            if column == DATE:
                return QDate(line.date.year, line.date.month, line.date.day)
            if column in _TEXT:
                return getattr(line, _TEXT[column])  # the text as typed, not the money shown
            return line.product_id if column == PRODUCT else self._display(index.row(), column)
        if role == PRODUCT_ID_ROLE and column == PRODUCT:
            return line.product_id
        if role == Qt.ItemDataRole.TextAlignmentRole and QUANTITY <= column <= MARGIN:
            return RIGHT
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole):
            error = self.cell_error(index.row(), column)
            if error is None:
                if role == Qt.ItemDataRole.ToolTipRole and column in (COST, SOURCE):
                    return self.source_tip(index.row(), column == COST)
                return None
            return _BAD_CELL if role == Qt.ItemDataRole.BackgroundRole else error
        if role == Qt.ItemDataRole.ForegroundRole and column in (PROFIT, MARGIN):
            figures = self.line_figures(index.row())
            return NEGATIVE if figures is not None and figures.profit < 0 else None
        if role == Qt.ItemDataRole.ForegroundRole and column == SOURCE:
            source = self.cost_source(index.row())
            return NEGATIVE if source is not None and source.beyond_stock else None
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() > COST:
            return False
        if index.column() == COST and self.cost_by_fifo(index.row()):
            return False
        line, column = self._lines[index.row()], index.column()
        if column == PRODUCT and role in (PRODUCT_ID_ROLE, Qt.ItemDataRole.EditRole):
            if not isinstance(value, int) or not self._choose_product(line, value):
                return False
        elif role != Qt.ItemDataRole.EditRole:
            return False
        elif column == DATE:
            value = python_date(value) if isinstance(value, QDate) else value
            if not isinstance(value, dt.date):
                return False
            line.date = value
            self._settle_cost(line)
        else:
            setattr(line, _TEXT[column], str(value).strip())
        line.problems.pop(column, None)
        self._row_changed(index.row())
        return True

    # --- the editor's use
    def cell_error(self, row: int, column: int) -> str | None:
        line = self._lines[row]
        if column == COST and self.cost_by_fifo(row):
            return None  # not typed: the service computes it
        if column in _TEXT:
            message = self._parse(line, column)[1]
            if message:
                return message
        return line.problems.get(column)

    def has_errors(self) -> bool:
        return any(self.cell_error(r, c) for r in range(len(self._lines)) for c in _TEXT)

    def line_figures(self, row: int) -> Figures | None:
        """Amount and cost of a line, or None while one of its numbers does not parse."""
        line = self._lines[row]
        quantity, price, cost = (self._parse(line, c)[0] for c in (QUANTITY, PRICE, COST))
        if quantity is None or price is None or cost is None:
            return None
        rest = line.rest
        exact = rest is not None and (line.quantity, line.unit_cost) == rest[1:]
        rest_cost = rest[0] if rest is not None and exact else Decimal(0)
        return figures_of_line(quantity, price, cost, rest_cost)

    def totals(self) -> Figures:
        """The order's totals over the lines that parse (a broken line counts as nothing)."""
        figures = [f for f in map(self.line_figures, range(len(self._lines))) if f is not None]
        return Figures(
            sum((f.amount for f in figures), Decimal(0)), sum((f.cost for f in figures), Decimal(0))
        )

    def load(self, lines) -> None:
        """Lines of a saved order (services.orders.LineView), with where their costs came from."""
        lines = list(lines)
        self._tracking = tracking_of(self._database, sorted({v.product_id for v in lines}))
        self._sources = line_cost_sources(self._database, [v.id for v in lines])
        self.beginResetModel()
        self._lines = [
            _Line(
                v.date,
                v.product_id,
                v.product,
                str(v.quantity),
                self._text(v.unit_price),
                self._text(v.unit_cost),
                v.id,
                saved=(v.product_id, v.quantity, v.date),
                rest=(
                    v.figures.cost - v.unit_cost * v.quantity,
                    str(v.quantity),
                    self._text(v.unit_cost),
                ),
            )
            for v in lines
        ]
        self.endResetModel()

    def set_lost(self, lost: bool) -> None:
        """The order is lost (or no longer): its lines keep their typed cost (or take FIFO's)."""
        if lost == self._lost:
            return
        self._lost = lost
        for line in self._lines:
            self._settle_cost(line)
        if self._lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._lines) - 1, SOURCE))

    # --- where the costs come from, and the stock the lines take
    def tracking(self, product_id: int) -> Tracking:
        """How the product's stock is kept (asked once per product while the editor is open)."""
        if product_id not in self._tracking:
            self._tracking.update(tracking_of(self._database, [product_id]))
        return self._tracking.get(product_id, UNTRACKED)

    def cost_by_fifo(self, row: int) -> bool:
        """The line's cost is computed by FIFO when saved, not typed."""
        return self._by_fifo(self._lines[row])

    def cost_source(self, row: int) -> CostSource | None:
        """Where the saved cost of an unchanged FIFO line came from; None for any other line."""
        line = self._lines[row]
        if line.id is None or not self.cost_by_fifo(row):
            return None
        quantity = self._parse(line, QUANTITY)[0]
        if line.saved != (line.product_id, quantity, line.date):
            return None  # re-costed when saved
        source = self._sources.get(line.id)
        return source if source is not None and source.fifo else None

    def source_text(self, row: int) -> str:
        if self._lines[row].product_id is None:
            return ""
        if not self.cost_by_fifo(row):
            return self.words.typed_label()
        source = self.cost_source(row)
        return self.words.pending_label() if source is None else self.words.fifo_label(source)

    def source_tip(self, row: int, cost_cell: bool = False) -> str | None:
        """Where the line's cost comes from, in full; on the cost cell only when not typed."""
        line = self._lines[row]
        if line.product_id is None:
            return None
        if not self.cost_by_fifo(row):
            if cost_cell:
                return None
            tracking = self.tracking(line.product_id)
            return self.words.typed_tip(tracking, line.date, self._lost)
        source = self.cost_source(row)
        if source is None:
            return self.words.pending_tip()
        text = self.words.fifo_tip(source)
        return f"{text}\n{self.words.read_only_tip()}" if cost_cell else text

    def stock_demand(self) -> dict[int, int]:
        """Units of each product the lines take from the stock (a lost order takes none)."""
        demand: dict[int, int] = {}
        if self._lost:
            return demand
        for line in self._lines:
            quantity = self._parse(line, QUANTITY)[0]
            if line.product_id is None or quantity is None:
                continue
            if self.tracking(line.product_id).counts(line.date):
                demand[line.product_id] = demand.get(line.product_id, 0) + quantity
        return demand

    def add_line(self, date: dt.date, row: int | None = None, line: _Line | None = None) -> int:
        row = len(self._lines) if row is None else row
        self.beginInsertRows(QModelIndex(), row, row)
        self._lines.insert(row, line or _Line(date))
        self.endInsertRows()
        return row

    def duplicate_line(self, row: int) -> int:
        copy = replace(self._lines[row], id=None, problems={}, saved=None)
        return self.add_line(copy.date, row + 1, copy)

    def remove_line(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._lines[row]
        self.endRemoveRows()

    def has_products(self) -> bool:
        """Whether a line has its product: the order is worth its lines' amount then."""
        return any(line.product_id is not None for line in self._lines)

    def remove_blank_lines(self) -> None:
        """Drop the lines nothing was put in: no product chosen, no price, cost or other
        quantity typed (the empty line a new order starts with)."""
        for row in reversed(range(len(self._lines))):
            line = self._lines[row]
            untouched = line.quantity in ("", "1") and not line.unit_price and not line.unit_cost
            if line.product_id is None and line.id is None and untouched:
                self.remove_line(row)

    def move_dates(self, old: dt.date, new: dt.date) -> None:
        """Lines that shipped on the order's date follow it when the order's date changes."""
        for row, line in enumerate(self._lines):
            if line.date == old:
                line.date = new
                self._settle_cost(line)
                self._row_changed(row)

    def compared(self) -> list[tuple[int | None, int | None, dt.date, Decimal, Decimal]]:
        """Each line as an edit conflict compares it with the saved one: its id, product, date,
        amount and cost (a line that does not parse counts as nothing)."""
        none = Figures(Decimal(0), Decimal(0))
        compared = []
        for row, line in enumerate(self._lines):
            figures = self.line_figures(row) or none
            compared.append((line.id, line.product_id, line.date, figures.amount, figures.cost))
        return compared

    def line_inputs(self) -> tuple[LineInput, ...]:
        return tuple(
            LineInput(ln.product_id, ln.quantity, ln.unit_price, ln.unit_cost, ln.date, ln.id)
            for ln in self._lines
        )

    def show_problems(self, problems: list[Problem]) -> None:
        """Problems of a refused save, each on its cell (Problem.line counts from 1)."""
        for problem in problems:
            row = (problem.line or 0) - 1
            if 0 <= row < len(self._lines):
                column = _COLUMN_OF.get(problem.field, PRODUCT)
                self._lines[row].problems[column] = _cell_text(problem)
                self._row_changed(row)

    def missing_products(self) -> list[Problem]:
        return [
            Problem("product", self.tr("Choose a product."), row + 1)
            for row, line in enumerate(self._lines)
            if line.product_id is None
        ]

    # --- inside
    def _choose_product(self, line: _Line, product_id: int) -> bool:
        if product_id == line.product_id:
            return True  # the same product again keeps the prices typed over its defaults
        try:
            defaults = new_line_for(self._database, product_id)
        except LavkaError:
            return False
        line.product_id, line.product = product_id, self._names.get(product_id, f"#{product_id}")
        line.unit_price = self._text(defaults.unit_price)
        line.unit_cost = self._text(defaults.unit_cost)
        line.problems.clear()
        self.tracking(product_id)
        return True

    def _by_fifo(self, line: _Line) -> bool:
        if line.product_id is None or self._lost:
            return False
        return self.tracking(line.product_id).fifo(line.date)

    def _settle_cost(self, line: _Line) -> None:
        """A line whose cost became FIFO's cannot be typed any more: a cost that does not read
        is replaced by the product's default, the estimate shown until the save."""
        if not self._by_fifo(line) or self._parse(line, COST)[0] is not None:
            return
        assert line.product_id is not None  # _by_fifo says False without a product
        try:
            line.unit_cost = self._text(new_line_for(self._database, line.product_id).unit_cost)
        except LavkaError:
            return
        line.problems.pop(COST, None)

    def _parse(self, line: _Line, column: int):
        text = getattr(line, _TEXT[column])
        if not text and column != QUANTITY and line.product_id is None:
            return None, None  # nothing to say until a product is chosen
        try:
            if column == QUANTITY:
                return parse_quantity(text), None
            label = self.tr("Unit price") if column == PRICE else self.tr("Unit cost")
            if not text:
                return None, self.tr("Type the %1.").replace("%1", label.lower())
            # The field's English name: the message translates it (a Label) with itself.
            english = "Unit price" if column == PRICE else "Unit cost"
            return parse_money(text, _TEXT[column], english), None
        except ValidationError as error:
            return None, _cell_text(error.problems[0])

    def _display(self, row: int, column: int):
        fmt, line = self._formatter, self._lines[row]
        if column == DATE:
            return fmt.date(line.date)
        if column == PRODUCT:
            return line.product
        if column in _TEXT:
            value = self._parse(line, column)[0]
            if value is None:
                return getattr(line, _TEXT[column])
            return fmt.integer(value) if column == QUANTITY else fmt.money(value)
        if column == SOURCE:
            return self.source_text(row)
        figures = self.line_figures(row)
        if figures is None:
            return fmt.money(None)
        if column == AMOUNT:
            return fmt.money(figures.amount)
        return fmt.money(figures.profit) if column == PROFIT else fmt.percent(figures.margin)

    def _text(self, value: object) -> str:  # a Decimal (LineInput types it as any input)
        """What an edited money cell holds: `1250,50` in Russian, `1250.50` in English."""
        return str(value).replace(".", self._formatter.locale.decimalPoint())

    def _row_changed(self, row: int) -> None:
        # The whole row, never a single cell: a one-cell change would reset an open editor.
        self.dataChanged.emit(self.index(row, 0), self.index(row, SOURCE))


class LinesDelegate(QStyledItemDelegate):
    """Product as a combo of active products; numbers committed on every keystroke so the
    totals follow the typing."""

    product_column = PRODUCT  # the column edited with the combo (its id in PRODUCT_ID_ROLE)
    number_alignment: Qt.AlignmentFlag | None = None  # of a number's editor, if not the default

    def __init__(self, products: list[ProductView], parent=None) -> None:
        super().__init__(parent)
        self._products = products

    def createEditor(self, parent, option, index):
        if index.column() == self.product_column:
            combo = QComboBox(parent)
            for product in self._products:
                combo.addItem(product.name, product.id)
            combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
            return combo
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            if self.number_alignment is not None:
                editor.setAlignment(self.number_alignment)
            editor.textEdited.connect(lambda _t, e=editor: self.commitData.emit(e))
        return editor

    def setEditorData(self, editor, index):
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(editor.findData(index.data(PRODUCT_ID_ROLE)))
        elif isinstance(editor, QLineEdit):
            text = index.data(Qt.ItemDataRole.EditRole) or ""
            if editor.text() != text:  # keep the cursor where the user is typing
                editor.setText(text)
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):
        if isinstance(editor, QComboBox):
            if editor.currentData() is not None:
                model.setData(index, editor.currentData(), PRODUCT_ID_ROLE)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


def _cell_text(problem: Problem) -> str:
    """The problem in the person's language, without "Line 3:": it is said on its row."""
    return problem_text(replace(problem, line=None))
