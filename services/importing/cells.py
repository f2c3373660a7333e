"""A cell's value as people type it: text, a date, money, a quantity, yes/no."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from services.importing.source import TRIM, Cell
from services.values import parse_date, parse_money, parse_quantity

_EXCEL_EPOCH = dt.date(1899, 12, 30)
_DATE_WITH_TIME = re.compile(r"^(\S+)[ T]\d{1,2}:\d{2}(:\d{2})?$")


def cell_text(cell: Cell) -> str | None:
    """A cell as trimmed text (None when empty; source.TRIM: control characters are kept),
    numbers without a spurious `.0`. (The CSV reader already takes off the apostrophe our
    export puts before formula-like text.)"""
    if cell is None:
        return None
    if isinstance(cell, bool):
        return "1" if cell else "0"
    if isinstance(cell, float):
        cell = Decimal(repr(cell))
    if isinstance(cell, Decimal):
        return str(int(cell)) if cell == cell.to_integral_value() else str(cell)
    if isinstance(cell, dt.datetime | dt.date):
        return cell.isoformat()
    return str(cell).strip(TRIM) or None


def _number(cell: Cell) -> Decimal | int | str:
    if isinstance(cell, float):
        return Decimal(repr(cell))
    if isinstance(cell, Decimal | int) and not isinstance(cell, bool):
        return cell
    return cell_text(cell) or ""


def cell_date(cell: Cell, row: int | None = None) -> dt.date:
    """A date cell, an Excel serial number, or `13.09.2024`, `2024-09-13`, `13.09.24`."""
    if isinstance(cell, dt.datetime):
        return parse_date(cell.date(), "date", row)  # within the dates Lavka keeps
    if isinstance(cell, dt.date):
        return parse_date(cell, "date", row)
    if isinstance(cell, int | Decimal) and not isinstance(cell, bool) and 1 <= cell < 2958466:
        return parse_date(_EXCEL_EPOCH + dt.timedelta(days=int(cell)), "date", row)
    text = cell_text(cell) or ""
    timed = _DATE_WITH_TIME.match(text)
    return parse_date(timed.group(1) if timed else text, "date", row)


def cell_datetime(cell: Cell) -> dt.datetime | None:
    if isinstance(cell, dt.datetime):
        return cell
    text = cell_text(cell)
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return None


def cell_money(cell: Cell, field_name: str, label: str, row: int | None = None) -> Decimal:
    """`1 250,50`, `1250.5`, `1 250 ₽` or a number cell; ≥ 0, at most 2 decimals, ≤ MONEY_MAX."""
    return parse_money(_number(cell), field_name, label, row)


def cell_quantity(cell: Cell, row: int | None = None) -> int:
    """`3` or `3,0` (or a number cell): a whole number from 1 to QUANTITY_MAX."""
    value = _number(cell)
    if isinstance(value, Decimal):
        value = str(value)
    return parse_quantity(value, "quantity", row)


def cell_bool(cell: Cell, default: bool) -> bool:
    text = (cell_text(cell) or "").casefold()
    if text in ("1", "true", "yes", "да", "истина"):
        return True
    if text in ("0", "false", "no", "нет", "ложь"):
        return False
    return default
