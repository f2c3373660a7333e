"""Turning what people type (or what a form hands over) into dates, money and quantities."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from services.errors import ValidationError

# Spaces people and spreadsheets put inside numbers: plain, no-break, narrow no-break, thin.
_GROUP_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]")
_CURRENCY_MARKS = re.compile(r"(₽|руб\.?|р\.|RUB|\$|USD|€|EUR)", re.IGNORECASE)
_DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y", "%d/%m/%Y")

MoneyInput = Decimal | int | str
# Far above any real price or order, far below what SQLite's 64-bit integer sums can hold.
# One separator and exactly three digits after it, not after a lone 0: 12,500 or 1.250.
_THOUSANDS_OR_DECIMAL = re.compile(r"-?(?!0[.,])\d{1,3}[.,]\d{3}")
MONEY_MAX = Decimal("1000000000")  # a billion per unit
QUANTITY_MAX = 1_000_000
DateInput = dt.date | str


def parse_decimal(value: MoneyInput, field: str, label: str, line: int | None = None) -> Decimal:
    """`1 250,50`, `1250.5`, `1 250 ₽`, Decimal or int to Decimal; anything else is refused."""
    if isinstance(value, bool | float):
        # bool is an int and float cannot hold kopecks exactly: both are caller bugs.
        raise TypeError(f"{label}: pass Decimal, int or text, not {type(value).__name__}")
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    else:
        text = _CURRENCY_MARKS.sub("", _GROUP_SPACES.sub("", str(value)))
        if _THOUSANDS_OR_DECIMAL.fullmatch(text):
            # "12,500" is 12 500 to some and 12,5 to others; a wrong guess is a wrong sum.
            raise ValidationError.single(
                field,
                f"{label} '{value}' is unclear: write {text[:-4]} {text[-3:]} for thousands "
                f"or {text[:-4]},{text[-3:-1]} with two decimals.",
                line,
            )
        if text.count(",") == 1 and "." not in text:
            text = text.replace(",", ".")
        try:
            number = Decimal(text)
        except (InvalidOperation, ValueError):
            raise ValidationError.single(
                field, f"{label} '{value}' is not a number.", line
            ) from None
    if not number.is_finite():
        raise ValidationError.single(field, f"{label} '{value}' is not a number.", line)
    if abs(number) > MONEY_MAX * QUANTITY_MAX:
        raise ValidationError.single(field, f"{label} '{value}' is too large.", line)
    return number


def parse_money(value: MoneyInput, field: str, label: str, line: int | None = None) -> Decimal:
    """A money amount ≥ 0 with at most two digits after the point."""
    number = parse_decimal(value, field, label, line)
    if number < 0:
        raise ValidationError.single(field, f"{label} must not be negative (got {value}).", line)
    if number > MONEY_MAX:
        raise ValidationError.single(
            field, f"{label} '{value}' is too large (at most {MONEY_MAX:,}).", line
        )
    if number != number.quantize(Decimal("0.01")):
        raise ValidationError.single(
            field, f"{label} '{value}' has more than two digits after the point.", line
        )
    return number.quantize(Decimal("0.01"))


def parse_quantity(value: int | str, field: str = "quantity", line: int | None = None) -> int:
    """A whole number of units, at least 1 (`3` and `3,0` are both three)."""
    if isinstance(value, bool):
        raise TypeError("quantity: pass int or text, not bool")
    number = parse_decimal(value, field, "Quantity", line) if not isinstance(value, int) else value
    if number != int(number):
        raise ValidationError.single(field, f"Quantity '{value}' is not a whole number.", line)
    if number < 1:
        raise ValidationError.single(field, f"Quantity must be at least 1 (got {value}).", line)
    if number > QUANTITY_MAX:
        raise ValidationError.single(
            field, f"Quantity {value} is too large (at most {QUANTITY_MAX:,}).", line
        )
    return int(number)


def parse_date(value: DateInput, field: str = "date", line: int | None = None) -> dt.date:
    """A date object, or text as `13.09.2026`, `2026-09-13` or `13.09.26`."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text:
        raise ValidationError.single(field, "Date is required.", line, "date.required")
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    if _looks_like(text):
        raise ValidationError.single(
            field,
            f"Date '{text}' does not exist in the calendar.",
            line,
            "date.no_such_day",
            (text,),
        )
    raise ValidationError.single(
        field,
        f"Date '{text}' is not a date; write it as 13.09.2026 or 2026-09-13.",
        line,
        "date.invalid",
        (text,),
    )


def _looks_like(text: str) -> bool:
    """True when text has a date's shape (so 31.02.2026 is 'no such day', not 'not a date')."""
    return bool(
        re.fullmatch(r"\d{1,2}\.\d{1,2}\.(\d{2}|\d{4})", text)
        or re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text)
        or re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}", text)
    )


def required_name(value: str | None, field: str, label: str, max_length: int = 200) -> str:
    """A trimmed name with at least one visible character, at most `max_length` long."""
    name = (value or "").strip()
    if not any(char.isprintable() and not char.isspace() for char in name):
        raise ValidationError.single(field, f"{label} is required.")
    if len(name) > max_length:
        raise ValidationError.single(
            field, f"{label} is longer than {max_length} characters ({len(name)})."
        )
    return name


def clean_text(value: str | None, max_length: int | None = None) -> str | None:
    """Trimmed text, or None when blank."""
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    return text[:max_length] if max_length else text
