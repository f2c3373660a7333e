"""The purchase editor's lines: product, quantity and unit cost as typed, with each line's
share of the delivery and its total worked out as the person types (services.purchases
spreads the delivery the same way when it saves)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from models import from_minor, to_minor
from services.costing import round_div
from services.errors import Problem, ValidationError
from services.products import ProductView
from services.purchases import PurchaseLineInput, PurchaseLineView, spread_delivery
from services.values import parse_money, parse_quantity
from ui.formatting import Formatter
from ui.messages import problem_text
from ui.orders.lines import PRODUCT_ID_ROLE, LinesDelegate
from ui.widgets.style import RIGHT

PRODUCT, QUANTITY, UNIT_COST, DELIVERY, TOTAL, LANDED = range(6)
_TEXT = {QUANTITY: "quantity", UNIT_COST: "unit_cost"}
# where a refused line's problem is said: the service's field, as a column
_COLUMN_OF = {"product": PRODUCT, "id": PRODUCT, "quantity": QUANTITY, "unit_cost": UNIT_COST}
_BAD_CELL = QColor("#ffcdd2")


@dataclass
class _Line:
    """One line as typed: numbers stay text until save, so a half-typed value is kept."""

    product_id: int | None = None
    product: str = ""
    quantity: str = "1"
    unit_cost: str = ""
    id: int | None = None
    problems: dict[int, str] = field(default_factory=dict)  # refused by the last save


@dataclass(frozen=True)
class LinePreview:
    """A line's figures as they would be saved: its goods, its share of the delivery."""

    quantity: int
    goods: Decimal
    delivery: Decimal

    @property
    def total(self) -> Decimal:
        return self.goods + self.delivery

    @property
    def landed_unit_cost(self) -> Decimal:
        return from_minor(round_div(to_minor(self.total), self.quantity))


class PurchaseLinesModel(QAbstractTableModel):
    """Editable product, quantity and unit cost; the delivery share, the total and the cost
    of a unit with its delivery computed."""

    def __init__(self, formatter: Formatter, products: list[ProductView], parent=None) -> None:
        super().__init__(parent)
        self._formatter = formatter
        self._products = {p.id: p for p in products}
        self._lines: list[_Line] = []
        self._delivery = Decimal(0)
        self._previews: list[LinePreview | None] = []
        self._headers = (
            self.tr("Product"),
            self.tr("Quantity"),
            self.tr("Unit cost"),
            self.tr("Delivery share"),
            self.tr("Total"),
            self.tr("Unit cost with delivery"),
        )

    # --- Qt model interface
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal:
                return self._headers[section] if 0 <= section < len(self._headers) else None
            return str(section + 1)
        if (
            role == Qt.ItemDataRole.TextAlignmentRole
            and orientation == Qt.Orientation.Horizontal
            and section >= QUANTITY
        ):
            return int(RIGHT)
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() <= UNIT_COST else flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line, column = self._lines[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(index.row(), column)
        if role == Qt.ItemDataRole.EditRole:
            if column in _TEXT:
                return getattr(line, _TEXT[column])  # the text as typed, not the money shown
            return line.product_id if column == PRODUCT else self._display(index.row(), column)
        if role == PRODUCT_ID_ROLE and column == PRODUCT:
            return line.product_id
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= QUANTITY:
            return int(RIGHT)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole):
            error = self.cell_error(index.row(), column)
            if error is None:
                return None
            return _BAD_CELL if role == Qt.ItemDataRole.BackgroundRole else error
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() > UNIT_COST:
            return False
        line, column = self._lines[index.row()], index.column()
        if column == PRODUCT:
            if role not in (PRODUCT_ID_ROLE, Qt.ItemDataRole.EditRole):
                return False
            if not isinstance(value, int) or not self._choose_product(line, value):
                return False
        elif role != Qt.ItemDataRole.EditRole:
            return False
        else:
            setattr(line, _TEXT[column], str(value).strip())
        line.problems.pop(column, None)
        self._changed()
        return True

    # --- the editor's use
    def load(self, lines: tuple[PurchaseLineView, ...]) -> None:
        """The lines of a saved purchase."""
        self.beginResetModel()
        self._lines = [
            _Line(v.product_id, v.product, str(v.quantity), self._text(v.unit_cost), v.id)
            for v in lines
        ]
        self._recompute()
        self.endResetModel()

    def add_line(self) -> int:
        row = len(self._lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self._lines.append(_Line())
        self._recompute()
        self.endInsertRows()
        self._changed()
        return row

    def remove_line(self, row: int) -> None:
        if not 0 <= row < len(self._lines):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._lines[row]
        self._recompute()
        self.endRemoveRows()
        self._changed()

    def remove_blank_lines(self) -> None:
        """Drop the lines nothing was put in (a line added and left as it came), when other
        lines were filled in."""
        blank = [row for row, line in enumerate(self._lines) if _untouched(line)]
        if len(blank) < len(self._lines):
            for row in reversed(blank):
                self.remove_line(row)

    def set_delivery(self, delivery: Decimal) -> None:
        """The purchase's delivery cost, to spread over the lines (0 when it does not parse)."""
        self._delivery = delivery
        self._changed()

    def line_inputs(self) -> tuple[PurchaseLineInput, ...]:
        return tuple(
            PurchaseLineInput(ln.product_id, ln.quantity, ln.unit_cost or None, ln.id)
            for ln in self._lines
        )

    def preview(self, row: int) -> LinePreview | None:
        """The line's figures, or None while its product or one of its numbers is missing."""
        return self._previews[row] if 0 <= row < len(self._previews) else None

    def totals(self) -> tuple[Decimal, Decimal, int]:
        """Goods, delivery spread and units over the lines that parse."""
        previews = [p for p in self._previews if p is not None]
        return (
            sum((p.goods for p in previews), Decimal(0)),
            sum((p.delivery for p in previews), Decimal(0)),
            sum(p.quantity for p in previews),
        )

    def cell_error(self, row: int, column: int) -> str | None:
        line = self._lines[row]
        if column in _TEXT:
            message = self._parse(line, column)[1]
            if message:
                return message
        return line.problems.get(column)

    def show_problems(self, problems: list[Problem]) -> None:
        """Problems of a refused save, each on its cell (Problem.line counts from 1)."""
        for problem in problems:
            row = (problem.line or 0) - 1
            if 0 <= row < len(self._lines):
                column = _COLUMN_OF.get(problem.field, PRODUCT)
                self._lines[row].problems[column] = problem_text(replace(problem, line=None))
        self._changed()

    # --- inside
    def _choose_product(self, line: _Line, product_id: int) -> bool:
        if product_id == line.product_id:
            return True  # the same product again keeps the cost typed over its default
        product = self._products.get(product_id)
        if product is None:
            return False
        line.product_id, line.product = product_id, product.name
        line.unit_cost = self._text(product.default_cost)
        line.problems.clear()
        return True

    def _parse(self, line: _Line, column: int):
        """(value, None) or (None, what is wrong) for a number as typed; an empty cost is the
        product's default cost, as the service takes it."""
        text = getattr(line, _TEXT[column])
        try:
            if column == QUANTITY:
                return parse_quantity(text), None
            if not text:
                product = None if line.product_id is None else self._products.get(line.product_id)
                return (product.default_cost if product else None), None
            return parse_money(text, "unit_cost", "Unit cost"), None
        except ValidationError as error:
            return None, problem_text(replace(error.problems[0], line=None))

    def _recompute(self) -> None:
        """Each line's goods and share of the delivery, spread as the service spreads it:
        by value over the lines that parse."""
        parsed = []
        for line in self._lines:
            quantity, cost = (self._parse(line, column)[0] for column in (QUANTITY, UNIT_COST))
            ready = line.product_id is not None and quantity is not None and cost is not None
            parsed.append((quantity, cost) if ready else None)
        whole = [p for p in parsed if p is not None]
        shares = iter(
            spread_delivery(
                to_minor(self._delivery),
                [to_minor(cost) * quantity for quantity, cost in whole],
                [quantity for quantity, _cost in whole],
            )
        )
        self._previews = [
            None if p is None else LinePreview(p[0], p[1] * p[0], from_minor(next(shares)))
            for p in parsed
        ]

    def _display(self, row: int, column: int) -> str:
        fmt, line = self._formatter, self._lines[row]
        if column == PRODUCT:
            return line.product
        if column in _TEXT:
            value = self._parse(line, column)[0]
            if value is None:
                return getattr(line, _TEXT[column])
            return fmt.integer(value) if column == QUANTITY else fmt.money(value)
        preview = self.preview(row)
        if preview is None:
            return fmt.money(None)
        if column == DELIVERY:
            return fmt.money(preview.delivery)
        return fmt.money(preview.total if column == TOTAL else preview.landed_unit_cost)

    def _text(self, value: Decimal) -> str:
        """What an edited money cell holds: `1250,50` in Russian, `1250.50` in English."""
        return str(value).replace(".", self._formatter.locale.decimalPoint())

    def _changed(self) -> None:
        # every row: a line's cost moves the other lines' delivery shares
        self._recompute()
        if self._lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._lines) - 1, LANDED))


def _untouched(line: _Line) -> bool:
    return (
        line.product_id is None
        and line.id is None
        and line.quantity in ("", "1")
        and not line.unit_cost
    )


class PurchaseLinesDelegate(LinesDelegate):
    """Product as a combo of the products offered; numbers committed on every keystroke so
    the shares and totals follow the typing."""

    product_column = PRODUCT
    number_alignment = RIGHT
