"""Column types: money kept as integer minor units, handled as Decimal."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, overload

from sqlalchemy import BigInteger, Integer
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

MINOR_UNITS = 100  # kopecks per rouble, cents per dollar: every supported currency has 2 digits
_QUANTUM = Decimal("0.01")


class MoneyPrecisionError(ValueError):
    """A money value has more digits after the point than the currency allows."""


def to_minor(value: Decimal | int) -> int:
    """Decimal major units to integer minor units, refusing sub-kopeck amounts."""
    if isinstance(value, int):
        return value * MINOR_UNITS
    if not isinstance(value, Decimal):
        raise TypeError(f"money must be Decimal or int, not {type(value).__name__}")
    scaled = value * MINOR_UNITS
    if scaled != scaled.to_integral_value():
        raise MoneyPrecisionError(f"{value} has more than two digits after the point")
    return int(scaled)


@overload
def from_minor(minor: int) -> Decimal: ...
@overload
def from_minor(minor: None) -> None: ...
@overload
def from_minor(minor: int | None) -> Decimal | None: ...
def from_minor(minor: int | None) -> Decimal | None:
    """Integer minor units to Decimal with exactly two places."""
    if minor is None:
        return None
    return (Decimal(int(minor)) / MINOR_UNITS).quantize(_QUANTUM)


# SQLite's INTEGER is 64 bits; PostgreSQL's is 32 (21 million roubles in kopecks): sums and
# money are BIGINT there.
BigInt = Integer().with_variant(BigInteger(), "postgresql")


class Money(TypeDecorator[Decimal]):
    """Stored as INTEGER minor units; Python side is always Decimal, never float."""

    impl = Integer
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> Any:
        return dialect.type_descriptor(BigInteger() if dialect.name == "postgresql" else Integer())

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        if value is None:
            return None
        return to_minor(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        minor: int | None = value  # the INTEGER column's value
        return from_minor(minor)
