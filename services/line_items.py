"""What an order's and a purchase's lines share: the product a line names, and replacing a
record's lines with the edited ones (kept by id, the rest dropped, new ones added)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from sqlalchemy.orm import Session

from models import Product
from services.errors import Problem


class Line(Protocol):
    """A row of lines: a shipment, a purchase line."""

    id: Any
    position: Any


L = TypeVar("L", bound=Line)


def line_product(
    session: Session, product_id: int | None, number: int
) -> tuple[Product | None, list[Problem]]:
    """The product line `number` names, or the problem with it (none chosen, or gone)."""
    if product_id is None:
        return None, [Problem.of("product", "order.product_required", line=number)]
    product = session.get(Product, product_id)
    if product is None:
        return None, [Problem.of("product", "product.not_found", product_id, line=number)]
    return product, []


def replace_lines(
    existing: list[L],
    rows: list[dict[str, Any]],
    new_line: Callable[[], L],
    before_update: Callable[[L, dict[str, Any]], None] | None = None,
) -> list[L]:
    """The lines after an edit, in `rows`' order: a row with an "id" updates that line (after
    `before_update` sees its old values), one without adds a line; the others are dropped."""
    by_id = {line.id: line for line in existing}
    kept = []
    for position, values in enumerate(rows):
        line_id = values.pop("id")
        line = by_id.pop(line_id) if line_id is not None else new_line()
        if line_id is not None and before_update is not None:
            before_update(line, values)
        for key, value in values.items():
            setattr(line, key, value)
        line.position = position
        kept.append(line)
    return kept
