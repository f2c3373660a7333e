"""Profit, margin and markup from an amount and a cost; an empty ratio where a divisor is 0.

A shipment line's figures in Python are line_figures: the value object the order editor
previews a line with, and every service that computes a line outside SQL. Its SQL counterpart
(triggers, figures, exports, the order grid) is models/formulas.py; tests/test_line_formula.py
checks that both give the same figures on generated lines."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from models import from_minor


@dataclass(frozen=True)
class Figures:
    """amount − cost = profit; margin = profit / amount; markup = profit / cost.

    A ratio whose divisor is zero is None (shown as "—"), never an exception.
    """

    amount: Decimal
    cost: Decimal

    @property
    def profit(self) -> Decimal:
        return self.amount - self.cost

    @property
    def margin(self) -> Decimal | None:
        return ratio(self.profit, self.amount)

    @property
    def markup(self) -> Decimal | None:
        return ratio(self.profit, self.cost)

    @classmethod
    def from_minor(cls, amount_minor: int | None, cost_minor: int | None) -> Figures:
        return cls(from_minor(amount_minor or 0), from_minor(cost_minor or 0))

    @classmethod
    def zero(cls) -> Figures:
        return cls.from_minor(0, 0)


def line_figures(
    quantity: int, unit_price: Decimal, unit_cost: Decimal, remainder: Decimal = Decimal(0)
) -> Figures:
    """A shipment line's figures: amount = quantity × unit price, cost = quantity × unit cost
    + remainder (the kopecks a FIFO-costed line's cost differs by: its `cost_remainder`; 0 for
    a typed cost); profit and margin follow (Figures)."""
    return Figures(quantity * unit_price, quantity * unit_cost + remainder)


def known(cost: Decimal | None) -> Decimal:
    """A cost as read from the database, 0 where the reader may not know it: a manager on a
    shared database reads costs as NULL (models/roles.py), and the window shows a manager no
    cost, profit or margin (ui/widgets/tables.py closed_columns), so this 0 is never shown."""
    return Decimal(0) if cost is None else cost


def ratio(numerator: Decimal, denominator: Decimal) -> Decimal | None:
    """numerator / denominator, or None when the denominator is zero."""
    if not denominator:
        return None
    return numerator / denominator


def average(total: Decimal, count: int) -> Decimal | None:
    """Average of a money total over a count (average check), kopeck-rounded; None for 0."""
    if not count:
        return None
    return (total / count).quantize(Decimal("0.01"))
