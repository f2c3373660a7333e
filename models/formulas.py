"""A shipment line's figures, written once for SQL: its amount, cost and profit, and a margin.

    amount = quantity × unit price
    cost   = quantity × unit cost + cost remainder    (the FIFO kopecks, models/entities.py)
    profit = amount − cost
    margin = profit / amount, NULL when the amount is 0

Each is a SQLAlchemy expression over a line's columns, `line_amount(LineColumns.of(Shipment))`
(services/figures.py keeps those as LINE_AMOUNT and LINE_COST), in integer minor units so that
sums stay exact inside SQLite. What keeps SQL as text (the order-total triggers, the health
check, the exchange export) takes the same expressions rendered as text: LINE_AMOUNT_SQL …,
or sql_text(line_amount(shipment_columns("sh"))) for an alias. The Python counterpart, the
value object the order editor previews a line with, is services.figures_math.line_figures;
tests/test_line_formula.py checks that both give the same figures on generated lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    DOUBLE_PRECISION,
    REAL,
    ColumnElement,
    Integer,
    column,
    func,
    literal_column,
    table,
)
from sqlalchemy.dialects import sqlite
from sqlalchemy.sql.elements import SQLColumnExpression
from sqlalchemy.sql.expression import cast, type_coerce
from sqlalchemy.types import TypeEngine


@dataclass(frozen=True)
class LineColumns:
    """What the line formula reads: the columns of a shipment line, as the ORM class (or an
    alias of it) has them, `LineColumns.of(Shipment)`, or as a statement kept as text names
    them, shipment_columns()."""

    quantity: SQLColumnExpression[Any]
    unit_price: SQLColumnExpression[Any]
    unit_cost: SQLColumnExpression[Any]
    cost_remainder: SQLColumnExpression[Any]

    @classmethod
    def of(cls, line: Any) -> LineColumns:
        """The columns of `line`: Shipment, aliased(Shipment), or a table's `.c`."""
        return cls(line.quantity, line.unit_price, line.unit_cost, line.cost_remainder)


def _minor(money: SQLColumnExpression[Any]) -> ColumnElement[int]:
    """A money column as its stored integer minor units (not Decimal)."""
    return type_coerce(money, Integer)


def line_amount(line: LineColumns) -> ColumnElement[int]:
    """quantity × unit price, in minor units."""
    return line.quantity * _minor(line.unit_price)


def line_cost(line: LineColumns) -> ColumnElement[int]:
    """quantity × unit cost + the cost remainder, in minor units."""
    return line.quantity * _minor(line.unit_cost) + line.cost_remainder


def line_profit(line: LineColumns) -> ColumnElement[int]:
    """amount − cost, in minor units: written as quantity × (price − cost) − remainder, the
    form the order-total triggers have always stored (one multiplication)."""
    return line.quantity * (_minor(line.unit_price) - _minor(line.unit_cost)) - line.cost_remainder


# A double: SQLite's REAL is one, PostgreSQL's REAL is single precision (its double is
# DOUBLE PRECISION), which would round a margin to 7 digits.
_DOUBLE: REAL[float] = REAL().with_variant(DOUBLE_PRECISION(), "postgresql")


def margin(
    profit: SQLColumnExpression[Any], amount: SQLColumnExpression[Any]
) -> ColumnElement[float]:
    """profit / amount as a double, NULL when the amount is 0.

    Rendered on SQLite exactly as `CAST(profit AS REAL) / NULLIF(amount, 0)`, the expression
    of the index ix_orders_margin, so that SQLite sorts the order grid by margin through it:
    the 0 is written out (a bound parameter would not match the index), and the division is
    SQL's own (SQLAlchemy's `/` would add `+ 0.0` to the divisor). On PostgreSQL the double is
    DOUBLE PRECISION (MARGIN_POSTGRESQL_SQL)."""
    return _divided(profit, amount, _DOUBLE)


def _divided(
    profit: SQLColumnExpression[Any], amount: SQLColumnExpression[Any], double: TypeEngine[float]
) -> ColumnElement[float]:
    # 8: SQLAlchemy's own precedence of * and / (sqlalchemy.sql.operators), so that
    # `margin(...).desc()` is written without parentheses, as before.
    divide = cast(profit, double).op("/", precedence=8, return_type=double)
    return divide(func.NULLIF(amount, literal_column("0")))


def line_margin(line: LineColumns) -> ColumnElement[float]:
    """A line's profit / amount, NULL when its amount is 0."""
    return margin(line_profit(line), line_amount(line))


def shipment_columns(alias: str | None = None) -> LineColumns:
    """The columns of shipments as SQL text names them: bare (`quantity`, as in a trigger's
    subquery over shipments), or qualified by the table's alias (`sh.quantity`)."""
    names = ("quantity", "unit_price", "unit_cost", "cost_remainder")
    columns = [column(name, Integer) for name in names]
    if alias is None:
        return LineColumns(*columns)
    qualified = table(alias, *columns).c
    return LineColumns(*(qualified[name] for name in names))


def sql_text(expression: ColumnElement[Any]) -> str:
    """An expression as SQLite text, its literals written out: for SQL kept as text."""
    compiled = expression.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True})
    return str(compiled)


_BARE = shipment_columns()
# The formula as the order-total triggers (models/triggers.py) and the health check
# (services/maintenance.py) write it, over the bare columns of shipments.
LINE_AMOUNT_SQL = sql_text(line_amount(_BARE))  # quantity * unit_price
LINE_COST_SQL = sql_text(line_cost(_BARE))  # quantity * unit_cost + cost_remainder
LINE_PROFIT_SQL = sql_text(line_profit(_BARE))
# The index ix_orders_margin's expression over orders' stored totals (models/entities.py).
MARGIN_SQL = sql_text(margin(column("profit", Integer), column("amount", Integer)))
# The same for PostgreSQL's index (models/entities.py), its double said as its own type.
MARGIN_POSTGRESQL_SQL = sql_text(
    _divided(column("profit", Integer), column("amount", Integer), DOUBLE_PRECISION())
)
