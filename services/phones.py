"""Phone numbers: any way people write them in, E.164 stored, international format shown.

An extension ("+7 495 123-45-67 доб. 5", "ext. 5", "x5", "#5", ",5") is part of the number:
two people behind one switchboard are two numbers. It is stored after the E.164 number the
way RFC 3966 writes it (`+74951234567;ext=5`) and shown after a comma (`+7 495 123-45-67, 5`):
the comma is how phones dial an extension (a pause, then the digits), it reads the same in
every language, and phonenumbers reads it back, so an exported number imports as itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, ValidationResult

from services.errors import ValidationError

_REASONS = {
    ValidationResult.TOO_SHORT: "phone.too_short",
    ValidationResult.TOO_LONG: "phone.too_long",
    ValidationResult.INVALID_COUNTRY_CODE: "phone.bad_country",
    ValidationResult.INVALID_LENGTH: "phone.wrong_length",
}
_EXTENSION_MARK = ";ext="
# The longest extension phonenumbers reads back after a comma (the shown form); real ones
# have 2 to 6 digits.
EXTENSION_MAX = 9
# An extension at the end of a search text, so the number's own digits are searched.
_TYPED_EXTENSION = re.compile(
    r"(?<=[\d)\s])\s*(?:,|#|x|ext\.?|доб\.?|добавочный)\s*\d+\s*$", re.IGNORECASE
)


def normalize_phone(text: str, region: str = "RU", field: str = "phone") -> str:
    """`8 (916) 123-45-67`, `+7 916 1234567`, `89161234567`, `9161234567` → `+79161234567`;
    with an extension (`… доб. 5`) → `+79161234567;ext=5`."""
    raw = text.strip()
    try:
        number = phonenumbers.parse(raw, region)
    except NumberParseException:
        raise ValidationError.of(field, "phone.not_a_number", raw) from None
    if not phonenumbers.is_valid_number(number):
        code = _REASONS.get(phonenumbers.is_possible_number_with_reason(number), "phone.not_in_use")
        raise ValidationError.of(field, code, raw)
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    if not number.extension:
        return e164
    if len(number.extension) > EXTENSION_MAX:
        raise ValidationError.of(field, "phone.extension_too_long", raw, EXTENSION_MAX)
    return f"{e164}{_EXTENSION_MARK}{number.extension}"


def format_phone(stored: str | None) -> str:
    """`+79161234567` → `+7 916 123-45-67`; `+74951234567;ext=5` → `+7 495 123-45-67, 5`;
    empty for no phone."""
    if not stored:
        return ""
    e164, _mark, extension = stored.partition(_EXTENSION_MARK)
    try:
        shown = phonenumbers.format_number(
            phonenumbers.parse(e164, None), PhoneNumberFormat.INTERNATIONAL
        )
    except NumberParseException:
        return stored
    return f"{shown}, {extension}" if extension else shown


@dataclass(frozen=True)
class PhoneSearch:
    """What a search box text means as a phone: the whole number when it is one, the digits
    to find anywhere in a stored number, and the stored beginning a national `8…` stands for."""

    exact: str | None = None
    digits: str | None = None
    prefix: str | None = None


def phone_search_keys(text: str, region: str = "RU") -> PhoneSearch:
    # The digits of the number itself: "123-45-67 доб. 5" finds +7 495 123-45-67 (and its
    # extensions); the whole number with its extension is the exact match.
    digits = re.sub(r"\D", "", _TYPED_EXTENSION.sub("", text))
    if len(digits) < 3:
        return PhoneSearch()
    try:
        exact = normalize_phone(text, region)
    except ValidationError:
        exact = None
    # "8916…" typed the Russian national way is stored as "+7916…"; but "…8005" at the end
    # of a number is just digits, so the raw digits are searched as well.
    prefix = f"+7{digits[1:]}" if region == "RU" and digits.startswith("8") else None
    return PhoneSearch(exact, digits, prefix)
