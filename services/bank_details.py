"""A Russian bank's details on an invoice: the BIK (9 digits, the bank's id at the Central
Bank), the settlement account (20 digits) and the bank's correspondent account (20 digits,
starting 30101). Both accounts carry a control digit computed with the BIK (the Central
Bank's rule: weights 7, 1, 3 over 23 digits, the sum ends in 0), so a mistyped digit in any
of them is caught before it reaches a customer's payment."""

from __future__ import annotations

from services.errors import Problem

_WEIGHTS = (7, 1, 3) * 8


def _key_fits(digits: str) -> bool:
    return sum(int(d) * w for d, w in zip(digits, _WEIGHTS, strict=False)) % 10 == 0


def account_fits_bik(account: str, bik: str) -> bool:
    """A settlement account at a bank: the BIK's last three digits, then the account."""
    return _digits(account, 20) and _digits(bik, 9) and _key_fits(bik[-3:] + account)


def correspondent_fits_bik(account: str, bik: str) -> bool:
    """A bank's correspondent account: "0", the BIK's 5th and 6th digits, then the account."""
    return _digits(account, 20) and _digits(bik, 9) and _key_fits("0" + bik[4:6] + account)


def check_bank_details(
    bik: str | None, account: str | None, correspondent: str | None, region: str
) -> tuple[list[Problem], str, str, str]:
    """The three as stored (spaces dropped; blank allowed) and, in Russia, a problem per field
    that does not add up. An account needs the BIK to be checked, so one without it is
    refused at the BIK."""
    values = ["".join((text or "").split()) for text in (bik, account, correspondent)]
    bik_value, account_value, corr_value = values
    problems: list[Problem] = []
    if region != "RU":
        for field, value in zip(("bik", "account", "correspondent_account"), values, strict=True):
            if len(value) > 34:  # an IBAN's length
                problems.append(Problem.of(field, "bank.too_long", value, 34))
        return problems, bik_value, account_value, corr_value
    if bik_value and not _digits(bik_value, 9):
        problems.append(Problem.of("bik", "bank.bik_invalid", bik_value))
    elif not bik_value and (account_value or corr_value):
        problems.append(Problem.of("bik", "bank.bik_required"))
    bik_ok = _digits(bik_value, 9)
    for field, value, fits in (
        ("account", account_value, account_fits_bik),
        ("correspondent_account", corr_value, correspondent_fits_bik),
    ):
        if not value:
            continue
        if not _digits(value, 20):
            problems.append(Problem.of(field, "bank.account_length", value, len(value)))
        elif bik_ok and not fits(value, bik_value):
            problems.append(Problem.of(field, "bank.account_key", value, bik_value))
    return problems, bik_value, account_value, corr_value


def _digits(text: str, length: int) -> bool:
    return len(text) == length and text.isdigit() and text.isascii()
