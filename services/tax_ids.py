"""Tax ids: a Russian INN is checked by its check digits (10 digits for a company, 12 for a
person or sole trader); elsewhere a tax id is kept as typed."""

from __future__ import annotations

import re

from services.errors import Problem, ValidationError
from services.messages import Label

TAX_ID_MAX = 20
_KPP = re.compile(r"[0-9]{4}[0-9A-Z]{2}[0-9]{3}")
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


def ogrn_is_valid(ogrn: str) -> bool:
    """OGRN (13 digits, a company) or OGRNIP (15, a sole trader): the last digit is the rest
    of the number before it divided by 11 (by 13 for OGRNIP), its last digit."""
    if not ogrn.isdigit() or not ogrn.isascii() or len(ogrn) not in (13, 15):
        return False
    divisor = 11 if len(ogrn) == 13 else 13
    return int(ogrn[:-1]) % divisor % 10 == int(ogrn[-1])


def check_registration_ids(
    kpp: str | None, ogrn: str | None, region: str
) -> tuple[list[Problem], str, str]:
    """The KPP (9 characters: 4 digits, 2 digits or letters, 3 digits) and the OGRN(IP) as
    stored, blank allowed; in Russia each checked, with a problem per field."""
    kpp_value = "".join((kpp or "").split()).upper()
    ogrn_value = "".join((ogrn or "").split())
    problems: list[Problem] = []
    if region == "RU" and kpp_value and not _KPP.fullmatch(kpp_value):
        problems.append(Problem.of("kpp", "tax_id.kpp_invalid", kpp_value))
    if region == "RU" and ogrn_value and not ogrn_is_valid(ogrn_value):
        problems.append(Problem.of("ogrn", "tax_id.ogrn_invalid", ogrn_value))
    for field, value in (("kpp", kpp_value), ("ogrn", ogrn_value)):
        if len(value) > TAX_ID_MAX:
            problems.append(Problem.of(field, "tax_id.too_long", value, TAX_ID_MAX))
    return problems, kpp_value, ogrn_value
