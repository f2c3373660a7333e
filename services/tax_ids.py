"""Tax ids: a Russian INN is checked by its check digits (10 digits for a company, 12 for a
person or sole trader); elsewhere a tax id is kept as typed."""

from __future__ import annotations

from services.errors import ValidationError
from services.messages import Label

TAX_ID_MAX = 20
_WEIGHTS_10 = (2, 4, 10, 3, 5, 9, 4, 6, 8)
_WEIGHTS_11 = (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
_WEIGHTS_12 = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)


def _check_digit(digits: str, weights: tuple[int, ...]) -> int:
    return sum(int(d) * w for d, w in zip(digits, weights, strict=False)) % 11 % 10


def inn_is_valid(inn: str) -> bool:
    """Whether the 10 or 12 digits add up (the Federal Tax Service's check-digit rule)."""
    if not inn.isdigit() or not inn.isascii():
        return False
    if len(inn) == 10:
        return _check_digit(inn, _WEIGHTS_10) == int(inn[9])
    if len(inn) == 12:
        return _check_digit(inn, _WEIGHTS_11) == int(inn[10]) and _check_digit(
            inn, _WEIGHTS_12
        ) == int(inn[11])
    return False


def check_tax_id(text: str | None, region: str, field: str = "tax_id") -> str | None:
    """The tax id as stored (spaces dropped), None when blank; in Russia (`region` "RU") an
    INN with the right length and check digits, or a clear refusal."""
    value = "".join((text or "").split())
    if not value:
        return None
    if region != "RU":
        if len(value) > TAX_ID_MAX:
            raise ValidationError.of(field, "name.too_long", Label("INN"), TAX_ID_MAX, len(value))
        return value
    if not (value.isdigit() and value.isascii()):
        raise ValidationError.of(field, "tax_id.not_digits", value)
    if len(value) not in (10, 12):
        raise ValidationError.of(field, "tax_id.wrong_length", value, len(value))
    if not inn_is_valid(value):
        raise ValidationError.of(field, "tax_id.bad_checksum", value)
    return value
