"""Phone numbers: any way people write them in, E.164 stored, international format shown."""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, ValidationResult

from services.errors import ValidationError

_REASONS = {
    ValidationResult.TOO_SHORT: "it is too short",
    ValidationResult.TOO_LONG: "it is too long",
    ValidationResult.INVALID_COUNTRY_CODE: "the country code is unknown",
    ValidationResult.INVALID_LENGTH: "it has the wrong number of digits",
}


def normalize_phone(text: str, region: str = "RU", field: str = "phone") -> str:
    """`8 (916) 123-45-67`, `+7 916 1234567`, `89161234567`, `9161234567` → `+79161234567`."""
    raw = text.strip()
    try:
        number = phonenumbers.parse(raw, region)
    except NumberParseException:
        raise ValidationError.single(field, f"Phone '{raw}' is not a phone number.") from None
    if not phonenumbers.is_valid_number(number):
        reason = _REASONS.get(
            phonenumbers.is_possible_number_with_reason(number),
            "no such number is in use in that country",
        )
        raise ValidationError.single(field, f"Phone '{raw}' is not a valid number: {reason}.")
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def format_phone(e164: str | None) -> str:
    """`+79161234567` → `+7 916 123-45-67`; empty for no phone."""
    if not e164:
        return ""
    try:
        return phonenumbers.format_number(
            phonenumbers.parse(e164, None), PhoneNumberFormat.INTERNATIONAL
        )
    except NumberParseException:
        return e164


def phone_search_keys(text: str, region: str = "RU") -> tuple[str | None, str | None]:
    """For a search box: the exact E.164 when the text is a whole valid number, and the digits
    to look for inside stored numbers (a leading national 8 becomes the 7 stored in E.164)."""
    digits = re.sub(r"\D", "", text)
    if len(digits) < 3:
        return None, None
    try:
        exact = normalize_phone(text, region)
    except ValidationError:
        exact = None
    if region == "RU" and digits.startswith("8") and len(digits) >= 4:
        digits = "7" + digits[1:]
    return exact, digits
