"""Turning what people type (or what a form hands over) into dates, money, quantities and
text, within the bounds that keep every sum exact."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from services.errors import Problem, ValidationError
from services.figures_math import line_figures
from services.messages import Label

# Spaces people and spreadsheets put inside numbers: plain, no-break, narrow no-break, thin.
_GROUP_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]")
_CURRENCY_MARKS = re.compile(r"(₽|руб\.?|р\.|RUB|\$|USD|€|EUR)", re.IGNORECASE)
_DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y", "%d/%m/%Y")

MoneyInput = Decimal | int | str
# One separator and exactly three digits after it, not after a lone 0: 12,500 or 1.250.
_THOUSANDS_OR_DECIMAL = re.compile(r"-?(?!0[.,])\d{1,3}[.,]\d{3}")

# Bounds that make an overflow impossible. Money is stored as integer kopecks in SQLite,
# whose integers (and whose SUM, which raises "integer overflow" rather than wrap) stop at
# 2**63 - 1 ≈ 9.22e18 kopecks.
# - A unit price or cost is at most MONEY_MAX = 10**9 ₽, a quantity at most QUANTITY_MAX =
#   10**6: one line's quantity × price ≤ 10**15 ₽ = 10**17 kopecks, so the product computed
#   by the order-total triggers never overflows on its own.
# - An order's amount and its cost are each at most ORDER_TOTAL_MAX = 10**10 ₽ = 10**12
#   kopecks (checked on the whole order before anything is written: order_total_problems),
#   and so is each of its lines. The trigger's SUM over one order's lines then stays ≤ 10**12,
#   and its profit within ±10**12.
# - Every figure (a period, a contact, a product, the order list's groups, the report) sums
#   lines or orders of one database: at most (number of orders) × 10**12 kopecks, which
#   stays below 9.22e18 for up to 9.2 million orders each at the maximum — far beyond any
#   shop, whose orders are mostly a hundred-thousandth of that bound. Decimal's 28 digits
#   hold such sums (≤ 10**17 ₽ with kopecks: 19 digits) and their ratios exactly enough.
MONEY_MAX = Decimal(10**9)  # a billion per unit
QUANTITY_MAX = 1_000_000
ORDER_TOTAL_MAX = Decimal(10**10)  # ten billion per order (amount, and cost)

# Dates Lavka keeps: far around any real sale or task, so a typo (0213 for 2013, 20266) is
# refused rather than stored, and every date sorts, exports and imports as written.
DATE_MIN = dt.date(1990, 1, 1)
DATE_MAX = dt.date(2100, 12, 31)
DateInput = dt.date | str

# Characters a person cannot see or type on purpose: Unicode's control characters (category
# Cc: U+0000–001F, U+007F–009F) but tab and the line breaks, and lone surrogates (Cs), which
# cannot even be stored as UTF-8.
_REFUSED_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def parse_decimal(value: MoneyInput, field: str, label: str, line: int | None = None) -> Decimal:
    """`1 250,50`, `1250.5`, `1 250 ₽`, Decimal or int to Decimal; anything else is refused."""
    if isinstance(value, bool | float):
        # bool is an int and float cannot hold kopecks exactly: both are caller bugs.
        raise TypeError(f"{label}: pass Decimal, int or text, not {type(value).__name__}")
    name = Label(label)
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    else:
        text = _CURRENCY_MARKS.sub("", _GROUP_SPACES.sub("", str(value)))
        if _THOUSANDS_OR_DECIMAL.fullmatch(text):
            # "12,500" is 12 500 to some and 12,5 to others; a wrong guess is a wrong sum.
            thousands, decimals = f"{text[:-4]} {text[-3:]}", f"{text[:-4]},{text[-3:-1]}"
            raise ValidationError.of(
                field, "number.unclear", name, value, thousands, decimals, line=line
            )
        if text.count(",") == 1 and "." not in text:
            text = text.replace(",", ".")
        try:
            number = Decimal(text)
        except (InvalidOperation, ValueError):
            raise ValidationError.of(field, "number.not_number", name, value, line=line) from None
    if not number.is_finite():
        raise ValidationError.of(field, "number.not_number", name, value, line=line)
    if abs(number) > MONEY_MAX * QUANTITY_MAX:
        raise ValidationError.of(field, "number.too_large", name, value, line=line)
    return number


def parse_money(value: MoneyInput, field: str, label: str, line: int | None = None) -> Decimal:
    """A money amount ≥ 0, at most MONEY_MAX, with at most two digits after the point."""
    number = parse_decimal(value, field, label, line)
    name = Label(label)
    if number < 0:
        raise ValidationError.of(field, "money.negative", name, value, line=line)
    if number > MONEY_MAX:
        raise ValidationError.of(field, "money.too_large", name, value, MONEY_MAX, line=line)
    if number != number.quantize(Decimal("0.01")):
        raise ValidationError.of(field, "money.too_precise", name, value, line=line)
    return number.quantize(Decimal("0.01"))


def parse_quantity(value: int | str, field: str = "quantity", line: int | None = None) -> int:
    """A whole number of units, at least 1 (`3` and `3,0` are both three)."""
    if isinstance(value, bool):
        raise TypeError("quantity: pass int or text, not bool")
    number = parse_decimal(value, field, "Quantity", line) if not isinstance(value, int) else value
    if number != int(number):
        raise ValidationError.of(field, "quantity.not_whole", value, line=line)
    if number < 1:
        raise ValidationError.of(field, "quantity.too_small", value, line=line)
    if number > QUANTITY_MAX:
        raise ValidationError.of(field, "quantity.too_large", value, QUANTITY_MAX, line=line)
    return int(number)


def order_total_problems(
    lines: Iterable[tuple[int | None, int, Decimal, Decimal]],
    field: str = "lines",
    line: int | None = None,
) -> list[Problem]:
    """What makes an order too large to keep exactly (see ORDER_TOTAL_MAX), from its lines as
    (line or row number, quantity, unit price, unit cost), each already parsed: a line whose
    amount or cost alone is over the bound is named by its number; otherwise an order whose
    total amount or cost is over it is named by `field` (and `line`, for an import's row)."""
    problems: list[Problem] = []
    amount = cost = Decimal(0)
    for number, quantity, price, unit_cost in lines:
        figures = line_figures(quantity, price, unit_cost)
        for key, label, value in (
            ("unit_price", "Amount", figures.amount),
            ("unit_cost", "Cost", figures.cost),
        ):
            if value > ORDER_TOTAL_MAX:
                problems.append(
                    Problem.of(
                        key,
                        "order.line_too_large",
                        Label(label),
                        value,
                        ORDER_TOTAL_MAX,
                        line=number,
                    )
                )
        amount += figures.amount
        cost += figures.cost
    if not problems:
        for label, total in (("Amount", amount), ("Cost", cost)):
            if total > ORDER_TOTAL_MAX:
                problems.append(
                    Problem.of(
                        field,
                        "order.total_too_large",
                        Label(label),
                        total,
                        ORDER_TOTAL_MAX,
                        line=line,
                    )
                )
    return problems


def parse_date(value: DateInput, field: str = "date", line: int | None = None) -> dt.date:
    """A date object, or text as `13.09.2026`, `2026-09-13` or `13.09.26`; from DATE_MIN to
    DATE_MAX."""
    if isinstance(value, dt.datetime):
        return _in_range(value.date(), value, field, line)
    if isinstance(value, dt.date):
        return _in_range(value, value, field, line)
    text = str(value).strip()
    if not text:
        raise ValidationError.of(field, "date.required", line=line)
    for fmt in _DATE_FORMATS:
        try:
            day = dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        return _in_range(day, text, field, line)
    if _looks_like(text):
        raise ValidationError.of(field, "date.no_such_day", text, line=line)
    raise ValidationError.of(field, "date.invalid", text, line=line)


def _in_range(day: dt.date, typed: object, field: str, line: int | None) -> dt.date:
    if not DATE_MIN <= day <= DATE_MAX:
        raise ValidationError.of(field, "date.out_of_range", typed, DATE_MIN, DATE_MAX, line=line)
    return day


def _looks_like(text: str) -> bool:
    """True when text has a date's shape (so 31.02.2026 is 'no such day', not 'not a date')."""
    return bool(
        re.fullmatch(r"\d{1,2}\.\d{1,2}\.(\d{2}|\d{4})", text)
        or re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text)
        or re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}", text)
    )


def check_typed_text(value: str, field: str, label: str, line: int | None = None) -> str:
    """`value` unchanged, or refused when it holds a control character other than tab and
    line breaks (a pasted bell, escape or NUL, invisible in the field and harmful in exports)
    or a lone surrogate; the problem names the field and the 1-based position."""
    found = _REFUSED_CHARACTERS.search(value)  # one scan in C: names are checked per row
    if found is not None:
        raise ValidationError.of(
            field,
            "text.control_char",
            Label(label),
            found.start() + 1,
            f"U+{ord(found.group()):04X}",
            line=line,
        )
    return value


def required_name(
    value: str | None, field: str, label: str, max_length: int = 200, line: int | None = None
) -> str:
    """A trimmed name with at least one visible character, at most `max_length` long."""
    name = check_typed_text(value or "", field, label, line).strip()
    if not any(char.isprintable() and not char.isspace() for char in name):
        raise ValidationError.of(field, "name.required", Label(label), line=line)
    if len(name) > max_length:
        raise ValidationError.of(
            field, "name.too_long", Label(label), max_length, len(name), line=line
        )
    return name


def clean_text(
    value: str | None,
    max_length: int | None = None,
    field: str = "text",
    label: str = "Text",
    line: int | None = None,
) -> str | None:
    """Trimmed text, or None when blank; refused (naming `field`) with a control character."""
    if value is None:
        return None
    text = check_typed_text(str(value), field, label, line).strip()
    if not text:
        return None
    return text[:max_length] if max_length else text
