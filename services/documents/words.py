"""An amount in words, as invoices write it: "Двадцать шесть тысяч триста двадцать два рубля
50 копеек". The number words and the currency's plural forms come from num2words (Russian
cases and genders included: "одна тысяча", "два рубля", "двадцать одна копейка" is never
written, kopecks stay digits); the sentence starts with a capital letter."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from num2words import num2words

LANGUAGES = ("ru", "en")


def amount_in_words(amount: Decimal, language: str = "ru", currency: str = "RUB") -> str:
    """`amount` (whole units and two-digit cents) in `language` ("ru" or "en"; another one is
    said in English). A currency num2words has no forms for in that language is named by its
    code: "Five hundred KZT 50"."""
    lang = language if language in LANGUAGES else "en"
    exact = Decimal(amount).quantize(Decimal("0.01"), ROUND_HALF_UP)
    try:
        text: str = num2words(  # num2words has no type stubs
            exact, lang=lang, to="currency", currency=currency, cents=False, separator=""
        )
    except NotImplementedError:
        whole = int(exact)
        cents = int((exact - whole) * 100)
        text = f"{num2words(whole, lang=lang)} {currency} {cents:02d}"
    return text[:1].upper() + text[1:]
