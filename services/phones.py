"""Phone numbers: any way people write them in, E.164 stored, international format shown."""

from __future__ import annotations

import re
from dataclasses import dataclass

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


@dataclass(frozen=True)
class PhoneSearch:
    """What a search box text means as a phone: the whole number when it is one, the digits
    to find anywhere in a stored number, and the stored beginning a national `8…` stands for."""

    exact: str | None = None
    digits: str | None = None
    prefix: str | None = None


def phone_search_keys(text: str, region: str = "RU") -> PhoneSearch:
    digits = re.sub(r"\D", "", text)
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
